"""The PETRARCH/TABARI and CSV/YAML dictionary importer, its date restrictions, and date-aware longest-match lookup."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.reference.dictionaries import (
    ActorDictionary,
    CodeSpan,
    DictAgent,
    load_actor_dictionary,
    load_agent_dictionary,
    load_user_dictionary,
    parse_code,
    parse_date,
    plural_of,
    read_actor_groups,
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

# One name per kind of restriction, each with a default code for the days no restriction covers.
DATED = """\
BEFORE_ONLY [DEF]
\t[BEF <950601]
AFTER_ONLY [DEF]
\t[AFT >950601]
RANGE_ONLY [DEF]
\t[RNG 950601-990815]
CHAIN_OF_OFFICES
\t[OLD <950601]
\t[MID 950601-990815]
\t[NEW >990815]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    return _write(tmp_path, "Test.actors.txt", ACTORS), _write(tmp_path, "Test.agents.txt", AGENTS)


@pytest.fixture()
def dated(tmp_path: Path) -> ActorDictionary:
    return ActorDictionary.load(_write(tmp_path, "Dated.actors.txt", DATED))


# Entries --------------------------------------------------------------------------------------------------------

def test_actor_entries_synonyms_plurals_and_dated_codes(files: tuple[Path, Path]) -> None:
    problems: list[str] = []
    actors = {a.name: a for a in load_actor_dictionary(files[0], problems)}
    assert set(actors) == {"NORTHLAND", "NORTHLAND RIVER GUARD", "SOUTHMARK", "HARALD BLUETOOTH", "OLD KINGDOM",
                           "WANDERER", "TWIN CITIES", "JARL ERIK"}
    assert actors["NORTHLAND"].aliases == ["NORTHLANDER", "NORTH LAND", "NORTH LANDS"]
    assert actors["NORTHLAND"].codes == [("NLD", None, None)]
    assert actors["HARALD BLUETOOTH"].aliases == ["KING HARALD"]
    assert actors["HARALD BLUETOOTH"].codes == [("NLDELI", "1985-01-14", "1992-03-01"), ("NLDGOV", "1992-03-01", None)]
    assert actors["OLD KINGDOM"].codes == [("OKD", None, "1999-12-31")]
    # name lines that follow each other with no code between them share the code block below them
    assert actors["JARL ERIK"].aliases == ["ERIK THE RED"] and actors["JARL ERIK"].codes == [("NLDREB", None, None)]
    assert any("ODD LINE" in p for p in problems) and any("unreadable date" in p for p in problems)


def test_names_share_a_block_across_blank_lines_but_not_across_a_bad_bracket(tmp_path: Path) -> None:
    path = _write(tmp_path, "Groups.actors.txt",
                  "KING_RUDOLF_  # CountryInfo.txt\n\n# his regnal name\nRUDOLF_THE_FIFTH\n\t[RURGOV 870101-921231]\n"
                  "LORD_TYPO_\n\t[RURGOV >201005011]\nLADY_NEXT_\n+LADY_N\n\t[RURGOVEDU 050601-060531]\n")
    problems: list[str] = []
    king, typo, lady = read_actor_groups(path, problems)
    assert [h.name for h in king.heads] == ["KING_RUDOLF_", "RUDOLF_THE_FIFTH"] and king.heads[0].comment
    # the unreadable date closes LORD_TYPO's entry: LADY_NEXT's names and code stay hers
    assert [h.name for h in typo.heads] == ["LORD_TYPO_"] and typo.codes == [] and typo.bad_dates == 1
    assert [h.name for h in lady.heads] == ["LADY_NEXT_"] and lady.heads[0].aliases == ["LADY_N"]
    assert lady.codes == [("RURGOVEDU", "2005-06-01", "2006-05-31")]
    assert problems == ["Groups.actors.txt:7: unreadable date restriction '>201005011': "
                        "'201005011' is not YYMMDD or YYYYMMDD"]
    assert [a.name for a in load_actor_dictionary(path)] == ["KING RUDOLF", "LADY NEXT"]


# Dates ----------------------------------------------------------------------------------------------------------

