"""The relative rules: weekdays, "last week", "yesterday", "four years ago", durations, times of day,
PRESENT_REF/PAST_REF/FUTURE_REF words and sets ("every week"). Registered into `rules.RULES` on import.
"""
from __future__ import annotations

import re
from datetime import timedelta

from storyline.time import dates, normalize
from storyline.time.lexicon import NUMBERS, PARTS_OF_DAY, UNIT_PLURALS, UNITS, VAGUE, WEEKDAYS, alt, number
from storyline.time.rules import PRE, REL, WD, Ctx, Hit, mod_of, placed, rule

NUM = r"\d+(?:\.\d+)?|" + alt(NUMBERS)
UNIT = alt(list(UNITS) + list(UNIT_PLURALS))
POD = alt(PARTS_OF_DAY)
# words in front of a quantity, with the TIMEX3 mod they give ("nearly three years")
QMODS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
         "nearly": "APPROX", "almost": "APPROX", "more than": "MORE_THAN",
         "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
         "at most": "EQUAL_OR_LESS", "less than": "LESS_THAN", "fewer than": "LESS_THAN"}
QMOD = rf"(?:(?P<qmod>{alt(QMODS)})\s+)?"
DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}


def unit_of(word: str) -> str:
    w = word.lower()
    return UNIT_PLURALS.get(w, w)


def _relative_day(ctx: Ctx, k: int) -> tuple[dates.Period | None, bool]:
    return (dates.day(ctx.dct + timedelta(days=k)) if ctx.dct else None), True


@rule("weekday", r"(?:(?P<pre>early|earlier|late|later)\s+)?(?:(?P<rel>this past|this coming|last|next|this|past|"
      rf"coming)\s+)?(?P<wd>{WD})(?:,?\s+(?P<pod>{POD}))?")
def _weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m.group("wd")
    if word.endswith(".") and not word[0].isupper():
        return None
    if ctx.dct is None:
        return Hit("TIME" if m.group("pod") else "DATE", relative=True)
    rel = (m.group("rel") or "").lower() or None
    d = normalize.weekday(ctx.dct, WEEKDAYS[word.lower()], ctx.tense(m.start()), rel)
    if m.group("pod"):
        code = PARTS_OF_DAY[m.group("pod").lower()]
        return Hit("TIME", dates.day(d), value=f"{d.isoformat()}T{code}", relative=True, precision="day")
    return placed(dates.day(d), mod_of(m), relative=True)


