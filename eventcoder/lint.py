"""Tools for dictionary writers: ``eventcoder dict check`` (lint) and ``eventcoder dict stats``.

The lint works on the parsed dictionary model, so it sees what the coder will see:

* errors: a phrase given two different meanings (two codes for one name, one demonym for two
  countries), overlapping terms of one office, patterns that can never match (a word the
  tokenizer splits, a literal pattern word that the actor matcher reads as an actor first);
* warnings: exact duplicates, gaps between consecutive holders of one office, a state office whose
  first holder starts after the coverage start (``since``, default 2000-01-01: the years before it
  have no holder), offices with no holder on a date (``--date``), a vacancy for an office nobody
  holds (a misspelt label).

Offices are the optional words after an ``as`` line's dates: ``as IRQGOV 2022-10-27.. prime
minister``. Roles without an office name take part in no office check. A ``vacant`` line says
that nobody held an office over a period (``vacant IRQGOV 2003-04-10..2004-06-27 head of state``;
an open end: the office was abolished). A vacancy fills the gap it names, and a term that shares
a day with it is an error. An office created after the coverage start (a new state, a new post)
says so with a vacancy from the coverage start to the day before its first holder.
"""
from __future__ import annotations

import datetime as _dt
import json
from collections import Counter, defaultdict
from typing import Iterable, Sequence

import attrs

from .cameo import cameo_table
from .dictlang import SOURCE, TARGET, Dictionary, Entry, Role
from .tokens import tokenize


@attrs.frozen
class Finding:
    severity: str  # "error" or "warning"
    where: str     # file:line:column
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"


_ACTOR_KINDS = {"country": "phrases", "demonym": "demonyms", "capital": "capitals", "place": "places"}


def _actor_phrases(d: Dictionary) -> Iterable[tuple[str, tuple[str, ...], Entry]]:
    """(kind, phrase, entry) for every phrase the actor matcher knows."""
    for e in d.entries:
        if e.kind == "country":
            for kind, attr in _ACTOR_KINDS.items():
                for p in getattr(e, attr):
                    yield kind, p, e
        elif e.kind in ("actor", "person", "agent"):
            for p in e.phrases:
                yield e.kind, p, e


def _key(phrase: Sequence[str]) -> tuple[str, ...]:
    """How the matcher sees a phrase: case-free, except all-capital words."""
    return tuple(w if len(w) >= 2 and w.isupper() else w.lstrip("=").lower() for w in phrase)


def _overlap(a: Role, b: Role) -> bool:
    lo = max(a.start or _dt.date.min, b.start or _dt.date.min)
    hi = min(a.end or _dt.date.max, b.end or _dt.date.max)
    return lo < hi  # a shared handover day (one term ends the day the next begins) is no overlap


def _within(vacancy: Role, held: Role) -> bool:
    """Whether a term shares any day with a vacancy (a vacancy names days nobody held the office)."""
    lo = max(vacancy.start or _dt.date.min, held.start or _dt.date.min)
    hi = min(vacancy.end or _dt.date.max, held.end or _dt.date.max)
    return lo <= hi


#: The first day the built-in dictionaries promise a holder for every labelled state office.
COVERAGE_START = _dt.date(2000, 1, 1)

_NOT_STATES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})


def _state_office(code: str) -> bool:
    """A country's office: its three letters and one three-letter role (``IRQGOV``, ``IRQMIL``).

    International organisations' offices and the longer codes of sub-state authorities
    (``LBYMILLNA``) begin with their organisation, so the coverage start does not apply to them.
    """
    return len(code) == 6 and code.isalpha() and code[:3] not in _NOT_STATES


