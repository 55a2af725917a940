"""``eventcoder petrarch-validate``: run a PETRARCH unit-test file through the coder.

Each ``sentence="true"`` record is coded from its ``<Text>`` (never its ``<Parse>``) with the
dictionaries its ``<Environment>`` names, read from the file's folder, and the ``<Config>``
options in force at that record. A record passes when the set of (source, target, event) triples
equals the expected set exactly; a missing actor is ``---`` as PETRARCH prints it. A record that
raises counts as a failure and a crash, and the run goes on.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from typing import Any

import attrs

from . import petrarch as _p


@attrs.frozen
class RecordResult:
    id: str
    category: str
    text: str
    expected: tuple[tuple[str, str, str], ...]
    produced: tuple[tuple[str, str, str], ...]
    passed: bool
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "category": self.category, "text": self.text,
                "expected": [list(t) for t in self.expected], "produced": [list(t) for t in self.produced],
                "pass": self.passed, "error": self.error}


def _triples(events) -> set[tuple[str, str, str]]:
    out = set()
    for e in events:
        d = e.to_dict()
        out.add((str(d["source"] or "---"), str(d["target"] or "---"), str(d["cameo"])))
    return out


_ENV_KEYS = {"actorfile": "actors", "actors": "actors", "agentfile": "agents", "agents": "agents",
             "verbfile": "verbs", "verbs": "verbs", "discardfile": "discards", "discards": "discards",
             "issuefile": "issues", "issues": "issues"}


def _environment_files(env, folder: str) -> dict:
    """Dictionary paths from a record's <Environment>, relative to the records file's folder."""
    out: dict = {"actors": []}
    for key, value in (env or {}).items():
        kind = _ENV_KEYS.get(str(key).lower())
        if kind is None or not value:
            continue
        values = [value] if isinstance(value, str) else list(value)
        paths = [os.path.join(folder, v) for name in values for v in str(name).replace(",", " ").split()]
        if kind == "actors":
            out["actors"].extend(paths)
        elif paths:
            out[kind] = paths[0]
    return out


def validate(path: str | os.PathLike) -> list[RecordResult]:
    """Code every active record of a PETRARCH unit-test file; one result per record."""
    from .coder import Coder

    folder = os.path.dirname(os.path.abspath(path))
    records = _p.read_unittest(str(path))
    coders: dict[str, Coder] = {}
    results: list[RecordResult] = []
    for r in records:
        if not r.active:
            continue
        env = r.environment or {}
        key = json.dumps([sorted((k, str(v)) for k, v in env.items()), sorted((r.config or {}).items())])
        expected = set() if (r.expect_no_events or r.expected_error) else set(map(tuple, r.expected))
        produced: set = set()
        error = None
        try:
            if key not in coders:
                files = _environment_files(env, folder)
                coders[key] = Coder.from_petrarch(**files, options=dict(r.config or {}))
            date = r.date.isoformat() if hasattr(r.date, "isoformat") else r.date
            produced = _triples(coders[key].code(r.text, date=date))
        except Exception as exc:  # one bad record never stops the run; it is reported
            error = f"{type(exc).__name__}: {exc}"
        results.append(RecordResult(r.id, r.category, r.text, tuple(sorted(expected)), tuple(sorted(produced)),
                                    error is None and produced == expected, error))
    return results


def summary(results: list[RecordResult]) -> str:
    """Passes per category and in total, as printed by the CLI."""
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        by_cat[r.category][0] += r.passed
        by_cat[r.category][1] += 1
    lines = [f"{cat:<10} {ok:>4} / {n:<4}" for cat, (ok, n) in sorted(by_cat.items())]
    total = sum(r.passed for r in results)
    crashes = sum(r.error is not None for r in results)
    lines.append(f"{'total':<10} {total:>4} / {len(results):<4} ({total / max(1, len(results)):.1%}), "
                 f"{crashes} crashed")
    return "\n".join(lines)
