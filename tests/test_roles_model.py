"""Roles and status read from the wider parse: the object's own phrases, the place of the event, the source's
own forces, conditions, refusals, planning verbs, capitals and titles (loads the model)."""
from __future__ import annotations

import pytest

from storyline.api import code_text

pytestmark = pytest.mark.model




def test_the_objects_with_phrase_names_the_target(rows) -> None:
    assert ("054", "KHMGOV", "THAGOV", "asserted") in rows("Cambodia restored full diplomatic ties with Thailand.")


def test_about_to_carries_the_act_and_its_source(rows) -> None:
    found = rows("Cambodia is about to restore full diplomatic ties with Thailand.")
    assert [(c[:2], s, t) for c, s, t, _ in found] == [("03", "KHMGOV", "THAGOV")]   # a stated plan is an intent


def test_the_place_of_the_event_is_the_target_when_no_one_else_is(rows) -> None:
    doc = code_text("Turkish authorities imposed a curfew in the city of Diyarbakir on Monday.", "2019-05-01")
    curfew = next(e for e in doc.events if e.cameo == "1723")
    # the place of a curfew stands for its people: the target is the people there
    assert curfew.target is not None and curfew.target.code == "TURCVL"
    assert curfew.target.basis == "place-of-event+default-role"
    # a named party wins over the place
    assert ("1723", "TURGOV", "TURCVL", "asserted") in rows(
        "Turkish authorities imposed a curfew on Kurdish villagers in Diyarbakir on Monday.")


def test_the_sources_own_forces_are_not_its_target(rows) -> None:
    found = rows("Syria says it is willing to withdraw its troops from neighboring Lebanon.")
    assert any(s == "SYRGOV" and t == "LBNGOV" for _, s, t, _ in found)
    assert not any(t == "SYRMIL" for _, _, t, _ in found)


def test_a_hostile_act_on_a_condition_is_a_threat(rows) -> None:
    found = rows("Nigeria said it will withdraw its peacekeepers from Chad unless the rebels agree to a truce.")
    assert any(c and c.startswith("13") and s == "NGAGOV" for c, s, _, _ in found)
    # a conjecture with "if" is no threat, and a cooperative promise on a condition stays a promise
    assert [st for *_, st in rows("If the talks fail, Russia could attack Ukraine.")] == ["hypothetical"]
    assert not any(c and c.startswith("13") for c, *_ in rows(
        "The rebels will release the hostages if the government pays a ransom."))


def test_cooperation_the_source_will_not_give_is_a_refusal(rows) -> None:
    assert any(c and c.startswith("12") and s == "LBNGOV" and st == "asserted"
               for c, s, _, st in rows("Lebanon said it will not accept any more refugees from Syria."))
    assert ("0841", "KHMGOV", "KHMOPP", "negated") in [
        (c, s, t, st) for c, s, t, st in rows("The Cambodian government did not release the opposition activists.")]


def test_planning_verbs_carry_the_act(rows) -> None:
    found = rows("Iraq's interim government announced that it is prepared to impose martial law in Baghdad.")
    assert any(c == "1324" and s == "IRQGOV" for c, s, _, _ in found)   # planned martial law is a threat
    found = rows("An attempt to assassinate the governor of Kandahar was thwarted on Monday.")
    assert any(c == "186" for c, *_ in found)


def test_campaign_against_keeps_its_target(rows) -> None:
    assert any(c == "113" and t == "RUSGOV" for c, _, t, _ in rows(
        "Ukrainian activists campaigned against the Russian government on Sunday."))


def test_a_capital_that_acts_is_its_government_a_capital_as_place_is_not(rows) -> None:
    assert any(s == "USAGOV" and t and t.startswith("PSE") for _, s, t, _ in rows(
        "Washington demanded that Hamas renounce violence."))
    doc = code_text("Thousands of students protested in Washington on Sunday.", "2019-05-01")
    assert not any(a.code == "USAGOV" for a in doc.actors)


