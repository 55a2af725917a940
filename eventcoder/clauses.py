"""Stage 4: clause analysis — who is the source and who the target of each trigger.

Without a parser, clauses are delimited by hard boundaries (";", quotes, complementisers and
relative pronouns: "that", "which", "who"...). Within a clause:

* the **source** of a verb is the leftmost actor before it that is not inside a prepositional
  phrase ("a spokesman for the Pentagon" is not a subject) and not a place; a relative pronoun
  points back to the actor before it ("a commander who supported Iran");
* the **target** is the actor bound by ``+`` in the pattern, or else the first actor after the
  matched pattern words, up to the clause end or a comma;
* the **passive** ("was denounced by X") swaps them: the subject is the target and the actor
  after "by" the source; without "by", an event noun after "in"/"by" lends its source ("was
  killed in a US strike");
* an **event noun** takes as source the actor that modifies it ("a US strike", "Israel's
  airstrike"), the subject of a light verb ("X launched airstrikes on Y"), or the actor after
  "by"; its target follows a preposition ("on", "against", "in" ...). When the noun is itself the
  subject of a verb ("a US strike killed ..."), the two make one event;
* **guards** before a trigger drop or change it: negation and modality drop it, a threat turns
  a material conflict into 138 (else 130), a future marker into an intent (03x or 138); a
  question drops material events;
* **statements** (01) are coded only when bare: "X said that Y attacked Z" gives Y->Z alone.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence

from .actors import Mention
from .guards import GuardHits, find_guards
from .lexicon import NULL_CODE, Lexicon
from .tokens import Tokens
from .verbs import NOUN_CUES, Trigger

HARD = frozenset({";", ":", "”", '"', "»", "that", "which", "who", "whom", "whose", "where",
                  "because", "although", "though", "whereas", "but", "whether", "if", "unless", "(", ")"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PREPOSITIONS = frozenset({
    "in", "on", "at", "of", "for", "against", "to", "with", "from", "by", "near", "into", "over", "about",
    "under", "between", "among", "toward", "towards", "across", "through", "without", "per", "like",
    "including", "amid", "despite", "following", "regarding", "targeting", "onto", "upon", "within",
    "inside", "outside", "around", "behind", "beyond", "along", "during", "since", "after", "before",
})
SKIP_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "some", "two", "three", "all",
                         "several", "many", "other", "both", "any", "each", "these", "those", "this"})
BE = frozenset({"was", "were", "is", "are", "been", "be", "being", "got", "get", "gets", "getting", "'s"})
NOUN_TARGET_PREPS = frozenset({"on", "against", "in", "at", "targeting", "with", "between", "near", "of",
                               "into", "toward", "towards", "upon", "across"})
MATERIAL_CONFLICT = ("18", "19", "20")
REFERS_BACK = "refers back to an earlier event"


class Draft:
    """An event before its record is made: the trigger, code, actors and the notes on how."""

    __slots__ = ("trigger", "code", "sources", "targets", "notes", "statement", "suppressed", "coreferent", "mutual")

    def __init__(self, trigger: Trigger, code: str):
        self.trigger = trigger
        self.code = code
        self.sources: list[Mention | None] = [None]
        self.targets: list[Mention | None] = [None]
        self.notes: list[str] = []
        self.statement = False
        self.suppressed = ""
        self.coreferent = False  # tells of an event coded earlier ("killed in the drone strike")
        self.mutual = False      # the sources act on each other (TABARI's compound with no target)

    def __repr__(self) -> str:  # pragma: no cover
        return f"Draft({self.code} {self.sources} {self.targets} {self.suppressed})"


_TABARI_ENDS = frozenset({";", ".", "!", "?", ",", ":"})
SUBORDINATORS = frozenset({"after", "before", "while", "because", "although", "though", "until", "unless",
                           "whereas", "since", "when", "whether", "if"})


def _members(m: Mention | None, mentions: Sequence[Mention]) -> list[Mention | None]:
    if m is None or m.conj < 0:
        return [m]
    return [x for x in mentions if x.conj == m.conj and (not x.is_place or m.is_place)]


def clause_starts(tokens: Tokens, lex: Lexicon, covered: Sequence[bool],
                  guards: GuardHits | None = None) -> list[int]:
    """For each token, where its clause starts: after a hard boundary or a reporting verb
    ("claimed the strike struck ..." opens a clause after "claimed")."""
    words = tokens.words
    report = (guards or find_guards(tokens, lex)).starts("report")
    hard = HARD | SUBORDINATORS if lex.tabari else HARD
    n = len(words)
    out: list[int] = []
    start = 0
    done = 0      # out holds the clause starts of tokens 0..done-1
    skip_to = -1
    # only boundary words and reporting verbs can move the start: visit those, fill runs between
    for i in [k for k, w in enumerate(words) if w in hard or k in report]:
        if covered[i]:
            continue  # inside an actor name: "WHO", "Doctors Without Borders"
        if words[i] in hard:
            new = i + 1
        elif i >= skip_to:
            for length in report[i]:
                if words[i + length - 1] not in PREPOSITIONS:  # not "according to"
                    new = skip_to = i + length
                    break
            else:
                continue
        else:
            continue
        out += [start] * (i + 1 - done)
        done = i + 1
        start = new
    out += [start] * (n + 1 - done)
    return out


_ENDS = HARD | {".", "?", "!"}
_ENDS_COMMA = _ENDS | {","}


def _clause_end(words: Sequence[str], i: int, comma: bool) -> int:
    """The first token at or after ``i`` that ends the clause (a hard boundary, a full stop, and
    with ``comma`` a comma), or the sentence's length."""
    stop = _ENDS_COMMA if comma else _ENDS
    n = len(words)
    j = i
    while j < n and words[j] not in stop:
        j += 1
    return j


