"""The packaged CAMEO ontology: coverage, QuadClass, PLOVER mapping, Goldstein range, and the loader's API."""
from __future__ import annotations

import pytest

from storyline.errors import StorylineError
from storyline.reference import cameo

EXPECTED_QUADCLASS = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
                      **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}


def test_every_root_is_present_with_its_quadclass() -> None:
    for root, quad in EXPECTED_QUADCLASS.items():
        assert cameo.get(root).quadclass == quad, root


def test_every_code_takes_its_roots_quadclass_and_has_a_name() -> None:
    codes = cameo.all_codes()
    assert 280 <= len(codes) <= 330
    for code, entry in codes.items():
        assert entry.code == code
        assert code.isdigit() and 2 <= len(code) <= 4
        assert entry.quadclass == EXPECTED_QUADCLASS[cameo.root_of(code)]
        assert entry.name and entry.name[0].isupper()
        assert len(entry.name) <= 60, entry.name


def test_every_sub_code_has_its_parent() -> None:
    codes = cameo.all_codes()
    for code in codes:
        if len(code) == 4:
            assert code[:3] in codes, code
        if len(code) == 3:
            assert code[:2] in codes, code


def test_goldstein_is_within_the_scale() -> None:
    values = [c.goldstein for c in cameo.all_codes().values()]
    assert all(-10.0 <= v <= 10.0 for v in values)
    assert max(values) == 10.0 and min(values) == -10.0


def test_cooperation_scores_above_conflict() -> None:
    by_quad: dict[int, list[float]] = {}
    for entry in cameo.all_codes().values():
        by_quad.setdefault(entry.quadclass, []).append(entry.goldstein)
    mean = {q: sum(v) / len(v) for q, v in by_quad.items()}
    assert mean[2] > mean[1] > 0 > mean[3] > mean[4]


def test_violent_protest_codes_are_named_for_violent_protest() -> None:
    # the Goldstein table repeats the 144x "obstruct passage" names here; the PLOVER table is right
    for code, aim in {"1451": "leadership", "1452": "policy", "1453": "rights", "1454": "regime"}.items():
        entry = cameo.get(code)
        assert "violent" in entry.name.lower() and "obstruct" not in entry.name.lower()
        assert aim in entry.name.lower()
        assert (entry.plover_type, entry.plover_mode) == ("PROTEST", "riot")


def test_release_persons() -> None:
    entry = cameo.get("0841")
    assert "release" in entry.name.lower() and "person" in entry.name.lower()
    assert (entry.plover_type, entry.plover_mode, entry.plover_context) == ("RETREAT", "release", "legal")
    assert entry.quadclass == 2 and entry.goldstein == 7.0


def test_numbering_follows_cameo_1_1b3() -> None:
    # the old Goldstein table numbers these differently; values must follow the meaning, not the number
    assert "embargo" in cameo.get("163").name.lower() and cameo.get("163").goldstein == -8.0
    assert "negotiations" in cameo.get("164").name.lower() and cameo.get("164").goldstein == -6.5
    assert "peacekeepers" in cameo.get("1661").name.lower()
    assert cameo.get("129").name == "Veto"
    for old in ("0357", "1641", "1642", "1643"):
        with pytest.raises(KeyError):
            cameo.get(old)


def test_plover_drops_statements_and_appeals_only() -> None:
    for entry in cameo.all_codes().values():
        dropped = cameo.root_of(entry.code) in ("01", "02")
        assert (entry.plover_type == "") == dropped, entry


def test_plover_types_are_known() -> None:
    known = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST",
             "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", ""}
    assert {c.plover_type for c in cameo.all_codes().values()} <= known


def test_unknown_code_names_its_neighbours() -> None:
    with pytest.raises(KeyError, match="0841"):
        cameo.get("0849")
    with pytest.raises(KeyError, match="unknown CAMEO code"):
        cameo.get("99")


def test_root_of() -> None:
    assert cameo.root_of("0841") == "08"
    assert cameo.root_of("20") == "20"
    with pytest.raises(KeyError):
        cameo.root_of("21")


def test_entries_are_frozen() -> None:
    with pytest.raises(AttributeError):
        cameo.get("01").name = "x"  # type: ignore[misc]


def test_missing_data_file_raises_e002(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cameo, "DATA_FILE", "no-such-file.tsv")
    cameo.all_codes.cache_clear()
    try:
        with pytest.raises(StorylineError, match=r"\[E002\].*no-such-file\.tsv"):
            cameo.all_codes()
    finally:
        monkeypatch.undo()
        cameo.all_codes.cache_clear()
