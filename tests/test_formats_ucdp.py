"""UCDP GED importer: windows from date_start..date_end and date_prec, deaths, rejects."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA
from timeline.errors import RejectedRowsWarning

SAMPLE = DATA / "ucdp_ged_rows1-100.csv"
TS = pd.Timestamp


@pytest.fixture(scope="module")
def source() -> pd.DataFrame:
    return pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return tl.load_events(SAMPLE, format="ucdp").set_index("event_id", drop=False)


def test_every_row_loads_with_its_own_id(events: pd.DataFrame, source: pd.DataFrame) -> None:
    assert len(events) == len(source) == 100
    assert events["event_id"].tolist() == source["id"].tolist()
    assert events.attrs["format"] == "ucdp"


@pytest.mark.parametrize(
    ("event_id", "start", "end", "precision", "date_text"),
    [
        ("300380", "2013-01-03", "2013-01-04", "day", "2013-01-03"),  # date_prec 1
        ("401115", "2021-05-28", "2021-05-30", "week", "2021-05-28/2021-05-29"),  # 2: 2-6 days
        ("21300", "1989-05-10", "1989-05-17", "week", "1989-05-10/1989-05-16"),  # 3: week
        ("32433", "1995-04-10", "1995-04-21", "month", "1995-04-10/1995-04-20"),  # 4: month
        ("298457", "1994-04-07", "1994-06-01", "year", "1994-04-07/1994-05-31"),  # 5: year
    ],
)
def test_window_is_start_to_end_inclusive_with_the_stated_precision(
    events: pd.DataFrame, event_id: str, start: str, end: str, precision: str, date_text: str
) -> None:
    row = events.loc[event_id]
    assert row["date_text"] == date_text
    assert (row["start"], row["end"]) == (TS(start), TS(end))
    assert row["start_precision"] == row["end_precision"] == precision
    assert row["kind"] == "instant"  # when within the window is unknown: one fuzzy moment
    assert not row["approximate"]


def test_deaths_actors_and_place(events: pd.DataFrame) -> None:
    row = events.loc["298457"]
    assert row["actors"] == ["Government of Rwanda", "Civilians"]
    assert row["category"] == "one-sided violence"
    assert (row["quantity"], row["best"], row["low"], row["high"]) == (0.0, 0, 0, 7961)
    assert row["location"] == "Mbogo commune"
    assert row["title"].startswith("Government of Rwanda - Civilians, ")
    assert events.loc["194704", "category"] == "non-state conflict"
    assert events.loc["300380", "category"] == "state-based conflict"
    assert events.loc["300380", "source"].startswith('"Support Kurds in Syria')


def test_every_source_column_is_kept(events: pd.DataFrame, source: pd.DataFrame) -> None:
    renamed = {"id", "where_coordinates", "source_article", "latitude", "longitude"}
    kept = [c for c in source.columns if c not in renamed]
    assert all(c in events.columns for c in kept)
    assert events["date_start"].tolist() == source["date_start"].tolist()
    assert events["date_prec"].tolist() == source["date_prec"].astype(int).tolist()


def test_exact_days_over_several_days_are_a_span(source: pd.DataFrame) -> None:
    frame = source.head(3).copy()
    frame.loc[0, ["date_start", "date_end", "date_prec"]] = ["2013-01-03", "2013-01-05", "1"]
    row = tl.load_events(frame, format="ucdp").iloc[0]
    assert row["kind"] == "span"
    assert (row["start"], row["end"]) == (TS("2013-01-03"), TS("2013-01-06"))
    assert row["start_precision"] == row["end_precision"] == "day"


def test_timestamps_at_midnight_count_as_days(source: pd.DataFrame) -> None:
    frame = source.head(3).copy()
    for column in ("date_start", "date_end"):
        frame[column] = frame[column] + " 00:00:00.000"  # as in UCDP's own CSV downloads
    events = tl.load_events(frame, format="ucdp")
    assert events["date_text"].tolist() == [
        "2013-01-03",
        "1989-05-10/1989-05-16",
        "2021-05-28/2021-05-29",
    ]


def test_bad_rows_are_rejected_with_reasons(tmp_path: Path, source: pd.DataFrame) -> None:
    frame = source.head(4).copy()
    frame.loc[0, "date_prec"] = "7"
    frame.loc[1, "date_end"] = "1989-05-01"  # before the start
    frame.loc[2, "date_start"] = "sometime"
    path = tmp_path / "ged.csv"
    frame.to_csv(path, index=False)
    failures = tl.validate_events(path)
    assert list(zip(failures["row"], failures["column"], strict=True)) == [
        (1, "date_prec"),
        (2, "date_text"),
        (3, "date_start"),
    ]
    assert failures["reason"].iloc[0].startswith("date_prec must be 1 (day)")
    assert "before" in failures["reason"].iloc[1]
    assert failures["reason"].iloc[2].startswith("date_start must name one day: ")
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(path, on_error="skip")
    assert len(events) == 1
    assert len(events) + record[0].message.rejected == 4
