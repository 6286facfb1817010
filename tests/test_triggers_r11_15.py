"""Trigger lexicon for CAMEO roots 11-15 (disapprove, reject, threaten, protest, exhibit force posture): every
code reachable, and real sentences coded with the right code, actors and status."""
from __future__ import annotations

import pytest
import yaml

from storyline.reference import cameo
from storyline.reference.files import read_data
from storyline.reference.triggers import triggers

ROOTS = ("11", "12", "13", "14", "15")
# The two-digit roots are coded through their general three-digit code (110, 130, 140, 150); "12" alone is
# core.yaml's (a denied request).
NO_LEXICAL_SIGNAL = {"11", "13", "14", "15"}


def _one(rows, text: str, root: str) -> tuple[str, str | None, str | None, str]:
    found = [e for e in rows(text) if (e[0] or "").startswith(root)]
    assert len(found) == 1, (text, rows(text))
    return found[0]  # type: ignore[return-value]


def test_every_code_in_range_is_reachable_or_listed() -> None:
    coded = {s.code for senses in triggers().values() for s in senses}
    in_range = [c for c in cameo.all_codes() if c[:2] in ROOTS]
    assert len(in_range) > 90
    missing = [c for c in in_range if c not in coded and c not in NO_LEXICAL_SIGNAL]
    assert not missing, missing
    assert not NO_LEXICAL_SIGNAL & coded


_CONDITIONS = ("object", "object_words", "clause_words", "for_words", "compound_words", "prep_words",
               "source_roles", "adverb_words")


def test_senses_name_known_codes_and_a_sense_without_conditions_comes_last() -> None:
    """A sense with no conditions hides every sense after it: in this file it may only be a key's last."""
    known = cameo.all_codes()
    raw = yaml.safe_load(read_data("triggers/r11_15.yaml"))["triggers"]
    for key, senses in raw.items():
        assert all(s.get("code") is None or s["code"] in known for s in senses), key
        free = [i for i, s in enumerate(senses) if not any(s.get(c) for c in _CONDITIONS)]
        assert all(i == len(senses) - 1 for i in free), (key, free)


@pytest.mark.model
def test_disapprove_active_passive_nominal_negated(rows) -> None:
    assert _one(rows, "The French government denounced Russia on Monday.", "11") == \
        ("111", "FRAGOV", "RUSGOV", "asserted")
    assert _one(rows, "Russia was denounced by the French government on Monday.", "11")[:3] == \
        ("111", "FRAGOV", "RUSGOV")
    code, src, _, _ = _one(rows, "The French government's criticism of Russia on Monday was sharp.", "11")
    assert (code, src) == ("111", "FRAGOV")
    assert _one(rows, "France did not denounce Russia on Monday.", "11") == ("111", "FRAGOV", "RUSGOV", "negated")
    assert _one(rows, "Palestinians blamed Israel for the bombing on Monday.", "11")[:3] == ("112", "PSEGOV", "ISRGOV")
    code, src, _, _ = _one(rows, "A Saudi businessman is suing the United States for damages.", "11")
    assert code == "115"
    code, src, _, _ = _one(rows, "The court found the Egyptian minister guilty of corruption on Monday.", "11")
    assert (code, src) == ("116", "EGYJUD")


@pytest.mark.model
def test_reject_active_passive_nominal_negated(rows) -> None:
    code, src, _, status = _one(rows, "The Palestinian Authority rejected an Israeli proposal for talks on Tuesday.",
                                "12")
    assert (code, src, status) == ("125", "PSEGOV", "asserted")
    code, src, _, _ = _one(rows, "The Israeli proposal was rejected by the Palestinian Authority on Tuesday.", "12")
    assert (code[:2], src) == ("12", "PSEGOV")
    code, src, _, _ = _one(rows, "Hamas's rejection of the Egyptian plan on Tuesday angered Cairo.", "12")
    assert (code, src[:3]) == ("120", "PSE")
    code, src, _, status = _one(rows, "Israel did not reject the Egyptian ceasefire plan on Tuesday.", "12")
    assert (code, src, status) == ("127", "ISRGOV", "negated")
    assert _one(rows, "Israel refused to meet the Palestinian negotiators on Tuesday.", "12")[:2] == ("125", "ISRGOV")
    assert _one(rows, "The United States vetoed the resolution on Monday.", "12")[:2] == ("129", "USAGOV")


