"""One calendar expression as it was stated, and the bounds it stands for.

A :class:`Spec` holds what the text said (a year, a month, a season, "late", "yesterday")
and nothing more: a missing year stays missing until an interval's other side or the
report date supplies it. :func:`unit_bounds` turns a complete spec into
``[start, end)`` microseconds and a precision.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from timeline.dates.conventions import DateConventions
from timeline.dates.gregorian import (
    MAX_YEAR,
    MIN_YEAR,
    US_PER_DAY,
    US_PER_MINUTE,
    civil_from_days,
    days_from_civil,
    days_in_month,
    month_start,
    weekday,
    year_start,
)

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASON_NAMES = ("spring", "summer", "autumn", "winter")
PARTS = ("early", "mid", "late")

# (month, day) where each astronomical season starts: spring, summer, autumn, winter (north).
_ASTRONOMICAL_STARTS = ((3, 20), (6, 21), (9, 22), (12, 21))

_FIRST_DAY = days_from_civil(MIN_YEAR, 1, 1)
_END_OF_RANGE = days_from_civil(MAX_YEAR + 1, 1, 1)


class Rejected(Exception):
    """Internal: the expression cannot become bounds; ``args[0]`` is the reason."""

    @property
    def reason(self) -> str:
        return str(self.args[0])


class NeedsReference(Rejected):
    """Internal: the expression is relative and no report date was given."""


@dataclass(frozen=True, slots=True)
class Time:
    """A time of day: microseconds after midnight, the stated resolution, a UTC offset."""

    us: int
    resolution: int
    offset_minutes: int | None = None


@dataclass(slots=True)
class Spec:
    """A calendar expression with every component optional.

    ``sub`` is a sub-year unit: ``("season", i)`` (hemisphere from the conventions),
    ``("season_north", i)``, ``("season_south", i)`` with i = 0 spring .. 3 winter,
    ``("quarter", 1-4)``, ``("third", 1-3)`` or ``("half", 1-2)``. ``century`` is
    ``("ordinal", 19)`` for "19th century" or ``("hundreds", 1800)`` for ``18XX``.
    ``plural`` is the year of a plural such as "1990s" (a decade, or a century for
    "1800s" depending on the conventions); ``decade`` is an explicit decade (``199X``).
    ``relative`` is resolved against the report date: ``("day", k)``, ``("week", k)``,
    ``("month", k)``, ``("year", k)`` or ``("weekday", w, strictly_before)``.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    time: Time | None = None
    sub: tuple[str, int] | None = None
    plural: int | None = None
    decade: int | None = None
    century: tuple[str, int] | None = None
    week: str | None = None  # "containing" (the week of a day) or "iso" (ISO week date)
    part: str | None = None
    relative: tuple | None = None
    weekday: int | None = None
    approximate: bool = False
    uncertain: bool = False
    bare_digits: int = 0  # digits of a lone number: a day, or (2 digits) an abbreviated end year

    def copy(self, **changes: object) -> Spec:
        return replace(self, **changes)

    @property
    def has_unit(self) -> bool:
        """Whether anything besides a part (early/mid/late) or flags was stated."""
        return any(
            value is not None
            for value in (
                self.year,
                self.month,
                self.day,
                self.sub,
                self.plural,
                self.decade,
                self.century,
                self.relative,
            )
        )

    @property
    def needs_year(self) -> bool:
        """Whether the spec names something inside a year but not the year."""
        return (
            self.year is None
            and self.relative is None
            and (self.month is not None or self.day is not None or self.sub is not None)
        )


# --------------------------------------------------------------------------- checks


def _check_year(year: int) -> None:
    if year < MIN_YEAR:
        msg = (
            f"year {year} is before 1 CE: years before the common era are not supported "
            "(the engine covers years 1-9999)"
        )
        raise Rejected(msg)
    if year > MAX_YEAR:
        msg = f"year {year} is after 9999: the engine covers years 1-9999"
        raise Rejected(msg)


def _check_range(start_days: int, end_days: int) -> None:
    if start_days < _FIRST_DAY or end_days > _END_OF_RANGE:
        year = civil_from_days(start_days)[0] if start_days < _FIRST_DAY else MAX_YEAR + 1
        _check_year(year)


def check_month(month: int) -> None:
    if not 1 <= month <= 12:
        msg = f"month {month} does not exist (months are 1-12)"
        raise Rejected(msg)


def check_day(year: int | None, month: int, day: int) -> None:
    """Reject a day that the month (of that year, when known) does not have."""
    check_month(month)
    limit = days_in_month(year if year is not None else 2000, month)
    if not 1 <= day <= limit:
        where = MONTH_NAMES[month - 1] + (f" {year}" if year is not None else "")
        msg = f"day {day} does not exist in {where}"
        raise Rejected(msg)


