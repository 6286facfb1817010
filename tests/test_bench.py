"""The throughput benchmark on a tiny sample: it runs end to end and writes every field with a sane type.
Timings are recorded, never asserted."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# bench/ is run from the repository root (`python -m bench.throughput`) and is not an installed package.
sys.path.insert(0, str(ROOT))
from bench import throughput  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_sample_is_fixed_and_draws_from_both_corpora(shared) -> None:
    shared("corpora", "wikinews")
    shared("corpora", "wcep")
    first, again = throughput.sample_records(shared(), 3), throughput.sample_records(shared(), 3)
    assert first == again
    assert [r["corpus"] for r in first] == ["wikinews"] * 3 + ["wcep"] * 3
    assert all(r["text"].strip() and r["date"] for r in first)
    assert len({r["url"] for r in first}) == 6


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def test_tiny_run_writes_the_result_fields(tmp_path: Path, shared) -> None:
    shared("corpora", "wikinews")
    shared("corpora", "wcep")
    out = tmp_path / "throughput.json"
    cmd = [sys.executable, "-m", "bench.throughput", "--sample", "2", "--workers", "1", "--out", str(out),
           "--shared", str(shared())]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    res = json.loads(out.read_text(encoding="utf-8"))
    m = res["machine"]
    assert isinstance(m["cores"], int) and m["cores"] >= 1
    assert all(isinstance(m[k], str) and m[k] for k in ("python", "spacy", "storyline", "model"))
    assert res["sample"]["documents"] == 4 and _positive(res["sample"]["words"])
    assert all(_positive(res["load"][k]) for k in ("gazetteer_countries_s", "gazetteer_leaders_s", "cameo_s",
                                                   "model_s", "peak_rss_mb"))
    assert all(_positive(res["nlp_pipe"][k]) for k in ("wall_s", "articles_per_s", "words_per_s", "peak_rss_mb"))
    [single] = res["runs"]
    assert single["workers"] == 1
    assert all(_positive(single[k]) for k in ("wall_s", "articles_per_s", "words_per_s", "peak_rss_mb"))
    assert isinstance(single["events"], int) and single["events"] >= 0
    assert isinstance(single["rejected"], int) and 0 <= single["rejected"] <= 4
    assert set(single["seconds_by_corpus"]) == {"wikinews", "wcep"}
    assert _positive(res["pipeline_over_nlp_pipe"])
