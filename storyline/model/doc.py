"""The one document object that flows through every stage, and the records stages write onto it.

Every value that comes from the text carries a `Span` (character offsets into `Document.text`, the article as
it was read).

Who may change which field (kept by the stage table in storyline/pipeline.py and checked by tests/test_contracts.py):
- The reader sets the given fields (`text`, `url`, `title`, `source`, `date`, `origin`); after it, `text` is never
  changed, so every span stays valid.
- Each other field, and each `Event` field named "event.<name>" in a stage's `adds`, is written only by a stage
  that declares it in `adds`; a stage reads only what it declares in `needs` (or adds itself).
- A stage writes its results when it has computed them, and never mutates a value another stage wrote, except
  where it declares that field in `adds` too (the merge stage rewrites `events`; the anchor stage sets
  `event.date` on the events the events stage made).
- `notes`, `rejected` and `stages_run` are bookkeeping every stage and runner may append to.
- What one stage leaves for another is a field here, never spaCy's `Doc.user_data` (`actor_by_token`, `country`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

# Evidence ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into the article text, with the words they cover."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


# Values resolved from the text --------------------------------------------------------------------------------

_CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
PRECISIONS = ("minute", "hour", "day", "week", "month", "season", "quarter", "year", "decade", "century",
              "interval", "unknown")


@dataclass(slots=True)
class TimeValue:
    """A time expression normalised against the article date.

    `value` is TIMEX3-like ("2018-08-28", "2018-W34", "2018-08", "2018", "P7Y", "PRESENT_REF") or None when the
    expression could not be resolved (no article date, or too vague). `start`/`end` are inclusive ISO days
    bounding what the words allow; they are None when unresolved. `precision` never claims more than the text.
    """

    text: str
    span: Span | None
    type: str = "DATE"            # DATE | TIME | DURATION | SET
    value: str | None = None
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"
    relative: bool = False        # resolved against the article date ("Tuesday", "last week")
    modifier: str | None = None   # TIMEX3 mod: EARLY, MID, LATE, START, BEFORE, AFTER, APPROX, SINCE ...
    inferred: bool = False        # not stated for this event: carried over from elsewhere in the article
    # where the value came from: "text" (the event's own words), "event" (bounded by another event's date),
    # "actor" (an earlier event of the same actor), "article-date" (current news with no time expression)
    basis: str = "text"

    @property
    def iso(self) -> str | None:
        """ISO 8601 form for users and tools: a calendar value ("2018-08-28", "2018-07", "2017") where the words
        name one, else the interval "start/end" ("last week" -> "2018-08-20/2018-08-26"); None if unresolved."""
        if self.start is None:
            return None
        calendar = self.value is not None and _CALENDAR.fullmatch(self.value) is not None
        if calendar and self.modifier in (None, "APPROX"):
            return self.value
        end = self.end or self.start
        return self.start if end == self.start else f"{self.start}/{end}"


@dataclass(slots=True)
class Place:
    name: str
    country: str | None = None    # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str = "unknown"    # point | city | adm1 | country | unknown
    span: Span | None = None
    basis: str = "text"           # clause | sentence | dateline | actor-country | metadata


@dataclass(slots=True)
class Actor:
    """One mention of an actor, resolved to a CAMEO-style code where the evidence allows."""

    text: str
    span: Span | None
    name: str | None = None       # canonical name ("Kem Sokha", "Cambodia National Rescue Party")
    code: str | None = None       # CAMEO-style: country ISO3 + roles, e.g. KHMGOV, KHMOPP, KHMJUD, or IGO code
    country: str | None = None    # ISO3
    roles: list[str] = field(default_factory=list)
    kind: str = "unknown"         # person | organisation | country | group | unknown
    inferred: bool = False        # not in the text: implied by the event (a conviction implies a court)
    basis: str | None = None      # what the code came from: title, role-noun, country, dictionary, coref ...


@dataclass(slots=True)
class Term:
    """The length a sentence gives: "seven to 20 years" -> min P7Y, max P20Y (ISO 8601 durations; equal for one
    length); life imprisonment and death have no duration."""

    span: Span
    min: str | None
    max: str | None
    life: bool = False
    death: bool = False


@dataclass(slots=True)
class Event:
    trigger: Span
    sentence: Span
    cameo: str | None = None      # full CAMEO code, e.g. "0841"; None for kinds CAMEO lacks
    kind: str = "CAMEO"           # CAMEO | ELECTION | TRIAL | VERDICT | SENTENCE | BAIL ...
    name: str | None = None
    goldstein: float | None = None
    quadclass: int | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: TimeValue | None = None
    place: Place | None = None
    count: int | None = None
    count_span: Span | None = None
    status: str = "asserted"      # asserted | negated | planned | claimed | hypothetical
    confidence: float = 0.5
    detail: str | None = None
    term: Term | None = None      # a sentence's length, for SENTENCE events and jailings
    # the other parties of one act by or against several ("X, Y and Z welcomed ..."): one event, listed here
    also_sources: list[Actor] = field(default_factory=list)
    also_targets: list[Actor] = field(default_factory=list)
    joint: bool = False           # source and target acted together ("Jordan and Britain agreed to ...")
    mentions: list[Span] = field(default_factory=list)   # further trigger spans merged into this event
    id: str | None = None

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None

    def dyads(self) -> list[tuple[Actor | None, Actor | None]]:
        """(source, target) for every pair of parties: the one-event-per-dyad view of GDELT and PETRARCH. A joint
        act counts both ways ("Gondor and Osgiliath renewed ties": each renewed them with the other)."""
        if self.joint:   # every ordered pair of distinct parties ("Russia, China and Iran met")
            parties = [a for a in (self.source, *self.also_sources, self.target, *self.also_targets) if a is not None]
            return [(s, t) for s in parties for t in parties if s is not t]
        return [(s, t) for s in [self.source, *self.also_sources] for t in [self.target, *self.also_targets]]


@dataclass(slots=True)
class Boilerplate:
    """A stretch of the article that is not news text: caption, photo credit, byline, dateline, repeat."""

    span: Span
    kind: str                     # caption | caption-repeat | credit | byline | dateline | headline


@dataclass(slots=True)
class Note:
    """Why something was rejected or yielded nothing: kept, never raised past the batch."""

    stage: str
    reason: str
    code: str | None = None       # error-catalogue code, see storyline.errors


# The document -------------------------------------------------------------------------------------------------


@dataclass
class Document:
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    date: str | None = None           # article date, ISO day, as given or inferred
    date_inferred: bool = False
    origin: str | None = None         # file path or "stdin", with a row number for JSONL/CSV
    boilerplate: list[Boilerplate] = field(default_factory=list)
    dateline: Place | None = None
    timexes: list[TimeValue] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    rejected: bool = False
    stages_run: list[str] = field(default_factory=list)
    parsed: Any = field(default=None, repr=False, compare=False)   # the spaCy Doc; never serialised
    # left by the actors stage for the events stage: token index -> index into `actors`, and the article's own
    # country (ISO3: its most named country, the dateline's counting more), the country of role nouns naming none
    actor_by_token: dict[int, int] = field(default_factory=dict, repr=False)
    country: str | None = None

    @property
    def id(self) -> str:
        """Content hash: the same text with the same metadata is the same document. A document with no text (a
        record rejected as it was read) is known by where it came from instead, so that two rejections are two
        documents, each stored with its own reason."""
        parts = [self.text, self.url or "", self.date or "", self.source or ""]
        if not self.text.strip():
            parts.append(self.origin or "")
        key = "\x1f".join(parts)
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    def actor_at(self, tok: Any) -> Actor | None:
        """The actor a parsed token heads (after coreference), if any: read from `actor_by_token`."""
        idx = self.actor_by_token.get(tok.i)
        return None if idx is None else self.actors[idx]

    def reject(self, stage: str, reason: str, code: str | None = None) -> None:
        self.rejected = True
        self.notes.append(Note(stage, reason, code))

    def note(self, stage: str, reason: str, code: str | None = None) -> None:
        self.notes.append(Note(stage, reason, code))

    def clean_text(self) -> str:
        """The text with boilerplate blanked out: same length, so offsets stay valid for the original."""
        chars = list(self.text)
        for b in self.boilerplate:
            for i in range(b.span.start, b.span.end):
                if chars[i] not in "\n":
                    chars[i] = " "
        return "".join(chars)

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(b.span.start < end and start < b.span.end for b in self.boilerplate)


def to_dict(obj: Any) -> Any:
    """Plain-data form of any record above (dataclasses to dicts), for JSON and the store."""
    if hasattr(obj, "__dataclass_fields__"):
        return asdict(obj)
    return obj
