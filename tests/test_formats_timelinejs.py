"""TimelineJS importer: sheet CSV and JSON, title, eras, plain text, early and BCE years."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA
from timeline.errors import RejectedRowsWarning
from timeline.load.importers.timelinejs import clock_text, date_expression

SHEET = DATA / "timelinejs3_women_in_computing.csv"
ERAS = DATA / "timelinejs3_template_eras.json"
TS = pd.Timestamp
HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
)


@pytest.fixture(scope="module")
def sheet() -> pd.DataFrame:
    return tl.load_events(SHEET, format="timelinejs").set_index("title", drop=False)


@pytest.fixture(scope="module")
def eras_file() -> pd.DataFrame:
    return tl.load_events(ERAS, format="timelinejs")


def test_sheet_title_row_is_the_timelines_title(sheet: pd.DataFrame) -> None:
    assert len(sheet) == 10  # 11 records: the title row is not an event
    assert sheet.attrs["title"] == "Women in Computing"
    assert sheet.attrs["title_text"].startswith("In this sample timeline, we'll walk you")
    assert sheet.attrs["title_row"]["Background"].startswith("https://upload.wikimedia.org/")
    assert "Women in Computing" not in sheet.index
    assert sheet.attrs["format"] == "timelinejs"


def test_sheet_precision_comes_from_the_finest_part(sheet: pd.DataFrame) -> None:
    ada = sheet.loc["Ada Lovelace"]
    assert (ada["date_text"], ada["end_text"]) == ("1815-12-10", "1852-11-27")
    assert (ada["start"], ada["end"]) == (TS("1815-12-10"), TS("1852-11-28"))
    assert (ada["kind"], ada["start_precision"], ada["end_precision"]) == ("span", "day", "day")
    eniac = sheet.loc["...And the women who made it work"]
    assert (eniac["date_text"], eniac["end_text"]) == ("1943-07", "1946")
    assert (eniac["start"], eniac["end"]) == (TS("1943-07-01"), TS("1947-01-01"))
    assert (eniac["start_precision"], eniac["end_precision"]) == ("month", "year")
    hopper = sheet.loc["Grace Hopper invents the compiler"]
    assert (hopper["kind"], hopper["start_precision"]) == ("instant", "year")
    assert (hopper["start"], hopper["end"]) == (TS("1952-01-01"), TS("1953-01-01"))


def test_sheet_html_is_stored_as_plain_text_with_link_targets(sheet: pd.DataFrame) -> None:
    ada = sheet.loc["Ada Lovelace"]
    assert ada["description"].startswith(
        "Women have been programming since before it was a thing. Take Ada Lovelace "
        "(https://en.wikipedia.org/wiki/Ada_Lovelace): Daughter of Lord Byron"
    )
    assert ada["Media Caption"] == (
        "Portrait by Alfred Edward Chalon (https://en.wikipedia.org/wiki/"
        "Ada_Lovelace#/media/File:Ada_Lovelace_portrait.jpg)"
    )
    for column in ("title", "description", "Media Caption", "Media Credit"):
        text = sheet[column].dropna()
        assert not text.str.contains(r"<[a-z/]", regex=True).any(), column
    assert sheet.loc["...And the women who made it work", "Media Credit"] == (
        "Computer History Museum (https://www.youtube.com/channel/UCHDr4RtxwA1KqKGwxgdK4Vg)"
    )


def test_json_events_eras_and_title(eras_file: pd.DataFrame) -> None:
    assert len(eras_file) == 23
    assert eras_file.attrs["title"] == "Eras Test"
    assert eras_file.attrs["title_text"].startswith("Events in the 7th century")
    eras = eras_file[eras_file["kind"] == "era"]
    assert eras["title"].tolist() == ["Era Test 650-700", "Era Test 600-650", "Era Test 700-720"]
    assert eras["start"].tolist() == [TS("0650-01-01"), TS("0600-01-01"), TS("0700-01-01")]
    assert eras["end"].tolist() == [TS("0701-01-01"), TS("0651-01-01"), TS("0721-01-01")]
    assert (eras_file["kind"] != "era").sum() == 20


def test_json_years_before_1677_load_with_their_precision(eras_file: pd.DataFrame) -> None:
    hijra = eras_file.set_index("title").loc["Muhammad Migrates from Mecca to Medina"]
    assert (hijra["date_text"], hijra["end_text"]) == ("0622-08-09", "0622-08-23")
    assert (hijra["start"], hijra["end"]) == (TS("0622-08-09"), TS("0622-08-24"))
    assert hijra["kind"] == "span"
    assert str(eras_file["start"].dtype) == "datetime64[us]"
    assert eras_file["start"].min() == TS("0600-01-01")


def _timeline(tmp_path: Path, events: list[dict], **extra: object) -> Path:
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps({"events": events, **extra}), encoding="utf-8")
    return path


def _slide(headline: str, start: dict, end: dict | None = None, **extra: object) -> dict:
    slide: dict = {"start_date": start, "text": {"headline": headline}, **extra}
    if end is not None:
        slide["end_date"] = end
    return slide


def test_bce_and_out_of_range_years_are_rejected_with_a_reason(tmp_path: Path) -> None:
    path = _timeline(
        tmp_path,
        [
            _slide("Year one", {"year": "1"}),
            _slide("Marathon", {"year": -490}),
            _slide("Year zero", {"year": 0}),
            _slide("Far future", {"year": 12000}),
            _slide("Ends BCE", {"year": 5}, {"year": "-5"}),
        ],
    )
    failures = tl.validate_events(path, format="timelinejs")
    assert failures["row"].tolist() == ["events[1]", "events[2]", "events[3]", "events[4]"]
    assert failures["column"].tolist() == [
        "start_date.year",
        "start_date.year",
        "start_date.year",
        "end_date.year",
    ]
    assert failures["reason"].tolist() == [
        "year -490 (BCE) is outside the supported range 1-9999",
        "year 0 (BCE) is outside the supported range 1-9999",
        "year 12000 is outside the supported range 1-9999",
        "year -5 (BCE) is outside the supported range 1-9999",
    ]
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(path, format="timelinejs", on_error="skip")
    assert events["title"].tolist() == ["Year one"]
    assert events["start"].tolist() == [TS("0001-01-01")]
    assert len(events) + record[0].message.rejected == 5


def test_json_ids_groups_times_and_unique_ids(tmp_path: Path) -> None:
    path = _timeline(
        tmp_path,
        [
            _slide(
                "Talks",
                {"year": 2024, "month": 6, "day": 19, "hour": 14, "minute": 30},
                unique_id="talks",
                group="diplomacy",
            ),
            _slide("Bad hour", {"year": 2024, "month": 6, "day": 19, "hour": 25}),
        ],
        title={"text": {"headline": "<b>Summit</b> &amp; after"}},
    )
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(path, on_error="skip")
    assert events.attrs["title"] == "Summit & after"
    row = events.iloc[0]
    assert (row["event_id"], row["category"], row["date_text"]) == (
        "talks",
        "diplomacy",
        "2024-06-19T14:30",
    )
    assert (row["start"], row["start_precision"]) == (TS("2024-06-19 14:30"), "time")
    failure = record[0].message.failures.iloc[0]
    assert (failure["row"], failure["column"]) == ("events[1]", "start_date.hour")


def test_sheet_eras_problems_and_a_second_title(tmp_path: Path) -> None:
    rows = [
        ",,,,,,,,,My timeline,,,,,,title,,",
        "1950,,,,1960,,,,,The fifties,,,,,,era,,",
        "1951,13,,,,,,,,Bad month,,,,,,,,",
        "1951,,5,,,,,,,Day without month,,,,,,,,",
        "1952,3,4,1:30 PM,,,,,,Afternoon,,,,,,,,",
        "1953,,,,,,,,,Open era,,,,,,era,,",
        ",,,,,,,,,Another title,,,,,,title,,",
        ",,,,,,,,,,,,,,,,,",
        "1954,,,,,,,,,,,,,,,,,",
    ]
    path = tmp_path / "sheet.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    failures = tl.validate_events(path)
    assert list(zip(failures["row"], failures["column"], strict=True)) == [
        (3, "Month"),
        (4, "Day"),
        (6, "End Year"),
        (7, "Type"),
        (8, ""),
        (9, "title"),
    ]
    assert failures["reason"].tolist() == [
        "the month must be a whole number 1-12",
        "a day needs a month",
        "an era needs an end year",
        "a second title row: the timeline's title is row 1",
        "empty row",
        "title is empty",
    ]
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(path, on_error="skip")
    assert events.attrs["title"] == "My timeline"
    assert events["title"].tolist() == ["The fifties", "Afternoon"]
    assert events["kind"].tolist() == ["era", "instant"]
    assert events["date_text"].tolist() == ["1950", "1952-03-04T13:30"]
    assert len(events) + record[0].message.rejected + 1 == len(rows)  # + 1: the title row


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"year": "843"}, ("0843", None)),
        ({"year": "1843", "month": "7", "day": "10"}, ("1843-07-10", None)),
        ({"year": "1843.0", "month": "07"}, ("1843-07", None)),
        (
            {"year": "1843", "month": "7", "day": "10", "time": "09:05:03"},
            ("1843-07-10T09:05:03", None),
        ),
        ({"year": "18x3"}, (None, ("Year", "18x3", "the year must be a whole number"))),
        ({"month": "7"}, (None, ("Month", "7", "Month given without a year"))),
        ({"year": "1843", "time": "10:00"}, (None, ("Time", "10:00", "a time needs a day"))),
        ({}, (None, ("Year", "", "the year is empty: every slide needs a start year"))),
    ],
)
def test_date_parts(cells: dict, expected: tuple) -> None:
    columns = {"year": "Year", "month": "Month", "day": "Day", "time": "Time"}
    full = {part: cells.get(part) for part in columns}
    assert date_expression(full, columns) == expected


def test_clock_times() -> None:
    assert clock_text("12:00 AM") == "00:00"
    assert clock_text("12:15 pm") == "12:15"
    assert clock_text("7") == "07"
    assert clock_text("13:30 PM") is None
    assert clock_text("10:61") is None
