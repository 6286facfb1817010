"""The event-coding scorer: readers on hand-written records, matching and counting on hand-made system output,
reader counts on the real gold files, and one short run of the real pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.eval.events import (
    SETS,
    GoldEvent,
    SysEvent,
    actor_ok,
    evaluate_events,
    match,
    mode_ok,
    plover_of,
    read_petrarch_xml,
    read_plover,
    read_set,
    score,
    summary,
    system_key,
)
from storyline.model.doc import Actor, Event, Span

PETRARCH_XML = """<Validation>
<!-- a header comment with <EventCoding sourcecode="XXX" targetcode="YYY" eventcode="010"> inside -->
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="ARN" targetcode='"NEW ACTOR"' eventcode="0841"></EventCoding>
<Text>
Arnor restored   ties
with Gondor.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence category="AFP" date="20080804" id="AFP_1" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950102" id="ERR-1" category="ERROR">
<EventCoding error="storydiscard">
<Text>Discard me.</Text>
</Sentence>
</Sentences></Validation>
"""


def _plover_records() -> list[dict[str, object]]:
    def rec(rid: str, event: str, text: str, src: object, tgt: object, mode: str = "") -> dict[str, object]:
        return {"id": rid, "event": event, "text": text, "date": "2000-01-01", "source": src, "target": tgt,
                "mode": mode}
    return [
        {"id": "HEADER", "event": "DOCUMENT", "eventText": "about the file"},
        rec("A-1", "AGREE", "Northland and Southmark agreed.",
            [{"actorText": "Northland", "code": "NLD", "sector": "GOV"}, {"actorText": "S", "code": "SMK"}], ""),
        rec("P-1", "PROTEST", "Students  marched in Northland.", [{"actorText": "x", "code": "NLD", "sector": "EDU"}],
            None, "demo-org"),
        rec("C-1", "COERCE", "Police held the students and banned the march.",
            [{"actorText": "x", "code": "NLD", "sector": "COP"}], [{"actorText": "y", "code": "NLD",
                                                                     "sector": "***"}], "detain"),
        rec("C-2", "COERCE", "Police held the students and banned the march.",
            [{"actorText": "x", "code": "NLD", "sector": "COP"}], "diplomatic", "ban"),
    ]


def _actor(code: str | None) -> Actor | None:
    return Actor(code, None, code=code) if code else None


def _event(cameo: str | None, src: str | None = None, tgt: str | None = None) -> Event:
    span = Span(0, 1, "x")
    return Event(trigger=span, sentence=span, cameo=cameo, source=_actor(src), target=_actor(tgt))


def test_read_petrarch_records_even_when_not_well_formed(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(PETRARCH_XML, encoding="utf-8")
    sents = read_petrarch_xml(path)
    assert [(s.id, s.date, s.category, len(s.events)) for s in sents] == [
        ("DEMO-00", "1995-01-01", "DEMO", 2), ("AFP_1", "2008-08-04", "AFP", 0), ("ERR-1", "1995-01-02", "ERROR", 0)]
    assert sents[0].text == "Arnor restored ties with Gondor."
    assert sents[0].events[1] == GoldEvent("0841", ("ARN",), ('"NEW ACTOR"',))


def test_read_plover_groups_by_text_and_keeps_compounds(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(_plover_records()), encoding="utf-8")
    sents = read_plover(path)
    assert [(s.id, s.category, len(s.events)) for s in sents] == [("A-1", "AGREE", 1), ("P-1", "PROTEST", 1),
                                                                   ("C-1", "COERCE", 2)]
    assert sents[0].events[0] == GoldEvent("AGREE", ("NLDGOV", "SMK"), (), None)
    assert sents[1].text == "Students marched in Northland."
    assert sents[2].events[0].target == ("NLD",) and sents[2].events[1].target == ()   # "***" and a stray string


def test_actor_rule_country_then_first_role() -> None:
    assert actor_ok(("USAGOV",), ("USA", "GOV"))
    assert actor_ok(("USA",), ("USA", "GOV"))                 # gold gives no role: any role is accepted
    assert not actor_ok(("USAGOV",), ("USA", None))
    assert not actor_ok(("USAGOV",), ("USA", "MIL"))
    assert actor_ok(("IRQMILREB",), ("IRQ", "MIL"))            # only the first role is compared
    assert actor_ok(("---GOV",), ("IRQ", "GOV")) and not actor_ok(("---GOV",), ("IRQ", "MIL"))
    assert actor_ok(("---",), None) and not actor_ok(("---",), ("IRQ", None))
    assert actor_ok(('"INJURY TOLL"',), None) and actor_ok((), None)
    assert actor_ok(("NLDGOV", "SMK"), ("SMK", "OPP"))         # a compound: any member will do
    assert actor_ok(("JAP",), ("JPN", None))
    assert system_key(Actor("the court", None, code="KHMJUD")) == ("KHM", "JUD")
    assert system_key(Actor("police", None, country="KHM", roles=["COP", "GOV"])) == ("KHM", "COP")
    assert system_key(Actor("someone", None)) is None


def test_plover_mapping_and_modes() -> None:
    assert plover_of("0841") == ("RETREAT", None)
    assert plover_of("081") == ("CONCEDE", None)
    assert plover_of("1122") == ("DISAPPROVE", None)
    assert plover_of("173") == ("COERCE", "arrest")
    assert plover_of("1831") == ("ASSAULT", "suicide-attack")
    assert plover_of("190") == ("FIGHT", None) and plover_of("191") == ("COERCE", "restrict")
    assert plover_of("010") == (None, None) and plover_of(None) == (None, None)
    assert mode_ok("detain", "arrest") and mode_ok("demo-org", "demo") and mode_ok(None, "visit")
    assert not mode_ok("strike-gen", "strike-hun") and not mode_ok("visit", None) and not mode_ok("host", "visit")


def test_match_is_one_to_one_and_prefers_root_then_actors() -> None:
    gold = [GoldEvent("042", ("USA",), ("CHN",)), GoldEvent("111", ("CHN",), ("USA",))]
    system = [SysEvent("112", ("CHN", None), ("USA", None)), SysEvent("043", ("USA", None), ("CHN", None)),
              SysEvent("040", ("RUS", None), None)]
    assert match(gold, system) == [(0, 1), (1, 0)]
    # with equal roots the pair with more right actors wins
    gold2 = [GoldEvent("190", ("ISR",), ("PSE",))]
    assert match(gold2, [SysEvent("193", ("PSE", None), None), SysEvent("195", ("ISR", None), ("PSE", None))]) == [
        (0, 1)]


def test_score_counts_known_answers() -> None:
    gold = [GoldEvent("042", ("USAGOV",), ("CHN",)), GoldEvent("111", ("CHN",), ("USA",)),
            GoldEvent("0841", ("ISR",), ("PSE",))]
    system = [SysEvent("043", ("USA", "GOV"), ("CHN", "GOV")),    # root right, full wrong, both actors right
              SysEvent("111", ("CHN", None), ("RUS", None)),      # root and full right, target wrong
              SysEvent("173", None, None), SysEvent("010", None, None)]
    c = score(gold, system)
    assert (c.gold, c.system, c.root, c.full, c.source, c.target, c.all) == (3, 4, 2, 1, 2, 1, 1)
    assert (c.missed, c.invented, c.quiet, c.quiet_ok) == (0, 1, 0, 0)
    s = summary(c)
    assert s["root_acc"] == pytest.approx(2 / 3) and s["root_precision"] == pytest.approx(2 / 4)
    assert s["all_acc"] == pytest.approx(1 / 3)
    quiet = score([], [SysEvent("010")])
    assert (quiet.invented, quiet.quiet, quiet.quiet_ok) == (1, 1, 0)
    assert (score([], []).quiet_ok, score(gold, []).missed) == (1, 3)


def test_each_miss_is_counted_once_with_its_reason() -> None:
    gold = [GoldEvent("111", ("CHN",), ("USA",)), GoldEvent("224", ("ERI",), ("OSG",)),   # 224 is no CAMEO code
            GoldEvent("041", ("FOR",), ("OSG",)), GoldEvent("041", ("GON",), ("OSG",))]
    c = score(gold, [SysEvent("120", ("CHN", None), None), SysEvent("051", ("FOR", None), None)])
    assert (c.root, c.gold_not_cameo, c.root_differs, c.dyad_not_coded, c.nothing_coded) == (0, 1, 2, 1, 0)
    assert summary(c)["differences"] == {"11>12": 1, "04>05": 1}
    empty = score([GoldEvent("111", ("CHN",), ("USA",))], [])
    assert (empty.nothing_coded, empty.dyad_not_coded) == (1, 0)


def test_plover_full_needs_the_mode_when_gold_gives_one() -> None:
    gold = [GoldEvent("PROTEST", ("NLDEDU",), (), "demo-org")]
    assert score(gold, [SysEvent("PROTEST", ("NLD", "EDU"), None, "demo")]).full == 1
    assert score(gold, [SysEvent("PROTEST", ("NLD", "EDU"), None, "riot")]).full == 0
    assert score([GoldEvent("RETREAT")], [SysEvent("RETREAT", None, None, "release")]).full == 1


def test_evaluate_events_with_a_hand_made_coder(tmp_path: Path) -> None:
    folder = tmp_path / "gold" / "event_coding"
    (folder / "plover_gsr").mkdir(parents=True)
    (folder / "plover_gsr" / "PLOVER_GSR_CAMEO.json").write_text(json.dumps(_plover_records()), encoding="utf-8")
    answers = {
        "Northland and Southmark agreed.": [_event("036", "SMKGOV"), _event("010", "NLD")],   # 010: no PLOVER
        "Students marched in Northland.": [_event("1412", "NLDEDU")],
    }

    def coder(text: str, date: str | None) -> list[Event]:
        assert date == "2000-01-01"
        if text not in answers:
            raise RuntimeError("coder failed")
        return answers[text]

    res = evaluate_events("plover", tmp_path, coder=coder)
    assert (res["sentences"], res["gold"], res["system"], res["errors"]) == (3, 4, 2, 1)
    assert (res["root"], res["full"], res["source"], res["target"], res["missed"], res["invented"]) == (
        2, 2, 2, 2, 2, 0)
    assert res["root_acc"] == pytest.approx(0.5)
    assert res["single"]["sentences"] == 2 and res["single"]["root_acc"] == pytest.approx(1.0)
    assert res["categories"]["COERCE"]["missed"] == 2
    assert any("coder failed" in line for line in res["details"])
    with pytest.raises(ValueError):
        evaluate_events("nope", tmp_path, coder=coder)


# The real gold files -------------------------------------------------------------------------------------------

@pytest.mark.shared
def test_reader_counts_on_the_real_files(shared) -> None:
    root = shared("gold", "event_coding").parents[1]
    counts = {}
    for name in SETS:
        sents = read_set(name, root)
        counts[name] = (len(sents), sum(len(s.events) for s in sents), sum(not s.events for s in sents))
    # PLOVER: 322 coded records, 6 of them a second record on an already seen sentence
    assert counts["plover"] == (316, 322, 0)
    # PETRARCH2: 385 EventCoding lines = 359 codings + 19 "noevents" + 7 errors; the last record has none
    assert counts["petrarch2"] == (284, 359, 27)
    # UniversalPetrarch: 92 EventCoding lines = 80 codings + 12 "noevents"
    assert counts["universalpetrarch"] == (78, 80, 12)
    cats = {s.category for s in read_set("petrarch2", root)}
    assert {"DEMO", "ACTOR", "COMPOUND", "PARSING", "SYNSET", "DATE"} <= cats


@pytest.mark.shared
@pytest.mark.model
def test_the_real_pipeline_runs_over_a_sample_without_errors(shared) -> None:
    root = shared("gold", "event_coding").parents[1]
    for name in SETS:
        res = evaluate_events(name, root, limit=15)
        assert res["sentences"] == 15 and res["errors"] == 0, res["details"][:3]
        assert 0.0 <= res["root_acc"] <= 1.0 and res["full"] <= res["root"]


def test_read_plover_joint_act_gives_each_party_as_target(tmp_path: Path) -> None:
    joint = {"id": "J-1", "event": "AGREE", "text": "Northland and Southland agreed.", "date": "2000-01-01",
             "source": [{"actorText": "Northland", "code": "NLD"}, {"actorText": "Southland", "code": "SLD"}],
             "target": "", "textInfo": {"markup": "(SRC/TAR: Northland) and (SRC/TAR: Southland) (EVT: agreed)."}}
    one_sided = dict(joint, id="J-2", text="Northland and Southland protested.",
                     textInfo={"markup": "(SRC: Northland) and (SRC: Southland) (EVT: protested)."})
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([joint, one_sided]), encoding="utf-8")
    first, second = read_plover(path)
    assert first.events[0].target == ("NLD", "SLD")
    assert second.events[0].target == ()
