"""The CAMEO event ontology: every code with its name, Goldstein score, QuadClass and PLOVER equivalent.

Read once from the packaged `storyline/data/cameo.tsv` (built by scripts/build_data.py).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.reference.files import tsv_header, tsv_rows

DATA_FILE = "cameo.tsv"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str              # "0841"
    name: str              # "Return, Release Persons"
    goldstein: float       # conflict (-10) .. cooperation (+10)
    quadclass: int         # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover_type: str       # "RETREAT"; "" where PLOVER drops the code (roots 01, 02)
    plover_mode: str       # "release"; often ""
    plover_context: str    # "legal"; several are joined with ";"


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV as dicts keyed by its header."""
    header = tsv_header(name)
    return [dict(zip(header, row, strict=True)) for row in tsv_rows(name)]


@functools.cache
def all_codes() -> dict[str, CameoCode]:
    """Every code, keyed by its string ("01" .. "2042"), in ontology order."""
    return {row["code"]: CameoCode(row["code"], row["name"], float(row["goldstein"]), int(row["quadclass"]),
                                   row["plover_type"], row["plover_mode"], row["plover_context"])
            for row in read_table(DATA_FILE)}


def get(code: str) -> CameoCode:
    """The entry for a code; KeyError naming the nearest known codes when it is not in the ontology."""
    codes = all_codes()
    key = str(code).strip()
    if key in codes:
        return codes[key]
    prefix = next((p for p in (key[:3], key[:2]) if p and any(c.startswith(p) for c in codes)), "")
    near = [c for c in codes if prefix and c.startswith(prefix)]
    hint = f"; codes starting {prefix}: {', '.join(near[:12])}" if near else ""
    raise KeyError(f"unknown CAMEO code {code!r}: codes are 2-4 digit strings such as '043' or '1451'{hint}")


def root_of(code: str) -> str:
    """The two-digit cue category ("0841" -> "08")."""
    key = str(code).strip()
    if len(key) < 2 or not key[:2].isdigit() or not 1 <= int(key[:2]) <= 20:
        raise KeyError(f"not a CAMEO code: {code!r} (roots run from 01 to 20)")
    return key[:2]
