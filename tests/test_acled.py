"""The ACLED layer: one test per codebook rule, on sentences written for the tests."""
import datetime as dt

import pytest

from eventcoder.acled import ACLED_KEYS


def acled(coder, text, date=None):
    (rec,) = coder.code(text, date=date, schema="acled")
    return rec


def test_records_have_acled_columns(coder):
    d = acled(coder, "On 3 May 2023, students protested in Nairobi against fee increases.").to_dict()
    assert tuple(d) == ACLED_KEYS and d["event_date"] == "2023-05-03"


def test_rule_peaceful_protest_needs_no_violence(coder):
    r = acled(coder, "On 3 May 2023, students protested in Nairobi against fee increases.")
    assert (r.event_type, r.sub_event_type, r.interaction, r.interaction_label) == (
        "Protests", "Peaceful protest", 60, "Protesters only")


def test_rule_intervention_moves_a_protest_to_protest_with_intervention(coder):
    r = acled(coder, "On 3 May 2023, traders protested in Nairobi. Police dispersed them with tear gas.")
    assert (r.sub_event_type, r.interaction) == ("Protest with intervention", 16)


def test_rule_lethal_force_against_protesters_is_excessive_force(coder):
    r = acled(coder, "On 3 May 2023, residents protested in Nairobi and police shot dead two protesters.")
    assert r.sub_event_type == "Excessive force against protesters" and r.fatalities == 2


def test_rule_violent_demonstrators_make_a_riot(coder):
    r = acled(coder, "On 3 May 2023, demonstrators burned tires and pelted stones at police in Nairobi.")
    assert (r.event_type, r.sub_event_type, r.inter1) == ("Riots", "Violent demonstration", 5)


def test_rule_mobs_make_mob_violence(coder):
    r = acled(coder, "On 3 May 2023, a mob lynched a suspected thief in Kisumu.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Riots", "Mob violence", 57)


def test_rule_violence_against_civilians_puts_the_victims_in_actor2(coder):
    r = acled(coder, "On 3 May 2023, gunmen shot dead three villagers in Zamfara, Nigeria.")
    assert (r.event_type, r.sub_event_type, r.inter2) == ("Violence against civilians", "Attack", 7)
    assert r.actor2 == "Civilians (Nigeria)" and r.fatalities == 3


def test_rule_abduction(coder):
    r = acled(coder, "On 3 May 2023, gunmen abducted five farmers in Kaduna, Nigeria.")
    assert r.sub_event_type == "Abduction/forced disappearance"


def test_rule_armed_clash_between_two_armed_sides(coder):
    r = acled(coder, "On 3 May 2023, Al Shabaab militants clashed with Somali soldiers in Mogadishu.")
    assert (r.event_type, r.sub_event_type) == ("Battles", "Armed clash") and r.interaction == 12


