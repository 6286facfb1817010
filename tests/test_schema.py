"""The event JSON Schema: records validate, it is strict, and docs/SCHEMA.md documents exactly its fields."""
from __future__ import annotations

import copy
import json
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from storyline.export.formats import event_schema
from storyline.model import record as record_module
from storyline.model.doc import PRECISIONS, Actor, Document, Event, Place, Span, TimeValue
from storyline.model.record import event_record
from tests.handmade import make_doc

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_MD = ROOT / "docs" / "SCHEMA.md"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    s = event_schema()
    Draft202012Validator.check_schema(s)
    return s


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, rec: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(rec)]


def _bare_doc() -> Document:
    """An event with nothing but its evidence: every optional field null."""
    text = "Something was agreed."
    doc = Document(text=text)
    doc.events = [Event(Span.of(text, 14, 20), Span.of(text, 0, len(text)), cameo=None, kind="ELECTION")]
    return doc


def _inferred_doc() -> Document:
    """Values with no words behind them: an implied actor, a carried-over date, a place from metadata."""
    text = "Kem Sokha was convicted of treason on Tuesday."
    doc = Document(text=text, date="2018-08-28", date_inferred=True)
    court = Actor("court", None, name="court", code="KHMJUD", country="KHM", roles=["JUD"], inferred=True)
    accused = Actor("Kem Sokha", Span.of(text, 0, 9), name="Kem Sokha", code="KHMOPP", country="KHM",
                    roles=["OPP"], kind="person", basis="dictionary")
    date = TimeValue("", None, value="2018-08", start="2018-08-01", end="2018-08-31", precision="month",
                     modifier="APPROX", inferred=True)
    place = Place("Cambodia", country="KHM", precision="country", basis="actor-country")
    doc.events = [Event(Span.of(text, 14, 23), Span.of(text, 0, len(text)), cameo="1721", kind="VERDICT",
                        source=court, target=accused, date=date, place=place, status="claimed",
                        confidence=0.33333, detail="treason")]
    return doc


@pytest.mark.parametrize("build", [lambda: make_doc(0), lambda: make_doc(7), _bare_doc, _inferred_doc])
def test_records_from_documents_validate(validator: Draft202012Validator, build: Any) -> None:
    doc = build()
    for ev in doc.events:
        rec = json.loads(json.dumps(event_record(doc, ev)))   # as a JSON consumer sees it
        assert _errors(validator, rec) == []


@pytest.mark.parametrize(("path", "value"), [
    (("status",), "rumoured"),
    (("trigger", "start"), -1),
    (("trigger", "start"), 3.5),
    (("date", "precision"), "fortnight"),
    (("source", "kind"), "robot"),
    (("source", "country"), "Cambodia"),
    (("cameo",), "17a"),
    (("confidence",), 1.5),
    (("document", "date"), "28/08/2018"),
    (("extra",), 1),
    (("source", "extra"), 1),
])
def test_the_schema_is_strict(validator: Draft202012Validator, path: tuple[str, ...], value: Any) -> None:
    doc = make_doc(0)
    rec = event_record(doc, doc.events[0])
    bad = copy.deepcopy(rec)
    target = bad
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert _errors(validator, rec) == []
    assert _errors(validator, bad) != []


def test_schema_follows_the_record_and_the_dataclasses(schema: dict[str, Any]) -> None:
    doc = make_doc(0)
    rec = event_record(doc, doc.events[0])
    assert set(schema["properties"]) == set(schema["required"]) == set(rec)
    assert schema["properties"]["schema_version"]["const"] == record_module.SCHEMA_VERSION
    defs = schema["$defs"]
    for name, cls in (("Actor", Actor), ("Place", Place), ("Span", Span)):
        assert set(defs[name]["properties"]) == {f.name for f in fields(cls)}, name
    # the record gives time both as ISO 8601 ("value") and as TIMEX3 ("timex")
    assert set(defs["Time"]["properties"]) == {f.name for f in fields(TimeValue)} | {"timex"}
    assert defs["Document"]["properties"].keys() == rec["document"].keys()
    assert defs["Time"]["properties"]["precision"]["enum"] == list(PRECISIONS)


# docs/SCHEMA.md -----------------------------------------------------------------------------------------------

def _documented_fields() -> list[str]:
    text = SCHEMA_MD.read_text(encoding="utf-8")
    section = text.split("## Fields", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Za-z0-9_.]+)` \|", section, flags=re.MULTILINE)


def _resolve(schema: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The schema node a documented path names, following $ref and nullable anyOf; None when absent."""
    head, *rest = path.split(".")
    node: dict[str, Any] | None = schema["$defs"].get(head) if head[0].isupper() else \
        _deref(schema, schema["properties"].get(head))
    for key in rest:
        if node is None:
            return None
        node = _deref(schema, node.get("properties", {}).get(key))
    return node


def _deref(schema: dict[str, Any], node: dict[str, Any] | None) -> dict[str, Any] | None:
    if node is None:
        return None
    for alt in node.get("anyOf", []):
        if "$ref" in alt:
            node = alt
    if "$ref" in node:
        return schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _schema_fields(schema: dict[str, Any]) -> set[str]:
    names = set(schema["properties"])
    for def_name, node in schema["$defs"].items():
        names |= {f"{def_name}.{p}" for p in node["properties"]}
    return names


def test_every_documented_field_is_in_the_schema(schema: dict[str, Any]) -> None:
    documented = _documented_fields()
    assert len(documented) > 40
    missing = [p for p in documented if _resolve(schema, p) is None]
    assert missing == []


def test_every_schema_field_is_documented(schema: dict[str, Any]) -> None:
    undocumented = sorted(_schema_fields(schema) - set(_documented_fields()))
    assert undocumented == []


def test_the_documented_example_is_valid(validator: Draft202012Validator) -> None:
    text = SCHEMA_MD.read_text(encoding="utf-8").split("## Example", 1)[1]
    example = json.loads(re.search(r"```json\n(.*?)\n```", text, flags=re.DOTALL)[1])
    assert _errors(validator, example) == []
    for key in ("trigger", "sentence", "count_span"):
        span = example[key]
        assert span["end"] - span["start"] == len(span["text"])
    sentence, trigger = example["sentence"], example["trigger"]
    offset = trigger["start"] - sentence["start"]
    assert sentence["text"][offset:offset + len(trigger["text"])] == trigger["text"]
