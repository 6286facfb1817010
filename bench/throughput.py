"""Throughput of the full pipeline on a fixed sample of ../shared/corpora, against bare `nlp.pipe`.

The sample: the first N Wikinews articles in id order (test pages left out) and N WCEP items spread evenly over
the id-sorted items whose date is not suspect (every len/N-th). Each measurement runs in a fresh Python process,
so peak RSS and load times belong to that measurement alone:

- load: importing storyline, reading the gazetteer and CAMEO tables, loading the spaCy model;
- nlp: `nlp.pipe` over the sample texts with the same model (storyline's `nlp.model.load()`);
- pipeline, once per worker count: `storyline.run.code_documents(docs, workers=N)`. With one worker the model
  and tables are loaded, and one short text coded, before the clock starts (reported as startup_s); with
  several, the wall time includes the workers loading their own model, as a real run does.

    python -m bench.throughput [--sample N] [--workers N ...] [--out bench/results/throughput.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.eval.shared import shared_root

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench" / "results" / "throughput.json"
WIKINEWS = ("corpora", "wikinews", "wikinews_2019_2020.jsonl")
WCEP = ("corpora", "wcep", "wcep_items.jsonl")


# The sample ---------------------------------------------------------------------------------------------------


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample_records(shared: Path, n: int) -> list[dict[str, Any]]:
    """The fixed sample: {corpus, url, date, title, text} for n Wikinews articles, then n WCEP items."""
    wikinews = sorted((r for r in _records(shared.joinpath(*WIKINEWS)) if not r.get("is_test_page")),
                      key=lambda r: r["id"])[:n]
    items = sorted((r for r in _records(shared.joinpath(*WCEP)) if not r.get("date_suspect")), key=lambda r: r["id"])
    step = max(len(items) // max(n, 1), 1)
    wcep = items[::step][:n]
    keep = ("url", "date", "title", "text")
    return ([{"corpus": "wikinews", **{k: r.get(k) for k in keep}} for r in wikinews]
            + [{"corpus": "wcep", **{k: r.get(k) for k in keep}} for r in wcep])


def _documents(records: list[dict[str, Any]]) -> Iterator[Any]:
    """Made as the runner asks for them, so the benchmark holds no coded document (nor its parse) for longer
    than a real caller that stores each one and moves on."""
    from storyline.model.doc import Document

    for i, r in enumerate(records):
        yield Document(text=r["text"], url=r["url"], title=r["title"], date=r["date"], origin=f"{r['corpus']}:{i}")


def _words(records: list[dict[str, Any]]) -> int:
    return sum(len(r["text"].split()) for r in records)


# Measurements, each run in its own process ---------------------------------------------------------------------


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _cpu_s() -> float:
    """User + system CPU seconds of this process and its finished children: less disturbed than wall time by
    other work on the machine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def measure_load() -> dict[str, Any]:
    t0 = time.perf_counter()
    from storyline.nlp import model
    from storyline.reference import cameo, countries, leaders
    from storyline.reference import geonames as places
    out: dict[str, Any] = {"import_s": time.perf_counter() - t0}
    out["gazetteer_countries_s"] = _timed(countries._countries)
    out["gazetteer_leaders_s"] = _timed(leaders._leaders)
    out["cameo_s"] = _timed(cameo.all_codes)
    out["places_gazetteer_first_lookup_s"] = _timed(lambda: places.candidates("Phnom Penh"))
    data = Path(places.__file__).resolve().parents[1] / "data" / places.DB_FILE
    out["places_gazetteer_mb"] = round(data.stat().st_size / 1e6, 1)
    out["model_s"] = _timed(model.load)
    out["peak_rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
    return out


def measure_nlp(records: list[dict[str, Any]]) -> dict[str, Any]:
    from storyline.nlp.model import load

    nlp = load()
    texts = [r["text"] for r in records]
    load0, cpu0, t0 = os.getloadavg()[0], _cpu_s(), time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(texts))
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "cpu_s": _cpu_s() - cpu0, "loadavg_1min_before": load0, "tokens": tokens,
            "articles_per_s": len(texts) / wall,
            "words_per_s": _words(records) / wall, "peak_rss_mb": _rss_mb(resource.RUSAGE_SELF)}


# Coded once before the clock starts, so that tables and matchers built on first use are not timed as work.
WARM_TEXT = "Police arrested three protesters in Paris on Monday, French officials said."


def _warm_up() -> None:
    from storyline.model.doc import Document
    from storyline.run import code_documents

    list(code_documents([Document(text=WARM_TEXT, date="2020-01-08")], workers=1))


