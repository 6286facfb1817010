"""Users' own actor dictionaries: PETRARCH/TABARI `.actors` and `.agents` files, and a plain CSV/YAML format.

This is the one reader of the PETRARCH/TABARI actor format: the actors stage and the evaluation use it through
`ActorDictionary.load`, and scripts/build_data.py (through scripts/tabari.py) builds the packaged leaders and
organisations tables from the Phoenix files with `read_actor_groups` and `parse_code`.

PETRARCH/TABARI actor files: name lines (`_` stands for a space; a trailing `_`, TABARI's "no stemming" mark, is
dropped when matching, which is always on whole words); `+NAME` lines add synonyms to the name above; codes sit in
brackets on the name line or on indented lines below it. Name lines with no code of their own share the next code
block, blank and comment lines in between notwithstanding (PETRARCH 1's reader keeps one code slot open until codes
arrive, and the Phoenix files list a person's several names above one block). Once a bracket has been seen, even
an unreadable one, the next name line starts a new entry, so a typo in one date does not hand the next entry's
names and codes to this one (David Cameron's `[GBRGOV >201005011]` in Phoenix.Countries did). `#` starts a comment
outside brackets, `<!-- ... -->` blocks are comments, `{PLURAL}` adds a plural form (`{}` the regular one).

Date restrictions, as read here:
- `[CODE]` has no date; `[CODE <D]` holds up to and including day D; `[CODE >D]` from D on, D included;
  `[CODE D-E]` from D through E, both included; a bare `[CODE D]` (two in the Phoenix files: a government's first
  day, "entered Foreign Service") from D on. Spaces inside the restriction are ignored ("HOB < 950601").
- D is YYMMDD or YYYYMMDD; two-digit years 00-30 are 2000-2030 and 31-99 are 1931-1999. Other lengths, days that
  do not exist and ranges that end before they start are refused (reported, the code dropped), not guessed at.
- The dated codes are tried in file order and the first that covers the day wins (the validation file relies on
  it: its ORCHOB range "should override the next restriction"); an undated code is the default when none does.

Why, from the openeventdata/petrarch2 repository on GitHub (read, not copied):
- petrarch2/PETRreader.py, `dstr_to_ordate`: a date string longer than seven characters is YYYYMMDD, a shorter
  one YYMMDD whose year is 20YY when YY <= 30 and 19YY otherwise ("for consistency with KEDS and TABARI").
  PETRARCH2's `read_actor_dictionary` keeps the restriction strings as written; it does not interpret them.
- petrarch2/PETRtree.py, `NounPhrase.check_date`, interprets them: `<D` holds strictly before D, `>D` on or after
  D, `D-E` from D up to but not including E; the codes are tried in file order and an undated one matches any day.
- The same repository's docs/source/dictionaries.rst says the opposite for `<` and for range ends: "The limits of
  the date restrictions are interpreted as 'or equal to'", and a name line's own code is the default used when no
  restriction holds. PETRARCH 1's `get_actor_code` (petrarch/petrarch.py there) does exactly that: day <= D,
  day >= D, D <= day <= E, dated codes first, then the undated one.
- The PETRARCH2 unit-test records (PETR.UnitTest.records.xml with PETR.Validate.actors.txt, in ../shared) side
  with the documentation: DATE-11 codes Sam Gamgee on 2010-01-12, the last day of [ORCHOB 20100109-20100112], as
  ORCHOB, and DATE-04 expects a dated code to beat the name line's own [HOB]; `check_date` as written would give
  HOBMIL and HOB.
So every limit is inclusive here, as documented and as PETRARCH 1 and the test records have it; PETRARCH2's code
departs from that for `<` (exclusive) and for the last day of a range (exclusive). The pivot is PETRARCH's.

Agent files: `PHRASE {PLURAL} [~ROLE]` where `~ROLE` appends the role to the country code (KHM + GOV) and `ROLE~`
puts it first (NGO + KHM); `!SET! = A, B` defines a substitution set used as `CONGRESS!PERSON!`; `{}` asks for the
regular plural. Regular plurals are added for every agent phrase, as PETRARCH does.

User files (.csv with a header, or .yaml/.yml as a list of mappings): `name,code,aliases,start,end`; aliases are
separated by `;`, dates are ISO days (inclusive, either may be empty); several rows with one name give it
several date-bounded codes.
"""
from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

NULL_CODES = {"---", "+++", "###"}         # known names that are deliberately not coded
YY_PIVOT = 30                              # two-digit years up to this one are 20xx, later ones 19xx


