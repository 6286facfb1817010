"""The role lexicon (storyline/data/roles.yaml): role nouns, role modifiers and organisation-name words."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from storyline.reference.files import read_data


@dataclass(frozen=True)
class RoleNoun:
    roles: tuple[str, ...]
    kind: str
    generic: bool


@dataclass(frozen=True)
class RoleLexicon:
    heads: dict[str, RoleNoun]
    modifiers: dict[str, tuple[str, ...]]
    org_words: dict[str, tuple[str, ...]]
    version: int

    @property
    def max_head_words(self) -> int:
        return max(len(k.split()) for k in self.heads)


@functools.cache
def roles() -> RoleLexicon:
    raw = yaml.safe_load(read_data("roles.yaml"))
    heads = {k: RoleNoun(tuple(v.get("roles", [])), v.get("kind", "unknown"), bool(v.get("generic")))
             for k, v in raw["heads"].items()}
    mods = {k: tuple(v) for k, v in raw["modifiers"].items()}
    orgs = {k: tuple(v) for k, v in raw["org_words"].items()}
    return RoleLexicon(heads, mods, orgs, int(raw["version"]))
