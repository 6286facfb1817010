"""From trigger words to coded events: sense by argument, roles, implied actors, status, count, confidence."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from storyline.actors.stage import actor_at, context_country
from storyline.doc import Actor, Document, Event, Span
from storyline.events import cameo
from storyline.events.arguments import LIGHT_VERBS, Arguments, arguments, child, is_passive, is_verbal, pobj_of
from storyline.events.lexicon import Sense, key_prep, senses_for
from storyline.events.status import status_of
from storyline.events.term import term_of
from storyline.nlp.numbers import parse_number

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
            and not (tok.dep_ == "acl" and _names_people(tok.head)):   # "demonstrators protesting the results"
        return True
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
        return True
    if not is_verbal(tok):
        return _in_purpose(tok)
    return _purpose(tok)


def _names_people(noun: Token) -> bool:
    from storyline.actors.lexicon import roles

    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in roles().heads


def _purpose(verb: Token) -> bool:
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not infinitive:
        return False
    head = verb.head.lemma_.lower()
    if verb.dep_ in ("xcomp", "advcl") and head in _CARRIED_OUT:   # "have sworn to fight": advcl in the parse
        return False
    return not (verb.dep_ == "acl" and head in _ATTEMPTS)          # "an attempt to assassinate X"


def _in_purpose(noun: Token) -> bool:
    """An event noun inside a purpose clause ("to demand the resignation of X") is as unreal as its verb."""
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
    if sense.object == "actor" and is_verbal(tok) and (args.target is None or actor_at(doc, args.target) is None):
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
        src = actor_at(doc, args.source) if args.source is not None else None
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
            withdrawal = sense.code.startswith("087") and _condition_mark(clause) is not None
            return sense.code[:2] >= "10" or withdrawal
    return False


def as_intent(code: str | None, status: str, verbal: bool) -> tuple[str | None, str]:
    """(code, status) for an act the source says it will carry out."""
    if code is None or status != "planned" or not verbal:
        return code, status
    for key in (code, code[:3], code[:2]):
        if key in _INTENT_OF:
            return _INTENT_OF[key], "asserted"
    return code, status


def _condition_mark(tok: Token) -> str | None:
    """"unless" or "if" heading a clause attached to the trigger or to the verb that governs it: "will withdraw
    its force from Chad unless ...", "may halt mediation if cooperation founders"."""
    for node in (tok, tok.head):
        for c in node.children:
            if c.dep_ == "advcl":
                mark = next((m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("unless", "if")), None)
                if mark:
                    return mark
        if is_verbal(node):
            break
    return None


def as_threat(code: str | None, status: str, mark: str | None) -> tuple[str | None, str]:
    """(code, status) for a hostile act made conditional on the other side's conduct: a threat (13x), as CAMEO
    codes "X will boycott the elections unless ...". Cooperative acts on a condition stay what they are."""
    # "could attack Ukraine if the talks fail" is a writer's conjecture, no threat: "if" counts on a stated future
    conditional = mark == "unless" or (mark == "if" and status == "planned")
    if code is None or not conditional or not (code[:2] >= "10" or code.startswith("087")):
        return code, status
    if code.startswith("13"):
        return code, "asserted"
    for key in (code, code[:3], code[:2]):
        if _INTENT_OF.get(key, "").startswith("13"):
            return _INTENT_OF[key], "asserted"
    return ("131" if code.startswith("087") else "130"), "asserted"


# A cooperative act the source says it will not do is a refusal (12x): "will not accept any more refugees",
# "would not meet the hostage-takers' demands". Keys: CAMEO code or prefix of the act refused.
_REFUSAL_OF = {"04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212",
               "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
               "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232",
               "0833": "1233", "0834": "1234", "084": "1243", "085": "1244", "086": "1245", "087": "1246"}
_WILL_NOT = {"will", "would", "wo", "'ll", "shall"}