class CodeSpan(NamedTuple):
    """One bracketed code and the days it covers: ISO days, both ends inclusive; None = open."""
    code: str
    start: str | None = None
    end: str | None = None


Code = CodeSpan


@dataclass
class DictActor:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)

    def code_on(self, on: str | None) -> str | None:
        """The first dated code covering `on`, else the first undated code, else (no date given) the last code."""
        for code, start, end in self.codes:
            if on and (start or end) and (start or "") <= on <= (end or "9999"):
                return code
        undated = [c for c, s, e in self.codes if s is None and e is None]
        if undated:
            return undated[0]
        return self.codes[-1][0] if self.codes and on is None else None


@dataclass(frozen=True)
class DictAgent:
    phrase: str
    role_code: str
    prefix: bool = True   # True for `[~ROLE]`: the country code comes first and the role is appended

    def apply(self, actor_code: str) -> str:
        return actor_code + self.role_code if self.prefix else self.role_code + actor_code


@dataclass(frozen=True)
class DictMatch:
    start: int                # word index of the matched name in the phrase
    end: int
    actor: DictActor
    code: str | None          # the code on the date asked, with the agent's role applied; None for null codes
    agent: DictAgent | None = None


# Lines and dates ------------------------------------------------------------------------------------------------

_BRACKET = re.compile(r"\[([^\]]*)\]")
_PLURAL = re.compile(r"\{([^}]*)\}")
_DATE = re.compile(r"\d{6}|\d{8}")
# Any run of digits, so that parse_date can say what is wrong with a date of the wrong length
_BOUND = re.compile(r"([<>]?)(\d+)")      # "<D", ">D" or a bare "D"
_RANGE = re.compile(r"(\d+)-(\d+)")


def _split_comment(line: str) -> tuple[str, str]:
    """The text and the `#` comment of a line; a `#` inside brackets belongs to a code."""
    depth = 0
    for i, ch in enumerate(line):
        depth += ch == "["
        depth -= ch == "]" and depth > 0
        if ch == "#" and depth == 0:
            return line[:i], line[i + 1:]
    return line, ""


def _lines(path: Path) -> Iterable[tuple[int, str, str]]:
    """(number, text, comment) for each line with text: `#` and `<!-- -->` comments removed, blank lines dropped.
    The text keeps its indentation, which marks a code line."""
    in_block = False
    for num, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw
        if in_block or line.lstrip().startswith("<!"):
            in_block = "-->" not in line
            line = line.split("-->", 1)[1] if "-->" in line else ""
        text, comment = _split_comment(line)
        if text.strip():
            yield num, text.rstrip(), comment


def parse_date(digits: str) -> str:
    """A YYMMDD or YYYYMMDD date as an ISO day; two-digit years up to YY_PIVOT are 20xx, later ones 19xx."""
    if not _DATE.fullmatch(digits):
        raise ValueError(f"{digits!r} is not YYMMDD or YYYYMMDD")
    if len(digits) == 6:
        digits = ("20" if int(digits[:2]) <= YY_PIVOT else "19") + digits
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()


def _span(when: str) -> tuple[str | None, str | None]:
    """First and last day of a restriction, both inclusive: "<D", ">D", "D-E", "D" or "" (see the docstring)."""
    if not when:
        return None, None
    if m := _RANGE.fullmatch(when):
        start, end = parse_date(m.group(1)), parse_date(m.group(2))
        if end < start:
            raise ValueError("the range ends before it starts")  # a typo in one half; which one is unknown
        return start, end
    if m := _BOUND.fullmatch(when):
        day = parse_date(m.group(2))
        return (None, day) if m.group(1) == "<" else (day, None)
    raise ValueError("expected <D, >D, D-D or D")


def parse_code(block: str) -> CodeSpan:
    """One bracket's inside: "KHMGOV", "HOB <950601", "HOBGOV 19950601 - 19990815", "HOBREB >990816"."""
    parts = block.split(None, 1)
    if not parts:
        raise ValueError("empty code")
    when = re.sub(r"\s+", "", parts[1]) if len(parts) > 1 else ""
    try:
        return CodeSpan(parts[0].upper(), *_span(when))
    except ValueError as exc:
        raise ValueError(f"unreadable date restriction {when!r}: {exc}") from None


def clean_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).upper()


# PETRARCH/TABARI files ------------------------------------------------------------------------------------------

@dataclass
class Head:
    """One name line as written (underscores kept), its comment, and its synonyms and plurals in file order."""
    name: str
    comment: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass
class Group:
    """Name lines that share one code block."""
    heads: list[Head] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    bad_dates: int = 0    # brackets that could not be read: reported and dropped

    @property
    def closed(self) -> bool:
        """A bracket has been seen, readable or not: the next name line starts a new group."""
        return bool(self.codes) or self.bad_dates > 0


