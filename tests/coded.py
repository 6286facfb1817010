"""Coding one sentence in the model tests: its events, and each event as (cameo, source code, target code,
status), so that a test states the coding it expects in one line."""
from __future__ import annotations

from storyline.model.doc import Actor, Event

DATE = "2019-05-01"


def events(text: str, date: str = DATE) -> list[Event]:
    from storyline.api import code_text  # loads the model on first use

    return code_text(text, date).events


def code_of(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def rows(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(e.cameo, code_of(e.source), code_of(e.target), e.status) for e in events(text)]


def one(text: str, root: str) -> Event:
    """The single event of `root` the sentence gives."""
    found = [e for e in events(text) if (e.cameo or "").startswith(root)]
    assert len(found) == 1, (text, [(e.cameo, e.trigger.text) for e in events(text)])
    return found[0]
