"""Score entities, time expressions, event mentions and participants on MEANTIME English (120 Wikinews articles).

The CAT XML gives tokens, not text: we rebuild the article by joining tokens with single spaces (none before
closing punctuation and clitics, none after an opening bracket), the title (sentence 0) and date line
(sentence 1) each on their own paragraph, so every gold markable gets character offsets in the text we code.
The article date is the CREATION_TIME TIMEX3, which is never scored (two files lack one: there it is read from
the date line).

Scores (all spans compared by overlap):
- entities: gold ENTITY_MENTIONs typed by the ENTITY they REFER_TO (PER, ORG, LOC, PRO, FIN, MIX) against our
  actor mentions (person -> PERSON, organisation -> ORGANIZATION, country -> LOCATION, group -> PERSON as the
  NewsReader guidelines put groups of people under PERSON) and our places (LOCATION); P/R/F1 per type with
  one-to-one matching within the type, and ANY: every gold mention against every extent of ours, untyped.
- TIMEX3: extent P/R/F1 (one-to-one) against `Document.timexes`, and value / type accuracy over the matches.
- events: recall = share of gold EVENT_MENTIONs overlapping at least one of our trigger spans (an event's
  trigger and its merged mentions); precision = share of our trigger spans overlapping at least one gold event
  mention. Neither is one-to-one: a trigger spanning two gold mentions finds both.
- participants: each of our events is matched to the gold event mention its trigger overlaps most (ties: the
  first in the text). For a matched event with a source actor that has a span, the source is right when that
  span overlaps a HAS_PARTICIPANT target with sem_role Arg0 of the matched gold mention; likewise the target
  with Arg1. Accuracy = right / such events. A gold event without an Arg0 (Arg1) makes our source (target) wrong,
  and participants given by coreference elsewhere in the text are not followed.

The default annotation is the intra_cross-doc folder: same texts, TIMEX3s and participant links, but a superset of
the intra-doc mentions (3,918 entity and 2,699 event mentions against 2,866 and 2,107), so fewer of our correct
mentions count as spurious.

    python -m storyline.eval.meantime [ROOT] [--limit N] [--variant intra-doc_annotation]
"""
from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from storyline.eval.geometry import guarded, match_spans, overlaps, prf, ratio
from storyline.eval.shared import shared_root
from storyline.model.doc import Document, Event

GOLD_TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION", "PRO": "PRODUCT", "FIN": "FINANCIAL",
              "MIX": "MIXED"}
OUR_TYPES = {"person": "PERSON", "organisation": "ORGANIZATION", "country": "LOCATION", "group": "PERSON"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$"}
DEFAULT_VARIANT = "intra_cross-doc_annotation"



@dataclass(slots=True)
class Markable:
    m_id: str
    start: int
    end: int
    text: str
    type: str | None = None           # entity type (GOLD_TYPES value), TIMEX3 type, or None
    value: str | None = None          # TIMEX3 value
    syntactic_type: str | None = None


@dataclass(slots=True)
class Participant:
    event: str                        # EVENT_MENTION m_id
    target: str                       # m_id of the participant's markable
    role: str                         # Arg0, Arg1, Argm-LOC ...


@dataclass(slots=True)
class MeantimeDoc:
    id: str
    name: str
    text: str
    dct: str | None
    entities: list[Markable] = field(default_factory=list)
    timexes: list[Markable] = field(default_factory=list)
    events: list[Markable] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)   # every anchored markable, by m_id


# Reader --------------------------------------------------------------------------------------------------------


