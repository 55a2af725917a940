"""Read PETRARCH and TABARI dictionary files into a typed model (issue 5, part 1).

PETRARCH2 (and before it PETRARCH-1 and TABARI) keeps its knowledge in flat text files: actor
dictionaries with dated codes, an agent dictionary, a verb dictionary in one of two pattern
syntaxes, a discard list and an issue list. This module reads each of them into frozen attrs
records that the lexicon builder turns into eventcoder's own matching structures. It decides
nothing about matching: it only says, faithfully and with file:line:column, what the files say.

Where PETRARCH2's readers and the documented TABARI/PETRARCH formats disagree, the documented
meaning is followed; ``docs/petrarch.md`` lists each such decision and the reason for it.

Every reader returns ``(result, problems)``: a malformed line becomes a :class:`PetrarchProblem`
(file, line, column and what was expected) and reading carries on with the next line.
"""
from __future__ import annotations

import configparser
import datetime as _dt
import itertools
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence, Union

import attrs

from .dictlang import Where
from .errors import InputError, Problem

__all__ = [
    "Where", "DatedCode", "ActorEntry", "AgentEntry", "Element", "Pattern", "Verb", "VerbBlock",
    "Transformation", "VerbDictionary", "Discard", "Issue", "PetrarchProblem", "PetrarchOptions",
    "UnitRecord", "read_actors", "read_agents", "read_verbs", "read_discards", "read_issues",
    "parse_options", "read_config", "read_unittest", "resolve_code", "plural", "verb_forms",
]

PathLike = Union[str, "os.PathLike[str]"]
Words = tuple[str, ...]

NO_CODE = "---"  # PETRARCH's null code: a phrase or verb that yields no code / no event


# ---------------------------------------------------------------------------------------------
# records


@attrs.frozen
class PetrarchProblem:
    """A malformed or doubtful line: where it is and what was expected there."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def to_problem(self) -> Problem:
        """The same problem as eventcoder's own :class:`~eventcoder.errors.Problem`."""
        return Problem(self.where.file, self.where.line, self.where.column, self.message)


@attrs.frozen
class DatedCode:
    """An actor code and the days it holds on; both ends inclusive, None is open.

    ``[X <d]`` holds up to the day before d, ``[X >d]`` from d on, ``[X a-b]`` from a to b
    *including* b (the documented TABARI/PETRARCH meaning; PETRARCH2's code excludes b).
    """

    code: str
    start: _dt.date | None = None
    end: _dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, day: _dt.date | None) -> bool:
        """Whether the restriction holds on ``day``; an undated code always holds."""
        if not self.dated:
            return True
        if day is None:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def parts(self) -> tuple[str, ...]:
        """The codes of a TABARI compound actor ``[A/B]`` (``("A", "B")``); a plain code is one part."""
        return tuple(p for p in self.code.split("/") if p) or (self.code,)


def resolve_code(codes: Sequence[DatedCode], day: _dt.date | None) -> DatedCode | None:
    """The code in force on ``day``: the first dated code whose restriction holds, in file order,
    else the first undated code (the entry's default), else None.

    This is the documented TABARI/PETRARCH rule ("if the code is present, it becomes the default
    code if none of the date restrictions are satisfied"); PETRARCH2 instead returns the first
    code that holds, so an undated inline code pre-empts every date line after it.
    """
    default = None
    for c in codes:
        if c.dated:
            if c.holds_on(day):
                return c
        elif default is None:
            default = c
    return default


@attrs.frozen
class ActorEntry:
    """One actor entry: a primary phrase, its ``+`` synonyms, and the entry's codes in file order
    (inline codes of the primary line first, then the ``[..]`` code lines).

    ``exact[i]`` is True when phrase i was written with a trailing ``_`` (TABARI: a whole word, not
    a stem). Repeated phrases are *not* merged here: PETRARCH concatenates their code lists in load
    order, which the lexicon does.
    """

    phrases: tuple[Words, ...]
    codes: tuple[DatedCode, ...]
    where: Where
    exact: tuple[bool, ...] = ()

    def code_on(self, day: _dt.date | None) -> DatedCode | None:
        return resolve_code(self.codes, day)


@attrs.frozen
class AgentEntry:
    """One agent line, with its plural and ``!SET!`` expansions spelled out in ``phrases``.

    ``code`` has no ``~``: ``[~GOV]`` is ``code="GOV", prefix=False`` (appended after the actor
    code), ``[NGO~]`` is ``code="NGO", prefix=True`` (put in front of it).
    """

    phrases: tuple[Words, ...]
    code: str
    prefix: bool
    where: Where


@attrs.frozen
class Element:
    """One element of a verb pattern.

    kind: ``word`` (words=(WORD,)), ``np`` (``{MOD .. HEAD}``, words = the words, head last),
    ``pp`` (``(PREP ..)``, words[0] the preposition), ``synset`` (words=(NAME,), name without
    ``&``), ``source`` ($), ``target`` (+), ``compound`` (%), ``skip`` (^) and ``verb`` (*).
    ``joined``: connected to the element before it (or, for the first element after the verb,
    to the verb) by ``_``: TABARI's "must be adjacent". ``exact``: written with a trailing ``_``
    (TABARI: whole word, not a stem). ``children``: the structure inside an np or pp; in
    ``words`` a synset inside a group appears as ``&NAME`` and a marker as its symbol.
    """

    kind: str
    words: Words
    joined: bool = False
    exact: bool = False
    children: tuple[Element, ...] = ()


@attrs.frozen
class Pattern:
    """A ``- PRE * POST [CODE]`` line. ``code`` None is ``[---]``; ``[A:B]`` gives code A and
    passive_code B; ``[:B]`` is passive only. ``verb`` is the ``*`` element (``verb.joined``: the
    last pre-verb element is attached to the verb by ``_``)."""

    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str | None
    passive_code: str | None
    where: Where
    text: str
    verb: Element = Element("verb", ())


@attrs.frozen
class Verb:
    """A verb line of a block.

    ``words``: the base verb, several words for a multi-word verb (``+CALL_OFF``: CALL OFF);
    ``head_index``: the word that inflects (the one marked ``+``, else the first); ``forms``: every
    surface form, the base first. ``code``/``passive_code``: the line's own ``[CODE]``; ``code``
    None means "the block's code"; an explicit ``[---]`` on the line is kept as ``"---"`` (no
    event, whatever the block says).
    """

    words: Words
    forms: tuple[Words, ...]
    head_index: int
    code: str | None
    passive_code: str | None
    where: Where


