"""Benchmarks: sentences/s, dictionary load time and peak memory.

    python benchmarks/bench.py [--notes PATH] [--limit N]

Speed is measured on the ACLED notes of ../shared/data/acled_dev.jsonl when that file is there
(else on the seed article repeated), single core, best of 3 passes, counting sentences with the
library's own splitter. Load time is measured in fresh processes: cold (no compiled cache) and
warm (cache present). Peak memory is the maximum resident set size of a fresh process that
loads the default dictionaries and codes the corpus.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NOTES = ROOT.parent / "shared" / "data" / "acled_dev.jsonl"
SEED = ROOT / "seeds" / "us-strike-baghdad.txt"


def corpus(path: Path, limit: int) -> list[str]:
    if path.is_file():
        seen: dict[str, None] = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                seen.setdefault(json.loads(line)["notes"], None)
                if len(seen) >= limit:
                    break
        return list(seen)
    return [SEED.read_text(encoding="utf-8")] * 50


def speed(texts: list[str]) -> dict:
    import eventcoder
    from eventcoder.sentences import split

    coder = eventcoder.Coder()
    n_sent = sum(1 for t in texts for _ in split(t))
    for t in texts[:100]:
        coder.code(t)
    best = float("inf")
    events = 0
    for _ in range(3):
        t0 = time.perf_counter()
        events = 0
        for t in texts:
            events += len(coder.code(t))
        best = min(best, time.perf_counter() - t0)
    return {"documents": len(texts), "sentences": n_sent, "events": events, "seconds": round(best, 3),
            "sentences_per_s": round(n_sent / best)}


_LOAD = "import time; t=time.perf_counter(); import eventcoder; c=eventcoder.Coder(); print(time.perf_counter()-t)"
_MEM = ("import resource, sys, json, eventcoder; c = eventcoder.Coder(); texts = json.load(open(sys.argv[1]));\n"
        "[c.code(t) for t in texts]; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")


def load_times() -> dict:
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, EVENTCODER_CACHE=cache)
        env.pop("EVENTCODER_NO_CACHE", None)
        cold = float(subprocess.check_output([sys.executable, "-c", _LOAD], env=env, text=True))
        warm = min(float(subprocess.check_output([sys.executable, "-c", _LOAD], env=env, text=True))
                   for _ in range(3))
    return {"load_cold_s": round(cold, 3), "load_warm_s": round(warm, 3)}


def peak_memory(texts: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(texts, f)
    try:
        mb = float(subprocess.check_output([sys.executable, "-c", _MEM, f.name], text=True))
    finally:
        os.unlink(f.name)
    return {"peak_rss_mb": round(mb, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=Path, default=NOTES)
    ap.add_argument("--limit", type=int, default=3000)
    args = ap.parse_args(argv)
    texts = corpus(args.notes, args.limit)
    out = {"corpus": str(args.notes) if args.notes.is_file() else "seed x50"}
    out["acled_notes" if args.notes.is_file() else "seed"] = speed(texts)
    out["seed"] = speed([SEED.read_text(encoding="utf-8")] * 20)
    out.update(load_times())
    out.update(peak_memory(texts))
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
