"""The on-disk cache of compiled data: the dictionaries' compiled lexicon, the gazetteer's index.

Files live in the user's cache folder (``$EVENTCODER_CACHE``, else ``$XDG_CACHE_HOME/eventcoder``,
else ``~/.cache/eventcoder``), never inside the package; ``EVENTCODER_NO_CACHE=1`` turns the
cache off. Each file is named by a key the caller derives from everything the data depends on
(sources, library version, the module that defines the layout), so a stale file is never read:
it is simply not asked for. A file that cannot be read, or holds the wrong type, is rebuilt; a
folder that cannot be written is fine: the data is built each time.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    base = os.environ.get("EVENTCODER_CACHE") or os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    if not base or os.environ.get("EVENTCODER_NO_CACHE"):
        return None
    return Path(base) / "eventcoder"


def load_or_build(name: str, key: str, kind: type, build: Callable[[], T | None]) -> T | None:
    """The object cached as ``name-key``, if it is there and a ``kind``; else ``build()``,
    written to the cache (atomically) unless it is None."""
    folder = cache_dir()
    path = folder / f"{name}-{key}.pickle" if folder else None
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as f:
                obj = pickle.load(f)
            if isinstance(obj, kind):
                return obj
        except Exception:  # a broken cache file is rebuilt, never trusted
            pass
    obj = build()
    if path is not None and obj is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home is fine: it is built each time
    return obj
