"""Where the shared gold sets, corpora and references are: the one answer for eval, tests, benchmarks and the
data build scripts. They are never packaged; whoever reads them skips or says so where they are absent."""
from __future__ import annotations

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]


def shared_root() -> Path:
    """$STORYLINE_SHARED, else ../shared beside the repository (resolved)."""
    env = os.environ.get("STORYLINE_SHARED")
    return (Path(env) if env else _REPO / ".." / "shared").resolve()
