"""Numbers in news text: digits ("1,200", "1.2 million"), words ("two hundred and five"), and
vague quantity words ("dozens", "several") with the values ACLED codes for them.

``find_numbers`` scans the lower-cased token words of a sentence (``Tokens.words``) and returns
every number, left to right, longest match first. A sentence with no digit and no number word
costs one set test. Runs of number words are parsed with the LALR grammar
``grammars/numbers.lark``; a one-word run ("two") is a dictionary look-up.

Vague quantities
----------------
ACLED's published fatality methodology (ACLED Knowledge Base, "Fatalities", under "How does
ACLED code fatalities?", 2023/2024; and the ACLED Codebook, "Reported fatalities") says: when
reports differ or are vague, ACLED codes the most conservative estimate, and for estimates
such as "tens", "dozens" or "hundreds" it codes 10, 12 and 100 — the value of one unit of the
word ("and so on"). Following that rule:

    tens 10, dozens 12, scores 20, hundreds 100, thousands 1,000, millions 1,000,000
    "tens/hundreds of thousands" 10,000 / 100,000

For a plural without any number ("several", "a few", "some" ...) ACLED's notes state the
default they use: "Unknown fatalities coded as 3", "Unclear fatalities coded as 3 in a
non-conflict zone", while reports from a dense war zone are coded 10 ("Unclear fatalities coded
as 10"). A sentence does not say which zone it comes from, so the rule here goes by the word's
meaning:

    "a small, unknown number" -> 3:  several, a few, few, a handful, multiple, a number of
    "a large, unknown number" -> 10: many, numerous

"several hundred" / "a few thousand" multiply (300 / 3,000), as do "two dozen" (24) and
"half a dozen" (6). "a dozen" is 12 and "a couple of" / "a pair of" are 2 (not vague); "both" is
not a number. Every vague value is flagged ``vague=True``.

"at least", "more than", "over", "some", "upwards of", "no fewer/less than", "in excess of" in
front set ``at_least``; the number itself is kept ("at least 5" -> 5, the conservative figure)
and the match covers the words in front.

Digits: "12", "1,200", "1.2", "1,200.5", with an optional scale word after ("1.2 million" ->
1,200,000, "3 dozen" -> 36). Ordinals ("4th"), decades ("1990s"), times and dates written with
":" or "/", and measures glued to letters ("10km") are not numbers. Years are numbers here:
callers that count people skip them.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Sequence

import attrs
import lark

from .resources import grammar_text
from .tokens import tokenize

__all__ = ["NumberMatch", "find_numbers", "parse_number", "number_to_words", "VAGUE_VALUES"]


@attrs.frozen(slots=True)
class NumberMatch:
    """A number in a token sequence: tokens ``start``..``end`` (exclusive) and its value."""

    start: int
    end: int
    value: int | float
    vague: bool = False
    at_least: bool = False


_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

# One word -> its value: "zero".."nineteen", the tens, and hyphenated compounds "twenty-three".
_WORD_VALUE: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
for _k, _t in enumerate(_TENS):
    _WORD_VALUE[_t] = 20 + 10 * _k
    for _u in range(1, 10):
        _WORD_VALUE[f"{_t}-{_UNITS[_u]}"] = 20 + 10 * _k + _u
del _k, _t, _u

# Vague quantity words (see the module docstring).
VAGUE_VALUES: dict[str, int] = {
    "several": 3, "few": 3, "multiple": 3, "handful": 3,
    "many": 10, "numerous": 10,
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6,
}
_VAGUE_NEED_OF = frozenset({"tens", "scores", "handful"})   # "tens of", "scores of", "a handful of"
_PLURAL_SCALE = {"thousands": 1000, "millions": 10**6}      # "hundreds of thousands"

# Words that can be part of a run parsed by the grammar.
_RUN_WORDS = frozenset(_WORD_VALUE) | frozenset(_SCALES)
# Words that can start a number (the prefilter): run words, vague words, "dozen", "half", "couple" ...
_TRIGGERS = _RUN_WORDS | frozenset(VAGUE_VALUES) | {"dozen", "couple", "pair", "number", "half"}

# Phrases in front of a number that make it a lower bound.
_AT_LEAST = (("at", "least"), ("more", "than"), ("upwards", "of"), ("no", "fewer", "than"),
             ("no", "less", "than"), ("not", "less", "than"), ("in", "excess", "of"), ("well", "over"),
             ("over",), ("some",))

_ANY_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\Z")


def _whole(value: Decimal | int) -> int | float:
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _digit_value(word: str) -> Decimal | None:
    if not word[:1].isdigit() or _DIGITS.match(word) is None:
        return None
    try:
        return Decimal(word.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        return None


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    return lark.Lark(grammar_text("numbers.lark"), parser="lalr", lexer="basic")


def _eval(tree: lark.Tree) -> int:
    kind = tree.data
    kids = tree.children
    if kind == "start":
        return _eval(kids[0])
    if kind == "zero":
        return 0
    if kind in ("unit", "teen"):
        return _WORD_VALUE[str(kids[0])]
    if kind == "tens":
        return sum(_WORD_VALUE[str(k)] for k in kids)
    if kind == "article":
        return 1
    scale = {"hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9}[kind]
    parts = [k for k in kids if isinstance(k, lark.Tree)]
    return _eval(parts[0]) * scale + (_eval(parts[1]) if len(parts) > 1 else 0)


@functools.lru_cache(maxsize=4096)
def _parse_run(text: str) -> int | None:
    """Value of a run of number words (space-separated, compounds split), or None."""
    try:
        return _eval(_parser().parse(text))
    except lark.exceptions.LarkError:
        return None


def _run_end(words: Sequence[str], i: int) -> int:
    """End of the longest run of number words starting at ``i`` ("a" only before a scale word,
    "and" only between a scale word and a number word)."""
    n = len(words)
    j = i
    if words[i] in ("a", "an"):
        if i + 1 < n and words[i + 1] in _SCALES:
            j = i + 1
        else:
            return i
    while j < n:
        w = words[j]
        if w in _RUN_WORDS:
            j += 1
        elif (w == "and" and j > i and words[j - 1] in _SCALES and j + 1 < n
              and words[j + 1] in _RUN_WORDS and words[j + 1] not in _SCALES):
            j += 1
        else:
            break
    return j


def _word_number(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """The longest number in words starting at ``i``: (end, value)."""
    j = _run_end(words, i)
    if j <= i:
        return None
    if j == i + 1:
        v = _WORD_VALUE.get(words[i])
        return None if v is None else (j, v)
    while j > i:
        text = " ".join(words[i:j]).replace("-", " ")
        v = _parse_run(text)
        if v is not None:
            return j, v
        j -= 1
    return None


def _multiplier_after(words: Sequence[str], j: int) -> tuple[int, int]:
    """A scale word or "dozen" right after a number: (new end, factor)."""
    if j < len(words):
        w = words[j]
        if w in _SCALES:
            return j + 1, _SCALES[w]
        if w == "dozen":
            return j + 1, 12
    return j, 1


def _vague_at(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A vague quantity at ``i``: (end, value)."""
    n = len(words)
    w = words[i]
    nxt = words[i + 1] if i + 1 < n else ""
    if w in ("a", "an"):
        if nxt == "few":
            return _vague_tail(words, i + 2, 3)
        if nxt in ("handful", "number") and i + 2 < n and words[i + 2] == "of":
            return i + 3, 3
        return None
    if w == "unknown" or w == "unspecified" or w == "undetermined" or w == "undisclosed":
        if nxt == "number" and i + 2 < n and words[i + 2] == "of":
            return i + 3, 3
        return None
    v = VAGUE_VALUES.get(w)
    if v is None or w == "handful":
        return None
    if w in _VAGUE_NEED_OF and nxt != "of":
        return None
    if w in ("several", "few", "many"):
        return _vague_tail(words, i + 1, v)
    if w in ("tens", "dozens", "hundreds") and nxt == "of" and i + 2 < n and words[i + 2] in _PLURAL_SCALE:
        return i + 3, v * _PLURAL_SCALE[words[i + 2]]
    return i + 1, v


