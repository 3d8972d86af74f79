"""ACLED importer: the sample slice, time_precision windows, rejected rows, typed sources."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA
from timeline.errors import EventDataError, RejectedRowsWarning
from timeline.load.importers.acled import WHOLE_NUMBERS
from timeline.load.readers import _BLOCK_BYTES

SAMPLE = DATA / "acled_argentina_rows121-240.csv"
TS = pd.Timestamp


@pytest.fixture(scope="module")
def source() -> pd.DataFrame:
    return pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return tl.load_events(SAMPLE, format="acled")


def test_every_row_loads_with_its_own_id(events: pd.DataFrame, source: pd.DataFrame) -> None:
    assert len(events) == len(source) == 120
    assert events["event_id"].tolist() == source["event_id_cnty"].tolist()
    assert events.attrs["format"] == "acled"
    assert tl.validate_events(SAMPLE, format="acled").empty


def test_precision_1_is_the_day(events: pd.DataFrame) -> None:
    row = events.set_index("event_id").loc["ARG10480"]
    assert row["date_text"] == "2022-06-18"
    assert (row["start"], row["end"]) == (TS("2022-06-18"), TS("2022-06-19"))
    assert (row["start_precision"], row["kind"], row["approximate"]) == ("day", "instant", False)


def test_precision_2_is_the_week_around_the_coded_date(events: pd.DataFrame) -> None:
    row = events.set_index("event_id").loc["ARG10557"]  # coded 2022-06-23, "around 23 June"
    assert row["event_date"] == "2022-06-23"
    assert row["time_precision"] == 2
    assert row["date_text"] == "2022-06-20~/2022-06-26~"
    assert (row["start"], row["end"]) == (TS("2022-06-20"), TS("2022-06-27"))
    assert row["start_precision"] == row["end_precision"] == "week"
    assert row["kind"] == "instant"  # one moment somewhere in that week, not a week-long event
    assert row["approximate"]
    week_rows = events[events["time_precision"] == 2]
    assert len(week_rows) == 11
    assert ((week_rows["end"] - week_rows["start"]) == pd.Timedelta(days=7)).all()
    assert (week_rows["start_precision"] == "week").all()


def test_fields_come_from_the_documented_columns(events: pd.DataFrame) -> None:
    row = events.set_index("event_id").loc["ARG10557"]
    assert row["title"] == "Protests: Peaceful protest in Viedma"
    assert row["category"] == "Protests"
    assert row["actors"] == ["Protesters (Argentina)", "Labour Group (Argentina)"]
    assert row["description"].startswith("Around 23 June 2022 (as reported), in Rio Negro")
    assert row["location"] == "Viedma"
    assert (row["latitude"], row["longitude"]) == (-40.8133, -62.9973)
    deadly = events[events["fatalities"] > 0]
    assert deadly["quantity"].tolist() == deadly["fatalities"].astype(float).tolist() == [1.0]


def test_every_source_column_is_kept(events: pd.DataFrame, source: pd.DataFrame) -> None:
    renamed = {"event_id_cnty", "notes", "location", "latitude", "longitude", "source", "tags"}
    for column in source.columns:
        if column not in renamed:
            assert column in events.columns, column
    assert events["event_date"].tolist() == source["event_date"].tolist()
    assert events["assoc_actor_1"].fillna("").tolist() == source["assoc_actor_1"].tolist()
    assert events["description"].tolist() == source["notes"].str.strip().tolist()


def _edited(tmp_path: Path, source: pd.DataFrame, edits: dict[tuple[int, str], str]) -> Path:
    frame = source.copy()
    for (row, column), value in edits.items():
        frame.loc[row, column] = value
    path = tmp_path / "acled.csv"
    frame.to_csv(path, index=False)
    return path


def test_precision_3_is_the_calendar_month(tmp_path: Path, source: pd.DataFrame) -> None:
    path = _edited(tmp_path, source, {(0, "time_precision"): "3"})
    row = tl.load_events(path).iloc[0]
    assert row["date_text"] == "2022-06"
    assert (row["start"], row["end"]) == (TS("2022-06-01"), TS("2022-07-01"))
    assert (row["start_precision"], row["kind"]) == ("month", "instant")


def test_rows_the_format_refuses_are_rejected_with_reasons(
    tmp_path: Path, source: pd.DataFrame
) -> None:
    path = _edited(
        tmp_path,
        source,
        {
            (1, "time_precision"): "4",
            (2, "event_date"): "2022-06",
            (3, "event_date"): "",
            (4, "event_id_cnty"): source.loc[5, "event_id_cnty"],
        },
    )
    failures = tl.validate_events(path)
    got = list(zip(failures["row"], failures["column"], failures["value"], strict=True))
    assert got == [
        (2, "time_precision", "4"),
        (3, "event_date", "2022-06"),
        (4, "event_date", ""),
        (6, "event_id", source.loc[5, "event_id_cnty"]),
    ]
    assert failures["reason"].tolist()[:3] == [
        "time_precision must be 1 (the day), 2 (a week around the date) or 3 (the month)",
        "event_date must name one day: names a month",
        "event_date is empty",
    ]
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(path, on_error="skip")
    assert len(events) + record[0].message.rejected == len(source)
    assert len(events) == len(source) - 4


def test_written_dates_and_typed_frames_import_alike(source: pd.DataFrame) -> None:
    typed = source.head(5).copy()
    typed["event_date"] = pd.to_datetime(typed["event_date"])  # as from Excel or Parquet
    typed["time_precision"] = typed["time_precision"].astype(int)
    worded = source.head(5).copy()
    worded["event_date"] = pd.to_datetime(worded["event_date"]).dt.strftime("%d %B %Y")
    expected = tl.load_events(source.head(5), format="acled")
    for frame in (typed, worded):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            events = tl.load_events(frame, format="acled")
        assert events["start"].tolist() == expected["start"].tolist()
        assert events["date_text"].tolist() == expected["date_text"].tolist()


def test_missing_required_column_is_named(source: pd.DataFrame) -> None:
    with pytest.raises(EventDataError, match="missing column\\(s\\) 'time_precision'") as info:
        tl.load_events(source.drop(columns="time_precision"), format="acled")
    assert info.value.failures["column"].tolist() == ["time_precision"]


def test_a_row_without_any_title_part_is_rejected_and_others_stay_aligned(
    tmp_path: Path, source: pd.DataFrame
) -> None:
    blank = {(2, name): "" for name in ("event_type", "sub_event_type", "location")}
    failures = tl.validate_events(_edited(tmp_path, source, blank))
    assert list(zip(failures["row"], failures["column"], strict=True)) == [(3, "title")]
    with pytest.warns(RejectedRowsWarning):
        events = tl.load_events(tmp_path / "acled.csv", on_error="skip")
    expected = source.drop(index=2)
    assert events["event_id"].tolist() == expected["event_id_cnty"].tolist()
    suffixes = (" in " + expected["location"]).tolist()
    assert all(t.endswith(e) for t, e in zip(events["title"], suffixes, strict=True))


def test_multi_line_notes_across_read_blocks(tmp_path: Path, source: pd.DataFrame) -> None:
    # several read blocks with line breaks inside quoted notes: some fall on a boundary
    copies = []
    for copy in range(140):
        part = source.copy()
        part["event_id_cnty"] = part["event_id_cnty"] + f"-{copy}"
        part["notes"] = part["notes"] + "\nSecond line, with a comma.\r\nThird line."
        copies.append(part)
    frame = pd.concat(copies, ignore_index=True)
    path = tmp_path / "acled_big.csv"
    frame.to_csv(path, index=False)
    assert path.stat().st_size > 2 * _BLOCK_BYTES
    events = tl.load_events(path)
    assert len(events) == len(frame) == 140 * 120
    assert events["event_id"].tolist() == frame["event_id_cnty"].tolist()
    assert events["description"].str.endswith("\nThird line.").all()
    assert events["fatalities"].tolist() == frame["fatalities"].astype(int).tolist()


def test_coded_whole_numbers_are_read_as_numbers(
    events: pd.DataFrame, source: pd.DataFrame
) -> None:
    for name in WHOLE_NUMBERS:
        if name in source:
            assert events[name].dtype == "int64", name
            assert events[name].tolist() == source[name].astype(int).tolist()


def test_a_coded_number_column_with_text_in_it_stays_text(
    tmp_path: Path, source: pd.DataFrame
) -> None:
    frame = source.copy()
    frame.loc[5, "inter1"] = "07"
    path = tmp_path / "acled.csv"
    frame.to_csv(path, index=False)
    coded = tl.load_events(path)
    assert coded["inter1"].dtype == "int64" and coded["inter1"].iloc[5] == 7  # a code
    frame.loc[3, "iso"] = "n/a"  # not a number: the file is read as text, as any file
    frame.to_csv(path, index=False)
    events = tl.load_events(path)
    assert len(events) == len(frame)
    assert events["iso"].iloc[3] == "n/a" and events["iso"].iloc[0] == frame["iso"].iloc[0]
    assert events["inter1"].iloc[5] == "07"  # the generic rule keeps it: not a plain number
    assert events["year"].dtype == "int64"
