"""The live figure: one ``go.FigureWidget`` whose trace data follows the filter mask.

The figure of *all* events is drawn once per lane/colour choice
(:func:`timeline.plot.masked_figure`); a filter change then only assigns, inside
``batch_update()``, the sliced arrays of the traces that hold a changed event. A new
lane or colour column rebuilds the traces and layout, still in the same FigureWidget.

Level of detail: when some lane is too busy for its marks at the full extent
(:mod:`timeline.plot.detail`), the widget holds one density strip per lane and only the
marks in view of the quiet lanes. It watches ``layout.xaxis.range`` (a zoom in the browser,
or ``figure_widget.layout.xaxis.range = [a, b]`` in Python) and redraws the lanes for the
new range; a filter change redraws the current range. Changes that arrive while a redraw
runs only leave their range behind: the latest one is drawn next, a burst does not queue.

plotly.js re-guesses an axis type whenever a trace's x data changes, from the first
trace with data: epoch milliseconds would turn the date axis into a number axis. The
widget therefore starts with an invisible *date anchor* trace (two ISO dates, no y) that
keeps the guess at "date".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from timeline.plot.masking import MaskedFigure, masked_figure

ANCHORS = 1
"""Traces before the figure's own: the date anchor."""


def date_anchor(layout: Mapping[str, Any]) -> dict:
    """An invisible trace whose x holds two ISO dates (the x range), so that plotly.js
    keeps guessing "date" for the x axis when mark data change."""
    low, high = layout["xaxis"]["range"]
    dates = pd.to_datetime([low, high], unit="ms").strftime("%Y-%m-%d %H:%M:%S").tolist()
    return {
        "type": "scatter",
        "x": dates,
        "y": [None, None],
        "mode": "markers",
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"role": "date_anchor"},
    }


def range_ms(x_range: Any) -> tuple[float, float] | None:
    """An x range as plotly gives it (ISO text from the browser, numbers or dates from
    Python) in epoch ms; None when it is not two values.

    Examples
    --------
    >>> range_ms(["1970-01-02", 172800000])
    (86400000.0, 172800000.0)
    """
    if x_range is None or len(x_range) != 2:
        return None
    values = []
    for value in x_range:
        if isinstance(value, int | float | np.integer | np.floating):
            values.append(float(value))
        else:
            try:
                values.append(pd.Timestamp(value).value / 1e6)
            except (TypeError, ValueError):
                return None
    low, high = values
    return (low, high) if low < high else None


def _has_points(trace: Any) -> bool:
    return trace.x is not None and len(trace.x) > 0