def _report(problems: list[str] | None, message: str) -> None:
    if problems is not None:
        problems.append(message)


def _phrase(text: str) -> str:
    """The phrase of a name or `+` line, before any `[code]` or `{plural}`."""
    return re.split(r"[\[{]", text, maxsplit=1)[0].strip()


def _plurals(line: str, phrase: str) -> list[str]:
    return [p.strip() or plural_of(clean_name(phrase)) for p in _PLURAL.findall(line)]


def _add_codes(group: Group, line: str, where: str, problems: list[str] | None) -> None:
    for block in _BRACKET.findall(line):
        try:
            group.codes.append(parse_code(block))
        except ValueError as exc:
            group.bad_dates += 1
            _report(problems, f"{where}: {exc}")


def _is_name_line(text: str) -> bool:
    return not text[:1].isspace() and not text.startswith(("+", "["))


def read_actor_groups(path: Path | str, problems: list[str] | None = None) -> list[Group]:
    """The entries of a PETRARCH/TABARI actors file as written: name lines grouped with the code block they share.
    Lines that cannot be read are reported in `problems` (when given) and skipped."""
    path = Path(path)
    groups: list[Group] = []
    for num, text, comment in _lines(path):
        where, line = f"{path.name}:{num}", text.strip()
        if _is_name_line(text):
            if not groups or groups[-1].closed:
                groups.append(Group())
            groups[-1].heads.append(Head(_phrase(line), comment.strip()))
        elif not groups:
            _report(problems, f"{where}: synonym or code before any name")
            continue
        elif line.startswith("+"):
            groups[-1].heads[-1].aliases.append(_phrase(line[1:]))
        elif "[" not in line:
            _report(problems, f"{where}: an indented line without a code: {line[:60]!r}")
            continue
        head = groups[-1].heads[-1]
        head.aliases += _plurals(line, head.aliases[-1] if line.startswith("+") else head.name)
        _add_codes(groups[-1], line, where, problems)
    return groups


def _actor(group: Group) -> DictActor:
    name, *aliases = [clean_name(n) for h in group.heads for n in [h.name, *h.aliases]]
    return DictActor(name, aliases, list(group.codes))


def load_actor_dictionary(path: Path | str, problems: list[str] | None = None) -> list[DictActor]:
    """Entries of a PETRARCH/TABARI actors file; entries that end up with no code are left out (and reported)."""
    path = Path(path)
    actors = [_actor(g) for g in read_actor_groups(path, problems)]
    for actor in actors:
        if actor.name and not actor.codes:
            _report(problems, f"{path.name}: no code for {actor.name!r}")
    return [a for a in actors if a.name and a.codes]


def plural_of(phrase: str) -> str:
    """Regular English plural of the last word ("CLERIC" -> "CLERICS", "ARMY" -> "ARMIES")."""
    head, _, last = phrase.rpartition(" ")
    if re.search(r"[^AEIOU]Y$", last):
        last = last[:-1] + "IES"
    elif re.search(r"(S|X|Z|CH|SH)$", last):
        last += "ES"
    else:
        last += "S"
    return f"{head} {last}".strip()


_SUBST_DEF = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$", re.I)
_SUBST_USE = re.compile(r"![A-Z]+!", re.I)
_AGENT = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")


def _expand(raw: str, sets: dict[str, list[str]]) -> list[str]:
    pieces = _SUBST_USE.split(raw)
    names = _SUBST_USE.findall(raw)
    choices = [sets.get(n.upper(), [n]) for n in names]
    out = []
    for combo in itertools.product(*choices):
        text = pieces[0] + "".join(c + p for c, p in zip(combo, pieces[1:], strict=True))
        out.append(clean_name(text))
    return out


