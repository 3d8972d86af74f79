"""The reference date: one owner for "as of when" across loading, filters and figures.

The rules, in one place:

- A row's report date (``reported_on``) is what its relative dates ("since September")
  were resolved against. ``load_events(reference_date=)`` fills it for rows without one;
  nothing is ever filled with today.
- A frame's reference date is the one given, else the latest ``reported_on`` of the whole
  frame (:func:`frame_reference`), computed *before* any filter: relative filters
  ("since last week") resolve against it, the "as of" line marks it, and an ongoing span is
  drawn up to it. Filtering first would move it (the bug of issue 16), so the CLI, the
  explorer and ``tl.export(filters=)`` all take it from the unfiltered frame.
- An ongoing span is *known* to be under way only up to its own report date
  (:func:`known_until`); after that nothing is known. The figure draws that part solid and
  the rest, up to the reference date, faded like any other unknown part, ending in the
  open-end arrow.

Examples
--------
>>> import pandas as pd
>>> events = pd.DataFrame({"reported_on": pd.to_datetime(["2024-11-01", "2025-03-05"])})
>>> frame_reference(events)
Timestamp('2025-03-05 00:00:00')
>>> frame_reference(events, "2025-01-01")
Timestamp('2025-01-01 00:00:00')
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def latest_report(events: pd.DataFrame) -> pd.Timestamp | None:
    """The latest ``reported_on`` of the events (None without report dates).

    Examples
    --------
    >>> frame = pd.DataFrame({"reported_on": pd.to_datetime(["2025-01-02", "2025-03-04"])})
    >>> latest_report(frame)
    Timestamp('2025-03-04 00:00:00')
    """
    if "reported_on" in events and events["reported_on"].notna().any():
        return pd.Timestamp(events["reported_on"].max())
    return None


def as_timestamp(value: object, name: str = "reference_date") -> pd.Timestamp:
    """A date-like value as a tz-naive UTC timestamp; the error names ``name``.

    Examples
    --------
    >>> as_timestamp("2025-03-05T12:00+01:00")
    Timestamp('2025-03-05 11:00:00')
    """
    try:
        when = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        msg = f"{name}={value!r} is not a date"
        raise ValueError(msg) from exc
    if when is pd.NaT:
        msg = f"{name}={value!r} is not a date"
        raise ValueError(msg)
    if when.tzinfo is not None:
        when = when.tz_convert("UTC").tz_localize(None)
    return when


def frame_reference(events: pd.DataFrame, reference_date: object = None) -> pd.Timestamp | None:
    """The frame's reference date: ``reference_date`` if given, else :func:`latest_report`.

    Call it on the frame *before* filtering it, and pass the result on.

    Examples
    --------
    >>> frame_reference(pd.DataFrame({"title": ["x"]})) is None
    True
    """
    if reference_date is not None:
        return as_timestamp(reference_date)
    return latest_report(events)


def known_until(events: pd.DataFrame) -> np.ndarray:
    """Per row, the last instant its state is known: its report date (NaT when missing).

    An ongoing span is known to be under way until then; after it, nothing is known.

    Examples
    --------
    >>> frame = pd.DataFrame({"reported_on": pd.to_datetime(["2024-11-01", None])})
    >>> known_until(frame).astype(str).tolist()
    ['2024-11-01T00:00:00.000000', 'NaT']
    """
    if "reported_on" not in events:
        return np.full(len(events), np.datetime64("NaT"), dtype="datetime64[us]")
    return pd.to_datetime(events["reported_on"]).to_numpy(dtype="datetime64[us]")
