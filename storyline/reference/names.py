"""The one name folding: every name index (countries, leaders, organisations, places, dictionaries) keys on it."""
from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The table form of a surface string: lower-case, accents folded, one space between words."""
    folded = unicodedata.normalize("NFKD", text.replace("_", " ").replace("\u2019", "'"))
    return " ".join("".join(ch for ch in folded if not unicodedata.combining(ch)).lower().split())


def name_variants(alias: str) -> list[str]:
    """The alias, then without a possessive or a leading "the" ("Cambodia's", "the Netherlands")."""
    key = normalise(alias)
    out = [key]
    if key.endswith("'s"):
        out.append(key[:-2])
    if key.startswith("the "):
        out.append(key[4:])
    return out
