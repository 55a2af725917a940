"""Stage 0: read dictionary files (grammars/dictionary.lark) into a typed model.

The Lark LALR parser turns each file into statements; a small builder attaches attribute lines
(``demonym``, ``capital``, ``place``, ``as``, ``|`` continuations) to the entry above them and
checks what the grammar cannot (an attribute with no entry, a bad date). Every problem of every
file is collected and raised together as one :class:`~eventcoder.errors.DictionaryError`.

Phrases are expanded here: ``(optional)`` words and ``{a | b}`` choices become every concrete
word sequence they stand for, so the compiler only ever sees flat tuples of words and slot
markers.
"""
from __future__ import annotations

import datetime as _dt
import functools
import itertools
from typing import Iterable, Sequence

import attrs
import lark

from . import resources
from .errors import DictionaryError, Problem

TARGET = "+"
SOURCE = "$"
MAX_EXPANSIONS = 256  # per phrase: a guard against a combinatorial explosion of optional groups

Phrase = tuple[str, ...]  # concrete words, "+" / "$" slots, "&NAME" synset references


@attrs.frozen
class Where:
    """A place in a dictionary file."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@attrs.frozen
class Role:
    """A code held over a date range (both ends inclusive; None is open)."""

    code: str
    start: _dt.date | None = None
    end: _dt.date | None = None
    office: str | None = None  # "prime minister": lets `dict check` find overlaps and gaps per office

    def holds_on(self, day: _dt.date | None) -> bool:
        if day is None:
            return self.end is None  # without a date, only the current office counts
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class Entry:
    """One dictionary entry: a keyword, its code, its phrases and attributes, and where it was written."""

    kind: str  # country actor person agent verb noun synset discard guard irregular acled vacant
    code: str | None
    phrases: tuple[Phrase, ...]
    where: Where
    demonyms: tuple[Phrase, ...] = ()
    capitals: tuple[Phrase, ...] = ()
    places: tuple[Phrase, ...] = ()
    roles: tuple[Role, ...] = ()
    words: tuple[str, ...] = ()  # irregular: lemma, past, participle

    @property
    def rule(self) -> str:
        """A short, stable name for the entry, used as provenance in events."""
        head = " ".join(self.phrases[0]) if self.phrases else " ".join(self.words)
        return f"{self.kind} {self.code + ' ' if self.code else ''}{head} @{self.where}"


@attrs.frozen
class Dictionary:
    """Everything read from a set of dictionary files, in file order."""

    entries: tuple[Entry, ...]
    files: tuple[str, ...]
    reading: str | None = None  # "tabari": PETRARCH/TABARI dictionaries (compiled by petrarch_lexicon)

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


# ---------------------------------------------------------------- parsing


class _ToStatements(lark.Transformer):
    """Rule callbacks run while parsing (no tree is built): statements come out as
    (keyword, children, (line, column)) with the position of the statement's first token."""

    def phrase(self, items):
        return ("seq", [w for i in items for w in _item(i)])

    def optional(self, items):
        return ("opt", [w for i in items for w in _item(i)])

    def choice(self, items):
        return ("alt", [i for i in items if not _is_bar(i)])

    def phrases(self, items):
        return [i for i in items if not _is_bar(i)]

    def start(self, statements):
        return list(statements)


def _is_bar(x) -> bool:
    return isinstance(x, lark.Token) and x.type == "BAR"


def _item(x) -> list:
    if isinstance(x, lark.Token):
        if x.type == "TARGET":
            return [TARGET]
        if x.type == "SOURCE":
            return [SOURCE]
        if x.type == "SYNREF":
            return [x.value.upper()]
        return x.value.split()  # case is kept: an all-capitals word ("US") matches only capitals
    return [x]


def _statement_callback(kind):
    def callback(self, children):
        first = children[0]
        return (kind, children[1:], (first.line, first.column))
    return callback


for _k in ("country", "demonym", "capital", "place", "actor", "person", "role", "agent", "verb", "noun",
           "synset", "discard", "guard", "irregular", "acled", "vacant", "continuation",
           "reading", "prefix", "block", "forms", "pattern"):
    setattr(_ToStatements, _k, _statement_callback(_k))


