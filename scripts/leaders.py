"""leaders.tsv for scripts/build_data.py: who held which office when, so that the actors stage can code a named
person by the role they hold on the article date.

Two layers, merged (`merge`):
1. PETRARCH2's country actor dictionary: persons with dated codes, frozen in 2015-02 (`petrarch_rows`).
2. Office holders to 2025-01-31 (`office_holders`), our own selection from Peppercat's Wikidata-keyed lists:
   - the head of state and head of government of every country in our country table that Peppercat catalogues
     (a 2023 national catalogue named by a country name of countries.tsv: Scotland, Donetsk or Abkhazia are
     regions there and are left out). Where a governor(-general) represents the monarch (Commonwealth realms,
     dependencies with their own code), the monarch is coded with their own country only, and Andorra's French
     co-prince, ex officio France's president, with France only;
   - the foreign, defence, interior, finance and justice ministers of the 40 most newsworthy countries;
   - Turkmenistan, which Peppercat only lists from 2022, from PLAD's effective-leader spells before that: its
     president is head of state and government, the one case where PLAD's unit is the office we want.
   Every office is a GOV role: the stage needs "in government on that date", not which post.
Where both layers cover a person (same country, same name), the dated newer spells win: the person's PETRARCH
GOV spans lose the days the new spells cover, an open PETRARCH end first closing at the dictionary's freeze date.

Newsworthy (`newsworthy_countries`, in scripts/newsworthy.py; the date and span helpers are in scripts/spans.py):
the countries named in the most documents of ../shared/corpora (the WCEP items 2025-2026 and the Wikinews articles
2019-2021), a document counting once per country, a name being any country-kind alias of countries.tsv matched
longest-first on whole words ("Democratic Republic of the Congo" is DR Congo, not Congo), ties broken by ISO3 code.
The list is recorded in VERSIONS.json.

Licence. What is packaged is facts: that a person held a GOV office of a country from one day to another, with
the names texts use for them. Facts are not copyrightable, and these are Wikidata's (CC0): every Peppercat row is
a Wikidata statement (P39 position held, P580/P582 dates) about a person the source keys by QID, so each packaged
spell can be traced and rebuilt from Wikidata itself. Peppercat's CC BY-NC 4.0 covers its "selection and
arrangement"; we take neither. Our selection is our own rule above (every country's heads, five portfolios of
forty countries ranked from our own corpora; none of the legislators, ambassadors, judges, military chiefs,
deputies, central bankers or sub-national heads that make up most of its lists), and our arrangement is the
storyline TSV (one GOV code per country and person, spells merged across posts, aliases for matching text).
No text or code of any source is copied, and Peppercat is credited in VERSIONS.json all the same. What is left is
a database right (UK/EU) against substantial extraction; should that ever be asserted, the remedy is the same rows
from a Wikidata dump. The QIDs stay in the source and the build: leaders.tsv keeps its five columns. PLAD and
REIGN state no licence: PLAD supplies Turkmenistan's presidents before 2022 (facts, cited), REIGN nothing (it
stops in 2021-03 with month-precise ends, and PLAD covers what it would add). The corpora are read to rank
countries; nothing of their text is packaged. VERSIONS.json says the same per source (LICENCE).

Source quirks handled here. Peppercat's derived file rebuilds 2023-2025 ends from the dates the site stopped
listing a holder; such an end becomes the start of the successor in the same post (for heads: in the same kind of
head office) when one starts within SUCCESSOR_DAYS, as its README advises. Its national catalogues also file some
regional ministers (Quebec, Catalonia, Australian states) under national titles; they come along as GOV, as
PETRARCH codes regional executives, but a holder whose post the 2025 pages do not track ends in 2023-01. Rows of
rival governments (exile or insurgent bodies listed under the state's own titles) are dropped by RIVAL_CLAIMS, a
fact table like build_data.py's NAME_FIXES.
"""
from __future__ import annotations

import calendar
import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsworthy import (  # noqa: F401
    NEWS,
    TOP_COUNTRIES,
    common_words,
    countries_named,
    country_aliases,
    news_texts,
    newsworthy_countries,
)
from spans import Span, iso_day, span_days, subtract, to_date, union  # noqa: F401
from tabari import Group, parse_actor_file, surface

from storyline.reference.names import normalise

