"""Score whole-article event coding on the realnews gold (../shared/gold/realnews): 44 Wikinews articles with
every event hand-coded under its GUIDE.md, and a second coder's events for 12 of them as the human ceiling.

When a system event matches a gold event (the full rule): all three of
- what: the CAMEO root (first two digits) agrees with the gold code's; a gold event with no CAMEO code (a kind
  CAMEO lacks: ELECTION, TRIAL, VERDICT ...) needs a system event whose kind or name contains the first five
  letters of that kind ("DETEN" for DETENTION_EXTENDED);
- whom: the gold target against the system target, or, where the gold has no target, the gold source against the
  system source (with neither, any actors pass). A gold actor with a country needs a system reading with that
  country and, when the gold gives a role, the role or one of its `role_alt`. A gold actor without a country
  (IGOs, international NGOs, stateless media) needs its role among the system actor's three-letter codes. A
  system actor is read twice: its CAMEO code ("IGOEUREEC": IGO, then EUR, EEC) and its country + roles;
- when: the system date overlaps the gold date, each read as the days it names ("2019" the year, "2019-03" the
  month, "a/b" from a's first day to b's last). A gold date of null (undated background) accepts a system event
  with no date, a date coarser than a day (YYYY, YYYY-MM), or any stated precision other than "day".
A gold `cameo_alt` or `date_alt` stands in for its field one at a time: an alternative code with the main date,
or the main code with an alternative date, not both at once. That is how the reference scorer
(../shared/tools/score_events.py) reads the alternatives, and these numbers are meant to be its numbers
(tests/eval check that they agree). The loose rules leave out the actors (root_date), the date (root_actor) or
both (root), to show which field costs most.

Counting, per article: a system event is right when it matches some gold event of its article (precision: right /
system events of the gold articles); gold events are taken in file order and each one takes the first system
event, in output order, that matches it and that no earlier gold event took (recall: found / gold). Salient
recall repeats that assignment over the salient gold events alone.

System events are storyline's records (`storyline.model.record.event_record`), tied to an article by
`document.url`, and read field by field. Two known differences from the reference, which searches a record for
any key of the right name: a record with `"date": null` is undated here, where the reference takes the article
date under `document`; and an unresolved date (`value` null) is undated here, where the reference reads its
evidence span's character offsets as start/end (so offsets 2019-2030 would pass for years). Storyline writes a
date object for every event on this set and no such offsets have mattered, so the numbers agree. Human agreement
is the second coder's events, put into record shape by `coder_record`, scored the same way against the gold of
its 12 articles.

    python -m storyline.eval.realnews [ROOT] [--limit N] [--errors]
"""
from __future__ import annotations

import argparse
import calendar
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from storyline.eval.shared import shared_root

SET = "gold/realnews"
# Rule name -> (actors tested, date tested).
RULES: dict[str, tuple[bool, bool]] = {"full": (True, True), "root_date": (False, True),
                                       "root_actor": (True, False), "root": (False, False)}
Reading = tuple[str, ...]   # an actor read as three-letter codes: country (or IGO ...) first, then roles


# Gold ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldActor:
    country: str | None
    roles: frozenset[str]   # the role and its role_alt; empty where the gold names no role


@dataclass(frozen=True)
class Gold:
    id: str
    article: str
    cameo: str | None
    kind: str | None
    cameo_alt: tuple[str, ...]
    target: GoldActor | None
    source: GoldActor | None
    date: str | None
    date_alt: tuple[str, ...]
    salient: bool
    evidence: str

    @property
    def label(self) -> str:
        return self.cameo or self.kind or "?"

    def options(self) -> Iterator[tuple[str | None, str | None, str | None]]:
        """(cameo, kind, date) as the gold gives them, then with one alternative code or one alternative date."""
        yield self.cameo, self.kind, self.date
        for code in self.cameo_alt:
            yield code, self.kind, self.date
        for day in self.date_alt:
            yield self.cameo, self.kind, day


