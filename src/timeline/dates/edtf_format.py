"""Write bounds as EDTF (ISO 8601-2) text that parses back to the same bounds.

A bound pair that is exactly one calendar unit becomes that unit (``2024-06``, ``199X``,
``2025-25`` for a northern spring, ``2025-33`` for Q1). Anything else (a week, "late
October", the ordinal 19th century 1801-1900) becomes an interval at the coarsest
granularity both bounds align to: ``2024-10-21/2024-10-31``, ``1801/1900``.
"""

from __future__ import annotations

from timeline.dates.conventions import DateConventions
from timeline.dates.gregorian import (
    US_PER_DAY,
    US_PER_MINUTE,
    US_PER_SECOND,
    civil_from_days,
    month_start,
    year_start,
)
from timeline.dates.spec import season_bounds

# Time resolutions EDTF can write, coarsest first (minutes, seconds, fractions).
_TIME_RESOLUTIONS = (US_PER_MINUTE, US_PER_SECOND, 100_000, 10_000, 1_000, 100, 10, 1)

_SUB_CODES = {"quarter": (33, 3), "third": (37, 4), "half": (40, 6)}


def qualifier(approximate: bool, uncertain: bool) -> str:
    """The EDTF qualifier: ``%`` both, ``~`` approximate, ``?`` uncertain, else empty."""
    if approximate and uncertain:
        return "%"
    if approximate:
        return "~"
    return "?" if uncertain else ""


def split_interval(text: str) -> tuple[str, str]:
    """The start and end parts of an EDTF text (both the whole text for a single date)."""
    head, sep, tail = text.partition("/")
    return (head, tail) if sep else (text, text)


def _ymd(days: int) -> str:
    year, month, day = civil_from_days(days)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _time_text(start: int, resolution: int) -> str:
    days, into_day = divmod(start, US_PER_DAY)
    seconds, micro = divmod(into_day, US_PER_SECOND)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{_ymd(days)}T{hours:02d}:{minutes:02d}"
    if resolution < US_PER_MINUTE:
        text += f":{secs:02d}"
    if resolution < US_PER_SECOND:
        digits = len(str(US_PER_SECOND // resolution)) - 1
        text += "." + f"{micro:06d}"[:digits]
    return text + "Z"


def _season_code(index: int, conv: DateConventions) -> int:
    return (25 if conv.hemisphere == "north" else 29) + index


def _unit_containing(us: int, precision: str, conv: DateConventions) -> tuple[int, int, str] | None:
    """``(start_us, end_us, text)`` of the unit of ``precision`` that contains ``us``."""
    days = us // US_PER_DAY
    year, month, _ = civil_from_days(days)
    if precision == "day":
        return days * US_PER_DAY, (days + 1) * US_PER_DAY, _ymd(days)
    if precision == "month":
        start, end, text = month_start(year, month), month_start(year, month + 1), _ym(year, month)
    elif precision == "year":
        start, end, text = year_start(year), year_start(year + 1), f"{year:04d}"
    elif precision == "decade" and year >= 10:
        first = year // 10 * 10
        start, end, text = year_start(first), year_start(first + 10), f"{first // 10:03d}X"
    elif precision == "century" and year >= 100:
        first = year // 100 * 100
        start, end, text = year_start(first), year_start(first + 100), f"{first // 100:02d}XX"
    elif precision in _SUB_CODES:
        code, months = _SUB_CODES[precision]
        index = (month - 1) // months
        first = index * months + 1
        start, end = month_start(year, first), month_start(year, first + months)
        text = f"{year:04d}-{code + index}"
    elif precision == "season":
        return _season_containing(us, year, conv)
    else:
        return None
    return start * US_PER_DAY, end * US_PER_DAY, text


def _season_containing(us: int, year: int, conv: DateConventions) -> tuple[int, int, str] | None:
    for season_year in (year, year - 1):
        for index in range(4):
            start, end = season_bounds(season_year, ("season", index), conv)
            if start * US_PER_DAY <= us < end * US_PER_DAY:
                text = f"{season_year:04d}-{_season_code(index, conv)}"
                return start * US_PER_DAY, end * US_PER_DAY, text
    return None


def _aligned_granularity(*bounds: int) -> str:
    """The coarsest of year, month, day that every bound falls on the start of."""
    days = [b // US_PER_DAY for b in bounds]
    if any(b % US_PER_DAY for b in bounds):
        return "time"
    dates = [civil_from_days(d) for d in days]
    if all(m == 1 and d == 1 for _, m, d in dates):
        return "year"
    if all(d == 1 for _, _, d in dates):
        return "month"
    return "day"


def _time_resolution(*bounds: int) -> int:
    for resolution in _TIME_RESOLUTIONS:
        if all(b % resolution == 0 for b in bounds):
            return resolution
    return 1


def _text_at(us: int, granularity: str, resolution: int = 1) -> str:
    """Text of the unit of ``granularity`` that starts at ``us``."""
    if granularity == "time":
        return _time_text(us, resolution)
    year, month, _ = civil_from_days(us // US_PER_DAY)
    if granularity == "year":
        return f"{year:04d}"
    if granularity == "month":
        return _ym(year, month)
    return _ymd(us // US_PER_DAY)


def _before(us: int, granularity: str, resolution: int = 1) -> int:
    """Start of the unit of ``granularity`` that ends at ``us``."""
    if granularity == "time":
        return us - resolution
    year, month, _ = civil_from_days(us // US_PER_DAY)
    if granularity == "year":
        return year_start(year - 1) * US_PER_DAY
    if granularity == "month":
        return month_start(year, month - 1) * US_PER_DAY
    return us - US_PER_DAY


def format_start(start: int, precision: str, conv: DateConventions) -> str:
    """Text whose parsed start is ``start``, at ``precision`` when a unit starts there."""
    unit = _unit_containing(start, precision, conv)
    if unit is not None and unit[0] == start:
        return unit[2]
    granularity = _aligned_granularity(start)
    return _text_at(start, granularity, _time_resolution(start))


def format_end(end: int, precision: str, conv: DateConventions) -> str:
    """Text whose parsed (exclusive) end is ``end``, at ``precision`` when a unit ends there."""
    unit = _unit_containing(end - 1, precision, conv)
    if unit is not None and unit[1] == end:
        return unit[2]
    granularity = _aligned_granularity(end)
    resolution = _time_resolution(end)
    return _text_at(_before(end, granularity, resolution), granularity, resolution)


def format_unit(start: int, end: int, precision: str, conv: DateConventions, mark: str = "") -> str:
    """EDTF for ``[start, end)``: the single unit when it is one, else an interval.

    ``mark`` is the qualifier (``~``, ``?``, ``%``) appended to each date written.
    """
    if precision == "time":
        resolution = end - start
        if resolution in _TIME_RESOLUTIONS and start % resolution == 0:
            return _time_text(start, resolution) + mark
    else:
        unit = _unit_containing(start, precision, conv)
        if unit is not None and unit[0] == start and unit[1] == end:
            return unit[2] + mark
    granularity = _aligned_granularity(start, end)
    resolution = _time_resolution(start, end)
    first = _text_at(start, granularity, resolution)
    last = _text_at(_before(end, granularity, resolution), granularity, resolution)
    return f"{first}{mark}/{last}{mark}"
