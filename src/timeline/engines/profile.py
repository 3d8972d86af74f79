"""Per-lane counts of the finest time buckets, computed once per filter state (DuckDB).

A view change of the explorer needs, per lane, the event counts and span cover of a few
hundred buckets of the range in view. Asking the engine for them on every zoom means a
scan of every event each time; instead one pass (per filter state and lane) counts the
events on a fine global grid (``fine_ms``: power-of-two minutes, at most
:data:`MAX_FINE_BUCKETS` buckets over the table's extent), and every coarser bucket
aligned to that grid is a difference of prefix sums:

- ``count`` of buckets ``[f0, f1]`` (fine indices) is ``P[f1] - P[f0 - 1]`` where ``P``
  is the running sum of the events whose point (start, or the last millisecond before
  an open start's end) falls in each fine bucket;
- ``cover`` (spans overlapping the bucket) is ``before + S[f1] - E[f0 - 1]``: ``S`` is
  the running sum of span starts, ``E`` of span ends (the fine bucket of ``end - 1``,
  open ends at the reference date), ``before`` the spans with an open start.

These are exactly the counts of :func:`timeline.engines.buckets.bucket_counts` for any
window and bucket width that are multiples of ``fine_ms`` (tests compare both on random
events). The same pass gives the filtered row count, the events overlapping one window,
the longest ``end - start`` (so later window queries can skip the row groups that start
too early to reach a window) and the number of rows with an open bound.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from timeline.engines.buckets import BUCKET_COLUMNS, no_lane_label
from timeline.engines.epoch import END_MS, START_MS

MAX_FINE_BUCKETS = 1 << 14
"""Most fine buckets over a table's extent (the grid is power-of-two minutes)."""
MINUTE_MS = 60_000
_MAX_CELLS = 1 << 21
"""Most lane x fine-bucket cells a profile keeps (three int64 arrays: 48 MiB at most)."""


@dataclasses.dataclass
class Profile:
    """Fine-grid counts of one filter state and lane (see the module docstring).

    Attributes
    ----------
    fine_ms
        Width of a fine bucket (ms).
    first
        Global index of the first fine bucket the arrays hold.
    lanes
        Lane names, sorted; row ``i`` of the arrays is lane ``lanes[i]``.
    points, starts, ends
        Running sums per lane (shape ``(lanes, buckets)``) of points, span starts and
        span ends per fine bucket.
    before
        Spans with an open start, per lane.
    reference_ms
        Where open ends stop.
    rows
        Rows of the (filtered) table.
    open_rows
        Rows without ``start_ms`` or without ``end_ms``.
    """

    fine_ms: int
    first: int
    lanes: list[str]
    points: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    before: np.ndarray
    reference_ms: int
    rows: int
    open_rows: int

    def covers(self, start_ms: int, end_ms: int, bucket_ms: int, reference_ms: int) -> bool:
        """Whether this profile answers :meth:`bucket_counts` for that grid.

        Examples
        --------
        >>> empty = np.zeros((0, 1), dtype=np.int64)
        >>> p = Profile(10, 0, [], empty, empty, empty, np.zeros(0, np.int64), 5, 0, 0)
        >>> p.covers(0, 40, 20, 5), p.covers(0, 40, 15, 5)
        (True, False)
        """
        return (
            reference_ms == self.reference_ms
            and bucket_ms % self.fine_ms == 0
            and start_ms % self.fine_ms == 0
            and end_ms % self.fine_ms == 0
        )

    def bucket_counts(self, *, start_ms: int, end_ms: int, bucket_ms: int) -> pd.DataFrame:
        """The :data:`~timeline.engines.buckets.BUCKET_COLUMNS` frame of a covered grid.

        Examples
        --------
        >>> ones = np.ones((1, 1), dtype=np.int64)
        >>> p = Profile(10, 0, ["a"], ones, ones * 0, ones * 0, np.zeros(1, np.int64), 5,
        ...             1, 0)
        >>> p.bucket_counts(start_ms=0, end_ms=20, bucket_ms=20)["count"].tolist()
        [1]
        """
        fine = self.fine_ms
        first_bucket = start_ms // bucket_ms
        last_bucket = (end_ms - 1) // bucket_ms
        buckets = np.arange(first_bucket, last_bucket + 1, dtype=np.int64)
        ratio = bucket_ms // fine
        low_fine, high_fine = start_ms // fine, end_ms // fine - 1
        f0 = np.maximum(buckets * ratio, low_fine) - self.first
        f1 = np.minimum((buckets + 1) * ratio - 1, high_fine) - self.first
        pieces = []
        for row, name in enumerate(self.lanes):
            counts = _running(self.points[row], f1) - _running(self.points[row], f0 - 1)
            cover = (
                self.before[row] + _running(self.starts[row], f1) - _running(self.ends[row], f0 - 1)
            )
            keep = np.flatnonzero((counts > 0) | (cover > 0))
            if len(keep):
                pieces.append(
                    pd.DataFrame(
                        {
                            "lane": name,
                            "bucket": buckets[keep],
                            "bucket_start_ms": buckets[keep] * bucket_ms,
                            "count": counts[keep].astype(np.int64),
                            "cover": cover[keep].astype(np.int64),
                        }
                    )
                )
        if not pieces:
            return pd.DataFrame(
                {name: pd.Series(dtype=np.int64) for name in BUCKET_COLUMNS}
            ).astype({"lane": object})
        return pd.concat(pieces, ignore_index=True)


