"""``EventTable``: canonical events that stay where they live, queried lazily.

Every method builds a narwhals query and runs it in the table's engine (DuckDB, Dask,
Spark, Polars, pandas); only answers come back: a count, facet counts, an extent, bucket
counts, or the events of one window as the canonical pandas frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from timeline.engines.buckets import bucket_counts
from timeline.engines.canonical import to_canonical_frame
from timeline.engines.collect import collect
from timeline.engines.conditions import SEARCH, engine_expression, is_list_dtype, search_expression
from timeline.engines.epoch import END_MS, START_MS, stamp_ms, with_epoch_columns
from timeline.filters import FilterState

DEFAULT_MAX_ROWS = 1_000_000
"""Most rows :meth:`EventTable.to_pandas` brings to pandas unless told otherwise."""


class EventTable:
    """Canonical events in an engine: filter, count and slice without loading them.

    Make one with :func:`timeline.scan_events`. A table is immutable: :meth:`filter`
    returns a new table.

    Parameters
    ----------
    frame
        A narwhals LazyFrame with the canonical columns (``start_ms`` and ``end_ms`` are
        added when missing and the engine can compute them).
    engine
        Name of the engine, for messages and ``repr`` (``"duckdb"``, ``"dask"``...).
    reference_date
        Report date for relative ``since``/``until`` in filters; default: the latest
        ``reported_on`` of the events (asked of the engine when first needed).

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
    >>> table = tl.scan_events(events)
    >>> len(table), len(table.filter(tl.FilterState(since="2025")))
    (2, 1)
    """

    def __init__(
        self,
        frame: Any,
        *,
        engine: str | None = None,
        reference_date: object = None,
        state: FilterState | None = None,
    ) -> None:
        self._frame = with_epoch_columns(frame)
        self.engine = engine or str(self._frame.implementation).lower()
        self._reference = reference_date
        self.state = state
        self._schema: dict[str, Any] | None = None
        self._length: int | None = None

    # --- description ---------------------------------------------------------------------
    @property
    def frame(self) -> Any:
        """The narwhals LazyFrame behind the table (``nw.to_native`` gives the engine's)."""
        return self._frame

    @property
    def schema(self) -> dict[str, Any]:
        """Column name -> narwhals dtype."""
        if self._schema is None:
            self._schema = dict(self._frame.collect_schema())
        return self._schema

    @property
    def columns(self) -> list[str]:
        """The columns (canonical ones first, then extras and the epoch integers)."""
        return list(self.schema)

    def __len__(self) -> int:
        if self._length is None:
            counted = collect(self._frame.select(nw.len().alias("n")))
            self._length = int(counted["n"].to_list()[0])
        return self._length

    def __repr__(self) -> str:
        state = "" if self.state is None else f", filtered by {self.state.to_dict()!r}"
        return f"<EventTable on {self.engine}: {len(self.columns)} columns{state}>"

    @property
    def reference_date(self) -> pd.Timestamp | None:
        """Fallback report date of relative filter bounds: the latest ``reported_on``."""
        if self._reference is None and "reported_on" in self.schema:
            latest = collect(self._frame.select(nw.col("reported_on").max().alias("r")))
            value = latest["r"].to_list()[0]
            self._reference = _timestamp(value)
        return None if self._reference is None else pd.Timestamp(self._reference)

    # --- queries ---------------------------------------------------------------------------
    def filter(self, state: FilterState | Mapping[str, Any] | None) -> EventTable:
        """The events ``state`` keeps, as a new table (the semantics of ``apply_filters``).

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["Kursk", "b"], "date": ["2024"] * 2}))
        >>> len(tl.scan_events(events).filter({"search": "kursk"}))
        1
        """
        state = FilterState.from_dict(state)
        expression = engine_expression(state, self.schema, reference_date=self.reference_date)
        frame = self._frame
        if expression is not None:
            if state.search.strip():
                frame = frame.with_columns(search_expression(self.schema).alias(SEARCH))
                frame = frame.filter(expression).drop(SEARCH)
            else:
                frame = frame.filter(expression)
        return EventTable(
            frame, engine=self.engine, reference_date=self.reference_date, state=state
        )

    def facet_counts(self, column: str, *, limit: int | None = None) -> list[tuple[str, int]]:
        """Values of ``column`` with their event counts, most frequent first (ties by value).

        A list-valued column counts each of its items; missing values are not counted.
        ``limit`` keeps the most frequent values only.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024"] * 2,
        ...                                       "category": ["x", "x"]}))
        >>> tl.scan_events(events).facet_counts("category")
        [('x', 2)]
        """
        from timeline.engines.buckets import explode

        if column not in self.schema:
            return []
        frame = self._frame.select(column)
        if is_list_dtype(self.schema[column]):
            frame = explode(frame, column)
        grouped = (
            frame.filter(~nw.col(column).is_null())
            .select(nw.col(column).cast(nw.String()).alias("value"))
            .group_by("value")
            .agg(nw.len().alias("n"))
        )
        if limit is not None:
            grouped = grouped.sort(["n", "value"], descending=[True, False]).head(int(limit))
        counts = collect(grouped).to_pandas()
        pairs = [(str(v), int(n)) for v, n in zip(counts["value"], counts["n"], strict=True)]
        return sorted(pairs, key=lambda item: (-item[1], item[0]))

    def extent(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The earliest start and latest end (open ends: the report date), as ``date_extent``.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["2024"]}))
        >>> tl.scan_events(events).extent()
        (Timestamp('2024-01-01 00:00:00'), Timestamp('2025-01-01 00:00:00'))
        """
        ends = [nw.col("end")]
        if "reported_on" in self.schema:
            ends.append(nw.col("reported_on"))
        ends.append(nw.col("start"))
        answer = collect(
            self._frame.select(
                nw.col("start").min().alias("low"),
                nw.coalesce(*ends).max().alias("high"),
                nw.col("start").count().alias("n"),
            )
        )
        if int(answer["n"].to_list()[0] or 0) == 0:
            return None
        low = _timestamp(answer["low"].to_list()[0])
        high = _timestamp(answer["high"].to_list()[0])
        return low, high

    def bucket_counts(
        self,
        lane: str | None = None,
        *,
        start_ms: int,
        end_ms: int,
        bucket_ms: int,
        reference_ms: int | None = None,
    ) -> pd.DataFrame:
        """Per-lane event counts and span cover per time bucket (see :mod:`~.buckets`).

        Returns a small frame with columns ``lane``, ``bucket`` (global index:
        ``bucket * bucket_ms`` is its start), ``bucket_start_ms``, ``count`` (events
        starting in it) and ``cover`` (spans overlapping it). Open ends run to
        ``reference_ms``, by default the table's reference date.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["1970-01-02"]}))
        >>> day = 86_400_000
        >>> tl.scan_events(events).bucket_counts(start_ms=0, end_ms=4 * day, bucket_ms=day)[
        ...     ["bucket", "count"]].to_numpy().tolist()
        [[1, 1]]
        """
        if reference_ms is None and self.reference_date is not None:
            reference_ms = stamp_ms(self.reference_date)
        return bucket_counts(
            self._frame,
            lane=lane,
            start_ms=int(start_ms),
            end_ms=int(end_ms),
            bucket_ms=int(bucket_ms),
            reference_ms=reference_ms,
        )

    def window(
        self, since: object = None, until: object = None, *, limit: int | None = None
    ) -> pd.DataFrame:
        """The events overlapping ``[since, until)`` as the canonical pandas frame.

        Bounds are instants (Timestamp, datetime, ISO text or epoch milliseconds); None
        is open. An event overlaps when it ends after ``since`` (ongoing events never
        end) and begins before ``until`` (an open start begins before any bound); era
        rows overlapping the window are included. Rows come in start order; ``limit``
        keeps the first ones.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
        >>> tl.scan_events(events).window("2025-01-01", "2026-01-01")["title"].tolist()
        ['b']
        """
        frame = self._overlap(since, until)
        if frame.implementation is nw.Implementation.DASK:
            return _dask_window(frame, limit)
        frame = frame.sort(START_MS, "event_id", nulls_last=False)
        if limit is not None:
            frame = frame.head(int(limit))
        return _pandas(frame)

    def window_count(self, since: object = None, until: object = None) -> int:
        """How many events :meth:`window` would give for ``[since, until)``, without limit.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
        >>> tl.scan_events(events).window_count("2025-01-01")
        1
        """
        counted = collect(self._overlap(since, until).select(nw.len().alias("n")))
        return int(counted["n"].to_list()[0])

    def to_pandas(self, *, max_rows: int | None = DEFAULT_MAX_ROWS) -> pd.DataFrame:
        """All events as the canonical pandas frame, if there are at most ``max_rows``.

        Raises ``ValueError`` (with the count) for a bigger table: filter it, take a
        :meth:`window`, or pass ``max_rows=None`` to load it anyway.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["2024"]}))
        >>> tl.scan_events(events).to_pandas()["title"].tolist()
        ['a']
        """
        if max_rows is not None and len(self) > max_rows:
            msg = (
                f"the table holds {len(self):,} events, more than max_rows={max_rows:,}; "
                "filter it (.filter), take a window (.window(since, until, limit=...)) or "
                "pass max_rows=None to bring them all to pandas"
            )
            raise ValueError(msg)
        return _pandas(self._frame)

    def _overlap(self, since: object, until: object) -> Any:
        frame = self._frame
        low, high = _millis(since), _millis(until)
        if low is not None:
            frame = frame.filter(
                (nw.col(END_MS) > low) | (nw.col(END_MS).is_null() & nw.col("open_end"))
            )
        if high is not None:
            frame = frame.filter(nw.col(START_MS).is_null() | (nw.col(START_MS) < high))
        return frame


def _dask_window(frame: Any, limit: int | None) -> pd.DataFrame:
    """Dask sorts on one key only: each partition gives its first ``limit`` rows, pandas
    orders those."""
    native = nw.to_native(frame)
    order = [START_MS, "event_id"]

    def first_rows(part: pd.DataFrame) -> pd.DataFrame:
        part = part.sort_values(order, na_position="first", kind="stable")
        return part if limit is None else part.head(int(limit))

    rows = native.map_partitions(first_rows, meta=native._meta).compute()
    rows = rows.sort_values(order, na_position="first", kind="stable")
    if limit is not None:
        rows = rows.head(int(limit))
    return to_canonical_frame(rows.reset_index(drop=True))


def _pandas(frame: Any) -> pd.DataFrame:
    collected = collect(frame)
    try:
        table = collected.to_arrow()
    except (TypeError, NotImplementedError, ValueError):
        table = collected.to_pandas()
    return to_canonical_frame(table)


def _timestamp(value: object) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp


def _millis(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        return int(np.floor(value))  # epoch milliseconds
    stamp = _timestamp(value)
    if stamp is None:
        return None
    return stamp_ms(stamp)
