"""The organisations table: the dictionaries' bodies and our supplement, looked up by name and acronym."""
from __future__ import annotations

import pytest

from storyline.reference.organisations import organisation_for


@pytest.mark.parametrize(("name", "code"), [
    ("the African Union", "IGOAFRAFU"), ("AU", "IGOAFRAFU"),          # the supplement
    ("Houthis", "YEMREB"), ("the Houthi movement", "YEMREB"),
    ("the International Criminal Court", "IGOJUDICC"), ("IRGC", "IRNMIL"), ("the Palestinian Authority", "PSEGOV"),
    ("NATO", "IGOWSTNAT"), ("Hamas", "PSEREBHMS"),                       # the dictionaries
])
def test_names_and_acronyms(name: str, code: str) -> None:
    found = organisation_for(name)
    assert found is not None and found.code == code


def test_a_short_acronym_needs_capitals() -> None:
    assert organisation_for("au") is None and organisation_for("who") is None