PETRARCH_COUNTRIES = "petrarch2_dictionaries/Phoenix.Countries.actors.txt"
PEPPERCAT = "leaders/peppercat/derived/leaders-combined-to-2025-01-31.csv"
PEPPERCAT_TITLES = "leaders/peppercat/derived/leaders-historic-all-2023-01-20.csv"  # enwiki titles, catalogues
PLAD = "leaders/plad/PLAD_April2024_converted.csv"
SOURCES = [PETRARCH_COUNTRIES, PEPPERCAT, PEPPERCAT_TITLES, PLAD, *NEWS]
LICENCE = {
    PETRARCH_COUNTRIES: "PETRARCH2 dictionaries (MIT): persons and dated codes, re-expressed in our format",
    PEPPERCAT: "Peppercat (Tony Bowden), CC BY-NC 4.0 for its selection and arrangement: we package facts only "
               "(who held which office from when to when; in the source each is a Wikidata CC0 statement keyed "
               "by QID, QIDs not packaged) in our own selection and arrangement (see scripts/leaders.py); credited",
    PEPPERCAT_TITLES: "English Wikipedia titles of the same persons, used as name aliases (facts)",
    PLAD: "PLAD April 2024 (Bomprezzi et al.), no licence stated: Turkmenistan's presidents only (facts); cite "
          "Bomprezzi et al. (2024), CEPR DP 18878",
    NEWS[0]: "not packaged: read to rank countries by mentions (Wikipedia Current Events, CC BY-SA 4.0)",
    NEWS[1]: "not packaged: read to rank countries by mentions (Wikinews, CC BY 2.5)",
}

SUCCESSOR_DAYS = 45
SHORT_PIECE_DAYS = 31   # a PETRARCH span cut down below this by a dated spell is a disagreement about a date
PEPPERCAT_SNAPSHOT = "2023-01-20"  # rows last seen on this date, that the 2025 pages no longer list, ended by then

Row = tuple[str, str, str, str, str]   # name, alias, code, start, end

# --------------------------------------------------------------------------------------------------------------
# PETRARCH
# --------------------------------------------------------------------------------------------------------------

# Leading honorifics left out of a canonical name, so "Samdech Hun Sen" and "Hun Sen" are one person.
TITLES = {"prince", "princess", "king", "queen", "samdech", "sheikh", "shaikh", "sheik", "emir", "amir",
          "sultan", "president", "premier", "general", "gen.", "dr.", "dr", "sir", "lord", "lady", "crown",
          "prime", "minister", "marshal", "colonel", "col.", "ayatollah", "mr.", "mrs.", "ms."}
# Dated entries that are organisations, not persons (the file dates a few parties and agencies).
ORG_WORDS = {"movement", "party", "army", "front", "council", "ministry", "government", "assembly", "forces",
             "authority", "administration", "union", "congress", "committee", "alliance", "brigade",
             "brigades", "league", "department", "agency", "kurdistan", "republic", "federation", "state",
             "kingdom", "police", "guard", "parliament", "court", "commission", "office", "regime", "junta"}


def canonical_person(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in words)


def _country_code(group: Group) -> bool:
    return any(re.fullmatch(r"[A-Z]{3}", c.code) for c in group.codes)


def is_person(group: Group) -> bool:
    if not any(c.start or c.end for c in group.codes) or _country_code(group):
        return False
    return not any(set(surface(h.name).split()) & ORG_WORDS for h in group.heads)


def petrarch_rows(refs: Path) -> tuple[list[Row], dict]:
    groups = parse_actor_file(refs / PETRARCH_COUNTRIES)
    rows: set[Row] = set()
    persons = 0
    for group in groups:
        if not is_person(group):
            continue
        persons += 1
        name = canonical_person(surface(group.heads[0].name))
        aliases = {surface(a) for h in group.heads for a in [h.name, *h.aliases]}
        spans = {(c.code, c.start or "", c.end or "") for c in group.codes if c.code != "---"}
        rows |= {(name, alias, *span) for alias in aliases if alias for span in spans}
    bad = sum(g.bad_dates for g in groups)
    return sorted(rows), {"petrarch_persons": persons, "spans_with_bad_dates_dropped": bad}


# --------------------------------------------------------------------------------------------------------------
# Which offices
# --------------------------------------------------------------------------------------------------------------