def gold_actor(row: dict[str, Any] | None) -> GoldActor | None:
    if not row:
        return None
    role = (row.get("role") or "").upper()
    roles = frozenset({role, *(r.upper() for r in row.get("role_alt") or [])}) if role else frozenset()
    return GoldActor((row.get("country") or "").upper() or None, roles)


def read_gold(row: dict[str, Any]) -> Gold:
    if not row.get("cameo") and not row.get("kind"):
        raise ValueError(f"gold event {row.get('event_id')} has neither a CAMEO code nor a kind")
    return Gold(row["event_id"], row["article_id"], row.get("cameo"), row.get("kind"),
                tuple(row.get("cameo_alt") or ()), gold_actor(row.get("target_actor")),
                gold_actor(row.get("source_actor")), row.get("date"), tuple(row.get("date_alt") or ()),
                bool(row.get("salient")), row.get("evidence") or "")


# System --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class System:
    article: str
    cameo: str | None
    kinds: str                  # kind and name, upper case: where a kind CAMEO lacks is named
    target: tuple[Reading, ...]
    source: tuple[Reading, ...]
    date: str | None
    precision: str | None
    evidence: str
    shown: tuple[str, str]      # source and target as printed in error lines

    @property
    def label(self) -> str:
        return self.cameo or self.kinds.split(" ")[0] or "?"


def _codes(text: str) -> Reading:
    text = text.upper()
    return tuple(text[i:i + 3] for i in range(0, len(text), 3))


def readings(actor: dict[str, Any] | None) -> tuple[Reading, ...]:
    """The actor's CAMEO code and its country + roles, each split into three-letter codes (empty ones dropped)."""
    if not actor:
        return ()
    fields = (actor.get("country") or "") + "".join(actor.get("roles") or [])
    return tuple(r for r in (_codes(actor.get("code") or ""), _codes(fields)) if r)


def _show(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    return actor.get("code") or f"{actor.get('country') or '-'}/{'+'.join(actor.get('roles') or []) or '-'}"


def _evidence(rec: dict[str, Any]) -> str:
    trigger = (rec.get("trigger") or {}).get("text") or ""
    sentence = " ".join(((rec.get("sentence") or {}).get("text") or "").split())
    return f"{trigger}: {sentence[:100]}" if sentence and sentence != trigger else trigger


def read_system(rec: dict[str, Any], article: str) -> System:
    """One storyline event record, as the rules read it."""
    when = rec.get("date") or {}
    return System(article, rec.get("cameo") or None, f"{rec.get('kind') or ''} {rec.get('name') or ''}".upper(),
                  readings(rec.get("target")), readings(rec.get("source")), when.get("value"),
                  (when.get("precision") or "").lower() or None, _evidence(rec),
                  (_show(rec.get("source")), _show(rec.get("target"))))


def _record_actor(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if not row:
        return None
    return {"code": None, "country": row.get("country"), "roles": [row["role"]] if row.get("role") else []}


def coder_record(row: dict[str, Any], url: str) -> dict[str, Any]:
    """A second-coder event (gold format) in storyline's record shape, so that the same rules score it. Its label
    stands for the record's name and its date carries no precision, which is how the reference reads such a file."""
    span = {"start": row.get("evidence_offset"), "end": None, "text": row.get("evidence") or ""}
    return {"document": {"url": url}, "cameo": row.get("cameo"), "kind": row.get("kind"), "name": row.get("label"),
            "source": _record_actor(row.get("source_actor")), "target": _record_actor(row.get("target_actor")),
            "date": {"value": row.get("date"), "precision": None}, "trigger": span, "sentence": None}


# Rules ---------------------------------------------------------------------------------------------------------


def what_ok(cameo: str | None, kind: str | None, ev: System) -> bool:
    if cameo:
        return ev.cameo is not None and ev.cameo[:2] == cameo[:2]
    return kind is not None and kind.strip() != "" and kind.upper().split()[0][:5] in ev.kinds


def actor_ok(gold: GoldActor, system: tuple[Reading, ...]) -> bool:
    if gold.country is None and not gold.roles:
        return True
    if gold.country is None:   # IGOs and stateless groups: the role anywhere in the system's codes
        return any(gold.roles & set(r) for r in system)
    return any(r[0] == gold.country and (not gold.roles or bool(gold.roles & set(r[1:]))) for r in system)


def whom_ok(gold: Gold, ev: System) -> bool:
    if gold.target is not None:
        return actor_ok(gold.target, ev.target)
    return gold.source is None or actor_ok(gold.source, ev.source)


def _day(text: str, last: bool) -> date:
    if len(text) == 4:
        return date(int(text), 12, 31) if last else date(int(text), 1, 1)
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:7])
        return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    return date.fromisoformat(text[:10])


