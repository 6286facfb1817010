"""Choosing a runner: in this process for one worker, else `multiprocessing` workers (run/processes.py)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.model.doc import Document
from storyline.pipeline import Pipeline, code_one
from storyline.run import processes


def code_documents(docs: Iterable[Document], *, workers: int = 1,
                   pipeline: Pipeline | None = None, start_method: str | None = None) -> Iterator[Document]:
    """Code each document, yielding them in input order as they are done; a failing document comes back
    rejected, never raised. `pipeline` defaults to the built-in stages; `start_method`: see run/processes.py."""
    pipeline = pipeline or Pipeline()
    if workers <= 1:
        for doc in docs:
            yield code_one(doc, pipeline)
        return
    yield from processes.code_in_processes(docs, pipeline, workers, start_method)
