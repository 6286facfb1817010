"""The length of a sentence: "to between seven and 20 years in prison" -> P7Y..P20Y, "life imprisonment",
"a 10-year sentence", "jailed for six months". Only the words the trigger governs are read, so "five years after
the protest" in the same sentence is never a term."""
from __future__ import annotations

import re
from typing import Any

from storyline.doc import Span, Term
from storyline.nlp.numbers import parse_number

Token = Any

_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_NUM = r"(\d+|[a-z]+(?:-[a-z]+)?)"
_RANGE = re.compile(rf"\b(?:between\s+)?{_NUM}\s+(?:and|to|-)\s+{_NUM}[\s-]+(year|month|week|day)s?\b", re.I)
_ONE = re.compile(rf"\b{_NUM}[\s-]+(year|month|week|day)s?\b", re.I)
_LIFE = re.compile(r"\blife\b(?:\s+(?:in\s+prison|imprisonment|sentences?|terms?))?", re.I)
_DEATH = re.compile(r"\bdeath(?:\s+(?:penalty|sentences?))?\b", re.I)


def _duration(number: str, unit: str) -> str | None:
    n = parse_number(number)
    return None if n is None or n <= 0 else f"P{n}{_UNIT[unit.lower()]}"


_HOLDERS = ("to", "for")   # "sentenced to seven years", "jailed for six months"


def _windows(tok: Token) -> list[tuple[int, int]]:
    """Character ranges where the trigger states a length: its "to"/"for"-phrases, its object's and its own
    modifiers ("a 10-year sentence", "sentenced him to a 10-year term")."""
    nodes = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _HOLDERS]
    nodes += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    nodes += [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod")]
    out = []
    for node in nodes:
        words = [t for t in node.subtree if not any(a.dep_ in ("relcl", "advcl", "acl", "ccomp", "prep")
                                                    and a.i != node.i for a in _between(t, node))]
        out.append((min(t.idx for t in words), max(t.idx + len(t.text) for t in words)))
    return out


def _between(t: Token, top: Token) -> list[Token]:
    """The tokens from `t` up to (not including) `top`."""
    chain = []
    while t.i != top.i and t.head.i != t.i:
        chain.append(t)
        t = t.head
    return chain


def term_of(text: str, tok: Token) -> Term | None:
    """The term stated under the trigger token `tok` of `text` (the article), or None."""
    for start, end in _windows(tok):
        found = _read(text, start, end)
        if found is not None:
            return found
    return None


def _read(text: str, start: int, end: int) -> Term | None:
    chunk = text[start:end]
    if (m := _RANGE.search(chunk)) is not None:
        low, high = _duration(m.group(1), m.group(3)), _duration(m.group(2), m.group(3))
        if low and high:
            return Term(Span.of(text, start + m.start(), start + m.end()), low, high)
    if (m := _ONE.search(chunk)) is not None and (d := _duration(m.group(1), m.group(2))):
        return Term(Span.of(text, start + m.start(), start + m.end()), d, d)
    if (m := _LIFE.search(chunk)) is not None:
        return Term(Span.of(text, start + m.start(), start + m.end()), None, None, life=True)
    if (m := _DEATH.search(chunk)) is not None:
        return Term(Span.of(text, start + m.start(), start + m.end()), None, None, death=True)
    return None
