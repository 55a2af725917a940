"""Stage 3a: find actor mentions in a sentence (longest match) and resolve their codes.

Adjacent dictionary matches form one noun group: a country word ("Iraq", "Iraqi", "Baghdad"),
up to two agents ("security forces", "prime minister") and a named actor or person. A person's
code is the role held on the document date; a named actor's code is fixed; otherwise the code
is the country followed by the agent roles ("Iraqi police" -> IRQCOP). The possessive joins
groups ("Iraq's president" -> IRQGOV). Countries joined by "and" share a following agent
("US and British forces" -> USAMIL, GBRMIL). A group after a locative preposition ("in
Baghdad") is a place, not an actor.
"""
from __future__ import annotations

import datetime as _dt
from typing import Sequence

from .guards import GuardHits, find_guards
from .lexicon import ActorSense, Lexicon
from .tokens import Tokens

CONJ = frozenset({"and", ",", "or", "&", "nor"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
                          "those", "some", "several", "two", "three", "many", "other", "another", "both"})


class Mention:
    """An actor or place mention: tokens ``start``..``end`` and what they resolve to."""

    __slots__ = ("start", "end", "code", "country", "roles", "is_place", "rules", "conj", "head_start")

    def __init__(self, start: int, end: int, code: str | None, country: str | None, roles: tuple[str, ...],
                 is_place: bool, rules: tuple[str, ...]):
        self.start = start
        self.end = end
        self.code = code              # resolved code; None for an agent whose country is unknown
        self.country = country        # the country part, when known
        self.roles = roles            # agent roles ("MIL", "COP")
        self.is_place = is_place
        self.rules = rules
        self.conj: int = -1           # mentions joined by "and"/"," share a conj id
        self.head_start = start

    def code_with(self, country: str | None) -> str | None:
        """The code, using ``country`` for an agent that has none of its own."""
        if self.code:
            return self.code
        if self.roles:
            return (country or "---") + "".join(self.roles)
        return country

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Mention({self.start}:{self.end} {self.code or '-'} place={self.is_place})"


_COUNTRYISH = frozenset({"country", "demonym", "capital"})


def _senses_by_kind(senses: list[object]):
    """One pass over a match's senses: (the persons, and the first actor, country-like sense,
    prefix, agent and place), each in the order the dictionaries gave them."""
    persons = []
    actor = c = pre = agent = pl = None
    for s in senses:
        if not isinstance(s, ActorSense):
            continue
        kind = s.kind
        if kind == "person":
            persons.append(s)
        elif kind == "actor":
            actor = actor or s
        elif kind in _COUNTRYISH:
            c = c or s
        elif kind == "agent":
            agent = agent or s
        elif kind == "prefix":
            pre = pre or s
        elif kind == "place":
            pl = pl or s
    return persons, actor, c, pre, agent, pl


def find_mentions(tokens: Tokens, lex: Lexicon, day: _dt.date | None,
                  guards: GuardHits | None = None) -> list[Mention]:
    """Actor and place mentions of a sentence, left to right. ``guards`` are the sentence's
    guard phrases (:func:`eventcoder.guards.find_guards`), found here when not given."""
    words, raw = tokens.words, tokens.raw
    n = len(words)
    index = lex.actors
    matches: list[tuple[int, int, list[object]]] = []
    first = index.first_words
    taken = 0
    longest = index.longest
    singles = index.single_words
    pairs = index.first_pairs
    for i in [k for k, w in enumerate(words) if w in first]:  # positions where a phrase may start
        if i < taken:
            continue
        # most candidates ("the", "security") start only longer phrases that are not here
        if words[i] not in singles and (i + 1 == n or (words[i], words[i + 1]) not in pairs):
            continue
        length, senses = longest(raw, words, i)
        if length:
            matches.append((i, i + length, senses))
            taken = i + length
    if not matches:
        return []
    # group adjacent matches (or matches joined by a possessive) into noun groups
    groups: list[list[tuple[int, int, list[object]]]] = []
    for m in matches:
        if groups:
            last_end = groups[-1][-1][1]
            if m[0] == last_end or (m[0] == last_end + 1 and words[last_end] == "'s"):
                groups[-1].append(m)
                continue
            if lex.tabari and ((words[last_end] == "'s" and _modifiers_only(words, tokens.raw, last_end + 1, m[0], lex))
                               or (all(tokens.raw[j].islower() and words[j] not in CONJ for j in range(last_end, m[0]))
                                   and _modifiers_only(words, tokens.raw, last_end, m[0], lex))):
                # TABARI: "Ithilen's awful and evil minister", "the evil Arnor awful Gondor": one
                # noun phrase, and its first actor names it
                groups[-1].append(m)
                continue
        groups.append([m])
    mentions = [_resolve(g, words, day, lex.country_codes, lex.tabari) for g in groups]
    mentions = [m for m in mentions if m is not None]
    _mark_places(mentions, tokens, (guards or find_guards(tokens, lex)).of("locative"))
    if lex.tabari:
        _of_phrases(mentions, words)
    _conjoin(mentions, words, tokens.raw if lex.tabari else None, lex.verbs)
    return mentions


