"""The seed story (shared/seed): must/should/may recall and false events, scored with the reference matcher that
ships beside it (shared/tools/matching.py), so our number and the reference scorer's cannot disagree."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from storyline.api import code_text
from storyline.model.record import event_record

SEED_DATE = "2018-08-28"  # the article's publication date, given in expected.yaml's header


def _matching(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("seed_matching", shared / "tools" / "matching.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(shared / "tools" / "matching.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate_seed(shared: Path) -> dict[str, Any]:
    matching = _matching(shared)
    gold = yaml.safe_load((shared / "seed" / "expected.yaml").read_text(encoding="utf-8"))["events"]
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    doc = code_text(text, SEED_DATE, url=str(shared / "seed" / "article.txt"))
    records = [event_record(doc, ev) for ev in doc.events]
    used: set[int] = set()
    found: dict[str, list[str]] = {"must": [], "should": [], "may": []}
    missed: dict[str, list[str]] = {"must": [], "should": [], "may": []}
    for tier in ("must", "should", "may"):
        for g in (g for g in gold if g["tier"] == tier):
            hit = next((i for i, ev in enumerate(records) if i not in used and matching.matches(g, ev)), None)
            (found if hit is not None else missed)[tier].append(g["id"])
            if hit is not None:
                used.add(hit)
    false = [r["cameo"] or r["kind"] for i, r in enumerate(records) if i not in used]
    out: dict[str, Any] = {"events": len(records), "false_events": len(false), "false_codes": false}
    for tier in ("must", "should", "may"):
        total = len(found[tier]) + len(missed[tier])
        out[f"{tier}_recall"] = len(found[tier]) / total if total else None
        out[f"{tier}_missed"] = missed[tier]
    return out
