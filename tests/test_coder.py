"""The public API: Coder, code, code_many, and the invariants that must hold on any input."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import eventcoder
from eventcoder.errors import InputError

from .conftest import triples


def test_convenience_function_uses_a_cached_default_coder():
    from eventcoder.coder import default_coder
    assert default_coder() is default_coder()
    assert isinstance(eventcoder.code("Nothing happened."), list)


def test_dates_may_be_strings_dates_or_none(mini_coder):
    a = mini_coder.code("Iraq criticized Syria.", date="2024-01-04")
    b = mini_coder.code("Iraq criticized Syria.", date=dt.date(2024, 1, 4))
    assert a == b and a[0].date == dt.date(2024, 1, 4)
    assert mini_coder.code("Iraq criticized Syria.")[0].date is None


def test_a_bad_date_is_an_input_error(mini_coder):
    with pytest.raises(InputError):
        mini_coder.code("Iraq criticized Syria.", date="2024-13-45")


def test_unknown_schema_is_an_input_error(mini_coder):
    with pytest.raises(InputError):
        mini_coder.code("x", schema="nope")


def test_code_many_streams_and_survives_a_bad_document(mini_coder):
    seen = []
    docs = [("a", "Iraq criticized Syria.", "2024-01-04"), ("b", None), {"id": "c", "text": "Syria criticized Iraq."}]
    out = list(mini_coder.code_many(docs, on_error=lambda i, e: seen.append(i)))
    assert [e.doc_id for e in out] == ["a", "c"] and seen == ["b"]


def test_events_trace_back_to_the_text(mini_coder):
    text = "Intro.  Iraqi police attacked protesters in Mosul."
    (e,) = mini_coder.code(text)
    assert text[e.trigger.start:e.trigger.end] == "attacked" == e.trigger.text
    assert text[e.source.span.start:e.source.span.end] == "Iraqi police"
    assert e.sentence_index == 1 and e.rule.startswith('verb 190 "attack"')


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_any_unicode_never_raises(mini_coder, text):
    for e in mini_coder.code(text):
        assert e.to_dict()["cameo"].isdigit()


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "Iraqi police attacked protesters.", "The US threatened to attack Syria.", "Syria was denounced by Iraq.",
    "A drone strike killed two Iraqi soldiers.", "Nothing at all.", "Sudani denounced Washington."]),
    min_size=1, max_size=4), st.sampled_from([None, "2024-01-04", "2019-06-01"]))
def test_coding_is_deterministic_and_independent_of_earlier_documents(mini_coder, texts, date):
    target = " ".join(texts)
    first = triples(mini_coder.code(target, date=date))
    for other in texts:
        mini_coder.code(other, date="2010-01-01")
    assert triples(mini_coder.code(target, date=date)) == first


_NEWSY = st.sampled_from([
    "On 3 May 2023, ", "between 3 and 5 June, ", "In a separate incident, ", "The next day, ", "Iraqi police ",
    "unidentified gunmen ", "killed ", "at least 12 people ", "dozens of protesters ", "clashed with ",
    "in Kismayo, Lower Juba, Somalia", " (Santa Cruz)", "near Baghdad", ". ", ", ", "\n\n", "‘", "—", "3-5 ",
    "the village of ", "rioters ", "burnt tyres ", "airstrike ", "al-Shabaab ", "Sudani ", "?", "\u200b"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_NEWSY, st.text(max_size=12)), max_size=25), st.sampled_from([None, "2024-01-04"]))
def test_built_in_dictionaries_never_raise_in_either_schema(coder, parts, date):
    # the built-in dictionaries, the ACLED layer, places and incident splitting on news-shaped noise
    text = "".join(parts)
    for e in coder.code(text, date=date):
        assert e.to_dict()["cameo"][:2].isdigit()
    for r in coder.code(text, date=date, schema="acled"):
        assert r.to_dict()["event_type"] in ("Battles", "Explosions/Remote violence", "Violence against civilians",
                                             "Protests", "Riots", "Strategic developments")