_NOT_MODIFIERS = frozenset({",", ";", ":", ".", "(", ")", "of", "in", "on", "at", "to", "for", "from", "by", "with",
                            "that", "who", "which", "said", "says", "will", "would", "be", "been", "is", "are",
                            "was", "were", "has", "have", "had", "can", "could", "should", "may", "might",
                            "must", "did", "do", "does", "not", "n't"})


def _modifiers_only(words, raw, i: int, j: int, lex: Lexicon) -> bool:
    """Are words i..j-1 adjectives and the like, not the end of a noun phrase?"""
    return j - i <= 4 and all(w not in _NOT_MODIFIERS and w not in lex.verbs for w in words[i:j])


def _resolve(group, words: Sequence[str], day: _dt.date | None, country_codes=frozenset(),
             tabari: bool = False) -> Mention | None:
    country = None
    roles: list[str] = []
    fixed = None
    place_only = True
    capital = False
    rules: list[str] = []
    prefixes: list[str] = []
    for _s, _e, senses in group:
        persons, actor, c, pre, agent, pl = _senses_by_kind(senses)
        person = next((s for s in persons if s.code_on(day)), None) if persons else None
        if person is not None:  # several people may share a phrase ("President Bush"): the one in office
            fixed = person.code_on(day)
            rules.append(person.rule)
            place_only = False
            continue
        if actor is not None:
            fixed = actor.code_on(day)
            rules.append(actor.rule)
            place_only = False
            continue
        if c is not None and country is None and (tabari or not roles):
            country = c.code_on(day) if c.roles else c.code  # PETRARCH actors carry dated codes
            if country is None:
                rules.append(c.rule)
                continue  # a null code: the phrase is read, but names nobody
            capital = capital or c.kind == "capital"
            rules.append(c.rule)
            place_only = False
            continue
        if pre is not None:
            prefixes.append(pre.code or "")  # PETRARCH/TABARI [NGO~]: the code goes in front
            rules.append(pre.rule)
            place_only = False
            continue
        if agent is not None:
            if agent.code not in roles and len(roles) < 2:
                roles.append(agent.code or "")
            rules.append(agent.rule)
            place_only = False
            continue
        if pl is not None and country is None:
            country = pl.code
            rules.append(pl.rule)
            continue
    start, end = group[0][0], group[-1][1]
    if fixed:
        code = fixed
        if country is None and fixed[:3] in country_codes:
            country = fixed[:3]  # "Hashed al-Shaabi" (IRQMILPMF) is Iraqi
    elif roles:
        code = (country + "".join(r for r in roles if r not in country)) if country else None
    elif capital:
        code = (country or "") + "GOV"
    else:
        code = country
    if prefixes:
        code = "".join(prefixes) + (code or ("---" + "".join(roles) if roles else ""))
    if code is None and not roles and country is None:
        return None
    m = Mention(start, end, code, country, tuple(roles), place_only, tuple(dict.fromkeys(rules)))
    return m


def _mark_places(mentions: list[Mention], tokens: Tokens, locatives: list[tuple[int, int]]) -> None:
    """Countries and capitals after a locative preposition (a phrase of up to four words ending
    right before them, or before their "the") are places, not actors."""
    words = tokens.words
    for m in mentions:
        if m.roles or (m.code and len(m.code) > 3 and not m.code.endswith("GOV")):
            continue
        s = m.start
        if s > 0 and words[s - 1] == "the":
            s -= 1
        if locatives and any(e == s and s - b <= 4 for b, e in locatives):
            m.is_place = True
        if m.code and m.code.endswith("GOV") and m.is_place and m.country:
            m.code = m.country


