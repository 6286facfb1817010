"""Lines of an article with their offsets, and the line shapes that several ingest steps share."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A headline is short. Wikinews sample titles (295): median 10 words, longest 22 (an interview). In TimeBank
# a broadcast transcript opens with a 25-word question and no other punctuation; so past 16 words a line
# must end with no punctuation at all to count, and past 25 words it never does.
HEADLINE_MAX_WORDS = 25
HEADLINE_PLAIN_WORDS = 16
HEADLINE_MAX_CHARS = 200

_CLOSERS = "\"'”’)]»"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text, trimmed of surrounding whitespace: `text == source[start:end]`."""

    start: int
    end: int
    text: str


def iter_lines(text: str) -> Iterator[Line]:
    """Every non-blank line with the offsets of its trimmed content."""
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        yield Line(start, start + len(stripped), stripped)


def first_line(text: str) -> Line | None:
    return next(iter_lines(text), None)


def squash(text: str) -> str:
    """Whitespace-insensitive, case-insensitive key for comparing lines and titles."""
    return " ".join(text.split()).casefold()


def ends_sentence(text: str) -> bool:
    """Whether the line ends like prose: a period, colon, semicolon or comma, quotes and brackets aside."""
    core = text.rstrip(_CLOSERS + " ")
    return core.endswith((".", ":", ";", ","))


def looks_like_headline(line: str) -> bool:
    """Short, no sentence-final punctuation, and begins with a capital letter or digit."""
    words = line.split()
    if not words or len(words) > HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
        return False
    if ends_sentence(line):
        return False
    return len(words) <= HEADLINE_PLAIN_WORDS or not line.rstrip(_CLOSERS + " ").endswith(("?", "!"))
