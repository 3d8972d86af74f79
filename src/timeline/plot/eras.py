"""Eras (background bands) and reference markers (vertical lines), as layout shapes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.plot.geometry import open_start_edges, to_epoch_ms
from timeline.plot.precision import shift_by_precision
from timeline.plot.style import ERA_COLOR, NOTE_COLOR
from timeline.text import escape_text, is_missing, truncate


@dataclass(frozen=True)
class Band:
    """A labelled period ``[start, end)`` in epoch ms.

    ``open_start``: only the end is known; ``start`` is the left edge of the data (see
    :func:`timeline.plot.geometry.open_start_edges`) and the label says so with a ◀.
    ``open_end``: no end is known; ``end`` is the reference date.
    """

    label: str
    start: float
    end: float
    open_start: bool = False
    open_end: bool = False


def _stamp(value: object, argument: str) -> pd.Timestamp:
    """A date-like value as a tz-naive UTC Timestamp (NaT for missing values)."""
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        msg = f"{argument}: {value!r} is not a date"
        raise ValueError(msg) from exc
    if stamp is pd.NaT:
        return stamp
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp


def _ms(value: object, argument: str) -> float:
    stamp = _stamp(value, argument)
    if stamp is pd.NaT:
        return float("nan")
    return float(to_epoch_ms(np.array([stamp.to_datetime64()]))[0])


def _stamp_ms(stamp: object) -> float:
    if stamp is None or stamp is pd.NaT:
        return float("nan")
    return float(to_epoch_ms(np.array([pd.Timestamp(stamp).to_datetime64()]))[0])


def _era_bound(value: object, side: str, label: str, reference: float | None) -> tuple[float, str]:
    """(epoch ms or NaN, precision) of an era's ``start`` or ``end`` argument.

    Text goes through the date engine: the start of the start's expression, the end of the
    end's ("2025" as an end is 1 January 2026, exclusive). Timestamps, datetimes and
    other date-like values are taken as they are, at day precision.
    """
    if is_missing(value):
        return float("nan"), "day"
    if isinstance(value, str):
        from timeline.dates import parse_date

        when = None if reference is None else pd.Timestamp(reference, unit="ms")
        try:
            parsed = parse_date(value, when)
        except ValueError as exc:
            msg = f"eras=: the {side} of era {label!r} is not a date: {exc}"
            raise ValueError(msg) from exc
        if side == "start":
            return _stamp_ms(parsed.start), str(parsed.start_precision or "day")
        return _stamp_ms(parsed.end), str(parsed.end_precision or "day")
    return _ms(value, f"eras= ({side} of era {label!r})"), "day"


def _open_start_edge(end: float, precision: str, earliest: float) -> float:
    frame = pd.DataFrame(
        {
            "start": np.array(["NaT"], dtype="datetime64[us]"),
            "end": np.array([end * 1000], dtype="int64").astype("datetime64[us]"),
            "end_precision": [precision],
        }
    )
    return float(open_start_edges(frame, earliest)[0])


def era_rows(events: pd.DataFrame, reference: float, earliest: float | None = None) -> list[Band]:
    """Bands from rows whose ``kind`` is ``"era"``.

    Open eras run to the reference date; eras with only an end ("before 2024") are drawn
    from the left edge of the data (``earliest``, default the earliest start in
    ``events``; see :func:`timeline.plot.geometry.open_start_edges`). Rows with neither
    a start nor an end are left out (the caller warns).
    """
    if not len(events):
        return []
    start = events["start"].to_numpy(dtype="datetime64[us]")
    end = events["end"].to_numpy(dtype="datetime64[us]")
    precision = events["start_precision"].astype(object).fillna("day").to_numpy(dtype=object)
    implied = shift_by_precision(start, precision, 1)
    open_end = (
        events["open_end"].fillna(False).to_numpy(dtype=bool)
        if "open_end" in events
        else np.zeros(len(events), dtype=bool)
    )
    open_start = np.isnat(start) & ~np.isnat(end)
    end = np.where(np.isnat(end), implied, end)
    start_ms, end_ms = to_epoch_ms(start), to_epoch_ms(end)
    start_ms = np.where(open_start, open_start_edges(events, earliest), start_ms)
    end_ms = np.where(open_end & ~open_start, np.maximum(reference, start_ms), end_ms)
    titles = events["title"].astype(object).tolist()
    return [
        Band(str(title), float(s), float(e), bool(o), bool(oe))
        for title, s, e, o, oe in zip(
            titles, start_ms, end_ms, open_start, open_end & ~open_start, strict=True
        )
        if s == s and e == e
    ]


def era_argument(
    eras: object, reference: float | None = None, earliest: float = float("nan")
) -> list[Band]:
    """Bands from ``eras=``: a frame (title/label, start, end) or (label, start, end) tuples.

    Text bounds go through the date engine (``timeline.dates.parse_date``, relative
    expressions against ``reference``): an era runs from the start of its start
    expression to the end of its end expression, so ``("x", "2024", "2025")`` covers both
    years. Timestamps and datetimes are taken as they are. A missing (or open) end runs
    to ``reference``; a missing (or open) start is drawn from the left edge of the data
    (``earliest`` or one unit before the end, whichever is earlier).

    Raises
    ------
    ValueError
        Naming the era, when a bound is not a date or the era ends before it starts.

    Examples
    --------
    >>> [b.label for b in era_argument([("Kursk operation", "2024-08-06", "2025-03-20")])]
    ['Kursk operation']
    >>> band = era_argument([("Two years", "2024", "2025")])[0]
    >>> [str(pd.Timestamp(ms, unit="ms").date()) for ms in (band.start, band.end)]
    ['2024-01-01', '2026-01-01']
    """
    if eras is None:
        return []
    if isinstance(eras, pd.DataFrame):
        label_column = next((c for c in ("label", "title", "name") if c in eras), None)
        if label_column is None or "start" not in eras or "end" not in eras:
            msg = (
                "eras= frame needs a 'label' (or 'title'/'name'), a 'start' and an 'end' "
                f"column; got columns {list(eras.columns)}"
            )
            raise ValueError(msg)
        rows: Iterable = eras[[label_column, "start", "end"]].itertuples(index=False)
    else:
        rows = eras
    bands = []
    for item in rows:
        try:
            label, start, end = item
        except (TypeError, ValueError) as exc:
            msg = f"eras= items must be (label, start, end); got {item!r}"
            raise ValueError(msg) from exc
        label = str(label)
        start_ms, _ = _era_bound(start, "start", label, reference)
        end_ms, end_precision = _era_bound(end, "end", label, reference)
        open_end = end_ms != end_ms
        if open_end:
            if reference is None or start_ms != start_ms:
                msg = f"eras=: era {label!r} has neither a start nor an end date"
                if start_ms == start_ms:
                    msg = f"eras=: era {label!r} has no end date and no reference date"
                raise ValueError(msg)
            end_ms = max(reference, start_ms)  # open: runs to the reference date, like spans
        open_start = start_ms != start_ms
        if open_start:
            start_ms = _open_start_edge(end_ms, end_precision, earliest)
        elif end_ms <= start_ms:
            msg = (
                f"eras=: era {label!r} ends before it starts: end {end!r} is not after "
                f"start {start!r}"
            )
            raise ValueError(msg)
        bands.append(Band(label, start_ms, end_ms, open_start, open_end))
    return bands


def marker_argument(markers: object) -> list[tuple[str, float]]:
    """Reference lines from ``markers=``: dates, (label, date) pairs or a label -> date map.

    Examples
    --------
    >>> marker_argument({"report": "2025-05-01"})[0][0]
    'report'
    """
    if markers is None:
        return []
    if isinstance(markers, Mapping):
        items: Iterable = markers.items()
    elif isinstance(markers, str | pd.Timestamp) or not isinstance(markers, Iterable):
        items = [markers]
    else:
        items = markers
    lines = []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2:
            label, when = item
        else:
            label, when = "", item
        lines.append((str(label), _ms(when, "markers=")))
    return lines


def _era_label(
    band: Band, x_range: tuple[float, float] | None, plot_px: float | None
) -> tuple[str, float, str]:
    """Text, x and anchor of an era's label: wrapped to its band (at least 140 px, two
    lines) and kept inside the plot at its edges."""
    text = ("◀ " if band.open_start else "") + band.label
    centre = (band.start + band.end) / 2
    if x_range is None or not plot_px or plot_px <= 0:
        return escape_text(truncate(text, 40)), centre, "center"
    from timeline.plot.captions import fit_lines
    from timeline.plot.text_metrics import text_width

    scale = plot_px / max(x_range[1] - x_range[0], 1.0)
    band_px = (min(band.end, x_range[1]) - max(band.start, x_range[0])) * scale
    lines = fit_lines(text, min(max(band_px, 140.0), plot_px), 11.0, 2)
    half = max(text_width(line, 11.0) for line in lines) / 2 + 4
    shown = min(max(centre, x_range[0]), x_range[1])
    at_px = (shown - x_range[0]) * scale
    markup = "<br>".join(escape_text(line) for line in lines)
    if at_px - half < 0:
        return markup, x_range[0], "left"
    if at_px + half > plot_px:
        return markup, x_range[1], "right"
    return markup, shown, "center"


def band_shapes(
    bands: list[Band],
    x_range: tuple[float, float] | None = None,
    plot_px: float | None = None,
) -> tuple[list[dict], list[dict]]:
    """Shapes and top labels for eras (drawn below the marks).

    With the initial ``x_range`` (epoch ms) and the plot's width in pixels, labels are
    wrapped to their band and kept inside the plot; without, cut at 40 characters.

    Examples
    --------
    >>> band = Band("A long era name that would run past the left edge", 0.0, 10.0)
    >>> _, (label,) = band_shapes([band], (0.0, 1000.0), 600.0)
    >>> label["xanchor"], label["text"]
    ('left', 'A long era name that would<br>run past the left edge')
    """
    shapes, labels = [], []
    for band in bands:
        text, x, anchor = _era_label(band, x_range, plot_px)
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": band.start,
                "x1": band.end,
                "y0": 0,
                "y1": 1,
                "fillcolor": ERA_COLOR,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        labels.append(
            {
                "x": x,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": anchor,
                "text": text,
                "showarrow": False,
                "font": {"size": 11, "color": NOTE_COLOR},
                "name": "era",
            }
        )
    return shapes, labels


def marker_shapes(lines: list[tuple[str, float]]) -> tuple[list[dict], list[dict]]:
    """Dashed vertical reference lines with labels at the top, above the era labels."""
    shapes, labels = [], []
    for label, when in lines:
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": when,
                "x1": when,
                "y0": 0,
                "y1": 1,
                "line": {"color": NOTE_COLOR, "width": 1, "dash": "dash"},
            }
        )
        if label:
            labels.append(
                {
                    "x": when,
                    "y": 1,
                    "xref": "x",
                    "yref": "paper",
                    "yanchor": "bottom",
                    "xanchor": "left",
                    "yshift": 14,  # a line above the era labels, so the two never overlap
                    "text": escape_text(truncate(label, 40)),
                    "showarrow": False,
                    "font": {"size": 10, "color": NOTE_COLOR},
                    "name": "marker",
                }
            )
    return shapes, labels
