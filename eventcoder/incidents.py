"""Incidents: one ACLED event per (day, location, actors, type).

``eventcoder.acled.build`` codes a document through :func:`code`. A document — an ACLED note,
or a news article of several sentences — may tell of several distinct incidents; ACLED codes one
event for each day, location, pair of actors and type, and merges every mention of the same
incident into one event. The rules, in order:

1. **Splitting a document into incidents.** The first sentence opens the main incident. A later
   sentence opens another incident only when it tells of an event of its own (an ACLED cue of an
   act of violence, a demonstration, an arrest or looting, or a coded act of force) and either

   * opens with a phrase that announces one: "In a separate incident", "In another attack", "In a
     similar incident", "Separately,", "Elsewhere,", "The same day, ...", "The next day, ..."; or
   * opens with a written date of its own that differs from the incident's ("On 5 June, ..."),
     names a day or a week (not only a month) and is within 31 days of it.

   Everything else stays with the incident before it: background ("The attack comes after ...",
   "The group had attacked the village on 2 May", "Two days earlier, ...", "In January 2020, ..."),
   follow-ups ("arrested in connection with the attack", "claimed responsibility"), reactions,
   and anything a note says was "coded separately". So a note about one incident is coded exactly
   as before, and the main incident always comes first.
2. **Each incident is coded on its own sentences** (type by ACLED's precedence, actors,
   fatalities, place). An incident that names no place is where the one before it was; one that
   writes no date is on the day of the one before it ("The next day": the day after).
3. **Merging.** Two incidents on the same day, at the same location, between the same actors are
   one incident told twice: they are coded again as one from all their sentences, so the hierarchy
   decides the type and fatalities combine as for one event (``eventcoder.fatalities.combine``:
   the lowest of conflicting reports of the same victims, the sum of distinct victims).
4. **Days.** When an incident is dated by a range or a list of days ("between 3 and 5 June", "from
   3 to 5 June", "on 3, 4 and 5 June", "3-5 June") it is one event per day when the text says it
   happened on each day ("daily", "each day", "every day", "on each of", "both days", "for three
   consecutive days", "for three days", "clashes continued", "the protest resumed") — and when
   the days are listed one by one, which names each day as a day of the event. Otherwise it stays
   one event dated at the range's middle day with the range's precision (``eventcoder.dates``).
   Ranges longer than ten days (precision 3) are never split. The fatalities of the incident are
   a total over its days: they are divided evenly with the remainder on the first day (10 killed
   over 3 days: 4, 3, 3), so the records of a document never count a death twice.
5. **Places.** When the sentence that names an event's place lists several places after a
   locative ("clashes in Kisumu, Siaya and Homa Bay", "in the villages of A, B and C") it is one
   event per place, provided every name is a place the dictionaries or the gazetteer know and none
   is a country (a list of countries names a topic more often than where an event was: "against
   the detention of Muslims in Kenya, Ethiopia and Somalia"); fatalities are shared as over days
   (even shares, the
   remainder on the first place). A chain of a town and its regions ("in Minakulu, Oyam,
   Northern") writes no "and" and is one place; "between A and B" is one place (a road, a border).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Sequence

import attrs

from . import dates as _dates
from .places import place_list as _place_lists

__all__ = ["Incident", "split", "each_day", "share", "event_days", "code"]

# ACLED cue labels (dictionaries/acled.dict) that tell of an event rather than describe one
EVENT_LABELS = frozenset({"protest", "riot", "mob", "attack", "clash", "abduct", "sexual", "air", "shelling",
                          "explosive", "suicide", "grenade", "chemical", "crude", "excessive", "looting",
                          "arrest", "regain", "overtake"})

_INCIDENT_NOUNS = frozenset({"incident", "incidents", "attack", "attacks", "clash", "clashes", "raid", "raids",
                             "assault", "ambush", "strike", "strikes", "airstrike", "airstrikes", "protest",
                             "protests", "demonstration", "demonstrations", "explosion", "blast", "bombing",
                             "shooting", "abduction", "kidnapping", "event", "events", "development"})
_ANOTHER = frozenset({"separate", "another", "second", "third", "similar", "further", "different"})
_OPENERS = frozenset({",", "meanwhile", "also", "later", "then", "and", "again", "on", "in", "at"})
_SAME_DAY = (("the", "same", "day"), ("that", "same", "day"), ("on", "the", "same", "day"), ("later", "that", "day"),
             ("the", "same", "night"), ("that", "same", "night"))
_NEXT_DAY = (("the", "next", "day"), ("the", "following", "day"), ("a", "day", "later"), ("the", "day", "after"),
             ("on", "the", "next", "day"), ("on", "the", "following", "day"), ("the", "next", "morning"),
             ("the", "following", "morning"))
_BACKGROUND = frozenset({"previously", "earlier", "recently", "follows", "following", "since", "last"})
# words anywhere in a sentence that make it background: an earlier event, or a claim about one
# or a follow-up of the incident ("arrested in connection with the attack")
_BACKGROUND_ANYWHERE = frozenset({"earlier", "previously", "ago", "prior", "responsibility", "connection",
                                  "involvement"})
# "in the same area": the place of the incident before
_SAME_PLACE = frozenset({"area", "areas", "region", "location", "village", "place", "town", "spot", "locality",
                         "district", "neighbourhood", "neighborhood", "city", "vicinity"})

# a written date further than this from the incident's, or only a month, dates background history
# ("In January 2020, a strike killed ..."), not another incident of the same story
_NEAR_DAYS = 31

_EACH_DAY_WORDS = frozenset({"daily", "consecutive", "successive", "straight"})
_EACH_DAY_PAIRS = frozenset({("each", "day"), ("every", "day"), ("each", "of"), ("both", "days"),
                             ("each", "night"), ("every", "night"), ("day", "after"), ("all", "days")})
_GOING_ON = frozenset({"continued", "continuing", "continue", "continues", "resumed", "persisted", "lasted",
                       "went on", "carried on"})
_EVENT_NOUNS = frozenset({"fighting", "clashes", "clash", "battle", "battles", "protest", "protests",
                          "demonstration", "demonstrations", "strike", "strikes", "airstrikes", "attacks",
                          "attack", "shelling", "bombardment", "raids", "violence", "riots", "rioting",
                          "sit-in", "unrest", "hostilities", "offensive", "operation", "operations",
                          "demonstrators", "protesters", "protestors", "rally", "rallies", "march"})


@attrs.frozen
class Incident:
    """The sentences of one incident. ``shift`` is None when the incident keeps the dates its
    own sentences give; 0 or 1 when it opened with "the same day" / "the next day" and writes no
    date of its own (days after the incident before it)."""

    results: tuple
    reason: str
    shift: int | None = None
    date: tuple | None = None     # (day, precision) of the written date that opened it


def _own_date(res) -> _dates.DateMatch | None:
    """A date that opens the sentence ("On 5 June, ...", "Later, on 5 June ...", "On Tuesday, ...").
    A written-out date is read as written (a year-less one takes the story's year); a relative
    one ("on Tuesday") is the sentence's date as resolved against the document date."""
    if not res.date:
        return None
    dm = _dates.event_date(res.tokens, res.date[0], res.date[0])
    if dm is None:
        return None
    words = res.tokens.words
    if dm.start > 4 or any(w not in _OPENERS for w in words[:dm.start]):
        return None
    if dm.explicit:
        written = _dates.event_date(res.tokens, None, res.date[0])
        return written if written is not None and written.start == dm.start else dm
    return attrs.evolve(dm, date=res.date[0], precision=res.date[1])


def _after_opening(words: Sequence[str], dm: _dates.DateMatch | None) -> int:
    """Where the sentence's own words start: after an opening date and commas or "meanwhile"."""
    k = dm.end if dm is not None else 0
    while k < len(words) and words[k] in _OPENERS and words[k] not in ("on", "in", "at"):
        k += 1
    return k


def _starts_with(words: Sequence[str], k: int, phrases) -> bool:
    return any(tuple(words[k:k + len(p)]) == p for p in phrases)


def _marker(words: Sequence[str], k: int) -> tuple[str, int | None] | None:
    """("a separate incident", None), ("the same day", 0), ("the next day", 1) when the words at
    ``k`` announce another incident."""
    if k < len(words) and words[k] in ("separately", "elsewhere") and (
            k + 1 == len(words) or words[k + 1] in (",", "in", "on", "at", "near")):
        return "a separate incident", None
    head = words[k:k + 5]
    for j, w in enumerate(head):
        if w in _ANOTHER and any(x in _INCIDENT_NOUNS for x in head[j + 1:j + 3]) and all(
                x in ("in", "a", "an", "two", "three", "yet") for x in head[:j]):
            if w == "similar" and head[:j] != ["in", "a"]:
                continue     # "A similar attack occurred in 2019": a comparison, not a new incident
            return "a separate incident", None
    if _starts_with(words, k, _SAME_DAY):
        return "the same day", 0
    if _starts_with(words, k, _NEXT_DAY):
        return "the next day", 1
    return None


def _background(words: Sequence[str], k: int) -> bool:
    """A sentence that tells of earlier events or of events coded elsewhere."""
    if k < len(words) and words[k] in _BACKGROUND:
        return True
    if not _BACKGROUND_ANYWHERE.isdisjoint(words):
        return True
    for i, w in enumerate(words):
        if w in ("separately", "seperately") and i != k:
            return True      # "(coded separately)": ACLED coded that event in another record
        if w == "separate" and i + 1 < len(words) and words[i + 1] in ("event", "events") and i > k + 2:
            return True
        if w == "had" and i + 1 < len(words) and words[i + 1].endswith(("ed", "en")) or w in ("comes", "came") \
                and i + 1 < len(words) and words[i + 1] in ("after", "amid", "as", "days", "weeks", "a"):
            return True
    return False


def split(results: Sequence[Any], has_event: Callable[[Any], bool]) -> list[Incident]:
    """The incidents of a document's analysed sentences, the main one first (module docstring,
    rule 1). ``has_event(sentence)`` says whether a sentence tells of an event of its own."""
    if len(results) < 2:
        return [Incident(tuple(results), "the document")]
    out: list[Incident] = []
    current: list = [results[0]]
    reason, shift, opened = "the document", None, None
    # the incident's day, once one of its sentences writes a date (not the document's date)
    day = results[0].date[0] if _writes_date(results[:1]) else None
    for res in results[1:]:
        words = res.tokens.words
        dm = _own_date(res)
        k = _after_opening(words, dm)
        found = _marker(words, k)
        new = None
        if found is not None:
            new = found
        elif dm is not None and day is not None and dm.date != day and dm.precision <= 2 \
                and abs((dm.date - day).days) <= _NEAR_DAYS:
            new = ("its own date", None)
        if new is not None and (dm is not None or found is not None) and not _background(words, k) \
                and has_event(res):
            out.append(Incident(tuple(current), reason, shift, opened))
            current, (reason, shift), opened = [res], new, None
            if dm is not None:
                shift, opened = None, (dm.date, dm.precision)
            day = dm.date if dm is not None else day
            continue
        current.append(res)
        if day is None and _writes_date([res]):
            day = res.date[0]
    out.append(Incident(tuple(current), reason, shift, opened))
    return out


def each_day(results: Sequence[Any]) -> bool:
    """Does the text say the event happened on each of its days? (module docstring, rule 4)"""
    for res in results:
        words = res.tokens.words
        n = len(words)
        for i, w in enumerate(words):
            if w in _EACH_DAY_WORDS:
                return True
            if i + 1 < n and (w, words[i + 1]) in _EACH_DAY_PAIRS:
                return True
            if w == "for" and i + 2 < n and words[i + 2] in ("days", "nights") and words[i + 1] not in (
                    "the", "several", "many", "some", "a", "few"):
                return True      # "for three days"
            going = w in _GOING_ON or (i + 1 < n and f"{w} {words[i + 1]}" in _GOING_ON)
            if going and any(x in _EVENT_NOUNS for x in words[max(0, i - 3):i + 3]):
                return True      # "clashes continued", "the protest resumed", "fighting lasted"
    return False


def share(total: int, days: int) -> list[int]:
    """``total`` fatalities over ``days`` days: even shares, the remainder on the first day."""
    base, rest = divmod(total, days)
    return [base + rest] + [base] * (days - 1)


def event_days(incident: Incident) -> tuple[_dt.date, ...]:
    """The days of one event each that ``incident`` is (empty: it is one event). Its date must be
    a range or a list of days of at most ten days, listed one by one or said to be each day."""
    res = next((r for r in incident.results if r.date), None)
    if res is None or res.date[1] == 1:
        return ()
    dm = _dates.event_date(res.tokens, None, res.date[0])
    if dm is None or (dm.date, dm.precision) != tuple(res.date) or len(dm.days) < 2:
        return ()
    if (dm.days[-1] - dm.days[0]).days > 10:
        return ()
    if dm.listed or each_day(incident.results):
        return dm.days
    return ()


def _writes_date(results: Sequence[Any]) -> bool:
    return any(r.date and _dates.event_date(r.tokens, r.date[0]) is not None for r in results)


def _same_place(results: Sequence[Any]) -> bool:
    """ "in the same area", "at the same location", "in the same village" """
    for res in results:
        w = res.tokens.words
        for i in range(len(w) - 2):
            if w[i] == "the" and w[i + 1] == "same" and w[i + 2] in _SAME_PLACE:
                return True
    return False


def _key(rec) -> tuple:
    return (rec.event_date, (rec.location or "").casefold(), frozenset((rec.actor1, rec.actor2)))


_PLACE = ("country", "admin1", "location", "latitude", "longitude", "geo_precision")


def code(results: Sequence[Any], text: str, build_one: Callable[[Sequence[Any], str], list],
         has_event: Callable[[Any], bool], relocate: Callable[[Any, str], Any] | None = None) -> list:
    """The ACLED records of a document: one per incident, day and place (module docstring).
    ``build_one(sentences, text)`` codes one incident as a list of at most one record;
    ``relocate(record, name)`` moves a record to another place (see :func:`_places`)."""
    incidents = split(results, has_event)
    if len(incidents) == 1:
        recs = build_one(results, text)
        if not recs:
            return recs
        return [p for d in _days(incidents[0], recs[0]) for p in _places(d, results, relocate)]
    groups = [[inc, list(inc.results)] for inc in incidents]
    while True:
        coded: list = []
        for inc, sents in groups:
            own = " ".join(r.text for r in sents)
            recs = build_one(sents, own)
            if not recs:
                continue
            rec = recs[0]
            if coded:
                prev_inc, prev_sents, prev = coded[-1]
                same = _same_place(sents)
                if same or rec.location is None or rec.country is None:
                    # "in the same area", or no place (or country) named: the place of the incident
                    # before (coded with its text, so the actors are named after the right country)
                    recs = build_one(sents, " ".join(r.text for r in prev_sents) + " " + own)
                    rec = recs[0] if recs else rec
                    if same or rec.location is None or rec.country is None:
                        rec = attrs.evolve(rec, **{k: getattr(prev, k) for k in _PLACE})
                if inc.date is not None:
                    rec = attrs.evolve(rec, event_date=inc.date[0], time_precision=inc.date[1])
                elif inc.shift is not None and prev.event_date is not None and not _writes_date(sents):
                    rec = attrs.evolve(rec, event_date=prev.event_date + _dt.timedelta(days=inc.shift),
                                       time_precision=prev.time_precision)
            coded.append((inc, sents, attrs.evolve(rec, notes=text)))
        # the same day, place and actors: one incident told twice
        merged = False
        for a in range(len(coded)):
            for b in range(a + 1, len(coded)):
                if _key(coded[a][2]) == _key(coded[b][2]):
                    sents = sorted(coded[a][1] + coded[b][1], key=lambda r: r.index)
                    inc = attrs.evolve(coded[a][0], results=tuple(sents))
                    groups = [[i, s] for i, s, _r in coded[:b] if i is not coded[a][0]]
                    groups.insert(a, [inc, sents])
                    groups += [[i, s] for i, s, _r in coded[b + 1:]]
                    merged = True
                    break
            if merged:
                break
        if not merged:
            break
    out = []
    for inc, sents, rec in coded:
        for d in _days(attrs.evolve(inc, results=tuple(sents)), rec):
            out.extend(_places(d, sents, relocate))
    return out


def _places(rec, results: Sequence[Any], relocate: Callable[[Any, str], Any] | None) -> list:
    """``rec`` as one record per place when the sentence that names its place lists several
    ("attacks in Kisumu, Siaya and Homa Bay"; rule 5). ``relocate(rec, name)`` gives the record
    moved to one place, or None when the name is not a place the dictionaries, the gazetteer or
    the country names know — then nothing is split."""
    if relocate is None or rec.location is None:
        return [rec]
    here = rec.location.casefold()
    for res in results:
        for items in _place_lists(res.text):
            if not any(x.casefold() == here for x in items):
                continue
            moved = [relocate(rec, x) for x in items]
            if any(m is None for m in moved):
                return [rec]
            fats = share(rec.fatalities or 0, len(moved))
            why = f"{rec.rule}; one of {len(moved)} places"
            return [attrs.evolve(m, fatalities=f, rule=why) for m, f in zip(moved, fats)]
    return [rec]


def _days(incident: Incident, rec) -> list:
    """``rec`` as one record per day of ``incident`` when it is one event per day (rule 4)."""
    days = event_days(incident)
    if not days:
        return [rec]
    fats = share(rec.fatalities or 0, len(days))
    why = f"{rec.rule}; one of {len(days)} daily events"
    return [attrs.evolve(rec, event_date=d, time_precision=1, fatalities=f, rule=why) for d, f in zip(days, fats)]
