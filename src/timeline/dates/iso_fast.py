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


def _digits(matrix: np.ndarray, columns: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Whether the given columns all hold ASCII digits, and their decimal value."""
    block = matrix[:, columns].astype(np.int64) - 48
    ok = ((block >= 0) & (block <= 9)).all(axis=1)
    value = np.zeros(len(matrix), dtype=np.int64)
    for column in range(len(columns)):
        value = value * 10 + block[:, column]
    return ok, value


def parse_matrix(matrix: np.ndarray, lengths: np.ndarray, rows: np.ndarray) -> IsoRows:
    """Parse candidate rows given their first ``WIDTH`` characters and their lengths."""
    year_ok, year = _digits(matrix, [0, 1, 2, 3])
    month_ok, month = _digits(matrix, [5, 6])
    day_ok, day = _digits(matrix, [8, 9])
    dash4 = matrix[:, 4] == 45
    dash7 = matrix[:, 7] == 45
    is_year = (lengths == 4) & year_ok
    is_month = (lengths == 7) & year_ok & dash4 & month_ok
    is_day = (lengths == 10) & year_ok & dash4 & month_ok & dash7 & day_ok
    month_valid = (month >= 1) & (month <= 12)
    safe_month = np.where(month_valid, month, 1)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    limit = _MONTH_DAYS[safe_month - 1] + ((safe_month == 2) & leap)
    ok = (year >= 1) & (
        is_year | (is_month & month_valid) | (is_day & month_valid & (day >= 1) & (day <= limit))
    )
    year, safe_month, day = year[ok], safe_month[ok], day[ok]
    is_year, is_month = is_year[ok], is_month[ok]
    month_index = (year - 1970) * 12 + np.where(is_year, 0, safe_month - 1)
    first_day = month_index.astype("datetime64[M]").astype("datetime64[D]")
    start = np.where(is_year | is_month, first_day, first_day + (day - 1))
    step = np.where(is_year, 12, 1)
    next_unit = (month_index + step).astype("datetime64[M]").astype("datetime64[D]")
    end = np.where(is_year | is_month, next_unit, start + 1)
    precision = np.where(is_year, _YEAR, np.where(is_month, _MONTH, _DAY)).astype(np.int8)
    return IsoRows(
        rows=rows[ok],
        start=start.astype("datetime64[us]").view(np.int64),
        end=end.astype("datetime64[us]").view(np.int64),
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
