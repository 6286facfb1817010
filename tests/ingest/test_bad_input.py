"""Bad input is a result, never a crash: each unusable file or row is a rejected Document with its own id and its
own catalogue code, and every text a reader hands out encodes as UTF-8 (the store writes UTF-8)."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from storyline.ingest.readers import decode, iter_documents
from storyline.model.doc import Document
from storyline.store import Store

# printf '\xff\xfeP\x00o\x00X': a UTF-16 byte-order mark, "Po", and half of a third character
ODD_UTF16 = b"\xff\xfeP\x00o\x00X"
# the JSON escape of a lone high surrogate, as bytes: json.loads turns it into a str no codec can encode
SURROGATE_ROW = b'{"text": "Police arrested \\ud83d twelve protesters in the capital on Monday."}\n'
SURROGATE_TEXT = "Police arrested \ufffd twelve protesters in the capital on Monday."
GOOD = "Police arrested twelve protesters in the capital on Monday.\n"


def codes(doc: Document) -> list[str | None]:
    return [n.code for n in doc.notes]


def write(folder: Path, files: dict[str, bytes]) -> Path:
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return folder


def stdin_of(raw: bytes, errors: str = "strict") -> io.TextIOWrapper:
    """A stream like sys.stdin: text on top, the bytes underneath (`errors` as the locale sets it)."""
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors=errors)


def assert_utf8(doc: Document) -> None:
    """Every string the store writes for this document encodes as UTF-8."""
    for value in (doc.text, doc.url, doc.title, doc.source, doc.date, doc.origin, *[n.reason for n in doc.notes]):
        if value is not None:
            value.encode("utf-8")


# 1. UTF-16 with a byte-order mark and an odd number of bytes ------------------------------------------------------

def test_decode_utf16_with_odd_byte_count_keeps_what_it_can():
    assert decode(ODD_UTF16) == "Po\ufffd"
    assert decode(b"\xfe\xff\x00P\x00o\x00") == "Po\ufffd"    # big-endian, cut short the same way


def test_odd_utf16_file_does_not_stop_the_folder(tmp_path):
    write(tmp_path, {"a-bad.txt": ODD_UTF16, "b-good.txt": GOOD.encode()})
    bad, good = iter_documents([str(tmp_path)])
    assert (bad.origin, bad.text) == (str(tmp_path / "a-bad.txt"), "Po\ufffd")
    assert (good.origin, good.text, good.rejected) == (str(tmp_path / "b-good.txt"), GOOD, False)


# 2. Lone surrogates from JSON escapes ------------------------------------------------------------------------------

def test_lone_surrogate_in_jsonl_text_becomes_one_replacement_character(tmp_path):
    path = write(tmp_path, {"s.jsonl": SURROGATE_ROW}) / "s.jsonl"
    [doc] = iter_documents([str(path)])
    assert not doc.rejected
    assert doc.text == SURROGATE_TEXT
    assert len(doc.text) == len(json.loads(SURROGATE_ROW)["text"])   # offsets count characters one for one
    assert_utf8(doc)


def test_lone_surrogates_in_every_metadata_field_are_replaced(tmp_path):
    row = {"text": "Flood waters rose \\udc00 overnight.", "title": "Flood \\ud800", "url": "https://x.example/\\udfff",
           "source": "Wire \\udbff", "date": "2019-01-0\\ud83d"}
    line = "{" + ", ".join(f'"{k}": "{v}"' for k, v in row.items()) + "}\n"
    path = write(tmp_path, {"m.jsonl": line.encode()}) / "m.jsonl"
    [doc] = iter_documents([str(path)])
    assert (doc.text, doc.title, doc.url, doc.source) == (
        "Flood waters rose \ufffd overnight.", "Flood \ufffd", "https://x.example/\ufffd", "Wire \ufffd")
    assert doc.date is None and codes(doc) == ["E023"]    # the invalid date is noted, and the note encodes too
    assert "2019-01-0\ufffd" in doc.notes[0].reason
    assert_utf8(doc)


def test_given_source_and_date_with_surrogates_are_replaced():
    # argv is decoded with surrogateescape on POSIX, so `--source $'\xff'` arrives as a lone surrogate
    [doc] = iter_documents(["-"], stdin=io.StringIO("A bridge opened \udcff today."), source="W\udcff",
                           date="2019\udcff")
    assert (doc.text, doc.source) == ("A bridge opened \ufffd today.", "W\ufffd")
    assert codes(doc) == ["E023"]
    assert_utf8(doc)


# 3. stdin is read as bytes and decoded like a file ----------------------------------------------------------------

@pytest.mark.parametrize("errors", ["strict", "surrogateescape"])
def test_non_utf8_stdin_is_decoded_like_a_file(tmp_path, errors):
    raw = "Café Opens\r\n\r\nThe café opened – finally.\r\n".encode("cp1252")
    [from_file] = iter_documents([str(write(tmp_path, {"c.txt": raw}) / "c.txt")])
    [doc] = iter_documents(["-"], stdin=stdin_of(raw, errors))
    assert not doc.rejected
    assert doc.text == from_file.text == "Café Opens\n\nThe café opened – finally.\n"
    assert doc.title == "Café Opens"


STDIN_BYTES = {"odd-utf16": ODD_UTF16, "utf8-bom": "\ufeffBom Story\n\nThe text.\n".encode(),
               "utf16": "Ünïcode story.".encode("utf-16")}


@pytest.mark.parametrize("raw", list(STDIN_BYTES.values()), ids=list(STDIN_BYTES))
def test_stdin_bytes_decode_as_the_same_file_does(tmp_path, raw):
    [from_file] = iter_documents([str(write(tmp_path, {"f.txt": raw}) / "f.txt")])
    [doc] = iter_documents(["-"], stdin=stdin_of(raw))
    assert doc.text == from_file.text


# 4. JSONL on stdin is read row by row, as from a file -------------------------------------------------------------

JSONL_WITH_BAD_ROWS = b'{"text": "First story body."}\n{bad\n42\n\n{"text": "Second story body."}\n'


def test_jsonl_on_stdin_rejects_bad_rows_one_by_one(tmp_path):
    path = write(tmp_path, {"x.jsonl": JSONL_WITH_BAD_ROWS}) / "x.jsonl"
    from_file = [(d.origin.removeprefix(str(path)), d.text, codes(d)) for d in iter_documents([str(path)])]
    from_stdin = [(d.origin.removeprefix("stdin"), d.text, codes(d))
                  for d in iter_documents(["-"], stdin=stdin_of(JSONL_WITH_BAD_ROWS))]
    assert from_stdin == from_file == [("#row 1", "First story body.", []), ("#row 2", "", ["E024"]),
                                       ("#row 3", "", ["E024"]), ("#row 5", "Second story body.", [])]


def test_stdin_is_plain_text_when_its_first_line_is_not_an_object():
    text = 'Markets Rally\n\n{"quoted": "a row someone pasted"}\n'
    [doc] = iter_documents(["-"], stdin=io.StringIO("\n  \n" + text))
    assert (doc.origin, doc.rejected) == ("stdin", False)
    assert doc.text.endswith(text)


# 5. Four different rejections are four documents ------------------------------------------------------------------

BAD_FILES = {
    "empty.txt": b"",
    "rows.jsonl": b"{bad\n42\n",
    "script.html": b"<html><head><script>var story = 'nothing to read here at all';</script></head></html>",
}


def test_each_rejection_is_its_own_document_with_its_own_code(tmp_path):
    docs = list(iter_documents([str(write(tmp_path, BAD_FILES))]))
    assert [(d.origin, codes(d)) for d in docs] == [
        (str(tmp_path / "empty.txt"), ["E022"]),
        (f"{tmp_path / 'rows.jsonl'}#row 1", ["E024"]),
        (f"{tmp_path / 'rows.jsonl'}#row 2", ["E024"]),
        (str(tmp_path / "script.html"), ["E025"]),
    ]
    assert all(d.rejected for d in docs)
    assert len({d.id for d in docs}) == 4
    assert "not an object" in docs[2].notes[0].reason     # `42` is JSON, just not a record


# 6. Paths that cannot be read -------------------------------------------------------------------------------------

def test_missing_path_is_e020_and_unknown_suffix_is_e021(tmp_path):
    (tmp_path / "notes.md").write_bytes(b"Some notes.")
    missing, missing_md, unknown = iter_documents(
        [str(tmp_path / "gone.txt"), str(tmp_path / "gone.md"), str(tmp_path / "notes.md")])
    assert [(d.rejected, codes(d)) for d in (missing, missing_md, unknown)] == [
        (True, ["E020"]), (True, ["E020"]), (True, ["E021"])]
    assert str(tmp_path / "gone.txt") in missing.notes[0].reason
    assert "'.md'" in unknown.notes[0].reason
    assert len({missing.id, missing_md.id, unknown.id}) == 3


def test_folder_given_with_unknown_files_only_skips_them(tmp_path):
    write(tmp_path, {"notes.md": b"Some notes.", "data.bin": b"\x00\x01"})
    assert list(iter_documents([str(tmp_path)])) == []


def test_path_with_a_nul_character_is_e020():
    [doc] = iter_documents(["bad\x00name.txt"])
    assert doc.rejected and codes(doc) == ["E020"]


def test_undecodable_file_names_stay_distinct_and_encode(tmp_path):
    folder = os.fsencode(tmp_path)
    try:
        for name in (b"a\xff.txt", b"a\xfe.txt"):
            with open(os.path.join(folder, name), "wb"):
                pass   # empty: rejected, so known by its origin
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    docs = list(iter_documents([str(tmp_path)]))
    assert [codes(d) for d in docs] == [["E022"], ["E022"]]
    assert len({d.id for d in docs}) == 2
    assert sorted(Path(d.origin).name for d in docs) == ["a\\xfe.txt", "a\\xff.txt"]
    for doc in docs:
        assert_utf8(doc)


# JSON the parser refuses with something other than a decode error --------------------------------------------------

@pytest.mark.parametrize("row", [b"[" * 100_000, b'{"text": ' + b"9" * 5000 + b"}"], ids=["deep", "huge-int"])
def test_json_rows_the_parser_cannot_take_are_e024(tmp_path, row):
    write(tmp_path, {"a.jsonl": row + b"\n" + SURROGATE_ROW, "b.json": row})
    docs = list(iter_documents([str(tmp_path)]))
    assert [(d.origin.removeprefix(str(tmp_path)), codes(d)) for d in docs] == [
        ("/a.jsonl#row 1", ["E024"]), ("/a.jsonl#row 2", []), ("/b.json#row 1", ["E024"])]
    assert docs[1].text == SURROGATE_TEXT


# End to end: every document from a bad folder is stored ------------------------------------------------------------

def test_store_holds_every_document_from_a_folder_of_bad_input(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, {**BAD_FILES, "odd-utf16.txt": ODD_UTF16, "surrogate.jsonl": SURROGATE_ROW,
                   "good.txt": GOOD.encode()})
    docs = list(iter_documents([str(folder)]))
    good = next(d for d in docs if d.origin == str(folder / "good.txt"))
    assert (good.text, good.rejected) == (GOOD, False)
    with Store.open(tmp_path / "s.db") as store:
        saved = [store.save(doc) for doc in docs]
        counts = store.counts()
        stored_codes = sorted(code for _, _, code, _ in store.rejections() if code)
    assert all(saved)                  # no two documents share an id, so none was skipped as already stored
    assert counts["documents"] == len(docs) == 7
    assert counts["rejected"] == sum(d.rejected for d in docs) == 4
    assert stored_codes == ["E022", "E024", "E024", "E025"]