@rule("weekdays", rf"(?:every\s+|each\s+)?(?P<wd>{WD.replace('day', 'days')})|(?:every|each)\s+(?P<wd1>{WD})")
def _weekdays(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = (m.group("wd") or m.group("wd1") or "").lower().rstrip("s")
    if word not in WEEKDAYS:
        return None
    return Hit("SET", value=f"XXXX-WXX-{WEEKDAYS[word] + 1}")


@rule("day-word", PRE + rf"(?P<w>{alt(DAY_WORDS)})(?:\s+(?P<pod>{POD}))?")
def _day_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    p, rel = _relative_day(ctx, DAY_WORDS[m.group("w").lower()])
    if m.group("pod") and p is not None:
        return Hit("TIME", p, value=f"{p.value}T{PARTS_OF_DAY[m.group('pod').lower()]}", relative=rel,
                   precision="day")
    return placed(p, mod_of(m), relative=rel, type_="TIME" if m.group("pod") else "DATE")


@rule("tonight", rf"tonight|overnight|(?P<w>this|last)\s+(?P<pod>{POD})")
def _tonight(m: re.Match[str], ctx: Ctx) -> Hit | None:
    w = (m.group("w") or "").lower()
    code = PARTS_OF_DAY[m.group("pod").lower()] if m.group("pod") else "NI"
    p, rel = _relative_day(ctx, -1 if w == "last" else 0)
    return Hit("TIME", p, value=f"{p.value}T{code}" if p else None, relative=rel, precision="day")


@rule("relative-unit", PRE + rf"(?:(?P<the>the)\s+)?(?P<rel>{REL})\s+(?:(?:fiscal|calendar)\s+)?"
      r"(?P<u>week|month|year|decade|weekend)")
def _relative_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    rel, unit = m.group("rel").lower(), m.group("u").lower()
    story = _story_year(m, ctx) if m.group("the") and unit == "year" else None
    if story is not None and rel in ("previous", "past", "last", "next", "following"):
        return Hit("DATE", dates.year(story + normalize.STEP[rel]), relative=True, mod=mod_of(m))
    if m.group("the") and rel in ("this", "next", "coming", "following") and unit != "weekend":
        return None   # "the next year" is anchored in the story, not the article date
    if ctx.dct is None:
        return Hit(relative=True, mod=mod_of(m))
    if unit == "weekend":
        return placed(normalize.weekend(ctx.dct, ctx.tense(m.start()), rel), mod_of(m), relative=True)
    return placed(normalize.shifted(ctx.dct, unit, normalize.STEP[rel]), mod_of(m), relative=True)


_STORY_YEAR = re.compile(r"(?<![\w$£€.,/-])(1[6-9]\d\d|20\d\d)(?![\w%/-]|[.,]\d)")
_STORY_REACH = 2   # sentences back a story year is looked for (the one holding the phrase and one before)


def _story_year(m: re.Match[str], ctx: Ctx) -> int | None:
    """"It had been held as lawmakers said the previous year's election was rigged": a year-less "the
    previous/following year" counts from the year the story is telling about, when the sentence or the one
    before names one (here "the July 15, 2014, protest" -> 2013), not from the article date."""
    back = ctx.text[max(0, m.start() - 600):m.start()]
    ends = [e.end() for e in re.finditer(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z])|\n\s*\n", back)]
    start = ends[-_STORY_REACH] if len(ends) >= _STORY_REACH else 0
    years = _STORY_YEAR.findall(back[start:])
    return int(years[-1]) if years else None


@rule("the-unit", r"(?P<pre>(?:the\s+)?(?:beginning|start|end|middle|close)\s+of|early|earlier|late|later|mid)"
      r"[\s-]+(?:in\s+)?(?:the|this)\s+(?P<u>week|month|year|decade)|(?P<wk>the\s+weekend)")
def _the_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if ctx.dct is None:
        return Hit(relative=True)
    if m.group("wk"):
        return Hit("DATE", normalize.weekend(ctx.dct, ctx.tense(m.start()), None), relative=True)
    return placed(normalize.shifted(ctx.dct, m.group("u").lower(), 0), mod_of(m), relative=True)


@rule("ago", QMOD + rf"(?P<n>{NUM}|{alt(VAGUE)})?[\s-]*(?P<u>{UNIT})\s+(?:or\s+so\s+)?"
      r"(?P<dir>ago|earlier|later|from\s+now|hence)")
def _ago(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit, n = unit_of(m.group("u")), number(m.group("n") or "")
    sign = -1 if m.group("dir").lower() in ("ago", "earlier") else 1
    mod = QMODS.get((m.group("qmod") or "").lower())
    if unit in ("weekend", "night"):
        return None
    if n is None:   # "several years ago", "months ago"
        return Hit("DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF", relative=True, mod=mod)
    if ctx.dct is None:
        return Hit(relative=True, mod=mod)
    if unit == "year" and n == 1 and sign < 0 and _about_quarters(ctx.text, m.start()):
        return Hit("DATE", year_ago_quarter(ctx), relative=True, mod=mod)
    return Hit("DATE", normalize.ago(ctx.dct, unit, n, sign), relative=True, mod=mod)


def _about_quarters(text: str, offset: int) -> bool:
    """Whether the sentence before `offset` talks about a quarter ("third-quarter profit rose from a year ago")."""
    sentence = re.split(r"[.!?]\s", text[max(0, offset - 300):offset])[-1]
    return re.search(r"\bquarter", sentence, re.I) is not None


def year_ago_quarter(ctx: Ctx) -> dates.Period | None:
    """In a quarterly report, "a year ago" is the last completed quarter one year back."""
    return normalize.shifted(ctx.dct, "quarter", -5) if ctx.dct else None


@rule("year-ago-quarter", r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year-(?:ago|earlier)\s+"
      r"(?:quarter|period)")
def _year_ago_quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", year_ago_quarter(ctx), relative=True)


def duration_value(n: float | None, unit: str, half: bool = False) -> str | None:
    letter, is_time = UNITS[unit]
    if letter in ("WE", "NI"):
        return None
    if n is None:
        return f"PTX{letter}" if is_time else f"PX{'Y' if letter in ('DE', 'CE') else letter}"
    if unit == "quarter":
        n, letter = n * 3, "M"
    elif unit in ("decade", "century"):
        n, letter = n * (10 if unit == "decade" else 100), "Y"
    if half:   # "a year and a half": count in the next smaller unit
        step = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M")}.get(letter)
        if step and not is_time or letter == "H":
            n, letter = n * step[0] + step[0] // 2, step[1]
            is_time = letter in ("H", "M") and unit in ("day", "hour")
    num = int(n) if float(n).is_integer() else n
    return f"PT{num}{letter}" if is_time else f"P{num}{letter}"


@rule("duration", QMOD + rf"(?:(?P<the>the)\s+(?![\w.]+-(?:{UNIT})))?"   # "the 30-day": adjective, no "the"
      r"(?:(?P<rel>past|last|next|first|coming|previous|following|final|remaining|initial)\s+)?"
      rf"(?P<n>{NUM}|{alt(VAGUE)})(?:\s+(?:to|or)\s+(?P<n2>{NUM})|-(?P<n3>\d+))?[\s-]+"
      rf"(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?(?![\s-]+old\b|-)")
def _duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit = unit_of(m.group("u"))
    n_word = m.group("n").lower()
    n = number(n_word)
    if n_word in ("a", "an", "one") and unit in ("weekend", "night"):
        return None
    if n is not None and n >= 1000 and not m.group("u").lower().endswith("s"):
        return None   # "the 1988 quarter" is a year, not 1988 quarters
    if unit == "quarter" and re.search(r"-quarters?$", m.group(0), re.I):
        return None   # "three-quarters" is a fraction
    value = duration_value(n, unit, bool(m.group("half")))
    if value is None:
        return None
    return Hit("DURATION", value=value, mod=QMODS.get((m.group("qmod") or "").lower()))


@rule("vague-units", r"(?:(?P<the>the)\s+)?(?P<w>recent|coming|past\s+few|next\s+few|last\s+few)\s+"
      r"(?P<u>days|weeks|months|years|decades|hours)")
def _vague_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    w, unit = m.group("w").lower(), unit_of(m.group("u"))
    if w == "recent" and unit in ("year", "decade"):
        return Hit("DATE", value="PAST_REF", relative=True)
    return Hit("DURATION", value=duration_value(None, unit))


@rule("plural-units", r"(?<=\bfor\s)(?P<u>days|weeks|months|years|decades|hours|minutes)")
def _plural_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DURATION", value=duration_value(None, unit_of(m.group("u"))))


AMPM = r"a\.m\.?|p\.m\.?|am|pm"
ZONE = r"(?:\s+(?P<z>EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|local\s+time))?"


@rule("clock", QMOD + rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>{AMPM})|(?P<h24>\d{{1,2}}):(?P<m24>\d\d)"
      rf"(?=\s+(?:EST|EDT|GMT|UTC|local)\b)|(?P<w>noon|midnight|midday)){ZONE}(?:,?\s+(?P<wd>{WD}))?")
def _clock(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m.group("w"):
        hh, mi = (24 if m.group("w").lower() == "midnight" else 12), 0
    elif m.group("h24"):
        hh, mi = int(m.group("h24")), int(m.group("m24"))
    else:
        hh, mi = int(m.group("h")), int(m.group("mi") or 0)
        if hh > 12 or hh == 0:
            return None
        pm = m.group("ap").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    if hh > 24 or mi > 59:
        return None
    mod = QMODS.get((m.group("qmod") or "").lower())
    if ctx.dct is None:
        return Hit("TIME", relative=True, mod=mod)
    d = ctx.dct
    if m.group("wd"):
        d = normalize.weekday(ctx.dct, WEEKDAYS[m.group("wd").lower()], ctx.tense(m.start()))
    return Hit("TIME", dates.day(d), value=f"{d.isoformat()}T{hh:02d}:{mi:02d}", relative=True,
               precision="minute" if mi else "hour", mod=mod)


REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF",
        "the present": "PRESENT_REF", "present": "PRESENT_REF",
        "recently": "PAST_REF", "recent": "PAST_REF", "more recently": "PAST_REF", "the past": "PAST_REF",
        "formerly": "PAST_REF", "lately": "PAST_REF", "once": "PAST_REF",
        "the future": "FUTURE_REF", "a later date": "FUTURE_REF",
        "shortly": "FUTURE_REF"}


# "previously", "soon" and a bare "future" are left out: TBAQ-cleaned tags them in under a third of their uses.
@rule("ref", rf"(?P<w>{alt(REFS)})")
def _ref(m: re.Match[str], ctx: Ctx) -> Hit | None:
    w = m.group("w").lower()
    after = ctx.text[m.end():m.end() + 12].lower()
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if w in ("once", "present") and not re.search(r"\b(at|for)\s+$", before):
        return None   # "once" is mostly "as soon as"; "present" mostly the verb
    if w == "current" and re.match(r"\s+(account|affairs|events)", after):
        return None
    if w == "shortly" and re.match(r"\s+(before|after)", after):
        return None
    if w == "now" and re.match(r"\s+that\b", after):
        return None
    value = REFS[w]
    period = None
    if ctx.dct is not None and value == "PRESENT_REF":
        period = dates.day(ctx.dct)
    return Hit("DATE", period, value=value, relative=True, precision="unknown")


@rule("set", r"(?P<adv>daily|weekly|monthly|yearly|hourly|nightly)|(?:every|each|per)\s+"
      r"(?:single\s+)?(?P<u>day|week|month|year|hour|minute|night|morning|evening|season|quarter|decade)")
def _set(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = (m.group("adv") or m.group("u")).lower()
    key = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
           "hourly": "hour", "nightly": "night", "quarterly": "quarter"}.get(word, word)
    value = {"night": "P1D", "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV", "season": "P3M",
             "quarter": "P3M"}.get(key) or duration_value(1, key)
    return Hit("SET", value=value)
