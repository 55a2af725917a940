import datetime as dt

import pytest
from hypothesis import given, strategies as st

from eventcoder import dictlang
from eventcoder.errors import DictionaryError

from .conftest import MINI


def test_mini_dictionary_parses_every_statement_kind():
    entries = dictlang.parse_text(MINI.read_text(encoding="utf-8"), "mini.dict")
    kinds = {e.kind for e in entries}
    assert kinds == {"country", "actor", "person", "agent", "verb", "noun", "synset", "guard", "irregular",
                     "discard"}


def test_attributes_attach_to_the_entry_above():
    (iraq, *_rest) = dictlang.parse_text("country IRQ Iraq | Republic of Iraq\n demonym Iraqi | Iraqis\n"
                                         " capital Baghdad\n place Mosul\n", "f")
    assert iraq.code == "IRQ"
    assert iraq.phrases == (("Iraq",), ("Republic", "of", "Iraq"))
    assert iraq.demonyms == (("Iraqi",), ("Iraqis",))
    assert iraq.capitals == (("Baghdad",),) and iraq.places == (("Mosul",),)


def test_roles_carry_date_ranges():
    (p,) = dictlang.parse_text("person Mohammed Shia al-Sudani | al-Sudani\n  as IRQGOV 2022-10-27..\n"
                               "  as IRQLEG ..2022-10-26\n", "f")
    gov, leg = p.roles
    assert gov.holds_on(dt.date(2024, 1, 4)) and not gov.holds_on(dt.date(2021, 1, 1))
    assert leg.holds_on(dt.date(2021, 1, 1)) and not leg.holds_on(dt.date(2024, 1, 4))


def test_optional_words_and_choices_expand():
    (v,) = dictlang.parse_text("verb 195 launch (an) {airstrike | air strike} on +\n", "f")
    assert set(v.phrases) == {
        ("launch", "airstrike", "on", "+"), ("launch", "an", "airstrike", "on", "+"),
        ("launch", "air", "strike", "on", "+"), ("launch", "an", "air", "strike", "on", "+")}


def test_continuation_lines_extend_the_list_above():
    (a,) = dictlang.parse_text("agent MIL troops\n  | soldiers | army\n", "f")
    assert a.phrases == (("troops",), ("soldiers",), ("army",))


def test_every_problem_of_a_file_is_reported_at_once_with_line_and_column():
    bad = "country iraq Iraq\nverb 193\nas IRQGOV 2020-01-01..\nagent MIL troops | (army\nfoo bar\n"
    with pytest.raises(DictionaryError) as info:
        dictlang.parse_text(bad, "bad.dict")
    probs = info.value.problems
    assert [(p.line, p.column) for p in probs] == [(1, 9), (2, 9), (3, 1), (4, 25), (5, 1)]
    assert "expected an actor code" in probs[0].message
    assert "must follow an actor or a person entry" in probs[2].message
    assert "bad.dict:1:9" in str(info.value)


def test_problems_of_several_files_are_reported_together():
    with pytest.raises(DictionaryError) as info:
        dictlang.load([("a.dict", "verb x\n"), ("b.dict", "country 12 X\n")])
    assert {p.file for p in info.value.problems} == {"a.dict", "b.dict"}


def test_bad_dates_are_problems():
    with pytest.raises(DictionaryError) as info:
        dictlang.parse_text("person X\n  as IRQGOV 2022-02-30..\n  as IRQGOV 2022-01-01..2021-01-01\n", "f")
    assert len(info.value.problems) == 2


def test_codes_must_end_at_a_word_boundary():
    with pytest.raises(DictionaryError):
        dictlang.parse_text("verb 999999 attack\n", "f")
    with pytest.raises(DictionaryError):
        dictlang.parse_text("country IRQx Iraq\n", "f")


def test_keywords_are_words_inside_phrases():
    (a,) = dictlang.parse_text("actor USAGOV the country as a whole\n", "f")
    assert a.phrases == (("the", "country", "as", "a", "whole"),)


_word = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=8)
_phrase = st.lists(_word, min_size=1, max_size=4).map(tuple)
_code = st.from_regex(r"[A-Z]{3}(?:[A-Z]{3})?", fullmatch=True)


@given(kind=st.sampled_from(["actor", "agent"]), code=_code, phrases=st.lists(_phrase, min_size=1, max_size=5,
                                                                              unique=True))
def test_entries_round_trip_through_the_parser(kind, code, phrases):
    if kind == "agent":
        code = code[:3]
    text = f"{kind} {code}  " + " | ".join(" ".join(p) for p in phrases)
    (e,) = dictlang.parse_text(text, "f")
    assert e.phrases == tuple(phrases)
    (again,) = dictlang.parse_text(dictlang.format_entry(e), "g")
    assert (again.kind, again.code, again.phrases) == (e.kind, e.code, e.phrases)


def test_the_mini_dictionary_round_trips():
    entries = dictlang.parse_text(MINI.read_text(encoding="utf-8"), "mini")
    again = dictlang.parse_text("\n".join(dictlang.format_entry(e) for e in entries), "again")
    key = lambda e: (e.kind, e.code, e.phrases, e.demonyms, e.capitals, e.places, e.roles, e.words)
    assert [key(e) for e in entries] == [key(e) for e in again]


def test_actors_may_carry_dated_codes():
    (a,) = dictlang.parse_text("actor AFGREBTAL Taliban\n  as AFGGOV 2021-08-15..\n", "f")
    assert a.code == "AFGREBTAL" and a.roles[0].code == "AFGGOV"
