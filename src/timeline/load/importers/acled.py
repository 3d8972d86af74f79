"""ACLED exports (Armed Conflict Location & Event Data): one row per coded event.

``time_precision`` says how well the source dated the event: 1 the day itself; 2 some day in
the week or so around the coded ``event_date`` (we take the seven days centred on it,
approximate); 3 only the month (the calendar month of the coded date).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from timeline.errors import Reason
from timeline.load.build import LoadResult
from timeline.load.importers.common import (
    as_windows,
    build,
    check_days,
    derived,
    join_text,
    parse_days,
    start_import,
    take_columns,
    tight_separators,
    whole_number_text,
)
from timeline.load.readers import RawTable, read_table
from timeline.load.speed import Background
from timeline.load.text_cells import split_list

NAME = "acled"
LABEL = "ACLED export"
SIGNATURE = ("event_id_cnty", "event_date", "time_precision", "event_type")
"""Columns that identify an ACLED export (compared ignoring case and punctuation)."""

REQUIRED = ("event_date", "time_precision")
RENAMED = {
    "event_id": "event_id_cnty",
    "description": "notes",
    "location": "location",
    "latitude": "latitude",
    "longitude": "longitude",
    "source": "source",
    "tags": "tags",
}
"""Canonical fields that take an ACLED column over (the column is renamed)."""
COPIED = {"category": "event_type", "quantity": "fatalities"}
"""Canonical fields that copy an ACLED column (the column stays too)."""
COLUMNS = (
    *REQUIRED,
    *RENAMED.values(),
    *COPIED.values(),
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
)
ACTOR_COLUMNS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
"""The actors of an event, in this order; associated actors hold several, "A; B"."""
WEEK_HALF_WIDTH = 3
"""Precision 2: days either side of the coded date (a week centred on it)."""

_PRECISIONS = {"1": "day", "2": "week", "3": "month"}


WHOLE_NUMBERS = ("year", "inter1", "inter2", "interaction", "iso", "geo_precision", "timestamp")
"""Columns ACLED codes as whole numbers that the importer keeps as they are."""


def read(source: object, file_format: str | None = None) -> RawTable:
    """Read an ACLED CSV/XLSX/Parquet export or DataFrame as it is."""
    return read_table(source, file_format, whole_numbers=WHOLE_NUMBERS)


def date_expressions(days: np.ndarray, precision: pd.Series) -> pd.Series:
    """The date text for each row, from the coded day and ``time_precision`` (as text).

    Each distinct (day, precision) pair is written once, then copied to its rows.

    Examples
    --------
    >>> days = np.array(["2024-03-05", "2024-03-05", "2024-03-05"], dtype="datetime64[D]")
    >>> date_expressions(days, pd.Series(["1", "2", "3"])).tolist()
    ['2024-03-05', '2024-03-02~/2024-03-08~', '2024-03']
    >>> old = np.array(["1969-12-31", "NaT"], dtype="datetime64[D]")
    >>> date_expressions(old, pd.Series(["2", "1"])).tolist()
    ['1969-12-28~/1970-01-03~', nan]
    """
    import pyarrow as pa

    # one int64 key per row: the day number and the precision (0 when unknown)
    level = np.zeros(len(precision), dtype=np.int64)
    for code, name in enumerate(_PRECISIONS, start=1):
        level[precision.eq(name).fillna(False).to_numpy(dtype=bool)] = code
    day_numbers = np.asarray(days, dtype="datetime64[D]").view(np.int64)
    known = ~np.isnat(days) & (level > 0)
    unknown = np.iinfo(np.int64).min
    codes, distinct = pd.factorize(np.where(known, day_numbers * 4 + level, unknown))
    names = ["", *_PRECISIONS]
    texts: list[str | None] = []
    for value in distinct.tolist():
        if value == unknown:
            texts.append(None)
            continue
        day_number, code = divmod(value, 4)  # floor division: days before 1970 too
        day = (np.datetime64(0, "D") + day_number).item()
        texts.append(_expression(day, names[code]))
    written = pa.array(texts, type=pa.large_string()).take(pa.array(codes))
    return pd.Series(pd.array(written, dtype="str"), index=precision.index)


def titles(event_type: pd.Series, sub_event_type: pd.Series, location: pd.Series) -> pd.Series:
    """ "Protests: Peaceful protest in Viedma" for each row (missing parts left out).

    Examples
    --------
    >>> text = lambda *v: pd.Series(v, dtype="str")
    >>> titles(text("Riots", None), text("Mob violence", None), text("Salta", "Jujuy")).tolist()
    ['Riots: Mob violence in Salta', 'Jujuy']
    """
    what = join_text([event_type, sub_event_type], ": ")
    return join_text([what, location], " in ")


def actor_lists(columns: list[pd.Series]) -> pd.Series:
    """The actors of each row, in column order, as a list column.

    Associated actors are written "A; B": joined without the space after ";", the items
    split apart clean, with no strip pass over them (:func:`split_list` still strips one
    that needs it).

    Examples
    --------
    >>> text = lambda *v: pd.Series(v, dtype="str")
    >>> actor_lists([text("Police"), text("A; B"), text(None), text("C")]).tolist()
    [['Police', 'A', 'B', 'C']]
    """
    parts = [tight_separators(column, ";") for column in columns]
    return split_list(join_text(parts, ";"))


def _expression(day: dt.date, level: str) -> str | None:
    if level == "1":
        return day.isoformat()
    if level == "2":
        half = dt.timedelta(days=WEEK_HALF_WIDTH)
        return f"{(day - half).isoformat()}~/{(day + half).isoformat()}~"
    if level == "3":
        return f"{day.year:04d}-{day.month:02d}"
    return None


def load(
    source: object,
    reference_date: object = None,
    dayfirst: bool | None = None,
    conventions: object = None,
    file_format: str | None = None,
) -> LoadResult:
    """Import an ACLED export into events (a :class:`~timeline.load.build.LoadResult`)."""
    raw = read(source, file_format)
    return build_acled(raw, reference_date, dayfirst, conventions)


def build_acled(
    raw: RawTable, reference_date: object, dayfirst: bool | None, conventions: object
) -> LoadResult:
    """Derive the canonical fields of an ACLED table and build the events."""
    raw, cols, frame, checks, text = start_import(raw, NAME, COLUMNS, REQUIRED, RENAMED)
    # The titles and the actor lists need only their own columns: on a large table they
    # are made in helper threads while this one reads the dates.
    helpers = Background(len(frame))
    title_job = helpers.submit(titles, text("event_type"), text("sub_event_type"), text("location"))
    raw.extras[derived("actors")] = helpers.submit(
        actor_lists, [text(name) for name in ACTOR_COLUMNS]
    )
    helpers.close()

    precision = whole_number_text(text("time_precision"))
    checks.add(
        ~precision.isin(list(_PRECISIONS)).to_numpy(),
        cols["time_precision"],
        precision,
        "time_precision must be 1 (the day), 2 (a week around the date) or 3 (the month)",
        Reason.BAD_VALUE,
    )
    event_date = text("event_date")
    days, why = parse_days(event_date, dayfirst, conventions)
    check_days(checks, cols["event_date"], event_date, why)

    frame[derived("date_text")] = date_expressions(days, precision.fillna(""))
    mapping = {field: derived(field) for field in ("title", "date_text", "actors")}
    take_columns(frame, cols, mapping, RENAMED, COPIED, text)
    frame[derived("title")] = title_job.result()

    table, kept = checks.apply(frame)
    result = build(table, mapping, NAME, reference_date, dayfirst, conventions)
    as_windows(result.events, precision.eq("2").fillna(False).to_numpy(dtype=bool)[kept], "week")
    return result