def _in_pp(tokens: Tokens, start: int) -> bool:
    """Is the mention at ``start`` inside a prepositional phrase ("for the Pentagon",
    "according to an AFP photographer")? Looks back over determiners and one capitalised word."""
    words, raw = tokens.words, tokens.raw
    j = start - 1
    names = 0
    while j >= 0:
        if words[j] in SKIP_BEFORE:
            j -= 1
        elif j > 0 and names == 0 and raw[j][:1].isupper() and words[j - 1] not in (",", ";"):
            names += 1
            j -= 1
        else:
            break
    return j >= 0 and words[j] in PREPOSITIONS


_GUARDED = ("undone", "negation", "modal", "threat", "future")


def _guard_hits(guards: GuardHits, covered: Sequence[bool]) -> dict[str, list[tuple[int, int]]]:
    """The guard phrases that drop or change a trigger, as (start, end) per kind, leaving out
    those that start inside an actor's name."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for kind in _GUARDED:
        found = [(b, e) for b, e in guards.of(kind) if not covered[b]]
        if found:
            hits[kind] = found
    return hits


def _guard_before(hits: Sequence[tuple[int, int]], i: int, lo: int, gap: int) -> bool:
    """Is there a guard phrase ending at most ``gap`` tokens before token ``i`` (not before ``lo``)?"""
    first = max(lo, i - gap - 4)
    return any(first <= b < i and end <= i and i - end <= gap for b, end in hits)


def subject_of(pos: int, tokens: Tokens, mentions: Sequence[Mention], cstart: Sequence[int],
               nearest: bool = False, mstarts: Sequence[int] | None = None) -> Mention | None:
    """The subject of the verb at ``pos``: the first actor of its clause that is not inside a
    prepositional phrase (``nearest``: the last one, as TABARI reads a source). ``mstarts`` are
    the mentions' start tokens (in order), so that only the clause's mentions are looked at."""
    words = tokens.words
    cs = cstart[pos]
    if mstarts is None:
        mstarts = [m.start for m in mentions]
    cands = [m for m in mentions[bisect_left(mstarts, cs):bisect_left(mstarts, pos)]
             if m.end <= pos and not m.is_place]
    if nearest and cands:
        last = cands[-1]
        group = [m for m in cands if m.conj == last.conj] if last.conj >= 0 else [last]
        cands = group + [m for m in reversed(cands) if m not in group]
    for m in cands:
        if not _in_pp(tokens, m.start):
            return m
    if cs > 0 and words[cs - 1] in RELATIVE:
        # relative clause: the antecedent just before the pronoun
        k = cs - 1
        if k > 0 and words[k - 1] == ",":
            k -= 1
        for m in reversed(mentions[:bisect_left(mstarts, k)]):
            if m.end == k and not m.is_place:
                return m
            if m.end < k - 1:
                break
    return None


def analyse(tokens: Tokens, lex: Lexicon, mentions: list[Mention], triggers: list[Trigger],
            guards: GuardHits | None = None) -> list[Draft]:
    """Drafts for every trigger, including dropped ones (``suppressed`` says why). ``guards``
    are the sentence's guard phrases (found here when not given)."""
    if not triggers:
        return []
    words = tokens.words
    n = len(words)
    question = n > 0 and (words[-1] == "?" or (n > 1 and words[-2] == "?"))
    drafts: list[Draft] = []
    by_noun_start = {t.start: t for t in triggers if t.noun}
    noun_draft: dict[int, Draft] = {}
    if guards is None:
        guards = find_guards(tokens, lex)
    report = guards.starts("report")
    light = guards.starts("light")
    covered = [False] * n
    for m in mentions:
        for j in range(m.start, m.end):
            covered[j] = True
    mstarts = [m.start for m in mentions]  # in order: the mentions of a span are found by bisection
    cstart = clause_starts(tokens, lex, covered, guards)
    masked = [("\0" if c else w) for w, c in zip(words, covered)]  # for boundary tests: names are not words
    hits = _guard_hits(guards, covered)
    for t in sorted(triggers, key=lambda t: (not t.noun, t.start)):  # nouns first: verbs refer to them
        d = Draft(t, t.pattern.code)
        cs = cstart[t.start]
        # ---- guards
        if not hits:
            pass  # most sentences have none of these guards
        elif _guard_before(hits.get("undone", ()), t.start, cs, 3):
            d.suppressed = "undone (failed, denied, cancelled or prevented)"
        elif _guard_before(hits.get("negation", ()), t.start, cs, 3):
            rejected = _reject(d.code)
            if rejected:  # "will not lift the ban", "refused to release": a rejection (CAMEO 12)
                d.notes.append(f"negated cooperation: {d.code} -> {rejected}")
                d.code = rejected
            else:
                d.suppressed = "negated"
        elif _guard_before(hits.get("modal", ()), t.start, cs, 2):
            d.suppressed = "modal (hypothetical)"
        elif _guard_before(hits.get("threat", ()), t.start, cs, 2):
            d.code = "138" if d.code[:2] in MATERIAL_CONFLICT else "130"
            d.notes.append("threat: " + t.pattern.code + " -> " + d.code)
        elif _guard_before(hits.get("future", ()), t.start, cs, 2):
            new = _intent(d.code)
            if new != d.code:
                d.notes.append("future: " + d.code + " -> " + new)
                d.code = new
        if d.code == NULL_CODE:
            d.suppressed = "the pattern that matched codes no event"
        if question and not d.suppressed and _material(d.code):
            d.suppressed = "question"
        d.statement = d.code[:2] == "01" or t.start in report
        if t.noun:
            _noun_actors(d, t, tokens, mentions, light, cstart, masked, mstarts)
            noun_draft[t.start] = d
        else:
            _verb_actors(d, t, tokens, mentions, by_noun_start, noun_draft, cstart, covered, masked,
                         n if lex.tabari else 6, mstarts)  # TABARI: the target is the clause's next actor
        drafts.append(d)
    drafts.sort(key=lambda d: d.trigger.start)
    if lex.tabari:
        _tabari_sources(drafts, words, mentions)
    return drafts


