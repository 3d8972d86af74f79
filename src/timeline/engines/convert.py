"""``convert``: stream any source the loader reads into canonical Parquet, once.

A CSV/TSV (of any size) is read in batches of ``batch_rows`` records by Arrow's
streaming reader, a Parquet source by row groups; each batch goes through
:func:`timeline.load_events` (the loader and the date engine, ``on_error="skip"``) and
is written as a sorted part. DuckDB then merges the parts, sorted by start, into the
destination with its memory capped (it spills to disk beyond the cap), in row groups of
``row_group_rows`` so that a date filter skips the groups outside its window. Other
sources (Excel, JSON, a frame, GDELT's headerless export) cannot be streamed: they are
loaded whole, then written the same way.

Every rejected row goes to the failures file beside the destination
(``events.failures.csv`` for ``events.parquet``), with its row number in the source
(1-based, header excluded); loaded rows plus rejected rows equal the input rows. An
``event_id`` repeated in a later batch is rejected there, as the loader does within one.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from timeline.engines.canonical import events_to_arrow
from timeline.engines.epoch import START_MS

DEFAULT_BATCH_ROWS = 200_000
DEFAULT_ROW_GROUP_ROWS = 100_000
ROW = "__source_row"
_FILE_FORMATS = {"csv", "tsv", "xlsx", "json", "parquet"}
_STREAMED = {".csv", ".tsv", ".txt", ".tab"}


@dataclasses.dataclass(frozen=True)
class ConvertResult:
    """What :func:`convert` wrote.

    Attributes
    ----------
    path
        The canonical Parquet file (or folder of parts).
    failures_path
        The failures CSV (written only when some row was rejected), else None.
    rows, loaded, rejected
        Input rows, rows written, rows rejected (``loaded + rejected == rows``).
    """

    path: Path
    failures_path: Path | None
    rows: int
    loaded: int
    rejected: int


def convert(
    source: Any,
    path: str | Path,
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    row_group_rows: int = DEFAULT_ROW_GROUP_ROWS,
    part_rows: int | None = None,
    failures: str | Path | None = None,
    memory_limit: str = "512MB",
    progress: bool | None = None,
    **load_options: Any,
) -> ConvertResult:
    """Stream ``source`` into canonical Parquet sorted by start, with bounded memory.

    Parameters
    ----------
    source
        Anything :func:`timeline.load_events` reads: a CSV/TSV (streamed), Parquet
        (streamed by row groups), Excel or JSON file, an importer's format, or a frame.
    path
        Destination: a ``.parquet`` file, or a folder (no ``.parquet`` suffix) that gets
        parts of about ``part_rows`` rows each.
    batch_rows
        Records per loader batch (memory grows with it; 200,000 rows take a few hundred
        MiB).
    row_group_rows
        Rows per Parquet row group; smaller groups let a date filter skip more.
    part_rows
        Rows per part when ``path`` is a folder (default: ``10 * row_group_rows``).
    failures
        Where to write the rejected rows (default: ``<path stem>.failures.csv`` beside
        ``path``); an old failures file there is removed when nothing fails.
    memory_limit
        DuckDB's memory cap for the final sort (it spills beyond it).
    progress
        Show a progress bar (tqdm) on stderr; default: when stderr is a terminal.
    **load_options
        ``reference_date``, ``columns``, ``format``, ``dayfirst``, ``conventions`` as
        for :func:`timeline.load_events` (``on_error`` is always ``"skip"`` here).

    Returns
    -------
    ConvertResult
        Paths and row counts.

    Examples
    --------
    >>> import timeline as tl
    >>> result = tl.convert("data/events.csv", "/tmp/events.parquet")  # doctest: +SKIP
    >>> result.loaded + result.rejected == result.rows  # doctest: +SKIP
    True
    """
    from timeline.engines.sources import duckdb_connection

    load_options.pop("on_error", None)
    destination = Path(path)
    folder = destination.suffix.lower() != ".parquet"
    failures_path = (
        Path(failures)
        if failures is not None
        else destination.with_name(f"{destination.stem}.failures.csv")
    )
    if batch_rows < 1 or row_group_rows < 1:
        msg = f"batch_rows and row_group_rows must be positive; got {batch_rows}, {row_group_rows}"
        raise ValueError(msg)
    destination.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".timeline-convert-", dir=destination.parent))
    try:
        total, problems, parts = _write_parts(source, work, batch_rows, progress, load_options)
        con = duckdb_connection()
        try:
            con.execute(f"SET memory_limit = '{_sql_text(memory_limit)}'")
            con.execute(f"SET temp_directory = '{_sql_text(str(work / 'spill'))}'")
            con.execute("SET preserve_insertion_order = true")
            repeated = _repeated_ids(con, parts)
            if len(repeated):
                problems.append(repeated)
            _merge(con, parts, destination, folder, row_group_rows, part_rows, len(repeated))
        finally:
            con.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = pd.concat(problems, ignore_index=True) if problems else None
    rejected = int(table["row"].nunique()) if table is not None and len(table) else 0
    if table is not None and len(table):
        table = table.sort_values("row", kind="stable", ignore_index=True)
        _write_failures(table, failures_path)
        written: Path | None = failures_path
    else:
        failures_path.unlink(missing_ok=True)
        written = None
    return ConvertResult(destination, written, total, total - rejected, rejected)


def _write_parts(
    source: Any, work: Path, batch_rows: int, progress: bool | None, options: dict[str, Any]
) -> tuple[int, list[pd.DataFrame], list[str]]:
    """Load every batch and write it as a part; (input rows, failure tables, part paths)."""
    import pyarrow.parquet as pq

    total = 0
    problems: list[pd.DataFrame] = []
    parts: list[str] = []
    bar = _progress_bar(source, progress)
    try:
        for frame, malformed, done in _batches(source, batch_rows, options):
            total += len(frame) + len(malformed)
            if len(malformed):
                problems.append(malformed)
            if len(frame):
                events, failed = _load_batch(frame, options)
                if len(failed):
                    problems.append(failed)
                if len(events):
                    rows = frame.index.to_numpy()
                    if len(failed):
                        rows = rows[~np.isin(rows, failed["row"].astype(np.int64).to_numpy())]
                    table = events_to_arrow(events)
                    table = table.append_column(ROW, _int_array(rows))
                    part = work / f"part-{len(parts):06d}.parquet"
                    pq.write_table(table.sort_by([(START_MS, "ascending")]), part)
                    parts.append(str(part))
            if bar is not None:
                bar.update(done - bar.n)
    finally:
        if bar is not None:
            bar.close()
    if not parts:
        msg = f"no event could be loaded from {source!r} ({total} row(s), all rejected)"
        if problems:
            first_problem = pd.concat(problems).iloc[0]
            msg += f"; first: row {first_problem['row']}, {first_problem['column']}: "
            msg += str(first_problem["reason"])
        raise ValueError(msg)
    return total, problems, parts


def _load_batch(frame: pd.DataFrame, options: dict[str, Any]) -> tuple[pd.DataFrame, Any]:
    from timeline.errors import RejectedRowsWarning
    from timeline.load import load_events
    from timeline.load.failures import empty_failures

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RejectedRowsWarning)
        events = load_events(frame, on_error="skip", **options)
    failed = empty_failures()
    for warning in caught:
        if isinstance(warning.message, RejectedRowsWarning):
            failed = warning.message.failures
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return events, failed


def _batches(
    source: Any, batch_rows: int, options: dict[str, Any]
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, int]]:
    """(text frame, malformed-record failures, progress units done) per batch."""
    file_format = options.get("format")
    if isinstance(file_format, str) and file_format.lower() in _FILE_FORMATS:
        file_format = options.pop("format").lower()
    else:
        file_format = None
    if isinstance(source, (str, Path)) and file_format is None:
        suffix = Path(source).suffix.lower()
        file_format = {".parquet": "parquet"}.get(suffix, "csv" if suffix in _STREAMED else None)
    streamable = isinstance(source, (str, Path)) and options.get("format") != "gdelt"
    if streamable and file_format in ("csv", "tsv"):
        yield from _csv_batches(Path(source), batch_rows, "\t" if file_format == "tsv" else None)
    elif streamable and file_format == "parquet":
        yield from _parquet_batches(Path(source), batch_rows)
    elif isinstance(source, pd.DataFrame):
        yield from _frame_batches(source, batch_rows)
    else:
        from timeline.load.readers import read_table

        if options.get("format"):
            msg = (
                f"convert streams CSV/TSV and Parquet sources; format={options['format']!r} "
                f"of {source!r} cannot be streamed: load it with tl.load_events(source, "
                "format=..., on_error='skip') and pass the frame to tl.convert"
            )
            raise ValueError(msg)
        yield from _frame_batches(read_table(source, file_format).frame, batch_rows)


def _frame_batches(
    frame: pd.DataFrame, batch_rows: int
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, int]]:
    """A source that cannot be streamed, read whole, in batches of its rows."""
    from timeline.load.failures import empty_failures

    for start in range(0, max(len(frame), 1), batch_rows):
        part = frame.iloc[start : start + batch_rows]
        part.index = pd.RangeIndex(start + 1, start + 1 + len(part))
        yield part, empty_failures(), (start + len(part)) * 100 // max(len(frame), 1)


def _csv_batches(
    path: Path, batch_rows: int, delimiter: str | None
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, int]]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from timeline.load.failures import empty_failures
    from timeline.load.readers import sniff_delimiter

    head = path.open("rb").read(1 << 20)
    try:
        text = head.decode("utf-8")
        encoding = "utf8"
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:
            text, encoding = head.decode("cp1252", errors="replace"), "cp1252"
        else:
            text, encoding = head[: exc.start].decode("utf-8"), "utf8"
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = delimiter or sniff_delimiter(text)
    malformed: list[dict[str, Any]] = []

    def invalid(row: Any) -> str:
        malformed.append(
            {
                "row": row.number - 1 if row.number is not None else -1,
                "column": "",
                "value": str(row.text)[:200],
                "reason": f"record has {row.actual_columns} fields, the header "
                f"{row.expected_columns}",
                "code": "malformed_record",
            }
        )
        return "skip"

    header = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(encoding=encoding, block_size=16 << 20, use_threads=False),
        parse_options=pacsv.ParseOptions(
            delimiter=delimiter, newlines_in_values=True, invalid_row_handler=invalid
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(header, pa.large_string()), strings_can_be_null=False
        ),
    )
    size = max(path.stat().st_size, 1)
    pending: list[Any] = []
    count = 0
    next_row = 1
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            batch = None
        if batch is not None:
            pending.append(batch)
            count += batch.num_rows
        if pending and (count >= batch_rows or batch is None):
            table = pa.Table.from_batches(pending)
            frame = table.to_pandas(types_mapper=lambda _t: pd.StringDtype(na_value=np.nan))
            known = sorted(m["row"] for m in malformed if m["row"] > 0)
            rows = _good_rows(next_row, len(frame), known)
            last = int(rows[-1]) if len(rows) else next_row - 1
            mine = [m for m in malformed if 0 < m["row"] <= last]
            malformed[:] = [m for m in malformed if m not in mine]
            frame.index = pd.Index(rows)
            next_row = last + 1
            done = size if batch is None else min(size, int(size * 0.99))
            yield frame, pd.DataFrame(mine) if mine else empty_failures(), done
            pending, count = [], 0
        if batch is None:
            if malformed:
                for m in malformed:
                    if m["row"] <= 0:
                        m["row"], next_row = next_row, next_row + 1
                yield pd.DataFrame(columns=header), pd.DataFrame(malformed), size
            return


def _good_rows(first: int, count: int, malformed: list[int]) -> np.ndarray:
    """The first ``count`` row numbers from ``first`` on that are not malformed records."""
    rows = np.arange(first, first + count + len(malformed), dtype=np.int64)
    rows = rows[~np.isin(rows, np.asarray(malformed, dtype=np.int64))]
    return rows[:count]


def _parquet_batches(
    path: Path, batch_rows: int
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, int]]:
    import pyarrow.parquet as pq

    from timeline.load.failures import empty_failures

    reader = pq.ParquetFile(path)
    total = max(reader.metadata.num_rows, 1)
    done = 0
    for batch in reader.iter_batches(batch_size=batch_rows):
        frame = batch.to_pandas()
        frame.index = pd.RangeIndex(done + 1, done + 1 + len(frame))
        done += len(frame)
        yield frame, empty_failures(), done * 100 // total


def _repeated_ids(con: Any, parts: list[str]) -> pd.DataFrame:
    """Failures for ``event_id`` values met again in a later batch (the first one stays)."""
    files = _sql_list(parts)
    found = con.execute(
        f"""
        SELECT {ROW} AS row, event_id, first_row FROM (
            SELECT {ROW}, event_id,
                   min({ROW}) OVER (PARTITION BY event_id) AS first_row
            FROM read_parquet({files}, union_by_name = true)
        ) WHERE {ROW} <> first_row ORDER BY row
        """
    ).df()
    from timeline.errors import Reason

    if found.empty:
        return found.iloc[0:0]
    return pd.DataFrame(
        {
            "row": found["row"].astype(np.int64),
            "column": "event_id",
            "value": found["event_id"].astype(str),
            "reason": [
                f"{Reason.DUPLICATE_ID.value}: row {r} has it too" for r in found["first_row"]
            ],
            "code": Reason.DUPLICATE_ID.name.lower(),
        }
    )


def _merge(
    con: Any,
    parts: list[str],
    destination: Path,
    folder: bool,
    row_group_rows: int,
    part_rows: int | None,
    repeated: int,
) -> None:
    files = _sql_list(parts)
    keep = f"QUALIFY {ROW} = min({ROW}) OVER (PARTITION BY event_id)" if repeated else ""
    query = (
        f"SELECT * EXCLUDE ({ROW}) FROM read_parquet({files}, union_by_name = true) {keep} "
        f"ORDER BY {START_MS} NULLS FIRST, {ROW}"
    )
    target = destination.with_name(destination.name + ".tmp")
    con.execute(
        f"COPY ({query}) TO '{_sql_text(str(target))}' (FORMAT parquet, "
        f"ROW_GROUP_SIZE {int(row_group_rows)}, COMPRESSION zstd)"
    )
    if not folder:
        target.replace(destination)
        return
    try:
        _split_parts(target, destination, part_rows or 10 * row_group_rows)
    finally:
        target.unlink(missing_ok=True)


def _split_parts(sorted_file: Path, folder: Path, part_rows: int) -> None:
    """Cut a sorted Parquet file into parts of whole row groups (about ``part_rows`` rows)."""
    import pyarrow.parquet as pq

    building = folder.with_name(folder.name + ".parts")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    reader = pq.ParquetFile(sorted_file)
    writer = None
    rows = 0
    number = 0
    for group in range(reader.num_row_groups):
        table = reader.read_row_group(group)
        if writer is None:
            name = building / f"part-{number:05d}.parquet"
            writer = pq.ParquetWriter(name, table.schema, compression="zstd")
            number += 1
        writer.write_table(table, row_group_size=max(table.num_rows, 1))
        rows += table.num_rows
        if rows >= part_rows:
            writer.close()
            writer, rows = None, 0
    if writer is not None:
        writer.close()
    if folder.exists():
        shutil.rmtree(folder)
    building.rename(folder)


def _write_failures(failures: pd.DataFrame, path: Path) -> None:
    """The failures table as CSV; text from the data cannot start a spreadsheet formula."""
    from timeline.load.text_cells import FORMULA_PREFIXES

    table = failures.copy()
    for name in ("column", "value", "reason"):
        if name in table:
            text = table[name].astype(object).where(table[name].notna(), "").astype(str)
            risky = text.str.startswith(FORMULA_PREFIXES)
            table[name] = text.where(~risky, "'" + text)
    table.to_csv(path, index=False)


def _progress_bar(source: Any, progress: bool | None) -> Any:
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover - tqdm is in the engines extra
        return None
    if isinstance(source, (str, Path)) and Path(source).suffix.lower() in _STREAMED:
        size = Path(source).stat().st_size
        return tqdm(total=size, unit="B", unit_scale=True, desc="convert", file=sys.stderr)
    return tqdm(total=100, unit="%", desc="convert", file=sys.stderr)


def _int_array(values: np.ndarray) -> Any:
    import pyarrow as pa

    return pa.array(np.asarray(values, dtype=np.int64))


def _sql_text(text: str) -> str:
    return text.replace("'", "''")


def _sql_list(paths: list[str]) -> str:
    return "[" + ", ".join(f"'{_sql_text(p)}'" for p in paths) + "]"
