"""Users' own actor dictionaries: PETRARCH/TABARI `.actors` and `.agents` files, and a plain CSV/YAML format.

PETRARCH/TABARI actor files: one entry per name line; `_` stands for a space (a trailing `_`, TABARI's "no
stemming" mark, is dropped: matching here is always on whole words); `+NAME` lines add synonyms to the entry above;
codes sit in brackets on the name line or on indented lines below it: `[CODE]`, `[CODE <YYMMDD]` (before),
`[CODE >YYMMDD]` (after), `[CODE YYMMDD-YYMMDD]` (inclusive range); dates have 6 digits (years below 30 are
20xx, the files' own convention: birth years before 1930 are written with 8 digits) or 8 digits. `#` starts a
comment outside brackets, `<!-- ... -->` blocks are comments, `{PLURAL}` adds a plural form. Name lines that
follow each other directly with no code between them share the code block below them (as in the Phoenix files).

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

import yaml

Code = tuple[str, str | None, str | None]   # (code, first day, last day), ISO days, inclusive; None = open
NULL_CODES = {"---", "+++", "###"}         # known names that are deliberately not coded


@dataclass
class DictActor:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)

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
_DATE_RANGE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
_DATE_BOUND = re.compile(r"^([<>])\s*(\d{6}|\d{8})$")


def _strip_comment(line: str) -> str:
    depth = 0
    for i, ch in enumerate(line):
        depth += ch == "["
        depth -= ch == "]" and depth > 0
        if ch == "#" and depth == 0:
            return line[:i]
    return line


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    """Numbered lines with `#` and `<!-- -->` comments removed; blank lines dropped."""
    in_block = False
    for num, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw
        if in_block or line.lstrip().startswith("<!"):
            in_block = "-->" not in line
            line = line.split("-->", 1)[1] if "-->" in line else ""
        line = _strip_comment(line).rstrip()
        if line.strip():
            yield num, line


def _day(digits: str) -> str:
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{2000 + yy if yy < 30 else 1900 + yy}{digits[2:]}"
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def parse_code(block: str) -> Code:
    """One bracketed code: "KHMGOV", "HOB <950601", "HOBGOV 19950601 - 19990815", "HOBREB >990816"."""
    parts = block.strip().split(None, 1)
    if not parts:
        raise ValueError("empty code")
    code, rest = parts[0].upper(), (parts[1].strip() if len(parts) > 1 else "")
    if not rest:
        return code, None, None
    if m := _DATE_RANGE.match(rest):
        return code, _day(m.group(1)), _day(m.group(2))
    if m := _DATE_BOUND.match(rest):
        day = _day(m.group(2))
        return (code, None, _shift(day, -1)) if m.group(1) == "<" else (code, _shift(day, 1), None)
    raise ValueError(f"unreadable date restriction {rest!r}")


def clean_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).upper()


# PETRARCH/TABARI files ------------------------------------------------------------------------------------------

def _read_codes(line: str, where: str, problems: list[str] | None) -> list[Code]:
    codes = []
    for block in _BRACKET.findall(line):
        try:
            codes.append(parse_code(block))
        except ValueError as exc:
            if problems is not None:
                problems.append(f"{where}: {exc}")
    return codes


def _add_plural(actor: DictActor, line: str, base: str) -> None:
    for plural in _PLURAL.findall(line):
        actor.aliases.append(clean_name(plural) if plural.strip() else plural_of(base))


def load_actor_dictionary(path: Path | str, problems: list[str] | None = None) -> list[DictActor]:
    """Entries of a PETRARCH/TABARI actors file; entries that end up with no code are left out (and reported)."""
    path = Path(path)
    actors: list[DictActor] = []
    current: DictActor | None = None
    last, last_text = 0, ""
    for num, line in _lines(path):
        text, where = line.strip(), f"{path.name}:{num}"
        shares = num == last + 1 and current is not None and "[" not in last_text and not current.codes
        last, last_text = num, text
        if shares and not text.startswith(("+", "[")):
            text = "+" + text   # a run of name lines above one code block are names of one actor
        if text.startswith("+") or text.startswith("["):
            if current is None:
                if problems is not None:
                    problems.append(f"{where}: synonym or code before any name")
                continue
            if text.startswith("+"):
                current.aliases.append(clean_name(re.split(r"[\[{]", text[1:], maxsplit=1)[0]))
                _add_plural(current, text, current.aliases[-1])
            current.codes += _read_codes(text, where, problems)
            continue
        current = DictActor(clean_name(re.split(r"[\[{]", text, maxsplit=1)[0]))
        current.codes += _read_codes(text, where, problems)
        _add_plural(current, text, current.name)
        actors.append(current)
    kept = [a for a in actors if a.name and a.codes]
    if problems is not None:
        problems += [f"{path.name}: no code for {a.name!r}" for a in actors if a.name and not a.codes]
    return kept


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
    for num, line in _lines(path):
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
        actor.codes.append((code, _iso(row.get("start")), _iso(row.get("end"))))
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
