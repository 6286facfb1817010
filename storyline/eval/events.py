"""Score event coding against three sentence-level gold sets: PLOVER GSR, PETRARCH2 unit tests, UniversalPetrarch GSR.

Each gold sentence is coded alone with `storyline.api.code_text(text, date)`; a sentence whose coding raises or
is rejected with E100 counts as an error and yields no system events. System events without a code (kinds CAMEO
lacks) are not scored. Per sentence, system events are matched one-to-one to gold events, greedily, best pair
first, where a pair is better when its roots agree, then when more of its actors agree, then when its full codes
agree. With G gold events and S system events (summed over sentences):

- root accuracy = gold events whose matched system event has the same root / G
- full accuracy = gold events whose matched system event has the same full code / G
- source (target) accuracy = gold events whose matched system event has an acceptable source (target) / G
- all accuracy = gold events right on root, source and target together / G
- missed = gold events left unmatched; invented = system events left unmatched (every event in a sentence whose
  gold says "no events" is invented); root precision = root-correct matches / S
- quiet = sentences whose gold has no event; quiet_ok = those where the system found none either

Codes. CAMEO sets: the root is the first two digits, full is the whole code. PLOVER: gold gives a category and
an optional mode (v0.5 vocabulary: DEMAND, DISAPPROVE, INVESTIGATE, FIGHT ...); a system CAMEO code is mapped to
that vocabulary by `plover_of` below (longest-prefix table, from the CAMEO-to-PLOVER table; 01 and 02 have no
PLOVER category, so such system events are not scored there). "Root" is the category; "full" is the category
plus the mode when gold gives one (gold "demo-org" accepts "demo", and "arrest" and "detain" are one mode); when
gold gives no mode, full equals root.

Actors. A gold code is compared on its country (first three letters) and its first role (next three): the system
actor must have the same country (unless gold writes "---": country unknown) and, when gold has a role, the same
first role; a gold role absent means any system role is accepted. A gold actor that is absent or uncoded ("", "---",
"###", a quoted literal such as '"INJURY TOLL"') is matched only by no system actor or one with neither country
nor role. System actors are read from `Actor.code` (first 3 + next 3 letters), else `country` and `roles[0]`.
PLOVER compound actors (several sources or targets on one record) are one gold event whose actor is right when
it matches any of them; PLOVER records with the same text form one sentence. The PETRARCH sets give one coding
per dyad, so a system event with several parties (`also_sources`, `also_targets`) is scored as one event per
(source, target) pair (`Event.dyads()`).

    python -m storyline.eval.events [ROOT] [--set NAME] [--limit N] [--errors]
"""
from __future__ import annotations

import argparse
import functools
import inspect
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from storyline.eval.shared import shared_root
from storyline.model.doc import Actor, Event

ActorKey = tuple[str | None, str | None]   # (country, first role)

SETS = {
    "plover": "plover_gsr/PLOVER_GSR_CAMEO.json",
    "petrarch2": "petrarch2_unittest/PETR.UnitTest.records.xml",
    "universalpetrarch": "universalpetrarch_gsr/PETR2_GSR_validation.xml",
}
PETRARCH_DICTIONARIES = ("petrarch2_unittest/PETR.Validate.actors.txt", "petrarch2_unittest/PETR.Validate.agents.txt")


@dataclass(frozen=True)
class GoldEvent:
    code: str                       # CAMEO code, or PLOVER category
    source: tuple[str, ...] = ()    # acceptable actor codes (compounds give several); () = no actor
    target: tuple[str, ...] = ()
    mode: str | None = None         # PLOVER mode


@dataclass
class GoldSentence:
    id: str
    text: str
    date: str | None
    category: str
    events: list[GoldEvent] = field(default_factory=list)


@dataclass(frozen=True)
class SysEvent:
    code: str | None
    source: ActorKey | None = None
    target: ActorKey | None = None
    mode: str | None = None


# Readers --------------------------------------------------------------------------------------------------------

