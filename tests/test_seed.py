"""Acceptance: the seed story (shared/seed) coded end to end and scored with the reference matcher in
shared/tools, against the hand-coded events in expected.yaml (read here, never restated)."""
from __future__ import annotations

import importlib.util
import io
import json
from argparse import Namespace

import pytest
import yaml

from storyline.commands import code_command

pytestmark = [pytest.mark.model, pytest.mark.shared]
MAX_FALSE = 2  # issue 2 allows 3; we hold the stricter bar that issue 4 sets


def _matcher(shared):  # noqa: ANN202
    path = shared("tools", "matching.py")
    spec = importlib.util.spec_from_file_location("seed_matching", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_events(shared) -> list[dict]:
    article = shared("seed", "article.txt")
    out, err = io.StringIO(), io.StringIO()
    args = Namespace(paths=[str(article)], date="2018-08-28", source=None, format="jsonl", db=None, explain=False,
                     workers=1, no_progress=True)
    assert code_command(args, out, err) == 0
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def test_seed_must_and_should_events_found_with_few_false(seed_events: list[dict], shared) -> None:
    matching = _matcher(shared)
    gold = yaml.safe_load(shared("seed", "expected.yaml").read_text(encoding="utf-8"))["events"]
    used: set[int] = set()
    missed = []
    for tier in ("must", "should", "may"):
        for g in (g for g in gold if g["tier"] == tier):
            hit = next((i for i, ev in enumerate(seed_events) if i not in used and matching.matches(g, ev)), None)
            if hit is None and tier != "may":
                missed.append(g["id"])
            elif hit is not None:
                used.add(hit)
    false = [ev["cameo"] or ev["kind"] for i, ev in enumerate(seed_events) if i not in used]
    assert not missed, f"missed: {missed}"
    assert len(false) <= MAX_FALSE, f"false events: {false}"


def test_seed_caption_byline_and_dateline_give_no_events(seed_events: list[dict], shared) -> None:
    text = shared("seed", "article.txt").read_text(encoding="utf-8")
    body_start = text.index("PHNOM PENH")
    for ev in seed_events:
        assert ev["trigger"]["start"] > body_start + len("PHNOM PENH —"), ev["trigger"]
        assert "Sopheng" not in json.dumps(ev["source"]) + json.dumps(ev["target"])


def test_seed_evidence_offsets_point_at_their_words(seed_events: list[dict], shared) -> None:
    text = shared("seed", "article.txt").read_text(encoding="utf-8")
    for ev in seed_events:
        for span in [ev["trigger"], ev["sentence"], *(ev[k]["span"] for k in ("source", "target")
                                                       if ev[k] and ev[k]["span"])]:
            assert text[span["start"]:span["end"]] == span["text"]
