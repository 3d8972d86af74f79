"""Per-lane time-bucket counts: what a density strip of a lane draws, computed in an engine.

The grid is global: bucket ``b`` of width ``bucket_ms`` covers
``[b * bucket_ms, (b + 1) * bucket_ms)`` epoch milliseconds, so the buckets of a
power-of-two pyramid (``bucket_ms`` = base * 2**level) nest and two windows of one level
share their buckets. For every lane and bucket:

``count``
    events whose point falls in the bucket: the start, or for an open start ("before
    1750") the last millisecond before the end;
``cover``
    spans (``kind == "span"``) overlapping the bucket: ``[start, end)``, an open start
    running from the window's left edge and an open end to ``reference_ms``.

Era rows and events without any date are not counted (the figure draws neither as
marks). The engine groups two small tables (points per bucket; span starts and ends per
bucket, clamped to the window); the cover is their running difference, in pandas.
"""

from __future__ import annotations

from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from timeline.engines.collect import collect
from timeline.engines.epoch import END_MS, START_MS
from timeline.schema import check_column

BUCKET_COLUMNS: tuple[str, ...] = ("lane", "bucket", "bucket_start_ms", "count", "cover")
"""Columns of the frame :func:`bucket_counts` returns."""
MAX_BUCKETS = 1 << 16
"""Most buckets one call may span (per lane), to keep the answer small."""


def no_lane_label(lane: str) -> str:
    """Lane name of the events without a value in the lane column (as in ``tl.plot``).

    Examples
    --------
    >>> no_lane_label("category")
    '(no category)'
    """
    return f"(no {lane})"


def lane_expression(frame: Any, lane: str | None) -> tuple[Any, nw.Expr]:
    """``frame`` with one row per (event, lane) and the expression of the lane's name.

    A list-valued lane column puts an event in each of its lanes (an empty list: the
    "no value" lane).

    Examples
    --------
    >>> import polars as pl
    >>> frame = nw.from_native(pl.LazyFrame({"actors": [["a", "b"], []]}))
    >>> rows, name = lane_expression(frame, "actors")
    >>> sorted(rows.select(name.alias("lane")).collect()["lane"].to_list())
    ['(no actors)', 'a', 'b']
    """
    from timeline.engines.conditions import is_list_dtype

    if lane is None:
        return frame, nw.lit("")
    check_column(frame, "lane", lane)
    if is_list_dtype(frame.collect_schema()[lane]):
        frame = explode(frame, lane)
    name = nw.col(lane).cast(nw.String()).fill_null(no_lane_label(lane))
    return frame, name


def explode(frame: Any, column: str) -> Any:
    """One row per item of a list column (empty and missing lists: one row with null).

    Dask has no narwhals ``explode``: its own is used.

    Examples
    --------
    >>> import polars as pl
    >>> frame = nw.from_native(pl.LazyFrame({"x": [["a"], []]}))
    >>> explode(frame, "x").collect()["x"].to_list()
    ['a', None]
    """
    try:
        return frame.explode(column)
    except NotImplementedError:
        native = nw.to_native(frame)
        exploded = native.explode(column).reset_index(drop=True)
        exploded[column] = exploded[column].astype("string[pyarrow]")
        return nw.from_native(exploded)


def check_grid(start_ms: int, end_ms: int, bucket_ms: int) -> None:
    """Raise ``ValueError`` unless ``[start_ms, end_ms)`` in ``bucket_ms`` buckets is a grid
    :func:`bucket_counts` answers (positive width, non-empty window, at most
    :data:`MAX_BUCKETS` buckets).

    Examples
    --------
    >>> check_grid(0, 10, 0)
    Traceback (most recent call last):
    ...
    ValueError: bucket_ms must be a positive number of milliseconds; got 0
    """
    if bucket_ms <= 0:
        msg = f"bucket_ms must be a positive number of milliseconds; got {bucket_ms!r}"
        raise ValueError(msg)
    if end_ms <= start_ms:
        msg = f"the window must end after it starts; got start_ms={start_ms}, end_ms={end_ms}"
        raise ValueError(msg)
    first, last = start_ms // bucket_ms, (end_ms - 1) // bucket_ms
    if last - first + 1 > MAX_BUCKETS:
        msg = (
            f"[{start_ms}, {end_ms}) holds {last - first + 1} buckets of {bucket_ms} ms; "
            f"at most {MAX_BUCKETS} per call: choose wider buckets"
        )
        raise ValueError(msg)


