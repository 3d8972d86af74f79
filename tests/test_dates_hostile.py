"""Hostile and broken date cells: each gets a reason of its own, the rest still parse.

Issue #17: unknown digits in any case, years past 9999 (also after the UTC conversion of
a time), and cells normalize_dates used to fail on as a whole column.
"""

from __future__ import annotations

import datetime as dt
import decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline as tl
from timeline.dates.spec import END_US, FIRST_US
from timeline.errors import DateParseError

# ------------------------------------------------------------------ unknown digits


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("199x", "199X"),
        ("199X", "199X"),
        ("199u", "199X"),
        ("202U", "202X"),
        ("20xx", "20XX"),
        ("20Xx", "20XX"),
        ("19uU", "19XX"),
        ("2024-xx", "2024"),
        ("2024-UU", "2024"),
        ("2024-06-xx", "2024-06"),
        ("2024-06-uu", "2024-06"),
        ("199x?", "199X?"),
    ],
)
def test_unspecified_digits_in_either_case(text: str, edtf: str) -> None:
    assert tl.parse_date(text).edtf == edtf


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("UUUU", "too unspecified"),
        ("uuuu", "too unspecified"),
        ("xxxx", "too unspecified"),
        ("1xxx", "too unspecified"),
        ("x999", "too unspecified"),
        ("199x-06", "partly unspecified"),
        ("2024-1x", "partly unspecified month"),
        ("2024-06-1u", "partly unspecified day"),
        ("2024-xx-05", "unspecified month"),
        ("2024-06-xxT10:00", "needs a full date"),
    ],
)
def test_impossible_unspecified_digits_are_a_date_parse_error(text: str, why: str) -> None:
    with pytest.raises(DateParseError, match=why) as info:
        tl.parse_date(text)
    assert info.value.text == text


def test_a_csv_with_unknown_digits_fails_those_rows_only(tmp_path: object) -> None:
    path = tmp_path / "events.csv"  # type: ignore[operator]
    path.write_text(
        "title,date\nA,2024\nB,199x\nC,UUUU\nD,2024-xx\nE,20xx\nF,202U\nG,1x9x\nH,2025\n"
    )
    failures = tl.validate_events(path)
    assert failures["row"].tolist() == [3, 7]
    assert set(failures["column"]) == {"date_text"}
    assert failures["value"].tolist() == ["UUUU", "1x9x"]
    assert all("unspecified" in r for r in failures["reason"])
    with pytest.warns(tl.RejectedRowsWarning):
        events = tl.load_events(path, on_error="skip")
    assert events["title"].tolist() == ["A", "B", "D", "E", "F", "H"]
    assert events["edtf"].tolist() == ["2024", "199X", "2024", "20XX", "202X", "2025"]


# ------------------------------------------------------------------ years 1-9999


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("9999-12-31T23:30-05:00", "after 9999-12-31"),
        ("9999-12-31T20:00-04", "after 9999-12-31"),
        ("9999-12-31 23:59:59-00:01", "after 9999-12-31"),
        ("0001-01-01T00:30+01:00", "before 0001-01-01"),
        ("0001-01-01T00:00:00+00:01", "before 0001-01-01"),
        ("10000-01-01", "outside the years 1-9999"),
        ("10000-01", "outside the years 1-9999"),
        ("12345-06-07T10:00Z", "outside the years 1-9999"),
        ("2024/10000-01", "outside the years 1-9999"),
        ("-314918-08-13T06:13:20", "outside the years 1-9999"),
        ("+12000-01-01", "outside the years 1-9999"),
        ("Y10000", "after 9999"),
        ("after 9999", "after 9999"),
    ],
)
def test_nothing_outside_years_1_to_9999(text: str, why: str) -> None:
    with pytest.raises(DateParseError, match=why):
        tl.parse_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:59:59.999999Z",
        "9999-12-31T23:59Z",
        "9999-12-31T18:00-05:00",
        "0001-01-01T00:00Z",
        "0001-01-01T10:00+09:00",
        "9999",
        "9999-12",
        "20240601",
    ],
)
def test_the_edges_of_the_range_still_parse_and_round_trip(text: str) -> None:
    parsed = tl.parse_date(text)
    assert pd.Timestamp("0001-01-01") <= parsed.start < parsed.end
    assert parsed.end <= pd.Timestamp("9999-12-31 23:59:59.999999") + pd.Timedelta(1, "us")
    again = tl.parse_date(parsed.edtf)
    assert (again.start, again.end) == (parsed.start, parsed.end)


def test_a_time_past_9999_in_utc_is_a_failure_row_not_a_crash_later() -> None:
    frame = pd.DataFrame(
        {"title": ["late", "fine"], "date": ["9999-12-31T23:30-05:00", "2024-06-19T10:00-05:00"]}
    )
    failures = tl.validate_events(frame)
    assert failures[["row", "column", "value"]].values.tolist() == [
        [0, "date_text", "9999-12-31T23:30-05:00"]
    ]
    with pytest.warns(tl.RejectedRowsWarning):
        events = tl.load_events(frame, on_error="skip")
    assert events["title"].tolist() == ["fine"]
    tl.plot(events)  # drawing the rest works


zones = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59)


