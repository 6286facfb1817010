"""Quality floors: every gold set is scored from the pipeline's real output, and no pinned score may drop.

The full sets run here (about three minutes on 2 cores); `storyline eval --pin` raises the floors, and lowering
one needs a written reason in the same commit (see docs/EVALUATION.md)."""
from __future__ import annotations

import pytest

from storyline.eval.run import FLOORS, SETS, check_floors, load_floors, run_sets


def test_floor_check_catches_a_drop_and_a_changed_gold_file() -> None:
    floors = {"tempeval3": {"checksum": "abc", "metrics": {"value_f1": 0.8, "strict_f1": 0.8}},
              "seed": {"checksum": "s", "metrics": {"false_events": 1}}}
    ok = {"tempeval3": {"checksum": "abc", "value_f1": 0.81, "strict_f1": 0.8}, "seed": {"checksum": "s",
                                                                                        "false_events": 1}}
    assert check_floors(ok, floors) == []
    worse = {"tempeval3": {"checksum": "abc", "value_f1": 0.79, "strict_f1": 0.8},
             "seed": {"checksum": "s", "false_events": 2}}
    problems = check_floors(worse, floors)
    assert len(problems) == 2 and "value_f1" in problems[0] and "false_events" in problems[1]
    changed = {"tempeval3": {"checksum": "xyz", "value_f1": 0.9, "strict_f1": 0.9}}
    assert "checksum" in check_floors(changed, floors)[0]


def test_every_pinned_set_pins_exactly_its_metrics() -> None:
    floors = load_floors()
    assert set(floors) <= set(SETS), f"floors for sets that no longer exist: {sorted(set(floors) - set(SETS))}"
    for name, pinned in floors.items():
        assert set(pinned["metrics"]) == {m.key for m in SETS[name].metrics}, name


def test_every_set_has_pinned_floors() -> None:
    """A set added without floors is not guarded by `test_no_score_below_its_floor` (check_floors checks only what
    is pinned); it is reported here as a skip, by name, until someone pins it, rather than failing every run."""
    unpinned = sorted(set(SETS) - set(load_floors()))
    if unpinned:
        pytest.skip(f"no floors pinned yet for {', '.join(unpinned)}: no floor guards them until "
                    f"`storyline eval --pin` writes {FLOORS.name}")


@pytest.mark.model
@pytest.mark.shared
def test_no_score_below_its_floor(shared) -> None:
    shared("gold")
    results = run_sets(shared())
    assert check_floors(results, load_floors()) == []
