"""One calendar expression as it was stated, and the bounds it stands for.

A :class:`Spec` holds what the text said (a year, a month, a season, "late", "yesterday")
and nothing more: a missing year stays missing until an interval's other side or the
report date supplies it. :func:`unit_bounds` turns a complete spec into
``[start, end)`` microseconds and a precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from timeline.dates import report_days
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

# (month, day) where each astronomical season starts: spring, summer, autumn, winter (north).
_ASTRONOMICAL_STARTS = ((3, 20), (6, 21), (9, 22), (12, 21))

_FIRST_DAY = days_from_civil(MIN_YEAR, 1, 1)
_END_OF_RANGE = days_from_civil(MAX_YEAR + 1, 1, 1)
FIRST_US = _FIRST_DAY * US_PER_DAY
"""0001-01-01 as microseconds: no bound may be earlier."""
END_US = _END_OF_RANGE * US_PER_DAY
"""10000-01-01 as microseconds: the exclusive end of year 9999; no start may be as late."""


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


class Spec:
    """A calendar expression with every component optional.

    ``sub`` is a sub-year unit: ``("season", i)`` (hemisphere from the conventions),
    ``("season_north", i)``, ``("season_south", i)`` with i = 0 spring .. 3 winter,
    ``("quarter", 1-4)``, ``("third", 1-3)`` or ``("half", 1-2)``. ``century`` is
    ``("ordinal", 19)`` for "19th century" or ``("hundreds", 1800)`` for ``18XX``.
    ``plural`` is the year of a plural such as "1990s" (a decade, or a century for
    "1800s" depending on the conventions); ``decade`` is an explicit decade (``199X``).
    ``relative`` is resolved against the report date: ``("day", k)``, ``("week", k)``,
    ``("month", k)``, ``("year", k)``, ``("weekday", w, strictly_before)`` or
    ``("current",)`` ("this spring": the occurrence that holds the report day, else the
    one in the report's year) or ``("previous",)`` ("last winter": the latest one that is
    over by the end of the report day). ``clip`` is "earlier" or "later" before resolution and
    ``("earlier", day)`` after it: the unit is cut at the report day.

    Instances hold only the fields that were stated; the class holds the defaults. A
    parser makes many of these, so creating and copying them must be cheap.
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
    nth_week: int | None = None  # week n (1-5, -1 = last) of a month: days 7n-6 to 7n
    unspecified: str | None = None  # "a day in January 1872": the unit named (day, month, year)
    clip: object = None  # "earlier"/"later" (this year...): before/after the report day

    def __init__(self, **fields: object) -> None:
        if not fields.keys() <= SPEC_FIELDS:
            msg = f"Spec has no field(s) {sorted(set(fields) - SPEC_FIELDS)}"
            raise TypeError(msg)
        self.__dict__.update(fields)

    def copy(self, **changes: object) -> Spec:
        """A copy with some fields changed."""
        new = object.__new__(Spec)
        new.__dict__ = {**self.__dict__, **changes}
        return new

    def __repr__(self) -> str:
        stated = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Spec({stated})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Spec):
            return NotImplemented
        return {**_DEFAULTS, **self.__dict__} == {**_DEFAULTS, **other.__dict__}

    __hash__ = None  # type: ignore[assignment]

    @property
    def has_unit(self) -> bool:
        """Whether anything besides a part (early/mid/late) or flags was stated."""
        return not (
            self.year is None
            and self.month is None
            and self.day is None
            and self.sub is None
            and self.plural is None
            and self.decade is None
            and self.century is None
            and self.relative is None
        )

    @property
    def needs_year(self) -> bool:
        """Whether the spec names something inside a year but not the year."""
        return (
            self.year is None
            and self.relative is None
            and (self.month is not None or self.sub is not None)
        )


SPEC_FIELDS = frozenset(Spec.__annotations__)
_DEFAULTS = {name: getattr(Spec, name) for name in SPEC_FIELDS}


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


def _check_utc_range(start_us: int, end_us: int) -> None:
    """Reject a time whose UTC window leaves years 1-9999 (``9999-12-31T23:30-05:00``)."""
    if start_us < FIRST_US:
        msg = "in UTC the time falls before 0001-01-01: the engine covers years 1-9999"
        raise Rejected(msg)
    if end_us > END_US:
        msg = "in UTC the time falls after 9999-12-31: the engine covers years 1-9999"
        raise Rejected(msg)


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
    """First day and the day after the last of a season, as days since 1970-01-01."""
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


