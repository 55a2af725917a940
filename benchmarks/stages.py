"""Where the time goes: each pipeline stage timed on its own over the same sentences.

    python benchmarks/stages.py [--notes PATH] [--limit N]

Runs every stage of the pipeline separately over all sentences of the corpus (the ACLED notes
of ../shared/data/acled_dev.jsonl when present, else the seed article repeated), best of three
passes of process time each, and prints milliseconds and the share of a whole ``Coder.code``
pass. The stages are the modules of docs/design.md; "records" is events.build without the dates
and fatalities it calls, which are timed on their own.
"""
from __future__ import annotations

import argparse
import time
from collections import deque
from pathlib import Path

from bench import NOTES, corpus  # the same corpus as benchmarks/bench.py (this folder is on sys.path)


def best(fn, repeat: int = 3) -> float:
    """Best process time of ``fn()``, which returns an iterable that is run through and dropped
    (results are not kept, as when coding a stream)."""
    out = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        deque(fn(), maxlen=0)
        out = min(out, time.process_time() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=Path, default=NOTES)
    ap.add_argument("--limit", type=int, default=3000)
    args = ap.parse_args()

    import eventcoder
    from eventcoder import actors, clauses, dates, events, fatalities, guards, sentences, verbs
    from eventcoder.coder import _first_hit
    from eventcoder.tokens import tokenize

    texts = corpus(args.notes, args.limit)
    coder = eventcoder.Coder()
    lex = coder.lexicon
    for t in texts[:200]:
        coder.code(t)
    # the whole pass first, before the stage inputs below fill memory (a process holding many
    # objects pays more for garbage collection: see docs/performance.md)
    whole = best(lambda: (coder.code(t) for t in texts))
    sents = [s for t in texts for s in sentences.split(t)]
    toks = [tokenize(s.text, s.offset) for s in sents]
    found = [guards.find_guards(t, lex) for t in toks]
    mentions = [actors.find_mentions(t, lex, None, g) for t, g in zip(toks, found)]
    triggers = [verbs.find_triggers(t, lex, m) for t, m in zip(toks, mentions)]
    analysed = [coder._analyse(t, None) for t in texts]
    fresh = [tokenize(s.text, s.offset) for s in sents]  # spans not yet computed

    times = {
        "sentences": best(lambda: (list(sentences.split(t)) for t in texts)),
        "tokens": best(lambda: (tokenize(s.text, s.offset) for s in sents)),
        "discards": best(lambda: (_first_hit(lex.discards, t) for t in toks if lex.discards.might_match(t.words))),
        "guards": best(lambda: (guards.find_guards(t, lex) for t in toks)),
        "actors": best(lambda: (actors.find_mentions(t, lex, None, g) for t, g in zip(toks, found))),
        "triggers": best(lambda: (verbs.find_triggers(t, lex, m) for t, m in zip(toks, mentions))),
        "clauses": best(lambda: (clauses.analyse(t, lex, m, tr, g)
                                 for t, m, tr, g in zip(toks, mentions, triggers, found))),
        "dates": best(lambda: (dates.event_date(t, None) for t in toks)),
        "fatalities": best(lambda: (fatalities.find_fatalities(t) for t in toks)),
        "spans": best(lambda: (t._compute_spans() for t in fresh), repeat=1),
    }
    build = best(lambda: (events.build(r, None, None, False, True) for r in analysed))
    times["records"] = max(0.0, build - times["dates"] - times["fatalities"])
    print(f"{len(texts):,} documents, {len(sents):,} sentences; Coder.code: {whole * 1e3:.0f} ms, "
          f"{len(sents) / whole:,.0f} sentences/s (process time, best of 3)\n")
    print("| stage | ms | µs/sentence | share |\n|---|---:|---:|---:|")
    for name, secs in times.items():
        print(f"| {name} | {secs * 1e3:.1f} | {secs / len(sents) * 1e6:.1f} | {secs / whole:.0%} |")
    rest = whole - sum(times.values())
    print(f"| the rest (glue between stages, per-sentence records) | {rest * 1e3:.1f} | "
          f"{rest / len(sents) * 1e6:.1f} | {rest / whole:.0%} |")


if __name__ == "__main__":
    main()
