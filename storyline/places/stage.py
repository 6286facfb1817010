"""The places stage: where each event happened, at the precision the text gives.

Order: a place named in the event's own clause ("in Phnom Penh"), else in its sentence (a place that is not an
actor: "Moscow said" names a government, not a location), else the dateline, else the country of its actors.
Country-level only for now: coordinates, ADM1 and GeoNames ids come with the gazetteer (issue 5).
"""
from __future__ import annotations

from typing import Any

from storyline.actors import gazetteer
from storyline.doc import Document, Event, Place, Span
from storyline.pipeline import stage

Token = Any
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "from", "into", "throughout"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "agent", "appos", "compound"}


def _place_of(doc: Document, ent: Any, basis: str) -> Place | None:
    iso = gazetteer.country_for(ent.text)
    if iso is None:
        return None
    kind = gazetteer.alias_kind(ent.text) or "country"
    precision = "country" if kind == "country" else "city" if kind == "city" else "adm1"
    return Place(name=ent.text, country=iso, precision=precision, span=Span.of(doc.text, ent.start_char, ent.end_char),
                 basis=basis)


def _locative_ents(sent: Any) -> list[Any]:
    """Place names in a sentence used as locations (after a locative preposition), not as actors."""
    out = []
    for ent in sent.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        root = ent.root
        locative = root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS
        if locative or (root.dep_ not in _ACTOR_DEPS and root.dep_ != "pobj"):
            out.append(ent)
    return out


def _in_clause(ent: Any, trigger: Token) -> bool:
    node = ent.root
    for _ in range(4):
        if node.i == trigger.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def place_event(doc: Document, ev: Event, dateline: Place | None) -> Place | None:
    parsed = doc.parsed
    span = parsed.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    trigger = span.root if span is not None else None
    if trigger is not None:
        ents = _locative_ents(trigger.sent)
        for basis, chosen in (("clause", [e for e in ents if _in_clause(e, trigger)]), ("sentence", ents)):
            for ent in chosen:
                place = _place_of(doc, ent, basis)
                if place is not None:
                    return place
    if dateline is not None:
        return dateline
    for actor in (ev.source, ev.target):
        if actor is not None and actor.country:
            return Place(name=gazetteer.country_name(actor.country), country=actor.country, precision="country",
                         basis="actor-country")
    return None


def resolve_dateline(doc: Document) -> Place | None:
    if doc.dateline is None:
        return None
    dl = doc.dateline
    parts = [dl.name, *[p.strip() for p in dl.name.split(",")]]
    for part in parts:
        iso = gazetteer.country_for(part)
        if iso:
            kind = gazetteer.alias_kind(part) or "country"
            return Place(name=dl.name, country=iso, precision="country" if kind == "country" else "city",
                         span=dl.span, basis="dateline")
    return Place(name=dl.name, span=dl.span, basis="dateline")


@stage("places", needs=("parsed", "dateline"), adds=("places",))
def find_places(doc: Document) -> Document:
    dateline = resolve_dateline(doc)
    doc.dateline = dateline
    doc.places = [p for p in (_place_of(doc, e, "text") for e in doc.parsed.ents if e.label_ in _PLACE_LABELS) if p]
    return doc


@stage("place-events", needs=("places", "events"), adds=("event_places",))
def place_events(doc: Document) -> Document:
    for ev in doc.events:
        ev.place = place_event(doc, ev, doc.dateline)
    return doc
