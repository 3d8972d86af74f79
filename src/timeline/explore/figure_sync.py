"""The live figure: one ``go.FigureWidget`` whose trace data follows the filter mask.

The figure of *all* events is drawn once per lane/colour choice
(:func:`timeline.plot.masked_figure`); a filter change then only assigns, inside
``batch_update()``, the sliced arrays of the traces that hold a changed event. A new
lane or colour column rebuilds the traces and layout, still in the same FigureWidget.

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
        self.widget = go.FigureWidget(data=self._traces(mask), layout=self.masked.layout_for(mask))
        # refit to the output's width on window resizes (the table sends one once shown);
        # FigureWidget has no public argument for plotly.js config
        self.widget._config = {"responsive": True}
        self._mask = np.array(mask, dtype=bool)
        self._on_select = on_select
        self._connect_clicks()

    def _draw(self, lane: str | None, color: str | None) -> MaskedFigure:
        return masked_figure(self.events, lane=lane, color=color, **self.plot_options)

    def _traces(self, mask: np.ndarray) -> list[dict]:
        return [date_anchor(self.masked.layout), *self.masked.traces(mask)]

    @property
    def mark_traces(self) -> list[Any]:
        """The widget's traces that draw events."""
        data = self.widget.data
        return [data[ANCHORS + index] for index in self.masked.mark_trace_indices]

    def apply(self, mask: np.ndarray) -> int:
        """Show the events in ``mask``; returns how many traces were updated."""
        mask = np.asarray(mask, dtype=bool)
        changed = mask != self._mask
        if not changed.any():
            return 0
        arrays = self.masked.trace_arrays(mask, changed=changed)
        data = self.widget.data
        labels = self.masked.label_visibility(mask)
        with self.widget.batch_update():
            for index, properties in arrays.items():
                data[ANCHORS + index].update(properties)
            annotations = self.widget.layout.annotations if labels else ()
            for index, visible in labels.items():  # labels (``text=``) follow their event
                shown = annotations[index].visible is not False
                if shown != visible:
                    annotations[index].visible = visible
        self._mask = mask.copy()
        return len(arrays)

    def set_view(self, lane: str | None, color: str | None, mask: np.ndarray) -> None:
        """Draw with other lane/colour columns (new traces and layout, same widget)."""
        if (lane, color) == self.view:
            self.apply(mask)
            return
        masked = self._draw(lane, color)
        self.masked = masked
        self.view = (lane, color)
        with self.widget.batch_update():
            self.widget.data = []
        self.widget.add_traces(self._traces(mask))
        self.widget.layout = masked.layout_for(mask)
        self._mask = np.array(mask, dtype=bool)
        self._connect_clicks()

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