# Catalogue names our country table spells otherwise (Eswatini and North Macedonia were renamed after 2015).
CATALOG_CODES = {"Congo-Kinshasa": "COD", "Ivory Coast": "CIV", "Eswatini": "SWZ", "North Macedonia": "MKD"}
HEAD_OF_STATE = {
    "president", "king", "queen", "monarch", "emir", "sultan", "emperor", "prince", "grand duke", "supreme leader",
    "governor-general", "governor general", "governor", "captain regent", "episcopal co-prince", "o le ao o le malo",
    "chairman of the presidency", "chairman of the presidential council", "chairman of the sovereignty council",
    "chairman of the state administration council", "chairman of the transitional military council",
}
# "Governor" is the crown's representative in a dependency with its own code (Aruba, Bermuda): the 2023 national
# catalogues use the bare word for nothing else. Collective heads of state: Bosnia's presidency, Switzerland's
# Federal Council, Sudan's and Haiti's councils.
COLLECTIVE_HEAD = re.compile(r"member of the (presidency|federal council|transitional presidential council|"
                             r"sovereignty council|transitional military council)$")
HEAD_OF_GOVERNMENT = {
    "prime minister", "premier", "chancellor", "federal chancellor", "taoiseach", "premier of the state council",
    "president of the council of ministers", "chairman of the council of ministers",
    "chairman of the cabinet of ministers", "state counsellor", "chief adviser", "chief executive",
    "chief executive officer", "chief minister",
}
# Titles that are a head office in one country only (elsewhere "Minister of State" is a junior minister).
LOCAL_TITLES = {
    "MCO": {"minister of state": "hog"},
    "USA": {"secretary of state": "foreign", "attorney general": "justice"},
    "GBR": {"chancellor of the exchequer": "finance", "lord chancellor": "justice"},
    "AUS": {"attorney-general": "justice", "treasurer": "finance"},
}
DROPPED_TITLES = {"french co-prince"}  # ex officio the President of France
MINISTER = re.compile(r"^(?:federal )?(?:minister|secretary|cabinet secretary) (?:of|for) (?:the )?(.+)$")
PORTFOLIOS = {
    "foreign": re.compile(r"\b(foreign|external)\b(?! trade)|^international relations"),
    "defence": re.compile(r"^(national )?defen[cs]e\b(?! (production|industr|materiel|science|equipment|people))|"
                          r"^armed forces$"),
    "interior": re.compile(r"^(interior|internal affairs|interior affairs|home affairs|internal security|"
                           r"public security|public safety|home department|homeland security)\b"),
    "finance": re.compile(r"financ|treasury|exchequer"),
    "justice": re.compile(r"(?<!social )(?<!juvenile )\bjustice\b(?! reform)|^law\b"),
}
# Rows of rival governments listed under the state's own titles: (QID, start) -> who they are.
RIVAL_CLAIMS = {
    ("Q8023642", "2021-04-16"): "Win Myint as president of Myanmar's exile National Unity Government",
    ("Q22343041", "2021-04-16"): "prime minister of Myanmar's exile National Unity Government",
    ("Q52156087", "2018-04-25"): "head of the Houthi Supreme Political Council in Sanaa",
    ("Q12223068", "2016-10-04"): "prime minister of the Houthi government in Sanaa",
    ("Q128804528", "2024-08-10"): "prime minister of the Houthi government in Sanaa",
    ("Q63285566", "2022-03-03"): "prime minister of the rival Government of National Stability in the east of Libya",
    ("Q19745310", "2015-03-31"): "prime minister of the rival National Salvation Government in Tripoli",
    ("Q19745310", "2016-10-14"): "prime minister of the rival National Salvation Government in Tripoli",
    ("Q17613400", "2014-09-06"): "prime minister of the rival National Salvation Government in Tripoli",
    ("Q2829007", "2015-07-29"): "leader of the Taliban insurgency",
    ("Q24237654", "2016-05-25"): "leader of the Taliban insurgency (in power from 2021-08-15)",
}


