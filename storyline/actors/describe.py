"""What one noun phrase says about who it names: a name, a country, roles, a kind.

Works on the dependency parse: the phrase is the head noun with its left modifiers and compounds; an "of"-phrase
and an apposition add evidence ("the former leader of the opposition party, Kem Sokha"). Resolving pronouns and
repeated names is coref.py's job; this module only reads the words of the phrase itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.nlp.numbers import parse_number
from storyline.reference import countries, organisations
from storyline.reference.geonames import capital_country
from storyline.reference.roles import roles as role_lexicon
from storyline.reference.triggers import senses_for

Token = Any  # spaCy Token

# Words that say an ORG-tagged name is really an organisation; without one, a two- or three-word title-case
# "ORG" is usually a person the small model mislabelled (it tags "Kem Sokha" as ORG).
_ORG_HINTS = {"party", "group", "council", "ministry", "court", "union", "front", "army", "association", "committee",
              "commission", "agency", "organization", "organisation", "bank", "company", "corp", "inc", "news",
              "press", "times", "university", "watch", "international", "amnesty", "assembly", "parliament",
              "government", "police", "forces", "movement", "alliance", "league", "foundation", "institute",
              "office", "department", "service", "network", "post", "journal", "brigade", "brigades", "coalition",
              "federation", "club", "church", "school", "hospital", "airlines", "airways", "nations"}
_ENTITY_INDEX = "storyline_entity_by_token"
_NAME_DEPS = {"compound", "flat", "nmod"}
_SKIP_DEPS = {"relcl", "acl", "appos", "prep", "punct", "cc", "conj", "advcl", "case"}
_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "those", "these", "himself",
             "herself", "themselves", "it", "its"}


@dataclass
class Phrase:
    """The evidence one noun phrase offers (before coreference)."""

    head: Token
    tokens: list[Token]
    name: str | None = None
    kind: str = "unknown"
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    basis: str | None = None
    plural: bool = False
    count: int | None = None
    count_tokens: list[Token] = field(default_factory=list)
    generic: bool = False
    title: str | None = None      # the role noun the phrase is headed by or titled with ("prime minister")
    definite: bool = False        # "the ..." without a name: may refer back to a named actor


def phrase_tokens(head: Token) -> list[Token]:
    """The head with everything to its left in its subtree, and compounds on its right; clauses excluded."""
    out = [head]

    def left(tok: Token) -> None:
        for child in tok.lefts:
            if child.dep_ in _SKIP_DEPS:
                continue
            out.append(child)
            left(child)
            for r in child.rights:
                if r.dep_ not in _SKIP_DEPS:
                    out.append(r)
                    left(r)

    left(head)
    out.extend(c for c in head.rights if c.dep_ in ("compound", "flat"))
    # blanked boilerplate (a dateline before the subject) parses as whitespace hanging on the phrase: not its words
    return sorted({t.i: t for t in out if not t.is_space}.values(), key=lambda t: t.i)


def _possessor(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "poss"), None)


def _own_tokens(head: Token) -> list[Token]:
    """Phrase tokens without the possessor's own phrase ("Hun Sen's political foes" -> "political foes")."""
    poss = _possessor(head)
    skip = {t.i for t in poss.subtree} if poss is not None else set()
    return [t for t in phrase_tokens(head) if t.i not in skip]


