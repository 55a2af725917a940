"""The exception hierarchy. Everything eventcoder raises on purpose derives from EventcoderError."""
from __future__ import annotations

from typing import Iterable

import attrs


class EventcoderError(Exception):
    """Root of every error eventcoder raises on purpose."""


@attrs.frozen
class Problem:
    """One problem in a dictionary file: where it is and what was expected there."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class DictionaryError(EventcoderError):
    """A dictionary could not be read. ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in dictionary files:"
        super().__init__("\n".join([head, *("  " + str(p) for p in self.problems)]))


class InputError(EventcoderError):
    """A document or argument given to the coder is unusable (a bad date, bad JSON, ...)."""
