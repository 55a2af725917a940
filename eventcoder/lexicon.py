"""Compile a parsed :class:`~eventcoder.dictlang.Dictionary` into token matchers.

Every phrase becomes an entry of a first-word index: ``index[first_word]`` lists the phrases
that start with that word, longest first, so matching at a token costs one dict lookup and a
few tuple comparisons — a sentence never scans all patterns. Verb patterns are indexed by every
inflected form of their head verb (regular English rules plus the ``irregular`` entries).

The compiled :class:`Lexicon` holds only plain tuples, dicts and attrs values, so it can be
pickled and cached between processes.
"""
from __future__ import annotations

import datetime as _dt
import itertools
from typing import Iterable, Sequence

import attrs

from .cameo import cameo_table
from .dictlang import SOURCE, TARGET, Dictionary, Entry, Role
from .errors import DictionaryError, Problem

# ------------------------------------------------------------------ matchable phrases


def _pickled_by_fields(cls):
    """Pickle an attrs class's instances as the tuple of their field values, rebuilt through
    ``__init__``. attrs' own state is a name -> value dict set one name at a time; with the
    ~50,000 phrases, senses and patterns of the built-in dictionaries that made loading the
    compiled cache 30% slower."""
    names = tuple(a.name for a in attrs.fields(cls) if a.init)

    def __reduce__(self):
        return (cls, tuple([getattr(self, n) for n in names]))

    cls.__reduce__ = __reduce__
    return cls


@_pickled_by_fields
@attrs.frozen(slots=True)
class Phrase:
    """A concrete word sequence to match (lower case) and its case rules.

    ``case[i]`` is None (any case), ``UPPER`` (the text must be in capitals: the dictionary wrote
    an all-capitals word such as "US") or the exact spelling the text must have (the dictionary
    wrote ``=may``: only lower-case "may", never the month "May").
    """

    words: tuple[str, ...]
    case: tuple[str | None, ...] | None

    @classmethod
    def of(cls, words: Sequence[str]) -> "Phrase":
        lowered, case = [], []
        for w in words:
            if len(w) > 1 and w.startswith("="):
                lowered.append(w[1:].lower())
                case.append(w[1:])
            else:
                lowered.append(w.lower())
                case.append(UPPER if len(w) >= 2 and w.isupper() and any(c.isalpha() for c in w) else None)
        return cls(tuple(lowered), tuple(case) if any(c is not None for c in case) else None)

    def matches(self, raw: Sequence[str], words: Sequence[str], i: int) -> bool:
        n = len(self.words)
        if words[i:i + n] != self.words:  # ``words`` is a tuple: a short slice compares at C speed
            return False
        if self.case is not None:
            for k, need in enumerate(self.case):
                if need is None:
                    continue
                if need == UPPER:
                    if not raw[i + k].isupper():
                        return False
                elif raw[i + k] != need:
                    return False
        return True


UPPER = "\0UPPER"


