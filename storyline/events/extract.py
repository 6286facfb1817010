"""From trigger words to coded events: sense by argument, roles, implied actors, status, count, confidence."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from storyline.events.arguments import (
    LIGHT_VERBS,
    Arguments,
    arguments,
    child,
    conjuncts,
    is_passive,
    is_verbal,
    names_someone,
    pobj_of,
)
from storyline.events.modality import condition_mark, is_withdrawal, modality
from storyline.events.status import status_of
from storyline.events.targets import fallback_target, inner_target, refine_target
from storyline.events.term import term_of
from storyline.model.doc import Actor, Document, Event, Span
from storyline.nlp.numbers import parse_number
from storyline.reference import cameo
from storyline.reference.countries import country_name
from storyline.reference.names import normalise
from storyline.reference.triggers import Sense, senses_for

Token = Any

# Confidence: a plain additive score, set by hand on the seed story so that events with both actors read in the
# text rank above events whose actors are implied; it orders events, it is not a calibrated probability.
_BASE, _PER_ACTOR, _VERBAL, _IMPLIED_PENALTY = 0.4, 0.2, 0.1, 0.15


@dataclass
class Candidate:
    event: Event
    consumed: set[int] = field(default_factory=set)


def _lemmas(tok: Token | None) -> set[str]:
    return set() if tok is None else {t.lemma_.lower() for t in tok.subtree}


def _objects(tok: Token) -> list[Token]:
    deps = ("dobj", "nsubjpass", "attr", "oprd") if is_verbal(tok) else ("compound",)
    return [c for c in tok.children if c.dep_ in deps]


def _skip(tok: Token) -> bool:
    """Words that name no event of their own here: compounds ("arrest warrant"), adjectival participles,
    habitual gerunds ("a record of cracking down"), purpose infinitives ("to demand reforms")."""
    if tok.dep_ in ("compound", "amod") or tok.is_space:
        return True
    if tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj", "advcl", "acl") and tok.head.pos_ != "VERB" \
            and not (tok.dep_ == "acl" and names_someone(tok.head)):   # "demonstrators protesting the results"
        return True
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
        return True
    if not is_verbal(tok):
        return _in_purpose(tok)
    return _purpose(tok)


def _purpose(verb: Token) -> bool:
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not infinitive:
        return False
    head = verb.head.lemma_.lower()
    if verb.dep_ in ("xcomp", "advcl") and head in _CARRIED_OUT:   # "have sworn to fight": advcl in the parse
        return False
    return not (verb.dep_ == "acl" and head in _ATTEMPTS)          # "an attempt to assassinate X"


# Verbs that gather means for an act still to come: "raising funds for attacks", "training fighters for an
# offensive"; the act after "for" has not happened.
_FOR_USE = {"raise", "collect", "fund", "finance", "train", "recruit", "buy", "smuggle", "supply", "stockpile"}


def _in_purpose(noun: Token) -> bool:
    """An event noun inside a purpose clause ("to demand the resignation of X") is as unreal as its verb, and so
    is one that says what a thing is for ("funds for attacks on Israel", "weapons for an offensive")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        holder = noun.head.head
        if (holder.pos_ in ("NOUN", "PROPN") and not senses_for(holder)) or holder.lemma_.lower() in _FOR_USE:
            return True
    node = noun
    for _ in range(6):
        if node.head.i == node.i:
            return False
        node = node.head
        if is_verbal(node):
            return _purpose(node)
    return False


_QUOTES = {'"', "“", "”", "‘", "’", "'"}
_SLOGAN_MAX = 8  # tokens: a longer quotation is reported speech, whose events are coded like any other


def _in_slogan(tok: Token) -> bool:
    """Inside a short quotation ("chanting 'Free Kem Sokha'"): a slogan, not a report that something happened."""
    sent = tok.sent
    marks = [t.i for t in sent if t.text in _QUOTES and t.i != tok.i]
    before = [i for i in marks if i < tok.i]
    after = [i for i in marks if i > tok.i]
    return bool(before and after) and after[0] - before[-1] - 1 <= _SLOGAN_MAX and len(marks) % 2 == 0


