"""Readers: every input form becomes Documents; bad input is a rejected Document, never an exception."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storyline.ingest import iter_documents, read_text_document
from storyline.ingest.dates import normalise_date
from storyline.ingest.readers import decode

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"


def codes(doc) -> list[str | None]:
    return [n.code for n in doc.notes]


def by_origin(paths: list[str], **kw) -> dict[str, object]:
    return {d.origin: d for d in iter_documents(paths, **kw)}


# Dates ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2018-08-28", "2018-08-28"),
    ("2018-08-28T10:00:00Z", "2018-08-28"),
    ("2018/08/28", "2018-08-28"),
    ("2018-8-3", "2018-08-03"),
    (" 2018-08-28 10:00 ", "2018-08-28"),
    ("", None),
    (None, None),
])
def test_normalise_date_accepts_iso_days(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["28/08/2018", "2018-02-30", "yesterday", "2018-13-01", "2018-08"])
def test_normalise_date_rejects_other_forms(value):
    with pytest.raises(ValueError):
        normalise_date(value)


# Plain text -----------------------------------------------------------------------------------------------------

def test_txt_file_is_one_article_with_headline_title():
    [doc] = iter_documents([str(FIXTURES / "wire.txt")], date="2019-07-01", source="Example Wire")
    assert not doc.rejected
    assert doc.title == "Flood Waters Force Thousands From Riverside Homes"
    assert doc.text == (FIXTURES / "wire.txt").read_text(encoding="utf-8")
    assert (doc.date, doc.source, doc.origin) == ("2019-07-01", "Example Wire", str(FIXTURES / "wire.txt"))


@pytest.mark.parametrize(("text", "title"), [
    ("Storm Hits Coast\n\nA storm hit the coast on Monday.", "Storm Hits Coast"),
    ("A storm hit the coast on Monday.\n\nThousands lost power.", None),      # a sentence, not a headline
    ("Storm Hits Coast", None),                                               # nothing after it
    ("storm hits coast\n\nA storm hit the coast.", None),                     # headlines start with a capital
])
def test_txt_title_only_when_first_line_reads_as_headline(text, title):
    assert read_text_document(text).title == title


def test_read_text_document_keeps_given_metadata_and_text():
    text = "Storm Hits Coast\r\n\r\nA storm hit the coast."
    doc = read_text_document(text, date="2020/02/03", source="S", url="https://x.example/1", title="T")
    assert (doc.text, doc.date, doc.source, doc.url, doc.title) == (text, "2020-02-03", "S", "https://x.example/1", "T")


def test_read_text_document_invalid_date_is_a_note_not_a_crash():
    doc = read_text_document("Something happened in the city today.", date="28.08.2018x")
    assert not doc.rejected
    assert doc.date is None
    assert codes(doc) == ["E023"]


def test_empty_text_is_rejected_with_e022():
    doc = read_text_document("  \n\n ")
    assert doc.rejected
    assert codes(doc) == ["E022"]


def test_txt_newlines_are_normalised_and_encodings_fall_back(tmp_path):
    (tmp_path / "win.txt").write_bytes("Café Opens\r\n\r\nThe café opened – finally.\r\n".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes("\ufeffBom Story\n\nThe text.\n".encode())
    docs = by_origin([str(tmp_path)])
    win, bom = docs[str(tmp_path / "win.txt")], docs[str(tmp_path / "bom.txt")]
    assert win.text == "Café Opens\n\nThe café opened – finally.\n"
    assert win.title == "Café Opens"
    assert bom.text.startswith("Bom Story")


def test_decode_order():
    assert decode("naïve".encode()) == "naïve"
    assert decode("naïve".encode("utf-8-sig")) == "naïve"
    assert decode("naïve “quoted”".encode("cp1252")) == "naïve “quoted”"
    assert decode(b"\x81\x8d") == "\x81\x8d"  # bytes cp1252 leaves undefined still decode


# Folders, paths, stdin ------------------------------------------------------------------------------------------

def test_folder_is_recursive_sorted_known_types_only(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed story text here.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Aye story text here.", encoding="utf-8")
    (tmp_path / "c.md").write_text("Not read.", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Not read.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Not read.", encoding="utf-8")
    origins = [d.origin for d in iter_documents([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_a_bare_path_is_one_path():
    docs = list(iter_documents(str(FIXTURES / "wire.txt")))  # type: ignore[arg-type]
    assert [d.origin for d in docs] == [str(FIXTURES / "wire.txt")]


def test_missing_and_unsupported_paths_are_rejected_documents(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    missing, unsupported = iter_documents([str(tmp_path / "gone.txt"), str(tmp_path / "notes.md")])
    assert missing.rejected and codes(missing) == ["E020"]
    assert unsupported.rejected and codes(unsupported) == ["E021"]
    assert ".md" in unsupported.notes[0].reason


def test_stdin_plain_text():
    [doc] = iter_documents(["-"], stdin=io.StringIO("Quake Strikes\n\nA quake struck at dawn.\n"), date="2020-01-01")
    assert (doc.origin, doc.title, doc.date) == ("stdin", "Quake Strikes", "2020-01-01")


def test_stdin_jsonl_when_the_first_line_is_an_object():
    rows = [{"text": "First story body.", "date": "2020-01-02"}, {"text": "Second story body."}]
    stream = io.StringIO("\n".join(json.dumps(r) for r in rows) + "\n\n")
    docs = list(iter_documents(["-"], stdin=stream, date="2020-01-05"))
    assert [(d.origin, d.text, d.date) for d in docs] == [
        ("stdin#row 1", "First story body.", "2020-01-02"),
        ("stdin#row 2", "Second story body.", "2020-01-05"),
    ]


def test_stdin_whose_first_line_is_an_object_is_jsonl_row_by_row():
    # As a .jsonl file is: the first row decides, and a row that is not a record is rejected on its own.
    docs = list(iter_documents(["-"], stdin=io.StringIO('{"a": 1}\nThe rest is prose.\n')))
    assert [(d.origin, d.rejected, codes(d)) for d in docs] == [
        ("stdin#row 1", True, ["E022"]), ("stdin#row 2", True, ["E024"])]


def test_stdin_text_that_mentions_braces_later_stays_text():
    [doc] = iter_documents(["-"], stdin=io.StringIO('The report said:\n{"a": 1}\n'))
    assert (doc.origin, doc.rejected) == ("stdin", False)
    assert doc.text == 'The report said:\n{"a": 1}\n'


# HTML -----------------------------------------------------------------------------------------------------------

def test_html_main_text_and_metadata():
    [doc] = iter_documents([str(FIXTURES / "page.html")])
    assert not doc.rejected
    assert doc.title == "Port strike ends after talks"
    assert doc.date == "2019-03-05"
    assert doc.url == "https://herald.example.com/news/port-strike-ends"
    assert doc.source == "The Example Herald"
    assert "Dock workers at the city's main port returned to work" in doc.text
    assert "Sport" not in doc.text and "All rights reserved" not in doc.text


def test_html_date_given_by_user_wins_over_page():
    [doc] = iter_documents([str(FIXTURES / "page.html")], date="2019-03-06", source="Mine")
    assert doc.date == "2019-03-06"
    assert doc.source == "The Example Herald"  # the page names its site: the CLI source only fills a gap


def test_html_without_main_text_is_e025():
    [doc] = iter_documents([str(FIXTURES / "empty.html")])
    assert doc.rejected and codes(doc) == ["E025"]


# JSONL / JSON / CSV ---------------------------------------------------------------------------------------------

def test_jsonl_rows():
    path = str(FIXTURES / "records.jsonl")
    docs = by_origin([path], source="CLI", date="1999-12-31")
    assert list(docs) == [f"{path}#row {n}" for n in (1, 2, 4, 5, 6, 7)]  # row 3 is blank
    first = docs[f"{path}#row 1"]
    assert (first.url, first.date, first.title, first.source) == (
        "https://example.org/a", "2020-01-02", "Budget approved", "Example Daily")
    second = docs[f"{path}#row 2"]
    assert second.text.startswith("Voters") and second.date == "2020-01-03" and second.source == "CLI"
    fourth = docs[f"{path}#row 4"]
    assert fourth.text.startswith("Police") and not fourth.rejected
    assert fourth.date == "1999-12-31" and codes(fourth) == ["E023"]  # record date invalid: the CLI date fills in
    assert codes(docs[f"{path}#row 5"]) == ["E024"] and docs[f"{path}#row 5"].rejected
    assert codes(docs[f"{path}#row 6"]) == ["E022"] and docs[f"{path}#row 6"].rejected
    assert codes(docs[f"{path}#row 7"]) == ["E024"] and docs[f"{path}#row 7"].rejected


def test_invalid_record_date_without_cli_date_leaves_none():
    docs = by_origin([str(FIXTURES / "records.jsonl")])
    doc = docs[f"{FIXTURES / 'records.jsonl'}#row 4"]
    assert doc.date is None and codes(doc) == ["E023"]


def test_invalid_cli_date_is_noted_where_it_is_needed():
    docs = list(iter_documents([str(FIXTURES / "records.csv")], date="someday"))
    assert codes(docs[0]) == []            # the row has its own date: the CLI date is not consulted
    assert codes(docs[1]) == []
    assert docs[1].date == "2021-05-07"
    [undated] = iter_documents(["-"], stdin=io.StringIO('{"text": "A story with no date."}'), date="someday")
    assert undated.date is None and not undated.rejected and codes(undated) == ["E023"]


def test_json_file_holding_a_list(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"text": "One story."}, {"content": "Two story.", "source": "Src"}], indent=2),
                    encoding="utf-8")
    docs = list(iter_documents([str(path)]))
    assert [(d.origin, d.text, d.source) for d in docs] == [
        (f"{path}#row 1", "One story.", None), (f"{path}#row 2", "Two story.", "Src")]


def test_csv_rows():
    path = str(FIXTURES / "records.csv")
    docs = list(iter_documents([path], source="CLI"))
    assert [d.origin for d in docs] == [f"{path}#row {n}" for n in (1, 2, 3)]
    first, second, third = docs
    assert (first.url, first.date, first.title, first.source) == (
        "https://example.org/x", "2021-05-06", "Harbour reopens", "CLI")
    assert second.text == "Farmers protested outside the ministry\nfor a second day."
    assert second.date == "2021-05-07" and second.url is None and second.title is None
    assert third.rejected and codes(third) == ["E022"]


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.jsonl").write_text("{broken\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A fine story about a bridge.", encoding="utf-8")
    docs = list(iter_documents([str(tmp_path / "missing.csv"), str(tmp_path)]))
    assert [d.rejected for d in docs] == [True, True, False]
    assert [codes(d) for d in docs] == [["E020"], ["E024"], []]


def test_txt_file_named_with_a_date_carries_it(tmp_path: Path) -> None:
    (tmp_path / "2019-03-05-protest.txt").write_text("Police arrested ten protesters on Tuesday.\n", encoding="utf-8")
    (tmp_path / "notes-2019-03-05.txt").write_text("Police arrested ten protesters on Tuesday.\n", encoding="utf-8")
    docs = {Path(d.origin).name: d for d in iter_documents([str(tmp_path)], date="2020-01-01")}
    assert docs["2019-03-05-protest.txt"].date == "2019-03-05"
    assert docs["notes-2019-03-05.txt"].date == "2020-01-01"  # only a leading date names the article's day
