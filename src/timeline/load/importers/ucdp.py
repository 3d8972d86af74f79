"""UCDP Georeferenced Event Dataset (GED): one row per event of organized violence.

``date_start`` and ``date_end`` are the earliest and the latest day the event may have
happened (inclusive); ``date_prec`` says how precisely the source dated it: 1 the day,
2 within two to six days, 3 the week, 4 the month, 5 the year or more than a month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.errors import Reason
from timeline.load.build import LoadResult
from timeline.load.importers.common import (
    as_windows,
    build,
    check_days,
    day_text,
    derived,
    join_text,
    parse_days,
    start_import,
    take_columns,
    whole_number_text,
)
from timeline.load.readers import RawTable, read_table

NAME = "ucdp"
LABEL = "UCDP GED"
SIGNATURE = ("id", "date_start", "date_end", "date_prec", "side_a", "side_b")
"""Columns that identify a UCDP GED table (compared ignoring case and punctuation)."""

REQUIRED = ("date_start", "date_end", "date_prec")
DATE_PRECISIONS = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
"""``date_prec`` -> the precision of the window (2, "two to six days", is within a week)."""
VIOLENCE_TYPES = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}
"""``type_of_violence`` codes -> the category shown."""
RENAMED = {
    "event_id": "id",
    "location": "where_coordinates",
    "source": "source_article",
    "latitude": "latitude",
    "longitude": "longitude",
}
"""Canonical fields that take a GED column over (the column is renamed)."""
COPIED = {"quantity": "best"}
"""Canonical fields that copy a GED column (``best`` stays next to ``low`` and ``high``)."""
COLUMNS = (
    *REQUIRED,
    *RENAMED.values(),
    *COPIED.values(),
    "side_a",
    "side_b",
    "dyad_name",
    "where_description",
    "type_of_violence",
)


def read(source: object, file_format: str | None = None) -> RawTable:
    """Read a UCDP GED CSV/XLSX/Parquet file or DataFrame as it is."""
    return read_table(source, file_format)


def load(
    source: object,
    reference_date: object = None,
    dayfirst: bool | None = None,
    conventions: object = None,
    file_format: str | None = None,
) -> LoadResult:
    """Import a UCDP GED table into events (a :class:`~timeline.load.build.LoadResult`)."""
    return build_ucdp(read(source, file_format), reference_date, dayfirst, conventions)


def date_expressions(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """``YYYY-MM-DD`` for one day, ``start/end`` (inclusive days) for several.

    Examples
    --------
    >>> start = np.array(["1989-05-10", "2013-01-03"], dtype="datetime64[D]")
    >>> end = np.array(["1989-05-16", "2013-01-03"], dtype="datetime64[D]")
    >>> date_expressions(start, end).tolist()
    ['1989-05-10/1989-05-16', '2013-01-03']
    """
    first, last = day_text(start), day_text(end)
    same = start == end
    text = np.where(same, first, None).astype(object)
    several = ~same & ~np.isnat(start) & ~np.isnat(end)
    text[several] = [f"{a}/{b}" for a, b in zip(first[several], last[several], strict=True)]
    return text


def build_ucdp(
    raw: RawTable, reference_date: object, dayfirst: bool | None, conventions: object
) -> LoadResult:
    """Derive the canonical fields of a UCDP GED table and build the events."""
    raw, cols, frame, checks, text = start_import(raw, NAME, COLUMNS, REQUIRED, RENAMED)

    precision = whole_number_text(text("date_prec"))
    checks.add(
        ~precision.isin(list(DATE_PRECISIONS)).to_numpy(),
        cols["date_prec"],
        precision,
        "date_prec must be 1 (day), 2 (two to six days), 3 (week), 4 (month) or 5 (year)",
        Reason.BAD_VALUE,
    )
    bounds = []
    for name in ("date_start", "date_end"):
        values = text(name)
        days, why = parse_days(values, dayfirst, conventions)
        check_days(checks, cols[name], values, why)
        bounds.append(days)
    start, end = bounds

    frame[derived("date_text")] = pd.Series(
        date_expressions(start, end), index=frame.index, dtype="str"
    )
    frame[derived("title")] = join_text([text("dyad_name"), text("where_description")], ", ")
    frame[derived("actors")] = join_text([text("side_a"), text("side_b")], "; ")
    violence = whole_number_text(text("type_of_violence"))
    frame[derived("category")] = violence.replace(VIOLENCE_TYPES)
    mapping = {field: derived(field) for field in ("title", "date_text", "actors", "category")}
    take_columns(frame, cols, mapping, RENAMED, COPIED, text)

    table, kept = checks.apply(frame)
    result = build(table, mapping, NAME, reference_date, dayfirst, conventions)
    # A window of several days with date_prec 2-5 is one moment somewhere in it; with
    # date_prec 1 the days are exact, so the event lasted them all (a span).
    levels = precision.map(DATE_PRECISIONS).to_numpy(dtype=object)
    fuzzy = (precision != "1").to_numpy() & (start != end) & ~pd.isna(levels)
    as_windows(result.events, fuzzy[kept], levels[kept])
    return result
