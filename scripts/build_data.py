"""Build storyline's packaged reference data (CAMEO codes, countries, leaders) from ../shared/references.

    python scripts/build_data.py [--shared PATH] [--check]

Only facts (codes, numbers, names, dates) are taken from the sources; everything is re-expressed in our own TSV
format, with our own short CAMEO names. `--check` rebuilds in memory and exits 1 when the packaged files differ.
leaders.tsv is built by scripts/leaders.py (PETRARCH's persons merged with office holders to 2025; its docstring
gives the selection rules, the sources and the licence reasoning).

Source notes (why the rules below look the way they do):
- cameo_codes_goldstein.tsv numbers some sub-codes the pre-1.0 way (e.g. 163 = halt negotiations, 1641-1643,
  0357) and has copy-paste names (1451-1454 repeat 1441-1444). CAMEO2PLOVER-2021.txt follows CAMEO 1.1b3, as does
  the PETRARCH2 verb dictionary, so its numbering and names win; Goldstein values follow the *meaning*.
- Phoenix.Countries.actors.txt is a TABARI actor file: a head line (NAME_ [CODE]) with `+` alias lines, code
  lines `[CODE date]` indented below it, and consecutive head lines without codes sharing the next code block.
  A country's aliases come in order: demonym and names, then capital and cities, then regions and features, with
  nothing marking where one part ends. The names block is found by name similarity (see classify_aliases); after
  it, an alias is a 'region' when a word says so (province, river, ...) and a 'city' otherwise, so some provinces
  read as cities. No capital column: the capital is usually the first alias after the names, but not reliably.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

FORMAT_VERSION = 1
HEADER = f"# storyline data v{FORMAT_VERSION}, built by scripts/build_data.py"
REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "storyline" / "data"

GOLDSTEIN = "cameo_codes_goldstein.tsv"
PLOVER = "CAMEO2PLOVER-2021.txt"
VERBS = "petrarch2_dictionaries/CAMEO.2.0.txt"
COUNTRIES = "petrarch2_dictionaries/Phoenix.Countries.actors.txt"
AGENTS = "petrarch2_dictionaries/Phoenix.agents.txt"
INTERNATIONAL = "petrarch2_dictionaries/Phoenix.International.actors.txt"
NONSTATE = "petrarch2_dictionaries/Phoenix.MilNonState.actors.txt"

# --------------------------------------------------------------------------------------------------------------
# CAMEO
# --------------------------------------------------------------------------------------------------------------

# Roots whose codes the PLOVER table leaves out on purpose (PLOVER drops public statements and appeals), so the
# Goldstein table is their only source. Any other code the Goldstein table has and PLOVER lacks is an old number.
PLOVER_DROPPED_ROOTS = {"01", "02"}

# Goldstein-table rows that describe what CAMEO 1.1b3 numbers differently: old code -> 1.1b3 code. Found by
# comparing the two tables' descriptions root by root; each pair names the same event.
OLD_NUMBERS = {
    "0354": "0353", "0355": "0354", "0356": "0355", "0357": "0356",
    "105": "108", "108": "106",
    "124": "125", "125": "126", "126": "128", "128": "129",
    "163": "164", "164": "166", "1641": "1661", "1642": "1662", "1643": "1663", "166": "163", "1213": "127",
}
# Goldstein rows whose code is right but whose meaning differs from 1.1b3 (their value must not be used for it).
STALE_ROWS = {"0352", "0353", "101", "106", "107", "121", "1211", "1212", "127"}

# Codes the PETRARCH2 verb dictionary emits that neither table lists (CAMEO 1.1b3 added them). Names are ours;
# 025x mirror 035x/105x ("yield" sub-codes), 176 is the 1.1b3 cyber-attack code.
EXTRA_CODES = {
    "0251": "Appeal to Ease Administrative Sanctions",
    "0252": "Appeal to Ease Popular Dissent",
    "0253": "Appeal to Release Persons or Property",
    "0254": "Appeal to Ease Economic Sanctions",
    "0255": "Appeal to Allow International Involvement",
    "0256": "Appeal to De-escalate Military Engagement",
    "176": "Attack Cybernetically",
}

# Our short names: rewrite the long descriptive phrases (applied in order, on lower-case text).
NAME_REWRITES = [
    (r",?\s*not spec(ified)? below", ""),
    (r"\s*\(such as [^)]*\)", ""),
    (r"\s*21\.09\.17:.*$", ""),
    (r"\bapolgize\b", "apologize"), (r"\bostruct\b", "obstruct"), (r"\badminstrative\b", "administrative"),
    (r"^express intent to ", "intend to "), (r"^express intent ", "intend to "),
    (r"^engage in violent protest for ", "violent protest for "),
    (r"^conduct hunger strike", "hunger strike"), (r"^conduct strike or boycott", "strike or boycott"),
    (r"\bchange in institutions, regime\b", "regime change"),
    (r"\bchange in leadership\b", "leadership change"),
    (r"\bmake an appeal for, request, or suggest sharing of intelligence\.?", "appeal for intelligence sharing"),
    (r"\bexpress common understanding, agreement, or accord\b", "express common understanding"),
    (r"\(non-mediation\)|\(not mediation\)", ""),
    (r"\bweapons of mass destruction\b", "WMD"),
    (r"\bradiologicalweapons\b", "radiological weapons"),
    (r"['\u2018\u2019\u201c\u201d]", ""),  # quotes around "third" (044)
    (r"^request$", "demand"),
    (r"\bperson\(s\)", "persons"),
    (r"\s*\([^)]*\)", ""),
    (r"^agree to engage in ", "intend to engage in "),
    (r"\binstitutions, regime\b", "regime"),
    (r"\bchange in policy\b", "policy change"),
    (r"\brestrictions on freedoms of speech and expression\b", "restrictions on free speech"),
    (r"\s+", " "),
]
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
# Roots' names: the Goldstein table's upper-case names, except where 1.1b3 words it differently.
ROOT_NAMES = {"20": "Use Unconventional Mass Violence"}


def title_case(text: str) -> str:
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if (i and word in SMALL_WORDS) or (word.isupper() and len(word) > 1):  # small words; acronyms (WMD)
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def short_name(description: str) -> str:
    text = description.strip().lower().rstrip(".")
    for pattern, repl in NAME_REWRITES:
        text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    text = text.strip(" ,")
    return title_case(text.replace("wmd", "WMD"))


def read_goldstein(path: Path) -> dict[str, tuple[str, float]]:
    rows: dict[str, tuple[str, float]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].strip().isdigit():
            continue
        # one row has a corrupt name ("Ease military blocka[-2.0"), the value column is still sound
        rows[parts[0].strip()] = (parts[1].strip(), float(parts[2]))
    return rows


@dataclass
class PloverRow:
    type: str
    mode: str
    context: str
    name: str


def read_plover(path: Path) -> dict[str, PloverRow]:
    """CAMEO code -> PLOVER row. Root lines ("03: AGREE") carry only a type; the first line of a code wins (175
    is listed twice with the same mapping)."""
    rows: dict[str, PloverRow] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\d{2,4}):\s*(.*)$", line)
        if not match or match.group(1) in rows:
            continue
        body, _, comment = match.group(2).partition("#")
        fields = [f.strip() for f in body.split(",")] + ["", ""]
        context = ";".join(c.strip() for c in fields[2].split(";") if c.strip())
        rows[match.group(1)] = PloverRow(fields[0], fields[1].replace(" ", ""), context, comment.strip())
    return rows


def verb_dictionary_codes(path: Path) -> set[str]:
    return set(re.findall(r"\[(\d{2,4})\]", path.read_text(encoding="utf-8", errors="replace")))


def quadclass(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def parent_of(code: str) -> str | None:
    return None if len(code) == 2 else code[:3] if len(code) == 4 else code[:2]


def goldstein_by_meaning(gold: dict[str, tuple[str, float]]) -> dict[str, float]:
    values: dict[str, float] = {}
    for code, (_, value) in gold.items():
        if code in OLD_NUMBERS:
            values[OLD_NUMBERS[code]] = value
        elif code not in STALE_ROWS:
            values.setdefault(code, value)
    return values


def cameo_codes(gold: dict, plover: dict[str, PloverRow], extra_needed: set[str]) -> list[str]:
    codes = {c for c in plover if len(c) > 2 or c in gold}
    codes |= {c for c in gold if c[:2] in PLOVER_DROPPED_ROOTS}
    codes |= {f"{r:02d}" for r in range(1, 21)}
    codes |= set(EXTRA_CODES)
    missing = sorted(extra_needed - codes)
    if missing:
        raise SystemExit(f"the verb dictionary uses CAMEO codes with no source row: {missing}")
    return sorted(codes, key=lambda c: (c[:2], c.ljust(4, " ")))


def cameo_name(code: str, gold: dict, plover: dict[str, PloverRow]) -> str:
    if len(code) == 2:
        return ROOT_NAMES.get(code) or title_case(gold[code][0].lower())
    if code in EXTRA_CODES:
        return EXTRA_CODES[code]
    if code in plover and plover[code].name:
        return short_name(plover[code].name)
    return short_name(gold[code][0])


def plover_mapping(code: str, plover: dict[str, PloverRow]) -> tuple[str, str, str]:
    """A code's own PLOVER row; a root, or a code the table lacks, takes its general ("x0") code's type, which is
    the manual's rule for codes below the cue category. Roots 01/02 have none: PLOVER drops them."""
    if code in plover and len(code) > 2:
        row = plover[code]
        return row.type, row.mode, row.context
    if code[:2] in PLOVER_DROPPED_ROOTS:
        return "", "", ""
    general = plover.get(code[:2] + "0")
    return (general.type if general else plover[code[:2]].type), "", ""


