"""Who did it and to whom: the source and target tokens of a trigger, read from the dependency parse.

Verbs: active subject / object, passive "by"-agent / subject, participles modifying a noun ("Those freed
Tuesday"), relative clauses, conjoined verbs sharing a subject. Nouns: possessor, "of"-, "on"/"against"-, "by"-
and "to"-phrases, compounds, and the subject of a light verb that governs the noun ("police carried out raids").
Returns tokens; which actor a token names is the actors stage's answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.reference.roles import roles
from storyline.reference.triggers import Sense, key_prep, senses_for, verbal

Token = Any

# "stag": the small model's lemma for "staged"
LIGHT_VERBS = {"carry", "stage", "stag", "launch", "hold", "conduct", "mount", "start", "issue", "make", "lead",
               "order", "organize", "organise", "engineer", "orchestrate", "sign", "impose", "announce", "begin",
               "open", "give", "tighten", "maintain", "enforce", "intensify", "escalate", "resume", "continue", "renew"}
_RELATIVE = {"who", "that", "which", "whom"}


@dataclass
class Arguments:
    source: Token | None = None
    target: Token | None = None
    extra_targets: tuple[Token, ...] = ()
    governor: Token | None = None      # the verb a nominal trigger depends on


def is_verbal(tok: Token) -> bool:
    return verbal(tok)


# "Thousands of students": the count stands first, the people in its of-phrase
_QUANTITIES = {"thousand", "hundred", "dozen", "score", "ten", "million", "handful", "number", "group"}


def _quantity(tok: Token) -> bool:
    return (tok.lemma_.lower() in _QUANTITIES or tok.pos_ == "NUM") and pobj_of(tok, "of") is not None


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    # "Thousands of students protested in Belgrade": the model makes the verb a participle on "Thousands"
    return tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and not _quantity(tok.head)


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def pobj_of(tok: Token, *preps: str) -> Token | None:
    """The object of the first of `preps` on `tok`; a date ("on Thursday") is never a participant."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


def _subject(verb: Token) -> Token | None:
    subj = child(verb, "nsubj")
    if subj is None and verb.dep_ == "acl" and _quantity(verb.head):
        subj = verb.head
    if subj is not None and _quantity(subj) and subj.pos_ != "PRON":
        return pobj_of(subj, "of")
    if subj is None and verb.pos_ == "NOUN":   # a verb tagged as a noun: its subject parsed as a compound
        subj = next((c for c in verb.children if c.dep_ == "compound" and c.i < verb.i), None)
    if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ == "conj" and is_verbal(verb.head):
        return _subject(verb.head)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if subj is None and verb.dep_ == "acl" and infinitive:
        # "an Israeli bid to seize the port": whose bid; "Bashir has taken steps to enhance freedoms": who took
        # them - only a verb that does the noun ("take", "make", "launch"), never one that judges it ("denounced
        # an Israeli bid")
        owner = _named_owner(verb.head)
        if owner is not None:
            return owner
        gov = verb.head.head
        if verb.head.dep_ in ("dobj", "nsubjpass") and is_verbal(gov) and gov.lemma_.lower() in _DOERS:
            return _subject(gov)
        return None
    if subj is None and (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive)):
        head = verb.head.head if verb.head.dep_ == "acomp" else verb.head   # "X is about/ready to restore"
        return child(head, "nsubj", "nsubjpass")                            # "X is scheduled to attend"
    return subj


def conjuncts(tok: Token | None) -> tuple[Token, ...]:
    return () if tok is None else tuple(c for c in tok.conjuncts if c.i > tok.i)


def verbal_arguments(tok: Token, sense: Sense) -> Arguments:
    if is_passive(tok):
        agent = pobj_of(tok, "by") or _event_agent(pobj_of(tok, "in", "during"))
        patient = child(tok, "nsubjpass")
        if patient is not None and patient.lower_ in _RELATIVE and tok.dep_ == "relcl":
            patient = tok.head
        if patient is None and tok.dep_ in ("acl", "amod"):
            patient = tok.head
        return Arguments(agent, patient, conjuncts(patient))
    source = _subject(tok)
    if source is None and tok.dep_ == "acl" and tok.tag_ == "VBG":
        source = tok.head
    if source is not None and not is_verbal(source):   # "an Israeli drone strike kills X": who struck
        source = _event_agent(source) or source
    obj = child(tok, "dobj")
    giver = (pobj_of(tok, sense.source_prep) or (pobj_of(obj, sense.source_prep) if obj is not None else None)) \
        if sense.source_prep else None
    if giver is not None:   # "demonstrators received weapons from the government": the government gave
        return Arguments(giver, source, conjuncts(source))
    # the key's own preposition names the content ("agree on a plan"), except "against" ("campaign against X")
    preps = tuple(p for p in sense.target_preps if p != key_prep(sense.lemma) or p == "against")
    target = child(tok, "dobj", "dative") or pobj_of(tok, *preps)
    return Arguments(source, target, conjuncts(target))


