"""Writing event records out: JSONL (the full record), CSV (flat columns) and a table for the terminal."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any, TextIO

Record = Mapping[str, Any]


def write_jsonl(records: Iterable[Record], fh: TextIO) -> int:
    """One full event record per line; returns how many were written."""
    n = 0
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


# CSV: column name -> path into the record.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "event_id": ("id",),
    "document_id": ("document", "id"),
    "document_url": ("document", "url"),
    "document_date": ("document", "date"),
    "kind": ("kind",),
    "cameo": ("cameo",),
    "root": ("cameo_root",),
    "name": ("name",),
    "goldstein": ("goldstein",),
    "quadclass": ("quadclass",),
    "plover_type": ("plover", "type"),
    "plover_mode": ("plover", "mode"),
    **{f"{role}_{f}": (role, f) for role in ("source", "target") for f in ("text", "name", "code", "country")},
    "date_value": ("date", "value"),
    "date_start": ("date", "start"),
    "date_end": ("date", "end"),
    "date_precision": ("date", "precision"),
    "place_name": ("place", "name"),
    "place_country": ("place", "country"),
    "count": ("count",),
    "status": ("status",),
    "confidence": ("confidence",),
    "trigger_text": ("trigger", "text"),
    "trigger_start": ("trigger", "start"),
    "trigger_end": ("trigger", "end"),
    "sentence": ("sentence", "text"),
}


def _get(rec: Record, path: tuple[str, ...]) -> Any:
    value: Any = rec
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def flatten(rec: Record) -> dict[str, Any]:
    """The CSV row for one record: missing values are empty strings."""
    row = {}
    for col, path in CSV_COLUMNS.items():
        value = _get(rec, path)
        row[col] = "" if value is None else value
    return row


def write_csv(records: Iterable[Record], fh: TextIO) -> int:
    """Flat CSV with a header row (open `fh` with newline=""); returns how many records were written."""
    writer = csv.DictWriter(fh, fieldnames=list(CSV_COLUMNS))
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(flatten(rec))
        n += 1
    return n


# Terminal table ------------------------------------------------------------------------------------------------

# Column widths for an unwrapped 160-character terminal line; the evidence column takes what is left.
_WIDTHS = {"date": 12, "event": 28, "source": 26, "target": 26, "n": 5, "status": 9, "evidence": 44}
_ELLIPSIS = "…"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())   # newlines would break the row
    return text if len(text) <= width else text[: width - 1] + _ELLIPSIS


def _actor_cell(actor: Record | None) -> str:
    if not actor:
        return "-"
    code, name = actor.get("code"), actor.get("name") or actor.get("text")
    return " ".join(x for x in (code, name) if x) or "-"


def _date_cell(rec: Record) -> str:
    date = rec.get("date") or {}
    value = date.get("value")
    if not value:
        return "?"
    return value + ("~" if date.get("inferred") else "")   # ~: carried over, not stated for this event


def _evidence_cell(rec: Record, width: int) -> str:
    """The sentence around the trigger, trigger in [brackets], cut to fit on both sides of it."""
    trig, sent = rec.get("trigger") or {}, rec.get("sentence") or {}
    text, start = sent.get("text") or "", sent.get("start") or 0
    if not text or trig.get("start") is None:
        return _clip(trig.get("text") or "", width)
    a, b = trig["start"] - start, trig["end"] - start
    left, mid, right = " ".join(text[:a].split()), f"[{text[a:b]}]", " ".join(text[b:].split())
    room = max(width - len(mid) - 2, 0)
    # A third of the room goes before the trigger, unless the words after it need less than the rest.
    keep = min(len(left), max(room // 3, room - len(right)))
    if keep < len(left):
        left = _ELLIPSIS + left[len(left) - keep + 1:] if keep > 1 else ""
    return _clip(" ".join(x for x in (left, mid, right) if x), width)


def _row(rec: Record) -> dict[str, str]:
    event = " ".join(str(x) for x in (rec.get("cameo") or rec.get("kind"), rec.get("name")) if x)
    count = rec.get("count")
    return {
        "date": _date_cell(rec),
        "event": event or "-",
        "source": _actor_cell(rec.get("source")),
        "target": _actor_cell(rec.get("target")),
        "n": "" if count is None else str(count),
        "status": str(rec.get("status") or ""),
        "evidence": _evidence_cell(rec, _WIDTHS["evidence"]),
    }


def _line(cells: Mapping[str, str]) -> str:
    return "  ".join(_clip(cells[c], w).ljust(w) for c, w in _WIDTHS.items()).rstrip()


def table_lines(records: Iterable[Record]) -> Iterator[str]:
    """A fixed-width table, one event a line, long cells cut with an ellipsis: the header first, then each row
    as its record comes (the widths are fixed, so nothing waits for the last record)."""
    header = False
    for rec in records:
        if not header:
            yield _table_header()
            header = True
        yield _line(_row(rec)) + "\n"
    if not header:
        yield "(no events)\n"


def _table_header() -> str:
    return _line({c: c for c in _WIDTHS}) + "\n" + "  ".join("-" * w for w in _WIDTHS.values()) + "\n"


def render_table(records: Iterable[Record]) -> str:
    return "".join(table_lines(records))


class StreamWriter:
    """Writes records to `fh` in one of FORMATS as they come: `write(records)` per document, `close()` at the end
    (the table says "(no events)" when none came). Each document's records are flushed, so a killed run has
    printed everything it finished."""

    def __init__(self, fmt: str, fh: TextIO) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        self.fmt, self.fh, self.count = fmt, fh, 0
        self._csv: csv.DictWriter[str] | None = None
        if fmt == "csv":
            self._csv = csv.DictWriter(fh, fieldnames=list(CSV_COLUMNS))
            self._csv.writeheader()

    def write(self, records: Iterable[Record]) -> None:
        for rec in records:
            if self.fmt == "jsonl":
                self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif self._csv is not None:
                self._csv.writerow(flatten(rec))
            else:
                self.fh.write((_table_header() if self.count == 0 else "") + _line(_row(rec)) + "\n")
            self.count += 1
        self.fh.flush()

    def close(self) -> None:
        if self.fmt == "table" and self.count == 0:
            self.fh.write(render_table([]))
        self.fh.flush()


FORMATS = ("table", "jsonl", "csv")


def event_schema() -> dict[str, Any]:
    """The JSON Schema of an event record (storyline/data/event.schema.json)."""
    text = resources.files("storyline").joinpath("data/event.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
