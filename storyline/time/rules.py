"""The date rules: calendar dates, months, years, decades, seasons, quarters, weekdays, relative units.

Each rule is a regex over the text and a handler that turns a match into a `Hit`. Patterns never include a
leading preposition ("on Tuesday" -> "Tuesday") but keep determiners and modifiers ("the past year",
"early last week"). Durations, times of day and reference words live in `rules_more`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from storyline.time import dates, normalize
from storyline.time.dates import Period
from storyline.time.lexicon import DECADE_WORDS, HOLIDAYS, MONTHS, NUMBERS, ORDINALS, SEASONS, WEEKDAYS, alt


@dataclass(slots=True)
class Ctx:
    text: str
    dct: date | None
    tense_at: Callable[[int], str | None] | None

    def tense(self, offset: int) -> str | None:
        return self.tense_at(offset) if self.tense_at else None


@dataclass(slots=True)
class Hit:
    type: str = "DATE"
    period: Period | None = None
    value: str | None = None        # overrides period.value (durations, PRESENT_REF, times of day)
    mod: str | None = None
    relative: bool = False
    precision: str | None = None    # overrides period.precision


Handler = Callable[[re.Match[str], Ctx], Hit | None]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler


RULES: list[Rule] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        RULES.append(Rule(name, re.compile(r"(?<![\w$£€'])(?:" + pattern + r")(?!\w)", re.I), fn))
        return fn
    return register


MON = alt(MONTHS)
WD = alt(WEEKDAYS)
REL = r"this past|this coming|last|next|this|past|previous|coming|current|following|upcoming"
# "early"/"the end of" in front of a period: TIMEX3 mod START/MID/END
PRE = (r"(?:(?P<pre>(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close)\s+of|early|earlier|late|later|"
       r"mid)[\s-]+(?:in\s+)?)?")
YEAR = r"(?:1[6-9]\d\d|20\d\d)"


def mod_of(m: re.Match[str]) -> str | None:
    pre = (m.groupdict().get("pre") or "").lower()
    for key, mod in (("beginning", "START"), ("start", "START"), ("early", "START"), ("earlier", "START"),
                     ("end", "END"), ("close", "END"), ("late", "END"), ("middle", "MID"), ("mid", "MID")):
        if key in pre:
            return mod
    return None


def placed(p: Period | None, mod: str | None, *, relative: bool, type_: str = "DATE") -> Hit:
    """A hit for period `p`, narrowed to the part `mod` names (the value keeps the whole period)."""
    if p is not None and mod in ("START", "MID", "END"):
        p = dates.part(p, mod)
    return Hit(type_, p, mod=mod, relative=relative)


def month_word_ok(m: re.Match[str], group: str = "mon") -> bool:
    """"may"/"march" are months only when capitalised; "May" after a capitalised word is a name (Theresa May)."""
    word = m.group(group)
    if word.lower() in ("may", "march") and not word[0].isupper():
        return False
    if word.lower() == "may":
        before = m.string[max(0, m.start(group) - 30):m.start(group)].split()
        if before and before[-1][:1].isupper() and before[-1].lower() not in {"in", "since", "by", "until", "last",
                                                                               "next", "this", "early", "late", "mid"}:
            return False
    return True


def _mkday(y: int, mo: int, d: int) -> Period | None:
    try:
        return dates.day(date(y, mo, d))
    except ValueError:
        return None


def calendar_day(m: re.Match[str], ctx: Ctx, mo: int, d: int) -> Hit | None:
    y = m.group("y")
    if y:
        p = _mkday(int(y), mo, d)
        return Hit("DATE", p) if p else None
    if ctx.dct is None:
        return Hit(relative=True)
    p = normalize.pick(ctx.dct, ctx.tense(m.start()), lambda yy: _mkday(yy, mo, d), window=183)
    return Hit("DATE", p, relative=True) if p else None


@rule("month-day", rf"(?:(?:{WD}),?\s+)?(?P<mon>{MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{YEAR}))?"
      r"(?![:\d]|\s*%|\s+(?:years?|percent|people|per)\b)")
def _month_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if not month_word_ok(m):
        return None
    return calendar_day(m, ctx, MONTHS[m.group("mon").lower()], int(m.group("d")))


@rule("day-month", rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<y>{YEAR}))?")
def _day_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if not month_word_ok(m):
        return None
    return calendar_day(m, ctx, MONTHS[m.group("mon").lower()], int(m.group("d")))


@rule("iso-date", r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)")
def _iso(m: re.Match[str], ctx: Ctx) -> Hit | None:
    p = _mkday(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return Hit("DATE", p) if p else None


@rule("numeric-date", r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})")
def _numeric(m: re.Match[str], ctx: Ctx) -> Hit | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a > 12 >= b:
        p = _mkday(y, b, a)
    elif b > 12 >= a or a == b:
        p = _mkday(y, a, b)
    else:
        return None   # 05/08/2018: May 8 or 5 August - do not guess
    return Hit("DATE", p) if p else None


@rule("month", PRE + rf"(?:(?P<rel>{REL})\s+)?(?P<mon>{MON})(?:,?\s+(?:of\s+)?(?P<y>{YEAR})|"
      r"\s+(?P<ly>last|next|this)\s+year)?(?!\s*\d)")
def _month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m.group("mon")
    # a bare lower-case or abbreviated month ("march", "Dec.") is too often something else
    odd = not month_word_ok(m) or (not word[0].isupper() and not m.group("rel")) or word.endswith(".")
    if odd and not m.group("y"):
        return None
    mo, mod = MONTHS[word.lower()], mod_of(m)
    if m.group("y"):
        return placed(dates.month(int(m.group("y")), mo), mod, relative=False)
    if ctx.dct is None:
        return Hit(relative=True, mod=mod)
    dct, rel, ly = ctx.dct, (m.group("rel") or "").lower(), (m.group("ly") or "").lower()
    if ly:
        return placed(dates.month(dct.year + normalize.STEP[ly], mo), mod, relative=True)
    if rel in ("last", "past", "previous", "this past"):
        y = dct.year if mo < dct.month else dct.year - 1
    elif rel in ("next", "coming", "following", "upcoming", "this coming"):
        y = dct.year if mo > dct.month else dct.year + 1
    elif rel in ("this", "current"):
        y = dct.year
    else:
        return placed(normalize.pick(dct, ctx.tense(m.start()), lambda yy: dates.month(yy, mo)), mod, relative=True)
    return placed(dates.month(y, mo), mod, relative=True)


# a four-digit number followed by a plural noun or a people word is a count, not a year ("2000 troops")
_COUNTED = r"\s+(?:(?!was|is|has|as|its|his|this|thus|plus)[a-z]+s|people|men|women|children|police|staff)\b"


@rule("year", PRE + rf"(?:(?P<fy>fiscal)\s+(?:year\s+)?)?(?<!\d[/.])(?P<y>{YEAR})"
      r"(?![.,/]\d|-\d\d-|\s*%|" + _COUNTED + ")")
def _year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return placed(dates.year(int(m.group("y"))), mod_of(m), relative=False)


@rule("decade", PRE + r"(?:the\s+)?(?:(?P<pre2>early|mid|late)[\s-]+)?(?:(?P<dec>1[6-9]\d|20\d)0|'(?P<d2>\d)0)'?s")
def _decade(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m.group("dec"):
        d = int(m.group("dec"))
    else:
        d = 190 + int(m.group("d2"))
        if ctx.dct is not None and d * 10 > ctx.dct.year:
            d -= 10
    pre2 = (m.group("pre2") or "").lower()
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(pre2) or mod_of(m)
    return placed(dates.decade(d), mod, relative=False)


@rule("decade-word", PRE + rf"the\s+(?:(?P<pre2>early|mid|late)[\s-]+)?(?P<w>{alt(DECADE_WORDS)})")
def _decade_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if ctx.dct is None:
        return Hit(relative=True)
    d = ctx.dct.year // 100 * 10 + DECADE_WORDS[m.group("w").lower()]
    if d * 10 > ctx.dct.year:
        d -= 10
    pre2 = (m.group("pre2") or "").lower()
    return placed(dates.decade(d), {"early": "START", "mid": "MID", "late": "END"}.get(pre2) or mod_of(m),
                  relative=True)


@rule("century", PRE + r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<rel>last|this|next|past|previous))"
      r"[\s-]+century")
def _century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m.group("n"):
        return placed(dates.century(int(m.group("n")) - 1), mod_of(m), relative=False)
    if ctx.dct is None:
        return Hit(relative=True)
    return placed(normalize.shifted(ctx.dct, "century", normalize.STEP[m.group("rel").lower()]), mod_of(m),
                  relative=True)


@rule("season", PRE + rf"(?:(?P<the>the)\s+)?(?:(?P<rel>{REL})\s+)?(?P<s>{alt(SEASONS)})"
      rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?")
def _season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    code, rel, y = SEASONS[m.group("s").lower()], (m.group("rel") or "").lower(), m.group("y")
    if not (rel or y or m.group("the") or m.group("pre")):
        return None
    if not (rel or y) and re.match(r"\s+of\b", ctx.text[m.end():]):
        return None   # "the fall of Rome"
    mod = mod_of(m)
    if y:
        return placed(dates.season(int(y), code), mod, relative=False)
    if ctx.dct is None:
        return Hit(relative=True)
    tense = ctx.tense(m.start())
    if rel in ("last", "past", "previous", "this past"):
        tense = "past-strict"
    elif rel in ("next", "coming", "following", "upcoming", "this coming"):
        tense = "future-strict"
    make: Callable[[int], Period] = lambda yy: dates.season(yy, code)  # noqa: E731
    if tense == "past-strict":
        p = max((make(yy) for yy in (ctx.dct.year - 1, ctx.dct.year)
                 if make(yy).last < ctx.dct), key=lambda x: x.first)
    elif tense == "future-strict":
        p = min((make(yy) for yy in (ctx.dct.year, ctx.dct.year + 1)
                 if make(yy).first > ctx.dct), key=lambda x: x.first)
    else:
        p = normalize.pick(ctx.dct, tense, make)
    return placed(p, mod, relative=True)


QPAT = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"


@rule("quarter", PRE + r"(?:the\s+(?!(?:fiscal\s+)?\w+-quarter))?"   # "the third-quarter loss": adjective
      rf"(?:(?P<rel>{REL}|same)\s+)?(?:(?P<fy0>fiscal)\s+)?" + QPAT +
      rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR}))?")
def _quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    q, mod = ORDINALS[m.group("q").lower()], mod_of(m)
    if m.group("y"):
        return placed(dates.quarter(int(m.group("y")), q), mod, relative=False)
    if ctx.dct is None:
        return Hit(relative=True)
    rel = (m.group("rel") or "").lower()
    p = normalize.quarter_named(ctx.dct, q)
    if rel in ("last", "previous", "past"):
        p = dates.quarter(ctx.dct.year - 1, q) if p.first > ctx.dct or rel == "last" and q >= \
            dates.quarter_of(ctx.dct) else p
    elif rel in ("next", "coming"):
        p = dates.quarter(ctx.dct.year + (q <= dates.quarter_of(ctx.dct)), q)
    return placed(p, mod, relative=True)


@rule("year-quarter", rf"(?P<y>{YEAR})(?:'s)?\s+(?:fiscal\s+)?" + QPAT + r"|Q(?P<qn>[1-4])\s+(?P<y2>" + YEAR + ")")
def _year_quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    q = int(m.group("qn")) if m.group("qn") else ORDINALS[m.group("q").lower()]
    return Hit("DATE", dates.quarter(int(m.group("y") or m.group("y2")), q))


@rule("the-quarter", rf"(?:the|this|last|next)\s+(?:(?P<w>latest|current|recent|previous|past|{REL})\s+)?"
      r"(?:fiscal\s+)?quarter(?!\s+of\b|-)")
def _the_quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if ctx.dct is None:
        return Hit(relative=True)
    head = m.group(0).split()[0].lower()
    w = (m.group("w") or head).lower()
    # a report's "the quarter" is the one just ended; "this/current quarter" the running one
    k = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(w, -1)
    return Hit("DATE", normalize.shifted(ctx.dct, "quarter", k), relative=True)


@rule("holiday", rf"(?:(?P<rel>{REL})\s+)?(?P<h>{alt(HOLIDAYS)}|thanksgiving(?:\s+day)?)(?:,?\s+(?P<y>{YEAR}))?")
def _holiday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    name = m.group("h").lower()

    def make(y: int) -> Period:
        if name.startswith("thanksgiving"):   # US: fourth Thursday of November
            first = date(y, 11, 1)
            return dates.day(date(y, 11, 1 + (3 - first.weekday()) % 7 + 21))
        return dates.day(date(y, *HOLIDAYS[name]))
    if m.group("y"):
        return Hit("DATE", make(int(m.group("y"))))
    if ctx.dct is None:
        return Hit(relative=True)
    rel = (m.group("rel") or "").lower()
    tense = "past" if rel in ("last", "past", "this past") else "future" if rel in ("next", "coming") else \
        ctx.tense(m.start())
    return Hit("DATE", normalize.pick(ctx.dct, tense, make), relative=True)


_SPELLED = alt([w for w in NUMBERS if 10 <= NUMBERS[w] < 100 and " " not in w])


@rule("spelled-year", PRE + rf"(?:the\s+year\s+)?(?P<c>nineteen|two\s+thousand(?:\s+and)?)\s+(?P<n>{_SPELLED}|"
      r"one|two|three|four|five|six|seven|eight|nine)|(?:the\s+year\s+)two\s+thousand")
def _spelled_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    if not m.group("c"):
        return Hit("DATE", dates.year(2000))
    n = NUMBERS[m.group("n").lower()]
    base = 1900 if m.group("c").lower() == "nineteen" else 2000
    if base == 1900 and n < 10:
        return None   # "nineteen five" is not how years are said
    return placed(dates.year(base + n), mod_of(m), relative=False)