def nominal_arguments(tok: Token, sense: Sense) -> Arguments:
    """Arguments of an event noun; `sense.patient` says whether possessor / "of"-phrase is target or source."""
    args = Arguments()
    owner = child(tok, "poss")
    if owner is not None and owner.ent_type_ in ("DATE", "TIME"):
        owner = None
    owner = owner or pobj_of(tok, "of")
    agent = pobj_of(tok, "by") or _acl_agent(tok)
    if sense.patient:
        args.target, args.source = owner, agent
    else:
        args.source = owner or agent
    on = pobj_of(tok, *sense.target_preps, "between")
    if on is not None and args.target is None:
        args.target = on
    comp = next((c for c in tok.children if c.dep_ == "compound" and names_someone(c)), None)
    if comp is not None and args.source is None and not sense.patient:
        args.source = comp
    gov = tok.head if tok.dep_ in ("dobj", "nsubjpass", "attr", "acomp") and is_verbal(tok.head) else None
    args.governor = gov
    if tok.dep_ == "acomp" and gov is not None and args.source is None:  # "Iran is willing to negotiate"
        args.source = _subject(gov)
    if args.source is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and is_verbal(tok.head.head) \
            and _took_part(tok, sense) and not is_passive(tok.head.head):
        # "Saddam Hussein arrived in Amman on a visit", "came for talks", "captured a post during clashes with X"
        args.source = _subject(tok.head.head)
    if gov is not None and args.source is None and gov.lemma_.lower() in LIGHT_VERBS:
        args.source = pobj_of(gov, "by") if tok.dep_ == "nsubjpass" else _subject(gov)
    if gov is not None and args.target is None and gov.lemma_.lower() in LIGHT_VERBS:
        args.target = pobj_of(gov, *sense.target_preps)   # "imposes sanctions against nine Russians"
    args.extra_targets = conjuncts(args.target)
    return args


# Verbs that carry out the act their object names ("took steps to", "made an attempt to", "launched a bid to")
_DOERS = LIGHT_VERBS | {"take", "undertake"}
# Verbs of fighting: their subject fought in the clashes during which they acted ("captured a post during clashes")
_COMBAT = {"capture", "seize", "retake", "take", "kill", "repel", "lose", "shoot", "destroy", "overrun"}


def _took_part(noun: Token, sense: Sense) -> bool:
    """The subject of the verb a visit, talks or a clash hangs from took part in it ("arrived on a visit", "came
    for talks", "captured a post during clashes"); not so for "convicted for attacks", "arrested during
    protests" or "arrested 20 people during clashes"."""
    prep, root = noun.head.lower_, (sense.code or "")[:2]
    if prep == "during":
        return root == "19" and noun.head.head.lemma_.lower() in _COMBAT
    return prep in ("on", "for") and root == "04"


def _named_owner(noun: Token) -> Token | None:
    """The party a noun names as its own: "by"-agent, possessor, or a name or demonym before it."""
    by = pobj_of(noun, "by")
    if by is not None:
        return by
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and (names_someone(c) or c.ent_type_ in
                                                                      ("NORP", "GPE", "ORG"))):
            return c
    return None


def _event_agent(noun: Token | None) -> Token | None:
    """Who carried out the attack a passive happened in: "killed in Israeli tank shelling", "wounded in a
    Taliban attack", "killed in an air strike by government forces". Attacks only (roots 18-20): "arrested
    during a Hamas rally" was no arrest by Hamas."""
    if noun is None or is_verbal(noun):
        return None
    if not any((s.code or "")[:2] in ("18", "19", "20") for s in senses_for(noun)):
        return None
    return _named_owner(noun)


def names_someone(tok: Token) -> bool:
    """A compound that can be the actor ("police crackdown", "Hamas attack"), not the event ("mediation effort")."""
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in roles().heads


def _acl_agent(tok: Token) -> Token | None:
    """The "by"-agent of a participle hanging on the noun or on its "for"-object: "an appeal for pardons issued
    Friday by the 14", "releases engineered by Hun Sen"."""
    for node in (tok, pobj_of(tok, "for")):
        if node is None:
            continue
        for c in node.children:
            if c.dep_ == "acl" and c.lemma_.lower() in LIGHT_VERBS:
                agent = pobj_of(c, "by")
                if agent is not None:
                    return agent
    return None


def arguments(tok: Token, sense: Sense) -> Arguments:
    return verbal_arguments(tok, sense) if is_verbal(tok) else nominal_arguments(tok, sense)