def _conditions(tok: Token, sense: Sense, args: Arguments, doc: Document) -> set[int] | None:
    """Check the sense's conditions; return the token ids its content consumes, or None when it does not fit."""
    consumed: set[int] = set()
    objs = _objects(tok)
    if sense.object in ("actor", "direct") and is_verbal(tok) \
            and (args.target is None or doc.actor_at(args.target) is None):
        return None
    if sense.object_words:
        hit = [o for o in objs if _lemmas(o) & sense.object_words]
        if not hit:
            return None
        consumed |= {t.i for o in hit for t in o.subtree}
    if sense.clause_words:
        # a clause whose verb is an act made conditional ("announced that it will withdraw its force from Chad
        # unless ...") is a threat coded from that verb, not an intent read from words met in it
        cooperative = bool(sense.code) and sense.code[:2] < "10"   # threats and refusals read hostile clauses
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                   and not (cooperative and _hostile_clause(c, doc))]
        hit = [c for c in clauses if _lemmas(c) & sense.clause_words and _has_aux(c, sense.clause_aux)]
        if not hit:
            return None
        consumed |= {t.i for c in hit for t in c.subtree}
    if sense.for_words:
        obj = pobj_of(tok, "for")
        if obj is None or not _lemmas(obj) & sense.for_words:
            return None
        consumed |= {t.i for t in obj.subtree}
    if sense.compound_words and not any(c.lemma_.lower() in sense.compound_words for c in tok.children
                                        if c.dep_ == "compound"):
        return None
    if sense.adverb_words and not any(c.lemma_.lower() in sense.adverb_words for c in tok.children
                                      if c.dep_ == "advmod"):
        return None
    for prep, words in sense.prep_words:
        obj = pobj_of(tok, prep)
        if obj is None or not _lemmas(obj) & words:
            return None
        consumed |= {t.i for t in obj.subtree}
    if sense.source_roles:
        src = doc.actor_at(args.source) if args.source is not None else None
        if src is None or not set(src.roles) & sense.source_roles:
            return None
    return consumed


def _hostile_clause(clause: Token, doc: Document) -> bool:
    """A clause whose verb is a hostile act of its own ("announced it would prohibit all aid to the rebels",
    "said it will withdraw its force unless ..."): coded from that verb as a threat, not read as an intent from
    the words met in it. Measured on the PLOVER records: skipping every clause that holds any event of its own
    lost 0.07 root accuracy, as "agreed to provide peacekeepers" then lost its intent."""
    if not is_verbal(clause) or clause.lemma_.lower() in LIGHT_VERBS:
        return False
    for sense in senses_for(clause):
        if sense.code and _conditions(clause, sense, arguments(clause, sense), doc) is not None:
            withdrawal = is_withdrawal(sense.code) and condition_mark(clause) is not None
            return sense.code[:2] >= "10" or withdrawal
    return False


def _has_aux(clause: Token, wanted: frozenset[str]) -> bool:
    """"said it would withdraw" (intent) vs "said it had withdrawn" (a report): the clause's own auxiliary."""
    return not wanted or any(c.dep_ in ("aux", "auxpass") and c.lower_ in wanted for c in clause.children)


def _has_time(tok: Token) -> bool:
    return any(c.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ not in ("relcl", "acl"))


def _winner(tok: Token) -> Token | None:
    """The party that won an election named by `tok` ("the election, in which X won")."""
    for c in tok.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in ("win", "sweep"):
            return child(c, "nsubj")
    return None


# Verbs whose infinitive complement is an act of its own, tried, ordered or planned ("tried to hack", "ordered
# ... to close", "plans to impose restrictions", "is about to restore"): it is coded, its status taken from the
# governing verb.
_CARRIED_OUT = {"try", "attempt", "order", "begin", "start", "continue", "manage", "move", "decide", "plan",
                "intend", "prepare", "aim", "seek", "about", "prepared", "want", "vow", "swear", "schedule",
                "expect", "set", "due", "send", "dispatch"}
