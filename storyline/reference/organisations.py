"""International, non-governmental and armed organisations, from the packaged `organisations.tsv`
(built by scripts/build_data.py and scripts/organisations.py)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.reference.files import tsv_rows
from storyline.reference.names import name_variants, normalise

ORGANISATIONS_FILE = "organisations.tsv"


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str             # "United Nations"
    code: str             # CAMEO-style: "IGOUNO", "NGOHRI", "AFGREB"


@functools.cache
def _organisations() -> tuple[dict[str, Organisation], int]:
    table = {alias: Organisation(name, code) for name, alias, code in tsv_rows(ORGANISATIONS_FILE)}
    return table, max(len(a.split()) for a in table)


def organisation_for(text: str) -> Organisation | None:
    """The international, non-governmental or armed organisation a name names ("the United Nations", "NATO",
    "Human Rights Watch", "Taliban"); acronyms of three letters or fewer only when written in capitals ("UN",
    never "un")."""
    table, _ = _organisations()
    key = normalise(text)
    for k in name_variants(key):
        org = table.get(k)
        if org is not None and (len(k) > 3 or text.strip().removeprefix("the ").isupper()):
            return org
    return None


def max_organisation_words() -> int:
    return _organisations()[1]
