"""Stage 3b: find event triggers — verbs and event nouns — and match their patterns.

A word that is both a verb and an event noun ("attack", "strike") is read as a noun after a
determiner, a possessive, or an actor that modifies it ("a US strike", "Thursday's strike"), and
as a verb otherwise. Among a head's patterns the most specific that matches wins: each further
pattern word may come up to ``MAX_GAP`` words after the previous one, and ``+`` takes the next
actor mention as the target.
"""
from __future__ import annotations

from typing import Sequence

from .actors import Mention
from .lexicon import MARKERS, SKIP, SOURCE, TARGET, Lexicon, VerbPattern
from .tokens import Tokens

MAX_GAP = 3
NOUN_CUES = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
    "any", "no", "every", "each", "'s", "of", "recent", "latest", "new", "further", "fresh", "deadly",
    "series", "string", "wave", "suspected", "alleged", "similar", "another", "first", "second", "last",
    "major", "large", "massive", "heavy", "fierce", "separate", "joint", "two", "three", "several", "many",
    "multiple", "overnight", "weekend", "retaliatory", "such", "daily", "apparent", "renewed",
})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                         "your", "any", "no", "every", "each", "'s"})
STOPS = frozenset({";", ".", "!", "?"})
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "can",
                          "could", "should", "may", "might", "must", "did", "do", "does", "to", "n't", "not"})
_ADVERBS_OF_DEGREE = frozenset({"very", "too", "so", "more", "most", "less", "least", "quite", "rather"})


class Trigger:
    """A matched verb or noun: tokens ``start``..``end``, its pattern and what the pattern bound."""

    __slots__ = ("start", "end", "pattern", "form", "target", "pattern_end", "noun", "source", "pre_start")

    def __init__(self, start: int, end: int, pattern: VerbPattern, form: str, target: Mention | None,
                 pattern_end: int, source: Mention | None = None):
        self.start = start
        self.end = end
        self.pattern = pattern
        self.form = form              # base, s, past, participle, ing, or noun
        self.target = target          # bound by "+" in the pattern, if any
        self.source = source          # bound by "$" in the pattern, if any
        self.pre_start = start        # where the words a pattern matched before the verb begin
        self.pattern_end = pattern_end
        self.noun = form == "noun"

    def __repr__(self) -> str:  # pragma: no cover
        return f"Trigger({self.start}:{self.end} {self.pattern.code} {self.form})"


def find_triggers(tokens: Tokens, lex: Lexicon, mentions: Sequence[Mention]) -> list[Trigger]:
    words, raw = tokens.words, tokens.raw
    n = len(words)
    covered = [-1] * n  # tokens inside actor names; generic agents ("police", "crowd") stay readable
    starts: dict[int, Mention] = {}
    ends: set[int] = set()
    for k, m in enumerate(mentions):
        generic = m.code is None and m.country is None
        for j in range(m.start, m.end):
            covered[j] = -2 if generic else k
        starts[m.start] = m
        ends.add(m.end)
    out: list[Trigger] = []
    present = frozenset(words)  # patterns whose words are not all in the sentence are skipped at once
    verbs = lex.verbs
    verb_sets = lex.verb_sets
    nouns = lex.nouns
    noun_first = nouns.first_words
    skip_to = 0
    for i in [k for k, w in enumerate(words) if w in verbs or w in noun_first]:
        if i < skip_to or covered[i] != -1:
            continue
        w = words[i]
        noun_hits = nouns.all_at(raw, words, i) if w in noun_first else []
        verb_entry = verbs.get(w)
        prev = words[i - 1] if i else ""
        noun_context = prev in NOUN_CUES or i in ends or (i > 1 and words[i - 2] in DETERMINERS and prev not in verbs)
        use_noun = bool(noun_hits) and (verb_entry is None or noun_context or noun_hits[0][0] > 1)
        if use_noun:
            length = noun_hits[0][0]
            pats = [pl for L, pl in noun_hits if L == length]
            trig = _match(pats, i, i + length, "noun", words, starts, covered, n, present)
            if trig:
                out.append(trig)
                skip_to = trig.end
                continue
        if verb_entry is not None and lex.tabari and _noun_use(words, raw, i, verb_entry[1]):
            verb_entry = None  # "an attack", "a brief private visit", "very close": not verbs
        if verb_entry is not None:
            form = verb_entry[1]
            trig = _match(verb_sets[w].candidates(present), i, i + 1, form, words, starts, covered, n, present)
            if trig and trig.pattern.specificity:
                # words the pattern consumed ("launch airstrikes on") are not triggers again
                skip_to = max(i + 1, trig.target.start if trig.target is not None else trig.pattern_end)
            if trig:
                out.append(trig)
    if lex.tabari and len(out) > 1:
        # words a pattern matched before its verb ("INDICATED SHOULD *") are not verbs themselves
        used = {j for t in out if t.pre_start < t.start for j in range(t.pre_start, t.start)}
        out = [t for t in out if t.start not in used]
    return out


