"""What an export starts from: a figure, an explorer, or an event frame.

:func:`export_source` turns any of the three into an :class:`ExportSource`, which hands
out the figure (built with ``tl.plot`` on first use when only events were given) and the
events (when known). Explorers are duck-typed: anything with ``.figure`` and ``.filtered``.
"""

from __future__ import annotations

import html
import inspect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from timeline.text import escape_text, is_missing

_TAG = re.compile(r"<[^>]*>")


def plot_option_names() -> frozenset[str]:
    """Keyword arguments of ``tl.plot`` (accepted by ``tl.export`` for event frames)."""
    from timeline.plot import plot

    names = inspect.signature(plot).parameters
    return frozenset(name for name in names if name != "events")


def plain_text(markup: object) -> str:
    """Text of a plotly label: tags removed, entities decoded (``&lt;b&gt;`` -> ``<b>``).

    Examples
    --------
    >>> plain_text("<b>Troops</b> &amp; &lt;drones&gt;")
    'Troops & <drones>'
    """
    if is_missing(markup):
        return ""
    return html.unescape(_TAG.sub(" ", str(markup))).strip()


@dataclass
class ExportSource:
    """The figure and, when known, the events behind it.

    Attributes
    ----------
    events : DataFrame or None
        The (filtered) event frame; ``customdata`` of the figure's marks indexes its rows
        by position.
    given_figure : go.Figure or None
        A figure passed in (or an explorer's); ``None`` when it is built from ``events``.
    plot_options : dict
        Keyword arguments for ``tl.plot`` when the figure is built here.
    title, subtitle : str or None
        Titles asked for by the caller (plain text; escaped where they are used).
    layout_size : (int or None, int or None)
        Width and height to give a figure that was passed in.
    """

    events: pd.DataFrame | None
    given_figure: go.Figure | None
    plot_options: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    subtitle: str | None = None
    layout_size: tuple[int | None, int | None] = (None, None)
    _figure: go.Figure | None = None
    _parts: Any = None

    def parts(self) -> Any:
        """The figure's parts (``timeline.plot.figure.FigureParts``, with its level of
        detail) when the figure is built here from the events; None for a given figure."""
        if self.given_figure is not None or self.events is None:
            return None
        if self._parts is None:
            from timeline.plot.figure import figure_parts

            options = {"title": self.title, "subtitle": self.subtitle, **self.plot_options}
            self._parts = figure_parts(self.events, **options)
        return self._parts

    def figure(self) -> go.Figure:
        """The figure to export, with the requested title and subtitle (built once).

        Built from events, it draws the density of busy lanes for the range it shows
        (the mark budget of ``tl.plot``), so images of big data stay readable and small.
        """
        if self._figure is None:
            if self.given_figure is None:
                self._figure = self.parts().figure()
            else:
                self._figure = self._adjusted(self.given_figure)
        return self._figure

    def chronology(
        self,
        *,
        events: pd.DataFrame | None = None,
        key_events: object = None,
        page: str = "slide",
        width: int | None = None,
        height: int | None = None,
    ) -> go.Figure:
        """The events (default: all of this source's) as ``tl.chronology``, with the title
        and subtitle of the export and the colour, eras and reference date of the plot
        options.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events("data/events.csv")
        >>> source = export_source(events, plot_options={"color": "category"}, title="T",
        ...                        subtitle=None)
        >>> source.chronology(key_events=3).layout.width
        1280
        """
        from timeline.plot import chronology

        if events is None:
            events = self.require_events("a chronology")
        names = ("color", "eras", "reference_date", "palette", "color_map")
        options = {k: self.plot_options[k] for k in names if self.plot_options.get(k) is not None}
        return chronology(
            events,
            key_events=key_events,
            title=self.display_title(),
            subtitle=self.display_subtitle() or None,
            page=page,
            width=width,
            height=height,
            **options,
        )

    def _adjusted(self, figure: go.Figure) -> go.Figure:
        """The given figure with the requested title, subtitle and size (a copy if changed)."""
        changes: dict[str, Any] = {}
        if self.title is not None:
            changes["title_text"] = escape_text(self.title)
        if self.subtitle is not None:
            changes["title_subtitle_text"] = escape_text(self.subtitle)
        width, height = self.layout_size
        if width is not None:
            changes["width"] = width
        if height is not None:
            changes["height"] = height
        if not changes:
            return figure
        figure = go.Figure(figure)
        figure.update_layout(**changes)
        return figure

    def figure_title(self) -> str:
        """The given figure's own title as plain text ("" when it has none)."""
        if self.given_figure is None:
            return ""
        return plain_text(self.given_figure.layout.title.text)

    def display_title(self) -> str:
        """Title for pages and slides: the option, the events' title, the figure's title."""
        if self.title:
            return self.title
        if self.events is not None and self.events.attrs.get("title"):
            return str(self.events.attrs["title"])
        return self.figure_title() or "Timeline"

    def display_subtitle(self) -> str:
        """Subtitle for pages and slides: the option, else the figure's subtitle."""
        if self.subtitle is not None:
            return self.subtitle
        if self.given_figure is not None:
            return plain_text(self.given_figure.layout.title.subtitle.text)
        return ""

    def require_events(self, what: str) -> pd.DataFrame:
        """The events, or an error saying that ``what`` needs them."""
        if self.events is None:
            msg = (
                f"{what} needs the events, but a figure was given; pass the event frame "
                "(or an explorer) to tl.export instead"
            )
            raise TypeError(msg)
        return self.events