def test_titles_name_their_organisation_and_initials_their_country(rows) -> None:
    doc = code_text("U.N. Secretary-General Kofi Annan criticized the Israeli government.", "2019-05-01")
    assert doc.actors[0].code == "IGOUNO" and doc.actors[0].basis == "title-organisation"
    assert any(t == "USAGOV" for _, _, t, _ in rows(
        "Israeli Prime Minister Ehud Barak has agreed to US mediation in the talks."))


def test_a_joint_act_takes_the_other_conjunct_as_its_partner(rows) -> None:
    assert ("0312", "JORGOV", "GBRGOV") in [c[:3] for c in rows(
        "Jordan and Britain have agreed to undertake joint military exercises this month.")]
    # a one-sided act does not: the second critic is no target
    assert not any(t == "CHNGOV" for _, _, t, _ in rows("Russia and China condemned the attack on the embassy."))


def test_scheduled_acts_take_the_passive_subject_as_source(rows) -> None:
    found = rows("The Iranian president is scheduled to attend a summit in Russia.")
    assert any(c and c.startswith("03") and s == "IRNGOV" for c, s, _, _ in found)


def test_a_negated_copula_negates_an_adjective_of_intent(rows) -> None:
    assert [st for c, _, _, st in rows("Iran is not ready to negotiate with the United States.")] == ["negated"]
    assert [st for c, _, _, st in rows("Qatar is willing to negotiate with Saudi Arabia.")] == ["asserted"]


def test_what_the_source_sends_people_to_do_is_coded(rows) -> None:
    found = rows("The United Nations has sent 21 officials to Bosnia to investigate the killings.")
    assert any(c and c.startswith("09") and s and s.startswith("IGO") for c, s, _, _ in found)


def test_the_place_of_a_threatened_act_and_a_capital_as_object(rows) -> None:
    found = rows("President Bouteflika threatened to impose a curfew in Oran on Monday.")
    assert any(c and c.startswith("13") and t == "DZAGOV" for c, _, t, _ in found)
    doc = code_text("French farmers said they would blockade Paris from Monday night.", "2019-05-01")
    assert not any(a.code == "FRAGOV" for a in doc.actors)   # the city they aim at, not the government


def test_seats_of_government_name_governments() -> None:
    doc = code_text("The White House rejected the report, and the Kremlin welcomed it.", "2019-05-01")
    assert [a.code for a in doc.actors if a.basis == "organisation-table"] == ["USAGOV", "RUSGOV"]


def test_what_is_received_was_given_by_the_other_side(rows) -> None:
    assert ("072", "USAGOV", "UKRGOV") in [c[:3] for c in rows(
        "Ukraine received $2 billion in military aid from the United States.")]
    assert ("030", "GEOGOV", "GEOOPP") in [c[:3] for c in rows(
        "Georgian demonstrators received assurances from the Georgian government.")]


def test_a_passive_takes_its_source_from_the_attack_it_happened_in(rows) -> None:
    found = rows("Three Afghan soldiers were wounded in a Taliban attack on Monday.")
    assert any(c and c.startswith("18") and s and s.endswith("REB") for c, s, _, _ in found)
    assert ("180", None, "AFGCVL") in [c[:3] for c in rows("Two men were killed in Kabul on Monday.")]


def test_support_given_or_refused_and_pressure_faced(rows) -> None:
    assert any(c == "032" and s == "USAGOV" and t == "ISRGOV" for c, s, t, _ in rows(
        "The United States will provide support to Israel."))
    assert any(c and c.startswith("12") and t == "ISRGOV" for c, _, t, _ in rows(
        "Biden said he would not provide support to Israel."))   # a named speaker the coder cannot code
    assert any(c == "100" and t and t.endswith("GOV") and s and s.endswith("LEG") for c, s, t, _ in rows(
        "The Ukrainian president faces pressure from parliament to resign."))


