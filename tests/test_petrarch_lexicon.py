"""PETRARCH/TABARI dictionaries through the one engine: Coder.from_petrarch on small fictional
dictionaries written for these tests (tests/data/petrarch), the unit-test runner and the CLI."""
import json
from pathlib import Path

import pytest

import eventcoder
from eventcoder import cli, petrarch_validate
from eventcoder.petrarch_lexicon import compile_files

DATA = Path(__file__).parent / "data" / "petrarch"


def coder(**options):
    return eventcoder.Coder.from_petrarch(
        actors=[DATA / "actors.txt"], agents=DATA / "agents.txt", verbs=DATA / "verbs.tabari.txt",
        discards=DATA / "discards.txt", options={k: str(v) for k, v in options.items()})


def triples(c, text, date="1999-01-01"):
    return {(e.to_dict()["source"] or "---", e.to_dict()["target"] or "---", e.cameo)
            for e in c.code(text, date=date)}


@pytest.fixture(scope="module")
def dyad():
    return coder(require_dyad="true")


@pytest.fixture(scope="module")
def loose():
    return coder(require_dyad="false")


def test_the_verb_code_of_the_block_and_a_more_specific_pattern(dyad):
    assert triples(dyad, "Veloria restored ties with Quarn.") == {("VEL", "QRN", "064")}
    assert triples(dyad, "Veloria will restore full trade ties with Quarn.") == {("VEL", "QRN", "065")}


def test_synset_members_and_their_plurals_fill_a_pattern(dyad):
    assert triples(dyad, "Veloria will restore full cultural ties with Quarn.") == {("VEL", "QRN", "065")}


def test_words_before_the_verb_and_a_target_slot(dyad):
    assert triples(dyad, "Veloria said it would restore ties with Quarn.") == {("VEL", "QRN", "066")}


def test_joined_words_must_be_adjacent(dyad):
    assert ("VEL", "QRN", "068") in triples(dyad, "Veloria did not restore ties with Quarn.")
    assert ("VEL", "QRN", "068") not in triples(dyad, "Veloria did not quickly restore ties with Quarn.")


def test_dated_codes_resolve_on_the_document_date_with_the_undated_code_as_fallback(dyad):
    text = "President Tull restored ties with Quarn."
    assert triples(dyad, text, "1994-01-01") == {("VELELI", "QRN", "064")}
    assert triples(dyad, text, "1997-01-01") == {("VELGOV", "QRN", "064")}
    assert triples(dyad, text, "2001-01-01") == {("VELREB", "QRN", "064")}
    assert triples(dyad, "Mira Osk restored ties with Quarn.", "2005-01-01") == {("VELOPP", "QRN", "064")}
    assert triples(dyad, "Mira Osk restored ties with Quarn.", "2011-06-01") == {("VELGOV", "QRN", "064")}


def test_agents_combine_with_actors_and_stand_alone_as_dashes(dyad, loose):
    assert triples(dyad, "Velorian troops restored ties with Quarn.") == {("VELMIL", "QRN", "064")}
    assert triples(loose, "The governors restored ties.") == {("---GOV", "---", "064")}


def test_a_prefix_agent_goes_in_front_of_the_actor_code(dyad):
    assert triples(dyad, "Relief agency Veloria restored ties with Quarn.") == {("NGOVEL", "QRN", "064")}


def test_a_compound_code_is_one_actor_each(dyad):
    assert triples(dyad, "The Harbor League restored ties with North Quarn Islands.") == {
        ("VEL", "QRNNTH", "064"), ("QRN", "QRNNTH", "064")}


def test_a_list_of_actors_codes_one_event_each(dyad):
    assert triples(dyad, "Veloria and Quarn restored ties with North Quarn Islands.") == {
        ("VEL", "QRNNTH", "064"), ("QRN", "QRNNTH", "064")}


def test_a_list_with_no_target_acts_on_each_other(dyad):
    assert triples(dyad, "Veloria and Quarn restored ties.") == {("VEL", "QRN", "064"), ("QRN", "VEL", "064")}


def test_sentence_and_story_discards(dyad):
    assert triples(dyad, "Veloria restored ties with Quarn at the harvest festival.") == set()
    story = "Veloria restored ties with Quarn. Quarn won the Champions Cup."
    assert triples(dyad, story) == set()
    assert triples(dyad, "Veloria restored ties with Quarn. Quarn won the cup.") == {("VEL", "QRN", "064")}


def test_require_dyad_is_an_option_read_as_petrarch_writes_it(loose):
    assert ("VEL", "---", "064") in triples(loose, "Veloria restored ties.")
    assert triples(coder(require_dyad="TRUE"), "Veloria restored ties.") == set()


def test_malformed_lines_are_reported_and_the_rest_loads(tmp_path):
    bad = tmp_path / "actors.txt"
    bad.write_text("VELORIA [VEL]\nQUARN [QRN 9908223]\nOSTIA [OST]\n", encoding="utf-8")
    lex, _opts, problems = compile_files(actors=[bad])
    assert problems and all(str(p.where).startswith(str(bad)) for p in problems)
    assert "ostia" in lex.actors.first_words


def test_unit_test_runner_on_a_small_records_file():
    results = petrarch_validate.validate(DATA / "unittest.xml")
    assert [r.id for r in results] == ["DEMO-01", "DEMO-02", "DISCARD-01"]
    by_id = {r.id: r for r in results}
    # the file expects the block code 064; the dictionary's more specific FULL &TIES TIES pattern
    # gives 065, and the runner reports the difference as a failure
    demo = by_id["DEMO-01"]
    assert demo.expected == (("VEL", "QRN", "064"),) and demo.produced == (("VEL", "QRN", "065"),)
    assert not demo.passed
    assert by_id["DISCARD-01"].passed and by_id["DISCARD-01"].produced == ()
    assert "total" in petrarch_validate.summary(results)


def test_cli_petrarch_validate_and_code_with_petrarch_dictionaries(capsys, tmp_path):
    assert cli.main(["petrarch-validate", str(DATA / "unittest.xml"), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"id", "expected", "produced", "pass"} <= set(rows[0])
    doc = tmp_path / "doc.txt"
    doc.write_text("Veloria restored ties with Quarn.", encoding="utf-8")
    assert cli.main(["code", str(doc), "--date", "1999-01-01", "--petrarch-actors", str(DATA / "actors.txt"),
                     "--petrarch-verbs", str(DATA / "verbs.tabari.txt")]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["source"], row["target"], row["cameo"]) == ("VEL", "QRN", "064")
