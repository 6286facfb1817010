"""Whom an event is aimed at when its object names no one: inside the object, in a complement clause, the
object's own phrases, the other party of a joint act, the place of the event. The source's own forces and the
speaker's own pronoun are never the target."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from storyline.events.arguments import Arguments, child, is_verbal, pobj_of
from storyline.model.doc import Actor, Document
from storyline.reference.triggers import Sense, key_prep

Token = Any


def clause_target(doc: Document, tok: Token, sense: Sense, source: Token | None) -> Token | None:
    """The party an intended, threatened, refused or demanded act is aimed at: "agreed to lift embargoes on
    Iran", "threatened to break relations with Russia", "demanded that the DPRK forsake ..." - the first actor
    that the complement clause acts upon, also when the clause hangs on the object ("reiterated its demand that
    Israel ease restrictions"); else an actor inside the prepositional object ("agreed to US mediation")."""
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    clauses = [c for h in holders for c in h.children if c.dep_ in ("ccomp", "xcomp", "acl") and is_verbal(c)]
    for clause in clauses:
        # "demanded that the US cancel", "hinted that they would be released": the clause's own subject first
        subject = child(clause, "nsubj", "nsubjpass") if clause.dep_ in ("ccomp", "acl") else None
        dobj = child(clause, "dobj")
        if owned_by_source(doc, dobj, source, sense.code):
            dobj = None   # "willing to withdraw its troops from Lebanon": aimed at Lebanon
        for cand in [subject, dobj, pobj_of(clause, *sense.target_preps, "from")]:
            for node in ([cand] if cand is None else [cand, pobj_of(cand, *sense.target_preps)]):
                if node is not None and doc.actor_at(node) is not None:
                    return node
    preps = [p for p in (key_prep(sense.lemma), "to") if p]   # not "at the request of X"
    inner = inner_target(doc, pobj_of(tok, *preps))
    return inner if inner is not None and doc.actor_at(inner) is not None else None


def inner_target(doc: Document, target: Token | None) -> Token | None:
    """An object that names no actor may hold one: "rejected a U.S. request", "denounced Serbia's suppression",
    "threatened action against Russia" - its possessor, a country modifier, or its of/against/on-phrase."""
    if target is None or doc.actor_at(target) is not None:
        return target
    for c in target.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and doc.actor_at(c) is not None:
            return c
    # "condemned an attack by X", "rejected an offer from Afghanistan"
    inner = pobj_of(target, "of", "by", "from", "against", "on", "toward", "towards")
    if inner is not None and doc.actor_at(inner) is None:
        inner = pobj_of(inner, "with", "between", "against")   # "welcomed a resumption of ties with Osgiliath"
    return inner if inner is not None and doc.actor_at(inner) is not None else target


def content_target(doc: Document, tok: Token, sense: Sense, args: Arguments, consumed: set[int]) -> Token | None:
    """When the object is the content of the event ("halted economic aid to Serbia", "broke off relations with
    Libya"), the target is named by a preposition on the verb or on that object; an object that names an actor
    ("expelled two Russian diplomats") stays the target."""
    if args.target is None or args.target.i not in consumed or doc.actor_at(args.target) is not None:
        return args.target
    preps = tuple(p for p in sense.target_preps if p != key_prep(sense.lemma))
    found = pobj_of(tok, *preps) or pobj_of(args.target, *preps)
    return found if found is not None and found.i not in (tok.i, args.target.i) else None


_LOCATIVE = ("in", "into", "inside", "throughout", "across")


def place_target(doc: Document, tok: Token, args: Arguments) -> Actor | None:
    """With no party named, CAMEO codes the country where the act took place as its target: "lifted a curfew in
    Montenegro", "demonstrated in Serbia", "shelled positions in Jericho". The place is the one the places stage
    resolved inside an "in"-phrase on the trigger, on its object or on the verb that governs a noun trigger."""
    # "arrived in Amman on a visit": the verb the trigger's prepositional phrase hangs from
    host = tok.head.head if tok.dep_ == "pobj" else None
    # "threatened to impose a curfew in Algiers": the act the trigger's clause names, and that act's object
    acts = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and is_verbal(c)]
    objects = [o for a in acts for o in a.children if o.dep_ == "dobj"]
    own = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]   # "the curfew in Baghdad was lifted"
    heads = [t for t in (tok, args.target, args.governor, host, *own, *acts, *objects) if t is not None]
    for head in heads:
        obj = pobj_of(head, *_LOCATIVE)
        if obj is None or tok.i in {t.i for t in obj.subtree}:
            continue   # "killed in a U.S. airstrike": the phrase holding the trigger is no place of it
        words = list(obj.subtree)
        first, last = min(t.idx for t in words), max(t.idx + len(t.text) for t in words)
        for place in doc.places:
            if place.span is not None and place.country and first <= place.span.start < last:
                return Actor(text=place.span.text, span=place.span, name=place.name, code=place.country,
                             country=place.country, kind="country", basis="place-of-event")
    return None


