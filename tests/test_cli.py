import io
import json

import pytest

from eventcoder import __version__
from eventcoder.cli import main
from eventcoder.records import EVENT_KEYS

from .conftest import MINI

SENT = "Iraqi police attacked protesters in Mosul."


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and __version__ in capsys.readouterr().out


def test_code_a_text_file_as_jsonl(tmp_path, capsys):
    f = tmp_path / "doc.txt"
    f.write_text(SENT, encoding="utf-8")
    code, out, _ = run(capsys, "code", str(f), "--date", "2024-01-04", "--dict", str(MINI))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and tuple(rows[0]) == EVENT_KEYS and rows[0]["doc_id"] == "doc"
    assert rows[0]["date"] == "2024-01-04"


def test_code_as_csv_to_a_file(tmp_path, capsys):
    f = tmp_path / "doc.txt"
    f.write_text(SENT, encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, _ = run(capsys, "code", str(f), "--format", "csv", "-o", str(out), "--dict", str(MINI))
    assert code == 0 and out.read_text(encoding="utf-8").splitlines()[0] == ",".join(EVENT_KEYS)


def test_jsonl_bad_line_is_reported_and_the_rest_coded(tmp_path, capsys):
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps({"id": "a", "text": SENT}) + "\n{not json\n" +
                 json.dumps({"id": "c", "text": SENT, "date": "2024-01-04"}) + "\n"
                 + json.dumps({"id": "d", "text": SENT, "date": "yesterday-ish"}) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "code", str(f), "--dict", str(MINI))
    ids = [json.loads(line)["doc_id"] for line in out.splitlines()]
    assert code == 1 and ids == ["a", "c"]
    assert "docs.jsonl:2: bad JSON line" in err and "docs.jsonl:4:" in err


def test_standard_input(capsys, monkeypatch):
    code, out, _ = run(capsys, "code", "-", "--dict", str(MINI), stdin=SENT, monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out.splitlines()[0])["doc_id"] == "stdin"


def test_missing_file_and_bad_date_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "code", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err
    f = tmp_path / "doc.txt"
    f.write_text(SENT, encoding="utf-8")
    code, _, err = run(capsys, "code", str(f), "--date", "2024-02-30")
    assert code == 2 and "2024-02-30" in err


def test_explain_command(capsys):
    code, out, _ = run(capsys, "explain", SENT, "--dict", str(MINI))
    assert code == 0 and "trigger: 'attacked'" in out
    code, out, _ = run(capsys, "explain", SENT, "--dict", str(MINI), "--json")
    assert json.loads(out)["events"]


def test_dict_check_reports_every_problem(tmp_path, capsys):
    bad = tmp_path / "bad.dict"
    bad.write_text("country iraq Iraq\nverb 999 attack\n", encoding="utf-8")
    code, _, err = run(capsys, "dict", "check", str(bad))
    assert code == 2 and "bad.dict:1:9" in err
    code, out, _ = run(capsys, "dict", "check", str(MINI))
    assert code == 0 and out.startswith("ok:")


def test_dict_check_since_sets_the_coverage_start(tmp_path, capsys):
    d = tmp_path / "late.dict"
    d.write_text("country ARM Armenia\nperson Arman Late\n  as ARMGOV 2010-05-01.. head of state\n",
                 encoding="utf-8")
    _, _, err = run(capsys, "dict", "check", str(d))
    assert "before the first one listed" in err
    _, _, err = run(capsys, "dict", "check", str(d), "--since", "2011-01-01")
    assert "before the first one listed" not in err
    _, _, err = run(capsys, "dict", "check", str(d), "--since", "none")
    assert "before the first one listed" not in err


def test_dict_check_is_clean_on_the_shipped_dictionaries(capsys):
    code, out, _ = run(capsys, "dict", "check")
    assert code == 0, out


def test_dict_stats(capsys):
    code, out, _ = run(capsys, "dict", "stats")
    assert code == 0 and out.startswith("CAMEO codes with patterns:")
    code, out, _ = run(capsys, "dict", "stats", "--json")
    assert json.loads(out)["cameo_codes"] == 318


def test_code_in_acled_schema(tmp_path, capsys):
    f = tmp_path / "note.txt"
    f.write_text("On 3 May 2023, students protested in Nairobi against fee increases.", encoding="utf-8")
    code, out, _ = run(capsys, "code", str(f), "--schema", "acled")
    row = json.loads(out.splitlines()[0])
    assert code == 0 and row["event_type"] == "Protests" and row["interaction"] == 60


def test_evaluate_acled_scores_an_export(tmp_path, capsys):
    f = tmp_path / "export.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"notes": "On 3 May 2023, students protested in Nairobi against fee increases.", "event_date": "2023-05-03",
         "event_type": "Protests", "sub_event_type": "Peaceful protest", "interaction": "Protesters only",
         "country": "Kenya", "fatalities": 0},
        {"notes": "On 4 May 2023, gunmen shot dead three villagers in Zamfara, Nigeria.", "event_date": "2023-05-04",
         "event_type": "Violence against civilians", "sub_event_type": "Attack", "interaction": 37,
         "country": "Nigeria", "fatalities": 3}]) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "evaluate", "acled", str(f), "--json")
    rep = json.loads(out)
    assert code == 0 and rep["notes"] == 2 and rep["accuracy"]["event_type"] == 1.0
    assert rep["fatalities"]["exact"] == 1.0 and rep["accuracy"]["interaction"] == 1.0
