"""Expressions (one calendar unit, or an interval of two sides) and their evaluation.

Evaluation fills what one side of an interval leaves out from the other ("1-3 November
2024"), resolves relative text against the report day, checks that the end is not before
the start, and writes the EDTF text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from timeline.dates.conventions import DateConventions
from timeline.dates.edtf_format import (
    format_end,
    format_start,
    format_unit,
    qualifier,
    split_interval,
)
from timeline.dates.gregorian import US_PER_DAY, civil_from_days, year_start
from timeline.dates.spec import (
    END_US,
    FIRST_US,
    Rejected,
    Spec,
    Unit,
    resolve_relative,
    unit_bounds,
)


@dataclass(slots=True)
class Side:
    """One end of an interval.

    ``spec`` None means the end is missing: ``missing`` is ".." (open, ongoing) or ""
    (unknown), as in EDTF. ``outer`` marks "after X" on a start side (the interval starts
    when X ends) and "before X" on an end side (it ends when X starts).
    """

    spec: Spec | None = None
    outer: bool = False
    missing: str = ".."


@dataclass(slots=True)
class Interval:
    """An interval between two sides; either side may be missing."""

    start: Side
    end: Side


Expression = Spec | Interval


class Parsed(NamedTuple):
    """Bounds of one expression in microseconds since 1970-01-01 (None = open)."""

    start: int | None
    end: int | None
    start_precision: str | None
    end_precision: str | None
    kind: str
    open_end: bool
    approximate: bool
    uncertain: bool
    edtf: str


def with_flags(expr: Expression, approximate: bool, uncertain: bool) -> Expression:
    """Apply qualifiers that were stated for the whole expression to every side."""
    if not (approximate or uncertain):
        return expr
    if isinstance(expr, Spec):
        return expr.copy(
            approximate=expr.approximate or approximate, uncertain=expr.uncertain or uncertain
        )
    for side in (expr.start, expr.end):
        if side.spec is not None:
            side.spec = with_flags(side.spec, approximate, uncertain)  # type: ignore[assignment]
    return expr


def evaluate(expr: Expression, ref_day: int | None, conv: DateConventions) -> Parsed:
    """Bounds, precision, flags and EDTF of an expression.

    Raises
    ------
    Rejected
        With the reason when the expression has no bounds.
    """
    if isinstance(expr, Spec):
        spec = resolve_relative(expr, ref_day, conv)
        unit = unit_bounds(spec, conv)
        first, last = unit_text(unit, qualifier(spec.approximate, spec.uncertain), conv)
        return Parsed(
            unit.start, unit.end, unit.precision, unit.precision, "instant", False,
            spec.approximate, spec.uncertain, first if first == last else f"{first}/{last}",
        )  # fmt: skip
    return _evaluate_interval(expr, ref_day, conv)


def unit_text(unit: Unit, mark: str, conv: DateConventions) -> tuple[str, str]:
    """The start and end parts of a unit's EDTF, each with the qualifier ``mark``."""
    text = unit.text if unit.text is not None else format_unit(*unit[:3], conv)
    first, last = split_interval(text)
    return first + mark, last + mark


# --------------------------------------------------------------------------- intervals


def _fill(target: Spec, source: Spec) -> tuple[Spec, bool]:
    """Fill the coarser components ``target`` leaves out from ``source``.

    Returns the filled spec and whether its year came from ``source``.
    """
    if not target.has_unit and target.part is not None:  # "early" in "early to mid 1990s"
        return target.copy(
            year=source.year,
            month=source.month,
            plural=source.plural,
            decade=source.decade,
            century=source.century,
        ), False
    changes: dict[str, object] = {}
    month = target.month
    if month is None and target.day is not None and source.month is not None:
        month = changes["month"] = source.month
    names_inside_year = month is not None or target.sub is not None
    inherited = (
        target.year is None
        and target.relative is None
        and names_inside_year
        and source.year is not None
    )
    if inherited:
        changes["year"] = source.year
    return (target.copy(**changes) if changes else target), inherited


def _abbreviated_end_year(start: Spec, end: Spec) -> Spec | None:
    """ "1997-98": a two-digit end after a bare year completes that year's century."""
    year_only = (
        start.year is not None
        and start.month is None
        and start.sub is None
        and start.part is None
        and start.day is None
    )
    if not (year_only and end.bare_digits == 2 and end.month is None and end.year is None):
        return None
    assert start.year is not None and end.day is not None
    year = start.year // 100 * 100 + end.day
    if year <= start.year:
        msg = f"the end year '{end.day:02d}' is not after {start.year}: write the end year in full"
        raise Rejected(msg)
    return Spec(year=year, approximate=end.approximate, uncertain=end.uncertain)


def _shift_year(spec: Spec, delta: int) -> Spec:
    assert spec.year is not None
    return spec.copy(year=spec.year + delta)


