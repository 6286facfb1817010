"""Reading the packaged data files (storyline/data): one place, one error when a file is missing."""
from __future__ import annotations

from importlib import resources

from storyline.errors import StorylineError


def read_data(name: str) -> str:
    """The text of storyline/data/NAME (NAME may hold a sub-folder: "triggers/core.yaml")."""
    path = resources.files("storyline").joinpath("data", *name.split("/"))
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StorylineError("E002", path=f"storyline/data/{name}") from None


def tsv_rows(name: str) -> list[list[str]]:
    """Rows of a packaged TSV: '#' comment lines skipped, the header line (first other line) dropped."""
    lines = [line for line in read_data(name).splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def tsv_header(name: str) -> list[str]:
    return next(line for line in read_data(name).splitlines() if line and not line.startswith("#")).split("\t")
