"""The MEANTIME reader on a hand-made CAT file, the scorer on hand-made system documents, and record counts of the
real English release."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.eval.meantime import read_cat, read_meantime, rebuild_text, score_meantime, summarise
from storyline.eval.shared import shared_root
from storyline.model.doc import Actor, Document, Event, Place, Span, TimeValue

WORDS = [
    # sentence 0: title; 1: date line; 2: body
    (0, "GM names Barra chief"),
    (1, "December 10 , 2013"),
    (2, "General Motors today named Mary Barra as its chief executive in Detroit ."),
]


def _tokens() -> str:
    out, t = [], 0
    for sent, words in WORDS:
        for w in words.split():
            t += 1
            out.append(f'<token number="{t - 1}" sentence="{sent}" t_id="{t}">{w}</token>')
    return "\n".join(out)


def _anchors(*ids: int) -> str:
    return "".join(f'<token_anchor t_id="{i}"/>' for i in ids)


# token ids: GM 1, names 2, Barra 3, chief 4, December 5 .. 2013 8, General 9, Motors 10, today 11, named 12,
# Mary 13, Barra 14, as 15, its 16, chief 17, executive 18, in 19, Detroit 20, . 21
CAT = f"""<?xml version="1.0" ?><Document doc_id="42" doc_name="42_GM_names_Barra_chief" lang="en" url="x">
{_tokens()}
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM">{_anchors(9, 10)}</ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM">{_anchors(13, 14)}</ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM">{_anchors(20)}</ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NOM">{_anchors(16, 17, 18)}</ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NAM"></ENTITY_MENTION>
<EVENT_MENTION m_id="10" pos="VERB">{_anchors(12)}</EVENT_MENTION>
<EVENT_MENTION m_id="11" pos="VERB">{_anchors(2)}</EVENT_MENTION>
<EVENT_MENTION m_id="12" pos="NOUN">{_anchors(18)}</EVENT_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="20" type="DATE" value="2013-12-10"></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="21" type="DATE" value="2013-12-10">{_anchors(5, 6, 7, 8)}</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="22" type="DATE" value="PRESENT_REF">{_anchors(11)}</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="1980" m_id="23" type="DATE" value="1980"/>
<ENTITY m_id="30" ent_type="ORG"/><ENTITY m_id="31" ent_type="PER"/><ENTITY m_id="32" ent_type="LOC"/>
<EVENT m_id="40" class="OTHER"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="4"/><target m_id="31"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="32"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="10"/><target m_id="40"/></REFERS_TO>
<HAS_PARTICIPANT r_id="5" sem_role="Arg0"><source m_id="10"/><target m_id="1"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="6" sem_role="Arg1"><source m_id="10"/><target m_id="2"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="7" sem_role="Argm-LOC"><source m_id="10"/><target m_id="3"/></HAS_PARTICIPANT>
</Relations>
</Document>
"""


@pytest.fixture()
def gold(tmp_path: Path):  # noqa: ANN201 - a MeantimeDoc
    path = tmp_path / "42.xml"
    path.write_text(CAT, encoding="utf-8")
    return read_cat(path)


def test_rebuild_text_joins_tokens_with_paragraphs_for_title_and_date() -> None:
    text, offsets = rebuild_text([("1", "A", 0), ("2", "title", 0), ("3", "May", 1), ("4", "1", 1), ("5", ",", 1),
                                  ("6", "2009", 1), ("7", "It", 2), ("8", "'s", 2), ("9", "(", 2), ("10", "ok", 2),
                                  ("11", ")", 2), ("12", ".", 2)])
    assert text == "A title\n\nMay 1, 2009\n\nIt's (ok)."
    assert text[slice(*offsets["10"])] == "ok"


def test_read_cat_markables_types_dct_and_participants(gold) -> None:  # noqa: ANN001
    assert gold.dct == "2013-12-10"
    assert gold.text.startswith("GM names Barra chief\n\nDecember 10, 2013\n\nGeneral Motors today named")
    assert [(e.text, e.type) for e in gold.entities] == [
        ("General Motors", "ORGANIZATION"), ("Mary Barra", "PERSON"), ("Detroit", "LOCATION"),
        ("its chief executive", "PERSON")]
    # the DCT and the text-less TIMEX3 are not scored
    assert [(t.text, t.value) for t in gold.timexes] == [("December 10, 2013", "2013-12-10"), ("today", "PRESENT_REF")]
    assert [e.text for e in gold.events] == ["named", "names", "executive"]
    assert {(p.event, p.target, p.role) for p in gold.participants} == {
        ("10", "1", "Arg0"), ("10", "2", "Arg1"), ("10", "3", "Argm-LOC")}


def _span(doc: Document, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    return Span.of(doc.text, start, start + len(words))


def test_score_meantime_on_a_hand_made_system_document(gold) -> None:  # noqa: ANN001
    doc = Document(text=gold.text, date=gold.dct)
    gm = Actor("General Motors", _span(doc, "General Motors"), kind="organisation")
    barra = Actor("Barra", _span(doc, "Barra", 1), kind="person")
    doc.actors = [gm, barra,
                  Actor("GM", _span(doc, "GM"), kind="person"),               # wrong type: spurious PERSON
                  Actor("court", None, kind="organisation", inferred=True)]   # no span: not a mention
    doc.places = [Place("Detroit", span=_span(doc, "Detroit")), Place("Detroit", span=_span(doc, "Detroit"))]
    doc.timexes = [TimeValue("December 10, 2013", _span(doc, "December 10"), value="2013-12-10"),
                   TimeValue("today", _span(doc, "today"), value="2013-12-09")]
    doc.events = [
        Event(_span(doc, "named"), _span(doc, "General"), source=gm, target=barra),   # both right
        Event(_span(doc, "names"), _span(doc, "GM"), source=barra, target=gm,          # no participants in gold
              mentions=[_span(doc, "chief executive")]),
        Event(_span(doc, "as its"), _span(doc, "General")),                          # matches no gold event
    ]
    res = summarise(score_meantime(gold, doc))
    ent = res["entities"]
    assert (ent["ORGANIZATION"]["matched"], ent["ORGANIZATION"]["gold"], ent["ORGANIZATION"]["system"]) == (1, 1, 1)
    assert (ent["PERSON"]["matched"], ent["PERSON"]["gold"], ent["PERSON"]["system"]) == (1, 2, 2)
    assert ent["PERSON"]["p"] == 0.5 and ent["PERSON"]["r"] == 0.5
    assert (ent["LOCATION"]["matched"], ent["LOCATION"]["system"]) == (1, 1)    # duplicate place counted once
    assert (ent["ANY"]["matched"], ent["ANY"]["gold"], ent["ANY"]["system"]) == (3, 4, 4)
    tx = res["timex"]
    assert (tx["matched"], tx["gold"], tx["system"]) == (2, 2, 2)
    assert tx["value_acc"] == 0.5
    ev = res["events"]
    # gold "named", "names", "executive"; ours "named", "names", "chief executive" (merged mention), "as its"
    assert (ev["found"], ev["gold"]) == (3, 3)
    assert (ev["right"], ev["triggers"]) == (3, 4)
    pa = res["participants"]
    assert pa["events_matched"] == 2
    assert pa["source"] == {"evaluable": 2, "right": 1, "acc": 0.5}
    assert pa["target"] == {"evaluable": 2, "right": 1, "acc": 0.5}


def test_score_meantime_with_nothing_found(gold) -> None:  # noqa: ANN001
    res = summarise(score_meantime(gold, Document(text=gold.text)))
    assert res["entities"]["ANY"]["r"] == 0.0 and res["timex"]["value_acc"] is None
    assert res["events"]["recall"] == 0.0 and res["events"]["precision"] is None
    assert res["participants"]["source"]["acc"] is None


@pytest.mark.shared
def test_read_meantime_counts() -> None:
    root = shared_root() / "gold" / "meantime_en" / "meantime_newsreader_english_oct15"
    if not root.exists():
        pytest.skip(f"{root} is absent: the shared gold sets are not beside this checkout")
    intra = list(read_meantime(root, "intra-doc_annotation"))
    cross = list(read_meantime(root, "intra_cross-doc_annotation"))
    assert len(intra) == len(cross) == 120
    assert all(d.dct for d in intra)
    assert sum(len(d.entities) for d in intra) == 2866       # 2,867 mentions, one without tokens
    assert sum(len(d.entities) for d in cross) == 3918
    assert (sum(len(d.events) for d in intra), sum(len(d.events) for d in cross)) == (2107, 2699)
    assert sum(len(d.participants) for d in cross) == 1973
    assert sum(len(d.timexes) for d in cross) == 370          # 525 TIMEX3 less 120 DCTs and 35 without tokens
    for d in cross:
        for m in d.entities + d.events + d.timexes:
            assert m.text == d.text[m.start:m.end] and m.text.strip() == m.text