@functools.lru_cache(maxsize=None)
def _parser() -> lark.Lark:
    return lark.Lark(resources.grammar_text("dictionary.lark"), parser="lalr", lexer="contextual",
                     transformer=_ToStatements(), maybe_placeholders=False)


def expand(node) -> list[Phrase]:
    """Every concrete word sequence an (unexpanded) phrase node stands for."""
    kind, items = node
    if kind == "alt":
        return [p for alt in items for p in expand(alt)]
    parts: list[list[Phrase]] = []
    for item in items:
        if isinstance(item, str):
            parts.append([(item,)])
        else:
            sub = expand(item) if item[0] == "alt" else expand(("seq", item[1]))
            if item[0] == "opt":
                sub = [()] + sub
            parts.append(sub)
    out = []
    for combo in itertools.islice(itertools.product(*parts), MAX_EXPANSIONS):
        out.append(tuple(w for part in combo for w in part))
    return out


def _parse_date(text: str, where: Where, problems: list[Problem]) -> _dt.date | None:
    if not text:
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        problems.append(Problem(where.file, where.line, where.column, f"not a real date: {text!r}"))
        return None


_ATTRIBUTE_OF = {"demonym": {"country"}, "capital": {"country"}, "place": {"country"},
                 "role": {"person", "actor"}}


def parse_text(text: str, filename: str = "<string>") -> list[Entry]:
    """Parse one dictionary file. Raises DictionaryError listing every problem in it."""
    problems: list[Problem] = []
    try:
        statements = _parser().parse(text)
    except lark.exceptions.LarkError:
        statements = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                for kind, children, (_line, column) in _parser().parse(line):
                    statements.append((kind, children, (lineno, column)))
            except lark.exceptions.UnexpectedInput as exc:
                column = exc.column
                if isinstance(exc, lark.exceptions.UnexpectedToken) and exc.token.type == "$END":
                    column = len(line.rstrip()) + 1  # the end of the line, not the last token
                problems.append(Problem(filename, lineno, column, _describe(exc, line)))
    return _build(statements, filename, problems)


_TERMINAL_NAMES = {
    "CODE": "an actor code such as IRQ or IRQGOV", "CAMEO": "a CAMEO event code such as 193",
    "DATERANGE": "a date range such as 2022-10-27.. or 2010-01-01..2014-09-08",
    "GUARD": "a guard kind (negation, undone, modal, threat, future, question, report, light, locative)",
    "SYNREF": "a synset name such as &WEAPON", "WORD": "a word", "WORDS": "a word", "_NL": "the end of the line",
    "VBAR": "'|'", "BAR": "'|'", "LPAR": "'('", "RPAR": "')'", "LBRACE": "'{'", "RBRACE": "'}'",
    "TARGET": "'+'", "SOURCE": "'$'",
}


def _describe(exc: lark.exceptions.UnexpectedInput, line: str) -> str:
    if isinstance(exc, lark.exceptions.UnexpectedToken):
        expected = sorted(exc.expected - {"$END"})
        kw = [e for e in expected if e.isupper() and e not in _TERMINAL_NAMES]
        names = [_TERMINAL_NAMES.get(e, e.lower()) for e in expected if e not in kw]
        if kw and len(kw) > 4:
            return ("expected a keyword (country, demonym, capital, place, actor, person, as, agent, verb, "
                    f"noun, synset, discard, guard, irregular, acled, vacant) or '|' at the start of a line, "
                    f"not {exc.token.value.split()[0]!r}")
        else:
            names += [f"'{k.lower()}'" for k in kw]
        got = exc.token.value.split()[0] if exc.token.type != "$END" and exc.token.value.strip() else "the end of the line"
        return f"unexpected {got!r}; expected {' or '.join(names) or 'something else'}"
    if isinstance(exc, lark.exceptions.UnexpectedCharacters):
        return f"unexpected character {line[exc.column - 1:exc.column]!r}"
    return str(exc).splitlines()[0]