def load_agent_dictionary(path: Path | str, problems: list[str] | None = None) -> list[DictAgent]:
    """Agents of a PETRARCH agents file, one per phrase after substitution, with regular and given plurals."""
    path = Path(path)
    sets: dict[str, list[str]] = {}
    agents: dict[str, DictAgent] = {}
    for num, line, _ in _lines(path):
        if m := _SUBST_DEF.match(line):
            sets[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT.match(line.strip())
        if not m or "~" not in m.group("code"):
            if problems is not None:
                problems.append(f"{path.name}:{num}: not an agent line: {line.strip()[:60]!r}")
            continue
        code = m.group("code").replace(" ", "").upper()
        prefix = code.startswith("~")
        role = code.strip("~")
        phrases = _expand(m.group("phrase"), sets)
        plural = m.group("plural")
        forms = phrases + [plural_of(p) for p in phrases]
        if plural:
            forms += _expand(plural, sets)
        for form in forms:
            agents.setdefault(form, DictAgent(form, role, prefix))
    return list(agents.values())


# User files -----------------------------------------------------------------------------------------------------

def _user_rows(path: Path) -> list[dict[str, object]]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of actor entries")
    return data


def _iso(value: object) -> str | None:
    text = str(value).strip() if value not in (None, "") else ""
    return dt.date.fromisoformat(text).isoformat() if text else None


def load_user_dictionary(path: Path | str) -> list[DictActor]:
    """Rows `name,code,aliases,start,end` from a .csv (with header) or .yaml/.yml file."""
    path = Path(path)
    by_name: dict[str, DictActor] = {}
    for row in _user_rows(path):
        name = clean_name(str(row.get("name") or ""))
        code = str(row.get("code") or "").strip().upper()
        if not name or not code:
            continue
        actor = by_name.setdefault(name, DictActor(name))
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = aliases.split(";")
        for alias in map(clean_name, map(str, aliases)):
            if alias and alias not in actor.aliases:
                actor.aliases.append(alias)
        actor.codes.append(CodeSpan(code, _iso(row.get("start")), _iso(row.get("end"))))
    return list(by_name.values())


# Lookup ---------------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\s]+")


def words(phrase: str) -> tuple[str, ...]:
    """Upper-case words with outer punctuation and a possessive 's removed; inner dots kept ("U.S.")."""
    out = []
    for raw in _WORD.findall(phrase.upper().replace("’", "'")):
        w = re.sub(r"'S$", "", raw.strip("\"'()[],;:!?"))
        w = w if re.search(r"\w\.\w", w) else w.rstrip(".")
        if w:
            out.append(w)
    return tuple(out)


class ActorDictionary:
    """Names and agent phrases, looked up by longest whole-word match, case-insensitively, on a date."""

    def __init__(self, actors: Iterable[DictActor] = (), agents: Iterable[DictAgent] = ()) -> None:
        self.actors: dict[tuple[str, ...], DictActor] = {}
        self.agents: dict[tuple[str, ...], DictAgent] = {}
        for actor in actors:
            for name in [actor.name, *actor.aliases]:
                self.actors.setdefault(words(name), actor)   # the first entry of a name wins, as in PETRARCH
        for agent in agents:
            self.agents.setdefault(words(agent.phrase), agent)
        self.actors.pop((), None)
        self.agents.pop((), None)

    @classmethod
    def load(cls, *paths: Path | str) -> ActorDictionary:
        """Files by kind: .csv/.yaml/.yml user files, `*agents*` agent files, other text files actor files."""
        actors: list[DictActor] = []
        agents: list[DictAgent] = []
        for p in map(Path, paths):
            if p.suffix.lower() in (".csv", ".yaml", ".yml"):
                actors += load_user_dictionary(p)
            elif "agent" in p.name.lower():
                agents += load_agent_dictionary(p)
            else:
                actors += load_actor_dictionary(p)
        return cls(actors, agents)

    def __len__(self) -> int:
        return len(self.actors)

    @staticmethod
    def _longest(table: dict[tuple[str, ...], object], toks: tuple[str, ...], skip: range = range(0)
                 ) -> tuple[int, int] | None:
        longest = max((len(k) for k in table), default=0)
        best: tuple[int, int] | None = None
        for i in range(len(toks)):
            for j in range(min(len(toks), i + longest), i, -1):
                if any(k in skip for k in range(i, j)):
                    continue
                if toks[i:j] in table and (best is None or j - i > best[1] - best[0]):
                    best = (i, j)
                    break
        return best

    def match(self, phrase: str, on: str | None = None) -> DictMatch | None:
        toks = words(phrase)
        span = self._longest(self.actors, toks)
        if span is None:
            return None
        actor = self.actors[toks[span[0]:span[1]]]
        code = actor.code_on(on)
        code = code.split("/")[0] if code else None   # "A/B" lists several codes; the first is the main one
        agent_span = self._longest(self.agents, toks, skip=range(*span))
        agent = self.agents[toks[agent_span[0]:agent_span[1]]] if agent_span else None
        if code in NULL_CODES:
            code = None
        elif code and agent:
            code = agent.apply(code)
        return DictMatch(span[0], span[1], actor, code, agent)

    def lookup(self, phrase: str, on: str | None = None) -> str | None:
        """The code of the longest name in `phrase` on day `on` (ISO), with an agent's role applied; None if none."""
        found = self.match(phrase, on)
        return found.code if found else None
