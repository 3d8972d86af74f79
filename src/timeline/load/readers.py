"""Read a source (file or frame) into a raw table: original columns, original values.

Text files are read as text: every cell stays a string exactly as written, so nothing
(not a formula, not a leading zero) is interpreted before the loader looks at it.
Each raw row carries the label that failures report: the 1-based number of the data
record in a file (header excluded, blank lines not counted) or the frame's index label.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
import os
import re
import sys
import zipfile
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from timeline.errors import Reason
from timeline.load.limits import MAX_FIELD_BYTES, check_archive
from timeline.load.quotes import (
    has_multiline_cells,
    quote_count_is_odd,
    record_number,
    swallows_the_end,
    unterminated_quote,
)

READABLE_FORMATS = ("csv", "tsv", "xlsx", "json", "parquet")
_WRONG_FIELD_COUNT = re.compile(r"CSV parse error: Expected \d+ columns, got \d+")
_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_DELIMITERS = ",;\t|"


@dataclass
class RawTable:
    """What a reader gives the loader.

    Attributes
    ----------
    frame : DataFrame
        The source's columns and values, default RangeIndex.
    rows : array-like
        One failure label per row of ``frame`` (a numpy array or list).
    rejected : list of dict
        Records the reader could not split into fields (failures-table rows).
    attrs : dict
        Frame-level facts (source file, TimelineJS title...).
    extras : dict
        Columns an importer already started typing as kept-as-is columns (name to a
        :class:`~timeline.load.speed.background.Job`), over the rows of the frame it started from.
    extras_rows : numpy.ndarray or None
        Positions of this frame's rows in that frame (None: the same rows).
    clean : frozenset of str
        Columns an importer derived as clean text already (the loader does not clean
        them again).
    """

    frame: pd.DataFrame
    rows: Any
    rejected: list[dict[str, Any]] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    extras_rows: Any = None
    clean: frozenset[str] = frozenset()


def source_format(source: object, format: str | None = None) -> str:
    """Name the file format of ``source`` from ``format`` or the file suffix."""
    if format is not None:
        return format.lower()
    if isinstance(source, pd.DataFrame):
        return "dataframe"
    if isinstance(source, (str, os.PathLike)):
        suffix = Path(source).suffix.lower()
        if suffix in _SUFFIX_FORMATS:
            return _SUFFIX_FORMATS[suffix]
        msg = (
            f"cannot tell the format of {str(source)!r} from its suffix {suffix!r}; "
            f"pass format= one of {', '.join(READABLE_FORMATS)}"
        )
        raise ValueError(msg)
    msg = f"source must be a path or a pandas DataFrame, got {type(source).__name__}"
    raise TypeError(msg)


def read_table(
    source: object, format: str | None = None, *, whole_numbers: Collection[str] = ()
) -> RawTable:
    """Read ``source`` into a :class:`RawTable` (no interpretation of values).

    ``whole_numbers`` names columns a format defines as whole numbers (an importer knows
    them): a delimited file whose such columns all hold whole numbers (or blanks) reads
    them as numbers directly; otherwise every column is read as text, as always.
    """
    fmt = source_format(source, format)
    if fmt == "dataframe":
        frame = source.copy()  # type: ignore[union-attr]
        labels = frame.index.to_numpy(dtype=object)
        frame = frame.reset_index(drop=True)
        names = [str(c) for c in frame.columns]
        if len(set(names)) != len(names) or any(type(c) is not str for c in frame.columns):
            # Column names are text, each once: 0 becomes "0", a second "title" "title.1".
            frame.columns = _dedupe(names)
        return RawTable(frame, labels)
    path = Path(source)  # type: ignore[arg-type]
    if not path.exists():
        msg = f"no such file: {str(path)!r}"
        raise FileNotFoundError(msg)
    readers = {
        "csv": lambda path: _read_delimited(path, whole_numbers),
        "tsv": lambda path: _read_delimited(path, whole_numbers),
        "xlsx": _read_excel,
        "json": _read_json,
        "parquet": _read_parquet,
    }
    if fmt not in readers:
        msg = f"unknown format {fmt!r}; the formats timeline reads are {', '.join(readers)}"
        raise ValueError(msg)
    table = readers[fmt](path)
    table.attrs.setdefault("source_file", str(path))
    table.attrs.setdefault("source_name", path.name)
    return table


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("timeline-cp1252", _cp1252_fallback)


def decode_text(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM); bytes that are not UTF-8 are read as
    Windows-1252, so a file mixing both keeps its UTF-8 text (``café`` stays ``café``).

    Examples
    --------
    >>> decode_text("café ".encode() + "naïve".encode("cp1252"))
    'café naïve'
    """
    return data.decode("utf-8-sig", errors="timeline-cp1252")