def is_explorer(obj: object) -> bool:
    """True for explorer-like objects (a ``.figure`` and a ``.filtered`` attribute)."""
    return hasattr(obj, "figure") and hasattr(obj, "filtered")


def export_source(
    obj: object,
    *,
    plot_options: Mapping[str, Any],
    title: str | None,
    subtitle: str | None,
    filters: object = None,
) -> ExportSource:
    """Wrap a figure, an explorer or an event frame for the writers.

    Parameters
    ----------
    obj
        ``go.Figure``, an explorer (``.figure``, ``.filtered``) or a canonical event frame.
    plot_options
        ``tl.plot`` keyword arguments; only allowed for an event frame.
    title, subtitle
        Plain-text titles for the export.
    filters
        A ``FilterState`` (or its dict form) applied to an event frame first.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> export_source(go.Figure(), plot_options={}, title="T", subtitle=None).events is None
    True
    """
    if isinstance(obj, pd.DataFrame):
        events = obj
        options = dict(plot_options)
        if filters is not None:
            from timeline.filters import apply_filters
            from timeline.reference import latest_report

            # The reference date is the unfiltered frame's (see timeline.reference), as in
            # the explorer, not the latest report among the rows the filters keep.
            reference = latest_report(events)
            if reference is not None:
                options.setdefault("reference_date", reference)
            events = apply_filters(events, filters)
        return ExportSource(events, None, options, title, subtitle)
    if plot_options or filters is not None:
        names = sorted([*plot_options, *(["filters"] if filters is not None else [])])
        msg = (
            f"{', '.join(f'{n}=' for n in names)} only apply when tl.export is given an "
            f"event frame (they are tl.plot options and filters); got a {type(obj).__name__}"
        )
        raise TypeError(msg)
    if isinstance(obj, go.Figure):
        return ExportSource(None, obj, {}, title, subtitle)
    if is_explorer(obj):
        figure = obj.figure  # type: ignore[attr-defined]
        events = obj.filtered  # type: ignore[attr-defined]
        if not isinstance(figure, go.Figure):
            figure = go.Figure(figure)
        return ExportSource(events, figure, {}, title, subtitle)
    msg = (
        "tl.export needs a plotly go.Figure, an explorer (with .figure and .filtered) or an "
        f"event frame (pandas DataFrame); got {type(obj).__name__}"
    )
    raise TypeError(msg)