# Nouns whose infinitive names the act tried or planned, as the verbs above do
_ATTEMPTS = {"attempt", "plan", "bid", "plot", "effort", "step", "measure"}   # "took steps to enhance freedoms"
_TEMPORAL_PREPS = {"after", "before", "since", "following", "until", "upon", "during"}
_STATE_ROLES = {"GOV", "JUD", "COP", "MIL", "LEG", "SPY"}
_VIOLENT = {"violent", "deadly", "bloody"}
_TURN = {"turn", "become", "grow", "erupt"}


def _sentence_group(doc: Document, tok: Token) -> Actor | None:
    """For a protest with no protester named: the non-state group the sentence is about (its subject), if any -
    "The 14 members of the CNRP were convicted ... in connection with a street protest"."""
    for t in tok.sent:
        if t.dep_ in ("nsubj", "nsubjpass") and t.i != tok.i:
            actor = doc.actor_at(t)
            if actor is not None and actor.roles and not set(actor.roles) & _STATE_ROLES:
                return replace(actor, inferred=True, basis="sentence-subject")
    return None


def _is_state(actor: Actor | None) -> bool:
    """A country named by its name or capital, or a government body: "Azerbaijan", "Moscow", "the Foreign
    Ministry"; not its people ("Young Algerians", "Palestinians") nor a group that backs it ("government
    supporters")."""
    if actor is None or actor.inferred or not actor.country:
        return False
    if actor.basis == "capital" or (actor.roles == ["GOV"] and actor.kind == "organisation"):
        return True
    text = normalise(actor.text).removeprefix("the ")
    named = actor.kind == "country" and text == normalise(country_name(actor.country)).removeprefix("the ")
    return named and not actor.roles


def _names_new_party(args: Arguments) -> bool:
    """"after fierce fighting with guerrillas" brings in who fought; "after his release" only points back."""
    return any(t is not None and t.pos_ != "PRON" for t in (args.source, args.target))


def _clause_possessor(doc: Document, head: Token) -> Actor | None:
    """A legal step with no one named as its object is about the person whose prison, detention or case the
    clause mentions: "a hearing will be held at his prison ... to renew his pre-trial detention"."""
    for t in head.subtree:
        if t.dep_ == "poss" and t.pos_ == "PRON":
            actor = doc.actor_at(t)
            if actor is not None:
                return replace(actor, inferred=True, basis="clause-possessor")
    return None


def _turned_violent(tok: Token) -> bool:
    """"protests turned violent", "a protest that turned deadly", "violent protests"."""
    if any(c.lemma_.lower() in _VIOLENT for c in tok.children if c.dep_ == "amod"):
        return True
    after = list(tok.doc[tok.i + 1: min(tok.i + 8, tok.sent.end)])
    return any(a.lemma_.lower() in _TURN and any(b.lower_ in _VIOLENT for b in after[j + 1: j + 3])
               for j, a in enumerate(after))


def _implied(role: str | None, other: Actor | None, ctx_iso: str | None) -> Actor | None:
    if role is None:
        return None
    country = other.country if other is not None and other.country else ctx_iso
    code = (country or "") + role
    return Actor(text="", span=None, name=None, code=code, country=country, roles=[role], kind="organisation",
                 inferred=True, basis="implied-by-event")


def _count(tok: Token | None) -> tuple[int | None, Token | None]:
    if tok is None:
        return None, None
    if tok.like_num:
        return parse_number(tok.text), tok
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if not nums:
        return None, None
    words = [t for n in nums for t in n.subtree if t.like_num or t.dep_ in ("compound", "quantmod")]
    value = parse_number(" ".join(t.text for t in words if t.like_num))
    return value, nums[0]


def _trigger_span(doc: Document, tok: Token) -> Span:
    """The trigger's words: with its particle ("cracked down"), or from the event noun that frames it
    ("mediation effort")."""
    end_tok = next((c for c in tok.children if c.dep_ == "prt"), tok)
    end = max(tok.idx + len(tok.text), end_tok.idx + len(end_tok.text))
    first = next((c for c in tok.children if _framed(c)), tok)
    return Span.of(doc.text, min(tok.idx, first.idx), end)


