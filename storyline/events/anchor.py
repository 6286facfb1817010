"""The anchor stage: give each event the time expression that governs it, and never more precision than that.

Order: (1) a time expression attached to the trigger or, climbing the parse, to the nearest word above it
before another event word or a reported-speech boundary; (2) a relative clause on a time expression ("last
November, when he was arrested"); (3) "after/before/in the run-up to <event noun>" takes that event's date as a
bound; else the date stays open (precision "unknown"). The article date is never copied in.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from storyline.doc import Document, Event, TimeValue
from storyline.events.lexicon import senses_for
from storyline.pipeline import stage

Token = Any
_DATED_TYPES = ("DATE", "TIME")
_SPEECH_BOUNDARY = {"ccomp", "parataxis"}
_MAX_CLIMB = 4  # hops up the parse; past that a time phrase belongs to another clause (set on the seed story)
_BOUND_PREPS = {"after": "AFTER", "before": "BEFORE", "since": "AFTER", "following": "AFTER", "ahead": "BEFORE"}
_LEAD_UP = ("in the run - up to", "in the run-up to", "in the lead - up to", "in the lead-up to")


def _token_of(parsed: Any, start: int, end: int) -> Token | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _timex_heads(doc: Document) -> dict[int, TimeValue]:
    """Syntactic head token of each dated time expression -> the expression."""
    heads: dict[int, TimeValue] = {}
    for tx in doc.timexes:
        if tx.type not in _DATED_TYPES or tx.span is None:
            continue
        tok = _token_of(doc.parsed, tx.span.start, tx.span.end)
        if tok is not None:
            heads[tok.i] = tx
    return heads


def _attached(node: Token, heads: dict[int, TimeValue]) -> TimeValue | None:
    """A time expression hanging directly from `node` (through a preposition at most)."""
    for c in node.children:
        if c.i in heads and c.dep_ not in ("relcl",):
            return heads[c.i]
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.i in heads:
                return heads[obj.i]
    return None


def _is_trigger(tok: Token) -> bool:
    return bool(senses_for(tok))


def _climb(tok: Token, heads: dict[int, TimeValue]) -> TimeValue | None:
    node = tok
    for hop in range(_MAX_CLIMB + 1):
        found = _attached(node, heads)
        if found is not None:
            return found
        if node.dep_ in _SPEECH_BOUNDARY or node.head is node:
            return None
        if node.dep_ == "relcl" and node.head.i in heads:
            return heads[node.head.i]
        node = node.head
        if hop and _is_trigger(node):
            return None  # the time phrase above belongs to that other event
    return None


def _relative_to_event(tok: Token, events_by_tok: dict[int, Event]) -> TimeValue | None:
    """"after the July 29 election": bounded by a dated event the phrase names."""
    node = tok
    for _ in range(_MAX_CLIMB):
        for c in node.children:
            mod = _bound_kind(c) if c.dep_ == "prep" else None
            if mod is not None:
                obj = _event_object(c, events_by_tok)
                if obj is not None and obj.date is not None and obj.date.value:
                    return _bounded(obj.date, mod)
        if node.head is node or node.dep_ in _SPEECH_BOUNDARY:
            return None
        node = node.head
    return None


def _bound_kind(prep: Token) -> str | None:
    words = " ".join(t.lower_ for t in prep.subtree)
    if words.startswith(_LEAD_UP):
        return "BEFORE"
    return _BOUND_PREPS.get(prep.lower_)


def _event_object(prep: Token, events_by_tok: dict[int, Event]) -> Event | None:
    for t in prep.subtree:
        if t.i in events_by_tok and t.i != prep.i:
            return events_by_tok[t.i]
        if t.lemma_.lower() in ("election", "vote", "poll"):
            return next((e for e in events_by_tok.values() if e.kind == "ELECTION" and e.date is not None), None)
    return None


def _bounded(ref: TimeValue, mod: str) -> TimeValue:
    year = (ref.value or "")[:4]
    start, end = (ref.start, None) if mod == "AFTER" else (f"{year}-01-01" if year else None, ref.start)
    return replace(ref, value=year or None, start=start, end=end or ref.end, precision="year" if year else "unknown",
                   modifier=mod, inferred=True)


@stage("anchor", needs=("events", "timexes", "parsed"), adds=("event_dates",))
def anchor_dates(doc: Document) -> Document:
    heads = _timex_heads(doc)
    tokens = {ev.trigger.start: _token_of(doc.parsed, ev.trigger.start, ev.trigger.start + 1) for ev in doc.events}
    events_by_tok = {tokens[e.trigger.start].i: e for e in doc.events if tokens[e.trigger.start] is not None}
    dated = {id(ev): _climb(tokens[ev.trigger.start], heads) for ev in doc.events if tokens[ev.trigger.start]}
    for ev in doc.events:
        ev.date = dated.get(id(ev))
    for ev in doc.events:
        tok = tokens[ev.trigger.start]
        if ev.date is None and tok is not None:
            ev.date = _relative_to_event(tok, events_by_tok)
    return doc
