"""Actors, events, dates and merging on hand-built parses (no model): each rule on the smallest sentence."""
from __future__ import annotations

from storyline.pipeline import Pipeline
from tests.handmade import document

AFTER_PARSE = ("time", "actors", "places", "events", "anchor", "place-events", "merge")


def run(rows: str, date: str | None = "2018-08-28"):
    doc = document(rows, date=date)
    return Pipeline(AFTER_PARSE, given=("parsed", "boilerplate", "dateline"))(doc)


ACTIVE = """
Cambodian Cambodian ADJ JJ 4 amod B-NORP
Prime Prime PROPN NNP 2 compound O
Minister Minister PROPN NNP 4 compound O
Hun Hun PROPN NNP 4 compound B-PERSON
Sen Sen PROPN NNP 5 nsubj I-PERSON
freed free VERB VBD 5 ROOT O
fourteen fourteen NUM CD 8 nummod B-CARDINAL
opposition opposition NOUN NN 8 compound O
activists activist NOUN NNS 5 dobj O
Tuesday~ Tuesday PROPN NNP 5 npadvmod B-DATE
. . PUNCT . 5 punct O
"""


def test_active_release_with_title_count_and_weekday() -> None:
    doc = run(ACTIVE)
    assert not doc.rejected, doc.notes
    [ev] = doc.events
    assert (ev.cameo, ev.root, ev.quadclass) == ("0841", "08", 2)
    assert ev.source is not None and ev.source.code == "KHMGOV" and ev.source.name == "Hun Sen"
    assert ev.target is not None and ev.target.code == "KHMOPP" and not ev.target.inferred
    assert ev.count == 14 and ev.count_span is not None and ev.count_span.text == "fourteen"
    assert ev.date is not None and ev.date.iso == "2018-08-28" and ev.date.precision == "day"
    assert doc.text[ev.trigger.start:ev.trigger.end] == "freed"
    assert ev.status == "asserted"


def test_without_an_article_date_the_weekday_stays_unresolved() -> None:
    doc = run(ACTIVE, date=None)
    [ev] = doc.events
    assert ev.date is not None and ev.date.text == "Tuesday" and ev.date.iso is None and ev.date.relative


NEGATED = """
Police police NOUN NNS 3 nsubj O
did do AUX VBD 3 aux O
not not PART RB 3 neg O
arrest arrest VERB VB 3 ROOT O
the the DET DT 5 det O
journalist~ journalist NOUN NN 3 dobj O
. . PUNCT . 3 punct O
"""


def test_negated_arrest_keeps_its_actors_and_is_marked() -> None:
    [ev] = run(NEGATED).events
    assert ev.cameo == "173" and ev.status == "negated"
    assert ev.source is not None and ev.source.roles == ["COP"]
    assert ev.target is not None and ev.target.roles == ["MED"]
    assert ev.date is not None and ev.date.span is None and ev.date.basis == "article-date"   # the news, undated


PASSIVE_NO_AGENT = """
The the DET DT 1 det O
activists activist NOUN NNS 3 nsubjpass O
were be AUX VBD 3 auxpass O
convicted convict VERB VBN 3 ROOT O
of of ADP IN 3 prep O
insurrection~ insurrection NOUN NN 4 pobj O
. . PUNCT . 3 punct O
"""


def test_passive_without_agent_implies_a_court() -> None:
    [ev] = run(PASSIVE_NO_AGENT).events
    assert ev.kind == "VERDICT" and ev.cameo == "173"
    assert ev.target is not None and ev.target.roles == ["OPP"]
    assert ev.source is not None and ev.source.inferred and ev.source.roles == ["JUD"] and ev.source.span is None


NOMINAL = """
The the DET DT 1 det O
arrests arrest NOUN NNS 6 nsubjpass O
of of ADP IN 1 prep O
the the DET DT 5 det O
opposition opposition NOUN NN 5 compound O
members member NOUN NNS 2 pobj O
angered anger VERB VBD 6 ROOT O
many many ADJ JJ 6 dobj O
. . PUNCT . 6 punct O
"""


def test_nominal_event_takes_its_of_phrase_as_target() -> None:
    [ev] = run(NOMINAL).events
    assert ev.cameo == "173" and doc_text(ev) == "arrests"
    assert ev.target is not None and ev.target.code == "OPP" and ev.target.text == "the opposition members"
    assert ev.source is not None and ev.source.inferred


def doc_text(ev) -> str:  # noqa: ANN001
    return ev.trigger.text


STATEMENT = """
The the DET DT 1 det O
ministry ministry NOUN NN 2 nsubj O
released release VERB VBD 2 ROOT O
a a DET DT 4 det O
statement~ statement NOUN NN 2 dobj O
. . PUNCT . 2 punct O
"""


def test_released_a_statement_is_not_a_release_of_persons() -> None:
    assert [e.cameo for e in run(STATEMENT).events] == ["010"]   # a statement, never 0841


HEARING = """
A a DET DT 1 det O
hearing hearing NOUN NN 4 nsubjpass O
will will AUX MD 4 aux O
be be AUX VB 4 auxpass O
held hold VERB VBN 4 ROOT O
on on ADP IN 4 prep O
Thursday~ Thursday PROPN NNP 5 pobj B-DATE
. . PUNCT . 4 punct O
"""


def test_planned_hearing_is_dated_forward() -> None:
    [ev] = run(HEARING).events
    assert ev.kind == "HEARING" and ev.status == "planned"
    assert ev.date is not None and ev.date.iso == "2018-08-30"


def test_a_cooperative_act_announced_for_the_future_is_an_intent_and_legal_steps_stay_planned() -> None:
    from storyline.events.modality import as_intent

    assert as_intent("042", "planned", True) == ("036", "asserted")
    assert as_intent("0841", "planned", True) == ("0353", "asserted")
    assert as_intent("190", "planned", True) == ("1384", "asserted")
    assert as_intent("195", "planned", True) == ("138", "asserted")
    assert as_intent("173", "planned", True) == ("173", "planned")
    assert as_intent("042", "asserted", True) == ("042", "asserted")
    assert as_intent("042", "planned", False) == ("042", "planned")  # a noun ("a planned visit") stays planned