def office_kind(position: str, catalog: str, iso3: str, top: set[str]) -> str | None:
    """hos, hog or a portfolio for an office title, None for offices outside our selection."""
    title, suffix = normalise(position), f" of {normalise(catalog)}"
    title = title[: -len(suffix)] if title.endswith(suffix) else title  # "Prime Minister of Montenegro"
    gloss = re.fullmatch(r".+ \((king|monarch|president|prime minister)\)", title)
    title = gloss.group(1) if gloss else title
    if re.search(r"\([a-z]{2,5}\)$", title) or title in DROPPED_TITLES:
        return None  # "(SPC)", "(PLC)": the post in one of Yemen's rival governments
    local = LOCAL_TITLES.get(iso3, {}).get(title)
    if local in ("hos", "hog") or (local and iso3 in top):
        return local
    if title in HEAD_OF_STATE or COLLECTIVE_HEAD.search(title):
        return "hos"
    if title in HEAD_OF_GOVERNMENT:
        return "hog"
    return minister_portfolio(title, iso3) if iso3 in top else None


def minister_portfolio(title: str, iso3: str) -> str | None:
    if title.startswith("minister of state") or (title.startswith("secretary of state") and iso3 != "GBR"):
        return None  # junior ranks, bar the UK's cabinet secretaries of state
    match = MINISTER.match(re.sub(r"^secretary of state for ", "secretary for ", title))
    if not match or re.search(r"home front|space", match.group(1)):
        return None
    return next((kind for kind, pattern in PORTFOLIOS.items() if pattern.search(match.group(1))), None)


# --------------------------------------------------------------------------------------------------------------
# Office holders
# --------------------------------------------------------------------------------------------------------------

@dataclass
class Holding:
    iso3: str
    key: str        # Wikidata QID, or the country and folded name when the source has none
    name: str
    kind: str
    position: str
    start: str
    end: str
    end_source: str


@dataclass
class Person:
    key: str
    name: str
    titles: set[str] = field(default_factory=set)          # other labels, English Wikipedia titles
    spans: dict[str, list[Span]] = field(default_factory=dict)  # iso3 -> merged spells


def _clean(text: str) -> str:
    return " ".join(text.split())


def catalog_countries(countries: list[list[str]], national: set[str]) -> dict[str, str]:
    """Folded catalogue name -> ISO3: a 2023 national catalogue named by a country name of our table, or a later one
    named by a country's display name (the 2025 pages add US and Indian states, and "Washington" is a country name
    of the United States in our table)."""
    aliases, names = country_aliases(countries), {normalise(name): iso3 for iso3, name, _, _ in countries}
    codes = {normalise(c): CATALOG_CODES.get(c) or aliases.get(normalise(c)) for c in national}
    return {**names, **{c: iso3 for c, iso3 in codes.items() if iso3}}


def read_holdings(refs: Path, catalogs: dict[str, str], top: set[str]) -> tuple[list[Holding], Counter]:
    dropped: Counter = Counter()
    out = []
    with (refs / PEPPERCAT).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            iso3 = catalogs.get(normalise(row["catalog"]))
            kind = office_kind(row["position"], row["catalog"], iso3, top) if iso3 else None
            if not iso3 or not kind:
                continue
            start, end = iso_day(row["start"], end=False), iso_day(row["end"], end=True) if row["end"] else ""
            if (row["personID"], row["start"]) in RIVAL_CLAIMS:
                dropped["rival_claims_dropped"] += 1
            elif start is None or end is None or (end and end < start):
                dropped["undated_rows_dropped"] += 1
            elif not re.search(r"[A-Za-z]", row["person"]):
                dropped["rows_without_latin_name_dropped"] += 1  # no English label: never matched in our texts
            else:
                key = row["personID"] or f"{iso3}:{normalise(row['person'])}"
                out.append(Holding(iso3, key, _clean(row["person"]), kind, row["position"], start, end,
                                   row["end_source"]))
    return out, dropped


def fix_ends(holdings: list[Holding]) -> None:
    """An end the site's history only approximates becomes the successor's start. A holder open in 2023-01 whom
    the 2025 pages do not list, or whose post they do not track (regional ministers filed under national titles),
    ends with the 2023 snapshot: the source knows nothing of them after it."""
    by_country: dict[str, list[Holding]] = defaultdict(list)
    for h in holdings:
        by_country[h.iso3].append(h)
    for h in holdings:
        if "html-removal-approx" in h.end_source and h.end:
            h.end = successor_start(h, by_country[h.iso3]) or h.end
        elif not h.end and re.search(r"not-on-html-page-by|position-not-tracked-on-html", h.end_source):
            h.end = PEPPERCAT_SNAPSHOT