def test_several_parties_are_one_event_with_its_dyads() -> None:
    doc = code_text("Russia, China and Iran condemned the sanctions against Syria.", "2019-05-01")
    ev = next(e for e in doc.events if e.cameo and e.cameo.startswith("11"))
    assert [a.code for a in ev.also_sources] == ["CHNGOV", "IRNGOV"]
    assert [(s and s.code, t and t.code) for s, t in ev.dyads()] == \
        [("RUSGOV", "SYRGOV"), ("CHNGOV", "SYRGOV"), ("IRNGOV", "SYRGOV")]


def test_a_hosts_welcome_needs_a_person_as_the_object_itself(rows) -> None:
    assert [c[0] for c in rows("The Thai king welcomed the Japanese prime minister on Monday.")] == ["043"]
    found = rows("Fornost and Gondor welcomed a resumption of diplomatic ties with Osgiliath.")
    assert not any(c == "043" for c, *_ in found)


def test_a_joint_act_counts_both_ways_as_dyads() -> None:
    doc = code_text("Jordan and Britain have agreed to undertake joint military exercises this month.", "2019-05-01")
    ev = doc.events[0]
    assert ev.joint and [(s.code, t.code) for s, t in ev.dyads()] == [("JORGOV", "GBRGOV"), ("GBRGOV", "JORGOV")]
    one_sided = code_text("Russia condemned the sanctions against Syria.", "2019-05-01").events[0]
    assert not one_sided.joint and len(one_sided.dyads()) == 1


def test_headline_verbs_the_model_tags_as_nouns_are_read_as_verbs(rows) -> None:
    found = rows("Police arrest Gyumri mayor Vardan Ghukasyan on bribery charges in Armenia.")
    assert any(c == "173" and s == "ARMCOP" and t == "ARMGOV" for c, s, t, _ in found)


def test_the_attack_that_kills_names_who_killed(rows) -> None:
    found = rows("An Israeli drone strike in Tyre kills a Hezbollah commander.")
    assert any(c and c.startswith("18") and s and s.startswith("ISRGOV") for c, s, _, _ in found)
    # the phrase that holds the trigger is not its place: no U.S. target for a U.S. airstrike
    assert not any(c == "195" and t == "USAGOV" for c, _, t, _ in rows(
        "At least 68 people are killed in a U.S. airstrike on a prison in Saada, Yemen."))


def test_a_countrys_own_forces_are_no_target_and_a_statement_addresses_no_one(rows) -> None:
    assert ("0874", "ISRGOV", "LBNGOV") in [c[:3] for c in rows("Israel partially withdraws troops from Lebanon.")]
    assert ("173", "ISRMIL", "ISROPP") in [c[:3] for c in rows("Israeli soldiers arrested Israeli protesters.")]
    found = rows("Italian foreign minister Antonio Tajani announces that Italy will stop working with the agency.")
    assert ("010", "ITAGOV", None) in [c[:3] for c in found]


def test_statements_released_strikes_that_hit_and_targets_on_the_light_verb(rows) -> None:
    assert ("010", "COLGOV", None) in [c[:3] for c in rows(
        "Colombian president Gustavo Petro released a joint statement on Monday.")]
    assert any(c == "190" and s == "RUSMIL" and t == "UKRGOV" for c, s, t, _ in rows(
        "Six Russian drones hit the Kyivskyi district of Kharkiv, Ukraine, damaging several buildings."))
    assert rows("The hurricane hit the coast of Florida.") == []
    assert ("163", "IGOEUREEC", "RUSCVL") in [c[:3] for c in rows(
        "The European Union imposes sanctions against nine Russian individuals.")]


