"""The store's tables, as a list of numbered migration steps applied in order.

A database records the last step applied in `meta.schema_version`; opening it applies the later steps, each in
its own transaction, so an interrupted upgrade leaves the database at the last complete step. Never edit a
released step: add a new one.
"""
from __future__ import annotations

# Step 1: documents and what was coded from them.
_CORE = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    id            TEXT PRIMARY KEY,          -- Document.id, a content hash
    url           TEXT,
    title         TEXT,
    source        TEXT,
    date          TEXT,
    date_inferred INTEGER NOT NULL DEFAULT 0,
    origin        TEXT,
    text          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('ok', 'rejected')),
    n_events      INTEGER NOT NULL DEFAULT 0,
    coded_at      TEXT                        -- supplied by the caller; extraction never reads the clock
);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    stage       TEXT NOT NULL,
    code        TEXT,
    reason      TEXT NOT NULL
);
CREATE INDEX notes_document ON notes(document_id);

-- A registry that grows across articles: one row per canonical actor, every surface form in actor_aliases.
CREATE TABLE actors (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    code    TEXT,
    country TEXT,
    kind    TEXT NOT NULL DEFAULT 'unknown'
);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    seen     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_alias ON actor_aliases(alias);

CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,        -- order within the first document that reported it
    cameo           TEXT,
    root            TEXT,
    kind            TEXT NOT NULL,
    name            TEXT,
    goldstein       REAL,
    quadclass       INTEGER,
    plover_type     TEXT,
    plover_mode     TEXT,
    source_code     TEXT,
    source_actor_id INTEGER REFERENCES actors(id),
    target_code     TEXT,
    target_actor_id INTEGER REFERENCES actors(id),
    date_value      TEXT,
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT,
    place_name      TEXT,
    place_country   TEXT,
    count           INTEGER,
    status          TEXT NOT NULL,
    confidence      REAL NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    record          TEXT NOT NULL CHECK (json_valid(record))   -- storyline.model.record.event_record
);
CREATE INDEX events_document ON events(document_id, seq);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_date ON events(date_start, date_end);

-- Where an event is reported. Cross-article merging attaches several mentions to one event.
CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY,
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    sentence       TEXT NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger        TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_document ON mentions(document_id);

-- Why a document yielded nothing: rejected documents, and accepted ones with no events.
CREATE VIEW rejections AS
    SELECT d.id AS document_id, d.origin, n.stage, n.code, n.reason
    FROM notes n JOIN documents d ON d.id = n.document_id
    WHERE d.status = 'rejected' OR d.n_events = 0
    ORDER BY d.rowid, n.id;
"""

# Step 2: full-text search over the evidence sentences. It indexes the mentions table (external content, so the
# sentences are stored once) and is kept in step by triggers; 'rebuild' indexes mentions written under step 1.
_SEARCH = """
CREATE VIRTUAL TABLE events_fts USING fts5(sentence, content='mentions', content_rowid='id');
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
    INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
"""

MIGRATIONS: list[tuple[int, str]] = [
    (1, _CORE),
    (2, _SEARCH),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
