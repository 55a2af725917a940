"""eventcoder.dates: written and relative dates, with ACLED's time precision."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.dates import DateMatch, event_date, find_dates, parse_doc_date
from eventcoder.errors import InputError
from eventcoder.tokens import tokenize

THU = dt.date(2024, 1, 4)          # a Thursday
D = dt.date


def first(text, doc=THU):
    m = event_date(tokenize(text), doc)
    return None if m is None else (m.date, m.precision, m.explicit)


def span(text, doc=THU):
    toks = tokenize(text)
    m = event_date(toks, doc)
    return " ".join(toks.raw[m.start:m.end])


# ----------------------------------------------------------------- parse_doc_date

def test_parse_doc_date_accepts_iso_dates_and_date_objects():
    assert parse_doc_date("2024-01-04") == THU
    assert parse_doc_date(" 2024-01-04 ") == THU
    assert parse_doc_date("2024-01-04T10:30:00Z") == THU
    assert parse_doc_date("20240104") == THU
    assert parse_doc_date(THU) == THU
    assert parse_doc_date(dt.datetime(2024, 1, 4, 12, 0)) == THU
    assert parse_doc_date(None) is None
    assert parse_doc_date("") is None


@pytest.mark.parametrize("bad", ["2024-13-01", "2024-02-30", "yesterday", "04/01/2024", "2024", "Jan 4 2024"])
def test_parse_doc_date_rejects_bad_strings_with_a_clear_message(bad):
    with pytest.raises(InputError, match="bad document date"):
        parse_doc_date(bad)


def test_parse_doc_date_rejects_other_types():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_doc_date(20240104)  # type: ignore[arg-type]


# ----------------------------------------------------------------- written dates

@pytest.mark.parametrize("text, date", [
    ("On 4 January 2024, a drone strike hit Baghdad.", D(2024, 1, 4)),
    ("4 January 2024", D(2024, 1, 4)),
    ("January 4, 2024: a strike", D(2024, 1, 4)),
    ("on January 4 2024", D(2024, 1, 4)),
    ("On Sept 17th 2019, in Garissa", D(2019, 9, 17)),
    ("the 4th of January 2023", D(2023, 1, 4)),
    ("On 9 May 2022, rioters clashed", D(2022, 5, 9)),
])
def test_full_written_dates_are_precision_1_and_need_no_document_date(text, date):
    assert first(text, None) == (date, 1, True)
    assert first(text) == (date, 1, True)


@pytest.mark.parametrize("text", ["On Jan. 4 police said", "Jan 4 raid", "4 Jan attack", "on 4 January",
                                  "January 4th"])
def test_day_and_month_take_the_most_recent_such_day(text):
    assert first(text) == (D(2024, 1, 4), 1, True)
    assert first(text, D(2024, 1, 3)) == (D(2023, 1, 4), 1, True)   # not after the document date
    assert first(text, None) is None                              # no year without a document date


def test_feb_29_without_a_year_goes_back_to_a_leap_year():
    assert first("on 29 February", D(2025, 3, 1)) == (D(2024, 2, 29), 1, True)


def test_invalid_written_dates_are_skipped():
    assert first("On 31 February 2023", None) is None


def test_month_and_year_is_precision_3_on_the_15th():
    assert first("in December 2023", None) == (D(2023, 12, 15), 3, True)


def test_early_mid_late_month():
    assert first("in early June 2023", None) == (D(2023, 6, 5), 3, True)
    assert first("in mid-October 2023", None) == (D(2023, 10, 15), 3, True)
    assert first("late June 2023", None) == (D(2023, 6, 25), 3, True)


def test_month_names_must_be_capitalised():
    assert first("it may rain on 4 may") is None
    assert first("May God help them") is None


# ----------------------------------------------------------------- hedges and ranges (ACLED conventions)

def test_around_gives_precision_2():
    text = "Around 18 April 2022, in Barranquilla, rioters attacked a man."
    assert first(text, None) == (D(2022, 4, 18), 2, True)
    assert first("Around 1 May 2022 (as reported), bodies were found.", None) == (D(2022, 5, 1), 2, True)


@pytest.mark.parametrize("hedge", ["on or about", "on or around", "on or before", "approximately"])
def test_other_hedges_give_precision_2(hedge):
    assert first(f"{hedge} 5 May 2022", None) == (D(2022, 5, 5), 2, True)


def test_reported_on_is_the_report_date_precision_2():
    assert first("As reported on 19 March 2020, 6 militants were killed.", None) == (D(2020, 3, 19), 2, True)


def test_bracketed_week_weekend_month_of_keep_the_written_day():
    text = "Around 4 May 2022 (week of), police arrested 54 officials."
    assert first(text, None) == (D(2022, 5, 4), 2, True)
    assert first("Around 26 March 2022 (weekend of), gunmen killed a man.", None) == (D(2022, 3, 26), 2, True)
    assert first("Around 15 March 2022 (month of), forces raped women.", None) == (D(2022, 3, 15), 3, True)
    assert span("Around 4 May 2022 (week of), police", None) == "Around 4 May 2022 ( week of )"


def test_week_of_in_front_moves_to_the_wednesday():
    assert first("Week of 16 July 2018. Students protested.", None) == (D(2018, 7, 18), 2, True)


def test_weekend_of_in_front_moves_to_the_saturday():
    assert first("the weekend of 26 February 2017", None) == (D(2017, 2, 25), 2, True)


def test_month_of_in_front_moves_to_the_15th():
    assert first("during the month of 3 March 2022", None) == (D(2022, 3, 15), 3, True)


def test_ranges_give_the_middle_day():
    assert first("between 31 January - 8 February 2022", None) == (D(2022, 2, 4), 2, True)
    assert first("between 18 and 20 February 2022", None) == (D(2022, 2, 19), 2, True)
    assert first("from 24 February to 10 March 2022", None) == (D(2022, 3, 3), 3, True)


def test_a_range_in_brackets_sets_the_precision_of_the_date_before_it():
    text = "Around 3 March 2022 (between 24 February - 10 March), troops engaged militiamen."
    assert first(text, None) == (D(2022, 3, 3), 3, True)
    # the year-less range takes the year of the date before it
    dates = find_dates(tokenize(text), None)
    assert dates[1].date == D(2022, 3, 3)


def test_first_written_date_wins_over_relative_ones():
    assert first("Yesterday, officials said that on 2 January 2024 a strike hit.") == (D(2024, 1, 2), 1, True)


# ----------------------------------------------------------------- relative dates

@pytest.mark.parametrize("text, date", [
    ("on Thursday", THU),                          # the document date is a Thursday: that day
    ("on Thursday night", THU),
    ("Thursday's strike", THU),
    ("on Wednesday", D(2024, 1, 3)),
    ("on Friday", D(2023, 12, 29)),
    ("last Thursday", D(2023, 12, 28)),           # "last" is strictly before
    ("yesterday", D(2024, 1, 3)),
    ("yesterday morning", D(2024, 1, 3)),
    ("the day before yesterday", D(2024, 1, 2)),
    ("today", THU),
    ("earlier today", THU),
    ("tonight", THU),
    ("this morning", THU),
    ("this afternoon", THU),
    ("last night", D(2024, 1, 3)),
    ("overnight", D(2024, 1, 3)),
    ("two days ago", D(2024, 1, 2)),
])
def test_relative_days_are_precision_1(text, date):
    assert first(text) == (date, 1, False)


@pytest.mark.parametrize("text, date", [
    ("last week", D(2023, 12, 27)),                # Wednesday of the previous week
    ("earlier this week", D(2024, 1, 3)),          # Wednesday of this week
    ("this week", D(2024, 1, 3)),
    ("over the weekend", D(2023, 12, 30)),         # Saturday of the latest weekend
    ("at the weekend", D(2023, 12, 30)),
    ("this weekend", D(2023, 12, 30)),
    ("last weekend", D(2023, 12, 30)),
    ("a week ago", D(2023, 12, 28)),
    ("a few days ago", D(2024, 1, 1)),
])
def test_relative_weeks_are_precision_2(text, date):
    assert first(text) == (date, 2, False)


def test_this_week_does_not_land_after_a_monday_document_date():
    assert first("earlier this week", D(2024, 1, 1)) == (D(2024, 1, 1), 2, False)


def test_last_weekend_on_a_sunday_is_the_weekend_before():
    assert first("last weekend", D(2024, 1, 7)) == (D(2023, 12, 30), 2, False)
    assert first("over the weekend", D(2024, 1, 7)) == (D(2024, 1, 6), 2, False)


@pytest.mark.parametrize("text, date", [
    ("last month", D(2023, 12, 15)),
    ("in December", D(2023, 12, 15)),
    ("in January", THU),                           # this month, clamped to the document date
    ("earlier this month", THU),
    ("in mid-October", D(2023, 10, 15)),
    ("in early December", D(2023, 12, 5)),
    ("in late December", D(2023, 12, 25)),
    ("two months ago", D(2023, 11, 4)),
])
def test_relative_months_are_precision_3(text, date):
    assert first(text) == (date, 3, False)


def test_future_and_habitual_weekdays_give_nothing():
    assert first("next Thursday") is None
    assert first("every Friday") is None
    assert first("later this week") is None


def test_relative_dates_need_a_document_date():
    for text in ("yesterday", "on Thursday", "last week", "over the weekend", "last month", "in December"):
        assert first(text, None) is None


def test_weekday_before_a_written_date_is_not_read_twice():
    dates = find_dates(tokenize("on Thursday, January 4, 2024"), None)
    assert [(d.date, d.explicit) for d in dates] == [(THU, True)]


def test_no_dates():
    assert find_dates(tokenize("Police arrested two protesters in Baghdad."), THU) == []
    assert event_date(tokenize(""), THU) is None


def test_date_match_is_frozen():
    m = DateMatch(0, 1, THU, 1, True)
    with pytest.raises(AttributeError):
        m.precision = 2  # type: ignore[misc]


# ----------------------------------------------------------------- properties

docs = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()


@settings(max_examples=150, deadline=None)
@given(docs, st.sampled_from(["yesterday", "today", "last night", "this morning", "last week", "this week",
                              "earlier this week", "over the weekend", "last weekend", "last month",
                              "earlier this month", "two days ago", "a week ago", "three months ago",
                              "the past week", "in mid-March", "overnight"]))
def test_relative_dates_are_never_after_the_document_date(doc, text):
    m = event_date(tokenize(f"Police said {text} that two people were killed."), doc)
    assert m is not None and not m.explicit
    assert m.date <= doc


@settings(max_examples=150, deadline=None)
@given(docs, st.sampled_from(WEEKDAYS), st.sampled_from(["on {}", "{} night", "{}'s attack", "late on {}"]))
def test_weekdays_fall_within_six_days_before(doc, day, pattern):
    m = event_date(tokenize(pattern.format(day)), doc)
    assert m is not None and m.precision == 1
    assert 0 <= (doc - m.date).days <= 6
    assert m.date.strftime("%A") == day


@settings(max_examples=100, deadline=None)
@given(docs)
def test_last_week_is_the_wednesday_of_the_previous_week(doc):
    m = event_date(tokenize("last week"), doc)
    assert 5 <= (doc - m.date).days <= 11 and m.date.weekday() == 2 and m.precision == 2


@settings(max_examples=150, deadline=None)
@given(docs, st.sampled_from(MONTHS), st.sampled_from(["in", "during", "early", "late"]))
def test_month_names_fall_within_twelve_months(doc, month, prep):
    m = event_date(tokenize(f"fighting {prep} {month} killed 3"), doc)
    assert m is not None and m.precision == 3
    assert m.date <= doc and (doc - m.date).days < 366
    assert m.date.strftime("%B") == month or m.date == doc


@settings(max_examples=150, deadline=None)
@given(docs, st.integers(1, 31), st.sampled_from(MONTHS))
def test_day_month_without_year_is_the_latest_not_after_the_document_date(doc, day, month):
    m = event_date(tokenize(f"On {day} {month}, gunmen attacked."), doc)
    if m is not None:
        assert m.date <= doc and (doc - m.date).days < 366 * 8
        assert (m.date.day, m.date.strftime("%B")) == (day, month)


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_written_full_dates_round_trip(day):
    text = f"On {day.day} {day.strftime('%B')} {day.year}, clashes erupted."
    assert first(text, None) == (day, 1, True)
    text = f"On {day.strftime('%B')} {day.day}, {day.year}, clashes erupted."
    assert first(text, None) == (day, 1, True)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), docs))
def test_never_raises_on_arbitrary_text(text, doc):
    toks = tokenize(text)
    for m in find_dates(toks, doc):
        assert 0 <= m.start < m.end <= len(toks)
        assert m.precision in (1, 2, 3)
    event_date(toks, doc)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["On", "4", "31", "29", "January", "Feb", ".", ",", "2024", "Thursday", "last", "week", "weekend",
     "month", "this", "earlier", "ago", "days", "two", "between", "-", "and", "(", ")", "of", "around",
     "mid-October", "in", "yesterday", "night"]), max_size=14), st.one_of(st.none(), docs))
def test_never_raises_on_date_word_soup(words, doc):
    toks = tokenize(" ".join(words))
    for m in find_dates(toks, doc):
        assert 0 <= m.start < m.end <= len(toks)
        if doc is not None and not m.explicit:
            assert m.date <= doc


# ----------------------------------------------------------------- days of ranges and lists (incidents)

def test_rule_as_reported_in_brackets_keeps_the_day_at_precision_2():
    assert first("Around 1 May 2022 (as reported), bodies were found.", None) == (D(2022, 5, 1), 2, True)


def test_rule_listed_days_are_dated_at_their_middle_with_the_range_precision():
    m = event_date(tokenize("On 3, 4 and 5 June 2023, students protested."), None)
    assert (m.date, m.precision, m.days, m.listed) == (D(2023, 6, 4), 2, (D(2023, 6, 3), D(2023, 6, 4), D(2023, 6, 5)), True)
    m = event_date(tokenize("On June 3, 4 and 5, 2023, students protested."), None)
    assert (m.date, m.listed, len(m.days)) == (D(2023, 6, 4), True, 3)
    m = event_date(tokenize("On 3 and 4 June 2023, students protested."), None)
    assert (m.days, m.listed) == ((D(2023, 6, 3), D(2023, 6, 4)), True)


@pytest.mark.parametrize("text", ["between 3 and 5 June 2023", "from 3 to 5 June 2023", "3-5 June 2023",
                                  "June 3-5, 2023", "from 3 June to 5 June 2023"])
def test_rule_a_range_keeps_every_day_it_covers(text):
    m = event_date(tokenize(text), None)
    assert (m.date, m.precision, m.days, m.listed) == (D(2023, 6, 4), 2, (D(2023, 6, 3), D(2023, 6, 4), D(2023, 6, 5)), False)


def test_rule_a_range_across_months_keeps_its_days():
    m = event_date(tokenize("between 30 May and 2 June 2023"), None)
    assert m.days == (D(2023, 5, 30), D(2023, 5, 31), D(2023, 6, 1), D(2023, 6, 2))


def test_a_single_day_has_no_days_and_a_number_after_a_date_is_not_a_day():
    assert event_date(tokenize("On 3 June 2023, gunmen attacked."), None).days == ()
    m = event_date(tokenize("On June 3, 12 people died."), THU)
    assert (m.date.day, m.precision, m.days) == (3, 1, ())


def test_near_gives_a_year_less_date_the_year_nearest_to_it():
    assert event_date(tokenize("On 3 and 4 June, students protested."), None) is None
    m = event_date(tokenize("On 3 and 4 June, students protested."), None, D(2021, 6, 1))
    assert m.days == (D(2021, 6, 3), D(2021, 6, 4))
