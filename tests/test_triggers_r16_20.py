"""Trigger lexicon for CAMEO roots 16-20 (reduce relations, coerce, assault, fight, mass violence): real sentences
coded end to end, and every code of the range reachable from storyline/data/triggers/r16_20.yaml."""
from __future__ import annotations

import pytest
import yaml

from storyline.model.doc import Event
from storyline.reference import cameo
from storyline.reference.files import read_data

# Codes with no lexical signal of their own: the two-digit roots are never coded as such (the x0 code is).
NO_SIGNAL = {"16", "17", "18", "19", "20"}

# (sentence, expected code (a root when only the root is the point), source code, target code, status);
# None for an actor means the test does not check it (the argument finder gives none there today).
Case = tuple[str, str, str | None, str | None, str]

R16: list[Case] = [
    ("The United States imposed new sanctions on Iran on Monday.", "163", "USAGOV", "IRNGOV", "asserted"),
    ("Sanctions were imposed on Russia by the European Union on Friday.", "163", "IGOEUREEC", None, "asserted"),
    ("Bolivia broke off diplomatic relations with Israel on Thursday.", "161", "BOLGOV", None, "asserted"),
    ("Military aid to Egypt was suspended by the United States.", "1622", "USAGOV", None, "asserted"),
    ("The United Nations reduced food aid to Somalia.", "1623", "IGOUNO", None, "asserted"),
    ("Russia did not sever diplomatic ties with Georgia.", "161", "RUSGOV", None, "negated"),
]
R17: list[Case] = [
    ("Turkish police dispersed the protest in Istanbul on Sunday.", "175", "TURCOP", None, "asserted"),
    ("Thai police confiscated weapons from the rebels on Monday.", "1711", "THACOP", None, "asserted"),
    ("Palestinian homes were demolished by Israeli troops on Sunday.", "1712", "ISRMIL", None, "asserted"),
    ("The Egyptian government imposed a curfew in Cairo on Friday.", "1723", "EGYGOV", None, "asserted"),
    ("The Thai army declared martial law on Tuesday.", "1724", "THAMIL", None, "asserted"),
    ("Pakistani police did not disperse the rally in Lahore.", "175", "PAKCOP", None, "negated"),
]
R18: list[Case] = [
    ("Israeli soldiers beat up Palestinian detainees in the West Bank.", "182", "ISRMIL", "PSECVL", "asserted"),
    ("Two British soldiers were wounded by Irish guerrillas on Thursday.", "180", "IRLREB", "GBRMIL", "asserted"),
    ("The torture of Palestinian detainees by Israeli police was documented in the report.", "1822", "ISRCOP",
     "PSECVL", "asserted"),
    ("Hamas militants set off a bomb in Jerusalem.", "183", "PSEREBHMS", None, "asserted"),
    ("Militants attempted to assassinate Prime Minister Iyad Allawi on Sunday.", "185", "REB", None, "asserted"),
    ("Israeli soldiers did not torture the detainees.", "1822", "ISRMIL", None, "negated"),
]
R19: list[Case] = [
    ("Russian troops invaded Ukraine in February.", "190", "RUSMIL", "UKRGOV", "asserted"),
    ("Ukraine was invaded by Russian troops in February.", "190", "RUSMIL", "UKRGOV", "asserted"),
    ("The invasion of Ukraine by Russia began on February 24.", "190", "RUSGOV", "UKRGOV", "asserted"),
    ("Iraqi troops clashed with Kurdish fighters near Kirkuk on Sunday.", "190", "IRQMIL", "IRQREB", "asserted"),
    ("The United States imposed a naval blockade on Cuba in 1962.", "191", "USAGOV", "CUBGOV", "asserted"),
    ("Israeli troops occupied the town of Jenin on Monday.", "192", "ISRMIL", None, "asserted"),
    ("Egyptian police opened fire on protesters in Cairo on Monday.", "193", "EGYCOP", None, "asserted"),
    ("Russian troops did not invade Ukraine.", "190", "RUSMIL", "UKRGOV", "negated"),
]
R20: list[Case] = [
    ("Syrian troops massacred hundreds of civilians in Homs on Friday.", "202", "SYRMIL", None, "asserted"),
    ("Hundreds of civilians were massacred by Syrian troops in Homs.", "202", "SYRMIL", None, "asserted"),
    ("The massacre of 300 civilians by Syrian troops shocked the world.", "202", "SYRMIL", "SYRCVL", "asserted"),
    ("The Syrian government used chemical weapons against civilians in Ghouta.", "2041", "SYRGOV", None,
     "asserted"),
    ("Syrian troops did not massacre the civilians.", "202", "SYRMIL", "SYRCVL", "negated"),
]


