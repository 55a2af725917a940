"""A one-line progress display for long runs of ``eventcoder code``, on standard error.

It draws only when its stream is a terminal, and only once a run has lasted ``delay`` seconds,
so short runs, pipes, files and CI logs see nothing. It redraws at most every ``interval``
seconds: counting is a few additions per document, whatever the input length.

    with Progress(total=6042) as bar:
        for result in results:
            bar.update(events=len(result.events), errors=result.error is not None)
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from typing import Callable, TextIO


def _hms(seconds: float) -> str:
    s = int(seconds + 0.5)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def is_terminal(stream: TextIO) -> bool:
    """True when ``stream`` is an interactive terminal that understands a carriage return."""
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Progress:
    """Counts documents, events and errors, and shows them with the rate on one redrawn line.

    ``total`` (documents expected, if known) adds a bar, a percentage and the time left.
    ``enabled=None`` means: when ``stream`` is a terminal. ``clock`` is for tests.
    """

    #: seconds a run must last before anything is drawn
    DELAY = 1.0

    def __init__(self, stream: TextIO | None = None, *, total: int | None = None, enabled: bool | None = None,
                 delay: float | None = None, interval: float = 0.2, label: str = "eventcoder",
                 clock: Callable[[], float] = time.monotonic, width: int | None = None):
        self.stream = sys.stderr if stream is None else stream
        self.enabled = is_terminal(self.stream) if enabled is None else enabled
        self.total = total
        self.delay = type(self).DELAY if delay is None else delay
        self.interval = interval
        self.label = label
        self.clock = clock
        self.width = width
        self.docs = self.events = self.errors = 0
        self.start = clock()
        self._next = self.start + self.delay  # no drawing before this time
        self.shown = False  # has anything been drawn

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def update(self, docs: int = 1, events: int = 0, errors: int = 0) -> None:
        self.docs += docs
        self.events += events
        self.errors += int(errors)
        if self.enabled:
            now = self.clock()
            if now >= self._next:
                self._next = now + self.interval
                self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The text of the progress line at time ``now``."""
        now = self.clock() if now is None else now
        elapsed = max(now - self.start, 1e-9)
        rate = self.docs / elapsed
        parts = [self.label]
        if self.total:
            frac = min(self.docs / self.total, 1.0)
            cells = 20
            done = int(frac * cells)
            parts.append("[" + "#" * done + "." * (cells - done) + f"] {frac:4.0%}")
            parts.append(f"{self.docs:,}/{self.total:,} docs")
        else:
            parts.append(f"{self.docs:,} docs")
        parts.append(f"{rate:,.0f} docs/s")
        parts.append(f"{self.events:,} events")
        parts.append(f"{self.errors:,} error{'s' if self.errors != 1 else ''}")
        parts.append(_hms(elapsed))
        if self.total and rate > 0 and self.docs < self.total:
            parts.append(f"left {_hms((self.total - self.docs) / rate)}")
        return "  ".join(parts)

    def _columns(self) -> int:
        if self.width:
            return self.width
        return shutil.get_terminal_size((80, 24)).columns

    def _draw(self, now: float) -> None:
        text = self.line(now)[: max(self._columns() - 1, 10)]
        try:
            self.stream.write("\r\x1b[K" + text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken terminal never stops the work
            self.enabled = False
            return
        self.shown = True

    def close(self) -> None:
        """Draw the final counts (if anything was drawn) and end the line."""
        if self.enabled and self.shown:
            self._draw(self.clock())
            try:
                self.stream.write("\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass
        self.enabled = False