def _clean(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.rstrip(".,").strip()


def entity_at(tok: Token) -> Any:
    """The named entity a token is part of, or None; the index is built once per parsed document."""
    index = tok.doc.user_data.get(_ENTITY_INDEX)
    if index is None:
        index = {i: ent for ent in tok.doc.ents for i in range(ent.start, ent.end)}
        tok.doc.user_data[_ENTITY_INDEX] = index
    return index.get(tok.i)


def entity_label(tok: Token) -> str | None:
    """The NER label with the small model's common slips corrected."""
    if not tok.ent_type_:
        return None
    ent = entity_at(tok)
    if ent is None:
        return tok.ent_type_
    if ent.label_ == "ORG" and _looks_like_person_name(ent):
        return "PERSON"
    if ent.label_ == "PERSON" and any(w.lower_ in _ORG_HINTS for w in ent):
        return "ORG"
    return ent.label_


def _looks_like_person_name(ent: Any) -> bool:
    words = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
    if not 2 <= len(words) <= 3:
        return False
    if any(w.lower_ in _ORG_HINTS or w.is_upper or not w.is_title for w in words):
        return False
    return not any(countries.country_for(w.text) for w in words)


def name_tokens(head: Token) -> list[Token]:
    """The contiguous proper-noun run that ends at the head, without leading role words ("Prime Minister")."""
    if head.pos_ != "PROPN":
        return []
    run = [head]
    for tok in reversed(list(head.doc[max(head.i - 6, 0): head.i])):
        joined = tok.tag_ == "HYPH" or (tok.pos_ == "PROPN" and run[0].tag_ == "HYPH")  # "Park Geun-hye"
        if joined or (tok.pos_ == "PROPN" and tok.dep_ in _NAME_DEPS and tok.head.i in {t.i for t in run}):
            run.insert(0, tok)
        else:
            break
    while run and run[0].tag_ == "HYPH":
        run.pop(0)
    while len(run) > 1:
        drop = _country_prefix(run) or int(_opens_title(run))   # a country's words, else one title word
        if not drop:
            break
        del run[:drop]
    return run


def _city_word(tok: Token) -> bool:
    return countries.alias_kind(tok.text) in ("city", "region") and tok.lower_ not in _TITLE_WORDS


def _opens_title(run: list[Token]) -> bool:
    """Whether the run's first word belongs to a title before the name. A city does only when a title word follows
    ("Moscow Mayor Sergei Sobyanin"): "Aden Duale" is a man named Aden, not someone from Aden."""
    if not _title_word(run[0]):
        return False
    return not _city_word(run[0]) or (len(run) > 2 and _title_word(run[1]))


def _country_prefix(run: list[Token]) -> int:
    """How many words at the start of `run` name a country ("United States President Donald Trump": 2), so that
    the title after them is read; 0 when none does, or when the country is all the run has."""
    for n in range(min(countries.max_alias_words(), len(run) - 1), 1, -1):
        if countries.country_for(" ".join(t.text for t in run[:n])):
            return n
    return 0


# Words that open a name as its title, not as part of it ("Kyrgyz Prime Minister Nikolai Tanaev", "Lt. Gen.").
_TITLE_WORDS = {"prime", "vice", "foreign", "deputy", "defence", "defense", "interior", "finance", "former", "ousted",
                "acting", "secretary", "state", "general", "lt", "gen", "col", "maj", "sgt", "capt", "cpt", "adm",
                "mr", "mrs", "ms", "dr", "sir", "sheikh", "pres", "sen", "rep", "gov", "supreme", "chief", "crown"}


def _title_word(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    return not word or word in role_lexicon().heads or word in _TITLE_WORDS or bool(countries.country_for(tok.text))


def _match_roles(words: list[str], table: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """Longest multiword match of any entry of `table` inside `words` (lower-case lemmas or forms)."""
    joined = " ".join(words)
    hyphened = joined.replace(" - ", "-")
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i: i + n])
            if key in table:
                return table[key]
    for key, val in table.items():
        if "-" in key and key in hyphened:
            return val
    return None


def _countries(tokens: list[Token]) -> str | None:
    words = [t.text for t in tokens if not t.is_punct or t.text in ("U.S.", "U.K.")]
    longest = countries.max_alias_words()
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            iso = countries.country_for(" ".join(words[i: i + n]))
            if iso:
                return iso
    return None


_CONDITIONS = {"state"}
_NOT_ARMOUR = {"fuel", "oil", "gas", "water", "storage", "septic", "think", "fish"}


def read_phrase(head: Token, on: str | None) -> Phrase | None:
    """Describe the noun phrase headed by `head`, or None when it names no actor."""
    lex = role_lexicon()
    if head.lemma_.lower() in _CONDITIONS and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None   # "a state of emergency", "a state of siege": a condition, not the state
    if head.lemma_.lower() == "tank" and any(c.dep_ == "compound" and c.lemma_.lower() in _NOT_ARMOUR
                                             for c in head.children):
        return None   # "a fuel tank", "a think tank": no armour
    own = _own_tokens(head)
    ph = Phrase(head=head, tokens=phrase_tokens(head), plural=head.tag_ in ("NNS", "NNPS"))
    _read_count(ph, own)
    label = entity_label(head)
    names = name_tokens(head)
    if label in ("DATE", "TIME") and _name_not_date(names):
        label = None   # "Theresa May", "Peter August": a person the model read as a date
    # a one-word country name the model took for a person ("Jordan opened its border") is still the country
    named_country = head.pos_ == "PROPN" and (
        (label is None and countries.country_for(head.text) is not None)
        or (label == "PERSON" and len(names) == 1 and countries.alias_kind(head.text) == "country"))
    if label in ("GPE", "NORP") or named_country:
        iso = _countries([head]) or _countries(own)
        # a short name ("the Cambodians", "Russia"); counts do not lengthen it ("at least 74 Palestinians")
        core = [t for t in own if t.dep_ not in ("nummod", "quantmod", "advmod", "det", "predet") and not t.like_num]
        if iso and any(t.lower_ == "ethnic" for t in own):
            # "ethnic Albanians" in Serbia or Macedonia are that country's people, not Albania: civilians whose
            # country the context gives
            ph.kind, ph.roles, ph.basis = "group", ["CVL"], "ethnic-group"
            return ph
        if iso and label == "NORP" and _counted(own):
            # "an Australian", "three Britons": people of that country, not its state
            ph.country, ph.kind, ph.basis = iso, "group" if ph.plural else "person", "demonym"
            return ph
        if iso and len(core) <= 3:
            ph.country, ph.kind, ph.name, ph.basis = iso, "country", countries.country_name(iso), "country"
            if _capital_as_actor(head, iso):
                ph.roles, ph.basis = ["GOV"], "capital"   # still a place name: kind stays "country"
            return ph
    ent = entity_at(head) if label == "ORG" else None
    if ent is not None and len(ent) > len(names):  # "Cambodian People's Party": the name runs past a possessive
        names = [t for t in ent if t.lower_ != "the"]
    if names and label in ("PERSON", "ORG", None):
        ph.name = _clean("".join(t.text + t.whitespace_ for t in names))
        ph.kind = "organisation" if label == "ORG" else "person" if label == "PERSON" else "unknown"
    org, whole = (_organisation(own), True) if label != "PERSON" else _person_organisation(own, names)
    if org is not None and whole:
        ph.name, ph.kind, ph.basis = org.name, "organisation", "organisation-table"
        ph.country, ph.roles = countries.split_code(org.code)
        ph.country = ph.country or _countries([t for t in own if t.dep_ in ("amod", "compound")])
        return ph
    if org is not None:  # a person whose title names the organisation they speak for
        ph.country, ph.roles = countries.split_code(org.code)
        ph.basis = "title-organisation"
        return ph
    head_words = [t.lemma_.lower() for t in own if t.i not in {n.i for n in names}]
    noun = _head_noun(head_words, lex)
    if noun is None and label is None:  # "Taiwan's Vice Foreign Minister": a title the parser took for a name
        noun = _head_noun([t.lemma_.lower() for t in own if not t.is_punct], lex)
    head_role = noun.roles if noun is not None and noun.roles else None
    if noun is not None:
        ph.generic = noun.generic
        ph.title = _head_key(head_words, lex)
        ph.definite = ph.name is None and any(t.lower_ == "the" and t.dep_ == "det" for t in own)
        if ph.kind == "unknown":
            ph.kind = noun.kind if not ph.plural or noun.kind != "person" else "group"
    modifiers = _match_roles([t.lower_ for t in own if t.i != head.i or ph.name], lex.modifiers)
    org_roles = None
    if ph.kind == "organisation" and ph.name:
        org_roles = _match_roles([w.lower() for w in ph.name.split()], lex.org_words)
    if modifiers and head_role and not (noun and noun.generic) and (_allegiance(own) or tuple(head_role) == ("JUD",)):
        # "pro-government courts" are courts; allegiance sets the role of agitators, not courts; and a
        # "military court" is a court
        modifiers = None
    ph.roles = list(modifiers or org_roles or head_role or ())
    ph.basis = "modifier" if modifiers else "name" if org_roles else "role-noun" if head_role else None
    # a first name that is also a city's ("Aden Duale") says nothing of the person's country
    given = {names[0].i} if ph.kind == "person" and len(names) > 1 and _city_word(names[0]) else set()
    ph.country = _countries([t for t in own if t.i not in given])
    poss = _possessor(head)
    if ph.country is None and poss is not None:  # "Ethiopia's government", "Russia's army"
        ph.country = _countries([t for t in poss.subtree if t.tag_ != "POS"])
    if ph.name is None and noun is None and ph.kind == "unknown":
        return None
    return ph


# Where a capital stands for its government ("Washington demanded", "an admission by Moscow", "Moscow's
# decision"), not for a place: never as an object ("would blockade Paris" aims at the city)
_STANCES = {"decision", "position", "policy", "statement", "offer", "proposal", "demand", "call", "response",
            "refusal", "stance", "plan", "move", "view", "reply", "request", "approach", "support", "opposition"}


_CALENDAR_WORDS = set("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday early mid late".split())


def _name_not_date(names: list[Token]) -> bool:
    """A run of proper nouns that opens with a word no date has: a name, whatever its last word."""
    return len(names) > 1 and names[0].lower_ not in _CALENDAR_WORDS and not names[0].like_num


def _counted(own: list[Token]) -> bool:
    """A demonym counted as people: "an Australian", "two Britons", "at least 74 Palestinians"."""
    return any(t.lower_ in ("a", "an") or t.like_num or t.dep_ == "nummod" for t in own)


def _capital_as_actor(head: Token, iso: str) -> bool:
    # "an offer from Moscow" (a noun's "from") is the government's, "withdrew its troops from Kabul" the city
    agent = head.dep_ == "pobj" and (head.head.lower_ == "by" or
                                     (head.head.lower_ == "from" and head.head.head.pos_ in ("NOUN", "PROPN")))
    # "Moscow's decision" is the government's, "Kabul's airport" the city's
    owner = head.dep_ == "poss" and _says_or_does(head.head)
    if not (head.dep_ in ("nsubj", "nsubjpass") or agent or owner) or entity_label(head) != "GPE":
        return False
    return capital_country(head.text) == iso


def _says_or_does(noun: Token) -> bool:
    """A noun a government can own as its act or word: an event, a decision, a statement, an official."""
    return bool(senses_for(noun)) or noun.lemma_.lower() in _STANCES or noun.lemma_.lower() in role_lexicon().heads


def _person_organisation(own: list[Token], names: list[Token]) -> tuple[organisations.Organisation | None, bool]:
    """The small model tags some organisations as people ("The European Community", "The Red Cross"): the whole
    name must then be a known organisation. A person's title may name one ("U.N. Secretary-General Kofi Annan")."""
    name = [t for t in names if t.lower_ != "the"]
    whole = _organisation(name) if name else None
    if whole is not None and len(whole.name.split()) >= len(name) - 1:
        return whole, True
    title = [t for t in own if t.ent_type_ != "PERSON"]
    return (_organisation(title) if title else None), False


def _organisation(tokens: list[Token]) -> organisations.Organisation | None:
    """Longest run of the phrase's words that names a known organisation."""
    words = [t for t in tokens if not t.is_punct or t.text in ("-",)]
    longest = organisations.max_organisation_words()
    for n in range(min(longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            span = words[i: i + n]
            text = "".join(t.text + t.whitespace_ for t in span).strip()
            org = organisations.organisation_for(text)
            if org is not None:
                return org
    return None


def _allegiance(tokens: list[Token]) -> bool:
    return any(t.lower_ in ("pro", "anti") or t.lower_.startswith(("pro-", "anti-")) for t in tokens)


def _head_key(words: list[str], lex: Any) -> str | None:
    return next((" ".join(words[-n:]) for n in (3, 2, 1) if len(words) >= n and " ".join(words[-n:]) in lex.heads),
                None)


def _head_noun(words: list[str], lex: Any) -> Any:
    for n in (3, 2, 1):
        key = " ".join(words[-n:])
        if len(words) >= n and key in lex.heads:
            return lex.heads[key]
    return None


def _read_count(ph: Phrase, own: list[Token]) -> None:
    nums = [t for t in own if t.dep_ == "nummod" or (t.like_num and t.i < ph.head.i and t.head.i == ph.head.i)]
    if not nums:
        return
    value = parse_number(" ".join(t.text for t in nums))
    if value is not None:
        ph.count, ph.count_tokens = value, nums


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in _PRONOUNS and tok.pos_ in ("PRON", "DET")
