"""``EventTable``: canonical events that stay where they live, queried lazily.

Every method builds a narwhals query and runs it in the table's engine (DuckDB, Dask,
Spark, Polars, pandas); only answers come back: a count, facet counts, an extent, bucket
counts, or the events of one window as the canonical pandas frame.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from timeline.engines.buckets import bucket_counts, check_grid
from timeline.engines.canonical import to_canonical_frame
from timeline.engines.collect import collect
from timeline.engines.conditions import engine_expression, is_list_dtype
from timeline.engines.epoch import END_MS, START_MS, stamp_ms, stamp_us, with_epoch_columns
from timeline.filters import FilterState
from timeline.schema import check_column

DEFAULT_MAX_ROWS = 1_000_000
"""Most rows :meth:`EventTable.to_pandas` brings to pandas unless told otherwise."""
PROFILE_SHARE = 1 / 16
"""A bucket count over at least this share of the extent builds the fine-grid profile."""
MAX_PROFILES = 16
"""Most fine-grid profiles a table and its filtered tables keep (the oldest goes first)."""
_VIEW_FIELDS = ("lane", "color")


@dataclasses.dataclass
class _Shared:
    """What a table and the tables filtered from it share: answers cached by filter chain.

    ``profiles`` maps (filter key, lane, reference ms) to a
    :class:`~timeline.engines.profile.Profile` (None: too big to keep); ``counts`` maps
    (filter key, low, high) to the events overlapping that window; ``rows`` maps a filter
    key to its row count.
    """

    root: Any = None
    root_extent: Any = False
    profiles: dict[tuple[Any, ...], Any] = dataclasses.field(default_factory=dict)
    counts: dict[tuple[Any, ...], int] = dataclasses.field(default_factory=dict)
    rows: dict[str, int] = dataclasses.field(default_factory=dict)
    stats: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    longest: int | None = None


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
        _shared: _Shared | None = None,
        _key: str = "",
        _longest: int | None = None,
    ) -> None:
        self._frame = with_epoch_columns(frame)
        self.engine = engine or str(self._frame.implementation).lower()
        self._reference = reference_date
        self.state = state
        self._shared = _shared if _shared is not None else _Shared(root=self._frame)
        if _longest is not None:
            self._shared.longest = int(_longest)
        self._key = _key
        self._schema: dict[str, Any] | None = None
        self._length: int | None = None
        self._extent: tuple[pd.Timestamp, pd.Timestamp] | bool | None = False  # False: not asked
        self._view_ms: tuple[int, int] | None = None

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
            known = self._shared.rows.get(self._key)
            if known is None:
                counted = collect(self._frame.select(nw.len().alias("n")))
                known = int(counted["n"].to_list()[0])
                self._shared.rows[self._key] = known
            self._length = known
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
            frame = frame.filter(expression)
        return EventTable(
            frame,
            engine=self.engine,
            reference_date=self.reference_date,
            state=state,
            _shared=self._shared,
            _key=_filter_key(self._key, state) if expression is not None else self._key,
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
        if self._extent is not False:
            return self._extent  # type: ignore[return-value]
        stats = self._shared.stats.get(self._key)
        if stats is not None and (stats["dated"] == 0 or stats.get("low") is not None):
            dated = stats["dated"] > 0
            self._extent = (_timestamp(stats["low"]), _timestamp(stats["high"])) if dated else None
            return self._extent
        self._extent = _extent(self._frame, self.schema)
        if not self._key and self._shared.root_extent is False:
            self._shared.root_extent = self._extent
        return self._extent

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
        start_ms, end_ms, bucket_ms = int(start_ms), int(end_ms), int(bucket_ms)
        check_grid(start_ms, end_ms, bucket_ms)
        reference = end_ms if reference_ms is None else int(reference_ms)
        profile = self._profile(lane, reference, wide=self._is_wide(start_ms, end_ms))
        if profile is not None and profile.covers(start_ms, end_ms, bucket_ms, reference):
            return profile.bucket_counts(start_ms=start_ms, end_ms=end_ms, bucket_ms=bucket_ms)
        pruned = self._pruned(start_ms, end_ms)
        native = nw.to_native(pruned)
        aligned = start_ms % bucket_ms == 0 and end_ms % bucket_ms == 0
        if aligned and type(native).__module__.startswith("duckdb"):
            # a narrow window: the rows that can reach it, counted in one grouped pass on
            # a grid of this width (the same rules as the profile of the whole table)
            from timeline.engines.profile import duckdb_profile

            if lane is not None:
                check_column(self._frame, "lane", lane)
            local, _stats = duckdb_profile(
                native,
                lane=lane,
                lane_is_list=lane is not None and is_list_dtype(self.schema[lane]),
                fine_ms=bucket_ms,
                reference_ms=reference,
                one_pass=True,
                exact_extent=self._open_rows() != 0,
            )
            if local is not None:
                return local.bucket_counts(start_ms=start_ms, end_ms=end_ms, bucket_ms=bucket_ms)
        return bucket_counts(
            pruned,
            lane=lane,
            start_ms=start_ms,
            end_ms=end_ms,
            bucket_ms=bucket_ms,
            reference_ms=reference,
        )

    def prepare(self, lane: str | None = None) -> None:
        """Count what views of this table need, in one pass where the engine allows it.

        On DuckDB this builds the fine-grid counts of ``lane`` (see
        :mod:`timeline.engines.profile`) and, in the same pass (three for a filter without
        a search), the row count, the extent and what :meth:`window_count` needs for a
        window holding every event. Later :meth:`bucket_counts` on that grid, ``len``,
        :meth:`extent` and :meth:`window_count` are answered from them, for this table and
        for the same filters applied again. Other engines: nothing happens.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
        >>> table = tl.scan_events(events)
        >>> table.prepare("category")
        >>> table.window_count("2025-01-01")
        1
        """
        reference = stamp_ms(self.reference_date) if self.reference_date is not None else 0
        self._profile(lane, reference, wide=True)

    def _is_wide(self, start_ms: int, end_ms: int) -> bool:
        extent = self._root_extent()
        if extent is None:
            return False
        low, high = (stamp_ms(stamp) for stamp in extent)
        return end_ms - start_ms >= PROFILE_SHARE * max(high - low, 1)

    def _root_extent(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        if self._shared.root_extent is False:
            root = self._shared.root if self._shared.root is not None else self._frame
            self._shared.root_extent = _extent(root, self.schema)
        return self._shared.root_extent  # type: ignore[return-value]

    def _profile(self, lane: str | None, reference_ms: int, *, wide: bool) -> Any:
        """The cached fine-grid profile of ``lane``; built (DuckDB only) when ``wide``."""
        key = (self._key, lane, int(reference_ms))
        shared = self._shared
        if key in shared.profiles:
            return shared.profiles[key]
        native = nw.to_native(self._frame)
        if not wide or not type(native).__module__.startswith("duckdb"):
            return None
        extent = self._root_extent()
        if extent is None:
            return None
        from timeline.engines.profile import duckdb_profile, fine_width

        low, high = (stamp_ms(stamp) for stamp in extent)
        if lane is not None:
            check_column(self._frame, "lane", lane)
        # the whole table's stats come from Parquet metadata, then two cheap grouped
        # passes; a filtered table is read once (its filter may cost more than the counts)
        filtered = bool(self._key)
        profile, stats = duckdb_profile(
            native,
            lane=lane,
            lane_is_list=lane is not None and is_list_dtype(self.schema[lane]),
            fine_ms=fine_width(high - low),
            reference_ms=int(reference_ms),
            one_pass=filtered,
            exact_extent=self._open_rows() != 0,
        )
        while len(shared.profiles) >= MAX_PROFILES:
            shared.profiles.pop(next(iter(shared.profiles)))  # the oldest
        shared.profiles[key] = profile
        shared.rows[self._key] = stats["rows"]
        shared.stats[self._key] = stats
        if self._extent is False and stats.get("low_ms") is not None:
            self._view_ms = (stats["low_ms"], stats["high_ms"])
        elif self._extent is False:
            dated = stats["dated"] > 0
            self._extent = (_timestamp(stats["low"]), _timestamp(stats["high"])) if dated else None
        return profile

    def view_extent_ms(self) -> tuple[int, int] | None:
        """The extent in epoch ms (start rounded down, end up), for drawing: from the counts
        already made when there are any, else from :meth:`extent`.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["1970-01-02"]}))
        >>> tl.scan_events(events).view_extent_ms()
        (86400000, 172800000)
        """
        if self._view_ms is not None:
            return self._view_ms
        extent = self.extent()
        if extent is None:
            return None
        return stamp_ms(extent[0]), -(-stamp_us(extent[1]) // 1000)

    def _open_rows(self) -> int | None:
        """Rows of the whole table lacking a bound (None: not known yet)."""
        stats = self._shared.stats.get("")
        return None if stats is None else int(stats["open_rows"])

    def _longest(self) -> tuple[int, int] | None:
        """(longest end - start of any row, rows of these with an open bound), when known.

        The longest is the whole table's (an upper bound for a filtered one), asked of
        DuckDB once, after a first profile; other engines: None (no pruning)."""
        shared = self._shared
        stats = shared.stats.get(self._key) or shared.stats.get("")
        if stats is None:
            return None
        if shared.longest is None:
            native = nw.to_native(shared.root)
            if not type(native).__module__.startswith("duckdb"):
                return None
            from timeline.engines.profile import longest_ms

            shared.longest = longest_ms(native)
        return shared.longest, stats["open_rows"]

    def _pruned(self, since: int | None, until: int | None) -> Any:
        """The frame without the rows that start too early to reach ``since`` (when the
        longest event is known), so that a sorted file's early row groups are skipped."""
        frame = self._frame
        known = self._longest()
        if since is not None and known is not None:
            earliest = int(since) - known[0]
            early = nw.col(START_MS) >= earliest
            if known[1]:
                early = early | nw.col(START_MS).is_null() | nw.col(END_MS).is_null()
            frame = frame.filter(early)
        if until is not None and known is not None and not known[1]:
            frame = frame.filter(nw.col(START_MS) < int(until))
        return frame

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
        key = (self._key, _millis(since), _millis(until))
        stats = self._shared.stats.get(self._key)
        if key not in self._shared.counts and stats is not None:
            from timeline.engines.profile import covering_count

            known = covering_count(stats, key[1], key[2])
            if known is not None:
                self._shared.counts[key] = known
        if key not in self._shared.counts:
            counted = collect(self._overlap(since, until).select(nw.len().alias("n")))
            self._shared.counts[key] = int(counted["n"].to_list()[0])
        return self._shared.counts[key]

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
        low, high = _millis(since), _millis(until)
        frame = self._pruned(low, high)
        if low is not None:
            frame = frame.filter(
                (nw.col(END_MS) > low) | (nw.col(END_MS).is_null() & nw.col("open_end"))
            )
        if high is not None:
            frame = frame.filter(nw.col(START_MS).is_null() | (nw.col(START_MS) < high))
        return frame


def _filter_key(parent: str, state: FilterState) -> str:
    """The cache key of ``state`` applied after the filters ``parent`` names."""
    fields = {k: v for k, v in state.to_dict().items() if k not in _VIEW_FIELDS}
    return parent + "|" + json.dumps(fields, sort_keys=True, default=str)


def _extent(frame: Any, schema: Mapping[str, Any]) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Earliest start and latest end (open ends: the report date) of ``frame``."""
    ends = [nw.col("end")]
    if "reported_on" in schema:
        ends.append(nw.col("reported_on"))
    ends.append(nw.col("start"))
    answer = collect(
        frame.select(
            nw.col("start").min().alias("low"),
            nw.coalesce(*ends).max().alias("high"),
            nw.col("start").count().alias("n"),
        )
    )
    if int(answer["n"].to_list()[0] or 0) == 0:
        return None
    return _timestamp(answer["low"].to_list()[0]), _timestamp(answer["high"].to_list()[0])


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
