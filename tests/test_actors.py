import datetime as dt

from eventcoder import dictlang
from eventcoder.actors import find_mentions
from eventcoder.lexicon import compile_dictionary
from eventcoder.tokens import tokenize

from .conftest import MINI

LEX = compile_dictionary(dictlang.load([("mini", MINI.read_text(encoding="utf-8"))]))


def codes(text, day=dt.date(2024, 1, 4)):
    return [(m.code, m.is_place) for m in find_mentions(tokenize(text), LEX, day)]


def test_country_and_agent_compose():
    assert codes("Iraqi police arrested them") == [("IRQCOP", False)]


def test_possessive_joins_country_and_title():
    assert codes("Iraq's prime minister spoke") == [("IRQGOV", False)]


def test_person_codes_follow_the_date():
    assert codes("al-Sudani spoke") == [("IRQGOV", False)]
    assert codes("al-Sudani spoke", dt.date(2020, 1, 1)) == []


def test_title_and_person_resolve_to_the_person():
    assert codes("Iraqi Prime Minister Mohammed Shia al-Sudani spoke") == [("IRQGOV", False)]


def test_conjoined_countries_share_the_agent():
    assert codes("US and British forces advanced") == [("USAMIL", False), ("GBRMIL", False)]


def test_capital_is_the_government_when_it_acts_and_a_place_after_a_locative():
    assert codes("Washington said") == [("USAGOV", False)]
    assert codes("a strike in Baghdad") == [("IRQ", True)]


def test_locative_lists_are_places():
    assert codes("in Iraq and Syria") == [("IRQ", True), ("SYR", True)]


def test_agent_without_country_has_no_code_yet():
    (m,) = find_mentions(tokenize("soldiers left"), LEX, None)
    assert m.code is None and m.code_with(None) == "---MIL" and m.code_with("IRQ") == "IRQMIL"


def test_an_actor_with_dated_codes_changes_code_on_the_date():
    lex = compile_dictionary(dictlang.load([("t", "actor AFGREBTAL Taliban\n  as AFGGOV 2021-08-15..\n")]))
    code = lambda day: [m.code for m in find_mentions(tokenize("the Taliban said"), lex, day)]
    assert code(dt.date(2020, 1, 1)) == ["AFGREBTAL"] and code(dt.date(2022, 1, 1)) == ["AFGGOV"]
    assert code(None) == ["AFGGOV"]