def _noun_use(words, raw, i: int, form: str) -> bool:
    """Is the verb form at i used as a noun or adjective? A determiner right before it; for a form
    that is not a past tense, also a determiner with up to three lower-case modifiers between ("a
    brief private visit" — but "the soldiers attacked"); or a degree adverb ("very close")."""
    if i and (words[i - 1] in _ADVERBS_OF_DEGREE or words[i - 1] in DETERMINERS):
        return True
    if form == "past":
        return False
    for j in range(i - 1, max(-1, i - 5), -1):
        if words[j] in DETERMINERS:
            return True
        if not raw[j].islower() or words[j] in STOPS or words[j] in _AUXILIARIES:
            return False
    return False


def _match(patterns, start: int, end: int, form: str, words, starts, covered, n, present) -> Trigger | None:
    for pat in patterns:
        if not pat.needs <= present:
            continue
        source = target = None
        pre_start = start
        if pat.pre:
            bound = _match_before(pat, start, words, starts, covered)
            if bound is None:
                continue
            source, target, pre_start = bound
        pos = end
        ok = True
        joins = pat.joins
        for k, el in enumerate(pat.rest):
            # how far the element may be from the one before: adjacent, a few words, or (for
            # PETRARCH patterns written with spaces) anywhere before the end of the sentence
            reach = MAX_GAP + 1 if joins is None else (1 if joins[k] else n)
            if el == "+" or el == "$":
                found = None
                for j in range(pos, min(n, pos + reach)):
                    if words[j] in STOPS:
                        break
                    if j in starts:
                        found = starts[j]
                        break
                if found is None:
                    if el == "$":
                        continue  # a source slot the text leaves empty: the engine finds the subject
                    ok = False
                    break
                if el == "+":
                    target = found
                else:
                    source = found
                pos = found.end
            elif el == SKIP:
                # TABARI's ^: pass over the next noun phrase ("IFTAR IN ^ +": in Osgiliath with +)
                nxt = next((starts[j] for j in range(pos, min(n, pos + reach)) if j in starts), None)
                pos = nxt.end if nxt is not None else pos + 1
            elif el in MARKERS:
                continue
            else:
                hit = -1
                for j in range(pos, min(n, pos + reach)):
                    if words[j] in STOPS:
                        break
                    if words[j] == el and covered[j] < 0:  # a literal may be a generic agent word
                        hit = j
                        break
                if hit < 0:
                    ok = False
                    break
                pos = hit + 1
        if ok:
            trig = Trigger(start, end, pat, form, target, pos, source)
            trig.pre_start = pre_start
            return trig
    return None


def _match_before(pat: VerbPattern, start: int, words, starts, covered):
    """Match the words a PETRARCH pattern puts before the verb, right to left. Returns the
    mentions bound by ``$`` and ``+`` (either may be None) and where the matched words begin, or
    None when the words do not match."""
    pos = start  # the element must end at or before pos
    source = target = None
    for k in range(len(pat.pre) - 1, -1, -1):
        el = pat.pre[k]
        adjacent = pat.pre_joins[k] if k < len(pat.pre_joins) else False
        lo = pos - 1 if adjacent else 0
        if el in (TARGET, SOURCE):
            before = [m for m in starts.values() if m.end <= pos and (not adjacent or m.end == pos)]
            if not before:
                if el == SOURCE:
                    continue  # no actor written there: the engine finds the subject
                return None
            found = max(before, key=lambda m: m.end)
            if el == SOURCE:
                source = found
            else:
                target = found
            pos = found.start
        elif el in MARKERS:
            continue
        else:
            hit = -1
            for j in range(pos - 1, lo - 1, -1):
                if words[j] in STOPS:
                    break
                if words[j] == el and covered[j] < 0:
                    hit = j
                    break
            if hit < 0:
                return None
            pos = hit
    return source, target, pos
