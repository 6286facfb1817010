"""In-document coreference for actors: pronouns, surnames, repeated organisation names, "the 14".

Deliberately simple and local: each mention looks back over the mentions already seen, nearest first, within a
window. The window (8 sentences) was set on the seed story and the example articles: past that distance news
prose re-introduces people by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.actors.describe import Phrase
from storyline.reference import countries

WINDOW_SENTENCES = 8
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_GROUP_PRONOUNS = {"they", "them", "their", "those", "these", "themselves"}
_THING_PRONOUNS = {"it", "its", "itself"}


@dataclass
class Entity:
    """One real-world actor in the document, gathered over its mentions."""

    name: str | None
    kind: str
    roles: list[str]
    country: str | None
    plural: bool = False
    count: int | None = None
    aliases: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    last_sent: int = 0
    last_token: int = 0


def name_key(name: str) -> str:
    """An organisation's name without country words, so "Cambodian National Rescue Party" meets
    "Cambodia National Rescue Party"."""
    words = [w for w in name.lower().replace("’", "'").split() if w != "the" and not countries.country_for(w)]
    return " ".join(words)


_MINOR = {"of", "the", "and", "for", "in", "on", "de", "du", "la", "des"}


def _abbreviates(short: str, full: str) -> bool:
    """"CNRP" for "Cambodia National Rescue Party", "DA" for "Democratic Alliance": the capitals of the words."""
    if not (short.isupper() and 2 <= len(short) <= 8 and short.isalpha()):
        return False
    initials = "".join(w[0] for w in full.replace("-", " ").split() if w.lower() not in _MINOR and w[0].isalpha())
    return initials.upper() == short


class Tracker:
    def __init__(self) -> None:
        self.entities: list[Entity] = []

    def _recent(self, sent_i: int) -> list[Entity]:
        live = [e for e in self.entities if sent_i - e.last_sent <= WINDOW_SENTENCES]
        return sorted(live, key=lambda e: e.last_token, reverse=True)

    def resolve_pronoun(self, tok: Any, sent_i: int) -> Entity | None:
        word = tok.lower_
        for ent in self._recent(sent_i):
            if ent.last_token >= tok.i:
                continue
            if word in _PERSON_PRONOUNS and ent.kind == "person" and not ent.plural:
                return ent
            if word in _GROUP_PRONOUNS and (ent.plural or ent.kind == "group"):
                return ent
            if word in _THING_PRONOUNS and ent.kind in ("organisation", "country") and not ent.plural:
                return ent
        return None

    def resolve_number(self, count: int, tok: Any, sent_i: int) -> Entity | None:
        """"the 14" refers back to the group counted as fourteen, however far back: a number is a strong cue."""
        found = [e for e in self.entities if e.count == count and e.last_token < tok.i]
        return max(found, key=lambda e: e.last_token) if found else None

    def match_title(self, ph: Phrase, sent_i: int) -> Entity | None:
        """"the prime minister" after "Prime Minister Hun Sen"; "the party" after a named party."""
        if not (ph.definite and ph.title) or ph.plural:
            return None
        for ent in self._recent(sent_i):
            if ent.name and ent.last_token < ph.head.i and ph.title in ent.titles:
                return ent
        return None

    def match_name(self, ph: Phrase) -> Entity | None:
        if not ph.name:
            return None
        key = name_key(ph.name)
        for ent in self.entities:
            if not ent.name:
                continue
            if ph.kind in ("person", "unknown") and ent.kind == "person":
                parts = ent.name.split()
                if ph.name == ent.name or (len(ph.name.split()) == 1 and ph.name in parts):
                    return ent
            elif key and (key == name_key(ent.name) or ph.name in ent.aliases or _abbreviates(ph.name, ent.name)):
                return ent
        return None

    def observe(self, ph: Phrase, sent_i: int, entity: Entity | None = None) -> Entity:
        """Record a mention; merge what it says into its entity (new or matched)."""
        ent = entity or self.match_name(ph)
        if ent is None:
            ent = Entity(ph.name, ph.kind, list(ph.roles), ph.country, ph.plural, ph.count)
            self.entities.append(ent)
        else:
            if not ent.roles and ph.roles:
                ent.roles = list(ph.roles)
            ent.country = ent.country or ph.country
            ent.count = ent.count or ph.count
            if ent.kind == "unknown":
                ent.kind = ph.kind
        if ph.name:
            ent.aliases.add(ph.name)
            if ph.title:
                ent.titles.add(ph.title)
            if ph.kind == "organisation":
                ent.titles.update(w.lower() for w in ph.name.split()[-1:])  # "the party" for "... Party"
        ent.last_sent, ent.last_token = sent_i, ph.head.i
        return ent
