"""parse_date: every accepted form with exact bounds, conventions, and rejections."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from timeline.dates import DateConventions, FuzzyDate, parse_date
from timeline.errors import DateParseError
from timeline.schema import PRECISIONS

REF = "2024-11-01"  # a Friday
EDTF_INPUT = DateConventions(two_digit_years="edtf")  # "2024-26" is an EDTF code, not 2024-26


def ts(text: str) -> pd.Timestamp:
    """A timestamp from ISO text, also past 9999-12-31 (the exclusive end of year 9999)."""
    return pd.Timestamp(np.datetime64(text.replace(" ", "T"), "us"))


# text, start, end (exclusive), start precision, end precision, kind, edtf
ABSOLUTE = [
    # ISO 8601 / EDTF level 0
    ("2024-06-19", "2024-06-19", "2024-06-20", "day", "day", "instant", "2024-06-19"),
    ("2024-06", "2024-06-01", "2024-07-01", "month", "month", "instant", "2024-06"),
    ("2024", "2024-01-01", "2025-01-01", "year", "year", "instant", "2024"),
    ("0001-01-01", "0001-01-01", "0001-01-02", "day", "day", "instant", "0001-01-01"),
    ("9999", "9999-01-01", "10000-01-01", "year", "year", "instant", "9999"),
    (
        "2024-06-19T10:30:00Z",
        "2024-06-19 10:30:00",
        "2024-06-19 10:30:01",
        "time",
        "time",
        "instant",
        "2024-06-19T10:30:00Z",
    ),
    (
        "2024-06-19T10:30+02:00",
        "2024-06-19 08:30",
        "2024-06-19 08:31",
        "time",
        "time",
        "instant",
        "2024-06-19T08:30Z",
    ),
    (
        "2024-06-19T23:30:00-05:00",
        "2024-06-20 04:30:00",
        "2024-06-20 04:30:01",
        "time",
        "time",
        "instant",
        "2024-06-20T04:30:00Z",
    ),
    (
        "2024-06-19T10:30:00.250Z",
        "2024-06-19 10:30:00.250",
        "2024-06-19 10:30:00.251",
        "time",
        "time",
        "instant",
        "2024-06-19T10:30:00.250Z",
    ),
    (
        "2024-10-28/2024-11-02",
        "2024-10-28",
        "2024-11-03",
        "day",
        "day",
        "span",
        "2024-10-28/2024-11-02",
    ),
    ("2024-06/2024-08", "2024-06-01", "2024-09-01", "month", "month", "span", "2024-06/2024-08"),
    ("20200215", "2020-02-15", "2020-02-16", "day", "day", "instant", "2020-02-15"),
    ("2024-W25", "2024-06-17", "2024-06-24", "week", "week", "instant", "2024-06-17/2024-06-23"),
    # EDTF level 1: unspecified digits, seasons, Y years, extended intervals
    ("202X", "2020-01-01", "2030-01-01", "decade", "decade", "instant", "202X"),
    ("20XX", "2000-01-01", "2100-01-01", "century", "century", "instant", "20XX"),
    ("2024-XX", "2024-01-01", "2025-01-01", "year", "year", "instant", "2024"),
    ("2024-06-XX", "2024-06-01", "2024-07-01", "month", "month", "instant", "2024-06"),
    ("2024-21", "2024-03-01", "2024-06-01", "season", "season", "instant", "2024-25"),
    ("2024-24", "2024-12-01", "2025-03-01", "season", "season", "instant", "2024-28"),
    ("Y2024", "2024-01-01", "2025-01-01", "year", "year", "instant", "2024"),
    # EDTF level 2 sub-year groupings 25-41 (read with EDTF_INPUT: see test_absolute_forms)
    ("2024-26", "2024-06-01", "2024-09-01", "season", "season", "instant", "2024-26"),
    ("2024-29", "2024-09-01", "2024-12-01", "season", "season", "instant", "2024-29"),
    ("2024-31", "2024-03-01", "2024-06-01", "season", "season", "instant", "2024-31"),
    ("2024-33", "2024-01-01", "2024-04-01", "quarter", "quarter", "instant", "2024-33"),
    ("2024-36", "2024-10-01", "2025-01-01", "quarter", "quarter", "instant", "2024-36"),
    ("2024-38", "2024-05-01", "2024-09-01", "third", "third", "instant", "2024-38"),
    ("2024-41", "2024-07-01", "2025-01-01", "half", "half", "instant", "2024-41"),
    # English month names in every common order
    ("19 June 2024", "2024-06-19", "2024-06-20", "day", "day", "instant", "2024-06-19"),
    ("June 19, 2024", "2024-06-19", "2024-06-20", "day", "day", "instant", "2024-06-19"),
    ("Jun. 19 2024", "2024-06-19", "2024-06-20", "day", "day", "instant", "2024-06-19"),
    ("the 19th of June, 2024", "2024-06-19", "2024-06-20", "day", "day", "instant", "2024-06-19"),
    ("2024 June 19", "2024-06-19", "2024-06-20", "day", "day", "instant", "2024-06-19"),
    ("Wednesday, 19 June 2024", "2024-06-19", "2024-06-20", "day", "day", "instant", "2024-06-19"),
    ("Sept. 28, 1969", "1969-09-28", "1969-09-29", "day", "day", "instant", "1969-09-28"),
    ("16-Mar-2024", "2024-03-16", "2024-03-17", "day", "day", "instant", "2024-03-16"),
    (
        "19 June 2024 14:30 UTC",
        "2024-06-19 14:30",
        "2024-06-19 14:31",
        "time",
        "time",
        "instant",
        "2024-06-19T14:30Z",
    ),
    ("June 2024", "2024-06-01", "2024-07-01", "month", "month", "instant", "2024-06"),
    ("June, 2024", "2024-06-01", "2024-07-01", "month", "month", "instant", "2024-06"),
    ("2024 June", "2024-06-01", "2024-07-01", "month", "month", "instant", "2024-06"),
    ("1968-Mar", "1968-03-01", "1968-04-01", "month", "month", "instant", "1968-03"),
    ("in 2024", "2024-01-01", "2025-01-01", "year", "year", "instant", "2024"),
    ("800 AD", "0800-01-01", "0801-01-01", "year", "year", "instant", "0800"),
    # numerals
    ("18.10.2024", "2024-10-18", "2024-10-19", "day", "day", "instant", "2024-10-18"),
    ("26.04.2025", "2025-04-26", "2025-04-27", "day", "day", "instant", "2025-04-26"),
    ("17/06/2025", "2025-06-17", "2025-06-18", "day", "day", "instant", "2025-06-17"),
    ("06/17/2025", "2025-06-17", "2025-06-18", "day", "day", "instant", "2025-06-17"),
    ("05/05/2025", "2025-05-05", "2025-05-06", "day", "day", "instant", "2025-05-05"),
    ("25-5-2001", "2001-05-25", "2001-05-26", "day", "day", "instant", "2001-05-25"),
    ("2020/02/15", "2020-02-15", "2020-02-16", "day", "day", "instant", "2020-02-15"),
    ("03/2020", "2020-03-01", "2020-04-01", "month", "month", "instant", "2020-03"),
    ("2001-6-22", "2001-06-22", "2001-06-23", "day", "day", "instant", "2001-06-22"),
    # early / mid / late
    (
        "early October 2024",
        "2024-10-01",
        "2024-10-11",
        "month",
        "month",
        "instant",
        "2024-10-01/2024-10-10",
    ),
    (
        "mid-March 2025",
        "2025-03-11",
        "2025-03-21",
        "month",
        "month",
        "instant",
        "2025-03-11/2025-03-20",
    ),
    (
        "late October 2024",
        "2024-10-21",
        "2024-11-01",
        "month",
        "month",
        "instant",
        "2024-10-21/2024-10-31",
    ),
    (
        "late February 2024",
        "2024-02-21",
        "2024-03-01",
        "month",
        "month",
        "instant",
        "2024-02-21/2024-02-29",
    ),
    (
        "the end of March 2025",
        "2025-03-21",
        "2025-04-01",
        "month",
        "month",
        "instant",
        "2025-03-21/2025-03-31",
    ),
    ("early 2024", "2024-01-01", "2024-05-01", "third", "third", "instant", "2024-37"),
    ("mid-2024", "2024-05-01", "2024-09-01", "third", "third", "instant", "2024-38"),
    ("late 2024", "2024-09-01", "2025-01-01", "third", "third", "instant", "2024-39"),
    # seasons (meteorological, northern by default)
    ("spring 2025", "2025-03-01", "2025-06-01", "season", "season", "instant", "2025-25"),
    ("the spring of 2025", "2025-03-01", "2025-06-01", "season", "season", "instant", "2025-25"),
    ("summer 2024", "2024-06-01", "2024-09-01", "season", "season", "instant", "2024-26"),
    ("fall 2024", "2024-09-01", "2024-12-01", "season", "season", "instant", "2024-27"),
    ("winter 2024", "2024-12-01", "2025-03-01", "season", "season", "instant", "2024-28"),
    ("winter 2024/25", "2024-12-01", "2025-03-01", "season", "season", "instant", "2024-28"),
    # quarters, thirds, halves
    ("Q1 2025", "2025-01-01", "2025-04-01", "quarter", "quarter", "instant", "2025-33"),
    ("2025 Q3", "2025-07-01", "2025-10-01", "quarter", "quarter", "instant", "2025-35"),
    ("2025-Q4", "2025-10-01", "2026-01-01", "quarter", "quarter", "instant", "2025-36"),
    (
        "the third quarter of 2024",
        "2024-07-01",
        "2024-10-01",
        "quarter",
        "quarter",
        "instant",
        "2024-35",
    ),
    ("first third of 2025", "2025-01-01", "2025-05-01", "third", "third", "instant", "2025-37"),
    ("H1 2025", "2025-01-01", "2025-07-01", "half", "half", "instant", "2025-40"),
    ("the second half of 2024", "2024-07-01", "2025-01-01", "half", "half", "instant", "2024-41"),
    # decades and centuries
    ("1990s", "1990-01-01", "2000-01-01", "decade", "decade", "instant", "199X"),
    ("the 1990's", "1990-01-01", "2000-01-01", "decade", "decade", "instant", "199X"),
    ("early 1990s", "1990-01-01", "1994-01-01", "decade", "decade", "instant", "1990/1993"),
    ("late 1990s", "1997-01-01", "2000-01-01", "decade", "decade", "instant", "1997/1999"),
    ("1800s", "1800-01-01", "1900-01-01", "century", "century", "instant", "18XX"),
    ("19th century", "1801-01-01", "1901-01-01", "century", "century", "instant", "1801/1900"),
    (
        "the twenty-first century",
        "2001-01-01",
        "2101-01-01",
        "century",
        "century",
        "instant",
        "2001/2100",
    ),
    ("late 19th century", "1867-01-01", "1901-01-01", "century", "century", "instant", "1867/1900"),
    # intervals
    (
        "1-3 November 2024",
        "2024-11-01",
        "2024-11-04",
        "day",
        "day",
        "span",
        "2024-11-01/2024-11-03",
    ),
    (
        "1\u20133 November 2024",
        "2024-11-01",
        "2024-11-04",
        "day",
        "day",
        "span",
        "2024-11-01/2024-11-03",
    ),
    (
        "between 1 and 3 November 2024",
        "2024-11-01",
        "2024-11-04",
        "day",
        "day",
        "span",
        "2024-11-01/2024-11-03",
    ),
    (
        "from March 2024 to June 2024",
        "2024-03-01",
        "2024-07-01",
        "month",
        "month",
        "span",
        "2024-03/2024-06",
    ),
    ("March to June 2024", "2024-03-01", "2024-07-01", "month", "month", "span", "2024-03/2024-06"),
    (
        "28 October - 2 November 2024",
        "2024-10-28",
        "2024-11-03",
        "day",
        "day",
        "span",
        "2024-10-28/2024-11-02",
    ),
    (
        "2024-10-28 to 2024-11-02",
        "2024-10-28",
        "2024-11-03",
        "day",
        "day",
        "span",
        "2024-10-28/2024-11-02",
    ),
    (
        "2001-04-16..2001-04-20",
        "2001-04-16",
        "2001-04-21",
        "day",
        "day",
        "span",
        "2001-04-16/2001-04-20",
    ),
    (
        "late October to mid-November 2024",
        "2024-10-21",
        "2024-11-21",
        "month",
        "month",
        "span",
        "2024-10-21/2024-11-20",
    ),
    ("1997-98", "1997-01-01", "1999-01-01", "year", "year", "span", "1997/1998"),
    (
        "December 2024 to February",
        "2024-12-01",
        "2025-03-01",
        "month",
        "month",
        "span",
        "2024-12/2025-02",
    ),
    (
        "between 28 December and 3 January 2025",
        "2024-12-28",
        "2025-01-04",
        "day",
        "day",
        "span",
        "2024-12-28/2025-01-03",
    ),
    (
        "28 December to 3 January 2025",
        "2024-12-28",
        "2025-01-04",
        "day",
        "day",
        "span",
        "2024-12-28/2025-01-03",
    ),
    (
        "December to February 2025",
        "2024-12-01",
        "2025-03-01",
        "month",
        "month",
        "span",
        "2024-12/2025-02",
    ),
    ("Q1-Q3 2025", "2025-01-01", "2025-10-01", "quarter", "quarter", "span", "2025-33/2025-35"),
    ("early to mid 1990s", "1990-01-01", "1997-01-01", "decade", "decade", "span", "1990/1996"),
    (
        "late 19th to early 20th century",
        "1867-01-01",
        "1935-01-01",
        "century",
        "century",
        "span",
        "1867/1934",
    ),
]


@pytest.mark.parametrize(
    ("text", "start", "end", "start_precision", "end_precision", "kind", "edtf"), ABSOLUTE
)
def test_absolute_forms(
    text: str, start: str, end: str, start_precision: str, end_precision: str, kind: str, edtf: str
) -> None:
    edtf_code = len(text) == 7 and text[5:].isdigit() and int(text[5:]) > 24  # 2024-25..41
    fd = parse_date(text, conventions=EDTF_INPUT if edtf_code else None)
    assert (fd.start, fd.end) == (ts(start), ts(end))
    assert (fd.start_precision, fd.end_precision, fd.kind) == (start_precision, end_precision, kind)
    assert fd.edtf == edtf
    assert not fd.open_end
    assert fd.text == text


# text, start, end (None = open), start precision, end precision, open_end, edtf
OPEN = [
    ("2024-09/..", "2024-09-01", None, "month", None, True, "2024-09/.."),
    ("2024-09/", "2024-09-01", None, "month", None, True, "2024-09/"),
    ("../2024-09", None, "2024-10-01", None, "month", False, "../2024-09"),
    ("/2024-09", None, "2024-10-01", None, "month", False, "/2024-09"),
    ("since September 2024", "2024-09-01", None, "month", None, True, "2024-09/.."),
    ("since 2019", "2019-01-01", None, "year", None, True, "2019/.."),
    ("from 2019 onwards", "2019-01-01", None, "year", None, True, "2019/.."),
    ("2019-present", "2019-01-01", None, "year", None, True, "2019/.."),
    ("1985 to unknown", "1985-01-01", None, "year", None, True, "1985/"),
    ("after 1815", "1816-01-01", None, "year", None, True, "1816/.."),
    ("1815 or later", "1815-01-01", None, "year", None, True, "1815/.."),
    ("before 1750", None, "1750-01-01", None, "year", False, "../1749"),
    ("pre-1750", None, "1750-01-01", None, "year", False, "../1749"),
    ("until spring 2025", None, "2025-06-01", None, "season", False, "../2025-25"),
]


@pytest.mark.parametrize(
    ("text", "start", "end", "start_precision", "end_precision", "open_end", "edtf"), OPEN
)
def test_open_ends(
    text: str,
    start: str | None,
    end: str | None,
    start_precision: str | None,
    end_precision: str | None,
    open_end: bool,
    edtf: str,
) -> None:
    fd = parse_date(text)
    assert (fd.start is pd.NaT) == (start is None)
    assert (fd.end is pd.NaT) == (end is None)
    if start is not None:
        assert fd.start == ts(start)
    if end is not None:
        assert fd.end == ts(end)
    assert (fd.start_precision, fd.end_precision) == (start_precision, end_precision)
    assert fd.kind == "span"
    assert fd.open_end is open_end
    assert fd.edtf == edtf


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain", "edtf"),
    [
        ("circa 2024", True, False, "2024~"),
        ("c. 2024", True, False, "2024~"),
        ("ca. 2024", True, False, "2024~"),
        ("about June 2024", True, False, "2024-06~"),
        ("around 2024", True, False, "2024~"),
        ("approximately 19 June 2024", True, False, "2024-06-19~"),
        ("2024?", False, True, "2024?"),
        ("2024~", True, False, "2024~"),
        ("2024%", True, True, "2024%"),
        ("2004-06~", True, False, "2004-06~"),
        ("reportedly 19 June 2024", False, True, "2024-06-19?"),
        ("possibly 2024", False, True, "2024?"),
        ("c. 2024?", True, True, "2024%"),
        ("June 2024 (?)", False, True, "2024-06?"),
        ("c. late October 2024", True, False, "2024-10-21~/2024-10-31~"),
        ("1984~/2004-06", True, False, "1984~/2004-06"),
        ("2001-11-~15..2001-11-~30", True, False, "2001-11-15~/2001-11-30~"),
    ],
)
def test_qualifiers(text: str, approximate: bool, uncertain: bool, edtf: str) -> None:
    fd = parse_date(text)
    assert (fd.approximate, fd.uncertain, fd.edtf) == (approximate, uncertain, edtf)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("19 June 2024 14:30 EST", "2024-06-19 19:30"),
        ("19 June 2024 14:30 est.", "2024-06-19 19:30"),
        ("19 June 2024 2:30 pm EDT", "2024-06-19 18:30"),
        ("19 June 2024 14:30 CDT", "2024-06-19 19:30"),
        ("19 June 2024 14:30 MST", "2024-06-19 21:30"),
        ("19 June 2024 14:30 MDT", "2024-06-19 20:30"),
        ("19 June 2024 23:30 PST", "2024-06-20 07:30"),
        ("19 June 2024 14:30 PDT", "2024-06-19 21:30"),
        ("14:30 CET 19 June 2024", "2024-06-19 13:30"),
        ("19 June 2024 14:30 CEST", "2024-06-19 12:30"),
        ("19 June 2024 14:30 EET", "2024-06-19 12:30"),
        ("19 June 2024 14:30 EEST", "2024-06-19 11:30"),
        ("19 June 2024 14:30 MSK", "2024-06-19 11:30"),
        ("19 June 2024 14:30 KST", "2024-06-19 05:30"),
        ("19 June 2024 08:30 JST", "2024-06-18 23:30"),
        ("19 June 2024 14:30 GMT", "2024-06-19 14:30"),
        ("19 June 2024 14:30 UTC", "2024-06-19 14:30"),
        ("19 June 2024 14:30 Z", "2024-06-19 14:30"),
    ],
)
def test_time_zone_abbreviation_after_a_time_is_a_fixed_offset(text: str, utc: str) -> None:
    fd = parse_date(text)
    assert (fd.start, fd.end) == (ts(utc), ts(utc) + pd.Timedelta(minutes=1))
    assert (fd.approximate, fd.uncertain) == (False, False)
    assert fd.edtf == ts(utc).strftime("%Y-%m-%dT%H:%MZ")


def test_a_range_of_times_in_one_zone() -> None:
    fd = parse_date("19 June 2024 14:30 EST to 20 June 2024 09:00 EST")
    assert fd.edtf == "2024-06-19T19:30Z/2024-06-20T14:00Z"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("19 June 2024 14:30 IST", "the time zone 'IST' is ambiguous: India (UTC+05:30)"),
        ("19 June 2024 14:30 BST", "the time zone 'BST' is ambiguous: British Summer Time"),
        ("19 June 2024 14:30 CST", "the time zone 'CST' is ambiguous: North American Central"),
    ],
)
def test_ambiguous_time_zone_is_rejected(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert info.value.reason.startswith(reason)
    assert "'14:30 UTC+hh:mm'" in info.value.reason


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("est. 19 June 2024", "2024-06-19~"),
        ("19 June 2024 est.", "2024-06-19~"),
        ("estimated 19 June 2024 14:30", "2024-06-19T14:30Z~"),
        ("est. June 2024", "2024-06~"),
    ],
)
def test_est_away_from_a_time_still_means_estimated(text: str, edtf: str) -> None:
    fd = parse_date(text)
    assert (fd.approximate, fd.edtf) == (True, edtf)


# Relative to REF, Friday 1 November 2024.
RELATIVE = [
    ("since September", "2024-09-01", None, "2024-09/.."),
    ("in late October", "2024-10-21", "2024-11-01", "2024-10-21/2024-10-31"),
    ("late October", "2024-10-21", "2024-11-01", "2024-10-21/2024-10-31"),
    ("in October", "2024-10-01", "2024-11-01", "2024-10"),
    ("in December", "2023-12-01", "2024-01-01", "2023-12"),
    ("last week", "2024-10-21", "2024-10-28", "2024-10-21/2024-10-27"),
    ("this week", "2024-10-28", "2024-11-04", "2024-10-28/2024-11-03"),
    ("yesterday", "2024-10-31", "2024-11-01", "2024-10-31"),
    ("today", "2024-11-01", "2024-11-02", "2024-11-01"),
    ("two days ago", "2024-10-30", "2024-10-31", "2024-10-30"),
    ("3 weeks ago", "2024-10-07", "2024-10-14", "2024-10-07/2024-10-13"),
    ("a month ago", "2024-10-01", "2024-11-01", "2024-10"),
    ("last month", "2024-10-01", "2024-11-01", "2024-10"),
    ("last year", "2023-01-01", "2024-01-01", "2023"),
    ("on Monday", "2024-10-28", "2024-10-29", "2024-10-28"),
    ("on Friday", "2024-11-01", "2024-11-02", "2024-11-01"),
    ("last Friday", "2024-10-25", "2024-10-26", "2024-10-25"),
    ("spring", "2024-03-01", "2024-06-01", "2024-25"),
    ("Q3", "2024-07-01", "2024-10-01", "2024-35"),
    ("from December to February", "2023-12-01", "2024-03-01", "2023-12/2024-02"),
    ("on 3 November", "2023-11-03", "2023-11-04", "2023-11-03"),
]


@pytest.mark.parametrize(("text", "start", "end", "edtf"), RELATIVE)
def test_relative_to_report_date(text: str, start: str, end: str | None, edtf: str) -> None:
    fd = parse_date(text, reference_date=REF)
    assert fd.start == ts(start)
    assert (fd.end is pd.NaT) == (end is None)
    if end is not None:
        assert fd.end == ts(end)
    assert fd.edtf == edtf


def test_since_september_contract() -> None:
    fd = parse_date("since September", reference_date="2024-11-01")
    assert fd.start == pd.Timestamp("2024-09-01")
    assert fd.end is pd.NaT
    assert fd.open_end is True
    assert fd.kind == "span"
    assert (fd.start_precision, fd.end_precision) == ("month", None)
    assert fd.edtf == "2024-09/.."


def test_winter_reference_in_january_means_the_winter_that_began_in_december() -> None:
    fd = parse_date("winter", reference_date="2025-01-15")
    assert (fd.start, fd.end) == (pd.Timestamp("2024-12-01"), pd.Timestamp("2025-03-01"))


def test_reference_date_types_give_the_same_day() -> None:
    expected = parse_date("yesterday", "2024-11-01").start
    for ref in (
        dt.date(2024, 11, 1),
        dt.datetime(2024, 11, 1, 23, 59),
        pd.Timestamp("2024-11-01 08:00"),
        pd.Timestamp("2024-11-01 08:00", tz="Asia/Seoul"),  # the report's own calendar date
        "1 November 2024",
    ):
        assert parse_date("yesterday", ref).start == expected


@pytest.mark.parametrize(("dayfirst", "start"), [(True, "2025-05-04"), (False, "2025-04-05")])
def test_ambiguous_numerals_follow_dayfirst(dayfirst: bool, start: str) -> None:
    assert parse_date("04/05/2025", dayfirst=dayfirst).start == pd.Timestamp(start)


def test_one_numeral_date_orients_the_other_side_of_a_range() -> None:
    fd = parse_date("1/2/2000 - 12/21/2001")  # 12/21 can only be month first
    assert (fd.start, fd.end) == (pd.Timestamp("2000-01-02"), pd.Timestamp("2001-12-22"))


REJECTED = [
    ("2025-02-30", "day 30 does not exist in February 2025"),
    ("32 October 2025", "day 32 does not exist in October 2025"),
    ("29 February 2023", "day 29 does not exist in February 2023"),
    ("2025-13", "month 13 does not exist"),
    ("13/13/2025", "month 13 does not exist"),
    ("sometime", "no date in the text"),
    ("soon", "unrecognized word 'soon'"),
    ("", "empty"),
    ("   ", "empty"),
    ("04/05/2025", "ambiguous"),
    ("10/12/24", "write the year in full"),
    ("16-Mar-51", "write the year in full"),
    ("Monday, 18 June 2024", "18 June 2024 is a Tuesday, not a Monday"),
    ("2024-06-19T24:00", "does not exist"),
    ("1997 or 1999", "alternative dates"),
    ("1980s & 1990s", "a list of several dates"),
    ("{1667,1668}", "set of dates"),
    ("[1760-12..]", "EDTF set"),
    ("500 BC", "before the common era"),
    ("-0500", "before 1 CE"),
    ("0000", "year 0 is before 1 CE"),
    ("Y12345", "after 9999"),
    ("after 9999", "the start is after 9999"),
    ("before 0001", "the end is before 1 CE"),
    ("XXXX", "too unspecified"),
    ("156X-12-25", "partly unspecified"),
    ("n.d.", "the date is unknown"),
    ("3rd", "a lone number is not a date"),  # "the 3rd" is a day of the report month
    ("2024-06-01/2024-05-01", "the end (2024-05-01) is before the start (2024-06-01)"),
    ("June 2024 to May 2024", "the end (2024-05) is before the start (2024-06)"),
    # a reversed range within one month is not a range across a year turn
    ("3-1 November 2024", "the end (2024-11-01) is before the start (2024-11-03)"),
    ("between 3 and 1 November 2024", "the end (2024-11-01) is before the start (2024-11-03)"),
    ("5 March to 3 March 2024", "the end (2024-03-03) is before the start (2024-03-05)"),
    ("5 March 2024 to 3 March", "the end (2024-03-03) is before the start (2024-03-05)"),
    ("28 to 3 January 2025", "the end (2025-01-03) is before the start (2025-01-28)"),
    ("late Q1 2025", "not a date expression"),
    ("x" * 300, "longer than 200 characters"),
]


@pytest.mark.parametrize(("text", "reason"), REJECTED)
def test_rejections_name_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert reason in info.value.reason
    assert info.value.text == text
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("3 to 1 November", "the end (2023-11-01) is before the start (2023-11-03)"),
        ("5 March to 3 March", "the end (2024-03-03) is before the start (2024-03-05)"),
    ],
)
def test_reversed_days_of_one_month_are_rejected_with_a_report_date(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text, reference_date=REF)
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("from December to February", "2023-12/2024-02"),
        ("28 December to 3 January", "2023-12-28/2024-01-03"),
        ("winter to spring 2025", "2024-28/2025-25"),
        ("Q4 to Q1 2025", "2024-36/2025-33"),
    ],
)
def test_named_months_across_the_year_turn(text: str, edtf: str) -> None:
    assert parse_date(text, reference_date=REF).edtf == edtf


@pytest.mark.parametrize(
    "text", ["since September", "late October", "yesterday", "two days ago", "in October"]
)
def test_relative_text_without_report_date_is_rejected(text: str) -> None:
    with pytest.raises(DateParseError, match="report date"):
        parse_date(text)


def test_date_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="cannot parse date"):
        parse_date("sometime")


# --------------------------------------------------------------------------- conventions


def test_southern_hemisphere_seasons() -> None:
    south = DateConventions(hemisphere="south")
    fd = parse_date("spring 2025", conventions=south)
    assert (fd.start, fd.end, fd.edtf) == (
        pd.Timestamp("2025-09-01"),
        pd.Timestamp("2025-12-01"),
        "2025-29",
    )
    summer = parse_date("summer 2024", conventions=south)
    assert (summer.start, summer.end) == (pd.Timestamp("2024-12-01"), pd.Timestamp("2025-03-01"))
    # an explicit northern code stays northern whatever the convention
    assert parse_date("2025-25", conventions=south).start == pd.Timestamp("2025-03-01")


def test_astronomical_seasons() -> None:
    conv = DateConventions(seasons="astronomical")
    fd = parse_date("spring 2025", conventions=conv)
    assert (fd.start, fd.end) == (pd.Timestamp("2025-03-20"), pd.Timestamp("2025-06-21"))
    winter = parse_date("winter 2024", conventions=conv)
    assert (winter.start, winter.end) == (pd.Timestamp("2024-12-21"), pd.Timestamp("2025-03-20"))
    edtf_conv = DateConventions(seasons="astronomical", two_digit_years="edtf")
    assert parse_date(winter.edtf, conventions=edtf_conv).start == winter.start


def test_cut_points_are_options() -> None:
    conv = DateConventions(month_parts=(5, 15), year_parts=(3, 9), decade_parts=(2, 6))
    early = parse_date("early October 2024", conventions=conv)
    assert (early.start, early.end) == (pd.Timestamp("2024-10-01"), pd.Timestamp("2024-10-06"))
    late = parse_date("late 2024", conventions=conv)
    assert (late.start, late.end, late.start_precision) == (
        pd.Timestamp("2024-10-01"),
        pd.Timestamp("2025-01-01"),
        "month",
    )
    assert parse_date("late 2024", conventions=conv).edtf == "2024-10/2024-12"
    assert parse_date("mid 1990s", conventions=conv).start == pd.Timestamp("1993-01-01")


def test_century_and_plural_conventions() -> None:
    hundreds = DateConventions(centuries="hundreds")
    fd = parse_date("19th century", conventions=hundreds)
    assert (fd.start, fd.end, fd.edtf) == (
        pd.Timestamp("1800-01-01"),
        pd.Timestamp("1900-01-01"),
        "18XX",
    )
    decade = DateConventions(plural_hundreds="decade")
    assert parse_date("1800s", conventions=decade).end == pd.Timestamp("1810-01-01")


def test_week_start_sunday() -> None:
    conv = DateConventions(week_start="sunday")
    fd = parse_date("the week of 12 June 2024", conventions=conv)
    assert (fd.start, fd.end) == (pd.Timestamp("2024-06-09"), pd.Timestamp("2024-06-16"))
    assert parse_date("the week of 12 June 2024").start == pd.Timestamp("2024-06-10")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"hemisphere": "east"}, r"hemisphere=.*\('north', 'south'\).*'east'"),
        ({"seasons": "solar"}, "seasons="),
        ({"month_parts": (20, 10)}, "month_parts="),
        ({"year_parts": (4,)}, "year_parts="),
        ({"centuries": "roman"}, "centuries="),
    ],
)
def test_conventions_are_validated(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DateConventions(**kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- arguments


def test_arguments_are_validated() -> None:
    with pytest.raises(TypeError, match="dayfirst must be True, False or None; got 'yes'"):
        parse_date("2024", dayfirst="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="conventions must be"):
        parse_date("2024", conventions={"hemisphere": "south"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"reference_date must name one day.*month precision"):
        parse_date("yesterday", reference_date="November 2024")
    with pytest.raises(ValueError, match=r"reference_date must name one day.*'today'"):
        parse_date("yesterday", reference_date="today")
    with pytest.raises(TypeError, match="reference_date must be None"):
        parse_date("yesterday", reference_date=20241101)


def test_dates_timestamps_and_numbers_are_accepted() -> None:
    assert parse_date(dt.date(2024, 6, 19)).edtf == "2024-06-19"
    stamp = parse_date(pd.Timestamp("2024-06-19 10:30"))
    assert (stamp.start_precision, stamp.edtf) == ("time", "2024-06-19T10:30:00Z")
    assert parse_date(2024).edtf == "2024"
    assert parse_date(2024.0).edtf == "2024"
    for missing in (None, float("nan"), pd.NA, pd.NaT):
        with pytest.raises(DateParseError, match="empty"):
            parse_date(missing)


def test_fuzzy_date_is_a_frozen_record() -> None:
    fd = parse_date("June 2024")
    assert isinstance(fd, FuzzyDate)
    with pytest.raises(AttributeError):
        fd.start = pd.Timestamp("2020")  # type: ignore[misc]
    record = fd.to_dict()
    assert list(record) == [
        "text", "start", "end", "start_precision", "end_precision", "kind", "open_end",
        "approximate", "uncertain", "edtf",
    ]  # fmt: skip
    assert record["start_precision"] in PRECISIONS


def test_public_api_from_the_package() -> None:
    assert tl.parse_date is parse_date
    assert tl.FuzzyDate is FuzzyDate
    assert tl.parse_date("June 2024").edtf == "2024-06"


def test_importing_timeline_does_not_load_the_engine() -> None:
    import subprocess
    import sys

    code = "import sys, timeline; print('timeline.dates' in sys.modules, 'pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
