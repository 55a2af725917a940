"""The progress line of ``eventcoder code``: on a terminal's standard error for long runs, silent otherwise."""
import io
import json

import pytest

from eventcoder import progress
from eventcoder.cli import main
from eventcoder.progress import Progress

from .conftest import MINI


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


def test_nothing_is_drawn_before_the_delay_then_counts_and_rate():
    tty, clock = FakeTTY(), Clock()
    bar = Progress(tty, clock=clock, delay=1.0, interval=0.5, width=200)
    for _ in range(10):
        clock.t += 0.05
        bar.update(events=2)
    assert tty.getvalue() == ""  # a short run says nothing
    clock.t = 102.0
    bar.update(events=3, errors=True)
    text = tty.getvalue()
    assert text.startswith("\r\x1b[K") and "11 docs" in text and "6 docs/s" in text
    assert "23 events" in text and "1 error " in text and "0:02" in text
    bar.close()
    assert tty.getvalue().endswith("\n")


def test_redraws_at_most_every_interval():
    tty, clock = FakeTTY(), Clock()
    bar = Progress(tty, clock=clock, delay=0, interval=1.0)
    for _ in range(100):
        clock.t += 0.01
        bar.update()
    assert tty.getvalue().count("\r") == 1  # the first update draws, the next 99 are within a second
    clock.t += 1.0
    bar.update()
    assert tty.getvalue().count("\r") == 2


def test_a_known_total_gives_a_bar_and_the_time_left():
    clock = Clock()
    bar = Progress(FakeTTY(), clock=clock, total=200, delay=0, width=300)
    bar.update(docs=50)
    clock.t += 10
    line = bar.line()
    assert "[#####...............]  25%" in line and "50/200 docs" in line and "left 0:30" in line


def test_silent_when_not_a_terminal():
    out, clock = io.StringIO(), Clock()
    bar = Progress(out, clock=clock, delay=0)
    for _ in range(5):
        clock.t += 10
        bar.update(events=1)
    bar.close()
    assert out.getvalue() == "" and bar.docs == 5 and bar.events == 5


def test_silent_on_a_dumb_terminal(monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.is_terminal(FakeTTY())
    assert not progress.is_terminal(object())


def test_the_line_fits_the_terminal():
    clock = Clock()
    bar = Progress(FakeTTY(), clock=clock, delay=0, width=30)
    bar.update(docs=123456, events=987654)
    assert max(len(line) for line in bar.stream.getvalue().split("\r\x1b[K")) <= 29


def test_a_closed_stream_never_stops_the_work():
    tty, clock = FakeTTY(), Clock()
    bar = Progress(tty, clock=clock, delay=0)
    tty.close()
    bar.update()
    bar.close()
    assert bar.docs == 1


# ------------------------------------------------------------------------------ in the command

@pytest.fixture
def notes(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text("".join(json.dumps({"id": f"n{k}", "text": "Iraqi police attacked protesters in Mosul."}) + "\n"
                         for k in range(30)) + "{bad\n", encoding="utf-8")
    return f


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_draws_on_a_terminal(notes, monkeypatch, jobs):
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    monkeypatch.setenv("COLUMNS", "200")
    err, out = FakeTTY(), io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr("sys.stdout", out)
    assert main(["code", str(notes), "--dict", str(MINI), "--jobs", jobs]) == 1
    text = err.getvalue()
    assert "\r\x1b[K" in text and "docs/s" in text and "30 events" in text and "1 error " in text
    assert "31/31 docs" in text and "100%" in text  # the total comes from counting the lines
    assert len(out.getvalue().splitlines()) == 30 and "\r" not in out.getvalue()
    assert "docs.jsonl:31: bad JSON line" in text


def test_the_command_is_silent_when_standard_error_is_not_a_terminal(notes, monkeypatch, capsys):
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    assert main(["code", str(notes), "--dict", str(MINI)]) == 1
    assert "\r" not in capsys.readouterr().err


def test_the_command_does_not_draw_over_events_printed_to_the_terminal(notes, monkeypatch):
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    err, out = FakeTTY(), FakeTTY()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr("sys.stdout", out)
    main(["code", str(notes), "--dict", str(MINI)])
    assert "\r" not in err.getvalue()
    main(["code", str(notes), "--dict", str(MINI), "--progress"])  # unless asked to
    assert "\r" in err.getvalue()


def test_no_progress_turns_it_off(notes, monkeypatch, tmp_path):
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    err = FakeTTY()
    monkeypatch.setattr("sys.stderr", err)
    main(["code", str(notes), "--dict", str(MINI), "-o", str(tmp_path / "out.jsonl"), "--no-progress"])
    assert "\r" not in err.getvalue()
