"""The dateline that opens a wire story: "PHNOM PENH —", "BEIRUT, Lebanon (AP) -", "Paris, 3 March (AFP) –".

Recognised by shape: place words (capitals, or title case when an agency or date follows), an optional
", Region", an optional date, an optional "(Agency)", then a dash or colon before the first sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.model.doc import Place, Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_WORD = r"[^\W\d_][\w'’.\-]*"
_PARTICLE = r"(?:de|da|do|dos|du|del|della|di|of|on|upon|au|en|la|le|el|al)"
_PLACE = rf"{_WORD}(?:\s+(?:{_WORD}|{_PARTICLE}(?=\s))){{0,3}}"
_AGENCY = r"\(\s*[^\W\d_][\w.&'’ -]{0,30}\)"
# Dashes: em/en dashes and "--" may touch the words; a single "-", or the "_" of older wire copy
# ("MOSCOW (AP)_ The mayor"), needs a space after it, and before it too unless it follows the agency.
_DASH = r"(?:\s*(?:[—–―]|--)|(?:\s+|(?<=\)))[-_](?=\s))"

_DATELINE = re.compile(
    rf"""(?P<place>{_PLACE})
    (?:,\s*(?!{_MONTH}\s)(?P<region>{_PLACE}))?
    (?:,\s*(?P<date>{_DATE}))?
    (?:\s*(?P<agency>{_AGENCY}))?
    (?P<sep>{_DASH}|:(?=\s|$))""",
    re.X,
)
# Colon labels that open a paragraph in the dateline's shape but name no place.
_LABELS = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION", "EDITORIAL",
           "CORRECTION", "CORRECTED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "FACT CHECK", "REVIEW", "PHOTOS",
           "VIDEO", "ADVISORY", "URGENT", "FLASH", "BULLETIN", "WARNING", "SPOILER"}


@dataclass(frozen=True, slots=True)
class Dateline:
    span: Span          # the dateline words and the dash, as boilerplate
    place: Place        # the place words, as the document's dateline place


def find_dateline(text: str, start: int) -> Dateline | None:
    """The dateline opening the paragraph that begins at `start` in `text`, else None."""
    match = _DATELINE.match(text, start)
    if not match or "\n" in match.group() or _lowercase_follows(text, match.end()):
        return None
    place, region = match.group("place"), match.group("region")
    has_support = bool(match.group("date") or match.group("agency"))
    if not _is_caps(place) and not (has_support and _is_title(place)):
        return None
    if region and not (_is_caps(region) or _is_title(region)):
        return None
    if match.group("sep") == ":" and not has_support and place.upper() in _LABELS:
        return None
    end = match.end("region") if region else match.end("place")
    name = _title(place) + (f", {_title(region)}" if region else "")
    return Dateline(Span.of(text, start, match.end("sep")),
                    Place(name=name, span=Span.of(text, match.start("place"), end), basis="dateline"))


def _lowercase_follows(text: str, end: int) -> bool:
    """A dateline's dash opens a sentence; after a dash in running prose ("NATO — the alliance") it does not."""
    following = text[end:end + 40].lstrip(" \t")
    return bool(following) and following[0].islower()


def _letters(words: str) -> str:
    return "".join(ch for ch in words if ch.isalpha())


def _is_caps(words: str) -> bool:
    letters = _letters(words)
    return len(letters) >= 2 and letters.isupper()


def _is_title(words: str) -> bool:
    return all(w[0].isupper() or re.fullmatch(_PARTICLE, w) for w in words.split())


def _title(words: str) -> str:
    """Title case for words printed in capitals ("PHNOM PENH" -> "Phnom Penh"); abbreviations such as
    "U.S." and words already in mixed case are kept as written."""
    if not _is_caps(words):
        return words
    return re.sub(r"[^\W\d_][^\s\-]*", _title_word, words)


def _title_word(match: re.Match[str]) -> str:
    word = match.group()
    if "." in word.rstrip("."):
        return word
    return word[0] + word[1:].lower()