def _build(statements, filename: str, problems: list[Problem]) -> list[Entry]:
    entries: list[dict] = []
    last_list: list | None = None
    for kind, children, (line, column) in statements:
        where = Where(filename, line, column)
        if kind in _ATTRIBUTE_OF:
            owner = entries[-1] if entries else None
            if owner is None or owner["kind"] not in _ATTRIBUTE_OF[kind]:
                wanted = " or ".join("an " + k if k[0] in "aeiou" else "a " + k for k in sorted(_ATTRIBUTE_OF[kind]))
                problems.append(Problem(filename, where.line, where.column,
                                        f"'{'as' if kind == 'role' else kind}' must follow {wanted} entry"))
                last_list = None
                continue
            if kind == "role":
                code = _code_text(children[0])
                start = end = None
                office = None
                rest = list(children[1:])
                if rest and rest[-1].type == "WORDS":
                    office = " ".join(rest.pop().value.lower().split())
                if rest:
                    lo, _, hi = str(rest[0]).partition("..")
                    start = _parse_date(lo, where, problems)
                    end = _parse_date(hi, where, problems)
                    if start and end and end < start:
                        problems.append(Problem(filename, where.line, where.column,
                                                f"date range ends before it starts: {rest[0]}"))
                owner["roles"].append(Role(code, start, end, office))
                last_list = None
            else:
                target = owner[kind + "s"]
                target.extend(_flatten(children[-1]))
                last_list = target
            continue
        if kind == "continuation":
            if last_list is None:
                problems.append(Problem(filename, where.line, where.column,
                                        "a '|' continuation line must follow a line with a phrase list"))
                continue
            last_list.extend(_flatten(children[-1]))
            continue
        e = {"kind": kind, "code": None, "phrases": [], "where": where, "demonyms": [], "capitals": [],
             "places": [], "roles": [], "words": ()}
        if kind == "vacant":
            # an office nobody held over a period (or abolished, with an open end); read by the lint only
            e["code"] = str(children[0])
            lo, _, hi = str(children[1]).partition("..")
            start, end = _parse_date(lo, where, problems), _parse_date(hi, where, problems)
            if not lo:
                problems.append(Problem(filename, where.line, where.column,
                                        "a vacancy needs a start date: vacant CODE 2003-04-10..[END] office"))
            elif start and end and end < start:
                problems.append(Problem(filename, where.line, where.column,
                                        f"date range ends before it starts: {children[1]}"))
            e["roles"] = [Role(e["code"], start, end, " ".join(children[2].value.lower().split()))]
            last_list = None
        elif kind == "irregular":
            e["words"] = tuple(str(children[0]).lower().split())  # irregular forms are case-free
            if len(e["words"]) != 3:
                problems.append(Problem(filename, where.line, where.column,
                                        "'irregular' takes three words: lemma, past, past participle"))
                continue
            last_list = None
        elif kind in TABARI_KINDS:
            # the TABARI reading (docs/petrarch.md): codes in brackets are verbatim PETRARCH codes
            first = children[0] if children else None
            if kind == "reading":
                e["code"] = " ".join(str(first).split()).lower()
                if e["code"] != "tabari":
                    problems.append(Problem(filename, where.line, where.column,
                                            f"unknown reading {e['code']!r}; the one reading is 'tabari'"))
            elif kind == "block":
                e["code"] = _code_text(first)
                e["words"] = tuple(str(children[1]).split()) if len(children) > 1 else ()
            else:
                if isinstance(first, lark.Token) and first.type in ("BCODE", "CODE"):
                    e["code"] = _code_text(first)
                e["phrases"] = _flatten(children[-1])
            last_list = e["phrases"] if kind in ("prefix", "forms", "pattern") else None
        else:
            if kind in ("country", "actor", "agent", "verb", "noun", "synset", "guard", "acled"):
                e["code"] = _code_text(children[0]) if kind not in ("guard", "acled") else str(children[0])
            e["phrases"] = _flatten(children[-1])
            last_list = e["phrases"]
        entries.append(e)
    _check_reading(entries, filename, problems)
    if problems:
        raise DictionaryError(sorted(problems, key=lambda p: (p.line, p.column)))
    return [Entry(kind=e["kind"], code=e["code"], phrases=tuple(e["phrases"]), where=e["where"],
                  demonyms=tuple(e["demonyms"]), capitals=tuple(e["capitals"]), places=tuple(e["places"]),
                  roles=tuple(e["roles"]), words=e["words"]) for e in entries]