def successor_start(h: Holding, others: list[Holding]) -> str | None:
    """The start nearest h's approximate end, of another person in the same post, or for a head in the same kind
    of head office (Bangladesh's Chief Adviser after its Prime Minister), within SUCCESSOR_DAYS."""
    def near(other: Holding, same_post: bool) -> bool:
        post = other.position == h.position if same_post else other.kind == h.kind
        return (post and other.key != h.key and other.start > h.start
                and abs((to_date(other.start) - to_date(h.end)).days) <= SUCCESSOR_DAYS)
    for same_post in (True, False) if h.kind in ("hos", "hog") else (True,):
        found = [o.start for o in others if near(o, same_post)]
        if found:
            return min(found, key=lambda s: abs((to_date(s) - to_date(h.end)).days))
    return None


def personal_union(holdings: list[Holding]) -> list[Holding]:
    """Where a governor(-general) represents the monarch, the monarch reigns from elsewhere (the Commonwealth
    realms, the dependencies): the governor is the country's head of state in our table, the monarch is not."""
    representatives, monarchs = {"governor-general", "governor general", "governor"}, {"monarch", "king", "queen"}
    represented = {h.iso3 for h in holdings if normalise(h.position) in representatives}
    return [h for h in holdings if not (h.iso3 in represented and normalise(h.position) in monarchs)]


def plad_holdings(refs: Path, countries: list[list[str]], holdings: list[Holding]) -> list[Holding]:
    """PLAD's effective leaders for the years before Peppercat's first spell in a country that only its 2023-2025
    pages list (Turkmenistan), from 2000 on like Peppercat's lists, where PLAD's COW-style acronym is the ISO3
    code; PLAD's 2023-12-31 censoring date is an open end."""
    historic = {h.iso3 for h in holdings if not h.end_source.startswith("html-new")}
    first = {h.iso3: h.start for h in sorted(holdings, key=lambda h: h.start, reverse=True)}
    wanted = {iso3 for iso3, _, kind, _ in countries if kind == "country"} - historic
    out = []
    with (refs / PLAD).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["idacr"] not in wanted:
                continue
            start, end = _plad_day(row["startdate"]), _plad_day(row["enddate"])
            end = "" if row["exit"] == "Still in Office" else end
            if (end and end < "2000-01-01") or start >= first.get(row["idacr"], "9999"):
                continue
            key = f"{row['idacr']}:{normalise(row['leader'])}"
            out += [Holding(row["idacr"], key, _clean(row["leader"]), kind, "effective leader", start, end, "plad")
                    for kind in ("hos", "hog")]
    return out


def _plad_day(text: str) -> str:
    return date(int(text[5:]), list(calendar.month_abbr).index(text[2:5].title()), int(text[:2])).isoformat()


def read_historic(refs: Path) -> tuple[dict[str, set[str]], set[str]]:
    """From the 2023 lists: QID -> English Wikipedia titles (without a "(politician)" qualifier) that differ from
    the label, and the national catalogues' names."""
    titles: dict[str, set[str]] = defaultdict(set)
    catalogs = set()
    with (refs / PEPPERCAT_TITLES).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            catalogs.add(row["catalog"])
            title = _clean(re.sub(r"\s*\([^)]*\)$", "", row["enwiki"]))
            if row["personID"] and title and title != row["person"]:
                titles[row["personID"]].add(title)
    return titles, catalogs


def persons_from(holdings: list[Holding], titles: dict[str, set[str]]) -> list[Person]:
    """One person per QID (a QID-less row joins the QID person of its country with the same name), their posts
    merged into spells per country, named by their latest label; earlier labels and Wikipedia titles are other
    names ("Brice Clotaire Oligui Nguema", "Brice Oligui Nguema")."""
    by_name = {f"{h.iso3}:{normalise(h.name)}": h.key for h in holdings if not h.key.startswith(h.iso3 + ":")}
    spans: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    labels: dict[str, dict[str, str]] = defaultdict(dict)  # key -> label -> latest start under it
    for h in holdings:
        key = by_name.get(h.key, h.key)
        labels[key][h.name] = max(labels[key].get(h.name, ""), h.start)
        spans[key][h.iso3].append((h.start, h.end))
    persons = []
    for key, per in sorted(spans.items()):
        name = max(labels[key], key=lambda label: (labels[key][label], label))
        others = (set(labels[key]) | titles.get(key, set())) - {name}
        persons.append(Person(key, name, others, {c: union(s) for c, s in per.items()}))
    return persons