def as_refusal(code: str | None, status: str, tok: Token) -> tuple[str | None, str]:
    if code is None or status != "negated":
        return code, status
    chain = [tok, tok.head] if tok.dep_ in ("xcomp", "dobj") else [tok]
    if not any(c.dep_ == "aux" and c.lower_ in _WILL_NOT for node in chain for c in node.children):
        return code, status   # "did not release" reports that nothing happened; it refuses nothing
    for key in (code, code[:3], code[:2]):
        if key in _REFUSAL_OF:
            return _REFUSAL_OF[key], "asserted"
    return code, status


def _has_aux(clause: Token, wanted: frozenset[str]) -> bool:
    """"said it would withdraw" (intent) vs "said it had withdrawn" (a report): the clause's own auxiliary."""
    return not wanted or any(c.dep_ in ("aux", "auxpass") and c.lower_ in wanted for c in clause.children)


def _clause_target(doc: Document, tok: Token, sense: Sense, source: Token | None) -> Token | None:
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
        if _owned_by_source(doc, dobj, source):
            dobj = None   # "willing to withdraw its troops from Lebanon": aimed at Lebanon
        for cand in [subject, dobj, pobj_of(clause, *sense.target_preps, "from")]:
            for node in ([cand] if cand is None else [cand, pobj_of(cand, *sense.target_preps)]):
                if node is not None and actor_at(doc, node) is not None:
                    return node
    preps = [p for p in (key_prep(sense.lemma), "to") if p]   # not "at the request of X"
    inner = _inner_target(doc, pobj_of(tok, *preps))
    return inner if inner is not None and actor_at(doc, inner) is not None else None


def _inner_target(doc: Document, target: Token | None) -> Token | None:
    """An object that names no actor may hold one: "rejected a U.S. request", "denounced Serbia's suppression",
    "threatened action against Russia" - its possessor, a country modifier, or its of/against/on-phrase."""
    if target is None or actor_at(doc, target) is not None:
        return target
    for c in target.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and actor_at(doc, c) is not None:
            return c
    # "condemned an attack by X", "rejected an offer from Afghanistan"
    inner = pobj_of(target, "of", "by", "from", "against", "on", "toward", "towards")
    return inner if inner is not None and actor_at(doc, inner) is not None else target


def _content_target(doc: Document, tok: Token, sense: Sense, args: Arguments, consumed: set[int]) -> Token | None:
    """When the object is the content of the event ("halted economic aid to Serbia", "broke off relations with
    Libya"), the target is named by a preposition on the verb or on that object; an object that names an actor
    ("expelled two Russian diplomats") stays the target."""
    if args.target is None or args.target.i not in consumed or actor_at(doc, args.target) is not None:
        return args.target
    preps = tuple(p for p in sense.target_preps if p != key_prep(sense.lemma))
    found = pobj_of(tok, *preps) or pobj_of(args.target, *preps)
    return found if found is not None and found.i not in (tok.i, args.target.i) else None


_LOCATIVE = ("in", "into", "inside", "throughout", "across")


def _place_target(doc: Document, tok: Token, args: Arguments) -> Actor | None:
    """With no party named, CAMEO codes the country where the act took place as its target: "lifted a curfew in
    Montenegro", "demonstrated in Serbia", "shelled positions in Jericho". The place is the one the places stage
    resolved inside an "in"-phrase on the trigger, on its object or on the verb that governs a noun trigger."""
    # "arrived in Amman on a visit": the verb the trigger's prepositional phrase hangs from
    host = tok.head.head if tok.dep_ == "pobj" else None
    heads = [t for t in (tok, args.target, args.governor, host) if t is not None]
    for head in heads:
        obj = pobj_of(head, *_LOCATIVE)
        if obj is None:
            continue
        sub = obj.subtree
        first, last = min(t.idx for t in sub), max(t.idx + len(t.text) for t in obj.subtree)
        for place in doc.places:
            if place.span is not None and place.country and first <= place.span.start < last:
                return Actor(text=place.span.text, span=place.span, name=place.name, code=place.country,
                             country=place.country, kind="country", basis="place-of-event")
    return None