def test_restriction_forms_are_inclusive_days() -> None:
    assert parse_code("HOB") == CodeSpan("HOB", None, None)
    assert parse_code("HOB <950601") == ("HOB", None, "1995-06-01")           # up to and including the day
    assert parse_code("HOB < 950601") == ("HOB", None, "1995-06-01")          # spaces are ignored
    assert parse_code("HOBREB >990816") == ("HOBREB", "1999-08-16", None)      # from the day on, the day included
    assert parse_code("HOBGOV 950601-990815") == ("HOBGOV", "1995-06-01", "1999-08-15")
    assert parse_code("HOBGOV 19950601 - 19990815") == ("HOBGOV", "1995-06-01", "1999-08-15")
    assert parse_code("AFGELI 070723") == ("AFGELI", "2007-07-23", None)       # a bare date runs from that day
    assert parse_code("khmgov").code == "KHMGOV"


def test_six_and_eight_digit_dates_and_the_two_digit_pivot() -> None:
    assert parse_date("950601") == parse_date("19950601") == "1995-06-01"
    assert parse_date("000229") == "2000-02-29"                                # 00 is 2000, a leap year
    assert parse_date("140608") == "2014-06-08"
    assert parse_date("300101") == "2030-01-01"                                # the last 20xx year
    assert parse_date("310101") == "1931-01-01"                                # the first 19xx year
    assert parse_date("991231") == "1999-12-31"
    assert parse_date("18970101") == "1897-01-01" and parse_date("20300101") == "2030-01-01"
    assert parse_code("IRQ <20030320") == ("IRQ", None, "2003-03-20")          # 6 and 8 digits mix freely
    assert parse_code("GNQELI 780101-20040614") == ("GNQELI", "1978-01-01", "2004-06-14")


@pytest.mark.parametrize("bad", ["ARMUNR 9008223-911221", "IRQOCC 1920030320-20060520", "GBRGOV >201005011",
                                 "X 991340", "X 950230", "X 95061", "EGYGOV 121207-120802", "X 12345-", "X =950601",
                                 "X 950601-", ""])
def test_unreadable_restrictions_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_code(bad)


def test_lookup_on_the_boundary_days(dated: ActorDictionary) -> None:
    assert dated.lookup("before only", "1995-06-01") == "BEF"
    assert dated.lookup("before only", "1995-06-02") == "DEF"                  # the name line's code is the default
    assert dated.lookup("after only", "1995-05-31") == "DEF"
    assert dated.lookup("after only", "1995-06-01") == "AFT"
    assert dated.lookup("range only", "1995-05-31") == "DEF"
    assert dated.lookup("range only", "1995-06-01") == dated.lookup("range only", "1999-08-15") == "RNG"
    assert dated.lookup("range only", "1999-08-16") == "DEF"


def test_on_a_shared_boundary_day_the_first_listed_code_wins(dated: ActorDictionary) -> None:
    assert dated.lookup("chain of offices", "1995-05-31") == "OLD"
    assert dated.lookup("chain of offices", "1995-06-01") == "OLD"             # <950601 and 950601-... both hold
    assert dated.lookup("chain of offices", "1995-06-02") == "MID"
    assert dated.lookup("chain of offices", "1999-08-15") == "MID"
    assert dated.lookup("chain of offices", "1999-08-16") == "NEW"
    assert dated.lookup("chain of offices") == "NEW"                           # no date: the latest code


