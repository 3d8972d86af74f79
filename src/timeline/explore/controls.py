"""The filter controls, built from the data: date range, facets, search, toggles, view.

This module only makes widgets and the choices they offer; ``binding`` connects them to
the explorer's :class:`~timeline.filters.FilterState`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from timeline.filters import FACET_COLUMNS, date_extent, facet_counts
from timeline.lists import is_list_column

MAX_FACET_OPTIONS = 500
"""A multi-select lists at most this many values (the most frequent)."""
MAX_VIEW_VALUES = 200
"""A text column with more distinct values than this is not offered as lane or colour."""
LIVE_SEARCH_LIMIT = 200_000
"""Up to this many events the search filters while typing; above, on Enter."""
VIEW_PREFERRED = (
    "category",
    "actors",
    "source",
    "location",
    "claimant",
    "kind",
    "reliability",
    "credibility",
    "tags",
)
NOT_VIEW_COLUMNS = {
    "event_id",
    "title",
    "date_text",
    "end_text",
    "description",
    "quote",
    "edtf",
    "source_url",
    "start",
    "end",
    "reported_on",
    "latitude",
    "longitude",
    "quantity",
}


@dataclass(frozen=True)
class DateSteps:
    """Positions of the date slider: one per day, month or year of the data's extent.

    ``values`` are date expressions the loader understands ("2024-06"), so a slider
    position becomes a ``since``/``until`` text.
    """

    labels: list[str]
    values: list[str]
    starts: np.ndarray  # datetime64[us] start of each step

    def __len__(self) -> int:
        return len(self.values)

    def index_of_start(self, when: pd.Timestamp) -> int:
        """The step that contains ``when`` (clamped to the steps)."""
        position = int(np.searchsorted(self.starts, np.datetime64(when, "us"), side="right")) - 1
        return int(np.clip(position, 0, len(self) - 1))

    def index_of_end(self, end: pd.Timestamp) -> int:
        """The last step that begins before the exclusive ``end`` (clamped)."""
        position = int(np.searchsorted(self.starts, np.datetime64(end, "us"), side="left")) - 1
        return int(np.clip(position, 0, len(self) - 1))


def date_steps(events: pd.DataFrame) -> DateSteps | None:
    """Slider steps over the data's extent: days up to ~13 months, months up to a
    century, else years. None when no event has a date.

    Examples
    --------
    >>> frame = pd.DataFrame({"start": pd.to_datetime(["2024-06-19", "2025-09-05"]),
    ...                       "end": pd.to_datetime(["2024-06-20", "2025-09-06"])})
    >>> steps = date_steps(frame)
    >>> steps.values[0], steps.values[-1], steps.labels[0]
    ('2024-06', '2025-09', 'Jun 2024')
    >>> date_steps(frame.iloc[:1]).values
    ['2024-06-19']
    """
    extent = date_extent(events)
    if extent is None:
        return None
    low, high = extent
    high = max(high, low)
    days = (high - low).days
    if days <= 400:
        unit, label_format, value_format = "D", "%d %b %Y", "%Y-%m-%d"
    elif days <= 100 * 366:
        unit, label_format, value_format = "M", "%b %Y", "%Y-%m"
    else:
        unit, label_format, value_format = "Y", "%Y", "%Y"
    first = np.datetime64(low, unit)
    last = np.datetime64(high - pd.Timedelta(microseconds=1), unit) if high > low else first
    starts = np.arange(first, max(last, first) + 1).astype("datetime64[us]")
    stamps = pd.DatetimeIndex(starts)
    labels = [s.lstrip("0") for s in stamps.strftime(label_format)]
    values = list(stamps.strftime(value_format))
    return DateSteps(labels=labels, values=values, starts=starts)


def facet_options(events: pd.DataFrame, column: str) -> list[tuple[str, str]]:
    """(label with count, value) for a multi-select, most frequent first.

    Examples
    --------
    >>> facet_options(pd.DataFrame({"actors": [["Kim", "Putin"], ["Putin"]]}), "actors")
    [('Putin (2)', 'Putin'), ('Kim (1)', 'Kim')]
    """
    counts = facet_counts(events, column)[:MAX_FACET_OPTIONS]
    return [(f"{value} ({count:,})", value) for value, count in counts]


def view_columns(events: pd.DataFrame) -> list[str]:
    """Columns offered as lane or colour: the categorical ones (few distinct values).

    Examples
    --------
    >>> frame = pd.DataFrame({"title": ["a", "b"], "category": ["x", "y"], "n": [1.5, 2.5]})
    >>> view_columns(frame)
    ['category']
    """
    preferred = [c for c in VIEW_PREFERRED if c in events.columns]
    others = [
        c
        for c in events.columns
        if c not in preferred and c not in NOT_VIEW_COLUMNS and not str(c).startswith("__")
    ]
    return [c for c in [*preferred, *others] if _is_categorical(events[c])]


def _is_categorical(values: pd.Series) -> bool:
    if isinstance(values.dtype, pd.CategoricalDtype) or values.dtype == bool:
        return True
    if is_list_column(values):
        return True
    if pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
        try:
            distinct = values.nunique(dropna=True)
        except TypeError:  # unhashable cells
            return False
        return 0 < distinct <= MAX_VIEW_VALUES
    return False


@dataclass
class Controls:
    """The control widgets; optional ones are None when the data has no such column."""

    since: Any
    until: Any
    date_slider: Any | None
    facets: dict[str, Any]
    search: Any
    hide_approximate: Any | None
    hide_uncertain: Any | None
    min_reliability: Any | None
    lane: Any
    color: Any
    reset: Any
    steps: DateSteps | None
    box: Any = field(default=None)


RELIABILITY_CHOICES: list[tuple[str, str | None]] = [
    ("any grade", None),
    ("A", "A"),
    ("B or better", "B"),
    ("C or better", "C"),
    ("D or better", "D"),
    ("E or better", "E"),
    ("F or better (graded)", "F"),
]


def build_controls(events: pd.DataFrame) -> Controls:
    """Make the control widgets for these events (not yet bound to any state)."""
    import ipywidgets as widgets

    label_style = {"description_width": "70px"}
    wide = widgets.Layout(width="330px")
    since = widgets.Text(
        description="Since",
        placeholder="e.g. June 2024, since September",
        continuous_update=False,
        style=label_style,
        layout=wide,
    )
    until = widgets.Text(
        description="Until",
        placeholder="e.g. March 2025, late October",
        continuous_update=False,
        style=label_style,
        layout=wide,
    )
    steps = date_steps(events)
    slider = None
    if steps is not None and len(steps) > 1:
        slider = widgets.SelectionRangeSlider(
            options=steps.labels,
            index=(0, len(steps) - 1),
            description="Dates",
            continuous_update=False,
            style=label_style,
            layout=widgets.Layout(width="440px"),
        )
    facets = {}
    not_era = events[events["kind"].astype(object) != "era"] if "kind" in events else events
    for column in FACET_COLUMNS:
        if column not in events.columns:
            continue
        options = facet_options(not_era, column)  # counts of events (eras always show)
        if not options:
            continue
        facets[column] = widgets.SelectMultiple(
            options=options,
            rows=min(6, max(len(options), 2)),
            layout=widgets.Layout(width="230px"),
        )
    search = widgets.Text(
        description="Search",
        placeholder="words in title, description, quote",
        continuous_update=len(events) <= LIVE_SEARCH_LIMIT,
        style=label_style,
        layout=wide,
    )
    hide_approximate = (
        widgets.Checkbox(description="Hide approximate dates (circa, ~)", indent=False)
        if "approximate" in events.columns
        else None
    )
    hide_uncertain = (
        widgets.Checkbox(description="Hide uncertain dates (?, reportedly)", indent=False)
        if "uncertain" in events.columns
        else None
    )
    min_reliability = (
        widgets.Dropdown(
            options=RELIABILITY_CHOICES,
            value=None,
            description="Reliability",
            style=label_style,
            layout=widgets.Layout(width="260px"),
        )
        if "reliability" in events.columns
        else None
    )
    choices = [("(none)", None), *((str(c), str(c)) for c in view_columns(events))]
    lane = widgets.Dropdown(
        options=choices, value=None, description="Lanes", style=label_style, layout=wide
    )
    color = widgets.Dropdown(
        options=choices, value=None, description="Colour", style=label_style, layout=wide
    )
    reset = widgets.Button(description="Reset filters", icon="undo")
    controls = Controls(
        since=since,
        until=until,
        date_slider=slider,
        facets=facets,
        search=search,
        hide_approximate=hide_approximate,
        hide_uncertain=hide_uncertain,
        min_reliability=min_reliability,
        lane=lane,
        color=color,
        reset=reset,
        steps=steps,
    )
    controls.box = _arrange(controls)
    return controls


def _arrange(c: Controls) -> Any:
    import ipywidgets as widgets

    dates = [w for w in (c.date_slider, c.since, c.until) if w is not None]
    text = [
        w
        for w in (c.search, c.hide_approximate, c.hide_uncertain, c.min_reliability)
        if w is not None
    ]
    view = [c.lane, c.color, c.reset]
    facet_boxes = [
        widgets.VBox(
            [widgets.HTML(f"<b>{column.title()}</b>"), widget],
            layout=widgets.Layout(margin="0 10px 6px 0"),
        )
        for column, widget in c.facets.items()
    ]
    return widgets.VBox(
        [
            widgets.HBox(
                [
                    widgets.VBox(group, layout=widgets.Layout(margin="0 16px 6px 0"))
                    for group in (dates, text, view)
                ],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            widgets.HBox(facet_boxes, layout=widgets.Layout(flex_flow="row wrap")),
        ]
    )