def _plover_actors(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list):
        return ()   # absent, or a stray string such as "diplomatic"
    out = []
    for a in raw:
        sector = str(a.get("sector") or "")[:3].upper()
        out.append(str(a.get("code") or "---").upper() + (sector if sector.isalpha() else ""))
    return tuple(out)


def _markup(rec: dict[str, Any]) -> str:
    info = rec.get("textInfo")
    return str(info.get("markup") or "") if isinstance(info, dict) else ""


def read_plover(path: Path) -> list[GoldSentence]:
    """One sentence per distinct text; each coded record is one gold event."""
    by_text: dict[str, GoldSentence] = {}
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        text = " ".join(rec["text"].split())
        sent = by_text.setdefault(text, GoldSentence(rec["id"], text, rec.get("date"), rec["event"]))
        source, target = _plover_actors(rec.get("source")), _plover_actors(rec.get("target"))
        if not target and "SRC/TAR" in _markup(rec):
            target = source   # a joint act: the markup gives each party as both source and target
        sent.events.append(GoldEvent(rec["event"], source, target, rec.get("mode") or None))
    return list(by_text.values())


_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(tag)}


def _iso(day: str | None) -> str | None:
    return f"{day[:4]}-{day[4:6]}-{day[6:8]}" if day and re.fullmatch(r"\d{8}", day) else None


def read_petrarch_xml(path: Path) -> list[GoldSentence]:
    """PETRARCH validation records (also UniversalPetrarch's, whose XML is not well formed): read by pattern."""
    source = re.sub(r"<!--.*?-->", "", Path(path).read_text(encoding="utf-8"), flags=re.S)
    starts = [m for m in re.finditer(r"<Sentence\s[^>]*>", source)]
    out = []
    for i, m in enumerate(starts):
        body = source[m.end():starts[i + 1].start() if i + 1 < len(starts) else len(source)]
        head = _attrs(m.group(0))
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        events = []
        for tag in re.findall(r"<EventCoding\b[^>]*>", body):
            a = _attrs(tag)
            if a.get("eventcode"):
                events.append(GoldEvent(a["eventcode"], (a.get("sourcecode", ""),), (a.get("targetcode", ""),)))
        out.append(GoldSentence(head.get("id", f"#{i}"), " ".join(text.group(1).split()) if text else "",
                                _iso(head.get("date")), head.get("category", "other"), events))
    return out


def read_set(name: str, root: Path) -> list[GoldSentence]:
    path = set_folder(root) / SETS[name]
    return read_plover(path) if name == "plover" else read_petrarch_xml(path)


def set_folder(root: Path) -> Path:
    """`root` may be the shared folder or its gold/event_coding folder."""
    root = Path(root)
    return root / "gold" / "event_coding" if (root / "gold").is_dir() else root


# Codes and actors -----------------------------------------------------------------------------------------------

# CAMEO prefix -> (PLOVER v0.5 category, mode); the longest prefix wins. Categories follow CAMEO2PLOVER-2021
# renamed to the GSR's v0.5 names; modes only where the GSR uses them.
_PLOVER_ROOTS = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
                 "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT",
                 "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
                 "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT"}
