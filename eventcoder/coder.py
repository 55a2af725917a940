"""The public entry point: :class:`Coder` runs the pipeline stages in order.

text -> sentences -> tokens -> actor and trigger matches -> clause analysis -> events.
The dictionaries are parsed with Lark and compiled once per process (and cached on disk,
keyed by a hash of the dictionary texts and the library version).
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import logging
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from . import acled as _acled
from . import actors as _actors
from . import clauses as _clauses
from . import dictlang, resources, sentences
from . import verbs as _verbs
from ._version import __version__
from .cache import load_or_build
from .dates import parse_doc_date
from .errors import InputError
from .events import SentenceResult, build
from .explain import Explanation
from .guards import find_guards
from . import lexicon as _lexicon_module
from .lexicon import Lexicon, compile_dictionary
from .records import Event
from .tokens import tokenize

Doc = tuple  # (id, text, date) or (id, text)
_log = logging.getLogger("eventcoder")
SCHEMAS = ("cameo", "acled")


def _compile_cached(sources: Sequence[tuple[str, str]]) -> Lexicon:
    """The compiled lexicon of ``sources``, from the on-disk cache when it is there
    (:mod:`eventcoder.cache`), keyed by the library version, ``lexicon.py`` (which defines the
    compiled layout), the grammar and the dictionary texts."""
    digest = hashlib.sha256(__version__.encode())
    try:  # the compiled form's layout is defined by lexicon.py: a changed module invalidates the cache
        digest.update(Path(_lexicon_module.__file__).read_bytes())
    except OSError:
        pass
    digest.update(resources.grammar_text("dictionary.lark").encode("utf-8"))
    for name, text in sources:
        digest.update(name.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return load_or_build("lexicon", digest.hexdigest()[:24], Lexicon,
                         lambda: compile_dictionary(dictlang.load(sources)))


@functools.lru_cache(maxsize=8)
def _builtin_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    sources = list(resources.dictionary_files())
    for p in extra:
        sources.append((p, Path(p).read_text(encoding="utf-8")))
    return _compile_cached(sources)


class Coder:
    """Codes news text into events with a set of dictionaries.

    ``Coder()`` uses the built-in dictionaries; ``Coder(dictionaries=[path, ...])`` adds files in
    the dictionary language to them (``builtin=False`` uses only the given files).
    ``require_dyad=True`` drops events whose source or target is not named.
    ``infer_agent_country=False`` leaves an agent without a country as ``---ROLE`` instead of
    giving it the country of the place the sentence names.
    """

    def __init__(self, dictionaries: Iterable[str | os.PathLike] | None = None, *, builtin: bool = True,
                 require_dyad: bool = False, infer_agent_country: bool = True):
        paths = tuple(str(p) for p in (dictionaries or ()))
        if builtin:
            self.lexicon = _builtin_lexicon(paths)
        else:
            self.lexicon = _compile_cached([(p, Path(p).read_text(encoding="utf-8")) for p in paths])
        self.require_dyad = require_dyad
        self.infer_agent_country = infer_agent_country

    @classmethod
    def from_petrarch(cls, actors=(), agents=None, verbs=None, discards=None, issues=None,
                      options: Mapping[str, str] | None = None) -> "Coder":
        """A coder for PETRARCH/TABARI dictionary files (see docs/petrarch.md).

        ``actors`` is a list of actor files (read in order), the others one path each or None.
        ``options`` are PETRARCH's configuration options as strings, as in its config file and
        ``<Config>`` elements (``require_dyad``, ``new_actor_length``, ``comma_*``). Malformed
        lines are reported by :func:`eventcoder.petrarch_lexicon.load_petrarch`; the rest loads.
        """
        from .petrarch_lexicon import load_petrarch

        lexicon, opts = load_petrarch(actors=actors, agents=agents, verbs=verbs, discards=discards,
                                      issues=issues, options=options)
        coder = cls.__new__(cls)
        coder.lexicon = lexicon
        coder.require_dyad = opts.require_dyad
        coder.infer_agent_country = False  # PETRARCH prints an agent with no country as ---GOV
        return coder

    # ------------------------------------------------------------------ coding

    def _analyse(self, text: str, day: _dt.date | None) -> list[SentenceResult]:
        lex = self.lexicon
        out: list[SentenceResult] = []
        story_hit = ""
        for sent in sentences.split(text):
            toks = tokenize(sent.text, sent.offset)
            res = SentenceResult(sent.index, sent.text, sent.offset, toks, [], [])
            words = toks.words
            if lex.discards.might_match(words):
                res.discarded = _first_hit(lex.discards, toks)
            story = lex.story_discards
            if not story_hit and story is not None and story.might_match(words):
                story_hit = _first_hit(story, toks)  # PETRARCH's "+" discards drop the whole story
                for r in out:
                    r.discarded, r.drafts = story_hit, []
            if story_hit:
                res.discarded = story_hit
            if not res.discarded:
                guards = find_guards(toks, lex)
                res.mentions = _actors.find_mentions(toks, lex, day, guards)
                triggers = _verbs.find_triggers(toks, lex, res.mentions)
                res.drafts = _clauses.analyse(toks, lex, res.mentions, triggers, guards)
            out.append(res)
        return out

    def code(self, text: str, date: str | _dt.date | None = None, schema: str = "cameo",
             doc_id: str | None = None) -> list:
        """Events of one document. ``date`` is its publication date (relative dates resolve against it).

        ``schema="cameo"`` gives :class:`Event` records; ``schema="acled"`` gives
        :class:`~eventcoder.acled.AcledRecord` records in ACLED's columns."""
        if not isinstance(text, str):
            raise InputError(f"text must be a str, not {type(text).__name__}")
        if schema not in SCHEMAS:
            raise InputError(f"unknown schema {schema!r}; choose from {', '.join(SCHEMAS)}")
        day = parse_doc_date(date)
        results = self._analyse(text, day)
        events = build(results, doc_id, day, self.require_dyad, self.infer_agent_country)
        if schema == "acled":
            return _acled.build(results, events, doc_id, text, self.lexicon, self.lexicon.country_names)
        return events

    def code_many(self, docs: Iterable[Any], *, on_error: Callable[[str | None, BaseException], None] | None = None,
                  schema: str = "cameo", jobs: int | None = 1, chunksize: int | None = None) -> Iterator[Event]:
        """Stream events of many documents: ``(id, text[, date])`` tuples, dicts with id/text/date, or strings.

        Events come in input order. A document that fails is reported to ``on_error(doc_id,
        exception)`` (default: logged as a warning on the ``eventcoder`` logger) and the rest go on.
        ``jobs=N`` codes on N worker processes (``0``: one per core), each given this coder once,
        with a bounded number of documents in flight, so memory stays flat for any input length.
        For one result per document (id, events, error) use :func:`eventcoder.parallel.code_documents`.
        """
        from .parallel import code_documents

        for result in code_documents(self, docs, schema=schema, jobs=jobs, chunksize=chunksize):
            if result.error is None:
                yield from result.events
            elif on_error is not None:
                on_error(result.doc_id, result.error)
            else:
                _log.warning("document %s not coded: %s: %s", result.doc_id, type(result.error).__name__,
                             result.error)

    def explain(self, text: str, date: str | _dt.date | None = None) -> Explanation:
        """Why each event was (or was not) coded: tokens, matches, rules and decisions."""
        day = parse_doc_date(date)
        results = self._analyse(text, day)
        events = build(results, None, day, self.require_dyad, self.infer_agent_country)
        return Explanation(results, events, self.lexicon)


def _first_hit(index, toks) -> str:
    """The rule of the first phrase of ``index`` in the sentence, or ""."""
    first = index.first_words
    for b in [k for k, w in enumerate(toks.words) if w in first]:
        hits = index.all_at(toks.raw, toks.words, b)
        if hits:
            return str(hits[0][1])
    return ""


@functools.lru_cache(maxsize=1)
def default_coder() -> Coder:
    return Coder()


def code(text: str, date: str | _dt.date | None = None, schema: str = "cameo") -> list[Event]:
    """Code one document with a cached default :class:`Coder`."""
    return default_coder().code(text, date=date, schema=schema)
