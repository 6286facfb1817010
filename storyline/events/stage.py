"""The events stage: code every event the parse supports (see extract.py), numbered within the document."""
from __future__ import annotations

from storyline.events.extract import extract
from storyline.model.doc import Document


def find_events(doc: Document) -> Document:
    events = extract(doc)
    for n, ev in enumerate(events, 1):
        ev.id = f"{doc.id}-{n}"
    doc.events = events
    return doc
