"""Stage 2: split a sentence into tokens with the ``regex`` module (Unicode-aware).

A token keeps its character offsets into the document, so every match can be traced back to
the text. ``words`` holds the lower-cased forms used for matching; ``raw`` the text as written
(capitalisation decides whether an all-capitals dictionary word such as "US" matches).

Splitting rules, in order: letter-dot acronyms ("U.S.", "U.N."); the negative clitic ("did" +
"n't"); the possessive ("Iraq" + "'s"); words with inner hyphens or apostrophes ("al-Sudani",
"O'Brien"); numbers with separators ("1,200", "1.2", "4th"); any other single non-space character.
"""
from __future__ import annotations

import attrs
import regex

_TOKEN = regex.compile(
    r"""
      (?:\p{L}\.){2,}(?!\p{L})                       # U.S.  U.N.  U.S.A.
    | \p{L}+(?=n['’]t\b)                              # did|n't
    | n['’]t\b
    | \p{L}[\p{L}\p{M}\p{N}]*(?=['’]s\b)              # Iraq|'s
    | ['’]s\b
    | \p{L}[\p{L}\p{M}\p{N}]*(?:[-'’]\p{L}[\p{L}\p{M}\p{N}]*)*   # words, al-Sudani, O'Brien
    | \p{N}++(?:[.,:/]\p{N}++)*+(?:st|nd|rd|th|s)?+(?![\p{L}\p{N}])  # 12  1,200  1.2  4th  1990s
    | \p{N}++\p{L}*                                   # 10km, 9mm
    | [^\s\p{Cc}]                                     # anything else, one character
    """,
    regex.VERBOSE | regex.V0,
)


@attrs.frozen(slots=True)
class Tokens:
    """The tokens of one sentence: parallel tuples, so no object is made per token."""

    raw: tuple[str, ...]
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, text: str, i: int, j: int, offset: int = 0) -> str:
        """The document text covered by tokens i..j-1 (``offset``: where ``text`` starts)."""
        if i >= j:
            return ""
        return text[self.starts[i] - offset:self.ends[j - 1] - offset]


def tokenize(text: str, offset: int = 0) -> Tokens:
    """Tokens of ``text``; offsets are shifted by ``offset`` (the sentence's place in the document)."""
    raw: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN.finditer(text):
        raw.append(m.group())
        starts.append(m.start() + offset)
        ends.append(m.end() + offset)
    words = [w.lower().replace("’", "'") for w in raw]
    return Tokens(tuple(raw), tuple(words), tuple(starts), tuple(ends))
