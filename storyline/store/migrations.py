"""Bring a database up to the schema this code knows, one step at a time."""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from storyline.errors import StorylineError


def current_version(conn: sqlite3.Connection) -> int:
    """The last migration step applied; 0 for a new, empty database."""
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, steps: Sequence[tuple[int, str]], path: str) -> int:
    """Apply every step newer than the database, each in its own transaction; return the version reached.

    `conn` must be in autocommit mode (isolation_level=None) so the BEGIN/COMMIT here are the only ones.
    """
    found = current_version(conn)
    supported = steps[-1][0] if steps else 0
    if found > supported:
        raise StorylineError("E030", path=path, found=found, supported=supported)
    for version, sql in steps:
        if version <= found:
            continue
        script = (f"BEGIN IMMEDIATE;\n{sql}\n"
                  f"INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '{int(version)}');\nCOMMIT;")
        try:
            conn.executescript(script)
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        found = version
    return found
