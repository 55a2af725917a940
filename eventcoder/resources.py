"""Where the packaged grammars and dictionaries are, read through importlib.resources.

The top-level ``grammars/`` and ``dictionaries/`` folders of the repository are installed as
the data packages ``eventcoder.grammars`` and ``eventcoder.dictionaries`` (see pyproject.toml).
That makes them importable from a wheel and from an editable install. When eventcoder runs
straight from a source checkout without being installed, the folders next to the package are used.
"""
from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.resources.abc exists from Python 3.11 only
    from importlib.abc import Traversable


def _data_root(package: str, folder: str) -> "Traversable":
    try:
        return importlib.resources.files(package)
    except ModuleNotFoundError:
        here = Path(__file__).resolve().parent.parent / folder
        if here.is_dir():
            return here
        raise


@functools.lru_cache(maxsize=None)
def grammar_text(name: str) -> str:
    """The text of grammar ``name`` (for example ``"dictionary.lark"``)."""
    return (_data_root("eventcoder.grammars", "grammars") / name).read_text(encoding="utf-8")


def dictionary_files() -> list[tuple[str, str]]:
    """The built-in dictionary files as (name, text), in name order."""
    root = _data_root("eventcoder.dictionaries", "dictionaries")
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".dict"):
            out.append((entry.name, entry.read_text(encoding="utf-8")))
    return out


def data_text(name: str) -> str:
    """A non-dictionary data file shipped in ``dictionaries/`` (for example the CAMEO table)."""
    return (_data_root("eventcoder.dictionaries", "dictionaries") / name).read_text(encoding="utf-8")
