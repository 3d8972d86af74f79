"""Report-relative phrases of news text, resolved against the report date."""

from __future__ import annotations

import pandas as pd
import pytest

import timeline as tl
from timeline.dates.gregorian import civil_from_days, days_from_civil
from timeline.dates.report_days import month_day, months_before, weekday_ahead

# 2025-11-20 is a Thursday; 2025-11-01 a Saturday.
CASES = [
    ("on the 13th", "2025-11-20", "2025-11-13", "2025-11-14"),
    ("the 13th", "2025-11-01", "2025-10-13", "2025-10-14"),  # still ahead: the month before
    ("the 20th", "2025-11-20", "2025-11-20", "2025-11-21"),  # the report day itself
    ("the 31st", "2025-12-15", "2025-10-31", "2025-11-01"),  # November has no 31st
    ("Tuesday", "2025-11-20", "2025-11-18", "2025-11-19"),
    ("on Tuesday", "2025-11-20", "2025-11-18", "2025-11-19"),
    ("earlier on Tuesday", "2025-11-18", "2025-11-18", "2025-11-19"),  # the report day
    ("earlier Tuesday", "2025-11-20", "2025-11-18", "2025-11-19"),
    ("late on Sunday", "2025-11-20", "2025-11-16", "2025-11-17"),
    ("last Wednesday", "2025-11-19", "2025-11-12", "2025-11-13"),  # strictly before
    ("since Wednesday", "2025-11-20", "2025-11-19", None),
    ("3 November 2025 (local time)", "2025-11-20", "2025-11-03", "2025-11-04"),
    ("14:30 local time on 3 November 2025", "2025-11-20", "2025-11-03", "2025-11-04"),
    ("Sunday (local time)", "2025-11-20", "2025-11-16", "2025-11-17"),
    ("over the past two weeks", "2025-11-20", "2025-11-06", "2025-11-21"),
    ("the past 10 days", "2025-11-20", "2025-11-10", "2025-11-21"),
    ("the last three months", "2025-11-20", "2025-08-20", "2025-11-21"),
    ("over the past month", "2025-03-31", "2025-02-28", "2025-04-01"),
    ("in recent days", "2025-11-20", "2025-11-13", "2025-11-21"),
    ("in recent weeks", "2025-11-20", "2025-10-23", "2025-11-21"),
    ("by Monday", "2025-11-20", "2025-11-20", "2025-11-25"),  # a deadline ahead
    ("by Thursday", "2025-11-20", "2025-11-20", "2025-11-21"),  # the report day is one
    ("by 15 November 2025", "2025-11-20", None, "2025-11-16"),
    ("since the start of the year", "2024-12-04", "2024-01-01", None),
    ("the end of last month", "2024-12-04", "2024-11-21", "2024-12-01"),
    ("until the end of next year", "2024-12-04", None, "2026-01-01"),
    ("about 8:30 p.m. EDT on Wednesday", "2024-10-10", "2024-10-10 00:30", "2024-10-10 00:31"),
    ("9 am EDT on Monday", "2024-10-10", "2024-10-07 13:00", "2024-10-07 13:01"),
    # a clock time without a zone is local time: the day is kept, the time dropped
    ("8:30 p.m. on Wednesday", "2025-11-20", "2025-11-19", "2025-11-20"),
    ("between 6 a.m. on Monday and 6 a.m. on Tuesday", "2025-08-05", "2025-08-04", "2025-08-06"),
]


def _stamp(value: str | None) -> pd.Timestamp:
    return pd.NaT if value is None else pd.Timestamp(value)


@pytest.mark.parametrize(("text", "reported", "start", "end"), CASES)
def test_phrase_resolves_against_the_report_date(
    text: str, reported: str, start: str | None, end: str | None
) -> None:
    date = tl.parse_date(text, reference_date=reported)
    assert (date.start, date.end) == (_stamp(start), _stamp(end)) or (
        pd.isna(date.start) and start is None and date.end == _stamp(end)
    )


def test_vague_periods_are_approximate_and_exact_ones_are_not() -> None:
    assert tl.parse_date("in recent days", "2025-11-20").approximate
    assert tl.parse_date("the past few weeks", "2025-11-20").approximate
    assert not tl.parse_date("over the past two weeks", "2025-11-20").approximate
    assert tl.parse_date("over the past two weeks", "2025-11-20").kind == "span"


def test_vectorized_path_reads_them_too() -> None:
    frame = tl.normalize_dates(
        pd.Series(["on the 13th", "by Monday", "in recent days"]), "2025-11-20"
    )
    assert frame["date_error"].eq("").all()
    assert frame["start"].tolist() == [
        pd.Timestamp("2025-11-13"),
        pd.Timestamp("2025-11-20"),
        pd.Timestamp("2025-11-13"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("the 32nd", "no month has a day 32"),
        ("the 0th", "no month has a day 0"),
        ("that day", "refers to a date given earlier in the text"),
        ("the same day", "refers to a date given earlier in the text"),
        ("the next day", "refers to a date given earlier in the text"),
        ("the past 0 days", "names a period of no length"),
        ("by 1-3 November 2025", "'by' needs one date after it"),
    ],
)
def test_impossible_phrases_are_rejected_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(tl.DateParseError, match=reason):
        tl.parse_date(text, reference_date="2025-11-20")


@pytest.mark.parametrize("text", ["on the 13th", "the 3rd", "over the past two weeks", "by Monday"])
def test_without_a_report_date_they_are_rejected(text: str) -> None:
    with pytest.raises(tl.DateParseError, match="report date"):
        tl.parse_date(text)


def test_phrases_the_engine_read_before_are_unchanged() -> None:
    assert tl.parse_date("last week", "2025-11-20").edtf == "2025-11-10/2025-11-16"
    assert tl.parse_date("19 June 2024").edtf == "2024-06-19"
    assert tl.parse_date("the 19th century").start == pd.Timestamp("1801-01-01")


def test_day_arithmetic() -> None:
    ref = days_from_civil(2024, 3, 30)
    assert civil_from_days(month_day(ref, 30)) == (2024, 3, 30)
    assert civil_from_days(month_day(ref, 31)) == (2024, 1, 31)  # February has no 31st
    assert civil_from_days(month_day(days_from_civil(2024, 1, 5), 20)) == (2023, 12, 20)
    assert civil_from_days(weekday_ahead(days_from_civil(2025, 11, 20), 3)) == (2025, 11, 20)
    assert civil_from_days(months_before(days_from_civil(2024, 3, 31), 1)) == (2024, 2, 29)
    with pytest.raises(ValueError, match="day 40"):
        month_day(ref, 40)
