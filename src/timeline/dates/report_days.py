"""Day arithmetic for the report-relative expressions of news text.

Pure functions on day numbers (days since 1970-01-01): the day of the report's month
that "on the 13th" names, the weekday ahead that "by Monday" names, the day some months
before the report that "over the past two months" starts on. Each raises ``ValueError``
with the reason when the day cannot exist.

Examples
--------
>>> from timeline.dates.gregorian import days_from_civil, civil_from_days
>>> civil_from_days(month_day(days_from_civil(2025, 11, 20), 13))
(2025, 11, 13)
"""

from __future__ import annotations

from timeline.dates.gregorian import civil_from_days, days_from_civil, weekday

KINDS = frozenset({"monthday", "weekday_ahead", "months_before"})
"""The ``Spec.relative`` kinds this module resolves."""

_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return _MONTH_DAYS[month - 1]


def month_day(ref_day: int, day: int) -> int:
    """The most recent day ``day`` of a month on or before the report day.

    "On the 13th" in a report of 20 November is 13 November; in a report of 1 November it
    is 13 October (the 13th of the report's month is still ahead, and reports tell of the
    past). "The 31st" in a report of 15 December is 31 October: November has no 31st.

    Raises
    ------
    ValueError
        When no month has that day (0, 32 ...).

    Examples
    --------
    >>> from timeline.dates.gregorian import days_from_civil, civil_from_days
    >>> civil_from_days(month_day(days_from_civil(2025, 11, 1), 13))
    (2025, 10, 13)
    """
    if not 1 <= day <= 31:
        msg = f"no month has a day {day}"
        raise ValueError(msg)
    year, month, dom = civil_from_days(ref_day)
    if day > dom:  # ahead in the report's month: the previous month that has the day
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        while day > _days_in_month(year, month):
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return days_from_civil(year, month, day)


def weekday_ahead(ref_day: int, target: int) -> int:
    """The first day with weekday ``target`` (0 = Monday) on or after the report day.

    Examples
    --------
    >>> from timeline.dates.gregorian import days_from_civil, civil_from_days
    >>> civil_from_days(weekday_ahead(days_from_civil(2025, 11, 1), 0))  # a Saturday
    (2025, 11, 3)
    """
    return ref_day + (target - weekday(ref_day)) % 7


def months_before(ref_day: int, count: int) -> int:
    """The same day of the month ``count`` months before the report day (clamped to the
    month's last day: one month before 31 March is 28 or 29 February).

    Examples
    --------
    >>> from timeline.dates.gregorian import days_from_civil, civil_from_days
    >>> civil_from_days(months_before(days_from_civil(2025, 3, 31), 1))
    (2025, 2, 28)
    """
    year, month, dom = civil_from_days(ref_day)
    index = year * 12 + month - 1 - count
    year, month = index // 12, index % 12 + 1
    return days_from_civil(year, month, min(dom, _days_in_month(year, month)))


def resolve(relative: tuple, ref_day: int) -> int:
    """The day of a ``Spec.relative`` tuple whose kind is in :data:`KINDS`.

    Raises
    ------
    ValueError
        With the reason when the day cannot exist.

    Examples
    --------
    >>> from timeline.dates.gregorian import days_from_civil, civil_from_days
    >>> civil_from_days(resolve(("monthday", 2), days_from_civil(2025, 11, 5)))
    (2025, 11, 2)
    """
    kind, value = relative[0], relative[1]
    if kind == "monthday":
        return month_day(ref_day, value)
    if kind == "weekday_ahead":
        return weekday_ahead(ref_day, value)
    return months_before(ref_day, value)