class Unit(NamedTuple):
    """Bounds of one calendar unit in microseconds, its precision and its EDTF text.

    ``text`` is one EDTF date, or ``A/B`` when the unit is not an EDTF unit (late
    October, a week); None for a time of day, which the formatter writes.
    """

    start: int
    end: int
    precision: str
    text: str | None


def _ymd(days: int) -> str:
    year, month, day = civil_from_days(days)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _unit(start_days: int, end_days: int, precision: str, text: str) -> Unit:
    _check_range(start_days, end_days)
    return Unit(start_days * US_PER_DAY, end_days * US_PER_DAY, precision, text)


def _season_code(sub: tuple[str, int], conv: DateConventions) -> int:
    name, index = sub
    south = name == "season_south" or (name == "season" and conv.hemisphere == "south")
    return (29 if south else 25) + index


_SUB_MONTHS = {"quarter": (3, 33), "third": (4, 37), "half": (6, 40)}


def _sub_unit(year: int, sub: tuple[str, int], conv: DateConventions) -> Unit:
    name, index = sub
    if name.startswith("season"):
        start, end = season_bounds(year, sub, conv)
        return _unit(start, end, "season", f"{year:04d}-{_season_code(sub, conv)}")
    months, code = _SUB_MONTHS[name]
    first = months * (index - 1) + 1
    start, end = month_start(year, first), month_start(year, first + months)
    return _unit(start, end, name, f"{year:04d}-{code + index - 1}")


def _season_part(year: int, sub: tuple[str, int], part: str, conv: DateConventions) -> Unit:
    """ "late summer 2024": the season's last month (early: its first, mid: its second)."""
    if conv.seasons != "meteorological" or part not in ("early", "mid", "late"):
        msg = f"'{part}' of a season is read only for meteorological seasons (whole months)"
        raise Rejected(msg)
    first_day = season_bounds(year, sub, conv)[0]
    y, m, _ = civil_from_days(first_day)
    m += ("early", "mid", "late").index(part)
    start, end = month_start(y, m), month_start(y, m + 1)
    y, m, _ = civil_from_days(start)
    return _unit(start, end, "month", f"{y:04d}-{m:02d}")


def _part_window(part: str, cuts: tuple[int, int], first: int, last: int) -> tuple[int, int]:
    """Inclusive sub-range of ``first..last`` for early/mid/late given the cut points."""
    if part == "early":
        return first, cuts[0]
    if part == "mid":
        return cuts[0] + 1, cuts[1]
    return cuts[1] + 1, last


def _year_part(year: int, part: str, conv: DateConventions) -> Unit:
    first, last = _part_window(part, conv.year_parts, 1, 12)
    start, end = month_start(year, first), month_start(year, last + 1)
    if conv.year_parts == (4, 8):  # thirds: EDTF 37-39
        return _unit(start, end, "third", f"{year:04d}-{36 + (first + 3) // 4}")
    return _unit(start, end, "month", f"{year:04d}-{first:02d}/{year:04d}-{last:02d}")


def _month_part(year: int, month: int, part: str, conv: DateConventions) -> Unit:
    last = days_in_month(year, month)
    if part.startswith("half"):  # the first half: days 1-15; the second: 16 to the end
        low, high = (1, 15) if part == "half1" else (16, last)
    else:
        low, high = _part_window(part, conv.month_parts, 1, last)
    first_day = month_start(year, month)
    text = f"{year:04d}-{month:02d}-{low:02d}/{year:04d}-{month:02d}-{high:02d}"
    return _unit(first_day + low - 1, first_day + high, "month", text)


def _years(first: int, count: int, precision: str, text: str | None = None) -> Unit:
    _check_year(first)
    last = first + count - 1
    text = text or (f"{first:04d}" if count == 1 else f"{first:04d}/{last:04d}")
    return _unit(year_start(first), year_start(first + count), precision, text)


