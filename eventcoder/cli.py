"""The ``eventcoder`` command.

    eventcoder code FILE... [--date YYYY-MM-DD] [--format jsonl|csv] [-o OUT] [--dict PATH]
    eventcoder code FILE... --schema acled [--format jsonl|csv]
    eventcoder code FILE... [--jobs N] [--progress|--no-progress]
    eventcoder evaluate acled EXPORT.jsonl|EXPORT.csv [--json]
    eventcoder explain "sentence" [--date YYYY-MM-DD] [--json]
    eventcoder dict check [PATHS...] [--date YYYY-MM-DD]
    eventcoder dict stats [PATHS...] [--json]
    eventcoder dict convert --from petrarch (--petrarch-config INI | --actors FILE... --verbs FILE ...) -o OUTDIR
    eventcoder --version

A ``.txt`` file is one document; a ``.jsonl`` file is one document per line with ``id``,
``text`` and optional ``date``; ``-`` reads standard input (as text, or as JSON lines with
``--jsonl``). A bad line is reported with its line number on standard error and the rest is
still coded; the exit status is then 1. Missing files, bad dates and unreadable dictionaries
exit with status 2 and a one-line message. ``--jobs N`` codes on N processes, output in input
order; a progress line (documents/s, events, errors) is drawn on standard error when it is a
terminal and the run lasts more than a second.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator, Sequence, TextIO

from ._version import __version__
from .errors import DictionaryError, EventcoderError, InputError


def _docs(paths: Sequence[str], date: str | None, stdin_jsonl: bool, problems: list[str]) -> Iterator[tuple]:
    for p in paths:
        if p == "-":
            if stdin_jsonl:
                yield from _jsonl_docs(sys.stdin, "<stdin>", date, problems)
            else:
                yield ("stdin", sys.stdin.read(), date)
            continue
        path = Path(p)
        if path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as f:
                yield from _jsonl_docs(f, p, date, problems)
        else:
            yield (path.stem, path.read_text(encoding="utf-8"), date)


def _jsonl_docs(stream: TextIO, name: str, date: str | None, problems: list[str]) -> Iterator[tuple]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise ValueError("each line must be an object with a string 'text'")
        except ValueError as exc:
            problems.append(f"{name}:{lineno}: bad JSON line: {exc}")
            continue
        yield (str(obj.get("id", f"{Path(name).stem}:{lineno}")), obj["text"], obj.get("date") or date,
               f"{name}:{lineno}")


def _count_documents(paths: Sequence[str]) -> int | None:
    """Documents in the input files (lines of .jsonl files), for the progress bar; None for stdin."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        if Path(p).suffix != ".jsonl":
            total += 1
            continue
        with open(p, "rb") as f:
            last = b"\n"
            for block in iter(lambda: f.read(1 << 20), b""):
                total += block.count(b"\n")
                last = block[-1:]
            total += last != b"\n"
    return total