_PLOVER_CODES: dict[str, tuple[str, str | None]] = {
    "084": ("RETREAT", None), "085": ("RETREAT", None), "086": ("RETREAT", None), "087": ("RETREAT", None),
    # The GSR is PLOVER v0.5: easing a curfew or emergency is CONCEDE there (the 2021 table moved it to RETREAT)
    # and a resignation under pressure is RETREAT (2021: CONCEDE); the scorer follows the set's own version.
    "0813": ("CONCEDE", None), "0814": ("CONCEDE", None), "0831": ("RETREAT", None),
    "041": ("CONSULT", "phone"), "042": ("CONSULT", "visit"), "043": ("CONSULT", "host"),
    "044": ("CONSULT", "third-party"),
    "1311": ("THREATEN", "relations"), "1312": ("THREATEN", "restrict"), "1313": ("THREATEN", "relations"),
    "1321": ("THREATEN", "political"), "1323": ("THREATEN", "curfew"), "1324": ("THREATEN", "martial-law"),
    "134": ("THREATEN", "relations"), "135": ("THREATEN", "relations"), "137": ("THREATEN", "violence"),
    "138": ("THREATEN", "violence"), "1381": ("THREATEN", "restrict"), "139": ("THREATEN", "relations"),
    "141": ("PROTEST", "demo"), "142": ("PROTEST", "strike-hun"), "143": ("PROTEST", "strike-gen"),
    "144": ("PROTEST", "obstruct"), "145": ("PROTEST", "riot"),
    "151": ("MOBILIZE", "police"), "152": ("MOBILIZE", "troops"), "153": ("MOBILIZE", "police"),
    "154": ("MOBILIZE", "troops"),
    "1711": ("COERCE", "confiscate"), "1712": ("COERCE", "destroy"), "172": ("COERCE", "restrict"),
    "1721": ("COERCE", "censor"), "1722": ("COERCE", "ban"), "1723": ("COERCE", "curfew"),
    "1724": ("COERCE", "martial-law"), "173": ("COERCE", "arrest"), "174": ("COERCE", "deport"),
    "175": ("ASSAULT", None), "191": ("COERCE", "restrict"), "192": ("COERCE", "seize"),
    "181": ("ASSAULT", "abduct"), "182": ("ASSAULT", "beat"), "1821": ("ASSAULT", "sexual"),
    "1822": ("ASSAULT", "torture"), "183": ("ASSAULT", "explosives"), "1831": ("ASSAULT", "suicide-attack"),
    "185": ("ASSAULT", "assassinate"), "186": ("ASSAULT", "assassinate"),
    "193": ("FIGHT", "firearms"), "194": ("FIGHT", "heavy-weapons"), "195": ("FIGHT", "heavy-weapons"),
}
_SAME_MODE = {"detain": "arrest"}
_NULL_ACTOR = {"", "---", "###", "+++"}
_COUNTRY_ALIASES = {"JAP": "JPN"}   # the PLOVER GSR writes Japan as JAP


def plover_of(cameo: str | None) -> tuple[str | None, str | None]:
    """(PLOVER v0.5 category, mode) of a CAMEO code; (None, None) for codes PLOVER does not code."""
    if not cameo:
        return None, None
    for n in range(len(cameo), 2, -1):
        if cameo[:n] in _PLOVER_CODES:
            return _PLOVER_CODES[cameo[:n]]
    return _PLOVER_ROOTS.get(cameo[:2]), None


def mode_ok(gold: str | None, system: str | None) -> bool:
    if not gold:
        return True
    g, s = _SAME_MODE.get(gold, gold), _SAME_MODE.get(system or "", system or "")
    return bool(s) and (g == s or g.startswith(s + "-"))


def gold_key(code: str) -> ActorKey:
    code = code.strip().upper()
    if code.startswith(('"', "'")) or code in _NULL_ACTOR:
        return None, None
    country = None if code[:3] in _NULL_ACTOR else _COUNTRY_ALIASES.get(code[:3], code[:3])
    return country, code[3:6] or None


def system_key(actor: Actor | None) -> ActorKey | None:
    if actor is None:
        return None
    code = (actor.code or "").upper()
    if len(code) >= 3:
        return (None if code[:3] in _NULL_ACTOR else code[:3]), code[3:6] or None
    role = actor.roles[0] if actor.roles else None
    return (actor.country, role) if actor.country or role else None


def actor_ok(gold: tuple[str, ...], system: ActorKey | None) -> bool:
    sc, sr = system or (None, None)
    for gc, gr in map(gold_key, gold or ("",)):
        if gc is None and gr is None:
            if sc is None and sr is None:
                return True
        elif (gc is None or sc == gc) and (gr is None or sr == gr):
            return True
    return False


def root_of(code: str | None) -> str | None:
    return code[:2] if code and code[:1].isdigit() else code


def to_system(event: Event, plover: bool) -> list[SysEvent]:
    """The scored form of one event: PLOVER gold lists several parties on one record, so one event is one record
    there; the PETRARCH sets code one event per dyad, so an event with several parties is one per dyad."""
    code, mode = plover_of(event.cameo) if plover else (event.cameo, None)
    if not code:
        return []
    pairs = [(event.source, event.target)] if plover else event.dyads()
    return [SysEvent(code, system_key(s), system_key(t), mode) for s, t in pairs]


