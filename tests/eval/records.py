"""Hand-made realnews inputs: gold rows in the set's format and storyline records written by the real
`event_record`, so that the scorer is tested on the shapes it reads in production."""
from __future__ import annotations

from typing import Any

from storyline.model.doc import Actor, Document, Event, Span, TimeValue
from storyline.model.record import event_record

ARTICLE = "wikinews-test"
URL = "https://en.wikinews.org/wiki/Test"


def gold_actor(country: str | None, role: str, *alt: str) -> dict[str, Any]:
    return {"text": None, "country": country, "role": role, "role_alt": list(alt), "note": None}


def gold_row(cameo: str | None = "173", *, kind: str | None = None, cameo_alt: tuple[str, ...] = (),
             target: dict[str, Any] | None = None, source: dict[str, Any] | None = None,
             date: str | None = "2019-01-14", date_alt: list[str] | None = None, salient: bool = True,
             article: str = ARTICLE, n: int = 1) -> dict[str, Any]:
    """A gold event; the target defaults to a Polish civilian ({} for none), the source to none."""
    return {"event_id": f"{article}-e{n:02d}", "article_id": article, "cameo": cameo, "kind": kind,
            "cameo_alt": list(cameo_alt), "label": "a hand-made event", "date_precision": None,
            "source_actor": source, "target_actor": gold_actor("POL", "CVL") if target is None else target,
            "date": date, "date_alt": date_alt, "salient": salient, "evidence": "was arrested"}


def actor(country: str | None, *roles: str, code: str | None = None) -> Actor:
    """An actor as storyline writes one: its code is the country and roles unless given."""
    return Actor(text="someone", span=None, code=code or ((country or "") + "".join(roles)) or None,
                 country=country, roles=list(roles))


def when(value: str | None, precision: str = "day") -> TimeValue:
    """A resolved date ("2019-01-14", "2019-01", "2019", "a/b") or, for None, an unresolved one."""
    if value is None:
        return TimeValue(text="sometime", span=None)
    first, _, last = value.partition("/")
    return TimeValue(text=value, span=None, value=None if last else value, start=first, end=last or first,
                     precision=precision)


def record(cameo: str | None = "173", *, kind: str = "CAMEO", name: str | None = "Arrest",
           source: Actor | None = None, target: Actor | None = None, date: str | None = "2019-01-14",
           precision: str = "day", url: str = URL) -> dict[str, Any]:
    """A storyline record; the target defaults to a Polish civilian."""
    ev = Event(trigger=Span(0, 8, "arrested"), sentence=Span(0, 8, "arrested"), cameo=cameo, kind=kind, name=name,
               source=source, target=actor("POL", "CVL") if target is None else target, date=when(date, precision))
    return event_record(Document(text="arrested", url=url, date="2019-01-14"), ev)
