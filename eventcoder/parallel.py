"""Code many documents, in this process or on several cores, keeping input order.

:func:`code_documents` is the engine behind :meth:`Coder.code_many <eventcoder.Coder.code_many>` and
``eventcoder code``: it yields one :class:`DocResult` per input document, in input order, with the
document's events or the exception that stopped it (one bad document never stops a batch).

With ``jobs > 1`` documents go to worker processes in chunks, and at most a fixed window of
chunks is in flight at any time: the input is read lazily and results are yielded as they come,
so memory stays flat for any number of documents. Each worker gets the parent's coder once, when
it starts (copied by ``fork`` at no cost, or sent pickled once per worker under ``spawn`` and
``forkserver``), never once per document. If a worker process dies, the chunks it was holding are
run again one at a time, and a document that kills a worker on its own is reported as failed.

:func:`cached_coder` is a per-process cache of coders keyed by their constructor arguments, for
workers that receive arguments rather than a coder (``eventcoder.dask``).
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import functools
import gc
import io
import multiprocessing
import os
import pickle
import signal
import threading
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, NamedTuple

from .errors import EventcoderError

if TYPE_CHECKING:  # pragma: no cover
    from .coder import Coder

#: documents per chunk sent to a worker (fewer when the chunk's text passes CHUNK_CHARS)
CHUNK_DOCS = 64
#: characters of text per chunk at most (a chunk always holds at least one document)
CHUNK_CHARS = 200_000
#: chunks in flight per worker: enough that no worker waits while the parent reads the results
WINDOW_PER_JOB = 3


class DocResult(NamedTuple):
    """What came of one document: its position in the input, its id, its events or the error.

    ``events`` is a list of records (dicts with ``as_dicts=True``), empty when ``error`` is set."""

    index: int
    doc_id: str | None
    events: list
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class WorkerError(EventcoderError):
    """Stands for an exception raised in a worker that could not be sent back as it was, or for a
    worker process that died while coding the document."""


def normalise(doc: Any, k: int) -> tuple[str, Any, Any]:
    """``(doc_id, text, date)`` of a document given as ``(id, text[, date, ...])``, a mapping with
    ``id``/``text``/``date`` or a bare string; a missing id becomes the position ``k``."""
    if isinstance(doc, str):
        return str(k), doc, None
    if isinstance(doc, Mapping):
        doc_id, text, date = doc.get("id"), doc.get("text"), doc.get("date")
    elif isinstance(doc, (tuple, list)):
        if not doc:
            raise EventcoderError("an empty document tuple: expected (id, text[, date])")
        doc_id = doc[0]
        text = doc[1] if len(doc) > 1 else None
        date = doc[2] if len(doc) > 2 else None
    else:
        raise EventcoderError(f"a document must be a str, an (id, text[, date]) tuple or a mapping, "
                              f"not {type(doc).__name__}")
    return (str(k) if doc_id is None else str(doc_id)), text, date


def _code_one(coder: "Coder", doc_id: str, text: Any, date: Any, schema: str, as_dicts: bool) -> list:
    events = coder.code(text, date=date, schema=schema, doc_id=doc_id)
    return [e.to_dict() for e in events] if as_dicts else events


def _sendable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a WorkerError with its text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return WorkerError(f"{type(exc).__name__}: {exc}")


# ---------------------------------------------------------------------------------- fast pickling
# Results cross a process boundary. attrs' slotted classes pickle their state as a dict keyed by
# field name and restore it through a frozen-class __setstate__; reducing a record to its class
# and field values, restored through the slots' own setters, is about 3x faster to dump and
# smaller, which matters when a worker's time per document is a fraction of a millisecond.

def _rebuild(cls: type, *values: Any) -> Any:
    make = _MAKERS.get(cls) or _maker(cls)
    return make(*values)


_MAKERS: dict[type, Any] = {}


def _maker(cls: type):
    """A function that makes an instance of the slotted attrs class ``cls`` from its field values
    through the slots' own setters (no __init__, no validators: the values were valid when sent)."""
    import attrs

    names = [a.name for a in attrs.fields(cls)]
    scope = {"new": object.__new__, "cls": cls, **{f"set{k}": cls.__dict__[n].__set__ for k, n in enumerate(names)}}
    args = ", ".join(f"v{k}" for k in range(len(names)))
    body = "".join(f"    set{k}(o, v{k})\n" for k in range(len(names)))
    exec(f"def make({args}):\n    o = new(cls)\n{body}    return o\n", scope)  # noqa: S102 - fixed text
    _MAKERS[cls] = scope["make"]
    return scope["make"]


