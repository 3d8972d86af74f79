"""A placed chronology (:class:`timeline.plot.chronology.Layout`) as a plotly figure.

Marks (instants, windows, spans) sit on the date axis; text, leaders, numbers and the
legend sit on a second pair of axes that spans the figure in pixels, so each annotation
is drawn at the box the layout computed. Every string from the data is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.plot.chronology_page import LEGEND_PX, SWATCH
from timeline.plot.chronology_spans import BAR_PX, ERA_PX, NUMBER_PX
from timeline.plot.chronology_text import LABEL_PX, key_markup, label_markup
from timeline.plot.hover import hover_text
from timeline.plot.layout import BRIEFING_TEMPLATE
from timeline.plot.style import (
    ERA_COLOR,
    FADED_OPACITY,
    INSTANT_SYMBOLS,
    NOTE_COLOR,
    SPAN_DASHES,
)
from timeline.plot.text_metrics import FIGURE_FONT
from timeline.text import escape_text

if TYPE_CHECKING:
    from timeline.plot.chronology_model import Layout
    from timeline.plot.label_layout import Box

PX = {"xaxis": "x2", "yaxis": "y2"}
LEADER_COLOR = "#9a9a9a"
TEXT_COLOR = "#222222"


def _text(text: str, box: Box, size: float, name: str, **extra: Any) -> dict:
    return {
        "_box": [round(float(v), 2) for v in (box.x0, box.y0, box.x1, box.y1)],
        "text": text,
        "x": box.x0,
        "y": box.y0,
        "xref": "x2",
        "yref": "y2",
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
        "font": {"size": size, "color": extra.pop("color", TEXT_COLOR)},
        "borderpad": 2,
        "borderwidth": 1,
        "bordercolor": extra.pop("bordercolor", "rgba(0,0,0,0)"),
        "name": name,
        **extra,
    }


def _block(block: Any, name: str, color: str = TEXT_COLOR) -> list[dict]:
    if block is None:
        return []
    lines = [escape_text(line) for line in block.lines]
    if block.bold:
        lines = [f"<b>{line}</b>" for line in lines]
    return [_text("<br>".join(lines), block.box, block.size, name, color=color)]


def _bold_date(lines: tuple[str, ...], date: str) -> str:
    parts = [escape_text(line) for line in lines]
    if date and lines and lines[0].startswith(date):
        parts[0] = f"<b>{escape_text(date)}</b>{escape_text(lines[0][len(date) :])}"
    return "<br>".join(parts)


def _segments(pairs: list[tuple[float, float]], y: list[float]) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for (x0, x1), level in zip(pairs, y, strict=True):
        xs += [x0, x1, None]
        ys += [level, level, None]
    return xs, ys


def draw(layout: Layout, marks: pd.DataFrame, extras: dict, template: object = None) -> go.Figure:
    """The figure of a placed chronology."""
    page, chart = layout.page, layout.chart
    geometry, groups = extras["geometry"], extras["groups"]
    dates = extras["dates"]
    hover = (
        hover_text(marks, geometry.start, geometry.end, geometry.open_end, geometry.open_start)
        if len(marks)
        else np.array([], dtype=object)
    )
    traces: list[dict] = []
    shapes: list[dict] = []
    notes: list[dict] = []
    for band, era in layout.eras:
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y2",
                "x0": band.start,
                "x1": band.end,
                "y0": chart.y0,
                "y1": chart.y1,
                "fillcolor": ERA_COLOR,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        notes.append(
            _text(
                "<br>".join(escape_text(x) for x in era.lines),
                era.box,
                ERA_PX,
                "era",
                color=NOTE_COLOR,
            )
        )
    leaders_x: list = []
    leaders_y: list = []
    for band in layout.bands:
        if band.anchors:
            shapes.append(
                {
                    "type": "line",
                    "xref": "x2",
                    "yref": "y2",
                    "x0": chart.x0,
                    "x1": chart.x1,
                    "y0": band.axis_y,
                    "y1": band.axis_y,
                    "line": {"color": "#8a8a8a", "width": 2},
                    "layer": "below",
                }
            )
        if band.name:
            title_box = type(band.box)(band.box.x0, band.box.y0, band.box.x1, band.box.y0 + 14)
            notes.append(
                _text(
                    f"<b>{escape_text(band.name)}</b>",
                    title_box,
                    LABEL_PX,
                    "lane",
                    color=NOTE_COLOR,
                )
            )
        for label, spot in band.labels:
            ax, y_from, y_to = spot.leader
            leaders_x += [ax, ax, None]
            leaders_y += [y_from, y_to, None]
            notes.append(
                _text(
                    label_markup(label),
                    spot.box,
                    LABEL_PX,
                    "label",
                    bgcolor="rgba(255,255,255,0.88)",
                    bordercolor="#d4d4d4",
                )
            )
        instants = sorted(band.anchors)
        for group in range(len(groups.names)):
            color = groups.colors[group]
            mine = [m for m in instants if groups.codes[m] == group]
            windows = [m for m in mine if geometry.fuzzy[m]]
            if windows:
                xs, ys = _segments(
                    [(geometry.start[m], geometry.end[m]) for m in windows],
                    [band.axis_y] * len(windows),
                )
                traces.append(
                    {
                        "type": "scatter",
                        "x": xs,
                        "y": ys,
                        "mode": "lines",
                        "line": {"color": color, "width": 8},
                        "opacity": FADED_OPACITY,
                        "hoverinfo": "skip",
                        "meta": {"role": "instant_window"},
                    }
                )
            for style, symbol in INSTANT_SYMBOLS.items():
                chosen = [m for m in mine if geometry.style[m] == style]
                if not chosen:
                    continue
                traces.append(
                    {
                        "type": "scatter",
                        "x": [geometry.point[m] for m in chosen],
                        "y": [band.axis_y] * len(chosen),
                        "mode": "markers",
                        "marker": {
                            "symbol": symbol,
                            "color": color,
                            "size": 10,
                            "line": {"width": 2, "color": color},
                        },
                        "hovertext": [hover[m] for m in chosen],
                        "hovertemplate": "%{hovertext}<extra></extra>",
                        "customdata": chosen,
                        "meta": {"role": "instant"},
                    }
                )
        for row in band.spans:
            m = row.member
            color = groups.colors[groups.codes[m]]
            _, _, y = row.bar
            if geometry.fuzzy[m] or geometry.core_end[m] <= geometry.core_start[m]:
                traces.append(
                    {
                        "type": "scatter",
                        "x": [geometry.start[m], geometry.end[m]],
                        "y": [y, y],
                        "mode": "lines",
                        "opacity": FADED_OPACITY,
                        "line": {"color": color, "width": BAR_PX},
                        "hoverinfo": "skip",
                        "meta": {"role": "span_extent"},
                    }
                )
            if geometry.core_end[m] > geometry.core_start[m]:
                traces.append(
                    {
                        "type": "scatter",
                        "x": [geometry.core_start[m], geometry.core_end[m]],
                        "y": [y, y],
                        "mode": "lines",
                        "line": {
                            "color": color,
                            "width": BAR_PX,
                            "dash": SPAN_DASHES[int(geometry.style[m])],
                        },
                        "hovertext": [hover[m]] * 2,
                        "hovertemplate": "%{hovertext}<extra></extra>",
                        "customdata": [m, m],
                        "meta": {"role": "span"},
                    }
                )
            for flag, where, symbol, role in (
                (geometry.open_end[m], geometry.end[m], "triangle-right", "span_open"),
                (geometry.open_start[m], geometry.start[m], "triangle-left", "span_open_start"),
            ):
                if flag:
                    traces.append(
                        {
                            "type": "scatter",
                            "x": [where],
                            "y": [y],
                            "mode": "markers",
                            "marker": {"symbol": symbol, "color": color, "size": 12},
                            "hoverinfo": "skip",
                            "meta": {"role": role},
                        }
                    )
            if row.label is not None:
                notes.append(
                    _text(
                        _bold_date(row.lines, dates[m]),
                        row.label,
                        LABEL_PX,
                        "span_label",
                        bgcolor="rgba(255,255,255,0.7)",
                    )
                )
    if leaders_x:
        traces.append(
            {
                "type": "scatter",
                "x": leaders_x,
                "y": leaders_y,
                "mode": "lines",
                "line": {"color": LEADER_COLOR, "width": 1},
                "hoverinfo": "skip",
                "meta": {"role": "leader"},
                **PX,
            }
        )
    for badge in layout.badges:
        notes.append(
            _text(
                f"<b>{escape_text(badge.text)}</b>",
                badge.box,
                NUMBER_PX,
                "number",
                bgcolor="white",
                bordercolor="#777777",
            )
        )
    if layout.key_box is not None:
        heading = type(layout.key_box)(
            layout.key_box.x0, layout.key_box.y0, layout.key_box.x1, layout.key_box.y0 + 18
        )
        notes.append(_text("<b>Key to the numbers</b>", heading, 12.0, "key_heading"))
        for entry, box in layout.key:
            notes.append(_text(key_markup(entry), box, layout.key_size, "key"))
        if layout.key_left_out:
            last = layout.key[-1][1] if layout.key else heading
            more = type(last)(last.x0, last.y1 + 2, last.x1, last.y1 + 16)
            notes.append(
                _text(
                    f"… and {layout.key_left_out} more: see the table", more, layout.key_size, "key"
                )
            )
    notes += _block(page.title, "title") + _block(page.subtitle, "subtitle", NOTE_COLOR)
    notes += _block(page.caption, "caption", NOTE_COLOR)
    for placed in page.legend:
        item = placed.item
        cx, cy = placed.swatch
        if item.symbol is None:
            traces.append(
                {
                    "type": "scatter",
                    "x": [cx - SWATCH / 2, cx + SWATCH / 2],
                    "y": [cy, cy],
                    "mode": "lines",
                    "opacity": item.opacity,
                    "line": {"color": item.color, "width": 7, "dash": item.dash},
                    "hoverinfo": "skip",
                    "meta": {"role": "legend"},
                    **PX,
                }
            )
        else:
            traces.append(
                {
                    "type": "scatter",
                    "x": [cx],
                    "y": [cy],
                    "mode": "markers",
                    "marker": {
                        "symbol": item.symbol,
                        "color": item.color,
                        "size": 10,
                        "line": {"width": 2, "color": item.color},
                    },
                    "hoverinfo": "skip",
                    "meta": {"role": "legend"},
                    **PX,
                }
            )
        notes.append(_text(escape_text(item.text), placed.text, LEGEND_PX, "legend"))
    ids = (
        marks["event_id"].astype(str).tolist()
        if "event_id" in marks
        else [str(i) for i in marks.index]
    )
    status: dict[str, Any] = {}
    labelled = {m for band in layout.bands for lab, _ in band.labels for m in lab.members}
    labelled |= {row.member for band in layout.bands for row in band.spans if row.label}
    for m, event_id in enumerate(ids):
        status[event_id] = "label" if m in labelled else layout.numbers.get(m)
    boxes = [note.pop("_box") for note in notes]  # the estimated box of each annotation
    width, height = page.width, page.height
    layout_dict = {
        "template": BRIEFING_TEMPLATE if template is None else template,
        "width": width,
        "height": height,
        "autosize": False,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0, "pad": 0, "autoexpand": False},
        "showlegend": False,
        "paper_bgcolor": "white",
        # transparent: the pixel subplot lies over the chart and must not hide it
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": FIGURE_FONT, "size": 11, "color": TEXT_COLOR},
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"size": 12}},
        "xaxis": {
            "type": "date",
            "range": list(layout.x_range),
            "domain": [chart.x0 / width, chart.x1 / width],
            "anchor": "y",
            "showgrid": True,
            "gridcolor": "#e8e8e8",
            "fixedrange": True,
            "automargin": False,
            "ticks": "outside",
            "showline": True,
            "linecolor": "#999",
            "tickfont": {"size": 11},
        },
        "yaxis": {
            "range": [chart.y1, chart.y0],
            "domain": [1 - chart.y1 / height, 1 - chart.y0 / height],
            "visible": False,
            "fixedrange": True,
            "automargin": False,
        },
        "xaxis2": {
            "range": [0, width],
            "domain": [0, 1],
            "anchor": "y2",
            "visible": False,
            "fixedrange": True,
            "automargin": False,
        },
        "yaxis2": {
            "range": [height, 0],
            "domain": [0, 1],
            "anchor": "x2",
            "visible": False,
            "fixedrange": True,
            "automargin": False,
        },
        "shapes": shapes,
        "annotations": notes,
        "meta": {"chronology": status, "boxes": boxes},
    }
    return go.Figure(data=traces, layout=layout_dict)