def build_cameo(refs: Path) -> list[list[str]]:
    gold = read_goldstein(refs / GOLDSTEIN)
    plover = read_plover(refs / PLOVER)
    values = goldstein_by_meaning(gold)
    rows = []
    for code in cameo_codes(gold, plover, verb_dictionary_codes(refs / VERBS)):
        value, up = values.get(code), parent_of(code)
        while value is None and up is not None:  # no row of the same meaning: inherit the nearest ancestor's
            value, up = values.get(up), parent_of(up)
        rows.append([code, cameo_name(code, gold, plover), f"{value:.1f}", str(quadclass(code)),
                     *plover_mapping(code, plover)])
    return rows


# TABARI actor files are read by storyline.reference.dictionaries, the reader the runtime uses too; scripts/tabari.py
# reads each file once per build. parse_code is imported so tests reach it here.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from leaders import SOURCES as LEADER_SOURCES  # noqa: E402
from leaders import build_leaders, canonical_person, is_person  # noqa: E402,F401
from organisations import build_organisations  # noqa: E402
from tabari import Group, parse_actor_file, parse_code, surface  # noqa: E402,F401

# --------------------------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------------------------

# Words that mark an alias as a sub-national region or geographic feature rather than a city.
REGION_WORDS = {"province", "provinces", "region", "state", "district", "county", "governorate", "prefecture",
                "territory", "oblast", "river", "lake", "island", "islands", "mountains", "mountain", "desert",
                "valley", "sea", "gulf", "peninsula", "coast", "falls", "bay", "strait", "plateau", "delta"}
