"""The on-disk cache: built once, read back by key, rebuilt when broken, off when asked."""
import pickle

from eventcoder import cache


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path))
    monkeypatch.delenv("EVENTCODER_NO_CACHE", raising=False)
    calls = []

    def build():
        calls.append(1)
        return {"a": 1}

    assert cache.load_or_build("thing", "k1", dict, build) == {"a": 1}
    assert cache.load_or_build("thing", "k1", dict, build) == {"a": 1}
    assert len(calls) == 1 and (tmp_path / "eventcoder" / "thing-k1.pickle").is_file()
    cache.load_or_build("thing", "k2", dict, build)  # another key: another file
    assert len(calls) == 2


def test_a_broken_or_wrong_file_is_rebuilt_and_none_is_not_written(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path))
    monkeypatch.delenv("EVENTCODER_NO_CACHE", raising=False)
    folder = tmp_path / "eventcoder"
    folder.mkdir()
    (folder / "x-k.pickle").write_bytes(b"not a pickle")
    assert cache.load_or_build("x", "k", dict, lambda: {"b": 2}) == {"b": 2}
    (folder / "y-k.pickle").write_bytes(pickle.dumps([1, 2]))
    assert cache.load_or_build("y", "k", dict, lambda: {"c": 3}) == {"c": 3}  # a list is not a dict
    assert cache.load_or_build("z", "k", dict, lambda: None) is None
    assert not (folder / "z-k.pickle").exists()


def test_no_cache_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path))
    monkeypatch.setenv("EVENTCODER_NO_CACHE", "1")
    assert cache.cache_dir() is None
    assert cache.load_or_build("t", "k", dict, lambda: {}) == {}
    assert not (tmp_path / "eventcoder").exists()
