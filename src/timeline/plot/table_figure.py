"""``tl.plot`` of an :class:`~timeline.engines.table.EventTable`: the engine counts, pandas draws.

For the range drawn (default: the table's extent), the engine first counts the events in
view. Up to ``max_marks`` of them come to pandas as the canonical frame of that window
and are drawn by :func:`timeline.plot.figure.plot` as any frame is (its own level of
detail included). Beyond that, the figure is the overview: per lane (the busiest
:data:`MAX_LANES`), a density strip (:func:`timeline.plot.density.density_trace`) of the
engine's bucket counts (:meth:`EventTable.bucket_counts`), power-of-two minutes wide,
about :data:`BUCKET_PX` pixels each. Only these aggregates leave the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import plotly.graph_objects as go

from timeline.plot.density import density_trace
from timeline.plot.geometry import MS_PER_DAY
from timeline.plot.pyramid import MINUTE_MS, DensitySlice
from timeline.plot.style import OKABE_ITO
from timeline.text import escape_text

MAX_MARKS = 20_000
"""Most events of a window drawn as marks; more are drawn as density."""
MAX_LANES = 30
BUCKET_PX = 2.5
PLOT_PX = 1_000


def view_range(table: Any, x_range: tuple[float, float] | None = None) -> tuple[int, int] | None:
    """The range drawn, epoch ms: ``x_range``, else the extent padded by 3% (None if empty).

    Examples
    --------
    >>> view_range(None, (0.0, 10.0))
    (0, 10)
    """
    if x_range is not None:
        return int(np.floor(x_range[0])), int(np.ceil(x_range[1]))
    if hasattr(table, "view_extent_ms"):
        extent_ms = table.view_extent_ms()
        if extent_ms is None:
            return None
        low, high = (float(value) for value in extent_ms)
    else:
        extent = table.extent()
        if extent is None:
            return None
        low, high = (float(stamp.as_unit("ms").asm8.astype(np.int64)) for stamp in extent)
    pad = max((high - low) * 0.03, MS_PER_DAY)
    return int(low - pad), int(high + pad)


def bucket_width(low_ms: float, high_ms: float, buckets: int) -> int:
    """Power-of-two minutes so that ``[low, high)`` needs at most ``buckets`` buckets.

    Examples
    --------
    >>> bucket_width(0, 86_400_000, 24) // 60_000
    64
    """
    need = max(high_ms - low_ms, MINUTE_MS) / MINUTE_MS / max(buckets, 1)
    return int(MINUTE_MS * (1 << max(int(np.ceil(np.log2(need))), 0)))


def plot_table(
    table: Any,
    *,
    draw_frame: Callable[..., go.Figure],
    lane: str | None = None,
    color: str | None = None,
    x_range: tuple[float, float] | None = None,
    max_marks: int = MAX_MARKS,
    title: str | None = None,
    width: int | None = None,
    height: int | None = None,
    **plot_options: Any,
) -> go.Figure:
    """The figure of an event table for one range: marks when few, else density strips.

    Parameters
    ----------
    table
        An ``EventTable`` (``tl.scan_events``), filtered or not.
    draw_frame
        The function that draws a pandas event frame (``tl.plot``); passed in so this
        module needs nothing above it.
    lane, color
        Columns of the lanes and colours (as in ``tl.plot``).
    x_range
        The range drawn in epoch ms (default: the whole extent).
    max_marks
        Most events in view drawn as marks; beyond it the engine's bucket counts are drawn.
    title, width, height, **plot_options
        As for ``tl.plot`` (options other than these apply to the marks view).

    Returns
    -------
    plotly.graph_objects.Figure
        ``layout.meta["view"]`` is ``"marks"`` or ``"density"``; ``layout.meta["in_view"]``
        the number of events in the range.

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
    >>> plot_table(tl.scan_events(events), draw_frame=tl.plot, max_marks=1).layout.meta["view"]
    'density'
    """
    plot = draw_frame
    if x_range is None and hasattr(table, "prepare"):
        table.prepare(lane)  # the overview's counts, extent and fine-grid profile at once
    span = view_range(table, x_range)
    if span is None:
        return plot(table.window(limit=0), lane=lane, color=color, title=title, **plot_options)
    low, high = span
    in_view = table.window_count(low, high)
    if in_view <= max_marks:
        options = {"reference_date": table.reference_date, **plot_options}
        frame = table.window(low, high)
        figure = plot(
            frame, lane=lane, color=color, title=title, width=width, height=height, **options
        )
        if x_range is not None:
            figure.update_xaxes(range=[low, high])
        figure.update_layout(meta={"view": "marks", "in_view": int(in_view)})
        return figure
    return _density_figure(table, lane, low, high, in_view, title, width, height)


def _density_figure(
    table: Any,
    lane: str | None,
    low: int,
    high: int,
    in_view: int,
    title: str | None,
    width: int | None,
    height: int | None,
) -> go.Figure:
    plot_px = (width or 1_100) - 200
    step = bucket_width(low, high, int(plot_px / BUCKET_PX))
    first, last = low // step, (high - 1) // step
    counts = table.bucket_counts(
        lane, start_ms=first * step, end_ms=(last + 1) * step, bucket_ms=step
    )
    totals = counts.groupby("lane")["count"].sum().sort_values(ascending=False, kind="stable")
    names = [str(name) for name in totals.index[:MAX_LANES]]
    size = last - first + 1
    edges = (first + np.arange(size + 1, dtype=np.float64)) * step
    peak = max(int(counts["count"].max() or 1), int(counts["cover"].max() or 1), 1)
    traces = []
    for code, name in enumerate(names):
        mine = counts[counts["lane"] == name]
        lane_counts = np.zeros(size, dtype=np.int64)
        lane_cover = np.zeros(size, dtype=np.int64)
        positions = mine["bucket"].to_numpy() - first
        lane_counts[positions] = mine["count"].to_numpy()
        lane_cover[positions] = mine["cover"].to_numpy()
        part = DensitySlice(level=0, edges=edges, counts=lane_counts, cover=lane_cover, first=0)
        traces.append(
            density_trace(
                lane=code,
                lane_name=name,
                part=part,
                top=float(code),
                height=0.9,
                color=OKABE_ITO[code % len(OKABE_ITO)] if lane is not None else None,
                zmax=float(np.log2(peak)),
                spans_in_lane=bool(lane_cover.any()),
            )
        )
    hidden = len(totals) - len(names)
    note = f"{in_view:,} events in view: density per {_duration(step)} (zoom in for events)"
    if hidden > 0:
        note += f"; {hidden} quieter lane(s) not shown"
    layout = {
        "title": {"text": escape_text(title)} if title else None,
        "xaxis": {"type": "date", "range": [low, high], "showgrid": True},
        "yaxis": {
            "tickvals": [code + 0.45 for code in range(len(names))],
            "ticktext": [escape_text(name) or "events" for name in names],
            "range": [len(names), -0.1],
            "showgrid": False,
            "zeroline": False,
        },
        "height": height or int(140 + 36 * max(len(names), 1)),
        "width": width,
        "plot_bgcolor": "white",
        "margin": {"l": 160, "r": 36, "t": 60, "b": 60},
        "annotations": [
            {
                "text": escape_text(note),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -0.12,
                "showarrow": False,
                "xanchor": "left",
                "font": {"size": 11, "color": "#555"},
            }
        ],
        "meta": {"view": "density", "in_view": int(in_view), "bucket_ms": int(step)},
    }
    return go.Figure(data=traces, layout={k: v for k, v in layout.items() if v is not None})


def _duration(ms: int) -> str:
    minutes = ms / MINUTE_MS
    for unit, size in (("day", 1440.0), ("hour", 60.0)):
        if minutes >= size:
            value = minutes / size
            return f"{value:g} {unit}s" if value != 1 else f"1 {unit}"
    return f"{minutes:g} minutes" if minutes != 1 else "1 minute"
