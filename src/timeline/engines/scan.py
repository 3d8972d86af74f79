"""``scan_events``: a lazy :class:`~timeline.engines.table.EventTable` over any source."""

from __future__ import annotations

from typing import Any

from timeline.engines.sources import lazy_frame
from timeline.engines.table import EventTable


def scan_events(source: Any, *, connection: Any = None, reference_date: object = None) -> Any:
    """Canonical events where they live, as a lazy :class:`EventTable`; nothing is read.

    Parameters
    ----------
    source
        A canonical Parquet file (``tl.convert`` writes one), a glob (``"parts/*.parquet"``)
        or a folder of parts, read by DuckDB in this process; a DuckDB relation or a
        ``(duckdb connection, table name)`` pair; or any lazy frame narwhals supports
        with the canonical columns (Polars LazyFrame, Dask DataFrame, PySpark DataFrame,
        Ibis table; a pandas frame works too). ``start_ms`` and ``end_ms`` (epoch
        milliseconds) are computed when missing where the engine can.
    connection
        DuckDB connection for a Parquet path (default: a new in-memory one).
    reference_date
        Report date for relative ``since``/``until`` in filters (default: the latest
        ``reported_on``).

    Returns
    -------
    EventTable
        ``len``, ``.filter(state)``, ``.facet_counts(column)``, ``.extent()``,
        ``.bucket_counts(...)``, ``.window(since, until, limit=...)``, ``.to_pandas()``;
        ``tl.plot``, ``tl.explore`` and ``tl.export`` accept it.

    Examples
    --------
    >>> import timeline as tl
    >>> table = tl.scan_events("events.parquet")  # doctest: +SKIP
    >>> combat = table.filter(tl.FilterState(category=["combat"]))  # doctest: +SKIP
    >>> combat.facet_counts("actors")[:3]  # doctest: +SKIP
    """
    from pathlib import Path

    longest = None
    if isinstance(source, (str, Path)):
        from timeline.engines.profile import parquet_longest_ms
        from timeline.engines.sources import duckdb_connection, parquet_files

        connection = duckdb_connection(connection)
        longest = parquet_longest_ms(connection, parquet_files(source))
    frame = lazy_frame(source, connection=connection)
    return EventTable(frame, reference_date=reference_date, _longest=longest)
