"""The event record: the one plain-data shape that JSONL, CSV, the store and the API all give out, and back
(`event_record` writes one, `event_from_record` reads it into an `Event` again).

Documented field by field in docs/SCHEMA.md; `storyline/data/event.schema.json` is its JSON Schema.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from storyline.model.doc import Actor, Document, Event, Place, Span, Term, TimeValue

SCHEMA_VERSION = "0.3"   # 0.2: "term", "also_sources", "also_targets", "joint"; 0.3: date "basis"


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


# Reading a record back ----------------------------------------------------------------------------------------


def span_from(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def actor_from(d: dict[str, Any] | None) -> Actor | None:
    if d is None:
        return None
    return Actor(**{**d, "span": span_from(d.get("span")), "roles": list(d.get("roles") or [])})


def place_from(d: dict[str, Any] | None) -> Place | None:
    return None if d is None else Place(**{**d, "span": span_from(d.get("span"))})


def time_from(d: dict[str, Any] | None) -> TimeValue | None:
    """The inverse of `time_dict`: "timex" is the stored value; the ISO "value" is derived from it again."""
    if d is None:
        return None
    fields = {k: v for k, v in d.items() if k not in ("timex", "value")}
    return TimeValue(**{**fields, "value": d.get("timex"), "span": span_from(d.get("span"))})


def term_from(d: dict[str, Any] | None) -> Term | None:
    if d is None:
        return None
    return Term(span_from(d["span"]), d["min"], d["max"], life=d["life"], death=d["death"])  # type: ignore[arg-type]


def event_from_record(rec: dict[str, Any]) -> Event:
    """The `Event` an event record was written from: `event_record(doc, event_from_record(r)) == r` for the
    record of any event of `doc` (confidence is kept as the record rounds it)."""
    plover = rec.get("plover") or {}
    return Event(
        trigger=span_from(rec["trigger"]), sentence=span_from(rec["sentence"]),  # type: ignore[arg-type]
        cameo=rec.get("cameo"), kind=rec.get("kind", "CAMEO"), name=rec.get("name"),
        goldstein=rec.get("goldstein"), quadclass=rec.get("quadclass"),
        plover_type=plover.get("type"), plover_mode=plover.get("mode"),
        source=actor_from(rec.get("source")), target=actor_from(rec.get("target")),
        date=time_from(rec.get("date")), place=place_from(rec.get("place")),
        count=rec.get("count"), count_span=span_from(rec.get("count_span")),
        status=rec.get("status", "asserted"), confidence=rec.get("confidence", 0.5), detail=rec.get("detail"),
        term=term_from(rec.get("term")),
        also_sources=[a for a in map(actor_from, rec.get("also_sources") or []) if a is not None],
        also_targets=[a for a in map(actor_from, rec.get("also_targets") or []) if a is not None],
        joint=bool(rec.get("joint")),
        mentions=[s for s in map(span_from, rec.get("mentions") or []) if s is not None],
        id=rec.get("id"),
    )
