"""data/events.csv: the seed article's events load cleanly with the right bounds."""

from __future__ import annotations

import pandas as pd
import pytest

import timeline as tl
from conftest import REPO

TS = pd.Timestamp


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv").set_index("event_id", drop=False)


def test_loads_with_no_failures() -> None:
    assert tl.validate_events(REPO / "data" / "events.csv").empty


def test_has_at_least_fifteen_events_in_every_category(events: pd.DataFrame) -> None:
    assert len(events) >= 15
    assert set(events["category"]) == {
        "diplomacy",
        "deployment",
        "combat",
        "intelligence",
        "technology",
        "statement",
    }


def test_summit_is_june_2024(events: pd.DataFrame) -> None:
    summit = events.loc["nk-001"]
    assert (summit["start"], summit["end"]) == (TS("2024-06-01"), TS("2024-07-01"))
    assert summit["start_precision"] == "month"
    assert summit["actors"] == ["Vladimir Putin", "Kim Jong Un"]


def test_visit_is_late_october_before_the_report(events: pd.DataFrame) -> None:
    visit = events.loc["nk-008"]
    assert visit["date_text"] == "late October"
    assert (visit["start"], visit["end"]) == (TS("2025-10-21"), TS("2025-11-01"))


def test_deployment_is_open_since_september(events: pd.DataFrame) -> None:
    deployment = events.loc["nk-002"]
    assert deployment["open_end"]
    assert deployment["start"] == TS("2025-09-01")
    assert pd.isna(deployment["end"])
    assert deployment["quantity"] == 10000


def test_kursk_events_are_spring_2025(events: pd.DataFrame) -> None:
    for event_id in ("nk-016", "nk-017", "nk-018"):
        row = events.loc[event_id]
        assert (row["start"], row["end"]) == (TS("2025-03-01"), TS("2025-06-01"))
        assert row["start_precision"] == "season"
    liberation = events.loc["nk-015"]
    assert liberation["uncertain"]
    silence = events.loc["nk-014"]
    assert silence["kind"] == "span"
    assert (silence["start"], silence["end"]) == (TS("2024-01-01"), TS("2025-06-01"))


def test_places_with_coordinates(events: pd.DataFrame) -> None:
    moscow = events.loc["nk-008"]
    assert moscow["location"] == "Moscow"
    assert moscow["latitude"] == pytest.approx(55.7558)
    assert events["latitude"].between(-90, 90).sum() >= 10
