"""Acceptance: all 295 Wikinews articles go through `storyline code` into a store without a crash, and every
article that yields nothing or is rejected says why."""
from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

import pytest

from storyline.commands import code_command
from storyline.store import Store

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_every_wikinews_article_is_coded_or_explained(tmp_path: Path, shared) -> None:
    corpus = shared("corpora", "wikinews", "wikinews_2019_2020.jsonl")
    n_articles = sum(1 for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    db = tmp_path / "wn.db"
    args = Namespace(paths=[str(corpus)], date=None, source=None, format="jsonl", db=str(db), explain=True,
                     workers=2, no_progress=True)
    out, err = io.StringIO(), io.StringIO()
    assert code_command(args, out, err) == 0
    with Store.open(db) as store:
        counts = store.counts()
        assert counts["documents"] == n_articles
        assert counts["events"] > 100
        silent = store.conn.execute(
            "SELECT COUNT(*) FROM documents d WHERE (d.status = 'rejected' OR d.n_events = 0) "
            "AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.document_id = d.id)").fetchone()[0]
        assert silent == 0
        assert all(reason for _origin, _stage, _code, reason in store.rejections())
