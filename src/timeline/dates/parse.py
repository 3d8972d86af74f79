"""Parse one date expression: EDTF first, then English phrases."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pandas as pd

from timeline.dates.conventions import DateConventions, check_conventions
from timeline.dates.edtf_parse import parse_edtf
from timeline.dates.expression import Expression, Parsed, evaluate
from timeline.dates.fuzzy import FuzzyDate, to_timestamp
from timeline.dates.gregorian import MAX_YEAR, MIN_YEAR, US_PER_DAY, days_from_civil
from timeline.dates.languages.reader import parse_foreign
from timeline.dates.phrases import parse_phrase
from timeline.dates.report_phrases import report_phrase
from timeline.dates.spec import Rejected
from timeline.errors import DateParseError

EMPTY = "empty"
MAX_TEXT_LENGTH = 200


def coerce_text(value: object) -> str | None:
    """The text of a date cell; None when it is missing.

    Strings pass through; dates and timestamps become ISO text (day precision at
    midnight, else time); whole numbers (a year column read as numbers) become digits.

    Raises
    ------
    Rejected
        With the reason when the cell cannot stand for a date at all: a duration, an
        infinite or over-long number, a timestamp outside the years 1-9999.
    """
    if isinstance(value, str):
        return value
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, Rejected):  # a cell a column conversion already rejected
        raise value
    if isinstance(value, (dt.timedelta, np.timedelta64)):
        msg = f"a duration ({value}) is not a date"
        raise Rejected(msg)
    if isinstance(value, (float, np.floating)):
        return _number_text(float(value))
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return None
        value = datetime64_stamp(value)
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        _check_stamp_year(stamp.year, value)
        if stamp == stamp.normalize():
            return stamp.strftime("%Y-%m-%d")
        return stamp.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        number = int(value)
        if abs(number) >= 10**MAX_TEXT_LENGTH:
            msg = f"a number of over {MAX_TEXT_LENGTH} digits is not a date"
            raise Rejected(msg)
        return str(number)
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError, ArithmeticError):
        pass
    try:
        return str(value)
    except Exception as exc:  # a cell whose str() fails is a bad cell, not a bad column
        msg = f"a {type(value).__name__} cell cannot be read as text: {exc}"
        raise Rejected(msg) from exc


def _number_text(value: float) -> str | None:
    if math.isnan(value):
        return None
    if math.isinf(value):
        msg = f"{value} is not a date"
        raise Rejected(msg)
    if abs(value) >= 10.0**MAX_TEXT_LENGTH:
        msg = f"a number of over {MAX_TEXT_LENGTH} digits is not a date"
        raise Rejected(msg)
    return str(int(value)) if value.is_integer() else str(value)


def _check_stamp_year(year: int, value: object) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        msg = f"the timestamp {value} is outside the years 1-9999 that the engine covers (in UTC)"
        raise Rejected(msg)


def datetime64_stamp(value: np.datetime64) -> pd.Timestamp:
    """A (not NaT) ``numpy.datetime64`` as a Timestamp.

    Raises
    ------
    Rejected
        When it lies outside the years 1-9999.
    """
    year = int(value.astype("datetime64[Y]").astype(np.int64)) + 1970
    _check_stamp_year(year, value)
    return pd.Timestamp(value.astype("datetime64[us]"))


def _year_pair(text: str) -> bool:
    """Whether ``text`` is ``YYYY-NN`` (maybe qualified) with NN a code and a later year."""
    if len(text) not in (7, 8) or text[4] != "-" or not text[:4].isdigit():
        return False
    if not text[5:7].isdigit() or (len(text) == 8 and text[7] not in "?~%"):
        return False
    code = int(text[5:7])
    return 21 <= code <= 41 and code > int(text[2:4])


def read_expression(
    text: str,
    dayfirst: bool | None,
    language: str | None = None,
    two_digit: str = "range",
) -> Expression:
    """The expression of a (stripped, non-empty) text.

    ``language`` forces a language's table (None: detected from the text); ``two_digit``
    is :attr:`DateConventions.two_digit_years`.

    Raises
    ------
    Rejected
        With the reason when the text is not understood.
    """
    if len(text) > MAX_TEXT_LENGTH:
        msg = f"longer than {MAX_TEXT_LENGTH} characters: not one date expression"
        raise Rejected(msg)
    # EDTF starts with a digit, Y, X, a qualifier or an open end; skip it for words.
    expression = None
    maybe_edtf = not (text[0].isalpha() and text[0] not in "YyXxUu")
    pair = len(text) in (7, 8) and two_digit != "edtf" and _year_pair(text)  # "2024-25"
    if maybe_edtf and not pair:
        expression = parse_edtf(text)
    if expression is None:  # "on the 13th", "by Monday": see dates/report_phrases.py
        expression = report_phrase(text, dayfirst)
    if expression is None:
        # plain ASCII is English, unless it has a numeral shape of another language
        english = text.isascii() and not (". " in text and text[0].isdigit())
        if language == "en" or (language is None and english):
            expression = parse_phrase(text, dayfirst, two_digit)
        else:
            expression = parse_foreign(text, dayfirst, two_digit, language)
    return expression


analyze = lru_cache(maxsize=65536)(read_expression)
""":func:`read_expression` with a cache, for repeated single calls; results are never mutated."""


def parse_text(
    text: str | None,
    ref_day: int | None,
    dayfirst: bool | None,
    conv: DateConventions,
    *,
    cached: bool = True,
) -> Parsed:
    """Bounds of one text against an optional report day.

    ``cached=False`` skips the expression cache: :func:`normalize_dates` already parses each
    distinct text once, and keeping every expression alive only costs time and memory.

    Raises
    ------
    Rejected
        With the reason (``"empty"`` for missing or blank text).
    """
    stripped = text.strip() if text is not None else ""
    if not stripped:
        raise Rejected(EMPTY)
    read = analyze if cached else read_expression
    return evaluate(read(stripped, dayfirst, conv.language, conv.two_digit_years), ref_day, conv)


def with_language(conv: DateConventions, language: str | None) -> DateConventions:
    """``conv`` with its language forced to ``language`` (unchanged for None)."""
    if language is None or language == conv.language:
        return conv
    return replace(conv, language=language)


def check_dayfirst(dayfirst: object) -> bool | None:
    """Validate the ``dayfirst`` argument."""
    if dayfirst is None or isinstance(dayfirst, bool):
        return dayfirst
    msg = f"dayfirst must be True, False or None; got {dayfirst!r}"
    raise TypeError(msg)


def timestamp_day(stamp: pd.Timestamp) -> int:
    """The calendar day of a timestamp (its wall-clock date), as days since 1970-01-01."""
    return days_from_civil(stamp.year, stamp.month, stamp.day)


def reference_day(reference_date: object, conv: DateConventions | None = None) -> int | None:
    """Days since 1970-01-01 of a report date given as text, date or timestamp.

    Text is read by this engine and must name a day (or a time within one); "today" and
    "now" are relative and so rejected. Timestamps count by their wall-clock date.

    Raises
    ------
    ValueError
        Naming the argument and the value when it is not one day.
    """
    if reference_date is None or reference_date is pd.NaT:
        return None
    if isinstance(reference_date, str):
        try:
            parsed = parse_text(reference_date, None, None, check_conventions(conv))
        except Rejected as exc:
            msg = f"reference_date must name one day; got {reference_date!r}: {exc.reason}"
            raise ValueError(msg) from exc
        if parsed.kind != "instant" or parsed.start_precision not in ("day", "time"):
            msg = (
                f"reference_date must name one day; got {reference_date!r}, which has "
                f"{parsed.start_precision or 'no'} precision"
            )
            raise ValueError(msg)
        assert parsed.start is not None
        return parsed.start // US_PER_DAY
    if isinstance(reference_date, (dt.date, np.datetime64)):
        stamp = pd.Timestamp(reference_date)
        return None if stamp is pd.NaT else timestamp_day(stamp)
    msg = (
        "reference_date must be None, a date string, a datetime.date, a pandas.Timestamp "
        f"or a Series of them; got {type(reference_date).__name__} {reference_date!r}"
    )
    raise TypeError(msg)


def fuzzy_date(text: str, parsed: Parsed) -> FuzzyDate:
    """A :class:`FuzzyDate` from internal bounds."""
    return FuzzyDate(
        text=text,
        start=to_timestamp(parsed.start),
        end=to_timestamp(parsed.end),
        start_precision=parsed.start_precision,
        end_precision=parsed.end_precision,
        kind=parsed.kind,
        open_end=parsed.open_end,
        approximate=parsed.approximate,
        uncertain=parsed.uncertain,
        edtf=parsed.edtf,
    )


def parse_date(
    text: object,
    reference_date: object = None,
    *,
    dayfirst: bool | None = None,
    conventions: DateConventions | None = None,
    language: str | None = None,
) -> FuzzyDate:
    """Turn one reported date into bounds, precision and flags.

    Parameters
    ----------
    text : str
        The date as reported: ISO 8601 / EDTF (``2024-06-19``, ``2024-06~``,
        ``2024-09/..``), English ("19 June 2024", "late October", "Q1 2025",
        "since September", "1-3 November 2024"), or numerals (``18.10.2024``). Dates and
        timestamps are accepted too.
    reference_date : str, datetime.date or pandas.Timestamp, optional
        The report date that relative text ("since September", "yesterday") is resolved
        against. Without it, relative text is rejected; today's date is never used.
    dayfirst : bool, optional
        How to read an ambiguous numeral date such as ``04/05/2025``. None (default)
        rejects it; a numeral date that reads only one way is accepted either way.
    conventions : DateConventions, optional
        Hemisphere, season definition, early/mid/late cut points; see
        :class:`DateConventions` for the defaults.
    language : {"en", "ru", "uk", "ko"}, optional
        Force the language of the text (``conventions.language`` otherwise; by default it
        is detected: "26 апреля 2025 года", "26 квітня 2025 року", "2025년 4월 26일").

    Returns
    -------
    FuzzyDate

    Raises
    ------
    DateParseError
        With ``.text`` and ``.reason`` when the text names no possible date.

    Examples
    --------
    >>> from timeline.dates import parse_date
    >>> fd = parse_date("since September", reference_date="2024-11-01")
    >>> fd.start, fd.end, fd.open_end, fd.edtf
    (Timestamp('2024-09-01 00:00:00'), NaT, True, '2024-09/..')
    >>> parse_date("late October 2024").edtf
    '2024-10-21/2024-10-31'
    >>> parse_date("в конце октября 2024 года").edtf
    '2024-10-21/2024-10-31'
    >>> parse_date("2024-25").edtf  # a range of years, as reporting writes it
    '2024/2025'
    """
    conv = with_language(check_conventions(conventions), language)
    dayfirst = check_dayfirst(dayfirst)
    ref_day = reference_day(reference_date, conv)
    try:
        value = coerce_text(text)
        parsed = parse_text(value, ref_day, dayfirst, conv)
    except Rejected as exc:
        raise DateParseError(text, exc.reason) from exc
    return fuzzy_date(value if value is not None else "", parsed)