class PhraseIndex:
    """Phrases with payloads, indexed by their first word and by their first two words.

    Finding the phrases at a token costs one or two dict lookups and a comparison per phrase
    that shares the first two words, however many phrases start with "the".
    """

    __slots__ = ("_one", "_two", "_first", "_keys")

    def __init__(self) -> None:
        self._one: dict[str, list[tuple[Phrase, object]]] = {}              # one-word phrases
        self._two: dict[tuple[str, str], list[tuple[Phrase, object]]] = {}  # longer, by first two words
        self._first: set[str] = set()
        self._keys: frozenset = frozenset()

    def add(self, words: Sequence[str], payload: object) -> None:
        p = Phrase.of(words)
        if not p.words:
            return
        self._first.add(p.words[0])
        if len(p.words) == 1:
            self._one.setdefault(p.words[0], []).append((p, payload))
        else:
            self._two.setdefault(p.words[:2], []).append((p, payload))

    def freeze(self) -> "PhraseIndex":
        for lst in self._two.values():
            lst.sort(key=lambda pp: -len(pp[0].words))  # stable: file order among equals
        self._first = frozenset(self._first)
        # one word of every phrase, its longest (the least common, as a rule): a sentence without
        # any of them holds no phrase, however common the phrases' first words are
        self._keys = frozenset(max(p.words, key=len) for p, _ in self.phrases())
        return self

    def __contains__(self, word: str) -> bool:
        return word in self._first

    @property
    def single_words(self):
        """The one-word phrases (a mapping: test membership)."""
        return self._one

    @property
    def first_pairs(self):
        """The first two words of the longer phrases (a mapping: test membership)."""
        return self._two

    @property
    def first_words(self) -> frozenset:
        """Every word a phrase starts with (hot loops test membership in it directly)."""
        return self._first

    def might_match(self, words: Sequence[str]) -> bool:
        """Could any phrase be in ``words``? False means certainly not (one C-level set operation)."""
        return not self._keys.isdisjoint(words)

    def any_first_word(self, words: Sequence[str]) -> bool:
        """Could any phrase start in ``words``? (one C-level set operation, for prefilters)"""
        return not self._first.isdisjoint(words)

    def _candidates(self, words: Sequence[str], i: int) -> list:
        two = self._two.get((words[i], words[i + 1])) if i + 1 < len(words) else None
        one = self._one.get(words[i])
        if two:
            return two + one if one else two
        return one or []

    def longest(self, raw: Sequence[str], words: Sequence[str], i: int) -> tuple[int, list[object]]:
        """(length, payloads) of the longest phrase(s) starting at token i; (0, []) if none."""
        best = 0
        found: list[object] = []
        two = self._two.get((words[i], words[i + 1])) if i + 1 < len(words) else None
        one = self._one.get(words[i])
        for phrase, payload in ((two + one if one else two) if two else (one or ())):
            n = len(phrase.words)
            if n < best:
                break
            if phrase.matches(raw, words, i):
                best = n
                found.append(payload)
        return best, found

    def all_at(self, raw: Sequence[str], words: Sequence[str], i: int) -> list[tuple[int, object]]:
        """Every (length, payload) of phrases that start at token i, longest first."""
        if words[i] not in self._first:
            return []
        return [(len(p.words), pl) for p, pl in self._candidates(words, i) if p.matches(raw, words, i)]

    @classmethod
    def merged(cls, indexes: dict[str, "PhraseIndex"]) -> "PhraseIndex":
        """One index over several, each payload replaced by the name of its index: a sentence is
        scanned once for all of them. Within a name, phrases keep their order (longest first)."""
        out = cls()
        for name, index in indexes.items():
            for key, lst in index._one.items():
                out._one.setdefault(key, []).extend((p, name) for p, _ in lst)
            for key, lst in index._two.items():
                out._two.setdefault(key, []).extend((p, name) for p, _ in lst)
            out._first.update(index._first)
        return out.freeze()

    def phrases(self) -> Iterable[tuple[Phrase, object]]:
        for lst in self._two.values():
            yield from lst
        for lst in self._one.values():
            yield from lst

    def __getstate__(self):
        return (self._one, self._two, self._first, self._keys)

    def __setstate__(self, state):
        self._one, self._two, self._first, self._keys = state


# ------------------------------------------------------------------ senses


@_pickled_by_fields
@attrs.frozen(slots=True)
class ActorSense:
    """What an actor phrase can mean.

    kind: ``country`` (a country's name), ``demonym`` ("Iraqi"), ``capital`` (a place that stands
    for the government when it acts), ``place`` (a location only), ``actor`` (a named actor with a
    fixed code), ``person`` (codes held over date ranges), ``agent`` (a role that combines with a
    country: "police" -> COP).
    """

    kind: str
    code: str | None
    rule: str
    roles: tuple[Role, ...] = ()

    def code_on(self, day: _dt.date | None) -> str | None:
        """The code on ``day``: a person's role then; an actor's dated code then, else its own code."""
        for role in self.roles:
            if role.holds_on(day):
                return role.code
        return None if self.kind == "person" else self.code


NULL_CODE = "---"  # a pattern that matches but codes no event (PETRARCH's [---])
SKIP = "^"        # PETRARCH/TABARI: any words may stand here
MARKERS = frozenset({TARGET, SOURCE, SKIP, "%"})