def _decade_unit(first_year: int, part: str | None, conv: DateConventions) -> Unit:
    if part is None:
        return _years(first_year, 10, "decade", f"{first_year // 10:03d}X")
    low, high = _part_window(part, conv.decade_parts, 0, 9)
    return _years(first_year + low, high - low + 1, "decade")


def _century_first_year(century: tuple[str, int], conv: DateConventions) -> int:
    kind, value = century
    if kind == "hundreds":
        return value
    if value < 1:
        msg = f"there is no {value}th century"
        raise Rejected(msg)
    return (value - 1) * 100 + (1 if conv.centuries == "ordinal" else 0)


def _century_unit(first_year: int, part: str | None, conv: DateConventions) -> Unit:
    if part is None:
        text = f"{first_year // 100:02d}XX" if first_year % 100 == 0 else None
        return _years(first_year, 100, "century", text)
    low, high = _part_window(part, conv.century_parts, 0, 99)
    return _years(first_year + low, high - low + 1, "century")


def _week_unit(day: int, mode: str, conv: DateConventions) -> Unit:
    first = 0 if mode == "iso" or conv.week_start == "monday" else 6
    start = day - (weekday(day) - first) % 7
    return _unit(start, start + 7, "week", f"{_ymd(start)}/{_ymd(start + 6)}")


def _no_part(spec: Spec, what: str) -> None:
    if spec.part is not None:
        msg = f"'{spec.part}' applies to a month, year, decade or century, not a {what}"
        raise Rejected(msg)


def unit_bounds(spec: Spec, conv: DateConventions) -> Unit:
    """Bounds, precision and EDTF text of a spec whose year (or century) is known.

    Raises
    ------
    Rejected
        When a component is impossible, out of range or incomplete.
    """
    if spec.clip is not None or spec.unspecified is not None:
        return _modified_unit(spec, conv)
    if spec.plural is not None:
        plural = spec.plural
        if plural % 100 == 0 and conv.plural_hundreds == "century":
            return _century_unit(plural, spec.part, conv)
        return _decade_unit(plural, spec.part, conv)
    if spec.decade is not None:
        return _decade_unit(spec.decade, spec.part, conv)
    if spec.century is not None:
        return _century_unit(_century_first_year(spec.century, conv), spec.part, conv)
    year = spec.year
    if spec.day is not None and spec.month is None:
        msg = f"day {spec.day} is given without a month"
        raise Rejected(msg)
    if year is None:
        msg = "no year is given"
        raise Rejected(msg)
    _check_year(year)
    if spec.sub is not None:
        if spec.part is not None and spec.sub[0].startswith("season"):
            return _season_part(year, spec.sub, spec.part, conv)
        _no_part(spec, spec.sub[0].partition("_")[0])
        return _sub_unit(year, spec.sub, conv)
    month = spec.month
    if month is None:
        if spec.day is not None:
            msg = f"day {spec.day} is given without a month"
            raise Rejected(msg)
        if spec.part is None:
            return _unit(year_start(year), year_start(year + 1), "year", f"{year:04d}")
        return _year_part(year, spec.part, conv)
    if spec.day is None:
        check_month(month)
        if spec.nth_week is not None:
            return _month_week(year, month, spec.nth_week)
        if spec.part is not None:
            return _month_part(year, month, spec.part, conv)
        text = f"{year:04d}-{month:02d}"
        return _unit(month_start(year, month), month_start(year, month + 1), "month", text)
    check_day(year, month, spec.day)
    _no_part(spec, "day")
    day = days_from_civil(year, month, spec.day)
    _check_stated_weekday(spec, day)
    if spec.week is not None:
        return _week_unit(day, spec.week, conv)
    if spec.time is not None:
        time = spec.time
        offset = (time.offset_minutes or 0) * US_PER_MINUTE
        start_us = day * US_PER_DAY + time.us - offset
        _check_utc_range(start_us, start_us + time.resolution)
        return Unit(start_us, start_us + time.resolution, "time", None)
    return _unit(day, day + 1, "day", f"{year:04d}-{month:02d}-{spec.day:02d}")


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth")


