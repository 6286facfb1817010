"""The offline GeoNames gazetteer: places by name, with points, countries, ADM1 codes and populations.

The data is one SQLite file, `storyline/data/gazetteer.sqlite`, built by scripts/build_gazetteer.py. It is opened
read-only on the first lookup (not on import), and lookups are cached, so a run that never asks pays nothing.
"""
from __future__ import annotations

import functools
import math
import sqlite3
import threading
from dataclasses import dataclass
from importlib import resources

from storyline.errors import StorylineError
from storyline.reference.names import name_variants, normalise  # noqa: F401 - one folding for every name index

DB_FILE = "gazetteer.sqlite"
SCALE = 100_000   # points are stored as integers in 1e-5 degrees

# Feature codes, most prominent first: what a bare name means when nothing else decides.
COUNTRY, ADM1, CONTINENT, CAPITAL, SEAT, CITY = "PCLI", "ADM1", "CONT", "PPLC", "PPLA", "PPL"
PRECISION = {COUNTRY: "country", CONTINENT: "country", ADM1: "adm1", CAPITAL: "city", SEAT: "city", CITY: "city"}


@dataclass(frozen=True, slots=True)
class GeoPlace:
    id: int                  # GeoNames id; negative for an ADM1 region the source packages give no id
    name: str
    ascii: str
    lat: float
    lon: float
    country: str | None      # ISO3; None for a continent
    admin1: str | None       # GeoNames admin1 code within the country
    population: int
    fcode: str               # PCLI | ADM1 | CONT | PPLC | PPLA | PPL

    @property
    def precision(self) -> str:
        return PRECISION.get(self.fcode, "point")

    @property
    def geonames_id(self) -> int | None:
        return self.id if self.id > 0 else None


_lock = threading.Lock()
_COLUMNS = "id, name, ascii, lat, lon, country, admin1, population, fcode"


@functools.cache
def _connection() -> sqlite3.Connection:
    path = resources.files("storyline").joinpath("data", DB_FILE)
    try:
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    except sqlite3.OperationalError:
        raise StorylineError("E002", path=str(path)) from None


def _rows(sql: str, args: tuple[object, ...]) -> list[GeoPlace]:
    with _lock:
        found = _connection().execute(sql, args).fetchall()
    return [GeoPlace(gid, name, ascii_ or name, lat / SCALE, lon / SCALE, country, admin1, pop, fcode)
            for gid, name, ascii_, lat, lon, country, admin1, pop, fcode in found]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@functools.lru_cache(maxsize=16384)
def _by_key(key: str) -> tuple[GeoPlace, ...]:
    sql = f"SELECT {_COLUMNS} FROM place WHERE id IN (SELECT place FROM name WHERE key = ?) ORDER BY population DESC"
    return tuple(_rows(sql, (key,)))


def candidates(name: str) -> list[GeoPlace]:
    """Every place a name may denote, the most populous first; "the"/possessive forms are tried bare too."""
    for k in name_variants(name):
        found = _by_key(k)
        if found:
            return list(found)
    return []


@functools.lru_cache(maxsize=1024)
def country(iso3: str) -> GeoPlace | None:
    """The country record (its representative point) for an ISO3 code, or None."""
    # Literal fcodes: SQLite uses the partial index "region" only when the query's WHERE implies the index's.
    found = _rows(f"SELECT {_COLUMNS} FROM place WHERE fcode IN ('PCLI', 'ADM1') AND fcode = 'PCLI' AND country = ?",
                  (iso3,))
    return found[0] if found else None


@functools.lru_cache(maxsize=4096)
def admin1(iso3: str, code: str) -> GeoPlace | None:
    """The ADM1 region with this GeoNames admin1 code in a country, or None."""
    found = _rows(f"SELECT {_COLUMNS} FROM place WHERE fcode IN ('PCLI', 'ADM1') AND fcode = 'ADM1' AND country = ?"
                  " AND admin1 = ?", (iso3, code))
    return found[0] if found else None


def capital_country(name: str) -> str | None:
    """ISO3 of the country whose capital this name is ("Washington" -> "USA"), else None; the most populous
    town of that name must be the capital, so "Paris, Texas" never reads as France's government."""
    town = next((p for p in candidates(name) if p.fcode.startswith("PPL")), None)   # past a same-named ADM1
    return town.country if town is not None and town.fcode == "PPLC" else None
