"""eventcoder.incidents: one ACLED event per (day, location, actors, type). One test per rule, on
sentences written for the tests."""
import datetime as dt

import pytest

from eventcoder import incidents
from eventcoder.tokens import tokenize

D = dt.date


def code(coder, text, date=None):
    return coder.code(text, date=date, schema="acled")


def row(r):
    return (str(r.event_date), r.time_precision, r.event_type, r.location, r.fatalities)


# ----------------------------------------------------------------- one incident stays one record

def test_rule_a_text_about_one_incident_gives_one_record(coder):
    recs = code(coder, "On 3 May 2023, gunmen killed two people in Kaduna, Nigeria. "
                       "Police said the gunmen fled into the forest.")
    assert [row(r) for r in recs] == [("2023-05-03", 1, "Violence against civilians", "Kaduna", 2)]


@pytest.mark.parametrize("background", [
    "The attack comes after gunmen killed four people in the area on 1 May.",
    "On 1 May, gunmen had killed four people in a nearby village.",
    "Two days earlier, bandits attacked a market in the same district.",
    "On 5 May, police arrested two suspects in connection with the attack.",
    "On 1 May, herders attacked farmers in a nearby village (coded separately).",
    "The following morning, a local group claimed responsibility for the attack.",
    "On 3 January 2020, a drone strike killed a militia leader in the same city.",
    "In April 2023, gunmen killed four people in a nearby town.",
])
def test_rule_background_sentences_stay_with_the_main_incident(coder, background):
    main = "On 3 May 2023, gunmen killed two people in Kaduna, Nigeria."
    (alone,) = code(coder, main)
    (rec,) = code(coder, f"{main} {background}")
    # one record, the main incident's day and place (its type is decided on all its sentences)
    assert (rec.event_date, rec.time_precision, rec.location) == (alone.event_date, alone.time_precision, alone.location)


# ----------------------------------------------------------------- distinct incidents

def test_rule_a_separate_incident_gives_its_own_record_after_the_main_one(coder):
    recs = code(coder, "On 3 May 2023, gunmen killed two people in Kaduna, Nigeria. "
                       "In a separate incident, bandits abducted five farmers in Gusau, Zamfara.")
    assert [(r.sub_event_type, r.location, r.fatalities) for r in recs] == [
        ("Attack", "Kaduna", 2), ("Abduction/forced disappearance", "Gusau", 0)]
    assert all(r.notes == recs[0].notes for r in recs)


@pytest.mark.parametrize("opener", ["Separately,", "Elsewhere,", "In another attack,", "Meanwhile, in a separate incident,"])
def test_rule_phrases_that_announce_another_incident(coder, opener):
    recs = code(coder, "On 3 May 2023, gunmen killed two people in Kaduna, Nigeria. "
                       f"{opener} bandits abducted five farmers in Gusau, Zamfara.")
    assert [r.location for r in recs] == ["Kaduna", "Gusau"]


def test_rule_a_sentence_with_its_own_date_and_event_is_another_incident(coder):
    recs = code(coder, "On 3 May 2023, soldiers clashed with militants in Kidal, Mali, killing 3. "
                       "On 5 May 2023, militants ambushed soldiers near Gao, killing 2 soldiers.")
    assert [(str(r.event_date), r.location, r.fatalities) for r in recs] == [
        ("2023-05-03", "Kidal", 3), ("2023-05-05", "Gao", 2)]


def test_rule_a_news_story_with_a_weekday_of_its_own_is_another_incident(coder):
    recs = code(coder, "Gunmen killed five villagers in Zamfara state, Nigeria on Monday, police said. "
                       "On Tuesday, bandits abducted 20 students in Kaduna.", date="2024-01-04")
    assert [(str(r.event_date), r.sub_event_type, r.fatalities) for r in recs] == [
        ("2024-01-01", "Attack", 5), ("2024-01-02", "Abduction/forced disappearance", 0)]


def test_rule_an_own_date_without_a_year_takes_the_year_of_the_story(coder):
    recs = code(coder, "On 3 May 2023, students protested in Nairobi, Kenya. "
                       "On 6 May, students protested again in Mombasa, Kenya.")
    assert [str(r.event_date) for r in recs] == ["2023-05-03", "2023-05-06"]


