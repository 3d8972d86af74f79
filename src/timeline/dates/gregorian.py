"""Proleptic Gregorian arithmetic on plain integers.

Bounds are held as microseconds since 1970-01-01 (the integer behind ``datetime64[us]``),
so every year from 1 to 9999 and the exclusive end ``10000-01-01`` fit; Python's
``datetime`` stops at 9999-12-31 and cannot hold that end.
"""

from __future__ import annotations

from typing import Any

US_PER_SECOND = 1_000_000
US_PER_MINUTE = 60 * US_PER_SECOND
US_PER_HOUR = 60 * US_PER_MINUTE
US_PER_DAY = 24 * US_PER_HOUR

MIN_YEAR = 1
MAX_YEAR = 9999


def is_leap(year: int) -> bool:
    """Whether ``year`` has a 29 February."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` (1-12) of ``year``."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(year: Any, month: Any, day: Any) -> Any:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).

    Works on ints and, element-wise, on numpy integer arrays (the vectorized ISO path).
    """
    year = year - (month <= 2)
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """``(year, month, day)`` of a count of days since 1970-01-01."""
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    return year_of_era + era * 400 + (month <= 2), month, day


def month_start(year: int, month: int) -> int:
    """Days since epoch of the first of a month; ``month`` may run past 1-12."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return days_from_civil(year, month, 1)


def year_start(year: int) -> int:
    """Days since epoch of 1 January of ``year``."""
    return days_from_civil(year, 1, 1)


def weekday(days: int) -> int:
    """Day of the week of a day count, Monday = 0 (1970-01-01 was a Thursday)."""
    return (days + 3) % 7