TABARI_KINDS = ("reading", "prefix", "block", "forms", "pattern")


def _code_text(token) -> str:
    """A code as written: ``IRQGOV`` upper-cased, ``[VEL/QRN]`` verbatim without its brackets."""
    text = str(token)
    if getattr(token, "type", None) == "BCODE":
        return text[1:-1]
    return text.upper()


def _check_reading(entries: list[dict], filename: str, problems: list[Problem]) -> None:
    """Statements of the TABARI reading need a ``reading tabari`` line first; forms and
    patterns belong to a block."""
    reading = None
    block = False
    for k, e in enumerate(entries):
        kind, where = e["kind"], e["where"]
        if kind == "reading":
            if k > 0:
                problems.append(Problem(filename, where.line, where.column,
                                        "'reading' must be the first statement of a file, and only once"))
            reading = e["code"]
        elif kind in TABARI_KINDS and reading != "tabari":
            problems.append(Problem(filename, where.line, where.column,
                                    f"'{kind}' is a statement of the TABARI reading: "
                                    "start the file with 'reading tabari'"))
        if kind == "block":
            block = True
        elif kind in ("forms", "pattern") and not block:
            problems.append(Problem(filename, where.line, where.column,
                                    f"'{kind}' must follow a 'block' line"))


def _flatten(phrase_nodes) -> list[Phrase]:
    out: list[Phrase] = []
    for node in phrase_nodes:
        for p in expand(node):
            if p and p not in out:
                out.append(p)
    return out


def load(sources: Sequence[tuple[str, str]]) -> Dictionary:
    """Parse several (name, text) files; all problems of all files are raised together."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    readings: dict[str | None, str] = {}  # reading -> the first file read that way
    for name, text in sources:
        try:
            parsed = parse_text(text, name)
        except DictionaryError as exc:
            problems.extend(exc.problems)
            continue
        entries.extend(parsed)
        reading = parsed[0].code if parsed and parsed[0].kind == "reading" else None
        readings.setdefault(reading, name)
    if len(readings) > 1:  # the reading is a property of the whole lexicon
        problems.append(Problem(readings["tabari"], 1, 1, "a file with 'reading tabari' is compiled only with other "
                                f"such files, not with {readings[None]} (use Coder(..., builtin=False))"))
    if problems:
        raise DictionaryError(problems)
    return Dictionary(tuple(entries), tuple(name for name, _ in sources), next(iter(readings), None))


def format_phrase(phrase: Iterable[str]) -> str:
    """The dictionary-language spelling of a concrete phrase (inverse of parsing, for round trips)."""
    return " ".join(phrase)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m eventcoder.dictlang FILE...``: parse files and report problems (for writers)."""
    import sys
    paths = list(argv if argv is not None else sys.argv[1:])
    sources = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            sources.append((p, f.read()))
    try:
        d = load(sources)
    except DictionaryError as exc:
        print(exc, file=sys.stderr)
        return 1
    counts: dict[str, int] = {}
    for e in d.entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def format_entry(entry: Entry) -> str:
    """An entry written back in the dictionary language (phrases already expanded)."""
    def plist(phrases):
        return " | ".join(format_phrase(p) for p in phrases)
    if entry.kind == "irregular":
        return "irregular " + " ".join(entry.words)
    if entry.kind == "vacant":
        (r,) = entry.roles
        return f"vacant {entry.code} {r.start.isoformat() if r.start else ''}..{r.end.isoformat() if r.end else ''} {r.office}"
    head = entry.kind + (" " + entry.code if entry.code else "")
    lines = [f"{head}  {plist(entry.phrases)}"]
    for kind, phrases in (("demonym", entry.demonyms), ("capital", entry.capitals), ("place", entry.places)):
        if phrases:
            lines.append(f"  {kind}  {plist(phrases)}")
    for r in entry.roles:
        dates = "" if r.start is None and r.end is None else \
            f" {r.start.isoformat() if r.start else ''}..{r.end.isoformat() if r.end else ''}"
        lines.append(f"  as {r.code}{dates}{' ' + r.office if r.office else ''}")
    return "\n".join(lines)