# --------------------------------------------------------------------------------------------------------------
# Aliases
# --------------------------------------------------------------------------------------------------------------

# Naming conventions where the last word is not the name used alone: family name first ("Xi Jinping" is Xi,
# "Yoon Suk-yeol" Yoon), no family name (Ethiopians and Eritreans by their own name, Thais by their given name:
# Abiy, Isaias, Prayut), or no part used alone (Burmese: Min Aung Hlaing).
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "KOR", "PRK", "KHM"}
GIVEN_NAME = {"ETH", "ERI", "THA"}
WHOLE_NAME = {"MMR"}
PARTICLES = {"bin", "ibn", "bint", "al", "el", "ben", "abu", "van", "von", "de", "da", "di", "du", "der", "den",
             "la", "le", "dos", "das", "del", "y", "mac"}
# Generational suffixes and regnal numbers ("Frederik X", "Mohammed VI") are no name.
SUFFIXES = {"jr.", "jr", "sr.", "sr"} | {roman for roman in ("i ii iii iv v vi vii viii ix x xi xii".split())}
COMMON_SURNAME = 5  # a surname that many of our office holders bear ("kim", "ali", "khan") names nobody alone


def surname(name: str, iso3s: Iterable[str]) -> str | None:
    """The name a text uses alone: the family name, with its particles ("von der leyen", "bin salman"); initials
    ("CY", "F.") and regnal numbers are no part of it."""
    words = [normalise(w).strip(",") for w in name.split() if not re.fullmatch(r"[A-Z]{1,3}\.?|[a-z]\.", w)]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    countries = set(iso3s)
    if len(words) < 2 or countries & WHOLE_NAME:
        return None
    if countries & (FAMILY_NAME_FIRST | GIVEN_NAME):
        return words[0]
    i = len(words) - 1
    while i > 1 and words[i - 1] in PARTICLES:
        i -= 1
    return " ".join(words[i:])


def _overlap(a: list[Span], b: list[Span]) -> bool:
    return any((not s2 or not e1 or s2 <= e1) and (not s1 or not e2 or s1 <= e2) for s1, e1 in a for s2, e2 in b)


def surname_aliases(persons: list[Person], avoid: set[str]) -> dict[tuple[str, str], str]:
    """(key, iso3) -> surname, where no other office holder of that country in office at an overlapping time bears
    the word in their name, fewer than COMMON_SURNAME holders bear it as their surname, and it is no country name
    or common word; three letters at least, bar family names first ("Xi"). Holders of different countries may
    share one ("Johnson"): the date and the dated-first order sort them out at run time."""
    bearers: dict[tuple[str, str], list[Person]] = defaultdict(list)
    surnames: Counter = Counter()
    for p in persons:
        for iso3 in p.spans:
            own = surname(p.name, [iso3])
            surnames[own] += 1
            for word in set(normalise(p.name).split()) | {own or ""}:
                bearers[(iso3, word)].append(p)
    out = {}
    for p in persons:
        for iso3, spells in p.spans.items():
            alias = surname(p.name, [iso3])
            if not alias or alias in avoid or surnames[alias] >= COMMON_SURNAME or not re.search(r"[a-z]", alias):
                continue
            if len(alias) < 3 and iso3 not in FAMILY_NAME_FIRST:
                continue
            if all(q is p or not _overlap(q.spans[iso3], spells) for q in bearers[(iso3, alias)]):
                out[(p.key, iso3)] = alias
    return out


def name_aliases(name: str) -> set[str]:
    """A name as text writes it: folded, and with its hyphens as spaces ("kim jong-un", "kim jong un")."""
    folded = normalise(name)
    return {folded, folded.replace("-", " ")} if folded else set()


# --------------------------------------------------------------------------------------------------------------
# Merge
# --------------------------------------------------------------------------------------------------------------

def _petrarch_index(rows: list[Row]) -> dict[str, dict[str, set[str]]]:
    """iso3 -> alias (and folded canonical name) -> the PETRARCH names coded with that country."""
    index: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name, alias, code, _, _ in rows:
        index[code[:3]][alias].add(name)
        index[code[:3]][normalise(name)].add(name)
    return index


