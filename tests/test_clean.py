"""The clean stage: what it marks as boilerplate on hand-written snippets, and what it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest import iter_documents
from storyline.ingest.clean import clean, find_boilerplate
from storyline.model.doc import Document


def marks(text: str, title: str | None = None) -> list[tuple[str, str]]:
    found, _ = find_boilerplate(text, title=title)
    return [(b.kind, b.span.text) for b in found]


def body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
LEAD = "Officials said the bridge would reopen next week after repairs."
MORE = "Engineers found cracks in two of the supports during an inspection in May."



# The seed's shape, in our own words ---------------------------------------------------------------------------

CAPTION = "A navy boat tows a damaged trawler into the harbour at dawn in Sihanoukville. Photo: Dara Keo / Example Wire"
WIRE = body(
    "Nine Fishermen Rescued Off Coast",
    f"{CAPTION}\n{CAPTION}",
    "SIHANOUKVILLE — Nine fishermen were rescued Sunday after their trawler lost power in a storm, officials said.",
    "The men had been adrift for two days, the navy said.",
    "Story: Chan Dara",
)


def test_seed_shape_every_kind():
    assert marks(WIRE) == [
        ("headline", "Nine Fishermen Rescued Off Coast"),
        ("caption", CAPTION),
        ("caption-repeat", CAPTION),
        ("dateline", "SIHANOUKVILLE —"),
        ("byline", "Story: Chan Dara"),
    ]


def test_stage_writes_boilerplate_and_dateline_and_keeps_text():
    doc = Document(text=WIRE)
    clean(doc)
    assert doc.text == WIRE
    assert doc.dateline is not None
    assert doc.dateline.name == "Sihanoukville" and doc.dateline.basis == "dateline"
    assert doc.dateline.span.text == "SIHANOUKVILLE"
    assert WIRE[doc.dateline.span.start:doc.dateline.span.end] == "SIHANOUKVILLE"
    blank = doc.clean_text()
    assert len(blank) == len(WIRE)
    assert "Nine fishermen were rescued Sunday" in blank
    assert "SIHANOUKVILLE" not in blank and "Photo:" not in blank and "Chan Dara" not in blank
    again = clean(doc)  # rerunning replaces, never accumulates
    assert len(again.boilerplate) == 5


# Headlines ----------------------------------------------------------------------------------------------------

def test_headline_equal_to_title_even_with_a_period():
    text = body("Vote count ends.", LEAD)
    assert marks(text, title="Vote  count ends.") == [("headline", "Vote count ends.")]
    assert marks(text) == []


@pytest.mark.parametrize("first", [
    LEAD,                                                   # a sentence
    "Officials said the bridge would reopen next week:",    # runs on
    "“We will rebuild,” the mayor said.",                   # a quote
    "The Pentagon said today it will look again at the question are the remains inside the old tomb from the war, "
    "in fact, known?",                                      # a long question opening a transcript
])
def test_first_line_that_is_prose_is_not_a_headline(first):
    assert marks(body(first, MORE)) == []


def test_single_line_document_has_no_headline():
    assert marks("Bridge Reopens After Repairs") == []


# Captions, repeats and credits --------------------------------------------------------------------------------

@pytest.mark.parametrize("caption", [
    "Protesters march toward parliament on Monday. (AP Photo/Jane Doe)",
    "Protesters march toward parliament on Monday. (AP Photo/Jane Doe, File)",
    "Protesters march toward parliament on Monday. REUTERS/Jane Doe",
    "Protesters march toward parliament on Monday. REUTERS/Jane Doe/File Photo",
    "Protesters march toward parliament on Monday. Photograph: Jane Doe/The Guardian",
    "Protesters march toward parliament on Monday. Jane Doe/AFP via Getty Images",
    "Protesters march toward parliament on Monday. (Photo by Jane Doe/Getty Images)",
    "Protesters outside parliament Image: Jane Doe.",
])
def test_line_ending_with_a_photo_credit_is_a_caption(caption):
    assert marks(body(LEAD, caption, MORE)) == [("caption", caption)]


@pytest.mark.parametrize("credit", [
    "Photo: Jane Doe / Example Wire",
    "AP Photo/Jane Doe",
    "(AP Photo/Jane Doe)",
    "REUTERS/Jane Doe",
    "REUTERS/Álvaro Pérez",
    "File photo",
    "Getty Images",
    "Image: Jane Doe.",
])
def test_credit_standing_alone(credit):
    assert marks(body(LEAD, credit, MORE)) == [("credit", credit)]


def test_repeated_paragraph_marks_every_later_copy():
    line = "A farmer checks the flooded rice field near the river on Sunday afternoon"
    text = body(LEAD, line, MORE, line, line)
    found = marks(text)
    assert found == [("caption-repeat", line), ("caption-repeat", line)]
    starts = [b.span.start for b in find_boilerplate(text)[0]]
    assert starts == [text.index(line, text.index(MORE)), text.rindex(line)]


def test_short_repeated_lines_are_text():
    assert marks(body(LEAD, "((WN)) Yes.", MORE, "((WN)) Yes.")) == []


# Bylines ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("byline", [
    "Story: Sopheng Cheang",
    "By JANE DOE, Associated Press",
    "By Jane Doe and John Roe",
    "By Jane Doe, AP Science Writer",
    "By Jane Doe | The Example Times",
    "Associated Press writer John Roe contributed to this report.",
    "Associated Press writers John Roe in Bangkok and Mary Major in Hanoi contributed to this report.",
    "Jane Doe contributed reporting from Kabul.",
    "Reporting by Jane Doe; Editing by John Roe",
    "(Reporting by Jane Doe in Phnom Penh and John Roe in Bangkok; Writing by Mary Major; Editing by Alex Poe)",
    "Additional reporting by Jane Doe",
    "By José Álvarez and Søren Ørsted",
])
def test_bylines(byline):
    assert marks(body(LEAD, MORE, byline)) == [("byline", byline)]


# Datelines ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("opening", "dateline", "place"), [
    ("PHNOM PENH — Fourteen activists were freed.", "PHNOM PENH —", "Phnom Penh"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP) —", "Washington"),
    ("LONDON, May 3 (Reuters) - Britain said on Friday it would act.", "LONDON, May 3 (Reuters) -", "London"),
    ("BEIRUT, Lebanon (AP) - Protesters blocked roads.", "BEIRUT, Lebanon (AP) -", "Beirut, Lebanon"),
    ("KABUL: Gunmen attacked a checkpoint overnight.", "KABUL:", "Kabul"),
    ("Paris, 3 March (AFP) – France said it would send aid.", "Paris, 3 March (AFP) –", "Paris"),
    ("PORT-AU-PRINCE, Haiti (AP) — Gangs blocked the port.", "PORT-AU-PRINCE, Haiti (AP) —", "Port-Au-Prince, Haiti"),
    ("ST. LOUIS (AP) — A jury was seated.", "ST. LOUIS (AP) —", "St. Louis"),
    ("RIO DE JANEIRO—Police raided a favela.", "RIO DE JANEIRO—", "Rio De Janeiro"),
    ("SÃO PAULO, Brazil (Reuters) - Shares fell.", "SÃO PAULO, Brazil (Reuters) -", "São Paulo, Brazil"),
    ("NAIROBI, Kenya (AP) _ Rescuers dug through rubble.", "NAIROBI, Kenya (AP) _", "Nairobi, Kenya"),
    ("MOSCOW (AP)_ The mayor allocated funds.", "MOSCOW (AP)_", "Moscow"),
    ("INDEPENDENCE, MO. (AP)--NATO embraced three members.", "INDEPENDENCE, MO. (AP)--", "Independence, Mo."),
    ("NEWARK, N.J. _ A jury convicted him.", "NEWARK, N.J. _", "Newark, N.J."),
    ("WASHINGTON, August 8 (Xinhua) -- The U.S. said it would act.", "WASHINGTON, August 8 (Xinhua) --",
     "Washington"),
])
def test_dateline_marks_place_and_dash_only(opening, dateline, place):
    text = body("Storm Hits Region", opening, MORE)
    doc = clean(Document(text=text))
    assert [(b.kind, b.span.text) for b in doc.boilerplate] == [("headline", "Storm Hits Region"),
                                                                  ("dateline", dateline)]
    assert doc.dateline is not None and doc.dateline.name == place
    assert dateline.startswith(doc.dateline.span.text)
    rest = opening[len(dateline):].strip()
    assert rest in doc.clean_text()


def test_dateline_only_in_first_body_paragraph():
    text = body(LEAD, "WASHINGTON (AP) — The Senate voted on Tuesday.")
    found, place = find_boilerplate(text)
    assert found == [] and place is None


def test_deck_before_the_dateline_is_passed_over_and_marked():
    text = body("Storm Hits Region", "Thousands without power as rivers rise", "DHAKA (AP) — Floods cut roads.", MORE)
    found, place = find_boilerplate(text)
    assert [(b.kind, b.span.text) for b in found] == [
        ("headline", "Storm Hits Region"), ("headline", "Thousands without power as rivers rise"),
        ("dateline", "DHAKA (AP) —")]
    assert place is not None and place.name == "Dhaka"


def test_short_line_without_a_dateline_after_it_stays_text():
    text = body("Storm Hits Region", "Thousands without power as rivers rise", LEAD)
    assert marks(text) == [("headline", "Storm Hits Region")]


def test_dateline_after_byline_and_captions():
    text = body("By Jane Doe, Associated Press", "BAGHDAD (AP) — A car bomb exploded.", MORE)
    found, place = find_boilerplate(text)
    assert [b.kind for b in found] == ["byline", "dateline"]
    assert place is not None and place.name == "Baghdad"


# What must stay text --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("paragraph", [
    "By many accounts, the violence was started by pro-government agitators.",
    "By Tuesday, rebels had taken the town.",
    "By Order of the President",
    "NATO — the alliance's military arm — said it would send more troops.",
    "Officials — including the mayor — said the road would reopen.",
    "UPDATE: The road has reopened.",
    "BREAKING: Fire reported downtown",
    "Washington — which has long opposed the plan — said it would veto it.",
    "The UN said funding for HIV/AIDS programmes had fallen.",
    "Funding for HIV/AIDS Programmes",
    "Researchers from five universities contributed to the report.",
    "Shares of Getty Images rose 5% on Monday.",
    "He said the picture was clear: the deal was dead.",
    "Reporting by the BBC suggested the company had misled investors.",
    "The photo shows soldiers at the border, officials said.",
    "Paris — the city of light — hosted the summit.",
])
def test_body_text_is_not_marked(paragraph):
    found, place = find_boilerplate(body(paragraph, LEAD, MORE))
    assert [(b.kind, b.span.text) for b in found if b.kind != "headline"] == []
    assert place is None


# Through the readers ------------------------------------------------------------------------------------------

def test_wire_fixture_through_reader_and_stage():
    [doc] = iter_documents([str(FIXTURES / "wire.txt")])
    clean(doc)
    kinds = [b.kind for b in doc.boilerplate]
    assert kinds == ["headline", "caption", "caption-repeat", "byline", "dateline", "byline"]
    assert doc.dateline is not None and doc.dateline.name == "Kampong Cham, Cambodia"
    kept = doc.clean_text()
    for sentence in ("Thousands of families left their homes Monday", "The provincial governor ordered schools",
                     "Aid groups said they had sent food"):
        assert sentence in kept
    assert "contributed" not in kept and "MARIA LOPEZ" not in kept


def test_html_page_title_line_is_the_headline():
    [doc] = iter_documents([str(FIXTURES / "page.html")])
    clean(doc)
    assert [(b.kind, b.span.text) for b in doc.boilerplate] == [("headline", "Port strike ends after talks")]