_SNIFF_RECORDS = 50
"""Records of the head that :func:`sniff_delimiter` compares."""


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter among ``, ; TAB |`` from the first records of ``text``.

    Each candidate splits the first records with the csv module (quotes respected, time
    linear in the text); the winner splits the header into the most fields among those
    that split most records into as many fields as the header. Without any split,
    ``,``.

    Examples
    --------
    >>> sniff_delimiter('title;date\\nA;2024\\nB;"x; y"\\n')
    ';'
    >>> sniff_delimiter("title\\nA\\n")
    ','
    """
    sample = text[:65536]
    complete = sample if len(text) <= len(sample) else sample[: sample.rfind("\n") + 1]
    best, best_score = ",", (0.0, 0)
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, len(sample) + 1))
    try:
        for delimiter in _DELIMITERS:
            reader = csv.reader(io.StringIO(complete or sample, newline=""), delimiter=delimiter)
            try:
                rows = itertools.islice(reader, _SNIFF_RECORDS)
                counts = [len(row) for row in rows if row]
            except csv.Error:
                continue
            if not counts or counts[0] < 2:
                continue
            header = counts[0]
            agreeing = sum(1 for count in counts if count == header) / len(counts)
            score = (agreeing, header)
            if score > best_score:
                best, best_score = delimiter, score
    finally:
        csv.field_size_limit(previous)
    return best


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for raw in names:
        name = raw.strip() or "unnamed"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def _read_delimited(path: Path, whole_numbers: Collection[str] = ()) -> RawTable:
    head = _utf8_head(path)
    # A file that is UTF-8 at its start is handed to pyarrow as it is (pyarrow checks the
    # rest); otherwise it is transcoded from Windows-1252 first.
    source: Path | bytes = path if head is not None else _utf8_bytes(path.read_bytes())
    if head is None:
        head = source[:_HEAD_BYTES].decode("utf-8", errors="ignore")  # type: ignore[index]
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else sniff_delimiter(head)
    names = _dedupe(_header_row(path, head, delimiter))
    if head.startswith(("\n", "\r")):  # blank lines before the header: pyarrow counts them
        data = source if isinstance(source, bytes) else path.read_bytes()
        source = data.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n")
    broken: list[dict[str, Any]] = []
    if quote_count_is_odd(source):
        source, broken = _cut_unterminated_quotes(
            source if isinstance(source, bytes) else path.read_bytes(), delimiter
        )
    table = _read_records(path, source, delimiter, names, whole_numbers)
    if not broken and (swallows_the_end(source, table.frame) or has_multiline_cells(table.frame)):
        data = source if isinstance(source, bytes) else path.read_bytes()
        source, broken = _cut_unterminated_quotes(data, delimiter)
        if broken:
            table = _read_records(path, source, delimiter, names, whole_numbers)
    if broken:
        table = _reject_records(table, broken)
    return table


def _header_row(path: Path, head: str, delimiter: str) -> list[str]:
    """The first non-blank record of the file's head; ValueError when there is none."""
    with _field_limit(path):
        rows = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
        header_row = next((row for row in rows if row), None)
    if header_row is None:
        msg = f"{str(path)!r} is empty: it has no header row"
        raise ValueError(msg)
    return header_row


def _read_records(
    path: Path,
    source: Path | bytes,
    delimiter: str,
    names: list[str],
    whole_numbers: Collection[str],
) -> RawTable:
    typed = _typed_read(source, delimiter, names, whole_numbers)
    if typed is not None:
        return RawTable(typed, np.arange(1, len(typed) + 1))
    frame = _read_with_pyarrow(source, delimiter, names)
    if frame is _NOT_UTF8:
        source = _utf8_bytes(path.read_bytes())
        frame = _read_with_pyarrow(source, delimiter, names)
    if isinstance(frame, pd.DataFrame):
        return RawTable(frame, np.arange(1, len(frame) + 1))
    with _field_limit(path):
        return _read_with_csv_module(_file_text(source), delimiter, names)


@contextlib.contextmanager
def _field_limit(path: Path) -> Iterator[None]:
    """Let the csv module read fields up to :data:`MAX_FIELD_BYTES`; a larger one is a
    ``ValueError`` naming the file and the limit (not ``_csv.Error``)."""
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD_BYTES)
    try:
        yield
    except csv.Error as exc:
        msg = f"{str(path)!r}: {exc} (the limit is {MAX_FIELD_BYTES >> 20} MiB a field)"
        raise ValueError(msg) from exc
    finally:
        csv.field_size_limit(previous)


