"""The library entry point: code one text, or many, and get Documents back."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from storyline.actors.stage import FindActors
from storyline.model.doc import Document
from storyline.pipeline import BUILTIN, DEFAULT_STAGES, Pipeline, Stage, code_one
from storyline.reference.dictionaries import ActorDictionary
from storyline.run import code_documents

# Pipelines built once per set of stages and dictionaries; each value keeps its dictionaries alive, so the ids in
# its key stay theirs.
_PIPELINES: dict[tuple[object, ...], Pipeline] = {}


def pipeline(stages: Sequence[str | Stage] = DEFAULT_STAGES,
             dictionaries: Sequence[ActorDictionary] = ()) -> Pipeline:
    """The pipeline of `stages`, its actors stage consulting `dictionaries` (built once, then reused)."""
    key = (tuple(stages), tuple(id(d) for d in dictionaries))
    if key not in _PIPELINES:
        built = Pipeline(stages)
        if dictionaries:
            actors = BUILTIN["actors"]
            built = built.replace(Stage(actors.name, FindActors(dictionaries), actors.needs, actors.adds))
        _PIPELINES[key] = built
    return _PIPELINES[key]


def code_text(text: str, date: str | None = None, *, url: str | None = None, title: str | None = None,
              source: str | None = None, stages: Sequence[str | Stage] = DEFAULT_STAGES,
              extra_dictionaries: Sequence[ActorDictionary] | None = None) -> Document:
    """Code one article. `date` is the article's publication date (YYYY-MM-DD); relative dates resolve against it.
    `extra_dictionaries`: `storyline.reference.dictionaries.ActorDictionary` objects (PETRARCH/TABARI, CSV or YAML
    actor files) consulted for names the text itself does not code."""
    doc = Document(text=text, url=url, title=title, source=source, date=date, origin="text")
    return code_one(doc, pipeline(stages, tuple(extra_dictionaries or ())))


def code_many(docs: Iterable[Document], workers: int = 1, *,
              stages: Sequence[str | Stage] = DEFAULT_STAGES) -> Iterator[Document]:
    """Code many documents, in input order as they are done; `workers` processes each load the model once."""
    return code_documents(docs, workers=workers, pipeline=pipeline(stages))
