"""Readers for PETRARCH / TABARI dictionary files (eventcoder.petrarch), on small dictionaries of our own."""
import datetime as dt
from pathlib import Path

import pytest

from eventcoder import petrarch as P
from eventcoder.errors import InputError

DATA = Path(__file__).parent / "data" / "petrarch"


def d(s):
    return dt.date.fromisoformat(s)


def by_first(entries):
    return {e.phrases[0]: e for e in entries}


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- comments


def test_comments_hash_semicolon_and_xml_including_multiline_are_skipped(tmp_path):
    path = write(tmp_path, "a.txt", "# whole line\n<!-- one line --> ALPHA [AAA] # tail\n"
                 "<!-- starts here\nBETA [BBB]\nends here --> GAMMA [CCC]\n"
                 "DELTA [DDD] ; TABARI comment\n<! -- PETRARCH-style marker line -->\nEPSILON [EEE]\n")
    entries, problems = P.read_actors(path)
    assert problems == []
    assert [e.phrases[0] for e in entries] == [("ALPHA",), ("DELTA",), ("EPSILON",)]


# ----------------------------------------------------------------------------- actors


def test_actor_synonyms_share_the_entry_codes_and_words_split_on_underscore_and_space():
    entries, problems = P.read_actors(DATA / "actors.txt")
    assert problems == []
    vel = by_first(entries)[("VELORIA",)]
    assert vel.phrases == (("VELORIA",), ("VELORIAN",), ("REPUBLIC", "OF", "VELORIA"))
    assert vel.exact == (True, True, False)  # a trailing _ : TABARI's "whole word"
    assert [c.code for c in vel.codes] == ["VEL"]
    assert by_first(entries)[("NORTH", "QUARN", "ISLANDS")].codes == (P.DatedCode("QRNNTH"),)
    assert vel.where.line == 6 and vel.where.file.endswith("actors.txt")


def test_code_lines_follow_the_inline_code_and_dates_take_both_forms():
    entries, _ = P.read_actors(DATA / "actors.txt")
    tull = by_first(entries)[("AMBROSE", "TULL")]
    assert tull.phrases[1] == ("PRESIDENT", "TULL")
    eli, gov, reb = tull.codes
    # <d : up to the day before; a-b (YYYYMMDD, spaces allowed): both ends included; >d : from d on
    assert (eli.code, eli.start, eli.end) == ("VELELI", None, d("1995-05-31"))
    assert (gov.code, gov.start, gov.end) == ("VELGOV", d("1995-06-01"), d("1999-08-15"))
    assert (reb.code, reb.start, reb.end) == ("VELREB", d("1999-08-16"), None)
    osk = by_first(entries)[("MIRA", "OSK")]
    assert [c.code for c in osk.codes] == ["VELOPP", "VELGOV"]  # inline first, then the code lines
    assert osk.codes[1].start == d("2010-01-01") and osk.codes[1].end == d("2012-12-31")


def test_two_digit_years_up_to_30_are_20xx():
    assert P._parse_date("300101") == d("2030-01-01")
    assert P._parse_date("310101") == d("1931-01-01")
    assert P._parse_date("19991231") == d("1999-12-31")


def test_code_resolution_uses_dated_codes_first_and_the_undated_code_as_default():
    entries, _ = P.read_actors(DATA / "actors.txt")
    tull = by_first(entries)[("AMBROSE", "TULL")]
    assert tull.code_on(d("1995-05-31")).code == "VELELI"
    assert tull.code_on(d("1995-06-01")).code == "VELGOV"
    assert tull.code_on(d("1999-08-15")).code == "VELGOV"  # the end of a-b is included
    assert tull.code_on(d("1999-08-16")).code == "VELREB"
    osk = by_first(entries)[("MIRA", "OSK")]
    assert osk.code_on(d("2011-06-01")).code == "VELGOV"  # the inline code is a fallback, not a pre-emption
    assert osk.code_on(d("2013-01-01")).code == "VELOPP"
    old = by_first(entries)[("OLD", "VELORIA")]
    assert old.code_on(d("2021-01-01")).code == "VEL" and old.code_on(d("1999-01-01")).code == "VELOLD"
    assert tull.code_on(None) is None  # no date, no undated code


def test_compound_codes_are_kept_and_split_into_parts():
    entries, _ = P.read_actors(DATA / "actors.txt")
    (code,) = by_first(entries)[("HARBOR", "LEAGUE")].codes
    assert code.code == "VEL/QRN" and code.parts() == ("VEL", "QRN")
    assert P.DatedCode("VEL").parts() == ("VEL",)