@attrs.frozen
class VerbBlock:
    """``--- NAME [CODE] ---`` and the verbs and patterns under it (code None: no event)."""

    name: str
    code: str | None
    passive_code: str | None
    verbs: tuple[Verb, ...]
    patterns: tuple[Pattern, ...]
    where: Where


@attrs.frozen
class Transformation:
    """``~ a (b c VERB1) VERB2 = a b CODE``: ``lhs`` is the nested tuple
    ``("a", ("b", "c", "VERB1"), "VERB2")``; the result is ``source``/``target``/``code`` (a code,
    or ``Q`` for the inner verb's code). Variables: ``.`` any actor, ``_`` no actor."""

    text: str
    source: str
    lhs: tuple
    code: str
    where: Where
    target: str = ""


@attrs.frozen
class VerbDictionary:
    """A whole verb file. ``synsets`` maps a name (no ``&``, no trailing ``_``) to its member
    phrases, nested synsets and plurals expanded; ``syntax`` is ``"petrarch2"`` or ``"tabari"``."""

    synsets: dict[str, tuple[Words, ...]]
    blocks: tuple[VerbBlock, ...]
    transformations: tuple[Transformation, ...]
    syntax: str


@attrs.frozen
class Discard:
    """A discard phrase: ``story`` True for ``+PHRASE`` (drop the whole story), else the sentence.
    ``boundary``: written with a trailing ``_`` (documented: the match must end at a word end;
    otherwise the last word is a stem)."""

    words: Words
    story: bool
    where: Where
    boundary: bool = False


@attrs.frozen
class Issue:
    """One expanded issue phrase. ``ignore`` is ``"sentence"`` (``~``) or ``"story"`` (``~~``) for
    an ignore phrase, whose ``code`` is ``""``; ``category`` is the enclosing ``<ISSUE CATEGORY>``."""

    words: Words
    code: str
    ignore: str | None
    where: Where
    category: str | None = None


@attrs.frozen
class PetrarchOptions:
    """PETRARCH's coding options (``PETR_config.ini`` [Options] and ``<Config>`` elements).

    require_dyad: an event needs both a source and a target; new_actor_length: longest noun
    phrase (in words) taken as a new, uncoded actor when no dictionary actor is found (0: off);
    comma_*: comma-delimited clauses of min..max words are dropped before coding, internal
    (comma_min/max), initial (comma_bmin/bmax) and terminal (comma_emin/emax); a max of 0 turns
    that kind off. ``other`` keeps every other key (stop_on_error, write_event_text, ...); it takes
    no part in equality, so option sets that code alike compare equal.
    """

    require_dyad: bool = True
    new_actor_length: int = 0
    comma_min: int = 2
    comma_max: int = 8
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 8
    other: Mapping[str, str] = attrs.field(factory=dict, eq=False, hash=False)


@attrs.frozen
class UnitRecord:
    """One ``<Sentence>`` of a PETRARCH unit-test file.

    ``expected``: the (source, target, event) triples, ``---`` for a missing code;
    ``config``: the ``<Config>`` options in force at this record (cumulative, file order);
    ``environment``: the dictionary file names of ``<Environment>`` (keys verbs, actors (a tuple),
    agents, discards, issues). ``id`` is made unique (``X-dup1``); ``source_id`` is as written.
    """

    id: str
    category: str
    date: _dt.date | None
    text: str
    expected: tuple[tuple[str, str, str], ...]
    expect_no_events: bool
    expected_error: str | None
    active: bool
    config: dict[str, str]
    environment: dict
    source_id: str = ""
    comments: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# lexical layer


class _Problems(list):
    def add(self, file: str, line: int, column: int, message: str) -> None:
        self.append(PetrarchProblem(Where(file, line, max(column, 1)), message))

    def in_order(self) -> list[PetrarchProblem]:
        """Files in the order read, and within a file by line and column."""
        files = {f: i for i, f in enumerate(dict.fromkeys(p.where.file for p in self))}
        return sorted(self, key=lambda p: (files[p.where.file], p.where.line, p.where.column))


def _read_text(path: PathLike) -> str:
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="replace")


