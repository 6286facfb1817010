"""Words the time rules are built from: months, weekdays, number words, units, seasons, parts of day.

Each table maps a lower-cased surface form to what it means; `alt()` turns a table into a regex alternation
(longest first, so "sept." wins over "sep").
"""
from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"), start=1):
    MONTHS[_name] = _i
    MONTHS[_name[:3] + "."] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept."] = MONTHS["sept"] = 9
# "mar", "may" and "jun" without a dot are too often other words; "March"/"May" are checked for capitals.
for _bad in ("mar", "jun", "jan", "dec", "aug", "oct", "nov", "feb", "apr", "jul", "sep", "may."):
    MONTHS.pop(_bad, None)

WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")):
    WEEKDAYS[_name] = _i
    WEEKDAYS[_name[:3] + "."] = _i
WEEKDAYS["tues."] = 1
WEEKDAYS["thurs."] = 3

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
for _t, _tw in enumerate(_TENS, start=2):
    NUMBERS[_tw] = _t * 10
    for _u in range(1, 10):
        NUMBERS[f"{_tw}-{_UNITS[_u]}"] = _t * 10 + _u
        NUMBERS[f"{_tw} {_UNITS[_u]}"] = _t * 10 + _u
NUMBERS.update({"a": 1, "an": 1, "a single": 1, "one hundred": 100, "a hundred": 100, "hundred": 100,
                "a couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12, "a thousand": 1000})
# Vague quantities: the count is unknown ("several years" -> PXY).
VAGUE = ("a few", "few", "several", "many", "some", "a number of", "the few", "numerous")

ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
                            "4th": 4, "last": 4, "final": 4}

# unit word -> (ISO 8601 duration letter, whether it goes after the T of a duration)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "month": ("M", False), "year": ("Y", False), "quarter": ("Q", False),
    "decade": ("DE", False), "century": ("CE", False), "weekend": ("WE", False), "night": ("NI", False),
}
UNIT_PLURALS = {"centuries": "century", "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
                "weeks": "week", "months": "month", "years": "year", "quarters": "quarter", "decades": "decade",
                "weekends": "weekend", "nights": "night"}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# month ranges (first, last) of each season, northern hemisphere; winter runs into the next year
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

# fixed-date holidays: name -> (month, day)
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
            "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
            "valentine's day": (2, 14), "independence day": (7, 4), "bastille day": (7, 14)}

DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}


def alt(words: object) -> str:
    """A regex alternation of `words`, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def number(word: str) -> int | None:
    """The integer a number word or numeral stands for; None for vague ones ("several")."""
    w = word.lower().replace(",", "").strip()
    if w.isdigit():
        return int(w)
    return NUMBERS.get(w)