@settings(max_examples=200, deadline=dt.timedelta(milliseconds=500))
@given(
    day=st.sampled_from(["0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31"]),
    minute=st.integers(min_value=0, max_value=24 * 60 - 1),
    zone=zones,
)
def test_times_with_offsets_near_the_edges(day: str, minute: int, zone: int) -> None:
    sign = "-" if zone < 0 else "+"
    offset = f"{sign}{abs(zone) // 60:02d}:{abs(zone) % 60:02d}"
    text = f"{day}T{minute // 60:02d}:{minute % 60:02d}{offset}"
    utc_us = (pd.Timestamp(day) - pd.Timestamp("1970-01-01")) // pd.Timedelta(1, "us") + (
        minute - zone
    ) * 60_000_000
    inside = utc_us >= FIRST_US and utc_us + 60_000_000 <= END_US
    try:
        parsed = tl.parse_date(text)
    except DateParseError as exc:
        assert not inside, exc
        assert "years 1-9999" in exc.reason
        return
    assert inside
    again = tl.parse_date(parsed.edtf)
    assert (again.start, again.end) == (parsed.start, parsed.end)
    assert tl.normalize_dates(pd.Series([text]))["start"].iloc[0] == parsed.start


# ------------------------------------------------------------------ exotic cells


EXOTIC = {
    "integer of 5,000 digits": (10**5000, "over 200 digits"),
    "negative integer of 5,000 digits": (-(10**5000), "over 200 digits"),
    "float 1e300": (1e300, "over 200 digits"),
    "infinity": (float("inf"), "inf is not a date"),
    "signalling NaN": (decimal.Decimal("sNaN"), "snan"),
    "datetime64 in year 12000": (np.datetime64("12000-01-01"), "outside the years 1-9999"),
    "datetime64 before 1 CE": (np.datetime64("-0005-01-01"), "outside the years 1-9999"),
    "zoned datetime past 9999 in UTC": (
        dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        "outside the years 1-9999",
    ),
    "timedelta": (dt.timedelta(days=3), "duration"),
    "numpy timedelta": (np.timedelta64(3, "D"), "duration"),
    "pandas Timedelta": (pd.Timedelta(1), "duration"),
}


@pytest.mark.parametrize("name", list(EXOTIC))
def test_an_exotic_cell_is_a_date_error_of_its_own(name: str) -> None:
    value, why = EXOTIC[name]
    series = pd.Series([value, "2024", None], dtype=object)
    frame = tl.normalize_dates(series)
    assert why in frame["date_error"].iloc[0].lower()
    assert frame["edtf"].tolist()[1:] == ["2024", ""]
    assert frame["date_error"].tolist()[1:] == ["", "empty"]
    with pytest.raises(DateParseError):
        tl.parse_date(value)


def test_only_exotic_cells() -> None:
    series = pd.Series([10**5000, decimal.Decimal("sNaN"), np.datetime64("12000-01-01")])
    frame = tl.normalize_dates(series)
    assert frame["start"].isna().all()
    assert frame["date_error"].ne("").all()


def test_a_timedelta_series_fails_per_cell() -> None:
    frame = tl.normalize_dates(pd.Series(pd.to_timedelta([1, None, 3], unit="D")))
    assert frame["date_error"].tolist()[1] == "empty"
    assert "duration" in frame["date_error"].iloc[0]
    assert "duration" in frame["date_error"].iloc[2]


@pytest.mark.parametrize("arrow_type", [pa.date32(), pa.date64(), pa.timestamp("s")])
def test_arrow_temporal_extremes_fail_per_cell(arrow_type: pa.DataType) -> None:
    if pa.types.is_date32(arrow_type):
        raw = pa.array([-(10**9), 0, 10**9, None], pa.int32())
    elif pa.types.is_date64(arrow_type):
        raw = pa.array([-(10**17), 0, 10**17, None], pa.int64())
    else:
        raw = pa.array([-(10**13), 0, 10**13, None], pa.int64())
    series = pd.Series(raw.cast(arrow_type), dtype=pd.ArrowDtype(arrow_type))
    frame = tl.normalize_dates(series)
    assert frame["edtf"].tolist() == ["", "1970-01-01", "", ""]
    errors = frame["date_error"].tolist()
    assert "outside the years 1-9999" in errors[0]
    assert "outside the years 1-9999" in errors[2]
    assert errors[3] == "empty"


def test_arrow_durations_fail_per_cell() -> None:
    series = pd.Series(pa.array([1, None], pa.duration("s")), dtype=pd.ArrowDtype(pa.duration("s")))
    assert tl.normalize_dates(series)["date_error"].tolist()[1] == "empty"
    assert "duration" in tl.normalize_dates(series)["date_error"].iloc[0]


def test_numpy_datetimes_far_out_fail_per_cell() -> None:
    values = np.array(["0001-01-01", "9999-12-31", "12000-01-01", "NaT"], dtype="datetime64[s]")
    frame = tl.normalize_dates(pd.Series(values))
    assert frame["edtf"].tolist()[:2] == ["0001-01-01", "9999-12-31"]
    assert "outside the years 1-9999" in frame["date_error"].iloc[2]
    assert frame["date_error"].iloc[3] == "empty"


@pytest.mark.parametrize("dtype", ["float32", "float64", "int32", "int64", "Int64", "uint16"])
def test_a_year_column_of_any_numeric_dtype(dtype: str) -> None:
    frame = tl.normalize_dates(pd.Series([2024, 1999], dtype=dtype))
    assert frame["edtf"].tolist() == ["2024", "1999"]
    events = tl.load_events(
        pd.DataFrame({"title": ["a", "b"], "date": pd.array([2024, 1999], dtype)})
    )
    assert events["edtf"].tolist() == ["2024", "1999"]


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no text")

    __hash__ = None  # type: ignore[assignment]


def test_a_cell_whose_text_fails() -> None:
    frame = tl.normalize_dates(pd.Series([_Unprintable(), "2024"], dtype=object))
    assert "cannot be read as text" in frame["date_error"].iloc[0]
    assert frame["edtf"].iloc[1] == "2024"
