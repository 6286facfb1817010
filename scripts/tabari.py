"""Reading TABARI/PETRARCH actor dictionaries (the format of Phoenix.*.actors.txt) for scripts/build_data.py:
head lines, `+` aliases, and `[CODE date-date]` blocks."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class CodeSpan:
    code: str
    start: str | None
    end: str | None


@dataclass
class Head:
    name: str
    comment: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Group:
    """Head lines that share one code block."""
    heads: list[Head] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    bad_dates: int = 0


def parse_date(text: str) -> str | None:
    """TABARI dates are YYMMDD or YYYYMMDD. Two-digit years 00-30 are 20xx: the file uses 00-14 for 2000-2014 and
    31-99 for 1931-1999 and nothing in between, so any pivot from 15 to 30 reads it the same."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        raise ValueError(text)
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()


def parse_code(inner: str) -> CodeSpan:
    """`CODE`, `CODE <D` (until), `CODE >D` (from), `CODE D-D`, or `CODE D`: a bare date reads as a start (the
    two in the file are a government's first day and "entered Foreign Service")."""
    code, _, when = inner.strip().partition(" ")
    when = when.replace(" ", "")
    if not when:
        return CodeSpan(code, None, None)
    if when.startswith("<"):
        return CodeSpan(code, None, parse_date(when[1:]))
    if when.startswith(">"):
        return CodeSpan(code, parse_date(when[1:]), None)
    if "-" in when:
        start, end = (parse_date(d) for d in when.split("-", 1))
        if start > end:
            raise ValueError(when)  # an inverted span is a typo in the source; which half is wrong is unknown
        return CodeSpan(code, start, end)
    return CodeSpan(code, parse_date(when), None)


def add_codes(group: Group, text: str) -> None:
    for inner in re.findall(r"\[([^\]]*)\]", text):
        try:
            group.codes.append(parse_code(inner))
        except ValueError:
            group.bad_dates += 1  # malformed (7, 9 or 10 digits) or inverted dates: drop the span


@functools.cache
def parse_actor_file(path: Path) -> list[Group]:
    groups: list[Group] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text, _, comment = raw.partition("#")
        if not text.strip():
            continue
        if text.startswith("+"):
            if groups and groups[-1].heads:
                groups[-1].heads[-1].aliases.append(text[1:].strip())
        elif text[0] in " \t":
            if groups:
                add_codes(groups[-1], text)
        else:
            name, bracket, rest = text.partition("[")
            if not groups or groups[-1].codes:
                groups.append(Group())
            groups[-1].heads.append(Head(name.strip(), comment.strip()))
            if bracket:
                add_codes(groups[-1], bracket + rest)
    return groups


def surface(raw: str) -> str:
    """A dictionary phrase as text: underscores are spaces, lower-case, accents folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", raw.replace("_", " ").strip("[]")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("\u2019", "'").split())
