"""The code command streams: each document is stored and printed when it is done, so a run killed halfway has
stored and printed everything before the kill (no model: the runner is replaced by hand-coded documents)."""
from __future__ import annotations

import io
import json
from argparse import Namespace
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from storyline import commands
from storyline.model.doc import Document
from storyline.store import Store
from tests.handmade import make_doc


class Killed(Exception):
    pass


def _args(paths: list[str], db: Path, fmt: str = "jsonl") -> Namespace:
    return Namespace(paths=paths, date=None, source=None, format=fmt, db=str(db), explain=False, workers=1,
                     no_progress=True)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_a_killed_run_has_stored_and_printed_every_document_before_the_kill(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    seen: list[str] = []

    def runner(docs: Iterable[Document], **_: object) -> Iterator[Document]:
        for n, _ in enumerate(docs):
            if n == 2:
                # what the run printed and stored so far, at the moment it dies
                seen.append(out.getvalue())
                raise Killed
            yield make_doc(n)

    monkeypatch.setattr(commands, "iter_documents", lambda *a, **k: iter([Document(text=f"x{i}") for i in range(5)]))
    monkeypatch.setattr(commands, "code_documents", runner)
    out, db = io.StringIO(), tmp_path / "s.db"
    with pytest.raises(Killed):
        commands.code_command(_args(["in"], db, fmt), out, io.StringIO())
    printed = seen[0]
    header = {"jsonl": 0, "csv": 1, "table": 2}[fmt]
    assert len(printed.splitlines()) == header + 4    # both documents' two events printed before the kill
    with Store.open(db) as store:
        assert store.counts()["documents"] == 2
        assert all(r[0] for r in store.conn.execute("SELECT coded_at FROM documents"))   # coded_at filled
    if fmt == "jsonl":
        assert {json.loads(line)["document"]["id"] for line in printed.splitlines()} == \
            {make_doc(0).id, make_doc(1).id}
