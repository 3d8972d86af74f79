"""Load events from any source into the canonical event frame, collecting every problem."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Literal

import pandas as pd

from timeline.errors import EventDataError, Reason, RejectedRowsWarning
from timeline.load.build import LoadResult, build_events
from timeline.load.columns import REQUIRED_FIELDS, did_you_mean, match_columns
from timeline.load.importers import EVENT_FORMATS, import_events, sniff_format
from timeline.load.importers.detect import known_layouts
from timeline.load.readers import READABLE_FORMATS, RawTable, read_table
from timeline.progress import choose

OnError = Literal["raise", "skip"]
"""What ``load_events`` does with rows that fail: raise, or skip them with a warning."""


def load_events(
    source: object,
    *,
    reference_date: object = None,
    columns: Mapping[str, str] | None = None,
    on_error: OnError = "raise",
    format: str | None = None,
    dayfirst: bool | None = None,
    conventions: object = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Load events into the canonical event frame.

    Parameters
    ----------
    source
        A path to a CSV/TSV, Excel (.xlsx), JSON or Parquet file, or a pandas DataFrame.
    reference_date
        Report date for rows without a ``reported_on`` value; relative dates ("since
        September", "late October") are resolved against it. Never defaults to today.
    columns
        Explicit ``{source column: canonical field}`` mapping, e.g. ``{"Ereignis": "title"}``;
        wins over the built-in aliases.
    on_error
        ``"raise"`` (default): any problem raises :class:`EventDataError` listing all of
        them. ``"skip"``: return the valid rows and warn with :class:`RejectedRowsWarning`.
    format
        An event format to import (``"acled"``, ``"ucdp"``, ``"timelinejs"``, ``"gdelt"``;
        see :mod:`timeline.load.importers`), or a file format to read plain events from
        (``"csv"``, ``"tsv"``, ``"xlsx"``, ``"json"``, ``"parquet"``). By default
        (``None``) the event format is detected from the columns, and any other layout is
        read as plain events, its file format from the suffix.
    dayfirst
        How to read an ambiguous numeric date such as ``04/05/2025``; ``None`` rejects it.
    conventions
        A :class:`timeline.dates.DateConventions` for the arguable date conventions.
    progress
        A ``tqdm`` progress bar (a widget in JupyterLab, a line on a terminal): ``True``
        always, ``False`` never, ``None`` (default) for 100,000 rows or more, not in logs.

    Returns
    -------
    DataFrame
        The canonical event frame (see the README): required columns, known optional
        columns, then every other source column unchanged.

    Raises
    ------
    EventDataError
        When a required column is missing, or (with ``on_error="raise"``) any row fails.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events("data/events.csv")  # doctest: +SKIP
    >>> events[["date_text", "start", "end", "title"]].head()  # doctest: +SKIP
    """
    if on_error not in ("raise", "skip"):
        msg = f"on_error must be 'raise' or 'skip', got {on_error!r}"
        raise ValueError(msg)
    with choose(progress):
        result = _load(source, reference_date, columns, format, dayfirst, conventions)
    if result.failures.empty:
        return result.events
    if on_error == "raise":
        name = result.events.attrs.get("source_name")
        raise EventDataError(
            result.failures, source=name, total=result.total, file_rows=name is not None
        )
    loaded = result.events.loc[result.valid].reset_index(drop=True)
    loaded.attrs = dict(result.events.attrs)
    warnings.warn(RejectedRowsWarning(result.failures, result.rejected, result.total), stacklevel=2)
    return loaded


def validate_events(
    source: object,
    *,
    reference_date: object = None,
    columns: Mapping[str, str] | None = None,
    format: str | None = None,
    dayfirst: bool | None = None,
    conventions: object = None,
) -> pd.DataFrame:
    """Check a source without loading it: the failures table, empty when clean.

    Takes the same arguments as :func:`load_events`. A missing required column is
    reported as a failure row too (with an empty ``row``).

    Returns
    -------
    DataFrame
        Columns ``row``, ``column``, ``value``, ``reason``; one row per problem.

    Examples
    --------
    >>> import pandas as pd, timeline as tl
    >>> frame = pd.DataFrame({"title": ["Summit", ""], "date": ["June 2024", "2025-02-30"]})
    >>> tl.validate_events(frame)[["row", "column"]].values.tolist()
    [[1, 'title'], [1, 'date_text']]
    """
    try:
        return _load(source, reference_date, columns, format, dayfirst, conventions).failures
    except EventDataError as exc:
        return exc.failures


def _load(
    source: object,
    reference_date: object,
    columns: Mapping[str, str] | None,
    format: str | None,
    dayfirst: bool | None,
    conventions: object,
) -> LoadResult:
    event_format = _event_format(source, columns, format)
    if event_format is not None:
        return import_events(event_format, source, reference_date, dayfirst, conventions)
    raw = read_table(source, format)
    mapping = match_columns(raw.frame.columns, columns)
    layouts = ""
    if format is None and columns is None:
        layouts = f"; nor is it one of the layouts timeline imports: {known_layouts()}"
    _require(mapping, raw, layouts)
    return build_events(raw, mapping, reference_date, dayfirst, conventions)


def _event_format(
    source: object, columns: Mapping[str, str] | None, format: str | None
) -> str | None:
    """The event format to import with, or None for plain events (the column aliases)."""
    if format is None:
        return sniff_format(source) if columns is None else None
    name = format.lower()
    if name not in EVENT_FORMATS:
        if name not in READABLE_FORMATS:
            msg = (
                f"format must be a file format ({', '.join(READABLE_FORMATS)}) or an event "
                f"format ({', '.join(EVENT_FORMATS)}); got {format!r}"
            )
            raise ValueError(msg)
        return None
    if columns is not None:
        msg = (
            f"columns= cannot be combined with format={format!r}: the importer maps the "
            "columns itself; pass format='csv' (or the file's format) to map them yourself"
        )
        raise ValueError(msg)
    return name


def _require(mapping: Mapping[str, str], raw: RawTable, layouts: str = "") -> None:
    found = [str(c) for c in raw.frame.columns]
    failures = []
    for field in REQUIRED_FIELDS:
        if field in mapping:
            continue
        hint = did_you_mean(field, found)
        reason = (
            f"{Reason.MISSING_COLUMN.value} {field!r}; columns found: "
            f"{', '.join(map(repr, found)) or 'none'}"
        )
        if hint:
            reason += f"; did you mean {hint!r}? (pass columns={{{hint!r}: {field!r}}})"
        failures.append(
            {
                "row": "",
                "column": field,
                "value": "",
                "reason": reason,
                "code": Reason.MISSING_COLUMN.code,
            }
        )
    if failures:
        table = pd.DataFrame(failures, dtype=object)
        message = "; ".join(f["reason"] for f in failures)
        raise EventDataError(table, f"cannot load events: {message}{layouts}")
