"""The "dct" stage: the article date inferred from the dateline, the url or the text, never from the clock."""
from __future__ import annotations

import pytest

from storyline.ingest.clean import clean
from storyline.model.doc import Document
from storyline.time import dct_text
from storyline.time.dct import infer_date, infer_dct, url_date

# Hand-written, in the shape of the seed story: which July and which protest the relative words point at.
ELECTION = ("Hun Sen's party won all the seats in parliament in its election sweep last month, and the pardons "
            "followed. The clemency came after the July 29 general election, which critics called unfair.\n\n"
            "The activists were jailed for a street protest four years ago that turned violent. The leaders of "
            "the July 15, 2014, protest got the longest terms.")


def _dct(text: str, url: str | None = None, date: str | None = None) -> Document:
    return infer_dct(clean(Document(text=text, url=url, date=date)))



def test_a_given_date_is_kept_and_not_marked_inferred() -> None:
    doc = _dct("LONDON, May 3 (Reuters) - Talks resumed.", date="2019-01-02")
    assert (doc.date, doc.date_inferred, doc.notes) == ("2019-01-02", False, [])


@pytest.mark.parametrize("line", ["March 01, 2008", "Published: Saturday 1 March 2008 10:02 GMT",
                                  "Updated March 1st, 2008 at 9:15 a.m."])
def test_a_date_line_under_the_headline_gives_the_day(line: str) -> None:
    doc = _dct(f"Airbus wins tanker deal\n\n{line}\n\nThe Pentagon picked Airbus on Friday.")
    assert (doc.date, doc.date_inferred) == ("2008-03-01", True)


def test_a_date_line_far_down_or_inside_a_sentence_is_not_the_article_date() -> None:
    body = "\n\n".join(f"Paragraph {i} of the story." for i in range(6))
    assert _dct(f"{body}\n\nMarch 01, 2008").date is None
    assert _dct("The deal was signed March 01, 2008 in Paris.").date is None


def test_dateline_with_a_year_gives_the_day() -> None:
    doc = _dct("PARIS, 3 March 2015 (AFP) – Ministers met on Tuesday to discuss the budget.")
    assert (doc.date, doc.date_inferred) == ("2015-03-03", True)
    assert "dateline" in doc.notes[-1].reason


def test_year_less_dateline_takes_the_year_from_the_url() -> None:
    doc = _dct("LONDON, May 3 (Reuters) - Talks resumed on Thursday.", url="https://example.com/2016/05/story-1")
    assert (doc.date, doc.date_inferred) == ("2016-05-03", True)


def test_year_less_dateline_takes_the_year_from_the_text() -> None:
    doc = _dct("PHNOM PENH, Aug. 28 (AP) — Lawmakers met again.\n\n" + ELECTION)
    assert (doc.date, doc.date_inferred) == ("2018-08-28", True)
    assert "dateline+text" in doc.notes[-1].reason


def test_dateline_month_that_contradicts_the_text_gets_no_year_from_it() -> None:
    doc = _dct("LONDON, May 3 (Reuters) - Lawmakers met again.\n\n" + ELECTION)
    assert doc.date is None   # the text says August 2018: a May dateline does not fit it


@pytest.mark.parametrize(("url", "value", "precision"), [
    ("https://www.example.com/news/2018/08/28/cambodia-pardons", "2018-08-28", "day"),
    ("https://example.com/world/2018-08-28-cambodia", "2018-08-28", "day"),
    ("https://example.com/a/20180828/cambodia.html", "2018-08-28", "day"),
    ("https://example.com/2018/08/cambodia-pardons.html", "2018-08", "month"),
    ("https://example.com/2018/cambodia.html", "2018", "year"),
    ("https://example.com/2018/02/30/not-a-day", "2018-02", "month"),
    ("https://example.com/story/12018081234/x", None, None),
    (None, None, None),
])
def test_url_dates(url: str | None, value: str | None, precision: str | None) -> None:
    guess = url_date(url)
    assert ((guess.value, guess.precision) if guess else (None, None)) == (value, precision)


