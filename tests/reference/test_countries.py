"""The packaged gazetteer: countries by name, demonym, city or region, and who held which role when."""
from __future__ import annotations

import pytest

from storyline.errors import StorylineError
from storyline.reference import countries, leaders


@pytest.mark.parametrize(("alias", "iso3"), [
    ("Cambodian", "KHM"), ("Cambodians", "KHM"), ("Phnom Penh", "KHM"), ("Kampuchea", "KHM"),
    ("cambodia", "KHM"), ("CAMBODIA", "KHM"), ("Cambodia's", "KHM"), ("the Netherlands", "NLD"),
    ("United States", "USA"), ("U.S.", "USA"), ("Afghans", "AFG"), ("Kabul", "AFG"), ("São Paulo", "BRA"),
    ("British", "GBR"), ("Irish", "IRL"), ("Spanish", "ESP"), ("Chinese", "CHN"), ("Georgia", "GEO"),
    ("Greenland", "DNK"), ("Puerto Rico", "USA"), ("Gaza", "PSE"), ("Kosovo", "KSV"), ("South Sudan", "SSD"),
])
def test_country_for(alias: str, iso3: str) -> None:
    assert countries.country_for(alias) == iso3


@pytest.mark.parametrize("alias", ["us", "Us", "UN", "phoenix", "jersey", "", "Hun Sen", "Kinakuta"])
def test_words_and_unknowns_are_not_countries(alias: str) -> None:
    assert countries.country_for(alias) is None


def test_upper_case_initials_name_their_country() -> None:
    # news writes "US"/"UK" undotted; only the dotted forms are in the table, as "us" folds onto the pronoun
    assert (countries.country_for("US"), countries.country_for("UK")) == ("USA", "GBR")


def test_the_two_koreas_are_kept_apart() -> None:
    assert countries.country_for("South Korea") == "KOR" and countries.country_for("Seoul") == "KOR"
    assert countries.country_for("North Korean") == "PRK" and countries.country_for("Pyongyang") == "PRK"
    assert countries.country_for("Korea") is None  # not in the source as a bare name: it would be ambiguous


def test_alias_kind() -> None:
    assert countries.alias_kind("Cambodia") == "country"
    assert countries.alias_kind("Cambodian") == "country"
    assert countries.alias_kind("Phnom Penh") == "city"
    assert countries.alias_kind("Helmand") == "city"   # the source does not tell provinces from cities
    assert countries.alias_kind("Anbar Province") == "region"
    assert countries.alias_kind("Guam") == "region"
    assert countries.alias_kind("Atlantis") is None


def test_country_name() -> None:
    assert countries.country_name("KHM") == "Cambodia"
    assert countries.country_name("USA") == "United States"
    with pytest.raises(KeyError, match="XYZ"):
        countries.country_name("XYZ")


def test_every_country_has_its_own_name_as_an_alias() -> None:
    table = countries._countries()
    for iso3, name in table.names.items():
        assert len(iso3) == 3 and iso3.isupper()
        assert countries.country_for(name) == iso3, name


def test_max_alias_words_covers_every_alias() -> None:
    longest = countries.max_alias_words()
    assert longest == max(len(a.split()) for a in countries._countries().by_alias)
    assert countries.country_for("united kingdom of great britain and northern ireland") == "GBR"
    assert longest >= 8


def test_hun_sen_heads_the_government_in_2018() -> None:
    found = leaders.leaders_for("hun sen", on="2018-08-28")
    assert found[0].code == "KHMGOV" and found[0].name == "Hun Sen"
    assert found[0].start == "1998-11-30" and found[0].end == "2023-08-22"   # Hun Manet took over that day
    assert all(x.code.startswith("KHM") for x in found)


def test_leaders_are_filtered_by_date() -> None:
    in_1990 = leaders.leaders_for("Hun Sen", on="1990-06-01")
    assert any(x.code == "KHMGOV" and x.end == "1993-07-02" for x in in_1990)
    assert not any(x.start == "1998-11-30" for x in in_1990)
    everything = leaders.leaders_for("hun sen")
    assert len(everything) > len(leaders.leaders_for("hun sen", on="1990-06-01"))


def test_leader_aliases_and_titles() -> None:
    # "Samdech Hun Sen" is a second entry in the source; both are one canonical person
    assert {x.name for x in leaders.leaders_for("Samdech Hun Sen")} == {"Hun Sen"}
    karzai = leaders.leaders_for("Karzai", on="2010-01-01")
    assert karzai and karzai[0].code.startswith("AFGGOV")
    assert leaders.leaders_for("nobody in particular") == []


def test_leader_dates_are_iso_and_ordered() -> None:
    for name, spans in leaders._leaders().spans.items():
        for code, start, end in spans:
            assert code[:3].isupper() and len(code) >= 6, (name, code)
            for day in (start, end):
                assert not day or (len(day) == 10 and day[4] == "-" and day[7] == "-")
            if start and end:
                assert start <= end, (name, code, start, end)


def test_missing_file_raises_e002(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(countries, "COUNTRIES_FILE", "no-such-file.tsv")
    countries._countries.cache_clear()
    try:
        with pytest.raises(StorylineError, match="E002"):
            countries.country_for("Cambodia")
    finally:
        monkeypatch.undo()
        countries._countries.cache_clear()