# Lookup ---------------------------------------------------------------------------------------------------------

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
    assert d.lookup("King Harald", on="1992-03-01") == "NLDELI"          # both hold on the day; the first listed wins
    assert d.lookup("King Harald", on="1992-03-02") == "NLDGOV"
    assert d.lookup("King Harald", on="1980-01-01") is None              # no code covers that day
    assert d.lookup("King Harald") == "NLDGOV"                           # no date: the latest code
    assert d.lookup("the Old Kingdom", on="2001-01-01") is None
    assert d.lookup("the Old Kingdom", on="1999-12-31") == "OKD"
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
    csv_path = _write(tmp_path, "mine.csv", "name,code,aliases,start,end\n"
                                            "Acme Party,NLDPTY,Acme;the Acmes,,\n"
                                            "Jo Bloggs,NLDOPP,Bloggs,2001-01-01,2009-12-31\n"
                                            "Jo Bloggs,NLDGOV,,2010-01-01,\n")
    yaml_path = _write(tmp_path, "mine.yaml", "- {name: Blue Bank, code: NLDBUS, aliases: [BB]}\n")
    actors = load_user_dictionary(csv_path)
    assert [a.name for a in actors] == ["ACME PARTY", "JO BLOGGS"]
    assert actors[1].codes == [("NLDOPP", "2001-01-01", "2009-12-31"), ("NLDGOV", "2010-01-01", None)]
    d = ActorDictionary.load(csv_path, yaml_path)
    assert d.lookup("the Acmes") == "NLDPTY"
    assert d.lookup("Bloggs", "2005-06-01") == "NLDOPP" and d.lookup("Bloggs", "2012-06-01") == "NLDGOV"
    assert d.lookup("Bloggs", "2009-12-31") == "NLDOPP" and d.lookup("Bloggs", "2010-01-01") == "NLDGOV"
    assert d.lookup("bb") == "NLDBUS"


# The real files (../shared) -------------------------------------------------------------------------------------

@pytest.mark.shared
def test_full_phoenix_and_validation_dictionaries_load(shared: Callable[..., Path]) -> None:
    refs = shared("references", "petrarch2_dictionaries")
    valid = shared("gold", "event_coding", "petrarch2_unittest")
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


# DATE records of the PETRARCH2 unit tests: who the record is about, and whether that actor is its source or target.
DATE_RECORDS = {
    "DATE-01": ("Sam Gamgee", 0), "DATE-02": ("Sam Gamgee", 0), "DATE-03": ("Hamfast Gamgee", 0),
    "DATE-04": ("Hamfast Gamgee", 0), "DATE-05": ("Hamfast Gamgee", 0), "DATE-07": ("Hamfast Gamgee", 0),
    "DATE-08": ("Sam Gamgee", 0), "DATE-09": ("Sam Gamgee", 0), "DATE-10": ("Sam Gamgee", 0),
    "DATE-11": ("Sam Gamgee", 0), "DATE-12": ("Sam Gamgee", 0), "DATE-13": ("Sam Gamgee", 0),
    "DATE-14": ("Smeagol", 0), "DATE-15": ("Slinker", 1), "DATE-16": ("Stinker", 0), "DATE-17": ("Slinker", 1),
    "DATE-18": ("Smeagol", 0), "DATE-19": ("Slinker", 1), "DATE-20": ("Zimbabwe", 0), "DATE-21": ("Zimbabwe", 1),
}


def _gold_codes(records: Path) -> dict[str, tuple[str, tuple[str, str]]]:
    """Record id -> (ISO date, (source, target) of its first expected event)."""
    text = records.read_text(encoding="utf-8", errors="replace")
    found = {}
    for m in re.finditer(r'<Sentence date="(\d{8})" id="([^"]+)".*?sourcecode="([^"]*)" targetcode="([^"]*)"', text,
                         re.S):
        day = f"{m.group(1)[:4]}-{m.group(1)[4:6]}-{m.group(1)[6:]}"
        found.setdefault(m.group(2), (day, (m.group(3), m.group(4))))
    return found


@pytest.mark.shared
def test_the_unit_test_date_records_code_as_expected(shared: Callable[..., Path]) -> None:
    """The gold pins the inclusive reading of a range's last day (DATE-11: 2010-01-12 in [ORCHOB 20100109-20100112]),
    a range's first day (DATE-04, DATE-09), dated codes before the name line's own (DATE-04) and that code as the
    default outside every restriction (DATE-03, DATE-07)."""
    valid = shared("gold", "event_coding", "petrarch2_unittest")
    d = ActorDictionary.load(valid / "PETR.Validate.actors.txt")
    gold = _gold_codes(valid / "PETR.UnitTest.records.xml")
    got = {rid: d.lookup(name, gold[rid][0]) for rid, (name, _) in DATE_RECORDS.items()}
    assert got == {rid: gold[rid][1][side] for rid, (_, side) in DATE_RECORDS.items()}
    assert got["DATE-11"] == "ORCHOB" and gold["DATE-11"][0] == "2010-01-12"
