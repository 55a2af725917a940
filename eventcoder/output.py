"""Stage 6: write events as JSON lines or CSV, one event per line, with the to_dict() keys."""
from __future__ import annotations

import csv
import json
from typing import Any, Iterable, TextIO

from .records import EVENT_KEYS

FORMATS = ("jsonl", "csv")


class Writer:
    """Writes event dicts to a stream as they come (memory stays flat)."""

    def __init__(self, stream: TextIO, fmt: str = "jsonl", keys: Iterable[str] = EVENT_KEYS):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.stream = stream
        self.fmt = fmt
        self.keys = tuple(keys)
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, fieldnames=self.keys, extrasaction="ignore", lineterminator="\n")
            self._csv.writeheader()
        self.count = 0

    def write(self, row: dict[str, Any]) -> None:
        if self._csv is not None:
            self._csv.writerow(row)
        else:
            self.stream.write(json.dumps({k: row.get(k) for k in self.keys}, ensure_ascii=False) + "\n")
        self.count += 1