def _tabari_sources(drafts: list[Draft], words: Sequence[str], mentions: Sequence[Mention]) -> None:
    """TABARI's readings of shared subjects: a verb joined by "and" to the verb before it has
    that verb's subject ("A condemned X and promised Y"); a list of actors with no target acts
    on each other ("Gondor and Osgiliath renewed ties": GON->OSG and OSG->GON)."""
    prev = None
    for d in drafts:
        t = d.trigger
        if prev is not None and not t.noun and t.start > 0 and words[t.start - 1] == "and" \
                and t.source is None and prev.sources != [None]:
            d.sources = list(prev.sources)
            if d.targets and any(g in d.sources for g in d.targets):
                d.targets = [g for g in d.targets if g not in d.sources] or [None]
        if d.targets == [None] and len(d.sources) > 1 and all(x is not None for x in d.sources):
            d.mutual = True
        prev = d


# Negated cooperation is a rejection (CAMEO 12): yielding (08) -> refuse to yield (124 and its
# sub-codes), meeting (04) -> reject a proposal to meet (125), material cooperation and aid
# (06, 07) -> reject material cooperation (121), intent and diplomatic cooperation (03, 05) -> 120.
_REJECT = {"081": "1241", "082": "1242", "083": "123", "084": "1243", "0841": "1243", "0842": "1243",
           "085": "1244", "086": "1245", "0861": "1245", "0862": "1245", "0863": "1245", "087": "1246",
           "0871": "1246", "0872": "1246", "0873": "1246", "0874": "1246"}
