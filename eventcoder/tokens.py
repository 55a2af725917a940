"""Stage 2: split a sentence into tokens with the ``regex`` module (Unicode-aware).

A token keeps its character offsets into the document, so every match can be traced back to
the text. ``words`` holds the lower-cased forms used for matching; ``raw`` the text as written
(capitalisation decides whether an all-capitals dictionary word such as "US" matches).

Splitting rules: letter-dot acronyms stay whole ("U.S.", "U.N."); words keep inner hyphens and
apostrophes ("al-Sudani", "O'Brien"), except that the negative clitic and the possessive are
split off ("did" + "n't", "Iraq" + "'s"); numbers keep their separators and a unit or ordinal
suffix ("1,200", "1.2", "4th", "10km"); any other non-space character is a token of its own.

Speed: one simple regular expression does the splitting; the rare clitics are split in Python
afterwards, and character offsets are only worked out when something asks for them.
"""
from __future__ import annotations

import regex

_TOKEN = regex.compile(
    r"""
      \p{L}(?:\.\p{L})++\.?+(?!\p{L})                              # U.S.  U.N.  U.S.A.
    | \p{L}[\p{L}\p{M}\p{N}]*+(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+|['’]\p{L}[\p{L}\p{M}\p{N}]*+)*+  # al-Sudani, G-7, O'Brien, didn't
    | \p{N}++(?:[.,:/]\p{N}++)*+\p{L}*+(?:-\p{L}[\p{L}\p{M}\p{N}]*+)*+  # 12 1,200 1.2 4th 1990s 10km 24-hour
    | [^\s\p{Cc}]                                                   # anything else, one character
    """,
    regex.VERBOSE | regex.V0,
)


def _split_clitics(tok: str) -> list[str] | None:
    low = tok.lower().replace("’", "'")
    if low.endswith("n't") and len(tok) > 3:
        return [tok[:-3], tok[-3:]]
    if low.endswith("'s") and len(tok) > 2:
        return [tok[:-2], tok[-2:]]
    return None


class Tokens:
    """The tokens of one sentence as parallel tuples (no object per token).

    ``starts``/``ends`` are document offsets, computed on first use.
    """

    __slots__ = ("raw", "words", "_text", "_offset", "_spans")

    def __init__(self, raw: tuple[str, ...], words: tuple[str, ...], text: str = "", offset: int = 0):
        self.raw = raw
        self.words = words
        self._text = text
        self._offset = offset
        self._spans: tuple[tuple[int, ...], tuple[int, ...]] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def __repr__(self) -> str:
        return f"Tokens({self.raw!r})"

    def _compute_spans(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if self._spans is None:
            starts, ends = [], []
            pos = 0
            text, off = self._text, self._offset
            for tok in self.raw:
                s = text.find(tok, pos)
                starts.append(s + off)
                pos = s + len(tok)
                ends.append(pos + off)
            self._spans = (tuple(starts), tuple(ends))
        return self._spans

    @property
    def starts(self) -> tuple[int, ...]:
        return self._spans[0] if self._spans is not None else self._compute_spans()[0]

    @property
    def ends(self) -> tuple[int, ...]:
        return self._spans[1] if self._spans is not None else self._compute_spans()[1]

    def span_text(self, i: int, j: int) -> str:
        """The sentence text covered by tokens i..j-1."""
        if i >= j:
            return ""
        return self._text[self.starts[i] - self._offset:self.ends[j - 1] - self._offset]


def tokenize(text: str, offset: int = 0) -> Tokens:
    """Tokens of ``text``; offsets are shifted by ``offset`` (the sentence's place in the document)."""
    raw = _TOKEN.findall(text)
    if "'" in text or "’" in text:
        out: list[str] = []
        for tok in raw:
            parts = _split_clitics(tok) if ("'" in tok or "’" in tok) and len(tok) > 2 else None
            if parts:
                out.extend(parts)
            else:
                out.append(tok)
        raw = out
    words = tuple(w.lower().replace("’", "'") for w in raw) if "’" in text else tuple(map(str.lower, raw))
    return Tokens(tuple(raw), words, text, offset)
