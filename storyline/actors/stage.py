"""The actors stage: every noun phrase that names an actor becomes an `Actor` with a CAMEO-style code.

Order of evidence (most specific first): the phrase's own words (titles, role modifiers, country words), an
apposition or "of"-phrase, earlier mentions of the same entity (coref), the table of office holders on the
article's date, and last the article's own country (its dateline, else its most named country) for role nouns
that name no country ("the court", "police").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from storyline.actors.coref import Entity, Tracker
from storyline.actors.describe import Phrase, entity_at, is_pronoun, phrase_tokens, read_phrase
from storyline.model.doc import Actor, Document, Span
from storyline.nlp.numbers import parse_number
from storyline.reference import countries, leaders
from storyline.reference.dictionaries import ActorDictionary
from storyline.reference.roles import roles as role_lexicon

# Codes of bodies that belong to no one country: the article's country is never put in front of them.
_TRANSNATIONAL = {"IGO", "NGO", "IMG", "MNC"}

_HEAD_DEPS_SKIP = {"compound", "flat", "amod", "nummod", "det", "case", "quantmod", "punct"}


def context_country(doc: Document, parsed: Any) -> str | None:
    """The article's own country: the one its text names most often, the dateline's country counting once more
    and breaking ties. A Bangkok dateline on a story about Myanmar must not make Myanmar's army Thai."""
    counts: Counter[str] = Counter()
    for ent in parsed.ents:
        ethnic = ent.start > 0 and parsed[ent.start - 1].lower_ == "ethnic"   # "ethnic Albanians in Serbia"
        if ent.label_ in ("GPE", "NORP") and not ethnic and not doc.in_boilerplate(ent.start_char, ent.end_char):
            iso = countries.country_for(ent.text)
            if iso:
                counts[iso] += 2
    if doc.dateline is not None:
        iso = doc.dateline.country or _dateline_country(doc.dateline.name)
        if iso:
            counts[iso] += 3
    return counts.most_common(1)[0][0] if counts else None


def _dateline_country(name: str) -> str | None:
    for part in [name, *[p.strip() for p in name.split(",")][::-1]]:
        iso = countries.country_for(part)
        if iso:
            return iso
    return None


def _candidates(parsed: Any) -> list[Any]:
    return [t for t in parsed if not t.is_space and ((t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "DET")
            and t.dep_ not in _HEAD_DEPS_SKIP) or _named_modifier(t))]


def _named_modifier(tok: Any) -> bool:
    """A whole name used as a modifier ("a U.S. request", "Serbia's army" is poss already): the last word of an
    entity whose head lies outside it."""
    if tok.dep_ not in ("compound", "amod", "nmod"):
        return False
    if tok.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON"):
        # the small model misses one-word country names used as modifiers ("agreed to US mediation")
        if tok.pos_ != "PROPN" or tok.head.pos_ == "PROPN" or not countries.country_for(tok.text):
            return False
    else:
        ent = entity_at(tok)
        if ent is None or ent.end - 1 != tok.i or ent.start <= tok.head.i < ent.end:
            return False
    head = tok.head  # "Cambodian Prime Minister Hun Sen": the word describes an actor, it is not one
    return head.pos_ != "PROPN" and head.lemma_.lower() not in role_lexicon().heads


def _apply_leaders(ph: Phrase, on: str | None, home: str | None) -> None:
    """The office a named person holds on the article date. Where a name fits holders in several countries ("Johnson"),
    the article's own country decides, else the latest dated role."""
    if ph.kind not in ("person", "unknown") or not ph.name:
        return
    found = leaders.leaders_for(ph.name, on)
    if not found:
        return
    code = next((x.code for x in found if x.code[:3] == (ph.country or home)), found[0].code)
    ph.kind = "person"
    ph.country = ph.country or code[:3]
    if not ph.roles:
        ph.roles = [code[i: i + 3] for i in range(3, len(code), 3)]
        ph.basis = "leaders-table"


def _enrich(ph: Phrase, other: Phrase | None) -> None:
    """Fill what a generic phrase lacks from its "of"-phrase or apposition."""
    if other is None:
        return
    if not ph.roles or (ph.generic and ph.basis != "modifier"):  # "opposition leader" keeps its own role
        ph.roles = ph.roles if (ph.roles and not other.roles) else list(other.roles or ph.roles)
        ph.basis = ph.basis or other.basis
    ph.country = ph.country or other.country
    if other.name and other.kind == "person" and not ph.name:
        ph.name, ph.kind = other.name, "person"


def _of_phrase(tok: Any, on: str | None) -> Phrase | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return read_phrase(obj, on)
    return None


