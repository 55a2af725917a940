"""eventcoder.dask on a real dask.distributed cluster: two worker processes, one thread each."""
import os

import pytest

pytest.importorskip("dask.distributed")  # a guard only: CI installs the extra, `pip install -e ".[test,dask]"`

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

from eventcoder import parallel  # noqa: E402
from eventcoder.acled import ACLED_KEYS  # noqa: E402
from eventcoder.dask import code_bag, code_dataframe, event_columns  # noqa: E402
from eventcoder.errors import EventcoderError, InputError  # noqa: E402
from eventcoder.records import EVENT_KEYS  # noqa: E402

from .conftest import MINI  # noqa: E402
from .test_parallel import TEXTS, corpus  # noqa: E402

MINI_ARGS = {"dictionaries": [str(MINI)], "builtin": False}


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def test_two_worker_processes(client):
    pids = client.run(os.getpid)
    assert len(pids) == 2 and len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_code_bag_gives_the_events_of_code_many(client, mini_coder):
    docs = corpus(60)
    bag = db.from_sequence(docs, npartitions=6)
    rows = code_bag(bag, **MINI_ARGS).compute()
    assert rows == [e.to_dict() for e in mini_coder.code_many(docs)] and len(rows) > 40


def test_each_worker_loads_its_coder_once(client):
    args = {"dictionaries": [str(MINI)], "builtin": False, "require_dyad": True}  # a coder no test built before
    before = client.run(lambda: parallel._cached.cache_info()._asdict())
    code_bag(db.from_sequence(corpus(80), npartitions=8), **args).compute()
    after = client.run(lambda: parallel._cached.cache_info()._asdict())
    built = {w: after[w]["misses"] - before[w]["misses"] for w in after}
    reused = sum(after[w]["hits"] - before[w]["hits"] for w in after)
    assert set(built.values()) <= {0, 1} and sum(built.values()) >= 1  # at most once per worker process
    assert sum(built.values()) + reused == 8  # one look-up per partition


def test_documents_without_ids_are_named_by_partition_and_place(client):
    bag = db.from_sequence(["Iraqi police attacked protesters."] * 6, npartitions=3)
    ids = [r["doc_id"] for r in code_bag(bag, **MINI_ARGS).compute()]
    assert len(ids) == 6 and len(set(ids)) == 6 and ids[0] == "0:0"


def test_bad_documents_by_the_errors_policy(client):
    docs = [("a", TEXTS[0]), ("b", None), ("c", TEXTS[2], "2024-13-01"), ("d", TEXTS[5])]
    bag = db.from_sequence(docs, npartitions=2)
    assert [r["doc_id"] for r in code_bag(bag, **MINI_ARGS).compute()] == ["a", "d"]
    assert [r["doc_id"] for r in code_bag(bag, errors="skip", **MINI_ARGS).compute()] == ["a", "d"]
    rows = code_bag(bag, errors="include", **MINI_ARGS).compute()
    assert [(r["doc_id"], "error" in r) for r in rows] == [("a", False), ("b", True), ("c", True), ("d", False)]
    assert rows[1]["error"].startswith("InputError: text must be a str")
    with pytest.raises(InputError):
        code_bag(bag, errors="raise", **MINI_ARGS).compute()


def test_code_dataframe_one_row_per_event_with_the_document_index(client, mini_coder):
    pdf = pd.DataFrame({"body": [TEXTS[k % len(TEXTS)] for k in range(21)],
                        "key": [f"k{k}" for k in range(21)],
                        "published": pd.to_datetime(["2024-01-04"] * 20 + [None])},
                       index=pd.Index(range(100, 121), name="row"))
    frame = code_dataframe(dd.from_pandas(pdf, npartitions=4), "body", id_column="key", date_column="published",
                           **MINI_ARGS)
    assert tuple(frame.columns) == EVENT_KEYS and frame.index.name == "row"
    out = frame.compute()
    want = [(row, e.to_dict()) for row, (text, key, day) in zip(pdf.index, pdf.itertuples(index=False))
            for e in mini_coder.code(text, date=None if pd.isna(day) else day, doc_id=key)]
    assert list(out.index) == [row for row, _ in want]
    assert out["doc_id"].tolist() == [d["doc_id"] for _, d in want]
    assert out["cameo"].tolist() == [d["cameo"] for _, d in want]
    assert out["date"].tolist() == [d["date"] for _, d in want]
    assert str(out["fatalities"].dtype) == "Int64" and str(out["goldstein"].dtype) == "float64"
    assert out.dtypes.to_dict() == frame.dtypes.to_dict()  # the partitions match the declared meta
    # events join back to their documents
    assert set(out.join(pdf[["key"]]).eval("key == doc_id")) == {True}


def test_code_dataframe_without_an_id_column_uses_the_index_and_reports_failures(client):
    pdf = pd.DataFrame({"text": [TEXTS[0], None, TEXTS[2]]}, index=["x", "y", "z"])
    out = code_dataframe(dd.from_pandas(pdf, npartitions=2), errors="include", date="2024-01-04", **MINI_ARGS).compute()
    assert out["doc_id"].tolist() == list(out.index) and "y" in out.index
    assert out.loc["y", "error"].startswith("EventcoderError: no text") and out.loc["x", "error"] is None
    assert set(out.loc[["x", "z"], "date"]) == {"2024-01-04"}


def test_acled_schema_on_the_built_in_dictionaries(client):
    pdf = pd.DataFrame({"notes": ["On 3 May 2023, students protested in Nairobi against fee increases."] * 3})
    out = code_dataframe(dd.from_pandas(pdf, npartitions=2), "notes", schema="acled").compute()
    assert tuple(out.columns) == ACLED_KEYS == event_columns("acled") and len(out) == 3
    assert set(out["event_type"]) == {"Protests"} and str(out["interaction"].dtype) == "Int64"


def test_bad_arguments_are_refused_before_any_task_runs():
    bag = db.from_sequence(["x"])
    with pytest.raises(EventcoderError):
        code_bag(bag, errors="ignore")
    with pytest.raises(EventcoderError):
        code_bag(bag, schema="gdelt")
    with pytest.raises(EventcoderError, match="coder arguments"):
        code_bag(bag, dictionary="typo.dict")
    with pytest.raises(EventcoderError, match="no column"):
        code_dataframe(dd.from_pandas(pd.DataFrame({"a": ["x"]}), npartitions=1), "text")