def _running(sums: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``sums[index]`` with indices before the array as 0 and after it as the total."""
    if len(sums) == 0:
        return np.zeros(len(index), dtype=np.int64)
    clipped = np.clip(index, 0, len(sums) - 1)
    values = sums[clipped]
    return np.where(index < 0, 0, values)


def fine_width(extent_ms: int) -> int:
    """Power-of-two minutes so that ``extent_ms`` spans at most :data:`MAX_FINE_BUCKETS`.

    Examples
    --------
    >>> fine_width(30 * 365 * 86_400_000) // 60_000
    1024
    """
    need = max(extent_ms, MINUTE_MS) / MINUTE_MS / MAX_FINE_BUCKETS
    return int(MINUTE_MS * (1 << max(int(np.ceil(np.log2(max(need, 1.0)))), 0)))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


STAT_COLUMNS: tuple[str, ...] = (
    "rows",
    "low",
    "high",
    "dated",
    "max_start",
    "min_end",
    "closed_without_end",
    "open_rows",
)
"""What :func:`table_stats` reports: row count, extent (``low``, ``high``), dated rows, the
latest ``start_ms`` and earliest ``end_ms``, rows with no end that are not ongoing, rows
lacking an epoch bound."""


def stats_sql(schema: Any) -> str:
    """Ungrouped aggregates over ``t`` that Parquet statistics answer for a whole file.

    ``rows``, ``dated`` (rows with a start), ``ended`` (rows with an end), ``low`` (the
    earliest start), ``max_start``/``last_end`` (latest start and end), ``min_end`` (the
    earliest ``end_ms``), ``bounded`` (rows with both epoch bounds). When some row has no
    end, :func:`open_stats_sql` gives the rest.

    Examples
    --------
    >>> stats_sql({}).count(" AS ")
    9
    """
    s, e = _quote(START_MS), _quote(END_MS)
    return (
        f'count(*) AS rows, count("start") AS dated, count("end") AS ended, '
        f'min("start") AS low, max({s}) AS max_start, max("end") AS last_end, '
        f'max("start") AS last_start, min({e}) AS min_end, count({s}) + count({e}) AS bounds'
    )


def open_stats_sql(schema: Any) -> str:
    """Aggregates over ``t`` for tables with open ends: the latest end (open ends at the
    row's report date), rows with no end that are not ongoing, rows lacking a bound.

    Examples
    --------
    >>> "reported_on" in open_stats_sql({"reported_on": 1})
    True
    """
    s, e = _quote(START_MS), _quote(END_MS)
    high = ['"end"', *(["reported_on"] if "reported_on" in schema else []), '"start"']
    return (
        f"max(coalesce({', '.join(high)})) AS high, "
        f"count(*) FILTER (WHERE {e} IS NULL AND NOT coalesce(open_end, false)) "
        f"AS closed_without_end, "
        f"count(*) FILTER (WHERE {s} IS NULL OR {e} IS NULL) AS open_rows"
    )


def table_stats(relation: Any) -> dict[str, Any]:
    """:data:`STAT_COLUMNS` of a DuckDB relation of canonical events (one or two passes;
    none but Parquet's statistics for a whole file without open ends).

    Examples
    --------
    >>> import duckdb
    >>> rel = duckdb.from_df(pd.DataFrame({"start_ms": [1], "end_ms": [2], "open_end": [False],
    ...     "start": pd.to_datetime(["1970-01-01"]), "end": pd.to_datetime(["1970-01-02"])}))
    >>> stats = table_stats(rel)
    >>> stats["rows"], stats["open_rows"], str(stats["high"])
    (1, 0, '1970-01-02 00:00:00')
    """
    names = (
        "rows",
        "dated",
        "ended",
        "low",
        "max_start",
        "last_end",
        "last_start",
        "min_end",
        "bounds",
    )
    values = relation.query("t", f"SELECT {stats_sql(relation.columns)} FROM t").fetchall()[0]
    found = dict(zip(names, values, strict=True))
    rows = _int(found["rows"])
    if _int(found["ended"]) == rows and _int(found["bounds"]) == 2 * rows:
        high = found["last_end"]  # every row has an end: the latest end is the extent's
        extra = {"high": high, "closed_without_end": 0, "open_rows": 0}
    else:
        more = relation.query("t", f"SELECT {open_stats_sql(relation.columns)} FROM t")
        extra = dict(
            zip(("high", "closed_without_end", "open_rows"), more.fetchall()[0], strict=True)
        )
    return {
        "rows": rows,
        "low": found["low"],
        "high": extra["high"],
        "dated": _int(found["dated"]),
        "max_start": None if found["max_start"] is None else int(found["max_start"]),
        "min_end": None if found["min_end"] is None else int(found["min_end"]),
        "closed_without_end": _int(extra["closed_without_end"]),
        "open_rows": _int(extra["open_rows"]),
    }


def parquet_longest_ms(connection: Any, files: list[str]) -> int | None:
    """An upper bound of ``end_ms - start_ms`` from Parquet statistics alone: the widest
    row group (its latest end minus its earliest start); None without those statistics.

    Tight for a file sorted by start (``tl.convert`` writes one); no row is read.

    Examples
    --------
    >>> import duckdb
    >>> parquet_longest_ms(duckdb.connect(), ["no/such.parquet"]) is None
    True
    """
    names = "[" + ", ".join(_text(str(f)) for f in files) + "]"
    try:
        found = connection.execute(
            f"""SELECT max(high - low), count(*), count(high - low) FROM (
                SELECT file_name, row_group_id,
                    max(TRY_CAST(stats_min AS BIGINT)) FILTER (WHERE path_in_schema = 'start_ms')
                        AS low,
                    max(TRY_CAST(stats_max AS BIGINT)) FILTER (WHERE path_in_schema = 'end_ms')
                        AS high
                FROM parquet_metadata({names}) GROUP BY ALL)"""
        ).fetchall()[0]
    except Exception:
        return None
    longest, groups, known = found
    if not groups or known != groups or longest is None:
        return None
    return max(int(longest), 0)


def longest_ms(relation: Any) -> int:
    """The longest ``end_ms - start_ms`` of a DuckDB relation (0 when no row has both).

    Examples
    --------
    >>> import duckdb
    >>> longest_ms(duckdb.sql("select 5::bigint start_ms, 9::bigint end_ms"))
    4
    """
    s, e = _quote(START_MS), _quote(END_MS)
    return _int(relation.query("t", f"SELECT max({e} - {s}) FROM t").fetchall()[0][0])


def duckdb_profile(
    relation: Any,
    *,
    lane: str | None,
    lane_is_list: bool,
    fine_ms: int,
    reference_ms: int,
    one_pass: bool = False,
    exact_extent: bool = True,
) -> tuple[Profile | None, dict[str, Any]]:
    """Count a DuckDB relation of canonical events on the fine grid; (profile, stats).

    Parameters
    ----------
    relation
        The (filtered) DuckDB relation with ``start_ms``, ``end_ms``, ``kind``.
    lane, lane_is_list
        The lane column (None: one lane ``""``) and whether it holds lists.
    fine_ms
        Width of the fine buckets.
    reference_ms
        Where open ends stop.
    one_pass
        Read the relation once (grouping sets) rather than three times: better for a
        filtered relation (each read evaluates the filter again) or a small one.
    exact_extent
        With ``one_pass``: read the timestamps for the exact extent (``low``/``high``);
        False (for rows known to have both bounds) reads only the epoch integers and
        reports ``low_ms``/``high_ms`` instead (each column read costs about as much as
        the counting).

    Returns
    -------
    tuple
        The :class:`Profile` (None when the grid would be too big), and the
        :data:`STAT_COLUMNS` of the rows as a dict.

    Examples
    --------
    >>> import duckdb
    >>> rel = duckdb.from_df(pd.DataFrame({"start_ms": [60_000], "end_ms": [120_000],
    ...     "kind": ["span"], "open_end": [False], "start": pd.to_datetime(["1970-01-01 00:01"]),
    ...     "end": pd.to_datetime(["1970-01-01 00:02"])}))
    >>> profile, stats = duckdb_profile(rel, lane=None, lane_is_list=False, fine_ms=60_000,
    ...                                 reference_ms=0)
    >>> stats["rows"], profile.bucket_counts(start_ms=0, end_ms=180_000, bucket_ms=60_000)[
    ...     ["bucket", "count", "cover"]].to_numpy().tolist()
    (1, [[1, 1, 1]])
    """
    fine, ref = int(fine_ms), int(reference_ms)
    s, e = _quote(START_MS), _quote(END_MS)
    if lane is None:
        lane_sql = "''"
    elif lane_is_list:
        lane_sql = f"unnest(CASE WHEN len({_quote(lane)}) > 0 THEN {_quote(lane)} ELSE [NULL] END)"
    else:
        lane_sql = f"CAST({_quote(lane)} AS VARCHAR)"
    if lane is not None:
        lane_sql = f"coalesce(CAST({lane_sql} AS VARCHAR), {_text(no_lane_label(lane))})"
    dated = f"({s} IS NOT NULL OR {e} IS NOT NULL) AND coalesce(kind <> 'era', true)"
    span = f"{dated} AND coalesce(kind = 'span', false)"
    closes = f"coalesce({e}, {ref})"
    ends = f"{span} AND ({s} IS NULL OR {closes} > {s})"
    columns = relation.columns
    keep = ", ".join(
        _quote(c)
        for c in dict.fromkeys(
            [
                START_MS,
                END_MS,
                "kind",
                "start",
                "end",
                "open_end",
                *(["reported_on"] if "reported_on" in columns else []),
                *([lane] if lane else []),
            ]
        )
    )
    derived = f"""{lane_sql} AS lane,
            CASE WHEN {dated} THEN coalesce({s}, {e} - 1) // {fine} END AS pb,
            CASE WHEN {span} AND {s} IS NULL THEN 2
                 WHEN {span} AND {closes} > {s} THEN 1 ELSE 0 END AS flag,
            CASE WHEN {ends} THEN ({closes} - 1) // {fine} END AS eb"""
    rows_sql = f"SELECT {derived} FROM t"
    if one_pass and not lane_is_list:
        if exact_extent:
            stats = f"{stats_sql(columns)}, {open_stats_sql(columns)}"  # keep: all columns
        else:
            stats = (
                f"count(*) AS rows, count({s}) AS dated, min({s}) AS low_ms, "
                f"max({e}) AS high_ms, max({s}) AS max_start, min({e}) AS min_end, "
                "NULL AS low, NULL AS high, 0 AS closed_without_end, 0 AS open_rows"
            )
            keep = ", ".join(
                _quote(c)
                for c in dict.fromkeys([START_MS, END_MS, "kind", *([lane] if lane else [])])
            )
        grouped = relation.query(
            "t",
            f"""SELECT GROUPING(lane, pb, flag) AS g1, GROUPING(lane, eb) AS g2, lane, pb, flag,
                eb, count(*) AS k, {stats}
            FROM (SELECT *, {derived} FROM (SELECT {keep} FROM t))
            GROUP BY GROUPING SETS ((lane, pb, flag), (lane, eb), ())""",
        ).df()
        whole = grouped[(grouped["g1"] != 0) & (grouped["g2"] != 0)].iloc[0]
        found = {
            "rows": _int(whole["rows"]),
            "low": whole["low"],
            "high": whole["high"],
            "dated": _int(whole["dated"]),
            "max_start": None if pd.isna(whole["max_start"]) else int(whole["max_start"]),
            "min_end": None if pd.isna(whole["min_end"]) else int(whole["min_end"]),
            "closed_without_end": _int(whole["closed_without_end"]),
            "open_rows": _int(whole["open_rows"]),
        }
        if not exact_extent:
            found["low"] = found["high"] = None
            found["low_ms"] = None if pd.isna(whole["low_ms"]) else int(whole["low_ms"])
            found["high_ms"] = None if pd.isna(whole["high_ms"]) else int(whole["high_ms"])
        points = grouped[grouped["g1"] == 0][["lane", "pb", "flag", "k"]]
        closed = grouped[(grouped["g2"] == 0) & grouped["eb"].notna()][["lane", "eb", "k"]]
    else:
        # the stats first (Parquet's own for a whole file); without open bounds the
        # grouped pass is simpler
        found = table_stats(relation)
        if found["open_rows"] or lane_is_list:
            points_sql = f"SELECT lane, pb, flag, count(*) AS k FROM ({rows_sql}) GROUP BY ALL"
            ends_sql = (
                f"SELECT lane, ({closes} - 1) // {fine} AS eb, count(*) AS k FROM "
                f"(SELECT {lane_sql} AS lane, {s}, {e}, kind FROM t) WHERE {ends} GROUP BY ALL"
            )
        else:
            # every row has both bounds: one pass over the epoch integers, kind and lane
            proper = f"coalesce(kind = 'span', false) AND {e} > {s}"
            grouped = relation.query(
                "t",
                f"""SELECT GROUPING(lane, pb, flag) AS g1, lane, pb, flag, eb, count(*) AS k
                FROM (SELECT {lane_sql} AS lane, {s} // {fine} AS pb,
                        CASE WHEN {proper} THEN 1 ELSE 0 END AS flag,
                        CASE WHEN {proper} THEN ({e} - 1) // {fine} END AS eb
                    FROM t WHERE coalesce(kind <> 'era', true))
                GROUP BY GROUPING SETS ((lane, pb, flag), (lane, eb))""",
            ).df()
            points = grouped[grouped["g1"] == 0][["lane", "pb", "flag", "k"]]
            closed = grouped[(grouped["g1"] != 0) & grouped["eb"].notna()][["lane", "eb", "k"]]
            points_sql = ends_sql = ""
        if points_sql:
            points = relation.query("t", points_sql).df()
            closed = relation.query("t", ends_sql).df()
    profile = _assemble(
        points[points["pb"].notna()],
        closed,
        fine=fine,
        reference_ms=ref,
        rows=found["rows"],
        open_rows=found["open_rows"],
    )
    return profile, found


def covering_count(stats: dict[str, Any], low: int | None, high: int | None) -> int | None:
    """Events overlapping ``[low, high)`` when that window holds every dated event, from the
    stats alone (else None: ask the engine).

    Examples
    --------
    >>> covering_count({"rows": 5, "max_start": 10, "min_end": 20, "closed_without_end": 1},
    ...                0, 100)
    4
    """
    if low is None or high is None or stats.get("max_start") is None:
        return None
    if stats["max_start"] >= high or stats.get("min_end") is None or stats["min_end"] <= low:
        return None
    return int(stats["rows"]) - int(stats["closed_without_end"])


def _int(value: Any) -> int:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return 0
    return int(value)


def _assemble(
    points: pd.DataFrame,
    closed: pd.DataFrame,
    *,
    fine: int,
    reference_ms: int,
    rows: int,
    open_rows: int,
) -> Profile | None:
    pb = points["pb"].to_numpy(dtype=np.int64)
    eb = closed["eb"].to_numpy(dtype=np.int64)
    point_codes, point_names = pd.factorize(points["lane"])
    closed_codes, closed_names = pd.factorize(closed["lane"])
    lanes = sorted({str(v) for v in point_names} | {str(v) for v in closed_names})
    if not lanes:
        empty = np.zeros((0, 1), dtype=np.int64)
        return Profile(
            fine, 0, [], empty, empty, empty, np.zeros(0, np.int64), reference_ms, rows, open_rows
        )
    low = int(min(pb.min(initial=np.iinfo(np.int64).max), eb.min(initial=np.iinfo(np.int64).max)))
    high = int(max(pb.max(initial=np.iinfo(np.int64).min), eb.max(initial=np.iinfo(np.int64).min)))
    size = high - low + 1
    if size * len(lanes) > _MAX_CELLS:
        return None
    code = {name: i for i, name in enumerate(lanes)}
    point_lane = np.array([code[str(v)] for v in point_names], dtype=np.int64)[point_codes]
    closed_lane = np.array([code[str(v)] for v in closed_names], dtype=np.int64)[closed_codes]
    counts = points["k"].to_numpy(dtype=np.int64)
    flag = points["flag"].to_numpy(dtype=np.int64)
    shape = (len(lanes), size)
    point_sums = np.zeros(shape, dtype=np.int64)
    np.add.at(point_sums, (point_lane, pb - low), counts)
    start_sums = np.zeros(shape, dtype=np.int64)
    opened = flag == 1
    np.add.at(start_sums, (point_lane[opened], pb[opened] - low), counts[opened])
    before = np.zeros(len(lanes), dtype=np.int64)
    np.add.at(before, point_lane[flag == 2], counts[flag == 2])
    end_sums = np.zeros(shape, dtype=np.int64)
    np.add.at(end_sums, (closed_lane, eb - low), closed["k"].to_numpy(dtype=np.int64))
    return Profile(
        fine_ms=fine,
        first=low,
        lanes=lanes,
        points=np.cumsum(point_sums, axis=1),
        starts=np.cumsum(start_sums, axis=1),
        ends=np.cumsum(end_sums, axis=1),
        before=before,
        reference_ms=reference_ms,
        rows=rows,
        open_rows=open_rows,
    )
