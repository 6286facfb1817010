"""Small pieces: numbers, ISO forms of time values, acronyms, the stage registry, the error catalogue."""
from __future__ import annotations

import pytest

from storyline.actors.coref import _abbreviates, name_key
from storyline.errors import CATALOGUE, StorylineError
from storyline.model.doc import TimeValue
from storyline.nlp.numbers import parse_number
from storyline.pipeline import Pipeline


@pytest.mark.parametrize(("words", "value"), [("Fourteen", 14), ("14", 14), ("1,200", 1200), ("twenty-one", 21),
                                              ("one hundred and five", 105), ("dozens", 24), ("several", None)])
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def test_iso_gives_calendar_values_or_intervals_never_more_precise() -> None:
    week = TimeValue("last week", None, value="2018-W34", start="2018-08-20", end="2018-08-26", precision="week")
    month = TimeValue("last month", None, value="2018-07", start="2018-07-01", end="2018-07-31", precision="month")
    since = TimeValue("since 1985", None, value="1985", start="1985-01-01", end="2018-08-28", precision="year",
                      modifier="SINCE")
    open_ = TimeValue("Tuesday", None, relative=True)
    assert (week.iso, month.iso, since.iso, open_.iso) == (
        "2018-08-20/2018-08-26", "2018-07", "1985-01-01/2018-08-28", None)


def test_acronyms_and_country_free_names() -> None:
    assert _abbreviates("CNRP", "Cambodia National Rescue Party")
    assert _abbreviates("DA", "Democratic Alliance")
    assert not _abbreviates("ANC", "Democratic Alliance")
    assert name_key("Cambodian National Rescue Party") == name_key("the Cambodia National Rescue Party")


def test_pipeline_refuses_a_stage_whose_needs_no_earlier_stage_adds() -> None:
    with pytest.raises(StorylineError) as err:
        Pipeline(("events",))
    assert err.value.code == "E011" and "parsed" in str(err.value)
    with pytest.raises(StorylineError) as err:
        Pipeline(("clean", "no-such-stage"))
    assert err.value.code == "E010"


def test_every_catalogue_message_says_what_to_do_or_why() -> None:
    assert all(len(msg) > 30 for msg in CATALOGUE.values())
    assert "pip install" in CATALOGUE["E001"]
