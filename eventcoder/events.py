"""Stage 5: make event records from drafts — actors, CAMEO facts, fatalities and dates.

* **Actors**: one event per (source, target) pair of conjoined actors. An agent with no country
  of its own ("a military commander") takes the country of the place the sentence names ("in
  Baghdad"), as ACLED names generic actors by where the event happened; else the country the
  document has named most so far ("the prime minister" in a story about Iraq); else ``---``.
* **Fatalities** found in a sentence go to its first material-conflict event (CAMEO 18-20); a
  sentence with none ("Two people were killed in the drone strike") gives them to the last such
  event earlier in the document. Each event's count combines its mentions (lowest of conflicting
  totals, else the victims named one by one).
* **Dates**: the sentence's own date expression, else the last one earlier in the document,
  else the document date (precision 1), else None.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from typing import Sequence

import attrs

from . import dates as _dates
from . import fatalities as _fatalities
from .actors import Mention
from .cameo import acled_type, cameo_info
from .clauses import MATERIAL_CONFLICT, Draft
from .lexicon import NULL_CODE
from .records import Actor, Event, Span
from .tokens import Tokens


@attrs.define
class SentenceResult:
    """What the engine found in one sentence (kept for explanations)."""

    index: int
    text: str
    offset: int
    tokens: Tokens
    mentions: list[Mention]
    drafts: list[Draft]
    discarded: str = ""
    fatality_mentions: list = attrs.field(factory=list)
    date: object = None


def _actor(m: Mention | None, tokens: Tokens, text: str, offset: int, country: str | None) -> Actor | None:
    if m is None:
        return None
    code = m.code_with(country)
    if code is None:
        return None
    start, end = tokens.starts[m.start], tokens.ends[m.end - 1]
    return Actor(code, Span(start, end, text[start - offset:end - offset]), m.rules)


def _no_country(m, mentions, earlier, words, look=None) -> None:
    return None


def _split(a: Actor | None) -> list[Actor | None]:
    """A compound code ("ELR/GAL", PETRARCH/TABARI's ``[A/B]``) stands for several actors."""
    if a is None or a.code is None or "/" not in a.code:
        return [a]
    return [attrs.evolve(a, code=part) for part in a.code.split("/") if part]


class _Countries:
    """Where the countries of one sentence's mentions are, for :func:`_country_for`: built once
    per sentence in linear time, so a sentence with many agents is not quadratic."""

    __slots__ = ("mentions", "starts", "ends", "last", "place")

    def __init__(self, mentions: Sequence[Mention]):
        self.mentions = mentions
        self.starts = [x.start for x in mentions]
        self.ends = [x.end for x in mentions]  # mentions do not overlap: ends grow with starts
        self.last: list[str | None] = []       # last[k]: the country of the last of 0..k that has one
        cur = None
        for x in mentions:
            cur = x.country or cur
            self.last.append(cur)
        self.place = next((x.country for x in mentions if x.is_place and x.country), None)


def _country_for(m: Mention | None, mentions: Sequence[Mention], earlier: str | None,
                 words: Sequence[str], look: _Countries | None = None) -> str | None:
    """The country an agent without one of its own takes ("the prime minister", "a commander"):
    the actor it belongs to ("a spokesperson for Sudani", "commanders of the Hashed"); a place
    the sentence names; else the country named last before it in the sentence; else the last
    country named earlier in the document. (A country named after it is more often the other
    party: "the prime minister criticized Syria".)"""
    if m is None or m.code is not None:
        return None
    if look is None:
        look = _Countries(mentions)
    if m.end < len(words) and words[m.end] in ("for", "of"):
        for x in mentions[bisect_right(look.starts, m.end):bisect_right(look.starts, m.end + 2)]:
            if x.country and all(w in ("for", "of", "the") for w in words[m.end:x.start]):
                return x.country
    if look.place:
        return look.place
    k = bisect_right(look.ends, m.start) - 1
    if k >= 0 and look.last[k]:
        return look.last[k]
    return earlier


def build(results: Sequence[SentenceResult], doc_id: str | None, doc_date: _dt.date | None,
          require_dyad: bool, infer_country: bool) -> list[Event]:
    """Event records for a document's analysed sentences, in document order."""
    pending: list[tuple[SentenceResult, Draft, list]] = []
    last_material: tuple[SentenceResult, Draft, list] | None = None
    current_date = None
    last_country: str | None = None
    earlier: dict[int, str | None] = {}
    for res in results:
        earlier[res.index] = last_country
        for m in res.mentions:
            if m.country:
                last_country = m.country
        dm = _dates.event_date(res.tokens, doc_date)
        if dm is not None:
            res.date = (dm.date, dm.precision)
            current_date = res.date
        elif doc_date is not None:
            res.date = (doc_date, 1)
        else:
            res.date = current_date  # no document date: the story's last date carries on
        fats = _fatalities.find_fatalities(res.tokens)
        res.fatality_mentions = fats
        for d in res.drafts:
            if not d.suppressed and all(x is None for x in d.sources) and all(x is None for x in d.targets):
                d.suppressed = "no source or target named"
        # only a bare statement is 010: a sentence that carries an event yields that event
        if any(not d.suppressed and d.code[:2] != "01" for d in res.drafts) or \
                any(d.coreferent for d in res.drafts):
            for d in res.drafts:
                if d.code[:2] == "01" and not d.suppressed:
                    d.suppressed = "a statement reporting the event coded from its complement"
        live = [(res, d, []) for d in res.drafts if not d.suppressed and not d.coreferent]
        if last_material is not None and any(d.coreferent and not d.suppressed for d in res.drafts):
            for d in res.drafts:
                if d.coreferent and not d.suppressed:
                    d.suppressed = "tells of the event coded in sentence " + str(last_material[0].index)
        material = [x for x in live if x[1].code[:2] in MATERIAL_CONFLICT]
        if fats:
            if material:
                material[0][2].extend(fats)
            elif last_material is not None:
                last_material[2].extend(fats)
                last_material[1].notes.append(f"fatalities linked from sentence {res.index}")
        if material:
            last_material = material[-1] if not fats else material[0]
        pending.extend(live)
    events: list[Event] = []
    looks: dict[int, _Countries] = {}
    made: dict[tuple[int, str | None], list[Actor | None]] = {}  # one record per mention and country

    def actors_of(m: Mention | None, res: SentenceResult, context: str | None, look) -> list[Actor | None]:
        if m is None:
            return [None]
        country = country_for(m, res.mentions, context, res.tokens.words, look)
        key = (id(m), country)
        found = made.get(key)
        if found is None:
            found = made[key] = _split(_actor(m, res.tokens, res.text, res.offset, country))
        return found

    country_for = _country_for if infer_country else _no_country
    for res, d, fats in pending:
        context = earlier[res.index]
        look = None
        if infer_country and any(x is not None and x.code is None for x in (*d.sources, *d.targets)):
            look = looks.get(res.index)
            if look is None:
                look = looks[res.index] = _Countries(res.mentions)
        info = cameo_info(d.code)
        etype, sub = acled_type(d.code)
        fatal = _fatalities.combine(fats) if d.code[:2] in MATERIAL_CONFLICT else None
        date, precision = res.date if res.date else (None, None)
        t = d.trigger
        toks = res.tokens
        ts, te = toks.starts[t.start], toks.ends[t.end - 1]
        trigger = Span(ts, te, res.text[ts - res.offset:te - res.offset])
        # a PETRARCH code such as [042:043] also codes the reverse event ("A visited B": B 043 A)
        reverse = d.trigger.pattern.passive if d.code == d.trigger.pattern.code else None
        srcs = [a for s in d.sources for a in actors_of(s, res, context, look)]
        tgts = [a for g in d.targets for a in actors_of(g, res, context, look)]
        if d.mutual:  # each of the listed actors acts on each of the others
            pairs_of = [(a, b) for a in srcs for b in srcs if a is not b]
        else:
            pairs_of = [(a, b) for a in srcs for b in tgts]
        for src, tgt in pairs_of:
            if src is None and tgt is None:
                continue
            if require_dyad and (src is None or tgt is None):
                continue
            if src is not None and tgt is not None and src.code == tgt.code and src.span == tgt.span:
                continue
            pairs = [(src, tgt, d.code, info, etype, sub, tuple(d.notes))]
            if reverse and reverse != NULL_CODE:
                rinfo = cameo_info(reverse)
                pairs.append((tgt, src, reverse, rinfo, *acled_type(reverse),
                              tuple(d.notes) + (f"the reverse event of {d.code}",)))
            for a, b, code, inf, et, st, notes in pairs:
                events.append(Event(
                    doc_id=doc_id, sentence_index=res.index, text=res.text, source=a, target=b,
                    cameo=code, quad_class=inf.quad_class, goldstein=inf.goldstein, event_type=et,
                    sub_event_type=st, fatalities=fatal, date=date, time_precision=precision,
                    rule=d.trigger.pattern.rule, trigger=trigger, plover=inf.plover, notes=notes))
    # within a sentence: events before the statements that report them
    order = {id(e): k for k, e in enumerate(events)}
    events.sort(key=lambda e: (e.sentence_index, e.cameo[:2] == "01", order[id(e)]))
    return events