def check(d: Dictionary, on: _dt.date | None = None,
          since: _dt.date | None = COVERAGE_START) -> list[Finding]:
    """Every problem found in ``d``, errors first.

    ``on``: also warn about offices with no holder on that date. ``since``: the coverage start;
    a state office whose earliest term or vacancy starts after it is a warning (``None``: no such
    check).
    """
    found: list[Finding] = []

    def add(sev: str, e: Entry, msg: str) -> None:
        found.append(Finding(sev, str(e.where), msg))

    # ---- one phrase, two meanings
    seen: dict[tuple[str, ...], list[tuple[str, Entry]]] = defaultdict(list)
    for kind, p, e in _actor_phrases(d):
        seen[_key(p)].append((kind, e))
    for phrase, uses in seen.items():
        if len(uses) < 2:
            continue
        text = " ".join(phrase)
        (k0, e0), rest = uses[0], uses[1:]
        for k, e in rest:
            if e is e0:
                continue
            if k == "person" and k0 == "person":
                if any(_overlap(r0, r) and r0.code != r.code for r0 in e0.roles for r in e.roles):
                    add("error", e, f"{text!r} names two people holding different codes at the same time "
                                    f"(also {e0.where})")
                continue
            if (k, e.code) == (k0, e0.code):
                add("warning", e, f"duplicate: {text!r} is already a {k0} {e0.code} at {e0.where}")
            elif {k, k0} <= {"country", "demonym", "capital", "place"} and e.code == e0.code:
                continue  # a country's name and its capital may coincide ("Kuwait", "Singapore")
            else:
                add("error", e, f"conflict: {text!r} is a {k} {e.code or ''} here and a {k0} "
                                f"{e0.code or ''} at {e0.where}")

    # ---- verb and noun patterns that can never match
    # generic agents ("police", "crowd") can be pattern words; names of countries and actors cannot
    one_word_actors = {p[0].lower() for kind, p, e in _actor_phrases(d) if len(p) == 1
                       and kind not in ("place", "agent") and not (len(p[0]) >= 2 and p[0].isupper())}
    codes = cameo_table()
    for e in d.entries:
        if e.kind in ("verb", "noun") and e.code not in codes:
            add("error", e, f"unknown CAMEO code {e.code}")
        for p in (e.phrases if e.kind not in ("irregular",) else ()):
            words = [w[1:] if len(w) > 1 and w.startswith("=") else w for w in p
                     if w not in (TARGET, SOURCE) and not w.startswith("&")]
            text = " ".join(words).replace(" 's", "'s").replace(" n't", "n't")  # as a text would write it
            toks = tokenize(text).raw
            if [t.replace("’", "'") for t in toks] != words:
                add("error", e, f"{' '.join(p)!r} can never match: the tokenizer reads {text!r} as "
                                f"{' '.join(toks)!r}; write it that way")
            if e.kind == "verb":
                lits = [w for w in p[1:] if w not in (TARGET, SOURCE) and not w.startswith("&")]
                hit = next((w for w in lits if w.lower() in one_word_actors), None)
                if hit:
                    add("warning", e, f"{' '.join(p)!r} can never match: {hit!r} is read as an actor "
                                      "first; use + for it")

    # ---- offices: overlaps, gaps, holders on a date; known vacancies fill gaps
    offices: dict[tuple[str, str], list[tuple[Role, Entry]]] = defaultdict(list)
    vacancies: dict[tuple[str, str], list[tuple[Role, Entry]]] = defaultdict(list)
    for e in d.entries:
        for r in e.roles:
            if r.office:
                (vacancies if e.kind == "vacant" else offices)[(r.code, r.office)].append((r, e))
    for key, empty in vacancies.items():
        if key not in offices:
            add("warning", empty[0][1], f"{key[0]} {key[1]}: marked vacant but no one ever holds it "
                                        "(a misspelt office or code?)")
            continue
        for v, ev in empty:
            for r, e in offices[key]:
                if _within(v, r):
                    add("error", ev, f"{key[0]} {key[1]}: marked vacant from {v.start} to {v.end or '(open)'} "
                                     f"but held then by the one at {e.where}")
    for (code, office), held in offices.items():
        held.sort(key=lambda re_: re_[0].start or _dt.date.min)
        for (a, ea), (b, eb) in zip(held, held[1:]):
            if _overlap(a, b) and ea is not eb:
                add("error", eb, f"{code} {office}: term overlaps the one at {ea.where}")
        timeline = sorted(held + vacancies.get((code, office), []), key=lambda re_: re_[0].start or _dt.date.min)
        first, efirst = timeline[0]
        if since is not None and _state_office(code) and first.start and first.start > since:
            add("warning", efirst, f"{code} {office}: no holder from {since} to "
                                   f"{first.start - _dt.timedelta(days=1)} (before the first one listed)")
        reach: _dt.date | None = _dt.date.min  # the last day covered so far; None once a term is open
        for b, eb in timeline:
            if reach is None:
                break
            if reach != _dt.date.min and b.start and (b.start - reach).days > 1:
                add("warning", eb, f"{code} {office}: no holder from {reach + _dt.timedelta(days=1)} "
                                   f"to {b.start - _dt.timedelta(days=1)}")
            reach = None if b.end is None else max(reach, b.end)
        if on is not None and not any(r.holds_on(on) for r, _ in held + vacancies.get((code, office), [])):
            add("warning", held[-1][1], f"{code} {office}: no holder on {on.isoformat()}")
    found.sort(key=lambda f: (f.severity != "error", f.where))
    return found


def stats(d: Dictionary) -> dict:
    """Coverage figures: patterns per CAMEO code, actors per country, newest role per country."""
    codes = cameo_table()
    per_code = Counter()
    for e in d.entries:
        if e.kind in ("verb", "noun"):
            per_code[e.code] += len(e.phrases)
    countries = {e.code: " ".join(e.phrases[0]) for e in d.entries if e.kind == "country"}
    actors = Counter()
    newest: dict[str, _dt.date] = {}
    for e in d.entries:
        if e.kind in ("actor", "person"):
            for code in {e.code, *(r.code for r in e.roles)} - {None}:
                if code[:3] in countries:
                    actors[code[:3]] += 1
            for r in e.roles:
                if r.code[:3] in countries and r.start and (r.code[:3] not in newest or r.start > newest[r.code[:3]]):
                    newest[r.code[:3]] = r.start
    return {
        "cameo_codes": len(codes),
        "codes_with_patterns": sum(1 for c in codes if per_code[c]),
        "codes_without_patterns": sorted(c for c in codes if not per_code[c]),
        "patterns_per_code": {c: per_code[c] for c in sorted(codes)},
        "actors_per_country": {c: actors[c] for c in sorted(countries)},
        "newest_role_per_country": {c: (newest[c].isoformat() if c in newest else None) for c in sorted(countries)},
        "countries": countries,
    }


def format_stats(s: dict) -> str:
    out = [f"CAMEO codes with patterns: {s['codes_with_patterns']} of {s['cameo_codes']}"]
    if s["codes_without_patterns"]:
        out.append("  without: " + " ".join(s["codes_without_patterns"]))
    roots = Counter()
    for c, n in s["patterns_per_code"].items():
        roots[c[:2]] += n
    out.append("patterns per root: " + "  ".join(f"{r}:{n}" for r, n in sorted(roots.items())))
    out.append("")
    out.append(f"{'country':<34} {'actors':>6}  newest role")
    for c, name in sorted(s["countries"].items(), key=lambda kv: kv[1]):
        out.append(f"{(c + ' ' + name)[:34]:<34} {s['actors_per_country'][c]:>6}  "
                   f"{s['newest_role_per_country'][c] or '-'}")
    return "\n".join(out)


def to_json(s: dict) -> str:
    return json.dumps(s, indent=2)