# Scoring --------------------------------------------------------------------------------------------------------

@dataclass
class Counts:
    sentences: int = 0
    gold: int = 0
    system: int = 0
    root: int = 0
    full: int = 0
    source: int = 0
    target: int = 0
    all: int = 0
    missed: int = 0
    invented: int = 0
    quiet: int = 0
    quiet_ok: int = 0
    errors: int = 0
    # why a gold event is not reproduced at root level (each gold event counts once, in this order)
    gold_not_cameo: int = 0      # the gold code is not in the CAMEO table (CAMEO sets only)
    dyad_not_coded: int = 0      # unmatched while the sentence was coded (a dyad or compound party left out)
    nothing_coded: int = 0       # unmatched and the sentence gave no event
    root_differs: int = 0        # matched to an event with another root
    differences: Counter[str] = field(default_factory=Counter)   # "gold root>our root" for root_differs

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _pair(g: GoldEvent, s: SysEvent) -> tuple[bool, bool, bool, bool]:
    root = root_of(g.code) == root_of(s.code)
    full = g.code == s.code and mode_ok(g.mode, s.mode)
    return root, full, actor_ok(g.source, s.source), actor_ok(g.target, s.target)


def match(gold: list[GoldEvent], system: list[SysEvent]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs, best first: root, then actors, then full code."""
    scored = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            root, full, src, tgt = _pair(g, s)
            scored.append(((root, src + tgt, full), i, j))
    scored.sort(key=lambda x: (x[0], -x[1], -x[2]), reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score(gold: list[GoldEvent], system: list[SysEvent]) -> Counts:
    """Counts for one sentence."""
    c = Counts(sentences=1, gold=len(gold), system=len(system), quiet=int(not gold))
    c.quiet_ok = int(not gold and not system)
    pairs = match(gold, system)
    for i, j in pairs:
        root, full, src, tgt = _pair(gold[i], system[j])
        c.root += root
        c.full += full
        c.source += src
        c.target += tgt
        c.all += root and src and tgt
    c.missed = len(gold) - len(pairs)
    c.invented = len(system) - len(pairs)
    _why(gold, system, dict(pairs), c)
    return c


@functools.cache
def _cameo_codes() -> frozenset[str]:
    from storyline.reference.cameo import all_codes

    return frozenset(all_codes())


def _why(gold: list[GoldEvent], system: list[SysEvent], pairs: dict[int, int], c: Counts) -> None:
    known = _cameo_codes()
    for i, g in enumerate(gold):
        j = pairs.get(i)
        right = j is not None and root_of(g.code) == root_of(system[j].code)
        if right:
            continue
        if g.code[:1].isdigit() and g.code not in known:
            c.gold_not_cameo += 1
        elif j is None:
            c.dyad_not_coded += bool(system)
            c.nothing_coded += not system
        else:
            c.root_differs += 1
            c.differences[f"{root_of(g.code)}>{root_of(system[j].code)}"] += 1


def summary(c: Counts) -> dict[str, Any]:
    def div(a: int, b: int) -> float:
        return a / b if b else 0.0
    out: dict[str, Any] = {f.name: getattr(c, f.name) for f in fields(c)}
    out["differences"] = dict(c.differences.most_common())
    for name in ("root", "full", "source", "target", "all"):
        out[f"{name}_acc"] = div(getattr(c, name), c.gold)
    out["root_precision"] = div(c.root, c.system)
    return out


# Running --------------------------------------------------------------------------------------------------------

Coder = Callable[[str, str | None], list[Event]]


def pipeline_coder(dictionaries: Iterable[Path] = ()) -> Coder:
    """code_text per sentence; the set's own actor dictionaries are passed where code_text accepts them."""
    from storyline.api import code_text

    extra: dict[str, Any] = {}
    paths = [p for p in dictionaries if p.exists()]
    if paths and "extra_dictionaries" in inspect.signature(code_text).parameters:
        from storyline.reference.dictionaries import ActorDictionary

        extra["extra_dictionaries"] = [ActorDictionary.load(*paths)]

    def coder(text: str, date: str | None) -> list[Event]:
        doc = code_text(text, date, **extra)
        if any(n.code == "E100" for n in doc.notes):
            raise RuntimeError(next(n.reason for n in doc.notes if n.code == "E100"))
        return doc.events
    return coder


def run_set(sentences: list[GoldSentence], coder: Coder, plover: bool) -> tuple[dict[str, Counts], list[str]]:
    """Counts per category (key "*" for all; "single" for sentences with one gold event) and error lines."""
    counts: dict[str, Counts] = {"*": Counts(), "single": Counts()}
    lines: list[str] = []
    for sent in sentences:
        failed = 0
        try:
            found = [s for e in coder(sent.text, sent.date) for s in to_system(e, plover)]
        except Exception as exc:   # a failing sentence is a miss, never the end of the evaluation
            found, failed = [], 1
            lines.append(f"{sent.id}: error {type(exc).__name__}: {exc}")
        c = score(sent.events, found)
        c.errors = failed
        for key in ("*", sent.category, *(("single",) if len(sent.events) == 1 else ())):
            counts.setdefault(key, Counts()).add(c)
        if c.root + c.source + c.target != 3 * len(sent.events) or c.invented:
            lines.append(f"{sent.id}: gold {[(g.code, g.mode, g.source, g.target) for g in sent.events]} "
                         f"system {[(s.code, s.mode, s.source, s.target) for s in found]}")
    return counts, lines


def evaluate_events(set_name: str, root: Path, limit: int | None = None, *,
                    coder: Coder | None = None) -> dict[str, Any]:
    """Scores of one set ("plover", "petrarch2", "universalpetrarch") read under `root` (the shared folder)."""
    if set_name not in SETS:
        raise ValueError(f"unknown set {set_name!r}; known: {', '.join(SETS)}")
    sentences = read_set(set_name, root)[:limit]
    if coder is None:
        dicts = [set_folder(root) / p for p in PETRARCH_DICTIONARIES] if set_name == "petrarch2" else []
        coder = pipeline_coder(dicts)
    began = time.perf_counter()
    counts, lines = run_set(sentences, coder, plover=set_name == "plover")
    out = summary(counts.pop("*"))
    out.update(set=set_name, seconds=round(time.perf_counter() - began, 1), details=lines,
               single=summary(counts.pop("single")),
               categories={k: summary(v) for k, v in sorted(counts.items())})
    return out


_COLUMNS = ("sentences", "gold", "system", "root_acc", "full_acc", "source_acc", "target_acc", "all_acc",
            "missed", "invented", "errors")


def _row(label: str, res: dict[str, Any]) -> str:
    cells = [f"{res[k]:.3f}" if isinstance(res[k], float) else str(res[k]) for k in _COLUMNS]
    return f"{label:22s}" + "".join(f"{c:>11s}" for c in cells)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=shared_root(), help="the shared folder")
    ap.add_argument("--set", action="append", choices=tuple(SETS), help="one set (repeatable); default all")
    ap.add_argument("--limit", type=int, help="first N sentences of each set")
    ap.add_argument("--errors", action="store_true", help="list each sentence the coder got wrong")
    args = ap.parse_args(argv)
    if not (set_folder(args.root) / SETS["plover"]).parent.exists():
        raise SystemExit(f"{set_folder(args.root)} has no event-coding gold: point ROOT at the shared folder")
    print(f"{'set':22s}" + "".join(f"{k[:10]:>11s}" for k in _COLUMNS))
    for name in args.set or SETS:
        res = evaluate_events(name, args.root, args.limit)
        if args.errors:
            print("\n".join(res["details"]))
        print(_row(name, res))
        if name == "plover":
            print(_row("  single-event", res["single"]))
        if name == "petrarch2":
            for cat, sub in res["categories"].items():
                print(_row(f"  {cat}", sub))
        print(f"  ({res['seconds']} s)")


if __name__ == "__main__":
    main()
