"""TABARI/PETRARCH actor files (the format of Phoenix.*.actors.txt) for scripts/build_data.py.

The reading itself, including what the `[CODE date]` restrictions mean, is storyline.reference.dictionaries: one
reader for the build and for the runtime. This module only adds what the build needs on top of it: each file read
once per build, and `surface`, the build's text form of a dictionary phrase."""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from storyline.reference.dictionaries import CodeSpan, Group, Head, parse_code, read_actor_groups

__all__ = ["CodeSpan", "Group", "Head", "parse_actor_file", "parse_code", "surface"]


@functools.cache
def parse_actor_file(path: Path) -> list[Group]:
    """The groups of one actor file; cached because several tables are built from the countries file."""
    return read_actor_groups(path)


def surface(raw: str) -> str:
    """A dictionary phrase as text: underscores are spaces, lower-case, accents folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", raw.replace("_", " ").strip("[]")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("\u2019", "'").split())
