"""The length of a sentence: "to between seven and 20 years in prison" -> P7Y..P20Y, "life imprisonment",
"a 10-year sentence", "jailed for six months", "two and a half years" -> P2Y6M. Only the words the trigger governs
are read, so "five years after the protest" in the same sentence is never a term, and "life" or "death" count only
where the sentence is given ("to life", "a death sentence"), never in what it was for ("for threatening the life
of a judge")."""
from __future__ import annotations

import re
from typing import Any

from storyline.model.doc import Span, Term
from storyline.nlp.numbers import parse_number

Token = Any

_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_HALF = {"year": "6M", "month": "15D", "week": "3D", "day": ""}   # "and a half", to the unit below, rounded down
_NUM = r"(\d+|an?|[a-z]+(?:-[a-z]+)?)"
_UNITS = r"(year|month|week|day)s?"
_RANGE = re.compile(rf"\b(?:between\s+)?{_NUM}\s+(?:and|to|-)\s+{_NUM}[\s-]+{_UNITS}\b", re.I)
_ONE = re.compile(rf"\b{_NUM}(\s+and\s+a\s+half)?[\s-]+{_UNITS}(\s+and\s+a\s+half)?\b", re.I)
_LIFE = re.compile(r"\blife\b(?:\s+(?:in\s+prison|imprisonment|sentences?|terms?))?", re.I)
_DEATH = re.compile(r"\bdeath(?:\s+(?:penalty|sentences?))?\b", re.I)


def _count(word: str) -> int | None:
    return 1 if word.lower() in ("a", "an") else parse_number(word)


def _duration(number: str, unit: str, half: bool = False) -> str | None:
    n = _count(number)
    if n is None or n <= 0:
        return None
    unit = unit.lower()
    return f"P{n}{_UNIT[unit]}" + (_HALF[unit] if half else "")


def _windows(tok: Token) -> list[tuple[int, int, bool]]:
    """Character ranges where the trigger states a length, each with whether a life or death sentence may be
    read there: its "to"-phrase, object and modifiers may ("sentenced to life", "a death sentence"); its
    "for"-phrase gives a length ("jailed for six months") or the offence ("for causing the death of"), never a
    life sentence."""
    nodes = [(c, c.lower_ == "to") for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for")]
    nodes += [(c, True) for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "amod", "compound", "nummod")]
    out = []
    for node, sentence in nodes:
        words = [t for t in node.subtree if not any(a.dep_ in ("relcl", "advcl", "acl", "ccomp", "prep")
                                                    and a.i != node.i for a in _between(t, node))]
        out.append((min(t.idx for t in words), max(t.idx + len(t.text) for t in words), sentence))
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
    for start, end, sentence in _windows(tok):
        found = _read(text, start, end, sentence)
        if found is not None:
            return found
    return None


def _read(text: str, start: int, end: int, sentence: bool) -> Term | None:
    chunk = text[start:end]
    if (m := _RANGE.search(chunk)) is not None:
        low, high = _duration(m.group(1), m.group(3)), _duration(m.group(2), m.group(3))
        if low and high:
            return Term(Span.of(text, start + m.start(), start + m.end()), low, high)
    for m in _ONE.finditer(chunk):   # the first length that reads as a number ("a year", "two and a half years")
        d = _duration(m.group(1), m.group(3), bool(m.group(2) or m.group(4)))
        if d:
            return Term(Span.of(text, start + m.start(), start + m.end()), d, d)
    if not sentence:
        return None
    if (m := _LIFE.search(chunk)) is not None:
        return Term(Span.of(text, start + m.start(), start + m.end()), None, None, life=True)
    if (m := _DEATH.search(chunk)) is not None:
        return Term(Span.of(text, start + m.start(), start + m.end()), None, None, death=True)
    return None
