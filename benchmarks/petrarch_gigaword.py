"""Code PETRARCH's GigaWord sample with the full Phoenix/CAMEO.2.0 dictionaries.

    python benchmarks/petrarch_gigaword.py [PETRARCH2_FOLDER] [--events] [--converted]
                                           [--petrarch2 EVTS_FILE] [--unittest]

Reports the load time and peak memory of ``Coder.from_petrarch`` with the production
dictionaries (PETRARCH2 needs about 2.0 s and 193 MB) and the events coded from each sentence's
text (never from its parse). Needs the PETRARCH2 files (../shared/peers/petrarch2 by default).

``--converted`` also converts the same files with ``dict convert`` (into a temporary folder),
loads them with ``Coder(files, builtin=False)`` and compares the two codings.
``--unittest`` codes the active records of ``PETR.UnitTest.records.xml`` twice, with the
validation dictionaries through ``from_petrarch`` and through their ``dict convert`` output, and
reports the passes of each and the records coded differently.
``--petrarch2 EVTS_FILE`` compares our events with an event file PETRARCH2 wrote for the same
sample (its ``evts.*`` output: date, source, target, code, [issues], sentence ids, source):
per story, as PETRARCH2 prints each distinct event of a story once, and per sentence.
Agreement is reported for sentences (the same set of triples, an empty set included) and for
triples (both, only PETRARCH2, only us), and every disagreement is listed.
"""
from __future__ import annotations

import os
import re
import resource
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "peers", "petrarch2")
_SENT_ID = re.compile(r"^[\w.-]+_[\w.-]+(?:;[\w.-]+_[\w.-]+)*$")


def _triples(coder, text: str, day: str | None) -> set[tuple[str, str, str]]:
    out = set()
    for e in coder.code(text, date=day):
        d = e.to_dict()
        out.add((d["source"] or "---", d["target"] or "---", str(d["cameo"])))
    return out


def read_evts(path: str) -> dict[str, set[tuple[str, str, str]]]:
    """PETRARCH2's event lines: sentence id -> (source, target, code) triples. An event line names
    every sentence of its story that produced it (ids joined by ';')."""
    by_sentence: dict[str, set] = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 5:
                continue
            ids = next((x for x in reversed(fields[4:]) if _SENT_ID.match(x)), None)
            if ids is None:
                continue
            for sid in ids.split(";"):
                by_sentence[sid].add((fields[1] or "---", fields[2] or "---", fields[3]))
    return dict(by_sentence)


def _story(sid: str) -> str:
    return sid.rsplit("_", 1)[0]


def compare(ours: dict, theirs: dict, texts: dict, names=("PETRARCH2", "us")) -> list[str]:
    """Sentence- and triple-level agreement of two codings (sentence id -> triples), and each
    disagreement; triples are counted per story, as PETRARCH2 prints a story's event once."""
    a_name, b_name = names
    lines = []
    same = sum(ours.get(s, set()) == theirs.get(s, set()) for s in texts)
    coded_a = sum(bool(theirs.get(s)) for s in texts)
    coded_b = sum(bool(ours.get(s)) for s in texts)
    lines.append(f"sentences: {same} of {len(texts)} coded alike ({a_name} codes {coded_a}, {b_name} {coded_b})")
    story_a, story_b = defaultdict(set), defaultdict(set)
    for s in texts:
        story_a[_story(s)] |= theirs.get(s, set())
        story_b[_story(s)] |= ours.get(s, set())
    both = sum(len(story_a[k] & story_b[k]) for k in story_a.keys() | story_b.keys())
    only_a = sum(len(story_a[k] - story_b[k]) for k in story_a.keys() | story_b.keys())
    only_b = sum(len(story_b[k] - story_a[k]) for k in story_a.keys() | story_b.keys())
    lines.append(f"story events (source, target, code): both {both}, only {a_name} {only_a}, only {b_name} {only_b} "
                 f"({a_name} {both + only_a} lines, {b_name} {both + only_b})")
    for s, text in texts.items():
        a, b = theirs.get(s, set()), ours.get(s, set())
        if a != b:
            lines.append(f"  {s}: only {a_name} {sorted(a - b)}; only {b_name} {sorted(b - a)}")
            lines.append(f"      {text}")
    return lines