def test_what_means_are_for_is_no_event_and_describing_is_no_doing(rows) -> None:
    found = rows("Police arrested nine people for raising funds for attacks on Israel.")
    assert [c for c, *_ in found] == ["173"]
    assert rows("Iranian foreign minister Abbas Araghchi calls the blockade an act of war.") == []
    assert ("143", "LAB", None) in [c[:3] for c in rows("Unions called a general strike on Monday.")]


def test_who_took_part_in_clashes_or_a_visit(rows) -> None:
    assert any(c and c.startswith("19") and s == "AFGMIL" and t == "PAKMIL" for c, s, t, _ in rows(
        "Afghan forces say that they have captured a border post during clashes with Pakistani troops."))
    assert not any(s == "KHMJUD" for c, s, *_ in rows(
        "The Cambodian court convicted him for attacks on police stations."
    ) if c and c.startswith("19"))


def test_a_government_protests_by_complaint_and_crowds_by_their_people(rows) -> None:
    assert ("114", "AZEGOV", "ERIGOV") in [c[:3] for c in rows(
        "Azerbaijan protests Eritrea's detention of three Azerbaijani-flagged vessels.")]
    assert any(c and c.startswith("14") and s == "SRBEDU" for c, s, _, _ in rows(
        "Thousands of students protested in Belgrade on Sunday."))
    assert not any(c == "114" for c, *_ in rows("Young Algerians blocked roads leading to the city centre."))


def test_weapons_launched_are_means_and_a_state_of_emergency_is_no_actor(rows) -> None:
    assert ("194", "RUSMIL", "UKRGOV") in [c[:3] for c in rows(
        "Russian forces launch more than 500 drones and missiles at Ukraine.")]
    mutiny = rows("Syrian troops attacked Syrian soldiers who defected.")
    assert ("190", "SYRMIL", "SYRMIL") in [c[:3] for c in mutiny]
    doc = code_text("Lithuania declares a state of national emergency over security risks.", "2019-05-01")
    assert [a.text for a in doc.actors] == ["Lithuania"]


def test_a_verb_tagged_as_a_noun_keeps_its_compound_subject(rows) -> None:
    found = rows("An Azerbaijani military court sentences former minister Ruben Vardanyan to 20 years in prison.")
    assert any(c == "173" and s == "AZEJUD" for c, s, _, _ in found)


def test_a_critic_is_not_the_doer_of_the_act_it_criticises(rows) -> None:
    found = rows("Egypt denounced an Israeli bid to seize the Gaza port.")
    assert not any(c and c.startswith("19") and s == "EGYGOV" for c, s, _, _ in found)
    found = rows("Moscow rejected the American attempt to impose sanctions on Iran.")
    assert not any(c == "163" and s and s.startswith("RUSGOV") for c, s, _, _ in found)


def test_only_acts_done_with_each_other_are_joint(rows) -> None:
    doc = code_text("Russia and Syria carried out air strikes on Monday.", "2019-05-01")
    assert not any(e.joint for e in doc.events)
    assert not any(t == "QATGOV" for *_, t, _ in rows("Norway and Qatar mediated the talks."))
    met = code_text("Russia, China and Iran met in Tehran on Monday.", "2019-05-01").events[0]
    pairs = {(s.code, t.code) for s, t in met.dyads()}
    assert met.joint and {("RUSGOV", "IRNGOV"), ("IRNGOV", "RUSGOV"), ("CHNGOV", "IRNGOV")} <= pairs and len(pairs) == 6


def test_a_conditional_ceasefire_stays_a_promise(rows) -> None:
    found = rows("Hamas said it will declare a ceasefire if Israel withdraws its troops.")
    assert any(c and c.startswith("03") for c, *_ in found)
    assert not any(c and c.startswith("13") for c, *_ in found)


def test_rallies_and_gatherings_are_not_misread(rows) -> None:
    found = rows("Two journalists were arrested during a Hamas rally in Gaza.")
    assert not any(c == "173" and s and "REB" in s for c, s, _, _ in found)   # Hamas arrested no one
    assert any(c == "046" for c, *_ in rows("Ministers gathered in Geneva for talks with Iran."))
    assert not any(c and c.startswith("19") for c, *_ in rows("Police arrested 20 people during clashes in Cairo."))