def _vague_tail(words: Sequence[str], j: int, v: int) -> tuple[int, int]:
    """ "several hundred", "a few dozen", "many thousands" """
    if j < len(words):
        w = words[j]
        if w in _SCALES:
            return j + 1, v * _SCALES[w]
        if w == "dozen":
            return j + 1, v * 12
        if w in _PLURAL_SCALE:
            return j + 1, v * _PLURAL_SCALE[w]
    return j, v


def _number_at(words: Sequence[str], i: int) -> tuple[int, int | float, bool] | None:
    """The number starting at token ``i``: (end, value, vague)."""
    n = len(words)
    w = words[i]
    if w.isdecimal():                    # the common case: "12", "2024"
        j, factor = _multiplier_after(words, i + 1)
        return j, int(w) * factor, False
    # digits, with an optional scale word: "12", "1,200", "1.2 million", "3 dozen"
    d = _digit_value(w)
    if d is not None:
        j, factor = _multiplier_after(words, i + 1)
        return j, _whole(d * factor), False
    nxt = words[i + 1] if i + 1 < n else ""
    # "half a dozen", "half a million"
    if w == "half" and nxt in ("a", "an") and i + 2 < n:
        u = words[i + 2]
        if u == "dozen":
            return i + 3, 6, False
        if u in _SCALES:
            return i + 3, _SCALES[u] // 2, False
        return None
    if w in ("a", "an", "one"):
        if nxt == "dozen":
            return i + 2, 12, False
        if w != "one" and nxt in ("couple", "pair") and i + 2 < n and words[i + 2] == "of":
            return i + 3, 2, False
    if w in _RUN_WORDS or w in ("a", "an"):
        found = _word_number(words, i)
        if found is not None:
            j, v = found
            j, factor = _multiplier_after(words, j) if (j < n and words[j] == "dozen") else (j, 1)
            return j, v * factor, False
    vague = _vague_at(words, i)
    if vague is not None:
        return vague[0], vague[1], True
    return None