CITY_WORDS = {"city", "ciudad", "port", "ville", "la", "san", "santiago", "de", "del", "south", "north", "east",
              "west", "western", "eastern", "northern", "southern", "central", "upper", "lower", "new"}
DEMONYM_END = re.compile(r"^[a-z'-]+(an|ans|ese|ish|i|is|ots?|ch|men|man|woman|women|er|ers)$")
# Words that make a longer form of a country's name rather than a place in it ("kingdom of cambodia").
STATE_WORDS = {"republic", "kingdom", "federation", "federal", "state", "states", "democratic", "people's",
               "peoples", "popular", "islamic", "socialist", "united", "the", "of", "and", "commonwealth", "union",
               "sultanate", "emirate", "emirates", "principality", "grand", "duchy", "arab", "rep.", "people",
               "independent", "dominion", "kingdom's"}
# The names block runs from a country's first alias to its last name-like alias, across runs of at most this many
# other aliases (native names: Kampuchea, Zhongguo, Druk Yul). Tuned by reading every country's block boundary:
# at 4 China, Japan, Switzerland and Spain lose native names and demonyms; 10 ends every block at its capital.
MAX_NAME_GAP = 10

# Aliases that are everyday English words or names more often meant otherwise in English news; matching them as
# places would code people and things as countries. Chosen by reading the single-word aliases of the built table.
STOP_ALIASES = {
    "us", "u,s,",  # the pronoun; a garbled dictionary form
    "male", "pole", "cork", "tyre", "saga", "moron", "hippo", "kiwi", "phoenix", "providence", "buffalo",  # words
    "charlotte", "austin", "lawrence", "murray", "tara", "soledad", "doris", "columbus", "nasser",  # people
    "jersey", "richmond",  # more often the US state / other places of the name than the source's
}


