"""TimelineJS JSON: events with date parts, headline, text, group; eras.

TimelineJS (https://timeline.knightlab.com) shows only the date parts it is given, so each
date keeps its precision: "June 2024" is ``{"year": 2024, "month": 6}``. A fuzzy instant
whose window is not one whole year, month or day ("spring 2025", "late October") gets its
window as start and end dates; ``display_date`` always shows the date as reported (joined
with a separately reported end). Ongoing spans end at the report date and say so. A span
with only an end ("before 1750") starts where ``tl.plot`` draws it from, the left edge of
the data (TimelineJS needs a start), and its date and text say the start is unknown.
TimelineJS renders headline and text as HTML, so every value from the data is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.export.escaping import safe_json
from timeline.lists import is_arrow_list, is_list_cell
from timeline.plot.eras import Band, era_argument
from timeline.plot.geometry import earliest_start, open_start_edges, reference_ms
from timeline.reported import reported_dates
from timeline.schema import check_column
from timeline.text import escape_series, escape_text, is_missing

DAY_PARTS = ("year", "month", "day")
TIME_PARTS = (*DAY_PARTS, "hour", "minute", "second")
PARTS_BY_PRECISION = {
    "time": TIME_PARTS,
    "day": DAY_PARTS,
    "month": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
    "century": ("year",),
}
"""Date parts TimelineJS gets per precision; other precisions (week, season...) give days."""


def _has_time(stamp: pd.Timestamp) -> bool:
    return bool(stamp.hour or stamp.minute or stamp.second or stamp.microsecond)


def date_parts(stamp: pd.Timestamp, precision: object) -> dict[str, int]:
    """The TimelineJS date object of ``stamp`` at ``precision`` (finer when it needs to be).

    A date that does not fall on the start of its precision unit ("late October" starts on
    the 21st) gets the day, so the date object never moves it.

    Examples
    --------
    >>> date_parts(pd.Timestamp("2024-06-01"), "month")
    {'year': 2024, 'month': 6}
    >>> date_parts(pd.Timestamp("2024-10-21"), "month")
    {'year': 2024, 'month': 10, 'day': 21}
    """
    parts = PARTS_BY_PRECISION.get(str(precision), DAY_PARTS)
    if _has_time(stamp):
        parts = TIME_PARTS
    elif "day" not in parts and (stamp.day != 1 or ("month" not in parts and stamp.month != 1)):
        parts = DAY_PARTS
    return {part: int(getattr(stamp, part)) for part in parts}


def end_parts(
    end: pd.Timestamp, precision: object, at_least: tuple[str, ...] = ()
) -> dict[str, int]:
    """The TimelineJS date object of the last unit before an exclusive ``end``.

    ``at_least`` names parts to include anyway (an end as detailed as its start).

    Examples
    --------
    >>> end_parts(pd.Timestamp("2025-04-01"), "month")
    {'year': 2025, 'month': 3}
    >>> end_parts(pd.Timestamp("2025-06-01"), "season")
    {'year': 2025, 'month': 5, 'day': 31}
    """
    last = end - pd.Timedelta(microseconds=1)
    parts = PARTS_BY_PRECISION.get(str(precision), DAY_PARTS)
    if _has_time(end):
        return {part: int(getattr(end, part)) for part in TIME_PARTS}
    if "day" not in parts and (end.day != 1 or ("month" not in parts and end.month != 1)):
        parts = DAY_PARTS
    if len(at_least) > len(parts):
        parts = at_least
    return {part: int(getattr(last, part)) for part in parts}


def _within_one_unit(start: pd.Timestamp, end: pd.Timestamp, parts: dict[str, int]) -> bool:
    """True when ``[start, end)`` is no longer than the unit ``parts`` names (year, month, day)."""
    if "hour" in parts:
        return False
    if "day" in parts:
        return end - start <= _DAY
    if _has_time(end) or end.day != 1:
        return False
    months = (end.year - start.year) * 12 + end.month - start.month
    return months <= (1 if "month" in parts else 12)


_DAY = pd.Timedelta(days=1)
START_UNKNOWN = "Start unknown: only the end is known; shown from {:%Y-%m-%d}."


def _link(url: object) -> str:
    if is_missing(url):
        return ""
    text = str(url).strip()
    if not text.lower().startswith(("http://", "https://")):
        return ""
    return f' (<a href="{escape_text(text)}" target="_blank" rel="noopener">link</a>)'


def _body(row: Any, columns: Sequence[str]) -> str:
    paragraphs = []
    if "description" in columns and not is_missing(row.description):
        paragraphs.append(f"<p>{escape_text(row.description)}</p>")
    if "quote" in columns and not is_missing(row.quote):
        claimant = (
            f" — {escape_text(row.claimant)}"
            if "claimant" in columns and not is_missing(row.claimant)
            else ""
        )
        paragraphs.append(f"<p><i>“{escape_text(row.quote)}”</i>{claimant}</p>")
    if "source" in columns and not is_missing(row.source):
        url = _link(row.source_url) if "source_url" in columns else ""
        grade = ""
        if "reliability" in columns and not is_missing(row.reliability):
            grade = f", reliability {escape_text(row.reliability)}"
        paragraphs.append(f"<p>Source: {escape_text(row.source)}{grade}{url}</p>")
    return "".join(paragraphs)


def _groups(values: pd.Series) -> list[str | None]:
    """Escaped group label per row (list cells joined with "; "; missing: None)."""

    def label(value: object) -> str | None:
        if is_list_cell(value):
            items = [str(v) for v in value if not is_missing(v)]
            return escape_text("; ".join(items)) if items else None
        return None if is_missing(value) else escape_text(value)

    if values.dtype == object or is_arrow_list(values):
        return [label(v) for v in values.tolist()]
    escaped = escape_series(values)
    return [text or None for text in escaped.tolist()]


def _dates(row: Any, display: str, edge: float) -> tuple[dict, dict | None, str]:
    """(start_date, end_date or None, display text) of one event row.

    ``edge`` (epoch ms) is where a row with only an end is shown from.
    """
    if pd.isna(row.start):  # only the end is known: from the left edge, and say so
        start_date = date_parts(_edge_stamp(edge), row.end_precision)
        end_date = end_parts(pd.Timestamp(row.end), row.end_precision, tuple(start_date))
        return start_date, end_date, f"{display} (start unknown)"
    start = pd.Timestamp(row.start)
    start_date = date_parts(start, row.start_precision)
    if row.kind == "span" and (row.open_end or pd.isna(row.end)):
        if pd.isna(row.reported_on):
            return start_date, None, display + " (ongoing)"
        as_of = pd.Timestamp(row.reported_on)
        return start_date, date_parts(as_of, "day"), f"{display} (ongoing as of {as_of:%Y-%m-%d})"
    if pd.isna(row.end):
        return start_date, None, display
    end = pd.Timestamp(row.end)
    if row.kind != "span" and _within_one_unit(start, end, start_date):
        return start_date, None, display  # the start's unit says it all
    precision = row.end_precision if row.kind == "span" else row.start_precision
    return start_date, end_parts(end, precision, tuple(start_date)), display


def timelinejs_document(
    events: pd.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    group: str | None = None,
    eras: object = None,
) -> dict[str, Any]:
    """The TimelineJS JSON object for the events.

    Parameters
    ----------
    events : DataFrame
        A canonical event frame; rows of ``kind == "era"`` become TimelineJS eras.
    title, subtitle : str, optional
        The title slide (default: ``events.attrs["title"]``; no title slide without one).
    group : str, optional
        Column whose value groups the events (TimelineJS draws a row per group); default
        ``category`` when present.
    eras : DataFrame or list of (label, start, end), optional
        More eras besides the era rows, read as ``tl.plot`` reads ``eras=`` (text
        through the date engine: ``("x", "2024", "2025")`` ends on 31 December 2025).

    Returns
    -------
    dict
        ``{"title": ..., "events": [...], "eras": [...]}``.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["Summit"], "date": ["June 2024"]}))
    >>> timelinejs_document(events)["events"][0]["start_date"]
    {'year': 2024, 'month': 6}
    """
    if group is None and "category" in events.columns:
        group = "category"
    check_column(events, "group", group)
    columns = list(events.columns)
    has_date = (events["start"].notna() | events["end"].notna()).to_numpy()
    dated = events.loc[has_date]
    edges = open_start_edges(events)[has_date]  # as tl.plot draws open starts
    is_era = (dated["kind"].astype(object) == "era").to_numpy()
    marks = dated.loc[~is_era]
    headlines = escape_series(marks["title"]).tolist()
    displays = escape_series(reported_dates(marks)).tolist()
    groups = _groups(marks[group]) if group is not None else [None] * len(marks)
    items = []
    rows = zip(
        marks.itertuples(index=False), headlines, displays, groups, edges[~is_era], strict=True
    )
    for row, headline, display, label, edge in rows:
        start_date, end_date, shown = _dates(row, display, edge)
        body = _body(row, columns)
        if pd.isna(row.start):
            body = f"<p>{START_UNKNOWN.format(_edge_stamp(edge))}</p>{body}"
        item: dict[str, Any] = {
            "start_date": start_date,
            "display_date": shown,
            "text": {"headline": headline, "text": body},
            "unique_id": str(row.event_id),
        }
        if end_date is not None:
            item["end_date"] = end_date
        if label:
            item["group"] = label
        items.append(item)
    era_items = [
        _era(row, edge)
        for row, edge in zip(dated.loc[is_era].itertuples(index=False), edges[is_era], strict=True)
    ]
    bands = era_argument(eras, reference_ms(events, None), earliest_start(events))
    era_items += [_band_era(band) for band in bands]
    document: dict[str, Any] = {"events": items}
    headline = title if title is not None else events.attrs.get("title")
    if headline:
        document["title"] = {
            "text": {"headline": escape_text(headline), "text": escape_text(subtitle or "")}
        }
    if era_items:
        document["eras"] = era_items
    return document


def _edge_stamp(edge: float) -> pd.Timestamp:
    return pd.Timestamp(round(edge * 1000), unit="us")


def _era(row: Any, edge: float) -> dict[str, Any]:
    if pd.isna(row.start):  # only the end is known: from the left edge, as tl.plot draws it
        start_date = date_parts(_edge_stamp(edge), row.end_precision)
    else:
        start_date = date_parts(pd.Timestamp(row.start), row.start_precision)
    if not pd.isna(row.end):
        end_date = end_parts(pd.Timestamp(row.end), row.end_precision, tuple(start_date))
    else:  # an open era runs to its report date, like an ongoing span
        end_date = date_parts(pd.Timestamp(row.reported_on), "day")
    return {
        "start_date": start_date,
        "end_date": end_date,
        "text": {"headline": escape_text(row.title)},
    }


def _band_era(band: Band) -> dict[str, Any]:
    """A TimelineJS era from an ``eras=`` band (bounds read as ``tl.plot`` reads them)."""
    end = _edge_stamp(band.end)
    return {
        "start_date": date_parts(_edge_stamp(band.start), "day"),
        # an open era runs to the report date (that day included), like an ongoing span
        "end_date": date_parts(end, "day") if band.open_end else end_parts(end, "day"),
        "text": {"headline": escape_text(band.label)},
    }


def write_timelinejs(events: pd.DataFrame, path: Path, **options: Any) -> None:
    """Write :func:`timelinejs_document` as UTF-8 JSON (``<``, ``>``, ``&`` as ``\\u`` escapes).

    Examples
    --------
    >>> import tempfile, timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["Summit"], "date": ["2024"]}))
    >>> path = Path(tempfile.mkdtemp()) / "timeline.json"
    >>> write_timelinejs(events, path)
    >>> json.loads(path.read_text())["events"][0]["start_date"]
    {'year': 2024}
    """
    text = json.dumps(timelinejs_document(events, **options), ensure_ascii=False, indent=1)
    path.write_text(safe_json(text), encoding="utf-8")