def test_several_actor_files_are_read_in_order():
    entries, _ = P.read_actors([DATA / "actors.txt", str(DATA / "actors.txt")])
    assert len(entries) == 2 * len(P.read_actors(DATA / "actors.txt")[0])


def test_bad_actor_lines_are_reported_with_file_line_column_and_the_rest_is_read(tmp_path):
    path = write(tmp_path, "bad.actors.txt",
                 "\t[XXX]\nALPHA [AAA 9901-991231]\nBETA [BBB 990101-980101]\nGAMMA [CCC 20121204]\n"
                 "DELTA [DDD\n+\nEPSILON [EEE] junk\nZETA\nETA [HHH]\n")
    entries, problems = P.read_actors(path)
    where = [(p.where.line, p.where.column) for p in problems]
    assert where[0] == (1, 2)  # a code line with no phrase before it
    lines = [p.where.line for p in problems]
    assert lines == [1, 2, 3, 4, 5, 6, 7, 8]
    assert all(p.where.file == str(path) for p in problems)
    assert "expected a date YYMMDD or YYYYMMDD" in problems[1].message
    assert "ends before it starts" in problems[2].message
    assert "read as '>20121204'" in problems[3].message
    assert str(problems[0]).startswith(f"{path}:1:2: ")
    got = by_first(entries)
    assert got[("GAMMA",)].codes == (P.DatedCode("CCC", d("2012-12-04")),)  # a bare date: from then on
    assert got[("DELTA",)].codes == (P.DatedCode("DDD"),)
    assert got[("ETA",)].codes == (P.DatedCode("HHH"),)
    assert problems[0].to_problem().line == 1


# ----------------------------------------------------------------------------- agents


def test_agents_suffix_and_prefix_codes():
    agents, problems = P.read_agents(DATA / "agents.txt")
    assert problems == []
    got = by_first(agents)
    assert (got[("GOVERNOR",)].code, got[("GOVERNOR",)].prefix) == ("GOV", False)
    assert (got[("RELIEF", "AGENCY")].code, got[("RELIEF", "AGENCY")].prefix) == ("NGO", True)
    assert got[("POLICE",)].code == "COP"  # [ ~COP]: spaces inside the brackets


def test_agent_plurals_generated_explicit_and_suppressed():
    got = by_first(P.read_agents(DATA / "agents.txt")[0])
    assert got[("GOVERNOR",)].phrases == (("GOVERNOR",), ("GOVERNORS",))
    assert got[("MILITARY", "AUTHORITY")].phrases[1] == ("MILITARY", "AUTHORITIES")
    assert got[("BOSS",)].phrases[1] == ("BOSSES",)
    assert got[("TROOPS",)].phrases == (("TROOPS",),)  # {}
    assert got[("CHIEF", "OF", "STAFF")].phrases == (("CHIEF", "OF", "STAFF"), ("CHIEFS", "OF", "STAFF"))


def test_agent_substitution_sets_expand_without_plurals():
    got = by_first(P.read_agents(DATA / "agents.txt")[0])
    assert got[("MILITIAMAN",)].phrases == (
        ("MILITIAMAN",), ("MILITIAMEN",), ("MILITIAWOMAN",), ("MILITIAWOMEN",))
    assert got[("MINISTER", "OF", "HARBORS")].phrases == (
        ("MINISTER", "OF", "HARBORS"), ("MINISTRY", "OF", "HARBORS"))


def test_bad_agent_lines_are_reported_and_the_rest_is_read(tmp_path):
    path = write(tmp_path, "bad.agents.txt",
                 "NO_CODE_HERE\nCLERK [~ADM}\nMAYOR [GOV]\n!UNDEFINED!_GUARD [~MIL]\nJUDGE [~JUD]\n")
    agents, problems = P.read_agents(path)
    assert [p.where.line for p in problems] == [1, 2, 3, 4]
    assert "no [~CODE]" in problems[0].message and "not defined" in problems[3].message
    assert [a.phrases[0] for a in agents] == [("CLERK",), ("MAYOR",), ("JUDGE",)]
    assert agents[1].code == "GOV" and not agents[1].prefix


def test_plural_rules():
    assert [P.plural(w) for w in ("ENVOY", "PARTY", "CRISIS", "BUS", "BOX", "CHURCH", "DOLLARS", "MAN")] == \
        ["ENVOYS", "PARTIES", "CRISES", "BUSES", "BOXES", "CHURCHES", None, "MANS"]


# ----------------------------------------------------------------------------- verbs, PETRARCH-2 syntax


