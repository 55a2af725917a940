"""code_many(jobs=N), eventcoder.parallel and ``eventcoder code --jobs``: order, errors, streaming."""
import itertools
import json
import os
import pickle

import pytest

import eventcoder
from eventcoder import parallel
from eventcoder.cli import main
from eventcoder.errors import EventcoderError, InputError
from eventcoder.parallel import DocResult, WorkerError, code_documents

from .conftest import MINI, triples

TEXTS = ["Iraqi police attacked protesters in Mosul.", "The US threatened to attack Syria.",
         "Syria was denounced by Iraq.", "A drone strike killed two Iraqi soldiers.", "Nothing at all.",
         "Sudani denounced Washington.", "Syrian forces fought Iraqi troops. Britain condemned the attack."]


def corpus(n):
    return [(f"d{k}", TEXTS[k % len(TEXTS)], "2024-01-04" if k % 2 else None) for k in range(n)]


def test_jobs_2_gives_the_same_events_in_the_same_order(mini_coder):
    docs = corpus(300)
    serial = list(mini_coder.code_many(docs))
    par = list(mini_coder.code_many(iter(docs), jobs=2, chunksize=7))
    assert par == serial and len(serial) > 200
    assert [e.doc_id for e in par] == [e.doc_id for e in serial]


def test_every_document_gets_a_result_in_input_order(mini_coder):
    docs = corpus(50)
    results = list(code_documents(mini_coder, docs, jobs=2, chunksize=3))
    assert [r.index for r in results] == list(range(50))
    assert [r.doc_id for r in results] == [d[0] for d in docs]
    assert all(r.ok for r in results)
    assert [triples(r.events) for r in results] == [triples(mini_coder.code(t, date=d)) for _, t, d in docs]


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_documents_are_reported_one_by_one_and_the_rest_go_on(mini_coder, jobs):
    docs = [("a", TEXTS[0]), ("b", None), ("c", TEXTS[2], "2024-99-01"), 42, {"id": "e", "text": TEXTS[5]},
            (), "Iraqi police attacked protesters.", {"text": TEXTS[0]}]
    results = list(code_documents(mini_coder, docs, jobs=jobs, chunksize=2))
    assert [r.index for r in results] == list(range(len(docs)))
    assert [r.ok for r in results] == [True, False, False, False, True, False, True, True]
    assert isinstance(results[1].error, InputError) and isinstance(results[2].error, InputError)
    assert isinstance(results[3].error, EventcoderError) and "int" in str(results[3].error)
    assert [r.doc_id for r in results] == ["a", "b", "c", None, "e", None, "6", "7"]  # no id: the position
    seen = []
    events = list(mini_coder.code_many(docs, jobs=jobs, on_error=lambda i, e: seen.append(i)))
    assert seen == ["b", "c", None, None]
    assert [e.doc_id for e in events] == ["a", "e", "6", "7"]


def test_without_on_error_a_bad_document_is_logged(mini_coder, caplog):
    with caplog.at_level("WARNING", logger="eventcoder"):
        assert list(mini_coder.code_many([("x", None)])) == []
    assert "document x not coded: InputError" in caplog.text


def test_no_per_instance_error_state(mini_coder):
    list(mini_coder.code_many([("x", None)], on_error=lambda *a: None))
    assert not hasattr(mini_coder, "errors")


def test_input_is_streamed_with_a_bounded_window(mini_coder):
    read = []

    def endless():
        for k in itertools.count():
            read.append(k)
            yield (str(k), TEXTS[k % len(TEXTS)])

    gen = code_documents(mini_coder, endless(), jobs=2, chunksize=4, window=3)
    first = [next(gen) for _ in range(30)]
    # at most the window of chunks (plus the chunk being cut) is read ahead of what was yielded
    assert [r.index for r in first] == list(range(30)) and len(read) <= 30 + 4 * 3 + 4
    gen.close()  # stopping early shuts the workers down


def test_jobs_0_means_one_per_core_and_negative_jobs_are_refused(mini_coder):
    assert parallel._resolve_jobs(0) == (os.cpu_count() or 1)
    with pytest.raises(EventcoderError):
        list(code_documents(mini_coder, corpus(2), jobs=-1))


