"""The TempEval-3 scorer: TimeML reading and counting on a hand-made file, and a floor on the platinum set."""
from __future__ import annotations

import pytest

from storyline.eval.shared import shared_root
from storyline.eval.tempeval import Timex, evaluate, read_tml, score, summary

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>toy_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
Officials said <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> that A&amp;B grew
<EVENT eid="e1" class="OCCURRENCE">sales</EVENT> in <TIMEX3 tid="t2" type="DATE" value="2012">the past year</TIMEX3>
and will for <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3> from
<TIMEX3 tid="t4" type="DATE" value="2013-W12">this week</TIMEX3>.
</TEXT></TimeML>
"""


def test_read_tml_strips_tags_and_unescapes_with_offsets_into_the_raw_text() -> None:
    doc = read_tml(TML)
    assert (doc.docid, doc.dct) == ("toy_1", "2013-03-22")
    assert "A&B grew\nsales in the past year" in doc.text
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2013-03-22"), ("the past year", "DATE", "2012"), ("two years", "DURATION", "P2Y"),
        ("this week", "DATE", "2013-W12")]


def test_score_counts_strict_relaxed_type_and_value() -> None:
    gold = read_tml(TML).timexes
    f, py, ty, tw = gold
    system = [
        Timex(f.start, f.end, "DATE", "2013-03-22"),                 # exact, right value
        Timex(py.start + 4, py.end, "DATE", "2012"),                 # overlap only ("past year"), right value
        Timex(ty.start, ty.end, "DATE", "P2Y"),                      # exact, wrong type
        Timex(tw.start, tw.end + 1, "DATE", "2013-W11"),             # overlap, wrong value
        Timex(0, 3, "DATE", "PRESENT_REF"),                          # spurious
    ]
    c = score(gold, system)
    assert (c.gold, c.system, c.strict, c.relaxed, c.type_ok, c.value_ok) == (4, 5, 2, 4, 3, 3)
    s = summary(c)
    assert s["strict_p"] == pytest.approx(2 / 5) and s["strict_r"] == pytest.approx(2 / 4)
    assert s["relaxed_f1"] == pytest.approx(2 * 0.8 * 1.0 / 1.8)
    assert s["value_f1"] == pytest.approx(2 * 3 / 9)
    assert s["value_f1"] == pytest.approx(s["value_accuracy"] * s["relaxed_f1"])
    assert s["type_accuracy"] == pytest.approx(3 / 4)


def test_relaxed_matching_is_one_to_one() -> None:
    gold = [Timex(0, 10, "DATE", "2013")]
    c = score(gold, [Timex(0, 4, "DATE", "2013"), Timex(5, 10, "DATE", "2013")])
    assert (c.relaxed, c.value_ok, c.strict) == (1, 1, 0)


PLATINUM = shared_root() / "gold" / "tempeval3" / "te3-platinum"


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.skipif(not PLATINUM.exists(), reason=f"TempEval-3 platinum set not found at {PLATINUM}")
def test_platinum_scores_stay_above_the_measured_floor() -> None:
    res = evaluate(PLATINUM)
    assert res["documents"] == 20 and res["gold"] == 138
    # measured 2026: value F1 0.8151, strict F1 0.8226 (HeidelTime here: 0.7807 / 0.8178); floors = measured - 0.01
    assert res["value_f1"] >= 0.805
    assert res["strict_f1"] >= 0.812
