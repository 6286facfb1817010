"""The trigger lexicon (storyline/data/triggers.yaml): which words signal which event, and on what conditions."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import yaml

from storyline.reference.files import read_data

# Codes whose noun's possessor / "of"-phrase is the one acted on ("the arrests of X") unless the entry says
# otherwise: release, sanctions, coercion, violence against.
_PATIENT_ROOTS = {"08", "12", "16", "17", "18", "19", "20"}


def verbal(tok: Any) -> bool:
    """A verb, or a word the small model tagged a noun although it heads a clause with a subject and an object
    (headline-style present tense: "Police arrest Gyumri mayor Vardan Ghukasyan", "A military court sentences
    X to 20 years", where "court" comes out as a compound of "sentences")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.pos_ != "NOUN":   # called for every word: look at the children of nouns only
        return False
    deps = {c.dep_ for c in tok.children}   # a noun never takes a direct object
    return "dobj" in deps and ("nsubj" in deps or tok.dep_ == "ROOT")


@dataclass(frozen=True)
class Sense:
    lemma: str
    code: str | None
    kind: str = "CAMEO"
    pos: str = "any"
    patient: bool = True
    object: str | None = None
    object_words: frozenset[str] = frozenset()
    clause_words: frozenset[str] = frozenset()
    for_words: frozenset[str] = frozenset()
    compound_words: frozenset[str] = frozenset()
    adverb_words: frozenset[str] = frozenset()
    clause_aux: frozenset[str] = frozenset()
    source_roles: frozenset[str] = frozenset()
    prep_words: tuple[tuple[str, frozenset[str]], ...] = ()
    target_preps: tuple[str, ...] = ("on", "against", "with", "to", "toward", "towards", "at")
    consumes: bool = False
    source_prep: str | None = None      # "received arms from X": X is the source, the subject the target
    implied_source: str | None = None
    implied_target: str | None = None

    @property
    def specificity(self) -> int:
        """2: conditions on the words around it; 1: needs an actor as object; 0: none. Senses are tried most
        specific first, across all trigger files, so "expelled diplomats" reaches its own sense."""
        if (self.object_words or self.clause_words or self.for_words or self.compound_words or self.adverb_words
                or self.source_roles or self.prep_words or self.source_prep):
            return 2
        return 1 if self.object else 0

    def fits_pos(self, tok: Any) -> bool:
        """verb: verbs; adj: adjectives ("willing to"); noun: every other word - the small model tags some
        event nouns as adjectives or proper nouns, so "noun" means "not a verb"."""
        if self.pos == "any":
            return True
        if self.pos == "adj":
            return tok.pos_ == "ADJ"
        if self.pos == "verb":
            return verbal(tok)
        return tok.pos_ not in ("VERB", "AUX")   # a mis-tagged verb fits noun senses too


def _sense(lemma: str, raw: dict[str, Any]) -> Sense:
    code = raw.get("code")
    patient = raw.get("patient", (code or "")[:2] in _PATIENT_ROOTS)
    sets = {k: frozenset(raw.get(k, ())) for k in ("object_words", "clause_words", "for_words", "compound_words",
                                                   "adverb_words", "source_roles", "clause_aux")}
    sets["prep_words"] = tuple((p, frozenset(w)) for p, w in (raw.get("prep_words") or {}).items())  # type: ignore
    if "target_preps" in raw:
        sets["target_preps"] = tuple(raw["target_preps"])  # type: ignore[assignment]
    return Sense(lemma=lemma, code=code, kind=raw.get("kind", "CAMEO"), pos=raw.get("pos", "any"),
                 patient=bool(patient), object=raw.get("object"), consumes=bool(raw.get("consumes")),
                 source_prep=raw.get("source_prep"),
                 implied_source=raw.get("implied_source"), implied_target=raw.get("implied_target"), **sets)


@functools.cache
def triggers() -> dict[str, tuple[Sense, ...]]:
    """All trigger files (storyline/data/triggers/*.yaml), merged; a key in two files keeps both files' senses,
    in file-name order."""
    table: dict[str, tuple[Sense, ...]] = {}
    for name in trigger_files():
        raw = yaml.safe_load(read_data(f"triggers/{name}"))
        for lemma, senses in (raw.get("triggers") or {}).items():
            table[lemma] = table.get(lemma, ()) + tuple(_sense(lemma, s) for s in senses)
    return {k: tuple(sorted(v, key=lambda s: -s.specificity)) for k, v in table.items()}


def trigger_files() -> list[str]:
    from importlib import resources

    folder = resources.files("storyline.data").joinpath("triggers")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))


def lemma_of(tok: Any) -> str:
    """The lexicon key for a token: its lemma, extended by a particle or preposition where the lexicon has that
    phrase ("crack down", "call for", "call on"); the particle is tried first, then prepositions left to right."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and lemma == tok.lower_:
        lemma = lemma.rstrip("s")  # the small model leaves some plurals unlemmatised ("releases")
    table = triggers()
    for c in tok.children:
        # "stepped down" parses "down" as advmod; "set the prisoners free" parses "free" as a clause or complement
        if c.dep_ in ("prt", "advmod", "oprd", "acomp", "advcl", "ccomp") and f"{lemma} {c.lower_}" in table \
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return f"{lemma} {c.lower_}"
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and f"{lemma} {c.lower_}" in table:
            return f"{lemma} {c.lower_}"
    return lemma


def key_prep(key: str) -> str | None:
    """The preposition or particle a phrasal key ends with ("call for" -> "for")."""
    return key.split()[-1] if " " in key else None


def senses_for(tok: Any) -> tuple[Sense, ...]:
    return tuple(s for s in triggers().get(lemma_of(tok), ()) if s.fits_pos(tok))
