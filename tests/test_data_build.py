"""scripts/build_data.py: its parsing rules on hand-made input, and (with ../shared) that the packaged files agree
with a rebuild from the references."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "storyline" / "data"


def shared_dir() -> Path:
    root = os.environ.get("STORYLINE_SHARED")
    return Path(root) if root else REPO / ".." / "shared"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_data", REPO / "scripts" / "build_data.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shared_args() -> list[str]:
    if not (shared_dir() / "references").is_dir():
        pytest.skip(f"no references under {shared_dir()} (set STORYLINE_SHARED to the shared folder)")
    return ["--shared", str(shared_dir())]


@pytest.mark.shared
def test_packaged_files_match_a_rebuild(builder: ModuleType, shared_args: list[str]) -> None:
    assert builder.main([*shared_args, "--check"]) == 0


@pytest.mark.shared
def test_check_notices_a_changed_file(builder: ModuleType, shared_args: list[str], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("cameo.tsv", "countries.tsv", "leaders.tsv", "VERSIONS.json"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text(cameo.read_text(encoding="utf-8").replace("\tVeto\t", "\tVeto!\t"), encoding="utf-8")
    assert builder.main([*shared_args, "--out", str(tmp_path), "--check"]) == 1
    assert "cameo.tsv differs" in capsys.readouterr().err


def test_versions_record_each_files_hash_and_sources() -> None:
    versions = json.loads((DATA / "VERSIONS.json").read_text(encoding="utf-8"))
    assert set(versions["files"]) == {"cameo.tsv", "countries.tsv", "leaders.tsv", "organisations.tsv"}
    for name, info in versions["files"].items():
        text = (DATA / name).read_bytes()
        assert hashlib.sha256(text).hexdigest() == info["sha256"], name
        assert text.startswith(b"# storyline data v1, built by scripts/build_data.py\n")
        assert info["sources"] and all(len(s["sha256"]) == 64 for s in info["sources"].values())


def test_tabari_dates(builder: ModuleType) -> None:
    span = builder.parse_code("KHMGOV 850114-930702")
    assert (span.code, span.start, span.end) == ("KHMGOV", "1985-01-14", "1993-07-02")
    assert builder.parse_code("KHMGOV >981130").start == "1998-11-30"
    assert builder.parse_code("EGYGOV > 140608").start == "2014-06-08"
    assert builder.parse_code("IRQ <20030320").end == "2003-03-20"
    assert builder.parse_code("AFGELI 070723").start == "2007-07-23"
    assert builder.parse_code("KHMELI").start is None
    for bad in ("ARMUNR 9008223-911221", "IRQOCC 1920030320-20060520", "EGYGOV 121207-120802", "X 991340"):
        with pytest.raises(ValueError):
            builder.parse_code(bad)


def test_actor_file_groups(builder: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(
        "# comment\n"
        "RURITANIA_  [RUR]\n+RURITANIAN\n+RURITANIANS # demonym\n+STRELSAU_\n#+OLD_NAME\n\n"
        "KING_RUDOLF_  # CountryInfo.txt\nRUDOLF_THE_FIFTH\n\t[RURGOV 870101-921231]\n\t[RURELI]\n"
        "RURITANIAN_ARMY\n+ROYAL_GUARD\n\t[RURMIL]\n", encoding="utf-8")
    country, king, army = builder.parse_actor_file(path)
    assert [h.name for h in country.heads] == ["RURITANIA_"]
    assert country.heads[0].aliases == ["RURITANIAN", "RURITANIANS", "STRELSAU_"]
    assert [h.name for h in king.heads] == ["KING_RUDOLF_", "RUDOLF_THE_FIFTH"]  # heads share the code block
    assert [(c.code, c.start, c.end) for c in king.codes] == [("RURGOV", "1987-01-01", "1992-12-31"),
                                                              ("RURELI", None, None)]
    assert builder.current_country_code(country) == "RUR" and builder.current_country_code(king) is None
    assert builder.is_person(king) and not builder.is_person(army)
    assert builder.canonical_person(builder.surface(king.heads[0].name)) == "Rudolf"


def test_names_block_and_kinds(builder: ModuleType) -> None:
    aliases = ["ruritanian", "ruritanians", "kingdom of ruritania", "zenda", "rurtania", "strelsau", "zenda province",
               "port ruritania", "zenda river"]
    kinds = dict(builder.classify_aliases("ruritania", aliases))
    assert kinds["ruritanian"] == kinds["kingdom of ruritania"] == kinds["rurtania"] == "country"
    assert kinds["zenda"] == "country"          # a native name inside the names block
    assert kinds["strelsau"] == kinds["port ruritania"] == "city"
    assert kinds["zenda province"] == kinds["zenda river"] == "region"


def test_collisions_and_stop_list(builder: ModuleType) -> None:
    rows = [("GEO", "country", "georgia"), ("USA", "region", "georgia"), ("IND", "region", "punjab"),
            ("PAK", "region", "punjab"), ("USA", "country", "us"), ("USA", "country", "u.s."),
            ("GEO", "country", "georgia (country)")]
    kept, dropped = builder.resolve_collisions(rows)
    assert sorted(kept) == [("GEO", "country", "georgia"), ("USA", "country", "u.s.")]
    assert dropped == ["punjab"]


# --------------------------------------------------------------------------------------------------------------
# leaders.tsv: scripts/leaders.py, imported by build_data.py
# --------------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def offices(builder: ModuleType) -> ModuleType:
    return sys.modules["leaders"]


def test_partial_source_dates_cover_their_whole_period(offices: ModuleType) -> None:
    assert offices.iso_day("2018-04-02", end=False) == "2018-04-02"
    assert offices.iso_day("2021-02", end=False) == "2021-02-01"
    assert offices.iso_day("2024-02", end=True) == "2024-02-29"
    assert offices.iso_day("1991", end=False) == "1991-01-01" and offices.iso_day("1991", end=True) == "1991-12-31"
    assert offices.iso_day("START", end=False) is None and offices.iso_day("2014s", end=True) is None


def test_spells_join_and_cut(offices: ModuleType) -> None:
    spells = [("2012-01-02", "2014-01-01"), ("2010-01-01", "2012-01-01"), ("2016-01-01", ""),
              ("2017-01-01", "2018-01-01")]
    assert offices.union(spells) == [("2010-01-01", "2014-01-01"), ("2016-01-01", "")]
    covered = [("2010-01-01", "2012-12-31")]
    assert offices.subtract(("2009-01-01", "2015-02-17"), covered) == [("2009-01-01", "2009-12-31"),
                                                                      ("2013-01-01", "2015-02-17")]
    assert offices.subtract(("2011-01-01", "2012-01-01"), covered) == []
    assert offices.subtract(("", "2011-01-01"), covered) == [("", "2009-12-31")]


def test_office_titles_in_and_out_of_the_selection(offices: ModuleType) -> None:
    def kind(position: str, catalog: str, iso3: str, top: bool = True) -> str | None:
        return offices.office_kind(position, catalog, iso3, {iso3} if top else set())
    assert kind("Prime Minister of Montenegro", "Montenegro", "MNE") == "hog"
    assert kind("Druk Gyalpo (King)", "Bhutan", "BTN") == "hos"
    assert kind("Serb Member of the Presidency", "Bosnia", "BIH") == "hos"
    assert kind("Minister of State", "Monaco", "MCO", top=False) == "hog"
    assert kind("Prime Minister (SPC)", "Yemen", "YEM") is None            # a rival government's post
    assert kind("French Co-Prince", "Andorra", "AND") is None              # France's president
    assert kind("Federal Minister of Foreign Affairs", "Pakistan", "PAK") == "foreign"
    assert kind("Federal Minister of Foreign Affairs", "Pakistan", "PAK", top=False) is None
    assert kind("Secretary of State", "United States", "USA") == "foreign"
    assert kind("Secretary of State for the Home Department", "United Kingdom", "GBR") == "interior"
    assert kind("Secretary of State for Foreign Affairs", "Spain", "ESP") is None  # a junior rank there
    assert kind("Minister of State for Foreign Affairs", "Nigeria", "NGA") is None
    assert kind("Minister of the Armed Forces", "France", "FRA") == "defence"
    assert kind("Minister of Defence Production", "Pakistan", "PAK") is None
    assert kind("Minister of Law and Justice", "India", "IND") == "justice"
    assert kind("Minister of Social Justice and Empowerment", "India", "IND") is None
    assert kind("Minister of Foreign Trade", "Italy", "ITA") is None
    assert kind("Vice President", "United States", "USA") is None


def test_surnames_follow_naming_conventions(offices: ModuleType) -> None:
    assert offices.surname("Donald Trump", ["USA"]) == "trump"
    assert offices.surname("Ursula von der Leyen", ["DEU"]) == "von der leyen"
    assert offices.surname("Joseph F. Dunford, Jr.", ["USA"]) == "dunford"
    assert offices.surname("Xi Jinping", ["CHN"]) == "xi"
    assert offices.surname("Abiy Ahmed Ali", ["ETH"]) == "abiy"
    assert offices.surname("Min Aung Hlaing", ["MMR"]) is None
    assert offices.surname("Frederik X", ["DNK"]) is None and offices.surname("CY Leung", ["HKG"]) is None


def test_surname_alias_only_where_it_names_one_holder(offices: ModuleType) -> None:
    person = offices.Person
    people = [person("Q1", "Anna Rurik", set(), {"RUR": [("2010-01-01", "2014-12-31")]}),
              person("Q2", "Boris Rurik", set(), {"RUR": [("2012-01-01", "2013-01-01")]}),  # at the same time
              person("Q3", "Carl Zenda", set(), {"RUR": [("2016-01-01", "")]}),
              person("Q4", "Dora Zenda", set(), {"RUR": [("2000-01-01", "2005-01-01")]}),  # at another time
              person("Q5", "Emil May", set(), {"RUR": [("2016-01-01", "")]})]               # a common word
    assert offices.surname_aliases(people, avoid={"may"}) == {("Q3", "RUR"): "zenda", ("Q4", "RUR"): "zenda"}
    many = [person(f"Q{i}", f"Name{i} Kim", set(), {f"R{i:02d}": [(f"19{i:02d}-01-01", f"19{i:02d}-12-31")]})
            for i in range(10, 10 + offices.COMMON_SURNAME)]
    assert offices.surname_aliases(many, avoid=set()) == {}


def test_newer_spells_win_over_petrarch(offices: ModuleType) -> None:
    rows = [("Rudolf", "rudolf", "RURGOV", "2008-01-01", ""), ("Rudolf", "rudolf", "RURELI", "", ""),
            ("Rudolf", "rudolf", "RURGOV", "1990-01-01", "1995-01-01"),
            ("Rudolf", "rudolf", "RURGOV", "2010-05-01", ""),
            ("Flavia", "flavia", "RURGOV", "2008-01-01", "")]
    covered = {("Rudolf", "RUR"): [("2010-05-12", "2019-07-24")]}
    kept, clipped = offices.clip_petrarch(rows, covered, "2015-02-17")
    assert kept == [("Rudolf", "rudolf", "RURGOV", "2008-01-01", "2010-05-11"), ("Rudolf", "rudolf", "RURELI", "", ""),
                    ("Rudolf", "rudolf", "RURGOV", "1990-01-01", "1995-01-01"),
                    ("Flavia", "flavia", "RURGOV", "2008-01-01", "")]  # 11 days left of the 4th: a date quarrel
    assert clipped == 2


def test_merge_joins_a_petrarch_person_under_one_name(offices: ModuleType) -> None:
    petrarch = [("Mohammad Rudolf Elphberg", alias, "RURGOV", "2001-01-01", "")
                for alias in ("king rudolf", "mohammad rudolf elphberg")]
    person = offices.Person("Q9", "Rudolf Elphberg", {"Rudolf V"}, {"RUR": [("2001-01-01", "2018-03-01")]})
    rows, stats = offices.merge(petrarch, [person], {("Q9", "RUR"): "elphberg"})
    assert stats["matched_to_petrarch"] == 1
    assert {r[0] for r in rows} == {"Mohammad Rudolf Elphberg"}
    assert {r[1] for r in rows} == {"king rudolf", "mohammad rudolf elphberg", "rudolf elphberg", "rudolf v",
                                    "elphberg"}
    assert {r[2:] for r in rows} == {("RURGOV", "2001-01-01", "2018-03-01")}


def test_successor_start_ends_an_approximate_spell(offices: ModuleType) -> None:
    holding = offices.Holding
    old = holding("RUR", "Q1", "A", "hog", "Prime Minister", "2018-01-01", "2023-08-10", "html-removal-approx")
    new = holding("RUR", "Q2", "B", "hog", "Prime Minister", "2023-08-22", "", "html-new-after-2023-01-20")
    gone = holding("RUR", "Q3", "C", "foreign", "Minister of Foreign Affairs", "2020-01-01", "",
                   "not-on-html-page-by-2023-01-20;ended-by-then?")
    offices.fix_ends([old, new, gone])
    assert (old.end, new.end, gone.end) == ("2023-08-22", "", "2023-01-20")


def test_a_represented_monarch_is_not_the_realms_head(offices: ModuleType) -> None:
    holding = offices.Holding
    realm = [holding("RUR", "Q1", "Queen", "hos", "monarch", "1952-02-06", "2022-09-08", ""),
             holding("RUR", "Q2", "Governor", "hos", "Governor-General", "2017-01-01", "", "")]
    assert [h.name for h in offices.personal_union(realm)] == ["Governor"]


def test_newsworthy_countries_count_documents_longest_name_first(offices: ModuleType) -> None:
    aliases = {"congo": "COG", "democratic republic of the congo": "COD", "u.s.": "USA"}
    texts = ["The Democratic Republic of the Congo and the U.S. signed.", "The U.S.'s envoy left.", "Congo's army"]
    assert offices.newsworthy_countries(texts, aliases, n=3) == ["USA", "COD", "COG"]
