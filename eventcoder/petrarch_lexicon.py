"""Compile PETRARCH/TABARI dictionaries (read by :mod:`eventcoder.petrarch`) into a :class:`Lexicon`.

There is one engine. PETRARCH's files become the same matchers eventcoder's own dictionaries
compile to:

* an actor phrase is a country-like sense: its undated code is the fallback and its dated codes
  are roles tried in file order, so agents combine with it ("ARNOR" + "GOVERNMENT" -> ``ARNGOV``);
* a ``[~X]`` agent is an agent role ``X`` of any length; an ``[X~]`` agent is a prefix
  ("MSF" + "Arnor" -> ``NGOARN``);
* every surface form of every verb of a ``--- NAME [CODE] ---`` block carries the block's
  patterns (most specific first) and, last, the verb's own code; words before and after ``*``
  become the pattern's ``pre`` and ``rest`` parts, ``_`` makes words adjacent, synsets are
  multiplied out, ``[A:B]`` gives the reverse event B, ``[---]`` matches and codes nothing;
* sentence discards become discards, ``+`` discards story discards.

Decisions where PETRARCH2's behaviour and the documented TABARI semantics differ are in
docs/petrarch.md.
"""
from __future__ import annotations

import itertools
import os
from typing import Iterable, Mapping, Sequence

from . import petrarch as _p
from .dictlang import Role
from .errors import DictionaryError, Problem
from .lexicon import GUARD_KINDS, NULL_CODE, ActorSense, Lexicon, PhraseIndex, VerbPattern

MAX_EXPANSIONS = 512  # per pattern: synset products beyond this are cut (reported by count)


def load_petrarch(actors: Iterable[str | os.PathLike] | str | os.PathLike = (), agents=None, verbs=None,
                  discards=None, issues=None, options: Mapping[str, str] | None = None,
                  strict: bool = False):
    """Read and compile PETRARCH/TABARI files. Returns ``(lexicon, options, problems)``'s first two
    as ``(lexicon, options)``; malformed lines are skipped (``strict=True`` raises them all as one
    :class:`DictionaryError`)."""
    lex, opts, problems = compile_files(actors, agents, verbs, discards, issues, options)
    if strict and problems:
        raise DictionaryError([Problem(p.where.file, p.where.line, p.where.column, p.message) for p in problems])
    return lex, opts


def compile_files(actors=(), agents=None, verbs=None, discards=None, issues=None,
                  options: Mapping[str, str] | None = None):
    """``(lexicon, options, problems)`` for the given PETRARCH/TABARI files."""
    if isinstance(actors, (str, os.PathLike)):
        actors = [actors]
    problems: list = []
    actor_entries, pr = _p.read_actors([str(a) for a in actors])
    problems += pr
    agent_entries = []
    if agents:
        agent_entries, pr = _p.read_agents(str(agents))
        problems += pr
    verb_dict = None
    if verbs:
        verb_dict, pr = _p.read_verbs(str(verbs))
        problems += pr
    discard_entries = []
    if discards:
        discard_entries, pr = _p.read_discards(str(discards))
        problems += pr
    opts = _p.parse_options(dict(options or {}))
    files = tuple(str(f) for f in [*actors, agents, verbs, discards, issues] if f)
    lex = compile_petrarch(actor_entries, agent_entries, verb_dict, discard_entries, files)
    return lex, opts, problems


def _lower(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words if w)


