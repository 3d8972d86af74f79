"""The details pane: the full record of one event, every value escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from timeline.cells import cell_text

PLACEHOLDER = "Click an event in the figure or a row of the table to read it in full."
HIDDEN_PREFIX = "__"  # helper columns of timeline.filters


def format_value(value: Any) -> str:
    """A cell as plain text: lists joined with "; ", dates without a midnight time.

    Missing values give ``""``.

    Examples
    --------
    >>> format_value(["Kim", "Putin"])
    'Kim; Putin'
    >>> format_value(pd.Timestamp("2024-06-19"))
    '2024-06-19'
    >>> format_value(float("nan"))
    ''
    """
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    return cell_text(value) or ""


def details_html(record: Mapping[str, Any] | pd.Series) -> str:
    """One event's every non-empty field as an HTML definition table (escaped).

    Parameters
    ----------
    record
        A row of the event frame (``events.iloc[i]``) or a mapping of column to value.

    Examples
    --------
    >>> html_text = details_html({"title": "<b>Summit</b>", "actors": ["Kim", "Putin"]})
    >>> "&lt;b&gt;Summit&lt;/b&gt;" in html_text, "Kim; Putin" in html_text
    (True, True)
    """
    items = record.items()
    title = html.escape(format_value(dict(items).get("title", "")))
    rows = []
    for name, value in record.items():
        if str(name).startswith(HIDDEN_PREFIX):
            continue
        text = format_value(value)
        if not text:
            continue
        rows.append(
            '<tr><th style="text-align:left;padding:2px 8px 2px 0;vertical-align:top;'
            f'color:#555;font-weight:normal">{html.escape(str(name))}</th>'
            f'<td style="padding:2px 0;white-space:pre-wrap">{html.escape(text)}</td></tr>'
        )
    return (
        f'<div class="tl-details"><div style="font-weight:bold;margin-bottom:4px">{title}</div>'
        f'<table style="border-collapse:collapse;font-size:12px">{"".join(rows)}</table></div>'
    )


def placeholder_html() -> str:
    """What the pane shows before an event is chosen."""
    return f'<div class="tl-details" style="color:#666">{html.escape(PLACEHOLDER)}</div>'
