"""The ``eventcoder`` command.

    eventcoder code FILE... [--date YYYY-MM-DD] [--format jsonl|csv] [-o OUT] [--dict PATH]
    eventcoder code FILE... --schema acled [--format jsonl|csv]
    eventcoder evaluate acled EXPORT.jsonl|EXPORT.csv [--json]
    eventcoder explain "sentence" [--date YYYY-MM-DD] [--json]
    eventcoder dict check [PATHS...] [--date YYYY-MM-DD]
    eventcoder dict stats [PATHS...] [--json]
    eventcoder --version

A ``.txt`` file is one document; a ``.jsonl`` file is one document per line with ``id``,
``text`` and optional ``date``; ``-`` reads standard input (as text, or as JSON lines with
``--jsonl``). A bad line is reported with its line number on standard error and the rest is
still coded; the exit status is then 1. Missing files, bad dates and unreadable dictionaries
exit with status 2 and a one-line message.
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


def cmd_code(args: argparse.Namespace) -> int:
    from .coder import Coder
    from .dates import parse_doc_date
    from .output import Writer

    for p in args.files:
        if p != "-" and not Path(p).is_file():
            print(f"eventcoder: no such file: {p}", file=sys.stderr)
            return 2
    if args.date:
        parse_doc_date(args.date)  # a bad date stops before any work
    from .acled import ACLED_KEYS
    from .records import EVENT_KEYS

    coder = Coder(dictionaries=args.dict or None, require_dyad=args.require_dyad)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    problems: list[str] = []
    try:
        writer = Writer(out, args.format, ACLED_KEYS if args.schema == "acled" else EVENT_KEYS)
        for doc in _docs(args.files, args.date, args.jsonl, problems):
            where = doc[3] if len(doc) > 3 else doc[0]
            try:
                for ev in coder.code(doc[1], date=doc[2], doc_id=doc[0], schema=args.schema):
                    writer.write(ev.to_dict())
            except EventcoderError as exc:
                problems.append(f"{where}: {exc}")
    finally:
        if args.output:
            out.close()
    for p in problems:
        print(f"eventcoder: {p}", file=sys.stderr)
    return 1 if problems else 0


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
    sources, d = _load_sources(args.paths)
    lex = lexicon.compile_dictionary(d)
    findings = lint.check(d, on)
    errors = [f for f in findings if f.severity == "error"]
    for f in findings:
        if f.severity == "error" or not args.quiet:
            print(f, file=sys.stderr)
    status = "ok" if not errors else "FAILED"
    print(f"{status}: {len(d.entries)} entries in {len(sources)} files "
          f"({', '.join(f'{k} {v}' for k, v in sorted(lex.counts.items()))}); "
          f"{len(errors)} errors, {len(findings) - len(errors)} warnings")
    return 1 if errors else 0


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
    c.set_defaults(func=cmd_code)

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
    chk.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    chk.set_defaults(func=cmd_dict_check)
    st = dsub.add_parser("stats", help="coverage: patterns per CAMEO code, actors and newest role per country")
    st.add_argument("paths", nargs="*")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_dict_stats)
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