@_pickled_by_fields
@attrs.frozen(slots=True)
class VerbPattern:
    """A verb or noun pattern: the words after the head, with ``+`` where the target goes.

    Patterns read from PETRARCH/TABARI dictionaries also have words before the verb (``pre``),
    say which words must be adjacent (``joins``: one flag per element of ``rest``, True when it
    must directly follow the element before it or the verb; ``pre_joins``: one per element of
    ``pre``, True when it must directly precede what follows it), and may carry the code of the
    reverse event (``passive``: "A visited B" [042:043] is also B 043 A).
    """

    code: str
    rest: tuple[str, ...]
    rule: str
    noun: bool = False
    needs: frozenset = attrs.field(default=None, eq=False)  # literal words that must be in the sentence
    pre: tuple[str, ...] = ()
    joins: tuple[bool, ...] | None = None
    pre_joins: tuple[bool, ...] = ()
    passive: str | None = None
    # how many literal words the pattern has (derived; the most specific pattern wins)
    specificity: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        if self.needs is None:
            object.__setattr__(self, "needs", frozenset(w.lstrip("=").lower() for w in self.rest + self.pre
                                                        if w not in MARKERS))
        object.__setattr__(self, "specificity", sum(1 for w in self.rest + self.pre if w not in MARKERS))


GUARD_KINDS = ("negation", "undone", "modal", "threat", "future", "question", "report", "light", "locative")
# the kinds the engine looks for in every sentence (eventcoder.guards finds them in one pass)
ENGINE_GUARDS = ("undone", "negation", "modal", "threat", "future", "report", "light", "locative")


class PatternSet:
    """The patterns of one head (most specific first), indexed so that a sentence looks only at
    the patterns whose literal words it contains.

    A head such as "block" has hundreds of patterns ("block the road to", "block + from" ...),
    nearly all needing words the sentence lacks. Each pattern is filed under one word it needs
    (``needs``; the one fewest patterns of the head need) or under "always" when it needs none; the candidates
    for a sentence are the patterns filed under its words, put back in their original order.
    """

    __slots__ = ("patterns", "_always", "_by_key", "_keys", "_always_patterns")

    def __init__(self, patterns: Sequence["VerbPattern"]):
        self.patterns = tuple(patterns)
        always: list[int] = []
        by_key: dict[str, list[int]] = {}
        freq: dict[str, int] = {}
        for pat in self.patterns:
            for w in pat.needs:
                freq[w] = freq.get(w, 0) + 1
        for k, pat in enumerate(self.patterns):
            if pat.needs:  # file it under its most selective word: the one fewest patterns need
                by_key.setdefault(min(pat.needs, key=lambda w: (freq[w], -len(w), w)), []).append(k)
            else:
                always.append(k)
        self._always = tuple(always)
        self._by_key = {w: tuple(ks) for w, ks in by_key.items()}
        self._keys = frozenset(by_key)
        self._always_patterns = tuple(self.patterns[k] for k in always)

    def candidates(self, present: frozenset) -> Sequence["VerbPattern"]:
        """The patterns all of whose literal words are in ``present``, in the original order."""
        keys = self._keys.intersection(present)
        if not keys:
            return self._always_patterns
        pats = self.patterns
        found = list(self._always)
        for w in keys:
            found.extend(self._by_key[w])
        found.sort()
        return [pats[k] for k in found if pats[k].needs <= present]

    def __getstate__(self):
        return (self.patterns, self._always, self._by_key, self._keys)

    def __setstate__(self, state):
        self.patterns, self._always, self._by_key, self._keys = state
        self._always_patterns = tuple(self.patterns[k] for k in self._always)


def _pattern_sets(verbs: dict) -> dict[str, "PatternSet"]:
    """One :class:`PatternSet` per distinct pattern tuple of the verb table, keyed by form."""
    made: dict[tuple[int, ...], PatternSet] = {}
    out: dict[str, PatternSet] = {}
    for form, (pats, _kind) in verbs.items():
        key = tuple(map(id, pats))  # the forms of one head share their pattern objects
        ps = made.get(key)
        if ps is None:
            ps = made[key] = PatternSet(pats)
        out[form] = ps
    return out