def current_country_code(group: Group) -> str | None:
    """The group's country code: a role-less 3-letter code; an open-ended one wins, then the latest."""
    spans = [c for c in group.codes if re.fullmatch(r"[A-Z]{3}", c.code)]
    if not spans:
        return None
    spans.sort(key=lambda c: (c.end is None, c.end or "", c.start or ""))
    return spans[-1].code


def name_like(alias: str, head: str) -> bool:
    """A spelling, longer form or demonym of one name of the country, not a place named after it (Port Sudan,
    Mexico City, South Australia, Luxembourg-Ville are places)."""
    if alias == head:
        return True
    words, head_words = alias.split(), head.split()
    extra = set(words) ^ set(head_words)
    if extra & (REGION_WORDS | CITY_WORDS) and not extra & STATE_WORDS:
        return False
    if f" {head} " in f" {alias} " or f" {alias} " in f" {head} ":
        return True  # a longer or shorter form: "kingdom of cambodia", "great britain"
    if len(words) == 1 and any(_demonym_or_variant(alias, w) for w in head_words):
        return True
    if len(words) == 1 and abs(len(alias) - len(head)) > 2:
        return False
    matcher = difflib.SequenceMatcher(None, alias, head)
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


def _demonym_or_variant(alias: str, word: str) -> bool:
    if len(word) < 4:
        return False
    if re.fullmatch(re.escape(word) + r"[a-z]{1,4}", alias) or (len(alias) >= 4 and word.startswith(alias)):
        return True  # cambodia-n, iraq-is; afghan, thai
    # british, portuguese (a demonym ending, so Chiloe and Porto are not taken for Chile and Portugal)
    close = alias.startswith(word[:4]) and len(word) - 1 <= len(alias) <= len(word) + 4
    return close and bool(DEMONYM_END.search(alias))


def name_flags(head: str, aliases: list[str]) -> list[bool]:
    """Which aliases are names. The first alias always is (the source opens with the demonym or a name); demonym
    endings count near the top (Irish, Spanish, Laotian share little else with the name); otherwise an alias is
    compared with the head and every name found so far (British via Britain via Great Britain)."""
    flags = [False] * len(aliases)
    fresh = [head]  # names not yet compared with the other aliases
    for i, alias in enumerate(aliases[: MAX_NAME_GAP + 1]):
        if i == 0 or (DEMONYM_END.search(alias) and any(alias[:2] == w[:2] for w in head.split())):
            flags[i] = True
            fresh.append(alias)
    while fresh:
        found = [i for i, alias in enumerate(aliases) if not flags[i] and any(name_like(alias, n) for n in fresh)]
        for i in found:
            flags[i] = True
        fresh = [aliases[i] for i in found]
    return flags


def plural_demonym(alias: str, head: str) -> str | None:
    """A singular demonym in -an or -i gets its -s plural when the source lacks it (Afghan -> Afghans)."""
    if " " in alias or alias == head or not re.search(r"(an|i)$", alias):
        return None
    return alias + "s" if any(len(w) >= 4 and (w in alias or w.startswith(alias)) for w in head.split()) else None


def names_block_end(flags: list[bool]) -> int:
    """Index of the last alias in the leading names block: the block opens the list (the source starts with the
    demonym or a name) and runs to the last name-like alias reached across gaps of at most MAX_NAME_GAP."""
    end, gap = -1, 0
    for i, flag in enumerate(flags):
        end, gap = (i, 0) if flag else (end, gap + 1)
        if gap > MAX_NAME_GAP:
            break
    return end


def classify_aliases(head: str, aliases: list[str]) -> list[tuple[str, str]]:
    """(alias, kind) for one country's `+` lines: the names block is 'country', the rest are regions when a region
    word says so, else cities (the source does not tell a city from a province)."""
    end = names_block_end(name_flags(head, aliases))
    out = []
    for i, alias in enumerate(aliases):
        words = set(alias.split())
        if i <= end and not words & (REGION_WORDS | CITY_WORDS) - set(head.split()):
            out.append((alias, "country"))
        elif words & REGION_WORDS:
            out.append((alias, "region"))
        else:
            out.append((alias, "city"))
    return out