def _one_season(left: Spec, right: Spec, conv: DateConventions) -> Spec | None:
    """ "winter 2024/25", "winter 2024-2025": one season that runs into the next year."""
    if left.sub is None or not left.sub[0].startswith("season") or left.year is None:
        return None
    next_year = right.year
    if right.bare_digits == 2 and right.month is None and right.year is None:
        next_year = left.year // 100 * 100 + (right.day or 0)
    elif (right.month, right.day, right.sub, right.part, right.relative) != (None,) * 5:
        return None
    if next_year != left.year + 1:
        return None
    unit = unit_bounds(left, conv)
    return left if unit.end > year_start(left.year + 1) * US_PER_DAY else None


def _evaluate_interval(expr: Interval, ref_day: int | None, conv: DateConventions) -> Parsed:
    left, right = expr.start.spec, expr.end.spec
    if left is not None and right is not None and not (expr.start.outer or expr.end.outer):
        season = _one_season(left, right, conv)
        if season is not None:
            flags = {
                "approximate": left.approximate or right.approximate,
                "uncertain": left.uncertain or right.uncertain,
            }
            return evaluate(season.copy(**flags), ref_day, conv)
    left_inherited = right_inherited = False
    # Only a side that names its own month (or season, quarter, half) can sit on the other
    # side of a year turn: "28 December to 3 January 2025", never "3-1 November 2024".
    own_months = _names_month(left) and _names_month(right)
    if left is not None and right is not None:
        completed = _abbreviated_end_year(left, right)
        if completed is not None:
            right = completed
        left, left_inherited = _fill(left, right)
        right, right_inherited = _fill(right, left)
        if left.needs_year and right.needs_year:
            left = resolve_relative(left, ref_day, conv)
            right, right_inherited = right.copy(year=left.year), True
    if left is not None:
        left = resolve_relative(left, ref_day, conv)
    if right is not None:
        right = resolve_relative(right, ref_day, conv)

    left_unit = unit_bounds(left, conv) if left is not None else None
    right_unit = unit_bounds(right, conv) if right is not None else None
    if left_unit is not None and right_unit is not None:
        start = _start_of(expr.start, left_unit)
        end = _end_of(expr.end, right_unit)
        turns = own_months and _month_of(left_unit.start) > _month_of(right_unit.start)
        if end <= start and (right_inherited or left_inherited) and turns:
            # "December to February", "28 December to 3 January 2025": the year turns.
            if right_inherited and right is not None:
                right = _shift_year(right, 1)
                right_unit = unit_bounds(right, conv)
            elif left is not None:
                left = _shift_year(left, -1)
                left_unit = unit_bounds(left, conv)
            start = _start_of(expr.start, left_unit)
            end = _end_of(expr.end, right_unit)
        if end <= start:
            first = "/".join(dict.fromkeys(unit_text(left_unit, "", conv)))
            last = "/".join(dict.fromkeys(unit_text(right_unit, "", conv)))
            msg = f"the end ({last}) is before the start ({first})"
            raise Rejected(msg)

    start_text, start, start_precision = _start_side(expr.start, left, left_unit, conv)
    end_text, end, end_precision = _end_side(expr.end, right, right_unit, conv)
    if start is not None and start >= END_US:
        msg = "the start is after 9999: the engine covers years 1-9999"
        raise Rejected(msg)
    if end is not None and end <= FIRST_US:
        msg = "the end is before 1 CE: years before the common era are not supported"
        raise Rejected(msg)
    specs = [s for s in (left, right) if s is not None]
    approximate = any(s.approximate for s in specs)
    uncertain = any(s.uncertain for s in specs)
    return Parsed(
        start,
        end,
        start_precision,
        end_precision,
        "span",
        end is None,
        approximate,
        uncertain,
        f"{start_text}/{end_text}",
    )


def _names_month(spec: Spec | None) -> bool:
    """Whether a side, as written, names a month or a season, quarter or other sub-year unit."""
    return spec is not None and (spec.month is not None or spec.sub is not None)


def _month_of(us: int) -> int:
    return civil_from_days(us // US_PER_DAY)[1]


def _start_of(side: Side, unit: Unit) -> int:
    return unit.end if side.outer else unit.start


def _end_of(side: Side, unit: Unit) -> int:
    return unit.start if side.outer else unit.end


def _start_side(
    side: Side, spec: Spec | None, unit: Unit | None, conv: DateConventions
) -> tuple[str, int | None, str | None]:
    if spec is None or unit is None:
        return side.missing, None, None
    mark = qualifier(spec.approximate, spec.uncertain)
    if side.outer:  # "after X": from the end of X
        return format_start(unit.end, unit.precision, conv) + mark, unit.end, unit.precision
    return unit_text(unit, mark, conv)[0], unit.start, unit.precision


def _end_side(
    side: Side, spec: Spec | None, unit: Unit | None, conv: DateConventions
) -> tuple[str, int | None, str | None]:
    if spec is None or unit is None:
        return side.missing, None, None
    mark = qualifier(spec.approximate, spec.uncertain)
    if side.outer:  # "before X": up to the start of X
        return format_end(unit.start, unit.precision, conv) + mark, unit.start, unit.precision
    return unit_text(unit, mark, conv)[1], unit.end, unit.precision
