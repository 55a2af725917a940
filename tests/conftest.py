import os
from pathlib import Path

import pytest

HERE = Path(__file__).parent
MINI = HERE / "data" / "mini.dict"

# The tests never write the user's cache: compiled dictionaries go to a throwaway folder.
os.environ.setdefault("EVENTCODER_NO_CACHE", "1")


@pytest.fixture(scope="session")
def mini_coder():
    import eventcoder
    return eventcoder.Coder([MINI], builtin=False)


@pytest.fixture(scope="session")
def coder():
    import eventcoder
    return eventcoder.Coder()


def triples(events):
    return [(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in events]