_AT_LEAST_LAST = frozenset(p[-1] for p in _AT_LEAST)
# after "a"/"an", only these words can make a number ("a dozen", "a few", "a hundred", "a couple of")
_AFTER_A = frozenset({"dozen", "few", "handful", "number", "couple", "pair"}) | frozenset(_SCALES)
_VAGUE_STARTS = frozenset({"unknown", "unspecified", "undetermined", "undisclosed"})
_STARTS = _TRIGGERS | {"a", "an"} | _VAGUE_STARTS


def _at_least_before(words: Sequence[str], i: int, floor: int) -> int:
    """Start of an "at least"-type phrase ending right before ``i`` (not before ``floor``), or ``i``."""
    if i == 0 or words[i - 1] not in _AT_LEAST_LAST:
        return i
    for phrase in _AT_LEAST:
        k = i - len(phrase)
        if k >= floor and tuple(words[k:i]) == phrase:
            return k
    return i


def find_numbers(words: Sequence[str]) -> list[NumberMatch]:
    """All numbers in ``words`` (lower-cased token words), left to right, non-overlapping, longest."""
    if _TRIGGERS.isdisjoint(words) and _ANY_DIGIT.search("".join(words)) is None:
        return []
    out: list[NumberMatch] = []
    n = len(words)
    floor = 0
    for i in [k for k, w in enumerate(words) if w in _STARTS or w[:1].isdigit()]:  # where a number may start
        if i < floor:
            continue
        w = words[i]
        if (w == "a" or w == "an") and (i + 1 >= n or words[i + 1] not in _AFTER_A):
            continue
        found = _number_at(words, i)
        if found is None:
            continue
        end, value, vague = found
        start = _at_least_before(words, i, floor)
        out.append(NumberMatch(start, end, value, vague, start < i))
        floor = end
    return out


def parse_number(text: str) -> int | float | None:
    """The number that ``text`` is, or None: "twenty-three" -> 23, "1.2 million" -> 1200000,
    "a dozen" -> 12, "a couple of" -> 2, "dozens" -> 12, "at least 5" -> 5."""
    if not isinstance(text, str):
        return None
    words = tokenize(text).words
    found = find_numbers(words)
    if len(found) == 1 and found[0].start == 0:
        end = found[0].end
        if end == len(words) or (end == len(words) - 1 and words[-1] == "of"):   # "dozens of"
            return found[0].value
    return None


def _below_thousand(n: int) -> list[str]:
    out: list[str] = []
    h, r = divmod(n, 100)
    if h:
        out += [_UNITS[h], "hundred"]
    if r >= 20:
        t, u = divmod(r, 10)
        out.append(_TENS[t - 2] + (f"-{_UNITS[u]}" if u else ""))
    elif r:
        out.append(_UNITS[r])
    return out


def number_to_words(n: int) -> str:
    """``n`` (0 <= n < 10**12) in English words: 1200005 -> "one million two hundred thousand five"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words needs an int, not {type(n).__name__}")
    if n < 0 or n >= 10**12:
        raise ValueError(f"number_to_words covers 0 to 10**12 - 1, not {n}")
    if n == 0:
        return "zero"
    out: list[str] = []
    for name, scale in (("billion", 10**9), ("million", 10**6), ("thousand", 1000)):
        q, n = divmod(n, scale)
        if q:
            out += _below_thousand(q) + [name]
    out += _below_thousand(n)
    return " ".join(out)