def test_url_day_sets_the_date() -> None:
    doc = _dct("Talks resumed on Thursday.", url="https://example.com/2018/08/28/talks")
    assert (doc.date, doc.date_inferred) == ("2018-08-28", True)


def test_linked_relative_and_absolute_dates_give_the_month_only() -> None:
    doc = _dct(ELECTION)
    assert doc.date is None and not doc.date_inferred
    assert "month 2018-08" in doc.notes[-1].reason
    assert "'four years ago' + 'July 15, 2014'" in doc.notes[-1].reason


def test_url_month_narrowed_by_the_text_agrees() -> None:
    guess = infer_date(clean(Document(text=ELECTION, url="https://example.com/2018/08/x")))
    assert guess is not None and (guess.value, guess.precision, guess.basis) == ("2018-08", "month", "url+text")


def test_yesterday_and_a_full_date_of_the_same_vote_give_the_day() -> None:
    doc = _dct("Parliament approved the budget in a vote yesterday. The March 3, 2015 vote was close.")
    assert (doc.date, doc.date_inferred) == ("2015-03-04", True)


def test_last_week_and_a_full_date_give_the_next_week_which_here_spans_two_months_so_only_the_year() -> None:
    doc = _dct("The ministers' meeting last week in Brussels was short. Their August 22, 2018 meeting ended early.")
    assert doc.date is None and "year 2018" in doc.notes[-1].reason


def test_unlinked_dates_and_weekdays_infer_nothing() -> None:
    doc = _dct("Activists were freed Tuesday. Sales fell four years ago. In 2014 the company grew.")
    assert doc.date is None and not doc.date_inferred
    assert "none could be inferred" in doc.notes[-1].reason


def test_capitalised_names_do_not_link_dates() -> None:
    text = "Hun Sen visited Laos last year. Hun Sen was elected in 1985."
    anchors, shifts = dct_text.classify(text)
    assert [a.tx.text for a in anchors] == ["1985"] and [s.tx.text for s in shifts] == ["last year"]
    assert dct_text.text_constraints(text) == []


def test_a_weaker_link_that_contradicts_a_closer_one_is_dropped() -> None:
    text = ("Police broke up a street protest four years ago. The July 15, 2014, protest turned violent. "
            "Lawyers filed an appeal last week. An appeal of March 3, 2010 failed.")
    constraints = dct_text.text_constraints(text)
    assert [c.why for c in constraints] == ["'four years ago' + 'July 15, 2014'", "'last week' + 'March 3, 2010'"]
    bounds, used = dct_text.solve(constraints)
    assert bounds is not None and (bounds[0].isoformat(), bounds[1].isoformat()) == ("2018-01-01", "2018-12-31")
    assert used == constraints[:1]


def test_far_words_compared_times_and_quantities_do_not_link() -> None:
    for text in ("Saddam today sought peace on another front. He rejected peace talks after the August 1988 truce.",
                 "Trade fell to $14 billion last year, down $2.5 billion from 1996.",
                 "Last week, the former leader asked for bail. He led the March 3, 2010 march."):
        assert dct_text.text_constraints(text) == [], text


def test_classify_reads_shift_and_year_less_dates_off_the_rules() -> None:
    anchors, shifts = dct_text.classify("the July 29 election; since last November; two weeks ago; 1985")
    assert [(a.tx.text, a.month, a.day, a.period.value if a.period else None) for a in anchors] == [
        ("July 29", 7, 29, None), ("last November", 11, None, None), ("1985", None, None, "1985")]
    assert [(s.tx.text, s.unit, s.k) for s in shifts] == [("two weeks ago", "week", -2)]


def test_seed_story_without_a_date_is_placed_in_august_2018(shared) -> None:
    text = shared("seed", "article.txt").read_text(encoding="utf-8")
    doc = _dct(text)
    guess = infer_date(doc)
    assert guess is not None and (guess.value, guess.precision, guess.basis) == ("2018-08", "month", "text")
    assert doc.date is None and "2018-08" in doc.notes[-1].reason