_OF_LIST = 10_000  # conj ids of lists made by _of_phrases, apart from those _conjoin numbers


def _of_phrases(mentions: list[Mention], words: Sequence[str]) -> None:
    """PETRARCH/TABARI: an agent with no country takes the actors of the phrase after it
    ("lawmakers in Fornost and Gondor" -> FORLEG, GONLEG; "the government of Gondor" -> GONGOV)."""
    k = 0
    while k < len(mentions):
        m = mentions[k]
        if m.code is None and m.roles and m.end < len(words) and words[m.end] in ("of", "in", "from"):
            j = k + 1
            start = m.end + 1 + (1 if m.end + 1 < len(words) and words[m.end + 1] == "the" else 0)
            if j < len(mentions) and mentions[j].start == start and mentions[j].country:
                # the phrase's own list: "in Fornost and Gondor"
                members = [mentions[j]]
                e = j + 1
                while e < len(mentions) and all(w in CONJ for w in words[members[-1].end:mentions[e].start]) \
                        and mentions[e].start > members[-1].end and mentions[e].country:
                    members.append(mentions[e])
                    e += 1
                made = [Mention(m.start, m.end, x.country + "".join(m.roles), x.country, m.roles, False,
                                m.rules + x.rules) for x in members]
                if len(made) > 1:
                    for x in made:
                        x.conj = _OF_LIST + k  # one list: "the ambassadors of Arnor, Osgiliath and Gondor"
                mentions[k:e] = made
                k += len(made)
                continue
        k += 1


def _conjoin(mentions: list[Mention], words: Sequence[str], raw: Sequence[str] | None = None,
             verbs=()) -> None:
    """Join mentions listed with "and"/"or" ("Iraq, Syria and Yemen"); an apposition is not a list.
    With ``raw`` (PETRARCH/TABARI dictionaries) lower-case modifiers may stand between the
    conjunction and the next name ("Fornost and the evil awful Gondor")."""
    links: list[bool] = [False] * len(mentions)   # links[k]: mention k joins mention k-1
    has_and: list[bool] = [False] * len(mentions)
    for k in range(1, len(mentions)):
        prev, m = mentions[k - 1], mentions[k]
        between = words[prev.end:m.start]
        if raw is not None and between and (between[0] in CONJ or prev.end == m.start):
            if m.start > prev.end and all(w in CONJ or w in _DETERMINERS or (raw[prev.end + i].islower() and w not in verbs)
                                          for i, w in enumerate(between)):
                between = [w for w in between if w in CONJ or w in _DETERMINERS]
        if not between or not all(w in CONJ or w in _DETERMINERS for w in between):
            continue
        if not any(w in CONJ for w in between):
            continue
        if between[-1] in _DETERMINERS and "and" not in between and "or" not in between and raw is None:
            continue  # "Ryder, a spokesman": an apposition
        links[k] = True
        has_and[k] = "and" in between or "or" in between or "&" in between or "nor" in between
    conj_id = 0
    k = 1
    while k < len(mentions):
        if not links[k]:
            k += 1
            continue
        j = k
        while j < len(mentions) and links[j]:
            j += 1
        if any(has_and[k:j]):  # a chain joined by commas alone is not a list
            for x in range(k - 1, j):
                mentions[x].conj = conj_id
            conj_id += 1
        k = j
    # "US and British forces": countries without roles take the roles of the last member
    groups: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.conj >= 0:
            groups.setdefault(m.conj, []).append(m)
    for members in groups.values():
        first = members[0]
        if first.is_place:  # "in Iraq and Syria": the whole list is places
            for m in members[1:]:
                if not m.roles and m.code and len(m.code) == 3:
                    m.is_place = True
        last = members[-1]
        if last.roles and last.country:
            for m in members[:-1]:
                if not m.roles and m.country and m.code == m.country:
                    m.roles = last.roles
                    m.code = m.country + "".join(last.roles)
                    m.is_place = False