_REJECT_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "121", "08": "124"}


def _reject(code: str) -> str | None:
    return _REJECT.get(code) or _REJECT.get(code[:3]) or _REJECT_ROOT.get(code[:2])


def _material(code: str) -> bool:
    root = code[:2]
    return root in ("06", "07", "08", "14", "15", "16", "17", "18", "19", "20")


def _intent(code: str) -> str:
    root = code[:2]
    if root in MATERIAL_CONFLICT:
        return "138"
    return {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035"}.get(root, code)


def _target_after(t: Trigger, words, mentions, noun: bool, code: str, reach: int = 6,
                  mstarts: Sequence[int] | None = None) -> Mention | None:
    if t.target is not None:
        return t.target
    if reach > 6:
        # TABARI: the target is the first actor after the verb, even past the pattern's words or
        # "that" ("allowed that Mordor isn't a really pleasant place"), but a subordinate clause
        # ("after a hafling was reported") has its own actors
        t_from = t.end if t.target is None else t.pattern_end
        end = next((j for j in range(t_from, len(words))
                    if words[j] in SUBORDINATORS or words[j] in _TABARI_ENDS), len(words))
    else:
        end = _clause_end(words, t.pattern_end, comma=True)
    allow_place = code[:2] in MATERIAL_CONFLICT
    start = t_from if reach > 6 else t.pattern_end
    if mstarts is None:
        mstarts = [m.start for m in mentions]
    for m in mentions[bisect_left(mstarts, start):]:
        if m.start >= end or m.start - t.pattern_end > reach:
            break
        if noun:
            between = words[t.end:m.start]
            if not any(w in NOUN_TARGET_PREPS for w in between[:2]) or len(between) > 4:
                continue
            if m.is_place and not allow_place:
                continue
            return m
        if m.is_place:
            if allow_place:
                return m
            continue
        return m
    return None


def _noun_actors(d: Draft, t: Trigger, tokens: Tokens, mentions, light: dict[int, list[int]], cstart,
                 masked, mstarts: Sequence[int]) -> None:
    words = tokens.words
    src = None
    # the actor that modifies the noun: "a US strike", "Israel's airstrike" (mentions ending there)
    hi = lo = bisect_left(mstarts, t.start)
    while lo > 0 and mentions[lo - 1].end >= t.start - 1:  # ends grow with starts: walk back
        lo -= 1
    for m in mentions[lo:hi]:
        if m.is_place:
            continue
        if m.end == t.start or (m.end == t.start - 1 and words[m.end] == "'s"):
            src = m
            break
    if src is None:
        # light verb: "X launched (an) airstrike(s) on Y"
        cs = cstart[t.start]
        for b in range(max(cs, t.start - 5), t.start):
            for length in light.get(b, ()):
                if b + length <= t.start and all(w in NOUN_CUES or w in SKIP_BEFORE for w in words[b + length:t.start]):
                    src = subject_of(b, tokens, mentions, cstart, mstarts=mstarts)
                    d.notes.append("light verb: " + " ".join(words[b:b + length]))
                    break
            if src is not None:
                break
    if src is None and t.end < len(words) and words[t.end] == "by":
        for m in mentions[bisect_left(mstarts, t.end + 1):bisect_right(mstarts, t.end + 1)]:
            if not m.is_place:
                src = m
                break
    tgt = _target_after(t, masked, mentions, True, d.code, mstarts=mstarts)
    if src is not None and tgt is src:
        tgt = None
    d.sources = _members(src, mentions)
    d.targets = _members(tgt, mentions)
    if src is None and tgt is None and t.start > 0 and words[t.start - 1] in ("the", "this", "that", "'s"):
        d.suppressed = REFERS_BACK


def _verb_actors(d: Draft, t: Trigger, tokens: Tokens, mentions, by_noun_start, noun_draft, cstart,
                 covered, masked, reach: int = 6, mstarts: Sequence[int] | None = None) -> None:
    words = tokens.words
    if mstarts is None:
        mstarts = [m.start for m in mentions]
    i = t.start
    cs = cstart[i]
    passive = False
    if t.form == "past" or t.form == "participle":  # "was denounced", "were killed": a form of be just before
        for j in range(max(cs, i - 3), i):
            if words[j] in BE and not covered[j]:
                passive = True
                break
    if passive and reach > 6:
        # TABARI reads a passive only with its agent ("was opposed by Osgiliath"); "the Philippines
        # was criticized over its dispute with Eriador" codes PHL -> ERI as written
        end = _clause_end(masked, t.pattern_end, comma=True)
        starts_at = set(mstarts)
        passive = any(words[j] == "by" and (j + 1 in starts_at or j + 2 in starts_at)
                      for j in range(t.pattern_end, end))
    subj = t.source if t.source is not None else subject_of(i, tokens, mentions, cstart, nearest=reach > 6,
                                                            mstarts=mstarts)
    in_clause = mentions[bisect_left(mstarts, cs):bisect_left(mstarts, i)]  # mentions from cs to i
    # a subject that modifies an event noun ("a US strike killed ...") makes one event with it
    if subj is not None:
        k = subj.end + (1 if subj.end < len(words) and words[subj.end] == "'s" else 0)
        if k in by_noun_start and k < i:
            nd = noun_draft.get(k)
            if nd is not None and not nd.suppressed:
                nd.suppressed = "merged with the verb it is the subject of"
                if nd.code[:2] in MATERIAL_CONFLICT and d.code[:2] in MATERIAL_CONFLICT:
                    d.notes.append(f"event noun {nd.code} is the subject of verb {d.code}")
                    d.code = nd.code
    elif not passive:
        # an event noun with no actor as the subject: "A drone strike killed two soldiers"
        for k in sorted(by_noun_start, reverse=True):
            nd = noun_draft.get(k)
            if nd is not None and cs <= k < i and nd.suppressed == REFERS_BACK and \
                    d.code[:2] in MATERIAL_CONFLICT and not in_clause:
                d.coreferent = True  # "the strike struck one of their offices"
                d.notes.append("its subject tells of an earlier event: " + " ".join(words[k:nd.trigger.end]))
                break
            if nd is None or nd.suppressed or not cs <= k < i or nd.targets != [None]:
                continue
            if nd.sources == [None] and not any(not m.is_place for m in in_clause):
                nd.suppressed = "merged with the verb it is the subject of"
                if nd.code[:2] in MATERIAL_CONFLICT and d.code[:2] in MATERIAL_CONFLICT:
                    d.notes.append(f"event noun {nd.code} is the subject of verb {d.code}")
                    d.code = nd.code
            break
    if d.code[:2] in MATERIAL_CONFLICT and not d.coreferent:
        # "... were killed and seven injured in the drone strike": the definite noun is the event
        end = _clause_end(masked, t.pattern_end, comma=True)
        for j in range(t.pattern_end, min(end, t.pattern_end + 8)):
            nd = noun_draft.get(j)
            if nd is not None and nd.suppressed == REFERS_BACK and \
                    any(w in ("in", "by", "during") for w in words[max(t.pattern_end, j - 3):j]):
                d.coreferent = True
                d.notes.append("tells of an earlier event: " + " ".join(words[j:nd.trigger.end]))
                break
    if passive:
        d.notes.append("passive voice")
        src = None
        end = _clause_end(masked, t.pattern_end, comma=True)
        for j in range(t.pattern_end, end):
            if words[j] == "by":
                for m in mentions[bisect_right(mstarts, j):bisect_right(mstarts, j + 3)]:
                    if not m.is_place:
                        src = m
                        break
                if src is not None:
                    break
        if src is None:
            # "was killed in a US strike": the event noun's actor is the source
            for j in range(t.pattern_end, min(end, t.pattern_end + 6)):
                nt = by_noun_start.get(j)
                if nt is not None and any(w in ("in", "by") for w in words[t.pattern_end:j]):
                    nd = noun_draft.get(j)
                    if nd is not None and nd.suppressed == REFERS_BACK and d.code[:2] in MATERIAL_CONFLICT:
                        d.coreferent = True
                        d.notes.append("tells of an earlier event: " + " ".join(words[nt.start:nt.end]))
                        break
                    if nd is not None and nd.sources[0] is not None:
                        src = nd.sources[0]
                        nd.suppressed = "merged with the passive verb it caused"
                        d.notes.append("source from the event noun " + nd.code)
                        break
        d.sources = _members(src, mentions)
        d.targets = _members(t.target if t.target is not None else subj, mentions)
    else:
        tgt = _target_after(t, masked, mentions, False, d.code, reach, mstarts)
        if tgt is subj:
            tgt = None
        d.sources = _members(subj, mentions)
        d.targets = _members(tgt, mentions)
