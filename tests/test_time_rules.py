"""The recognise-and-normalise rules, on plain text against a Tuesday article date (2018-08-28)."""
from __future__ import annotations

import pytest

from storyline.model.doc import TimeValue
from storyline.time import find_timexes

DCT = "2018-08-28"   # a Tuesday


def one(text: str, dct: str | None = DCT, **kw: object) -> TimeValue:
    found = find_timexes(text, dct, **kw)
    assert len(found) == 1, [t.text for t in found]
    t = found[0]
    assert t.span is not None and text[t.span.start:t.span.end] == t.text
    return t


def tense(value: str):
    return lambda _offset: value


@pytest.mark.parametrize(("text", "clause", "day"), [
    ("They were freed Tuesday.", "past", "2018-08-28"),
    ("They were freed Monday.", "past", "2018-08-27"),
    ("They were freed Friday.", "past", "2018-08-24"),
    ("A hearing will be held on Thursday.", "future", "2018-08-30"),
    ("A hearing will be held on Tuesday.", "future", "2018-09-04"),
    ("The talks are on Thursday.", "present", "2018-08-30"),
    ("He spoke Friday.", None, "2018-08-24"),
    ("He spoke Wednesday.", None, "2018-08-22"),
])
def test_weekday_follows_clause_tense(text: str, clause: str | None, day: str) -> None:
    t = one(text, tense_at=tense(clause) if clause else None)
    assert (t.value, t.start, t.end, t.precision, t.type, t.relative) == (day, day, day, "day", "DATE", True)
    assert not t.text.startswith("on ")


def test_last_and_next_weekday_skip_the_article_day() -> None:
    assert one("last Tuesday").value == "2018-08-21"
    assert one("next Tuesday").value == "2018-09-04"


@pytest.mark.parametrize(("text", "value", "start", "end", "precision", "mod"), [
    ("last week", "2018-W34", "2018-08-20", "2018-08-26", "week", None),
    ("early last week", "2018-W34", "2018-08-20", "2018-08-22", "week", "START"),
    ("the beginning of last week", "2018-W34", "2018-08-20", "2018-08-22", "week", "START"),
    ("late last week", "2018-W34", "2018-08-24", "2018-08-26", "week", "END"),
    ("this week", "2018-W35", "2018-08-27", "2018-09-02", "week", None),
    ("last month", "2018-07", "2018-07-01", "2018-07-31", "month", None),
    ("next month", "2018-09", "2018-09-01", "2018-09-30", "month", None),
    ("last year", "2017", "2017-01-01", "2017-12-31", "year", None),
    ("this year", "2018", "2018-01-01", "2018-12-31", "year", None),
    ("the past year", "2017", "2017-01-01", "2017-12-31", "year", None),
    ("four years ago", "2014", "2014-01-01", "2014-12-31", "year", None),
    ("three days ago", "2018-08-25", "2018-08-25", "2018-08-25", "day", None),
    ("last November", "2017-11", "2017-11-01", "2017-11-30", "month", None),
    ("last March", "2018-03", "2018-03-01", "2018-03-31", "month", None),
    ("yesterday", "2018-08-27", "2018-08-27", "2018-08-27", "day", None),
    ("today", "2018-08-28", "2018-08-28", "2018-08-28", "day", None),
    ("tomorrow", "2018-08-29", "2018-08-29", "2018-08-29", "day", None),
    ("earlier this month", "2018-08", "2018-08-01", "2018-08-11", "month", "START"),
])
def test_relative_dates(text: str, value: str, start: str, end: str, precision: str, mod: str | None) -> None:
    t = one(f"It happened {text}.")
    assert (t.text, t.type, t.value, t.start, t.end, t.precision, t.modifier) == \
        (text, "DATE", value, start, end, precision, mod)
    assert t.relative


def test_since_opens_an_interval_to_the_article_date() -> None:
    t = one("Prices have risen since the beginning of last week.")
    assert (t.text, t.value, t.start, t.end, t.modifier) == \
        ("the beginning of last week", "2018-W34", "2018-08-20", "2018-08-28", "SINCE")
    t = one("He has lived there since 1985.")
    assert (t.text, t.value, t.start, t.end, t.modifier, t.precision) == \
        ("1985", "1985", "1985-01-01", "2018-08-28", "SINCE", "year")


def test_previous_years_election_keeps_the_year_only() -> None:
    t = one("the previous year's election")
    assert (t.text, t.value, t.precision) == ("the previous year", "2017", "year")


