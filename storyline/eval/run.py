"""`storyline eval`: every gold set, its headline numbers, the anchors' published figures, and the pinned floors.

Each set has a runner (its own module), the path it reads under ../shared, the headline metrics that the report
shows and the floors pin, and the published figure of the anchor system for the same measure where one exists.
The floors file (storyline/eval/floors.json) holds, per set, the checksum of the gold files and the pinned value of
each metric; `check_floors` says which scores fell below (or, for counts of errors, rose above) their pin.
"""
from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLOORS = Path(__file__).with_name("floors.json")


@dataclass(frozen=True)
class Metric:
    key: str                    # dotted path into the set's result dict
    label: str
    anchor: float | None = None  # the anchor system's published figure for this measure
    anchor_name: str = ""
    lower_is_better: bool = False


@dataclass(frozen=True)
class GoldSet:
    name: str
    path: str                   # under ../shared
    describe: str
    metrics: tuple[Metric, ...]
    run: Callable[[Path, int | None], dict[str, Any]] = field(repr=False)


def _tempeval(shared: Path, limit: int | None) -> dict[str, Any]:
    from storyline.eval.tempeval import evaluate

    res = evaluate(shared / "gold/tempeval3/te3-platinum", limit=limit)
    res.pop("errors", None)
    return res


def _events(name: str) -> Callable[[Path, int | None], dict[str, Any]]:
    def run(shared: Path, limit: int | None) -> dict[str, Any]:
        from storyline.eval.events import evaluate_events

        res = evaluate_events(name, shared, limit=limit)
        res.pop("details", None)
        return res

    return run


def _geo(name: str) -> Callable[[Path, int | None], dict[str, Any]]:
    def run(shared: Path, limit: int | None) -> dict[str, Any]:
        from storyline.eval.geo import evaluate_geo

        return evaluate_geo(name, shared / "gold" / name, limit=limit)

    return run


def _meantime(shared: Path, limit: int | None) -> dict[str, Any]:
    from storyline.eval.meantime import evaluate_meantime

    return evaluate_meantime(shared / "gold/meantime_en/meantime_newsreader_english_oct15", limit=limit)


def _realnews(shared: Path, limit: int | None) -> dict[str, Any]:
    from storyline.eval.realnews import evaluate_realnews

    res = evaluate_realnews(shared, limit=limit)
    res.pop("errors", None)
    return res


def _seed(shared: Path, limit: int | None) -> dict[str, Any]:
    from storyline.eval.seed import evaluate_seed

    return evaluate_seed(shared)


