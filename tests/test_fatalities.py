"""eventcoder.fatalities: statements about deaths, and one figure per event (ACLED style)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.fatalities import FatalityMention, combine, find_fatalities
from eventcoder.sentences import split
from eventcoder.tokens import tokenize


def mentions(text):
    out = []
    for s in split(text):
        out += find_fatalities(tokenize(s.text, s.offset))
    return out


def deaths(text):
    return combine(mentions(text))


def kinds(text):
    return [(m.count, m.kind) for m in mentions(text)]


# ----------------------------------------------------------------- totals

@pytest.mark.parametrize("text, n", [
    ("Two people were killed in the attack.", 2),
    ("Militants attacked the village, killing 5.", 5),
    ("The death toll rose to 12 on Friday.", 12),
    ("The death toll in Sunday's attack on a village in the north has risen to 11.", 11),
    ("12 dead after the blast.", 12),
    ("The explosion left 3 dead and 10 injured.", 3),
    ("Clashes left three people dead.", 3),
    ("Police found the bodies of four men.", 4),
    ("4 dead bodies were recovered from the house.", 4),
    ("The attack claimed 20 lives.", 20),
    ("Three soldiers lost their lives in the ambush.", 3),
    ("Nine are killed and six others injured.", 9),
    ("2 people died of gunshot wounds.", 2),
    ("Kalenjin youths attack and kill 6 Kikuyu people.", 6),
    ("Grenade blasts at a restaurant kills six and injures 15.", 6),
    ("A group burned to death two suspected robbers.", 2),
    ("Two policemen were Friday afternoon shot dead by unknown gunmen.", 2),
    ("An ethnic clash over land caused one death.", 1),
])
def test_reported_number_of_dead_is_a_total(text, n):
    assert deaths(text) == n
    assert any(m.kind == "total" and m.count == n for m in mentions(text))


def test_number_words_and_digits_count_alike():
    assert deaths("Twenty-three civilians were killed.") == deaths("23 civilians were killed.") == 23
    assert deaths("One hundred and five people died.") == 105


def test_at_least_n_gives_n():
    assert deaths("At least 5 people were killed.") == 5
    assert deaths("Gunmen killed more than 20 villagers.") == 20


def test_n_killed_and_m_injured_gives_n():
    assert deaths("5 people were killed and 7 injured.") == 5
    assert deaths("The attackers killed one driver and wounded four others.") == 1
    assert deaths("Soldiers killed two demonstrators and wounded ten others.") == 2


def test_range_gives_the_lower_figure():
    assert deaths("Militants killed between 27 and 28 persons.") == 27
    assert deaths("1-4 soldiers were killed.") == 1
    assert deaths("The clash resulted in between 1 and 3 fatalities.") == 1


def test_conjoined_victims_add_up():
    assert deaths("The attack killed two civilians and a soldier.") == 3
    assert deaths("A civilian and his son were killed by unknown gunmen.") == 2
    assert deaths("Four soldiers and four members of the militia were killed.") == 8
    assert deaths("Gunmen killed a police officer, a teacher and two farmers.") == 4
    assert deaths("The activist was killed along with his driver.") == 2


def test_apposition_is_not_another_victim():
    assert deaths("A policeman shot dead Mwenda Itaeba, a local politician.") == 1
    assert deaths("1 child, a shepherd, was killed by a roadside bomb.") == 1


def test_including_gives_the_whole_figure():
    assert deaths("Nine people including two officers and seven civilians were killed.") == 9
    assert deaths("Three people, including a child, were killed.") == 3
    assert deaths("Militants killed 10 people, including 3 children.") == 10


def test_victim_phrase_through_prepositions():
    assert deaths("A soldier from the Egyptian army was killed.") == 1
    assert deaths("Two members of the local militia were killed.") == 2
    assert deaths("Five suspects linked to the two attacks have been shot dead.") == 5


def test_numbers_that_are_not_people_are_not_counted():
    assert deaths("A 45-year-old man was killed.") == 1
    assert deaths("On 4 January 2024, a man was killed.") == 1
    assert deaths("The man was killed in 2019 by police.") == 1


# ----------------------------------------------------------------- single victims

@pytest.mark.parametrize("text", [
    "Gunmen killed a commander in Kabul.",
    "Police shot dead a man in Nairobi.",
    "A soldier was killed.",
    "A man was beaten to death by a mob.",
    "A mob beat a man to death.",
    "A Christian preacher is gunned down by two men.",
    "Gunmen kill police reservist.",
    "Hassan Ali was shot dead on Monday.",
    "Land agent killed at his home by unknown armed men.",
    "Residents lynched a suspected thief.",
])
def test_singular_victim_is_individual_one(text):
    assert deaths(text) == 1
    assert [m.kind for m in mentions(text)] == ["individual"]


def test_definite_victim_counts_only_alone():
    assert deaths("He later succumbed to his injuries.") == 1
    # "the man" points back to a victim already counted
    assert deaths("A man was killed in the raid. The man was a teacher who was killed on his way home.") == 1


def test_separate_single_victims_add_up():
    assert deaths("A soldier was killed. A civilian also died.") == 2


# ----------------------------------------------------------------- zero

@pytest.mark.parametrize("text", [
    "No one was killed in the attack.",
    "Nobody died.",
    "There were no casualties.",
    "No fatalities were reported.",
    "No reported deaths.",
    "The gunmen did not kill anyone.",
    "Three people were injured.",
    "Four soldiers were wounded in the clash.",
    "No one was hurt.",
])
def test_no_deaths_is_zero(text):
    assert deaths(text) == 0
    assert all(m.kind == "zero" for m in mentions(text))


def test_casualties_alone_is_zero():
    assert deaths("The blast caused heavy casualties.") == 0
    assert deaths("The attack caused 12 casualties.") == 0


def test_casualties_with_killed_counts_the_killed():
    assert deaths("The blast caused casualties: 3 people were killed and 9 injured.") == 3


def test_injuries_only_is_zero_but_deaths_win():
    assert deaths("Two people were killed. Five others were injured.") == 2


def test_no_deaths_statement_overrides_a_reported_lynching():
    assert deaths("A man was lynched by a mob. No fatalities reported, as police intervened.") == 0


def test_qualified_no_deaths_does_not_cancel_other_deaths():
    assert deaths("Two attackers were killed; there were no deaths among the soldiers.") == 2


def test_no_mentions_is_none():
    assert deaths("Police arrested two protesters in Baghdad.") is None
    assert combine([]) is None


# ----------------------------------------------------------------- vague

def test_vague_words_use_acled_values():
    assert deaths("Dozens of people were killed.") == 12
    assert deaths("Several soldiers died.") == 3
    assert deaths("Many villagers were killed.") == 10
    assert deaths("Hundreds were killed in the fighting.") == 100


def test_killed_plural_without_number_uses_several_rule():
    assert deaths("Soldiers killed civilians in the raid.") == 3
    assert mentions("Soldiers killed civilians in the raid.")[0].vague


def test_precise_counts_beat_vague_plurals():
    assert deaths("Militants were killed in the fighting. Three soldiers were also killed.") == 3


def test_killed_and_injured_together_gives_half():
    assert deaths("Houthi forces attacked, killing and injuring dozens of fighters.") == 6
    assert deaths("The blast killed and wounded 10 people.") == 5


# ----------------------------------------------------------------- suicide bombers

def test_suicide_bomber_killing_himself_and_others():
    assert deaths("The bomber detonated his vest, killing himself and 3 others.") == 4
    assert deaths("A suicide bomber killed 5 people and himself.") == 6


def test_bomber_who_blew_himself_up_counts():
    assert deaths("A suicide bomber blew himself up at a checkpoint, killing 5 soldiers.") == 6


def test_including_the_attacker_is_within_the_figure():
    assert deaths("The blast killed 5 people, including the attacker.") == 5


# ----------------------------------------------------------------- not deaths

@pytest.mark.parametrize("text", [
    "The rebels threatened to kill the hostages.",
    "He attempted to kill the governor.",
    "Militants tried to kill two officials.",
    "The minister received death threats.",
    "He was sentenced to death.",
    "The court issued a death sentence for the two men.",
    "The soldier was nearly killed by a sniper.",
    "Protesters demonstrated against the killing of a student by police.",
    "He was arrested for the murder of his wife.",
    "Five men were charged with killing a journalist.",
    "Relatives of a woman who was killed held a protest demanding justice.",
    "Residents blocked the road after two people were killed in a road accident.",
    "The plan was executed by the army.",
    "A number of farmers killed six oxen.",
])
def test_not_a_death_in_this_event(text):
    assert deaths(text) in (None, 0)
    assert all(m.count == 0 for m in mentions(text))


def test_negated_killing_is_zero():
    assert kinds("The soldiers were not killed.") == [(0, "zero")]


def test_deaths_coded_separately_are_left_out():
    assert deaths("Police killed 3 raiders (coded separately). Two officers died.") == 2


# ----------------------------------------------------------------- combining

def test_conflicting_totals_take_the_lowest():
    assert deaths("At least 5 people were killed. Hospital officials said 7 people were killed.") == 5


def test_death_toll_is_the_event_figure():
    assert deaths("Two people were killed on Monday. The death toll rose to 6 on Tuesday.") == 6


def test_different_victims_add_up():
    assert deaths("3 soldiers were killed. 2 militants were killed in the fighting.") == 5
    assert deaths("2 raiders killed and 2 civilians killed.") == 4


def test_a_general_count_covers_the_specific_ones():
    assert deaths("Five people were killed. Two soldiers were killed by the blast.") == 5


def test_others_and_more_add_to_the_figure():
    assert deaths("Three people were killed. Two others died later in hospital.") == 5
    assert deaths("Three civilians were killed. Another person died later.") == 4


def test_another_named_victim_is_within_a_general_count():
    text = ("A drone strike killed a militia commander. Two people were killed in the strike. "
            "The strike also killed another member of the militia.")
    assert deaths(text) == 2
    text = "A drone strike killed a militia commander. It also killed another member of the militia."
    assert deaths(text) == 2


def test_the_other_two_is_a_part_not_more():
    text = "Soldiers killed four civilians. Two were burned to death and the other two were shot dead."
    assert deaths(text) == 4


def test_acled_figure_sentence_is_the_summary():
    text = ("On 10 March 2022, a man was killed in a drive-by shooting. Two civilians were killed and two "
            "others were injured by stray bullets. 3 fatalities.")
    assert deaths(text) == 3


def test_acled_coding_statement_is_final():
    text = "Militants ambushed and killed 2 guards. Fatalities coded as 0 (local media reported 2)."
    assert deaths(text) == 0
    assert deaths("Fighters attacked the village. Unknown fatalities coded as 3.") == 3
    m = [x for x in mentions("Unknown fatalities coded as 3.") if x.final]
    assert m and m[0].count == 3


def test_acled_split_figures_are_shared():
    assert deaths("Three civilians were killed (3 fatalities split among 3 events).") == 1
    assert deaths("28 militants were killed. Fatalities are split across two events.") == 14
    assert deaths("Unclear fatalities coded as 10 and split between 5 locations.") == 2


def test_combine_of_given_mentions():
    total = FatalityMention(0, 3, 5, "total")
    lower = FatalityMention(5, 8, 4, "total")
    one = FatalityMention(10, 12, 1, "individual", victim="soldier")
    zero = FatalityMention(0, 2, 0, "zero")
    assert combine([total, lower]) == 4
    assert combine([one]) == 1
    assert combine([zero]) == 0
    assert combine([zero, total]) == 5


# ----------------------------------------------------------------- records and properties

def test_mention_spans_and_text():
    toks = tokenize("On Monday, gunmen killed two civilians and a soldier in Kabul.")
    (m,) = find_fatalities(toks)
    assert m.text == " ".join(toks.raw[m.start:m.end])
    assert toks.raw[m.start:m.end][0] == "killed" and m.count == 3


def test_mention_is_frozen():
    m = FatalityMention(0, 1, 1, "individual")
    with pytest.raises(AttributeError):
        m.count = 2  # type: ignore[misc]


def test_no_trigger_word_returns_nothing():
    assert find_fatalities(tokenize("The minister met the ambassador in Cairo on Tuesday.")) == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    toks = tokenize(text)
    ms = find_fatalities(toks)
    for m in ms:
        assert 0 <= m.start < m.end <= len(toks) and m.count >= 0
        assert m.kind in ("total", "individual", "zero")
    got = combine(ms)
    assert got is None or got >= 0


VOCAB = """two 3 a the man people soldiers were was killed killing dead died and , . no one injured at least
death toll rose to bodies of himself others another coded as fatalities split across events ( ) who not shot
by including dozens lives lost their blew up down gunned between - 12 2024 January Police also more""".split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=20))
def test_never_raises_on_death_word_soup(words):
    toks = tokenize(" ".join(words))
    ms = find_fatalities(toks)
    for m in ms:
        assert 0 <= m.start < m.end <= len(toks) and m.count >= 0
    got = combine(ms)
    assert got is None or got >= 0


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=5000),
       st.sampled_from(["people", "civilians", "soldiers", "villagers"]))
def test_n_victims_killed_counts_n(n, noun):
    assert deaths(f"On Monday, {n} {noun} were killed in the attack.") == n
    assert deaths(f"Gunmen attacked the market, killing {n} {noun}.") == n
