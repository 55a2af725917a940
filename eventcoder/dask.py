"""Code documents on a Dask cluster: a bag of documents, or a text column of a Dask DataFrame.

Needs the ``dask`` extra: ``pip install "eventcoder[dask]"``.

    import json
    import dask.bag as db, dask.dataframe as dd
    from dask.distributed import Client
    from eventcoder.dask import code_bag, code_dataframe

    client = Client("scheduler-address:8786")      # or Client() for a cluster on this machine
    events = code_bag(db.read_text("news/*.jsonl").map(json.loads)).compute()     # event dicts
    frame = code_dataframe(dd.read_parquet("news/"), "text", id_column="id", date_column="date")

Each worker process builds one :class:`~eventcoder.Coder` per set of coder arguments the first
time it needs it and keeps it for every later partition (:func:`eventcoder.parallel.cached_coder`):
only the arguments travel with the tasks, never the compiled dictionaries. Extra dictionary files
(``dictionaries=[...]``) must be readable at the same path on every worker.
"""
from __future__ import annotations

import datetime as _dt
import inspect
import logging
import os
from typing import Any, Iterable, Mapping

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(f"eventcoder.dask needs the dask extra: pip install \"eventcoder[dask]\" ({exc})") from exc

from .errors import EventcoderError
from .parallel import cached_coder, normalise

__all__ = ["code_bag", "code_dataframe", "event_columns"]

_log = logging.getLogger("eventcoder")
ERRORS = ("warn", "skip", "raise", "include")
_INT_COLUMNS = {"sentence_index", "quad_class", "fatalities", "time_precision", "inter1", "inter2", "interaction",
                "geo_precision"}
_FLOAT_COLUMNS = {"goldstein", "latitude", "longitude"}


def event_columns(schema: str = "cameo") -> tuple[str, ...]:
    """The columns of an events frame: the keys of ``to_dict()`` for the schema."""
    from .acled import ACLED_KEYS
    from .records import EVENT_KEYS

    if schema == "cameo":
        return EVENT_KEYS
    if schema == "acled":
        return ACLED_KEYS
    raise EventcoderError(f"unknown schema {schema!r}; choose from cameo, acled")


def _check(schema: str, errors: str, coder_kwargs: dict) -> dict:
    """Check the arguments here, before any task runs; the coder arguments as they travel."""
    event_columns(schema)
    if errors not in ERRORS:
        raise EventcoderError(f"errors must be one of {', '.join(ERRORS)}, not {errors!r}")
    try:
        inspect.signature(cached_coder).bind(**coder_kwargs)
    except TypeError as exc:
        raise EventcoderError(f"bad coder arguments: {exc}") from None
    kwargs = dict(coder_kwargs)
    if kwargs.get("dictionaries") is not None:
        kwargs["dictionaries"] = [os.fspath(p) for p in kwargs["dictionaries"]]
    return kwargs


def _failed(doc_id: Any, exc: BaseException, errors: str) -> dict | None:
    """What a failed document leaves behind, by the ``errors`` policy."""
    if errors == "raise":
        raise exc
    if errors == "include":
        return {"doc_id": doc_id, "error": f"{type(exc).__name__}: {exc}"}
    if errors == "warn":
        _log.warning("document %s not coded: %s: %s", doc_id, type(exc).__name__, exc)
    return None


def _code(coder, doc_id: Any, text: Any, date: Any, schema: str) -> list[dict]:
    return [e.to_dict() for e in coder.code(text, date=date, schema=schema, doc_id=doc_id)]


# ------------------------------------------------------------------------------------ bags

def _code_partition(docs: Iterable[Any], where: list[int], schema: str, errors: str, coder_kwargs: dict) -> list[dict]:
    coder = cached_coder(**coder_kwargs)
    part = where[0] if where else 0
    out: list[dict] = []
    for k, doc in enumerate(docs):
        doc_id = None
        try:
            # a document without an id is named by its partition and place: unique in the bag
            doc_id, text, date = normalise(doc, k)
            if _missing_id(doc):
                doc_id = f"{part}:{k}"
            out.extend(_code(coder, doc_id, text, date, schema))
        except Exception as exc:  # one bad document never stops a partition
            row = _failed(doc_id if doc_id is not None else f"{part}:{k}", exc, errors)
            if row is not None:
                out.append(row)
    return out


def _missing_id(doc: Any) -> bool:
    if isinstance(doc, str):
        return True
    if isinstance(doc, Mapping):
        return doc.get("id") is None
    return isinstance(doc, (tuple, list)) and len(doc) > 0 and doc[0] is None