def unittest_converted(folder: str) -> str:
    """Passes on the unit-test records with the original and with the converted dictionaries."""
    import json

    import eventcoder
    from eventcoder import petrarch, petrarch_convert, petrarch_validate as pv

    records = petrarch.read_unittest(os.path.join(folder, "PETR.UnitTest.records.xml"))
    out = tempfile.mkdtemp(prefix="eventcoder-convert-")
    converted: dict[str, list] = {}
    coders: dict[str, tuple] = {}
    n = ok_a = ok_b = same = 0
    differ = []
    for r in records:
        if not r.active:
            continue
        n += 1
        files = pv._environment_files(r.environment or {}, folder)
        fkey = json.dumps(files, sort_keys=True)
        if fkey not in converted:
            converted[fkey] = list(petrarch_convert.convert(os.path.join(out, str(len(converted))), **files).files)
        key = json.dumps([fkey, sorted((r.config or {}).items())])
        if key not in coders:
            opts = petrarch.parse_options(dict(r.config or {}))
            coders[key] = (eventcoder.Coder.from_petrarch(**files, options=dict(r.config or {})),
                           eventcoder.Coder(converted[fkey], builtin=False, require_dyad=opts.require_dyad,
                                            infer_agent_country=False))
        date = r.date.isoformat() if hasattr(r.date, "isoformat") else r.date
        expected = set() if (r.expect_no_events or r.expected_error) else set(map(tuple, r.expected))
        a, b = (pv._triples(c.code(r.text, date=date)) for c in coders[key])
        ok_a += a == expected
        ok_b += b == expected
        same += a == b
        if a != b:
            differ.append(f"  {r.id}: from_petrarch {sorted(a)}; converted {sorted(b)}")
    return "\n".join([f"unit-test records: from_petrarch passes {ok_a}/{n}, converted {ok_b}/{n}; "
                      f"the same events on {same}/{n}", *differ])


def main(argv: list[str]) -> int:
    args = [a for a in argv]
    evts = None
    if "--petrarch2" in args:
        k = args.index("--petrarch2")
        evts = args[k + 1] if k + 1 < len(args) else None
        del args[k:k + 2]
        if not evts or not os.path.isfile(evts):
            print(f"no PETRARCH2 event file at {evts}", file=sys.stderr)
            return 2
    folder = next((a for a in args if not a.startswith("--")), DEFAULT)
    if not os.path.isdir(folder):
        print(f"no PETRARCH2 folder at {folder}", file=sys.stderr)
        return 2
    os.environ.setdefault("EVENTCODER_NO_CACHE", "1")
    import eventcoder

    f = lambda name: os.path.join(folder, name)  # noqa: E731
    files = dict(actors=[f("Phoenix.Countries.actors.txt"), f("Phoenix.International.actors.txt"),
                         f("Phoenix.MilNonState.actors.txt")],
                 agents=f("Phoenix.agents.txt"), verbs=f("CAMEO.2.0.txt"), discards=f("Phoenix.discards.txt"))
    t0 = time.perf_counter()
    coder = eventcoder.Coder.from_petrarch(**files)
    load = time.perf_counter() - t0
    peak_load_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    root = ET.parse(f("GigaWord.sample.PETR.xml")).getroot()
    sentences = [(s.get("id"), s.get("date"), " ".join((s.findtext("Text") or "").split()))
                 for s in root.iter("Sentence")]
    days = {sid: (f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and re.fullmatch(r"\d{8}", date) else None)
            for sid, date, _ in sentences}
    t0 = time.perf_counter()
    lines = []
    ours: dict[str, set] = {}
    for sid, date, text in sentences:
        ours[sid] = set()
        for e in coder.code(text, date=days[sid]):
            d = e.to_dict()
            ours[sid].add((d["source"] or "---", d["target"] or "---", str(d["cameo"])))
            lines.append(f"{date}\t{d['source'] or '---'}\t{d['target'] or '---'}\t{d['cameo']}\t{sid}")
    code = time.perf_counter() - t0
    print(f"load {load:.2f} s; peak RSS {peak_load_mb:.0f} MB; {len(sentences)} sentences coded in {code:.3f} s; "
          f"{len(lines)} events")
    if "--events" in args:
        print("\n".join(lines))
    texts = {sid: text for sid, _d, text in sentences}  # a repeated id: the later sentence, as PETRARCH2 keeps it
    repeated = len(sentences) - len(texts)
    if repeated:
        print(f"{repeated} sentence id(s) repeated: compared on the last sentence of each id, as PETRARCH2 reads them")
    if "--converted" in args:
        from eventcoder import petrarch_convert

        out = tempfile.mkdtemp(prefix="eventcoder-convert-")
        t0 = time.perf_counter()
        report = petrarch_convert.convert(out, **files)
        conv = time.perf_counter() - t0
        t0 = time.perf_counter()
        converted = eventcoder.Coder(report.files, builtin=False, require_dyad=True, infer_agent_country=False)
        load2 = time.perf_counter() - t0
        print(f"converted: dict convert {conv:.2f} s ({sum(report.commented.values())} lines as comments, "
              f"{len(report.problems)} input problems); load {load2:.2f} s; files in {out}")
        mine = {sid: _triples(converted, text, days[sid]) for sid, text in texts.items()}
        print("\n".join(compare(mine, ours, texts, names=("from_petrarch", "converted"))))
    if evts:
        print("\n".join(compare(ours, read_evts(evts), texts)))
    if "--unittest" in args:
        print(unittest_converted(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
