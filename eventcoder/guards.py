"""Stage 3c: the guard phrases of a sentence — every kind found in one pass.

Guards are the small closed-class phrases the engine reads around triggers and actors:
negation ("did not"), failure ("failed to"), modality, threats, futures, reporting verbs, light
verbs ("launched"), locative prepositions ("in", "near"). The dictionaries keep one index per
kind; the compiled :class:`~eventcoder.lexicon.Lexicon` also merges them into one index
(``guard_index``), so a sentence is scanned once and every later question ("is there a negation
just before token 7?", "is token 3 a reporting verb?") is a look-up in the result.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .tokens import Tokens


class GuardHits:
    """The guard phrases of one sentence: ``(start, end)`` token ranges per kind, in sentence
    order, longest first among phrases that start at the same token."""

    __slots__ = ("_by_kind", "_starts")

    def __init__(self, by_kind: dict[str, list[tuple[int, int]]]):
        self._by_kind = by_kind
        self._starts: dict[str, dict[int, list[int]]] = {}  # per kind, built on first ask

    def of(self, kind: str) -> list[tuple[int, int]]:
        """Every phrase of ``kind`` as (start, end)."""
        return self._by_kind.get(kind, [])

    def lengths_at(self, kind: str, i: int) -> list[int]:
        """The lengths of the phrases of ``kind`` that start at token ``i``, longest first."""
        return self.starts(kind).get(i, [])

    def starts(self, kind: str) -> dict[int, list[int]]:
        """Token -> lengths of the phrases of ``kind`` that start there (longest first). Built
        once per kind: clause boundaries and statements both ask for the reporting verbs."""
        out = self._starts.get(kind)
        if out is None:
            out = self._starts[kind] = {}
            for b, e in self._by_kind.get(kind, ()):
                out.setdefault(b, []).append(e - b)
        return out


def find_guards(tokens: Tokens, lex: Lexicon) -> GuardHits:
    """All guard phrases of the kinds the engine reads (``lexicon.ENGINE_GUARDS``)."""
    index = lex.guard_index
    first = index.first_words
    words, raw = tokens.words, tokens.raw
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for b in [k for k, w in enumerate(words) if w in first]:
        for length, kind in index.all_at(raw, words, b):
            by_kind.setdefault(kind, []).append((b, b + length))
    return GuardHits(by_kind)
