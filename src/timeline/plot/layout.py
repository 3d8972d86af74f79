"""Figure layout: date axis with range slider and buttons, lanes as y ticks, legend notes,
title, subtitle and a caption with the sources."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.plot.geometry import APPROXIMATE, UNCERTAIN
from timeline.plot.lanes import ROW_UNIT, LaneLayout
from timeline.plot.style import (
    BAND_COLOR,
    FADED_OPACITY,
    FONT,
    NOTE_COLOR,
    STYLE_LEGEND,
)
from timeline.plot.traces import trace_dict
from timeline.text import escape_text, truncate

SPAN_NOTE = {APPROXIMATE: "; spans dotted", UNCERTAIN: "; spans striped or dashed"}
TOP_PX = 120
RANGE_BUTTONS_LIFT_PX = 30
"""Pixels between the plot top and the range buttons (room for the label rows)."""
BOTTOM_PX = 60
RIGHT_PX = 36
"""Room on the right for half of a date tick label at the end of the axis."""
CAPTION_PX = 34
SLIDER_THICKNESS = 0.08
LANE_LABEL_LIMIT = 32
DEFAULT_WIDTH_PX = 1100
TITLE_FONT_PX = 17.5
"""plotly's title size for a 12 px figure font (1.4 em), a little over."""
SUBTITLE_FONT_PX = 14.0
LEGEND_PX = 220
"""Width the legend takes on the right of a ``tl.plot`` figure (an estimate)."""

RANGE_BUTTONS = [
    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
    {"step": "all", "label": "all"},
]


BRIEFING_TEMPLATE: dict = {
    "layout": {
        "xaxis": {"linecolor": "#999", "ticks": "outside", "tickcolor": "#999"},
        "yaxis": {"linecolor": "#999", "ticks": ""},
    }
}
"""A small clean template (plotly's named templates cost ~40 ms to copy at 100k-scale)."""


@dataclass(frozen=True)
class Frame:
    """Pixel geometry chosen for the figure."""

    height: int
    plot_px: float  # height of the lanes area
    row_px: float  # pixels per ROW_UNIT
    left_px: int


def frame_size(lanes: LaneLayout, height: int | None) -> Frame:
    """Height from the number of lanes and rows (about 26 px per row, within limits)."""
    units = max(lanes.total / ROW_UNIT, 1.0)
    longest = max((len(truncate(n, LANE_LABEL_LIMIT)) for n in lanes.names), default=0)
    left = int(np.clip(longest * 7 + 24, 60, 260))
    chrome = TOP_PX + BOTTOM_PX + CAPTION_PX + 30
    if height is None:
        plot_px = float(np.clip(units * 24, 300, 760))
        height = int(plot_px * (1 + SLIDER_THICKNESS) + chrome)
    else:
        plot_px = max((height - chrome) / (1 + SLIDER_THICKNESS), 80.0)
    return Frame(height=height, plot_px=plot_px, row_px=plot_px / units, left_px=left)


def lane_band_shapes(lanes: LaneLayout) -> list[dict]:
    """Light background behind every other lane, so rows read across."""
    shapes = []
    for i in range(1, len(lanes.names), 2):
        shapes.append(
            {
                "type": "rect",
                "xref": "paper",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": lanes.top[i] - lanes.gap / 2,
                "y1": lanes.top[i] + lanes.height[i] + lanes.gap / 2,
                "fillcolor": BAND_COLOR,
                "line": {"width": 0},
                "layer": "below",
            }
        )
    return shapes


def how_to_read(
    styles_present: set[int],
    fuzzy: bool,
    open_end: bool,
    reference: str,
    open_start: bool = False,
) -> list[dict]:
    """Legend entries that explain the mark styles present in the figure."""
    grey = NOTE_COLOR
    common = {
        "x": [None],
        "y": [None],
        "legendgroup": "how-to-read",
        "legendgrouptitle": {"text": "How to read"},
        "hoverinfo": "skip",
        "meta": {"role": "legend_note"},
    }
    entries = [
        trace_dict(
            "scatter",
            mode="markers",
            marker={"symbol": "circle", "color": grey, "size": 9},
            name="instant (one date)",
            **common,
        ),
        trace_dict(
            "scatter",
            mode="lines",
            line={"color": grey, "width": 8},
            name="span (from – to)",
            **common,
        ),
    ]
    if fuzzy:
        entries.append(
            trace_dict(
                "scatter",
                mode="lines",
                line={"color": grey, "width": 8},
                opacity=FADED_OPACITY,
                name="faded: only known to the month, season, year…",
                **common,
            )
        )
    symbols = {APPROXIMATE: "circle-open", UNCERTAIN: "circle-open-dot"}
    for code in (APPROXIMATE, UNCERTAIN):
        if code in styles_present:
            entries.append(
                trace_dict(
                    "scatter",
                    mode="markers",
                    marker={
                        "symbol": symbols[code],
                        "color": grey,
                        "size": 9,
                        "line": {"width": 2, "color": grey},
                    },
                    name=STYLE_LEGEND[code] + SPAN_NOTE[code],
                    **common,
                )
            )
    if open_end:
        entries.append(
            trace_dict(
                "scatter",
                mode="markers",
                marker={"symbol": "triangle-right", "color": grey, "size": 10},
                name=f"ongoing, drawn to {escape_text(reference)}",
                **common,
            )
        )
    if open_start:
        entries.append(
            trace_dict(
                "scatter",
                mode="markers",
                marker={"symbol": "triangle-left", "color": grey, "size": 10},
                name="open start: only the end is known",
                **common,
            )
        )
    return entries


