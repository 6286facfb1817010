"""The embedded store: one SQLite file in WAL mode, so readers in other processes keep answering while a batch
writes, and every document is written in one transaction, so a killed run keeps every document saved before it.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from storyline.errors import StorylineError
from storyline.model.doc import Actor, Document, Event, Span
from storyline.model.record import event_from_record, event_record
from storyline.store.migrations import migrate
from storyline.store.schema import MIGRATIONS

# How long a writer waits for another writer's transaction before giving up. Documents commit in milliseconds,
# so 30 s only runs out when another process holds a write transaction open by mistake.
BUSY_TIMEOUT_MS = 30_000

# events(**filters): filter name -> SQL condition on the events table.
_FILTERS: dict[str, str] = {
    "document_id": "document_id = ?",
    "cameo": "cameo = ?",
    "root": "root = ?",
    "kind": "kind = ?",
    "status": "status = ?",
    "source_code": "source_code = ?",
    "target_code": "target_code = ?",
    "actor_code": "(source_code = ? OR target_code = ?)",
    "place_country": "place_country = ?",
    "date_from": "COALESCE(date_end, date_start) >= ?",     # the event may fall on or after this ISO day
    "date_to": "COALESCE(date_start, date_end) <= ?",       # the event may fall on or before this ISO day
}

_EVENT_COLUMNS = (
    "id", "document_id", "seq", "cameo", "root", "kind", "name", "goldstein", "quadclass", "plover_type",
    "plover_mode", "source_code", "source_actor_id", "target_code", "target_actor_id", "date_value", "date_start",
    "date_end", "date_precision", "place_name", "place_country", "count", "status", "confidence", "trigger_start",
    "trigger_end", "sentence_start", "sentence_end", "record",
)
# DO NOTHING on the id alone (not OR IGNORE, which would also swallow NOT NULL and CHECK failures).
_INSERT_EVENT = (f"INSERT INTO events({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})"
                 " ON CONFLICT(id) DO NOTHING")


class Store:
    """A storyline database. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # Opening ----------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, migrations: list[tuple[int, str]] = MIGRATIONS) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date."""
        where = str(path)
        try:
            if where != ":memory:":
                Path(where).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(where, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except (sqlite3.Error, OSError) as exc:
            raise StorylineError("E031", path=where, why=exc) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, migrations, where)
        except StorylineError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StorylineError("E031", path=where, why=exc) from exc
        return cls(conn, where)

    @classmethod
    def reader(cls, path: str | Path) -> Store:
        """A read-only connection to an existing store that any one thread may use: the runner's feeder thread
        asks it which documents are stored while this process's writer saves (WAL lets both go on at once)."""
        where = str(path)
        try:
            conn = sqlite3.connect(f"file:{Path(where).resolve()}?mode=ro", uri=True, isolation_level=None,
                                   timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as exc:
            raise StorylineError("E031", path=where, why=exc) from exc
        return cls(conn, where)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        # IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout instead of
        # failing later with a lock upgrade error.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # Writing ----------------------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def save(self, doc: Document, now: str | datetime | None = None) -> bool:
        """Write the document with its events, actors, mentions and notes in one transaction.

        Returns False, writing nothing, when a document with the same content hash is already stored.
        `now` is recorded as `coded_at` (the store never reads the clock).
        """
        coded_at = now.isoformat() if isinstance(now, datetime) else now
        with self.transaction():
            if self.has_document(doc.id):
                return False
            self._write_document(doc, coded_at)
            self._write_notes(doc)
            registry = self._write_actors(doc)
            self._write_events(doc, registry)
        return True

    def save_rejection(self, doc: Document, now: str | datetime | None = None) -> bool:
        """Store a rejected document with its notes: the same path as `save`."""
        return self.save(doc, now)

    def _write_document(self, doc: Document, coded_at: str | None) -> None:
        self.conn.execute(
            "INSERT INTO documents(id, url, title, source, date, date_inferred, origin, text, status, n_events,"
            " coded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.url, doc.title, doc.source, doc.date, int(doc.date_inferred), doc.origin, doc.text,
             "rejected" if doc.rejected else "ok", len(doc.events), coded_at))

    def _write_notes(self, doc: Document) -> None:
        self.conn.executemany(
            "INSERT INTO notes(document_id, stage, code, reason) VALUES (?, ?, ?, ?)",
            [(doc.id, n.stage, n.code, n.reason) for n in doc.notes])

    def _write_actors(self, doc: Document) -> dict[tuple[Any, ...], int]:
        """Register every resolved actor mention; return mention key -> actor row id."""
        registry: dict[tuple[Any, ...], int] = {}
        mentions = list(doc.actors) + [a for ev in doc.events for a in (ev.source, ev.target) if a is not None]
        for actor in mentions:
            key = _actor_key(actor)
            if key in registry or not (actor.name or actor.code):
                continue   # an actor the coder could not resolve ("they") says nothing worth registering
            registry[key] = self._register_actor(actor)
        return registry

    def _register_actor(self, actor: Actor) -> int:
        name = actor.name or actor.text
        row = self.conn.execute(
            "SELECT id FROM actors WHERE name = ? AND code IS ? AND country IS ? AND kind = ?",
            (name, actor.code, actor.country, actor.kind)).fetchone()
        actor_id = row[0] if row else self.conn.execute(
            "INSERT INTO actors(name, code, country, kind) VALUES (?, ?, ?, ?)",
            (name, actor.code, actor.country, actor.kind)).lastrowid
        self.conn.execute(
            "INSERT INTO actor_aliases(actor_id, alias) VALUES (?, ?)"
            " ON CONFLICT(actor_id, alias) DO UPDATE SET seen = seen + 1", (actor_id, actor.text))
        return actor_id

    def _write_events(self, doc: Document, registry: dict[tuple[Any, ...], int]) -> None:
        for seq, ev in enumerate(doc.events):
            record = event_record(doc, ev)
            # Content-hash document ids make "<doc id>-<n>" unique across the store.
            record["id"] = ev.id or f"{doc.id}-{seq:03d}"
            # An id already stored is the same event reported again (cross-article merging): add the mention.
            self.conn.execute(_INSERT_EVENT, _event_row(doc, seq, ev, record, registry))
            pairs = [(ev.trigger, ev.sentence)] + [(m, _sentence_around(doc.text, m, ev.sentence))
                                                     for m in ev.mentions]
            self.conn.executemany(
                "INSERT INTO mentions(event_id, document_id, sentence_start, sentence_end, sentence,"
                " trigger_start, trigger_end, trigger) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(record["id"], doc.id, sent.start, sent.end, sent.text, trig.start, trig.end, trig.text)
                 for trig, sent in pairs])

    # Reading ----------------------------------------------------------------------------------------------

    def events(self, limit: int | None = None, *, as_events: bool = False,
               **filters: str) -> list[dict[str, Any]] | list[Event]:
        """Event records (or, with `as_events`, `Event`s read back from them) in the order they were saved,
        narrowed by `filters` (see `FILTERS`)."""
        unknown = sorted(set(filters) - set(_FILTERS))
        if unknown:
            raise TypeError(f"unknown event filter(s) {', '.join(unknown)}; known: {', '.join(FILTERS)}")
        conds, params = [], []
        for name, value in filters.items():
            conds.append(_FILTERS[name])
            params.extend([value] * _FILTERS[name].count("?"))
        sql = "SELECT record FROM events" + (" WHERE " + " AND ".join(conds) if conds else "")
        sql += " ORDER BY rowid"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return _read_records(self.conn.execute(sql, params), as_events)

    def search(self, query: str, limit: int | None = None, *,
               as_events: bool = False) -> list[dict[str, Any]] | list[Event]:
        """Events whose evidence sentence matches the FTS5 `query`, best match first.

        A query that is not valid FTS5 syntax ("U.S.-led") is retried as a plain list of words.
        """
        sql = ("SELECT e.record FROM events_fts f JOIN mentions m ON m.id = f.rowid JOIN events e ON e.id = m.event_id"
               " WHERE events_fts MATCH ? GROUP BY e.id ORDER BY MIN(f.rank), e.rowid")
        params: list[Any] = [query]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            words = re.findall(r"\w+", query)
            if not words:
                return []
            params[0] = " ".join(f'"{w}"' for w in words)
            rows = self.conn.execute(sql, params).fetchall()
        return _read_records(rows, as_events)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = ("documents", "notes", "events", "mentions", "actors", "actor_aliases")
        out = {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
        out["rejected"] = self.conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'rejected'").fetchone()[0]
        return out

    def rejections(self) -> list[tuple[str | None, str, str | None, str]]:
        """(origin, stage, code, reason) for every note on a document that was rejected or yielded no events."""
        return [tuple(r) for r in self.conn.execute("SELECT origin, stage, code, reason FROM rejections")]

    def actors(self) -> list[dict[str, Any]]:
        """The actor registry: canonical actors with every surface form seen and how often."""
        rows = self.conn.execute(
            "SELECT a.id, a.name, a.code, a.country, a.kind, al.alias, al.seen FROM actors a"
            " JOIN actor_aliases al ON al.actor_id = a.id ORDER BY a.id, al.seen DESC, al.alias").fetchall()
        out: dict[int, dict[str, Any]] = {}
        for aid, name, code, country, kind, alias, seen in rows:
            entry = out.setdefault(aid, {"name": name, "code": code, "country": country, "kind": kind,
                                         "aliases": {}})
            entry["aliases"][alias] = seen
        return list(out.values())


FILTERS = tuple(_FILTERS)


def _read_records(rows: Iterable[tuple[str, ...]], as_events: bool) -> list[dict[str, Any]] | list[Event]:
    records = [json.loads(r[0]) for r in rows]
    return [event_from_record(r) for r in records] if as_events else records


def _actor_key(actor: Actor) -> tuple[Any, ...]:
    """One actor mention: the same words at the same place, coded the same, count once."""
    span = (actor.span.start, actor.span.end) if actor.span else None
    return (actor.text, span, actor.name, actor.code, actor.country, actor.kind)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")


def _sentence_around(text: str, trigger: Span, evidence: Span) -> Span:
    """The sentence holding a merged trigger: the evidence sentence if it is there, else cut at end marks.

    Event.mentions carries trigger spans only; the rough cut is good enough for search and display.
    """
    if evidence.start <= trigger.start and trigger.end <= evidence.end:
        return evidence
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, trigger.start)), default=0)
    nxt = _SENTENCE_END.search(text, trigger.end)
    end = nxt.end() if nxt else len(text)
    while end > trigger.end and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _event_row(doc: Document, seq: int, ev: Event, record: dict[str, Any],
               registry: dict[tuple[Any, ...], int]) -> tuple[Any, ...]:
    def actor_id(actor: Actor | None) -> int | None:
        return None if actor is None else registry.get(_actor_key(actor))

    date, place = ev.date, ev.place
    return (
        record["id"], doc.id, seq, ev.cameo, ev.root, ev.kind, ev.name, ev.goldstein, ev.quadclass,
        ev.plover_type, ev.plover_mode,
        ev.source.code if ev.source else None, actor_id(ev.source),
        ev.target.code if ev.target else None, actor_id(ev.target),
        date.value if date else None, date.start if date else None, date.end if date else None,
        date.precision if date else None,
        place.name if place else None, place.country if place else None,
        ev.count, ev.status, ev.confidence,
        ev.trigger.start, ev.trigger.end, ev.sentence.start, ev.sentence.end,
        json.dumps(record, ensure_ascii=False),
    )
