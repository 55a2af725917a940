"""Code PETRARCH's GigaWord sample with the full Phoenix/CAMEO.2.0 dictionaries.

    python benchmarks/petrarch_gigaword.py [PETRARCH2_FOLDER] [--events]

Reports the load time and peak memory of ``Coder.from_petrarch`` with the production
dictionaries (PETRARCH2 needs about 2.0 s and 193 MB) and the events coded from each sentence's
text (never from its parse). Needs the PETRARCH2 files (../shared/peers/petrarch2 by default).
"""
from __future__ import annotations

import os
import re
import resource
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "shared", "peers", "petrarch2")


def main(argv: list[str]) -> int:
    folder = next((a for a in argv if not a.startswith("--")), DEFAULT)
    if not os.path.isdir(folder):
        print(f"no PETRARCH2 folder at {folder}", file=sys.stderr)
        return 2
    os.environ.setdefault("EVENTCODER_NO_CACHE", "1")
    import eventcoder

    f = lambda name: os.path.join(folder, name)  # noqa: E731
    t0 = time.perf_counter()
    coder = eventcoder.Coder.from_petrarch(
        actors=[f("Phoenix.Countries.actors.txt"), f("Phoenix.International.actors.txt"),
                f("Phoenix.MilNonState.actors.txt")],
        agents=f("Phoenix.agents.txt"), verbs=f("CAMEO.2.0.txt"), discards=f("Phoenix.discards.txt"))
    load = time.perf_counter() - t0
    root = ET.parse(f("GigaWord.sample.PETR.xml")).getroot()
    sentences = [(s.get("id"), s.get("date"), " ".join((s.findtext("Text") or "").split()))
                 for s in root.iter("Sentence")]
    t0 = time.perf_counter()
    lines = []
    for sid, date, text in sentences:
        day = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and re.fullmatch(r"\d{8}", date) else None
        for e in coder.code(text, date=day):
            d = e.to_dict()
            lines.append(f"{date}\t{d['source'] or '---'}\t{d['target'] or '---'}\t{d['cameo']}\t{sid}")
    code = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load {load:.2f} s; peak RSS {peak_mb:.0f} MB; {len(sentences)} sentences coded in {code:.3f} s; "
          f"{len(lines)} events")
    if "--events" in argv:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
