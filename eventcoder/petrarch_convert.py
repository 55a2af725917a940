"""``eventcoder dict convert --from petrarch``: PETRARCH/TABARI dictionaries in eventcoder's language.

The files are read with the readers of :mod:`eventcoder.petrarch` into the same model that
:meth:`Coder.from_petrarch` compiles, and that model is written out as ``.dict`` files in the
language's TABARI reading (``reading tabari``; docs/petrarch.md). Such files are compiled by the
same compiler as the PETRARCH files (:func:`eventcoder.petrarch_lexicon.compile_reading`), so
the converted dictionaries code as the originals do:

* an actor entry is ``actor CODE phrases`` (its first undated code) or ``person phrases`` (no
  undated code), then one ``as CODE FROM..TO`` line per dated code, in file order;
* an agent is ``agent CODE phrases`` (``[~X]``) or ``prefix CODE phrases`` (``[X~]``), plurals
  and ``!SET!`` forms spelled out;
* a verb block is ``block [CODE] NAME``, one ``forms [OWN CODE] ...`` line per verb (every
  surface form; ``+`` before the word of a multi-word verb that inflects when it is not the
  first, as in PETRARCH) and one ``pattern [CODE] ...`` line per pattern: the words before and
  after the verb ``*``, ``_`` (a word of its own) between two elements that must be adjacent,
  groups and prepositional phrases spelled out as words;
* synsets are ``synset &NAME members`` (nested sets and plurals spelled out);
* discards are ``discard PHRASE`` and, for the whole story, ``discard + PHRASE``.

What the language cannot hold is written as a ``#`` comment and counted: phrases with a
character the language reserves (``| ( ) { } # + $ &``, as in ``H&Q``), codes with a space or
bracket, and the parts of PETRARCH's files that ``from_petrarch`` does not compile either (verb
transformations, issues). Two kinds of lines are left out because they take no part in coding
either way, so that ``dict check`` does not report them: a phrase, form or pattern with a word
that eventcoder's tokenizer splits in a verb pattern or synset (``F/A-18``: the text never has
that token; actor, agent and discard phrases are written split, ``frank c . mockler``, as
the compiler reads them), and a phrase that an earlier actor (or agent) entry already has (the matcher takes
the first).
"""
from __future__ import annotations

import collections
import os
import re
from pathlib import Path
from typing import Iterable, Sequence

import attrs

from . import petrarch as _p
from .petrarch_lexicon import flat_elements, phrase_tokens
from .tokens import tokenize

_PLAIN_CODE = re.compile(r"[A-Z][A-Z0-9]{2}(?:[A-Z0-9]{3})*")
_BRACKETABLE = re.compile(r"[^\s\[\]|#]*")
_RESERVED = re.compile(r"[|(){}#+$&]")
_SYNSET_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
HEADER = "reading tabari"


@attrs.frozen
class ConvertReport:
    """What ``convert`` wrote: the files, entries per kind, lines written as ``#`` comments (by
    reason) and the problems the readers reported in the input (file:line:column)."""

    files: tuple[str, ...]
    counts: dict
    commented: dict
    problems: tuple

    def summary(self) -> str:
        lines = [f"{p.where}: {p.message}" for p in self.problems]
        lines.append("wrote " + ", ".join(self.files))
        lines.append("converted: " + ", ".join(f"{v} {k}" for k, v in self.counts.items()))
        total = sum(self.commented.values())
        lines.append(f"{total} lines written as # comments" + (": " if total else "")
                     + "; ".join(f"{v} {k}" for k, v in sorted(self.commented.items(), key=lambda kv: -kv[1])))
        lines.append(f"{len(self.problems)} problems in the input (listed above; those lines were skipped)")
        return "\n".join(lines)