def test_rule_an_incident_without_a_place_is_where_the_one_before_was(coder):
    recs = code(coder, "On 3 May 2023, soldiers clashed with militants in Kidal, Mali. "
                       "On 5 May 2023, militants shelled an army base.")
    assert [(str(r.event_date), r.location, r.country) for r in recs] == [
        ("2023-05-03", "Kidal", "Mali"), ("2023-05-05", "Kidal", "Mali")]


def test_rule_the_next_day_is_the_day_after_the_incident_before(coder):
    recs = code(coder, "On 3 May 2023, gunmen killed two people in Kaduna, Nigeria. "
                       "The next day, bandits abducted five farmers in Gusau, Zamfara.")
    assert [str(r.event_date) for r in recs] == ["2023-05-03", "2023-05-04"]


def test_rule_the_same_day_elsewhere_is_another_incident_on_that_day(coder):
    recs = code(coder, "On 3 May 2023, gunmen killed two people in Kaduna, Nigeria. "
                       "The same day, bandits abducted five farmers in Gusau, Zamfara.")
    assert [(str(r.event_date), r.location) for r in recs] == [("2023-05-03", "Kaduna"), ("2023-05-03", "Gusau")]


def test_rule_an_incident_on_a_document_date_is_dated_by_its_first_written_date(coder):
    # the first sentence writes no date: the later written date dates the incident, no split
    recs = code(coder, "Gunmen killed two people in Kaduna, Nigeria. On 3 May, the gunmen struck at dawn.",
                date="2023-05-05")
    assert len(recs) == 1


# ----------------------------------------------------------------- merging

def test_rule_the_same_day_place_and_actors_are_merged(coder):
    recs = code(coder, "On 3 May 2023, gunmen killed two people in Kaduna, Nigeria. "
                       "The same day, gunmen killed two people in Kaduna.")
    assert [row(r) for r in recs] == [("2023-05-03", 1, "Violence against civilians", "Kaduna", 2)]


def test_rule_the_hierarchy_decides_the_type_of_a_merged_event(coder):
    # shelling during a ground battle at the same place, the same day: one battle
    recs = code(coder, "On 3 May 2023, soldiers clashed with militants in Kidal, Mali. "
                       "The same day, the militants shelled the soldiers in the same area.")
    assert [(r.event_type, r.sub_event_type, r.location) for r in recs] == [("Battles", "Armed clash", "Kidal")]


def test_rule_merged_reports_of_the_same_victims_take_the_lowest(coder):
    recs = code(coder, "On 3 May 2023, soldiers clashed with militants in Kidal, Mali, killing five militants. "
                       "The same day, in the same area, the army said three militants were killed in the clashes.")
    assert [r.fatalities for r in recs] == [3]


def test_rule_different_actors_at_the_same_place_are_different_events(coder):
    recs = code(coder, "On 3 May 2023, students protested in Nairobi, Kenya. "
                       "The same day, in the same area, gunmen shot dead a trader.")
    assert [r.event_type for r in recs] == ["Protests", "Violence against civilians"]
    assert [r.location for r in recs] == ["Nairobi", "Nairobi"]


# ----------------------------------------------------------------- days

def test_rule_a_range_with_fighting_each_day_is_one_event_per_day(coder):
    recs = code(coder, "Between 3 and 5 June 2023, soldiers and militants clashed daily in Kidal, Mali.")
    assert [(str(r.event_date), r.time_precision) for r in recs] == [
        ("2023-06-03", 1), ("2023-06-04", 1), ("2023-06-05", 1)]
    assert len({(r.event_type, r.location, r.actor1, r.actor2) for r in recs}) == 1


def test_rule_a_range_without_each_day_is_one_event_with_the_range_precision(coder):
    (rec,) = code(coder, "Between 3 and 5 June 2023, soldiers and militants clashed in Kidal, Mali, leaving 10 dead.")
    assert (str(rec.event_date), rec.time_precision, rec.fatalities) == ("2023-06-04", 2, 10)


def test_rule_listed_days_are_one_event_per_day(coder):
    recs = code(coder, "On 3, 4 and 5 June 2023, students protested in Nairobi, Kenya against fee increases.")
    assert [str(r.event_date) for r in recs] == ["2023-06-03", "2023-06-04", "2023-06-05"]
    assert {r.sub_event_type for r in recs} == {"Peaceful protest"}


