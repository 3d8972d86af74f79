"""``TableExplorer``: the explorer over a lazy ``EventTable`` (``tl.explore(tl.scan_events(...))``).

The same :class:`~timeline.filters.FilterState` drives it as the frame explorer; every
change runs in the table's engine: the filter, the count shown, the facet counts of the
multi-selects, and the figure of the range in view (:func:`timeline.plot.table_figure.
plot_table`: the window's events as marks when few, else the engine's bucket counts as
density strips). A zoom (an x-range change of the live figure) draws the new range the
same way. Only aggregates and the events of the visible window reach the kernel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from timeline.explore.summary import summary_html
from timeline.filters import FACET_COLUMNS, FilterState

MAX_FACET_OPTIONS = 200


class TableExplorer:
    """A live view of an ``EventTable``: filters, counts and a figure computed in its engine.

    Parameters
    ----------
    table
        An ``EventTable`` (``tl.scan_events``).
    state
        Filters and view to start with.
    max_marks
        Most events in view drawn as marks (more are drawn as density).
    **plot_options
        ``lane``, ``color``, ``title``, ``width``, ``height`` of the figure.

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
    >>> explorer = tl.explore(tl.scan_events(events), state={"since": "2025"})
    >>> explorer.filtered["title"].tolist(), explorer.shown_count
    (['b'], 1)
    """

    def __init__(
        self,
        table: Any,
        *,
        state: FilterState | Mapping[str, Any] | None = None,
        max_marks: int | None = None,
        **plot_options: Any,
    ) -> None:
        from timeline.plot.table_figure import MAX_MARKS

        self._table = table
        lane = plot_options.pop("lane", None)
        color = plot_options.pop("color", None)
        initial = FilterState.from_dict(state)
        if initial.lane is None and lane is not None:
            initial = initial.replace(lane=lane)
        if initial.color is None and color is not None:
            initial = initial.replace(color=color)
        self._max_marks = MAX_MARKS if max_marks is None else int(max_marks)
        self._plot_options = plot_options
        self._x_range: tuple[float, float] | None = None
        self._state = initial
        self._filtered = table.filter(initial)
        self._total: int | None = None
        self._figure_widget: Any = None
        self._summary: Any = None
        self._widget: Any = None
        self._error: str | None = None

    @property
    def state(self) -> FilterState:
        """The current filters and view choices (a copy)."""
        return self._state.replace()

    @property
    def table(self) -> Any:
        """The filtered ``EventTable`` (lazy; run more queries on it)."""
        return self._filtered

    def set_state(self, state: FilterState | Mapping[str, Any]) -> None:
        """Apply a state; raises ``ValueError`` (changing nothing) for a bad field."""
        new = FilterState.from_dict(state)
        for argument in ("lane", "color"):
            column = getattr(new, argument)
            if column is not None and column not in self._table.columns:
                msg = f"{argument}={column!r} is not a column of the events"
                raise ValueError(msg)
        self._filtered = self._table.filter(new)
        self._state = new
        self._redraw()

    @property
    def shown_count(self) -> int:
        """Events the filters keep (in the engine)."""
        if self._x_range is None and hasattr(self._filtered, "prepare"):
            # the overview's pass counts them too: one read of the events, not two
            self._filtered.prepare(self._state.lane)
        return len(self._filtered)

    @property
    def total_count(self) -> int:
        """Events in the table."""
        if self._total is None:
            self._total = len(self._table)
        return self._total

    @property
    def filtered(self) -> pd.DataFrame:
        """The kept events of the range in view (at most ``max_marks``), as pandas."""
        low, high = self._x_range if self._x_range is not None else (None, None)
        return self._filtered.window(low, high, limit=self._max_marks)

    def facet_options(self, column: str) -> list[tuple[str, int]]:
        """(value, count) of a facet over the whole table, most frequent first."""
        return self._table.facet_counts(column, limit=MAX_FACET_OPTIONS)

    @property
    def figure(self) -> Any:
        """A ``go.Figure`` of the current view (range and filters)."""
        from timeline.plot.figure import plot
        from timeline.plot.table_figure import plot_table

        return plot_table(
            self._filtered,
            draw_frame=plot,
            lane=self._state.lane,
            color=self._state.color,
            x_range=self._x_range,
            max_marks=self._max_marks,
            **self._plot_options,
        )

    def zoom(self, x_range: tuple[object, object] | None) -> None:
        """Show ``x_range`` (two dates or epoch ms; None: the whole extent)."""
        if x_range is None:
            self._x_range = None
        else:
            low, high = (_ms(v) for v in x_range)
            self._x_range = (low, high)
        self._redraw()

    # --- widgets -------------------------------------------------------------------------
    @property
    def figure_widget(self) -> Any:
        """The live ``go.FigureWidget``; a zoom redraws its range from the engine."""
        if self._figure_widget is None:
            import plotly.graph_objects as go

            widget = go.FigureWidget(self.figure)
            widget.layout.on_change(self._on_relayout, "xaxis.range")
            self._figure_widget = widget
        return self._figure_widget

    @property
    def widget(self) -> Any:
        """Controls, status line and the live figure."""
        if self._widget is None:
            self._widget = self._build_widget()
        return self._widget

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def _on_relayout(self, _layout: Any, x_range: Any) -> None:
        if x_range is None or self._redrawing:
            return
        low, high = (_ms(v) for v in x_range)
        if (
            self._x_range is not None
            and abs(low - self._x_range[0]) + abs(high - self._x_range[1]) < 1
        ):
            return
        self._x_range = (low, high)
        self._redraw()

    _redrawing = False

    def _redraw(self) -> None:
        if self._summary is not None:
            self._summary.value = summary_html(
                self.shown_count, self.total_count, error=self._error
            )
        if self._figure_widget is None:
            return
        figure = self.figure
        widget = self._figure_widget
        self._redrawing = True
        try:
            with widget.batch_update():
                widget.data = []
                widget.add_traces(list(figure.data))
                widget.layout = figure.layout
        finally:
            self._redrawing = False

    def _build_widget(self) -> Any:
        import ipywidgets as widgets

        controls: dict[str, Any] = {
            "search": widgets.Text(description="Search", value=self._state.search),
            "since": widgets.Text(description="Since", value=self._state.since or ""),
            "until": widgets.Text(description="Until", value=self._state.until or ""),
            "hide_approximate": widgets.Checkbox(description="Hide approximate"),
            "hide_uncertain": widgets.Checkbox(description="Hide uncertain"),
        }
        for column in FACET_COLUMNS:
            if column in self._table.columns:
                options = [(f"{v} ({n:,})", v) for v, n in self.facet_options(column)]
                controls[column] = widgets.SelectMultiple(
                    options=options, description=column.capitalize(), rows=5
                )

        def changed(_change: Any) -> None:
            values = {
                "search": controls["search"].value,
                "since": controls["since"].value.strip() or None,
                "until": controls["until"].value.strip() or None,
                "hide_approximate": bool(controls["hide_approximate"].value),
                "hide_uncertain": bool(controls["hide_uncertain"].value),
            }
            for column in FACET_COLUMNS:
                if column in controls:
                    chosen = list(controls[column].value)
                    values[column] = chosen or None
            try:
                self._error = None
                self.set_state(self._state.replace(**values))
            except ValueError as exc:
                self._error = str(exc)
                self._redraw()

        for control in controls.values():
            control.observe(changed, names="value")
        self._controls = controls
        self._summary = widgets.HTML(
            summary_html(self.shown_count, self.total_count, error=self._error)
        )
        return widgets.VBox(
            [
                widgets.HBox(list(controls.values())[:5]),
                widgets.HBox([c for k, c in controls.items() if k in FACET_COLUMNS]),
                self._summary,
                self.figure_widget,
            ]
        )


def _ms(value: object) -> float:
    if isinstance(value, int | float):
        return float(value)
    stamp = pd.Timestamp(value)
    return float(stamp.as_unit("ms").asm8.astype("int64"))
