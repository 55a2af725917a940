import datetime as dt

import attrs
import pytest

from eventcoder.records import EVENT_KEYS, Actor, Event, Span


def make(**kw):
    base = dict(doc_id="d", sentence_index=0, text="t", source=Actor("USAMIL", Span(0, 2, "US")), target=None,
                cameo="195", quad_class=4, goldstein=-10.0, event_type=None, sub_event_type=None, fatalities=2,
                date=dt.date(2024, 1, 4), time_precision=1, rule="r", trigger=Span(3, 8, "strike"))
    base.update(kw)
    return Event(**base)


def test_to_dict_has_the_stable_keys_and_string_codes():
    d = make().to_dict()
    assert tuple(d) == EVENT_KEYS
    assert d["cameo"] == "195" and d["source"] == "USAMIL" and d["target"] is None and d["date"] == "2024-01-04"


def test_events_are_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        make().cameo = "190"


@pytest.mark.parametrize("bad", [dict(cameo="1x9"), dict(cameo="9"), dict(cameo=195), dict(fatalities=-1), dict(quad_class=5),
                                 dict(time_precision=4)])
def test_validators_reject_bad_values(bad):
    with pytest.raises((TypeError, ValueError)):
        make(**bad)


def test_actor_codes_are_non_blank_strings_as_the_dictionary_wrote_them():
    for bad in ("", " USA", "USA\n"):
        with pytest.raises(ValueError):
            Actor(bad, Span(0, 1, "u"))
    assert Actor("---GOV", Span(0, 1, "g")).code == "---GOV"
    assert Actor("ELR/GAL", Span(0, 1, "g")).code == "ELR/GAL"  # a PETRARCH compound code
