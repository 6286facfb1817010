"""The "dct" stage: infer the article date when none was given.

Evidence, strongest first: a line near the top that is only a date ("March 01, 2008", as Wikinews and many
sites print one under the headline), a date in the dateline ("LONDON, May 3 (Reuters) -"; a year-less one takes its year
from the url or the text), a date in the url path ("/2018/08/28/"), then the text itself: a relative expression
and an absolute one naming the same thing ("election sweep last month" + "the July 29 general election" ->
August; "protest four years ago" + "the July 15, 2014, protest" -> 2018; see `dct_text`).

`Document.date` is an ISO day, so it is set only when the evidence gives the day; then `date_inferred` is set
too. A month or a year is left in a note and the date stays None: a guessed day would resolve every "Tuesday"
and "last week" in the article wrongly while looking certain. Weekday names are not used to pick the day:
"freed Tuesday" only says the article is from within a week after some Tuesday, and a month has four of them.
The clock is never read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from storyline.model.doc import Document
from storyline.time import dct_text
from storyline.time.lexicon import MONTHS, alt

STAGE = "dct"
_Y = r"(?P<y>(?:19|20)\d\d)"
# url paths: /2018/08/28/, /2018-08-28-slug, /20180828/, then /2018/08/ (month) and /2018/ (year)
_URL_FORMS = (
    re.compile(_Y + r"[/_-](?P<m>0?[1-9]|1[0-2])[/_-](?P<d>0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(_Y + r"(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=/)"),
    re.compile(_Y + r"/(?P<m>0[1-9]|1[0-2])(?=/)"),
    re.compile(_Y + r"(?=/)"),
)
_MON = alt(MONTHS)
_WD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
# a line that is only a date, near the top: "March 01, 2008", "Published: Tuesday 28 August 2018 10:02 BST"
_DATE_ONLY_LINE = re.compile(
    rf"\s*(?:(?:published|posted|updated|last updated|date)(?:\s+on)?:?\s+)?(?:{_WD})?"
    rf"(?:(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MON}),?)"
    rf"\s+{_Y}(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*", re.I)
_TOP_LINES = 5   # a date line sits under the headline or byline, not further down
_DATELINE_DATE = re.compile(rf"(?:(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_MON}))"
                            rf"(?:,?\s+{_Y})?(?!\d)", re.I)


@dataclass(slots=True)
class DateGuess:
    """What the evidence says about the article date: an ISO value at `precision` (day, month or year)."""

    value: str
    precision: str
    basis: str                    # dateline | url | text, joined with "+" when combined
    evidence: list[str] = field(default_factory=list)


def infer_dct(doc: Document) -> Document:
    if doc.date:
        return doc
    guess = infer_date(doc)
    if guess is None:
        doc.note(STAGE, "No article date given and none could be inferred: relative dates stay unresolved.")
    elif guess.precision == "day":
        doc.date, doc.date_inferred = guess.value, True
        doc.note(STAGE, f"Article date inferred as {guess.value} from the {guess.basis}: {_said(guess)}.")
    else:
        doc.note(STAGE, f"Article date not set: the {guess.basis} gives only the {guess.precision} "
                        f"{guess.value} ({_said(guess)}); relative dates stay unresolved.")
    return doc


def _said(guess: DateGuess) -> str:
    return "; ".join(guess.evidence)


def infer_date(doc: Document) -> DateGuess | None:
    """The best-supported article date for `doc`, at the precision the evidence allows; None without any."""
    printed = date_line(doc.text)
    if printed is not None:
        return printed
    line = dateline_date(doc)
    url = url_date(doc.url)
    if line is not None and line.precision == "day":
        return line
    text = text_date(doc.clean_text())
    if line is not None:
        dated = _complete(line, url) or _complete(line, text)
        if dated is not None:
            return dated
    if url is not None and url.precision == "day":
        return url
    if url is not None and text is not None and text.value.startswith(url.value):
        return DateGuess(text.value, text.precision, "url+text", url.evidence + text.evidence)
    return url or text


def dateline_date(doc: Document) -> DateGuess | None:
    """The date printed in the dateline: a day, or "--MM-DD" (precision "month-day") when it has no year."""
    for b in doc.boilerplate:
        if b.kind != "dateline":
            continue
        m = _DATELINE_DATE.search(b.span.text)
        if m is None:
            continue
        mon = MONTHS[(m.group("mon") or m.group("mon2")).lower()]
        day = int(m.group("d") or m.group("d2"))
        said = [f"dateline {b.span.text.strip()!r}"]
        if m.group("y"):
            found = _day(int(m.group("y")), mon, day)
            return DateGuess(found, "day", "dateline", said) if found else None
        if _day(2000, mon, day):   # a leap year: any month-day that exists at all
            return DateGuess(f"--{mon:02d}-{day:02d}", "month-day", "dateline", said)
    return None


def date_line(text: str) -> DateGuess | None:
    """A line near the top that is only a date ("March 01, 2008"), as news sites print under the headline."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:_TOP_LINES]
    for ln in lines:
        m = _DATE_ONLY_LINE.fullmatch(ln)
        if m is None:
            continue
        mon = MONTHS[(m.group("mon") or m.group("mon2")).lower()]
        found = _day(int(m.group("y")), mon, int(m.group("d") or m.group("d2")))
        if found:
            return DateGuess(found, "day", "date line", [f"date line {ln.strip()!r}"])
    return None


def url_date(url: str | None) -> DateGuess | None:
    """A date in the url path, at the precision the path gives."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I)
    for form in _URL_FORMS:
        for m in form.finditer(path):
            if m.start() and path[m.start() - 1] not in "/_-":
                continue
            groups = m.groupdict()
            said = [f"url path {m.group(0)!r}"]
            if groups.get("d"):
                found = _day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                if found:
                    return DateGuess(found, "day", "url", said)
            elif groups.get("m"):
                return DateGuess(f"{m.group('y')}-{int(m.group('m')):02d}", "month", "url", said)
            else:
                return DateGuess(m.group("y"), "year", "url", said)
    return None


def text_date(text: str) -> DateGuess | None:
    """What linked relative and absolute expressions in `text` say, summarised at day, month or year."""
    constraints = dct_text.text_constraints(text)
    bounds, used = dct_text.solve(constraints)
    if bounds is None:
        return None
    lo, hi = bounds
    said = [c.why for c in used]
    if lo == hi:
        return DateGuess(lo.isoformat(), "day", "text", said)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return DateGuess(f"{lo.year:04d}-{lo.month:02d}", "month", "text", said)
    if lo.year == hi.year:
        return DateGuess(f"{lo.year:04d}", "year", "text", said)
    return None


def _complete(line: DateGuess, other: DateGuess | None) -> DateGuess | None:
    """A year-less dateline date with the year `other` gives (its only year, or the one its month allows)."""
    if other is None:
        return None
    mon, day = int(line.value[2:4]), int(line.value[5:7])
    year = int(other.value[:4])
    if other.precision == "month" and int(other.value[5:7]) != mon:
        return None   # the text and the dateline disagree on the month: trust neither's year
    found = _day(year, mon, day)
    if found is None:
        return None
    return DateGuess(found, "day", f"dateline+{other.basis}", line.evidence + other.evidence)


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
