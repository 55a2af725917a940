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
from .tokens import tokenize

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


def phrase_tokens(words: Sequence[str]) -> tuple[str, ...]:
    """An actor, agent or discard phrase as the tokenizer splits text: PETRARCH matches words of
    a Treebank tokenization, where "C." in "FRANK_C._MOCKLER" and "JOHN'S" are one word and two;
    eventcoder's tokenizer reads "c" "." and "john" "'s", so the phrase is split the same way."""
    out: list[str] = []
    for w in words:
        if not w:
            continue
        if w.isalnum():
            out.append(w.lower())
        else:
            out.extend(t.lower() for t in tokenize(w).raw)
    return tuple(out)


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
            index.add(phrase_tokens(phrase), sense)
    for e in agents:
        counts["agent"] += 1
        rule = f"agent {'' if e.prefix else '~'}{e.code}{'~' if e.prefix else ''} @{e.where}"
        sense = ActorSense("prefix" if e.prefix else "agent", e.code, rule)
        for phrase in e.phrases:
            index.add(phrase_tokens(phrase), sense)

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
        (story_discards if d.story else sent_discards).add(phrase_tokens(d.words), f"discard {' '.join(d.words)} @{d.where}")
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


def flat_elements(elements: Sequence) -> list[tuple[str, bool]]:
    """A pattern part as (token, joined-to-previous) pairs: lower-case words, the markers
    ``$ + % ^`` and ``&NAME`` synset references (not yet expanded). ``dict convert`` writes this."""
    out: list[tuple[str, bool]] = []
    for el in elements:
        if el.kind == "verb":
            continue
        if el.kind in _MARK:
            out.append((_MARK[el.kind], el.joined))
            continue
        words = ("&" + el.words[0],) if el.kind == "synset" else el.words
        for k, w in enumerate(words):
            # the first word keeps the element's own link; inside a group words are adjacent
            # when the group is a run of joined words, else they may be apart
            joined = el.joined if k == 0 else el.kind in ("word", "synset")
            out.append((w if w.startswith("&") or w in ("$", "+", "%", "^") else w.lower(), joined))
    return out


def _expand(elements: Sequence, synsets) -> list[list[tuple[str, bool]]]:
    """Every concrete (word, joined-to-previous) sequence of a pattern part."""
    parts: list[list[list[tuple[str, bool]]]] = []
    for w, joined in flat_elements(elements):
        if w.startswith("&"):
            members = synsets.get(w[1:]) or synsets.get(w) or ()
            alts = [[(x.lower(), joined if i == 0 else True) for i, x in enumerate(m)] for m in members if m]
            parts.append(alts or [[("\0no-such-synset", joined)]])
        else:
            parts.append([[(w, joined)]])
    combos = []
    for combo in itertools.product(*parts):
        combos.append([x for part in combo for x in part])
        if len(combos) >= MAX_EXPANSIONS:
            break
    return combos


# ------------------------------------------------------------------ the TABARI reading of the language

_KIND_OF_MARK = {v: k for k, v in _MARK.items()}


def split_code(text: str | None) -> tuple[str | None, str | None]:
    """``"042:043"`` -> ("042", "043"); ``":112"`` -> (None, "112"); ``"---"`` -> (None, None)."""
    if not text or text == NULL_CODE:
        return None, None
    code, _, passive = text.partition(":")
    return (code if code and code != NULL_CODE else None), (passive or None)


def parse_pattern_tokens(tokens: Sequence[str]) -> tuple[list[tuple[str, bool]], bool, list[tuple[str, bool]]]:
    """A ``pattern`` line's words as written (``said * ties_with +``, ``&NEGATIVE_ ever *``) ->
    (tokens before ``*``, whether ``*`` is joined to the token before it, tokens after).
    ``_`` between two tokens makes them adjacent; a synset name ending in ``_`` joins what follows."""
    flat: list[tuple[str, bool]] = []
    pending = False
    for tok in tokens:
        if tok in ("+", "$") or tok.startswith("&"):
            name = tok[:-1] if tok.startswith("&") and tok.endswith("_") else tok
            flat.append((name, pending))
            pending = name != tok
            continue
        joined = pending
        parts = tok.split("_")
        for part in parts:
            if part:
                flat.append((part.lower(), joined))
            joined = True  # pieces of one written word are adjacent
        pending = parts[-1] == ""
    stars = [k for k, (t, _) in enumerate(flat) if t == "*"]
    if len(stars) != 1:
        raise ValueError("a pattern needs exactly one '*' (the verb)")
    k = stars[0]
    return flat[:k], flat[k][1], flat[k + 1:]