def compile_petrarch(actors: Sequence, agents: Sequence, verbs, discards: Sequence,
                     files: tuple[str, ...] = ()) -> Lexicon:
    index = PhraseIndex()
    counts = {"actor": 0, "agent": 0, "verb": 0, "pattern": 0, "discard": 0}
    for e in actors:
        counts["actor"] += 1
        undated = [c.code for c in e.codes if c.start is None and c.end is None]
        fallback = undated[0] if undated else None
        if fallback == NULL_CODE:
            fallback = None
        roles = tuple(Role(c.code, c.start, c.end) for c in e.codes if c.start is not None or c.end is not None)
        rule = f"actor {' '.join(e.phrases[0]) if e.phrases else ''} @{e.where}"
        sense = ActorSense("country", fallback, rule, roles)
        for phrase in e.phrases:
            index.add(_lower(phrase), sense)
    for e in agents:
        counts["agent"] += 1
        rule = f"agent {'' if e.prefix else '~'}{e.code}{'~' if e.prefix else ''} @{e.where}"
        sense = ActorSense("prefix" if e.prefix else "agent", e.code, rule)
        for phrase in e.phrases:
            index.add(_lower(phrase), sense)

    table: dict[str, list[VerbPattern]] = {}
    form_kind: dict[str, str] = {}
    block_patterns: dict[tuple, list[VerbPattern]] = {}
    own_patterns: dict[tuple, VerbPattern] = {}
    if verbs is not None:
        for block in verbs.blocks:
            compiled = [_compile_pattern(p, verbs.synsets) for p in block.patterns]
            counts["pattern"] += len(block.patterns)
            for v in block.verbs:
                counts["verb"] += 1
                code = v.code if v.code is not None else block.code
                passive = v.passive_code if v.code is not None else block.passive_code
                for form in v.forms or (v.words,):
                    low = _lower(form)
                    if not low:
                        continue
                    h = min(v.head_index, len(low) - 1)
                    head, before, after = low[h], low[:h], low[h + 1:]
                    key = (id(block), before, after)
                    shared = block_patterns.get(key)
                    if shared is None:  # one set of pattern objects per block and verb shape, shared by all forms
                        shared = block_patterns[key] = [
                            VerbPattern(
                                p.code if p.code is not None else NULL_CODE,
                                after + rest, f"pattern {p.text.strip()} @{p.where}",
                                pre=pre + before,
                                joins=(True,) * len(after) + joins,
                                pre_joins=(pre_joins[:-1] + (pre_joins[-1] or bool(before),) if pre_joins else ())
                                + (True,) * len(before),
                                passive=p.passive_code)
                            for pre, pre_joins, rest, joins, p in (x for group in compiled for x in group)]
                    own = own_patterns.get((v.where, before, after))
                    if own is None:
                        own = own_patterns[(v.where, before, after)] = VerbPattern(
                            code if code is not None else NULL_CODE, after, f"verb {' '.join(v.words)} @{v.where}",
                            pre=before, joins=(True,) * len(after), pre_joins=(True,) * len(before), passive=passive)
                    table.setdefault(head, []).extend(shared)
                    table[head].append(own)
                    form_kind.setdefault(head, _form_kind(head, v))
    verb_table = {}
    for form, pats in table.items():
        pats.sort(key=lambda vp: -vp.specificity)  # stable: the verb's own code stays last among equals
        verb_table[form] = (tuple(pats), form_kind[form])

    sent_discards, story_discards = PhraseIndex(), PhraseIndex()
    for d in discards:
        counts["discard"] += 1
        (story_discards if d.story else sent_discards).add(_lower(d.words), f"discard {' '.join(d.words)} @{d.where}")
    return Lexicon(index.freeze(), verb_table, PhraseIndex().freeze(),
                   {k: PhraseIndex().freeze() for k in GUARD_KINDS}, sent_discards.freeze(), files, counts,
                   frozenset(), None, {}, story_discards.freeze(), tabari=True)


def _form_kind(form: str, verb) -> str:
    base = verb.words[min(verb.head_index, len(verb.words) - 1)].lower() if verb.words else ""
    if form == base:
        return "base"
    if form.endswith("ing"):
        return "ing"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "past"  # -ed forms and the irregular {forms} a dictionary lists (LEFT, STRUCK)


def _compile_pattern(p, synsets) -> list[tuple]:
    """The concrete (pre, pre_joins, rest, joins, pattern) word sequences of one pattern."""
    out = []
    for pre in _expand(p.pre, synsets):
        for rest in _expand(p.post, synsets):
            out.append((tuple(w for w, _ in pre), _pre_joins(pre, p), tuple(w for w, _ in rest),
                        tuple(j for _, j in rest), p))
            if len(out) >= MAX_EXPANSIONS:
                return out
    return out


def _pre_joins(pre: Sequence[tuple[str, bool]], p) -> tuple[bool, ...]:
    """For each word before the verb: must it directly precede the next word (or the verb)?"""
    joins = [pre[k + 1][1] for k in range(len(pre) - 1)]
    if pre:
        joins.append(bool(p.verb.joined))
    return tuple(joins)


_MARK = {"source": "$", "target": "+", "compound": "%", "skip": "^"}


def _expand(elements: Sequence, synsets) -> list[list[tuple[str, bool]]]:
    """Every concrete (word, joined-to-previous) sequence of a pattern part."""
    parts: list[list[list[tuple[str, bool]]]] = []
    for el in elements:
        if el.kind == "verb":
            continue
        if el.kind in _MARK:
            parts.append([[(_MARK[el.kind], el.joined)]])
            continue
        words = ("&" + el.words[0],) if el.kind == "synset" else el.words
        for k, w in enumerate(words):
            # the first word keeps the element's own link; inside a group words are adjacent
            # when the group is a run of joined words, else they may be apart
            joined = el.joined if k == 0 else el.kind in ("word", "synset")
            if w.startswith("&"):
                members = synsets.get(w[1:]) or synsets.get(w) or ()
                alts = [[(x.lower(), joined if i == 0 else True) for i, x in enumerate(m)] for m in members if m]
                parts.append(alts or [[("\0no-such-synset", joined)]])
            elif w in ("$", "+", "%", "^"):
                parts.append([[(w, joined)]])
            else:
                parts.append([[(w.lower(), joined)]])
    combos = []
    for combo in itertools.product(*parts):
        combos.append([x for part in combo for x in part])
        if len(combos) >= MAX_EXPANSIONS:
            break
    return combos