def test_a_statement_has_no_place_target_and_a_capital_as_place_is_the_city(rows) -> None:
    assert [c[:3] for c in rows("The French president issued a statement in Berlin on Monday.")] == [
        ("010", "FRAGOV", None)]
    assert ("0874", "USAGOV", "AFGGOV") in [c[:3] for c in rows("The United States withdrew its troops from Kabul.")]
    assert ("190", "AFGREB", "AFGGOV") in [c[:3] for c in rows("Taliban fighters attacked Kabul's airport.")]


def test_what_others_expect_is_hypothetical(rows) -> None:
    assert [c[0::3] for c in rows("The United States is expected to impose sanctions on Iran.")] == [
        ("163", "hypothetical")]


def test_counts_do_not_hide_a_people_and_the_islamic_state_is_an_armed_group(rows) -> None:
    assert ("190", "ISRMIL", "PSECVL") in [c[:3] for c in rows(
        "Israeli forces kill at least 74 Palestinians across the Gaza Strip.")]
    assert any(t == "IMGMUSISI" for *_, t, _ in rows(
        "The United States military launches airstrikes against Islamic State targets in Syria."))
    assert any(c == "190" and s == "RUSMIL" for c, s, _, _ in rows(
        "A Russian drone strikes a church in Lviv, western Ukraine."))


def test_an_ethnic_group_is_the_people_of_the_country_it_lives_in(rows) -> None:
    assert ("141", "SRBCVL", "SRBGOV") in [c[:3] for c in rows(
        "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.")]


def test_set_free_however_parsed_and_the_media_as_an_actor(rows) -> None:
    assert ("0841", "KHMGOV") in [c[:2] for c in rows(
        "The Cambodian government set free 20 political prisoners on Tuesday.")]
    assert [c[0] for c in rows("The Thai government set the prisoners free on Tuesday.")] == ["0841"]
    assert ("1721", "MED") in [(c, t) for c, _, t, _ in rows("The government cracked down on independent media.")]


def test_a_cancelled_or_planned_attack_did_not_happen_and_victims_are_local(rows) -> None:
    assert [c[3] for c in rows("U.S. president Donald Trump cancels a planned attack against Iran.")] == ["negated"]
    assert [c[3] for c in rows("Israel today mounted its long-planned invasion of South Lebanon.")] == ["asserted"]
    assert ("190", "ISRMIL", "PSECVL") in [c[:3] for c in rows(
        "Israeli forces kill at least 57 people in the Gaza Strip, including 35 aid seekers.")]
    tank = rows("A drone strikes a fuel tank at Kuwait International Airport.")
    assert ("190", "MIL", None) in [c[:3] for c in tank]   # a fuel tank is no armour


def test_a_name_the_model_reads_as_a_date_is_still_a_person() -> None:
    doc = code_text("Prime Minister Theresa May met the Irish taoiseach. Theresa May stepped down on July 24.",
                    "2019-07-20")
    assert any(a.text == "Theresa May" for a in doc.actors)   # the model tags "Theresa May" as a date
    resign = next(e for e in doc.events if e.cameo and e.cameo.startswith("083"))
    assert resign.source is not None and resign.source.code == "GBRGOV"


def test_a_first_name_that_is_a_city_is_no_country_and_a_city_before_a_title_is() -> None:
    duale = code_text("Kenyan Defence Minister Aden Duale announced the deployment.", "2024-06-19").actors[0]
    assert (duale.name, duale.code) == ("Aden Duale", "KENGOV")
    mayor = code_text("Moscow Mayor Sergei Sobyanin announced new restrictions.", "2024-06-19").actors[0]
    assert (mayor.name, mayor.code) == ("Sergei Sobyanin", "RUSGOV")
