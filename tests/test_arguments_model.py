"""Who is the target when the object names no one: inside the object, in the complement clause, never a date
(loads the model)."""
from __future__ import annotations

import pytest

from storyline.api import code_text

pytestmark = pytest.mark.model


def _codes(rows, text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [row[:3] for row in rows(text)]


def test_target_inside_the_object(rows) -> None:
    assert ("120", "SRBGOV", "AUSGOV") in _codes(rows, "Serbia on Thursday flatly rejected an Australian ultimatum.")
    assert any(c[0] == "111" and c[2] == "RUSMIL" for c in _codes(rows,
        "The French government condemned an attack by Russian soldiers in Ukraine on Thursday."))


def test_target_of_a_threatened_or_demanded_act_and_never_a_date(rows) -> None:
    assert ("1313", "IRNGOV", "RUSGOV") in _codes(rows, "Iran on Tuesday threatened to break relations with Russia.")
    assert ("1042", "USAGOV", "PRKGOV") in _codes(rows,
        "The United States on Thursday demanded that North Korea forsake its nuclear program.")


def test_the_object_as_content_passes_the_target_to_a_preposition(rows) -> None:
    assert ("1621", "JPNGOV", "SRBGOV") in _codes(rows, "Japan halted economic aid to Serbia.")
    assert ("161", "CHEGOV", "RUSGOV") in _codes(rows, "Switzerland expelled two Russian diplomats.")


def test_reported_future_is_a_plan_and_announced_conflict_a_threat(rows) -> None:
    assert ("133", "PSEGOV", None) in _codes(rows, "Palestinian leaders said they would boycott all official contact.")
    assert ("1381", "IGOWSTNAT", "SRBGOV") in _codes(
        rows, "NATO confirmed on Wednesday it would tighten the naval blockade "
                                                 "of Serbia.")
    statuses = [e.status for e in code_text("If the talks fail, Russia could attack Ukraine.", "2019-05-01").events]
    assert statuses == ["hypothetical"]


def test_a_frame_noun_carries_the_event_its_compound_names() -> None:
    doc = code_text("Qatar launched a mediation effort on Saturday between Bahrain and Saudi Arabia.", "2019-05-01")
    [ev] = doc.events
    assert (ev.cameo, ev.trigger.text, ev.source.code, ev.target.code) == \
        ("045", "mediation effort", "QATGOV", "BHRGOV")
    assert ev.date is not None and ev.date.iso == "2019-04-27"


def test_an_event_noun_in_an_after_phrase_is_coded_when_it_names_its_parties() -> None:
    new = code_text("Government troops retook the town after heavy fighting with rebels.", "2019-05-01")
    words = {m.text for e in new.events for m in [e.trigger, *e.mentions]}
    assert "fighting" in words
    back = code_text("Kem Sokha was arrested on Sunday. He praised his lawyers after his release.", "2019-05-01")
    assert not any(e.trigger.text == "release" for e in back.events)  # only points back to a known event


def test_an_adjective_of_intent_takes_its_target_from_the_clause(rows) -> None:
    assert ("036", "QATGOV", "SAUGOV") in _codes(rows, "Qatar is willing to negotiate with Saudi Arabia.")
