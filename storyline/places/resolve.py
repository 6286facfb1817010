"""Toponym resolution: which GeoNames place a name in this article denotes.

Each candidate gets a score in log10 units of population (so a bonus of 1 is worth a tenfold population):
- prior: log10 of population, plus a feature bonus (a country or continent name almost always means it; a
  capital or region beats an equally big town);
- country context: the countries the article names (names and demonyms), its dateline (counted twice) and its
  actors, weighted by their share of the article's country mentions;
- region context: a candidate inside a region (ADM1) the article names or resolved confidently;
- proximity: a candidate near another place the article names.
Resolution runs twice: the first pass's confident answers (countries, regions, single-candidate names) join the
context for the second. Weights were set by reasoning about news (a named country outweighs a 100-fold
population, a named state a further 30-fold), then checked on GeoWebNews and LGL as wholes, never per name.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from storyline.reference import countries, geonames
from storyline.reference.geonames import ADM1, CAPITAL, CITY, CONTINENT, COUNTRY, GeoPlace, distance_km

FEATURE_BONUS = {COUNTRY: 3.0, CONTINENT: 3.0, ADM1: 1.0, CAPITAL: 2.0}
COUNTRY_WEIGHT = 2.5      # a candidate in the article's main country: a 300-fold population
REGION_WEIGHT = 1.5       # ... and in a region the article names: a further 30-fold
NEAR_KM = 150.0           # "near another place": within a county or two
NEAR_WEIGHT = 1.0
PRIMARY_BONUS = 0.5       # the name is the place's own name, not one of its alternates
CITY_SHARE = 0.25         # a city holding this share of its same-named region's people is what the name means


@dataclass(slots=True)
class Context:
    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: list[tuple[float, float, str]] = field(default_factory=list)   # lat, lon, the mention's key

    def add(self, place: GeoPlace, key: str, weight: int = 1) -> None:
        if place.country:
            self.countries[place.country] += weight
        if place.fcode == ADM1 and place.country and place.admin1:
            self.regions[(place.country, place.admin1)] += weight
        if place.fcode not in (COUNTRY, CONTINENT):
            self.points.append((place.lat, place.lon, key))


# A name that GeoNames knows as a country, region, capital or a city this big is resolved as a place, even where the
# actors' table lists it as a country alias: PETRARCH writes "Washington" for the US government.
BIG_CITY = 100_000


def country_of_alias(name: str) -> GeoPlace | None:
    """The country a country name or demonym denotes ("U.S.", "Britain", "Cambodian"), else None."""
    if countries.alias_kind(name) != "country":
        return None
    if any(c.fcode != CITY or c.population >= BIG_CITY for c in geonames.candidates(name)):
        return None
    iso = countries.country_for(name)
    return geonames.country(iso) if iso else None


def _drop_region_named_for_city(cands: list[GeoPlace]) -> list[GeoPlace]:
    """"Phnom Penh", "New York": a region named after its main city means the city, unless the city is small."""
    cities = [c for c in cands if c.fcode not in (COUNTRY, CONTINENT, ADM1)]
    out = []
    for c in cands:
        if c.fcode == ADM1 and any(x.country == c.country and x.admin1 == c.admin1
                                   and x.population >= CITY_SHARE * c.population for x in cities):
            continue
        out.append(c)
    return out


def score(cand: GeoPlace, key: str, ctx: Context) -> float:
    s = math.log10(cand.population + 10) + FEATURE_BONUS.get(cand.fcode, 0.0)
    if geonames.normalise(cand.name) == key or geonames.normalise(cand.ascii) == key:
        s += PRIMARY_BONUS
    top = max(ctx.countries.values(), default=0)
    if cand.country and top:
        s += COUNTRY_WEIGHT * ctx.countries[cand.country] / top
    if cand.fcode != ADM1 and cand.country and cand.admin1 and ctx.regions[(cand.country, cand.admin1)]:
        s += REGION_WEIGHT
    if cand.fcode not in (COUNTRY, CONTINENT, ADM1) and any(
            k != key and distance_km(cand.lat, cand.lon, lat, lon) <= NEAR_KM for lat, lon, k in ctx.points):
        s += NEAR_WEIGHT
    return s


def resolve(name: str, ctx: Context) -> GeoPlace | None:
    """The best place for a name in this context, or None when the gazetteer has no such name."""
    found = country_of_alias(name)
    if found is not None:
        return found
    cands = _drop_region_named_for_city(geonames.candidates(name))
    if not cands:
        return None
    key = geonames.normalise(name)
    return max(cands, key=lambda c: (score(c, key, ctx), c.population, -c.id))


def confident(name: str) -> GeoPlace | None:
    """A first-pass answer that may serve as context: a country alias, the one country or region a name may
    denote, or a name with one candidate."""
    found = country_of_alias(name)
    if found is not None:
        return found
    cands = _drop_region_named_for_city(geonames.candidates(name))
    areas = [c for c in cands if c.fcode in (COUNTRY, ADM1, CONTINENT)]
    if len(cands) == 1 or len(areas) == 1:
        return areas[0] if areas else cands[0]
    return None