def usable_alias(alias: str) -> bool:
    # "(...)" marks a disambiguated dictionary form ("georgia (country)") that never occurs in text
    return bool(alias) and "(" not in alias and alias not in STOP_ALIASES and any(ch.isalpha() for ch in alias)


# Role codes the country file uses besides Phoenix.agents.txt's (unrecognised state, occupation, armed forces).
EXTRA_ROLE_CODES = {"UNR", "OCC", "UAF"}
# Kinakuta is the fictional sultanate that TABARI's test stories use.
FICTIONAL = {"KNT"}
# Display names where the source's head line is a long form, a misspelling or upper-case mangled by title-casing.
NAME_FIXES = {"CIV": "Cote d'Ivoire", "MDG": "Madagascar", "ZAF": "South Africa", "TZA": "Tanzania",
              "BRN": "Brunei", "TMP": "Timor-Leste", "GNB": "Guinea-Bissau", "RUS": "Russia",
              "USA": "United States", "COD": "DR Congo", "KOR": "South Korea", "PRK": "North Korea"}


def country_groups(groups: list[Group]) -> list[tuple[str, Group]]:
    """(iso3, group) with each country's main group (the one with the most aliases) first."""
    found = [(code, g) for g in groups if (code := current_country_code(g)) and code not in FICTIONAL]
    size = {id(g): sum(len(h.aliases) for h in g.heads) for _, g in found}
    return sorted(found, key=lambda pair: -size[id(pair[1])])


def title_name(text: str) -> str:
    return " ".join(w if w in SMALL_WORDS and i else w.capitalize() for i, w in enumerate(text.split()))


