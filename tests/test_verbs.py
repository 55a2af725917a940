from eventcoder import dictlang
from eventcoder.actors import find_mentions
from eventcoder.lexicon import compile_dictionary
from eventcoder.tokens import tokenize
from eventcoder.verbs import find_triggers

from .conftest import MINI

LEX = compile_dictionary(dictlang.load([("mini", MINI.read_text(encoding="utf-8"))]))


def triggers(text):
    t = tokenize(text)
    return [(t.raw[x.start], x.form, x.pattern.code) for x in find_triggers(t, LEX, find_mentions(t, LEX, None))]


def test_a_word_after_a_determiner_is_a_noun_else_a_verb():
    assert triggers("the attack on Iraq") == [("attack", "noun", "190")]
    assert triggers("Syria will attack Iraq") == [("attack", "base", "190")]


def test_an_actor_right_before_makes_a_noun():
    assert triggers("a US strike") == [("strike", "noun", "190")]


def test_the_most_specific_pattern_wins_and_binds_the_target():
    t = tokenize("Syria launched airstrikes against Iraq")
    (trig,) = find_triggers(t, LEX, find_mentions(t, LEX, None))
    assert trig.pattern.code == "195" and trig.target is not None and t.raw[trig.target.start] == "Iraq"


def test_inflections_and_irregular_forms():
    assert triggers("Iraq shot at them") == [("shot", "past", "193")]
    assert triggers("Iraq is attacking") == [("attacking", "ing", "190")]
