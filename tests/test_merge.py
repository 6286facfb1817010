"""Within-article merging of event mentions, on hand-made events."""
from __future__ import annotations

from storyline.merge.stage import inherit_targets, merge_events
from storyline.model.doc import Actor, Event, Span, TimeValue

SENT_A, SENT_B = Span(0, 50, "a"), Span(51, 100, "b")


def day(iso: str | None) -> TimeValue:
    if iso is None:
        return TimeValue(text="", span=None, precision="unknown")
    return TimeValue(text=iso, span=None, value=iso, start=iso, end=iso, precision="day")


def actor(code: str, name: str | None = None, kind: str = "group", **kw) -> Actor:  # noqa: ANN003
    return Actor(text=name or code, span=Span(0, 1, "x"), name=name, code=code, kind=kind, **kw)


def event(at: int, cameo: str, sent: Span, *, source=None, target=None, date=None, status="asserted") -> Event:  # noqa: ANN001
    return Event(trigger=Span(at, at + 3, "trg"), sentence=sent, cameo=cameo, source=source, target=target,
                 date=date or day(None), status=status)


def implied(code: str) -> Actor:
    return Actor(text="", span=None, code=code, roles=[code[3:]], inferred=True, basis="implied-by-event")


def test_two_mentions_in_one_sentence_become_one_event_with_both_actors() -> None:
    freed = event(1, "0841", SENT_A, source=implied("KHMGOV"), target=actor("KHMOPP"), date=day("2018-08-28"))
    engineered = event(20, "0841", SENT_A, source=actor("KHMGOV", "Hun Sen", "person"))
    [merged] = merge_events([freed, engineered])
    assert merged.source is not None and merged.source.name == "Hun Sen"
    assert merged.target is not None and merged.target.code == "KHMOPP"
    assert [m.start for m in merged.mentions] == [20]


def test_different_days_stay_apart() -> None:
    a = event(1, "0841", SENT_A, target=actor("KHMOPP"), date=day("2018-08-28"))
    b = event(60, "0841", SENT_B, target=actor("KHMOPP"), date=day("2018-08-27"))
    assert len(merge_events([a, b])) == 2


def test_a_named_person_is_not_the_same_target_as_a_group_with_the_same_code() -> None:
    a = event(1, "173", SENT_A, target=actor("KHMOPP"))
    b = event(60, "173", SENT_B, target=actor("KHMOPP", "Kem Sokha", "person"), date=day("2017-11-01"))
    assert len(merge_events([a, b])) == 2


def test_different_codes_with_the_same_root_stay_apart_across_sentences_when_undated() -> None:
    a = event(1, "173", SENT_A, target=actor("KHMOPP"))
    b = event(60, "1722", SENT_B, target=actor("KHMOPP"))
    assert len(merge_events([a, b])) == 2


def test_planned_and_asserted_never_merge() -> None:
    a = event(1, "173", SENT_A, target=actor("KHMOPP"))
    b = event(20, "173", SENT_A, target=actor("KHMOPP"), status="planned")
    assert len(merge_events([a, b])) == 2


def test_the_narrower_date_wins() -> None:
    week = TimeValue(text="last week", span=None, value="2018-W34", start="2018-08-20", end="2018-08-26",
                     precision="week")
    a = event(1, "141", SENT_A, source=actor("KHMOPP"), date=week)
    b = event(60, "141", SENT_B, source=actor("KHMOPP"), date=day("2018-08-22"))
    [merged] = merge_events([a, b])
    assert merged.date is not None and merged.date.iso == "2018-08-22"


def test_a_targetless_legal_step_takes_the_earlier_target_marked_inferred() -> None:
    first = event(1, "0841", SENT_A, target=actor("KHMOPP"), date=day("2018-08-28"))
    signed = event(60, "0841", SENT_B, source=actor("KHMGOV", "Norodom Sihamoni", "person"), date=day("2018-08-27"))
    inherit_targets([first, signed])
    assert signed.target is not None and signed.target.code == "KHMOPP" and signed.target.inferred
    assert first.target is not None and not first.target.inferred