def days(text: str) -> tuple[date, date] | None:
    """The first and last day a date names: '2019', '2019-03', '2019-03-04' or 'start/end'; None if unreadable."""
    first, _, last = text.partition("/")
    try:
        return _day(first, last=False), _day(last or first, last=True)
    except ValueError:
        return None


def when_ok(gold: str | None, ev: System) -> bool:
    if gold is None:
        return ev.date is None or len(ev.date) < 10 or ev.precision not in (None, "day")
    ours, theirs = days(gold), days(ev.date) if ev.date else None
    return ours is not None and theirs is not None and theirs[0] <= ours[1] and ours[0] <= theirs[1]


def matches(gold: Gold, ev: System, rule: str = "full") -> bool:
    actors, dates = RULES[rule]
    if actors and not whom_ok(gold, ev):
        return False
    return any(what_ok(cameo, kind, ev) and (not dates or when_ok(day, ev)) for cameo, kind, day in gold.options())


def assign(gold: list[Gold], system: list[System], rule: str) -> list[bool]:
    """Whether each gold event of one article is found: each takes the first free system event that matches it."""
    used: set[int] = set()
    found = []
    for g in gold:
        hit = next((i for i, ev in enumerate(system) if i not in used and matches(g, ev, rule)), None)
        if hit is not None:
            used.add(hit)
        found.append(hit is not None)
    return found


def right(gold: list[Gold], system: list[System], rule: str) -> list[bool]:
    return [any(matches(g, ev, rule) for g in gold) for ev in system]


# Scoring -------------------------------------------------------------------------------------------------------


@dataclass
class Scored:
    """Per rule, a flag for each gold event (found), each salient gold event, and each system event (right)."""

    gold: list[Gold]
    system: list[System]
    found: dict[str, list[bool]]
    salient: dict[str, list[bool]]
    right: dict[str, list[bool]]
    articles: int
    unplaced: int = 0


def score(gold: list[Gold], system: list[System], articles: list[str], unplaced: int = 0) -> Scored:
    """Score the system events of `articles` (ids, in order) against their gold events."""
    gold_by, sys_by = _group(gold), _group(system)
    out = Scored([], [], {r: [] for r in RULES}, {r: [] for r in RULES}, {r: [] for r in RULES}, len(articles),
                 unplaced)
    for art in articles:
        gs, ss = gold_by.get(art, []), sys_by.get(art, [])
        out.gold += gs
        out.system += ss
        for rule in RULES:
            out.found[rule] += assign(gs, ss, rule)
            out.salient[rule] += assign([g for g in gs if g.salient], ss, rule)
            out.right[rule] += right(gs, ss, rule)
    return out


def _group(items: Iterable[Any]) -> dict[str, list[Any]]:
    by: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        by[item.article].append(item)
    return by


def _prf(found: list[bool], right_: list[bool]) -> dict[str, Any]:
    p = sum(right_) / len(right_) if right_ else 0.0
    r = sum(found) / len(found) if found else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "found": sum(found), "right": sum(right_)}