@pytest.fixture(scope="module")
def p2():
    vd, problems = P.read_verbs(DATA / "verbs.petrarch2.txt")
    assert problems == []
    return vd


def block(vd, name):
    (b,) = [b for b in vd.blocks if b.name == name]
    return b


def test_syntax_is_detected(p2):
    assert p2.syntax == "petrarch2"
    assert P.read_verbs(DATA / "verbs.tabari.txt")[0].syntax == "tabari"


def test_verb_forms_generated_listed_and_multi_word(p2):
    b = block(p2, "SUPPORT")
    assert (b.code, b.passive_code) == ("050", None)
    verbs = {v.words: v for v in b.verbs}
    assert verbs[("SUPPORT",)].forms == (("SUPPORT",), ("SUPPORTS",), ("SUPPORTED",), ("SUPPORTING",))
    assert verbs[("BACK",)].forms == (("BACK",), ("BACKS",), ("BACKED",), ("BACKING",))
    stand = verbs[("STAND", "BY")]
    assert stand.head_index == 0 and ("STOOD", "BY") in stand.forms and len(stand.forms) == 4
    call = verbs[("CALL", "OFF")]
    assert ("CALLED", "OFF") in call.forms
    assert verbs[("SUPPORT",)].code is None  # the block's code
    assert verbs[("ENDORSE",)].code == "051"
    assert call.code == "---"  # an explicit [---]: no event whatever the block says


def test_verb_form_rules():
    assert P.verb_forms("TRY") == ("TRY", "TRIES", "TRIED", "TRYING")
    assert P.verb_forms("DELAY") == ("DELAY", "DELAYS", "DELAYED", "DELAYING")
    assert P.verb_forms("PLEDGE") == ("PLEDGE", "PLEDGES", "PLEDGED", "PLEDGING")
    assert P.verb_forms("AGREE") == ("AGREE", "AGREES", "AGREED", "AGREEING")
    assert P.verb_forms("DIE") == ("DIE", "DIES", "DIED", "DYING")
    assert P.verb_forms("PUSH") == ("PUSH", "PUSHES", "PUSHED", "PUSHING")


def test_petrarch2_pattern_elements(p2):
    pats = {p.where.line: p for p in block(p2, "SUPPORT").patterns}
    money = pats[29]
    assert money.pre == () and money.post == (P.Element("synset", ("MONEY",)),) and money.code == "070"
    (np,) = pats[30].post
    assert np.kind == "np" and np.words == ("ECONOMIC", "&FUND")
    assert [c.kind for c in np.children] == ["word", "synset"]
    (pp,) = pats[31].post
    assert pp.kind == "pp" and pp.words == ("FOR", "PEACE", "TALKS") and pp.children[1].kind == "np"
    skip = pats[32]
    assert skip.pre == (P.Element("synset", ("AUXVERB",)),)
    assert [c.kind for c in skip.post[0].children] == ["word", "skip"]
    assert skip.verb.kind == "verb"


def test_codes_active_passive_and_null(p2):
    pats = {p.where.line: p for p in block(p2, "SUPPORT").patterns}
    assert (pats[33].code, pats[33].passive_code) == (None, "112")  # [:112]
    assert [e.kind for e in pats[33].post] == ["target", "pp"]
    assert [c.kind for c in pats[33].post[1].children] == ["word", "source"]
    assert (pats[34].code, pats[34].passive_code) == ("043", "043")
    assert pats[34].pre == (P.Element("compound", ()),)
    assert (pats[35].code, pats[35].passive_code) == (None, None)  # [---]
    assert [e.words for e in pats[35].post] == [("PLAN",), ("OF",), ("ACTION",)]  # no & : words, joined by _
    assert [e.joined for e in pats[35].post] == [False, True, True]
    visit = block(p2, "VISIT")
    assert (visit.code, visit.passive_code) == ("042", "043")
    assert pats[29].text == "- * &MONEY [070]"


def test_synsets_plurals_label_underscore_and_nesting(p2):
    assert p2.synsets["AUXVERB"] == (("WILL",), ("IS", "TO"))  # &AUXVERB_ : no plurals
    # AID_ : no plural
    assert p2.synsets["FUND"] == (("GRANT",), ("GRANTS",), ("LOAN",), ("LOANS",), ("AID",))
    assert p2.synsets["MONEY"] == p2.synsets["FUND"] + (("CASH",), ("CASHES",))  # +&FUND nested
    assert "PLAN_OF_ACTION" in p2.synsets