def cmd_code(args: argparse.Namespace) -> int:
    from .dates import parse_doc_date
    from .output import Writer
    from .parallel import code_documents
    from .progress import Progress, is_terminal

    for p in args.files:
        if p != "-" and not Path(p).is_file():
            print(f"eventcoder: no such file: {p}", file=sys.stderr)
            return 2
    if args.date:
        parse_doc_date(args.date)  # a bad date stops before any work
    if args.jobs < 0:
        print("eventcoder: --jobs must be 0 (one per core) or more", file=sys.stderr)
        return 2
    from .acled import ACLED_KEYS
    from .records import EVENT_KEYS

    coder = _make_coder(args)
    # the progress line goes to a terminal's standard error, and not over events printed to it
    show = args.progress
    if show is None:
        show = is_terminal(sys.stderr) and (bool(args.output) or not is_terminal(sys.stdout))
    total = _count_documents(args.files) if show else None
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    problems: list[str] = []
    where: dict[int, str] = {}  # input position -> file:line, for the documents in flight

    def docs() -> Iterator[tuple]:
        for k, doc in enumerate(_docs(args.files, args.date, args.jsonl, problems)):
            if len(doc) > 3:
                where[k] = doc[3]
            yield doc

    try:
        writer = Writer(out, args.format, ACLED_KEYS if args.schema == "acled" else EVENT_KEYS)
        with Progress(sys.stderr, total=total, enabled=show) as bar:
            failed = bad_lines = 0  # documents that failed; lines that were not documents (in problems)
            for result in code_documents(coder, docs(), schema=args.schema, jobs=args.jobs, as_dicts=True):
                place = where.pop(result.index, None) or result.doc_id
                if result.error is None:
                    for row in result.events:
                        writer.write(row)
                elif isinstance(result.error, EventcoderError):
                    problems.append(f"{place}: {result.error}")
                else:  # a bug in eventcoder: say so, and go on with the other documents
                    problems.append(f"{place}: internal error: {type(result.error).__name__}: {result.error}")
                failed += result.error is not None
                new_bad, bad_lines = len(problems) - failed - bad_lines, len(problems) - failed
                bar.update(docs=1 + new_bad, events=len(result.events), errors=(result.error is not None) + new_bad)
            new_bad = len(problems) - failed - bad_lines
            bar.update(docs=new_bad, errors=new_bad)
    finally:
        if args.output:
            out.close()
    for p in problems:
        print(f"eventcoder: {p}", file=sys.stderr)
    return 1 if problems else 0


def _tabari_reading(path: str) -> bool:
    """Does a dictionary file start with ``reading tabari`` (written by ``dict convert``)?"""
    try:
        with open(path, encoding="utf-8") as f:
            first = next((line for line in f if line.strip() and not line.lstrip().startswith("#")), "")
    except OSError:
        return False
    return first.split() == ["reading", "tabari"]


def _make_coder(args: argparse.Namespace):
    """The coder ``eventcoder code`` asks for: built-in dictionaries (plus --dict files), or
    PETRARCH/TABARI dictionaries from --petrarch-config or the explicit --petrarch-* files."""
    from . import petrarch
    from .coder import Coder

    config, actors = args.petrarch_config, args.petrarch_actors
    if not (config or actors or args.petrarch_verbs or args.petrarch_agents):
        if args.dict and all(_tabari_reading(p) for p in args.dict):
            # `dict convert` output: used alone, and an agent with no country is ---GOV as in PETRARCH
            return Coder(dictionaries=args.dict, builtin=False, require_dyad=args.require_dyad,
                         infer_agent_country=False)
        return Coder(dictionaries=args.dict or None, require_dyad=args.require_dyad)
    files: dict = {"actors": [], "agents": None, "verbs": None, "discards": None, "issues": None}
    options: dict[str, str] = {}
    if config:
        named, options = petrarch.read_config(config)
        files.update({k: v for k, v in named.items() if v})
    if actors:
        files["actors"] = actors
    for key in ("agents", "verbs", "discards"):
        if getattr(args, "petrarch_" + key):
            files[key] = getattr(args, "petrarch_" + key)
    for item in args.petrarch_option or ():
        key, sep, value = item.partition("=")
        if not sep:
            raise InputError(f"--petrarch-option wants KEY=VALUE, not {item!r}")
        options[key.strip()] = value.strip()
    if args.require_dyad:
        options["require_dyad"] = "true"
    return Coder.from_petrarch(**files, options=options)


