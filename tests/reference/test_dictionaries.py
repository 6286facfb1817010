"""The PETRARCH/TABARI and CSV/YAML dictionary importer, and date-aware longest-match lookup."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.reference.dictionaries import (
    ActorDictionary,
    DictAgent,
    load_actor_dictionary,
    load_agent_dictionary,
    load_user_dictionary,
    parse_code,
    plural_of,
    words,
)

# Hand-written snippets in the PETRARCH format (invented names, not taken from any real dictionary).
ACTORS = """\
<!-- a test dictionary
     spanning two lines -->
# a comment line
NORTHLAND_  [NLD]   # trailing comment
+NORTHLANDER
+NORTH_LAND {NORTH_LANDS}
NORTHLAND_RIVER_GUARD [NLDMIL]
SOUTHMARK [SMK]
HARALD_BLUETOOTH
+KING_HARALD
\t[NLDELI 850114-920301]
\t[NLDGOV >920301]  # crowned
OLD_KINGDOM
\t[OKD <19991231]
WANDERER [---]
TWIN_CITIES [NLD/SMK]
ODD LINE [XXX 12345-]
JARL_ERIK_
ERIK_THE_RED
\t[NLDREB]
"""

AGENTS = """\
# substitution sets
!PERSON! = MAN, WOMAN
!MIN! = MINISTER, MINISTRY
GOVERNMENT [~GOV]
FOREIGN_!MIN! [~GOVFRM]
POLICE!PERSON! [ ~COP]
AID_AGENCY {} [NGO~]
ARMY {ARMIES_OF_OLD} [~MIL]
NO_CODE_HERE
"""


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    actors, agents = tmp_path / "Test.actors.txt", tmp_path / "Test.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


def test_actor_entries_synonyms_plurals_and_dated_codes(files: tuple[Path, Path]) -> None:
    problems: list[str] = []
    actors = {a.name: a for a in load_actor_dictionary(files[0], problems)}
    assert set(actors) == {"NORTHLAND", "NORTHLAND RIVER GUARD", "SOUTHMARK", "HARALD BLUETOOTH", "OLD KINGDOM",
                           "WANDERER", "TWIN CITIES", "JARL ERIK"}
    assert actors["NORTHLAND"].aliases == ["NORTHLANDER", "NORTH LAND", "NORTH LANDS"]
    assert actors["NORTHLAND"].codes == [("NLD", None, None)]
    assert actors["HARALD BLUETOOTH"].aliases == ["KING HARALD"]
    assert actors["HARALD BLUETOOTH"].codes == [("NLDELI", "1985-01-14", "1992-03-01"), ("NLDGOV", "1992-03-02", None)]
    assert actors["OLD KINGDOM"].codes == [("OKD", None, "1999-12-30")]
    # name lines that follow each other directly share the code block below them
    assert actors["JARL ERIK"].aliases == ["ERIK THE RED"] and actors["JARL ERIK"].codes == [("NLDREB", None, None)]
    assert any("ODD LINE" in p for p in problems) and any("unreadable date" in p for p in problems)


def test_parse_code_forms() -> None:
    assert parse_code("HOB") == ("HOB", None, None)
    assert parse_code("HOB < 950601") == ("HOB", None, "1995-05-31")
    assert parse_code("HOBGOV 19950601 - 19990815") == ("HOBGOV", "1995-06-01", "1999-08-15")
    assert parse_code("HOBREB >071231") == ("HOBREB", "2008-01-01", None)   # six digits, year below 30: 20xx
    with pytest.raises(ValueError):
        parse_code("HOB 1995")


def test_agents_substitution_plurals_and_affix_side(files: tuple[Path, Path]) -> None:
    problems: list[str] = []
    agents = {a.phrase: a for a in load_agent_dictionary(files[1], problems)}
    assert agents["GOVERNMENT"] == DictAgent("GOVERNMENT", "GOV", True)
    assert {"FOREIGN MINISTER", "FOREIGN MINISTRY", "FOREIGN MINISTRIES", "POLICEMAN", "POLICEWOMAN"} <= set(agents)
    assert agents["POLICEWOMAN"].role_code == "COP"
    assert agents["AID AGENCIES"] == DictAgent("AID AGENCIES", "NGO", False)
    assert {"ARMIES", "ARMIES OF OLD"} <= set(agents)
    assert problems and "NO_CODE_HERE" in problems[0]
    assert agents["AID AGENCY"].apply("NLD") == "NGONLD" and agents["ARMY"].apply("NLD") == "NLDMIL"


def test_lookup_longest_match_case_and_dates(files: tuple[Path, Path]) -> None:
    d = ActorDictionary.load(*files)
    assert d.lookup("the northlander delegation") == "NLD"
    assert d.lookup("Northland river guard units") == "NLDMIL"          # longest entry wins over NORTHLAND
    assert d.lookup("King Harald", on="1990-05-05") == "NLDELI"
    assert d.lookup("King Harald", on="1992-03-01") == "NLDELI"          # ranges are inclusive
    assert d.lookup("King Harald", on="1992-03-02") == "NLDGOV"
    assert d.lookup("King Harald", on="1980-01-01") is None              # no code covers that day
    assert d.lookup("King Harald") == "NLDGOV"                           # no date: the latest code
    assert d.lookup("the Old Kingdom", on="2001-01-01") is None
    assert d.lookup("the Old Kingdom", on="1999-12-30") == "OKD"
    assert d.lookup("the wanderer") is None                              # a deliberately uncoded name
    assert d.lookup("Twin Cities") == "NLD"
    assert d.lookup("nobody here") is None


def test_lookup_applies_agents(files: tuple[Path, Path]) -> None:
    d = ActorDictionary.load(*files)
    assert d.lookup("Northland's foreign minister") == "NLDGOVFRM"
    assert d.lookup("the Southmark government said") == "SMKGOV"
    assert d.lookup("aid agencies in Northland") == "NGONLD"
    found = d.match("U.N. envoy to Southmark")
    assert found is not None and found.actor.name == "SOUTHMARK" and (found.start, found.end) == (3, 4)


def test_words_keeps_abbreviations_and_drops_possessives() -> None:
    assert words("The U.S. envoy's visit, in Northland.") == ("THE", "U.S.", "ENVOY", "VISIT", "IN", "NORTHLAND")
    assert plural_of("CITY") == "CITIES" and plural_of("TWIN CITY") == "TWIN CITIES"
    assert plural_of("BOX") == "BOXES" and plural_of("DAY") == "DAYS"


def test_user_csv_and_yaml(tmp_path: Path) -> None:
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("name,code,aliases,start,end\n"
                        "Acme Party,NLDPTY,Acme;the Acmes,,\n"
                        "Jo Bloggs,NLDOPP,Bloggs,2001-01-01,2009-12-31\n"
                        "Jo Bloggs,NLDGOV,,2010-01-01,\n", encoding="utf-8")
    yaml_path = tmp_path / "mine.yaml"
    yaml_path.write_text("- {name: Blue Bank, code: NLDBUS, aliases: [BB]}\n", encoding="utf-8")
    actors = load_user_dictionary(csv_path)
    assert [a.name for a in actors] == ["ACME PARTY", "JO BLOGGS"]
    assert actors[1].codes == [("NLDOPP", "2001-01-01", "2009-12-31"), ("NLDGOV", "2010-01-01", None)]
    d = ActorDictionary.load(csv_path, yaml_path)
    assert d.lookup("the Acmes") == "NLDPTY"
    assert d.lookup("Bloggs", "2005-06-01") == "NLDOPP" and d.lookup("Bloggs", "2012-06-01") == "NLDGOV"
    assert d.lookup("bb") == "NLDBUS"


def _shared() -> Path:
    env = os.environ.get("STORYLINE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.mark.shared
def test_full_phoenix_and_validation_dictionaries_load() -> None:
    refs = _shared() / "references" / "petrarch2_dictionaries"
    valid = _shared() / "gold" / "event_coding" / "petrarch2_unittest"
    if not refs.is_dir() or not valid.is_dir():
        pytest.skip(f"PETRARCH dictionaries not found under {_shared()} (set STORYLINE_SHARED to the shared folder)")
    counts = {}
    for path in sorted(refs.glob("Phoenix.*actors.txt")) + [valid / "PETR.Validate.actors.txt"]:
        problems: list[str] = []
        actors = load_actor_dictionary(path, problems)
        counts[path.name] = (len(actors), len(problems))
        assert len(actors) > 100 and len(problems) < len(actors) / 100, problems[:5]
    for path in (refs / "Phoenix.agents.txt", valid / "PETR.Validate.agents.txt"):
        problems = []
        counts[path.name] = (len(load_agent_dictionary(path, problems)), len(problems))
        assert counts[path.name][0] > 100 and len(problems) < 5, problems
    print("entries, problems:", counts)
    d = ActorDictionary.load(valid / "PETR.Validate.actors.txt", valid / "PETR.Validate.agents.txt")
    assert d.lookup("Smeagol", "1997-01-01") == "HOBGOV" and d.lookup("Smeagol", "2000-01-01") == "HOBREB"
    assert d.lookup("the Arnor foreign minister") == "ARNGOVFRM"