def rebuild_text(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text and per-token offsets from (t_id, word, sentence) in order."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, prev_sent, prev_word = 0, None, None
    for t_id, word, sent in tokens:
        if prev_sent is not None:
            if sent != prev_sent and prev_sent in (0, 1):
                sep = "\n\n"
            elif _NO_SPACE_BEFORE.match(word) or prev_word in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        offsets[t_id] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sent, prev_word = sent, word
    return "".join(parts), offsets


def _anchored(el: ET.Element, offsets: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    ids = [a.get("t_id", "") for a in el.findall("token_anchor")]
    found = [offsets[i] for i in ids if i in offsets]
    return (min(s for s, _ in found), max(e for _, e in found)) if found else None


def read_cat(path: Path) -> MeantimeDoc:
    """One MEANTIME CAT XML file."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0"))) for t in root.iter("token")]
    text, offsets = rebuild_text(tokens)
    marks = root.find("Markables")
    rels = root.find("Relations")
    marks_list = list(marks) if marks is not None else []
    rels_list = list(rels) if rels is not None else []
    doc = MeantimeDoc(id=root.get("doc_id", ""), name=root.get("doc_name", ""), text=text, dct=None)
    instance_type = {m.get("m_id"): GOLD_TYPES.get(m.get("ent_type", ""), m.get("ent_type")) for m in marks_list
                     if m.tag == "ENTITY"}
    mention_type: dict[str, str | None] = {}
    for r in rels_list:
        if r.tag == "REFERS_TO" and (tgt := r.find("target")) is not None:
            for s in r.findall("source"):
                mention_type[s.get("m_id", "")] = instance_type.get(tgt.get("m_id"))
    for m in marks_list:
        m_id = m.get("m_id", "")
        if m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
            doc.dct = m.get("value")
            continue
        span = _anchored(m, offsets)
        if span is None:
            continue
        doc.spans[m_id] = span
        mk = Markable(m_id, span[0], span[1], text[span[0]:span[1]])
        if m.tag == "ENTITY_MENTION":
            mk.type, mk.syntactic_type = mention_type.get(m_id), m.get("syntactic_type")
            doc.entities.append(mk)
        elif m.tag == "TIMEX3":
            mk.type, mk.value = m.get("type"), m.get("value")
            doc.timexes.append(mk)
        elif m.tag == "EVENT_MENTION":
            doc.events.append(mk)
    for r in rels_list:
        src, tgt = r.find("source"), r.find("target")
        if r.tag == "HAS_PARTICIPANT" and src is not None and tgt is not None:
            doc.participants.append(Participant(src.get("m_id", ""), tgt.get("m_id", ""), r.get("sem_role", "")))
    if doc.dct is None:
        doc.dct = date_line(text)
    return doc


def date_line(text: str) -> str | None:
    """ISO day of the Wikinews date line (the second paragraph, "September 01, 2007"), if it is one."""
    paras = text.split("\n\n")
    try:
        return datetime.strptime(paras[1].strip(), "%B %d, %Y").date().isoformat() if len(paras) > 1 else None
    except ValueError:
        return None


def read_meantime(root: Path, variant: str = DEFAULT_VARIANT) -> Iterator[MeantimeDoc]:
    """Every document under ROOT/VARIANT/corpus_*/, by topic then file name."""
    for path in sorted((Path(root) / variant).glob("corpus_*/*.xml")):
        yield read_cat(path)


# Scoring -------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class MeantimeCounts:
    entities: Counter[str] = field(default_factory=Counter)   # "TYPE gold|system|matched"
    timex_gold: int = 0
    timex_system: int = 0
    timex_matched: int = 0
    timex_value_ok: int = 0
    timex_type_ok: int = 0
    event_gold: int = 0
    event_found: int = 0
    trigger_system: int = 0
    trigger_right: int = 0
    events_matched: int = 0
    roles: Counter[str] = field(default_factory=Counter)      # "source|target evaluable|right"

    def add(self, other: MeantimeCounts) -> None:
        for name in ("timex_gold", "timex_system", "timex_matched", "timex_value_ok", "timex_type_ok", "event_gold",
                     "event_found", "trigger_system", "trigger_right", "events_matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.entities.update(other.entities)
        self.roles.update(other.roles)


def system_entities(doc: Document) -> list[tuple[int, int, str | None]]:
    """Our mentions as (start, end, MEANTIME type or None), one per extent and type."""
    seen: dict[tuple[int, int, str | None], None] = {}
    for a in doc.actors:
        if a.span is not None and not a.inferred:
            seen[(a.span.start, a.span.end, OUR_TYPES.get(a.kind))] = None
    for p in doc.places:
        if p.span is not None:
            seen[(p.span.start, p.span.end, "LOCATION")] = None
    return list(seen)


def _score_entities(gold: list[Markable], ours: list[tuple[int, int, str | None]], c: MeantimeCounts) -> None:
    types = {g.type for g in gold if g.type} | {t for *_, t in ours if t}
    for t in types:
        g_spans = [(g.start, g.end) for g in gold if g.type == t]
        s_spans = [(s, e) for s, e, k in ours if k == t]
        c.entities[f"{t} gold"] += len(g_spans)
        c.entities[f"{t} system"] += len(s_spans)
        c.entities[f"{t} matched"] += len(match_spans(g_spans, s_spans))
    g_all = [(g.start, g.end) for g in gold]
    s_all = sorted({(s, e) for s, e, _ in ours})
    c.entities["ANY gold"] += len(g_all)
    c.entities["ANY system"] += len(s_all)
    c.entities["ANY matched"] += len(match_spans(g_all, s_all))


def _score_timexes(gold: list[Markable], doc: Document, c: MeantimeCounts) -> None:
    ours = [t for t in doc.timexes if t.span is not None]
    c.timex_gold += len(gold)
    c.timex_system += len(ours)
    pairs = match_spans([(g.start, g.end) for g in gold], [(t.span.start, t.span.end) for t in ours if t.span])
    c.timex_matched += len(pairs)
    for gi, si in pairs:
        c.timex_value_ok += gold[gi].value == ours[si].value
        c.timex_type_ok += gold[gi].type == ours[si].type


def trigger_spans(ev: Event) -> list[tuple[int, int]]:
    return [(ev.trigger.start, ev.trigger.end), *((m.start, m.end) for m in ev.mentions)]


def best_gold_event(trigger: tuple[int, int], gold: list[Markable]) -> Markable | None:
    """The gold event mention the trigger overlaps most; ties go to the first in the text."""
    best, best_len = None, 0
    for g in sorted(gold, key=lambda m: (m.start, m.end)):
        inter = min(g.end, trigger[1]) - max(g.start, trigger[0])
        if inter > best_len:
            best, best_len = g, inter
    return best


def _score_events(gold: MeantimeDoc, doc: Document, c: MeantimeCounts) -> None:
    triggers = [span for ev in doc.events for span in trigger_spans(ev)]
    g_spans = [(g.start, g.end) for g in gold.events]
    c.event_gold += len(g_spans)
    c.event_found += sum(any(overlaps(g, t) for t in triggers) for g in g_spans)
    c.trigger_system += len(triggers)
    c.trigger_right += sum(any(overlaps(g, t) for g in g_spans) for t in triggers)
    for ev in doc.events:
        match = best_gold_event((ev.trigger.start, ev.trigger.end), gold.events)
        if match is None:
            continue
        c.events_matched += 1
        for side, actor, role in (("source", ev.source, "Arg0"), ("target", ev.target, "Arg1")):
            if actor is None or actor.span is None or actor.inferred:
                continue
            c.roles[f"{side} evaluable"] += 1
            args = [gold.spans[p.target] for p in gold.participants
                    if p.event == match.m_id and p.role == role and p.target in gold.spans]
            c.roles[f"{side} right"] += any(overlaps((actor.span.start, actor.span.end), a) for a in args)


def score_meantime(gold: MeantimeDoc, doc: Document) -> MeantimeCounts:
    """All MEANTIME counts for one document coded by us."""
    c = MeantimeCounts()
    _score_entities(gold.entities, system_entities(doc), c)
    _score_timexes(gold.timexes, doc, c)
    _score_events(gold, doc, c)
    return c


def summarise(c: MeantimeCounts) -> dict[str, Any]:
    types = sorted({k.rsplit(" ", 1)[0] for k in c.entities}, key=lambda t: (t == "ANY", t))
    return {
        "entities": {t: prf(c.entities[f"{t} matched"], c.entities[f"{t} gold"], c.entities[f"{t} system"])
                     for t in types},
        "timex": {**prf(c.timex_matched, c.timex_gold, c.timex_system),
                  "value_acc": ratio(c.timex_value_ok, c.timex_matched),
                  "type_acc": ratio(c.timex_type_ok, c.timex_matched)},
        "events": {"gold": c.event_gold, "found": c.event_found, "recall": ratio(c.event_found, c.event_gold),
                   "triggers": c.trigger_system, "right": c.trigger_right,
                   "precision": ratio(c.trigger_right, c.trigger_system)},
        "participants": {"events_matched": c.events_matched, **{
            side: {"evaluable": c.roles[f"{side} evaluable"], "right": c.roles[f"{side} right"],
                   "acc": ratio(c.roles[f"{side} right"], c.roles[f"{side} evaluable"])}
            for side in ("source", "target")}},
    }


def _code(gold: MeantimeDoc) -> Document:
    from storyline.api import code_text

    return code_text(gold.text, date=gold.dct[:10] if gold.dct else None)


def evaluate_meantime(root: Path, limit: int | None = None, variant: str = DEFAULT_VARIANT) -> dict[str, Any]:
    """Scores of the full pipeline on the MEANTIME English documents under `root` (the release folder)."""
    total, failed, rejected, n = MeantimeCounts(), 0, 0, 0
    for gold in islice(read_meantime(root, variant), limit):
        n += 1
        doc = guarded(lambda gold=gold: _code(gold))
        if doc is None:
            failed += 1
            doc = Document(text=gold.text)
        rejected += doc.rejected
        total.add(score_meantime(gold, doc))
    out = summarise(total)
    out.update({"documents": n, "failed": failed, "rejected": rejected, "variant": variant})
    return out


def _pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{100 * x:6.1f}"


def format_table(res: dict[str, Any]) -> str:
    lines = [f"MEANTIME English ({res['variant']}): {res['documents']} documents"
             f" ({res['failed']} failed, {res['rejected']} rejected)",
             f"  {'':20s} {'P':>6s} {'R':>6s} {'F1':>6s}   gold  ours  matched"]
    rows = [(f"entity {t}", v) for t, v in res["entities"].items()] + [("TIMEX3 extent", res["timex"])]
    for label, v in rows:
        lines.append(f"  {label:20s} {_pct(v['p'])} {_pct(v['r'])} {_pct(v['f1'])}   {v['gold']:4d}  {v['system']:4d}"
                     f"  {v['matched']:4d}")
    tx, ev, pa = res["timex"], res["events"], res["participants"]
    lines.append(f"  TIMEX3 value accuracy {_pct(tx['value_acc'])}  type accuracy {_pct(tx['type_acc'])}"
                 f" (over {tx['matched']} matched)")
    lines.append(f"  event mentions: recall {_pct(ev['recall'])} ({ev['found']}/{ev['gold']}),"
                 f" trigger precision {_pct(ev['precision'])} ({ev['right']}/{ev['triggers']})")
    lines.append(f"  participants over {pa['events_matched']} matched events:"
                 f" source=Arg0 {_pct(pa['source']['acc'])} ({pa['source']['right']}/{pa['source']['evaluable']}),"
                 f" target=Arg1 {_pct(pa['target']['acc'])} ({pa['target']['right']}/{pa['target']['evaluable']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path,
                    default=shared_root() / "gold" / "meantime_en" / "meantime_newsreader_english_oct15")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--variant", default=DEFAULT_VARIANT,
                    choices=["intra-doc_annotation", "intra_cross-doc_annotation"])
    args = ap.parse_args(argv)
    if not args.root.exists():
        raise SystemExit(f"{args.root} not found: point ROOT at the MEANTIME English release folder")
    print(format_table(evaluate_meantime(args.root, limit=args.limit, variant=args.variant)))


if __name__ == "__main__":
    main()
