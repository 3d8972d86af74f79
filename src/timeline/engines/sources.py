"""What :func:`scan_events` can scan, as a narwhals lazy frame.

A path (a Parquet file, a glob, or a folder of ``*.parquet`` parts) is read by DuckDB,
embedded in this process: there is nothing to start. A DuckDB relation, a
``(connection, table name)`` pair, or any lazy frame narwhals knows (Polars LazyFrame,
Dask DataFrame, PySpark DataFrame, Ibis table) is used where it is.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

DUCKDB_INSTALL = "pip install 'timeline[engines]' (or pip install duckdb)"


def parquet_files(source: str | Path) -> list[str]:
    """The Parquet files a path names: the file, the files of a glob, or a folder's parts.

    Examples
    --------
    >>> parquet_files("no/such/file.parquet")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileNotFoundError: no Parquet file at 'no/such/file.parquet' (give a .parquet file, ...
    """
    text = str(source)
    path = Path(text)
    if path.is_dir():
        files = sorted(str(p) for p in path.rglob("*.parquet"))
    elif any(ch in text for ch in "*?["):
        files = sorted(glob.glob(text, recursive=True))
    else:
        files = [text] if path.is_file() else []
    if not files:
        msg = (
            f"no Parquet file at {text!r} (give a .parquet file, a glob such as "
            "'events/*.parquet', or a folder of .parquet parts)"
        )
        raise FileNotFoundError(msg)
    return files


def duckdb_connection(connection: Any = None) -> Any:
    """A DuckDB connection: the one given, else a new in-memory one.

    A new one caches Parquet metadata (``parquet_metadata_cache``): every query of a view
    change binds the file again, and reading the footer of a file of 1,000 row groups
    costs about as much as counting a zoomed window.

    Examples
    --------
    >>> duckdb_connection().execute("select 1").fetchone()
    (1,)
    """
    try:
        import duckdb
    except ImportError as exc:  # pragma: no cover - duckdb is in the engines extra
        msg = f"scanning Parquet needs DuckDB: {DUCKDB_INSTALL}"
        raise ImportError(msg) from exc
    if connection is not None:
        return connection
    connection = duckdb.connect()
    connection.execute("SET parquet_metadata_cache = true")
    return connection


def lazy_frame(source: Any, *, connection: Any = None) -> Any:
    """``source`` as a narwhals LazyFrame (nothing is read).

    Parameters
    ----------
    source
        A Parquet path, glob or folder; a DuckDB relation; a ``(connection, table)``
        pair; or a lazy frame narwhals supports.
    connection
        The DuckDB connection to read Parquet with (default: a new in-memory one).

    Examples
    --------
    >>> import polars as pl
    >>> type(lazy_frame(pl.LazyFrame({"title": ["a"]}))).__name__
    'LazyFrame'
    """
    import narwhals as nw

    if isinstance(source, (str, Path)):
        files = parquet_files(source)
        con = duckdb_connection(connection)
        return nw.from_native(con.read_parquet(files))
    if isinstance(source, tuple) and len(source) == 2 and isinstance(source[1], str):
        con, table = source
        return nw.from_native(duckdb_connection(con).table(table))
    if isinstance(source, nw.LazyFrame):
        return source
    if isinstance(source, nw.DataFrame):
        return source.lazy()
    try:
        frame = nw.from_native(source)
    except TypeError as exc:
        msg = (
            "scan_events needs a Parquet path, glob or folder, a DuckDB relation, a "
            "(connection, table) pair, or a lazy frame (Polars, Dask, PySpark, Ibis); "
            f"got {type(source).__name__}"
        )
        raise TypeError(msg) from exc
    return frame.lazy() if isinstance(frame, nw.DataFrame) else frame
