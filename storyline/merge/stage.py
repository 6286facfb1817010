"""The merge stage (within one article): several mentions of one real event become one event.

News repeats itself: "Fourteen activists were freed Tuesday ..., their pardons coming as the latest in a series of
releases engineered by Hun Sen", "Tuesday's releases came at about 1 a.m." are one release. Two events merge when
they have the same kind and CAMEO root, the same status, no conflicting actor codes (a missing or implied actor
conflicts with nothing) and dates that can be the same (overlapping, or one unknown). A later undated mention that
lacks its target first takes the target of the latest earlier event of its root ("the pardons were signed" are
the 14's pardons), marked inferred. Merging across articles is a later stage over the store.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from storyline.model.doc import Actor, Document, Event, TimeValue

# How far back (in events) a targetless mention looks for the event it continues; set on the seed story.
_INHERIT_WINDOW = 6
_PATIENT_ROOTS = {"08", "12", "17"}


def _key(ev: Event) -> str:
    return ev.root or ev.kind


def _rank(a: Actor | None) -> int:
    """How much an actor claims: none < a role the event implies < a referent carried over < read in the text."""
    if a is None:
        return 0
    if a.basis == "implied-by-event":
        return 1
    return 2 if a.inferred else 3


def _explicit(a: Actor | None) -> bool:
    return _rank(a) == 3


def _actors_agree(a: Actor | None, b: Actor | None) -> bool:
    """Same referent as far as the text shows: same code, same name (or both unnamed), same kind of actor.
    Two KHMOPP actors are not one when one is "Kem Sokha" and the other "14 activists"."""
    if _rank(a) < 2 or _rank(b) < 2:
        return True
    assert a is not None and b is not None
    if a.code != b.code or (a.kind == "person") != (b.kind == "person"):
        return False
    return a.name == b.name or a.name is None or b.name is None and a.kind != "person"


def _bounds(t: TimeValue | None) -> tuple[date, date] | None:
    if t is None or not t.start:
        return None
    end = t.end or t.start
    return date.fromisoformat(t.start[:10]), date.fromisoformat(end[:10])


def _stated(t: TimeValue | None) -> bool:
    """A date the text gives for the event itself: the article week given to undated news says nothing about
    whether two mentions are one occurrence."""
    return _bounds(t) is not None and t is not None and t.basis != "article-date"


def _dates_agree(a: TimeValue | None, b: TimeValue | None) -> bool:
    ba, bb = _bounds(a), _bounds(b)
    if ba is None or bb is None:
        return True
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def _narrower(a: TimeValue | None, b: TimeValue | None) -> TimeValue | None:
    """The date that says more: one the text states beats the article week, then the narrower wins."""
    if _stated(a) != _stated(b):
        return a if _stated(a) else b
    ba, bb = _bounds(a), _bounds(b)
    if ba is None:
        return b if bb is not None else a or b
    if bb is None:
        return a
    return b if (bb[1] - bb[0]) < (ba[1] - ba[0]) else a


def _places_agree(a: Event, b: Event) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None or "clause" not in (pa.basis, pb.basis) or pa.basis != pb.basis:
        return True
    return pa.name == pb.name


def same_event(a: Event, b: Event) -> bool:
    """Same kind and code (root only within one sentence, where "freed" and "pardons" are one act), same status,
    agreeing actors and dates."""
    same_sentence = a.sentence.start == b.sentence.start
    both_dated = _stated(a.date) and _stated(b.date)
    codes_agree = _key(a) == _key(b) if (same_sentence or both_dated) else (a.cameo, a.kind) == (b.cameo, b.kind) or (
        a.root == b.root and a.root == "08")
    return (codes_agree and a.status == b.status and _places_agree(a, b) and _actors_agree(a.source, b.source)
            and _actors_agree(a.target, b.target) and _dates_agree(a.date, b.date))


def _better(a: Actor | None, b: Actor | None) -> Actor | None:
    return b if _rank(b) > _rank(a) else a


def absorb(keep: Event, other: Event) -> None:
    """Fold `other` into `keep`: explicit actors beat implied ones, the narrower date wins, evidence is kept."""
    keep.source = _better(keep.source, other.source)
    keep.target = _better(keep.target, other.target)
    keep.date = _narrower(keep.date, other.date)
    keep.count = keep.count or other.count
    keep.count_span = keep.count_span or other.count_span
    keep.confidence = min(0.95, max(keep.confidence, other.confidence) + 0.05)
    keep.mentions.extend([other.trigger, *other.mentions])
    if keep.place is None or (keep.place.basis != "clause" and other.place and other.place.basis == "clause"):
        keep.place = other.place


def inherit_targets(events: list[Event]) -> None:
    for i, ev in enumerate(events):
        if _explicit(ev.target) or ev.root not in _PATIENT_ROOTS:
            continue
        earlier = [e for e in events[max(0, i - _INHERIT_WINDOW): i] if e.root == ev.root and _explicit(e.target)]
        if earlier:
            ev.target = replace(earlier[-1].target, inferred=True, basis="same-event-earlier")  # type: ignore[type-var]


def merge_events(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        match = next((k for k in out if same_event(k, ev)), None)
        if match is None:
            out.append(ev)
        else:
            absorb(match, ev)
    return out


def merge_in_document(doc: Document) -> Document:
    inherit_targets(doc.events)
    merged = merge_events(doc.events)
    for n, ev in enumerate(merged, 1):
        ev.id = f"{doc.id}-{n}"
    doc.events = merged
    return doc
