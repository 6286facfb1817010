"""Whether an event happened as told: asserted, negated, planned, claimed or hypothetical."""
from __future__ import annotations

from typing import Any

from storyline.reference.triggers import verbal

Token = Any

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"may", "might", "could", "would", "should"}
_PLAN_VERBS = {"plan", "schedule", "set", "intend", "prepare", "aim", "propose", "about", "prepared", "vow", "swear",
               "want"}
# Another's expectation is no plan the source states: "is expected to impose sanctions", "is likely to attack"
_GUESS_VERBS = {"expect", "likely"}
# Verbs that report what someone said: "said they would boycott" is the future of the past, a plan, not a maybe.
_REPORTING = {"say", "announce", "tell", "confirm", "declare", "state", "add", "warn", "insist", "indicate"}
_HEDGES = {"allegedly", "reportedly", "purportedly", "apparently", "supposedly"}
_CLAIM_HEADS = {"by": {"account", "report"}, "according": {"to"}}


def _clause(tok: Token) -> list[Token]:
    """The trigger and the verbs it hangs from inside its own clause (a noun's governing verb too)."""
    chain = [tok]
    cur = tok
    while cur.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "acomp", "pobj", "prep", "xcomp") and cur.head.i != cur.i:
        cur = cur.head
        chain.append(cur)
        if verbal(cur) and cur.dep_ != "xcomp":
            break
    return chain


def _claim_phrase(kids: list[Token]) -> bool:
    """"By many accounts, ...", "according to police": the teller vouches for the event only at second hand."""
    return any(c.lower_ in _CLAIM_HEADS and any(g.lemma_.lower() in _CLAIM_HEADS[c.lower_] for g in c.children)
               for c in kids)


def _reported(verb: Token) -> bool:
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING


# A noun's own modifier says the act is only intended ("a planned attack"); a verb that calls it off says it will
# not happen ("cancels a planned attack against Iran")
_INTENDED = {"planned", "proposed", "possible", "potential", "expected", "scheduled"}
# Verbs that carry the act out: "mounted its long-planned invasion" happened
_DONE = {"carry", "launch", "mount", "stage", "conduct", "begin", "start", "open", "complete"}
_CALLED_OFF = {"cancel", "scrap", "abandon", "call", "shelve", "drop", "postpone"}


def _noun_status(tok: Token) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CALLED_OFF and \
            (tok.head.lemma_.lower() != "call" or any(c.lower_ == "off" for c in tok.head.children)):
        return "negated"
    carried_out = tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DONE
    if not carried_out and any(c.dep_ == "amod" and c.lower_ in _INTENDED for c in tok.children):
        return "planned"
    return None


def status_of(tok: Token) -> str:
    own = _noun_status(tok)
    if own is not None:
        return own
    chain = _clause(tok)
    kids = [c for node in chain for c in node.children]
    if any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "negated"
    if any(c.lower_ in _HEDGES for c in kids) or _claim_phrase(kids):
        return "claimed"
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in kids):
        return "planned"
    if any(node.lemma_.lower() in _GUESS_VERBS and node.i != tok.i for node in chain):
        return "hypothetical"
    if any(node.lemma_.lower() in _PLAN_VERBS and node.i != tok.i for node in chain):
        return "planned"
    if any(c.dep_ == "aux" and c.lower_ == "would" for c in kids) and _reported(chain[-1]):
        return "planned"
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in kids):
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
        return "hypothetical"
    return "asserted"
