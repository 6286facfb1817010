"""A stage a user builds runs on every worker: runners receive the Pipeline's Stage objects, never names, so a
spawned worker (a fresh interpreter that imported nothing of the parent's set-up) runs it too."""
from __future__ import annotations

import pytest

from storyline.model.doc import Document
from storyline.pipeline import Pipeline, Stage
from storyline.run import code_documents


def mark_length(doc: Document) -> Document:
    """A user's stage: a note with the article's length (any plain function of a Document)."""
    doc.note("length", f"{len(doc.text)} characters")
    return doc


USER_STAGE = Stage("length", mark_length, needs=("text",), adds=("notes",))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_user_stage_runs_on_spawned_workers(workers: int) -> None:
    pipeline = Pipeline(["clean", USER_STAGE])
    docs = [Document(text="A short article about a court." * (i + 1), origin=f"d{i}") for i in range(5)]
    out = list(code_documents(docs, workers=workers, pipeline=pipeline, start_method="spawn"))
    assert [d.origin for d in out] == [f"d{i}" for i in range(5)]   # in input order
    for i, doc in enumerate(out):
        assert doc.stages_run == ["clean", "length"]
        assert any(n.stage == "length" and n.reason == f"{30 * (i + 1)} characters" for n in doc.notes)
