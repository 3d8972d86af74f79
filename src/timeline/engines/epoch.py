"""Epoch integers beside the timestamps: ``start_ms`` (floored) and ``end_ms`` (ceiled).

Not every engine has the datetime verbs the filters and the time buckets need (narwhals
has no epoch conversion on DuckDB or Spark, and no truncation to multiples of a unit), so
canonical Parquet stores the bounds as integer milliseconds since 1970 too, and the
engines compare and bin integers.

``start_ms`` is the start rounded *down* and ``end_ms`` the (exclusive) end rounded *up*
to a millisecond. With a date bound ``b`` that is a whole millisecond (every bound the
date engine makes is), ``start < b`` exactly when ``start_ms < b_ms`` and ``end > b``
exactly when ``end_ms > b_ms``: the integer filters keep the same events as the
timestamp filters of :mod:`timeline.filters`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

START_MS = "start_ms"
END_MS = "end_ms"
EPOCH_COLUMNS: tuple[str, ...] = (START_MS, END_MS)
"""The integer columns canonical Parquet adds after the canonical ones."""


def epoch_ms(values: pd.Series, *, round_up: bool = False) -> pd.Series:
    """Timestamps as nullable ``Int64`` epoch milliseconds, floored or (``round_up``) ceiled.

    Examples
    --------
    >>> stamps = pd.Series(pd.to_datetime(["1970-01-01 00:00:00.0015", None]))
    >>> epoch_ms(stamps).tolist(), epoch_ms(stamps, round_up=True).tolist()
    ([1, <NA>], [2, <NA>])
    """
    stamps = pd.to_datetime(values).astype("datetime64[us]")
    missing = stamps.isna().to_numpy()
    micros = stamps.to_numpy().astype("datetime64[us]").astype(np.int64)
    millis = -((-micros) // 1000) if round_up else micros // 1000
    return pd.Series(
        pd.array(np.where(missing, 0, millis), dtype="Int64"), index=values.index
    ).mask(missing)


def bound_ms(stamp: object) -> int | None:
    """A filter bound as epoch milliseconds, or None when it is not a whole millisecond.

    Examples
    --------
    >>> bound_ms(pd.Timestamp("1970-01-01 00:00:01")), bound_ms(pd.Timestamp(1500, unit="us"))
    (1000, None)
    """
    micros = stamp_us(stamp)
    if micros % 1000:
        return None
    return micros // 1000


def stamp_us(stamp: object) -> int:
    """An instant as epoch microseconds (years 1-9999, beyond pandas' nanosecond range).

    Examples
    --------
    >>> stamp_us(pd.Timestamp("1970-01-01 00:00:01"))
    1000000
    """
    value = pd.Timestamp(stamp).as_unit("us").asm8.astype("datetime64[us]")
    return int(value.astype(np.int64))


def stamp_ms(stamp: object) -> int:
    """An instant as epoch milliseconds, rounded down.

    Examples
    --------
    >>> stamp_ms(pd.Timestamp("1970-01-01 00:00:01"))
    1000
    """
    return stamp_us(stamp) // 1000


def with_epoch_columns(frame: Any) -> Any:
    """A narwhals lazy frame with ``start_ms`` and ``end_ms``, made if they are missing.

    Engines with narwhals' ``dt.timestamp`` (Polars, Dask, pandas) compute them; DuckDB
    and Spark relations compute them natively. Anything else must bring them.

    Examples
    --------
    >>> import narwhals as nw
    >>> import polars as pl
    >>> frame = nw.from_native(pl.LazyFrame({"start": [pd.Timestamp("1970-01-02")],
    ...                                      "end": [pd.Timestamp("1970-01-03")]}))
    >>> with_epoch_columns(frame).collect()["end_ms"].to_list()
    [172800000]
    """
    import narwhals as nw

    if all(name in frame.columns for name in EPOCH_COLUMNS):
        return frame
    native = nw.to_native(frame)
    module = type(native).__module__
    if module.startswith("duckdb"):
        sql = (
            '*, (epoch_us("start") // 1000)::BIGINT AS start_ms, '
            '(-((-epoch_us("end")) // 1000))::BIGINT AS end_ms'
        )
        return nw.from_native(native.project(sql))
    if module.startswith("pyspark"):
        from pyspark.sql import functions as F

        def micros(name: str) -> Any:
            return F.unix_micros(F.col(name).cast("timestamp"))

        native = native.withColumn(START_MS, F.floor(micros("start") / 1000).cast("long"))
        native = native.withColumn(END_MS, F.ceil(micros("end") / 1000).cast("long"))
        return nw.from_native(native)
    try:
        micro_start = nw.col("start").cast(nw.Datetime("us")).dt.timestamp("us")
        micro_end = nw.col("end").cast(nw.Datetime("us")).dt.timestamp("us")
        return frame.with_columns(
            (micro_start // 1000).alias(START_MS),
            (-((-micro_end) // 1000)).alias(END_MS),
        )
    except NotImplementedError as exc:
        msg = (
            f"this engine ({module}) cannot turn timestamps into epoch integers; add the "
            "columns start_ms (start in epoch milliseconds, rounded down) and end_ms (end, "
            "rounded up), as tl.convert writes them"
        )
        raise TypeError(msg) from exc