class _Out:
    """Lines of one output file and the count of what could not be expressed; ``seen`` maps
    each actor and agent phrase written so far (across files) to its matcher kind."""

    def __init__(self, source: str, commented: collections.Counter, seen: dict | None = None):
        self.lines = [HEADER, f"# converted from {source} by eventcoder dict convert --from petrarch"]
        self.commented = commented
        self.seen = seen if seen is not None else {}

    def comment(self, reason: str, text: str) -> None:
        self.commented[reason] += 1
        self.lines.append(f"# not expressible ({reason}): {' '.join(text.split())}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _code(code: str) -> str | None:
    """A code as the language writes it; None if it cannot be written."""
    if _PLAIN_CODE.fullmatch(code):
        return code
    if _BRACKETABLE.fullmatch(code):
        return f"[{code}]"
    return None


def _phrase(words: Sequence[str], split: bool = False) -> str | None:
    """The words as written in the language (``split``: as the tokenizer splits them, the way
    the PETRARCH compiler reads actor, agent and discard phrases)."""
    low = list(phrase_tokens(words)) if split else [w.lower() for w in words if w]
    if not low or any(_RESERVED.search(w) for w in low):
        return None
    return " ".join(low)


def never_matches(words: Sequence[str]) -> bool:
    """Does eventcoder's tokenizer split one of these words (so no text has it)? The test of
    ``dict check``."""
    plain = [w[1:] if len(w) > 1 and w.startswith("=") else w for w in words]
    text = " ".join(plain).replace(" 's", "'s").replace(" n't", "n't")
    return [t.replace("\u2019", "'") for t in tokenize(text).raw] != plain


def _phrases(out: _Out, phrases: Iterable[Sequence[str]], what: str, kind: str | None = None) -> list[str]:
    """The phrases as written; ``kind`` (the matcher's kind of an actor or agent phrase) also
    leaves out a phrase an earlier entry of that kind has."""
    written = []
    for ph in phrases:
        text = _phrase(ph, split=kind is not None)
        if text is None:
            if any(ph):
                out.comment(f"{what} phrase with a reserved character", " ".join(ph))
            continue
        if text in written:
            continue
        if never_matches(text.split()):
            out.commented[f"{what} phrase with a word the tokenizer splits (never matches)"] += 1
            out.lines.append(f"# never matches (the tokenizer splits a word): {text}")
            continue
        if kind is not None:
            if (kind, text) in out.seen:
                out.commented[f"{what} phrase already in an earlier entry (never used)"] += 1
                out.lines.append(f"# already at {out.seen[(kind, text)]}: {text}")
                continue
        written.append(text)
    return written


def _remember(out: _Out, kind: str, written: Sequence[str], where) -> None:
    for text in written:
        out.seen.setdefault((kind, text), str(where))


def actors_text(entries: Sequence[_p.ActorEntry], source: str, commented: collections.Counter,
                seen: dict | None = None) -> str:
    out = _Out(source, commented, seen)
    for e in entries:
        written = _phrases(out, e.phrases, "actor", "actor")
        undated = next((c for c in e.codes if c.start is None and c.end is None), None)
        head = "person" if undated is None else None
        if undated is not None:
            code = _code(undated.code)
            if code is None:
                out.comment("actor code", f"{undated.code}: {' | '.join(written)}")
                continue
            head = f"actor {code}"
        if not written:
            continue
        roles = []
        for c in e.codes:
            if c.start is None and c.end is None:
                continue
            code = _code(c.code)
            if code is None:
                out.comment("actor code", f"{c.code} for {written[0]}")
                continue
            roles.append(f"  as {code} {c.start.isoformat() if c.start else ''}..{c.end.isoformat() if c.end else ''}")
        _remember(out, "actor", written, e.where)  # a null entry also takes its phrases
        if head == "person" and not roles:
            continue  # nothing left that codes (the reader reported an entry without codes)
        out.lines.append(f"{head}  {' | '.join(written)}")
        out.lines.extend(roles)
    return out.text()


def agents_text(entries: Sequence[_p.AgentEntry], source: str, commented: collections.Counter,
                seen: dict | None = None) -> str:
    out = _Out(source, commented, seen)
    for e in entries:
        kind = "prefix" if e.prefix else "agent"
        written = _phrases(out, e.phrases, "agent", kind)
        code = _code(e.code)
        if code is None:
            out.comment("agent code", f"{e.code}: {' | '.join(written)}")
            continue
        _remember(out, kind, written, e.where)
        if written:
            out.lines.append(f"{kind} {code}  {' | '.join(written)}")
    return out.text()


def discards_text(entries: Sequence[_p.Discard], source: str, commented: collections.Counter) -> str:
    out = _Out(source, commented)
    for d in entries:
        text = _phrase(d.words, split=True)
        if text is None:
            out.comment("discard phrase with a reserved character", " ".join(d.words))
            continue
        if never_matches(text.split()):
            out.commented["discard phrase with a word the tokenizer splits (never matches)"] += 1
            out.lines.append(f"# never matches (the tokenizer splits a word): {'+ ' if d.story else ''}{text}")
            continue
        out.lines.append(f"discard {'+ ' if d.story else ''}{text}")
    return out.text()


def issues_text(entries: Sequence[_p.Issue], source: str, commented: collections.Counter) -> str:
    out = _Out(source, commented)
    out.lines.append("# issues are not coded into events (from_petrarch does not read them either); kept for reference")
    for i in entries:
        what = f"ignore {i.ignore}" if i.ignore else f"[{i.code}]"
        out.comment("issue", f"{' '.join(i.words).lower()} {what} {i.category or ''}")
    return out.text()


def _block_code(code: str | None, passive: str | None) -> str:
    return f"[{code or ('' if passive else '---')}{':' + passive if passive else ''}]"


def pattern_text(pre: Sequence[tuple[str, bool]], verb_joined: bool, post: Sequence[tuple[str, bool]]) -> str:
    """The words of a ``pattern`` line for (token, joined) sequences around the verb ``*``."""
    tokens = list(pre) + [("*", verb_joined)] + list(post)
    out = []
    for k, (tok, joined) in enumerate(tokens):
        if k and joined:
            out.append("_")
        out.append(tok)
    return " ".join(out)


def verbs_text(vd: _p.VerbDictionary, source: str, commented: collections.Counter) -> str:
    out = _Out(source, commented)
    defined = set()
    for name, members in vd.synsets.items():
        written = _phrases(out, members, "synset member")
        if not _SYNSET_NAME.fullmatch(name) or not written:
            out.comment("synset", f"&{name} {' | '.join(written)}")
            continue
        defined.add(name)
        out.lines.append(f"synset &{name}  {' | '.join(written)}")
    for b in vd.blocks:
        name = re.sub(r"[^\w'-]+", "_", b.name).strip("_") or "block"
        out.lines.append("")
        out.lines.append(f"block {_block_code(b.code, b.passive_code)} {name.lower()}")
        for v in b.verbs:
            forms = []
            for f in v.forms or (v.words,):
                low = [w.lower() for w in f if w]
                if not low or any(_RESERVED.search(w) for w in low):
                    out.comment("verb form with a reserved character", " ".join(f))
                    continue
                if never_matches(low):
                    out.commented["verb form with a word the tokenizer splits (never matches)"] += 1
                    continue
                h = min(v.head_index, len(low) - 1)
                if h:
                    low[h] = "+ " + low[h]
                forms.append(" ".join(low))
            if not forms or forms[0].replace("+ ", "") != " ".join(w.lower() for w in v.words if w):
                out.comment("verb", " ".join(v.words))
                continue
            # the line's own code, verbatim ([---]: no event, whatever the block says)
            own = "" if v.code is None else f"[{v.code}{':' + v.passive_code if v.passive_code else ''}]"
            out.lines.append(f"  forms {own + ' ' if own else ''}{' | '.join(forms)}")
        for p in b.patterns:
            pre, post = flat_elements(p.pre), flat_elements(p.post)
            words = [t for t, _ in pre + post if not t.startswith("&") and t not in ("$", "+", "%", "^")]
            bad = [t for t in words if _RESERVED.search(t) or "_" in t or "*" in t]
            missing = [t for t, _ in pre + post if t.startswith("&") and t[1:] not in defined]
            if bad or missing:
                out.comment("pattern with a reserved character" if bad else "pattern with an undefined synset",
                            p.text)
                continue
            if words and never_matches(words):
                out.commented["pattern with a word the tokenizer splits (never matches)"] += 1
                out.lines.append(f"  # never matches (the tokenizer splits a word): {p.text}")
                continue
            out.lines.append(f"  pattern {_block_code(p.code, p.passive_code)}  "
                             f"{pattern_text(pre, bool(p.verb.joined), post)}")
    if vd.transformations:
        out.lines.append("")
        out.lines.append("# verb transformations are not compiled (from_petrarch does not apply them either)")
        for t in vd.transformations:
            out.comment("transformation", t.text)
    return out.text()


def _name(path: str | os.PathLike, taken: set) -> str:
    stem = Path(path).name
    stem = stem[:-4] if stem.lower().endswith(".txt") else stem
    name, k = stem + ".dict", 1
    while name in taken:
        k += 1
        name = f"{stem}-{k}.dict"
    taken.add(name)
    return name


def convert(outdir: str | os.PathLike, actors: Sequence[str | os.PathLike] | str | os.PathLike = (),
            agents=None, verbs=None, discards=None, issues=None) -> ConvertReport:
    """Write PETRARCH/TABARI dictionary files as ``.dict`` files into ``outdir`` (one per input
    file, named after it, in the order actors, agents, verbs, discards, issues). Malformed input
    lines are skipped and reported in the returned :class:`ConvertReport`, as the readers do."""
    if isinstance(actors, (str, os.PathLike)):
        actors = [actors]
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    commented: collections.Counter = collections.Counter()
    seen: dict = {}  # actor and agent phrases written, across files: later duplicates are never used
    counts: dict[str, int] = {}
    problems: list = []
    written: list[str] = []
    taken: set = set()

    def write(src, text: str) -> None:
        path = folder / _name(src, taken)
        path.write_text(text, encoding="utf-8")
        written.append(str(path))

    for a in actors:
        entries, pr = _p.read_actors(str(a))
        problems.extend(pr)
        counts["actor entries"] = counts.get("actor entries", 0) + len(entries)
        write(a, actors_text(entries, str(a), commented, seen))
    if agents:
        entries, pr = _p.read_agents(str(agents))
        problems.extend(pr)
        counts["agents"] = len(entries)
        write(agents, agents_text(entries, str(agents), commented, seen))
    if verbs:
        vd, pr = _p.read_verbs(str(verbs))
        problems.extend(pr)
        counts["synsets"] = len(vd.synsets)
        counts["verb blocks"] = len(vd.blocks)
        counts["verbs"] = sum(len(b.verbs) for b in vd.blocks)
        counts["patterns"] = sum(len(b.patterns) for b in vd.blocks)
        write(verbs, verbs_text(vd, str(verbs), commented))
    if discards:
        entries, pr = _p.read_discards(str(discards))
        problems.extend(pr)
        counts["discards"] = len(entries)
        write(discards, discards_text(entries, str(discards), commented))
    if issues:
        entries, pr = _p.read_issues(str(issues))
        problems.extend(pr)
        counts["issues"] = len(entries)
        write(issues, issues_text(entries, str(issues), commented))
    return ConvertReport(tuple(written), counts, dict(commented), tuple(problems))
