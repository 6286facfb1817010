"""The packaged office holders (leaders.tsv, built by scripts/build_data.py with scripts/leaders.py): a person is
coded by the role they hold on the article date, spells end when the office does, names match as texts write
them, and every country's heads are there to 2025."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.reference import leaders
from storyline.reference.files import read_data, tsv_rows
from storyline.reference.names import normalise

PEPPERCAT = ("references", "leaders", "peppercat", "derived", "leaders-combined-to-2025-01-31.csv")


def codes(alias: str, on: str) -> set[str]:
    return {x.code for x in leaders.leaders_for(alias, on)}


def first_code(alias: str, on: str) -> str | None:
    """The code the actors stage takes: the first of the dated-first list."""
    found = leaders.leaders_for(alias, on)
    return found[0].code if found else None


def holds(alias: str, on: str, code: str) -> bool:
    return any(c.startswith(code) for c in codes(alias, on))


@pytest.mark.parametrize(("alias", "on", "code"), [
    ("Theresa May", "2018-08-28", "GBRGOV"),
    ("Boris Johnson", "2020-01-01", "GBRGOV"),
    ("Donald Trump", "2019-06-01", "USAGOV"),
    ("Joe Biden", "2021-06-01", "USAGOV"),
    ("Hun Sen", "2018-08-28", "KHMGOV"),
    ("Hun Manet", "2024-01-01", "KHMGOV"),
    ("Imran Khan", "2021-02-01", "PAKGOV"),
    ("Shehbaz Sharif", "2023-05-09", "PAKGOV"),
])
def test_office_holder_is_coded_by_the_role_held_that_day(alias: str, on: str, code: str) -> None:
    assert first_code(alias, on) == code


@pytest.mark.parametrize(("alias", "on", "code"), [
    ("Theresa May", "2020-01-01", "GBRGOV"),   # left Downing Street 2019-07-24
    ("Donald Trump", "2021-06-01", "USAGOV"),  # between his terms
    ("Hun Sen", "2024-01-01", "KHMGOV"),       # handed over to Hun Manet 2023-08-22
    ("Imran Khan", "2023-05-09", "PAKGOV"),    # ousted 2022-04-10
    ("Boris Johnson", "2018-12-01", "GBRGOV"), # on the back benches between Foreign Office and Downing Street
])
def test_spell_ends_with_the_office(alias: str, on: str, code: str) -> None:
    assert not holds(alias, on, code), leaders.leaders_for(alias, on)


def test_former_holder_between_terms_is_not_government() -> None:
    assert first_code("Donald Trump", "2025-01-25") == "USAGOV"
    spells = [x for x in leaders.leaders_for("Donald Trump") if x.code == "USAGOV"]
    assert [(x.start, x.end) for x in sorted(spells, key=lambda x: x.start or "")] == [
        ("2017-01-20", "2021-01-20"), ("2025-01-20", None)]


def test_surname_and_full_name_name_one_person() -> None:
    trump = {x.name for x in leaders.leaders_for("Trump", "2019-06-01")}
    assert trump == {x.name for x in leaders.leaders_for("Donald Trump", "2019-06-01")} == {"Donald Trump"}
    assert first_code("Trump", "2019-06-01") == "USAGOV"
    assert {x.name for x in leaders.leaders_for("Boris Johnson", "2020-01-01")} == {"Boris Johnson"}
    assert first_code("Johnson", "2020-01-01") == "GBRGOV"  # dated spells come before undated PETRARCH tags


def test_names_match_as_texts_write_them() -> None:
    assert first_code("Kim Jong Un", "2024-01-01") == first_code("Kim Jong-un", "2024-01-01") == "PRKGOV"
    assert first_code("Xi", "2024-01-01") == "CHNGOV"           # family name first
    assert first_code("Abiy", "2024-01-01") == "ETHGOV"         # Ethiopians are called by their own name
    assert leaders.leaders_for("Kim", "2024-01-01") == []       # too many office holders are called Kim


def test_minister_of_a_newsworthy_country() -> None:
    assert first_code("Antony Blinken", "2023-06-01") == "USAGOV"  # Secretary of State 2021-01 .. 2025-01
    assert first_code("Blinken", "2023-06-01") == "USAGOV"
    assert not holds("Antony Blinken", "2020-06-01", "USAGOV")


def _sole_holders(rows: list[dict[str, str]], on: str, margin: tuple[str, str]) -> dict[tuple[str, str], str]:
    """(catalog, post) -> the person, where exactly one person holds the post throughout `margin` around `on`."""
    holders: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        if row["position"] in ("President", "Prime Minister") and row["start"][:10] <= margin[0] and (
                not row["end"] or row["end"] >= margin[1]):
            holders.setdefault((row["catalog"], row["position"]), set()).add(row["person"])
    return {key: next(iter(people)) for key, people in holders.items() if len(people) == 1}


@pytest.mark.shared
def test_heads_of_state_and_government_in_2024(shared: Callable[..., Path]) -> None:
    """20 countries of our table that, in the source, had one President and one Prime Minister all through
    May-June 2024, picked evenly from the sorted list: both are in that country's government on 2024-06-01."""
    with shared(*PEPPERCAT).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    country_of = {alias: iso3 for iso3, _, kind, alias in tsv_rows("countries.tsv") if kind == "country"}
    sole = _sole_holders(rows, "2024-06-01", ("2024-05-01", "2024-07-01"))
    both = {c for c, post in sole if post == "President"} & {c for c, post in sole if post == "Prime Minister"}
    catalogs = sorted(c for c in both if normalise(c) in country_of)
    assert len(catalogs) >= 40
    for catalog in [catalogs[i * len(catalogs) // 20] for i in range(20)]:
        code = country_of[normalise(catalog)] + "GOV"
        for person in (sole[(catalog, "President")], sole[(catalog, "Prime Minister")]):
            assert code in codes(person, "2024-06-01"), (catalog, person, leaders.leaders_for(person, "2024-06-01"))


def test_packaged_table_stays_small() -> None:
    assert len(read_data(leaders.LEADERS_FILE).encode("utf-8")) < 4_000_000
