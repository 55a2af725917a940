"""Dates in news sentences, as ACLED codes them: a day and a ``time_precision``.

``find_dates`` finds written-out dates ("On 4 January 2024", "January 4, 2024", "Jan. 4",
"4th of January", "in December 2023") and dates told relative to the document's date
("yesterday", "on Thursday", "last week", "over the weekend", "last month", "in December",
"two days ago"). ``event_date`` picks the one that dates the event of a sentence: the first
written-out date, else the first relative one.

A sentence with none of the trigger words (month and weekday names, "yesterday", "today",
"week", "weekend", "month", "ago", ...) costs one set test. Everything else is a small
hand-written matcher over the token words; there is no grammar to run.

Conventions, and why
--------------------
Precision is ACLED's ``time_precision``: 1 the day is known, 2 the week or weekend, 3 the month.
For precision 2 and 3 the date given is the middle of the period, as ACLED's own rows show:

* a week -> its Wednesday (Monday-Sunday week). ACLED rows written "Week of 16 July" and
  "Around 4 May 2022 (week of)" are dated on the Wednesday of that week.
* a weekend -> its Saturday ("at the weekend" and "on the weekend (25-26 February)" rows are
  dated on the Saturday).
* a month -> the 15th (nearly every precision-3 row is dated on the 15th; "month of" too).
  "early", "mid" and "late" June give the 5th, 15th and 25th, still precision 3 (ACLED codes
  "early May" and "mid-September" rows at precision 3).
* a range "between 18 and 20 February" -> its middle day (rounded down); precision 2 when it
  spans at most 10 days, else 3 (ACLED: "between 31 January - 8 February" -> 4 February,
  precision 2; "between 24 February - 10 March" -> 3 March, precision 3). Days listed one by
  one ("on 3, 4 and 5 June", "June 3 and 4") are dated the same way. ``DateMatch.days`` keeps
  every day a range covers, or the days a list names (``listed``): ``eventcoder.incidents``
  makes one event per day of them when the text says the event happened on each day.

Hedged days: "Around 18 April 2022", "on or about 5 May", "on or before 3 September",
"approximately 4 June" keep the day but get precision 2 — ACLED gives 164 of its 169
"Around <date>" rows precision 2 (the others say "(month of)", precision 3). "(As) reported on
4 March" is the date of a report, not of the event: the day is kept with precision 2, as ACLED
codes it. A written range in brackets right after a date ("Around 3 March 2022 (between 24
February - 10 March)") gives the date the range's precision. A parenthesis right
after the date, "(week of)", "(weekend of)" or "(month of)", sets precision 2, 2 or 3 and keeps
the written day (ACLED writes the midpoint itself there). "week of 16 July" written in front of a
date moves it to that week's Wednesday; "weekend of" to the Saturday; "month of" to the 15th.

Relative dates resolve against the document date and never land after it:

* a weekday ("on Thursday", "Thursday night", "Thursday's strike") -> the most recent such day
  on or before the document date (the document date itself when it is that weekday);
  "last Thursday" -> strictly before it. "next Thursday" and "every Thursday" give nothing.
* "yesterday" -> the day before; "today", "tonight", "this morning/afternoon/evening" -> the
  document date; "last night", "last evening" and "overnight" -> the day before: a report
  written on day D about "last night" tells of the night from D-1 to D, and ACLED dates a night's
  event by the day on which it began.
* "last week" -> Wednesday of the previous Monday-Sunday week (5 to 11 days before the document
  date); "this week" / "earlier this week" -> Wednesday of the current week, or the document date
  if that Wednesday is still to come; "the past week" -> three days before the document date.
* "over/at/during the weekend", "this weekend" -> the Saturday of the latest weekend on or before
  the document date; "last weekend" -> the weekend before that when the document date is itself a
  Saturday or Sunday.
* "last month" -> 15th of the previous month; "this month" / "earlier this month" -> 15th of
  the current month, or the document date if that is earlier.
* "in December" (also "during", "early", "mid", "late" December) -> the most recent December
  not after the document date (this December when the document is dated in December).
* "N days ago" (precision 1), "N weeks ago" (2), "N months ago" (3) count back from the
  document date; "a few days ago" is precision 2, three days back.
* A day and month without a year ("Jan. 4", "4 January") take the most recent such day not
  after the document date.

Without a document date, relative dates and day+month without a year give nothing; a date
with its year still works. Month names must be capitalised ("May 4", not "may"), which keeps
the modal verb out. Numeric dates ("04/01/2024") are not read: whether the day or the month
comes first is not knowable from the sentence.
"""
from __future__ import annotations

