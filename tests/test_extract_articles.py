"""extract_events against hand-made timelines: the seed article and tests/data/articles.

The seed article (data/seed_article.txt, a copy of ../shared/seed/) has its timeline in
data/events.csv (reported_on 2025-11-01, as its README
says). Its dated claims are the rows whose date comes from the article's wording; each
is found when a drafted row has the same bounds and comes from the sentence the claim is
in. The articles in tests/data/articles were written for these tests with their claims
in claims.csv (``dated`` false: a claim the article does not date).
"""

from __future__ import annotations

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA, REPO

# A phrase of the sentence each dated claim of data/events.csv comes from.
SEED_SENTENCES = {
    "nk-001": "following the Pyongyang Summit in June 2024",
    "nk-002": "has already deployed approximately 10,000",
    "nk-003": "the units primarily include construction brigades",
    "nk-008": "Choe Son Hui visited Moscow",
    "nk-009": "Lavrov stated that bilateral ties",
    "nk-010": "Putin, in turn, remarked",
    "nk-011": "Choe Son Hui reaffirmed",
    "nk-013": "first surfaced in 2024",
    "nk-014": "remained silent until the spring of 2025",
    "nk-016": "Gerasimov confirmed their involvement",
    "nk-017": "described their participation as a “sacred mission”",
    "nk-018": "announced plans to erect a monument",
    "nk-025": "has already deployed approximately 10,000",
}


def _same_bounds(rows: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    same_start = (rows["start"] == start) | (rows["start"].isna() & pd.isna(start))
    same_end = (rows["end"] == end) | (rows["end"].isna() & pd.isna(end))
    return same_start & same_end


def _seed_text() -> str:
    return (REPO / "data" / "seed_article.txt").read_text(encoding="utf-8")


def test_seed_article_against_data_events_csv() -> None:
    text = _seed_text()
    draft = tl.extract_events(text, reported_on="2025-11-01")
    by_hand = tl.load_events(REPO / "data" / "events.csv")
    basis = pd.read_csv(REPO / "data" / "events.csv", dtype=str)["date_basis"]
    dated = by_hand[basis.eq("article wording").to_numpy()]
    assert set(dated["event_id"]) == set(SEED_SENTENCES)
    found = []
    for claim in dated.itertuples():
        rows = draft[draft["quote"].str.contains(SEED_SENTENCES[claim.event_id], regex=False)]
        if _same_bounds(rows, claim.start, claim.end).any():
            found.append(claim.event_id)
    share = len(found) / len(dated)
    assert share >= 0.9, (
        f"found {len(found)} of {len(dated)}: missing {set(SEED_SENTENCES) - set(found)}"
    )


def test_seed_article_rows_are_traceable() -> None:
    text = _seed_text()
    draft = tl.extract_events(text, reported_on="2025-11-01")
    for row in draft.itertuples():
        assert text[row.sentence_start : row.sentence_end] == row.quote
    assert draft.loc[0, "quantity"] == 10000
    assert draft.loc[0, "claimant"] == "South Korea’s National Intelligence Service (NIS)"


CLAIMS = pd.read_csv(DATA / "articles" / "claims.csv", dtype=str, keep_default_na=False)
ARTICLES = sorted(CLAIMS["article"].unique())


def _score(article: str) -> tuple[int, int, int, int]:
    text = (DATA / "articles" / f"{article}.txt").read_text(encoding="utf-8")
    draft = tl.extract_events(text, reported_on=article.rsplit("_", 1)[1])
    claims = CLAIMS[CLAIMS["article"] == article]
    found = 0
    dated = claims[claims["dated"] == "true"]
    for claim in dated.itertuples():
        rows = draft[draft["quote"].str.contains(claim.key, regex=False)]
        start = pd.Timestamp(claim.start) if claim.start else pd.NaT
        end = pd.Timestamp(claim.end) if claim.end else pd.NaT
        rows = rows[_same_bounds(rows, start, end)]
        if claim.claimant:
            right = (
                rows["claimant"]
                .fillna("")
                .str.lower()
                .str.contains(claim.claimant.lower(), regex=False)
            )
        else:
            right = rows["claimant"].isna()
        found += bool(right.any())
    unmatched = sum(not any(key in quote for key in claims["key"]) for quote in draft["quote"])
    return found, len(dated), unmatched, len(draft)


@pytest.mark.parametrize("article", ARTICLES)
def test_each_article_finds_most_of_its_dated_claims(article: str) -> None:
    found, dated, unmatched, rows = _score(article)
    assert found >= dated * 8 / 9 - 1e-9, f"{found} of {dated} dated claims"
    assert unmatched <= rows / 3, f"{unmatched} of {rows} rows match no claim"


def test_all_articles_together() -> None:
    totals = [sum(v) for v in zip(*(_score(a) for a in ARTICLES), strict=True)]
    found, dated, unmatched, rows = totals
    assert dated >= 30
    assert found / dated >= 8 / 9
    assert unmatched / rows <= 1 / 3
