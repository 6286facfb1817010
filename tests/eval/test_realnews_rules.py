"""The realnews matching rules on hand-made gold rows and storyline records (storyline/eval/realnews.py)."""
from __future__ import annotations

from typing import Any

import pytest

from storyline.eval import realnews as rn
from tests.eval.records import ARTICLE, actor, gold_actor, gold_row, record


def hit(gold: dict[str, Any], rec: dict[str, Any], rule: str = "full") -> bool:
    return rn.matches(rn.read_gold(gold), rn.read_system(rec, ARTICLE), rule)


def scored(gold: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, Any]:
    system, unplaced = rn.place(records, {"https://en.wikinews.org/wiki/Test": ARTICLE})
    return rn.summary(rn.score([rn.read_gold(g) for g in gold], system, [ARTICLE], unplaced))


# What happened --------------------------------------------------------------------------------------------------


def test_the_cameo_root_decides_not_the_full_code() -> None:
    assert hit(gold_row("0841"), record("0831"))
    assert not hit(gold_row("0841"), record("173"))


def test_a_gold_kind_is_found_in_the_system_kind_or_name() -> None:
    election = gold_row(None, kind="ELECTION")
    assert hit(election, record(None, kind="ELECTION", name="Election"))
    assert hit(election, record("020", name="Election result"))   # the name names it
    assert not hit(election, record("020", name="Appeal"))
    assert hit(gold_row(None, kind="DETENTION_EXTENDED"), record(None, kind="DETENTION_EXTENDED", name=None))


def test_a_system_kind_without_a_code_never_matches_a_coded_gold_event() -> None:
    assert not hit(gold_row("116"), record(None, kind="VERDICT", name="Verdict"))


def test_a_cameo_alt_is_accepted() -> None:
    sentencing = gold_row("173", cameo_alt=("116",))
    assert hit(sentencing, record("116"))
    assert not hit(sentencing, record("120"))


# Whom -----------------------------------------------------------------------------------------------------------


def test_the_target_needs_its_country_and_role_or_a_role_alt() -> None:
    g = gold_row(target=gold_actor("POL", "REB", "CVL"))
    assert hit(g, record(target=actor("POL", "REB")))
    assert hit(g, record(target=actor("POL", "CVL")))
    assert not hit(g, record(target=actor("POL", "GOV")))
    assert not hit(g, record(target=actor("DEU", "CVL")))
    assert hit(g, record(target=actor("DEU", "GOV")), "root_date")   # the loose rule leaves actors out


def test_an_actor_is_read_from_its_code_and_from_its_country_and_roles() -> None:
    g = gold_row(target=gold_actor("POL", "JUD"))
    assert hit(g, record(target=actor("POL", "GOV", "JUD", code="POLGOV")))
    assert hit(g, record(target=actor(None, code="POLJUD")))
    assert not hit(g, record(target=actor(None)))   # an actor with nothing known


def test_an_igo_or_stateless_actor_is_matched_on_its_role_alone() -> None:
    igo = gold_row("163", target=gold_actor(None, "IGO"))
    assert hit(igo, record("163", target=actor(None, "IGO", "EUR", "EEC", code="IGOEUREEC")))
    assert not hit(igo, record("163", target=actor("USA", "GOV")))
    media = gold_row("111", target=gold_actor(None, "MED"))
    assert hit(media, record("111", target=actor("GBR", "MED")))


def test_the_source_is_judged_only_where_the_gold_has_no_target() -> None:
    with_target = gold_row(source=gold_actor("POL", "COP"))
    assert not hit(with_target, record(source=actor("POL", "COP"), target=actor("POL", "GOV")))
    assert hit(with_target, record(source=actor("USA", "GOV")))     # the target is right; the source is not read
    no_target = gold_row("141", target={}, source=gold_actor("POL", "CVL"))
    assert hit(no_target, record("141", source=actor("POL", "CVL"), target=actor("USA", "GOV")))
    assert not hit(no_target, record("141", source=actor("POL", "GOV")))
    assert hit(gold_row("141", target={}, source=None), record("141", target=actor("USA", "GOV")))


# When -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("gold", "system", "ok"), [
    ("2019-01-14", "2019-01-14", True),
    ("2019-01-14", "2019-01-15", False),
    ("2019-01-07/2019-01-13", "2019-01-13", True),           # a day inside the gold week
    ("2019-01-07/2019-01-13", "2019-01-14/2019-01-20", False),
    ("2019-01-20", "2019-01", True),                         # the system month holds the gold day
    ("2019-02", "2019-03-01", False),                        # the month ends on its last day
    ("2019", "2018-12-31/2019-01-02", True),
    ("2019", None, False),
])
def test_dates_agree_when_the_days_they_name_overlap(gold: str, system: str | None, ok: bool) -> None:
    assert hit(gold_row(date=gold), record(date=system, precision="week")) is ok


def test_a_date_alt_is_accepted() -> None:
    g = gold_row(date="2019-01-13", date_alt=["2019-01-14"])
    assert hit(g, record(date="2019-01-14"))
    assert not hit(g, record(date="2019-01-15"))