def test_as_dicts_gives_the_records_to_dict(mini_coder):
    docs = corpus(20)
    for jobs in (1, 2):
        rows = [row for r in code_documents(mini_coder, docs, jobs=jobs, as_dicts=True) for row in r.events]
        assert rows == [e.to_dict() for e in mini_coder.code_many(docs)]


def test_acled_schema_in_parallel(coder):
    docs = [(str(k), "On 3 May 2023, students protested in Nairobi against fee increases.", "2023-05-04")
            for k in range(6)]
    serial = list(coder.code_many(docs, schema="acled"))
    assert serial and list(coder.code_many(docs, schema="acled", jobs=2, chunksize=2)) == serial


def test_records_survive_the_fast_pickling(coder):
    text = "Iraqi police attacked protesters in Mosul on Sunday, killing two. Gunmen shot villagers."
    for schema in ("cameo", "acled"):
        events = coder.code(text, date="2024-01-04", schema=schema)
        assert events and pickle.loads(parallel.dumps(events)) == events
    e = eventcoder.code("Nothing happened.")
    assert pickle.loads(parallel.dumps(e)) == e


class Crashing(eventcoder.Coder):
    """A coder whose worker dies on one text, and raises an exception that cannot be pickled on another."""

    def code(self, text, *args, **kwargs):
        if text == "CRASH":
            os._exit(3)
        if text == "UNPICKLABLE":
            raise Unpicklable(lambda: None)
        return super().code(text, *args, **kwargs)


class Unpicklable(Exception):
    def __init__(self, fn):
        super().__init__("holds a function")
        self.fn = fn


@pytest.fixture(scope="module")
def crashing():
    return Crashing([MINI], builtin=False)


def test_a_document_that_kills_its_worker_fails_alone(crashing):
    docs = corpus(40)
    docs[13] = ("boom", "CRASH")
    docs[30] = ("pickle", "UNPICKLABLE")
    results = list(code_documents(crashing, docs, jobs=2, chunksize=4, window=4))
    assert [r.index for r in results] == list(range(40))
    bad = {r.doc_id: r.error for r in results if not r.ok}
    assert set(bad) == {"boom", "pickle"}
    assert isinstance(bad["boom"], WorkerError) and "died" in str(bad["boom"])
    assert isinstance(bad["pickle"], WorkerError) and "Unpicklable: holds a function" in str(bad["pickle"])
    good = [r for r in results if r.ok]
    assert [triples(r.events) for r in good] == [triples(crashing.code(d[1], date=d[2])) for d in docs
                                                 if d[0] not in bad]


def test_spawned_workers_get_the_coder_pickled_once(mini_coder):
    docs = corpus(30)
    results = list(code_documents(mini_coder, docs, jobs=2, chunksize=5, mp_context="spawn"))
    assert [e for r in results for e in r.events] == list(mini_coder.code_many(docs))


def test_cached_coder_is_built_once_per_arguments():
    a = parallel.cached_coder([MINI], builtin=False)
    assert parallel.cached_coder([str(MINI)], builtin=False) is a
    assert parallel.cached_coder([MINI], builtin=False, require_dyad=True) is not a


def test_docresult_is_a_small_value():
    r = DocResult(0, "a", [])
    assert r.ok and r.error is None and pickle.loads(pickle.dumps(r)) == r


# ------------------------------------------------------------------------------ the command

def test_cli_jobs_gives_the_same_output_and_reports_bad_lines(tmp_path, capsys):
    f = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": f"n{k}", "text": TEXTS[k % len(TEXTS)], "date": "2024-01-04"}) for k in range(40)]
    lines[5] = "{not json"
    lines[17] = json.dumps({"id": "bad-date", "text": TEXTS[0], "date": "2024-02-30"})
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        code = main(["code", str(f), "--dict", str(MINI), "--jobs", jobs])
        out, err = capsys.readouterr()
        assert code == 1
        assert "docs.jsonl:6: bad JSON line" in err and "docs.jsonl:18: bad document date" in err
        outs.append(out)
    assert outs[0] == outs[1] and len(outs[0].splitlines()) > 20


def test_cli_refuses_negative_jobs(tmp_path, capsys):
    f = tmp_path / "doc.txt"
    f.write_text(TEXTS[0], encoding="utf-8")
    assert main(["code", str(f), "--jobs", "-2"]) == 2
    assert "--jobs" in capsys.readouterr().err