import datetime as _dt
import re

import attrs

from .errors import InputError
from .numbers import find_numbers
from .tokens import Tokens

__all__ = ["DateMatch", "parse_doc_date", "find_dates", "event_date"]


@attrs.frozen(slots=True)
class DateMatch:
    """A date in a sentence: tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    date: _dt.date
    precision: int        # ACLED time_precision: 1 day, 2 week or weekend, 3 month
    explicit: bool        # written out (full date or day+month) rather than relative to the document date
    days: tuple = ()      # a range or list of days: every day it covers, in order ("3-5 June": 3, 4, 5)
    listed: bool = False  # the days were written one by one ("on 3, 4 and 5 June"), not as a range


_MONTH_NAMES = ("january february march april may june july august september october november "
                "december").split()
MONTHS: dict[str, int] = {m: k for k, m in enumerate(_MONTH_NAMES, 1)}
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                  "oct": 10, "nov": 11, "dec": 12}
MONTHS.update(_ABBREVIATIONS)
WEEKDAYS = {d: k for k, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_PART_DAY = {"early": 5, "mid": 15, "late": 25}
# "mid-October", "early-May" are one token each.
_PART_MONTH = {f"{p}-{m}": (d, n) for p, d in _PART_DAY.items() for m, n in MONTHS.items()}

_RELATIVE = frozenset({"yesterday", "today", "tonight", "overnight", "week", "weekend", "month", "morning",
                       "afternoon", "evening", "night", "ago"})
_TRIGGERS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(_PART_MONTH) | _RELATIVE

_DAY = re.compile(r"(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\Z")
_YEAR = re.compile(r"\d{4}\Z")
_RANGE = frozenset({"-", "–", "—", "to", "and", "until", "till", "through"})
_MONTH_CONTEXT = frozenset({"in", "during", "early", "mid", "late", "throughout"})
_NOT_PAST = frozenset({"next", "coming", "every", "each", "following", "upcoming", "until", "till", "by"})
_TIME_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def parse_doc_date(value: str | _dt.date | _dt.datetime | None) -> _dt.date | None:
    """The document date from ``value``: None, a date, a datetime, or a string "YYYY-MM-DD"
    (a time may follow after "T" or a space; "YYYYMMDD" is accepted too). An empty string
    means no date. Anything else raises InputError."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"bad document date {value!r}: expected a 'YYYY-MM-DD' string or a date, "
                         f"not {type(value).__name__}")
    s = value.strip()
    if not s:
        return None
    try:
        if re.fullmatch(r"\d{8}", s):
            return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        if re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ])", s):
            return _dt.date(int(s[:4]), int(s[5:7]), int(s[8:10]))
    except ValueError as e:
        raise InputError(f"bad document date {value!r}: {e}") from None
    raise InputError(f"bad document date {value!r}: expected YYYY-MM-DD, for example 2024-01-04")


# ----------------------------------------------------------------------------- helpers

def _day(word: str) -> int | None:
    m = _DAY.match(word)
    return int(m.group(1)) if m else None


def _year(word: str) -> int | None:
    if _YEAR.match(word):
        y = int(word)
        if 1000 <= y <= 2999:
            return y
    return None


