"""The canonical event frame: its columns, their order and their dtypes."""

from __future__ import annotations

PRECISIONS: tuple[str, ...] = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "third",
    "half",
    "year",
    "decade",
    "century",
)
"""Date precisions from finest to coarsest (the categories of ``*_precision``)."""

KINDS: tuple[str, ...] = ("instant", "span", "era")
"""Event kinds: one fuzzy moment, a process with a start and an end, a background period."""

DATE_COLUMNS: tuple[str, ...] = (
    "start",
    "end",
    "start_precision",
    "end_precision",
    "kind",
    "open_end",
    "approximate",
    "uncertain",
    "edtf",
)
"""Columns that the date engine produces for every parsed date."""

REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "title",
    "date_text",
    *DATE_COLUMNS,
    "reported_on",
)
"""Columns every canonical event frame has, in this order."""

OPTIONAL_COLUMNS: tuple[str, ...] = (
    "description",
    "category",
    "actors",
    "location",
    "latitude",
    "longitude",
    "source",
    "source_url",
    "reliability",
    "credibility",
    "quote",
    "quantity",
    "tags",
)
"""Known optional columns, kept in this order after the required ones when present."""

DATETIME_DTYPE = "datetime64[us]"
"""Resolution of ``start``, ``end`` and ``reported_on``: microseconds hold years 1-9999."""
