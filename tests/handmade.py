"""Hand-built parsed documents for fast unit tests: no model, every tag and arc written out.

A sentence is a block of rows "word lemma POS TAG head dep ent", one token per row, `head` the index of the head
token within the whole document (a ROOT points at itself), `ent` an IOB tag such as B-PERSON or O. A word
followed by "~" is written with no space after it.
"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.model.doc import Actor, Document, Event, Place, Span, TimeValue

# An English vocabulary without a model: lexical attributes (lower case, is_title, like_num) work as in the model.
_VOCAB = spacy.blank("en").vocab


def parse_rows(rows: str) -> Doc:
    words, spaces, lemmas, pos, tags, heads, deps, ents = [], [], [], [], [], [], [], []
    for line in rows.strip().splitlines():
        if not line.strip():
            continue
        word, lemma, p, t, head, dep, ent = line.split()
        glued = word.endswith("~")
        words.append(word.rstrip("~") if glued else word)
        spaces.append(not glued)
        lemmas.append(lemma)
        pos.append(p)
        tags.append(t)
        heads.append(int(head))
        deps.append(dep)
        ents.append(ent)
    return Doc(_VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps,
               ents=ents)


def document(rows: str, *, date: str | None = None, dateline: str | None = None) -> Document:
    parsed = parse_rows(rows)
    doc = Document(text=parsed.text, date=date, origin="handmade")
    doc.parsed = parsed
    if dateline:
        doc.dateline = Place(name=dateline, span=Span(0, 0, ""), basis="dateline")
    return doc


# A coded document, as the store and the exports receive it ------------------------------------------------------

def span_of(text: str, words: str, after: int = 0) -> Span:
    i = text.index(words, after)
    return Span.of(text, i, i + len(words))


def make_doc(n: int = 0, *, url: str | None = None) -> Document:
    """An article with two coded events; `n` varies the text, so each n is a different document."""
    text = (f"PHNOM PENH - Police arrested {n + 2} protesters outside the National Assembly on Tuesday. "
            "The government denounced the opposition party in a statement.")
    doc = Document(text=text, url=url or f"https://example.org/{n}", title=f"Story {n}", source="Example Wire",
                   date="2018-08-28", origin=f"articles/{n}.txt")
    s1 = span_of(text, f"Police arrested {n + 2} protesters outside the National Assembly on Tuesday.")
    s2 = span_of(text, "The government denounced the opposition party in a statement.")
    police = Actor("Police", span_of(text, "Police"), name="police", code="KHMCOP", country="KHM", roles=["COP"],
                   kind="organisation", basis="role-noun")
    crowd = Actor(f"{n + 2} protesters", span_of(text, f"{n + 2} protesters"), name="protesters", code="KHMOPP",
                  country="KHM", roles=["OPP"], kind="group")
    gov = Actor("The government", span_of(text, "The government"), name="Government of Cambodia", code="KHMGOV",
                country="KHM", roles=["GOV"], kind="organisation")
    party = Actor("the opposition party", span_of(text, "the opposition party"), name="opposition party",
                  code="KHMOPP", country="KHM", roles=["OPP"], kind="organisation")
    tuesday = TimeValue("Tuesday", span_of(text, "Tuesday"), value="2018-08-28", start="2018-08-28",
                        end="2018-08-28", precision="day", relative=True)
    doc.actors = [police, crowd, gov, party]
    doc.events = [
        Event(span_of(text, "arrested"), s1, cameo="173", name="Arrest, detain", goldstein=-5.0, quadclass=4,
              plover_type="ARREST", source=police, target=crowd, date=tuesday, count=n + 2,
              count_span=span_of(text, str(n + 2)), confidence=0.8,
              place=Place("Phnom Penh", country="KHM", precision="city", span=span_of(text, "PHNOM PENH"),
                          basis="dateline")),
        Event(span_of(text, "denounced"), s2, cameo="111", name="Criticize or denounce", goldstein=-2.0,
              quadclass=3, source=gov, target=party, confidence=0.6),
    ]
    return doc
