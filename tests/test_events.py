"""Event assembly: fatalities linked across sentences, dates, agent countries from context."""
from .conftest import triples


def test_deaths_told_later_join_the_event_they_belong_to(coder):
    text = "A US strike in Baghdad on Thursday killed a militia commander. Two people were killed in the strike."
    events = coder.code(text, date="2024-01-04")
    strike = [e for e in events if e.cameo[:2] == "19"]
    assert len(strike) == 1 and strike[0].fatalities == 2 and str(strike[0].date) == "2024-01-04"
    assert any("fatalities linked from sentence 1" in n for n in strike[0].notes)


def test_an_explicit_date_in_the_sentence_wins(coder):
    (e,) = coder.code("On 3 January 2024, Iraqi police arrested protesters.", date="2024-01-10")
    assert str(e.date) == "2024-01-03" and e.time_precision == 1


def test_without_any_date_the_event_has_none(coder):
    (e,) = coder.code("Iraqi police arrested protesters.")
    assert e.date is None and e.time_precision is None


def test_titles_alone_take_the_country_of_the_story(coder):
    text = "Iraq's parliament met on Monday. The prime minister criticized Syria."
    assert ("IRQGOV", "111", "SYR") in [(s, c[:3], t) for s, c, t in triples(coder.code(text))]


def test_agents_take_the_country_of_the_place(coder):
    got = triples(coder.code("Police arrested protesters in Nairobi."))
    assert got and got[0][0] == "KENCOP" and got[0][2].startswith("KEN")


def test_agent_country_inference_can_be_turned_off():
    import eventcoder
    c = eventcoder.Coder(infer_agent_country=False)
    got = triples(c.code("Police arrested protesters in Nairobi."))
    assert got and got[0][0] == "---COP"


def test_cameo_facts_are_attached(coder):
    (e,) = coder.code("Iraqi police arrested protesters.")
    assert (e.quad_class, e.goldstein, e.event_type, e.sub_event_type) == (4, -5.0, "Strategic developments", "Arrests")