# --------------------------------------------------------------------------- bounds


def season_bounds(year: int, sub: tuple[str, int], conv: DateConventions) -> tuple[int, int]:
    name, index = sub
    south = name == "season_south" or (name == "season" and conv.hemisphere == "south")
    if conv.seasons == "meteorological":
        first = 3 + 3 * index + (6 if south else 0)
        first = (first - 1) % 12 + 1
        return month_start(year, first), month_start(year, first + 3)
    slot = (index + 2) % 4 if south else index
    month, day = _ASTRONOMICAL_STARTS[slot]
    next_month, next_day = _ASTRONOMICAL_STARTS[(slot + 1) % 4]
    end_year = year + (next_month < month)
    return days_from_civil(year, month, day), days_from_civil(end_year, next_month, next_day)


_SUB_MONTHS = {"quarter": 3, "third": 4, "half": 6}


def _sub_bounds(year: int, sub: tuple[str, int], conv: DateConventions) -> tuple[int, int, str]:
    name, index = sub
    if name.startswith("season"):
        start, end = season_bounds(year, sub, conv)
        return start, end, "season"
    months = _SUB_MONTHS[name]
    first = months * (index - 1) + 1
    return month_start(year, first), month_start(year, first + months), name


def _part_window(part: str, cuts: tuple[int, int], first: int, last: int) -> tuple[int, int]:
    """Inclusive sub-range of ``first..last`` for early/mid/late given the cut points."""
    if part == "early":
        return first, cuts[0]
    if part == "mid":
        return cuts[0] + 1, cuts[1]
    return cuts[1] + 1, last


def _year_part(year: int, part: str, conv: DateConventions) -> tuple[int, int, str]:
    first, last = _part_window(part, conv.year_parts, 1, 12)
    precision = "third" if conv.year_parts == (4, 8) else "month"
    return month_start(year, first), month_start(year, last + 1), precision


def _years(first: int, count: int) -> tuple[int, int]:
    _check_year(first)
    return year_start(first), year_start(first + count)


def _decade_bounds(first_year: int, part: str | None, conv: DateConventions) -> tuple[int, int]:
    if part is None:
        return _years(first_year, 10)
    low, high = _part_window(part, conv.decade_parts, 0, 9)
    return _years(first_year + low, high - low + 1)


def _century_first_year(century: tuple[str, int], conv: DateConventions) -> int:
    kind, value = century
    if kind == "hundreds":
        return value
    if value < 1:
        msg = f"there is no {value}th century"
        raise Rejected(msg)
    return (value - 1) * 100 + (1 if conv.centuries == "ordinal" else 0)


def _century_bounds(first_year: int, part: str | None, conv: DateConventions) -> tuple[int, int]:
    if part is None:
        return _years(first_year, 100)
    low, high = _part_window(part, conv.century_parts, 0, 99)
    return _years(first_year + low, high - low + 1)


def _week_bounds(day: int, mode: str, conv: DateConventions) -> tuple[int, int]:
    first = 0 if mode == "iso" or conv.week_start == "monday" else 6
    start = day - (weekday(day) - first) % 7
    return start, start + 7


