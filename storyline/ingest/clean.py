"""The "clean" stage: marks the stretches of an article that are not news text.

Headlines, photo captions and credits, bylines, repeated paragraphs and the dateline are recorded as
`Boilerplate` spans; the text itself is never changed (`Document.clean_text()` blanks them out), so every
offset a later stage writes still points into the article as it was read.
"""
from __future__ import annotations

from storyline.ingest.dateline import Dateline, find_dateline
from storyline.ingest.lines import Line, iter_lines, looks_like_headline, squash
from storyline.ingest.markers import caption_kind, is_byline
from storyline.model.doc import Boilerplate, Document, Place, Span

# A repeated line counts as a scraped duplicate from this many words up. Tuned on the Wikinews sample
# (295 articles): every repeated line there under 6 words is an interview answer ("((WN)) Yes.") or a
# gallery label, which are text, not scraping debris.
REPEAT_MIN_WORDS = 6


def clean(doc: Document) -> Document:
    found, dateline = find_boilerplate(doc.text, title=doc.title)
    doc.boilerplate = found
    doc.dateline = dateline
    return doc


def find_boilerplate(text: str, *, title: str | None = None) -> tuple[list[Boilerplate], Place | None]:
    """Boilerplate spans in document order, and the dateline's place when the first paragraph opens with one."""
    lines = list(iter_lines(text))
    kinds = _line_kinds(lines)
    if lines and 0 not in kinds and _is_headline(text, lines, title):
        kinds[0] = "headline"
    found = [Boilerplate(Span.of(text, line.start, line.end), kinds[i]) for i, line in enumerate(lines) if i in kinds]
    place = None
    dateline, deck = _opening_dateline(text, [line for i, line in enumerate(lines) if i not in kinds])
    if deck is not None:
        found.append(Boilerplate(Span.of(text, deck.start, deck.end), "headline"))
    if dateline is not None:
        found.append(Boilerplate(dateline.span, "dateline"))
        place = dateline.place
    found.sort(key=lambda b: b.span.start)
    return found, place


def _opening_dateline(text: str, body: list[Line]) -> tuple[Dateline | None, Line | None]:
    """The dateline of the first body paragraph; a short headline-shaped line before it (a deck or
    sub-headline) is passed over, and returned so it can be marked too."""
    if not body:
        return None, None
    if dateline := find_dateline(text, body[0].start):
        return dateline, None
    if len(body) > 1 and looks_like_headline(body[0].text) and (dateline := find_dateline(text, body[1].start)):
        return dateline, body[0]
    return None, None


def _line_kinds(lines: list[Line]) -> dict[int, str]:
    """Kind of every line that is boilerplate as a whole: repeats, captions, credits and bylines."""
    kinds: dict[int, str] = {}
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = squash(line.text)
        if key in seen and len(key.split()) >= REPEAT_MIN_WORDS:
            kinds[i] = "caption-repeat"
            continue
        seen.add(key)
        kind = caption_kind(line.text) or ("byline" if is_byline(line.text) else None)
        if kind:
            kinds[i] = kind
    return kinds


def _is_headline(text: str, lines: list[Line], title: str | None) -> bool:
    """The first line is a headline when it repeats the title, or reads as one and the body follows it."""
    head = lines[0]
    if title and squash(head.text) == squash(title):
        return len(lines) > 1
    if len(lines) < 2 or not looks_like_headline(head.text):
        return False
    return find_dateline(text, head.start) is None