# Nouns that only frame the event named by their compound: "a mediation effort", "a rescue mission".
_FRAMES = {"effort", "mission", "campaign", "bid", "operation", "process", "initiative", "drive", "plan"}


def _framed(tok: Token) -> bool:
    return tok.dep_ == "compound" and tok.head.lemma_.lower() in _FRAMES


@dataclass
class Roles:
    """Who did it and to whom, as read for one trigger and sense, before implied actors fill the gaps."""

    args: Arguments
    consumed: set[int]
    source: Actor | None
    target: Actor | None
    joint: bool


def read_roles(doc: Document, tok: Token, sense: Sense) -> Roles | None:
    """The sense's conditions and its parties; None when the sense does not fit the words around `tok`."""
    args = arguments(tok, sense)
    if sense.kind == "ELECTION" and args.source is None:
        args.source = _winner(tok)
    inner = inner_target(doc, args.target)
    moved = inner is not args.target
    args.target = inner
    consumed = _conditions(tok, sense, args, doc)
    if consumed is None or (sense.object == "direct" and moved):
        return None   # "direct": the object itself names the party ("welcomed the minister", not "a resumption")
    refine_target(doc, tok, sense, args, consumed, moved)
    source = doc.actor_at(args.source) if args.source is not None else None
    target, together = fallback_target(doc, tok, sense, args, source)
    return Roles(args, consumed, source, target, together)


def _new_report(tok: Token, sense: Sense, roles: Roles) -> bool:
    """Whether the trigger reports an event of its own, not a re-mention or a time reference."""
    source, target, args = roles.source, roles.target, roles.args
    protest = (sense.code or "").startswith("14")
    if source is None and target is None and not (sense.implied_source or sense.implied_target or protest):
        return False
    if not is_verbal(tok) and tok.dep_ == "pobj" and tok.head.lower_ in _TEMPORAL_PREPS and not _has_time(tok) \
            and not _names_new_party(args):
        return False  # "after his release": a time reference back to an event told elsewhere, not a new report
    # a bare event noun re-mentions an event ("the latest releases"); it is not a new one
    light = args.governor is not None and args.governor.lemma_.lower() in LIGHT_VERBS
    return is_verbal(tok) or source is not None or target is not None or _has_time(tok) or sense.consumes or light


def build(doc: Document, tok: Token, sense: Sense, ctx_iso: str | None) -> Candidate | None:
    roles = read_roles(doc, tok, sense)
    if roles is None or not _new_report(tok, sense, roles):
        return None
    args, source, target = roles.args, roles.source, roles.target
    if target is None and sense.patient and sense.implied_source:
        target = _clause_possessor(doc, args.governor or tok)
    if sense.kind == "ELECTION" and source is None:
        return None  # an election is coded with its winner; "the election had been rigged" is not a new one
    explicit = sum(a is not None for a in (source, target))
    code = sense.code
    if code and code.startswith("14") and _is_state(source):
        code = "114"   # "Azerbaijan protests Eritrea's detention of its ships": a government's formal complaint
    elif code and code.startswith("14"):
        source = source or _sentence_group(doc, tok) or _implied("CVL", target, ctx_iso)
        code = "145" if _turned_violent(tok) else code
    source = source or _implied(sense.implied_source, target, ctx_iso)
    target = target or _implied(sense.implied_target, source, ctx_iso)
    # the text names who will (not) do it, even someone the coder cannot code ("Biden said he would not ...")
    named = (source is not None and not source.inferred) or args.source is not None
    code, status = modality(code, status_of(tok), tok, (is_verbal(tok) or args.governor is not None) and named)
    event = _event(doc, tok, sense, code, status, Roles(args, roles.consumed, source, target, roles.joint))
    inferred = any(a is not None and a.inferred for a in (source, target))
    conf = _BASE + _PER_ACTOR * explicit + (_VERBAL if is_verbal(tok) else 0) - (_IMPLIED_PENALTY if inferred else 0)
    event.confidence = max(0.05, min(conf, 0.95))
    return Candidate(event, roles.consumed)