# Acts two parties do together, so that a conjoined subject names both sides ("Brazil and the United States
# deepened their partnership", "the two armies clashed"): agreeing, consulting, diplomatic and material cooperation,
# ceasefires, fighting.
_JOINT = ("03", "04", "05", "06", "0871", "19")


def _joint(code: str | None) -> bool:
    return bool(code) and code.startswith(_JOINT) and code not in ("042", "043")   # a visit has a host


def _owned_by_source(doc: Document, target: Token | None, source: Token | None) -> bool:
    """"withdraw its troops from Lebanon", "strengthened its forces in Lebanon": the object is the source's own
    instrument, not the party acted upon."""
    if target is None or source is None:
        return False
    owner = child(target, "poss")
    if target.pos_ == "PRON" and target.dep_ == "poss":
        owner = target
    if owner is None or owner.pos_ != "PRON":
        return False
    mine, theirs = actor_at(doc, owner), actor_at(doc, source)
    return mine is not None and theirs is not None and mine.country == theirs.country and \
        (mine.name or mine.code) == (theirs.name or theirs.code)


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
# A cooperative act announced for the future is coded, as CAMEO coders do, as the intent it expresses now
# ("Portugal will support Turkey's bid" = 032); an attack announced for the future is a threat (138). Legal steps
# and other acts keep their code with status "planned" ("a hearing will be held Thursday"); announced sanctions
# and repression are threats too (131, 137), but not arrests and trials (173), which courts schedule.
_INTENT_OF = {"0841": "0353", "0871": "0356", "081": "0351", "085": "0354", "086": "0355", "083": "034",
              "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "16": "131",
              "161": "1313",
              "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "18": "138", "19": "138",
              "20": "138", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
              "175": "137", "191": "1381", "192": "1382", "180": "1383", "190": "1384"}
_TEMPORAL_PREPS = {"after", "before", "since", "following", "until", "upon", "during"}
_STATE_ROLES = {"GOV", "JUD", "COP", "MIL", "LEG", "SPY"}
_VIOLENT = {"violent", "deadly", "bloody"}
_TURN = {"turn", "become", "grow", "erupt"}


def _sentence_group(doc: Document, tok: Token) -> Actor | None:
    """For a protest with no protester named: the non-state group the sentence is about (its subject), if any -
    "The 14 members of the CNRP were convicted ... in connection with a street protest"."""
    for t in tok.sent:
        if t.dep_ in ("nsubj", "nsubjpass") and t.i != tok.i:
            actor = actor_at(doc, t)
            if actor is not None and actor.roles and not set(actor.roles) & _STATE_ROLES:
                return replace(actor, inferred=True, basis="sentence-subject")
    return None


def _names_new_party(args: Arguments) -> bool:
    """"after fierce fighting with guerrillas" brings in who fought; "after his release" only points back."""
    return any(t is not None and t.pos_ != "PRON" for t in (args.source, args.target))


def _clause_possessor(doc: Document, head: Token) -> Actor | None:
    """A legal step with no one named as its object is about the person whose prison, detention or case the
    clause mentions: "a hearing will be held at his prison ... to renew his pre-trial detention"."""
    for t in head.subtree:
        if t.dep_ == "poss" and t.pos_ == "PRON":
            actor = actor_at(doc, t)
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