def _elements(flat: Sequence[tuple[str, bool]]) -> tuple:
    out = []
    for tok, joined in flat:
        if tok.startswith("&"):
            out.append(_p.Element("synset", (tok[1:],), joined))
        elif tok in _KIND_OF_MARK:
            out.append(_p.Element(_KIND_OF_MARK[tok], (), joined))
        else:
            out.append(_p.Element("word", (tok,), joined))
    return tuple(out)


def compile_reading(d) -> Lexicon:
    """Compile dictionary files written in the TABARI reading (``reading tabari``, as ``dict
    convert --from petrarch`` writes them) with the compiler of PETRARCH's own files, so the
    converted dictionaries code exactly as the originals (docs/petrarch.md)."""
    problems: list[Problem] = []
    actors: list = []
    agents: list = []
    discards: list = []
    synsets: dict[str, tuple] = {}
    blocks: list[dict] = []
    used: list[tuple] = []  # (synset name, where) of every pattern reference

    def problem(e, msg: str) -> None:
        problems.append(Problem(e.where.file, e.where.line, e.where.column, msg))

    for e in d.entries:
        k = e.kind
        if k in ("actor", "person"):
            codes = [_p.DatedCode(e.code)] if k == "actor" else []
            codes += [_p.DatedCode(r.code, r.start, r.end) for r in e.roles]
            if not codes:
                problem(e, "a person needs at least one 'as CODE [dates]' line")
            actors.append(_p.ActorEntry(tuple(e.phrases), tuple(codes), e.where))
        elif k in ("agent", "prefix"):
            agents.append(_p.AgentEntry(tuple(e.phrases), e.code or "", k == "prefix", e.where))
        elif k == "discard":
            for ph in e.phrases:
                story = ph[0] == "+"
                words = ph[1:] if story else ph
                if words:
                    discards.append(_p.Discard(tuple(words), story, e.where))
        elif k == "synset":
            synsets.setdefault((e.code or "&")[1:].rstrip("_"), ())
            synsets[(e.code or "&")[1:].rstrip("_")] += tuple(e.phrases)
        elif k == "block":
            code, passive = split_code(e.code)
            blocks.append({"name": " ".join(e.words), "code": code, "passive": passive, "verbs": [],
                           "patterns": [], "where": e.where})
        elif k == "forms":
            # "klm + sever": the word after "+" inflects (PETRARCH's KLM_+SEVER); else the first
            marked = [i for i, w in enumerate(e.phrases[0]) if w == "+"]
            forms = tuple(tuple(w for w in ph if w != "+") for ph in e.phrases)
            if e.code is None:
                code = passive = None
            else:
                code, _, passive = e.code.partition(":")
                code, passive = code or None, passive or None
            blocks[-1]["verbs"].append(_p.Verb(forms[0], forms, marked[0] if marked else 0, code, passive, e.where))
        elif k == "pattern":
            code, passive = split_code(e.code)
            for ph in e.phrases:
                try:
                    pre, verb_joined, post = parse_pattern_tokens(ph)
                except ValueError as exc:
                    problem(e, str(exc))
                    continue
                used += [(t[1:], e) for t, _ in pre + post if t.startswith("&")]
                blocks[-1]["patterns"].append(_p.Pattern(
                    _elements(pre), _elements(post), code, passive, e.where,
                    f"[{e.code}] {' '.join(ph)}", _p.Element("verb", (), verb_joined)))
        elif k != "reading":
            problem(e, f"'{k}' is not part of the TABARI reading; write it in a file of its own")
    for name, e in used:
        if name not in synsets:
            problem(e, f"unknown synset &{name}; define it with 'synset &{name} ...'")
    if problems:
        raise DictionaryError(problems)
    verbs = _p.VerbDictionary(synsets, tuple(
        _p.VerbBlock(b["name"], b["code"], b["passive"], tuple(b["verbs"]), tuple(b["patterns"]), b["where"])
        for b in blocks), (), "tabari")
    return compile_petrarch(actors, agents, verbs, discards, tuple(d.files))
