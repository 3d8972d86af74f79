"""GDELT importer: the headerless 61-column sample, a file with a header, bad records."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA
from timeline.errors import RejectedRowsWarning
from timeline.load.importers.gdelt import COLUMNS

SAMPLE = DATA / "gdelt_v2_sample.export.CSV"
TS = pd.Timestamp


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return tl.load_events(SAMPLE).set_index("event_id", drop=False)


def test_layout_has_the_61_published_columns() -> None:
    assert len(COLUMNS) == 61
    assert COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert COLUMNS.index("ActionGeo_Lat") == 56


def test_sample_loads_every_row(events: pd.DataFrame) -> None:
    assert len(events) == 5
    assert events.attrs["format"] == "gdelt"
    assert events["event_id"].tolist() == [f"116001200{i}" for i in range(1, 6)]
    assert (events["start_precision"] == "day").all()
    assert (events["kind"] == "instant").all()


def test_fields_come_from_the_documented_columns(events: pd.DataFrame) -> None:
    row = events.loc["1160012001"]
    assert row["title"] == "UNITED STATES – Consult (CAMEO 042) – RUSSIA"
    assert (row["date_text"], row["start"], row["end"]) == (
        "2024-03-01",
        TS("2024-03-01"),
        TS("2024-03-02"),
    )
    assert row["reported_on"] == TS("2024-03-01 12:15:00")
    assert row["actors"] == ["UNITED STATES", "RUSSIA"]
    assert row["category"] == "Consult"
    assert row["location"] == "Moscow, Moskva, Russia"
    assert (row["latitude"], row["longitude"]) == (55.7522, 37.6156)
    assert row["source_url"] == "https://news.example.com/2024/03/01/talks-in-moscow"
    assert (row["GoldsteinScale"], row["NumMentions"]) == (1.9, 10)
    assert row["EventCode"] == "042"  # codes keep their leading zeros
    one_actor = events.loc["1160012003"]
    assert one_actor["title"] == "UKRAINE – Appeal (CAMEO 0251)"
    assert one_actor["actors"] == ["UKRAINE"]
    no_place = events.loc["1160012004"]
    assert pd.isna(no_place["location"]) and pd.isna(no_place["latitude"])
    assert no_place["start"] == TS("2023-03-01")


def test_every_column_is_kept(events: pd.DataFrame) -> None:
    renamed = {"GLOBALEVENTID", "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long"}
    renamed.add("SOURCEURL")
    assert [c for c in COLUMNS if c not in renamed] == [c for c in events.columns if c in COLUMNS]


def test_a_file_with_a_header_row_reads_by_name(tmp_path: Path) -> None:
    frame = pd.read_csv(SAMPLE, sep="\t", header=None, names=list(COLUMNS), dtype=str)
    subset = frame[["GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor2Name", "EventCode"]]
    path = tmp_path / "bigquery_export.csv"
    subset.to_csv(path, index=False)
    events = tl.load_events(path)
    assert events.attrs["format"] == "gdelt"
    assert events["title"].tolist()[0] == "UNITED STATES – Consult (CAMEO 042) – RUSSIA"
    assert events["start"].tolist()[1] == TS("2024-02-29")


def test_bad_dates_and_short_records_are_rejected(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split("\t")
    fields[1] = "20240231"  # no 31 February
    lines[1] = "\t".join(fields)
    lines[2] = "\t".join(lines[2].split("\t")[:40])  # a cut-off record
    path = tmp_path / "20240301121500.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(path, format="gdelt", on_error="skip")
    failures = record[0].message.failures
    assert failures["row"].tolist() == [2, 3]
    assert failures["column"].tolist() == ["SQLDATE", ""]
    assert failures["value"].iloc[0] == "20240231"
    assert failures["reason"].iloc[1] == "expected 61 fields, found 40"
    assert len(events) == 3
    assert len(events) + record[0].message.rejected == 5


def sample_frame() -> pd.DataFrame:
    return pd.read_csv(SAMPLE, sep="\t", header=None, names=list(COLUMNS), dtype=str)


def test_sqldate_failures_name_the_source_column_and_value() -> None:
    frame = sample_frame()
    frame.loc[0, "SQLDATE"] = "20240230"  # no 30 February
    frame.loc[1, "SQLDATE"] = "2024031"  # seven digits
    frame.loc[2, "SQLDATE"] = None
    failures = tl.validate_events(frame, format="gdelt")
    assert failures[["row", "column", "value"]].values.tolist() == [
        [0, "SQLDATE", "20240230"],
        [1, "SQLDATE", "2024031"],
        [2, "SQLDATE", ""],
    ]
    assert failures["reason"].tolist() == [
        "SQLDATE must name one day: day 30 does not exist in February 2024",
        "SQLDATE must be a day written YYYYMMDD",
        "SQLDATE is empty",
    ]
    events = tl.load_events(frame.iloc[3:], format="gdelt")
    assert events["date_text"].tolist() == ["2023-03-01", "2024-03-01"]


def test_dateadded_failures_name_the_source_column_and_value() -> None:
    frame = sample_frame()
    frame.loc[1, "DATEADDED"] = "20240230121500"  # no 30 February
    frame.loc[3, "DATEADDED"] = "20240301251500"  # no hour 25
    frame.loc[4, "DATEADDED"] = "20240229"  # a day alone is fine
    failures = tl.validate_events(frame, format="gdelt")
    assert failures[["row", "column", "value"]].values.tolist() == [
        [1, "DATEADDED", "20240230121500"],
        [3, "DATEADDED", "20240301251500"],
    ]
    assert failures["reason"].tolist() == [
        "DATEADDED must be a real day and time: day 30 does not exist in February 2024",
        "DATEADDED must be a real day and time: time 25:15:00 does not exist",
    ]