class FigureSync:
    """Keeps a ``go.FigureWidget`` in step with a mask over the events.

    Parameters
    ----------
    events
        The full event frame (masks have one entry per row).
    plot_options
        Options for :func:`timeline.plot.plot` besides ``lane`` and ``color``.
    lane, color
        The view's columns.
    mask
        Events to show at first.
    on_select
        Called with an event's row position when a mark is clicked.
    """

    def __init__(
        self,
        events: pd.DataFrame,
        plot_options: Mapping[str, Any],
        *,
        lane: str | None,
        color: str | None,
        mask: np.ndarray,
        on_select: Callable[[int], None],
    ) -> None:
        import plotly.graph_objects as go

        self.events = events
        self.plot_options = dict(plot_options)
        self.view = (lane, color)
        self.masked = self._draw(lane, color)
        self._mask = np.array(mask, dtype=bool)
        self._range = self._layout_range()
        self._pending: tuple[float, float] | None = None
        self._drawing = False
        self.redraws = 0
        self.widget = go.FigureWidget(data=self._traces(mask), layout=self.masked.layout_for(mask))
        # refit to the output's width on window resizes (the table sends one once shown);
        # FigureWidget has no public argument for plotly.js config
        self.widget._config = {"responsive": True}
        self._on_select = on_select
        self._connect_clicks()
        self._watched: int | None = None
        self._watch_range()

    def _draw(self, lane: str | None, color: str | None) -> MaskedFigure:
        return masked_figure(self.events, lane=lane, color=color, **self.plot_options)

    def _layout_range(self) -> tuple[float, float]:
        low, high = self.masked.layout["xaxis"]["range"]
        return float(low), float(high)

    @property
    def lod(self) -> bool:
        """Whether the figure draws density (some lane is over the mark budget)."""
        return self.masked.parts.lod_active

    @property
    def _offset(self) -> int:
        """Traces before the figure's mark traces: the anchor, and a strip per lane."""
        detail = self.masked.parts.detail
        return ANCHORS + (len(detail.lanes.names) if self.lod and detail is not None else 0)

    def _traces(self, mask: np.ndarray) -> list[dict]:
        if self.lod:
            parts = self.masked.parts
            return [
                date_anchor(self.masked.layout),
                *parts.view_traces(self._range, mask, all_lanes=True),
            ]
        return [date_anchor(self.masked.layout), *self.masked.traces(mask)]

    # --- level of detail -----------------------------------------------------------
    def _watch_range(self) -> None:
        layout = self.widget.layout
        if self._watched == id(layout):
            return
        layout.on_change(self._range_changed, "xaxis.range")
        self._watched = id(layout)

    def _range_changed(self, _layout: Any, x_range: Any) -> None:
        new = range_ms(x_range)
        if new is None or not self.lod:
            return
        self._pending = new
        if self._drawing:  # the redraw under way picks it up when it is done
            return
        self._drawing = True
        try:
            while self._pending is not None:
                target, self._pending = self._pending, None
                if target != self._range:
                    self._range = target
                    self._redraw()
        finally:
            self._drawing = False

    def show_range(self, x_range: tuple[float, float]) -> None:
        """Redraw the lanes for ``x_range`` (epoch ms), as a zoom to it would."""
        self._range_changed(None, list(x_range))

    def _redraw(self) -> None:
        """Strips and marks of the current range and mask, in one batch."""
        parts = self.masked.parts
        strips, arrays = parts.view_arrays(self._range, self._mask, all_lanes=True)
        data = self.widget.data
        offset = self._offset
        with self.widget.batch_update():
            for k, strip in enumerate(strips):
                if not len(strip["x"]) and not _has_points(data[ANCHORS + k]):
                    continue  # empty before and after: nothing to send
                data[ANCHORS + k].update(
                    {key: strip[key] for key in ("x", "y", "z", "text", "zmax") if key in strip}
                )
            for index, properties in arrays.items():
                trace = data[offset + index]
                if not len(properties.get("x", ())) and not _has_points(trace):
                    continue
                trace.update(properties)
        self.redraws += 1

    @property
    def shown_range(self) -> tuple[float, float]:
        """The x range (epoch ms) the lanes are drawn for."""
        return self._range

    @property
    def mark_traces(self) -> list[Any]:
        """The widget's traces that draw events."""
        data = self.widget.data
        offset = self._offset
        return [data[offset + index] for index in self.masked.mark_trace_indices]

    @property
    def strip_traces(self) -> list[Any]:
        """The widget's density strips (one per lane; empty when the lane shows marks)."""
        if not self.lod:
            return []
        return list(self.widget.data[ANCHORS : self._offset])

    def apply(self, mask: np.ndarray) -> int:
        """Show the events in ``mask``; returns how many traces were updated."""
        mask = np.asarray(mask, dtype=bool)
        changed = mask != self._mask
        if not changed.any():
            return 0
        if self.lod:
            self._mask = mask.copy()
            self._redraw()
            self._show_labels(mask)
            return len(self.widget.data) - ANCHORS
        arrays = self.masked.trace_arrays(mask, changed=changed)
        data = self.widget.data
        with self.widget.batch_update():
            for index, properties in arrays.items():
                data[ANCHORS + index].update(properties)
            self._show_labels(mask)
        self._mask = mask.copy()
        return len(arrays)

    def _show_labels(self, mask: np.ndarray) -> None:
        labels = self.masked.label_visibility(mask)
        annotations = self.widget.layout.annotations if labels else ()
        for index, visible in labels.items():  # labels (``text=``) follow their event
            shown = annotations[index].visible is not False
            if shown != visible:
                annotations[index].visible = visible

    def set_view(self, lane: str | None, color: str | None, mask: np.ndarray) -> None:
        """Draw with other lane/colour columns (new traces and layout, same widget)."""
        if (lane, color) == self.view:
            self.apply(mask)
            return
        masked = self._draw(lane, color)
        self.masked = masked
        self.view = (lane, color)
        self._mask = np.array(mask, dtype=bool)
        self._range = self._layout_range()
        with self.widget.batch_update():
            self.widget.data = []
        self.widget.add_traces(self._traces(mask))
        self.widget.layout = masked.layout_for(mask)
        self._connect_clicks()
        self._watch_range()

    def point_counts(self) -> dict[str, int]:
        """Marks shown per trace role (``instant``, ``span_center``, ...), from the widget."""
        counts: dict[str, int] = {}
        for trace in self.mark_traces:
            role = trace.meta["role"]
            points = len(trace.x) if trace.x is not None else 0
            step = 3 if trace.type == "scattergl" and trace.mode == "lines" else 1
            counts[role] = counts.get(role, 0) + points // step
        return counts

    def _connect_clicks(self) -> None:
        for trace in self.mark_traces:
            if trace.customdata is not None:
                trace.on_click(self._clicked)

    def _clicked(self, trace: Any, points: Any, _state: Any) -> None:
        indices = list(getattr(points, "point_inds", []) or [])
        if not indices or trace.customdata is None:
            return
        row = int(np.asarray(trace.customdata)[indices[0]])
        self._on_select(row)
