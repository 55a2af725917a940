import datetime as dt

from eventcoder import dictlang, lint


def findings(text, on=None):
    return [(f.severity, f.message) for f in lint.check(dictlang.load([("t.dict", text)]), on)]


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