def petrarch_match(person: Person, iso3: str, index: dict[str, dict[str, set[str]]]) -> str | None:
    """The PETRARCH person of the same country with the same name: exactly (or by Wikipedia title), else the only
    one whose name holds this name's first and last words in order ("nawaz sharif" in "mohammad nawaz sharif")."""
    aliases = index.get(iso3, {})
    for name in [person.name, *sorted(person.titles)]:
        found = aliases.get(normalise(name))
        if found and len(found) == 1:
            return next(iter(found))
    words = normalise(person.name).split()
    if len(words) < 2:
        return None
    pattern = re.compile(rf"(^| ){re.escape(words[0])} (.+ )?{re.escape(words[-1])}($| )")
    loose = {n for alias, names in aliases.items() if words[-1] in alias and pattern.search(alias) for n in names}
    return next(iter(loose)) if len(loose) == 1 else None


def clip_petrarch(rows: list[Row], covered: dict[tuple[str, str], list[Span]], freeze: str) -> tuple[list[Row], int]:
    """The newer, dated source wins where it covers a person: their PETRARCH GOV spans in that country lose the
    days the new spells cover, an open end first closing at the dictionary's freeze date (open there meant "in
    office when the dictionary was made")."""
    out, clipped = [], 0
    for name, alias, code, start, end in rows:
        spells = covered.get((name, code[:3]))
        if not spells or code[3:6] != "GOV":
            out.append((name, alias, code, start, end))
            continue
        span = (start, end or max(start, freeze))
        pieces = subtract(span, spells)
        pieces = [p for p in pieces if p == span or span_days(p) >= SHORT_PIECE_DAYS]
        clipped += pieces != [(start, end)]
        out += [(name, alias, code, s, e) for s, e in pieces]
    return out, clipped


def freeze_date(rows: list[Row]) -> str:
    return max(day for row in rows for day in row[3:] if day)


def merge(petrarch: list[Row], persons: list[Person], surnames: dict[tuple[str, str], str]) -> tuple[list[Row], dict]:
    index = _petrarch_index(petrarch)
    aliases_of: dict[str, set[str]] = defaultdict(set)
    for name, alias, *_ in petrarch:
        aliases_of[name].add(alias)
    covered: dict[tuple[str, str], list[Span]] = {}
    rows: set[Row] = set()
    matched = 0
    for person in persons:
        for iso3, spells in person.spans.items():
            name = petrarch_match(person, iso3, index)
            matched += name is not None
            name = name or person.name
            covered[(name, iso3)] = union([*covered.get((name, iso3), []), *spells])
            aliases = {*name_aliases(person.name), *name_aliases(name), *aliases_of[name]}
            aliases |= {a for t in person.titles for a in name_aliases(t)}
            aliases |= {surnames[(person.key, iso3)]} if (person.key, iso3) in surnames else set()
            rows |= {(name, alias, iso3 + "GOV", s, e) for alias in aliases if alias for s, e in spells}
    kept, clipped = clip_petrarch(petrarch, covered, freeze_date(petrarch))
    return sorted(rows | set(kept)), {"matched_to_petrarch": matched, "petrarch_rows_clipped": clipped}


# --------------------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------------------

def office_holders(refs: Path, countries: list[list[str]], top: set[str]) -> tuple[list[Person], dict]:
    titles, national = read_historic(refs)
    holdings, dropped = read_holdings(refs, catalog_countries(countries, national), top)
    fix_ends(holdings)
    holdings = personal_union(holdings)
    holdings += plad_holdings(refs, countries, holdings)
    persons = persons_from(holdings, titles)
    return persons, {**dropped, "office_holders": len(persons),
                     "office_holder_countries": len({h.iso3 for h in holdings}),
                     "countries_from_plad": sorted({h.iso3 for h in holdings if h.end_source == "plad"})}


def build_leaders(refs: Path, countries: list[list[str]]) -> tuple[list[list[str]], dict]:
    petrarch, stats = petrarch_rows(refs)
    texts = list(news_texts(refs))
    aliases = country_aliases(countries)
    top = newsworthy_countries(texts, aliases)
    persons, holder_stats = office_holders(refs, countries, set(top))
    surnames = surname_aliases(persons, set(aliases) | common_words(texts))
    rows, merge_stats = merge(petrarch, persons, surnames)
    stats.update(holder_stats, **merge_stats, surname_aliases=len(surnames), newsworthy_countries=top,
                 petrarch_rows=len(petrarch), licence=LICENCE)
    return [list(r) for r in rows], stats
