"""The clean stage on real articles from ../shared: the seed story and the Wikinews sample."""
from __future__ import annotations

import html
import json
import re

import pytest

from storyline.ingest import read_text_document
from storyline.ingest.clean import clean
from storyline.model.doc import Document

pytestmark = pytest.mark.shared


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rough sentence offsets within text[start:end]: enough to check that no body sentence is marked."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text[start:end])
            if m.group().strip()]


def test_seed_article(shared):
    text = shared("seed", "article.txt").read_text(encoding="utf-8")
    doc = clean(read_text_document(text, date="2018-08-28"))
    kinds = [(b.kind, b.span.text) for b in doc.boilerplate]
    caption = next(t for k, t in kinds if k == "caption")
    assert caption.endswith("Photo: Heng Sinith / Associated Press")
    assert ("caption-repeat", caption) in kinds                       # the second copy
    assert ("byline", "Story: Sopheng Cheang") in kinds
    assert ("dateline", "PHNOM PENH —") in kinds
    assert doc.dateline is not None and doc.dateline.name == "Phnom Penh"
    credits = [m.start() for m in re.finditer(r"Photo: Heng Sinith / Associated Press", text)]
    assert len(credits) == 2 and all(doc.in_boilerplate(c, c + 5) for c in credits)

    dateline = next(b for b in doc.boilerplate if b.kind == "dateline")
    body_end = text.index("Story: Sopheng Cheang")
    for start, end in sentences(text, dateline.span.end, body_end):
        assert not doc.in_boilerplate(start, end), text[start:end]


def wikinews(shared) -> list[dict]:
    path = shared("corpora", "wikinews", "wikinews_2019_2020.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# Wikinews pages carry picture captions as paragraphs ending "Image: <author>."; everything else is body text.
_IMAGE_CREDIT = re.compile(r"\(?Image:\s*[^()]+\)?\.?$")


def test_wikinews_marks_only_picture_captions(shared):
    marked = 0
    for record in wikinews(shared):
        doc = clean(Document(text=record["text"], title=record["title"]))
        assert doc.dateline is None, record["id"]
        for b in doc.boilerplate:
            assert b.kind in ("caption", "credit", "caption-repeat"), (record["id"], b)
            assert _IMAGE_CREDIT.search(b.span.text), (record["id"], b.span.text)
            marked += 1
    assert marked > 0


def test_wikinews_title_as_first_line_is_the_only_headline(shared):
    for record in wikinews(shared):
        if not record["text"].strip():
            continue
        text = f"{record['title']}\n\n{record['text']}"
        doc = clean(Document(text=text))
        heads = [b.span.text for b in doc.boilerplate if b.kind == "headline"]
        assert heads == [record["title"]], record["id"]
        assert doc.dateline is None, record["id"]


def timebank_texts(shared) -> list[tuple[str, str]]:
    folder = shared("gold", "tempeval3", "TBAQ-cleaned")
    texts = []
    for path in sorted(folder.glob("*/*.tml")):
        found = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        if found:
            texts.append((path.name, html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))))
    return texts


def test_timebank_wire_datelines_and_nothing_else(shared):
    """TimeBank/AQUAINT wire copy (AP, NYT, Xinhua, WSJ, broadcast): datelines open the first paragraph, a few
    WSJ stories end with a contributed-to-this-article line, and nothing else is boilerplate."""
    datelines = 0
    for name, text in timebank_texts(shared):
        doc = clean(Document(text=text))
        first = next(line for line in text.splitlines() if line.strip())
        for b in doc.boilerplate:
            if b.kind == "dateline":
                datelines += 1
                assert first.strip().startswith(b.span.text), name
                assert doc.dateline is not None and doc.dateline.span.text in b.span.text
            else:
                assert b.kind == "byline" and b.span.text.endswith("contributed to this article."), (name, b)
    assert datelines >= 50
