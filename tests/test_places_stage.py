"""Toponym recognition and resolution in the places stage, on hand-built parses (no model)."""
from __future__ import annotations

from storyline.model.doc import Actor, Event, Span
from storyline.places.resolve import Context, country_of_alias, resolve
from storyline.places.stage import find_places, place_event
from tests.handmade import document

TEXAS_PARIS = """
Police police NOUN NNS 1 nsubj O
searched search VERB VBD 1 ROOT O
Paris Paris PROPN NNP 1 dobj B-GPE
, , PUNCT , 2 punct O
near near ADP IN 2 prep O
Dallas~ Dallas PROPN NNP 4 pobj B-GPE
, , PUNCT , 5 punct O
Texas~ Texas PROPN NNP 5 appos B-GPE
. . PUNCT . 1 punct O
"""

FRENCH_PARIS = """
Police police NOUN NNS 1 nsubj O
searched search VERB VBD 1 ROOT O
Paris Paris PROPN NNP 1 dobj B-GPE
, , PUNCT , 2 punct O
near near ADP IN 2 prep O
Versailles~ Versailles PROPN NNP 4 pobj B-GPE
, , PUNCT , 5 punct O
France~ France PROPN NNP 5 appos B-GPE
. . PUNCT . 1 punct O
"""


def _place(doc, name):
    return next(p for p in doc.places if p.name == name)


def test_ambiguous_name_follows_the_articles_country() -> None:
    texas = _place(find_places(document(TEXAS_PARIS)), "Paris")
    assert (texas.country, texas.admin1, texas.precision) == ("USA", "TX", "city")
    assert texas.lat is not None and 33 < texas.lat < 34 and texas.geonames_id is not None
    france = _place(find_places(document(FRENCH_PARIS)), "Paris")
    assert (france.country, france.geonames_id) == ("FRA", 2988507)


def test_every_recognised_toponym_gets_coordinates_and_a_span() -> None:
    doc = find_places(document(TEXAS_PARIS))
    assert [p.name for p in doc.places] == ["Paris", "Dallas", "Texas"]
    assert all(p.span is not None and doc.text[p.span.start:p.span.end] == p.name for p in doc.places)
    assert _place(doc, "Texas").precision == "adm1"


def test_population_prior_without_context() -> None:
    assert resolve("Paris", Context()).country == "FRA"
    ctx = Context()
    ctx.countries["USA"] += 3
    assert resolve("Paris", ctx).country == "FRA"    # a US story may well mention France's capital ...
    ctx.regions[("USA", "TX")] += 1
    assert resolve("Paris", ctx).admin1 == "TX"      # ... but in a story naming Texas, Paris is the Texas town


def test_country_aliases_and_capitals() -> None:
    usa = country_of_alias("U.S.")
    assert usa is not None and usa.precision == "country"
    assert country_of_alias("Washington") is None            # a capital city, not an alias of its country
    washington = resolve("Washington", Context())
    assert washington is not None and washington.fcode == "PPLC"


SEED_DATELINE = """
Police police NOUN NNS 1 nsubj O
arrested arrest VERB VBD 1 ROOT O
him him PRON PRP 1 dobj O
. . PUNCT . 1 punct O
"""


def test_phnom_penh_dateline_is_the_city_in_cambodia() -> None:
    doc = find_places(document(SEED_DATELINE, dateline="PHNOM PENH"))
    dl = doc.dateline
    assert dl is not None and dl.country == "KHM" and dl.precision == "city" and dl.basis == "dateline"
    assert dl.lat is not None and abs(dl.lat - 11.56) < 0.2 and abs(dl.lon - 104.92) < 0.2
    ev = Event(trigger=Span.of(doc.text, 7, 15), sentence=Span.of(doc.text, 0, len(doc.text)))
    assert place_event(doc, ev, doc.dateline) is dl


METONYMY = """
Moscow Moscow PROPN NNP 1 nsubj B-GPE
said say VERB VBD 1 ROOT O
talks talk NOUN NNS 3 nsubj O
ended end VERB VBD 1 ccomp O
in in ADP IN 3 prep O
Geneva~ Geneva PROPN NNP 4 pobj B-GPE
. . PUNCT . 1 punct O
"""


def test_metonymic_toponym_is_recorded_but_does_not_place_the_event() -> None:
    doc = find_places(document(METONYMY))
    assert {p.name for p in doc.places} == {"Moscow", "Geneva"}
    assert _place(doc, "Moscow").country == "RUS"
    said = Event(trigger=Span.of(doc.text, 7, 11), sentence=Span.of(doc.text, 0, len(doc.text)))
    place = place_event(doc, said, None)
    assert place is not None and place.name == "Geneva" and place.country == "CHE"   # not the subject, Moscow


def test_actor_country_fallback_has_the_countrys_point() -> None:
    doc = find_places(document(SEED_DATELINE))
    ev = Event(trigger=Span.of(doc.text, 7, 15), sentence=Span.of(doc.text, 0, len(doc.text)),
               source=Actor("Police", None, country="KHM"))
    place = place_event(doc, ev, None)
    assert place is not None and (place.country, place.precision, place.basis) == ("KHM", "country", "actor-country")
    assert place.lat is not None and place.geonames_id is not None