@attrs.frozen
class Lexicon:
    """Everything the engine matches against, compiled once per dictionary set."""

    actors: PhraseIndex
    verbs: dict[str, tuple[tuple[VerbPattern, ...], str]]  # inflected form -> (patterns, form kind)
    nouns: PhraseIndex
    guards: dict[str, PhraseIndex]
    discards: PhraseIndex
    files: tuple[str, ...]
    counts: dict[str, int]
    country_codes: frozenset = frozenset()  # codes of the country entries: the first chunk of actor codes
    acled_cues: PhraseIndex | None = None   # cue phrases of the ACLED layer: payload (label, rule)
    country_names: dict = attrs.field(factory=dict)  # code -> the country's first name ("Iraq")
    story_discards: PhraseIndex | None = None       # a match drops the whole document (PETRARCH "+")
    tabari: bool = False  # compiled from PETRARCH/TABARI files: their reach rules (see petrarch_lexicon)
    # derived, built on construction: the verb table's patterns indexed by the words they need
    verb_sets: dict = attrs.field(init=False, eq=False, repr=False)
    # derived: the guard kinds the engine reads, merged into one index (payload: the kind)
    guard_index: PhraseIndex = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "verb_sets", _pattern_sets(self.verbs))
        object.__setattr__(self, "guard_index", PhraseIndex.merged(
            {k: self.guards[k] for k in ENGINE_GUARDS if k in self.guards}))

    def guard(self, kind: str) -> PhraseIndex:
        return self.guards[kind]


# ------------------------------------------------------------------ inflection

_VOWELS = set("aeiou")


