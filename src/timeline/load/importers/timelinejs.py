"""TimelineJS (Knight Lab): the Google-sheet CSV and the JSON format.

A slide's date comes in parts (Year, Month, Day, Time; End Year ...); the finest part given
sets the precision: ``1843`` is a year, ``1843-07`` a month, ``1843-07-10`` a day. A slide
with an end is a span. ``Type=title`` is the timeline's title (``events.attrs["title"]``,
not an event) and ``Type=era`` rows are eras (``kind == "era"``). Headline, text, media
caption and credit are HTML: they are stored as plain text (tags stripped, link targets
kept in parentheses), so nothing is ever rendered as markup.

Years 1-9999 load (years before 1677, which nanosecond pandas cannot hold, included: the
frame is microsecond-based). Year 0 and negative (BCE) years, and years after 9999, are
rejected with a reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from timeline.errors import Reason
from timeline.load.build import LoadResult
from timeline.load.importers.common import (
    DERIVED_PREFIX,
    RowChecks,
    build,
    column_text,
    derived,
    find_columns,
    plain_value,
    require_columns,
)
from timeline.load.importers.html_text import html_column_to_text, html_to_text
from timeline.load.importers.timelinejs_json import read_json
from timeline.load.importers.timelinejs_layout import Layout
from timeline.load.readers import RawTable, read_table

NAME = "timelinejs"
LABEL = "TimelineJS sheet (CSV) or JSON"
SIGNATURE = ("year", "month", "day", "headline")
"""Sheet columns that identify a TimelineJS CSV (compared ignoring case and punctuation)."""

MIN_YEAR, MAX_YEAR = 1, 9999
SHEET_COLUMNS = (
    "year",
    "month",
    "day",
    "time",
    "end_year",
    "end_month",
    "end_day",
    "end_time",
    "headline",
    "text",
    "media_caption",
    "media_credit",
    "type",
    "group",
    "unique_id",
)
_SHEET_NAMES = {
    "year": "Year",
    "month": "Month",
    "day": "Day",
    "time": "Time",
    "end_year": "End Year",
    "end_month": "End Month",
    "end_day": "End Day",
    "end_time": "End Time",
}
SHEET_HTML = ("headline", "text", "media_caption", "media_credit")
"""Sheet columns holding HTML, stored as plain text."""

_INTEGER = re.compile(r"^([+-]?\d+)(?:\.0*)?$")
_CLOCK = re.compile(
    r"^(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d{1,6}))?)?)?"
    r"\s*(?P<half>[AaPp]\.?[Mm]\.?)?$"
)


def read(source: object, file_format: str | None = None) -> RawTable:
    """Read a TimelineJS sheet (CSV, XLSX, DataFrame) or JSON file into a raw table."""
    if (
        isinstance(source, (str, Path))
        and (file_format or Path(source).suffix).lower().lstrip(".") == "json"
    ):
        return read_json(Path(source))
    return _read_sheet(read_table(source, file_format))


def load(
    source: object,
    reference_date: object = None,
    dayfirst: bool | None = None,
    conventions: object = None,
    file_format: str | None = None,
) -> LoadResult:
    """Import a TimelineJS sheet or JSON file (a :class:`~timeline.load.build.LoadResult`)."""
    raw = read(source, file_format)
    layout: Layout = raw.attrs.pop("_layout")
    return build_timelinejs(raw, layout, reference_date, dayfirst, conventions)


def _read_sheet(raw: RawTable) -> RawTable:
    """Take the title row out of a sheet and describe where its columns are."""
    frame = raw.frame
    cols = find_columns(frame, SHEET_COLUMNS)
    require_columns(cols, ("year", "headline"), NAME, frame)
    kind = column_text(frame, cols.get("type")).str.lower()
    titles = np.flatnonzero(kind.eq("title").to_numpy())
    attrs = dict(raw.attrs)
    rejected = list(raw.rejected)
    if len(titles):
        first = titles[0]
        attrs.update(_title_attrs(frame.iloc[first], cols))
        for extra in titles[1:]:
            rejected.append(
                {
                    "row": raw.rows[extra],
                    "column": cols["type"],
                    "value": "title",
                    "reason": f"a second title row: the timeline's title is row {raw.rows[first]}",
                    "code": Reason.BAD_VALUE.code,
                }
            )
        keep = np.ones(len(frame), dtype=bool)
        keep[titles] = False
        frame = frame.loc[keep].reset_index(drop=True)
        kind = kind.loc[keep].reset_index(drop=True)
        rows = [label for label, ok in zip(raw.rows, keep, strict=True) if ok]
        raw = RawTable(frame, rows, rejected, attrs)
    raw.frame = raw.frame.copy(deep=False)
    raw.frame[derived("kind")] = kind
    raw.attrs["_layout"] = Layout(
        start={part: cols.get(part) for part in ("year", "month", "day", "time")},
        end={part: cols.get(f"end_{part}") for part in ("year", "month", "day", "time")},
        headline=cols.get("headline"),
        text=cols.get("text"),
        group=cols.get("group"),
        unique_id=cols.get("unique_id"),
        html=[cols[name] for name in SHEET_HTML if name in cols],
        labels={part: cols.get(part, _SHEET_NAMES[part]) for part in _SHEET_NAMES},
    )
    return raw


def _title_attrs(row: pd.Series, cols: dict[str, str]) -> dict[str, object]:
    """The title row as small plain values: its headline, and every cell it fills."""
    cells = {
        str(name): html_to_text(str(value)) if name in _html_names(cols) else str(value).strip()
        for name, value in row.items()
        if value is not None and value == value and str(value).strip()
    }
    headline = cells.get(cols["headline"], "")
    attrs: dict[str, object] = {"title": headline, "title_row": cells}
    if cols.get("text") in cells:
        attrs["title_text"] = cells[cols["text"]]
    return attrs


def _html_names(cols: dict[str, str]) -> set[str]:
    return {cols[name] for name in SHEET_HTML if name in cols}


def build_timelinejs(
    raw: RawTable,
    layout: Layout,
    reference_date: object,
    dayfirst: bool | None,
    conventions: object,
) -> LoadResult:
    """Derive the canonical fields of TimelineJS slides and eras and build the events."""
    frame = raw.frame.copy(deep=False)
    checks = RowChecks(raw)
    source_columns = [c for c in frame.columns if not str(c).startswith(DERIVED_PREFIX)]
    blank = np.logical_and.reduce(
        [column_text(frame, c).isna().to_numpy() for c in source_columns],
        initial=True,
    )
    checks.add(blank, "", [""] * len(frame), "empty row", Reason.EMPTY_ROW)

    for name in layout.html:
        frame[name] = html_column_to_text(column_text(frame, name))
    era = frame[derived("kind")].eq("era").fillna(False).to_numpy()
    start_labels = {part: layout.labels.get(part, part) for part in layout.start}
    end_labels = {part: layout.labels.get(f"end_{part}", f"end_{part}") for part in layout.end}
    start = date_text(frame, layout.start, start_labels, checks, required=True, skip=blank)
    end = date_text(frame, layout.end, end_labels, checks, required=False, skip=blank)
    no_end = era & end.isna().to_numpy() & ~blank & start.notna().to_numpy()
    checks.add(
        no_end,
        end_labels["year"],
        [""] * len(frame),
        "an era needs an end year",
        Reason.BAD_DATE,
    )

    frame[derived("date_text")] = start
    frame[derived("end_text")] = end
    mapping = {name: derived(name) for name in ("date_text", "end_text", "kind")}
    # Headline, text, group and id are taken over by title, description, category, event_id.
    for canonical, name in (
        ("title", layout.headline),
        ("description", layout.text),
        ("category", layout.group),
        ("event_id", layout.unique_id),
    ):
        if name is not None:
            mapping[canonical] = name
    if layout.headline is None:  # no headline anywhere: every slide fails "title is empty"
        frame[derived("title")] = column_text(frame, None)
        mapping["title"] = derived("title")
    table, _ = checks.apply(frame)
    return build(table, mapping, NAME, reference_date, dayfirst, conventions)


def date_text(
    frame: pd.DataFrame,
    parts: dict[str, str | None],
    labels: dict[str, str],
    checks: RowChecks,
    *,
    required: bool,
    skip: np.ndarray,
) -> pd.Series:
    """The date expression of each row from its year/month/day/time columns.

    Problems (a month of 13, a day without a month, a BCE year) become row failures
    naming the part's column (``labels``); the expression is then missing.
    """
    values = {part: column_text(frame, name).to_numpy(dtype=object) for part, name in parts.items()}
    out = np.full(len(frame), None, dtype=object)
    for i in range(len(frame)):
        if skip[i]:
            continue
        cells = {part: plain_value(values[part][i]) for part in parts}
        text, problem = date_expression(cells, labels, required)
        if problem is not None:
            checks.add_one(i, *problem, Reason.BAD_DATE)
        out[i] = text
    return pd.Series(out, index=frame.index, dtype="str")


def date_expression(
    cells: dict[str, str | None], columns: dict[str, str], required: bool = True
) -> tuple[str | None, tuple[str, object, str] | None]:
    """One slide's date parts as an expression, or the problem ``(column, value, reason)``.

    Examples
    --------
    >>> cols = {"year": "Year", "month": "Month", "day": "Day", "time": "Time"}
    >>> date_expression({"year": "1843", "month": "7", "day": None, "time": None}, cols)
    ('1843-07', None)
    >>> date_expression({"year": "-500", "month": None, "day": None, "time": None}, cols)[1]
    ('Year', '-500', 'year -500 (BCE) is outside the supported range 1-9999')
    """

    def name(part: str) -> str:
        return columns.get(part, part)

    year_text = cells.get("year")
    if year_text is None:
        given = [part for part in ("month", "day", "time") if cells.get(part)]
        if given:
            return None, (name(given[0]), cells[given[0]], f"{name(given[0])} given without a year")
        if required:
            return None, (name("year"), "", "the year is empty: every slide needs a start year")
        return None, None
    match = _INTEGER.match(year_text)
    if match is None:
        return None, (name("year"), year_text, "the year must be a whole number")
    year = int(match.group(1))
    if not MIN_YEAR <= year <= MAX_YEAR:
        era = " (BCE)" if year < 1 else ""
        reason = f"year {year}{era} is outside the supported range {MIN_YEAR}-{MAX_YEAR}"
        return None, (name("year"), year_text, reason)
    text = f"{year:04d}"
    month_text, day_text, time_text = cells.get("month"), cells.get("day"), cells.get("time")
    if month_text is not None:
        month = _integer(month_text)
        if month is None or not 1 <= month <= 12:
            return None, (name("month"), month_text, "the month must be a whole number 1-12")
        text += f"-{month:02d}"
    if day_text is not None:
        day = _integer(day_text)
        if month_text is None:
            return None, (name("day"), day_text, "a day needs a month")
        if day is None or not 1 <= day <= 31:
            return None, (name("day"), day_text, "the day must be a whole number 1-31")
        text += f"-{day:02d}"
    if time_text is not None:
        if day_text is None:
            return None, (name("time"), time_text, "a time needs a day")
        clock = clock_text(time_text)
        if clock is None:
            reason = "the time must read like 13:30, 13:30:15 or 1:30 PM"
            return None, (name("time"), time_text, reason)
        text += f"T{clock}"
    return text, None


def _integer(text: str) -> int | None:
    match = _INTEGER.match(text)
    return int(match.group(1)) if match else None


def clock_text(text: str) -> str | None:
    """A sheet time (``13:30``, ``1:30:05 PM``, ``9``) as ``HH[:MM[:SS[.f]]]``, else None.

    Examples
    --------
    >>> clock_text("1:30 PM"), clock_text("00:05:09.5"), clock_text("25:00")
    ('13:30', '00:05:09.5', None)
    """
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    hour = int(match["hour"])
    half = (match["half"] or "").replace(".", "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    minute = int(match["minute"]) if match["minute"] else None
    second = int(match["second"]) if match["second"] else None
    if hour > 23 or (minute or 0) > 59 or (second or 0) > 59:
        return None
    clock = f"{hour:02d}"
    if minute is not None:
        clock += f":{minute:02d}"
    if second is not None:
        clock += f":{second:02d}"
    if match["fraction"]:
        clock += f".{match['fraction']}"
    return clock
