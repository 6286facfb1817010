"""Readers for every input form: files, folders and stdin become `Document`s.

Bad input is a result, not a crash: a file or row that cannot be used yields a rejected `Document` carrying
the catalogue note, so the caller records it and the batch goes on.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from storyline.errors import message
from storyline.ingest.dates import normalise_date
from storyline.ingest.lines import first_line, looks_like_headline
from storyline.model.doc import Document

STAGE = "ingest"
KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "records", ".json": "records", ".csv": "csv"}
TEXT_FIELDS = ("text", "body", "content")
# Long interviews in the Wikinews sample reach 104k characters; csv's default field limit is 128 KiB.
CSV_FIELD_LIMIT = 64 * 1024 * 1024
# trafilatura falls back to whatever text a page has, so a page with no article yields its menu ("Home",
# "Home | World"); the shortest real news item is a sentence, well over this many words.
HTML_MIN_WORDS = 6


@dataclass(frozen=True, slots=True)
class Given:
    """What the caller (the CLI) said about every document: used only where the input itself says nothing."""

    date: str | None = None
    source: str | None = None


def iter_documents(paths: Iterable[str], *, date: str | None = None, source: str | None = None,
                   stdin: TextIO | None = None) -> Iterator[Document]:
    """Documents from files, folders (recursive, sorted, known types, hidden skipped) and "-" for stdin."""
    given = Given(date, source)
    if isinstance(paths, str | os.PathLike):  # one path given bare: not a sequence of one-letter paths
        paths = [str(paths)]
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, given)
        else:
            yield from _read_path(Path(path), given)


def read_text_document(text: str, *, date: str | None = None, source: str | None = None, url: str | None = None,
                       title: str | None = None) -> Document:
    """One article from a string; the title defaults to the first line when it reads as a headline."""
    return _plain_text(text, None, Given(date, source), url=url, title=title)


# Paths ----------------------------------------------------------------------------------------------------------


def _read_path(path: Path, given: Given) -> Iterator[Document]:
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, given)
    elif path.exists() and path.suffix.lower() not in KINDS:
        yield _rejected(_origin(path), "E021", suffix=path.suffix or "(none)", path=_origin(path))
    else:
        yield from _read_file(path, given)


def _walk(root: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files if not f.startswith(".") and Path(f).suffix.lower() in KINDS]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?=[-_. ])")


def _read_file(path: Path, given: Given) -> Iterator[Document]:
    origin = _origin(path)
    try:
        raw = path.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path, which no file system accepts
        yield _rejected(origin, "E020", path=origin, why=getattr(exc, "strerror", None) or str(exc))
        return
    kind = KINDS[path.suffix.lower()]
    if kind == "html":
        yield _html(raw, origin, given)
        return
    text = decode(raw)
    if kind == "text":
        yield _plain_text(_unix_newlines(text), origin, given, date=_name_date(path))
    elif kind == "csv":
        yield from _csv_rows(text, origin, given)
    else:
        yield from _json_rows(text, origin, given, whole=path.suffix.lower() == ".json")


def _origin(path: Path) -> str:
    """The path as text that encodes as UTF-8: the bytes of a name that is not UTF-8 (which os hands out as
    surrogate escapes) are written as \\xNN, so two such names stay two origins and two rejected documents."""
    name = str(path)
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file system byte stands for: only the API can pass one
        return utf8_safe(name)


def _read_stdin(stream: TextIO, given: Given) -> Iterator[Document]:
    try:
        text = _read_stream(stream)
    except (OSError, UnicodeDecodeError) as exc:
        yield _rejected("stdin", "E020", path="stdin", why=str(exc))
        return
    # The first row decides, as a file's suffix does: a bad row further on is rejected on its own (E024).
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.lstrip().startswith("{"):
        yield from _json_rows(text, "stdin", given, whole=False)
    else:
        yield _plain_text(_unix_newlines(text), "stdin", given)


def _read_stream(stream: TextIO) -> str:
    """The bytes under a text stream where it has them, decoded as a file is: sys.stdin's own decoding raises on
    bytes that are not UTF-8 (or hides them as surrogates, by locale)."""
    buffer = getattr(stream, "buffer", None)
    data = buffer.read() if buffer is not None else stream.read()
    return decode(data) if isinstance(data, bytes) else data


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 when marked, else Windows-1252, else Latin-1."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A file cut short (an odd byte count, half a surrogate pair) loses only its broken last characters.
        return raw.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # every byte is a Latin-1 character: never fails


def _unix_newlines(text: str) -> str:
    """Newlines as Python's text mode reads them, so line offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Forms ----------------------------------------------------------------------------------------------------------


def _plain_text(text: str, origin: str | None, given: Given, *, url: str | None = None,
                title: str | None = None, date: str | None = None) -> Document:
    if title is None:
        title = _headline(text)
    return _document(text, origin, given, {"url": url, "title": title, "date": date})