def inflect(lemma: str, irregular: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Inflected forms of a verb lemma: form -> one of base, s, past, participle, ing."""
    forms: dict[str, str] = {lemma: "base"}
    w = lemma
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms[w + "es"] = "s"
    elif len(w) > 1 and w.endswith("y") and w[-2] not in _VOWELS:
        forms[w[:-1] + "ies"] = "s"
    else:
        forms[w + "s"] = "s"
    cvc = len(w) >= 3 and w[-1] not in _VOWELS and w[-1] not in "wxy" and w[-2] in _VOWELS \
        and w[-3] not in _VOWELS
    if lemma in irregular:
        past, part = irregular[lemma]
        forms.setdefault(past, "past")
        forms[part] = "participle" if part != past else forms.get(part, "past")
        if part == past:
            forms[past] = "past"
    else:
        if w.endswith("e"):
            past = w + "d"
        elif len(w) > 1 and w.endswith("y") and w[-2] not in _VOWELS:
            past = w[:-1] + "ied"
        else:
            past = w + "ed"
        forms.setdefault(past, "past")
        if cvc:
            forms.setdefault(w + w[-1] + "ed", "past")
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        ing = w[:-1] + "ing"
    else:
        ing = w + "ing"
    forms.setdefault(ing, "ing")
    if cvc:
        forms.setdefault(w + w[-1] + "ing", "ing")
    return forms



# ------------------------------------------------------------------ compile


def compile_dictionary(d: Dictionary) -> Lexicon:
    """Build the matchers. Raises DictionaryError for problems only visible across entries."""
    if d.reading == "tabari":  # PETRARCH/TABARI dictionaries in the language: their own compiler
        from .petrarch_lexicon import compile_reading
        return compile_reading(d)
    known_codes = cameo_table()
    problems: list[Problem] = []
    synsets: dict[str, list[tuple[str, ...]]] = {}
    irregular: dict[str, tuple[str, str]] = {}
    for e in d.entries:
        if e.kind == "synset":
            synsets.setdefault(e.code or "", []).extend(e.phrases)
        elif e.kind == "irregular":
            irregular[e.words[0]] = (e.words[1], e.words[2])

    actors = PhraseIndex()
    nouns = PhraseIndex()
    discards = PhraseIndex()
    cues = PhraseIndex()
    guards = {k: PhraseIndex() for k in GUARD_KINDS}
    verbs: dict[str, list[VerbPattern]] = {}
    form_kind: dict[str, str] = {}
    counts: dict[str, int] = {}

    def problem(e: Entry, msg: str) -> None:
        problems.append(Problem(e.where.file, e.where.line, e.where.column, msg))

    def rule(e: Entry, kind: str, phrase: Sequence[str]) -> str:
        return f"{kind} {e.code + ' ' if e.code else ''}\"{' '.join(phrase)}\" @{e.where}"

    for e in d.entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
        if e.kind == "country":
            for kind, phrases in (("country", e.phrases), ("demonym", e.demonyms), ("capital", e.capitals),
                                  ("place", e.places)):
                for p in phrases:
                    actors.add(p, ActorSense(kind, e.code, rule(e, kind, p)))
        elif e.kind == "actor":
            for p in e.phrases:
                actors.add(p, ActorSense("actor", e.code, rule(e, "actor", p), e.roles))
        elif e.kind == "person":
            if not e.roles:
                problem(e, "a person needs at least one 'as CODE [dates]' line")
            for p in e.phrases:
                actors.add(p, ActorSense("person", None, rule(e, "person", p), e.roles))
        elif e.kind == "agent":
            if e.code and len(e.code) != 3:
                problem(e, f"an agent code is one 3-letter role code, not {e.code!r}")
            for p in e.phrases:
                actors.add(p, ActorSense("agent", e.code, rule(e, "agent", p)))
        elif e.kind in ("verb", "noun"):
            if e.code not in known_codes:
                problem(e, f"unknown CAMEO event code {e.code!r} (see dictionaries/cameo.tsv)")
                continue
            for p in e.phrases:
                for concrete in _expand_synsets(p, synsets, e, problem):
                    if e.kind == "verb":
                        head = concrete[0]
                        if head in (TARGET, SOURCE) or head.startswith("&"):
                            problem(e, f"a verb pattern must start with the verb, not {head!r}")
                            continue
                        vp = VerbPattern(e.code or "", tuple(_plain(w) for w in concrete[1:]),
                                         rule(e, "verb", p))
                        for form, kind in inflect(_plain(head), irregular).items():
                            verbs.setdefault(form, []).append(vp)
                            form_kind.setdefault(form, kind)
                    else:
                        trig = tuple(w for w in itertools.takewhile(lambda w: w not in (TARGET, SOURCE),
                                                                     concrete))
                        rest = tuple(_plain(w) for w in concrete[len(trig):])
                        if not trig:
                            problem(e, "a noun pattern must start with words")
                            continue
                        nouns.add(trig, VerbPattern(e.code or "", rest, rule(e, "noun", p), noun=True))
        elif e.kind == "guard":
            for p in e.phrases:
                guards[e.code or ""].add(p, rule(e, "guard", p))
        elif e.kind == "discard":
            for p in e.phrases:
                discards.add(p, rule(e, "discard", p))
        elif e.kind == "acled":
            for p in e.phrases:
                cues.add(p, (e.code, rule(e, "acled", p)))
    if problems:
        raise DictionaryError(problems)
    verb_table = {}
    for form, pats in verbs.items():
        pats.sort(key=lambda vp: -vp.specificity)
        verb_table[form] = (tuple(pats), form_kind[form])
    return Lexicon(actors.freeze(), verb_table, nouns.freeze(), {k: v.freeze() for k, v in guards.items()},
                   discards.freeze(), d.files, counts,
                   frozenset(e.code for e in d.entries if e.kind == "country" and e.code), cues.freeze(),
                   {e.code: " ".join(e.phrases[0]) for e in d.entries if e.kind == "country" and e.code})


def _plain(word: str) -> str:
    """A pattern word for word-level matching (verb patterns ignore case marks)."""
    return word[1:].lower() if len(word) > 1 and word.startswith("=") else word.lower()


def _expand_synsets(phrase, synsets, entry, problem) -> list[tuple[str, ...]]:
    parts: list[list[tuple[str, ...]]] = []
    for w in phrase:
        if w.startswith("&"):
            if w not in synsets:
                problem(entry, f"unknown synset {w}; define it with 'synset {w} ...'")
                return []
            parts.append(synsets[w])
        else:
            parts.append([(w,)])
    return [tuple(x for part in combo for x in part) for combo in itertools.product(*parts)][:256]