@pytest.mark.parametrize(("text", "extent", "value", "precision", "mod"), [
    ("on July 29", "July 29", "2018-07-29", "day", None),
    ("on July 15, 2014", "July 15, 2014", "2014-07-15", "day", None),
    ("the July 15, 2014, protest", "July 15, 2014", "2014-07-15", "day", None),
    ("in 2017", "2017", "2017", "year", None),
    ("on 2018-08-28", "2018-08-28", "2018-08-28", "day", None),
    ("on 28/08/2018", "28/08/2018", "2018-08-28", "day", None),
    ("on 8/28/2018", "8/28/2018", "2018-08-28", "day", None),
    ("on Aug. 28", "Aug. 28", "2018-08-28", "day", None),
    ("on 28 August 2018", "28 August 2018", "2018-08-28", "day", None),
    ("by mid-2019", "mid-2019", "2019", "year", "MID"),
    ("in the 1990s", "the 1990s", "199", "decade", None),
    ("in spring 2019", "spring 2019", "2019-SP", "season", None),
    ("in early March", "early March", "2018-03", "month", "START"),
    ("in late 2017", "late 2017", "2017", "year", "END"),
    ("in the third quarter of 2017", "the third quarter of 2017", "2017-Q3", "quarter", None),
    ("in the second quarter", "the second quarter", "2018-Q2", "quarter", None),
    ("in the 20th century", "the 20th century", "19", "century", None),
    ("in August 1988", "August 1988", "1988-08", "month", None),
    ("on Christmas Day 2016", "Christmas Day 2016", "2016-12-25", "day", None),
])
def test_calendar_dates(text: str, extent: str, value: str, precision: str, mod: str | None) -> None:
    t = one(text)
    assert (t.text, t.type, t.value, t.precision, t.modifier) == (extent, "DATE", value, precision, mod)


def test_year_less_date_takes_the_year_the_tense_points_at() -> None:
    assert one("It ended on Dec. 30.", "2019-01-04", tense_at=tense("past")).value == "2018-12-30"
    assert one("It starts on Jan. 3.", "2018-12-28", tense_at=tense("future")).value == "2019-01-03"
    # a date days ahead is not a year back just because the verb is in the past
    assert one("It has set Nov. 10 as the deadline.", "1989-11-02", tense_at=tense("past")).value == "1989-11-10"


def test_ambiguous_numeric_dates_are_left_alone() -> None:
    assert find_timexes("on 05/08/2018", DCT) == []


def test_times_of_day() -> None:
    t = one("Monday morning")
    assert (t.type, t.value, t.precision, t.start) == ("TIME", "2018-08-27TMO", "day", "2018-08-27")
    t = one("The blast came at 1 a.m.")
    assert (t.text, t.type, t.value) == ("1 a.m.", "TIME", "2018-08-28T01:00")
    t = one("at 10:30 p.m. Sunday")
    assert (t.text, t.value) == ("10:30 p.m. Sunday", "2018-08-26T22:30")
    assert one("tonight").value == "2018-08-28TNI"
    assert one("last night").value == "2018-08-27TNI"


def test_weekend_is_the_one_just_past_on_a_weekday() -> None:
    t = one("over the weekend")
    assert (t.text, t.value, t.start, t.end) == ("the weekend", "2018-W34-WE", "2018-08-25", "2018-08-26")
    assert one("the weekend", tense_at=tense("future")).value == "2018-W35-WE"


@pytest.mark.parametrize(("text", "extent", "value", "mod"), [
    ("seven to 20 years in prison", "seven to 20 years", "P7Y", None),
    ("for three days", "three days", "P3D", None),
    ("for two weeks", "two weeks", "P2W", None),
    ("two years", "two years", "P2Y", None),
    ("more than two years", "more than two years", "P2Y", "MORE_THAN"),
    ("a two-year term", "two-year", "P2Y", None),
    ("for 16 hours", "16 hours", "PT16H", None),
    ("several years", "several years", "PXY", None),
    ("a year and a half", "a year and a half", "P18M", None),
    ("the past two months", "the past two months", "P2M", None),
])
def test_durations_are_not_dates(text: str, extent: str, value: str, mod: str | None) -> None:
    t = one(text)
    assert (t.text, t.type, t.value, t.start, t.end, t.modifier) == (extent, "DURATION", value, None, None, mod)


def test_age_is_not_a_duration() -> None:
    assert find_timexes("a two-year-old boy", DCT) == []


def test_four_years_ago_is_a_date() -> None:
    assert one("four years ago").type == "DATE"


@pytest.mark.parametrize(("text", "value"), [
    ("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("recently", "PAST_REF"), ("recent", "PAST_REF"),
    ("the future", "FUTURE_REF"),
])
def test_reference_words(text: str, value: str) -> None:
    t = one(f"It is {text} clear.")
    assert (t.text, t.type, t.value) == (text, "DATE", value)


def test_sets() -> None:
    assert (one("twice daily").type, one("twice daily").value) == ("SET", "P1D")
    assert one("every week").value == "P1W"
    assert one("on Tuesdays").value == "XXXX-WXX-2"


def test_no_article_date_leaves_relative_expressions_unresolved() -> None:
    for text in ("Tuesday", "last week", "four years ago", "July 29", "last November", "yesterday"):
        t = one(text, None)
        assert (t.value, t.start, t.end, t.precision, t.relative) == (None, None, None, "unknown", True), text
    t = one("July 15, 2014", None)
    assert (t.value, t.relative) == ("2014-07-15", False)


def test_words_that_look_like_dates_are_not() -> None:
    text = "Prime Minister Theresa May said we may march on 2000 people, 1,990 votes and $2015."
    assert [t.text for t in find_timexes(text, DCT)] == []


def test_adjacent_years_are_two_expressions() -> None:
    assert [t.value for t in find_timexes("the pandemic of 2009-2010", DCT)] == ["2009", "2010"]


def test_spelled_years() -> None:
    assert one("in nineteen ninety-six").value == "1996"
