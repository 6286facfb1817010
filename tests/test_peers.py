"""The HeidelTime peer: TimeML back to offsets on hand-written output, and (where the peer is installed) a run
on real text and a reproduction of its TempEval-3 platinum scores."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.eval import peers
from storyline.eval.peers import heideltime_available, timeml_to_offsets

HEADER = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'


def _frame(body: str) -> str:
    """HeidelTime's framing of its input: a header line, the text (unescaped), a newline, the closing tag."""
    return f"{HEADER}{body}\n</TimeML>\n\n"


def test_offsets_survive_leading_newlines_markup_like_text_and_entities() -> None:
    text = "\n\nOn Monday, A & B <said> that \"last week\" &amp; 5 p.m.\n\nTwice a year.\n"
    out = _frame(
        "\n\nOn <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-03-02\">Monday</TIMEX3>, A & B <said> that "
        "\"<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-W09\">last week</TIMEX3>\" &amp; "
        "<TIMEX3 tid=\"t3\" type=\"TIME\" value=\"2020-03-02T17:00\">5 p.m.</TIMEX3>\n\n"
        "<TIMEX3 tid=\"t7\" type=\"SET\" value=\"P1Y\" freq=\"2\">Twice a year</TIMEX3>.\n")
    found = timeml_to_offsets(out, text)
    assert [(text[s:e], t, v) for s, e, t, v in found] == [
        ("Monday", "DATE", "2020-03-02"), ("last week", "DATE", "2020-W09"),
        ("5 p.m.", "TIME", "2020-03-02T17:00"), ("Twice a year", "SET", "P1Y")]
    assert found[0][:2] == (5, 11)


def test_no_timexes_and_a_timex_at_the_very_start() -> None:
    assert timeml_to_offsets(_frame("Nothing here."), "Nothing here.") == []
    text = "Today it rained."
    out = _frame('<TIMEX3 tid="t1" type="DATE" value="2013-03-22">Today</TIMEX3> it rained.')
    assert timeml_to_offsets(out, text) == [(0, 5, "DATE", "2013-03-22")]


def test_changed_characters_are_aligned_and_a_timex_over_them_is_dropped() -> None:
    # Where the output does not hold the input verbatim (here a curly quote became straight and a word was
    # replaced), offsets come from a character alignment, and a timex over changed characters is left out.
    text = "He said \u201cyesterday\u201d and left on Monday, then XYZZY."
    out = _frame('He said "<TIMEX3 tid="t1" type="DATE" value="2013-03-21">yesterday</TIMEX3>" and left on '
                 '<TIMEX3 tid="t2" type="DATE" value="2013-03-18">Monday</TIMEX3>, then '
                 '<TIMEX3 tid="t3" type="DATE" value="X">QQQQQ</TIMEX3>.')
    found = timeml_to_offsets(out, text)
    assert [(text[s:e], v) for s, e, _t, v in found] == [("yesterday", "2013-03-21"), ("Monday", "2013-03-18")]


def test_absent_peer_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    monkeypatch.setenv(peers.ENV_PYTHON, str(tmp_path / "no-such-python"))
    assert heideltime_available() is False
    with pytest.raises(RuntimeError, match="peer not installed"):
        peers.HeidelTime()
    peers.main([str(tmp_path)])
    assert "peer not installed: " in capsys.readouterr().out


needs_peer = pytest.mark.skipif(not heideltime_available(),
                                reason=f"HeidelTime peer not installed: {peers.INSTALL_HINT}")


@pytest.mark.shared
@needs_peer
def test_run_heideltime_resolves_against_the_dct() -> None:
    text = "\nThe minister resigned on Monday, two days after the vote of 4 March 2020.\n"
    found = peers.run_heideltime(text, "2020-03-05")
    spans = {text[s:e]: (t, v) for s, e, t, v in found}
    assert spans["Monday"] == ("DATE", "2020-03-02")
    assert spans["4 March 2020"] == ("DATE", "2020-03-04")
    assert all(0 <= s < e <= len(text) for s, e, _t, _v in found)


@pytest.mark.shared
@needs_peer
def test_heideltime_reproduces_its_tempeval3_platinum_scores(shared) -> None:
    # PEERS.md measured strict 81.78, relaxed 90.71, value 78.07 on these 20 files; a point either way allowed.
    res = peers.evaluate_heideltime(shared("gold", "tempeval3", "te3-platinum"))
    assert res["documents"] == 20 and res["gold"] == 138
    assert res["strict_f1"] == pytest.approx(0.8178, abs=0.01)
    assert res["relaxed_f1"] == pytest.approx(0.9071, abs=0.01)
    assert res["value_f1"] == pytest.approx(0.7807, abs=0.01)