def test_rule_airstrike_is_remote_violence(coder):
    r = acled(coder, "On 3 May 2023, a drone strike hit a house in Kandahar, Afghanistan.")
    assert (r.event_type, r.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_rule_shelling_and_an_airstrike_is_an_air_strike(coder):
    r = acled(coder, "On 3 May 2023, Russian forces shelled Kherson and launched an airstrike on the city.")
    assert r.sub_event_type == "Air/drone strike"


def test_rule_arrests_outside_a_protest_are_strategic_developments(coder):
    r = acled(coder, "On 3 May 2023, police arrested a suspected arms dealer in Mombasa.")
    assert (r.event_type, r.sub_event_type) == ("Strategic developments", "Arrests")


def test_rule_at_least_n_fatalities_is_n(coder):
    r = acled(coder, "On 3 May 2023, gunmen killed at least 12 villagers in Zamfara, Nigeria.")
    assert r.fatalities == 12


def test_rule_injuries_only_give_zero_fatalities(coder):
    r = acled(coder, "On 3 May 2023, gunmen injured four villagers in Zamfara, Nigeria.")
    assert r.fatalities == 0


def test_rule_around_a_date_has_week_precision(coder):
    r = acled(coder, "Around 18 April 2022, gunmen killed a trader in Kano, Nigeria.")
    assert r.event_date == dt.date(2022, 4, 18) and r.time_precision == 2


def test_rule_the_location_is_where_it_happened_not_who_did_it(coder):
    r = acled(coder, "On 3 May 2023, US forces launched an airstrike on a militia base near Baghdad.")
    assert r.country == "Iraq" and r.location == "Baghdad" and r.inter1 == 8


def test_the_seed_article_in_acled_schema(coder):
    from .test_seed import TEXT
    (r,) = coder.code(TEXT, date="2024-01-04", schema="acled")
    assert (r.event_type, r.sub_event_type, str(r.event_date), r.fatalities) == (
        "Explosions/Remote violence", "Air/drone strike", "2024-01-04", 2)
    assert (r.country, r.location, r.inter1) == ("Iraq", "Baghdad", 8)
    assert r.geo_precision == 1  # the town the strike hit ("in Baghdad"), not the country in the headline
    assert r.actor1.startswith("Military Forces of United States") and "Nujaba" in r.actor2


@pytest.mark.parametrize("text", ["", "Nothing happened.", "Leave a Reply"])
def test_no_record_without_an_event(coder, text):
    assert coder.code(text, schema="acled") == []


def test_rule_unarmed_assailants_make_mob_violence(coder):
    r = acled(coder, "On 3 May 2023, a group of villagers beat a suspected cattle thief in Kisumu, Kenya.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Riots", "Mob violence", 57)


def test_rule_party_supporters_with_guns_are_still_rioters(coder):
    r = acled(coder, "On 3 May 2023, supporters of two rival candidates clashed using guns in Dhaka, Bangladesh.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Mob violence")


def test_rule_attack_on_police_by_an_armed_group_is_a_battle(coder):
    r = acled(coder, "On 3 May 2023, gunmen attacked police officers at a checkpoint in Mandera, Kenya.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Battles", "Armed clash", 13)


def test_rule_killing_with_no_named_perpetrator_is_an_attack(coder):
    r = acled(coder, "On 3 May 2023, the body of a trader was found with gunshot wounds in Culiacan, Mexico.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Violence against civilians", "Attack", 37)


def test_rule_rioters_damaging_property_is_a_violent_demonstration(coder):
    r = acled(coder, "On 3 May 2023, rioters set fire to a bus in Dhaka, Bangladesh.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Riots", "Violent demonstration", 50)


def test_rule_demonstrators_fighting_police_make_a_violent_demonstration(coder):
    r = acled(coder, "On 3 May 2023, students protesting fee increases engaged police in running battles in Eldoret, Kenya.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Violent demonstration")


def test_rule_arrests_named_in_a_demand_are_not_an_intervention(coder):
    r = acled(coder, "On 3 May 2023, lawyers protested in Nairobi, Kenya, demanding the release of a detained colleague.")
    assert (r.event_type, r.sub_event_type) == ("Protests", "Peaceful protest")


def test_rule_arrests_of_demonstrators_are_an_intervention(coder):
    r = acled(coder, "On 3 May 2023, traders protested in Nairobi, Kenya. Police arrested several protesters.")
    assert (r.event_type, r.sub_event_type) == ("Protests", "Protest with intervention")


def test_rule_vandalism_amid_protests_elsewhere_is_mob_violence(coder):
    r = acled(coder, "On 3 May 2023, a crowd vandalized the house of a councillor in Khulna, Bangladesh, "
                     "amid anti-government protests.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Mob violence")


def test_rule_foreign_state_forces_in_a_battle_are_external_forces(coder):
    r = acled(coder, "On 3 May 2023, Russian forces clashed with Ukrainian forces near Bakhmut, Ukraine.")
    assert (r.event_type, r.interaction) == ("Battles", 18)


def test_rule_two_crowds_fighting_each_other_are_rioters_against_rioters(coder):
    r = acled(coder, "On 3 May 2023, supporters of two rival candidates clashed in Kisumu, Kenya, injuring five people.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Riots", "Mob violence", 55)


def test_rule_cattle_raiders_are_an_identity_militia(coder):
    r = acled(coder, "On 3 May 2023, armed cattle raiders attacked a village and killed two herders in Turkana, Kenya.")
    assert (r.event_type, r.interaction) == ("Violence against civilians", 47)


def test_rule_police_killing_a_civilian_is_state_violence_against_civilians(coder):
    r = acled(coder, "On 3 May 2023, police shot dead a hawker in Nairobi, Kenya.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Violence against civilians", "Attack", 17)


# ---------------------------------------------------------------- issue 4, second pass

def test_rule_a_named_militia_is_the_second_side_of_a_battle(coder):
    r = acled(coder, "On 3 May 2023, Mungiki members clashed with police in Nakuru, Kenya.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Battles", "Armed clash", 13)
    assert r.actor2 == "Mungiki members" or r.actor1 == "Mungiki members"


def test_rule_pro_government_militia_attacked_by_rebels_is_a_battle(coder):
    r = acled(coder, "On 3 May 2023, Taliban militants attacked an Arbaki checkpoint in Kunduz, Afghanistan, "
                     "killing two Arbakis.")
    assert (r.event_type, r.interaction) == ("Battles", 23)


def test_rule_headline_present_tense_is_an_attack(coder):
    r = acled(coder, "Gunmen kill three villagers in Mandera, Kenya.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Violence against civilians", "Attack", 37)


def test_rule_named_gangs_fighting_each_other_are_two_militias(coder):
    r = acled(coder, "On 3 May 2023, Red Command traffickers exchanged fire with Pure Third Command traffickers "
                     "in Rio de Janeiro, Brazil.")
    assert (r.event_type, r.interaction) == ("Battles", 33)
    assert r.actor1 != r.actor2


def test_rule_an_armed_attack_on_guards_is_a_battle_with_private_security(coder):
    r = acled(coder, "On 3 May 2023, gunmen attacked a petrol station in Garissa, Kenya, and shot dead a security guard.")
    assert (r.event_type, r.interaction, r.actor2) == ("Battles", 38, "Private Security Forces (Kenya)")


def test_rule_two_kinds_of_armed_actor_fighting_is_a_battle(coder):
    r = acled(coder, "On 3 May 2023, Taliban militants attacked police in Kunduz, Afghanistan.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Battles", "Armed clash", 12)


def test_rule_arrest_of_demonstrators_by_police_forces_is_an_intervention(coder):
    r = acled(coder, "On 3 May 2023, students protested in Dhaka, Bangladesh, against fee increases. "
                     "Police forces arrested 12 students.")
    assert (r.sub_event_type, r.interaction) == ("Protest with intervention", 16)


def test_rule_blocking_a_road_with_materials_is_a_violent_demonstration(coder):
    r = acled(coder, "On 3 May 2023, residents used boulders to block the road in Kisumu, Kenya, protesting poor roads.")
    assert (r.sub_event_type, r.interaction) == ("Violent demonstration", 50)


def test_rule_demonstrators_clashing_with_police_is_a_violent_demonstration(coder):
    r = acled(coder, "On 3 May 2023, police and opposition members clashed during a demonstration in Rangpur, Bangladesh.")
    assert (r.sub_event_type, r.interaction) == ("Violent demonstration", 15)


def test_rule_a_victims_identity_does_not_make_an_identity_militia(coder):
    r = acled(coder, "On 3 May 2023, gunmen shot dead a Fulani herder in Jos, Nigeria.")
    assert (r.sub_event_type, r.interaction) == ("Attack", 37)


def test_rule_raiders_named_by_their_community_are_an_identity_militia(coder):
    r = acled(coder, "On 3 May 2023, Pokot raiders killed two herders in Baringo, Kenya.")
    assert (r.sub_event_type, r.interaction) == ("Attack", 47)


def test_rule_mob_destroying_property_with_nobody_harmed_is_rioters_only(coder):
    r = acled(coder, "On 3 May 2023, a mob burned down the market in Garissa, Kenya.")
    assert (r.sub_event_type, r.interaction) == ("Mob violence", 50)


def test_rule_the_donbas_republics_militias_are_rebels(coder):
    r = acled(coder, "On 3 May 2023, Ukrainian forces shelled positions of the Donetsk People's Militia "
                     "near Horlivka, Ukraine.")
    assert (r.event_type, r.interaction) == ("Explosions/Remote violence", 12)


def test_rule_an_ambush_on_civilians_is_an_attack(coder):
    r = acled(coder, "On 3 May 2023, gunmen ambushed three traders on the road to Garissa, Kenya, killing one.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Violence against civilians", "Attack", 37)


def test_rule_an_ambush_on_soldiers_is_a_battle(coder):
    r = acled(coder, "On 3 May 2023, Taliban militants ambushed an army convoy in Kunduz, Afghanistan.")
    assert (r.event_type, r.interaction) == ("Battles", 12)


def test_rule_off_duty_police_are_civilians(coder):
    r = acled(coder, "On 3 May 2023, gunmen shot dead an off-duty police officer in Mombasa, Kenya.")
    assert (r.event_type, r.interaction) == ("Violence against civilians", 37)


def test_rule_a_crowd_that_was_shot_at_is_the_victim_not_the_perpetrator(coder):
    r = acled(coder, "On 3 May 2023, men on a motorcycle opened fire at a group of people in Zamora, Mexico, "
                     "killing one.")
    assert (r.sub_event_type, r.interaction) == ("Attack", 37)


def test_rule_a_bomb_that_hit_state_forces_was_planted_by_an_unnamed_group(coder):
    r = acled(coder, "On 3 May 2023, a military convoy struck an IED near Kantchari, Burkina Faso, wounding two soldiers.")
    assert (r.sub_event_type, r.interaction) == ("Remote explosive/landmine/IED", 13)


def test_rule_police_who_report_a_killing_are_not_its_perpetrators(coder):
    r = acled(coder, "On 3 May 2023, the body of a trader was found with gunshot wounds in Baghdad, Iraq. "
                     "Police opened an investigation.")
    assert (r.sub_event_type, r.interaction) == ("Attack", 37)


@pytest.mark.parametrize("text", [
    "On 3 May 2023, traders protested in Nakuru, Kenya, against vandalism of their stalls.",
    "On 3 May 2023, farmers protested in Rohtak, India, demanding compensation for crops damaged by rain.",
    "On 3 May 2023, women marched in Florence, Italy, calling on women to fight against violence.",
])
def test_rule_violence_a_demonstration_is_about_does_not_make_it_violent(coder, text):
    r = acled(coder, text)
    assert (r.sub_event_type, r.interaction) == ("Peaceful protest", 60)


def test_rule_setting_obstacles_on_fire_on_a_road_is_a_violent_demonstration(coder):
    r = acled(coder, "On 3 May 2023, residents blocked a highway in Recife, Brazil, by setting obstacles on fire "
                     "to demand housing.")
    assert (r.sub_event_type, r.interaction) == ("Violent demonstration", 50)


def test_rule_a_counter_demonstration_is_protesters_against_protesters(coder):
    r = acled(coder, "On 3 May 2023, about 200 people demonstrated in Dorfen, Germany, against new fuel taxes. "
                     "30 people gathered for a counter-demonstration.")
    assert (r.sub_event_type, r.interaction) == ("Peaceful protest", 66)


def test_rule_the_houthis_are_the_state_forces_of_the_sanaa_government(coder):
    r = acled(coder, "On 3 May 2023, Yemeni army troops clashed with Houthi forces in Sirwah, Marib, Yemen.")
    assert (r.event_type, r.interaction) == ("Battles", 11)
    r = acled(coder, "On 3 May 2023, Houthi forces shelled a village in Taiz, Yemen, killing two civilians.")
    assert r.interaction == 17


def test_rule_a_demonstrator_arrested_is_an_intervention(coder):
    r = acled(coder, "On 3 May 2023, people demonstrated in Gladenbach, Germany, against new fuel taxes. "
                     "One person was arrested.")
    assert (r.sub_event_type, r.interaction) == ("Protest with intervention", 16)


def test_rule_home_made_bombs_thrown_by_a_crowd_are_mob_violence(coder):
    r = acled(coder, "On 3 May 2023, assailants exploded two cocktail bombs in front of the house of a party leader "
                     "in Naria, Bangladesh.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Mob violence")


def test_rule_party_supporters_vandalising_a_rivals_office_are_mob_violence(coder):
    r = acled(coder, "On 3 May 2023, supporters of a rival candidate vandalized the office of a party leader "
                     "in Chatkhil, Bangladesh.")
    assert (r.event_type, r.sub_event_type, r.inter1) == ("Riots", "Mob violence", 5)


def test_rule_rivals_killing_a_man_in_a_dispute_are_mob_violence(coder):
    r = acled(coder, "On 3 May 2023, rivals stabbed and killed a man in Mirpur, Bangladesh, over a land dispute.")
    assert (r.sub_event_type, r.interaction) == ("Mob violence", 57)


def test_rule_a_protest_over_an_earlier_clash_is_a_peaceful_protest(coder):
    r = acled(coder, "On 3 May 2023, supporters of a lawmaker staged a protest rally in Belkuchi, Bangladesh, "
                     "over the clash between supporters of a mayor and the lawmaker.")
    assert (r.event_type, r.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize("text", [
    "On 3 May 2023, two police officers were killed while on patrol in Mandera, Kenya.",
    "Six Kenyan soldiers injured in Lamu on 3 May 2023.",
])
def test_rule_state_forces_killed_or_injured_fought_an_unnamed_armed_group(coder, text):
    r = acled(coder, text)
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Battles", "Armed clash", 13)


def test_rule_state_forces_killing_a_civilian_is_not_a_battle(coder):
    r = acled(coder, "On 3 May 2023, police shot and killed a driver in Nairobi, Kenya.")
    assert (r.event_type, r.interaction) == ("Violence against civilians", 17)


def test_rule_demonstrators_clashing_with_another_crowd_is_a_violent_demonstration(coder):
    r = acled(coder, "On 3 May 2023, students staged a demonstration in Pabna, Bangladesh, and clashed with "
                     "members of the ruling party.")
    assert (r.sub_event_type, r.interaction) == ("Violent demonstration", 55)


def test_rule_an_abduction_ending_in_a_killing_is_an_attack(coder):
    r = acled(coder, "On 3 May 2023, gunmen abducted a trader in Nikki, Benin, and killed him.")
    assert (r.sub_event_type, r.fatalities) == ("Attack", 1)
    r = acled(coder, "On 3 May 2023, gunmen abducted two traders in Nikki, Benin.")
    assert r.sub_event_type == "Abduction/forced disappearance"


def test_rule_movement_of_forces_is_a_change_to_group_activity(coder):
    r = acled(coder, "Movement of forces: On 3 May 2023, soldiers deployed to Kangara, Benin, after an armed group "
                     "was spotted nearby.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Strategic developments", "Change to group/activity", 10)


def test_rule_headline_exchange_of_fire_is_an_armed_clash(coder):
    r = acled(coder, "Police exchange fire with raiders in Baringo, Kenya, on 3 May 2023.")
    assert (r.sub_event_type, r.interaction) == ("Armed clash", 13)


def test_rule_a_shoot_out_between_unknown_shooters_is_an_armed_clash(coder):
    r = acled(coder, "On 3 May 2023, a shoot-out between unknown shooters took place in Angra dos Reis, Brazil.")
    assert (r.sub_event_type, r.interaction) == ("Armed clash", 33)


def test_rule_property_destroyed_by_an_unnamed_group_is_looting_property_destruction(coder):
    r = acled(coder, "On 3 May 2023, an unidentified group destroyed election materials in Nikki, Benin.")
    assert (r.sub_event_type, r.interaction) == ("Looting/property destruction", 37)


def test_rule_a_crowd_assaulting_police_is_mob_violence_against_state_forces(coder):
    r = acled(coder, "On 29 January 2024, supporters of a upazila parishad chairman assaulted police personnel "
                     "using bricks in Chakaria upazila, Bangladesh.")
    assert (r.sub_event_type, r.interaction) == ("Mob violence", 15)


def test_rule_a_number_of_farmers_beating_a_herder_is_mob_violence(coder):
    r = acled(coder, "On 3 May 2023, a number of farmers assaulted and wounded a herder in Ina, Benin.")
    assert (r.sub_event_type, r.interaction) == ("Mob violence", 57)


def test_rule_others_attacking_demonstrators_is_a_protest_with_intervention_by_rioters(coder):
    r = acled(coder, "On 18 July 2024, members of a rival party assaulted the demonstrators in Naogaon, Bangladesh, "
                     "who were demanding lower fuel prices.")
    assert (r.sub_event_type, r.interaction) == ("Protest with intervention", 56)


def test_rule_arrests_made_at_a_protest_are_an_intervention_by_police(coder):
    r = acled(coder, "On 3 May 2023, teachers protested over pay in Nairobi, Kenya. Six arrests were made.")
    assert (r.sub_event_type, r.interaction, r.actor2) == ("Protest with intervention", 16, "Police Forces of Kenya")


def test_rule_an_airstrike_during_a_ground_battle_is_one_battle(coder):
    r = acled(coder, "On 3 May 2023, soldiers exchanged fire with Taliban fighters in Paktia, Afghanistan, "
                     "and helicopters carried out airstrikes on their positions.")
    assert (r.event_type, r.sub_event_type) == ("Battles", "Armed clash")


def test_seed_article_is_one_us_air_strike_in_baghdad(coder):
    from pathlib import Path
    text = (Path(__file__).resolve().parents[1] / "seeds" / "us-strike-baghdad.txt").read_text(encoding="utf-8")
    recs = coder.code(text, date="2024-01-04", schema="acled")
    r = recs[0]
    assert (r.event_type, r.sub_event_type, str(r.event_date), r.country, r.fatalities, r.inter1) == (
        "Explosions/Remote violence", "Air/drone strike", "2024-01-04", "Iraq", 2, 8)


@pytest.mark.parametrize("text, interaction", [
    ("On 3 May 2023, violent electoral protests broke out in Mathare, Nairobi, Kenya.", 50),
    ("On 3 May 2023, residents demonstrated against the mayor in Bante, Benin, and wounded two policemen "
     "in a confrontation.", 15),
])
def test_rule_violent_protests_and_demonstrators_wounding_police_are_violent_demonstrations(coder, text, interaction):
    r = acled(coder, text)
    assert (r.sub_event_type, r.interaction) == ("Violent demonstration", interaction)


@pytest.mark.parametrize("text, sub", [
    ("Looting: On 3 May 2023, gunmen seized livestock from herders near Tanguieta, Benin.",
     "Looting/property destruction"),
    ("Property destruction: On 3 May 2023, militants burned a customs office in Karimama, Benin.",
     "Looting/property destruction"),
    ("Defusal: On 3 May 2023, soldiers defused a roadside bomb near Kantchari, Burkina Faso.", "Disrupted weapons use"),
    ("Displacement: On 3 May 2023, hundreds of families fled their villages near Kalale, Benin.", "Other"),
])
def test_rule_an_acled_note_label_decides_a_strategic_development(coder, text, sub):
    r = acled(coder, text)
    assert (r.event_type, r.sub_event_type) == ("Strategic developments", sub)


def test_rule_a_note_label_does_not_hide_a_killing(coder):
    r = acled(coder, "Property destruction: On 3 May 2023, gunmen burned houses in Kalale, Benin, and killed two villagers.")
    assert r.event_type == "Violence against civilians"


def test_rule_police_a_crowd_hands_its_victim_to_are_not_the_perpetrators(coder):
    r = acled(coder, "On 3 May 2023, residents beat a suspected thief in Bohicon, Benin, before handing him over "
                     "to the police.")
    assert (r.sub_event_type, r.interaction) == ("Mob violence", 57)


def test_rule_a_killing_by_unidentified_assailants_is_an_unidentified_armed_groups_attack(coder):
    r = acled(coder, "On 3 May 2023, unidentified assailants hacked a trader to death in Kakamega, Kenya.")
    assert (r.sub_event_type, r.interaction) == ("Attack", 37)
    r = acled(coder, "On 3 May 2023, assailants beat a trader in Kakamega, Kenya.")
    assert (r.sub_event_type, r.interaction) == ("Mob violence", 57)


def test_rule_an_armed_clash_is_a_battle_not_a_brawl(coder):
    r = acled(coder, "On 3 May 2023, in Irapuato, Mexico, there was an armed clash between fuel thieves and the "
                     "military forces.")
    assert (r.event_type, r.interaction) == ("Battles", 13)


def test_rule_demonstrators_are_a_crowd_when_they_clash_with_police(coder):
    r = acled(coder, "On 3 May 2023, demonstrators clashed with police in Kisii, Kenya, after trying to force their "
                     "way into the electoral offices.")
    assert (r.sub_event_type, r.interaction) == ("Violent demonstration", 15)


def test_rule_a_country_s_aircraft_are_its_military_forces(coder):
    r = acled(coder, "On 12 March 2024, Israeli aircraft struck a house in Rafah, Gaza Strip, killing 7 people.")
    assert (r.event_type, r.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert r.actor1.startswith("Military Forces of Israel") and r.inter1 == 8 and r.fatalities == 7


def test_rule_a_civilian_killed_by_armed_men_is_not_a_battle(coder):
    r = acled(coder, "Land agent killed at his home in Kitale, Kenya, by unknown armed men on 3 May 2023.")
    assert (r.event_type, r.interaction) == ("Violence against civilians", 37)


def test_rule_gunmen_linked_to_a_named_group_are_that_group(coder):
    r = acled(coder, "On 3 May 2023, gunmen linked to al-Shabaab killed two traders on the road to Garissa, Kenya.")
    assert (r.event_type, r.interaction, r.actor1) == ("Violence against civilians", 27, "al-Shabaab")


def test_rule_protesters_assaulting_police_and_setting_property_alight_rioted(coder):
    r = acled(coder, "On 3 May 2023, street traders protested in Nakuru, Kenya, against the killing of a colleague. "
                     "Some of the protesters assaulted a police officer and set his motorbike alight.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Violent demonstration")


def test_rule_people_gathering_or_forming_human_chains_demonstrate(coder):
    r = acled(coder, "On 14 June 2023, students formed human chains in Noakhali, Bangladesh, against the killing "
                     "of a mother and a daughter by unidentified assailants.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Protests", "Peaceful protest", 60)


def test_rule_fistfights_between_two_groups_are_mob_violence(coder):
    r = acled(coder, "On 10 September 2022, women refugees engaged in fistfights with local women at a water pump "
                     "in Tanguieta, Benin, over water.")
    assert (r.sub_event_type, r.interaction) == ("Mob violence", 55)


def test_rule_taken_away_with_whereabouts_unknown_is_a_forced_disappearance(coder):
    r = acled(coder, "On 3 May 2023, police took away a pastor from his house in Beijing, China, and his whereabouts "
                     "remain unknown.")
    assert (r.sub_event_type, r.interaction) == ("Abduction/forced disappearance", 17)


def test_rule_a_crowd_destroying_ballot_boxes_is_mob_violence(coder):
    r = acled(coder, "Youths destroy ballot boxes and papers at a polling centre in Embu, Kenya, disrupting the "
                     "party primaries.")
    assert (r.event_type, r.inter1) == ("Riots", 5)


def test_rule_denied_violence_does_not_make_a_riot(coder):
    r = acled(coder, "On 4 March 2024, teachers marched to the ministry in Accra, Ghana, to demand unpaid salaries. "
                     "Police watched the march and no clashes were reported.")
    assert (r.event_type, r.sub_event_type) == ("Protests", "Peaceful protest")


def test_rule_violence_a_demonstration_is_against_does_not_make_a_riot(coder):
    r = acled(coder, "On 4 March 2024, shopkeepers held a demonstration in Mombasa, Kenya, against the vandalism "
                     "of their stalls and the burning of a market.")
    assert (r.event_type, r.sub_event_type) == ("Protests", "Peaceful protest")


def test_rule_demonstrators_who_act_violently_after_a_purpose_clause_rioted(coder):
    r = acled(coder, "On 4 March 2024, traders demonstrated against new taxes in Kisumu, Kenya, and the "
                     "demonstrators clashed with police.")
    assert r.event_type == "Riots"


def test_rule_a_member_of_an_armed_group_killed_by_gunmen_is_a_battle(coder):
    r = acled(coder, "On 2 May 2023, a member of Al Shabaab was shot dead by unknown gunmen in Mandera, Kenya.")
    assert (r.event_type, r.sub_event_type) == ("Battles", "Armed clash")


def test_rule_gunmen_linked_to_an_armed_group_are_one_side(coder):
    r = acled(coder, "On 2 May 2023, gunmen linked to Al Shabaab shot dead a teacher in Mandera, Kenya.")
    assert (r.event_type, r.interaction) == ("Violence against civilians", 27)


def test_rule_a_crowd_after_when_is_the_subject_not_the_victim(coder):
    r = acled(coder, "Five people were injured when supporters of two rival candidates clashed in Kakamega, Kenya, "
                     "on 3 May 2023.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Mob violence")


def test_rule_rubber_bullets_do_not_arm_the_police_dispersing_a_crowd(coder):
    r = acled(coder, "On 3 May 2023, police fired rubber bullets to disperse residents of two villages who clashed "
                     "over land in Comilla, Bangladesh. Ten people were injured.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Mob violence")


def test_rule_clashes_an_attack_avenged_are_not_a_battle(coder):
    r = acled(coder, "On 6 May 2023, herders attacked a farming village near Ketou, Benin, in reprisal for earlier "
                     "clashes. Three civilians were killed.")
    assert r.event_type == "Violence against civilians"


def test_rule_a_crowd_the_text_calls_armed_is_an_armed_group(coder):
    r = acled(coder, "On 4 May 2023, a group of armed youths attacked a bus near Eldoret, Kenya, and injured "
                     "two passengers.")
    assert (r.event_type, r.sub_event_type) == ("Violence against civilians", "Attack")


def test_rule_a_group_of_people_who_fire_guns_is_an_armed_group(coder):
    r = acled(coder, "On 4 May 2023, a group of farmers shot and killed a herder near Parakou, Benin.")
    assert r.event_type == "Violence against civilians"


def test_rule_a_party_crowd_with_guns_stays_rioters(coder):
    r = acled(coder, "On 4 May 2023, a group of party supporters shot and injured a rival candidate's agent "
                     "in Kakamega, Kenya.")
    assert r.event_type == "Riots"


def test_rule_state_forces_shot_at_and_injured_fought_someone(coder):
    r = acled(coder, "On 4 May 2023, three police officers shot at and injured during a night patrol in "
                     "Garissa, Kenya.")
    assert (r.event_type, r.sub_event_type) == ("Battles", "Armed clash")


def test_rule_state_forces_that_came_under_fire_fought_someone(coder):
    r = acled(coder, "On 4 May 2023, soldiers came under fire near Gao, Mali.")
    assert r.event_type == "Battles"


def test_rule_state_forces_shooting_at_someone_is_their_own_act(coder):
    r = acled(coder, "On 4 May 2023, police shot at and injured two robbers in Mombasa, Kenya.")
    assert r.event_type != "Battles"


def test_rule_rebels_killed_fought_someone(coder):
    r = acled(coder, "On 4 May 2023, two Al Shabaab militants were killed in an operation near Mandera, Kenya.")
    assert (r.event_type, r.sub_event_type) == ("Battles", "Armed clash")


def test_rule_a_critic_of_a_rebel_group_killed_is_a_civilian(coder):
    r = acled(coder, "On 4 May 2023, an Al Shabaab critic was shot dead outside a mosque in Mombasa, Kenya.")
    assert r.event_type == "Violence against civilians"


def test_rule_crude_bombs_set_off_by_unarmed_people_are_mob_violence(coder):
    r = acled(coder, "On 4 May 2023, unidentified men exploded two crude bombs near a party office in "
                     "Rajshahi, Bangladesh.")
    assert (r.event_type, r.sub_event_type) == ("Riots", "Mob violence")


def test_rule_people_shot_by_police_during_riots_are_part_of_the_riot(coder):
    r = acled(coder, "On 4 May 2023, youths rioted after the election result in Kisumu, Kenya. Police opened "
                     "fire and killed two of them.")
    assert (r.event_type, r.sub_event_type, r.interaction) == ("Riots", "Violent demonstration", 15)


def test_rule_a_flash_mob_is_a_demonstration_not_a_mob(coder):
    r = acled(coder, "On 4 May 2023, about 40 students held a flash mob in Penang, Malaysia, against rising "
                     "fuel prices.")
    assert (r.event_type, r.sub_event_type) == ("Protests", "Peaceful protest")


def test_rule_a_demonstration_the_text_calls_peaceful_is_not_a_riot(coder):
    r = acled(coder, "On 4 May 2023, teachers held a peaceful protest in Kericho, Kenya, against the vandalism of "
                     "their school and the attacks that have destroyed property.")
    assert r.event_type == "Protests"


def test_rule_a_peaceful_demonstration_that_turned_violent_is_a_riot(coder):
    r = acled(coder, "On 4 May 2023, a peaceful protest in Kericho, Kenya, turned violent when demonstrators "
                     "pelted police with stones.")
    assert r.event_type == "Riots"
