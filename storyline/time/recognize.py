"""Find time expressions in a text and normalise them against the article date.

Every rule in `rules`/`rules_more` runs over the whole text; where matches overlap the longest wins (ties go to
the rule registered first), HeidelTime-style. A "since" in front turns a date into an open interval up to the
article date.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import storyline.time.rules_more  # noqa: F401 - registers the relative rules
from storyline.model.doc import Span, TimeValue
from storyline.time.dates import parse_day
from storyline.time.rules import RULES, Ctx, Hit

TenseAt = Callable[[int], str | None]
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+$", re.I)


def find_timexes(text: str, dct: str | None, *, tense_at: TenseAt | None = None) -> list[TimeValue]:
    """All time expressions in `text`, in text order, normalised against the article date `dct` (ISO day).

    `tense_at(offset)` gives "past"/"present"/"future" (or None) for the clause holding a character offset; it
    picks the direction for weekdays and year-less dates. Without `dct`, relative expressions get value None.
    """
    ctx = Ctx(text, parse_day(dct), tense_at)
    found: list[tuple[int, int, int, Hit]] = []
    for order, r in enumerate(RULES):
        for m in r.regex.finditer(text):
            hit = r.handler(m, ctx)
            if hit is not None:
                found.append((m.start(), m.end(), order, hit))
    return [_to_value(text, s, e, hit, ctx) for s, e, hit in _select(found)]


def _select(found: list[tuple[int, int, int, Hit]]) -> list[tuple[int, int, Hit]]:
    """Longest match first, then earliest rule; drop anything overlapping a match already taken."""
    taken: list[tuple[int, int, Hit]] = []
    for s, e, _order, hit in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, hit))
    return sorted(taken, key=lambda t: t[0])


def _to_value(text: str, s: int, e: int, hit: Hit, ctx: Ctx) -> TimeValue:
    p = hit.period
    value = hit.value if hit.value is not None else (p.value if p else None)
    precision = hit.precision or (p.precision if p else "unknown")
    tv = TimeValue(text=text[s:e], span=Span.of(text, s, e), type=hit.type, value=value,
                   start=p.first.isoformat() if p else None, end=p.last.isoformat() if p else None,
                   precision=precision if value is not None else "unknown", relative=hit.relative,
                   modifier=hit.mod)
    if tv.type == "DATE" and _SINCE.search(text[max(0, s - 20):s]):
        tv.modifier = "SINCE"
        tv.end = ctx.dct.isoformat() if ctx.dct and p and p.first <= ctx.dct else None
    return tv
