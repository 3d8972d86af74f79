"""Tell an event format from a source's columns (or, for GDELT, its first record)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from timeline.load.columns import column_key
from timeline.load.importers.gdelt import looks_like_gdelt
from timeline.load.importers.registry import IMPORTERS
from timeline.load.importers.timelinejs_json import is_timelinejs
from timeline.load.limits import check_archive
from timeline.load.readers import decode_text, sniff_delimiter, source_format

_HEAD_BYTES = 1 << 16


def _signatures() -> dict[str, tuple[str, ...]]:
    return {name: module.SIGNATURE for name, module in IMPORTERS.items()}


def known_layouts() -> str:
    """One line per known format: its name, what it is and the columns that identify it."""
    lines = []
    for name, module in IMPORTERS.items():
        if name == "gdelt":
            clue = "61 tab-separated fields, no header (or a header with GLOBALEVENTID, SQLDATE)"
        elif name == "timelinejs":
            clue = "columns Year, Month, Day, Headline; or JSON with an 'events' list"
        else:
            clue = "columns " + ", ".join(module.SIGNATURE)
        lines.append(f"{name} ({module.LABEL}: {clue})")
    return "; ".join(lines)


def format_of_columns(names: Iterable[object]) -> str | None:
    """The format whose identifying columns are all among ``names``, else None.

    Examples
    --------
    >>> format_of_columns(["event_id_cnty", "event_date", "time_precision", "event_type"])
    'acled'
    >>> format_of_columns(["title", "date"]) is None
    True
    """
    keys = {column_key(n) for n in names}
    for name, signature in _signatures().items():
        if {column_key(c) for c in signature} <= keys:
            return name
    return None


def sniff_format(source: object, file_format: str | None = None) -> str | None:
    """The event format of ``source`` (``"acled"`` ...), or None for any other layout.

    Reads only what it needs: a text file's first line, a JSON document, an Excel
    header row, a Parquet schema.

    Examples
    --------
    >>> import pandas as pd
    >>> sniff_format(pd.DataFrame(columns=["id", "date_start", "date_end", "date_prec",
    ...                                    "side_a", "side_b"]))
    'ucdp'
    >>> sniff_format(pd.DataFrame(columns=["title", "date"])) is None
    True
    """
    if isinstance(source, pd.DataFrame):
        return format_of_columns(source.columns)
    if not isinstance(source, (str, Path)):
        return None
    path = Path(source)
    if not path.is_file():
        return None
    try:
        fmt = source_format(path, file_format)
    except ValueError:
        return None  # an unknown suffix: the loader says which formats it reads
    if fmt == "json":
        try:
            payload = json.loads(decode_text(path.read_bytes()))
        except (ValueError, RecursionError):
            return None  # the reader says what is wrong with it
        return "timelinejs" if is_timelinejs(payload) else None
    if fmt == "xlsx":
        try:
            check_archive(path)  # a zip bomb is refused before anything is unpacked
            header = pd.read_excel(path, nrows=0, engine="openpyxl").columns
        except Exception:
            return None
        return format_of_columns(header)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return format_of_columns(pq.read_schema(path).names)
    if fmt in ("csv", "tsv"):
        return _sniff_text(path)
    return None


def _sniff_text(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    if b"\n" in head:
        head = head[: head.index(b"\n") + 1]
    text = decode_text(head)
    if not text.strip():
        return None
    if looks_like_gdelt(text.rstrip("\r\n").split("\t")):
        return "gdelt"
    try:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
        header = next(rows, [])
    except csv.Error:  # a header field over the csv module's limit: the reader reports it
        return None
    return format_of_columns(header)


def detect_format(source: object, file_format: str | None = None) -> str:
    """Name the event format of ``source``: acled, ucdp, timelinejs or gdelt.

    Parameters
    ----------
    source
        A path (CSV/TSV, XLSX, JSON, Parquet) or a DataFrame.
    file_format
        Force how the file is read (``"csv"`` ...), as in ``load_events(format=...)``.

    Raises
    ------
    ValueError
        When the layout is none of them; the message lists the formats and their clues.

    Examples
    --------
    >>> import pandas as pd
    >>> detect_format(pd.DataFrame(columns=["Year", "Month", "Day", "Headline", "Text"]))
    'timelinejs'
    """
    found = sniff_format(source, file_format)
    if found is not None:
        return found
    if isinstance(source, pd.DataFrame):
        what = f"a DataFrame with columns {', '.join(map(repr, map(str, source.columns)))}"
    else:
        what = repr(str(source))
    msg = (
        f"cannot tell the event format of {what}: it matches none of the formats "
        f"timeline imports: {known_layouts()}. Pass format= one of them, or load it as "
        "plain events (columns title and date)"
    )
    raise ValueError(msg)
