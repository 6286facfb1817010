"""The stage table and the pipeline that runs it.

A stage is a plain function (or a callable object holding its settings) `Document -> Document`, listed in
`STAGES` with the fields it needs and the fields it adds. Names are `Document` fields ("parsed", "events") or
`Event` fields written "event.<field>" ("event.date"); `Pipeline` rejects a name that is neither, and checks that
every stage's needs are met by an earlier stage, so a misordered pipeline fails when it is built, not halfway
through a corpus. A stage that raises on one document marks that document rejected with the reason; the batch
goes on.

Stage modules import nothing from here: this module sits above them (spaCy 3.8 keeps its built-in factories in
one module for the same reason), and runners receive `Stage` objects, so a user's own stage runs on every worker.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.actors.stage import FindActors
from storyline.errors import StorylineError, message
from storyline.events.anchor import anchor_dates
from storyline.events.stage import find_events
from storyline.ingest.clean import clean
from storyline.merge.stage import merge_in_document
from storyline.model.doc import Document, Event
from storyline.nlp.stage import parse
from storyline.places.stage import find_places, place_events
from storyline.time.dct import infer_dct
from storyline.time.stage import time_stage

log = logging.getLogger(__name__)

StageFn = Callable[[Document], Document]

# The fields every document has before any stage runs (set by the readers), and the bookkeeping every stage
# may append to.
GIVEN = ("text", "url", "title", "source", "date", "origin")
BOOKKEEPING = ("notes", "rejected", "stages_run")


@functools.cache
def field_names() -> frozenset[str]:
    """Every name a stage may declare: Document fields, and Event fields as "event.<field>"."""
    doc = {f.name for f in dataclasses.fields(Document)}
    event = {f"event.{f.name}" for f in dataclasses.fields(Event)}
    return frozenset(doc | event)


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        known = field_names()
        unknown = [n for n in (*self.needs, *self.adds) if n not in known]
        if unknown:
            raise StorylineError("E012", stage=self.name, unknown=", ".join(unknown))

    def __call__(self, doc: Document) -> Document:
        return self.fn(doc)


STAGES: tuple[Stage, ...] = (
    Stage("clean", clean, needs=("text", "title"), adds=("boilerplate", "dateline")),
    Stage("dct", infer_dct, needs=("text", "date", "url", "boilerplate", "dateline"),
          adds=("date", "date_inferred")),
    Stage("nlp", parse, needs=("text", "boilerplate"), adds=("parsed",)),
    Stage("time", time_stage, needs=("text", "date", "boilerplate", "parsed"), adds=("timexes",)),
    Stage("actors", FindActors(), needs=("text", "date", "boilerplate", "dateline", "parsed"),
          adds=("actors", "actor_by_token", "country")),
    Stage("places", find_places, needs=("text", "boilerplate", "dateline", "parsed", "actors"),
          adds=("places", "dateline")),
    # the events stage numbers its events by the document's id, which reads url and source
    Stage("events", find_events, needs=("text", "url", "source", "date", "boilerplate", "parsed", "actors",
                                         "actor_by_token", "country"), adds=("events",)),
    Stage("anchor", anchor_dates, needs=("text", "date", "parsed", "timexes", "events"), adds=("event.date",)),
    Stage("place-events", place_events, needs=("text", "parsed", "dateline", "places", "events", "actors"),
          adds=("event.place",)),
    Stage("merge", merge_in_document, needs=("text", "url", "source", "date", "events"),   # renumbers by doc.id
          adds=("events", "event.id", "event.target", "event.mentions")),
)
BUILTIN: dict[str, Stage] = {s.name: s for s in STAGES}
DEFAULT_STAGES: tuple[str, ...] = tuple(BUILTIN)


class Pipeline:
    def __init__(self, stages: Iterable[str | Stage] = DEFAULT_STAGES, *, given: Iterable[str] = ()) -> None:
        """`stages`: built-in stage names or `Stage` objects (a user's own, or a built-in one with other
        settings). `given`: fields the caller provides itself (a test passing a hand-built parse gives "parsed")."""
        self.stages: list[Stage] = []
        self.given = tuple(given)
        have = set(GIVEN) | set(given)
        for item in stages:
            st = _resolve(item)
            missing = [n for n in st.needs if n not in have and n not in st.adds]
            if missing:
                raise StorylineError("E011", stage=st.name, missing=", ".join(missing))
            have.update(st.adds)
            self.stages.append(st)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def replace(self, stage: Stage) -> Pipeline:
        """This pipeline with the stage of the same name swapped for `stage` (e.g. actors with dictionaries)."""
        if stage.name not in self.names:
            raise StorylineError("E010", stage=stage.name, known=", ".join(self.names))
        return Pipeline([stage if s.name == stage.name else s for s in self.stages], given=self.given)

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


def _resolve(item: str | Stage) -> Stage:
    if isinstance(item, Stage):
        return item
    if item not in BUILTIN:
        raise StorylineError("E010", stage=item, known=", ".join(BUILTIN))
    return BUILTIN[item]


def code_one(doc: Document, pipeline: Pipeline) -> Document:
    """Run `pipeline` on one document; an article that yields nothing says why."""
    if doc.rejected:
        return doc
    doc = pipeline(doc)
    if not doc.rejected and not doc.events:
        doc.note("events", message("E040"), "E040")
    return doc