HT = "HeidelTime (TempEval-3 paper)"
M3 = "Mordecai3"
# realnews' anchor is human agreement: the second coder against the gold on the 12 articles both coded, measured
# by the same scorer (storyline/eval/realnews.py computes it again under "agreement" on every run, and
# tests/eval checks these figures against it). Salient recall is 0.870: the 0.904 in the set's README row
# "salient recall" is the F1 that score_events.py --salient prints beside that recall.
SC = "second coder"
SETS: dict[str, GoldSet] = {s.name: s for s in (
    GoldSet("realnews", "gold/realnews", "44 Wikinews articles, every event hand-coded (437, 138 salient)", (
        Metric("full.f1", "full F1 (root + actor + date)", 0.862, SC),
        Metric("full.precision", "full precision", 0.941, SC), Metric("full.recall", "full recall", 0.796, SC),
        Metric("root_date.f1", "root + date F1", 0.916, SC), Metric("root_actor.f1", "root + actor F1", 0.865, SC),
        Metric("root.f1", "root-only F1", 0.930, SC),
        Metric("salient.recall", "salient recall (full rule)", 0.870, SC)), _realnews),
    GoldSet("seed", "seed", "the AP story that defines the product (shared/seed)", (
        Metric("must_recall", "must events found"), Metric("should_recall", "should events found"),
        Metric("may_recall", "may events found"), Metric("false_events", "false events", lower_is_better=True)),
        _seed),
    GoldSet("tempeval3", "gold/tempeval3/te3-platinum", "TempEval-3 platinum: 20 docs, 138 TIMEX3", (
        Metric("strict_f1", "extent strict F1", 0.8134, HT), Metric("relaxed_f1", "extent relaxed F1", 0.9030, HT),
        Metric("value_f1", "value F1", 0.7761, HT), Metric("type_accuracy", "type accuracy")), _tempeval),
    GoldSet("meantime", "gold/meantime_en", "MEANTIME English: 120 Wikinews docs", (
        Metric("entities.ANY.f1", "entity mentions F1 (any type)"),
        Metric("entities.PERSON.f1", "PERSON F1"), Metric("entities.ORGANIZATION.f1", "ORGANIZATION F1"),
        Metric("entities.LOCATION.f1", "LOCATION F1"),
        Metric("timex.value_acc", "TIMEX3 value accuracy"), Metric("events.recall", "event-mention recall"),
        Metric("participants.source.acc", "source = Arg0 accuracy"),
        Metric("participants.target.acc", "target = Arg1 accuracy")), _meantime),
    GoldSet("plover", "gold/event_coding/plover_gsr", "PLOVER gold-standard records (CAMEO-manual sentences)", (
        Metric("single.root_acc", "root accuracy, single-event sentences"),
        Metric("single.full_acc", "full accuracy, single-event sentences"),
        Metric("root_acc", "root accuracy, all"), Metric("source_acc", "source accuracy"),
        Metric("target_acc", "target accuracy")), _events("plover")),
    GoldSet("petrarch2", "gold/event_coding/petrarch2_unittest", "PETRARCH2 unit-test records", (
        Metric("root_acc", "root accuracy"), Metric("all_acc", "root + source + target"),
        Metric("source_acc", "source accuracy"), Metric("target_acc", "target accuracy")), _events("petrarch2")),
    GoldSet("universalpetrarch", "gold/event_coding/universalpetrarch_gsr", "UniversalPetrarch GSR", (
        Metric("root_acc", "root accuracy"), Metric("full_acc", "full accuracy"),
        Metric("source_acc", "source accuracy"), Metric("target_acc", "target accuracy")),
        _events("universalpetrarch")),
    GoldSet("geowebnews", "gold/geowebnews", "GeoWebNews: 200 news articles, toponyms with coordinates", (
        Metric("recognition.f1", "toponym recognition F1"),
        Metric("resolution.exact_acc", "exact resolution accuracy", 0.901, M3),
        Metric("resolution.acc161", "accuracy within 161 km", 0.941, M3),
        Metric("country.acc", "country accuracy")), _geo("geowebnews")),
    GoldSet("lgl", "gold/lgl", "LGL: 588 local news articles", (
        Metric("recognition.f1", "toponym recognition F1"),
        Metric("resolution.exact_acc", "exact resolution accuracy", 0.794, M3),
        Metric("resolution.acc161", "accuracy within 161 km", 0.827, M3),
        Metric("country.acc", "country accuracy")), _geo("lgl")),
)}


def lookup(result: dict[str, Any], key: str) -> Any:
    cur: Any = result
    for part in key.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def checksum(path: Path) -> str:
    """sha256 over the names and bytes of every file under `path`, so a changed gold set is noticed."""
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        h.update(str(f.relative_to(path.parent)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def run_sets(shared: Path, names: list[str] | None = None, limit: int | None = None) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for name in names or list(SETS):
        gs = SETS[name]
        if not (shared / gs.path).exists():
            results[name] = {"skipped": f"{shared / gs.path} is absent"}
            continue
        t0 = time.perf_counter()
        res = gs.run(shared, limit)
        res["eval_seconds"] = round(time.perf_counter() - t0, 1)
        res["checksum"] = checksum(shared / gs.path)
        results[name] = res
    return results


def headline(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per set: checksum and the headline metrics' values (what the floors file pins)."""
    out: dict[str, dict[str, Any]] = {}
    for name, res in results.items():
        if "skipped" in res:
            continue
        out[name] = {"checksum": res["checksum"],
                     "metrics": {m.key: _pin(lookup(res, m.key), m.lower_is_better) for m in SETS[name].metrics}}
    return out


def _pin(v: Any, lower_is_better: bool) -> Any:
    """Four decimals, rounded towards the worse side so the score that was pinned passes its own floor."""
    if not isinstance(v, float):
        return v
    return (math.ceil if lower_is_better else math.floor)(v * 10_000) / 10_000


def load_floors(path: Path = FLOORS) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def check_floors(results: dict[str, dict[str, Any]], floors: dict[str, Any]) -> list[str]:
    """Every pinned metric that fell below its floor (or a lower-is-better count that rose above it)."""
    problems = []
    for name, pinned in floors.items():
        res = results.get(name)
        if res is None or "skipped" in res:
            continue
        if pinned.get("checksum") and res.get("checksum") != pinned["checksum"]:
            problems.append(f"{name}: the gold files changed (checksum differs); re-pin its floors")
            continue
        metrics = {m.key: m for m in SETS[name].metrics}
        for key, floor in pinned["metrics"].items():
            value = lookup(res, key)
            if floor is None:
                continue
            worse = value is None or (value > floor + 1e-9 if metrics[key].lower_is_better else value < floor - 1e-9)
            if worse:
                problems.append(f"{name}: {key} = {value} is worse than its floor {floor}")
    return problems
