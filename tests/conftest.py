"""Fixtures every test folder shares: where ../shared is (skipping with a message where it is absent), and
coding one sentence with the real model."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.eval.shared import shared_root
from storyline.model.doc import Actor, Event

SHARED = shared_root()
DATE = "2019-05-01"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test skips, saying what is missing, where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared gold and corpora are not on this machine "
                    "(set STORYLINE_SHARED to the shared folder)")
    return path


@pytest.fixture(scope="session")
def shared() -> Callable[..., Path]:
    """`shared("gold", "realnews")`: the path, or the test skips with a message; `shared()`: the folder."""
    return shared_path


def _events(text: str, date: str = DATE) -> list[Event]:
    from storyline.api import code_text  # loads the model on first use

    return code_text(text, date).events


def _rows(text: str, date: str = DATE) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(e.cameo, _code(e.source), _code(e.target), e.status) for e in _events(text, date)]


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _one(text: str, root: str, date: str = DATE) -> Event:
    found = [e for e in _events(text, date) if (e.cameo or "").startswith(root)]
    assert len(found) == 1, (text, [(e.cameo, e.trigger.text) for e in _events(text, date)])
    return found[0]


# Coding one sentence with the real model, so that a test states the coding it expects in one line.
@pytest.fixture(scope="session")
def events() -> Callable[..., list[Event]]:
    """`events(text, date=DATE)`: the events storyline codes in `text`."""
    return _events


@pytest.fixture(scope="session")
def rows() -> Callable[..., list[tuple[str | None, str | None, str | None, str]]]:
    """`rows(text)`: each event as (cameo, source code, target code, status)."""
    return _rows


@pytest.fixture(scope="session")
def one() -> Callable[..., Event]:
    """`one(text, root)`: the single event of CAMEO root `root` the text gives (the test fails if not one)."""
    return _one