def _cut_unterminated_quotes(data: bytes, delimiter: str) -> tuple[bytes, list[dict[str, Any]]]:
    """The file without the rest of each line where a quote opens and never closes, and
    a failure for each such record (the records after it are read as records again)."""
    broken: list[dict[str, Any]] = []
    while (opening := unterminated_quote(data, delimiter)) is not None:
        number = record_number(data, opening, delimiter)
        line_start = max(data.rfind(b"\n", 0, opening), data.rfind(b"\r", 0, opening)) + 1
        line_end = data.find(b"\n", opening)
        line_end = len(data) if line_end < 0 else line_end
        shown = data[line_start:line_end].decode("utf-8", errors="replace").rstrip("\r")
        broken.append(
            {
                "row": number,
                "column": "",
                "value": shown[:200],
                "reason": (
                    f"a quote opens at character {opening - line_start + 1} of this line and "
                    "never closes; the record was not read (the records after it were)"
                ),
                "code": Reason.UNTERMINATED_QUOTE.code,
            }
        )
        # An empty quoted field keeps the record in its place, so the records after it
        # keep their numbers; the record itself is dropped by :func:`_reject_records`.
        data = data[:opening] + b'""' + data[line_end:]
    return data, broken


def _reject_records(table: RawTable, broken: list[dict[str, Any]]) -> RawTable:
    """Drop the rows of ``broken`` records from ``table`` and report them instead."""
    numbers = {record["row"] for record in broken}
    rows = np.asarray(table.rows)
    keep = ~np.isin(rows, list(numbers))
    rejected = [r for r in table.rejected if r["row"] not in numbers] + broken
    rejected.sort(key=lambda record: record["row"])
    frame = table.frame.loc[keep].reset_index(drop=True)
    return dataclasses.replace(table, frame=frame, rows=rows[keep], rejected=rejected)


_HEAD_BYTES = 1 << 20
"""Bytes read to find the header, the delimiter and the encoding."""

_BLOCK_BYTES = 4 << 20
"""pyarrow reads a file in blocks of this size, one column chunk each; fewer, larger
chunks make every later pass over a column cheaper (4 MiB read fastest here)."""

_NOT_UTF8 = object()
"""What :func:`_read_with_pyarrow` returns when the file must be read again from
transcoded bytes (a cell is not UTF-8)."""


def _utf8_head(path: Path) -> str | None:
    """The file's first MiB as text (without BOM) when it is UTF-8, else None."""
    import codecs

    with path.open("rb") as file:
        head = file.read(_HEAD_BYTES)
    try:
        # not final: a character cut in two at the end of the head is not an error
        return codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        return None


def _file_text(source: Path | bytes) -> str:
    data = source.read_bytes() if isinstance(source, Path) else source
    return _utf8_bytes(data).decode("utf-8")


