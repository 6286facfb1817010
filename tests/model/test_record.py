"""Records read back: code an article, store it, read its events back from the store, write their records
again: equal field for field."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.api import code_text
from storyline.model.doc import Event
from storyline.model.record import event_from_record, event_record
from storyline.store import Store
from tests.handmade import make_doc

STORY = ("NAIROBI, Kenya (AP) - Kenyan police arrested 12 protesters in Nairobi on Monday, a police spokesman said. "
         "A court sentenced the opposition leader to between seven and 20 years in prison. Russia, China and Iran "
         "met in Tehran last week.\n")


def test_a_hand_coded_record_reads_back_to_the_same_event() -> None:
    doc = make_doc(3)
    for ev in doc.events:
        rec = event_record(doc, ev)
        back = event_from_record(rec)
        assert isinstance(back, Event)
        assert event_record(doc, back) == rec
        assert back.source == ev.source and back.date == ev.date and back.place == ev.place


@pytest.mark.model
def test_code_store_read_record_is_equal_field_for_field(tmp_path: Path) -> None:
    doc = code_text(STORY, "2019-03-05", url="https://example.org/kenya")
    assert len(doc.events) >= 3 and any(e.term for e in doc.events) and any(e.also_sources for e in doc.events)
    with Store.open(tmp_path / "s.db") as store:
        store.save(doc)
        records = store.events()
        events = store.events(as_events=True)
    assert len(records) == len(events) == len(doc.events)
    for rec, ev in zip(records, events, strict=True):
        assert isinstance(ev, Event)
        assert event_record(doc, ev) == rec
    assert [e.id for e in events] == [e.id for e in doc.events]
