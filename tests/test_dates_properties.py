"""Properties of the date engine, checked with hypothesis.

- every accepted input has start < end (where both exist);
- the EDTF text of a result parses back to the same bounds and flags;
- a random date formatted at any precision parses back to that unit's bounds;
- no input raises anything but DateParseError (the time per input is a benchmark:
  benchmarks/bench_api.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.dates import DateConventions, FuzzyDate, parse_date
from timeline.errors import DateParseError

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
REF = "2024-11-01"
PROPERTY = settings(
    max_examples=300,
    deadline=dt.timedelta(milliseconds=500),
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces of date phrases, put together at random: most combinations are nonsense, which is
# the point for the "never raises anything else" property; many are accepted dates.
PIECES = [
    "2024", "1997", "0800", "9999", "98", "13", "31", "5", "-", "/", "..", "?", "~", "%", ",",
    " ", "(", ")", "June", "Sept.", "mid", "early", "late", "since", "from", "to", "between",
    "and", "or later", "before", "after", "until", "Q1", "H2", "spring", "winter", "19th",
    "century", "c.", "circa", "about", "reportedly", "1990s", "1800s", "199X", "20XX",
    "2024-06", "2024-06-19", "2024-21", "2024-33", "2024-41", "T10:30Z", "last", "week",
    "yesterday", "two days ago", "Monday", "AD", "the", "of", "present", "onwards", "first",
    "half", "quarter", "third",
]  # fmt: skip
phrases = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map(" ".join)
noise = st.text(
    alphabet=st.sampled_from(list("0123456789-/.:?~%()[]{}XYTZ+ ,'&abcdeijlmnorstuwy\u2013")),
    max_size=30,
)
anything = st.one_of(phrases, noise, st.text(max_size=40))


def parse_or_none(text: str, **kwargs: object) -> FuzzyDate | None:
    try:
        return parse_date(text, **kwargs)  # type: ignore[arg-type]
    except DateParseError:
        return None


@PROPERTY
@given(anything)
def test_only_date_parse_error(text: str) -> None:
    # the time per text is measured in benchmarks/bench_api.py, not asserted here
    for reference in (None, REF):
        try:
            parse_date(text, reference)
        except DateParseError as exc:
            assert exc.reason


@PROPERTY
@given(phrases)
def test_start_is_before_end(text: str) -> None:
    fd = parse_or_none(text, reference_date=REF)
    if fd is None:
        return
    assert fd.start is not pd.NaT or fd.end is not pd.NaT
    if fd.start is not pd.NaT and fd.end is not pd.NaT:
        assert fd.start < fd.end
    assert fd.open_end == (fd.end is pd.NaT)


def assert_round_trip(fd: FuzzyDate, conventions: DateConventions | None = None) -> None:
    # the EDTF text is read as EDTF: "2024-25" is spring 2024 there, not the years 2024-2025
    edtf_input = replace(conventions or DateConventions(), two_digit_years="edtf")
    again = parse_date(fd.edtf, conventions=edtf_input)
    assert (again.start, again.end) == (fd.start, fd.end), fd
    assert (again.open_end, again.approximate, again.uncertain) == (
        fd.open_end,
        fd.approximate,
        fd.uncertain,
    ), fd


@PROPERTY
@given(phrases)
def test_edtf_round_trip_of_accepted_phrases(text: str) -> None:
    fd = parse_or_none(text, reference_date=REF)
    if fd is not None:
        assert_round_trip(fd)


CONVENTIONS = st.builds(
    DateConventions,
    hemisphere=st.sampled_from(["north", "south"]),
    seasons=st.sampled_from(["meteorological", "astronomical"]),
    centuries=st.sampled_from(["ordinal", "hundreds"]),
    plural_hundreds=st.sampled_from(["century", "decade"]),
)
SEASONAL = st.sampled_from(
    ["spring", "summer", "autumn", "winter", "late", "early", "mid", "19th century", "1800s"]
)


@PROPERTY
@given(CONVENTIONS, SEASONAL, st.integers(1000, 9998))
def test_edtf_round_trip_under_any_conventions(
    conventions: DateConventions, word: str, year: int
) -> None:
    text = word if "century" in word or word.endswith("s") else f"{word} {year}"
    fd = parse_date(text, conventions=conventions)
    assert_round_trip(fd, conventions)


def month_start(year: int, month: int) -> pd.Timestamp:
    index = (year - 1970) * 12 + month - 1
    return pd.Timestamp(np.datetime64(index, "M").astype("datetime64[us]"))


dates = st.dates(min_value=dt.date(10, 1, 1), max_value=dt.date(9999, 12, 31))


@PROPERTY
@given(dates, st.integers(0, 9))
def test_format_at_each_precision_and_parse_back(day: dt.date, form: int) -> None:
    y, m, d = day.year, day.month, day.day
    name = MONTHS[m - 1]
    quarter, half, third = (m - 1) // 3, (m - 1) // 6, (m - 1) // 4
    decade = y // 10 * 10
    cases = [
        (f"{y:04d}-{m:02d}-{d:02d}", pd.Timestamp(day), pd.Timestamp(day) + pd.Timedelta(days=1)),
        (f"{d} {name} {y:04d}", pd.Timestamp(day), pd.Timestamp(day) + pd.Timedelta(days=1)),
        (f"{name} {d}, {y:04d}", pd.Timestamp(day), pd.Timestamp(day) + pd.Timedelta(days=1)),
        (f"{y:04d}-{m:02d}", month_start(y, m), month_start(y, m + 1)),
        (f"{name} {y:04d}", month_start(y, m), month_start(y, m + 1)),
        (f"{y:04d}", month_start(y, 1), month_start(y + 1, 1)),
        (
            f"Q{quarter + 1} {y:04d}",
            month_start(y, 3 * quarter + 1),
            month_start(y, 3 * quarter + 4),
        ),
        (f"H{half + 1} {y:04d}", month_start(y, 6 * half + 1), month_start(y, 6 * half + 7)),
        (f"{y:04d}-{37 + third}", month_start(y, 4 * third + 1), month_start(y, 4 * third + 5)),
        (f"{decade // 10:03d}X", month_start(decade, 1), month_start(decade + 10, 1)),
    ]
    text, start, end = cases[form]
    fd = parse_date(
        text, conventions=DateConventions(two_digit_years="edtf") if form == 8 else None
    )
    assert (fd.start, fd.end) == (start, end), text
    assert_round_trip(fd)
