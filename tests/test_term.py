"""Sentence lengths read from the words a legal trigger governs; detention extended as its own kind."""
from __future__ import annotations

import pytest

from storyline.api import code_text
from storyline.model.doc import Event
from storyline.model.record import event_record

pytestmark = pytest.mark.model


def _legal(text: str) -> Event:
    return next(e for e in code_text(text, "2019-05-01").events if e.cameo == "173")


@pytest.mark.parametrize(("text", "words", "low", "high"), [
    ("A Cambodian court sentenced the 14 activists to between seven and 20 years in prison on Monday.",
     "between seven and 20 years", "P7Y", "P20Y"),
    ("Opposition leader Kem Sokha was sentenced to 27 years for treason.", "27 years", "P27Y", "P27Y"),
    ("The journalist was jailed for six months.", "six months", "P6M", "P6M"),
    ("A judge handed down a 10-year sentence to the former minister.", "10-year", "P10Y", "P10Y"),
])
def test_term_ranges_and_lengths(text: str, words: str, low: str, high: str) -> None:
    term = _legal(text).term
    assert term is not None and (term.span.text, term.min, term.max) == (words, low, high)
    assert text[term.span.start:term.span.end] == words


def test_life_and_death_are_flags_and_a_later_date_is_no_term() -> None:
    life = _legal("The court sentenced him to life in prison five years after the attack.").term
    assert life is not None and life.life and (life.min, life.max) == (None, None)
    death = _legal("The court sentenced the man to death.").term
    assert death is not None and death.death
    seven = _legal("The court sentenced the activist to seven years, two years after his arrest.").term
    assert seven is not None and seven.min == "P7Y"


def test_an_arrest_has_no_term_and_the_record_carries_it() -> None:
    doc = code_text("Police arrested five years of protest leaders on Monday.", "2019-05-01")
    assert all(e.term is None for e in doc.events)
    doc = code_text("The court sentenced the activist to seven years in prison.", "2019-05-01")
    record = event_record(doc, doc.events[0])
    assert record["term"]["min"] == "P7Y" and record["term"]["span"]["text"] == "seven years"


def test_detention_extended_is_its_own_kind_with_the_court_as_source() -> None:
    ev = _legal("Kem Sokha's detention was extended by the court on Monday for another six months.")
    assert ev.kind == "DETENTION_EXTENDED" and ev.source is not None and "JUD" in (ev.source.code or "")
    assert ev.term is not None and ev.term.min == "P6M"
    curfew = code_text("The government extended the curfew in Diyarbakir.", "2019-05-01").events
    assert [e.kind for e in curfew] == ["CAMEO"]


@pytest.mark.parametrize(("text", "low"), [
    ("The court sentenced him to two and a half years in prison.", "P2Y6M"),
    ("The journalist was jailed for a year.", "P1Y"),
])
def test_halves_and_a_single_unit(text: str, low: str) -> None:
    term = _legal(text).term
    assert term is not None and term.min == term.max == low


def test_life_or_death_in_the_offence_is_no_sentence() -> None:
    assert _legal("A court jailed him for threatening the life of a judge.").term is None
    assert _legal("A court jailed the officer for causing the death of a protester.").term is None
