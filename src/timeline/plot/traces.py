"""Traces for the marks: SVG (``Bar`` + ``Scatter``) for small data, WebGL for big data.

Both renderers draw the same roles, one trace per (colour group, role, date style):

``span_extent``
    faded full extent of a span whose start or end is fuzzy (given only to a month...).
``span``
    the part of a span that is certain (solid; dotted/dashed when approximate/uncertain).
``span_center``
    a marker at the middle of each span: carries the hover and keeps a span visible when
    it is too short to see at the current zoom.
``span_open``
    a right-pointing marker where an ongoing span meets the reference date.
``span_open_start``
    a left-pointing marker where a span with only an end ("before 1750") is drawn from:
    the left edge of the data (the span itself is all faded, in ``span_extent``).
``instant_window``
    faded window ``[start, end)`` of a fuzzy instant ("late October").
``instant``
    the instant's marker (filled / hollow / hollow with a dot for certain / approximate /
    uncertain).

WebGL traces get numpy arrays: x as float32 epoch ms (float64 when some date has a time
of day: float32 rounds to about two minutes), y as uint16 lane positions, ``customdata``
as the int32 row position of the event in the plotted frame. Span segments are
3 points each (start, end, NaN gap) in one trace per colour.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from timeline.plot.captions import legend_text
from timeline.plot.geometry import APPROXIMATE, CERTAIN, UNCERTAIN
from timeline.plot.marks import MarkTable
from timeline.plot.style import (
    FADED_OPACITY,
    INSTANT_SYMBOLS,
    SPAN_DASHES,
    SPAN_PATTERNS,
    STYLE_NAMES,
)
from timeline.text import escape_text

WEBGL_LINE_POINTS = 99_999
"""Most points in one WebGL line trace. plotly.js builds a quadtree of every ``scattergl``
trace of 100,000 points or more, for hover, even when the trace has no hover (our lines:
the span's hover is on its centre marker). Marker traces keep theirs: at 1,000,000 events,
hover over markers without it took 94 ms instead of 7."""

ROLES = (
    "span_extent",
    "span",
    "span_center",
    "span_open",
    "span_open_start",
    "instant_window",
    "instant",
)


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes that depend on how tall a row is."""

    row_px: float  # pixels per ROW_UNIT
    line_px: float  # WebGL span thickness
    marker_px: float  # instant marker size

    @classmethod
    def from_pitch(cls, min_pitch_units: float, row_px: float, row_unit: float) -> Sizes:
        pitch_px = min_pitch_units / row_unit * row_px
        return cls(
            row_px=row_px,
            line_px=float(np.clip(0.6 * pitch_px, 1.0, 12.0)),
            marker_px=float(np.clip(0.5 * pitch_px, 4.0, 10.0)),
        )


@dataclass(frozen=True)
class TraceContext:
    """What every trace builder needs besides the marks."""

    marks: MarkTable
    group_names: list[str]
    group_colors: list[str]
    show_group_legend: bool
    hover: np.ndarray | None  # escaped hover text per event, or None (compact hover)
    frame_rows: np.ndarray  # row position in the caller's frame of each plotted event
    sizes: Sizes
    # filled by the builders: per mark trace, the caller's row of each of its marks
    trace_rows: list[np.ndarray] = field(default_factory=list)
    # ...and the marks themselves (indices into ``marks``), for the level of detail
    trace_marks: list[np.ndarray] = field(default_factory=list)

    def add(self, traces: list[dict], trace: dict, index: np.ndarray) -> None:
        """Append a mark trace and record the rows of its marks (``index`` into the marks)."""
        traces.append(trace)
        self.trace_rows.append(self.frame_rows[self.marks.position[index]])
        self.trace_marks.append(np.asarray(index, dtype=np.int64))


def _groups(ctx: TraceContext, select: np.ndarray) -> Iterator[tuple[int, int, np.ndarray]]:
    """(colour group, style, mark indices) for the selected marks, in legend order."""
    style = ctx.marks.take("style")
    for group in range(len(ctx.group_names)):
        in_group = select & (ctx.marks.color == group)
        if not in_group.any():
            continue
        for code in (0, 1, 2):
            index = np.flatnonzero(in_group & (style == code))
            if len(index):
                yield group, code, index


def trace_dict(kind: str, **properties: object) -> dict:
    """A trace as a plain dict: ``go.Figure`` validates it once (objects would be copied)."""
    return {"type": kind, **properties}


def _common(ctx: TraceContext, group: int, role: str, style: int) -> dict:
    name = escape_text(ctx.group_names[group])
    return {
        "name": name,
        "legendgroup": f"group-{group}",
        "showlegend": False,
        "meta": {"role": role, "style": STYLE_NAMES[style], "group": name},
    }


def group_legend(ctx: TraceContext) -> list[dict]:
    """One legend entry per colour group (empty traces; clicking one toggles the group)."""
    if not ctx.show_group_legend:
        return []
    present = np.unique(ctx.marks.color)
    return [
        trace_dict(
            "scatter",
            x=[None],
            y=[None],
            mode="markers",
            marker={"symbol": "square", "size": 11, "color": ctx.group_colors[group]},
            name=legend_text(ctx.group_names[group]),  # long names wrap (2 lines at most)
            legendgroup=f"group-{group}",
            hoverinfo="skip",
            meta={"role": "legend_group"},
        )
        for group in present.tolist()
    ]


COMPACT_HOVER = {
    "instant": "row %{customdata} of the events<br>%{x|%d %b %Y}<extra></extra>",
    "span_center": "row %{customdata} of the events<br>span, middle: %{x|%d %b %Y}<extra></extra>",
    # known to be ongoing on its report date, not on the reference date it is drawn to
    "span_open": "row %{customdata} of the events<br>ongoing as of its report date; "
    "drawn to %{x|%d %b %Y}<extra></extra>",
    "span_open_start": "row %{customdata} of the events<br>start unknown<extra></extra>",
}
"""Hover of big figures (no per-event text): the event's row in the frame and its date."""


def _hover(ctx: TraceContext, index: np.ndarray, role: str) -> dict:
    position = ctx.marks.position[index]
    rows = ctx.frame_rows[position].astype(np.int32)
    if ctx.hover is None:
        return {"customdata": rows, "hovertemplate": COMPACT_HOVER[role]}
    return {
        "customdata": rows,
        "hovertext": ctx.hover[position],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _y(values: np.ndarray) -> np.ndarray:
    """WebGL y: whole ROW_UNIT hundredths as uint16 when they fit, else float32."""
    rounded = np.rint(values)
    if rounded.max(initial=0) < 65_535:
        return rounded.astype(np.uint16)
    return values.astype(np.float32)


def _x(values: np.ndarray, precise: bool) -> np.ndarray:
    return values.astype(np.float64 if precise else np.float32)


def _segments(x0: np.ndarray, x1: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(x0)
    x = np.empty(3 * n, dtype=x0.dtype)
    x[0::3], x[1::3], x[2::3] = x0, x1, np.nan
    ys = np.empty(3 * n, dtype=y.dtype)
    ys[0::3], ys[1::3], ys[2::3] = y, y, y
    return x, ys


def _chunks(index: np.ndarray, marks_per_trace: int) -> Iterator[np.ndarray]:
    for begin in range(0, len(index), marks_per_trace):
        yield index[begin : begin + marks_per_trace]


def webgl_traces(ctx: TraceContext) -> list[dict]:
    """WebGL traces for all marks (see the module docstring for the roles).

    One trace per colour and role (span cores and instants also per date style, for the
    dash or the symbol); faded extents and windows ignore the style. A line trace that
    would have more than ``WEBGL_LINE_POINTS`` points is split into several. Per-point colours
    were tried for the markers and measured slower to load (plotly recomputes them).
    """
    m = ctx.marks
    precise = m.geometry.has_time
    is_span = m.take("is_span")
    fuzzy = m.take("fuzzy")
    style = m.take("style")
    sizes = ctx.sizes
    traces: list[dict] = []

    def segment_trace(role: str, select: np.ndarray, x0: str, x1: str, by_style: bool) -> None:
        for group, code, index in _groups(ctx, select):
            if not by_style and code != CERTAIN:
                continue
            if not by_style:  # one trace for all styles of this colour
                index = np.flatnonzero(select & (m.color == group))
            line = {
                "color": ctx.group_colors[group],
                "width": sizes.line_px * (0.6 if role == "instant_window" else 1.0),
                "dash": SPAN_DASHES[code] if by_style else "solid",
            }
            for part in _chunks(index, WEBGL_LINE_POINTS // 3):
                x, y = _segments(
                    _x(m.take(x0)[part], precise),
                    _x(m.take(x1)[part], precise),
                    _y(m.y[part]),
                )
                ctx.add(
                    traces,
                    trace_dict(
                        "scattergl",
                        x=x,
                        y=y,
                        mode="lines",
                        line=line,
                        opacity=1.0 if by_style else FADED_OPACITY,
                        hoverinfo="skip",
                        **_common(ctx, group, role, code if by_style else CERTAIN),
                    ),
                    part,
                )

    def marker_trace(
        role: str, select: np.ndarray, x: np.ndarray, marker: dict, by_style: bool
    ) -> None:
        codes = (CERTAIN, APPROXIMATE, UNCERTAIN) if by_style else (None,)
        for group in range(len(ctx.group_names)):
            in_group = select & (m.color == group)
            for code in codes:
                index = np.flatnonzero(in_group if code is None else in_group & (style == code))
                if not len(index):
                    continue
                color = ctx.group_colors[group]
                outline = marker.get("line", {})
                ctx.add(
                    traces,
                    trace_dict(
                        "scattergl",
                        x=_x(x[index], precise),
                        y=_y(m.y[index]),
                        mode="markers",
                        marker={
                            **marker,
                            "symbol": marker.get("symbol") or INSTANT_SYMBOLS[code],
                            "color": color,
                            "line": {**outline, "color": color},
                        },
                        **_common(ctx, group, role, CERTAIN if code is None else code),
                        **_hover(ctx, index, role),
                    ),
                    index,
                )

    segment_trace("span_extent", is_span & fuzzy, "start", "end", by_style=False)
    has_core = m.take("core_end") > m.take("core_start")
    segment_trace("span", is_span & has_core, "core_start", "core_end", by_style=True)
    segment_trace("instant_window", ~is_span & fuzzy, "start", "end", by_style=False)
    marker_trace(
        "span_center",
        is_span,
        m.take("point"),
        {"size": sizes.line_px, "symbol": "square", "line": {"width": 0}},
        by_style=False,
    )
    marker_trace(
        "span_open",
        m.take("open_end"),
        m.take("end"),
        {"size": sizes.marker_px + 3, "symbol": "triangle-right", "line": {"width": 0}},
        by_style=False,
    )
    marker_trace(
        "span_open_start",
        m.take("open_start"),
        m.take("start"),
        {"size": sizes.marker_px + 3, "symbol": "triangle-left", "line": {"width": 0}},
        by_style=False,
    )
    marker_trace(
        "instant",
        ~is_span,
        m.take("point"),
        {"size": sizes.marker_px, "line": {"width": 1.5}},
        by_style=True,
    )
    return traces


def svg_traces(ctx: TraceContext) -> list[dict]:
    """SVG traces: spans and windows as horizontal bars (hover anywhere on them)."""
    m = ctx.marks
    is_span = m.take("is_span")
    fuzzy = m.take("fuzzy")
    sizes = ctx.sizes
    traces: list[dict] = []

    def bar_trace(role: str, select: np.ndarray, x0: str, x1: str, thickness: float) -> None:
        for group, code, index in _groups(ctx, select):
            start = m.take(x0)[index]
            length = m.take(x1)[index] - start
            faded = role.endswith(("extent", "window"))
            pattern = {} if faded or code == CERTAIN else {"shape": SPAN_PATTERNS[code]}
            marker = {
                "color": ctx.group_colors[group],
                "line": {"width": 0},
                "pattern": {**pattern, "fgcolor": "white", "fgopacity": 0.8} if pattern else {},
            }
            ctx.add(
                traces,
                trace_dict(
                    "bar",
                    base=start,
                    x=length,
                    y=m.y[index],
                    width=thickness * m.pitch[index],
                    orientation="h",
                    marker=marker,
                    opacity=FADED_OPACITY if faded else 1.0,
                    **_common(ctx, group, role, code),
                    **_hover(ctx, index, role),
                ),
                index,
            )

    def marker_trace(role: str, select: np.ndarray, x: np.ndarray, marker: dict) -> None:
        for group, code, index in _groups(ctx, select):
            symbol = marker.get("symbol") or INSTANT_SYMBOLS[code]
            color = ctx.group_colors[group]
            line = {"color": color, **marker.get("line", {})}
            ctx.add(
                traces,
                trace_dict(
                    "scatter",
                    x=x[index],
                    y=m.y[index],
                    mode="markers",
                    marker={**marker, "symbol": symbol, "color": color, "line": line},
                    **_common(ctx, group, role, code),
                    **_hover(ctx, index, role),
                ),
                index,
            )

    bar_trace("span_extent", is_span & fuzzy, "start", "end", 0.7)
    has_core = m.take("core_end") > m.take("core_start")
    bar_trace("span", is_span & has_core, "core_start", "core_end", 0.7)
    bar_trace("instant_window", ~is_span & fuzzy, "start", "end", 0.3)
    bar_px = 0.7 * float(np.min(m.pitch, initial=100.0)) / 100.0 * sizes.row_px
    # a bar shorter than ~0.5% of the time range would vanish: give it a tick
    extent = float(np.ptp(np.r_[m.take("start"), m.take("end")])) if len(m) else 0.0
    short = (m.take("end") - m.take("start")) < 0.005 * extent
    marker_trace(
        "span_center",
        is_span & short,
        m.take("point"),
        {"size": max(bar_px, 4.0), "symbol": "line-ns-open", "line": {"width": 3}},
    )
    marker_trace(
        "span_open",
        m.take("open_end"),
        m.take("end"),
        {"size": sizes.marker_px + 4, "symbol": "triangle-right", "line": {"width": 0}},
    )
    marker_trace(
        "span_open_start",
        m.take("open_start"),
        m.take("start"),
        {"size": sizes.marker_px + 4, "symbol": "triangle-left", "line": {"width": 0}},
    )
    marker_trace(
        "instant",
        ~is_span,
        m.take("point"),
        {"size": sizes.marker_px + 1, "line": {"width": 2}},
    )
    return traces
