"""The nlp stage: parse the cleaned text (boilerplate blanked, offsets unchanged) with spaCy."""
from __future__ import annotations

from storyline.model.doc import Document
from storyline.nlp.model import load


def parse(doc: Document) -> Document:
    parsed = load()(doc.clean_text())
    doc.parsed = parsed
    return doc
