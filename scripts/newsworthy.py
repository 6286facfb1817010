"""Which countries are newsworthy, for the office-holder build (scripts/leaders.py): how many news items name each,
counting a country once per item and matching longer names first ("Democratic Republic of the Congo" is not also
Congo)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

NEWS = ["../corpora/wcep/wcep_items.jsonl", "../corpora/wikinews/wikinews_2019_2020.jsonl"]
TOP_COUNTRIES = 40

def country_aliases(countries: list[list[str]]) -> dict[str, str]:
    return {alias: iso3 for iso3, _, kind, alias in countries if kind == "country"}


WORD = re.compile(r"[a-z0-9]+(?:[.'-][a-z0-9]+)*\.?")


def _tokens(text: str) -> list[str]:
    """Lower-case ASCII words (the folding normalise() does, quicker on whole articles), without "'s"."""
    folded = unicodedata.normalize("NFKD", text.replace("\u2019", "'")).encode("ascii", "ignore").decode().lower()
    return [w[:-2] if w.endswith("'s") else w for w in WORD.findall(folded)]


def countries_named(text: str, aliases: dict[str, str], longest: dict[str, int]) -> set[str]:
    """The countries a text names: at each word the longest alias that starts there, then on past it. `longest`:
    an alias's first word -> the most words of an alias starting with it."""
    words, found, i = _tokens(text), set(), 0
    while i < len(words):
        for n in range(min(longest.get(words[i].rstrip("."), 0), len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            iso3 = aliases.get(phrase) or aliases.get(phrase.rstrip("."))
            if iso3:
                found.add(iso3)
                i += n - 1
                break
        i += 1
    return found


def news_texts(refs: Path) -> Iterator[str]:
    for name in NEWS:
        for line in (refs / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            yield f"{record.get('title') or ''}\n{record['text']}"


def newsworthy_countries(texts: list[str], aliases: dict[str, str], n: int = TOP_COUNTRIES) -> list[str]:
    longest: dict[str, int] = {}
    for alias in aliases:
        first = alias.split()[0].rstrip(".")
        longest[first] = max(longest.get(first, 0), len(alias.split()))
    counts = Counter(iso3 for text in texts for iso3 in countries_named(text, aliases, longest))
    return [iso3 for iso3, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def common_words(texts: list[str]) -> set[str]:
    """Words written in lower case at least a quarter of the time in the news corpora ("may", "rice", "brown"):
    as a bare surname they would name a person wherever the word is used."""
    words = Counter(w for text in texts for w in re.findall(r"[A-Za-z]+", text))
    lower, capital = Counter(), Counter()
    for word, n in words.items():
        (lower if word.islower() else capital)[word.lower()] += n
    return {w for w, k in lower.items() if k >= 3 and k * 4 >= k + capital[w]}