def sources_caption(events: pd.DataFrame, limit: int = 6, width: float | None = None) -> str:
    """The sources under the figure, escaped, in at most two lines of ``width`` pixels.

    All sources when they fit ("Sources: A; B; C"), else a summary naming the most cited
    ("Sources: 412 distinct, the most cited: A (40); B (31); …"), so the caption never
    runs past the figure's edge (see :func:`timeline.plot.captions.sources_lines`).
    Without ``width``: one line listing ``limit`` sources ("... and 4 more").

    Examples
    --------
    >>> events = pd.DataFrame({"source": [f"Article {i} of a long series" for i in range(9)]})
    >>> caption = sources_caption(events, width=400)
    >>> caption.startswith("Sources: 9 distinct, the most cited: Article 0"), caption.count("<br>")
    (True, 1)
    """
    if width is not None:
        from timeline.plot.captions import sources_lines

        return "<br>".join(escape_text(line) for line in sources_lines(events, width))
    if "source" not in events:
        return ""
    values = [str(v) for v in pd.unique(events["source"].dropna().astype(str)) if v.strip()]
    if not values:
        return ""
    shown = "; ".join(escape_text(truncate(v, 60)) for v in values[:limit])
    more = len(values) - limit
    return "Sources: " + shown + (f" and {more} more" if more > 0 else "")


def _wrapped(text: str, width: float, size: float) -> str:
    """Plain ``text`` wrapped to ``width`` pixels in at most two lines, escaped."""
    from timeline.plot.captions import fit_lines

    return "<br>".join(escape_text(line) for line in fit_lines(text, width, size, 2))


def base_layout(
    *,
    lanes: LaneLayout,
    frame: Frame,
    x_range: tuple[float, float],
    title: str | None,
    subtitle: str | None,
    caption: str,
    show_lane_labels: bool,
    range_slider: bool,
    width: int | None,
) -> dict:
    """The layout dict (shapes and annotations are added by the caller)."""
    pad = lanes.gap
    y_range = [lanes.total + pad, -pad]  # first lane on top
    # The range buttons sit above the two rows of era and reference-line labels.
    plot_px = max(frame.height - TOP_PX - BOTTOM_PX - CAPTION_PX, 1)
    selector_y = 1 + RANGE_BUTTONS_LIFT_PX / plot_px
    layout: dict = {
        "template": BRIEFING_TEMPLATE,
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"family": FONT, "size": 12, "color": "#222"},
        "height": frame.height,
        "margin": {"l": frame.left_px, "r": RIGHT_PX, "t": TOP_PX, "b": BOTTOM_PX + CAPTION_PX},
        "barmode": "overlay",
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"size": 12}},
        "legend": {"tracegroupgap": 12, "itemsizing": "constant", "font": {"size": 11}},
        "xaxis": {
            "type": "date",
            "range": list(x_range),
            "showgrid": True,
            "gridcolor": "#e5e5e5",
            # plotly's default ("hide past div") measures every tick label on every zoom,
            # a forced browser layout that is a third of a zoom's time at 100k events.
            # RIGHT_PX leaves room for the last label instead.
            "ticklabeloverflow": "allow",
            "rangeselector": {
                "buttons": RANGE_BUTTONS,
                "x": 0,
                "y": selector_y,
                "yanchor": "bottom",
            },
            "rangeslider": {
                "visible": range_slider,
                "thickness": SLIDER_THICKNESS,
                "range": list(x_range),
            },
        },
        "yaxis": {
            "range": y_range,
            "fixedrange": True,
            "ticklabeloverflow": "allow",  # lane labels sit in the left margin
            "showgrid": False,
            "zeroline": False,
            "tickmode": "array",
            "tickvals": lanes.centers.tolist() if show_lane_labels else [],
            "ticktext": [escape_text(truncate(n, LANE_LABEL_LIMIT)) for n in lanes.names]
            if show_lane_labels
            else [],
        },
    }
    if width is not None:
        layout["width"] = width
    if title:
        room = (width or DEFAULT_WIDTH_PX) - 30
        layout["title"] = {
            "text": _wrapped(title, room, TITLE_FONT_PX),
            "x": 0.01,
            "xanchor": "left",
            "y": 0.98,
            "yanchor": "top",
            "subtitle": {"text": _wrapped(subtitle or "", room, SUBTITLE_FONT_PX)},
        }
    if caption:
        slider_px = frame.plot_px * SLIDER_THICKNESS if range_slider else 0.0
        layout["annotations"] = [
            {
                "text": caption,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -(slider_px + 44) / frame.plot_px,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "align": "left",
                "font": {"size": 10, "color": NOTE_COLOR},
                "name": "caption",
            }
        ]
    return layout
