import datetime as dt

import pytest

from eventcoder import DictionaryError, dictlang, lexicon, lint


def findings(text, on=None, **kw):
    return [(f.severity, f.message) for f in lint.check(dictlang.load([("t.dict", text)]), on, **kw)]


def test_one_name_two_codes_is_a_conflict():
    got = findings("actor IRQMIL Hashed\nactor IRQUAF Hashed\n")
    assert got[0][0] == "error" and "conflict" in got[0][1]


def test_exact_duplicates_are_warnings():
    got = findings("actor IRQMIL Hashed\nactor IRQMIL Hashed\n")
    assert got == [("warning", got[0][1])] and "duplicate" in got[0][1]


def test_people_sharing_a_name_at_different_times_are_fine():
    assert findings("person President Bush\n  as USAGOV 1989-01-20..1993-01-20\n"
                    "person President Bush\n  as USAGOV 2001-01-20..2009-01-20\n") == []


def test_overlapping_terms_of_one_office_are_errors_and_gaps_warnings():
    got = findings("person A\n  as IRQGOV 2010-01-01..2014-09-08 prime minister\n"
                   "person B\n  as IRQGOV 2014-09-01..2018-10-24 prime minister\n"
                   "person C\n  as IRQGOV 2019-01-01..2020-05-06 prime minister\n")
    assert ("error", "IRQGOV prime minister: term overlaps the one at t.dict:1:1") in got
    assert any(sev == "warning" and "no holder from 2018-10-25 to 2018-12-31" in msg for sev, msg in got)


def test_a_shared_handover_day_is_not_an_overlap():
    got = findings("person A\n  as IRQGOV 2010-01-01..2014-09-08 prime minister\n"
                   "person B\n  as IRQGOV 2014-09-08..2018-10-24 prime minister\n")
    assert not any(sev == "error" for sev, _ in got)


def test_offices_with_no_holder_on_a_date():
    got = findings("person A\n  as IRQGOV 2010-01-01..2014-09-08 prime minister\n", on=dt.date(2024, 1, 1))
    assert any("no holder on 2024-01-01" in msg for _, msg in got)


def test_patterns_that_can_never_match():
    got = findings("country IRQ Iraq\nverb 190 attack Iraq bases\nverb 193 fire on U.S.-led forces\n")
    assert any(sev == "warning" and "'Iraq' is read as an actor first" in msg for sev, msg in got)
    assert any(sev == "error" and "the tokenizer reads" in msg for sev, msg in got)


def test_unknown_codes_are_errors():
    assert any("unknown CAMEO code 999" in m for _, m in findings("verb 999 zap\n"))


def test_stats_report_coverage_and_staleness():
    d = dictlang.load([("t.dict", "country IRQ Iraq\nverb 190 fight\nperson A\n  as IRQGOV 2022-10-27..\n")])
    s = lint.stats(d)
    assert s["patterns_per_code"]["190"] == 1 and "195" in s["codes_without_patterns"]
    assert s["actors_per_country"]["IRQ"] == 1 and s["newest_role_per_country"]["IRQ"] == "2022-10-27"
    assert "CAMEO codes with patterns: 1 of" in lint.format_stats(s)


IRAQ = ("person A\n  as IRQGOV ..2003-04-09 head of state\n"
        "person B\n  as IRQGOV 2004-06-28..2005-04-07 head of state\n")


def test_a_known_vacancy_fills_the_gap_it_names():
    assert any("no holder from 2003-04-10 to 2004-06-27" in m for _, m in findings(IRAQ))
    marked = IRAQ + "vacant IRQGOV 2003-04-10..2004-06-27 head of state  # occupation\n"
    assert findings(marked) == []


def test_a_vacancy_covers_only_its_own_days():
    got = findings(IRAQ + "vacant IRQGOV 2003-04-10..2004-01-31 head of state\n")
    assert got == [("warning", "IRQGOV head of state: no holder from 2004-02-01 to 2004-06-27")]