def test_an_alternative_code_and_an_alternative_date_are_not_combined() -> None:
    g = gold_row("173", cameo_alt=("116",), date="2019-01-13", date_alt=["2019-01-14"])
    assert hit(g, record("116", date="2019-01-13")) and hit(g, record("173", date="2019-01-14"))
    assert not hit(g, record("116", date="2019-01-14"))


def test_a_gold_null_date_accepts_no_date_or_one_coarser_than_a_day() -> None:
    undated = gold_row(date=None)
    assert hit(undated, record(date=None))
    assert hit(undated, record(date="2019-01", precision="month"))
    assert hit(undated, record(date="2019-01-07/2019-01-13", precision="week"))
    assert hit(undated, record(date="2019-01-14", precision="week"))   # stated precision other than day
    assert not hit(undated, record(date="2019-01-14", precision="day"))
    assert not hit(undated, record(date="2019-01-07/2019-01-13", precision="day"))
    assert hit(undated, record(date="2019-01-14", precision="day"), "root_actor")


# Counting -------------------------------------------------------------------------------------------------------


def test_one_system_event_finds_one_gold_event_but_is_right_for_both() -> None:
    res = scored([gold_row(n=1), gold_row(n=2)], [record()])
    assert (res["full"]["found"], res["full"]["recall"]) == (1, 0.5)
    assert (res["full"]["right"], res["full"]["precision"]) == (1, 1.0)
    assert res["full"]["f1"] == pytest.approx(2 / 3)


def test_each_gold_event_takes_the_first_free_system_event_in_order() -> None:
    strict, loose = gold_row("173", n=1), gold_row("173", cameo_alt=("116",), n=2)
    assert scored([strict, loose], [record("173"), record("116")])["full"]["found"] == 2
    assert scored([strict, loose], [record("116"), record("173")])["full"]["found"] == 2
    # Taken first, the event that accepts either record takes the 173 one and leaves the strict event nothing:
    # the assignment is greedy in file order, as the reference scorer's is, not the best one.
    assert scored([loose, strict], [record("173"), record("116")])["full"]["found"] == 1


def test_salient_recall_is_assigned_over_the_salient_gold_alone() -> None:
    gold = [gold_row(salient=False, n=1), gold_row(salient=True, n=2)]
    res = scored(gold, [record()])
    assert res["full"]["found"] == 1 and res["salient"] == {
        "gold": 1, "found": 1, "recall": 1.0, "root_date": 1.0, "root_actor": 1.0, "root": 1.0}


def test_records_of_other_articles_count_nowhere() -> None:
    res = scored([gold_row()], [record(), record("190", url="https://example.org/elsewhere")])
    assert (res["system"], res["unplaced"], res["full"]["precision"]) == (1, 1, 1.0)


def test_the_loose_rules_drop_the_actor_the_date_or_both() -> None:
    wrong_actor_and_date = record(target=actor("USA", "GOV"), date="2018-05-01")
    flags = {rule: hit(gold_row(), wrong_actor_and_date, rule) for rule in rn.RULES}
    assert flags == {"full": False, "root_date": False, "root_actor": False, "root": True}
    assert hit(gold_row(), record(date="2018-05-01"), "root_actor")
    assert hit(gold_row(), record(target=actor("USA", "GOV")), "root_date")


def test_a_gold_event_with_neither_code_nor_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="neither"):
        rn.read_gold(gold_row(None))


# Second coder and the developer's view --------------------------------------------------------------------------


def test_a_second_coder_row_in_record_shape_matches_the_same_gold_row() -> None:
    rows = [gold_row("173", n=1), gold_row(None, kind="VERDICT", date=None, n=2),
            gold_row("163", target=gold_actor(None, "IGO"), date="2019-01-07/2019-01-13", n=3)]
    records = [rn.coder_record(r, "https://en.wikinews.org/wiki/Test") for r in rows]
    res = scored(rows, records)
    assert (res["full"]["precision"], res["full"]["recall"]) == (1.0, 1.0)


def test_errors_and_classes_name_each_miss_and_each_false_event() -> None:
    gold = [rn.read_gold(gold_row("173", n=1)), rn.read_gold(gold_row("0841", n=2))]
    system, _ = rn.place([record("173"), record("190", name="Use force")], {"https://en.wikinews.org/wiki/Test":
                                                                          ARTICLE})
    s = rn.score(gold, system, [ARTICLE])
    lines = rn.errors(s)
    assert len(lines) == 2
    assert lines[0].startswith(f"missed {ARTICLE} 0841") and "salient" in lines[0] and "was arrested" in lines[0]
    assert lines[1].startswith(f"false  {ARTICLE} 190") and "POL/CVL" not in lines[1] and "POLCVL" in lines[1]
    table = rn.classes(s)
    assert table["17"]["gold"] == table["17"]["found_full"] == table["17"]["right_full"] == 1
    assert (table["08"]["gold"], table["08"]["found_root"], table["19"]["system"], table["19"]["right_root"]) == (
        1, 0, 1, 0)
