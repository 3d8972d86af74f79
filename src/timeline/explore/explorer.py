"""``Explorer``: filter, search and read events live in JupyterLab.

The explorer holds a :class:`~timeline.filters.FilterState` and the mask it gives
(:class:`~timeline.filters.FilterCache`); everything else is a view of those two. Widgets
are built on first use of :attr:`Explorer.widget` (or :attr:`Explorer.figure_widget`) and
are pushed to only once they exist, so an explorer can be made, driven with
:meth:`Explorer.set_state` and exported without any front end.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from timeline.explore.details import details_html, placeholder_html
from timeline.explore.summary import summary_html
from timeline.filters import FilterCache, FilterState
from timeline.reference import latest_report
from timeline.schema import check_column, check_event_frame

if TYPE_CHECKING:
    import ipywidgets
    import plotly.graph_objects as go

    from timeline.explore.binding import ControlBinding
    from timeline.explore.controls import Controls
    from timeline.explore.export_buttons import ExportPanel
    from timeline.explore.figure_sync import FigureSync
    from timeline.explore.table import EventTable

DEFAULT_EXPORT_DIR = "timeline-exports"


class Explorer:
    """A live view of events: filters, a figure, a linked table and a details pane.

    Make one with :func:`explore`. Displaying the explorer shows :attr:`widget`.

    Parameters
    ----------
    events : pandas.DataFrame
        The canonical event frame.
    state : FilterState or dict, optional
        Filters and view choices to start with.
    export_dir : str or Path, default "timeline-exports"
        Where the export buttons write ``timeline-view.html`` and ``.png``.
    page_size : int, default 50
        Rows per page of the table.
    **plot_options
        Options for :func:`timeline.plot.plot`; ``lane`` and ``color`` here are the
        starting view unless ``state`` sets them.

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({
    ...     "title": ["Summit", "Troops deployed"], "date": ["June 2024", "since September"],
    ...     "reported on": "2024-11-05", "category": ["diplomacy", "deployment"],
    ... }))
    >>> explorer = Explorer(events, state={"category": ["deployment"]}, lane="category")
    >>> explorer.filtered["title"].tolist(), explorer.state.lane
    (['Troops deployed'], 'category')
    """

    def __init__(
        self,
        events: pd.DataFrame,
        *,
        state: FilterState | Mapping[str, Any] | None = None,
        export_dir: str | Path = DEFAULT_EXPORT_DIR,
        page_size: int = 50,
        **plot_options: Any,
    ) -> None:
        self._events = check_event_frame(events, "explore")
        lane = plot_options.pop("lane", None)
        color = plot_options.pop("color", None)
        initial = FilterState.from_dict(state)
        if initial.lane is None and lane is not None:
            initial = initial.replace(lane=lane)
        if initial.color is None and color is not None:
            initial = initial.replace(color=color)
        self._check_view(initial)
        self._plot_options = plot_options
        self._cache = FilterCache(events)
        self._is_event = (events["kind"].astype(object) != "era").to_numpy()
        self._state = initial
        self._mask = self._cache.mask(initial)
        self._export_dir = Path(export_dir)
        self._page_size = page_size
        self._error: str | None = None
        self._selected: int | None = None
        # widgets, built on first use
        self._figure_sync: FigureSync | None = None
        self._controls: Controls | None = None
        self._binding: ControlBinding | None = None
        self._table: EventTable | None = None
        self._summary: ipywidgets.HTML | None = None
        self._details: ipywidgets.HTML | None = None
        self._export: ExportPanel | None = None
        self._widget: ipywidgets.VBox | None = None

    # --- state -----------------------------------------------------------------------
    @property
    def state(self) -> FilterState:
        """The current filters and view choices (JSON via ``.to_json()``).

        A copy that shares no list with the explorer: changing it (``state.category.append``)
        changes nothing until it is passed to :meth:`set_state`.
        """
        return self._state.replace()

    def set_state(self, state: FilterState | Mapping[str, Any]) -> None:
        """Apply a state (a :class:`FilterState` or its dict form); the controls follow.

        Raises ``ValueError`` (and changes nothing) when a field is not valid, e.g. a
        ``since`` the date engine does not understand or a ``lane`` that is no column.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events("data/events.csv")  # doctest: +SKIP
        >>> explorer = tl.explore(events)  # doctest: +SKIP
        >>> explorer.set_state({"search": "Kursk", "lane": "actors"})  # doctest: +SKIP
        """
        new = FilterState.from_dict(state)
        self._check_view(new)
        mask = self._cache.mask(new)  # raises on a bad field before anything changes
        self._error = None
        self._apply(new, mask)

    @property
    def filtered(self) -> pd.DataFrame:
        """The events the current filters keep (era rows always stay)."""
        return self._events.iloc[np.flatnonzero(self._mask)]

    @property
    def _shown_count(self) -> int:
        """Events shown (era rows not counted)."""
        return int(np.count_nonzero(self._mask & self._is_event))

    @property
    def _total_count(self) -> int:
        """Events in the data (era rows not counted)."""
        return int(np.count_nonzero(self._is_event))

    def _summary_html(self) -> str:
        """The status line as HTML: "Showing N of M events", empty state, last error."""
        return summary_html(self._shown_count, self._total_count, error=self._error)

    @property
    def figure(self) -> go.Figure:
        """A standalone ``go.Figure`` of the current view (lanes laid out for it).

        Ongoing spans reach the same date as in the live widget: the ``reference_date``
        plot option, else the latest report date of *all* events (not only the shown ones).
        """
        from timeline.plot import plot

        options = dict(self._plot_options)
        if options.get("reference_date") is None:
            options["reference_date"] = latest_report(self._events)
        return plot(self.filtered, lane=self._state.lane, color=self._state.color, **options)

    # --- widgets ---------------------------------------------------------------------
    @property
    def figure_widget(self) -> go.FigureWidget:
        """The live ``go.FigureWidget`` (made once; filters only update its data)."""
        return self._figure().widget

    @property
    def widget(self) -> ipywidgets.VBox:
        """The whole app: controls, status line, figure, table, details and export."""
        if self._widget is None:
            self._widget = self._build_widget()
        return self._widget

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    # --- internals -------------------------------------------------------------------
    def _check_view(self, state: FilterState) -> None:
        for argument in ("lane", "color"):
            check_column(self._events, argument, getattr(state, argument))

    def _apply(self, state: FilterState, mask: np.ndarray) -> None:
        self._state = state
        self._mask = mask
        if self._figure_sync is not None:
            self._figure_sync.set_view(state.lane, state.color, mask)
        if self._table is not None:
            self._table.show(mask & self._is_event)
        if self._binding is not None:
            self._binding.show(state)
        self._show_summary()

    def _change_from_controls(self, changes: dict[str, Any]) -> None:
        """A user edit: apply it, or keep the view and show why it cannot be applied."""
        try:
            candidate = self._state.replace(**changes)
            self._check_view(candidate)
            mask = self._cache.mask(candidate)
        except ValueError as exc:
            self._error = str(exc)
            self._show_summary()
            return
        self._error = None
        self._apply(candidate, mask)

    def _reset_filters(self) -> None:
        kept = FilterState(
            lane=self._state.lane,
            color=self._state.color,
            reference_date=self._state.reference_date,
        )
        self._error = None
        self._apply(kept, self._cache.mask(kept))

    def _show_details(self, row: int) -> None:
        self._selected = int(row)
        if self._details is not None:
            self._details.value = details_html(self._events.iloc[int(row)])
        if self._table is not None:
            self._table.mark_selected(int(row))

    def _details_html(self) -> str:
        """The details pane as HTML (the chosen event's full record, escaped)."""
        if self._selected is None:
            return placeholder_html()
        return details_html(self._events.iloc[self._selected])

    def _show_summary(self) -> None:
        if self._summary is not None:
            self._summary.value = self._summary_html()

    def _figure(self) -> FigureSync:
        if self._figure_sync is None:
            from timeline.explore.figure_sync import FigureSync

            self._figure_sync = FigureSync(
                self._events,
                self._plot_options,
                lane=self._state.lane,
                color=self._state.color,
                mask=self._mask,
                on_select=self._show_details,
            )
        return self._figure_sync

    def _build_widget(self) -> ipywidgets.VBox:
        import ipywidgets as widgets

        from timeline.explore.binding import ControlBinding
        from timeline.explore.controls import build_controls
        from timeline.explore.export_buttons import ExportPanel
        from timeline.explore.table import EventTable

        figure = self._figure()
        controls = build_controls(self._events)
        binding = ControlBinding(
            controls,
            on_change=self._change_from_controls,
            on_reset=self._reset_filters,
            reference_date=self._cache.reference_date,
        )
        binding.show(self._state)
        table = EventTable(self._events, on_select=self._show_details, page_size=self._page_size)
        table.show(self._mask & self._is_event)
        self._summary = widgets.HTML(self._summary_html())
        self._details = widgets.HTML(
            self._details_html(), layout=widgets.Layout(width="38%", margin="0 0 0 2%")
        )
        self._export = ExportPanel(self, self._export_dir)
        self._controls, self._binding, self._table = controls, binding, table
        table.box.layout = widgets.Layout(width="60%")
        return widgets.VBox(
            [
                controls.box,
                self._summary,
                figure.widget,
                widgets.HBox([table.box, self._details]),
                self._export.box,
            ],
            layout=widgets.Layout(width="100%"),
        )


def explore(
    events: pd.DataFrame,
    *,
    state: FilterState | Mapping[str, Any] | None = None,
    **plot_options: Any,
) -> Explorer:
    """Explore events in JupyterLab: filter, search, read, export.

    Controls: a date range (slider over the data's extent, and boxes that take the
    loader's date expressions, "since June 2024"), multi-selects for category, actors,
    source and location (with counts), a free-text search (every word must appear in
    the title, description or quote), toggles for approximate and uncertain dates, a
    minimum source reliability, the lane and colour columns, and Reset. Filters update
    the figure's data in place; the table lists the visible events and a click on a
    row or a mark shows the full record.

    Parameters
    ----------
    events : pandas.DataFrame or EventTable
        The canonical event frame (``tl.load_events``), or a lazy table
        (``tl.scan_events``): then a :class:`~timeline.explore.table_explorer.TableExplorer`
        runs filters, counts and the figure of the range in view in the table's engine.
    state : FilterState or dict, optional
        Filters and view to start with, e.g. a saved ``explorer.state.to_dict()``.
    **plot_options
        Options for :func:`timeline.plot.plot` (``lane``, ``color``, ``eras``,
        ``markers``, ``title``...); also ``export_dir`` (where the export buttons
        write, default ``timeline-exports``) and ``page_size`` (table rows per page).

    Returns
    -------
    Explorer
        ``.widget``, ``.figure_widget``, ``.filtered``, ``.figure``, ``.state``,
        ``.set_state(state)``.

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({
    ...     "title": ["Summit", "Visit to Moscow"], "date": ["19 June 2024", "late October 2024"],
    ... }))
    >>> explorer = tl.explore(events, state={"search": "moscow"})
    >>> explorer.filtered["title"].tolist()
    ['Visit to Moscow']
    >>> explorer.set_state(explorer.state.replace(search=""))
    >>> len(explorer.filtered)
    2
    """
    from timeline.engines.table import EventTable

    if isinstance(events, EventTable):
        from timeline.explore.table_explorer import TableExplorer

        return TableExplorer(events, state=state, **plot_options)  # type: ignore[return-value]
    return Explorer(events, state=state, **plot_options)
