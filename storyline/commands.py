"""What the CLI commands do, apart from parsing arguments (so tests can call them directly)."""
from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from typing import TextIO

from storyline.export.formats import render_table, write_csv, write_jsonl
from storyline.ingest.readers import iter_documents
from storyline.model.doc import Document
from storyline.model.record import event_record
from storyline.run import code_documents


def _progress(docs: list[Document], enabled: bool, err: TextIO):  # type: ignore[no-untyped-def]
    if not enabled or len(docs) < 20:
        return docs
    from tqdm import tqdm

    return tqdm(docs, unit="doc", file=err, disable=None)


def _explain(doc: Document, err: TextIO) -> None:
    if doc.events and not doc.rejected:
        return
    origin = doc.origin or doc.id
    for note in doc.notes or []:
        print(f"{origin}: [{note.code or '-'}] {note.stage}: {note.reason}", file=err)


def code_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from storyline.store import Store

    docs = list(iter_documents(args.paths, date=args.date, source=args.source, stdin=sys.stdin))
    records: list[dict] = []
    stored = skipped = rejected = 0
    store_cm = Store.open(args.db) if args.db else nullcontext(None)
    with store_cm as store:
        todo = [d for d in docs if store is None or not store.has_document(d.id)]
        skipped = len(docs) - len(todo)
        for doc in code_documents(_progress(todo, not args.no_progress, err), workers=args.workers):
            rejected += doc.rejected
            if store is not None:
                stored += store.save(doc)
            records.extend(event_record(doc, ev) for ev in doc.events)
            if args.explain:
                _explain(doc, err)
    if args.format == "jsonl":
        write_jsonl(records, out)
    elif args.format == "csv":
        write_csv(records, out)
    else:
        out.write(render_table(records) + "\n")
    summary = f"{len(docs)} articles: {len(todo) - rejected} coded, {rejected} rejected, {len(records)} events"
    if store is not None:
        summary += f"; {stored} stored in {args.db}, {skipped} already there"
    print(summary, file=err)
    return 0


def eval_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json
    import os
    import subprocess
    from datetime import UTC, datetime
    from pathlib import Path

    from storyline.eval import report
    from storyline.eval.run import FLOORS, check_floors, headline, load_floors, run_sets
    from storyline.eval.shared import shared_root

    shared = Path(args.shared) if args.shared else shared_root()
    if not shared.exists():
        print(f"storyline eval: {shared} is absent; pass --shared PATH to the folder with gold/ and seed/", file=err)
        return 2
    results = run_sets(shared.resolve(), args.sets or None, args.limit)
    peers = _peers(shared) if args.peers else None
    out.write(report.table(results, peers) + "\n")
    if args.report != "-" and not args.limit:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=False).stdout.strip() or None
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")  # the report's own timestamp, not extraction
        Path(args.report).write_text(report.markdown(results, peers, when=when, commit=commit,
                                                     cores=os.cpu_count()), encoding="utf-8")
        print(f"wrote {args.report}", file=err)
    if args.pin and not args.limit:
        floors = load_floors()
        floors.update(headline(results))
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"pinned floors in {FLOORS}", file=err)
    problems = [] if args.limit else check_floors(results, load_floors())
    for p in problems:
        print(f"below floor: {p}", file=err)
    return 1 if problems else 0


def _peers(shared):  # type: ignore[no-untyped-def]
    """Peers that are installed here, run on the same files; a missing peer is reported, never required."""
    try:
        from storyline.eval import peers
    except ImportError:
        return None
    if not peers.heideltime_available():
        return {"tempeval3": {"skipped": "HeidelTime not installed (see shared/PEERS.md)"}}
    res = peers.evaluate_heideltime(shared / "gold/tempeval3/te3-platinum")
    res["peer"] = "HeidelTime"
    return {"tempeval3": res}
