"""The SQLite store: one transaction per document, idempotent re-runs, WAL readers, FTS search, rejections."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.model.doc import Actor, Document
from storyline.model.record import event_record
from storyline.store import Store
from storyline.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.handmade import make_doc, span_of

TESTS = Path(__file__).resolve().parent


def empty_doc(reason: str, code: str, *, rejected: bool) -> Document:
    doc = Document(text=f"Nothing happened here ({reason}).", origin=f"articles/{code}.txt", date="2018-08-28")
    if rejected:
        doc.reject("clean", reason, code)
    else:
        doc.note("events", reason, code)
    return doc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "storyline.db"


def test_open_creates_database_with_pragmas(db: Path) -> None:
    with Store.open(db) as st:
        assert db.exists()
        pragma = {p: st.conn.execute(f"PRAGMA {p}").fetchone()[0]
                  for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
        version = st.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        assert st.counts()["documents"] == 0
    assert pragma == {"journal_mode": "wal", "synchronous": 1, "foreign_keys": 1, "busy_timeout": 30000}
    assert int(version) == SCHEMA_VERSION


def test_save_writes_records_mentions_and_actors(db: Path) -> None:
    doc = make_doc(0)
    with Store.open(db) as st:
        assert st.save(doc, now="2024-01-02T03:04:05") is True
        stored = st.events()
        counts = st.counts()
        coded_at, status, n_events = st.conn.execute("SELECT coded_at, status, n_events FROM documents").fetchone()
    expected = [event_record(doc, ev) for ev in doc.events]
    for i, rec in enumerate(expected):
        rec["id"] = f"{doc.id}-{i:03d}"    # the store names events that no stage named
    assert stored == expected
    assert (coded_at, status, n_events) == ("2024-01-02T03:04:05", "ok", 2)
    assert counts == {"documents": 1, "notes": 0, "events": 2, "mentions": 2, "actors": 4, "actor_aliases": 4,
                      "rejected": 0}


def test_saving_the_same_document_twice_adds_nothing(db: Path) -> None:
    with Store.open(db) as st:
        assert st.save(make_doc(0)) is True
        before = st.counts()
        assert st.save(make_doc(0)) is False
        assert st.has_document(make_doc(0).id)
        assert st.counts() == before
        assert st.save(make_doc(0, url="https://example.org/elsewhere")) is True   # other metadata, other doc


def _consistent(st: Store) -> None:
    assert st.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert st.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = st.conn.execute("SELECT COUNT(*) FROM events e LEFT JOIN documents d ON d.id = e.document_id"
                              " WHERE d.id IS NULL").fetchone()[0]
    assert orphans == 0
    n_events = st.conn.execute("SELECT SUM(n_events) FROM documents").fetchone()[0] or 0
    assert n_events == st.counts()["events"] == st.counts()["mentions"]
    indexed = st.conn.execute("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH 'protesters'").fetchone()[0]
    assert indexed == st.conn.execute("SELECT COUNT(*) FROM mentions WHERE sentence LIKE '%protesters%'").fetchone()[0]


def test_a_failure_inside_the_transaction_keeps_earlier_documents(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [make_doc(i) for i in range(4)]
    with Store.open(db) as st:
        for doc in docs[:3]:
            st.save(doc)
        real = Store._write_events

        def crash_after_writing(self: Store, doc: Document, registry: dict) -> None:
            real(self, doc, registry)
            raise RuntimeError("killed")

        monkeypatch.setattr(Store, "_write_events", crash_after_writing)
        with pytest.raises(RuntimeError, match="killed"):
            st.save(docs[3])
        monkeypatch.undo()
    with Store.open(db) as st:
        assert st.counts()["documents"] == 3
        assert not st.has_document(docs[3].id)
        _consistent(st)
        assert [st.save(d) for d in docs] == [False, False, False, True]   # the re-run completes the rest
        _consistent(st)
        assert st.counts()["documents"] == 4


def test_a_killed_process_keeps_every_committed_document(db: Path) -> None:
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(TESTS.parent)!r})
        from tests.handmade import make_doc
        from storyline.store import Store
        st = Store.open({str(db)!r})
        for i in range(3):
            st.save(make_doc(i))
        real = Store._write_events
        def die(self, doc, registry):
            real(self, doc, registry)
            os._exit(9)   # no rollback, no close: as if the process was killed
        Store._write_events = die
        st.save(make_doc(3))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    with Store.open(db) as st:
        assert [st.has_document(make_doc(i).id) for i in range(4)] == [True, True, True, False]
        _consistent(st)


def test_another_process_reads_while_a_write_transaction_is_open(db: Path) -> None:
    with Store.open(db) as writer:
        writer.save(make_doc(0))
        # A tiny page cache makes the writer spill pages before commit: without WAL that takes an exclusive
        # lock and readers wait; with WAL they read the last committed state.
        writer.conn.execute("PRAGMA cache_size = 5")
        with writer.transaction():
            for i in range(1, 40):
                writer._write_document(make_doc(i), None)
            reader = subprocess.run(
                [sys.executable, "-c",
                 f"from storyline.store import Store; st = Store.open({str(db)!r}); "
                 "print(st.counts()['documents'], len(st.events()), len(st.search('protesters')))"],
                capture_output=True, text=True, timeout=20)
            assert reader.returncode == 0, reader.stderr
            assert reader.stdout.split() == ["1", "2", "1"]
            with Store.open(db) as same_process:
                assert same_process.counts()["documents"] == 1
        with Store.open(db) as after:
            assert after.counts()["documents"] == 40


def test_search_finds_events_by_words_in_their_sentence(db: Path) -> None:
    with Store.open(db) as st:
        st.save(make_doc(0))
        st.save(make_doc(1))
        arrests = st.search("protesters")
        denounce = st.search("denounced AND statement")
        assert st.search("earthquake") == []
        assert st.search('U.S.-led "') == []   # not valid FTS5 syntax: searched as words, no error
    assert [r["cameo"] for r in arrests] == ["173", "173"]
    assert {r["document"]["origin"] for r in arrests} == {"articles/0.txt", "articles/1.txt"}
    assert [r["cameo"] for r in denounce] == ["111", "111"]


def test_event_filters_and_limit(db: Path) -> None:
    with Store.open(db) as st:
        for i in range(3):
            st.save(make_doc(i))
        assert len(st.events()) == 6
        assert len(st.events(limit=4)) == 4
        assert {r["cameo"] for r in st.events(root="11")} == {"111"}
        assert [r["count"] for r in st.events(cameo="173")] == [2, 3, 4]
        assert len(st.events(actor_code="KHMOPP")) == 6
        assert len(st.events(source_code="KHMGOV", target_code="KHMOPP")) == 3
        assert len(st.events(date_from="2018-08-28", date_to="2018-08-28")) == 3
        assert st.events(date_from="2018-08-29") == []
        assert len(st.events(document_id=make_doc(1).id)) == 2
        with pytest.raises(TypeError, match="colour"):
            st.events(colour="red")


def test_rejections_list_why_documents_yielded_nothing(db: Path) -> None:
    with Store.open(db) as st:
        assert st.save_rejection(empty_doc("too short to code", "E026", rejected=True)) is True
        st.save(empty_doc("no event trigger with a known actor", "E040", rejected=False))
        coded = make_doc(0)
        coded.note("events", "dropped a duplicate event")   # a note on a document that did yield events
        st.save(coded)
        listed = st.rejections()
        assert st.counts()["rejected"] == 1
    assert listed == [("articles/E026.txt", "clean", "E026", "too short to code"),
                      ("articles/E040.txt", "events", "E040", "no event trigger with a known actor")]


def test_actor_registry_grows_across_articles(db: Path) -> None:
    second = make_doc(1)
    text = second.text
    they = Actor("they", None)   # unresolved: not registered
    officers = Actor("officers", span_of(text, "Police"), name="police", code="KHMCOP", country="KHM",
                     kind="organisation")
    second.actors += [they, officers]
    with Store.open(db) as st:
        st.save(make_doc(0))
        st.save(second)
        actors = {(a["name"], a["code"]): a["aliases"] for a in st.actors()}
        police_id = st.conn.execute("SELECT id FROM actors WHERE code = 'KHMCOP'").fetchone()[0]
        linked = st.conn.execute("SELECT COUNT(*) FROM events WHERE source_actor_id = ?", (police_id,)).fetchone()
    assert actors[("police", "KHMCOP")] == {"Police": 2, "officers": 1}
    assert actors[("protesters", "KHMOPP")] == {"2 protesters": 1, "3 protesters": 1}
    assert len(actors) == 4 and all("they" not in a for a in actors.values())
    assert linked[0] == 2


def test_an_event_id_seen_again_adds_a_mention(db: Path) -> None:
    first, second = make_doc(0), make_doc(1)
    first.events[1].id = second.events[1].id = "merged-denounce"
    with Store.open(db) as st:
        st.save(first)
        st.save(second)
        assert st.counts()["events"] == 3
        mentions = st.conn.execute("SELECT document_id FROM mentions WHERE event_id = 'merged-denounce'"
                                   " ORDER BY id").fetchall()
    assert [m[0] for m in mentions] == [first.id, second.id]


def test_merged_triggers_are_mentions_with_their_sentence(db: Path) -> None:
    doc = make_doc(0)
    text = doc.text
    arrest = doc.events[0]
    arrest.mentions = [span_of(text, "Police"), span_of(text, "statement")]   # one in its sentence, one not
    with Store.open(db) as st:
        st.save(doc)
        rows = st.conn.execute("SELECT trigger, sentence FROM mentions WHERE event_id = ? ORDER BY id",
                               (f"{doc.id}-000",)).fetchall()
        found = st.search("statement")
        stored = st.events(cameo="173")[0]
    assert rows == [("arrested", arrest.sentence.text), ("Police", arrest.sentence.text),
                    ("statement", "The government denounced the opposition party in a statement.")]
    assert {r["cameo"] for r in found} == {"173", "111"}
    assert [m["text"] for m in stored["mentions"]] == ["Police", "statement"]


def test_coded_at_takes_a_datetime(db: Path) -> None:
    with Store.open(db) as st:
        st.save(make_doc(0), now=datetime(2024, 5, 6, 7, 8, 9))
        st.save(make_doc(1))
        stamps = [r[0] for r in st.conn.execute("SELECT coded_at FROM documents ORDER BY rowid")]
    assert stamps == ["2024-05-06T07:08:09", None]


def test_an_older_database_is_migrated_and_its_sentences_indexed(db: Path) -> None:
    with Store.open(db, migrations=MIGRATIONS[:1]) as old:
        old.save(make_doc(0))
        assert old.conn.execute("SELECT value FROM meta").fetchone()[0] == "1"
        with pytest.raises(sqlite3.OperationalError):
            old.search("protesters")   # version 1 has no search index
    with Store.open(db) as st:
        version = st.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        assert int(version) == SCHEMA_VERSION == 2
        assert [r["cameo"] for r in st.search("protesters")] == ["173"]
        st.save(make_doc(1))
        assert len(st.search("protesters")) == 2


def test_a_failed_migration_step_leaves_the_previous_version(db: Path) -> None:
    broken = [*MIGRATIONS, (3, "CREATE TABLE extra(x); CREATE TABLE broken(")]
    with pytest.raises(StorylineError) as err:
        Store.open(db, migrations=broken)
    assert err.value.code == "E031"
    with Store.open(db) as st:
        assert st.conn.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)
        assert st.conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None


def test_a_newer_database_is_refused(db: Path) -> None:
    with Store.open(db) as st:
        st.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StorylineError) as err:
        Store.open(db)
    assert err.value.code == "E030" and "99" in str(err.value)


@pytest.mark.parametrize("kind", ["garbage", "directory"])
def test_an_unopenable_path_raises_e031(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.db"
    if kind == "garbage":
        path.write_bytes(b"this is not a database, just some bytes " * 200)
    else:
        path.mkdir()
    with pytest.raises(StorylineError) as err:
        Store.open(path)
    assert err.value.code == "E031" and str(path) in str(err.value)