def _month_week(year: int, month: int, nth: int) -> Unit:
    """Week ``nth`` of a month: days 1-7, 8-14, ... (29 to the end); -1: its last 7 days."""
    last = days_in_month(year, month)
    low = last - 6 if nth == -1 else 7 * (nth - 1) + 1
    high = last if nth == -1 else min(7 * nth, last)
    if low > last:
        msg = f"{MONTH_NAMES[month - 1]} {year} has no {_ORDINAL_WORDS[nth - 1]} week"
        raise Rejected(msg)
    first_day = month_start(year, month)
    text = f"{_ymd(first_day + low - 1)}/{_ymd(first_day + high - 1)}"
    return _unit(first_day + low - 1, first_day + high, "week", text)


_UNIT_ORDER = ("day", "week", "month", "season", "quarter", "third", "half", "year", "decade")


def _modified_unit(spec: Spec, conv: DateConventions) -> Unit:
    """Bounds of a spec cut at the report day, or of "a day/month/year in" a wider unit."""
    unit = unit_bounds(spec.copy(clip=None, unspecified=None), conv)
    named = spec.unspecified
    if named is not None:
        rank = _UNIT_ORDER.index(unit.precision) if unit.precision in _UNIT_ORDER else 99
        if named not in _UNIT_ORDER or _UNIT_ORDER.index(named) >= rank:
            msg = f"'a {named} in' needs a wider unit than a {unit.precision}"
            raise Rejected(msg)
        text = unit.text  # 1872-01 -> 1872-01-XX (a day in it), 1872 -> 1872-XX (a month)
        if unit.precision == "month" or (unit.precision == "year" and named == "month"):
            text = f"{text}-XX"
        elif unit.precision == "year" and named == "day":
            text = f"{text}-XX-XX"
        unit = Unit(unit.start, unit.end, named, text)
    if isinstance(spec.clip, tuple):
        mode, ref_day = spec.clip
        start, end = unit.start // US_PER_DAY, unit.end // US_PER_DAY
        if mode == "earlier":
            end = min(end, ref_day)
        else:
            start = max(start, ref_day + 1)
        if end <= start:
            side = "before" if mode == "earlier" else "after"
            msg = f"'{mode}' names no day of the unit {side} the report date"
            raise Rejected(msg)
        unit = _unit(start, end, unit.precision, f"{_ymd(start)}/{_ymd(end - 1)}")
    elif spec.clip is not None:
        msg = f"'{spec.clip} this ...' needs a report date (reference_date)"
        raise NeedsReference(msg)
    return unit


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
    if isinstance(spec.clip, str):
        resolved = resolve_relative(spec.copy(clip=None), ref_day, conv)
        return resolved.copy(clip=(spec.clip, ref_day))
    if spec.relative is None:
        return _most_recent(spec, ref_day, conv)
    kind = spec.relative[0]
    if kind == "current":
        return _current(spec, ref_day, conv)
    if kind == "previous":
        return _previous(spec, ref_day, conv)
    if kind == "weekday":
        _, target, strictly_before = spec.relative
        back = (weekday(ref_day) - target) % 7
        if strictly_before and back == 0:
            back = 7
        return _day_spec(spec, ref_day - back)
    if kind in report_days.KINDS:  # "on the 13th", "by Monday": see dates/report_phrases.py
        try:
            return _day_spec(spec, report_days.resolve(spec.relative, ref_day))
        except ValueError as exc:
            raise Rejected(str(exc)) from exc
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


def _current(spec: Spec, ref_day: int, conv: DateConventions) -> Spec:
    """ "this winter", "this October": the occurrence holding the report day, else this year's."""
    ref_year = civil_from_days(ref_day)[0]
    moment = ref_day * US_PER_DAY
    for year in (ref_year - 1, ref_year):
        candidate = spec.copy(relative=None, year=year)
        unit = unit_bounds(candidate, conv)
        if unit.start <= moment < unit.end:
            return candidate
    return spec.copy(relative=None, year=ref_year)


def _previous(spec: Spec, ref_day: int, conv: DateConventions) -> Spec:
    """ "last winter", "last May" (지난 5월): the latest one over by the report day."""
    ref_year = civil_from_days(ref_day)[0]
    for year in range(ref_year, ref_year - 3, -1):
        candidate = spec.copy(relative=None, year=year)
        if unit_bounds(candidate, conv).end <= (ref_day + 1) * US_PER_DAY:
            return candidate
    return spec.copy(relative=None, year=ref_year - 2)  # not reached: a year has each unit


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
