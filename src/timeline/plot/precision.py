"""The length of one date-precision unit ("month", "season", ...) from a given date.

A span's start lies somewhere in its first ``start_precision`` unit and its end in its
last ``end_precision`` unit; these helpers find those units so a plot can draw them faded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.schema import PRECISIONS

_MONTHS: dict[str, int] = {
    "month": 1,
    "season": 3,
    "quarter": 3,
    "third": 4,
    "half": 6,
    "year": 12,
    "decade": 120,
    "century": 1200,
}
_FIXED: dict[str, np.timedelta64] = {
    "time": np.timedelta64(1, "m"),
    "day": np.timedelta64(1, "D"),
    "week": np.timedelta64(7, "D"),
}
FUZZY_PRECISIONS: frozenset[str] = frozenset(PRECISIONS) - {"time", "day"}
"""Precisions coarser than a day: their first/last unit is drawn as a fuzzy part."""


def _check(precision: str) -> None:
    if precision not in _MONTHS and precision not in _FIXED:
        msg = f"precision={precision!r} is not a known precision; valid: {', '.join(PRECISIONS)}"
        raise ValueError(msg)


def _add_months(dates: np.ndarray, months: int) -> np.ndarray:
    """Calendar month arithmetic on datetime64[us]; the day is clipped to the month's end."""
    month_start = dates.astype("datetime64[M]")
    offset = dates - month_start.astype("datetime64[us]")
    target = month_start + np.timedelta64(months, "M")
    month_len = (target + np.timedelta64(1, "M")).astype("datetime64[us]") - target.astype(
        "datetime64[us]"
    )
    # keep the time of day and the day, clipped to the last microsecond-aligned day;
    # NaT stays NaT (numpy warns of the invalid division it does for it)
    with np.errstate(invalid="ignore"):
        day = offset // np.timedelta64(1, "D")
        last_day = month_len // np.timedelta64(1, "D") - 1
    clipped = np.minimum(day, last_day)
    time_of_day = offset - day * np.timedelta64(1, "D")
    return target.astype("datetime64[us]") + clipped * np.timedelta64(1, "D") + time_of_day


def shift_by_precision(dates: np.ndarray, precisions: object, units: int = 1) -> np.ndarray:
    """Move each date by ``units`` of its own precision (negative moves back).

    Parameters
    ----------
    dates : numpy.ndarray
        ``datetime64`` values (converted to microseconds); NaT stays NaT.
    precisions : array-like
        One precision name per date (values of ``timeline.schema.PRECISIONS``); a
        categorical Series is fastest.
    units : int, default 1
        How many units to move.

    Returns
    -------
    numpy.ndarray
        ``datetime64[us]`` dates.

    Examples
    --------
    >>> import numpy as np
    >>> d = np.array(["2024-06-01", "2025-04-01"], dtype="datetime64[us]")
    >>> shift_by_precision(d, np.array(["month", "year"]), -1).astype("datetime64[D]")
    array(['2024-05-01', '2024-04-01'], dtype='datetime64[D]')
    """
    dates = np.asarray(dates, dtype="datetime64[us]")
    codes, uniques = pd.factorize(pd.Series(precisions, copy=False))
    out = dates.copy()
    for code, precision in enumerate(uniques):
        _check(precision)
        mask = codes == code
        if precision in _FIXED:
            out[mask] = dates[mask] + units * _FIXED[precision]
        else:
            out[mask] = _add_months(dates[mask], units * _MONTHS[precision])
    return out


def precision_length(precision: str, start: object) -> pd.Timedelta:
    """Length of one ``precision`` unit beginning at ``start``.

    Calendar units (month, season, quarter, third, half, year, decade, century) follow the
    calendar: a month from 1 February 2024 is 29 days. ``week`` is 7 days, ``day`` one day,
    ``time`` (a time of day, precise to under a day) one minute.

    Parameters
    ----------
    precision : str
        One of ``timeline.schema.PRECISIONS``.
    start : date-like
        Where the unit begins.

    Returns
    -------
    pandas.Timedelta

    Examples
    --------
    >>> precision_length("month", "2024-02-01")
    Timedelta('29 days 00:00:00')
    >>> precision_length("season", "2024-12-01").days
    90
    """
    _check(precision)
    when = np.array([pd.Timestamp(start).to_datetime64()], dtype="datetime64[us]")
    end = shift_by_precision(when, np.array([precision], dtype=object), 1)
    return pd.Timedelta(end[0] - when[0])
