from hypothesis import given, strategies as st

from eventcoder.sentences import split


def texts(s):
    return [x.text for x in split(s)]


def test_abbreviations_titles_and_acronyms_do_not_end_sentences():
    assert texts("Maj. Gen. Pat Ryder said the U.S. military struck. The U.S. has 2.5 million troops.") == [
        "Maj. Gen. Pat Ryder said the U.S. military struck.", "The U.S. has 2.5 million troops."]


def test_an_acronym_at_the_end_of_a_sentence_ends_it_before_a_sentence_start():
    assert texts("They met in the U.S. The talks ended.") == ["They met in the U.S.", "The talks ended."]


def test_quotes_and_question_marks():
    assert texts("“We will fight,” he said. Did he? Yes!") == ["“We will fight,” he said.", "Did he?", "Yes!"]


def test_initials_and_line_breaks():
    assert texts("John F. Kennedy spoke.\nRegional tensions\n\nLeave a Reply") == [
        "John F. Kennedy spoke.", "Regional tensions", "Leave a Reply"]


@given(st.text())
def test_sentences_are_slices_of_the_text(text):
    for s in split(text):
        assert text[s.offset:s.offset + len(s.text)] == s.text and s.text.strip() == s.text and s.text