def bucket_counts(
    frame: Any,
    *,
    lane: str | None,
    start_ms: int,
    end_ms: int,
    bucket_ms: int,
    reference_ms: int | None = None,
) -> pd.DataFrame:
    """Per-lane counts and span cover in the buckets that meet ``[start_ms, end_ms)``.

    Parameters
    ----------
    frame
        A narwhals lazy frame of canonical events with ``start_ms`` and ``end_ms``
        (already filtered).
    lane
        The lane column, or None for one lane named ``""``.
    start_ms, end_ms
        The window, epoch milliseconds.
    bucket_ms
        Bucket width in milliseconds (a positive integer).
    reference_ms
        Where open ends stop (default: ``end_ms``).

    Returns
    -------
    DataFrame
        :data:`BUCKET_COLUMNS`, one row per lane and bucket with a non-zero count or
        cover, sorted by lane and bucket.

    Examples
    --------
    >>> import polars as pl
    >>> frame = nw.from_native(pl.LazyFrame({
    ...     "kind": ["instant", "span"], "start_ms": [5, 0], "end_ms": [6, 25],
    ...     "open_end": [False, False]}))
    >>> bucket_counts(frame, lane=None, start_ms=0, end_ms=30, bucket_ms=10)[
    ...     ["bucket", "count", "cover"]].to_numpy().tolist()
    [[0, 2, 1], [1, 0, 1], [2, 0, 1]]
    """
    bucket_ms = int(bucket_ms)
    check_grid(int(start_ms), int(end_ms), bucket_ms)
    first = int(start_ms) // bucket_ms
    last = (int(end_ms) - 1) // bucket_ms
    reference = int(end_ms if reference_ms is None else reference_ms)
    origin = first * bucket_ms
    low, high = int(start_ms), int(end_ms)
    dated = ~nw.col(START_MS).is_null() | ~nw.col(END_MS).is_null()
    frame = frame.select(list(dict.fromkeys([START_MS, END_MS, "kind", *([lane] if lane else [])])))
    frame = frame.filter(dated & ~(nw.col("kind").cast(nw.String()) == "era").fill_null(False))
    rows, name = lane_expression(frame, lane)

    point = nw.coalesce(nw.col(START_MS), nw.col(END_MS) - 1)
    points = (
        rows.filter((point >= low) & (point < high))
        .select(name.alias("lane"), ((point - origin) // bucket_ms).alias("bucket"))
        .group_by("lane", "bucket")
        .agg(nw.len().alias("n"))
    )
    span_end = nw.coalesce(nw.col(END_MS), nw.lit(reference))
    span_start = nw.coalesce(nw.col(START_MS), nw.lit(low))
    spans = rows.filter(
        (nw.col("kind").cast(nw.String()) == "span").fill_null(False)
        & (span_end > low)
        & (span_start < high)
        & (span_end > span_start)
    ).select(
        name.alias("lane"),
        ((nw.max_horizontal(span_start, nw.lit(low)) - origin) // bucket_ms).alias("sb"),
        ((nw.min_horizontal(span_end, nw.lit(high)) - 1 - origin) // bucket_ms).alias("eb"),
    )
    starts = spans.group_by("lane", "sb").agg(nw.len().alias("n"))
    ends = spans.group_by("lane", "eb").agg(nw.len().alias("n"))
    return _assemble(
        _small(points, ["lane", "bucket", "n"]),
        _small(starts, ["lane", "sb", "n"]),
        _small(ends, ["lane", "eb", "n"]),
        first,
        last - first + 1,
        bucket_ms,
    )


def _small(frame: Any, columns: list[str]) -> pd.DataFrame:
    """An aggregate (a few thousand rows at most) as pandas."""
    table = collect(frame).to_pandas()
    table = table[columns]
    table.columns = ["lane", "bucket", "n"]
    table["lane"] = table["lane"].astype(object).astype(str)
    table["bucket"] = table["bucket"].astype(np.int64)
    table["n"] = table["n"].astype(np.int64)
    return table


def _assemble(
    points: pd.DataFrame,
    starts: pd.DataFrame,
    ends: pd.DataFrame,
    first: int,
    count: int,
    bucket_ms: int,
) -> pd.DataFrame:
    lanes = sorted(set(points["lane"]) | set(starts["lane"]))
    pieces = []
    for lane_name in lanes:
        counts = np.zeros(count, dtype=np.int64)
        cover = np.zeros(count + 1, dtype=np.int64)
        mine = points[points["lane"] == lane_name]
        np.add.at(counts, mine["bucket"].to_numpy(), mine["n"].to_numpy())
        opened = starts[starts["lane"] == lane_name]
        closed = ends[ends["lane"] == lane_name]
        np.add.at(cover, opened["bucket"].to_numpy(), opened["n"].to_numpy())
        np.add.at(cover, closed["bucket"].to_numpy() + 1, -closed["n"].to_numpy())
        running = np.cumsum(cover)[:count]
        keep = np.flatnonzero((counts > 0) | (running > 0))
        pieces.append(
            pd.DataFrame(
                {
                    "lane": lane_name,
                    "bucket": first + keep,
                    "bucket_start_ms": (first + keep) * bucket_ms,
                    "count": counts[keep],
                    "cover": running[keep],
                }
            )
        )
    if not pieces:
        return pd.DataFrame({name: pd.Series(dtype=np.int64) for name in BUCKET_COLUMNS}).astype(
            {"lane": object}
        )
    return pd.concat(pieces, ignore_index=True)
