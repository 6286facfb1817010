"""The layer contract (pyproject.toml, [tool.importlinter]) holds, and it catches an import that climbs a layer,
even one hidden inside a function."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed: pip install -e '.[dev]'")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}   # the tree under `root` is the one grimp reads
    return subprocess.run([str(LINT), "--config", str(REPO / "pyproject.toml"), "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_package_keeps_its_layers() -> None:
    res = _lint(REPO)
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize(("module", "climb"), [
    ("reference/names.py", "storyline.pipeline"),          # a lookup table reaching up to the stage table
    ("actors/coref.py", "storyline.events.anchor"),        # one stage package importing another
    ("store/sqlite.py", "storyline.commands"),              # the store importing a face
])
def test_an_import_inside_a_function_that_climbs_a_layer_breaks_the_contract(
        tmp_path: Path, module: str, climb: str) -> None:
    shutil.copytree(REPO / "storyline", tmp_path / "storyline", ignore=shutil.ignore_patterns("data", "__pycache__"))
    target = tmp_path / "storyline" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n\ndef _sneak():\n    import {climb}  # noqa\n",
                      encoding="utf-8")
    res = _lint(tmp_path)
    assert res.returncode != 0, res.stdout
    assert "BROKEN" in res.stdout and climb in res.stdout
