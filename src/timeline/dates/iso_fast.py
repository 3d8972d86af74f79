"""The vectorized path for plain ISO dates: ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD``.

The first ten characters of every string are laid out as a small integer matrix (read
straight from Arrow's buffers, or from a fixed-width numpy copy of an object array) and
checked and converted column by column. Anything that is not exactly one of the three
forms with a possible date (``2025-02-30``, `` 2024``, ``2024-6``) is left for the
phrase parser, which also explains rejections.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline.dates.gregorian import US_PER_DAY, days_from_civil
from timeline.schema import PRECISIONS

WIDTH = 10
_DAY, _MONTH, _YEAR = (PRECISIONS.index(p) for p in ("day", "month", "year"))
_MONTH_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


@dataclass(frozen=True)
class IsoRows:
    """The rows that are plain ISO dates, with their bounds (``datetime64[us]`` as int64)."""

    rows: np.ndarray  # positions of the parsed rows
    start: np.ndarray
    end: np.ndarray
    precision: np.ndarray  # codes into PRECISIONS


def parse_matrix(matrix: np.ndarray, lengths: np.ndarray, rows: np.ndarray) -> IsoRows:
    """Parse candidate rows given their first ``WIDTH`` characters and their lengths."""
    column = [matrix[:, i].astype(np.int32) - 48 for i in range(WIDTH)]  # digit values
    digit = [(c >= 0) & (c <= 9) for c in column]
    year_ok = digit[0] & digit[1] & digit[2] & digit[3]
    month_ok = digit[5] & digit[6] & (column[4] == ord("-") - 48)
    day_ok = digit[8] & digit[9] & (column[7] == ord("-") - 48)
    year = ((column[0] * 10 + column[1]) * 10 + column[2]) * 10 + column[3]
    month = column[5] * 10 + column[6]
    day = column[8] * 10 + column[9]
    is_year = (lengths == 4) & year_ok
    is_month = (lengths == 7) & year_ok & month_ok
    is_day = (lengths == 10) & year_ok & month_ok & day_ok
    month_valid = (month >= 1) & (month <= 12)
    safe_month = np.where(month_valid & ~is_year, month, 1)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_days = _MONTH_DAYS[safe_month - 1] + ((safe_month == 2) & leap)
    ok = (year >= 1) & (
        is_year
        | (is_month & month_valid)
        | (is_day & month_valid & (day >= 1) & (day <= month_days))
    )
    if not ok.all():
        year, safe_month, day, month_days, leap = (
            year[ok],
            safe_month[ok],
            day[ok],
            month_days[ok],
            leap[ok],
        )
        is_year, is_month, rows = is_year[ok], is_month[ok], rows[ok]
    is_day = ~(is_year | is_month)
    first = days_from_civil(year.astype(np.int64), safe_month, np.where(is_day, day, 1))
    length = np.where(is_day, 1, np.where(is_month, month_days, 365 + leap))
    precision = np.where(is_year, _YEAR, np.where(is_month, _MONTH, _DAY)).astype(np.int8)
    return IsoRows(
        rows=rows,
        start=first * US_PER_DAY,
        end=(first + length) * US_PER_DAY,
        precision=precision,
    )


def _candidates(lengths: np.ndarray) -> np.ndarray:
    return np.flatnonzero((lengths == 4) | (lengths == 7) | (lengths == 10))


def iso_rows_arrow(array: object) -> IsoRows:
    """Plain ISO rows of a ``pyarrow`` (large) string array, read from its buffers."""
    import pyarrow as pa

    assert isinstance(array, (pa.StringArray, pa.LargeStringArray))
    offset_type = np.int64 if isinstance(array, pa.LargeStringArray) else np.int32
    buffers = array.buffers()
    size = len(array)
    offsets = np.frombuffer(buffers[1], dtype=offset_type, count=size + 1, offset=0)
    offsets = offsets[array.offset : array.offset + size + 1].astype(np.int64)
    lengths = np.diff(offsets)
    if array.null_count:
        lengths = np.where(array.is_null().to_numpy(zero_copy_only=False), -1, lengths)
    rows = _candidates(lengths)
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else None
    if data is None or not len(rows) or not len(data):
        empty = np.array([], dtype=np.int64)
        return IsoRows(empty, empty, empty, empty.astype(np.int8))
    positions = offsets[rows][:, None] + np.arange(WIDTH)
    np.minimum(positions, len(data) - 1, out=positions)
    return parse_matrix(data[positions], lengths[rows], rows)


def iso_rows_object(values: np.ndarray) -> IsoRows:
    """Plain ISO rows of an object array of strings (other objects are left alone)."""
    fixed = values.astype(f"U{WIDTH + 1}")  # an 11th character means "too long"
    codes = fixed.view(np.uint32).reshape(len(values), WIDTH + 1)
    lengths = np.count_nonzero(codes, axis=1)
    lengths[codes[:, WIDTH] != 0] = -1
    rows = _candidates(lengths)
    return parse_matrix(codes[rows, :WIDTH], lengths[rows], rows)