def code_bag(bag: db.Bag, *, schema: str = "cameo", errors: str = "warn", **coder_kwargs: Any) -> db.Bag:
    """A bag of event dicts (``to_dict()`` of each event) from a bag of documents.

    Documents are ``(id, text[, date])`` tuples, dicts with ``id``/``text``/``date``, or strings
    (named ``"partition:position"``). ``coder_kwargs`` are :class:`~eventcoder.Coder`'s arguments
    (``dictionaries``, ``builtin``, ``require_dyad``, ``infer_agent_country``). A document that
    fails is logged on the worker (``errors="warn"``), dropped (``"skip"``), fails the computation
    (``"raise"``), or leaves a ``{"doc_id": ..., "error": "..."}`` item (``"include"``).
    """
    coder_kwargs = _check(schema, errors, coder_kwargs)
    where = db.range(bag.npartitions, npartitions=bag.npartitions)
    return bag.map_partitions(_code_partition, where, schema, errors, coder_kwargs)


# ------------------------------------------------------------------------------------ data frames

def _frame(rows: list[dict], index: list, index_meta: pd.Index, columns: tuple[str, ...]) -> pd.DataFrame:
    """The events frame: the same columns and dtypes for every partition and for dask's meta
    (counts as nullable Int64, scores as float64, text as object with None for missing)."""
    idx = pd.Index(index, dtype=index_meta.dtype, name=index_meta.name) if rows else index_meta[:0]
    data = {}
    for c in columns:
        dtype = "Int64" if c in _INT_COLUMNS else "float64" if c in _FLOAT_COLUMNS else object
        data[c] = pd.Series([r.get(c) for r in rows], index=idx, dtype=dtype)
    return pd.DataFrame(data, index=idx, columns=list(columns))


def _code_frame(part: pd.DataFrame, column: str, id_column: str | None, date_column: str | None, date: Any,
                schema: str, errors: str, coder_kwargs: dict) -> pd.DataFrame:
    columns = event_columns(schema) + (("error",) if errors == "include" else ())
    if part.empty:  # dask's meta, or an empty partition: no need for a coder
        return _frame([], [], part.index, columns)
    coder = cached_coder(**coder_kwargs)
    rows: list[dict] = []
    index: list = []
    texts = part[column].tolist()
    ids = part[id_column].tolist() if id_column else None
    dates = part[date_column].tolist() if date_column else None
    for k, (label, text) in enumerate(zip(part.index.tolist(), texts)):
        doc_id = str(ids[k]) if ids is not None and not _isna(ids[k]) else str(label)
        try:
            if _isna(text):
                raise EventcoderError(f"no text in column {column!r}")
            day = (None if _isna(dates[k]) else dates[k]) if dates is not None else date
            found = _code(coder, doc_id, text, day, schema)
        except Exception as exc:  # one bad document never stops a partition
            row = _failed(doc_id, exc, errors)
            found = [row] if row is not None else []
        rows.extend(found)
        index.extend([label] * len(found))
    return _frame(rows, index, part.index, columns)


def _isna(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is not missing
        return False


def code_dataframe(df: dd.DataFrame, column: str = "text", *, id_column: str | None = None,
                   date_column: str | None = None, date: str | _dt.date | None = None, schema: str = "cameo",
                   errors: str = "warn", **coder_kwargs: Any) -> dd.DataFrame:
    """A Dask DataFrame of events, one row per event, from the text column ``column`` of ``df``.

    Each event row keeps its document's index label (so it joins back to ``df``), and
    ``doc_id`` is ``df[id_column]`` or, without one, the index label as a string. The columns are
    those of ``to_dict()`` (:func:`event_columns`); counts are nullable integers. ``date_column``
    gives each document's publication date (else ``date`` for all). ``errors`` as in
    :func:`code_bag`; with ``"include"`` a failed document leaves a row with an ``error`` column set.
    """
    coder_kwargs = _check(schema, errors, coder_kwargs)
    for name in (column, id_column, date_column):
        if name is not None and name not in df.columns:
            raise EventcoderError(f"no column {name!r} in the data frame (columns: {', '.join(map(str, df.columns))})")
    columns = event_columns(schema) + (("error",) if errors == "include" else ())
    meta = _frame([], [], df._meta.index, columns)
    return df.map_partitions(_code_frame, column, id_column, date_column, date, schema, errors, coder_kwargs,
                             meta=meta)
