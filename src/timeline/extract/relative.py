"""Dates counted from another date of the text: "two days later", "the previous day".

The date engine cannot read them alone (they point at a date given elsewhere in the text);
:func:`relative_shift` says how far and from which date, and :func:`shifted` counts.
Which date they count from is a rule of news writing:

- forward ("two days later", "the next day", "the following day", "a week later"): from
  the date before it in its sentence, else the last date the text gave (a narrative goes
  on in order);
- backward ("the previous day", "the day before", "three days earlier"): from the date
  before it in its sentence, else the news of the text, the first day it gave (the lead:
  a flashback is told from the day of the news), else the report date;
- around a clause ("came two days after talks ended", "began on Thursday, five days after
  ANO won"): the clause's event is that long before (after) the sentence's own date, else
  the news of the text, else the report date;
- "since then", "ever since": open-ended from the date before it (a day if the text gave
  one, as for "two days later");
- "since the first day", "from day one": open-ended from the first day of the story, the
  earliest day the text has given so far ("since Monday ... since the first day").

A day counted in days or weeks needs a day to count from; months and years keep the
precision of the date they count from ("in December 2022 ... two months later" is
February 2023).

Examples
--------
>>> from timeline import parse_date
>>> relative_shift("two days later")
RelativeShift(count=2, unit='day', anchor='forward', since=False)
>>> relative_shift("five days after")
RelativeShift(count=-5, unit='day', anchor='clause', since=False)
>>> shifted(parse_date("2025-10-09"), relative_shift("five days after"))
'2025-10-04'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from timeline.dates import FuzzyDate

__all__ = ["RELATIVE", "RelativeShift", "relative_shift", "shifted"]

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT = r"\d{1,3}|" + "|".join(_NUMBERS)
RELATIVE = re.compile(
    rf"(?:(?P<count>{_COUNT}) (?P<unit>day|week|month|year)s? (?P<dir>later|earlier|after|before)"
    r"|the (?P<one>next|following|previous|preceding) (?P<unit1>day|week|month|year)"
    r"|the (?P<unit2>day|week|month|year) (?P<dir2>before|after)"
    r"|(?P<since>since then|ever since)"
    r"|(?P<first>(?:since|from) (?:the (?:very )?first day|day one)))",
    re.IGNORECASE,
)
"""Phrases that count from another date of the text (matched case-insensitively)."""


@dataclass(frozen=True, slots=True)
class RelativeShift:
    """How far from which date: ``count`` units (negative: before), ``unit`` (day, week,
    month, year), and ``anchor``: ``forward`` (from the last date given), ``backward``
    (from the news of the text), ``clause`` (from the sentence's own date) or ``first``
    (from the earliest day the text gave); ``since``
    for "since then" (that date on, open-ended)."""

    count: int
    unit: str
    anchor: str
    since: bool = False  # "since then": from that date on, open-ended


def relative_shift(text: str) -> RelativeShift | None:
    """The shift a phrase names, or None when it names none.

    Examples
    --------
    >>> relative_shift("The previous day")
    RelativeShift(count=-1, unit='day', anchor='backward', since=False)
    >>> relative_shift("last week") is None
    True
    """
    match = RELATIVE.fullmatch(text.strip())
    if match is None:
        return None
    if match["since"]:
        return RelativeShift(0, "day", "forward", since=True)
    if match["first"]:  # "since the first day": of the story, the earliest day it gave
        return RelativeShift(0, "day", "first", since=True)
    if match["count"]:
        raw = match["count"].lower()
        count = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit, direction = match["unit"].lower(), match["dir"].lower()
    elif match["one"]:
        count, unit = 1, match["unit1"].lower()
        direction = "later" if match["one"].lower() in ("next", "following") else "earlier"
    else:
        count, unit = 1, match["unit2"].lower()
        direction = "later" if match["dir2"].lower() == "after" else "earlier"
    if direction == "later":
        return RelativeShift(count, unit, "forward")
    if direction == "earlier":
        return RelativeShift(-count, unit, "backward")
    # "two days after <clause>": the clause's event is two days before the sentence's date
    return RelativeShift(-count if direction == "after" else count, unit, "clause")


def shifted(anchor: FuzzyDate, shift: RelativeShift) -> str | None:
    """The date ``shift`` away from ``anchor`` as ISO text (a day, a month or a year, as
    precise as the anchor allows), or None when it cannot be counted (days from a month).

    Examples
    --------
    >>> from timeline import parse_date
    >>> shifted(parse_date("December 2022"), RelativeShift(2, "month", "forward"))
    '2023-02'
    >>> shifted(parse_date("2022"), RelativeShift(2, "day", "forward")) is None
    True
    """
    if anchor.kind != "instant" or pd.isna(anchor.start):
        return None
    precision = anchor.start_precision
    start = pd.Timestamp(anchor.start)
    if shift.since:  # "since then": from the start of that date, open-ended
        unit = (
            "%Y-%m-%d"
            if precision in ("day", "time")
            else "%Y-%m"
            if precision == "month"
            else "%Y"
        )
        return "since " + start.strftime(unit)
    if shift.unit in ("day", "week"):
        if precision not in ("day", "time"):
            return None
        days = shift.count * (7 if shift.unit == "week" else 1)
        return (start + pd.Timedelta(days=days)).strftime("%Y-%m-%d")
    months = shift.count * (12 if shift.unit == "year" else 1)
    moved = start + pd.DateOffset(months=months)
    if precision in ("day", "time"):
        return moved.strftime("%Y-%m-%d")
    if precision == "month" and anchor.end is not None:
        whole_month = pd.Timestamp(anchor.end) == start + pd.DateOffset(months=1)
        return moved.strftime("%Y-%m") if whole_month else None
    if precision == "year" and shift.unit == "year":
        return moved.strftime("%Y")
    return None