def test_a_vacancy_is_per_office_and_code():
    got = findings(IRAQ + "vacant IRQGOV 2003-04-10..2004-06-27 prime minister\n")
    assert ("warning", "IRQGOV prime minister: marked vacant but no one ever holds it "
                       "(a misspelt office or code?)") in got
    assert any("head of state: no holder from 2003-04-10" in m for _, m in got)


def test_a_holder_inside_a_vacancy_is_an_error():
    got = findings(IRAQ + "vacant IRQGOV 2003-04-09..2004-06-27 head of state\n")
    assert [sev for sev, m in got] == ["error"] and "marked vacant from 2003-04-09 to 2004-06-27" in got[0][1]


def test_an_office_ended_for_good_has_an_open_vacancy():
    text = "person A\n  as LBYGOV 1977-03-02..2011-10-20 leader of the revolution\n" \
           "vacant LBYGOV 2011-10-21.. leader of the revolution  # abolished\n"
    assert findings(text) == []
    assert findings(text, on=dt.date(2024, 1, 1)) == []
    assert any("no holder on 2024-01-01" in m for _, m in findings(text.splitlines()[0] + "\n" +
                                                                      text.splitlines()[1], on=dt.date(2024, 1, 1)))


def test_vacancies_are_not_actors_and_read_back():
    (v,) = dictlang.parse_text("vacant LBNGOV 2022-11-01..2025-01-08 Head of State\n", "t")
    assert v.kind == "vacant" and v.phrases == () and v.roles[0].office == "head of state"
    assert dictlang.format_entry(v) == "vacant LBNGOV 2022-11-01..2025-01-08 head of state"
    lex = lexicon.compile_dictionary(dictlang.load([("t.dict", "vacant LBNGOV 2022-11-01.. head of state\n")]))
    assert lex.counts == {"vacant": 1}


def test_a_vacancy_needs_a_start_and_an_office():
    for bad in ("vacant IRQGOV ..2004-06-27 head of state\n", "vacant IRQGOV 2003-04-10..2004-06-27\n",
                "vacant IRQGOV 2004-06-27..2003-04-10 head of state\n"):
        with pytest.raises(DictionaryError):
            dictlang.parse_text(bad, "t")


LATE = "person A\n  as SSDGOV 2011-07-09..2020-01-01 head of state\nperson B\n  as SSDGOV 2020-01-01.. head of state\n"


def test_a_state_office_starting_after_the_coverage_start_is_a_warning():
    got = findings(LATE)
    assert got == [("warning", "SSDGOV head of state: no holder from 2000-01-01 to 2011-07-08 "
                               "(before the first one listed)")]
    assert got[0] == findings(LATE, on=dt.date(2024, 1, 1))[0]


def test_the_coverage_start_is_configurable():
    assert findings(LATE, since=None) == []
    assert findings(LATE, since=dt.date(2012, 1, 1)) == []
    assert any("no holder from 2011-01-01 to 2011-07-08" in m for _, m in findings(LATE, since=dt.date(2011, 1, 1)))


def test_an_office_created_later_says_so_with_a_vacancy():
    text = LATE + "vacant SSDGOV 2000-01-01..2011-07-08 head of state  # independence 2011-07-09\n"
    assert findings(text) == []
    half = LATE + "vacant SSDGOV 2005-01-01..2011-07-08 head of state\n"
    assert findings(half) == [("warning", "SSDGOV head of state: no holder from 2000-01-01 to 2004-12-31 "
                                          "(before the first one listed)")]


def test_an_open_start_or_an_early_holder_covers_the_start():
    assert findings("person A\n  as NGAGOV ..2007-05-29 head of state\n") == []
    assert findings("person A\n  as NGAGOV 1999-05-29..2007-05-29 head of state\n") == []
    assert findings("person A\n  as NGAGOV 2000-01-01..2007-05-29 head of state\n") == []


def test_the_coverage_start_applies_to_state_offices_only():
    # international organisations and sub-state authorities begin with their organisation
    assert findings("person A\n  as IGOUNO 2017-01-01.. secretary-general\n"
                    "person B\n  as LBYMILLNA 2016-03-30.. head of government\n") == []
    # unlabelled roles take part in no office check
    assert findings("person A\n  as SSDGOV 2011-07-09..\n") == []
