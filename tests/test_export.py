"""JSONL, CSV and the terminal table."""
from __future__ import annotations

import csv
import io
import json

from storyline.export.formats import CSV_COLUMNS, event_schema, render_table, write_csv, write_jsonl
from storyline.model.doc import Actor, Document, Event, Span
from storyline.model.record import event_record
from tests.handmade import make_doc


def _records(n: int = 0) -> list[dict]:
    doc = make_doc(n)
    return [event_record(doc, ev) for ev in doc.events]


def test_jsonl_is_one_full_record_per_line() -> None:
    recs = _records(0) + _records(1)
    fh = io.StringIO()
    assert write_jsonl(recs, fh) == 4
    lines = fh.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == recs


def test_jsonl_keeps_non_ascii_text_readable() -> None:
    text = "Hun Sen a dénoncé l'opposition."
    doc = Document(text=text, date="2018-08-28")
    doc.events = [Event(Span.of(text, 10, 17), Span.of(text, 0, len(text)), cameo="111")]
    fh = io.StringIO()
    write_jsonl([event_record(doc, doc.events[0])], fh)
    assert "dénoncé" in fh.getvalue()


def test_csv_has_flat_columns_and_round_trips() -> None:
    recs = _records(0)
    recs[1]["sentence"]["text"] = 'He said, "no",\nthen left.'   # commas, quotes, a newline
    fh = io.StringIO(newline="")
    assert write_csv(recs, fh) == 2
    rows = list(csv.DictReader(io.StringIO(fh.getvalue(), newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    arrest, denounce = rows
    assert (arrest["cameo"], arrest["root"], arrest["quadclass"], arrest["plover_type"]) == ("173", "17", "4", "ARREST")
    assert (arrest["source_code"], arrest["source_name"], arrest["target_text"]) == ("KHMCOP", "police", "2 protesters")
    assert (arrest["date_value"], arrest["date_precision"], arrest["place_country"]) == ("2018-08-28", "day", "KHM")
    assert arrest["trigger_text"] == "arrested"
    assert int(arrest["trigger_end"]) - int(arrest["trigger_start"]) == len("arrested")
    assert arrest["document_id"] == recs[0]["document"]["id"]
    assert (denounce["date_value"], denounce["place_name"], denounce["count"]) == ("", "", "")
    assert denounce["sentence"] == 'He said, "no",\nthen left.'


def test_table_shows_one_line_per_event_with_evidence() -> None:
    recs = _records(0)
    out = render_table(recs)
    lines = out.splitlines()
    assert lines[0].split() == ["date", "event", "source", "target", "n", "status", "evidence"]
    assert len(lines) == 2 + len(recs)
    assert "173 Arrest, detain" in lines[2] and "KHMCOP police" in lines[2] and "[arrested]" in lines[2]
    assert "2018-08-28" in lines[2] and lines[3].lstrip().startswith("?")   # the second event has no date
    assert "[denounced]" in lines[3]


def test_table_cuts_long_cells_but_keeps_the_trigger_visible() -> None:
    text = ("In a long statement read out at a press conference in the capital after a week of talks with "
            "regional partners, the ministry of foreign affairs of the kingdom condemned the attack on the "
            "border post, which it said had been carried out by soldiers of the neighbouring country.")
    doc = Document(text=text, date="2018-08-28")
    trig = text.index("condemned")
    source = Actor("the ministry of foreign affairs of the kingdom", None,
                   name="Ministry of Foreign Affairs and International Cooperation of the Kingdom", code="KHMGOV")
    doc.events = [Event(Span.of(text, trig, trig + 9), Span.of(text, 0, len(text)), cameo="122",
                        name="Denounce or condemn something at great length", source=source)]
    out = render_table([event_record(doc, doc.events[0])])
    row = out.splitlines()[2]
    assert "[condemned]" in row and "…" in row
    assert len(row) <= 12 + 28 + 26 + 26 + 5 + 9 + 44 + 2 * 6
    assert "Ministry of Foreign Affairs and International Cooperation of the Kingdom" not in row
    assert "\n" not in row


def test_empty_table() -> None:
    assert render_table([]) == "(no events)\n"


def test_packaged_schema_loads() -> None:
    schema = event_schema()
    assert schema["$schema"].endswith("2020-12/schema") and "trigger" in schema["properties"]
