"""scripts/build_data.py: its parsing rules on hand-made input, and (with ../shared) that the packaged files agree
with a rebuild from the references."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "storyline" / "data"


def shared_dir() -> Path:
    root = os.environ.get("STORYLINE_SHARED")
    return Path(root) if root else REPO / ".." / "shared"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_data", REPO / "scripts" / "build_data.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shared_args() -> list[str]:
    if not (shared_dir() / "references").is_dir():
        pytest.skip(f"no references under {shared_dir()} (set STORYLINE_SHARED to the shared folder)")
    return ["--shared", str(shared_dir())]


@pytest.mark.shared
def test_packaged_files_match_a_rebuild(builder: ModuleType, shared_args: list[str]) -> None:
    assert builder.main([*shared_args, "--check"]) == 0


@pytest.mark.shared
def test_check_notices_a_changed_file(builder: ModuleType, shared_args: list[str], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("cameo.tsv", "countries.tsv", "leaders.tsv", "VERSIONS.json"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text(cameo.read_text(encoding="utf-8").replace("\tVeto\t", "\tVeto!\t"), encoding="utf-8")
    assert builder.main([*shared_args, "--out", str(tmp_path), "--check"]) == 1
    assert "cameo.tsv differs" in capsys.readouterr().err


def test_versions_record_each_files_hash_and_sources() -> None:
    versions = json.loads((DATA / "VERSIONS.json").read_text(encoding="utf-8"))
    assert set(versions["files"]) == {"cameo.tsv", "countries.tsv", "leaders.tsv", "organisations.tsv"}
    for name, info in versions["files"].items():
        text = (DATA / name).read_bytes()
        assert hashlib.sha256(text).hexdigest() == info["sha256"], name
        assert text.startswith(b"# storyline data v1, built by scripts/build_data.py\n")
        assert info["sources"] and all(len(s["sha256"]) == 64 for s in info["sources"].values())


def test_tabari_dates(builder: ModuleType) -> None:
    span = builder.parse_code("KHMGOV 850114-930702")
    assert (span.code, span.start, span.end) == ("KHMGOV", "1985-01-14", "1993-07-02")
    assert builder.parse_code("KHMGOV >981130").start == "1998-11-30"
    assert builder.parse_code("EGYGOV > 140608").start == "2014-06-08"
    assert builder.parse_code("IRQ <20030320").end == "2003-03-20"
    assert builder.parse_code("AFGELI 070723").start == "2007-07-23"
    assert builder.parse_code("KHMELI").start is None
    for bad in ("ARMUNR 9008223-911221", "IRQOCC 1920030320-20060520", "EGYGOV 121207-120802", "X 991340"):
        with pytest.raises(ValueError):
            builder.parse_code(bad)


def test_actor_file_groups(builder: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(
        "# comment\n"
        "RURITANIA_  [RUR]\n+RURITANIAN\n+RURITANIANS # demonym\n+STRELSAU_\n#+OLD_NAME\n\n"
        "KING_RUDOLF_  # CountryInfo.txt\nRUDOLF_THE_FIFTH\n\t[RURGOV 870101-921231]\n\t[RURELI]\n"
        "RURITANIAN_ARMY\n+ROYAL_GUARD\n\t[RURMIL]\n", encoding="utf-8")
    country, king, army = builder.parse_actor_file(path)
    assert [h.name for h in country.heads] == ["RURITANIA_"]
    assert country.heads[0].aliases == ["RURITANIAN", "RURITANIANS", "STRELSAU_"]
    assert [h.name for h in king.heads] == ["KING_RUDOLF_", "RUDOLF_THE_FIFTH"]  # heads share the code block
    assert [(c.code, c.start, c.end) for c in king.codes] == [("RURGOV", "1987-01-01", "1992-12-31"),
                                                              ("RURELI", None, None)]
    assert builder.current_country_code(country) == "RUR" and builder.current_country_code(king) is None
    assert builder.is_person(king) and not builder.is_person(army)
    assert builder.canonical_person(builder.surface(king.heads[0].name)) == "Rudolf"


def test_names_block_and_kinds(builder: ModuleType) -> None:
    aliases = ["ruritanian", "ruritanians", "kingdom of ruritania", "zenda", "rurtania", "strelsau", "zenda province",
               "port ruritania", "zenda river"]
    kinds = dict(builder.classify_aliases("ruritania", aliases))
    assert kinds["ruritanian"] == kinds["kingdom of ruritania"] == kinds["rurtania"] == "country"
    assert kinds["zenda"] == "country"          # a native name inside the names block
    assert kinds["strelsau"] == kinds["port ruritania"] == "city"
    assert kinds["zenda province"] == kinds["zenda river"] == "region"


def test_collisions_and_stop_list(builder: ModuleType) -> None:
    rows = [("GEO", "country", "georgia"), ("USA", "region", "georgia"), ("IND", "region", "punjab"),
            ("PAK", "region", "punjab"), ("USA", "country", "us"), ("USA", "country", "u.s."),
            ("GEO", "country", "georgia (country)")]
    kept, dropped = builder.resolve_collisions(rows)
    assert sorted(kept) == [("GEO", "country", "georgia"), ("USA", "country", "u.s.")]
    assert dropped == ["punjab"]