def test_transformations(p2):
    t1, t2 = p2.transformations
    assert t1.lhs == ("a", ("a", "b", "ATTACK"), "SAY")
    assert (t1.source, t1.target, t1.code) == ("a", "b", "015")
    assert t2.lhs == ("a", ("b", ".", "ATTACK"), "SAY") and t2.code == "112"
    assert t1.text == "~ a (a b ATTACK) SAY = a b 015"


# ----------------------------------------------------------------------------- verbs, TABARI syntax


@pytest.fixture(scope="module")
def tab():
    vd, problems = P.read_verbs(DATA / "verbs.tabari.txt")
    assert problems == []
    return vd


def test_tabari_file_is_read_past_its_xml_comments(tab):
    assert [b.name for b in tab.blocks] == ["RESTORE", "SEVER"]
    assert len(block(tab, "RESTORE").patterns) == 7


def test_tabari_markers_and_connectors(tab):
    pats = {p.where.line: p for p in block(tab, "RESTORE").patterns}
    assert [e.kind for e in pats[10].post] == ["word", "synset", "word"]
    ties_with = pats[11].post
    assert [(e.words, e.joined) for e in ties_with[:2]] == [(("TIES",), False), (("WITH",), True)]
    assert ties_with[2].kind == "target"
    was = pats[12]
    assert [e.kind for e in was.pre] == ["target", "word"] and was.pre[1].exact and not was.verb.joined
    assert [e.kind for e in was.post] == ["word", "source"]
    assert pats[13].verb.joined and pats[13].pre == (P.Element("word", ("NOT",)),)  # NOT_*
    assert pats[14].pre == (P.Element("compound", ()),)
    assert [e.kind for e in pats[15].post] == ["skip", "word", "target"] and pats[15].post[1].exact
    assert pats[16].pre == (P.Element("word", ("IN",), exact=True),) and not pats[16].verb.joined  # IN_ *


def test_tabari_synsets_defined_later_nested_and_joined_to_words(tab):
    assert tab.synsets["NEVER_WORDS"] == (("NEVER",),)
    assert tab.synsets["NEGATIVE"] == (("DID", "NOT"), ("DID", "NOTS"), ("NEVER",))
    (p,) = block(tab, "SEVER").patterns
    assert p.pre == (P.Element("synset", ("NEGATIVE",)), P.Element("word", ("EVER",), joined=True))


def test_tabari_pre_verb_words_of_a_multi_word_verb(tab):
    klm = [v for v in block(tab, "SEVER").verbs if len(v.words) == 2][0]
    assert klm.words == ("KLM", "SEVER") and klm.head_index == 1 and klm.code == "196"
    assert ("KLM", "SEVERED") in klm.forms


def test_bad_verb_lines_are_reported_and_the_rest_is_read(tmp_path):
    path = write(tmp_path, "bad.verbs.txt",
                 "ORPHAN\n--- FIGHT [190] [191] ---\nFIGHT\n- * BATTLE\n- BATTLE [193]\n- * (WITH ^ [194]\n"
                 "- * &NOSUCH [195]\n- * WAR [1:2:3]\n~ a (b . X SAY = a b 1\n- * TRUCE [196]\n")
    vd, problems = P.read_verbs(path)
    assert [p.where.line for p in problems] == [1, 2, 4, 5, 6, 7, 8, 9]
    assert "more than one code" in problems[1].message and problems[1].where.column == 17
    assert "no [CODE]" in problems[2].message and "exactly one *" in problems[3].message
    assert "to close the group" in problems[4].message and "&NOSUCH is not defined" in problems[5].message
    (b,) = vd.blocks
    assert b.code == "190" and [v.words for v in b.verbs] == [("FIGHT",)]
    assert [p.code for p in b.patterns] == ["194", "195", "196"]  # kept where the intent is readable


# ----------------------------------------------------------------------------- discards and issues


def test_discards_sentence_and_story_level():
    discards, problems = P.read_discards(DATA / "discards.txt")
    assert problems == []
    assert [(x.words, x.story, x.boundary) for x in discards] == [
        (("HARVEST", "FESTIVAL"), False, False), (("CHAMPIONS", "CUP"), True, False),
        (("GROUP", "A"), False, True)]


def test_issues_expansions_and_ignore_phrases():
    issues, problems = P.read_issues(DATA / "issues.txt")
    assert problems == []
    forms = {}
    for i in issues:
        forms.setdefault((i.code, i.ignore), []).append(i.words)
    assert forms[("WATER_SUPPLY", None)] == [
        ("RESERVOIR",), ("RESERVOIRS",), ("FRESH", "WATER"), ("FRESH-WATER",)]
    irrigation = forms[("IRRIGATION", None)]
    assert len(irrigation) == 8
    assert ("IRRIGATED", "FIELDS") in irrigation and ("IRRIGATING", "FIELD") in irrigation
    assert forms[("", "sentence")] == [("WATER", "POLO")] and forms[("", "story")] == [("WATER", "MUSIC")]
    assert {i.category for i in issues} == {"WATER"}


