"""eventcoder.numbers: digits, number words, vague quantities."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.numbers import NumberMatch, find_numbers, number_to_words, parse_number
from eventcoder.resources import grammar_text
from eventcoder.tokens import tokenize


def numbers_in(text):
    words = tokenize(text).words
    return [(" ".join(words[m.start:m.end]), m.value, m.vague, m.at_least) for m in find_numbers(words)]


@pytest.mark.parametrize("text, value", [
    ("3", 3),
    ("1,200", 1200),
    ("1.2", 1.2),
    ("1.2 million", 1200000),
    ("2.5 billion", 2500000000),
    ("3 dozen", 36),
    ("twenty-three", 23),
    ("twenty three", 23),
    ("two hundred and five", 205),
    ("two hundred five", 205),
    ("a hundred", 100),
    ("one hundred and five", 105),
    ("a thousand", 1000),
    ("a million", 1000000),
    ("one million two hundred thousand five", 1200005),
    ("one hundred and five thousand and six", 105006),
    ("ninety-nine thousand nine hundred ninety-nine", 99999),
    ("zero", 0),
    ("eleven", 11),
    ("eighteen", 18),
    ("eighty", 80),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("a couple of", 2),
    ("a pair of", 2),
    ("dozens", 12),
    ("dozens of", 12),
    ("tens of", 10),
    ("hundreds", 100),
    ("thousands", 1000),
    ("hundreds of thousands", 100000),
    ("several", 3),
    ("a few", 3),
    ("several hundred", 300),
    ("many", 10),
    ("at least 5", 5),
])
def test_parse_number_values(text, value):
    got = parse_number(text)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize("text", ["both", "", "abc", "the", "a", "4th", "1990s", "9:30", "10km",
                                  "two and three", "a couple", "hundred thousand people"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_parse_number_is_int_when_whole():
    assert parse_number("1.0") == 1 and isinstance(parse_number("1.0"), int)
    assert isinstance(parse_number("1.5"), float)


def test_find_numbers_left_to_right_longest():
    assert numbers_in("At least 23 people were killed and two hundred and five injured in 2024, "
                      "while dozens fled.") == [
        ("at least 23", 23, False, True),
        ("two hundred and five", 205, False, False),
        ("2024", 2024, False, False),
        ("dozens", 12, True, False),
    ]


def test_and_joins_only_after_a_scale_word():
    assert numbers_in("two and three") == [("two", 2, False, False), ("three", 3, False, False)]
    assert numbers_in("killed two and injured three") == [("two", 2, False, False),
                                                          ("three", 3, False, False)]


@pytest.mark.parametrize("prefix", ["at least", "more than", "over", "some", "upwards of", "no fewer than",
                                    "no less than", "in excess of", "well over"])
def test_at_least_prefixes_keep_the_number(prefix):
    (match,) = find_numbers(tokenize(f"{prefix} 40 people").words)
    assert match.value == 40 and match.at_least and match.start == 0


def test_approximations_are_not_lower_bounds():
    for prefix in ("about", "around", "nearly", "almost", "approximately", "up to"):
        (match,) = find_numbers(tokenize(f"{prefix} 40 people").words)
        assert match.value == 40 and not match.at_least


@pytest.mark.parametrize("text, value", [
    ("dozens of people", 12), ("tens of people", 10), ("hundreds of people", 100),
    ("thousands of people", 1000),
    ("scores of people", 20), ("several people", 3), ("a few people", 3), ("few people", 3),
    ("a handful of people", 3), ("a number of people", 3), ("an unknown number of people", 3),
    ("multiple people", 3), ("many people", 10), ("numerous people", 10),
    ("tens of thousands of people", 10000),
    ("several thousand people", 3000), ("a few dozen people", 36),
])
def test_vague_words_use_acled_values(text, value):
    (match,) = find_numbers(tokenize(text).words)
    assert match.value == value and match.vague


def test_words_that_need_of_to_be_quantities():
    assert numbers_in("the test scores") == []
    assert numbers_in("tens") == []


def test_not_numbers():
    assert numbers_in("both sides met on the 4th in the 1990s at 9:30, 10km away") == []
    assert numbers_in("a man and a woman") == []


def test_number_match_is_frozen():
    m = NumberMatch(0, 1, 3)
    with pytest.raises(AttributeError):
        m.value = 4  # type: ignore[misc]


@pytest.mark.parametrize("n, words", [
    (0, "zero"), (7, "seven"), (13, "thirteen"), (20, "twenty"), (23, "twenty-three"), (100, "one hundred"),
    (205, "two hundred five"), (1200005, "one million two hundred thousand five"), (10**7, "ten million"),
])
def test_number_to_words(n, words):
    assert number_to_words(n) == words


def test_number_to_words_range():
    with pytest.raises(ValueError):
        number_to_words(-1)
    with pytest.raises(TypeError):
        number_to_words(1.5)  # type: ignore[arg-type]


def test_grammar_is_packaged():
    assert "hundreds" in grammar_text("numbers.lark")


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**7))
def test_round_trip_words(n):
    assert parse_number(number_to_words(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**7))
def test_digits_and_words_agree(n):
    assert parse_number(str(n)) == parse_number(number_to_words(n)) == n
    assert parse_number(f"{n:,}") == n


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    parse_number(text)
    words = tokenize(text).words
    found = find_numbers(words)
    ends = [0]
    for m in found:
        assert ends[-1] <= m.start < m.end <= len(words)
        ends.append(m.end)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "an", "and", "of", "hundred", "thousand", "million", "two", "twenty",
                                 "twenty-one", "dozen", "dozens", "several", "few", "at", "least", "over",
                                 "half", "1,200", "3", "1.5", "couple", "pair", "tens", "thousands"]),
                max_size=12))
def test_never_raises_on_number_word_soup(words):
    for m in find_numbers(words):
        assert 0 <= m.start < m.end <= len(words)
        assert m.value >= 0
