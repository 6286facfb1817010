"""docs/EVALUATION.md: the scores of one `storyline eval` run beside the anchors' published figures."""
from __future__ import annotations

import platform
from typing import Any

from storyline import __version__
from storyline.eval.run import SETS, lookup


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def table(results: dict[str, dict[str, Any]], peers: dict[str, dict[str, Any]] | None = None) -> str:
    rows = ["| set | measure | storyline | anchor (published) | peer (same run) |", "|---|---|---|---|---|"]
    for name, res in results.items():
        gs = SETS[name]
        if "skipped" in res:
            rows.append(f"| {name} | skipped: {res['skipped']} | | | |")
            continue
        for m in gs.metrics:
            anchor = f"{m.anchor:.3f} ({m.anchor_name})" if m.anchor is not None else ""
            peer = ""
            if peers and name in peers and "skipped" not in peers[name]:
                pv = lookup(peers[name], m.key)
                peer = f"{_fmt(pv)} ({peers[name].get('peer', 'peer')})" if pv is not None else ""
            rows.append(f"| {name} | {m.label} | {_fmt(lookup(res, m.key))} | {anchor} | {peer} |")
    return "\n".join(rows)


def categories(results: dict[str, dict[str, Any]], name: str = "petrarch2") -> str:
    """Per-category accuracy of an event set (the PETRARCH2 unit tests are grouped by what they test)."""
    cats = results.get(name, {}).get("categories") or {}
    if not cats:
        return ""
    rows = [f"### {name} by test category", "",
            "| category | sentences | gold events | root | root + source + target | source | target |",
            "|---|---|---|---|---|---|---|"]
    for cat, c in sorted(cats.items()):
        rows.append(f"| {cat} | {c.get('sentences')} | {c.get('gold')} | {_fmt(c.get('root_acc'))} | "
                    f"{_fmt(c.get('all_acc'))} | {_fmt(c.get('source_acc'))} | {_fmt(c.get('target_acc'))} |")
    return "\n".join(rows) + "\n"


def misses(results: dict[str, dict[str, Any]], names: tuple[str, ...] = ("plover", "petrarch2",
                                                                         "universalpetrarch")) -> str:
    """Why gold events are not reproduced at root level, per event set (see storyline/eval/events.py)."""
    rows = ["### Why gold events are missed at root level", "",
            "| set | gold events | root right | gold code not in CAMEO | sentence coded, this dyad not | "
            "nothing coded | another root (gold>ours, most frequent) |", "|---|---|---|---|---|---|---|"]
    for name in names:
        r = results.get(name) or {}
        if "gold" not in r:
            continue
        top = ", ".join(f"{k} ({v})" for k, v in list((r.get("differences") or {}).items())[:4])
        rows.append(f"| {name} | {r['gold']} | {r['root']} | {r.get('gold_not_cameo', 0)} | "
                    f"{r.get('dyad_not_coded', 0)} | {r.get('nothing_coded', 0)} | {r.get('root_differs', 0)}: {top} |")
    return "\n".join(rows) + "\n" if len(rows) > 3 else ""


def markdown(results: dict[str, dict[str, Any]], peers: dict[str, dict[str, Any]] | None, *, when: str,
             commit: str | None, cores: int | None) -> str:
    sets = "\n".join(f"- **{n}** ({SETS[n].describe}): {res.get('eval_seconds', '-')} s"
                     for n, res in results.items() if "skipped" not in res)
    return f"""# Evaluation

Written by `storyline eval` on {when} (storyline {__version__}{f', commit {commit}' if commit else ''},
Python {platform.python_version()}, {cores or '?'} cores). Every number is computed from the pipeline's real
output on the gold files in `../shared/gold`; anchors are the published figures of the reference systems for
the same measure; a peer column is filled when `storyline eval --peers` ran the peer on the same files.
The floors in `storyline/eval/floors.json` pin these numbers: `tests/test_floors.py` fails when one drops.

{table(results, peers)}

Sets and their run time:
{sets}

{categories(results)}
{misses(results)}

How each measure is defined: see the module docstrings in `storyline/eval/` (tempeval.py follows the TempEval-3
task rules; events.py defines root/full/source/target accuracy; geo.py and meantime.py define matching).
Why PETRARCH2's unit-test codes often differ from CAMEO's meaning: [PETRARCH2.md](PETRARCH2.md).
"""
