import pytest

from eventcoder import dictlang
from eventcoder.errors import DictionaryError
from eventcoder.lexicon import compile_dictionary, inflect
from eventcoder.tokens import tokenize

from .conftest import MINI


def lex_of(text):
    return compile_dictionary(dictlang.load([("t.dict", text)]))


def test_regular_inflections():
    assert set(inflect("attack", {})) == {"attack", "attacks", "attacked", "attacking"}
    assert {"denies", "denied", "denying"} <= set(inflect("deny", {}))
    assert {"seizes", "seized", "seizing"} <= set(inflect("seize", {}))
    assert {"stopped", "stopping"} <= set(inflect("stop", {}))


def test_irregular_forms_come_from_the_dictionary():
    forms = inflect("strike", {"strike": ("struck", "struck")})
    assert forms["struck"] in ("past", "participle") and "striking" in forms


def test_verbs_are_indexed_by_every_form_most_specific_pattern_first():
    lex = compile_dictionary(dictlang.load([("mini", MINI.read_text(encoding="utf-8"))]))
    pats, form = lex.verbs["launched"]
    assert form == "past" and pats[0].code == "195" and "+" in pats[0].rest
    assert lex.verbs["shot"][0][0].code == "193"


def test_longest_actor_phrase_wins():
    lex = lex_of("country USA United States | US\nactor USAGOV United States government\n")
    t = tokenize("the United States government said")
    length, senses = lex.actors.longest(t.raw, t.words, 1)
    assert length == 3 and senses[0].code == "USAGOV"


def test_all_capital_words_match_only_capitals():
    lex = lex_of("country USA US\n")
    t = tokenize("let us go to the US")
    assert lex.actors.longest(t.raw, t.words, 1) == (0, [])
    assert lex.actors.longest(t.raw, t.words, 5)[0] == 1


def test_synsets_expand_into_patterns():
    lex = lex_of("synset &ARMS rifles | guns\nverb 193 fire &ARMS at +\n")
    assert {p.rest for p in lex.verbs["fire"][0]} == {("rifles", "at", "+"), ("guns", "at", "+")}


def test_cross_entry_problems_are_reported_with_places():
    with pytest.raises(DictionaryError) as info:
        lex_of("verb 999 attack\nverb 190 fire &NOPE\nagent MILCOP troops\nperson Nobody\n")
    msgs = [str(p) for p in info.value.problems]
    assert any("t.dict:1:1" in m and "CAMEO" in m for m in msgs)
    assert any("unknown synset &NOPE" in m for m in msgs)
    assert any("3-letter role" in m for m in msgs)
    assert any("at least one 'as" in m for m in msgs)


def test_pattern_sets_give_exactly_the_patterns_whose_words_are_present(coder):
    # the index is an optimisation: it must pick what a scan of every pattern would pick, in order
    from hypothesis import given, settings
    from hypothesis import strategies as st

    sets = coder.lexicon.verb_sets
    vocab = sorted({w for ps in sets.values() for p in ps.patterns for w in p.needs})[:400] + ["the", "x"]

    @settings(max_examples=300, deadline=None)
    @given(st.sampled_from(sorted(sets)), st.frozensets(st.sampled_from(vocab), max_size=30))
    def check(form, present):
        ps = sets[form]
        assert list(ps.candidates(present)) == [p for p in ps.patterns if p.needs <= present]

    check()
    assert sets["blocked"] is sets["blocking"]  # one set per head, shared by its forms
