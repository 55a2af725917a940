from hypothesis import given, strategies as st

from eventcoder.tokens import tokenize


def test_acronyms_clitics_possessives_and_hyphens():
    t = tokenize("The U.S. didn't say Iraq's PM al-Sudani left.")
    assert t.raw == ("The", "U.S.", "did", "n't", "say", "Iraq", "'s", "PM", "al-Sudani", "left", ".")


def test_numbers_keep_their_separators():
    t = tokenize("1,200 troops and 1.2 million, the 4th in the 1990s, 10km")
    assert "1,200" in t.raw and "1.2" in t.raw and "4th" in t.raw and "1990s" in t.raw and "10km" in t.raw


def test_words_are_lower_case_with_straight_apostrophes():
    t = tokenize("Hashed’s Factions")
    assert t.words == ("hashed", "'s", "factions")


def test_offsets_point_into_the_document():
    text = "xx Baghdad said."
    t = tokenize(text[3:], offset=3)
    assert [text[s:e] for s, e in zip(t.starts, t.ends)] == list(t.raw)


@given(st.text())
def test_any_unicode_tokenizes_and_offsets_match(text):
    t = tokenize(text)
    assert [text[s:e] for s, e in zip(t.starts, t.ends)] == list(t.raw)
    assert all(not r.isspace() for r in t.raw)