def _event(doc: Document, tok: Token, sense: Sense, code: str | None, status: str, roles: Roles) -> Event:
    """The event record: code facts from the CAMEO table, count, co-parties, term."""
    info = cameo.get(code) if code else None
    args, source, target = roles.args, roles.source, roles.target
    count, count_tok = _count(args.target if sense.patient or is_passive(tok) else args.source)
    sent = tok.sent
    return Event(
        trigger=_trigger_span(doc, tok), sentence=Span.of(doc.text, sent.start_char, sent.end_char),
        cameo=code, kind=sense.kind, name=info.name if info else sense.kind.title(),
        goldstein=info.goldstein if info else None, quadclass=info.quadclass if info else None,
        plover_type=info.plover_type if info else None, plover_mode=info.plover_mode if info else None,
        source=as_party(source, code), target=as_party(target, code), count=count,
        count_span=Span.of(doc.text, count_tok.idx, count_tok.idx + len(count_tok.text)) if count_tok else None,
        status=status, also_sources=[as_party(a) for a in _others(doc, conjuncts(args.source), source, target)],
        also_targets=[as_party(a) for a in _others(doc, args.extra_targets, target)], joint=roles.joint,
        term=term_of(doc.text, tok) if _gives_term(sense, tok) else None)


# The role of a party whose words name none: a country named as a party acts through its state ("the EU
# sanctioned Iran", "protesters marched in London" against the government); people named by no role of their own
# are civilians ("at least 71 people were arrested", "an individual"), as careful coders code them.
_DEFAULT_ROLE = {"country": "GOV", "person": "CVL", "group": "CVL"}


def as_party(actor: Actor | None, code: str | None = None) -> Actor | None:
    """`actor` as a party to an event: with its default role where it has a country and no role. The place an
    arrest or a crackdown happened stands for its people, not its state ("police arrested dozens in Minsk")."""
    if actor is None or actor.roles or not actor.country or actor.kind not in _DEFAULT_ROLE:
        return actor
    role = _DEFAULT_ROLE[actor.kind]
    if actor.basis == "place-of-event" and (code or "").startswith("17"):
        role = "CVL"
    return replace(actor, roles=[role], code=actor.country + role, basis=f"{actor.basis or 'text'}+default-role")


def _others(doc: Document, tokens: tuple[Token, ...], *taken: Actor | None) -> list[Actor]:
    """The actors of conjoined tokens, once each, leaving out those already the event's source or target."""
    seen = {id(a) for a in taken if a is not None}
    out = []
    for t in tokens:
        actor = doc.actor_at(t)
        if actor is not None and id(actor) not in seen:
            seen.add(id(actor))
            out.append(actor)
    return out


_JAILINGS = {"jail", "imprison", "sentence", "serve"}


def _gives_term(sense: Sense, tok: Token) -> bool:
    return sense.kind in ("SENTENCE", "DETENTION_EXTENDED") or (bool(sense.code) and sense.code.startswith("173")
                                         and tok.lemma_.lower() in _JAILINGS)


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok, d = tok.head, d + 1
    return d


def extract(doc: Document) -> list[Event]:
    parsed = doc.parsed
    ctx_iso = doc.country
    consumed: set[int] = set()
    events: list[Event] = []
    # the lexicon look-up is cheap; the parse walks in _skip run only for words that could be triggers
    found = [(t, ss) for t in parsed if (ss := senses_for(t)) and not _skip(t)]
    found += [(t.head, ss) for t in parsed if _framed(t) and (ss := senses_for(t)) and not senses_for(t.head)]
    triggers = sorted(found, key=lambda p: (_depth(p[0]), p[0].i))
    for tok, senses in triggers:
        if tok.i in consumed or doc.in_boilerplate(tok.idx, tok.idx + len(tok.text)) or _in_slogan(tok):
            continue
        for sense in senses:
            cand = build(doc, tok, sense, ctx_iso)
            if cand is not None:
                events.append(cand.event)
                consumed |= cand.consumed
                break
    events.sort(key=lambda e: e.trigger.start)
    return events
