"""Article dates as given by the user or a record, normalised to ISO days."""
from __future__ import annotations

import datetime as dt
import re

# Year, month, day with "-", "/" or "." between them, optionally followed by a time ("T10:00:00Z",
# " 10:00"). The day is taken as written: a timestamp's zone is not converted, since the article date
# is the day the publisher printed.
_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\S.*)?")


def normalise_date(value: object) -> str | None:
    """ISO "YYYY-MM-DD" for a date-like value; None for empty values; ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_DAY.fullmatch(text)
    if not match:
        raise ValueError(text)
    year, month, day = (int(g) for g in match.groups())
    return dt.date(year, month, day).isoformat()  # raises ValueError for 2018-02-30
