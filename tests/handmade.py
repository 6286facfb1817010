"""Hand-built parsed documents for fast unit tests: no model, every tag and arc written out.

A sentence is a block of rows "word lemma POS TAG head dep ent", one token per row, `head` the index of the head
token within the whole document (a ROOT points at itself), `ent` an IOB tag such as B-PERSON or O. A word
followed by "~" is written with no space after it.
"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.model.doc import Document, Place, Span

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
