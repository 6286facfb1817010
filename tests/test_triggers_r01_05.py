"""The trigger lexicon for CAMEO roots 01-05 (storyline/data/triggers/r01_05.yaml): statements, appeals, intents,
consultations and diplomatic cooperation, coded from whole sentences, plus a reachability check of every code."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml

from storyline.model.doc import Event
from storyline.reference import cameo
from storyline.reference.triggers import triggers

ROOTS = ("01", "02", "03", "04", "05")

# Codes in our range with no entry, and why. The two-digit roots are never coded themselves: a statement, appeal,
# intent, consultation or cooperation that fits no narrower code takes the root's "not specified" code (010 ... 050).
WITHOUT_SIGNAL = {"01", "02", "03", "04", "05"}


def actors(ev: Event) -> tuple[str | None, str | None]:
    return getattr(ev.source, "code", None), getattr(ev.target, "code", None)


def test_every_code_in_range_is_reachable_or_listed() -> None:
    raw = yaml.safe_load(resources.files("storyline.data").joinpath("triggers/r01_05.yaml").read_text("utf-8"))
    mine = {s["code"] for senses in raw["triggers"].values() for s in senses}
    merged = {s.code for senses in triggers().values() for s in senses}
    in_range = {c for c in cameo.all_codes() if c[:2] in ROOTS}
    assert in_range, "no CAMEO codes read for roots 01-05"
    missing = sorted(c for c in in_range if c not in mine and c not in WITHOUT_SIGNAL)
    assert not missing, f"unreachable codes: {missing}"
    assert mine <= merged, "every sense of this file must be loaded into the merged lexicon"
    assert not WITHOUT_SIGNAL & mine, "a code listed as having no signal is in fact used"


def test_sense_order_puts_specific_topics_before_general_ones() -> None:
    codes = [s.code for s in triggers()["agree"] if s.code and s.code.startswith("03")]
    assert codes.index("0356") < codes.index("030") and codes.index("033") > codes.index("0333")
    assert all(s.code == "057" for s in triggers()["ratify"])


@pytest.mark.model
def test_01_statements(one) -> None:
    ev = one("The Egyptian Foreign Ministry issued a statement on Monday about the border dispute.", "01")
    assert (ev.cameo, ev.source.code, ev.status) == ("010", "EGYGOV", "asserted")
    ev = one("The French government declined to comment on the report.", "01")
    assert (ev.cameo, actors(ev)) == ("011", ("FRAGOV", None))
    assert one("Germany expressed concern over the fighting in Libya.", "01").cameo == "012"
    assert one("Iran claimed responsibility for the attack on the tanker.", "01").cameo == "015"
    assert one("The Japanese prime minister offered his condolences after the shooting.", "01").cameo == "016"
    ev = one("The Turkish government did not issue a statement on the election.", "01")
    assert (ev.cameo, ev.status) == ("010", "negated")


@pytest.mark.model
def test_a_bare_said_is_no_event(events) -> None:
    for text in ("A Russian government spokesman said the weather in Moscow was bad on Monday.",
                 "The Kenyan president said on Friday that the economy had grown."):
        assert not [e for e in events(text) if e.cameo and e.cameo[:2] in ROOTS], text


@pytest.mark.model
def test_02_appeals(one) -> None:
    ev = one("The United Nations urged Israel to release the Palestinian prisoners.", "02")
    assert (ev.cameo, actors(ev)) == ("0253", ("IGOUNO", "ISRGOV"))
    ev = one("France called on Russia to withdraw its troops from Ukraine.", "02")
    assert (ev.cameo, actors(ev)) == ("0256", ("FRAGOV", "RUSGOV"))
    ev = one("Kenya appealed to the United Nations for food aid.", "02")
    assert (ev.cameo, actors(ev)) == ("0233", ("KENGOV", "IGOUNO"))
    ev = one("Greece was urged by Germany to hold talks with Turkey.", "02")
    assert (ev.cameo, actors(ev)) == ("026", ("DEUGOV", "GRCGOV"))
    ev = one("Germany did not urge Greece to hold talks with Turkey.", "02")
    assert (ev.cameo, actors(ev), ev.status) == ("026", ("DEUGOV", "GRCGOV"), "negated")


@pytest.mark.model
def test_03_intents(events, one) -> None:
    ev = one("Russia agreed to lift the embargo on Georgian wine.", "03")
    assert (ev.cameo, ev.source.code) == ("0354", "RUSGOV")
    assert one("Ethiopia pledged to send peacekeepers to Somalia.", "03").cameo == "0334"
    assert one("Japan promised to provide economic aid to Vietnam.", "03").cameo[:3] == "033"
    ev = one("North Korea offered to negotiate with South Korea.", "03")
    assert (ev.cameo, ev.source.code) == ("036", "PRKGOV")
    ev = one("Pakistan did not agree to resume negotiations with India.", "03")
    assert (ev.cameo, ev.source.code, ev.status) == ("036", "PAKGOV", "negated")
    # the clause is the content of the intent, not an event of its own
    assert [e.cameo for e in events("Russia agreed to lift the embargo on Georgian wine.")] == ["0354"]


@pytest.mark.model
def test_04_consultations(one) -> None:
    ev = one("The Chinese president met with the French president in Paris on Monday.", "04")
    assert (ev.cameo, actors(ev)) == ("040", ("CHNGOV", "FRAGOV"))
    ev = one("The Indian prime minister telephoned the Pakistani prime minister on Tuesday.", "04")
    assert (ev.cameo, actors(ev)) == ("041", ("INDGOV", "PAKGOV"))
    ev = one("The Iranian foreign minister was received by Turkey in Ankara.", "04")
    assert (ev.cameo, actors(ev)) == ("043", ("TURGOV", "IRNGOV"))
    ev = one("Iraqi officials held talks with Syrian officials in Damascus.", "04")
    assert (ev.cameo, ev.source.code) == ("046", "IRQGOV")
    assert one("Kuwait mediated between Saudi Arabia and Qatar.", "04").cameo == "045"
    ev = one("The Iranian president did not meet the Iraqi prime minister.", "04")
    assert (ev.cameo, actors(ev), ev.status) == ("040", ("IRNGOV", "IRQGOV"), "negated")


@pytest.mark.model
def test_05_diplomatic_cooperation(one) -> None:
    ev = one("The German chancellor praised Greece for its reforms.", "05")
    assert (ev.cameo, actors(ev)) == ("051", ("DEUGOV", "GRCGOV"))
    ev = one("Greece was praised by the German chancellor.", "05")
    assert (ev.cameo, actors(ev)) == ("051", ("DEUGOV", "GRCGOV"))
    ev = one("Egypt recognized the new government of Libya on Monday.", "05")
    assert (ev.cameo, actors(ev)) == ("054", ("EGYGOV", "LBYGOV"))
    ev = one("Japan apologized to South Korea for the wartime abuses.", "05")
    assert (ev.cameo, actors(ev)) == ("055", ("JPNGOV", "KORGOV"))
    ev = one("Argentina did not apologize to Britain.", "05")
    assert (ev.cameo, actors(ev), ev.status) == ("055", ("ARGGOV", "GBRGOV"), "negated")
    assert one("Israel and Jordan signed a peace treaty on Wednesday.", "05").cameo == "057"
    assert one("Brazil established diplomatic ties with China.", "05").cameo == "054"
    ev = one("The United States defended Israel against the criticism.", "05")
    assert (ev.cameo, actors(ev)) == ("052", ("USAGOV", "ISRGOV"))


@pytest.mark.model
def test_03_ready_and_prepared_state_an_intent_by_topic(events, one) -> None:
    ev = one("Japan is ready to send peacekeeping troops to South Sudan.", "03")
    assert (ev.cameo, ev.source.code) == ("0334", "JPNGOV")
    ev = one("Germany is prepared to host talks between Serbia and Kosovo.", "03")
    assert (ev.cameo, ev.source.code) == ("036", "DEUGOV")
    # a coercive act one is prepared to take is no intent to cooperate ("law" names no policy change here)
    text = "The Iraqi government said it was prepared to impose martial law in Baghdad."
    assert not [e for e in events(text) if (e.cameo or "")[:2] == "03"]


@pytest.mark.model
def test_05_welcoming_a_statement_is_praise_not_hosting(one) -> None:
    ev = one("The German government welcomed the Russian president's statement on Monday.", "05")
    assert (ev.cameo, actors(ev)) == ("051", ("DEUGOV", "RUSGOV"))
    ev = one("The German government welcomed the Chinese president in Berlin on Monday.", "04")
    assert (ev.cameo, actors(ev)) == ("043", ("DEUGOV", "CHNGOV"))


@pytest.mark.model
def test_08_recognising_an_election_victory_accedes_to_it(one) -> None:
    ev = one("The Serbian government recognized the opposition's victory in the local elections.", "08")
    assert (ev.cameo, actors(ev)) == ("083", ("SRBGOV", "SRBOPP"))


@pytest.mark.model
def test_10_announcing_what_another_must_do_is_a_demand(events, one) -> None:
    text = "Kenyan rebels announced that the government must release all political prisoners."
    ev = one(text, "10")
    assert (ev.cameo, actors(ev)) == ("100", ("KENREB", "KENGOV"))
    assert [e.cameo for e in events(text)] == ["100"], "what must be done is the demand's content"
    ev = one("The United Nations concluded that Israel must allow aid into Gaza.", "10")
    assert (ev.cameo, actors(ev)) == ("100", ("IGOUNO", "ISRGOV"))


@pytest.mark.model
def test_02_seeking_asylum_is_an_appeal_to_the_host(one) -> None:
    ev = one("Hundreds of Syrian refugees sought asylum in Germany last year.", "02")
    assert (ev.cameo, ev.target.code) == ("0233", "DEUGOV")
    ev = one("The opposition leader requested asylum from Ecuador.", "02")
    assert (ev.cameo, ev.target.code) == ("0233", "ECUGOV")


@pytest.mark.model
def test_04_speaking_with_and_phone_conversations(one) -> None:
    ev = one("The British foreign secretary spoke with the Turkish foreign minister on Tuesday.", "04")
    assert (ev.cameo, getattr(ev.target, "code", None)) == ("040", "TURGOV")
    ev = one("The Turkish president had a phone conversation with the German chancellor on Sunday.", "04")
    assert (ev.cameo, getattr(ev.target, "code", None)) == ("041", "DEUGOV")