# Sense families added for issue 4: nominal suspensions, called-off visits, reimposed and extended measures,
# withdrawals told by other verbs, human shields, weapons that are no actor, engagements and tear gas.
MORE: list[Case] = [
    ("Italy announced the suspension of flights to Libya on Monday.", "160", "ITAGOV", "LBYGOV", "asserted"),
    ("Canada cancelled a planned visit to China on Monday.", "160", "CANGOV", "CHNGOV", "asserted"),
    ("China did not cancel the visit to Canada.", "160", "CHNGOV", "CANGOV", "negated"),
    ("Fifty UN peacekeepers were shipped out of the Bosnian town of Srebrenica.", "1661", None, "IGOUNO",
     "asserted"),
    ("Sudan forced the UN aid agency out of Darfur.", "1663", "SDNGOV", "IGOUNO", "asserted"),
    ("Israel reimposed a blockade on the Gaza Strip on Friday.", "191", "ISRGOV", "PSEGOV", "asserted"),
    ("Israel reimposed a curfew on Hebron on Friday.", "1723", "ISRGOV", "PSEGOV", "asserted"),
    ("The Kenyan government extended the curfew in Mombasa on Friday.", "1723", "KENGOV", None, "asserted"),
    ("The Thai government has imposed restrictions on Burmese migrants.", "172", "THAGOV", "MMRREF", "asserted"),
    # an announced administrative sanction is a threat of one (the intent rule)
    ("The Thai government plans to impose restrictions on Burmese migrants.", "132", "THAGOV", "MMRREF",
     "asserted"),
    ("The Egyptian government imposed a news blackout on the trial.", "1721", "EGYGOV", None, "asserted"),
    ("Turkish police used tear gas to disperse the protesters.", "175", "TURCOP", "TUROPP", "asserted"),
    ("Sri Lankan troops were holding Tamil villagers as human shields.", "184", "LKAMIL", None, "asserted"),
    ("Iraqi rebels used civilians as human shields.", "184", "IRQREB", "IRQCVL", "asserted"),
    ("Two Iraqi soldiers were killed by a roadside bomb on Monday.", "1833", None, "IRQMIL", "asserted"),
    ("Three Afghan policemen were killed in an explosion in Kabul.", "183", None, "AFGCOP", "asserted"),
    ("Syrian rebels engaged Iraqi troops in a fierce gunbattle.", "193", "SYRREB", "IRQMIL", "asserted"),
    ("Russia fired anti-aircraft batteries at Ukraine.", "194", "RUSGOV", "UKRGOV", "asserted"),
]


@pytest.mark.model
@pytest.mark.parametrize("case", MORE, ids=lambda c: c[0][:40])
def test_issue4_sense_families(case: Case, events) -> None:
    _check(events, case)


@pytest.mark.model
def test_killed_in_an_attack_noun_keeps_the_attacker(events) -> None:
    """"killed in an air strike by government forces": the strike is coded by its own noun, with its agent."""
    found = events("Eight Syrian civilians were killed in an air strike by government forces.")
    strikes = [e for e in found if e.cameo == "195"]
    assert strikes and getattr(strikes[0].source, "code", None) == "SYRGOV", [(e.cameo, e.source) for e in found]


def _check(events, case: Case) -> None:
    text, code, source, target, status = case
    found: list[Event] = [e for e in events(text) if e.cameo]
    hits = [e for e in found if (e.cameo or "").startswith(code)]
    assert hits, f"{text!r}: no {code} event in {[(e.cameo, e.trigger.text) for e in found]}"
    ev = hits[0]
    assert ev.cameo == code or len(code) == 2, (text, ev.cameo)
    if source is not None:
        assert getattr(ev.source, "code", None) == source, (text, getattr(ev.source, "code", None))
    if target is not None:
        assert getattr(ev.target, "code", None) == target, (text, getattr(ev.target, "code", None))
    assert ev.status == status, (text, ev.status)


@pytest.mark.model
@pytest.mark.parametrize("case", R16, ids=lambda c: c[0][:40])
def test_root_16_reduce_relations(case: Case, events) -> None:
    _check(events, case)


@pytest.mark.model
@pytest.mark.parametrize("case", R17, ids=lambda c: c[0][:40])
def test_root_17_coerce(case: Case, events) -> None:
    _check(events, case)


@pytest.mark.model
@pytest.mark.parametrize("case", R18, ids=lambda c: c[0][:40])
def test_root_18_assault(case: Case, events) -> None:
    _check(events, case)


@pytest.mark.model
@pytest.mark.parametrize("case", R19, ids=lambda c: c[0][:40])
def test_root_19_fight(case: Case, events) -> None:
    _check(events, case)


@pytest.mark.model
@pytest.mark.parametrize("case", R20, ids=lambda c: c[0][:40])
def test_root_20_mass_violence(case: Case, events) -> None:
    _check(events, case)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The company fired its chief executive on Monday.",          # "fire" needs a weapon as its object
    "The president vowed to fight corruption.",                  # "fight" needs someone fought
    "Opposition lawmakers were boycotting parliament.",          # a political boycott is no trade boycott (163)
    "Biden beat Trump in the 2020 election.",                    # "beat" alone is "defeat"
    "The government cut taxes for small businesses.",            # "cut" needs aid or ties
])
def test_other_senses_of_general_verbs_code_nothing_here(text: str, events) -> None:
    roots = {(e.cameo or "")[:2] for e in events(text)}
    assert not roots & {"16", "17", "18", "19", "20"}, (text, roots)


def test_every_code_in_range_is_reachable() -> None:
    raw = yaml.safe_load(read_data("triggers/r16_20.yaml"))
    coded = {s.get("code") for senses in raw["triggers"].values() for s in senses}
    in_range = {c for c in cameo.all_codes() if c[:2] in {"16", "17", "18", "19", "20"}}
    assert in_range, "cameo.tsv has no codes in 16-20"
    missing = in_range - coded - NO_SIGNAL
    assert not missing, f"unreachable codes: {sorted(missing)}"
    assert coded <= in_range | {None}, f"codes outside 16-20: {sorted(coded - in_range)}"


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "source", "target"), [
    ("The Queen suspended parliament for five weeks on Monday.", "172", "GOV", "LEG"),
    ("The journalist was taken into custody by police on Friday.", "173", "COP", "MED"),
    ("The government announced a ban on the niqab in public offices on Friday.", "172", "GOV", None),
])
def test_suspending_a_parliament_custody_and_bans(rows, text: str, code: str, source: str, target: str | None) -> None:
    assert (code, source, target) in [(c, s, t) for c, s, t, _ in rows(text)], rows(text)