def _name_date(path: Path) -> str | None:
    """A file named like "2018-08-28-cambodia-pardons.txt" carries its article date, as archives often do."""
    m = _NAME_DATE.match(path.name)
    return m.group(1) if m else None


def _headline(text: str) -> str | None:
    line = first_line(text)
    if line is None or not looks_like_headline(line.text) or not text[line.end:].strip():
        return None
    return line.text


def _html(raw: bytes, origin: str, given: Given) -> Document:
    import trafilatura  # slow to import: only when a page is read

    try:
        found = trafilatura.extract(raw, output_format="json", with_metadata=True, include_comments=False,
                                    date_extraction_params={"original_date": True})
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse has no main text for us
        found = None
    meta = json.loads(found) if found else {}
    text = _unix_newlines(meta.get("text") or "")
    if len(text.split()) < HTML_MIN_WORDS:
        return _rejected(origin, "E025")
    url = meta.get("source") if str(meta.get("source") or "").startswith("http") else None
    record = {"url": url, "title": meta.get("title"), "date": meta.get("date"),
              "source": meta.get("source-hostname") or meta.get("hostname")}
    # A date the user typed beats the one trafilatura found on the page (it can pick a modified date).
    return _document(text, origin, given, record, prefer_given_date=True)


def _json_rows(text: str, origin: str, given: Given, *, whole: bool) -> Iterator[Document]:
    if whole:
        records = _whole_json(text)
        if records is not None:
            for n, record in enumerate(records, start=1):
                yield _record(record, f"{origin}#row {n}", given, n)
            return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row_origin = f"{origin}#row {n}"
        try:
            record = _loads(line)
        except ValueError as exc:
            yield _rejected(row_origin, "E024", row=n, why=getattr(exc, "msg", str(exc)))
            continue
        yield _record(record, row_origin, given, n)


def _whole_json(text: str) -> list[Any] | None:
    """A .json file holding one object or a list of objects, rather than one object per line."""
    try:
        data = _loads(text)
    except ValueError:
        return None
    return data if isinstance(data, list) else [data]


def _loads(text: str) -> Any:
    """json.loads, with every way it refuses input as ValueError: besides syntax errors, nesting deeper than the
    recursion limit raises RecursionError, and an integer over 4300 digits a plain ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _csv_rows(text: str, origin: str, given: Given) -> Iterator[Document]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    n = 0
    try:
        for n, row in enumerate(reader, start=1):  # noqa: B007 - n names the failing row below
            yield _record(row, f"{origin}#row {n}", given, n)
    except csv.Error as exc:
        # A broken quote desynchronises every row after it: report where it broke and stop.
        yield _rejected(f"{origin}#row {n + 1}", "E020", path=f"{origin} row {n + 1}", why=str(exc))


def _record(record: Any, origin: str, given: Given, row: int) -> Document:
    if not isinstance(record, dict):
        return _rejected(origin, "E024", row=row, why=f"a JSON {type(record).__name__}, not an object")
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    text = next((fields[k] for k in TEXT_FIELDS if isinstance(fields.get(k), str) and fields[k].strip()), "")
    meta = {k: _scalar(fields.get(k)) for k in ("url", "date", "title", "source")}
    return _document(_unix_newlines(text), origin, given, meta)


def _scalar(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


# Documents ------------------------------------------------------------------------------------------------------


def _document(text: str, origin: str | None, given: Given, record: dict[str, Any], *,
              prefer_given_date: bool = False) -> Document:
    doc = Document(text=utf8_safe(text), url=_safe(record.get("url")), title=_safe(record.get("title")),
                   source=_safe(record.get("source") or given.source), origin=_safe(origin))
    if not text.strip():
        doc.reject(STAGE, message("E022"), "E022")
        return doc
    dates = [given.date, record.get("date")] if prefer_given_date else [record.get("date"), given.date]
    doc.date = _first_valid_date(doc, [_safe(d) for d in dates])
    return doc


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_safe(text: str) -> str:
    """Lone surrogates (JSON escapes such as "\\ud83d", argv's escaped bytes) as U+FFFD, which UTF-8 (the store)
    can encode; one character for one, so offsets into the text keep their meaning."""
    return _SURROGATE.sub("\ufffd", text)


def _safe(value: Any) -> Any:
    return utf8_safe(value) if isinstance(value, str) else value


def _first_valid_date(doc: Document, candidates: list[Any]) -> str | None:
    """The first candidate that is a real day; each invalid one consulted leaves an E023 note."""
    for value in candidates:
        try:
            day = normalise_date(value)
        except ValueError:
            doc.note(STAGE, message("E023", value=value), "E023")
            continue
        if day is not None:
            return day
    return None


def _rejected(origin: str, code: str, **details: object) -> Document:
    doc = Document(text="", origin=utf8_safe(origin))
    # an exception's text can quote the bad input itself (a path, a stream's bytes)
    doc.reject(STAGE, utf8_safe(message(code, **details)), code)
    return doc