def test_bad_issue_and_discard_lines(tmp_path):
    issues, problems = P.read_issues(write(tmp_path, "i.txt", "no code here\nflood [FLOOD\nstorm [STORM]\n"))
    assert [p.where.line for p in problems] == [1, 2] and [i.words for i in issues] == [("STORM",)]
    discards, problems = P.read_discards(write(tmp_path, "d.txt", "+\nRALLY\n"))
    assert [p.where.line for p in problems] == [1] and [x.words for x in discards] == [("RALLY",)]


# ----------------------------------------------------------------------------- options, config, unit tests


def test_options_defaults_and_parsing():
    assert P.parse_options(None) == P.PetrarchOptions()
    o = P.PetrarchOptions()
    assert (o.require_dyad, o.new_actor_length, o.comma_min, o.comma_max, o.comma_bmin, o.comma_bmax,
            o.comma_emin, o.comma_emax) == (True, 0, 2, 8, 0, 0, 2, 8)
    for value in ("false", "FALSE", "False", " false "):
        assert P.parse_options({"require_dyad": value}).require_dyad is False
    assert P.parse_options({"require_dyad": "TRUE"}).require_dyad is True
    o = P.parse_options({"comma_max": "6", "comma_bmin": "3", "New_Actor_Length": "4",
                         "stop_on_error": "True"})
    assert (o.comma_max, o.comma_bmin, o.new_actor_length) == (6, 3, 4)  # every comma option is read
    assert o.other == {"stop_on_error": "True"}
    # other keys take no part in equality
    assert o == P.parse_options({"comma_max": "6", "comma_bmin": "3", "new_actor_length": "4"})
    assert hash(o) == hash(P.parse_options({"comma_max": "6", "comma_bmin": "3", "new_actor_length": "4"}))


@pytest.mark.parametrize("key,value", [("require_dyad", "maybe"), ("comma_max", "eight"),
                                       ("new_actor_length", "-1")])
def test_bad_option_values_name_the_key(key, value):
    with pytest.raises(InputError, match=key):
        P.parse_options({key: value})


def test_read_config():
    files, options = P.read_config(DATA / "PETR_config.ini")
    assert files["verbs"] == DATA / "verbs.petrarch2.txt"
    assert files["actors"] == [DATA / "actors.txt", DATA / "actors.txt"]
    assert (files["agents"], files["discards"], files["issues"]) == (
        DATA / "agents.txt", DATA / "discards.txt", DATA / "issues.txt")
    assert options == {"require_dyad": "False", "new_actor_length": "4", "comma_emax": "0",
                       "stop_on_error": "True"}
    o = P.parse_options(options)
    assert (o.require_dyad, o.new_actor_length, o.comma_emax) == (False, 4, 0)
    with pytest.raises(InputError):
        P.read_config(DATA / "no-such.ini")


def test_read_unittest():
    recs = P.read_unittest(DATA / "unittest.xml")
    assert [r.id for r in recs] == ["DEMO-01", "DEMO-02", "DEMO-02-dup1", "DISCARD-01"]
    first, second, third, fourth = recs
    assert first.text == "Veloria will restore full trade ties with Quarn."  # the <Text>, never the <Parse>
    assert first.date == d("1999-01-01") and first.category == "DEMO" and first.active
    assert first.expected == (("VEL", "QRN", "064"),) and first.comments == ("restore: simple coding",)
    assert first.config == {"stop_on_error": "True"}
    assert first.environment == {"verbs": "verbs.tabari.txt", "actors": ("actors.txt",),
                                 "agents": "agents.txt", "discards": "discards.txt", "issues": None}
    assert second.date == d("1995-01-03")
    # quotes taken off; a missing code is ---
    assert second.expected == (("HARBOR MASTER", "QRN", "042"), ("QRN", "---", "043"))
    assert second.config == {"stop_on_error": "True", "require_dyad": "false"}
    assert third.config["require_dyad"] == "true" and not third.active and third.expect_no_events
    assert third.source_id == "DEMO-02"
    assert fourth.expected_error == "sentencediscard" and fourth.expected == ()
    with pytest.raises(InputError):
        P.read_unittest(DATA / "actors.txt")