def test_rule_fatalities_over_several_days_split_with_the_remainder_on_the_first_day(coder):
    recs = code(coder, "From 3 to 5 June 2023, soldiers and militants clashed each day in Kidal, Mali. "
                       "In all, 10 people were killed.")
    assert [r.fatalities for r in recs] == [4, 3, 3]


def test_rule_ranges_longer_than_ten_days_are_never_split(coder):
    (rec,) = code(coder, "Between 1 and 20 June 2023, soldiers and militants clashed daily in Kidal, Mali.")
    assert rec.time_precision == 3


@pytest.mark.parametrize("cue", [
    "clashed daily", "clashed each day", "clashed every day", "clashed on each of those days",
    "clashed for three consecutive days", "clashed for three days", "clashed and the clashes continued",
])
def test_rule_each_day_cues(coder, cue):
    recs = code(coder, f"Between 3 and 5 June 2023, soldiers and militants {cue} in Kidal, Mali.")
    assert len(recs) == 3


def test_rule_the_records_of_a_document_never_count_a_death_twice(coder):
    one = "On 3 May 2023, soldiers clashed with militants in Kidal, Mali, killing 4 militants."
    two = "On 5 May 2023, militants ambushed soldiers near Gao, killing 2 soldiers."
    assert sum(r.fatalities for r in code(coder, f"{one} {two}")) == 6
    days = "Between 3 and 5 June 2023, soldiers and militants clashed daily in Kidal, Mali, leaving 11 dead."
    assert [r.fatalities for r in code(coder, days)] == [5, 3, 3]


# ----------------------------------------------------------------- the helpers

@pytest.mark.parametrize("total,days,want", [(10, 3, [4, 3, 3]), (2, 3, [2, 0, 0]), (0, 2, [0, 0]),
                                             (9, 3, [3, 3, 3]), (7, 1, [7])])
def test_share_puts_the_remainder_on_the_first_day(total, days, want):
    assert incidents.share(total, days) == want and sum(want) == total


class _Res:
    def __init__(self, text):
        self.tokens = tokenize(text)


@pytest.mark.parametrize("text,want", [
    ("Fighting continued until Friday.", True),
    ("The protest resumed the next day.", True),
    ("Police continued their investigation.", False),
    ("Gunmen attacked the village.", False),
    ("Protests were held for several days.", False),
])
def test_each_day_reads_what_the_text_says(text, want):
    assert incidents.each_day([_Res(text)]) is want


def test_split_keeps_a_single_sentence_whole():
    (inc,) = incidents.split([_Res("Gunmen attacked the village.")], lambda res: True)
    assert inc.reason == "the document"


# ----------------------------------------------------------------- places (rule 5)

def test_rule_a_list_of_places_is_one_event_per_place(coder):
    # places the built-in dictionaries know, so this holds with or without the gazetteer
    recs = code(coder, "On 3 May 2023, protesters clashed with police in Kisumu, Nakuru and Eldoret, Kenya, "
                       "and five people were killed.")
    assert [r.location for r in recs] == ["Kisumu", "Nakuru", "Eldoret"]
    assert [r.fatalities for r in recs] == [3, 1, 1]  # shared as over days: the remainder on the first
    assert {r.event_type for r in recs} == {recs[0].event_type} and {r.country for r in recs} == {"Kenya"}


def test_rule_a_town_and_its_regions_are_one_place(coder):
    recs = code(coder, "On 3 May 2023, police arrested two traders in Kabwoya, Hoima, Western, Uganda.")
    assert len(recs) == 1


@pytest.mark.parametrize("text", [
    "On 3 May 2023, gunmen ambushed a bus on the road between Garissa and Mandera, Kenya.",
    "On 3 May 2023, hundreds protested in Nairobi against the detention of Muslims in Kenya, Ethiopia and Somalia.",
    "On 3 May 2023, police dispersed protesters in Nairobi and in Foobarville, a place nobody knows.",
])
def test_rule_no_split_between_two_places_over_countries_or_unknown_names(coder, text):
    assert len(code(coder, text)) == 1
