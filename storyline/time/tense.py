"""Clause tense from a spaCy parse, for `find_timexes(tense_at=...)`.

From the token at an offset, walk up the dependency heads to the nearest verb or auxiliary and read its tense:
future if it has a will/shall/'ll auxiliary, is "going to", or is the complement of "scheduled/expected/set/due
to"; past for a past-tense verb, a bare participle or a past auxiliary (was/were/had/has + participle);
"modal" for an un-negated may/might/could/would/should (a weekday then means the next one, today included;
everything else treats it as present); present otherwise.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
PAST_AUX = {"was", "were", "had", "did", "'d"}
PERFECT_AUX = {"has", "have", "'ve", "'s"}
# "may/might/could/would/should + verb": in news a possibility still to come ("there may be another chance on
# Thursday"); negated ones are not ("could not be reached Tuesday" reports a past attempt), nor perfect ones
# ("might have been killed Monday"), which the past checks above catch first.
MODAL_AUX = {"may", "might", "could", "would", "should"}
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
        if verb is None:
            return None
        tense = _tense(verb)
        if tense == "modal" and not any(c.dep_ == "aux" and c.lower_ in MODAL_AUX and c.i < i for c in verb.children):
            return "present"   # "warnings on Thursday that strikes could do harm": a time before the modal is
        return tense           # most often outside its clause, whatever the parse says (TBAQ-cleaned)

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
    if words & MODAL_AUX and not _negated(verb):
        return "modal"
    return "present"


_NEG_SUBJECT = {"neither", "nor", "nobody", "none", "never", "no"}


def _negated(verb: Any) -> bool:
    """"could not be reached", "Neither he nor his aides could be located Wednesday"."""
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "preconj")]
    return any(t.lower_ in _NEG_SUBJECT for s in subjects for t in s.subtree)


def _is_planned(verb: Any) -> bool:
    """"is scheduled to meet Thursday", "are going to vote Monday", "the hearing is set for Thursday"."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in PLANNED and head.i != verb.i:
        return not (head.tag_ == "VBD" or any(c.lower_ in PAST_AUX for c in head.children))
    if verb.lemma_.lower() in PLANNED - {"go", "hope"} and verb.tag_ == "VBN":
        return any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children)
    return False
