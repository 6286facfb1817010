"""The geoparsing scorer on hand-made gold/system pairs, the interval matcher and distance, the country index on a
tiny hand-made GeoNames extract, and record counts of the real GeoWebNews and LGL files."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from storyline.eval.geo import GoldToponym, read_geowebnews, read_lgl, score_geo, summarise
from storyline.eval.geometry import CountryIndex, DocumentTimeout, haversine_km, match_spans, time_limit
from storyline.eval.shared import shared_root
from storyline.model.doc import Place, Span

TEXT = "Flooding hit Paris and Lyon on Monday, while Texas stayed dry. Berlin reacted."


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _gold(word: str, lat: float | None, lon: float | None, gid: int | None = None,
          country: str | None = None) -> GoldToponym:
    s, e = _at(word)
    return GoldToponym(s, e, word, "Literal", lat, lon, gid, country)


def _ours(start: int, end: int, **kw: object) -> Place:
    return Place(name=TEXT[start:end], span=Span.of(TEXT, start, end), **kw)  # type: ignore[arg-type]


def test_haversine_known_distances() -> None:
    assert haversine_km(48.8566, 2.3522, 48.8566, 2.3522) == 0.0
    # Paris - London is about 344 km; one degree of latitude about 111.2 km
    assert 340 < haversine_km(48.8566, 2.3522, 51.5074, -0.1278) < 348
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.05)


def test_match_spans_is_one_to_one_and_prefers_the_exact_nested_extent() -> None:
    gold = [(0, 30), (16, 30), (40, 45)]           # a long mention, one nested in it, and one far away
    system = [(16, 30), (0, 10), (50, 55)]
    assert match_spans(gold, system) == [(0, 1), (1, 0)]
    # two system spans over one gold span: only the one covering more of it is matched
    assert match_spans([(0, 10)], [(0, 4), (5, 10)]) == [(0, 1)]


def test_score_geo_recognition_resolution_and_country() -> None:
    gold = [
        _gold("Paris", 48.85341, 2.3488, 2988507, "FRA"),
        _gold("Lyon", 45.74846, 4.84671, 2996944, "FRA"),
        _gold("Texas", 31.25044, -99.25061, 4736286, "USA"),
        _gold("Berlin", 52.52437, 13.41053, None, "DEU"),
    ]
    berlin = _at("Berlin")[0]
    ours = [
        _ours(*_at("Paris"), country="FRA", lat=48.85341, lon=2.3488, geonames_id=2988507),     # exact by id
        _ours(*_at("Lyon"), country="FRA", lat=45.76, lon=4.84, geonames_id=9999999),  # wrong id, 1-2 km off
        _ours(*_at("Texas"), country="MEX"),                                            # no coordinates
        _ours(*_at("Monday"), country="FRA"),                                           # spurious
        _ours(berlin, berlin + 3, country="DEU", lat=52.0, lon=13.41053),                # partial span
    ]
    res = summarise(score_geo(gold, ours))
    rec = res["recognition"]
    assert (rec["gold"], rec["system"], rec["matched"]) == (4, 5, 4)
    assert rec["p"] == pytest.approx(0.8) and rec["r"] == 1.0
    rs = res["resolution"]
    # Berlin has no gold id: exact only by distance, and 58 km is not exact but is within 161 km
    assert (rs["resolvable"], rs["no_coords"], rs["exact"], rs["near"], rs["with_error"]) == (4, 1, 1, 3, 3)
    assert rs["exact_acc"] == 0.25 and rs["acc161"] == 0.75
    berlin_km = haversine_km(52.52437, 13.41053, 52.0, 13.41053)
    lyon_km = haversine_km(45.74846, 4.84671, 45.76, 4.84)
    assert rs["mean_error_km"] == pytest.approx((0 + lyon_km + berlin_km) / 3)
    assert (res["country"]["gold"], res["country"]["correct"]) == (4, 3)


def test_score_geo_counts_unmatched_gold_against_recall_only() -> None:
    gold = [_gold("Paris", 48.85, 2.35), _gold("Lyon", None, None)]
    res = summarise(score_geo(gold, []))
    assert res["recognition"]["r"] == 0.0 and res["recognition"]["p"] == 0.0
    assert res["resolution"]["resolvable"] == 0 and res["resolution"]["exact_acc"] is None
    assert res["recall_by_type"]["Literal"] == {"gold": 2, "found": 0, "r": 0.0}


def test_exact_by_distance_when_either_side_lacks_an_id() -> None:
    gold = [_gold("Paris", 48.85341, 2.3488, None)]
    near = summarise(score_geo(gold, [_ours(*_at("Paris"), lat=48.857, lon=2.35, geonames_id=1)]))
    assert near["resolution"]["exact"] == 1
    far = summarise(score_geo(gold, [_ours(*_at("Paris"), lat=48.9, lon=2.35)]))
    assert far["resolution"]["exact"] == 0 and far["resolution"]["near"] == 1


def _tiny_geonames(tmp_path: Path) -> Path:
    (tmp_path / "countries.json").write_text(json.dumps({
        "FR": {"geonameid": 3017382, "iso": "FR", "iso3": "FRA"},
        "DE": {"geonameid": 2921044, "iso": "DE", "iso3": "DEU"}}))
    (tmp_path / "us_states.json").write_text(json.dumps({"TX": {"code": "TX", "geonameid": 4736286}}))
    (tmp_path / "cities500.json").write_text(json.dumps({
        "2988507": {"geonameid": 2988507, "latitude": 48.85341, "longitude": 2.3488, "countrycode": "FR"},
        "2950159": {"geonameid": 2950159, "latitude": 52.52437, "longitude": 13.41053, "countrycode": "DE"}}))
    (tmp_path / "continents.json").write_text(json.dumps({
        "EU": {"geonameId": 6255148, "lat": "48.69096", "lng": "9.14062"}}))
    return tmp_path


def test_country_index_by_id_by_point_and_never_for_continents(tmp_path: Path) -> None:
    idx = CountryIndex(_tiny_geonames(tmp_path))
    assert idx.of(3017382, None, None) == "FRA"          # a country
    assert idx.of(4736286, None, None) == "USA"          # a US state
    assert idx.of(None, 48.80, 2.30) == "FRA"             # a point near Paris
    assert idx.of(123, 52.40, 13.0) == "DEU"              # an unknown id falls back to the point
    assert idx.of(None, 0.0, -30.0) is None               # open Atlantic: nothing within reach
    assert idx.of(6255148, 48.69096, 9.14062) is None     # Europe, by id
    assert idx.of(None, 48.69096, 9.14062) is None        # Europe, by its point


def test_time_limit_turns_a_stuck_document_into_an_exception() -> None:
    with pytest.raises(DocumentTimeout), time_limit(1):
        time.sleep(3)
    with time_limit(5):
        pass


def _set_root(name: str) -> Path:
    root = shared_root() / "gold" / name
    if not root.exists():
        pytest.skip(f"{root} is absent: the shared gold sets are not beside this checkout")
    return root


@pytest.mark.shared
def test_read_geowebnews_counts() -> None:
    docs = list(read_geowebnews(_set_root("geowebnews")))
    tops = [t for d in docs for t in d.toponyms]
    assert len(docs) == 200
    assert len(tops) == 2610                              # literal + associative types of the 6,612 spans
    assert sum(t.lat is not None for t in tops) == 2601
    assert sum(t.geonames_id is not None for t in tops) == 2401
    assert sum(d.text[t.start:t.end] == t.name for d in docs for t in d.toponyms) >= 2600


@pytest.mark.shared
def test_read_lgl_counts() -> None:
    docs = list(read_lgl(_set_root("lgl")))
    tops = [t for d in docs for t in d.toponyms]
    assert len(docs) == 588 and len(tops) == 5088
    assert sum(t.lat is not None for t in tops) == 4462
    assert all(d.text[t.start:t.end] == t.name for d in docs for t in d.toponyms)
    assert docs[0].date == "2009-03-20"
