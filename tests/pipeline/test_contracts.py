"""The stage table tells the truth: every stage reads only what it declares in `needs` (or adds itself) and
writes only what it declares in `adds`, on a real article with the real model; unknown names are refused."""
from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from storyline.errors import StorylineError
from storyline.model.doc import Document, Event
from storyline.pipeline import BOOKKEEPING, GIVEN, STAGES, Pipeline, Stage, field_names

ARTICLE = """Cambodian court jails opposition activists

PHNOM PENH, Cambodia (AP) - A court in Cambodia on Tuesday sentenced seven opposition activists to prison for
plotting against the state, a week after police arrested them at a rally in the capital. Prime Minister Hun Sen
denounced the opposition party on Wednesday. The United Nations said it was concerned.
"""


class Traced(Document):
    """A Document that writes down every field read through it."""

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("__") and name in _DOC_FIELDS:
            object.__getattribute__(self, "__dict__").setdefault("_reads", set()).add(name)
        return object.__getattribute__(self, name)


_DOC_FIELDS = {f.name for f in dataclasses.fields(Document)}


def _snapshot(doc: Document) -> dict[str, Any]:
    """Every field's value (events field by field), to see what a stage changed. The parse is compared by
    identity: a stage that re-parses replaces the object."""
    snap: dict[str, Any] = {}
    for f in dataclasses.fields(Document):
        value = object.__getattribute__(doc, f.name)
        snap[f.name] = id(value) if f.name == "parsed" else copy.deepcopy(value)
    events = object.__getattribute__(doc, "events")
    snap["events"] = [id(ev) for ev in events]   # the list itself; what is in each event is compared below
    for ef in dataclasses.fields(Event):
        snap[f"event.{ef.name}"] = {id(ev): copy.deepcopy(getattr(ev, ef.name)) for ev in events}
    return snap


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The fields a stage wrote: Document fields that differ, and Event fields that differ on an event that was
    there before and after (a stage that makes new events writes all their fields with them: "events")."""
    changed = {k for k in before if not k.startswith("event.") and before[k] != after[k]}
    for k in (k for k in before if k.startswith("event.")):
        kept = before[k].keys() & after[k].keys()
        if any(before[k][i] != after[k][i] for i in kept):
            changed.add(k)
    return changed


@pytest.fixture(scope="module")
def traced_run() -> list[tuple[Stage, set[str], set[str]]]:
    """Per stage: what it read and what it wrote, over the article with its date and without (so the dct stage
    infers one from the text)."""
    dated = _trace(Traced(text=ARTICLE, date="2018-08-28", origin="test", url="https://example.org/a"))
    undated = _trace(Traced(text=ARTICLE, origin="test", url="https://example.org/2018/08/28/court-jails"))
    return [(st, r1 | r2, w1 | w2) for (st, r1, w1), (_, r2, w2) in zip(dated, undated, strict=True)]


def _trace(doc: Document) -> list[tuple[Stage, set[str], set[str]]]:
    runs = []
    for st in STAGES:
        object.__getattribute__(doc, "__dict__")["_reads"] = set()
        before = _snapshot(doc)
        doc = st(doc)
        assert not doc.rejected, (st.name, doc.notes)
        reads = object.__getattribute__(doc, "__dict__").pop("_reads")
        runs.append((st, reads, _changed(before, _snapshot(doc))))
    assert object.__getattribute__(doc, "events"), "the article must give events, or the test shows nothing"
    return runs


@pytest.mark.model
def test_each_stage_reads_only_what_it_declares(traced_run: list[tuple[Stage, set[str], set[str]]]) -> None:
    undeclared = {st.name: sorted(reads - set(st.needs) - set(st.adds) - set(BOOKKEEPING))
                  for st, reads, _ in traced_run}
    assert not {k: v for k, v in undeclared.items() if v}, "stages read fields their needs do not declare"


@pytest.mark.model
def test_each_stage_writes_only_what_it_declares(traced_run: list[tuple[Stage, set[str], set[str]]]) -> None:
    undeclared = {st.name: sorted(changed - set(st.adds) - set(BOOKKEEPING)) for st, _, changed in traced_run}
    assert not {k: v for k, v in undeclared.items() if v}, "stages write fields their adds do not declare"


@pytest.mark.model
def test_every_declared_addition_is_written(traced_run: list[tuple[Stage, set[str], set[str]]]) -> None:
    """An `adds` entry nothing writes would let a later stage's `needs` pass on a field that is never there."""
    for st, _, changed in traced_run:
        # the places stage rewrites the dateline only when it resolves it, merge its fields only when it merges
        optional = {"places": {"dateline"},
                    "merge": {"events", "event.target", "event.mentions", "event.id"}}.get(st.name, set())
        unwritten = set(st.adds) - changed - optional
        assert not unwritten, f"stage {st.name} declares {sorted(unwritten)} but did not write them"


def test_names_are_real_fields() -> None:
    assert {"parsed", "events", "actor_by_token", "event.date", "event.place"} <= field_names()
    for st in STAGES:
        assert set(st.needs) | set(st.adds) <= field_names(), st.name
    assert set(GIVEN) <= field_names()


def test_an_unknown_name_is_refused_with_a_catalogue_error() -> None:
    with pytest.raises(StorylineError, match="E012") as err:
        Stage("mine", lambda d: d, needs=("event_dates",))
    assert "event_dates" in str(err.value) and "event.<field>" in str(err.value)
    with pytest.raises(StorylineError, match="E012"):
        Stage("mine", lambda d: d, adds=("merged",))


def test_a_need_no_earlier_stage_adds_is_refused() -> None:
    with pytest.raises(StorylineError, match="E011"):
        Pipeline(["clean", "events"])
    with pytest.raises(StorylineError, match="E010"):
        Pipeline(["clean", "no-such-stage"])
    assert Pipeline(["clean", "nlp", "places"], given=("actors",)).names == ["clean", "nlp", "places"]
