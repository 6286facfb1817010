"""Named stages and the pipeline that runs them.

A stage is a plain function (or a callable object) `Document -> Document`, registered by name with what it needs
on the document and what it adds. `Pipeline` checks that every stage's needs are met by an earlier stage, so a
misordered pipeline fails when it is built, not halfway through a corpus. A stage that raises on one document
marks that document rejected with the reason; the batch goes on.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.doc import Document
from storyline.errors import StorylineError

log = logging.getLogger(__name__)

StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, doc: Document) -> Document:
        return self.fn(doc)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, needs: Iterable[str] = (), adds: Iterable[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register `fn` as the stage `name`. `needs`/`adds` name Document fields (e.g. "parsed", "events")."""

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, fn, tuple(needs), tuple(adds))
        return fn

    return register


def register_stage(name: str, fn: StageFn, *, needs: Iterable[str] = (), adds: Iterable[str] = ()) -> None:
    """Register a callable object (e.g. a stage holding a loaded model) under `name`."""
    REGISTRY[name] = Stage(name, fn, tuple(needs), tuple(adds))


# The base fields every document has before any stage runs.
_GIVEN = {"text", "url", "title", "source", "date", "origin"}

DEFAULT_STAGES = ("clean", "dct", "nlp", "time", "actors", "places", "events", "anchor", "place-events", "merge")


class Pipeline:
    def __init__(self, names: Iterable[str] = DEFAULT_STAGES, *, given: Iterable[str] = ()) -> None:
        """`given`: fields the caller provides itself (a test passing a hand-built parse gives "parsed")."""
        _load_builtin_stages()
        self.stages: list[Stage] = []
        have = set(_GIVEN) | set(given)
        for name in names:
            if name not in REGISTRY:
                raise StorylineError("E010", stage=name, known=", ".join(sorted(REGISTRY)))
            st = REGISTRY[name]
            missing = [n for n in st.needs if n not in have]
            if missing:
                raise StorylineError("E011", stage=name, missing=", ".join(missing))
            have.update(st.adds)
            self.stages.append(st)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for st in self.stages:
            if doc.rejected:
                break
            try:
                doc = st(doc)
            except StorylineError:
                raise  # configuration problems (missing model) stop the run: every document would fail
            except Exception as exc:  # noqa: BLE001 - one bad document never kills a batch
                log.debug("stage %s failed on %s", st.name, doc.origin, exc_info=True)
                doc.reject(st.name, f"{type(exc).__name__}: {exc}", "E100")
                break
            doc.stages_run.append(st.name)
        return doc


def _load_builtin_stages() -> None:
    """Import the stage modules so their @stage decorators run."""
    import storyline.actors.stage  # noqa: F401
    import storyline.events.anchor  # noqa: F401
    import storyline.events.stage  # noqa: F401
    import storyline.ingest.clean  # noqa: F401
    import storyline.merge.stage  # noqa: F401
    import storyline.nlp.stage  # noqa: F401
    import storyline.places.stage  # noqa: F401
    import storyline.time.stage  # noqa: F401
