"""Stage 1: split a document into sentences, keeping each sentence's character offset.

A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by white space
and a capital, digit or opening quote — unless the word before the full stop is a known
abbreviation ("Maj.", "Gen.", "Jan."), a letter-dot acronym that the next word does not start a
new sentence after ("U.S. forces"), or a single initial ("John F. Kennedy"). A blank line or a line
break after text without end punctuation (headlines, captions, page furniture) also ends one.
"""
from __future__ import annotations

from typing import Iterator

import attrs
import regex

# Abbreviations whose full stop does not end a sentence (lower case, without the dot).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen maj col lt capt cpt sgt cpl pvt adm cmdr brig cdr gov sen rep
pres amb rev hon fr gov insp supt det dept univ corp inc ltd co no nos vs etc approx est
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
""".split())

# Candidate sentence ends: terminal punctuation, closing quotes/brackets, then white space.
# possessive and anchored at the start of a punctuation run, so a long run ("!!!!...") is linear
_END = regex.compile(r"""(?<![.!?])[.!?]++["'”’»)\]]*+(?=\s+["'“‘«(\[]*+[\p{Lu}\p{N}])""")
_BREAK = regex.compile(r"\n\s*\n|\n(?=\s*\S)")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")
_LOOKBACK = 48  # longer than any abbreviation or acronym the rules below look at


@attrs.frozen(slots=True)
class Sentence:
    """One sentence: its index in the document, its text and where the text starts."""

    index: int
    text: str
    offset: int


def _ends_here(text: str, dot: int, after: int) -> bool:
    """Is the punctuation at ``dot`` a real sentence end?"""
    if text[dot] != ".":
        return True
    m = _WORD_BEFORE.search(text, max(0, dot - _LOOKBACK), dot)  # a bounded window: no quadratic scan
    if not m:
        return True
    word = m.group(1)
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial: "John F. Kennedy"
    if "." in word.rstrip("."):
        # a letter-dot acronym such as "U.S." ends a sentence only before a likely sentence start
        nxt = text[after:after + 20].lstrip()
        first = regex.match(r"[\p{L}]+", nxt)
        return bool(first) and first.group().lower() in _SENTENCE_STARTERS
    return True


_SENTENCE_STARTERS = frozenset(
    "the a an it he she they we i this that these those there in on at but and however meanwhile "
    "according after before when while his her their its".split())


def split(text: str) -> Iterator[Sentence]:
    """Sentences of ``text`` in order; empty ones are skipped."""
    index = 0
    pos = 0
    for block in _blocks(text):
        start, end = block
        chunk_start = start
        for m in _END.finditer(text, start, end):
            if _ends_here(text, m.start(), m.end()):
                sent = _trimmed(text, chunk_start, m.end())
                if sent:
                    yield Sentence(index, *sent)
                    index += 1
                chunk_start = m.end()
        sent = _trimmed(text, chunk_start, end)
        if sent:
            yield Sentence(index, *sent)
            index += 1
        pos = end
    del pos


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _BREAK.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _trimmed(text: str, start: int, end: int) -> tuple[str, int] | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    return stripped, start + (len(piece) - len(piece.lstrip()))
