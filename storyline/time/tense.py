"""Clause tense from a spaCy parse, for `find_timexes(tense_at=...)`.

From the token at an offset, walk up the dependency heads to the nearest verb or auxiliary and read its tense:
future if it has a will/shall/'ll auxiliary, is "going to", or is the complement of "scheduled/expected/set/due
to"; past for a past-tense verb, a bare participle or a past auxiliary (was/were/had/has + participle);
present otherwise.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
PAST_AUX = {"was", "were", "had", "did", "'d"}
PERFECT_AUX = {"has", "have", "'ve", "'s"}
PLANNED = {"schedule", "expect", "set", "due", "slate", "plan", "intend", "aim", "hope", "prepare", "go"}
_VERBS = {"VERB", "AUX"}


def tense_from_doc(doc: Any) -> Callable[[int], str | None]:
    """A `tense_at(offset)` over spaCy `doc`, whose character offsets are those of the text being tagged."""
    starts = [t.idx for t in doc]

    def tense_at(offset: int) -> str | None:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        verb = _governing_verb(doc[i])
        return _tense(verb) if verb is not None else None

    return tense_at


def _governing_verb(tok: Any) -> Any | None:
    for _ in range(40):   # heads form a tree; the bound only guards against a malformed parse
        if tok.pos_ in _VERBS and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _tense(verb: Any) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or _is_planned(verb):
        return "future"
    if words & PAST_AUX:
        return "past"
    if verb.tag_ == "VBN" and words & PERFECT_AUX and not any(a.dep_ == "auxpass" and a.lower_ in ("is", "are", "'s")
                                                             for a in auxes):
        return "past"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes):
        return "past"
    if verb.tag_ == "MD" or words & {"would", "could", "might", "should"}:
        return "present"
    return "present"


def _is_planned(verb: Any) -> bool:
    """"is scheduled to meet Thursday", "are going to vote Monday", "the hearing is set for Thursday"."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in PLANNED and head.i != verb.i:
        return not (head.tag_ == "VBD" or any(c.lower_ in PAST_AUX for c in head.children))
    if verb.lemma_.lower() in PLANNED - {"go", "hope"} and verb.tag_ == "VBN":
        return any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children)
    return False