def _reducer(cls: type):
    import operator

    import attrs

    names = tuple(a.name for a in attrs.fields(cls))
    get = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (_rebuild, (cls, get(obj)))
    return lambda obj: (_rebuild, (cls, *get(obj)))


@functools.lru_cache(maxsize=1)
def _dispatch_table() -> dict:
    import copyreg

    import attrs

    from .acled import AcledRecord
    from .records import Actor, Event, Span

    table = dict(copyreg.dispatch_table)
    for cls in (Event, Actor, Span, AcledRecord):
        # only plain slotted attrs classes take the short path: every slot a field (no cached
        # hash or other hidden state) and every field a slot of the class itself
        if not attrs.has(cls) or "__slots__" not in cls.__dict__:
            continue
        names = {a.name for a in attrs.fields(cls)}
        slots = {n for c in cls.__mro__ for n in c.__dict__.get("__slots__", ())} - {"__weakref__"}
        if slots == names and all(hasattr(cls.__dict__.get(n), "__set__") for n in names):
            table[cls] = _reducer(cls)
    return table


def dumps(obj: Any) -> bytes:
    """Pickle ``obj`` (records included) for another process; ``pickle.loads`` reads it back."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch_table()
    pickler.dump(obj)
    return buf.getvalue()


# ---------------------------------------------------------------------------------- worker side

_WORKER_CODER: "Coder | None" = None


def _init_worker(coder_or_bytes: Any) -> None:
    global _WORKER_CODER
    # the parent handles Ctrl-C and shuts the pool down; workers must not die half-way on it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_CODER = pickle.loads(coder_or_bytes) if isinstance(coder_or_bytes, bytes) else coder_or_bytes
    # The coder lives as long as the worker: keep the garbage collector from walking it (a walk
    # also dirties, and so copies, every page a forked worker shares with its parent).
    gc.freeze()


def _work(chunk: list[tuple[int, str, Any, Any]], schema: str, as_dicts: bool) -> bytes:
    coder = _WORKER_CODER
    assert coder is not None, "worker not initialised"
    out = []
    for k, doc_id, text, date in chunk:
        try:
            out.append((k, doc_id, _code_one(coder, doc_id, text, date, schema, as_dicts), None))
        except Exception as exc:  # one bad document never stops a batch
            out.append((k, doc_id, [], _sendable(exc)))
    return dumps(out)


# ---------------------------------------------------------------------------------- parent side

def _resolve_jobs(jobs: int | None) -> int:
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if not isinstance(jobs, int) or jobs < 0:
        raise EventcoderError(f"jobs must be a positive integer (or 0 for one per core), not {jobs!r}")
    return jobs


def _chunks(docs: Iterable[Any], size: int, max_chars: int) -> Iterator[list]:
    """Chunks of normalised documents. A document that cannot even be read becomes a chunk of
    its own holding its ready DocResult, at its place, so order is kept."""
    chunk: list = []
    chars = 0
    for k, doc in enumerate(docs):
        try:
            doc_id, text, date = normalise(doc, k)
        except Exception as exc:
            if chunk:
                yield chunk
                chunk, chars = [], 0
            yield [DocResult(k, None, [], exc)]
            continue
        chunk.append((k, doc_id, text, date))
        chars += len(text) if isinstance(text, str) else 0
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def code_documents(coder: "Coder", docs: Iterable[Any], *, schema: str = "cameo", jobs: int | None = 1,
                   as_dicts: bool = False, chunksize: int | None = None, window: int | None = None,
                   mp_context: Any = None) -> Iterator[DocResult]:
    """Yield a :class:`DocResult` for every document of ``docs``, in input order.

    Documents are ``(id, text[, date])`` tuples (more items are ignored), mappings with
    ``id``/``text``/``date``, or strings (their id is their position). ``jobs=1`` codes in this
    process; ``jobs=N`` uses N worker processes; ``jobs=0`` (or None) one per core.
    ``as_dicts=True`` gives each event as its ``to_dict()`` (cheaper to send between processes).
    ``chunksize`` (documents per task) and ``window`` (tasks in flight) tune the parallel path;
    ``mp_context`` is a :mod:`multiprocessing` context or start-method name (default: the platform's).
    """
    jobs = _resolve_jobs(jobs)
    if jobs == 1:
        yield from _serial(coder, docs, schema, as_dicts)
    else:
        yield from _parallel(coder, docs, schema, as_dicts, jobs, chunksize or CHUNK_DOCS,
                             window or jobs * WINDOW_PER_JOB, mp_context)


def _serial(coder: "Coder", docs: Iterable[Any], schema: str, as_dicts: bool) -> Iterator[DocResult]:
    for k, doc in enumerate(docs):
        doc_id = None
        try:
            doc_id, text, date = normalise(doc, k)
            result = DocResult(k, doc_id, _code_one(coder, doc_id, text, date, schema, as_dicts))
        except Exception as exc:  # one bad document never stops a batch
            result = DocResult(k, doc_id, [], exc)
        yield result


class _Task:
    __slots__ = ("chunk", "future")

    def __init__(self, chunk: list):
        self.chunk = chunk  # rows (k, doc_id, text, date), or [DocResult] for an unreadable document
        self.future: cf.Future | None = None

    @property
    def ready(self) -> DocResult | None:
        first = self.chunk[0]
        return first if isinstance(first, DocResult) else None


def _failed(row: tuple, exc: BaseException) -> DocResult:
    k, doc_id, _text, _date = row
    return DocResult(k, doc_id, [], exc)


def _parallel(coder: "Coder", docs: Iterable[Any], schema: str, as_dicts: bool, jobs: int, chunksize: int,
              window: int, mp_context: Any) -> Iterator[DocResult]:
    ctx = mp_context
    if ctx is None or isinstance(ctx, str):
        ctx = multiprocessing.get_context(ctx)
    # fork copies the parent's memory: the coder (and its compiled lexicon) costs nothing to hand
    # over. Other start methods pickle the initializer's arguments once per worker: pickle the
    # coder once here and send the bytes.
    payload = coder if ctx.get_start_method() == "fork" else pickle.dumps(coder, protocol=pickle.HIGHEST_PROTOCOL)

    def new_pool() -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                      initargs=(payload,))

    def submit(task: _Task) -> None:
        if task.ready is None:
            task.future = pool.submit(_work, task.chunk, schema, as_dicts)

    pool = new_pool()
    pending: collections.deque[_Task] = collections.deque()
    source = _chunks(docs, chunksize, CHUNK_CHARS)
    exhausted = False
    # After a worker died, the first `alone` tasks of `pending` are run one at a time, so that a
    # failure can be blamed on the task that was running. Otherwise up to `window` are in flight.
    alone = 0
    try:
        while True:
            if not alone:
                while not exhausted and len(pending) < window:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    task = _Task(chunk)
                    submit(task)
                    pending.append(task)
            if not pending:
                break
            task = pending[0]
            if task.ready is not None:
                pending.popleft()
                alone = max(0, alone - 1)
                yield task.ready
                continue
            if task.future is None:
                submit(task)
            try:
                rows = pickle.loads(task.future.result())
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                if not alone:
                    # which task killed the worker is unknown: run every task in flight again, alone
                    alone = len(pending)
                    for t in pending:
                        f = t.future
                        if f is not None and not (f.done() and not f.cancelled() and f.exception() is None):
                            t.future = None
                    continue
                # this task ran alone: the failure is its own
                pending.popleft()
                if len(task.chunk) > 1:  # find the document(s) that kill a worker
                    pending.extendleft(_Task([row]) for row in reversed(task.chunk))
                    alone += len(task.chunk) - 1
                else:
                    alone -= 1
                    yield _failed(task.chunk[0], WorkerError("a worker process died while coding this document"))
                continue
            except Exception as exc:  # the chunk's results could not come back: retry its documents one by one
                pending.popleft()
                if len(task.chunk) > 1:
                    singles = [_Task([row]) for row in task.chunk]
                    if not alone:
                        for s in singles:
                            submit(s)
                    else:
                        alone += len(singles) - 1
                    pending.extendleft(reversed(singles))
                else:
                    alone = max(0, alone - 1)
                    yield _failed(task.chunk[0], _sendable(exc))
                continue
            pending.popleft()
            alone = max(0, alone - 1)
            for k, doc_id, events, error in rows:
                yield DocResult(k, doc_id, events, error)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------- per-process coders

_CODERS_LOCK = threading.Lock()


@functools.lru_cache(maxsize=8)
def _cached(dictionaries: tuple[str, ...], builtin: bool, require_dyad: bool, infer_agent_country: bool) -> "Coder":
    from .coder import Coder

    return Coder(dictionaries or None, builtin=builtin, require_dyad=require_dyad,
                 infer_agent_country=infer_agent_country)


def cached_coder(dictionaries: Iterable[str | os.PathLike] | None = None, *, builtin: bool = True,
                 require_dyad: bool = False, infer_agent_country: bool = True) -> "Coder":
    """The :class:`~eventcoder.Coder` for these constructor arguments, built once per process."""
    paths = tuple(os.fspath(p) for p in (dictionaries or ()))
    with _CODERS_LOCK:  # threads of one worker build it once between them
        return _cached(paths, bool(builtin), bool(require_dyad), bool(infer_agent_country))