def unit_bounds(spec: Spec, conv: DateConventions) -> tuple[int, int, str]:
    """``(start_us, end_us, precision)`` of a spec whose year (or century) is known.

    Raises
    ------
    Rejected
        When a component is impossible, out of range or incomplete.
    """
    if spec.plural is not None:
        plural = spec.plural
        if plural % 100 == 0 and conv.plural_hundreds == "century":
            start, end = _century_bounds(plural, spec.part, conv)
            return start * US_PER_DAY, end * US_PER_DAY, "century"
        start, end = _decade_bounds(plural, spec.part, conv)
        return start * US_PER_DAY, end * US_PER_DAY, "decade"
    if spec.decade is not None:
        start, end = _decade_bounds(spec.decade, spec.part, conv)
        return start * US_PER_DAY, end * US_PER_DAY, "decade"
    if spec.century is not None:
        first = _century_first_year(spec.century, conv)
        start, end = _century_bounds(first, spec.part, conv)
        return start * US_PER_DAY, end * US_PER_DAY, "century"
    year = spec.year
    if year is None:
        msg = "no year is given"
        raise Rejected(msg)
    _check_year(year)
    if spec.sub is not None:
        if spec.part is not None:
            msg = f"'{spec.part}' applies to a month, year, decade or century, not a {spec.sub[0]}"
            raise Rejected(msg)
        start, end, precision = _sub_bounds(year, spec.sub, conv)
    elif spec.month is None:
        if spec.day is not None:
            msg = f"day {spec.day} is given without a month"
            raise Rejected(msg)
        if spec.part is None:
            start, end, precision = year_start(year), year_start(year + 1), "year"
        else:
            start, end, precision = _year_part(year, spec.part, conv)
    elif spec.day is None:
        check_month(spec.month)
        start, end = month_start(year, spec.month), month_start(year, spec.month + 1)
        precision = "month"
        if spec.part is not None:
            last = days_in_month(year, spec.month)
            low, high = _part_window(spec.part, conv.month_parts, 1, last)
            start, end = start + low - 1, start + high
    else:
        check_day(year, spec.month, spec.day)
        if spec.part is not None:
            msg = f"'{spec.part}' applies to a month, year, decade or century, not a day"
            raise Rejected(msg)
        day = days_from_civil(year, spec.month, spec.day)
        _check_stated_weekday(spec, day)
        if spec.week is not None:
            start, end = _week_bounds(day, spec.week, conv)
            _check_range(start, end)
            return start * US_PER_DAY, end * US_PER_DAY, "week"
        if spec.time is not None:
            time = spec.time
            offset = (time.offset_minutes or 0) * US_PER_MINUTE
            start_us = day * US_PER_DAY + time.us - offset
            _check_range(start_us // US_PER_DAY, start_us // US_PER_DAY)
            return start_us, start_us + time.resolution, "time"
        start, end, precision = day, day + 1, "day"
    _check_range(start, end)
    return start * US_PER_DAY, end * US_PER_DAY, precision


def _check_stated_weekday(spec: Spec, day: int) -> None:
    if spec.weekday is not None and weekday(day) != spec.weekday:
        year, month, dom = civil_from_days(day)
        actual = WEEKDAY_NAMES[weekday(day)]
        msg = (
            f"{dom} {MONTH_NAMES[month - 1]} {year} is a {actual}, "
            f"not a {WEEKDAY_NAMES[spec.weekday]}"
        )
        raise Rejected(msg)


# --------------------------------------------------------------------------- reference


def describe_missing_year(spec: Spec) -> str:
    """A short human description of a year-less spec, for messages."""
    if spec.month is not None:
        name = MONTH_NAMES[spec.month - 1] if 1 <= spec.month <= 12 else f"month {spec.month}"
        return f"{spec.day} {name}" if spec.day is not None else name
    if spec.sub is not None:
        name, index = spec.sub
        if name.startswith("season"):
            return SEASON_NAMES[index]
        return f"{name} {index}"
    return "the expression"


def resolve_relative(spec: Spec, ref_day: int | None, conv: DateConventions) -> Spec:
    """Turn "yesterday", "last week", "in October" into an absolute spec using the report day.

    Raises
    ------
    NeedsReference
        When the spec is relative and ``ref_day`` is None.
    """
    if spec.relative is None and not spec.needs_year:
        return spec
    if ref_day is None:
        what = "is relative" if spec.relative is not None else "has no year"
        msg = f"the expression {what}: a report date (reference_date) is needed to resolve it"
        raise NeedsReference(msg)
    if spec.relative is None:
        return _most_recent(spec, ref_day, conv)
    kind = spec.relative[0]
    if kind == "weekday":
        _, target, strictly_before = spec.relative
        back = (weekday(ref_day) - target) % 7
        if strictly_before and back == 0:
            back = 7
        return _day_spec(spec, ref_day - back)
    offset = spec.relative[1]
    if kind == "day":
        return _day_spec(spec, ref_day + offset)
    if kind == "week":
        return _day_spec(spec, ref_day + 7 * offset, week="containing")
    year, month, _ = civil_from_days(ref_day)
    if kind == "month":
        index = year * 12 + month - 1 + offset
        return spec.copy(relative=None, year=index // 12, month=index % 12 + 1)
    return spec.copy(relative=None, year=year + offset)


def _day_spec(spec: Spec, day: int, week: str | None = None) -> Spec:
    year, month, dom = civil_from_days(day)
    return spec.copy(relative=None, year=year, month=month, day=dom, week=week)


def _most_recent(spec: Spec, ref_day: int, conv: DateConventions) -> Spec:
    """The latest year in which the spec starts on or before the report day."""
    if spec.day is not None and spec.month is not None:
        check_day(None, spec.month, spec.day)
    elif spec.month is not None:
        check_month(spec.month)
    ref_year = civil_from_days(ref_day)[0]
    last_error: Rejected | None = None
    for year in range(ref_year, ref_year - 9, -1):  # 29 February recurs within 8 years
        candidate = spec.copy(year=year)
        try:
            start = unit_bounds(candidate, conv)[0]
        except Rejected as exc:
            last_error = exc
            continue
        if start <= ref_day * US_PER_DAY:
            return candidate
    if last_error is None:  # only when the search ran out of years
        msg = f"{describe_missing_year(spec)} has no occurrence before the report date"
        raise Rejected(msg)
    raise last_error