def _make(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _near_day(ctx: _dt.date, month: int, day: int) -> _dt.date | None:
    """The ``day`` of ``month`` nearest to ``ctx`` (a date written earlier in the sentence)."""
    best = None
    for y in (ctx.year, ctx.year - 1, ctx.year + 1):
        d = _make(y, month, day)
        if d is not None and (best is None or abs((d - ctx).days) < abs((best - ctx).days)):
            best = d
    return best


def _recent_day(doc: _dt.date, month: int, day: int) -> _dt.date | None:
    """The most recent ``day`` of ``month`` not after ``doc`` (None if there is no such day)."""
    for y in range(doc.year, doc.year - 9, -1):
        d = _make(y, month, day)
        if d is not None and d <= doc:
            return d
    return None


def _recent_month(doc: _dt.date, month: int, day: int = 15) -> _dt.date:
    """``day`` of the most recent ``month`` not after ``doc``, clamped to ``doc``."""
    y = doc.year if month <= doc.month else doc.year - 1
    return min(_dt.date(y, month, day), doc)


def _add_months(d: _dt.date, k: int) -> _dt.date:
    total = d.year * 12 + d.month - 1 + k
    y, m = divmod(total, 12)
    m += 1
    for day in (d.day, 30, 29, 28):
        got = _make(y, m, day)
        if got is not None:
            return got
    raise AssertionError("unreachable")  # pragma: no cover


def _wednesday(d: _dt.date) -> _dt.date:
    return d - _dt.timedelta(days=d.weekday() - 2)


def _saturday(d: _dt.date) -> _dt.date:
    """The Saturday of the weekend that ``d`` is in (or the one before, on a weekday)."""
    return d - _dt.timedelta(days=(d.weekday() - 5) % 7)


def _capitalised(raw: str) -> bool:
    return raw[:1].isupper()


class _Found:
    """A date being built: mutable while the matcher works on it."""

    __slots__ = ("start", "end", "date", "precision", "explicit", "days", "listed")

    def __init__(self, start: int, end: int, date: _dt.date, precision: int, explicit: bool):
        self.start, self.end, self.date, self.precision, self.explicit = start, end, date, precision, explicit
        self.days: tuple = ()
        self.listed = False

    def frozen(self) -> DateMatch:
        return DateMatch(self.start, self.end, self.date, self.precision, self.explicit, self.days, self.listed)


# ----------------------------------------------------------------------------- written dates

def _month_at(words, raw, i: int) -> tuple[int, int] | None:
    """(month, index after the month word and an abbreviation's dot)."""
    w = words[i]
    month = MONTHS.get(w)
    if month is None or not _capitalised(raw[i]):
        return None
    j = i + 1
    if w in _ABBREVIATIONS and j < len(words) and words[j] == ".":
        j += 1
    return month, j


def _year_after(words, j: int) -> tuple[int | None, int]:
    """A year at ``j`` (after an optional comma or "of"): (year, end)."""
    n = len(words)
    if j < n and _year(words[j]):
        return _year(words[j]), j + 1
    if j + 1 < n and words[j] in (",", "of") and _year(words[j + 1]):
        return _year(words[j + 1]), j + 2
    return None, j


def _written_at(words, raw, i: int, floor: int, doc: _dt.date | None,
                ctx: _dt.date | None) -> _Found | None:
    """A written-out date around the month word at ``i``. A day and month without a year take
    the year of ``ctx`` (a date written earlier in the sentence), else of ``doc``."""
    got = _month_at(words, raw, i)
    if got is None:
        return None
    month, j = got
    n = len(words)
    # day before the month: "4 January", "4th of January", "18 - 20 February"
    day = s = None
    if i - 1 >= floor and _day(words[i - 1]):
        day, s = _day(words[i - 1]), i - 1
    elif i - 2 >= floor and words[i - 1] == "of" and _day(words[i - 2]):
        day, s = _day(words[i - 2]), i - 2
    if day is not None:
        year, end = _year_after(words, j)
        first_day = None
        listed: list[int] = []
        if s - 2 >= floor and words[s - 1] in _RANGE and _day(words[s - 2]):
            first_day = _day(words[s - 2])
            if words[s - 1] == "and":
                listed = [first_day, day]
            s -= 2
            # "3, 4 and 5 June": more days before it, each followed by a comma
            while listed and s - 2 >= floor and words[s - 1] == "," and _day(words[s - 2]):
                listed.insert(0, _day(words[s - 2]))
                s -= 2
            first_day = listed[0] if listed else first_day
        return _resolve(words, raw, s, end, year, month, day, first_day, doc, ctx, listed)
    # day after the month: "January 4", "Jan. 4, 2024", "January 4th"
    if j < n and _day(words[j]) and not _year(words[j]):
        day = _day(words[j])
        end = j + 1
        first_day = None
        # "June 3, 4 and 5": days after commas, the last one after "and"
        seq, k = [day], end
        while k + 1 < n and words[k] == "," and _day(words[k + 1]) and not _year(words[k + 1]):
            seq.append(_day(words[k + 1]))
            k += 2
        listed: list[int] = []
        if len(seq) > 1 and k + 1 < n and words[k] == "and" and _day(words[k + 1]) and not _year(words[k + 1]):
            listed, first_day, day, end = seq + [_day(words[k + 1])], seq[0], _day(words[k + 1]), k + 2
        elif end + 1 < n and words[end] in _RANGE and _day(words[end + 1]) and not _year(words[end + 1]):
            if words[end] == "and":
                listed = [day, _day(words[end + 1])]
            first_day, day = day, _day(words[end + 1])
            end += 2
        year, end = _year_after(words, end)
        return _resolve(words, raw, i, end, year, month, day, first_day, doc, ctx, listed)
    # month and year: "January 2024", "early June 2023"
    year, end = _year_after(words, j)
    part = 15
    s = i
    if i - 1 >= floor and words[i - 1] in _PART_DAY:
        part, s = _PART_DAY[words[i - 1]], i - 1
    if year is not None:
        d = _make(year, month, part)
        return _Found(s, end, d, 3, True) if d else None
    # a month alone, after "in", "during", "early", "mid", "late": relative to the document date
    if doc is not None and i - 1 >= floor and words[i - 1] in _MONTH_CONTEXT:
        return _Found(s, j, _recent_month(doc, month, part), 3, False)
    return None


def _resolve(words, raw, s: int, end: int, year: int | None, month: int, day: int, first_day: int | None,
             doc: _dt.date | None, ctx: _dt.date | None, listed: list[int] | None = None) -> _Found | None:
    """A day (or a range of days, or days ``listed`` one by one) of ``month``; the year from the
    text, else from ``doc``."""
    n = len(words)
    # a second date after a range word: "24 February - 10 March 2022"
    if first_day is None and end + 2 < n and words[end] in _RANGE and _day(words[end + 1]):
        got = _month_at(words, raw, end + 2)
        if got is not None:
            m2, j2 = got
            y2, e2 = _year_after(words, j2)
            d2 = _day(words[end + 1])
            if y2 is None:
                y2 = year
            if y2 is not None:
                second = _make(y2, m2, d2)
            elif ctx is not None:
                second = _near_day(ctx, m2, d2)
            else:
                second = _recent_day(doc, m2, d2) if doc is not None else None
            if second is not None:
                first = _make(year if year is not None else second.year, month, day)
                if first is not None and first > second and year is None:
                    first = _make(second.year - 1, month, day)
                if first is not None and first <= second and (second - first).days <= 62:
                    f = _range(s, e2, first, second)
                    if words[end] == "and" and first < second:   # "3 June and 5 June": two days
                        f.days, f.listed = (first, second), True
                    return f
    if year is not None:
        last = _make(year, month, day)
    elif ctx is not None:
        last = _near_day(ctx, month, day)
    elif doc is not None:
        last = _recent_day(doc, month, day)
    else:
        return None
    if last is None:
        return None
    if first_day is not None:
        first = _make(last.year, last.month, first_day)
        if first is None or first > last:
            return None
        f = _range(s, end, first, last)
        days = [_make(last.year, last.month, d) for d in listed or ()]
        if days and None not in days and all(a < b for a, b in zip(days, days[1:])):
            f.days, f.listed = tuple(days), True
        return f
    return _Found(s, end, last, 1, True)


def _range(s: int, end: int, first: _dt.date, last: _dt.date) -> _Found:
    span = (last - first).days
    mid = first + _dt.timedelta(days=span // 2)
    f = _Found(s, end, mid, 2 if span <= 10 else 3, True)
    f.days = tuple(first + _dt.timedelta(days=k) for k in range(span + 1))
    return f


def _hedge(words, f: _Found, floor: int) -> None:
    """Adjust a written date for the words around it: "around", "on or about", "week of",
    "(week of)", "(month of)", "between"."""
    s = f.start
    before = words[max(floor, s - 4):s]
    if before and before[-1] in ("between", "from"):
        f.start -= 1
        if f.listed:    # "between 3 and 5 June" is a range, not two days
            f.days = tuple(f.days[0] + _dt.timedelta(days=k) for k in range((f.days[-1] - f.days[0]).days + 1))
            f.listed = False
    elif len(before) >= 3 and before[-3] == "on" and before[-2] == "or" and before[-1] in (
            "about", "around", "before", "after"):
        f.start -= 3
        f.precision = max(f.precision, 2)
    elif before and before[-1] in ("around", "about", "approximately", "circa", "roughly"):
        f.start -= 1
        f.precision = max(f.precision, 2)
    elif len(before) >= 2 and before[-2] == "reported" and before[-1] == "on":
        f.precision = max(f.precision, 2)   # "(As) reported on 4 March": the report's date
    elif len(before) >= 2 and before[-1] == "of" and before[-2] in ("week", "weekend", "month"):
        kind = before[-2]
        f.start -= 2
        if f.precision == 1:
            if kind == "week":
                f.date, f.precision = _wednesday(f.date), 2
            elif kind == "weekend":
                f.date, f.precision = _saturday(f.date) if f.date.weekday() >= 5 else f.date, 2
            else:
                f.date, f.precision = f.date.replace(day=15), 3
    # "(week of)", "(weekend of)", "(month of)" right after the date
    e = f.end
    tail = words[e:e + 4]
    if len(tail) == 4 and tail[0] == "(" and tail[2] == "of" and tail[3] == ")":
        p = {"week": 2, "weekend": 2, "month": 3}.get(tail[1])
        if p is not None:
            f.precision = max(f.precision, p)
            f.end = e + 4


# ----------------------------------------------------------------------------- relative dates

def _weekday_at(words, raw, i: int, floor: int, doc: _dt.date) -> _Found | None:
    if not _capitalised(raw[i]):
        return None
    n = len(words)
    prev = words[i - 1] if i - 1 >= floor else ""
    if prev in _NOT_PAST:
        return None
    # "Thursday, January 4": the written date says it
    k = i + 1
    if k < n and words[k] == ",":
        k += 1
    if k < n and (words[k] in MONTHS or (_day(words[k]) and k + 1 < n and words[k + 1] in MONTHS)):
        return None
    back = (doc.weekday() - WEEKDAYS[words[i]]) % 7
    s = i
    if prev == "last":
        s = i - 1
        if back == 0:
            back = 7
    elif prev == "this":
        s = i - 1
    end = i + 1
    if end < n and words[end] in _TIME_OF_DAY:
        end += 1
    return _Found(s, end, doc - _dt.timedelta(days=back), 1, False)


def _ago_at(words, i: int, floor: int, doc: _dt.date) -> _Found | None:
    """ "two days ago", "a week ago", "three months ago" """
    if i - 2 < floor:
        return None
    unit = words[i - 1]
    unit = unit[:-1] if unit.endswith("s") else unit
    if unit not in ("day", "week", "month"):
        return None
    lo = max(floor, i - 5)
    nums = [m for m in find_numbers(words[lo:i - 1]) if m.end == i - 1 - lo]
    if nums:
        num = nums[-1]
        value, vague, s = num.value, num.vague, lo + num.start
    elif words[i - 2] in ("a", "an", "one"):
        value, vague, s = 1, False, i - 2
    else:
        return None
    if not isinstance(value, int) or value <= 0 or value > 1000:
        return None
    if unit == "day":
        if vague:
            return _Found(s, i + 1, doc - _dt.timedelta(days=3), 2, False)
        return _Found(s, i + 1, doc - _dt.timedelta(days=value), 1, False)
    if vague:
        return None
    if unit == "week":
        return _Found(s, i + 1, doc - _dt.timedelta(days=7 * value), 2, False)
    return _Found(s, i + 1, _add_months(doc, -value), 3, False)


def _relative_at(words, i: int, floor: int, doc: _dt.date) -> _Found | None:
    w = words[i]
    n = len(words)
    prev = words[i - 1] if i - 1 >= floor else ""
    prev2 = words[i - 2] if i - 2 >= floor else ""
    one = _dt.timedelta(days=1)
    if w == "yesterday":
        s, d = i, doc - one
        if prev == "before" and prev2 == "day":
            s, d = i - 3 if i - 3 >= floor and words[i - 3] == "the" else i - 2, doc - 2 * one
        end = i + 1
        if end < n and words[end] in _TIME_OF_DAY:
            end += 1
        return _Found(s, end, d, 1, False)
    if w in ("today", "tonight"):
        return _Found(i - 1 if prev == "earlier" else i, i + 1, doc, 1, False)
    if w == "overnight":
        return _Found(i, i + 1, doc - one, 1, False)
    if w in _TIME_OF_DAY:
        if prev == "this" and w != "night":
            return _Found(i - 1, i + 1, doc, 1, False)
        if prev == "last" and w in ("night", "evening"):
            return _Found(i - 1, i + 1, doc - one, 1, False)
        return None
    if w == "ago":
        return _ago_at(words, i, floor, doc)
    nxt = words[i + 1] if i + 1 < n else ""
    if w == "week":
        if nxt == "of":
            return None
        if prev == "last":
            return _Found(i - 1, i + 1, _wednesday(doc) - 7 * one, 2, False)
        if prev == "past" and prev2 == "the":
            return _Found(i - 2, i + 1, doc - 3 * one, 2, False)
        if prev == "this":
            s = i - 2 if prev2 == "earlier" else i - 1
            if prev2 == "later":
                return None
            return _Found(s, i + 1, min(_wednesday(doc), doc), 2, False)
        return None
    if w == "weekend":
        if nxt == "of" or prev in _NOT_PAST:
            return None
        if prev == "last":
            d = _saturday(doc)
            if doc.weekday() >= 5:
                d -= 7 * one
            return _Found(i - 1, i + 1, d, 2, False)
        if prev == "this" or (prev == "the" and prev2 in ("over", "at", "during", "on", "across")):
            return _Found(i - 1, i + 1, _saturday(doc), 2, False)
        return None
    if w == "month":
        if nxt == "of":
            return None
        if prev == "last":
            return _Found(i - 1, i + 1, _add_months(doc, -1).replace(day=15), 3, False)
        if prev == "this":
            if prev2 == "later":
                return None
            s = i - 2 if prev2 == "earlier" else i - 1
            return _Found(s, i + 1, min(doc.replace(day=15), doc), 3, False)
        return None
    return None


# ----------------------------------------------------------------------------- public

def find_dates(tokens: Tokens, doc_date: _dt.date | None, near: _dt.date | None = None) -> list[DateMatch]:
    """The dates in one sentence, left to right (written-out and relative ones). A day and month
    without a year take the year that puts them nearest to ``near`` when it is given (a date the
    story already gave), else the most recent one not after ``doc_date``."""
    words = tokens.words
    if _TRIGGERS.isdisjoint(words):
        return []
    raw = tokens.raw
    out: list[DateMatch] = []
    i = floor = 0
    ctx: _dt.date | None = near
    for k in [k for k, w in enumerate(words) if w in _TRIGGERS]:  # only a trigger word starts a date
        if k < i:
            continue  # inside the date found before
        i = k
        w = words[i]
        f: _Found | None = None
        if w in MONTHS:
            f = _written_at(words, raw, i, floor, doc_date, ctx)
            if f is not None and f.explicit:
                _hedge(words, f, floor)
                ctx = f.date
        elif w in _PART_MONTH:
            part, month = _PART_MONTH[w]
            year, end = _year_after(words, i + 1)
            if year is not None:
                d = _make(year, month, part)
                f = _Found(i, end, d, 3, True) if d else None
            elif doc_date is not None:
                f = _Found(i, i + 1, _recent_month(doc_date, month, part), 3, False)
        elif doc_date is not None:
            if w in WEEKDAYS:
                f = _weekday_at(words, raw, i, floor, doc_date)
            else:
                f = _relative_at(words, i, floor, doc_date)
        if f is None:
            i += 1
            continue
        out.append(f.frozen())
        i = floor = max(f.end, i + 1)
    # "Around 3 March 2022 (between 24 February - 10 March)": the range tells the precision
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (b.start == a.end + 1 and words[a.end] == "(" and words[b.start] == "between"
                and b.precision > a.precision):
            out[k] = attrs.evolve(a, precision=b.precision)
    return out


def event_date(tokens: Tokens, doc_date: _dt.date | None, near: _dt.date | None = None) -> DateMatch | None:
    """The date that best dates an event told in this sentence: the first written-out date,
    else the first relative one, else None."""
    words = tokens.words
    found = [m for m in find_dates(tokens, doc_date, near)
             if not (m.start > 0 and words[m.start - 1] in _NOT_EVENT_TIME)]
    for m in found:
        if m.explicit:
            return m
    return found[0] if found else None


# "since mid-October", "until Friday", "by June": a time frame around the event, not its date
_NOT_EVENT_TIME = frozenset({"since", "until", "till", "by", "before", "ahead"})
