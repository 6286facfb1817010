"""organisations.tsv: international, non-governmental and armed organisations (not persons), from the Phoenix
international and non-state actor dictionaries plus our own supplement (scripts/data/organisations_extra.tsv)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tabari import parse_actor_file, surface

# Organisations whose alias is too short or too common to match safely in running text.
ORG_STOPLIST = {"un", "eu", "au", "who", "ira", "eta", "hamas's", "a", "an", "its", "it", "we", "un's"}
ORG_KEEP_SHORT = {"un", "eu", "au", "who"}  # kept: acronyms matched only in capitals (the loader enforces it)


def organisation_rows(path: Path, title_case: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """(name, alias, code) for each organisation entry: a group whose codes carry no dates (dated groups are
    office holders) and whose first code is not a bare country."""
    rows: set[tuple[str, str, str]] = set()
    for group in parse_actor_file(path):
        codes = [c.code for c in group.codes if not (c.start or c.end) and c.code not in ("---", "")]
        if not codes or any(c.start or c.end for c in group.codes):
            continue
        if len(codes[0]) <= 3 and codes[0] not in ("IGO", "NGO"):  # a bare country code: not an organisation
            continue
        name = surface(group.heads[0].name)
        for alias in {surface(a) for h in group.heads for a in [h.name, *h.aliases]}:
            if alias and (alias not in ORG_STOPLIST or alias in ORG_KEEP_SHORT) and len(alias) > 1:
                rows.add((title_case(name), alias, codes[0]))
    return sorted(rows)


def extra_organisations() -> list[tuple[str, str, str]]:
    """Our own supplement (scripts/data/organisations_extra.tsv): bodies the dictionaries lack."""
    path = Path(__file__).with_name("data") / "organisations_extra.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [tuple(line.split("\t")) for line in lines[1:]]  # type: ignore[misc]


def build_organisations(refs: Path, international: str, nonstate: str, title_case: Callable[[str], str]
                        ) -> tuple[list[list[str]], dict]:
    rows = (organisation_rows(refs / international, title_case) + organisation_rows(refs / nonstate, title_case)
            + extra_organisations())
    seen: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        seen.setdefault(row[1], row)  # an alias names the first organisation listed with it
    out = sorted([list(r) for r in seen.values()], key=lambda r: (r[1], r[2]))
    return out, {"aliases": len(out), "organisations": len({r[0] for r in out})}
