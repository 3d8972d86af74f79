"""What to draw for each event: instants, fuzzy windows, span cores, fuzzy ends, open ends.

Everything is numeric (float epoch milliseconds) and vectorized. Conventions from the
event model: ``end`` is exclusive; an instant's fuzzy window is ``[start, end)``; a span's
start lies within its first ``start_precision`` unit and its end within its last
``end_precision`` unit; an ``open_end`` span runs to the reference date, solid up to its
own report date (what is known) and faded after it (see :mod:`timeline.reference`).

An open start ("before 1750", "until spring 2025": a span with only an end) is drawn from
the left edge of the data: the earliest start of any row, or one ``end_precision`` unit
before its end when that is earlier. The whole span is faded (nothing of it is certain)
and its start carries a left-pointing marker, the mirror of an open end's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.plot.precision import FUZZY_PRECISIONS, shift_by_precision
from timeline.reference import frame_reference, known_until

MS_PER_DAY = 86_400_000.0

CERTAIN, APPROXIMATE, UNCERTAIN = 0, 1, 2
"""Date-quality styles; ``uncertain`` wins when an event is both."""


def to_epoch_ms(values: object) -> np.ndarray:
    """Datetimes to float epoch milliseconds (NaT -> NaN).

    Examples
    --------
    >>> import numpy as np
    >>> to_epoch_ms(np.array(["1970-01-02", "NaT"], dtype="datetime64[us]")).tolist()
    [86400000.0, nan]
    """
    array = np.asarray(values, dtype="datetime64[us]")
    ms = array.astype(np.int64).astype(np.float64) / 1000.0
    ms[np.isnat(array)] = np.nan
    return ms


def reference_ms(events: pd.DataFrame, reference_date: object) -> float:
    """The reference date (:func:`timeline.reference.frame_reference`) in epoch ms.

    A figure needs an edge for ongoing spans even without any report date: then today
    (UTC), the only place the figures use it.
    """
    when = frame_reference(events, reference_date)
    if when is None:
        when = pd.Timestamp.now(tz="UTC").tz_localize(None).normalize()
    return float(to_epoch_ms(np.array([when.to_datetime64()]))[0])


def earliest_start(events: pd.DataFrame) -> float:
    """The earliest known ``start`` of any row (eras included) in epoch ms; NaN when none.

    Examples
    --------
    >>> frame = pd.DataFrame({"start": pd.to_datetime(["1970-01-03", None, "1970-01-02"])})
    >>> earliest_start(frame) / MS_PER_DAY
    1.0
    """
    if not len(events):
        return float("nan")
    starts = to_epoch_ms(events["start"].to_numpy(dtype="datetime64[us]"))
    return float(np.nanmin(starts)) if np.isfinite(starts).any() else float("nan")


def open_start_edges(events: pd.DataFrame, earliest: float | None = None) -> np.ndarray:
    """Where each row's open start is drawn, in epoch ms (NaN for rows with a start).

    A row has an open start when it has an ``end`` but no ``start``. It is drawn from
    ``earliest`` (default: :func:`earliest_start` of ``events``) or from one
    ``end_precision`` unit before its end, whichever is earlier, so it is never shorter
    than the unit its end was given in.

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "start": pd.to_datetime([None, "2024-06-01", None]),
    ...     "end": pd.to_datetime(["1750-01-01", "2024-07-01", "2025-06-01"]),
    ...     "end_precision": ["year", "month", "season"],
    ... })
    >>> [str(pd.Timestamp(ms, unit="ms").date()) if ms == ms else None
    ...  for ms in open_start_edges(frame)]
    ['1749-01-01', None, '2024-06-01']
    """
    start_dt = events["start"].to_numpy(dtype="datetime64[us]")
    end_dt = events["end"].to_numpy(dtype="datetime64[us]")
    open_start = np.isnat(start_dt) & ~np.isnat(end_dt)
    edges = np.full(len(events), np.nan)
    if not open_start.any():
        return edges
    if earliest is None:
        earliest = earliest_start(events)
    precision = _precision_column(events, "end_precision").to_numpy(dtype=object)
    last_unit = to_epoch_ms(
        shift_by_precision(end_dt[open_start], pd.Series(precision[open_start]), -1)
    )
    edges[open_start] = np.fmin(last_unit, earliest)
    return edges


def _bool_column(events: pd.DataFrame, name: str) -> np.ndarray:
    if name not in events:
        return np.zeros(len(events), dtype=bool)
    return events[name].fillna(False).to_numpy(dtype=bool)


def _precision_column(events: pd.DataFrame, name: str) -> pd.Series:
    if name not in events:
        return pd.Series(["day"] * len(events), dtype="category")
    column = events[name].reset_index(drop=True)
    if column.isna().any():
        column = column.astype(object).fillna("day")
    return column


@dataclass(frozen=True)
class EventGeometry:
    """One entry per event (frame row); all times are float epoch ms."""

    is_span: np.ndarray  # span (True) or instant (False)
    start: np.ndarray  # earliest possible start
    end: np.ndarray  # latest possible end (open spans: the reference date)
    core_start: np.ndarray  # spans: certainly under way from here...
    core_end: np.ndarray  # ...until here (core_end <= core_start: no certain part)
    point: np.ndarray  # instants: where the marker sits (window middle); spans: middle
    fuzzy: np.ndarray  # instant with a window longer than a day / span with fuzzy ends
    open_end: np.ndarray
    open_start: np.ndarray  # only the end is known: drawn from the left edge, all faded
    style: np.ndarray  # CERTAIN, APPROXIMATE or UNCERTAIN
    has_time: bool  # some bound is finer than a day (keep float64 positions)


def event_geometry(
    events: pd.DataFrame, reference: float, earliest: float | None = None
) -> EventGeometry:
    """Compute the drawn extents of every non-era event.

    Parameters
    ----------
    events : pandas.DataFrame
        Canonical event frame (era rows already removed; every row has a start or an end).
    reference : float
        Reference date in epoch ms; open spans are drawn to it.
    earliest : float, optional
        Left edge of the data in epoch ms, where open starts are drawn from (see
        :func:`open_start_edges`); default the earliest start in ``events``.

    Returns
    -------
    EventGeometry
    """
    start_dt = events["start"].to_numpy(dtype="datetime64[us]")
    end_dt = events["end"].to_numpy(dtype="datetime64[us]")
    start_precision = _precision_column(events, "start_precision")
    end_precision = _precision_column(events, "end_precision")
    open_start = np.isnat(start_dt) & ~np.isnat(end_dt)
    is_span = (events["kind"] == "span").to_numpy(dtype=bool) | open_start
    open_end = _bool_column(events, "open_end") & is_span & ~open_start

    # a missing end means one unit of the start precision (a closed instant or span)
    implied_end = shift_by_precision(start_dt, start_precision, 1)
    end_dt = np.where(np.isnat(end_dt), implied_end, end_dt)

    start = to_epoch_ms(start_dt)
    if open_start.any():
        start = np.where(open_start, open_start_edges(events, earliest), start)
    end = to_epoch_ms(end_dt)
    end = np.where(open_end, np.maximum(reference, start), end)
    end = np.maximum(end, start)

    fuzzy_units = list(FUZZY_PRECISIONS)
    start_fuzzy = is_span & start_precision.isin(fuzzy_units).to_numpy(dtype=bool)
    end_fuzzy = is_span & ~open_end & end_precision.isin(fuzzy_units).to_numpy(dtype=bool)
    first_unit_end = to_epoch_ms(shift_by_precision(start_dt, start_precision, 1))
    last_unit_start = to_epoch_ms(shift_by_precision(end_dt, end_precision, -1))
    core_start = np.where(start_fuzzy, np.minimum(first_unit_end, end), start)
    core_start = np.where(open_start, end, core_start)  # no part of it is certain
    core_end = np.where(end_fuzzy, np.maximum(last_unit_start, start), end)
    # An ongoing span is known to be under way until its own report date, not after it:
    # from there to the reference date it is drawn faded, like any unknown part.
    known = to_epoch_ms(known_until(events))
    unreported = open_end & (known < end)  # False where the report date is missing
    core_end = np.where(unreported, np.maximum(known, core_start), core_end)

    window_fuzzy = ~is_span & (end - start > MS_PER_DAY)
    fuzzy = window_fuzzy | start_fuzzy | end_fuzzy | open_start | unreported
    point = (start + end) / 2

    style = np.full(len(events), CERTAIN, dtype=np.int8)
    style[_bool_column(events, "approximate")] = APPROXIMATE
    style[_bool_column(events, "uncertain")] = UNCERTAIN
    has_time = bool(start_precision.eq("time").any() or end_precision.eq("time").any())
    return EventGeometry(
        is_span=is_span,
        start=start,
        end=end,
        core_start=core_start,
        core_end=core_end,
        point=point,
        fuzzy=fuzzy,
        open_end=open_end,
        open_start=open_start,
        style=style,
        has_time=has_time,
    )
