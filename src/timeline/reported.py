"""The date as reported: ``date_text``, joined with ``end_text`` when the source gave one.

A source with a separate end column ("August 2024" to "the spring of 2025") reported a
span; showing ``date_text`` alone would turn it into a start. Hover text, the TimelineJS
``display_date`` and the deck's tables all show the same joined text. The result is plain
text: callers escape it for HTML or XML.
"""

from __future__ import annotations

import pandas as pd

from timeline.text import is_missing

SEPARATOR = " – "


def _clean(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def reported_date(date_text: object, end_text: object = None) -> str:
    """``date_text``, or ``"date_text – end_text"`` when an end was reported separately.

    Parameters
    ----------
    date_text : object
        The date (or start) as reported; missing gives ``""``.
    end_text : object, optional
        The end as reported in its own column; missing or blank adds nothing.

    Returns
    -------
    str

    Examples
    --------
    >>> reported_date("August 2024", "the spring of 2025")
    'August 2024 – the spring of 2025'
    >>> reported_date("June 2024", None)
    'June 2024'
    >>> reported_date(None, "2025")
    '– 2025'
    """
    start, end = _clean(date_text), _clean(end_text)
    if not end:
        return start
    return f"{start}{SEPARATOR}{end}" if start else SEPARATOR.lstrip() + end


def reported_dates(events: pd.DataFrame) -> pd.Series:
    """:func:`reported_date` for every row of an event frame (vectorized; same index).

    Uses ``date_text`` and, when the frame has it, ``end_text``.

    Examples
    --------
    >>> frame = pd.DataFrame({"date_text": ["August 2024", "June 2024"],
    ...                       "end_text": ["the spring of 2025", None]})
    >>> reported_dates(frame).tolist()
    ['August 2024 – the spring of 2025', 'June 2024']
    """
    if "date_text" in events:
        start = events["date_text"].astype(object)
        start = start.where(start.notna(), "").astype(str).str.strip()
    else:
        start = pd.Series("", index=events.index, dtype=object)
    if "end_text" not in events:
        return start.astype(object)
    end = events["end_text"].astype(object)
    end = end.where(end.notna(), "").astype(str).str.strip()
    has_end = end != ""
    joined = start.where(start == "", start + SEPARATOR) + end
    joined = joined.where(start != "", SEPARATOR.lstrip() + end)
    return start.where(~has_end, joined).astype(object)