def measure_pipeline(records: list[dict[str, Any]], workers: int) -> dict[str, Any]:
    from storyline.run import code_documents

    docs = _documents(records)
    startup = _timed(_warm_up) if workers <= 1 else 0.0
    per_corpus: dict[str, float] = {}
    events = rejected = 0
    first: float | None = None
    load0, cpu0 = os.getloadavg()[0], _cpu_s()
    t0 = last = time.perf_counter()
    for rec, doc in zip(records, code_documents(docs, workers=workers), strict=True):
        now = time.perf_counter()
        first = now - t0 if first is None else first
        per_corpus[rec["corpus"]] = per_corpus.get(rec["corpus"], 0.0) + now - last  # exact only with 1 worker
        last = now
        events += len(doc.events)
        rejected += doc.rejected
    wall = time.perf_counter() - t0
    out = {"workers": workers, "startup_s": startup, "startup_in_wall": workers > 1, "wall_s": wall,
           "cpu_s": _cpu_s() - cpu0, "loadavg_1min_before": load0,
           "first_result_s": first, "articles_per_s": len(records) / wall, "words_per_s": _words(records) / wall,
           "events": events, "rejected": rejected, "peak_rss_mb": _rss_mb(resource.RUSAGE_SELF),
           "peak_rss_largest_child_mb": _rss_mb(resource.RUSAGE_CHILDREN)}
    if workers <= 1:
        out["seconds_by_corpus"] = per_corpus
    return out


def _phase(args: argparse.Namespace) -> dict[str, Any]:
    if args.phase == "load":
        return measure_load()
    records = sample_records(args.shared, args.sample)
    if args.phase == "nlp":
        return measure_nlp(records)
    return measure_pipeline(records, args.workers[0])


def _run_phase(phase: str, shared: Path, sample: int, workers: int = 1) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.throughput", "--phase", phase, "--shared", str(shared),
           "--sample", str(sample), "--workers", str(workers)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark phase {phase} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# The machine --------------------------------------------------------------------------------------------------


def _cpu_model() -> str | None:
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor() or None
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), None)


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def machine() -> dict[str, Any]:
    import spacy

    import storyline
    from storyline.nlp.model import MODEL

    status = _git("status", "--porcelain", "--untracked-files=no")
    return {"cores": os.cpu_count(), "cpu_model": _cpu_model(), "platform": platform.platform(),
            "python": platform.python_version(), "spacy": spacy.__version__, "model": MODEL,
            "model_version": _model_version(MODEL), "storyline": storyline.__version__,
            "git_commit": _git("rev-parse", "HEAD"), "git_dirty": None if status is None else bool(status)}


def _model_version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return None


# The run ------------------------------------------------------------------------------------------------------


def run(shared: Path, sample: int, workers: list[int]) -> dict[str, Any]:
    records = sample_records(shared, sample)
    n_wikinews = sum(r["corpus"] == "wikinews" for r in records)
    result: dict[str, Any] = {
        "benchmark": "throughput", "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine(),
        "sample": {"rule": f"first {sample} Wikinews articles by id (no test pages) + {sample} WCEP items, every "
                           "len/N-th of the id-sorted items with a trusted date",
                   "documents": len(records), "wikinews": n_wikinews, "wcep": len(records) - n_wikinews,
                   "characters": sum(len(r["text"]) for r in records), "words": _words(records)},
    }
    result["loadavg_1min_at_start"] = os.getloadavg()[0]  # other work on the machine skews wall times
    result["load"] = _run_phase("load", shared, sample)
    result["nlp_pipe"] = _run_phase("nlp", shared, sample)
    result["runs"] = [_run_phase("pipeline", shared, sample, w) for w in workers]
    single = next((r for r in result["runs"] if r["workers"] == 1), None)
    if single is not None:
        result["pipeline_over_nlp_pipe"] = single["wall_s"] / result["nlp_pipe"]["wall_s"]
        result["pipeline_over_nlp_pipe_cpu"] = single["cpu_s"] / result["nlp_pipe"]["cpu_s"]
        for r in result["runs"]:
            r["speedup_vs_1_worker"] = (single["startup_s"] + single["wall_s"]) / (r["startup_s"] + r["wall_s"])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=100, help="documents from each corpus (default 100)")
    ap.add_argument("--workers", type=int, nargs="+", default=None,
                    help="worker counts to run (default: 1 and os.cpu_count())")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default ../shared)")
    ap.add_argument("--phase", choices=("load", "nlp", "pipeline"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.shared = args.shared or shared_root()
    if not args.shared.joinpath(*WIKINEWS).exists() or not args.shared.joinpath(*WCEP).exists():
        print(f"{args.shared / 'corpora'} lacks the Wikinews or WCEP corpus: set STORYLINE_SHARED", file=sys.stderr)
        return 2
    if args.phase:
        print(json.dumps(_phase(args)))
        return 0
    workers = sorted(set(args.workers or [1, os.cpu_count() or 1]))
    result = run(args.shared, args.sample, workers)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for r in result["runs"]:
        print(f"{r['workers']} worker(s): {r['articles_per_s']:.2f} articles/s, {r['words_per_s']:.0f} words/s, "
              f"{r['events']} events, wall {r['wall_s']:.1f} s")
    print(f"nlp.pipe: {result['nlp_pipe']['articles_per_s']:.2f} articles/s; pipeline/nlp.pipe "
          f"{result.get('pipeline_over_nlp_pipe', float('nan')):.2f}x; results in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
