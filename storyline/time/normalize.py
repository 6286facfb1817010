"""Placing relative expressions on the calendar: which July, which Tuesday, which "third quarter".

The clause tense picks the direction: a past clause looks back from the article date, a future clause forward,
a present clause takes the nearest; without a tense, news convention looks back (a bare weekday in a news story
is almost always the last one).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from storyline.time import dates
from storyline.time.dates import Period


def pick(dct: date, tense: str | None, make: Callable[[int], Period | None], window: int | None = None
         ) -> Period | None:
    """The year-less period (`make(year)`) the tense points at: last one begun, next one not ended, or nearest.

    With `window` (days): when the tense points more than `window` days away but another candidate lies within
    `window // 3` days, take that one. News omits the year for dates near the article date, so "has set Nov. 10"
    in a Nov. 2 story is 8 days ahead even in a past clause (tuned on TBAQ-cleaned: 183 fixed the deadline cases
    without breaking "the year ended March 31" ones).
    """
    cands = [p for p in (make(y) for y in (dct.year - 1, dct.year, dct.year + 1)) if p is not None]
    if not cands:
        return None
    chosen = _by_tense(dct, tense, cands)
    if window is not None and _distance(chosen, dct) > window:
        nearest = min(cands, key=lambda p: _distance(p, dct))
        if _distance(nearest, dct) <= window // 3:
            return nearest
    return chosen


def _distance(p: Period, dct: date) -> int:
    return 0 if p.first <= dct <= p.last else min(abs((p.first - dct).days), abs((p.last - dct).days))


def _by_tense(dct: date, tense: str | None, cands: list[Period]) -> Period:
    if tense == "past":
        before = [p for p in cands if p.first <= dct]
        return before[-1] if before else cands[0]
    if tense == "future":
        after = [p for p in cands if p.last >= dct]
        return after[0] if after else cands[-1]
    # present or unknown: nearest to the article date; ties go to the past (news reports what happened)
    return min(cands, key=lambda p: (_distance(p, dct), p.first > dct))


def weekday(dct: date, wd: int, tense: str | None, rel: str | None = None) -> date:
    """The date of weekday `wd` (0 = Monday) a clause means.

    "last Friday" is strictly before the article date and "next Friday" strictly after. Otherwise a past clause
    (or no tense) takes the one on or before the article date ("were freed Tuesday" in a Tuesday story is that
    day), a future clause the next one after, a modal clause ("may", "could") the next one on or after the article
    date, a present clause whichever is nearer.
    """
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7 or 7
    if rel in ("last", "past", "this past"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return dct + timedelta(days=ahead)
    if tense == "future":
        return dct + timedelta(days=ahead)
    if tense == "modal":   # "may be freed Thursday": a possibility still open, so today or later
        return dct + timedelta(days=(wd - dct.weekday()) % 7)
    if tense == "present" and back and ahead < back:
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back)


STEP = {"last": -1, "past": -1, "previous": -1, "this past": -1, "this": 0, "current": 0, "present": 0,
        "next": 1, "coming": 1, "following": 1, "upcoming": 1, "this coming": 1}


def shifted(dct: date, unit: str, k: int) -> Period | None:
    """The calendar `unit` (week, month, ...) `k` steps from the one holding the article date."""
    if unit == "day":
        return dates.day(dct + timedelta(days=k))
    if unit == "week":
        return dates.week(dct + timedelta(weeks=k))
    if unit == "month":
        return dates.month(*dates.shift_month(dct.year, dct.month, k))
    if unit == "year":
        return dates.year(dct.year + k)
    if unit == "quarter":
        y, m = dates.shift_month(dct.year, dct.month, 3 * k)
        return dates.quarter(y, dates.quarter_of(date(y, m, 1)))
    if unit == "decade":
        return dates.decade(dct.year // 10 + k)
    if unit == "century":
        return dates.century(dct.year // 100 + k)
    return None


def weekend(dct: date, tense: str | None, rel: str | None) -> Period:
    """"last weekend" is the one before this week's; "this"/"the weekend" follows the tense (news: just past)."""
    k = STEP.get(rel or "this", 0)
    if rel in (None, "this", "the") and dct.weekday() < 5 and tense != "future":
        k = -1   # on a weekday, a weekend talked about in the past is the one just gone
    return dates.weekend(dct + timedelta(weeks=k))


def ago(dct: date, unit: str, n: float, sign: int) -> Period | None:
    """The date `n` units before (sign -1) or after (+1) the article date, at the unit's precision."""
    k = int(n) * sign
    if unit in ("day", "hour", "minute", "second"):
        days = k if unit == "day" else 0
        return dates.day(dct + timedelta(days=days))
    if unit == "week":
        return dates.week(dct + timedelta(weeks=k))
    if unit == "month":
        return dates.month(*dates.shift_month(dct.year, dct.month, k))
    if unit == "quarter":
        return shifted(dct, "quarter", k)
    if unit in ("year", "decade", "century"):
        mult = {"year": 1, "decade": 10, "century": 100}[unit]
        return dates.year(dct.year + k * mult)
    return None


def quarter_named(dct: date, q: int) -> Period:
    """A year-less "third quarter": the latest one begun by the article date, whatever the tense: results are
    announced, expected or awaited after the quarter starts."""
    return pick(dct, "past", lambda y: dates.quarter(y, q)) or dates.quarter(dct.year, q)
