"""What the CLI commands do, apart from parsing arguments (so tests can call them directly)."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TextIO

from storyline.errors import StorylineError
from storyline.export.formats import StreamWriter
from storyline.ingest.readers import iter_documents
from storyline.model.doc import Document
from storyline.model.record import event_record
from storyline.pipeline import DEFAULT_STAGES, Pipeline, Stage
from storyline.run import code_documents
from storyline.store import Store


def _progress(docs: Iterable[Document], enabled: bool, err: TextIO) -> Iterable[Document]:
    """A progress bar over documents done (not sent), on a terminal only."""
    if not enabled:
        return docs
    from tqdm import tqdm

    return tqdm(docs, unit="doc", file=err, disable=None)


def _explain(doc: Document, err: TextIO) -> None:
    if doc.events and not doc.rejected:
        return
    origin = doc.origin or doc.id
    for note in doc.notes or []:
        print(f"{origin}: [{note.code or '-'}] {note.stage}: {note.reason}", file=err)


@dataclass
class Tally:
    """What a `code` run did, for its summary line and its exit status."""

    read: int = 0
    skipped: int = 0
    rejected: int = 0
    stored: int = 0
    events: int = 0
    bad_paths: list[str] = field(default_factory=list)   # why inputs named on the command line could not be read

    def exit_status(self) -> int:
        """2: an input path was missing or of an unknown type; 1: every document read was rejected; else 0."""
        if self.bad_paths:
            return 2
        return 1 if self.read and self.rejected == self.read else 0


def _not_stored(docs: Iterable[Document], db: str | None, tally: Tally) -> Iterator[Document]:
    """The documents not already in the store. It runs in the runner's feeder thread, so it asks through a
    connection of its own (Store.reader) while the main thread writes."""
    if db is None:
        yield from docs
        return
    with Store.reader(db) as stored:
        for doc in docs:
            if stored.has_document(doc.id):
                tally.skipped += 1
            else:
                yield doc


def _count(doc: Document, paths: Iterable[str], tally: Tally) -> None:
    tally.read += 1
    tally.rejected += doc.rejected
    tally.events += len(doc.events)
    bad = next((n for n in doc.notes if n.code in ("E020", "E021")), None)
    if doc.rejected and doc.origin in paths and bad is not None:
        tally.bad_paths.append(bad.reason)


def _pipeline(user_stages: list[str]) -> Pipeline:
    """The built-in stages, then the user's own ("package.module:STAGE"), each a `Stage` object."""
    extra = []
    for ref in user_stages:
        module, _, name = ref.partition(":")
        try:
            found = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError) as exc:
            raise StorylineError("E013", ref=ref, why=exc) from exc
        if not isinstance(found, Stage):
            raise StorylineError("E013", ref=ref, why=f"it is a {type(found).__name__}, not a storyline Stage")
        extra.append(found)
    return Pipeline([*DEFAULT_STAGES, *extra])


def code_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read, code, store and print each document as it comes: a killed run has stored and printed everything
    it finished (the store commits one document at a time)."""
    tally = Tally()
    writer = StreamWriter(args.format, out)
    with Store.open(args.db) if args.db else nullcontext(None) as store:
        docs = iter_documents(args.paths, date=args.date, source=args.source, stdin=sys.stdin)
        coded = code_documents(_not_stored(docs, args.db, tally), workers=args.workers,
                               pipeline=_pipeline(getattr(args, "stage", [])))
        for doc in _progress(coded, not args.no_progress, err):
            _count(doc, args.paths, tally)
            if store is not None:
                tally.stored += store.save(doc, now=datetime.now(UTC))   # when it was coded, never an event date
            writer.write(event_record(doc, ev) for ev in doc.events)
            if args.explain:
                _explain(doc, err)
    writer.close()
    summary = (f"{tally.read + tally.skipped} articles: {tally.read - tally.rejected} coded, "
               f"{tally.rejected} rejected, {tally.events} events")
    if args.db:
        summary += f"; {tally.stored} stored in {args.db}, {tally.skipped} already there"
    print(summary, file=err)
    for reason in tally.bad_paths:
        print(f"storyline: {reason}", file=err)
    return tally.exit_status()


def eval_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json
    import os
    import subprocess
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
