"""Line shapes that mark captions, photo credits and bylines.

The patterns follow the structure of these lines (a label and a colon, an agency slash a name, capitalised
names after "By") rather than lists of photographers or writers, so they work on sources never seen before.
"""
from __future__ import annotations

import re

# Capitals: ASCII and Latin-1 ("Álvarez", "Øster"); Python's re has no Unicode uppercase class.
_UP = "A-ZÀ-ÖØ-Þ"
_NAME = rf"[{_UP}][\w'’.-]*"
_PARTICLE = r"(?:de|da|do|dos|du|del|della|di|van|von|der|den|bin|ibn|al|el|la|le)"
_NAMES = rf"{_NAME}(?:\s+(?:{_NAME}|{_PARTICLE})){{0,4}}"
# A person's name in mixed case: "Soe Zeya Tun", not an acronym such as the "AIDS" of "HIV/AIDS".
_PERSON = rf"[{_UP}][a-zß-öø-ÿ][\w'’.-]*(?:\s+(?:{_NAME}|{_PARTICLE})){{0,4}}"
_PEOPLE = rf"{_NAMES}(?:\s+in\s+{_NAMES})?(?:\s*(?:,|and|&)\s*{_NAMES}(?:\s+in\s+{_NAMES})?){{0,5}}"
# Words allowed in the affiliation after a byline's names ("Associated Press writer", "The New York Times").
_ORG_WORD = rf"(?:{_NAME}|of|the|for|and|in|at|writer|writers|correspondent|reporter|staff|editor|contributor)"
_ORG = rf"{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,6}}"

_PHOTO_WORD = r"(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?|Image|IMAGE|Picture|PICTURE|Credit|CREDIT)"

# A credit is what follows the caption: found at a sentence boundary, it runs to the end of the line.
_CREDIT = re.compile(
    rf"""\(?
    (?: (?:[A-Z]{{2,}}\s+){{0,2}}{_PHOTO_WORD}(?:\s+by)?\s*[:/]\s*[^()!?;]{{1,80}}?   # Photo: Heng Sinith / AP
      | [A-Z]{{2,}}(?:\s+[A-Z]{{2,}})?/{_PERSON}(?:/[A-Z][\w ]{{0,20}})?                    # REUTERS/Soe Zeya Tun/File
      | [^()]{{0,60}}?\bGetty\s+Images                                                  # AFP via Getty Images
      | (?:File|FILE)\s+(?:photo|Photo|PHOTO)                                           # File photo
    )\)?\.?""",
    re.X,
)
# Where a credit may begin inside a line: after a sentence, at a bracket, after a spaced dash or bar, or at a
# label such as "Image:" or "AP Photo/" (gallery captions put the credit straight after a name).
_CREDIT_START = re.compile(
    rf"(?<=[.!?”\"’)])\s+|(?=\()|\s[-—–|]\s|\s(?=(?:[A-Z]{{2,}}\s+){{0,2}}{_PHOTO_WORD}(?:\s+by)?\s*[:/])")

_BYLINES = [re.compile(p) for p in (
    rf"(?:By|BY)\s+{_PEOPLE}(?:\s*[,|]\s*{_ORG})?\.?",                                  # By JANE DOE, AP
    rf"(?:Story|Text|Words|Report|Reporting|Written|Writer|Author|Byline)(?:\s+by)?\s*:\s*{_PEOPLE}"
    rf"(?:\s*[,;/|]\s*{_ORG})?\.?",                                                      # Story: Sopheng Cheang
    rf"\(?(?:Additional\s+[Rr]eporting|Reporting|Writing|Editing|Compiled|Research)(?:\s+(?:and|&)\s+\w+)?\s+by\s+"
    rf"{_PEOPLE}"
    rf"(?:\s*;\s*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch)"
    rf"(?:\s+(?:and|&)\s+\w+)?\s+by\s+{_PEOPLE})*\)?\.?",                                # Reporting by X; Editing by Y
    r".{1,300}?\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)"
    r"(?:\s+from\s+[A-Z][\w ,.'’-]{0,60}?)?\.?",                                         # X contributed to this report.
)]


def credit_start(line: str) -> int | None:
    """Offset in `line` where a photo credit begins that runs to the end of the line, else None."""
    starts = [0] + [m.end() for m in _CREDIT_START.finditer(line)]
    for start in starts:
        if _CREDIT.fullmatch(line, start):
            return start
    return None


def caption_kind(line: str) -> str | None:
    """"credit" for a credit standing alone, "caption" for a line that ends with one, else None."""
    start = credit_start(line)
    if start is None:
        return None
    return "credit" if not line[:start].strip(" -—–|") else "caption"


def is_byline(line: str) -> bool:
    return any(p.fullmatch(line) for p in _BYLINES)
