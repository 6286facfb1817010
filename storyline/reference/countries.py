"""Countries (names, demonyms, cities, regions) and CAMEO role codes, from the packaged `countries.tsv`.

`countries.tsv` is built by scripts/build_data.py and read once, on first use. Lookups are case-insensitive and
accent-insensitive (reference.names).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.reference.files import tsv_rows
from storyline.reference.names import name_variants

COUNTRIES_FILE = "countries.tsv"


@dataclass(frozen=True, slots=True)
class _Countries:
    by_alias: dict[str, tuple[str, str]]   # alias -> (iso3, kind)
    names: dict[str, str]                  # iso3 -> display name
    longest: int


@functools.cache
def _countries() -> _Countries:
    by_alias: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for iso3, name, kind, alias in tsv_rows(COUNTRIES_FILE):
        by_alias[alias] = (iso3, kind)
        names[iso3] = name
    return _Countries(by_alias, names, max(len(a.split()) for a in by_alias))


def _lookup(alias: str) -> tuple[str, str] | None:
    table = _countries().by_alias
    found = next((table[k] for k in name_variants(alias) if k in table), None)
    if found is None and alias.isupper() and alias.isalpha() and len(alias) <= 4:
        # "US", "UK": the table keeps only the dotted forms, as the bare ones fold onto the pronoun "us"
        found = table.get(".".join(alias.lower()) + ".")
    return found


def country_for(alias: str) -> str | None:
    """ISO3 code for a country name, demonym, city or region ("Cambodian", "Phnom Penh" -> "KHM"), or None."""
    found = _lookup(alias)
    return found[0] if found else None


def alias_kind(alias: str) -> str | None:
    """'country' (names, demonyms), 'city' or 'region' for a known alias; None for an unknown one."""
    found = _lookup(alias)
    return found[1] if found else None


def country_name(iso3: str) -> str:
    """English name for an ISO3 code ("KHM" -> "Cambodia"); KeyError for a code the table lacks."""
    names = _countries().names
    if iso3 not in names:
        raise KeyError(f"unknown country code {iso3!r}: the gazetteer has {len(names)} codes, e.g. KHM, USA")
    return names[iso3]


def max_alias_words() -> int:
    """Words in the longest country alias: the window a longest-match scan over country_for needs."""
    return _countries().longest


# CAMEO role and sector codes: a code that starts with one of these names no country.
ROLE_CODES = frozenset("GOV MIL COP JUD LEG OPP PTY REB INS IGO NGO HRI MED BUS CVL EDU REL LAB ELI SPY REF AGR "
                       "CRM HLH UAF IMG MNC SET UNO NGM RAD MOD CHR MOS JEW BUD HIN".split())


def split_code(code: str) -> tuple[str | None, list[str]]:
    """"KHMGOV" -> ("KHM", ["GOV"]); "IGOUNO" -> (None, ["IGO", "UNO"]): an IGO or NGO code names no country.
    A first part that is no role is taken as a country, so user dictionaries may name countries we lack."""
    parts = [code[i: i + 3] for i in range(0, len(code), 3)]
    if parts and parts[0] not in ROLE_CODES:
        return parts[0], parts[1:]
    return None, parts
