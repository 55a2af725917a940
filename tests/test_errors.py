import pytest

from eventcoder.errors import DictionaryError, EventcoderError, InputError, Problem


def test_one_root_for_every_error():
    assert issubclass(DictionaryError, EventcoderError) and issubclass(InputError, EventcoderError)


def test_dictionary_errors_list_every_problem():
    exc = DictionaryError([Problem("a.dict", 1, 2, "x"), Problem("b.dict", 3, 4, "y")])
    assert exc.problems[1].file == "b.dict"
    assert str(exc).splitlines() == ["2 problems in dictionary files:", "  a.dict:1:2: x", "  b.dict:3:4: y"]
    with pytest.raises(EventcoderError):
        raise exc
