"""The embedded store (SQLite, WAL, FTS5): documents, events, actors and mentions, kept across runs."""
from storyline.store.sqlite import FILTERS, Store

__all__ = ["FILTERS", "Store"]