def summary(s: Scored) -> dict[str, Any]:
    """Counts, P/R/F1 per rule, and salient recall (`salient.recall` under the full rule, the loose rules beside)."""
    out: dict[str, Any] = {"articles": s.articles, "gold": len(s.gold), "system": len(s.system),
                           "unplaced": s.unplaced}
    out.update({rule: _prf(s.found[rule], s.right[rule]) for rule in RULES})
    salient = s.salient["full"]
    out["salient"] = {"gold": len(salient), "found": sum(salient), "recall": _ratio(salient)}
    out["salient"].update({rule: _ratio(s.salient[rule]) for rule in RULES if rule != "full"})
    return out


def _ratio(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def classes(s: Scored) -> dict[str, dict[str, Any]]:
    """Per CAMEO root (or kind): gold and system counts, recall under each rule, precision full and root only."""
    out: dict[str, dict[str, Any]] = {}
    for i, g in enumerate(s.gold):
        row = _row(out, _class(g.cameo, g.kind))
        row["gold"] += 1
        for rule in RULES:
            row[f"found_{rule}"] += s.found[rule][i]
    for i, ev in enumerate(s.system):
        row = _row(out, _class(ev.cameo, ev.label))
        row["system"] += 1
        for rule in ("full", "root"):
            row[f"right_{rule}"] += s.right[rule][i]
    return dict(sorted(out.items()))


def _class(cameo: str | None, kind: str | None) -> str:
    return cameo[:2] if cameo else (kind or "?")


def _row(table: dict[str, dict[str, Any]], key: str) -> dict[str, Any]:
    blank = {"gold": 0, "system": 0, **{f"found_{r}": 0 for r in RULES}, "right_full": 0, "right_root": 0}
    return table.setdefault(key, blank)


def errors(s: Scored) -> list[str]:
    """One line per gold event missed and per system event matching no gold event, under the full rule."""
    lines = [f"missed {g.article} {g.label:8s} {_gold_actor(g.source)} -> {_gold_actor(g.target)} "
             f"{g.date or 'undated'}{' salient' if g.salient else ''}  \"{g.evidence}\""
             for g, ok in zip(s.gold, s.found["full"], strict=True) if not ok]
    lines += [f"false  {ev.article} {ev.label:8s} {ev.shown[0]} -> {ev.shown[1]} {ev.date or 'undated'}"
              f"{f' ({ev.precision})' if ev.precision else ''}  \"{ev.evidence}\""
              for ev, ok in zip(s.system, s.right["full"], strict=True) if not ok]
    return lines


def _gold_actor(a: GoldActor | None) -> str:
    return "-" if a is None else f"{a.country or '-'}/{'|'.join(sorted(a.roles)) or '-'}"


# Reading the set and coding it ---------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def place(records: Iterable[dict[str, Any]], by_url: dict[str, str]) -> tuple[list[System], int]:
    """Storyline records tied to their article by `document.url`; how many belong to no gold article."""
    placed, unplaced = [], 0
    for rec in records:
        art = by_url.get((rec.get("document") or {}).get("url") or "")
        if art is None:
            unplaced += 1
        else:
            placed.append(read_system(rec, art))
    return placed, unplaced


def score_records(records: Iterable[dict[str, Any]], root: Path, articles: list[str] | None = None) -> Scored:
    """Score storyline records against the gold under `root`, on `articles` (ids; default all, in file order)."""
    rows = read_jsonl(root / "articles.jsonl")
    system, unplaced = place(records, {r["url"]: r["id"] for r in rows})
    gold = [read_gold(r) for r in read_jsonl(root / "gold.jsonl")]
    return score(gold, system, [r["id"] for r in rows] if articles is None else articles, unplaced)


def agreement(root: Path) -> dict[str, Any]:
    """The second coder scored against the gold of the articles both coded: the ceiling for any system."""
    rows = read_jsonl(root / "articles.jsonl")
    url = {r["id"]: r["url"] for r in rows}
    records = [coder_record(r, url[r["article_id"]]) for r in read_jsonl(root / "second_coder.jsonl")]
    return summary(score_records(records, root, [r["id"] for r in rows if r.get("second_coder")]))


def code_records(root: Path, limit: int | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Storyline's records for the first `limit` articles of input.jsonl, and those articles' gold ids."""
    from storyline.ingest.readers import iter_documents
    from storyline.model.record import event_record
    from storyline.run import code_documents

    by_url = {r["url"]: r["id"] for r in read_jsonl(root / "articles.jsonl")}
    docs = islice(iter_documents([str(root / "input.jsonl")]), limit)
    records, articles = [], []
    for doc in code_documents(docs):
        articles.append(by_url[doc.url or ""])
        records += [event_record(doc, ev) for ev in doc.events]
    return records, articles


def evaluate_realnews(shared: Path, limit: int | None = None) -> dict[str, Any]:
    """Storyline coded on the set's input.jsonl (first `limit` articles) and scored; the second coder's agreement
    (always on its 12 articles) under "agreement"; per-class counts; the full-rule error lines under "errors"."""
    root = shared / SET
    records, articles = code_records(root, limit)
    scored = score_records(records, root, articles)
    out = summary(scored)
    out.update({"agreement": agreement(root), "classes": classes(scored), "errors": errors(scored)})
    return out


# Command line --------------------------------------------------------------------------------------------------


def format_table(res: dict[str, Any]) -> str:
    agree = res["agreement"]
    lines = [f"realnews: {res['articles']} articles, {res['gold']} gold events ({res['salient']['gold']} salient), "
             f"{res['system']} system events; second coder on {agree['articles']} articles",
             f"{'rule':12s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'salient R':>9s}   second coder: P, R, F1",
             *(_rule_line(rule, res, agree) for rule in RULES), "",
             f"{'class':10s} {'gold':>5s} {'sys':>5s}  recall: {'full':>5s} {'r+date':>6s} {'r+actor':>7s} "
             f"{'root':>5s}  precision: {'full':>5s} {'root':>5s}"]
    lines += [_class_line(name, row) for name, row in res["classes"].items()]
    return "\n".join(lines)


def _rule_line(rule: str, res: dict[str, Any], agree: dict[str, Any]) -> str:
    key = "recall" if rule == "full" else rule
    ours, theirs = res[rule], agree[rule]
    return (f"{rule:12s} {ours['precision']:9.3f} {ours['recall']:7.3f} {ours['f1']:6.3f} "
            f"{res['salient'][key]:9.3f}   {theirs['precision']:.3f} {theirs['recall']:.3f} {theirs['f1']:.3f}")


def _class_line(name: str, row: dict[str, Any]) -> str:
    def share(n: int, d: int) -> str:
        return f"{n / d:.2f}" if d else "-"

    recalls = [share(row[f"found_{r}"], row["gold"]) for r in RULES]
    return (f"{name:10s} {row['gold']:5d} {row['system']:5d}          {recalls[0]:>5s} {recalls[1]:>6s} "
            f"{recalls[2]:>7s} {recalls[3]:>5s}             {share(row['right_full'], row['system']):>5s} "
            f"{share(row['right_root'], row['system']):>5s}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=shared_root(), help="the shared folder")
    ap.add_argument("--limit", type=int, help="code and score the first N articles only")
    ap.add_argument("--errors", action="store_true", help="list each gold event missed and each false event")
    args = ap.parse_args(argv)
    if not (args.root / SET / "gold.jsonl").exists():
        raise SystemExit(f"{args.root / SET} has no gold.jsonl: point ROOT at the shared folder")
    res = evaluate_realnews(args.root, args.limit)
    if args.errors:
        print("\n".join(res["errors"]) + "\n")
    print(format_table(res))


if __name__ == "__main__":
    main()
