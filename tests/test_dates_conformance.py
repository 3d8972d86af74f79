"""Conformance with two public date-parsing corpora (see tests/data/PROVENANCE.md).

The emendate corpus gives expected bounds; we report how many in-scope strings agree,
and every in-scope disagreement must be a documented convention difference whose result
we check too. Run with ``-s`` to see the printed rates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest

from timeline.dates import parse_date
from timeline.errors import DateParseError

DATA = Path(__file__).parent / "data"
OPEN_START, OPEN_END = "1583-01-01", "2999-12-31"  # emendate's markers for an open bound

OUT_OF_SCOPE = {
    # years outside 1-9999: rejected with a reason (see the README)
    "11,000 BC - 1,600 AD": "years before 1 CE",
    "2002 B.C.": "years before 1 CE",
    "2002 B.C.E.": "years before 1 CE",
    "450 BCE - 200 BCE": "years before 1 CE",
    "450 BCE - 200 CE": "years before 1 CE",
    "450 to 200 BCE": "years before 1 CE",
    "Y-170002": "years before 1 CE",
    "Y170002": "years after 9999",
    # two-digit years: the century would be a guess
    "c.55": "two-digit year",
    "02-10-96": "two-digit year",
    "16-Mar-51": "two-digit year",
    "10-Mar-11": "two-digit year",
    # library-catalogue notations, not reporting language
    "19--": "catalogue notation for unknown digits",
    "19--?": "catalogue notation for unknown digits",
    "1uuu": "unknown digits beyond the century",
    "2000-01-00 - 2001-03-00": "day 00 as 'unknown day'",
    "2000-01-00-2001-03-00": "day 00 as 'unknown day'",
    "© 2002": "copyright marker",
    "1915.0": "a number formatted as text",
    "1970-80's": "abbreviated plural decade",
    "1984-1X": "partly unspecified month (EDTF level 2)",
}


class Difference(NamedTuple):
    start: str | None  # our start (None: open)
    end: str | None  # our inclusive last day (None: open)
    why: str


SEASONS = "seasons are meteorological (spring = March-May); emendate's spring is April-June"
DECADE_THIRDS = "early/mid/late split a decade or century in thirds; emendate's mid overlaps"
EDTF_DAY = "the EDTF text states day 11; the corpus expects the first of the month"
DOCUMENTED = {
    "Spring 2020": Difference("2020-03-01", "2020-05-31", SEASONS),
    "2020 Spring": Difference("2020-03-01", "2020-05-31", SEASONS),
    "2020, summer": Difference("2020-06-01", "2020-08-31", SEASONS),
    "Summer 2019-2020": Difference("2019-06-01", "2020-12-31", SEASONS),
    "Summer 2019/2020": Difference("2019-06-01", "2020-12-31", SEASONS),
    "Winter 2019-2020": Difference("2019-12-01", "2020-02-29", SEASONS),
    "Winter 2019/2020": Difference("2019-12-01", "2020-02-29", SEASONS),
    "Winter 2019-2023": Difference(
        "2019-12-01", "2023-12-31", "winter 2019 to 2023; emendate reads plain years 2019-2023"
    ),
    "Winter 2019/2023": Difference(
        "2019-12-01", "2023-12-31", "winter 2019 to 2023; emendate reads plain years 2019-2023"
    ),
    "Mid 1990s": Difference("1994-01-01", "1996-12-31", DECADE_THIRDS),
    "Early-mid 1990s": Difference("1990-01-01", "1996-12-31", DECADE_THIRDS),
    "mid-19th century": Difference("1835-01-01", "1866-12-31", DECADE_THIRDS),
    "early to mid-19th century": Difference("1801-01-01", "1866-12-31", DECADE_THIRDS),
    "late 1800s": Difference(
        "1866-01-01", "1899-12-31", "'1800s' is the century 1800-1899 (plural_hundreds option)"
    ),
    "pre-1750": Difference(None, "1749-12-31", "'pre-1750' is an interval with an open start"),
    "1974-present": Difference("1974-01-01", None, "'present' is an open end, never today"),
    "1985-04-12T23:20:30-04": Difference(
        "1985-04-13", "1985-04-13", "times are converted to UTC (03:20:30 on 13 April)"
    ),
    "?2004-06-~11": Difference("2004-06-11", "2004-06-11", EDTF_DAY),
    "2004-06~-11": Difference("2004-06-11", "2004-06-11", EDTF_DAY),
    "2004?-06-11": Difference("2004-06-11", "2004-06-11", EDTF_DAY),
    "2000 June 3-15": Difference(
        "2000-06-03", "2000-06-15", "the corpus expects 2020, a typo for the stated 2000"
    ),
}


def ours(text: str, dayfirst: bool | None = None) -> tuple[str | None, str | None] | str:
    """Our start and inclusive last day as ISO dates (None: open), or "rejected"."""
    try:
        fd = parse_date(text, dayfirst=dayfirst)
    except DateParseError:
        return "rejected"
    start = None if fd.start is pd.NaT else str(fd.start.date())
    last = None if fd.end is pd.NaT else str((fd.end - pd.Timedelta(microseconds=1)).date())
    return start, last


def expected(value: str) -> str | None:
    return {"nilValue": "rejected", OPEN_START: None, OPEN_END: None}.get(value, value)


def emendate_cases() -> tuple[list[tuple[str, bool | None, object]], list[str]]:
    """In-scope (text, dayfirst, expected) and the multi-date strings."""
    corpus = pd.read_csv(DATA / "emendate_examples.csv", dtype=str, keep_default_na=False)
    cases, multi = [], []
    for (text, options), rows in corpus.groupby(["test_string", "test_options"], sort=False):
        if len(rows) > 1:
            multi.append(text)
            continue
        if options and not options.startswith("ambiguous_month_day:"):
            continue  # an alternative reading we do not model
        if text in OUT_OF_SCOPE:
            continue
        dayfirst = None if not options else "as_day_month" in options
        row = rows.iloc[0]
        start, end = expected(row["date_start_full"]), expected(row["date_end_full"])
        cases.append((text, dayfirst, "rejected" if start == "rejected" else (start, end)))
    return cases, sorted(set(multi))


def test_emendate_in_scope_subset_agrees() -> None:
    cases, _ = emendate_cases()
    agree, documented, wrong = [], [], []
    for text, dayfirst, want in cases:
        got = ours(text, dayfirst)
        if got == want:
            agree.append(text)
        elif text in DOCUMENTED:
            difference = DOCUMENTED[text]
            assert got == (difference.start, difference.end), (text, got, difference)
            documented.append(text)
        else:
            wrong.append((text, want, got))
    total = len(cases)
    print(
        f"\nemendate: {total} in-scope strings; {len(agree)} agree "
        f"({len(agree) / total:.1%}); {len(documented)} documented convention differences; "
        f"agreeing or documented: {(len(agree) + len(documented)) / total:.1%}; "
        f"out of scope: {len(OUT_OF_SCOPE)} strings"
    )
    assert not wrong, wrong
    assert total >= 170
    assert len(agree) / total >= 0.85
    assert (len(agree) + len(documented)) / total >= 0.9


def test_emendate_multi_date_strings_are_rejected_not_guessed() -> None:
    _, multi = emendate_cases()
    accepted = [text for text in multi if ours(text) != "rejected"]
    assert len(multi) >= 25
    assert not accepted


def test_emendate_out_of_scope_strings_are_rejected_with_a_reason() -> None:
    for text in OUT_OF_SCOPE:
        with pytest.raises(DateParseError) as info:
            parse_date(text)
        assert info.value.reason


MESSYDATES = {
    "2001 March 8": ("2001-03-08", "2001-03-08"),
    "2001-04-16..2001-04-20": ("2001-04-16", "2001-04-20"),
    "25-5-2001": ("2001-05-25", "2001-05-25"),
    "2001-6-22..2001-6-28": ("2001-06-22", "2001-06-28"),
    "2001-8-13..2001-8-26": ("2001-08-13", "2001-08-26"),
    "2001-10-7..2001-12?": ("2001-10-07", "2001-12-31"),
    "2001-10-19..2001-10-20": ("2001-10-19", "2001-10-20"),
    "2001-11-9": ("2001-11-09", "2001-11-09"),
    "2001-11-11..2001-11-23": ("2001-11-11", "2001-11-23"),
    "2001-11-13..2001-11-14": ("2001-11-13", "2001-11-14"),
    "2001-11-13:2001-11-14": ("2001-11-13", "2001-11-14"),
    "2001-11-~15..2001-11-~30": ("2001-11-15", "2001-11-30"),
    "2001-11-22..2001-12-07": ("2001-11-22", "2001-12-07"),
    "2001-11-25:2001-12-01": ("2001-11-25", "2001-12-01"),
    "2001-12-12..2001-12-17": ("2001-12-12", "2001-12-17"),
    "2001-12-3": ("2001-12-03", "2001-12-03"),
    "2001-12-4": ("2001-12-04", "2001-12-04"),
    "2001-12-22": ("2001-12-22", "2001-12-22"),
    "2001-12-30:2002-01-03": ("2001-12-30", "2002-01-03"),
}
MESSYDATES_OUT_OF_SCOPE = {"Twelve of November of two thousand and one": "numbers in words"}


def test_messydates_battles() -> None:
    battles = pd.read_csv(DATA / "messydates_battles_2001_wikipedia.csv", dtype=str)
    assert set(battles["Date"]) == set(MESSYDATES) | set(MESSYDATES_OUT_OF_SCOPE)
    results = {text: ours(text) for text in battles["Date"] if text in MESSYDATES}
    agree = sum(results[text] == MESSYDATES[text] for text in results)
    print(f"\nmessydates battles: {agree} of {len(results)} in-scope strings agree")
    assert results == MESSYDATES
    flags = parse_date("2001-11-~15..2001-11-~30"), parse_date("2001-10-7..2001-12?")
    assert flags[0].approximate and flags[1].uncertain
    for text in MESSYDATES_OUT_OF_SCOPE:
        assert ours(text) == "rejected"


# emendate's optional readings that are our conventions: the rows read with them count too
OUR_OPTIONS = {
    "ambiguous_month_year: :as_year": "YYYY-NN with NN a later year is a range of years",
    "ambiguous_month_year: :as_year, max_month_number_handling: :edtf_level_1": (
        "YYYY-NN with NN a later year is a range of years, also where NN is an EDTF code"
    ),
    "ambiguous_month_year: :as_month": "YYYY-NN with NN 1-12 is the month (ISO 8601)",
    "square_bracket_interpretation: :inferred_date": "square brackets (inferred) are dropped",
    "c_before_date: :copyright": "the bounds of 'c. 2002' are the year's (we read circa)",
    "beginning_hyphen: :open": "'../1985' has an open start",
    "pluralized_date_interpretation: :broad": "'1800s' is the century (plural_hundreds)",
}


def test_emendate_rows_read_with_our_conventions_agree() -> None:
    corpus = pd.read_csv(DATA / "emendate_examples.csv", dtype=str, keep_default_na=False)
    agree, wrong = [], []
    for (text, options), rows in corpus.groupby(["test_string", "test_options"], sort=False):
        if options not in OUR_OPTIONS or len(rows) > 1 or text == "[ca. 2000s]":
            continue  # (emendate's broad "2000s" has an open end: the present)
        month_like = re.search(r"\d{4}-(\d{2})\b", text)
        if month_like and ("as_year" in options) != (int(month_like.group(1)) > 12):
            continue  # our reading of YYYY-NN is the month for 1-12, else the years
        row = rows.iloc[0]
        start, end = expected(row["date_start_full"]), expected(row["date_end_full"])
        want = "rejected" if start == "rejected" else (start, end)
        got = ours(text)
        if got == want or (text in DOCUMENTED and got == DOCUMENTED[text][:2]):
            agree.append(text)
        elif "[" in text and ".." in text:
            assert got == "rejected", text  # an EDTF set, never read as one date
        else:
            wrong.append((text, options, want, got))
    print(f"\nemendate rows with our conventions as options: {len(agree)} agree")
    assert not wrong, wrong
    assert len(agree) >= 12
