"""Where ../shared is, for tests that read it; they skip with a clear message where it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("STORYLINE_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")).resolve()


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared gold and corpora are not on this machine")
    return path
