"""Dates and spans for the office-holder build (scripts/leaders.py): partial source dates as whole periods, spells
joined and cut."""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta

Span = tuple[str, str]                 # start, end; "" open

DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def iso_day(text: str, end: bool) -> str | None:
    """A source date as an ISO day: a year or month alone widens to its first day (a start) or its last (an end),
    so the spell covers every day the source allows. None when it is no date ("START", "2014s")."""
    match = DATE.fullmatch(text.strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-{calendar.monthrange(int(year), int(month))[1] if end else 1:02d}"
    return f"{year}-12-31" if end else f"{year}-01-01"


def to_date(text: str) -> date:
    return date.fromisoformat(text)


def _shift(text: str, days: int) -> str:
    return (to_date(text) + timedelta(days=days)).isoformat()


def union(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spells as one ("" is open: before everything as a start, after as an end)."""
    out: list[list[str]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], s[1] or "9999")):
        if out and (not out[-1][1] or not start or start <= _shift(out[-1][1], 1)):
            out[-1][1] = "" if not out[-1][1] or not end else max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def subtract(span: Span, covered: list[Span]) -> list[Span]:
    """The parts of a closed-ended span that no covered span (disjoint, sorted) reaches."""
    pieces, (start, end) = [], span
    for c_start, c_end in covered:
        if (c_end and start and c_end < start) or (c_start and c_start > end):
            continue
        if c_start and (not start or c_start > start):
            pieces.append((start, _shift(c_start, -1)))
        if not c_end or c_end >= end:
            return pieces
        start = _shift(c_end, 1)
    return [*pieces, (start, end)]


def span_days(span: Span) -> int:
    return (to_date(span[1]) - to_date(span[0])).days if span[0] and span[1] else 10 ** 6