def country_candidates(groups: list[Group], role_codes: set[str]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """The first group coded with a country gives its name; later groups with the same code (Iraqi Kurdistan,
    Mayotte for France) are places in it unless their names read as the country's."""
    names: dict[str, str] = {}
    main_heads: dict[str, str] = {}
    rows: list[tuple[str, str, str]] = []  # iso3, kind, alias
    for iso3, group in country_groups(groups):
        first_group = iso3 not in names
        names.setdefault(iso3, title_name(surface(group.heads[0].name)))
        head = surface(group.heads[0].name) if first_group else surface(main_heads[iso3])
        main_heads.setdefault(iso3, group.heads[0].name)
        for h in group.heads:
            name = surface(h.name)
            own = first_group or difflib.SequenceMatcher(None, name, head).ratio() >= 0.8
            rows.append((iso3, "country" if own else "region", name))
            for alias, kind in classify_aliases(head if own else name, [surface(a) for a in h.aliases]):
                kind = kind if own or kind != "country" else "region"
                rows.append((iso3, kind, alias))
                plural = plural_demonym(alias, head) if kind == "country" else None
                if plural:
                    rows.append((iso3, "country", plural))
    rows += territory_rows(groups, set(names), role_codes)
    names.update({k: v for k, v in NAME_FIXES.items() if k in names})
    rows += [(iso3, "country", surface(name)) for iso3, name in names.items()]  # the display name is a name too
    return names, rows


def territory_rows(groups: list[Group], countries: set[str], role_codes: set[str]) -> list[tuple[str, str, str]]:
    """Dependencies coded as their sovereign plus their own code (Guam = USAGUM): regions of the sovereign. A
    six-letter code whose second half is an agent code (AFGMIL) is an institution instead."""
    rows = []
    for group in groups:
        if len(group.codes) != 1 or current_country_code(group):
            continue
        span = group.codes[0]
        parent, own = span.code[:3], span.code[3:]
        if len(span.code) != 6 or span.start or span.end or parent not in countries or own in role_codes:
            continue
        for head in group.heads:
            rows += [(parent, "region", surface(a)) for a in [head.name, *head.aliases]]
    return rows


def resolve_collisions(rows: list[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """One alias, one country. A country-kind reading beats a city or region one (Georgia is the country); an
    alias still claimed by two countries is dropped."""
    by_alias: dict[str, dict[str, str]] = defaultdict(dict)
    rank = {"country": 0, "region": 1, "city": 2}
    for iso3, kind, alias in rows:
        if not usable_alias(alias):
            continue
        seen = by_alias[alias].get(iso3)
        if seen is None or rank[kind] < rank[seen]:
            by_alias[alias][iso3] = kind
    kept, dropped = [], []
    for alias, claims in by_alias.items():
        countries = [iso3 for iso3, kind in claims.items() if kind == "country"]
        if len(claims) == 1:
            (iso3, kind), = claims.items()
        elif len(countries) == 1:
            iso3, kind = countries[0], "country"
        else:
            dropped.append(alias)
            continue
        kept.append((iso3, kind, alias))
    return kept, sorted(dropped)


def build_countries(refs: Path) -> tuple[list[list[str]], dict]:
    agents = (refs / AGENTS).read_text(encoding="utf-8", errors="replace")
    role_codes = set(re.findall(r"\[~([A-Z]{3})\]", agents)) | EXTRA_ROLE_CODES
    names, rows = country_candidates(parse_actor_file(refs / COUNTRIES), role_codes)
    kept, dropped = resolve_collisions(rows)
    kept.sort(key=lambda r: (r[0], {"country": 0, "region": 1, "city": 2}[r[1]], r[2]))
    table = [[iso3, names[iso3], kind, alias] for iso3, kind, alias in kept]
    return table, {"countries": len(names), "ambiguous_aliases_dropped": len(dropped)}


# --------------------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------------------

COLUMNS = {
    "cameo.tsv": ["code", "name", "goldstein", "quadclass", "plover_type", "plover_mode", "plover_context"],
    "countries.tsv": ["iso3", "name", "kind", "alias"],
    "leaders.tsv": ["name", "alias", "code", "start", "end"],
    "organisations.tsv": ["name", "alias", "code"],
}
SOURCES = {
    "cameo.tsv": [GOLDSTEIN, PLOVER, VERBS],
    "countries.tsv": [COUNTRIES, AGENTS],
    "leaders.tsv": LEADER_SOURCES,
    "organisations.tsv": [INTERNATIONAL, NONSTATE],
}
VERSION_PATTERNS = [r"PLOVER manual version ([^\n]+)", r"Generated at: ([^\n]+)", r"LAST UPDATE: ([^\n]+)"]


def render(name: str, rows: list[list[str]]) -> str:
    lines = [HEADER, "\t".join(COLUMNS[name])]
    for row in rows:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise ValueError(f"{name}: a cell holds a tab or newline: {row}")
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def source_version(path: Path) -> dict:
    data = path.read_bytes()
    head = data[:20000].decode("utf-8", errors="replace")
    found = next((m.group(1).strip() for p in VERSION_PATTERNS if (m := re.search(p, head))), None)
    return {"version": found, "sha256": hashlib.sha256(data).hexdigest()}


def build_all(refs: Path) -> dict[str, str]:
    cameo = build_cameo(refs)
    countries, country_stats = build_countries(refs)
    leaders, leader_stats = build_leaders(refs, countries)
    orgs, org_stats = build_organisations(refs, INTERNATIONAL, NONSTATE, title_case)
    texts = {"cameo.tsv": render("cameo.tsv", cameo), "countries.tsv": render("countries.tsv", countries),
             "leaders.tsv": render("leaders.tsv", leaders), "organisations.tsv": render("organisations.tsv", orgs)}
    stats = {"cameo.tsv": {"codes": len(cameo)}, "countries.tsv": country_stats, "leaders.tsv": leader_stats,
             "organisations.tsv": org_stats}
    versions = {"format": FORMAT_VERSION, "files": {}}
    for name, text in texts.items():
        versions["files"][name] = {
            "rows": text.count("\n") - 2, "sha256": hashlib.sha256(text.encode()).hexdigest(), **stats[name],
            "sources": {src: source_version(refs / src) for src in SOURCES[name]},
        }
    texts["VERSIONS.json"] = json.dumps(versions, indent=2, sort_keys=True) + "\n"
    return texts


def default_shared() -> Path:
    return Path(os.environ.get("STORYLINE_SHARED") or REPO / ".." / "shared")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared/ folder (default ../shared)")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="where the packaged files live")
    parser.add_argument("--check", action="store_true", help="exit 1 when the packaged files differ from a rebuild")
    args = parser.parse_args(argv)
    refs = args.shared / "references"
    if not refs.is_dir():
        print(f"no references folder at {refs}: pass --shared PATH or set STORYLINE_SHARED", file=sys.stderr)
        return 2
    texts = build_all(refs)
    if args.check:
        stale = [n for n, t in texts.items() if not (args.out / n).is_file() or (args.out / n).read_text() != t]
        for name in stale:
            print(f"{args.out / name} differs from a rebuild: run python scripts/build_data.py", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