def _described(tok: Any, on: str | None) -> Phrase | None:
    """A phrase read with its "of"-phrase folded in ("members of the opposition party" -> OPP)."""
    ph = read_phrase(tok, on)
    if ph is not None:
        _enrich(ph, _of_phrase(tok, on))
    return ph


def _related(tok: Any, on: str | None) -> list[Phrase | None]:
    """Phrases that describe the same actor: its "of"-phrase and its apposition (either direction)."""
    out = [_of_phrase(tok, on)]
    out += [_described(c, on) for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        out.append(_described(tok.head, on))
    return out


def _from_dictionaries(dictionaries: Sequence[ActorDictionary], doc: Document, tok: Any,
                       ph: Phrase | None) -> Phrase | None:
    """The user's dictionaries, consulted last: they fill what the text itself left open."""
    if not dictionaries or (ph is not None and ph.country and ph.roles):
        return ph
    tokens = ph.tokens if ph is not None else phrase_tokens(tok)
    text = doc.text[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]
    for dictionary in dictionaries:
        code = dictionary.lookup(text, doc.date)
        if not code:
            continue
        country, roles = countries.split_code(code)
        if ph is None:
            ph = Phrase(head=tok, tokens=tokens, kind="organisation" if roles else "country",
                        plural=tok.tag_ in ("NNS", "NNPS"))
            ph.name = text
        ph.country = ph.country or country
        ph.roles = ph.roles or roles
        ph.basis = "dictionary"
        return ph
    return ph


def _to_actor(doc: Document, tok: Any, ent: Entity, ph: Phrase | None, basis: str | None,
              ctx_iso: str | None) -> Actor:
    tokens = ph.tokens if ph else [tok]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    country = ent.country
    inferred_country = False
    transnational = bool(ent.roles) and ent.roles[0] in _TRANSNATIONAL
    # people arrested, freed or killed in a country belong to it unless the text says otherwise
    person = ent.kind == "person"
    if country is None and ctx_iso and (ent.roles or ent.name is None or person) and not transnational:
        country, inferred_country = ctx_iso, True
    code = (country or "") + "".join(r for r in ent.roles if r) or None
    return Actor(text=doc.text[start:end], span=Span.of(doc.text, start, end), name=ent.name, code=code,
                 country=country, roles=list(ent.roles), kind=ent.kind,
                 basis=(basis or "") + ("+context-country" if inferred_country else "") or None)


class FindActors:
    """The actors stage. `dictionaries`: the user's actor dictionaries (PETRARCH/TABARI, CSV or YAML files read by
    `ActorDictionary.load`), configuration built once and consulted for names the text itself does not code."""

    def __init__(self, dictionaries: Sequence[ActorDictionary] = ()) -> None:
        self.dictionaries = tuple(dictionaries)

    def __call__(self, doc: Document) -> Document:
        return find_actors(doc, self.dictionaries)


def find_actors(doc: Document, dictionaries: Sequence[ActorDictionary] = ()) -> Document:
    parsed = doc.parsed
    ctx_iso = context_country(doc, parsed)
    tracker = Tracker()
    actors: list[Actor] = []
    index: dict[int, int] = {}
    sent_of = {t.i: i for i, s in enumerate(parsed.sents) for t in s}
    for tok in _candidates(parsed):
        sent_i = sent_of[tok.i]
        ph: Phrase | None = None
        ent: Entity | None = None
        basis = None
        if is_pronoun(tok):
            ent, basis = tracker.resolve_pronoun(tok, sent_i), "coref-pronoun"
        elif tok.pos_ == "NUM" and any(c.lower_ == "the" for c in tok.children):
            count = parse_number(tok.text)
            if count:
                ent, basis = tracker.resolve_number(count, tok, sent_i), "coref-number"
        else:
            ph = _from_dictionaries(dictionaries, doc, tok, read_phrase(tok, doc.date))
            if ph is None:
                continue
            for other in _related(tok, doc.date):
                _enrich(ph, other)
            _apply_leaders(ph, doc.date, ctx_iso)
            ent = tracker.match_name(ph)
            basis = "coref-name" if ent else ph.basis
            if ent is None:
                ent = tracker.match_title(ph, sent_i)
                basis = "coref-title" if ent else basis
            ent = tracker.observe(ph, sent_i, ent)
        if ent is None:
            continue
        ent.last_sent, ent.last_token = sent_i, max(ent.last_token, tok.i)
        index[tok.i] = len(actors)
        actors.append(_to_actor(doc, tok, ent, ph, basis, ctx_iso))
    doc.country = ctx_iso
    doc.actor_by_token = index
    doc.actors = actors
    return doc
