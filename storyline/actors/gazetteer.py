"""Countries (names, demonyms, cities, regions) and who held which role when, from the packaged data.

`countries.tsv` and `leaders.tsv` are built by scripts/build_data.py; both are read once, on first use (the
leaders table only when a leader is first asked for). Lookups are case-insensitive and accent-insensitive.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from storyline.resources import tsv_rows

COUNTRIES_FILE = "countries.tsv"
LEADERS_FILE = "leaders.tsv"


@dataclass(frozen=True, slots=True)
class Leader:
    name: str             # canonical name, "Hun Sen"
    code: str             # country + role(s), "KHMGOV"
    start: str | None     # ISO date, None when open
    end: str | None


@dataclass(frozen=True, slots=True)
class _Countries:
    by_alias: dict[str, tuple[str, str]]   # alias -> (iso3, kind)
    names: dict[str, str]                  # iso3 -> display name
    longest: int


@dataclass(frozen=True, slots=True)
class _Leaders:
    names_by_alias: dict[str, set[str]]
    spans: dict[str, list[tuple[str, str, str]]]   # canonical name -> (code, start, end) rows, one per alias


def _rows(name: str) -> list[list[str]]:
    return tsv_rows(name)


@functools.lru_cache(maxsize=65536)
@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The table form of a surface string: lower-case, accents folded, one space between words."""
    folded = unicodedata.normalize("NFKD", text.replace("_", " ").replace("\u2019", "'"))
    return " ".join("".join(ch for ch in folded if not unicodedata.combining(ch)).lower().split())


def name_variants(alias: str) -> list[str]:
    """The alias, then without a possessive or a leading "the" ("Cambodia's", "the Netherlands")."""
    key = normalise(alias)
    out = [key]
    if key.endswith("'s"):
        out.append(key[:-2])
    if key.startswith("the "):
        out.append(key[4:])
    return out


@functools.cache
def _countries() -> _Countries:
    by_alias: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for iso3, name, kind, alias in _rows(COUNTRIES_FILE):
        by_alias[alias] = (iso3, kind)
        names[iso3] = name
    return _Countries(by_alias, names, max(len(a.split()) for a in by_alias))


@functools.cache
def _leaders() -> _Leaders:
    aliases: dict[str, set[str]] = {}
    spans: dict[str, list[tuple[str, str, str]]] = {}
    for name, alias, code, start, end in _rows(LEADERS_FILE):
        aliases.setdefault(alias, set()).add(name)
        spans.setdefault(name, []).append((code, start, end))  # Leader objects are made on demand: loads faster
    for name in spans:  # the canonical name is an alias of every entry
        aliases.setdefault(name.lower(), set()).add(name)
    return _Leaders(aliases, spans)


def _ordered(leaders: list[Leader]) -> tuple[Leader, ...]:
    """Dated roles first (they say more than an undated "elite" tag), the latest start first."""
    latest = sorted(leaders, key=lambda x: (x.start or "", x.end or "9999", x.code), reverse=True)
    return tuple(sorted(latest, key=lambda x: x.start is None and x.end is None))


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


ORGANISATIONS_FILE = "organisations.tsv"


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str             # "United Nations"
    code: str             # CAMEO-style: "IGOUNO", "NGOHRI", "AFGREB"


@functools.cache
def _organisations() -> tuple[dict[str, Organisation], int]:
    table = {alias: Organisation(name, code) for name, alias, code in _rows(ORGANISATIONS_FILE)}
    return table, max(len(a.split()) for a in table)


def organisation_for(text: str) -> Organisation | None:
    """The international, non-governmental or armed organisation a name names ("the United Nations", "NATO",
    "Human Rights Watch", "Taliban"); acronyms of three letters or fewer only when written in capitals ("UN",
    never "un")."""
    table, _ = _organisations()
    key = normalise(text)
    for k in name_variants(key):
        org = table.get(k)
        if org is not None and (len(k) > 3 or text.strip().removeprefix("the ").isupper()):
            return org
    return None


def max_organisation_words() -> int:
    return _organisations()[1]


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