def build(doc: Document, tok: Token, sense: Sense, ctx_iso: str | None) -> Candidate | None:
    args = arguments(tok, sense)
    if sense.kind == "ELECTION" and args.source is None:
        args.source = _winner(tok)
    inner = _inner_target(doc, args.target)
    moved = inner is not args.target
    args.target = inner
    consumed = _conditions(tok, sense, args, doc)
    if consumed is None:
        return None
    if not moved:
        args.target = _content_target(doc, tok, sense, args, consumed)
    if _owned_by_source(doc, args.target, args.source):
        own = args.target if args.target.pos_ != "PRON" else args.target.head
        preps = tuple(p for p in sense.target_preps if p != key_prep(sense.lemma))
        nominal = ("of",) if own.i == tok.i else ()
        args.target = pobj_of(tok, *preps, "from") or pobj_of(own, *preps, *nominal)
        args.governor = args.governor or own
    if (is_verbal(tok) or sense.clause_words) and (args.target is None or actor_at(doc, args.target) is None):
        args.target = _clause_target(doc, tok, sense, args.source) or args.target
    source = actor_at(doc, args.source) if args.source is not None else None
    target = actor_at(doc, args.target) if args.target is not None else None
    if target is not None and source is not None and args.target.pos_ == "PRON" \
            and (target.name, target.code) == (source.name, source.code):
        target = None   # "Nigeria announced that it will ...": the clause's subject is the speaker again
    if target is None and source is not None and _joint(sense.code):
        partner = next((actor_at(doc, c) for c in args.source.conjuncts if actor_at(doc, c) is not None), None)
        target = partner   # "Obama and Putin will meet": each is the other's partner
    if target is None and (source is not None or sense.implied_source):
        target = _place_target(doc, tok, args)
    protest = (sense.code or "").startswith("14")
    if source is None and target is None and not (sense.implied_source or sense.implied_target or protest):
        return None
    if not is_verbal(tok) and tok.dep_ == "pobj" and tok.head.lower_ in _TEMPORAL_PREPS and not _has_time(tok) \
            and not _names_new_party(args):
        return None  # "after his release": a time reference back to an event told elsewhere, not a new report
    light = args.governor is not None and args.governor.lemma_.lower() in LIGHT_VERBS
    if not is_verbal(tok) and source is None and target is None and not (_has_time(tok) or sense.consumes or light):
        return None  # a bare event noun re-mentions an event ("the latest releases"); it is not a new one
    if target is None and sense.patient and sense.implied_source:
        target = _clause_possessor(doc, args.governor or tok)
    if sense.kind == "ELECTION" and source is None:
        return None  # an election is coded with its winner; "the election had been rigged" is not a new one
    explicit = sum(a is not None for a in (source, target))
    code = sense.code
    if code and code.startswith("14"):
        source = source or _sentence_group(doc, tok) or _implied("CVL", target, ctx_iso)
        code = "145" if _turned_violent(tok) else code
    source = source or _implied(sense.implied_source, target, ctx_iso)
    target = target or _implied(sense.implied_target, source, ctx_iso)
    count, count_tok = _count(args.target if sense.patient or is_passive(tok) else args.source)
    sent = tok.sent
    status = status_of(tok)
    announced = (is_verbal(tok) or args.governor is not None) and source is not None and not source.inferred
    code, status = as_threat(code, status, _condition_mark(tok)) if announced else (code, status)
    code, status = as_intent(code, status, announced)
    code, status = as_refusal(code, status, tok) if announced else (code, status)
    info = cameo.get(code) if code else None
    extra = [actor_at(doc, t) for t in args.extra_targets]
    detail = "; ".join(f"also target: {a.text} ({a.code})" for a in extra if a is not None) or None
    inferred = any(a is not None and a.inferred for a in (source, target))
    conf = _BASE + _PER_ACTOR * explicit + (_VERBAL if is_verbal(tok) else 0) - (_IMPLIED_PENALTY if inferred else 0)
    event = Event(
        trigger=_trigger_span(doc, tok), sentence=Span.of(doc.text, sent.start_char, sent.end_char),
        cameo=code, kind=sense.kind, name=info.name if info else sense.kind.title(),
        goldstein=info.goldstein if info else None, quadclass=info.quadclass if info else None,
        plover_type=info.plover_type if info else None, plover_mode=info.plover_mode if info else None,
        source=source, target=target, count=count,
        count_span=Span.of(doc.text, count_tok.idx, count_tok.idx + len(count_tok.text)) if count_tok else None,
        status=status, confidence=max(0.05, min(conf, 0.95)), detail=detail,
        term=term_of(doc.text, tok) if _gives_term(sense, tok) else None)
    return Candidate(event, consumed)


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
    ctx_iso = context_country(doc, parsed)
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
