"""Our realnews scorer against the reference scorer (../shared/tools/score_events.py, run as a subprocess): the
same precision, recall and F1 to three decimals under every rule, and the same salient recall."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storyline.eval import realnews as rn
from storyline.eval.run import SETS, lookup
from storyline.model.doc import Document, Event, Span
from storyline.model.record import event_record
from tests.eval.records import actor, when

Shared = Callable[..., Path]
RULE_OF = {"full: root + actor + date": "full", "root + date": "root_date", "root + actor": "root_actor",
           "root only": "root"}
LINE = re.compile(r"(?P<rule>.+?)\s+precision (?P<p>[\d.]+)\s+recall (?P<r>[\d.]+)\s+F1 (?P<f>[\d.]+)")


def reference(shared: Shared, system: Path, gold: Path, *, salient: bool = False) -> dict[str, tuple[str, ...]]:
    """The reference's printed (precision, recall, F1) per rule."""
    cmd = [sys.executable, str(shared("tools", "score_events.py")), str(system), str(gold),
           str(shared("gold", "realnews", "articles.jsonl")), *(["--salient"] if salient else [])]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rows = {RULE_OF[m["rule"].strip()]: (m["p"], m["r"], m["f"]) for m in map(LINE.match, out.splitlines()) if m}
    assert set(rows) == set(rn.RULES), out
    return rows


def assert_same_numbers(ours: dict[str, Any], shared: Shared, system: Path, gold: Path) -> None:
    plain, salient = reference(shared, system, gold), reference(shared, system, gold, salient=True)
    for rule in rn.RULES:
        assert plain[rule] == tuple(f"{ours[rule][k]:.3f}" for k in ("precision", "recall", "f1")), rule
        assert salient[rule][1] == f"{ours['salient']['recall' if rule == 'full' else rule]:.3f}", rule


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def gold_of(root: Path, articles: list[str], path: Path) -> Path:
    """The gold events of `articles` alone, for the reference (which scores every article its gold file has)."""
    return write_jsonl(path, [g for g in rn.read_jsonl(root / "gold.jsonl") if g["article_id"] in set(articles)])


# Gold events made into storyline records, spoiled by rule -------------------------------------------------------


def _spoiled_actor(row: dict[str, Any] | None, i: int) -> Any:
    if not row:
        return None
    role = row["role"]
    if i % 4 == 0:   # a wrong role (it may still be a role_alt: both scorers must say so alike)
        role = "GOV" if role == "BUS" else "BUS"
    return actor(row["country"], role)


def _spoiled_code(row: dict[str, Any], i: int) -> tuple[str | None, str]:
    if i % 5 == 0:   # another root
        return ("040" if (row["cameo"] or "").startswith("19") else "190"), "CAMEO"
    return row["cameo"], row["kind"] or "CAMEO"


def _spoiled_date(row: dict[str, Any], i: int) -> Any:
    if i % 7 == 0 or row["date"] is None:
        return when(None)
    if i % 6 == 0:   # a year too early
        return when(str(int(row["date"][:4]) - 1), "year")
    return when(row["date"], row["date_precision"] or "day")


def spoiled_record(row: dict[str, Any], i: int, url: str) -> dict[str, Any]:
    cameo, kind = _spoiled_code(row, i)
    span = Span(0, len(row["evidence"]), row["evidence"])
    ev = Event(trigger=span, sentence=span, cameo=cameo, kind=kind, name=row["label"],
               source=_spoiled_actor(row["source_actor"], i), target=_spoiled_actor(row["target_actor"], i),
               date=_spoiled_date(row, i))
    return event_record(Document(text=row["evidence"], url=url, date="2020-01-01"), ev)


def spoiled(root: Path) -> list[dict[str, Any]]:
    """Every 3rd gold event dropped, every 8th written twice, the rest spoiled as above; all in reverse order, and
    one record of an article the gold does not have."""
    url = {r["id"]: r["url"] for r in rn.read_jsonl(root / "articles.jsonl")}
    out: list[dict[str, Any]] = []
    for i, row in enumerate(rn.read_jsonl(root / "gold.jsonl"), 1):
        if i % 3:
            out += [spoiled_record(row, i, url[row["article_id"]])] * (2 if i % 8 == 0 else 1)
    stray = spoiled_record(rn.read_jsonl(root / "gold.jsonl")[0], 1, "https://example.org/not-in-the-set")
    return [*reversed(out), stray]


@pytest.mark.shared
def test_spoiled_gold_scores_the_same_here_and_in_the_reference(shared: Shared, tmp_path: Path) -> None:
    root = shared("gold", "realnews")
    records = spoiled(root)
    scored = rn.score_records(records, root)
    ours = rn.summary(scored)
    assert ours["unplaced"] == 1 and ours["gold"] == 437 and 0.3 < ours["full"]["f1"] < 0.8
    assert ours["full"]["f1"] < ours["root_actor"]["f1"] < ours["root"]["f1"]   # the spoiling shows in each rule
    assert ours["full"]["f1"] < ours["root_date"]["f1"] < ours["root"]["f1"]
    assert_same_numbers(ours, shared, write_jsonl(tmp_path / "system.jsonl", records), root / "gold.jsonl")


@pytest.mark.shared
def test_the_gold_scored_against_itself_is_perfect(shared: Shared) -> None:
    root = shared("gold", "realnews")
    url = {r["id"]: r["url"] for r in rn.read_jsonl(root / "articles.jsonl")}
    res = rn.summary(rn.score_records([rn.coder_record(g, url[g["article_id"]])
                                       for g in rn.read_jsonl(root / "gold.jsonl")], root))
    assert all(res[rule]["precision"] == res[rule]["recall"] == 1.0 for rule in rn.RULES)
    assert res["salient"]["recall"] == 1.0 and res["salient"]["gold"] == 138


@pytest.mark.shared
def test_second_coder_agreement_is_the_reference_figure_and_the_anchor(shared: Shared, tmp_path: Path) -> None:
    root = shared("gold", "realnews")
    ours = rn.agreement(root)
    assert (ours["articles"], ours["gold"], ours["system"]) == (12, 152, 135)
    assert f"{ours['full']['f1']:.3f}" == "0.862"   # the set's README
    both = [r["id"] for r in rn.read_jsonl(root / "articles.jsonl") if r["second_coder"]]
    assert_same_numbers(ours, shared, root / "second_coder.jsonl", gold_of(root, both, tmp_path / "gold.jsonl"))
    for m in SETS["realnews"].metrics:   # the report's anchors are this agreement
        assert m.anchor is not None and f"{m.anchor:.3f}" == f"{lookup(ours, m.key):.3f}", m.key


@pytest.mark.model
@pytest.mark.shared
def test_the_pipeline_on_five_articles_scores_the_same_here_and_in_the_reference(shared: Shared,
                                                                                  tmp_path: Path) -> None:
    root = shared("gold", "realnews")
    records, articles = rn.code_records(root, limit=5)
    assert len(articles) == 5 and records
    ours = rn.summary(rn.score_records(records, root, articles))
    assert ours["articles"] == 5 and ours["unplaced"] == 0
    assert_same_numbers(ours, shared, write_jsonl(tmp_path / "system.jsonl", records),
                        gold_of(root, articles, tmp_path / "gold.jsonl"))
    res = SETS["realnews"].run(shared(), 5)   # what `storyline eval realnews --limit 5` scores
    assert res["full"] == ours["full"] and res["gold"] == ours["gold"] and "errors" not in res
    assert res["agreement"]["full"]["f1"] == pytest.approx(0.862, abs=5e-4)
