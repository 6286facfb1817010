"""Actor recognition on real parses: titles, office holders on the article's date, organisations and their
acronyms, surnames, the small model's mislabelled names (loads the model)."""
from __future__ import annotations

import pytest

from storyline.api import code_text

pytestmark = pytest.mark.model


def actors(text: str, date: str = "2019-05-01") -> dict[str, str | None]:
    return {a.text: a.code for a in code_text(text, date).actors}


def test_title_country_and_office_holder_table() -> None:
    found = actors("Cambodian Prime Minister Hun Sen met King Norodom Sihamoni.", "2018-08-28")
    assert found["Cambodian Prime Minister Hun Sen"] == "KHMGOV"
    assert found["King Norodom Sihamoni"] == "KHMGOV"


def test_organisations_from_the_table_belong_to_no_country() -> None:
    found = actors("NATO troops arrested three men in Kabul. The United Nations criticized the raid.")
    assert found["NATO troops"] == "IGOWSTNAT"
    assert found["The United Nations"] == "IGOUNO"


def test_acronym_defined_in_the_text_and_surname_refer_back() -> None:
    text = ("Opposition leader Kem Sokha of the Cambodia National Rescue Party (CNRP) was arrested. "
            "Police said Sokha had been taken to a prison. The CNRP called the arrest illegal.")
    acts = code_text(text, "2017-09-04").actors
    sokha = [a for a in acts if a.text == "Sokha"]
    assert sokha and sokha[0].name == "Kem Sokha" and sokha[0].code is not None and sokha[0].code.endswith("OPP")
    cnrp = [a for a in acts if a.text in ("The CNRP", "CNRP")]
    assert cnrp and cnrp[-1].name == "Cambodia National Rescue Party"


def test_allegiance_does_not_turn_courts_into_government() -> None:
    found = actors("Pro-government courts in Cambodia dissolved the opposition party last year.")
    assert found["Pro-government courts"] == "KHMJUD"


def test_mislabelled_person_name_is_a_person() -> None:
    acts = code_text("The former leader of the opposition party, Kem Sokha, was denied bail.", "2018-08-28").actors
    person = [a for a in acts if a.name == "Kem Sokha"]
    assert person and all(a.kind == "person" for a in person)


def test_the_prime_minister_and_the_party_refer_back_to_named_actors() -> None:
    text = ("Prime Minister Hun Sen's Cambodian People's Party won the election. "
            "The prime minister later praised voters. The party said it would form a government.")
    acts = code_text(text, "2018-07-30").actors
    pm = next(a for a in acts if a.text.lower() == "the prime minister")
    party = next(a for a in acts if a.text == "The party")
    assert pm.name == "Hun Sen" and pm.code == "KHMGOV"
    assert party.name is not None and "People" in party.name


def test_titles_before_a_name_give_roles_and_are_not_part_of_it() -> None:
    found = {a.text: (a.name, a.code) for a in code_text(
        "Kyrgyz Prime Minister Nikolai Tanaev met British Defence Secretary Tom King.", "2005-05-01").actors}
    assert found["Kyrgyz Prime Minister Nikolai Tanaev"] == ("Nikolai Tanaev", "KGZGOV")
    assert found["British Defence Secretary Tom King"] == ("Tom King", "GBRGOV")
    assert "Kyrgyz" not in found  # a nationality word inside a title is no actor of its own


def test_a_possessive_country_names_the_actor_and_a_blanked_dateline_is_no_part_of_it() -> None:
    doc = code_text("PRETORIA, South Africa — Ethiopia's government agreed on Wednesday to a permanent cessation "
                    "of hostilities.", "2022-11-02")
    gov = next(a for a in doc.actors if a.text.endswith("government"))
    assert gov.text == "Ethiopia's government" and gov.code == "ETHGOV"
