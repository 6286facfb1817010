"""The places stage: the article's toponyms with coordinates, and where each event happened.

Toponyms are the model's GPE/LOC/FAC entities and the dateline's place words; each is resolved against the
GeoNames gazetteer in the article's context (see storyline.places.resolve). `doc.places` keeps every recognised
toponym, metonymic ones too ("Moscow said" names a government but is still a toponym for evaluation and maps).

An event's place: one named in its own clause ("in Phnom Penh"), else in its sentence (a place that is not an
actor: "Moscow said" names a government, not a location), else the dateline, else the country of its actors
(the country's point, precision "country").
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from storyline.model.doc import Document, Event, Place, Span
from storyline.places.resolve import Context, confident, country_of_alias, resolve
from storyline.reference import geonames
from storyline.reference.geonames import GeoPlace

Token = Any
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_CONTEXT_LABELS = ("GPE", "LOC", "NORP")   # demonyms name a country for context, not a toponym
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "from", "into", "throughout"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "agent", "appos", "compound"}
_DATELINE_WEIGHT = 2      # the dateline names where the reporter is: twice a mention in the text


def to_place(found: GeoPlace | None, name: str, span: Span | None, basis: str) -> Place:
    if found is None:
        return Place(name=name, span=span, basis=basis)
    return Place(name=name, country=found.country, admin1=found.admin1, lat=found.lat, lon=found.lon,
                 geonames_id=found.geonames_id, precision=found.precision, span=span, basis=basis)


def country_place(iso3: str, basis: str) -> Place:
    """The country's point; a code no table knows (a user dictionary's own country) gets no coordinates."""
    found = geonames.country(iso3)
    if found is None:
        return Place(name=iso3, country=iso3, precision="country", basis=basis)
    return to_place(found, found.name, None, basis)


# Recognition ---------------------------------------------------------------------------------------------------


def _dateline_parts(dl: Place) -> list[Span]:
    """"BEIRUT, Lebanon" -> the spans of "BEIRUT" and "Lebanon" in the article."""
    if dl.span is None or not dl.span.text:
        return []
    return [Span(dl.span.start + m.start(), dl.span.start + m.end(), m.group())
            for m in re.finditer(r"[^,()]+?(?=\s*(?:[,()]|$))", dl.span.text) if m.group().strip()]


def _mentions(doc: Document) -> list[Span]:
    return [Span.of(doc.text, e.start_char, e.end_char) for e in doc.parsed.ents if e.label_ in _PLACE_LABELS]


def article_context(doc: Document, mentions: list[Span], dateline: list[Span]) -> Context:
    """First pass: countries named or implied, and confident answers, as the context for resolving the rest."""
    ctx = Context()
    for ent in doc.parsed.ents:
        if ent.label_ == "NORP" and (found := country_of_alias(ent.text)) is not None:
            ctx.add(found, geonames.normalise(ent.text))
    for weight, spans in ((1, mentions), (_DATELINE_WEIGHT, dateline)):
        for span in spans:
            if (found := confident(span.text)) is not None:
                ctx.add(found, geonames.normalise(span.text), weight)
    for actor in doc.actors:
        if actor.country and not actor.inferred:
            ctx.countries[actor.country] += 1
    # Second pass: every mention's first-pass answer joins the context, so the towns of a local story vote for
    # their state and country.
    second = Context(Counter(ctx.countries), Counter(ctx.regions), list(ctx.points))
    for span in mentions:
        if (found := resolve(span.text, ctx)) is not None:
            second.add(found, geonames.normalise(span.text))
    return second


# Stages --------------------------------------------------------------------------------------------------------


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


def _resolved_at(doc: Document, ent: Any, basis: str) -> Place | None:
    for p in doc.places:
        if p.span is not None and (p.span.start, p.span.end) == (ent.start_char, ent.end_char) and p.lat is not None:
            return Place(p.name, p.country, p.admin1, p.lat, p.lon, p.geonames_id, p.precision, p.span, basis)
    return None


def place_event(doc: Document, ev: Event, dateline: Place | None) -> Place | None:
    span = doc.parsed.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    trigger = span.root if span is not None else None
    if trigger is not None:
        ents = _locative_ents(trigger.sent)
        for basis, chosen in (("clause", [e for e in ents if _in_clause(e, trigger)]), ("sentence", ents)):
            for ent in chosen:
                place = _resolved_at(doc, ent, basis)
                if place is not None:
                    return place
    if dateline is not None and dateline.country is not None:
        return dateline
    for actor in (ev.source, ev.target):
        if actor is not None and actor.country:
            return country_place(actor.country, "actor-country")
    return dateline


def resolve_dateline(doc: Document, ctx: Context | None = None) -> Place | None:
    """The dateline's place: its first part ("BEIRUT" of "BEIRUT, Lebanon") resolved with the rest as context."""
    if doc.dateline is None:
        return None
    dl = doc.dateline
    parts = _dateline_parts(dl) or [Span(0, 0, dl.name)]
    ctx = ctx if ctx is not None else Context()
    for part in parts[1:]:
        if (found := confident(part.text)) is not None:
            ctx.add(found, geonames.normalise(part.text), _DATELINE_WEIGHT)
    found = resolve(parts[0].text, ctx)
    return to_place(found, dl.name, dl.span, "dateline")


def find_places(doc: Document) -> Document:
    mentions = _mentions(doc)
    dateline_spans = _dateline_parts(doc.dateline) if doc.dateline is not None else []
    ctx = article_context(doc, mentions, dateline_spans)
    doc.dateline = resolve_dateline(doc, ctx)
    places = [to_place(resolve(s.text, ctx), s.text, s, "dateline") for s in dateline_spans]
    places += [to_place(resolve(s.text, ctx), s.text, s, "text") for s in mentions]
    doc.places = [p for p in places if p.lat is not None]
    return doc


def place_events(doc: Document) -> Document:
    for ev in doc.events:
        ev.place = place_event(doc, ev, doc.dateline)
    return doc
