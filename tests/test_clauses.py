"""Source/target assignment and guards, on the small test dictionary."""
from .conftest import triples


def code(c, text, date="2024-01-04"):
    return triples(c.code(text, date=date))


def test_active_voice(mini_coder):
    assert code(mini_coder, "Iraqi police attacked protesters in Mosul.") == [("IRQCOP", "190", "IRQCVL")]


def test_passive_voice_with_by(mini_coder):
    assert code(mini_coder, "Syria was denounced by the United States.") == [("USA", "111", "SYR")]


def test_passive_and_active_agree(mini_coder):
    assert code(mini_coder, "Iraq criticized Syria.") == code(mini_coder, "Syria was criticized by Iraq.")


def test_reported_speech_codes_the_inner_event_not_the_statement(mini_coder):
    got = code(mini_coder, "Syria said that Iraqi troops attacked American soldiers.")
    assert got == [("IRQMIL", "190", "USAMIL")]


def test_a_bare_statement_is_010(mini_coder):
    assert code(mini_coder, "Syria said that the talks were useful.") == [("SYR", "010", None)]


def test_conjoined_actors_give_one_event_each(mini_coder):
    assert code(mini_coder, "US and British forces attacked Iraqi police.") == [
        ("USAMIL", "190", "IRQCOP"), ("GBRMIL", "190", "IRQCOP")]


def test_apposition_is_skipped_for_the_subject(mini_coder):
    got = code(mini_coder, "Sudani, a critic of the Pentagon, denounced Washington.")
    assert got == [("IRQGOV", "111", "USAGOV")]


def test_relative_clause_subject_is_the_antecedent(mini_coder):
    got = code(mini_coder, "They found Iraqi troops who attacked Syrian soldiers.")
    assert ("IRQMIL", "190", "SYRMIL") in got


def test_nominal_event_as_subject_makes_one_event(mini_coder):
    got = code(mini_coder, "A US strike in Baghdad killed a commander.")
    assert got == [("USA", "190", "IRQMIL")]


def test_light_verb_with_event_noun(mini_coder):
    got = code(mini_coder, "Syrian forces carried out an airstrike on Iraqi troops.")
    assert got == [("SYRMIL", "195", "IRQMIL")]


def test_attack_on_places_targets_their_country(mini_coder):
    got = code(mini_coder, "The US military has launched airstrikes against locations in Iraq and Syria.")
    assert got == [("USAMIL", "195", "IRQ"), ("USAMIL", "195", "SYR")]


def test_negation_drops_the_event(mini_coder):
    assert code(mini_coder, "Iraqi police did not attack protesters.") == []


def test_modality_drops_the_event(mini_coder):
    assert code(mini_coder, "Iraqi police may attack protesters.") == []


def test_threat_turns_force_into_138(mini_coder):
    assert code(mini_coder, "The US threatened to attack Syria.") == [("USA", "138", "SYR")]


def test_question_has_no_material_event(mini_coder):
    assert code(mini_coder, "Did Iraqi police attack protesters?") == []


def test_missing_actor_is_none_and_require_dyad_drops_it(mini_coder):
    import eventcoder
    from .conftest import MINI
    assert code(mini_coder, "A drone strike killed two Iraqi soldiers.") == [(None, "195", "IRQMIL")]
    strict = eventcoder.Coder([MINI], builtin=False, require_dyad=True)
    assert code(strict, "A drone strike killed two Iraqi soldiers.") == []


def test_discarded_sentences_give_nothing(mini_coder):
    assert code(mini_coder, "Leave a Reply") == []


def test_exact_case_guard_words_tell_the_modal_from_the_month(coder):
    assert code(coder, "Iran may attack Israel.") == []
    assert code(coder, "In May, Iranian forces attacked Israel.", date="2024-06-01")


def test_threatened_to_strike_is_a_threat_of_force_not_force(coder):
    got = code(coder, "Russia threatened to strike Ukraine.")
    assert got and all(c[:2] == "13" for _, c, _ in got)


def test_negated_cooperation_is_a_rejection(coder):
    got = code(coder, "Britain said it will not lift the ban on Iran.")
    assert any(c[:2] == "12" for _, c, _ in got)


def test_prevented_acts_are_not_events_but_the_prevention_is(coder):
    got = code(coder, "Iraqi troops prevented journalists from visiting the site.")
    assert all(c[:2] != "04" and c[:2] != "12" for _, c, _ in got)
    assert any(c[:2] == "17" for _, c, _ in got)