@pytest.mark.model
def test_reject_of_an_accusation_is_a_denial_not_a_rejection(rows) -> None:
    codes = [e[0] for e in rows("Russia rejected the accusations on Monday.")]
    assert "016" in codes and not any(c and c.startswith("12") for c in codes)


@pytest.mark.model
def test_threaten_active_passive_nominal_negated(rows) -> None:
    assert _one(rows, "Russia threatened to impose sanctions on Ukraine on Monday.", "13")[:2] == ("1312", "RUSGOV")
    code, _, tgt, _ = _one(rows, "Ukraine was threatened with sanctions by Russia on Monday.", "13")
    assert (code[:2], tgt) == ("13", "UKRGOV")
    code, src, _, _ = _one(rows, "Russia's threat of sanctions against Ukraine on Monday alarmed investors.", "13")
    assert (code, src) == ("130", "RUSGOV")
    found = _one(rows, "Russia did not threaten Ukraine with sanctions on Monday.", "13")
    assert found == ("130", "RUSGOV", "UKRGOV", "negated")
    assert _one(rows, "Iran threatened to launch a military attack on Iraq on Monday.", "13")[:2] == ("1384", "IRNGOV")
    assert _one(rows, "The Algerian president threatened to impose a curfew in Algiers.", "13")[0] == "1323"
    assert _one(rows, "Peru issued an ultimatum to Ecuador on Monday.", "13")[:2] == ("139", "PERGOV")


@pytest.mark.model
def test_threatened_act_is_not_coded_as_done(rows) -> None:
    codes = [e[0] for e in rows("Iran threatened to shell Iraqi towns on Monday.")]
    assert codes == ["1384"]


@pytest.mark.model
def test_protest_active_nominal_negated_and_purpose(rows) -> None:
    code, src, _, _ = _one(
        rows, "Thousands of Egyptian students demonstrated for the resignation of President Mubarak.",
        "14")
    assert (code, src) == ("1411", "EGYEDU")   # the students in "Thousands of ... students" protest
    code, src, _, _ = _one(rows, "Egyptian workers began a hunger strike on Friday.", "14")
    assert (code, src) == ("142", "EGYLAB")
    assert _one(rows, "Egyptian opposition parties boycotted the election on Sunday.", "14")[:2] == ("143", "EGYOPP")
    assert _one(rows, "Egyptian protesters blocked roads in Cairo on Friday.", "14")[0] == "144"
    assert _one(rows, "Egyptian students did not demonstrate on Friday.", "14")[3] == "negated"
    code = _one(rows, "Opposition lawmakers were boycotting parliament to demand political reforms.", "14")[0]
    assert code == "1432"


@pytest.mark.model
def test_air_strike_and_state_boycott_are_not_protests(rows) -> None:
    assert not [e for e in rows("An Israeli air strike hit Gaza on Monday.") if (e[0] or "").startswith("14")]
    codes = [e[0] for e in rows("Iran will boycott American goods from Monday.")]
    # an announced boycott is a threat to boycott (1312), as announced attacks are threats (the intent rule)
    assert "1312" in codes and not any(c and c.startswith("14") for c in codes)


