"""The library entry point: code one text, or many, and get Documents back."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from storyline.doc import Document
from storyline.pipeline import DEFAULT_STAGES, Pipeline
from storyline.runner import code_documents, code_one

_PIPELINES: dict[tuple[str, ...], Pipeline] = {}


def pipeline(stages: tuple[str, ...] = DEFAULT_STAGES) -> Pipeline:
    if stages not in _PIPELINES:
        _PIPELINES[stages] = Pipeline(stages)
    return _PIPELINES[stages]


def code_text(text: str, date: str | None = None, *, url: str | None = None, title: str | None = None,
              source: str | None = None, stages: tuple[str, ...] = DEFAULT_STAGES,
              extra_dictionaries: list[Any] | None = None) -> Document:
    """Code one article. `date` is the article's publication date (YYYY-MM-DD); relative dates resolve against it.
    `extra_dictionaries`: `storyline.actors.dictionaries.ActorDictionary` objects (PETRARCH/TABARI, CSV or YAML
    actor files) consulted for names the text itself does not code."""
    doc = Document(text=text, url=url, title=title, source=source, date=date, origin="text",
                   dictionaries=list(extra_dictionaries or []))
    return code_one(doc, pipeline(stages))


def code_many(docs: Iterable[Document], workers: int = 1) -> Iterator[Document]:
    return code_documents(docs, workers=workers)
