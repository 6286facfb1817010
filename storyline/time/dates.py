"""Calendar arithmetic on stdlib `datetime.date`: bounds of weeks, months, seasons, quarters, decades.

A resolved time is a `Period`: a TIMEX3-like value, inclusive first and last day, and the precision the words
support. Sub-periods ("early", "mid", "late") split a period in thirds.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

from storyline.time.lexicon import SEASON_MONTHS


@dataclass(frozen=True, slots=True)
class Period:
    value: str
    first: date
    last: date
    precision: str

    def mid(self) -> date:
        return self.first + (self.last - self.first) / 2


def parse_day(iso: str | None) -> date | None:
    """The article date from an ISO string ("2018-08-28" or with a time part); None if absent or malformed."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def month_end(y: int, m: int) -> date:
    return (date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)) - timedelta(days=1)


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def week(d: date) -> Period:
    """The ISO week containing `d`."""
    iso = d.isocalendar()
    first = d - timedelta(days=d.weekday())
    return Period(f"{iso.year}-W{iso.week:02d}", first, first + timedelta(days=6), "week")


def weekend(d: date) -> Period:
    """The Saturday-Sunday of the ISO week containing `d`."""
    w = week(d)
    return Period(w.value + "-WE", w.first + timedelta(days=5), w.last, "day")


def month(y: int, m: int) -> Period:
    return Period(f"{y:04d}-{m:02d}", date(y, m, 1), month_end(y, m), "month")


def year(y: int) -> Period:
    return Period(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def quarter(y: int, q: int) -> Period:
    return Period(f"{y:04d}-Q{q}", date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter")


def half(y: int, h: int) -> Period:
    return Period(f"{y:04d}-H{h}", date(y, 6 * h - 5, 1), month_end(y, 6 * h), "quarter")


def season(y: int, code: str) -> Period:
    a, b = SEASON_MONTHS[code]
    ly, lm = shift_month(y, 1, b - 1)
    return Period(f"{y:04d}-{code}", date(y, a, 1), month_end(ly, lm), "season")


def decade(d: int) -> Period:
    """`d` is the decade's first year divided by ten (199 for the 1990s)."""
    return Period(f"{d:03d}", date(d * 10, 1, 1), date(d * 10 + 9, 12, 31), "decade")


def century(c: int) -> Period:
    """`c` is the two leading digits (19 for the 20th century)."""
    return Period(f"{c:02d}", date(c * 100, 1, 1), date(c * 100 + 99, 12, 31), "century")


def part(p: Period, mod: str) -> Period:
    """The first (START), middle (MID) or last (END) third of `p`, keeping its value and precision."""
    n = (p.last - p.first).days + 1
    k = math.ceil(n / 3)
    if mod == "START":
        return replace(p, last=p.first + timedelta(days=k - 1))
    if mod == "END":
        return replace(p, first=p.last - timedelta(days=k - 1))
    if mod == "MID":
        return replace(p, first=p.first + timedelta(days=k), last=p.last - timedelta(days=k))
    return p


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1