# Acts two parties can only do with each other, so that a conjoined subject names both sides: "Obama and Putin
# will meet", "Jordan and Britain agreed to hold exercises", "the two armies clashed", "Brazil and the United
# States deepened their partnership". Read from the word, not the code: "Russia and Syria carried out air strikes"
# (19) and "Norway and Qatar mediated" (045) are done together against or for a third party, not to each other.
_SYMMETRIC = {"meet", "meeting", "talk", "negotiate", "negotiation", "agree", "agreement", "clash", "fight",
              "fighting", "sign", "reconcile", "reconciliation", "cooperate", "cooperation", "partnership",
              "ceasefire", "truce", "exchange", "restore", "establish", "normalize", "normalise", "resume",
              "deepen", "strengthen", "improve", "ally", "renew", "upgrade", "consensus", "deal", "accord",
              "understanding", "tie"}
_SYMMETRIC_CODES = ("03", "04", "05", "06", "0871", "19")


def joint(sense: Sense, tok: Token) -> bool:
    """Whether `tok` (a trigger of `sense`) names an act two parties do with each other."""
    code = sense.code or ""
    if not code.startswith(_SYMMETRIC_CODES) or code in ("042", "043", "045"):   # visits have hosts
        return False
    words = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "xcomp"))}
    return bool(words & _SYMMETRIC)


_FORCES = {"MIL", "COP"}


# Weapons and vehicles: launched, fired or sent, they are the source's means, whatever the act
_MATERIEL = {"tank", "helicopter", "warplane", "jet", "aircraft", "drone", "warship", "artillery", "bulldozer",
             "missile", "rocket", "plane", "vehicle"}
_HOSTILE = ("17", "18", "19", "20")


def owned_by_source(doc: Document, target: Token | None, source: Token | None, code: str | None = None) -> bool:
    """"withdraw its troops from Lebanon", "strengthened its forces in Lebanon", "Israel withdraws troops from
    Lebanon", "Russian forces launch 500 drones at Ukraine": the object is the source's own instrument, not the
    party acted upon - its possessor is the source, or it is the source country's own weapons, or its own armed
    forces or police in an act that is not an attack ("troops attacked soldiers who defected" stays)."""
    if target is None or source is None:
        return False
    mine, theirs = doc.actor_at(target), doc.actor_at(source)
    same = mine is not None and theirs is not None and bool(mine.country) and mine.country == theirs.country
    forces = same and bool(mine.roles) and set(mine.roles) <= _FORCES and target.dep_ == "dobj" \
        and mine.kind != "person"
    if forces and (target.lemma_.lower() in _MATERIEL or not (code or "").startswith(_HOSTILE)):
        return True
    owner = child(target, "poss")
    if target.pos_ == "PRON" and target.dep_ == "poss":
        owner = target
    if owner is None or owner.pos_ != "PRON":
        return False
    mine, theirs = doc.actor_at(owner), doc.actor_at(source)
    return mine is not None and theirs is not None and mine.country == theirs.country and \
        (mine.name or mine.code) == (theirs.name or theirs.code)


def _local(target: Actor, place: Actor | None) -> Actor:
    """People whose country came only from the article's context take the country of the place the act happened
    in: "Israeli forces kill at least 57 people in the Gaza Strip" killed people of Gaza, not Israelis."""
    if place is None or not place.country or place.country == target.country:
        return target
    code = place.country + "".join(target.roles)
    basis = (target.basis or "").removesuffix("+context-country") + "+place-country"
    return replace(target, country=place.country, code=code, basis=basis)


def refine_target(doc: Document, tok: Token, sense: Sense, args: Arguments, consumed: set[int], moved: bool) -> None:
    """Settle `args.target` once the sense's conditions hold (`consumed`: the words its content took; `moved`:
    the target was already found inside the object)."""
    if not moved:
        args.target = content_target(doc, tok, sense, args, consumed)
    if args.target is not None and owned_by_source(doc, args.target, args.source, sense.code):
        own = args.target if args.target.pos_ != "PRON" else args.target.head
        preps = tuple(p for p in sense.target_preps if p != key_prep(sense.lemma))
        nominal = ("of",) if own.i == tok.i else ()
        args.target = pobj_of(tok, *preps, "from") or pobj_of(own, *preps, *nominal)
        args.governor = args.governor or own
    statement = (sense.code or "").startswith("01")   # "announced that Italy will ...": no one is addressed
    if (is_verbal(tok) or sense.clause_words) and not statement \
            and (args.target is None or doc.actor_at(args.target) is None):
        args.target = clause_target(doc, tok, sense, args.source) or args.target


def fallback_target(doc: Document, tok: Token, sense: Sense, args: Arguments,
                    source: Actor | None) -> tuple[Actor | None, bool]:
    """The target actor: the one `args.target` names, else the other party of a joint act, else the place; and
    whether source and target acted together (the joint case)."""
    target = doc.actor_at(args.target) if args.target is not None else None
    if target is not None and (target.basis or "").endswith("+context-country"):
        target = _local(target, place_target(doc, tok, args))
    if target is not None and source is not None and args.target.pos_ == "PRON" \
            and (target.name, target.code) == (source.name, source.code):
        target = None   # "Nigeria announced that it will ...": the clause's subject is the speaker again
    if target is None and source is not None and joint(sense, tok):
        # "Obama and Putin will meet": each is the other's partner
        target = next((doc.actor_at(c) for c in args.source.conjuncts if doc.actor_at(c) is not None), None)
        if target is not None:
            return target, True
    statement = (sense.code or "").startswith("01")   # a statement made in Berlin is not addressed to Germany
    if target is None and (source is not None or sense.implied_source) and not statement:
        target = place_target(doc, tok, args)
    return target, False
