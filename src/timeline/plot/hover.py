"""Hover text: what was reported (with a separate end), the normalized range, source,
claimant, reliability, quote.

Every value from the data is escaped (``timeline.text``) before it is joined with the few
tags plotly understands (``<b>``, ``<br>``, ``<i>``).
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from timeline.lists import is_list_cell
from timeline.plot.geometry import MS_PER_DAY, to_epoch_ms
from timeline.reference import known_until
from timeline.reported import reported_dates
from timeline.text import escape_series, escape_text, truncate

QUOTE_LIMIT = 280
TITLE_LIMIT = 160
WRAP = 70


def _dates(ms: np.ndarray, with_time: np.ndarray) -> pd.Series:
    stamps = pd.to_datetime(pd.Series(ms), unit="ms")
    day = stamps.dt.strftime("%d %b %Y").str.replace(r"^0", "", regex=True)
    clock = stamps.dt.strftime("%Y-%m-%d %H:%M")
    return day.where(~with_time, clock).fillna("")


def normalized_range(
    start: np.ndarray,
    end: np.ndarray,
    open_end: np.ndarray,
    open_start: np.ndarray | None = None,
) -> pd.Series:
    """Readable normalized bounds: ``19 Jun 2024``, ``21 Oct 2024 – 31 Oct 2024``, ...

    ``end`` is exclusive; when both bounds fall on midnight the last day shown is the one
    before ``end``. An open start (only the end is known) reads ``until <last day> (start
    unknown)``: the drawn start is only the edge of the data.

    Examples
    --------
    >>> import numpy as np
    >>> day = 86_400_000.0
    >>> normalized_range(np.array([0.0]), np.array([day]), np.array([False])).tolist()
    ['1 Jan 1970']
    >>> normalized_range(np.array([0.0]), np.array([10 * day]), np.array([True])).tolist()
    ['since 1 Jan 1970 (ongoing)']
    >>> normalized_range(np.array([0.0]), np.array([10 * day]), np.array([False]),
    ...                  np.array([True])).tolist()
    ['until 10 Jan 1970 (start unknown)']
    """
    on_midnight = (np.mod(start, MS_PER_DAY) == 0) & (np.mod(end, MS_PER_DAY) == 0)
    last = np.where(on_midnight, end - MS_PER_DAY, end)
    first_text = _dates(start, ~on_midnight)
    last_text = _dates(last, ~on_midnight)
    same = (first_text == last_text).to_numpy()
    text = first_text + " – " + last_text
    text = text.where(~same, first_text)
    text = text.where(~open_end, "since " + first_text + " (ongoing)")
    if open_start is not None:
        text = text.where(~open_start, "until " + last_text + " (start unknown)")
    return text


def _flags(approximate: np.ndarray, uncertain: np.ndarray) -> pd.Series:
    flags = pd.Series([""] * len(approximate), dtype=object)
    flags = flags.where(~approximate, flags + " · approximate")
    flags = flags.where(~uncertain, flags + " · uncertain")
    return flags


def _wrap_quote(text: object) -> str:
    if not isinstance(text, str) or not text.strip():
        return ""
    escaped = escape_text(truncate(text.strip(), QUOTE_LIMIT))
    return "<i>“" + "<br>".join(textwrap.wrap(escaped, WRAP)) + "”</i>"


def _optional(events: pd.DataFrame, column: str) -> pd.Series | None:
    if column not in events:
        return None
    values = events[column]
    if not values.notna().any():
        return None
    return values


def _line(label: str, values: pd.Series | None) -> pd.Series | None:
    if values is None:
        return None
    text = escape_series(values.astype(object).map(_join_list))
    return text.where(text == "", "<br>" + label + ": " + text)


def _join_list(value: object) -> object:
    if is_list_cell(value):
        return ", ".join(str(item) for item in value)
    return value


def hover_text(
    events: pd.DataFrame,
    start: np.ndarray,
    end: np.ndarray,
    open_end: np.ndarray,
    open_start: np.ndarray | None = None,
) -> np.ndarray:
    """One escaped hover text per event (row of ``events``).

    Parameters
    ----------
    events : pandas.DataFrame
        Canonical event frame (the rows to describe).
    start, end, open_end, open_start : numpy.ndarray
        From :func:`timeline.plot.geometry.event_geometry` (``open_start`` optional).

    Returns
    -------
    numpy.ndarray
        Object array of strings.
    """
    n = len(events)
    reset = events.reset_index(drop=True)
    title = escape_series(
        reset["title"].astype(object).map(lambda t: truncate(str(t), TITLE_LIMIT))
    )
    reported = escape_series(reported_dates(reset)) if "date_text" in reset else None
    text = "<b>" + title + "</b>"
    if reported is not None:
        text = text + "<br>" + reported.where(reported != "", "(no date text)")
        text = text + " <span style='color:#666'>(as reported)</span>"
    approx = reset["approximate"].fillna(False).to_numpy(bool) if "approximate" in reset else None
    unsure = reset["uncertain"].fillna(False).to_numpy(bool) if "uncertain" in reset else None
    flags = _flags(
        approx if approx is not None else np.zeros(n, bool),
        unsure if unsure is not None else np.zeros(n, bool),
    )
    dates = normalized_range(start, end, open_end, open_start)
    known = to_epoch_ms(known_until(reset))
    reported_ongoing = np.asarray(open_end, dtype=bool) & ~np.isnan(known)
    if reported_ongoing.any():  # known to be ongoing as of its own report date, no later
        as_of = "(ongoing as of " + _dates(known, np.zeros(n, dtype=bool)) + ")"
        ongoing = dates.str.replace("(ongoing)", "", regex=False) + as_of
        dates = dates.where(~reported_ongoing, ongoing)
    text = text + "<br>" + dates + flags
    for label, column in (("Source", "source"), ("Claimant", "claimant")):
        line = _line(label, _optional(reset, column))
        if line is not None:
            text = text + line
    reliability = _optional(reset, "reliability")
    credibility = _optional(reset, "credibility")
    if reliability is not None or credibility is not None:
        rel = escape_series(reliability) if reliability is not None else pd.Series([""] * n)
        cred = (
            escape_series(credibility.astype(object).map(_int_text))
            if (credibility is not None)
            else pd.Series([""] * n)
        )
        grade = rel + cred
        text = text + grade.where(grade == "", "<br>Reliability: " + grade)
    quote = _optional(reset, "quote")
    if quote is not None:
        wrapped = quote.map(_wrap_quote)
        text = text + wrapped.where(wrapped == "", "<br>" + wrapped)
    return text.to_numpy(dtype=object)


def _int_text(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value