@pytest.mark.model
def test_force_posture_active_passive_nominal_negated(rows) -> None:
    assert _one(rows, "Russia mobilized troops on the border with Ukraine on Monday.", "15")[:2] == ("154", "RUSGOV")
    code, _, tgt, _ = _one(rows, "Russian troops were deployed on the border with Ukraine on Monday.", "15")
    assert (code, tgt) == ("154", "RUSMIL")
    code, src, _, _ = _one(rows, "Russia's troop deployment on the Ukrainian border on Monday alarmed NATO.", "15")
    assert (code, src) == ("154", "RUSGOV")
    assert _one(rows, "Russia did not deploy troops on the border with Ukraine on Monday.", "15")[3] == "negated"
    assert _one(rows, "The Indian police were put on high alert on Monday.", "15")[:3] == ("151", None, "INDCOP")


@pytest.mark.model
def test_unowned_criticism_and_other_senses_give_no_event(rows) -> None:
    for text in ("The polls were heavily criticized inside and outside Cambodia as unfair.",
                 "The charge is regarded more as politically motivated than based on fact.",
                 "Hun Sen eases up when he no longer feels threatened.",
                 "Stock prices declined sharply on Monday.",
                 "The senator slammed the door on Monday."):
        assert not [e for e in rows(text) if (e[0] or "")[:2] in ROOTS], text


@pytest.mark.model
def test_diplomatic_protest_is_an_official_complaint_not_a_demonstration(rows) -> None:
    assert _one(rows, "China lodged a formal protest with Japan over the shrine visit on Monday.", "11") == \
        ("114", "CHNGOV", "JPNGOV", "asserted")
    assert _one(rows, "A formal protest was lodged with Japan by China on Monday.", "11")[:3] == \
        ("114", "CHNGOV", "JPNGOV")
    assert _one(rows, "China did not lodge a protest with Japan.", "11") == ("114", "CHNGOV", "JPNGOV", "negated")
    code, src, tgt, _ = _one(rows, "The Turkish foreign ministry summoned the German ambassador to protest against the "
                             "resolution.", "11")
    assert (code, src, tgt) == ("114", "TURGOV", "DEUGOV")
    assert _one(rows, "Russia summoned the British ambassador over the expulsions on Monday.", "11")[:3] == \
        ("114", "RUSGOV", "GBRGOV")
    assert _one(rows, "Bolivia filed a complaint against Chile on Monday.", "11")[:3] == ("114", "BOLGOV", "CHLGOV")


@pytest.mark.model
def test_failed_negotiation_is_a_rejection(rows) -> None:
    code, src, _, status = _one(rows,
                                "Israel and the Palestinians failed to reach an agreement on Jerusalem on Sunday.",
                                "12")
    assert (code, src, status) == ("120", "ISRGOV", "asserted")
    assert not [e for e in rows("Russia failed to win the vote.") if (e[0] or "").startswith("12")]


@pytest.mark.model
def test_strike_told_by_its_strikers_or_its_act(rows) -> None:
    # no "hunger" or "labour" compound: the strikers' role says it is no air strike
    assert _one(rows, "Egyptian teachers' unions organized a general strike on Sunday.", "14")[:2] == ("143", "EGYLAB")
    assert _one(rows, "Thousands of Nigerian workers stopped work on Monday.", "14")[0] == "143"
    assert _one(rows, "Nigerian workers did not stop work on Monday.", "14")[::3] == ("143", "negated")
    assert _one(rows, "The Egyptian opposition began collecting signatures against the constitutional amendments.",
                "14")[:2] == ("140", "EGYOPP")
    assert not [e for e in rows("The American strike hit a Syrian air base.") if (e[0] or "").startswith("14")]


@pytest.mark.model
def test_on_alert_by_the_force_in_it(rows) -> None:
    assert _one(rows, "Indian troops remained on high alert along the border with Pakistan on Monday.", "15")[:2] == \
        ("152", "INDMIL")
    assert _one(rows, "Pakistani police were on alert in Karachi on Friday.", "15")[:2] == ("151", "PAKCOP")
    assert _one(rows, "Indian troops are not on alert.", "15")[::3] == ("152", "negated")
    assert not [e for e in rows("Russia was on the verge of collapse.") if (e[0] or "").startswith("15")]
