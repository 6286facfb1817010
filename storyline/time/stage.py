"""The "time" stage: every temporal expression in the cleaned text, normalised against the article date."""
from __future__ import annotations

from storyline.model.doc import Document
from storyline.time.recognize import find_timexes
from storyline.time.tense import tense_from_doc


def time_stage(doc: Document) -> Document:
    text = doc.clean_text()
    tense_at = tense_from_doc(doc.parsed) if doc.parsed is not None else None
    found = find_timexes(text, doc.date, tense_at=tense_at)
    doc.timexes = [t for t in found if t.span is None or not doc.in_boilerplate(t.span.start, t.span.end)]
    return doc