def _utf8_bytes(data: bytes) -> bytes:
    """The file as UTF-8 without BOM (Windows-1252 files are transcoded)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_text(data).encode("utf-8")
    return data


def read_headerless(path: Path, names: list[str], delimiter: str = "\t") -> RawTable:
    """Read a delimited text file without a header row (GDELT), fields never quoted.

    ``names`` name the columns; a record with another number of fields is rejected.
    """
    path = Path(path)
    source: Path | bytes = path if _utf8_head(path) is not None else _utf8_bytes(path.read_bytes())
    frame = _read_with_pyarrow(source, delimiter, names, header=False)
    if frame is _NOT_UTF8:
        source = _utf8_bytes(path.read_bytes())
        frame = _read_with_pyarrow(source, delimiter, names, header=False)
    if isinstance(frame, pd.DataFrame):
        table = RawTable(frame, np.arange(1, len(frame) + 1))
    else:
        table = _read_with_csv_module(_file_text(source), delimiter, names, header=False)
    table.attrs.setdefault("source_file", str(path))
    return table


def _read_with_pyarrow(
    source: Path | bytes, delimiter: str, names: list[str], header: bool = True
) -> object:
    """Fast path: the frame; None when some record has the wrong number of fields, or
    :data:`_NOT_UTF8` when a cell is not UTF-8.

    Without a header the fields are not quoted either (GDELT's tab-separated files).
    """
    import pyarrow as pa

    try:
        return _whole_records(source, delimiter, names, header)
    except pa.ArrowInvalid as exc:
        # A cell that is not UTF-8 fails the read, or, in a malformed record, the invalid
        # row handler: read the transcoded bytes instead.
        if isinstance(source, Path) or "UTF8" in str(exc):
            return _NOT_UTF8
        raise


def _typed_read(
    source: Path | bytes, delimiter: str, names: list[str], whole_numbers: Collection[str]
) -> pd.DataFrame | None:
    """The file with the ``whole_numbers`` columns read as int64, or None when any cell of
    them is not a whole number, or anything else needs the careful text read."""
    import pyarrow as pa

    from timeline.load.columns import column_key

    wanted = {column_key(name) for name in whole_numbers}
    types = {name: pa.int64() for name in names if column_key(name) in wanted}
    if not types:
        return None
    try:
        return _whole_records(source, delimiter, names, True, types)
    except pa.ArrowInvalid:
        return None


def _whole_records(
    source: Path | bytes,
    delimiter: str,
    names: list[str],
    header: bool,
    types: Mapping[str, Any] | None = None,
) -> pd.DataFrame | None:
    """The file read by pyarrow; None when some record has the wrong number of fields
    (the careful reader then accounts for it). pyarrow's other errors are raised.

    No invalid-row handler: pyarrow would decode a malformed record for it, and one that is
    not UTF-8 then fails as an "Exception ignored" report; the first malformed record
    stopping the read is all this needs to know.
    A record larger than a block (a field of 8 MiB) is read again in larger blocks, up to
    twice the field limit; a file with a header and no records is an empty table.
    """
    import pyarrow as pa

    size = source.stat().st_size if isinstance(source, Path) else len(source)
    block = _BLOCK_BYTES
    while True:
        try:
            table = _arrow_csv(source, delimiter, names, header, types, block)
            break
        except pa.ArrowInvalid as exc:
            text = str(exc)
            if _WRONG_FIELD_COUNT.match(text):
                return None
            too_big = "straddl" in text or "larger than block size" in text
            if too_big and block <= size:
                if block > 2 * MAX_FIELD_BYTES:
                    msg = (
                        f"a record is larger than {2 * MAX_FIELD_BYTES >> 20} MiB (fields "
                        f"may hold {MAX_FIELD_BYTES >> 20} MiB)"
                    )
                    raise ValueError(msg) from exc
                block = min(block * 4, size + 1, (1 << 31) - 1)
                continue
            if "Could not skip initial" in text or "Empty CSV file" in text:
                return pd.DataFrame({name: pd.Series([], dtype="str") for name in names})
            raise
    return table.to_pandas()


def _arrow_csv(
    source: Path | bytes,
    delimiter: str,
    names: list[str],
    header: bool,
    types: Mapping[str, Any] | None = None,
    block_size: int = _BLOCK_BYTES,
) -> Any:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    return pacsv.read_csv(
        str(source) if isinstance(source, Path) else io.BytesIO(source),
        read_options=pacsv.ReadOptions(
            column_names=names, skip_rows=int(header), block_size=block_size
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=delimiter,
            quote_char='"' if header else False,
            newlines_in_values=header,
        ),
        convert_options=pacsv.ConvertOptions(
            # large_string is what pandas' str dtype holds: no copy when converting.
            column_types={**dict.fromkeys(names, pa.large_string()), **(types or {})},
            null_values=[""],  # only a blank cell is missing: "n/a" is a value, not a gap
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )


def _read_with_csv_module(
    text: str, delimiter: str, names: list[str], header: bool = True
) -> RawTable:
    """Slow path that accounts for every record, including malformed ones."""
    records: list[list[str]] = []
    rows: list[int] = []  # record numbers of the rows kept
    rejected: list[dict[str, Any]] = []
    quoting = csv.QUOTE_MINIMAL if header else csv.QUOTE_NONE
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting)
    if header:
        next(reader)
    number = 0
    for fields in reader:
        if not fields:
            continue
        number += 1
        if len(fields) != len(names):
            rejected.append(
                {
                    "row": number,
                    "column": "",
                    "value": delimiter.join(fields)[:200],
                    "reason": f"expected {len(names)} fields, found {len(fields)}",
                    "code": Reason.MALFORMED_RECORD.code,
                }
            )
            continue
        records.append(fields)
        rows.append(number)
    frame = pd.DataFrame(records, columns=names, dtype="str")
    return RawTable(frame, np.asarray(rows, dtype=np.int64), rejected)


def _read_excel(path: Path) -> RawTable:
    """The first sheet; a date cell keeps only the parts its number format shows.

    Excel turns a typed "June 2024" into the date 2024-06-01 shown as ``mmm-yy``; reading
    it as the first of June would invent a day, so such a cell becomes ``2024-06``.
    """
    try:
        import openpyxl
    except ImportError as exc:
        msg = "reading .xlsx needs openpyxl: pip install 'timeline[export]' (or openpyxl)"
        raise ImportError(msg) from exc
    from openpyxl.utils.exceptions import InvalidFileException

    check_archive(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        msg = f"cannot read {str(path)!r} as an Excel workbook: {exc}"
        raise ValueError(msg) from exc
    try:
        return _read_sheet(path, workbook)
    except (zipfile.BadZipFile, EOFError, KeyError) as exc:  # a damaged or lying archive
        msg = f"cannot read {str(path)!r} as an Excel workbook: {exc}"
        raise ValueError(msg) from exc
    finally:
        workbook.close()


def _read_sheet(path: Path, workbook: Any) -> RawTable:
    sheet = workbook.worksheets[0]
    rows_iter = sheet.iter_rows()
    header = next(rows_iter, None)
    if header is None:
        msg = f"{str(path)!r} is empty: its first sheet has no header row"
        raise ValueError(msg)
    names = [str(c.value) if c.value is not None else "" for c in header]
    while names and names[-1] == "":
        names.pop()
    records, numbers = [], []
    for number, row in enumerate(rows_iter, start=1):
        values = [_excel_value(cell) for cell in row[: len(names)]]
        values += [None] * (len(names) - len(values))
        if all(v is None or v == "" for v in values):
            continue  # an empty row is not a record, but keeps its place in the count
        records.append(values)
        numbers.append(number)
    frame = pd.DataFrame(records, columns=_dedupe(names), dtype=object)
    # Data record n sits on sheet row n + 1 (the header is row 1).
    return RawTable(frame, np.asarray(numbers, dtype=np.int64))


def _excel_value(cell: Any) -> object:
    value = cell.value
    if getattr(cell, "is_date", False) and isinstance(value, dt.datetime):
        shown = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", str(cell.number_format or "").lower())
        if "d" not in shown and "y" in shown:
            return f"{value.year:04d}-{value.month:02d}" if "m" in shown else f"{value.year:04d}"
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def json_payload(path: Path) -> object:
    """The parsed JSON file; a clear ``ValueError`` for bad JSON or too deep nesting.

    Lone surrogates (``"\\ud800"``, which no text file can hold) become U+FFFD.
    """
    text = decode_text(path.read_bytes())
    try:
        payload = json.loads(text)
    except RecursionError as exc:
        msg = (
            f"{str(path)!r}: the JSON is nested too deeply (the limit is about "
            f"{sys.getrecursionlimit():,} levels; event records need two or three)"
        )
        raise ValueError(msg) from exc
    except json.JSONDecodeError as exc:
        msg = f"{str(path)!r} is not valid JSON: {exc}"
        raise ValueError(msg) from exc
    if _LONE_SURROGATE_ESCAPE.search(text):
        payload = _without_lone_surrogates(payload)
    return payload


def _without_lone_surrogates(value: object) -> object:
    """Strings with each lone surrogate (``"\\ud800"`` in JSON, which is not text) as
    U+FFFD, the replacement character, like undecodable bytes in a text file."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def _read_json(path: Path) -> RawTable:
    payload = json_payload(path)
    attrs: dict[str, Any] = {}
    if isinstance(payload, dict):
        records = next(
            (payload[key] for key in ("events", "data", "records") if key in payload), None
        )
        if records is None:
            msg = (
                f"{str(path)!r}: a JSON object needs an 'events' (or 'data', 'records') list; "
                f"found keys {sorted(payload)}"
            )
            raise ValueError(msg)
    else:
        records = payload
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        msg = f"{str(path)!r}: expected a list of JSON objects (one per event)"
        raise ValueError(msg)
    frame = pd.DataFrame.from_records(records)
    return RawTable(frame, np.arange(1, len(frame) + 1), attrs=attrs)


def _read_parquet(path: Path) -> RawTable:
    try:
        frame = pd.read_parquet(path)
    except TypeError:
        frame = _read_parquet_with_lists(path)
    return RawTable(frame.reset_index(drop=True), np.arange(1, len(frame) + 1))


def _read_parquet_with_lists(path: Path) -> pd.DataFrame:
    """Read a file ``pd.read_parquet`` refuses because it names an Arrow list dtype.

    pandas writes the dtype of an Arrow list column (our ``actors``) into the file's
    metadata and cannot read it back (pandas issue 57411); mapping list columns to Arrow
    dtypes ourselves sidesteps that.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    def list_columns(arrow_type: object) -> object:
        if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
            return pd.ArrowDtype(arrow_type)
        return None

    return pq.read_table(path).to_pandas(types_mapper=list_columns)