def cmd_petrarch_validate(args: argparse.Namespace) -> int:
    from . import petrarch_validate

    results = petrarch_validate.validate(args.records)
    if args.json:
        for r in results:
            print(json.dumps(r.to_dict(), ensure_ascii=False))
    else:
        print(petrarch_validate.summary(results))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate
    from .coder import Coder

    if not Path(args.file).is_file():
        print(f"eventcoder: no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        rows = evaluate.read_rows(args.file)
    except ValueError as exc:
        print(f"eventcoder: {args.file}: not JSON lines or CSV: {exc}", file=sys.stderr)
        return 2
    report = evaluate.evaluate(Coder(dictionaries=args.dict or None), rows)
    print(json.dumps(report, indent=2) if args.json else evaluate.format_report(report))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .coder import Coder

    if args.dict and all(_tabari_reading(p) for p in args.dict):  # dict-convert output: used alone
        coder = Coder(dictionaries=args.dict, builtin=False, infer_agent_country=False)
    else:
        coder = Coder(dictionaries=args.dict or None)
    ex = coder.explain(args.sentence, date=args.date)
    print(json.dumps(ex.to_dict(), indent=2, ensure_ascii=False) if args.json else ex)
    return 0


def _load_sources(paths):
    from . import dictlang, resources

    sources = [(p, Path(p).read_text(encoding="utf-8")) for p in paths] if paths else resources.dictionary_files()
    return sources, dictlang.load(sources)


def cmd_dict_check(args: argparse.Namespace) -> int:
    from . import lexicon, lint
    from .dates import parse_doc_date

    on = parse_doc_date(args.date) if args.date else None
    since = None if args.since == "none" else parse_doc_date(args.since) if args.since else lint.COVERAGE_START
    sources, d = _load_sources(args.paths)
    lex = lexicon.compile_dictionary(d)
    findings = lint.check(d, on, since=since)
    errors = [f for f in findings if f.severity == "error"]
    for f in findings:
        if f.severity == "error" or not args.quiet:
            print(f, file=sys.stderr)
    status = "ok" if not errors else "FAILED"
    print(f"{status}: {len(d.entries)} entries in {len(sources)} files "
          f"({', '.join(f'{k} {v}' for k, v in sorted(lex.counts.items()))}); "
          f"{len(errors)} errors, {len(findings) - len(errors)} warnings")
    return 1 if errors else 0


def cmd_dict_convert(args: argparse.Namespace) -> int:
    """PETRARCH/TABARI dictionaries -> .dict files in the TABARI reading (docs/petrarch.md)."""
    from . import petrarch, petrarch_convert

    files: dict = {"actors": [], "agents": None, "verbs": None, "discards": None, "issues": None}
    if args.petrarch_config:
        named, _options = petrarch.read_config(args.petrarch_config)
        files.update({k: v for k, v in named.items() if v})
    if args.actors:
        files["actors"] = args.actors
    for key in ("agents", "verbs", "discards", "issues"):
        if getattr(args, key):
            files[key] = getattr(args, key)
    if not (files["actors"] or files["agents"] or files["verbs"] or files["discards"]):
        raise InputError("dict convert needs --petrarch-config or at least one of --actors, --agents, --verbs, --discards")
    for f in [*files["actors"], *(files[k] for k in ("agents", "verbs", "discards", "issues") if files[k])]:
        if not Path(f).is_file():
            raise InputError(f"no such PETRARCH file: {f}")
    report = petrarch_convert.convert(args.output, **files)
    print(report.summary(), file=sys.stderr)
    return 0


def cmd_dict_stats(args: argparse.Namespace) -> int:
    from . import lint

    _sources, d = _load_sources(args.paths)
    s = lint.stats(d)
    print(lint.to_json(s) if args.json else lint.format_stats(s))
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="eventcoder", description="Code English news text into event records.")
    ap.add_argument("--version", action="version", version=f"eventcoder {__version__}")
    sub = ap.add_subparsers(dest="command")

    c = sub.add_parser("code", help="code documents into events (one per output line)")
    c.add_argument("files", nargs="+", help=".txt (one document), .jsonl (id, text, date per line) or -")
    c.add_argument("--date", help="publication date YYYY-MM-DD for documents without one")
    c.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    c.add_argument("--schema", choices=("cameo", "acled"), default="cameo",
                   help="CAMEO events (default) or ACLED-style records")
    c.add_argument("-o", "--output", help="write here instead of standard output")
    c.add_argument("--dict", action="append", help="an extra dictionary file (repeatable)")
    c.add_argument("--jsonl", action="store_true", help="read standard input as JSON lines")
    c.add_argument("--require-dyad", action="store_true", help="drop events without both source and target")
    c.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="code on N worker processes (0: one per core; default 1: in this process)")
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on standard error (default: when it is a terminal)")
    c.set_defaults(func=cmd_code)

    pd = c.add_argument_group("PETRARCH/TABARI dictionaries (instead of the built-in ones)")
    pd.add_argument("--petrarch-config", metavar="INI", help="a PETR_config.ini: its dictionaries and options")
    pd.add_argument("--petrarch-actors", action="append", metavar="FILE", help="an actor file (repeatable)")
    pd.add_argument("--petrarch-agents", metavar="FILE")
    pd.add_argument("--petrarch-verbs", metavar="FILE", help="CAMEO.2.0 or TABARI verb patterns")
    pd.add_argument("--petrarch-discards", metavar="FILE")
    pd.add_argument("--petrarch-option", action="append", metavar="KEY=VALUE",
                    help="a PETRARCH option such as require_dyad=false or comma_max=8 (repeatable)")

    pv = sub.add_parser("petrarch-validate", help="run a PETRARCH unit-test file (PETR.UnitTest.records.xml)")
    pv.add_argument("records", help="the records file; its <Environment> names dictionaries in its folder")
    pv.add_argument("--json", action="store_true", help="one JSON line per record: expected, produced, pass")
    pv.set_defaults(func=cmd_petrarch_validate)

    ev = sub.add_parser("evaluate", help="score the coder against gold data")
    evsub = ev.add_subparsers(dest="evaluate_command")
    eva = evsub.add_parser("acled", help="against an ACLED export with notes (JSON lines or CSV)")
    eva.add_argument("file")
    eva.add_argument("--dict", action="append")
    eva.add_argument("--json", action="store_true")
    eva.set_defaults(func=cmd_evaluate)

    e = sub.add_parser("explain", help="show how one text is coded, step by step")
    e.add_argument("sentence")
    e.add_argument("--date")
    e.add_argument("--dict", action="append")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_explain)

    d = sub.add_parser("dict", help="dictionary tools")
    dsub = d.add_subparsers(dest="dict_command")
    chk = dsub.add_parser("check", help="lint dictionaries: every problem, non-zero exit on errors")
    chk.add_argument("paths", nargs="*", help="dictionary files (default: the built-in ones)")
    chk.add_argument("--date", help="also warn about offices with no holder on this date (YYYY-MM-DD)")
    chk.add_argument("--since", help="coverage start: warn about state offices whose first holder starts "
                     "after it (YYYY-MM-DD, default 2000-01-01; 'none' turns the check off)")
    chk.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    chk.set_defaults(func=cmd_dict_check)
    st = dsub.add_parser("stats", help="coverage: patterns per CAMEO code, actors and newest role per country")
    st.add_argument("paths", nargs="*")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_dict_stats)
    cv = dsub.add_parser("convert", help="write PETRARCH/TABARI dictionaries as .dict files (the TABARI reading)")
    cv.add_argument("--from", dest="source_format", choices=("petrarch",), required=True,
                    help="the format read: petrarch (PETRARCH and TABARI files)")
    cv.add_argument("--petrarch-config", metavar="INI", help="a PETR_config.ini: convert the dictionaries it names")
    cv.add_argument("--actors", action="append", metavar="FILE", help="an actor file (repeatable, in load order)")
    cv.add_argument("--agents", metavar="FILE")
    cv.add_argument("--verbs", metavar="FILE", help="CAMEO.2.0 or TABARI verb patterns")
    cv.add_argument("--discards", metavar="FILE")
    cv.add_argument("--issues", metavar="FILE", help="written as comments: issues take no part in coding")
    cv.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder for the .dict files")
    cv.set_defaults(func=cmd_dict_convert)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "func", None):
        ap.print_help()
        return 2
    try:
        return args.func(args)
    except DictionaryError as exc:
        print(f"eventcoder: {exc}", file=sys.stderr)
        return 2
    except (InputError, OSError) as exc:
        print(f"eventcoder: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