def _clean_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, text without comments, raw line) for every line that has content left.

    Comment rules (FORMATS.md §0, with the documented meaning where PETRARCH2 slips): a line
    starting with ``#`` or ``<!`` is skipped; ``#`` or ``;`` anywhere starts a comment to the end
    of the line; ``<!-- .. -->`` is removed within a line and may span lines (the rest of the
    line that closes a multi-line comment is dropped, as PETRARCH does). Comments are scanned left
    to right, so a ``#`` inside ``<!-- -->`` does not open a second comment.
    """
    in_comment = False
    for lineno, raw in enumerate(text.split("\n"), 1):
        if raw.endswith("\r"):
            raw = raw[:-1]
        if in_comment:
            if "-->" in raw:
                in_comment = False
            continue
        if not raw or raw[0] == "#":
            continue
        if raw.startswith("<!") and not raw.startswith("<!--"):
            continue
        line = raw
        if "#" in raw or ";" in raw or "<!--" in raw:
            out, pos = [], 0
            while True:
                cuts = [i for i in (raw.find("#", pos), raw.find(";", pos), raw.find("<!--", pos)) if i >= 0]
                if not cuts:
                    out.append(raw[pos:])
                    break
                i = min(cuts)
                out.append(raw[pos:i])
                if raw.startswith("<!--", i):
                    j = raw.find("-->", i + 4)
                    if j < 0:
                        in_comment = True
                        break
                    pos = j + 3
                    continue
                break
            line = "".join(out)
        if line.strip():
            yield lineno, line, raw


def _column(raw: str, piece: str, default: int = 1) -> int:
    i = raw.find(piece) if piece else -1
    return i + 1 if i >= 0 else default


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip()) + 1


def _words(phrase: str) -> Words:
    """Upper-case words of a phrase: ``_`` and whitespace both separate words."""
    return tuple(phrase.replace("_", " ").upper().split())


_VOWELS = set("AEIOU")


def plural(word: str) -> str | None:
    """The regular English plural of an upper-case noun, or None when the word already looks
    plural: consonant+Y -> IES, IS -> ES, SS/US/X/Z/CH/SH -> +ES, another final S -> None, else +S.

    This is the documented rule (Y -> IES, SS -> +ES, else +S) without PETRARCH2's slips such as
    ATTORNEY -> ATTORNEIES or CROSS -> CROSES, and without making DOLLARSES of DOLLARS."""
    if len(word) > 1 and word.endswith("Y") and word[-2] not in _VOWELS:
        return word[:-1] + "IES"
    if word.endswith("IS") and len(word) > 3:
        return word[:-2] + "ES"
    if word.endswith(("SS", "US", "X", "Z", "CH", "SH")):
        return word + "ES"
    if word.endswith("S") or not word[-1:].isalpha():
        return None
    return word + "S"


def _plural_phrase(words: Words) -> Words | None:
    """The phrase with its last word made plural (None: no plural)."""
    p = plural(words[-1]) if words else None
    return words[:-1] + (p,) if p else None


def verb_forms(verb: str) -> tuple[str, ...]:
    """The regular forms of an upper-case verb: itself, third person (+S/ES/IES), past (+ED/D/IED)
    and present participle (+ING, dropping a silent E; IE -> YING). No consonant doubling: such
    forms, like irregular ones, are listed in ``{..}`` in the dictionaries."""
    v = verb
    cons_y = len(v) > 1 and v.endswith("Y") and v[-2] not in _VOWELS
    if cons_y:
        third = v[:-1] + "IES"
    elif v.endswith(("S", "X", "Z", "CH", "SH", "O")) and not v.endswith("OO"):
        third = v + "ES"
    else:
        third = v + "S"
    if v.endswith("E"):
        past = v + "D"
    elif cons_y:
        past = v[:-1] + "IED"
    else:
        past = v + "ED"
    if v.endswith("IE"):
        ing = v[:-2] + "YING"
    elif v.endswith("E") and len(v) > 2 and v[-2] not in _VOWELS and v not in ("BE",):
        ing = v[:-1] + "ING"
    else:
        ing = v + "ING"
    out: list[str] = []
    for f in (v, third, past, ing):
        if f not in out:
            out.append(f)
    return tuple(out)


_DATE_RE = re.compile(r"\d{6}(?:\d{2})?$")


def _parse_date(s: str) -> _dt.date:
    """YYMMDD (YY <= 30 -> 20YY, else 19YY) or YYYYMMDD."""
    if not _DATE_RE.match(s):
        raise ValueError(f"expected a date YYMMDD or YYYYMMDD, found {s!r}")
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(s[2:4]), int(s[4:6])
    else:
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:8])
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{s!r} is not a real date") from None


_ONE_DAY = _dt.timedelta(days=1)
_BRACKET_RE = re.compile(r"\[([^\]\[]*)(\]|\}|$)")


def _parse_dated_code(content: str) -> tuple[DatedCode | None, str | None]:
    """``CODE``, ``CODE <d``, ``CODE >d``, ``CODE a-b`` (spaces in the date part ignored).

    Returns the code and, when something was doubtful or wrong, a message (the code is None when
    it could not be read at all)."""
    parts = content.split(None, 1)
    if not parts:
        return None, "expected a code inside [ ]"
    code = parts[0]
    if len(parts) == 1:
        return DatedCode(code), None
    restr = "".join(parts[1].split())
    try:
        if restr[0] == "<":
            return DatedCode(code, None, _parse_date(restr[1:]) - _ONE_DAY), None
        if restr[0] == ">":
            return DatedCode(code, _parse_date(restr[1:]), None), None
        if "-" in restr:
            a, _, b = restr.partition("-")
            start, end = _parse_date(a), _parse_date(b)
            if end < start:
                return None, f"date range {restr} ends before it starts"
            return DatedCode(code, start, end), None
        # a bare date: PETRARCH2 misreads it; the only uses mean "from this date on"
        return DatedCode(code, _parse_date(restr), None), \
            f"a date with no '<', '>' or '-' ({restr}) is read as '>{restr}'"
    except ValueError as e:
        return None, f"bad date restriction in [{content.strip()}]: {e}"


def _code_groups(rest: str, raw: str, file: str, lineno: int, problems: _Problems) -> list[DatedCode]:
    """Every ``[..]`` group of ``rest``; anything else on the line is reported."""
    out: list[DatedCode] = []
    pos = 0
    for m in _BRACKET_RE.finditer(rest):
        between = rest[pos:m.start()].strip()
        if between:
            problems.add(file, lineno, _column(raw, between), f"unexpected text {between!r}; expected [CODE]")
        pos = m.end()
        if m.group(2) != "]":
            problems.add(file, lineno, _column(raw, m.group(0)), f"unclosed [ in {m.group(0).strip()!r}")
        dc, msg = _parse_dated_code(m.group(1))
        if msg:
            problems.add(file, lineno, _column(raw, "[" + m.group(1)), msg)
        if dc is not None:
            out.append(dc)
    tail = rest[pos:].strip()
    if tail:
        problems.add(file, lineno, _column(raw, tail), f"unexpected text {tail!r}; expected [CODE]")
    return out


def _as_paths(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


# ---------------------------------------------------------------------------------------------
# actors


def read_actors(paths: PathLike | Iterable[PathLike]) -> tuple[list[ActorEntry], list[PetrarchProblem]]:
    """Read one or more actor dictionaries (entries in file order, files in the order given)."""
    entries: list[ActorEntry] = []
    problems = _Problems()
    for path in _as_paths(paths):
        _read_actor_file(path, entries, problems)
    return entries, problems.in_order()


def _read_actor_file(path: PathLike, entries: list[ActorEntry], problems: _Problems) -> None:
    file = str(path)
    text = _read_text(path)
    cur: list | None = None  # [phrases, exact, codes, where, any "[" written]

    def finish() -> None:
        if cur is None:
            return
        phrases, exact, codes, where, bracket = cur
        if not bracket:
            problems.add(file, where.line, where.column,
                         "actor entry has no [CODE] (it will match but give no code)")
        entries.append(ActorEntry(tuple(phrases), tuple(codes), where, tuple(exact)))

    for lineno, line, raw in _clean_lines(text):
        s = line.strip()
        if s[0] == "[":
            if cur is None:
                problems.add(file, lineno, _indent(raw), "code line with no actor phrase before it")
                continue
            cur[2].extend(_code_groups(s, raw, file, lineno, problems))
            cur[4] = True
            continue
        synonym = s[0] == "+"
        body = s[1:] if synonym else s
        cut = body.find("[")
        phrase_text = (body if cut < 0 else body[:cut]).strip()
        words = _words(phrase_text)
        col = _indent(raw)
        if not words:
            problems.add(file, lineno, col, "expected an actor phrase")
            continue
        exact = phrase_text.endswith("_")
        codes = _code_groups(body[cut:], raw, file, lineno, problems) if cut >= 0 else []
        if synonym:
            if cur is None:
                problems.add(file, lineno, col, "synonym (+) line with no primary phrase before it")
                continue
            cur[0].append(words)
            cur[1].append(exact)
            cur[2].extend(codes)
            cur[4] = cur[4] or cut >= 0
        else:
            finish()
            cur = [[words], [exact], codes, Where(file, lineno, col), cut >= 0]
    finish()


# ---------------------------------------------------------------------------------------------
# agents


_SET_DEF_RE = re.compile(r"\s*(![A-Za-z0-9_]+!)\s*=(.*)$")
_MARKER_RE = re.compile(r"![A-Za-z0-9_]+!")


def read_agents(path: PathLike) -> tuple[list[AgentEntry], list[PetrarchProblem]]:
    """Read an agent dictionary: plurals generated (or ``{PLURAL}``, or none for ``{}``) and
    ``!SET!`` markers substituted (no plural is formed for those, as documented)."""
    file = str(path)
    problems = _Problems()
    lines = list(_clean_lines(_read_text(path)))
    sets: dict[str, list[str]] = {}
    for lineno, line, raw in lines:
        m = _SET_DEF_RE.match(line)
        if m:
            items = [i.strip().upper() for i in m.group(2).split(",") if i.strip()]
            if not items:
                problems.add(file, lineno, _indent(raw), f"substitution set {m.group(1)} has no items")
            sets[m.group(1).upper()] = items
    out: list[AgentEntry] = []
    for lineno, line, raw in lines:
        if _SET_DEF_RE.match(line):
            continue
        col = _indent(raw)
        s = line.strip()
        b = s.find("[")
        if b < 0:
            problems.add(file, lineno, col, "agent line has no [~CODE] (skipped)")
            continue
        head, code_part = s[:b], s[b:]
        m = _BRACKET_RE.match(code_part)
        content = m.group(1) if m else ""
        if m and m.group(2) != "]":
            problems.add(file, lineno, _column(raw, code_part),
                         f"{code_part.strip()!r}: expected ] to close the code")
        rest = code_part[m.end():].strip() if m else ""
        if rest:
            problems.add(file, lineno, _column(raw, rest), f"unexpected text {rest!r} after the code")
        code = "".join(content.split())
        prefix = code.endswith("~") and not code.startswith("~")
        bare = code.strip("~")
        if not bare or "~" in bare:
            problems.add(file, lineno, _column(raw, "["), f"expected [~CODE] or [CODE~], found [{content}]")
            continue
        if "~" not in code:
            problems.add(file, lineno, _column(raw, "["),
                         f"agent code [{content}] has no ~; read as [~{bare}] (appended to the actor code)")
        explicit: list[Words] | None = None
        o = head.find("{")
        if o >= 0:
            c = head.find("}", o)
            if c < 0:
                problems.add(file, lineno, _column(raw, "{"), "expected } to close the plural")
                c = len(head)
            inner = head[o + 1:c].strip()
            explicit = [_words(p) for p in inner.split(",") if _words(p)] if inner else []
            if head[c + 1:].strip():
                problems.add(file, lineno, _column(raw, head[c + 1:].strip()),
                             "unexpected text after the plural")
            head = head[:o]
        phrase = head.strip().upper()
        if not phrase:
            problems.add(file, lineno, col, "expected an agent phrase before the code")
            continue
        phrases: list[Words] = []
        markers = _MARKER_RE.findall(phrase)
        if markers:
            choices = []
            for mk in dict.fromkeys(markers):
                if mk not in sets:
                    problems.add(file, lineno, _column(raw, mk), f"substitution set {mk} is not defined")
                    break
                choices.append([(mk, item) for item in sets[mk]])
            else:
                for combo in itertools.product(*choices):
                    p = phrase
                    for mk, item in combo:
                        p = p.replace(mk, item)
                    w = _words(p)
                    if w and w not in phrases:
                        phrases.append(w)
            if not phrases:
                continue
        else:
            w = _words(phrase)
            phrases.append(w)
            more = explicit if explicit is not None else [_plural_phrase(w)]
            phrases.extend(p for p in more if p and p not in phrases)
        out.append(AgentEntry(tuple(phrases), bare, prefix, Where(file, lineno, col)))
    return out, problems.in_order()


# ---------------------------------------------------------------------------------------------
# discards and issues


def read_discards(path: PathLike) -> tuple[list[Discard], list[PetrarchProblem]]:
    """Read a discard list: ``PHRASE`` discards the sentence, ``+PHRASE`` the whole story."""
    file = str(path)
    problems = _Problems()
    out: list[Discard] = []
    for lineno, line, raw in _clean_lines(_read_text(path)):
        s = line.strip()
        story = s.startswith("+")
        body = s[1:].strip() if story else s
        words = _words(body)
        if not words:
            problems.add(file, lineno, _indent(raw), "expected a discard phrase")
            continue
        boundary = body.endswith("_")
        out.append(Discard(words, story, Where(file, lineno, _indent(raw)), boundary))
    return out, problems.in_order()


_ISSUE_OPEN_RE = re.compile(r"<\s*ISSUE\b([^>]*)>", re.I)
_ATTR_RE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def _issue_alternatives(token: str) -> list[Words]:
    """The word sequences one issue token stands for: ``a+b`` is "a b" and "a-b"; ``n:x`` is x and
    its plural; ``v:x`` is x, x+S, x+ED (x+D after E) and x+ING (dropping a final E)."""
    parts = token.split("+")
    per_part: list[list[str]] = []
    for part in parts:
        up = part.upper()
        if up.startswith("N:") and len(up) > 2:
            w = up[2:]
            per_part.append([w, w[:-1] + "IES" if w.endswith("Y") else w + "S"])
        elif up.startswith("V:") and len(up) > 2:
            w = up[2:]
            if w.endswith("E"):
                per_part.append([w, w + "S", w + "D", w[:-1] + "ING"])
            else:
                per_part.append([w, w + "S", w + "ED", w + "ING"])
        else:
            per_part.append([up])
    out: list[Words] = []
    for combo in itertools.product(*per_part):
        if len(combo) == 1:
            cands = [tuple(combo)]
        else:
            cands = []
            for joins in itertools.product((" ", "-"), repeat=len(combo) - 1):
                s = combo[0]
                for j, w in zip(joins, combo[1:]):
                    s += j + w
                cands.append(tuple(s.split()))
        for c in cands:
            if c and c not in out:
                out.append(c)
    return out


def read_issues(path: PathLike) -> tuple[list[Issue], list[PetrarchProblem]]:
    """Read an issue list into one :class:`Issue` per expanded phrase form."""
    file = str(path)
    problems = _Problems()
    out: list[Issue] = []
    category: str | None = None
    for lineno, line, raw in _clean_lines(_read_text(path)):
        s = line.strip()
        col = _indent(raw)
        where = Where(file, lineno, col)
        if s.startswith("<"):
            m = _ISSUE_OPEN_RE.match(s)
            if m:
                attrs_ = dict(_ATTR_RE.findall(m.group(1)))
                category = attrs_.get("CATEGORY") or attrs_.get("category")
            elif re.match(r"<\s*/\s*ISSUE\s*>", s, re.I):
                category = None
            else:
                problems.add(file, lineno, col,
                             f"unknown tag {s!r}; expected <ISSUE CATEGORY=...> or </ISSUE>")
            continue
        ignore = None
        code = ""
        if s.startswith("~~"):
            ignore, body = "story", s[2:]
        elif s.startswith("~"):
            ignore, body = "sentence", s[1:]
        else:
            b = s.find("[")
            if b < 0:
                problems.add(file, lineno, col, "issue phrase has no [CODE] (skipped)")
                continue
            e = s.find("]", b)
            if e < 0:
                problems.add(file, lineno, _column(raw, "["), "expected ] to close the issue code")
                continue
            code = s[b + 1:e].strip()
            if not code:
                problems.add(file, lineno, _column(raw, "["), "expected a code inside [ ]")
                continue
            if s[e + 1:].strip():
                problems.add(file, lineno, _column(raw, s[e + 1:].strip()),
                             f"unexpected text {s[e + 1:].strip()!r} after the code (ignored)")
            body = s[:b]
        tokens = body.split()
        if not tokens:
            problems.add(file, lineno, col, "expected an issue phrase")
            continue
        alternatives = [_issue_alternatives(t) for t in tokens]
        seen: set[Words] = set()
        for combo in itertools.product(*alternatives):
            words = tuple(w for part in combo for w in part)
            if words not in seen:
                seen.add(words)
                out.append(Issue(words, code, ignore, where, category))
    return out, problems.in_order()


# ---------------------------------------------------------------------------------------------
# verbs


_TOKEN_RE = re.compile(r"\s+|_|[{}()]|\*+|[^\s_{}()*]+")
_MARKERS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
_CODE_AT_END_RE = re.compile(r"\[([^\]\[]*)\]\s*$")


def _parse_verb_code(content: str) -> tuple[str | None, str | None, str | None]:
    """``[A]``, ``[A:B]``, ``[:B]``, ``[---]`` -> (code, passive, error)."""
    s = "".join(content.split())
    if not s:
        return None, None, "expected a code inside [ ]"
    if ":" in s:
        a, _, b = s.partition(":")
        if ":" in b:
            return None, None, f"expected [CODE] or [CODE:PASSIVE], found [{content}]"
        return (a if a and a != NO_CODE else None), (b if b and b != NO_CODE else None), None
    return (None if s == NO_CODE else s), None, None


class _El:
    """A mutable element while a pattern is being parsed."""

    __slots__ = ("kind", "words", "joined", "exact", "children")

    def __init__(self, kind: str, words: Words, joined: bool, children: tuple = ()):
        self.kind, self.words, self.joined, self.exact, self.children = kind, words, joined, False, children

    def freeze(self) -> Element:
        children = tuple(c.freeze() for c in self.children)
        return Element(self.kind, self.words, self.joined, self.exact, children)


class _PatternParser:
    """Recursive descent over the tokens of one pattern (``_TOKEN_RE``)."""

    def __init__(self, text: str, synsets: set[str], report):
        found = [(m.group(0), m.start()) for m in _TOKEN_RE.finditer(text)]
        self.toks = [t for t, _ in found]
        self.pos = [p for _, p in found]
        self.i = 0
        self.synsets = synsets
        self.report = report  # report(message, offset of the token in the pattern text)

    def parse(self, closer: str | None = None, depth: int = 0) -> list[_El]:
        toks, n = self.toks, len(self.toks)
        els: list[_El] = []
        join = False
        while self.i < n:
            t = toks[self.i]
            if t[0].isspace():
                join = False
                self.i += 1
                continue
            if t == "_":
                nxt = toks[self.i + 1] if self.i + 1 < n else None
                if nxt is None or nxt[0].isspace() or nxt in (")", "}"):
                    if els:
                        els[-1].exact = True  # TABARI "WORD_ ": a whole word; not a connector
                    join = False
                else:
                    join = True
                self.i += 1
                continue
            if t == closer:
                self.i += 1
                return els
            if t in (")", "}"):
                self.report(f"unmatched {t!r}", self.pos[self.i])
                self.i += 1
                continue
            if t in ("{", "("):
                self.i += 1
                want = "}" if t == "{" else ")"
                start = self.i
                inner = self.parse(want, depth + 1)
                kind = "np" if t == "{" else "pp"
                if not inner:
                    self.report(f"empty {t}{want}", self.pos[start - 1])
                    join = False
                    continue
                words = tuple(w for c in inner for w in self._flat(c))
                els.append(_El(kind, words, join, tuple(inner)))
                join = False
                continue
            self.i += 1
            el = self._atom(t, join, depth)
            if el is not None:
                els.append(el)
            join = False
        if closer is not None:
            self.report(f"expected {closer!r} to close the group", self.pos[-1] if self.pos else 0)
        return els

    @staticmethod
    def _flat(el: _El) -> Words:
        if el.kind == "synset":
            return ("&" + el.words[0],)
        if el.kind in ("np", "pp", "word"):
            return el.words
        sym = {"source": "$", "target": "+", "compound": "%", "skip": "^", "verb": "*"}[el.kind]
        return (sym,)

    def _atom(self, t: str, join: bool, depth: int) -> _El | None:
        here = self.pos[self.i - 1]
        if t in _MARKERS:
            return _El(_MARKERS[t], (), join)
        if set(t) == {"*"}:
            if depth:
                self.report("the verb * cannot be inside a group", here)
                return None
            return _El("verb", (), join)
        if t[0] == "&":
            parts = [t[1:]]
            j = self.i
            toks = self.toks
            while j + 1 < len(toks) and toks[j] == "_" and toks[j + 1] not in ("{", "}", "(", ")") \
                    and not toks[j + 1][0].isspace() and toks[j + 1] != "_":
                parts.append(toks[j + 1])
                j += 2
            for k in range(len(parts), 0, -1):
                name = "_".join(parts[:k])
                if name in self.synsets:
                    self.i += 2 * (k - 1)
                    return _El("synset", (name,), join)
            if not parts[0]:
                self.report("expected a synset name after &", here)
                return None
            self.report(f"synset &{parts[0]} is not defined (kept; it never matches)", here)
            return _El("synset", (parts[0],), join)
        return _El("word", (t.upper(),), join)


def _parse_pattern(body: str, raw: str, file: str, lineno: int, synsets: set[str],
                   problems: _Problems) -> Pattern | None:
    m = _CODE_AT_END_RE.search(body)
    if not m:
        problems.add(file, lineno, _indent(raw), "pattern has no [CODE] at its end")
        return None
    code, passive, err = _parse_verb_code(m.group(1))
    if err:
        problems.add(file, lineno, _column(raw, "[" + m.group(1)), err)
        return None
    ptext = body[:m.start()]
    if "[" in ptext or "]" in ptext:
        problems.add(file, lineno, _column(raw, "["),
                     "unexpected [ ] inside the pattern; expected one [CODE] at its end")
        return None

    base = _indent(raw) + 1  # column of the first character after the leading "-"

    def report(message: str, offset: int) -> None:
        problems.add(file, lineno, base + offset, message)

    els = _PatternParser(ptext, synsets, report).parse()
    verbs = [k for k, e in enumerate(els) if e.kind == "verb"]
    if len(verbs) != 1:
        problems.add(file, lineno, _column(raw, "*", _indent(raw)),
                     "pattern needs exactly one * (the verb)" if not verbs else "pattern has more than one *")
        return None
    k = verbs[0]
    frozen = [e.freeze() for e in els]
    text = "- " + " ".join(body[:m.end()].split())
    return Pattern(tuple(frozen[:k]), tuple(frozen[k + 1:]), code, passive, Where(file, lineno, _indent(raw)),
                   text, frozen[k])


def _verb_words(spec: str) -> tuple[Words, int | None]:
    """``+CALL_OFF`` -> (("CALL","OFF"), 0); ``WIRE_+TAP`` -> (("WIRE","TAP"), 1); no ``+``: None."""
    words: list[str] = []
    head = None
    for piece in re.split(r"[\s_,]+", spec.strip()):
        if not piece:
            continue
        if piece.startswith("+"):
            piece = piece.lstrip("+")
            if head is None and piece:
                head = len(words)
        if piece:
            words.append(piece.upper())
    return tuple(words), head


def _parse_verb_line(s: str, raw: str, file: str, lineno: int, problems: _Problems) -> Verb | None:
    where = Where(file, lineno, _indent(raw))
    code = passive = None
    m = _CODE_AT_END_RE.search(s)
    if m:
        code, passive, err = _parse_verb_code(m.group(1))
        if err:
            problems.add(file, lineno, _column(raw, "[" + m.group(1)), err)
            return None
        if code is None and passive is None:
            code = NO_CODE  # an explicit [---]: no event, whatever the block's code
        s = s[:m.start()]
    if "[" in s or "]" in s:
        problems.add(file, lineno, _column(raw, "["), "unexpected [ ]; expected VERB {FORMS} [CODE]")
        return None
    listed: list[str] | None = None
    o = s.find("{")
    if o >= 0:
        c = s.find("}", o)
        if c < 0:
            problems.add(file, lineno, _column(raw, "{"), "expected } to close the verb forms")
            c = len(s)
        elif s[c + 1:].strip():
            problems.add(file, lineno, _column(raw, s[c + 1:].strip()),
                         f"unexpected text {s[c + 1:].strip()!r} after the verb forms")
        listed = [f for f in re.split(r"[\s,]+", s[o + 1:c]) if f]
        s = s[:o]
    words, head = _verb_words(s)
    if not words:
        problems.add(file, lineno, where.column, "expected a verb")
        return None
    if head is None:
        head = 0
    forms: list[Words] = [words]
    if listed is None:
        for f in verb_forms(words[head])[1:]:
            w = words[:head] + (f,) + words[head + 1:]
            if w not in forms:
                forms.append(w)
    else:
        for f in listed:
            fw, _fh = _verb_words(f)
            if not fw:
                continue
            if len(fw) == 1 and len(words) > 1:
                fw = words[:head] + fw + words[head + 1:]
            if fw not in forms:
                forms.append(fw)
    return Verb(words, tuple(forms), head, code, passive, where)


_TRANSFORM_TOKEN_RE = re.compile(r"[()]|[^\s()]+")


def _parse_transformation(s: str, raw: str, file: str, lineno: int,
                          problems: _Problems) -> Transformation | None:
    body = s[1:]
    lhs_text, eq, rhs_text = body.partition("=")
    rhs = rhs_text.split()
    where = Where(file, lineno, _indent(raw))
    if not eq or len(rhs) != 3:
        problems.add(file, lineno, where.column, "expected '~ LHS = SOURCE TARGET CODE'")
        return None
    stack: list[list] = [[]]
    for t in _TRANSFORM_TOKEN_RE.findall(lhs_text):
        if t == "(":
            stack.append([])
        elif t == ")":
            if len(stack) == 1:
                problems.add(file, lineno, _column(raw, ")"), "unmatched ')'")
                return None
            inner = stack.pop()
            stack[-1].append(tuple(inner))
        else:
            stack[-1].append(t)
    if len(stack) != 1 or not stack[0]:
        problems.add(file, lineno, where.column, "expected ')' to close the transformation")
        return None
    return Transformation(" ".join(s.split()), rhs[0], tuple(stack[0]), rhs[2], where, rhs[1])


def read_verbs(path: PathLike) -> tuple[VerbDictionary, list[PetrarchProblem]]:
    """Read a verb dictionary in the PETRARCH-2 (CAMEO.2.0) or the TABARI/PETRARCH-1 syntax.

    Synsets may be defined anywhere (before or after use) and may contain other synsets; ``+``
    lines belong to the synset whose ``&LABEL`` they follow, and are multi-word verbs inside a
    verb block. ``<!`` lines are comments only (PETRARCH2 stops reading patterns at the first).
    """
    file = str(path)
    problems = _Problems()
    text = _read_text(path)
    lines = list(_clean_lines(text))
    syntax = "petrarch2" if re.search(r"^#+\s*VERB PATTERNS", text, re.M) else None

    # pass 1: synset labels, so patterns may use synsets defined further down
    labels: set[str] = set()
    for _lineno, line, _raw in lines:
        s = line.strip()
        if s.startswith("&"):
            name = s[1:].split()[0] if s[1:].split() else ""
            labels.add(name.rstrip("_").upper())

    raw_synsets: dict[str, list] = {}  # name -> [noplural, [(member words | "&NAME", noplural, where)]]
    blocks: list[VerbBlock] = []
    transformations: list[Transformation] = []
    block: list | None = None  # [name, code, passive, verbs, patterns, where]
    synset: str | None = None
    pattern_texts: list[str] = []

    def close_block() -> None:
        if block is not None:
            blocks.append(VerbBlock(block[0], block[1], block[2], tuple(block[3]), tuple(block[4]), block[5]))

    for lineno, line, raw in lines:
        s = line.strip()
        col = _indent(raw)
        c0 = s[0]
        if s.startswith("---"):
            close_block()
            synset = None
            inner = s.strip("-").strip()
            codes = list(re.finditer(r"\[([^\]\[]*)\]", inner))
            name = (inner[:codes[0].start()] if codes else inner).strip()
            code = passive = None
            if codes:
                code, passive, err = _parse_verb_code(codes[0].group(1))
                if err:
                    problems.add(file, lineno, _column(raw, "["), err)
                if len(codes) > 1:
                    first = codes[0].group(1)
                    problems.add(file, lineno, _column(raw, codes[1].group(0)),
                                 f"block header has more than one code; the first, [{first}], is used")
                tail = inner[codes[-1].end():].strip(" \t-")
                if tail:
                    problems.add(file, lineno, _column(raw, tail),
                                 f"unexpected text {tail!r} in the block header")
            if not name:
                problems.add(file, lineno, col, "expected a block name: --- NAME [CODE] ---")
            block = [" ".join(name.split()), code, passive, [], [], Where(file, lineno, col)]
            continue
        if c0 == "-":
            synset = None
            if block is None:
                problems.add(file, lineno, col, "pattern before the first --- NAME [CODE] --- block header")
                continue
            pattern_texts.append(s)
            p = _parse_pattern(s[1:], raw, file, lineno, labels, problems)
            if p is not None:
                block[4].append(p)
            continue
        if c0 == "&":
            parts = s[1:].split()
            if not parts:
                problems.add(file, lineno, col, "expected a synset name after &")
                synset = None
                continue
            if len(parts) > 1:
                problems.add(file, lineno, _column(raw, parts[1]),
                             f"unexpected text {' '.join(parts[1:])!r} after the synset label")
            label = parts[0]
            synset = label.rstrip("_").upper()
            if not synset:
                problems.add(file, lineno, col, "expected a synset name after &")
                synset = None
                continue
            entry = raw_synsets.setdefault(synset, [False, []])
            entry[0] = entry[0] or label.endswith("_")
            continue
        if c0 == "+" and synset is not None:
            member = s[1:].strip()
            where = Where(file, lineno, col)
            if member.startswith("&"):
                ref = member[1:].split()
                raw_synsets[synset][1].append((ref[0].rstrip("_").upper() if ref else "", True, where))
                continue
            noplural = member.endswith("_") or "{" in member
            words = _words(member.replace("{", " ").replace("}", " "))
            if not words:
                problems.add(file, lineno, col, "expected a synset member after +")
                continue
            raw_synsets[synset][1].append((words, noplural, where))
            continue
        synset = None
        if c0 == "~":
            t = _parse_transformation(s, raw, file, lineno, problems)
            if t is not None:
                transformations.append(t)
            continue
        if block is None:
            problems.add(file, lineno, col, "verb line before the first --- NAME [CODE] --- block header")
            continue
        v = _parse_verb_line(s, raw, file, lineno, problems)
        if v is not None:
            block[3].append(v)
    close_block()

    synsets = _expand_synsets(raw_synsets, problems)
    if syntax is None:
        syntax = "petrarch2" if any(("(" in p or "{" in p) for p in pattern_texts) else "tabari"
    return VerbDictionary(synsets, tuple(blocks), tuple(transformations), syntax), problems.in_order()


def _expand_synsets(raw: dict[str, list], problems: _Problems) -> dict[str, tuple[Words, ...]]:
    done: dict[str, tuple[Words, ...]] = {}
    active: set[str] = set()

    def expand(name: str) -> tuple[Words, ...]:
        if name in done:
            return done[name]
        active.add(name)
        label_noplural, members = raw[name]
        out: list[Words] = []
        for words, noplural, where in members:
            if noplural is True and isinstance(words, str):  # nested &NAME
                ref = words
                if ref not in raw:
                    problems.add(where.file, where.line, where.column, f"synset &{ref} is not defined")
                    continue
                if ref in active:
                    problems.add(where.file, where.line, where.column, f"synset &{ref} contains itself")
                    continue
                out.extend(w for w in expand(ref) if w not in out)
                continue
            if words not in out:
                out.append(words)
            if not (label_noplural or noplural):
                p = _plural_phrase(words)
                if p and p not in out:
                    out.append(p)
        active.discard(name)
        done[name] = tuple(out)
        return done[name]

    for name in raw:
        expand(name)
    return done


# ---------------------------------------------------------------------------------------------
# options, configuration and unit-test files


_OPTION_INTS = ("new_actor_length", "comma_min", "comma_max", "comma_bmin", "comma_bmax", "comma_emin",
                "comma_emax")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def parse_options(options: Mapping[str, object] | None) -> PetrarchOptions:
    """PETRARCH options given as strings (as in ``PETR_config.ini`` or ``<Config>``) -> options.

    Keys are case-insensitive; booleans accept true/false in any case (and yes/no, on/off, 1/0,
    as Python's configparser does); an unknown key is kept in ``other``; a bad value raises
    :class:`~eventcoder.errors.InputError` naming the key. Every comma option is read (PETRARCH2
    reads only the first one present, a slip in its config reader).
    """
    values: dict[str, object] = {}
    other: dict[str, str] = {}
    for key, value in (options or {}).items():
        k = str(key).strip().lower()
        if k == "require_dyad":
            if isinstance(value, bool):
                values[k] = value
                continue
            v = str(value).strip().lower()
            if v in _TRUE:
                values[k] = True
            elif v in _FALSE:
                values[k] = False
            else:
                raise InputError(f"PETRARCH option require_dyad: expected true or false, found {value!r}")
        elif k in _OPTION_INTS:
            try:
                if isinstance(value, bool):
                    raise ValueError
                n = int(str(value).strip())
            except ValueError:
                raise InputError(f"PETRARCH option {k}: expected a whole number, found {value!r}") from None
            if n < 0:
                raise InputError(f"PETRARCH option {k}: expected a number >= 0, found {value!r}")
            values[k] = n
        else:
            other[k] = str(value)
    return PetrarchOptions(**values, other=other)  # type: ignore[arg-type]


_CONFIG_FILES = {"verbs": "verbfile_name", "agents": "agentfile_name", "discards": "discardfile_name",
                 "issues": "issuefile_name"}


def read_config(path: PathLike) -> tuple[dict, dict[str, str]]:
    """Read a ``PETR_config.ini``: the dictionary files of its [Dictionaries] section and the
    options of its [Options] section (strings, for :func:`parse_options`).

    The files dict has keys verbs, agents, discards, issues (a Path or None) and actors (a list of
    Paths, ``actorfile_list`` split on commas); relative names are taken from the config file's
    folder.
    """
    p = Path(path)
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=("#", ";"))
    try:
        with open(p, encoding="utf-8") as f:
            parser.read_file(f)
    except OSError as e:
        raise InputError(f"cannot read PETRARCH config {p}: {e.strerror or e}") from None
    except configparser.Error as e:
        raise InputError(f"{p}: not a PETRARCH config file: {e}") from None
    base = p.parent

    def resolve(name: str) -> Path:
        q = Path(os.path.expanduser(name.strip()))
        return q if q.is_absolute() else base / q

    files: dict = {k: None for k in _CONFIG_FILES}
    files["actors"] = []
    if parser.has_section("Dictionaries"):
        sec = parser["Dictionaries"]
        for key, opt in _CONFIG_FILES.items():
            if sec.get(opt, "").strip():
                files[key] = resolve(sec[opt])
        files["actors"] = [resolve(n) for n in re.split(r"[,\n]", sec.get("actorfile_list", "")) if n.strip()]
    options = dict(parser["Options"]) if parser.has_section("Options") else {}
    return files, {k: v.strip() for k, v in options.items()}


_ENV_TAGS = {"verbfile": "verbs", "actorfile": "actors", "agentfile": "agents", "discardfile": "discards",
             "issuefile": "issues"}


def _unquote(code: str | None) -> str:
    if code is None:
        return NO_CODE
    c = code.strip()
    if len(c) >= 2 and c[0] == c[-1] and c[0] in "\"'":
        c = c[1:-1].strip()
    return c or NO_CODE


def _config_of(el: ET.Element, config: dict[str, str]) -> None:
    opt = el.get("option")
    if opt:
        config[opt.strip()] = (el.get("value") or "").strip()


def read_unittest(path: PathLike) -> list[UnitRecord]:
    """Read a PETRARCH unit-test file (``PETR.UnitTest.records.xml``) into records.

    The ``<Parse>`` is never read; ``<Text>`` is whitespace-normalised. ``<Config>`` elements (in
    ``<Environment>`` or between sentences) change the options for the records after them.
    Raises :class:`~eventcoder.errors.InputError` if the file is not well-formed XML.
    """
    p = Path(path)
    try:
        parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
        root = ET.parse(p, parser=parser).getroot()
    except (OSError, ET.ParseError) as e:
        raise InputError(f"{p}: cannot read PETRARCH unit-test file: {e}") from None
    config: dict[str, str] = {}
    env: dict = {"verbs": None, "actors": (), "agents": None, "discards": None, "issues": None}
    envel = root.find("Environment")
    if envel is not None:
        for el in envel:
            if not isinstance(el.tag, str):
                continue
            tag = el.tag.lower()
            if tag == "config":
                _config_of(el, config)
            elif tag in _ENV_TAGS:
                value = (el.text or "").strip()
                if _ENV_TAGS[tag] == "actors":
                    names = tuple(v.strip() for v in value.split(",") if v.strip())
                    env["actors"] = tuple(env["actors"]) + names
                else:
                    env[_ENV_TAGS[tag]] = value or None
    records: list[UnitRecord] = []
    seen: dict[str, int] = {}
    container = root.find("Sentences")
    elements = list(container if container is not None else root)
    for el in elements:
        if not isinstance(el.tag, str):
            continue
        if el.tag == "Config":
            _config_of(el, config)
            continue
        if el.tag != "Sentence":
            continue
        sid = (el.get("id") or "").strip()
        n = seen.get(sid, 0)
        seen[sid] = n + 1
        uid = sid if n == 0 else f"{sid}-dup{n}"
        dstr = (el.get("date") or "").strip()
        try:
            day = _parse_date(dstr) if dstr else None
        except ValueError:
            day = None
        expected: list[tuple[str, str, str]] = []
        no_events = False
        error = None
        comments: list[str] = []
        text = ""
        for child in el:
            if child.tag is ET.Comment:
                comments.append((child.text or "").strip())
                continue
            if child.tag == "EventCoding":
                if (child.get("noevents") or "").strip().lower() == "true":
                    no_events = True
                if child.get("error"):
                    error = child.get("error").strip()
                if child.get("eventcode") is not None:
                    expected.append((_unquote(child.get("sourcecode")), _unquote(child.get("targetcode")),
                                     _unquote(child.get("eventcode"))))
            elif child.tag == "Text":
                text = " ".join((child.text or "").split())
        records.append(UnitRecord(
            id=uid, category=(el.get("category") or "").strip(), date=day, text=text,
            expected=tuple(expected),
            expect_no_events=no_events, expected_error=error,
            active=(el.get("sentence") or "").strip().lower() == "true", config=dict(config),
            environment=dict(env), source_id=sid, comments=tuple(comments)))
    return records
