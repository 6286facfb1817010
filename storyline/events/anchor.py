"""The anchor stage: give each event the time expression that governs it, and never more precision than that.

Order: (1) a time expression attached to the trigger or, climbing the parse, to the nearest word above it
before another event word or a reported-speech boundary; (2) a relative clause on a time expression ("last
November, when he was arrested"); (3) "after/before/in the run-up to <event noun>" takes that event's date as a
bound; (4) an undated event about a named actor takes the date of their latest earlier dated event in the
paragraph; (5) an event that is the article's current news takes the article date, as careful coders date it:
the week up to the article date (a report and what it reports may lie a few days apart), marked inferred, basis
"article-date". Background stays open (precision "unknown"): past perfect ("had been jailed"), a relative clause
describing someone ("activists who were convicted of ..."), "previously/formerly", and acts not yet done
(planned, hypothetical).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from storyline.model.doc import Document, Event, TimeValue

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


def _point(tx: TimeValue) -> TimeValue:
    """"since last November, when he was arrested": the clause is dated by November itself, not the span since."""
    if tx.modifier != "SINCE" or not tx.value:
        return tx
    return replace(tx, modifier=None, end=_value_end(tx.value) or tx.end)


def _value_end(value: str) -> str | None:
    if len(value) == 4 and value.isdigit():
        return f"{value}-12-31"
    if len(value) == 7 and value[4] == "-":
        y, m = int(value[:4]), int(value[5:7])
        nxt = date(y + m // 12, m % 12 + 1, 1)
        return (nxt - timedelta(days=1)).isoformat()
    if len(value) == 10:
        return value
    return None


def _in_phrase(tok: Token, heads: dict[int, TimeValue], triggers: frozenset[int]) -> TimeValue | None:
    """For an event noun: a time expression inside its own phrase, nearest first, not under another event word
    or clause ("an appeal for pardons issued Friday by the 14")."""
    frontier = list(tok.children)
    for _ in range(_MAX_CLIMB):
        nxt = []
        for node in frontier:
            if node.i in heads:
                return heads[node.i]
            if node.dep_ in ("relcl", "ccomp", "advcl", "conj", "appos") or node.i in triggers:
                continue
            nxt.extend(node.children)
        frontier = nxt
    return None


def _climb(tok: Token, heads: dict[int, TimeValue], triggers: frozenset[int]) -> TimeValue | None:
    """The time expression governing `tok`; `triggers`: the tokens of this document's other coded events."""
    if tok.pos_ not in ("VERB", "AUX"):
        found = _in_phrase(tok, heads, triggers)
        if found is not None:
            return found
    node = tok
    for hop in range(_MAX_CLIMB + 1):
        found = _attached(node, heads)
        if found is not None:
            return found
        if node.dep_ in _SPEECH_BOUNDARY or node.head.i == node.i:
            return None
        if node.dep_ == "relcl" and node.head.i in heads:
            return _point(heads[node.head.i])
        node = node.head
        if hop and node.i in triggers:
            return None  # the time phrase above belongs to that other event
    return None


def _relative_to_event(tok: Token, events_by_tok: dict[int, Event], dct: str | None) -> TimeValue | None:
    """"after the July 29 election": bounded by a dated event the phrase names."""
    node = tok
    for _ in range(_MAX_CLIMB):
        for c in node.children:
            mod = _bound_kind(c) if c.dep_ == "prep" else None
            if mod is not None:
                obj = _event_object(c, events_by_tok)
                if obj is not None and obj.date is not None and obj.date.value:
                    return _bounded(obj.date, mod, dct)
        if node.head.i == node.i or node.dep_ in _SPEECH_BOUNDARY:
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


def _bounded(ref: TimeValue, mod: str, dct: str | None) -> TimeValue:
    """After X: from X's start to the article date (open without one). Before X: X's year up to X."""
    if mod == "AFTER":
        return replace(ref, start=ref.start, end=dct, precision="interval", modifier=mod, inferred=True, basis="event")
    year = (ref.value or "")[:4]
    return replace(ref, value=year or None, start=f"{year}-01-01" if year else None, end=ref.start,
                   precision="year" if year else "unknown", modifier=mod, inferred=True, basis="event")


def anchor_dates(doc: Document) -> Document:
    heads = _timex_heads(doc)
    tokens = {ev.trigger.start: _token_of(doc.parsed, ev.trigger.start, ev.trigger.start + 1) for ev in doc.events}
    events_by_tok = {tokens[e.trigger.start].i: e for e in doc.events if tokens[e.trigger.start] is not None}
    triggers = frozenset(events_by_tok)
    dated = {id(ev): _climb(tokens[ev.trigger.start], heads, triggers) for ev in doc.events
             if tokens[ev.trigger.start]}
    for ev in doc.events:
        ev.date = dated.get(id(ev))
    for ev in doc.events:
        tok = tokens[ev.trigger.start]
        if ev.date is None and tok is not None:
            ev.date = _relative_to_event(tok, events_by_tok, doc.date)
        if ev.date is None:
            ev.date = _same_actor_earlier(doc, ev)
        if ev.date is None:
            ev.date = _article_week(doc.date, ev, tok) or open_date()
    return doc


# Words that put an act in the past of the story, not its news.
_BACKGROUND_ADVERBS = {"previously", "formerly", "once", "earlier", "originally", "initially", "ago"}
_NOT_DONE = ("planned", "hypothetical")
ARTICLE_WINDOW_DAYS = 6   # the week up to the article date, both ends counted


def _article_week(dct: str | None, ev: Event, tok: Token | None) -> TimeValue | None:
    """Current news with no time expression of its own: the week up to the article date, inferred."""
    if dct is None or tok is None or ev.status in _NOT_DONE or _background(tok):
        return None
    end = date.fromisoformat(dct)
    start = (end - timedelta(days=ARTICLE_WINDOW_DAYS)).isoformat()
    return TimeValue(text="", span=None, value=dct, start=start, end=dct, precision="week",
                     modifier="ON_OR_BEFORE", inferred=True, basis="article-date")


def _background(tok: Token) -> bool:
    """An act the text places before its news: past perfect, a describing relative clause, "previously"."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children):
        return True
    if verb.dep_ == "relcl" or tok.dep_ == "relcl":
        return True
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _BACKGROUND_ADVERBS for c in verb.children)


def _named(ev: Event) -> set[str]:
    return {a.name for a in (ev.source, ev.target)
            if a is not None and a.name and not a.inferred and a.kind in ("person", "organisation")}


def _same_actor_earlier(doc: Document, ev: Event) -> TimeValue | None:
    """"Kem Sokha was arrested on Sunday. He was charged with treason.": an undated event about a named person
    or organisation takes the date of the latest earlier dated event about them in the same paragraph, marked
    inferred. Groups ("14 activists") and implied actors carry nothing: they are too often other people."""
    names = _named(ev)
    if not names:
        return None
    for other in sorted(doc.events, key=lambda e: e.trigger.start, reverse=True):
        if other.trigger.start >= ev.trigger.start:
            continue
        if "\n\n" in doc.text[other.trigger.start: ev.trigger.start]:
            return None
        if other.date is not None and other.date.iso and _named(other) & names:
            return replace(other.date, inferred=True, basis="actor")
    return None


def open_date() -> TimeValue:
    """An event the text does not date: explicitly unknown, so no reader mistakes the article date for it."""
    return TimeValue(text="", span=None, precision="unknown")
