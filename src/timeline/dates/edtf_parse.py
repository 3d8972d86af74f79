"""Read EDTF (ISO 8601-2): levels 0 and 1, and the level 2 sub-year groupings 25-41.

Supported: dates and date-times with offsets (``2024-06-19T10:00+02:00``), qualifiers
``?`` ``~`` ``%`` (also on single components, as level 2 allows), unspecified digits
(``201X``, ``20XX``, ``2024-XX``, ``2024-06-XX``), seasons 21-24 (hemisphere from the
conventions) and 25-32, quarters 33-36, thirds 37-39, halves 40-41, ``Y`` years within
1-9999, and intervals ``A/B`` with open (``..``) or unknown (empty) ends.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.dates.expression import Expression, Interval, Side
from timeline.dates.gregorian import US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND
from timeline.dates.spec import Rejected, Spec, Time

_Q = "[?~%]"
_DATE = (
    rf"(?P<yq>{_Q})?(?P<year>Y-?\d+|-?[0-9Xu]{{4}})(?P<yq2>{_Q})?"
    rf"(?:-(?P<mq>{_Q})?(?P<month>[0-9Xu]{{2}})(?P<mq2>{_Q})?"
    rf"(?:-(?P<dq>{_Q})?(?P<day>[0-9Xu]{{2}})(?P<dq2>{_Q})?"
    r"(?:[T ](?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})"
    r"(?:[.,](?P<fraction>\d{1,6}))?)?)?"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)

# EDTF sub-year codes: (kind, index) for 21-41.
SUB_YEAR_CODES: dict[int, tuple[str, int]] = {
    **{21 + i: ("season", i) for i in range(4)},
    **{25 + i: ("season_north", i) for i in range(4)},
    **{29 + i: ("season_south", i) for i in range(4)},
    **{33 + i: ("quarter", i + 1) for i in range(4)},
    **{37 + i: ("third", i + 1) for i in range(3)},
    **{40 + i: ("half", i + 1) for i in range(2)},
}

_UNSPECIFIED = frozenset("XxUu")
"""Letters of an unspecified digit: ``X`` (EDTF) and the older ``u``, in either case (the
pattern matches ignoring case, so ``199x`` and ``202U`` are read as ``199X``)."""


_LONG_YEAR = re.compile(r"[?~%]?([+-]?\d{5,7})[?~%]?-\d{2}")
"""An ISO-shaped date whose year has five to seven digits or a sign (``10000-01-01``,
``-314918-08-13``; eight digits are a basic-format date, ``20240601``)."""


@cache
def _date_pattern() -> re.Pattern[str]:
    return re.compile(_DATE, re.IGNORECASE)


def parse_edtf(text: str) -> Expression | None:
    """The expression of an EDTF text, or None when the text is not EDTF-shaped.

    Raises
    ------
    Rejected
        When the text is EDTF-shaped but names no possible date (``2025-02-30``).
    """
    head, sep, tail = text.partition("/")
    for side in (head, tail):
        long_year = _LONG_YEAR.match(side)
        if long_year is not None:
            msg = (
                f"the year {long_year.group(1)} is outside the years 1-9999 that the "
                "engine covers (it has a sign or more than four digits)"
            )
            raise Rejected(msg)
    if not sep:
        match = _date_pattern().fullmatch(text)
        return None if match is None else _spec(match)
    if "/" in tail:
        return None
    start, end = _side(head), _side(tail)
    if start is None or end is None:
        return None
    if start.spec is None and end.spec is None:
        msg = "an interval needs at least one known end"
        raise Rejected(msg)
    return Interval(start, end)


def _side(text: str) -> Side | None:
    if text in ("", ".."):
        return Side(None, missing=text)
    match = _date_pattern().fullmatch(text)
    if match is None:
        return None
    spec = _spec(match)
    return None if spec is None else Side(spec)


def _unspecified(text: str) -> bool:
    return any(c in _UNSPECIFIED for c in text)


def _year(text: str, spec: Spec, rest_given: bool) -> None:
    """Set the year, decade or century of ``spec`` from the EDTF year text."""
    if text[0] in "Yy":
        value = int(text[1:])
        if value < 1:
            msg = f"year {value} is before 1 CE: years before the common era are not supported"
            raise Rejected(msg)
        spec.year = value
        return
    if text.startswith("-"):
        msg = f"negative year {text} (before 1 CE): years before the common era are not supported"
        raise Rejected(msg)
    if not _unspecified(text):
        spec.year = int(text)
        return
    if rest_given:
        msg = f"the year {text} is partly unspecified, so a month or day cannot follow it"
        raise Rejected(msg)
    upper = text.upper().replace("U", "X")
    if re.fullmatch(r"\d{3}X", upper):
        spec.decade = int(upper[:3]) * 10
    elif re.fullmatch(r"\d{2}XX", upper):
        spec.century = ("hundreds", int(upper[:2]) * 100)
    else:
        msg = (
            f"the year {text} is too unspecified: only the last one or two digits may be X "
            "(a decade such as 199X or a century such as 19XX)"
        )
        raise Rejected(msg)


def _month(text: str, spec: Spec, day_given: bool, time_given: bool) -> bool:
    """Set month or sub-year code; False when the text is not EDTF after all."""
    if _unspecified(text):
        if text.upper().replace("U", "X") != "XX":
            msg = f"a partly unspecified month ({text}) is not supported"
            raise Rejected(msg)
        if day_given:
            msg = "a day cannot be given with an unspecified month"
            raise Rejected(msg)
        return True
    value = int(text)
    if 1 <= value <= 12:
        spec.month = value
        return True
    if value in SUB_YEAR_CODES:
        if day_given or time_given:
            msg = f"code {value} (a season, quarter, third or half) cannot have a day"
            raise Rejected(msg)
        spec.sub = SUB_YEAR_CODES[value]
        return True
    if not day_given and not time_given:
        return False  # "1997-98", "2025-13": the phrase reader explains or reads a range
    msg = f"month {value} does not exist (months are 1-12)"
    raise Rejected(msg)


def _day(text: str, spec: Spec) -> None:
    if _unspecified(text):
        if text.upper().replace("U", "X") != "XX":
            msg = f"a partly unspecified day ({text}) is not supported"
            raise Rejected(msg)
        return
    if spec.month is None:
        return
    spec.day = int(text)


def parse_time(
    hour: str, minute: str | None, second: str | None, fraction: str | None
) -> tuple[int, int]:
    """``(microseconds after midnight, resolution)`` of a clock time, checked."""
    hours = int(hour)
    minutes = int(minute) if minute is not None else 0
    seconds = int(second) if second is not None else 0
    if hours > 23 or minutes > 59 or seconds > 59:
        msg = f"time {hour}:{minute or '00'}:{second or '00'} does not exist"
        raise Rejected(msg)
    us = hours * US_PER_HOUR + minutes * US_PER_MINUTE + seconds * US_PER_SECOND
    if fraction is not None:
        return us + int(fraction.ljust(6, "0")), 10 ** (6 - len(fraction))
    if second is not None:
        return us, US_PER_SECOND
    return us, (US_PER_MINUTE if minute is not None else US_PER_HOUR)


def parse_offset(zone: str) -> int:
    """Minutes east of UTC of ``Z``, ``+05``, ``-04:00``, ``+0530``."""
    if zone in ("Z", "z"):
        return 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        msg = f"UTC offset {zone} does not exist"
        raise Rejected(msg)
    return sign * (hours * 60 + minutes)


def _spec(match: re.Match[str]) -> Spec | None:
    groups = match.groupdict()
    marks = "".join(groups[k] or "" for k in ("yq", "yq2", "mq", "mq2", "dq", "dq2"))
    spec = Spec(approximate="~" in marks or "%" in marks, uncertain="?" in marks or "%" in marks)
    month, day, hour = groups["month"], groups["day"], groups["hour"]
    _year(groups["year"], spec, month is not None and month.upper() not in ("XX", "UU"))
    day_given = day is not None and day.upper() not in ("XX", "UU")
    if month is not None and not _month(month, spec, day_given, hour is not None):
        return None
    if day is not None:
        _day(day, spec)
    if hour is not None:
        if spec.day is None:
            msg = "a time of day needs a full date, not an unspecified day"
            raise Rejected(msg)
        us, resolution = parse_time(hour, groups["minute"], groups["second"], groups["fraction"])
        zone = groups["zone"]
        spec.time = Time(us, resolution, parse_offset(zone) if zone else None)
    return spec
