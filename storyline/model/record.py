"""The event record: the one plain-data shape that JSONL, CSV, the store and the API all give out.

Documented field by field in docs/SCHEMA.md; `storyline/data/event.schema.json` is its JSON Schema.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from storyline.model.doc import Actor, Document, Event, Place, Span, Term, TimeValue

SCHEMA_VERSION = "0.2"   # 0.2: "term", "also_sources", "also_targets", "joint"


def span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _with_span(obj: Any) -> dict[str, Any] | None:
    """A record's plain-data form, its evidence span flattened to {start, end, text}."""
    if obj is None:
        return None
    d = asdict(obj)
    d["span"] = span_dict(obj.span)
    return d


def actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    return _with_span(actor)


def place_dict(p: Place | None) -> dict[str, Any] | None:
    return _with_span(p)


def time_dict(t: TimeValue | None) -> dict[str, Any] | None:
    """Time both ways: ISO 8601 for users and tools ("value"), TIMEX3 as the normaliser wrote it ("timex")."""
    d = _with_span(t)
    if d is not None and t is not None:
        d["timex"] = d.pop("value")
        d["value"] = t.iso
    return d


def term_dict(term: Term | None) -> dict[str, Any] | None:
    if term is None:
        return None
    return {"span": span_dict(term.span), "min": term.min, "max": term.max, "life": term.life, "death": term.death}


def event_record(doc: Document, ev: Event) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": ev.id,
        "document": {"id": doc.id, "url": doc.url, "title": doc.title, "source": doc.source,
                     "date": doc.date, "date_inferred": doc.date_inferred, "origin": doc.origin},
        "kind": ev.kind,
        "cameo": ev.cameo,
        "cameo_root": ev.root,
        "name": ev.name,
        "goldstein": ev.goldstein,
        "quadclass": ev.quadclass,
        "plover": {"type": ev.plover_type, "mode": ev.plover_mode},
        "source": actor_dict(ev.source),
        "target": actor_dict(ev.target),
        "also_sources": [actor_dict(a) for a in ev.also_sources],
        "also_targets": [actor_dict(a) for a in ev.also_targets],
        "joint": ev.joint,
        "date": time_dict(ev.date),
        "place": place_dict(ev.place),
        "count": ev.count,
        "count_span": span_dict(ev.count_span),
        "status": ev.status,
        "confidence": round(ev.confidence, 3),
        "detail": ev.detail,
        "term": term_dict(ev.term),
        "trigger": span_dict(ev.trigger),
        "sentence": span_dict(ev.sentence),
        "mentions": [span_dict(m) for m in ev.mentions],
    }
