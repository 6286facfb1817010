"""Who held which role when, from the packaged `leaders.tsv` (built by scripts/build_data.py), read on first use."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.reference.files import tsv_rows
from storyline.reference.names import name_variants

LEADERS_FILE = "leaders.tsv"


@dataclass(frozen=True, slots=True)
class Leader:
    name: str             # canonical name, "Hun Sen"
    code: str             # country + role(s), "KHMGOV"
    start: str | None     # ISO date, None when open
    end: str | None


@dataclass(frozen=True, slots=True)
class _Leaders:
    names_by_alias: dict[str, set[str]]
    spans: dict[str, list[tuple[str, str, str]]]   # canonical name -> (code, start, end) rows, one per alias


@functools.cache
def _leaders() -> _Leaders:
    aliases: dict[str, set[str]] = {}
    spans: dict[str, list[tuple[str, str, str]]] = {}
    for name, alias, code, start, end in tsv_rows(LEADERS_FILE):
        aliases.setdefault(alias, set()).add(name)
        spans.setdefault(name, []).append((code, start, end))  # Leader objects are made on demand: loads faster
    for name in spans:  # the canonical name is an alias of every entry
        aliases.setdefault(name.lower(), set()).add(name)
    return _Leaders(aliases, spans)


def _ordered(leaders: list[Leader]) -> tuple[Leader, ...]:
    """Dated roles first (they say more than an undated "elite" tag), the latest start first."""
    latest = sorted(leaders, key=lambda x: (x.start or "", x.end or "9999", x.code), reverse=True)
    return tuple(sorted(latest, key=lambda x: x.start is None and x.end is None))


def leaders_for(alias: str, on: str | None = None) -> list[Leader]:
    """The roles of the people an alias names ("hun sen" -> KHMGOV ...), holding on date `on` (ISO, inclusive)
    when given. Dated roles come first, the latest first; undated ones count as holding on any date."""
    table = _leaders()
    names = set().union(*(table.names_by_alias.get(k, set()) for k in name_variants(alias)))
    found = [Leader(name, code, start or None, end or None)
             for name in sorted(names) for code, start, end in set(table.spans[name])]
    if on is not None:
        found = [x for x in found if (x.start is None or x.start <= on) and (x.end is None or on <= x.end)]
    return list(_ordered(found))
