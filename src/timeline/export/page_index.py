"""What the page's search box and toggles need, computed once in Python.

Each mark trace of a timeline figure carries ``customdata``: the row position of its event
in the plotted frame. The index gives, per event row, a lowercase search text and a
category code, and the lanes with their y extent, so the page's script can decide per
mark whether it is shown without knowing anything about the figure's construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.export.source import plain_text
from timeline.filters import search_text

MISSING_CATEGORY = "(no category)"


@dataclass
class PageIndex:
    """The page's data besides the figure (serialised to JSON in the page)."""

    events: int  # event rows the marks refer to (length of ``texts``)
    drawn: int  # distinct events drawn in the figure
    texts: list[str] | None  # lowercase search text per event row; None: no search
    categories: list[str] = field(default_factory=list)
    category: list[int] = field(default_factory=list)  # code per event row
    lanes: list[str] = field(default_factory=list)
    lane_edges: list[list[float]] = field(default_factory=list)  # [low, high) y per lane
    texts_in_detail: bool = False  # search texts are in the level-of-detail data
    category_in_detail: bool = False  # so are the category codes (plus one)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for ``json.dumps``."""
        return {
            "events": self.events,
            "drawn": self.drawn,
            "texts": self.texts,
            "categories": self.categories,
            "category": self.category,
            "lanes": self.lanes,
            "laneEdges": self.lane_edges,
            "textsInDetail": self.texts_in_detail,
            "categoryInDetail": self.category_in_detail,
        }


def _mark_rows(figure: go.Figure) -> np.ndarray:
    """Every event row referenced by a trace's ``customdata``."""
    rows = [
        np.asarray(trace.customdata).ravel()
        for trace in figure.data
        if getattr(trace, "customdata", None) is not None
    ]
    rows = [r for r in rows if r.size and np.issubdtype(r.dtype, np.number)]
    if not rows:
        return np.zeros(0, dtype=np.int64)
    return np.concatenate(rows).astype(np.int64)


def search_texts(events: pd.DataFrame) -> list[str]:
    """Lowercase title, description and quote per row, as ``filters.py`` searches them.

    Examples
    --------
    >>> search_texts(pd.DataFrame({"title": ["Kursk"], "quote": [None]}))
    ['kursk\\n']
    """
    return search_text(events).tolist()


def hover_texts(figure: go.Figure, count: int) -> list[str] | None:
    """Search text per event row from the marks' hover text (for a figure without events).

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["Summit & talks"], "date": ["2024"]}))
    >>> hover_texts(tl.plot(events), 1)[0].startswith("summit & talks")
    True
    """
    texts: list[str | None] = [None] * count
    found = False
    for trace in figure.data:
        rows, hover = getattr(trace, "customdata", None), getattr(trace, "hovertext", None)
        if rows is None or hover is None or isinstance(hover, str):
            continue
        for row, text in zip(np.asarray(rows).ravel().tolist(), hover, strict=False):
            if 0 <= int(row) < count and texts[int(row)] is None:
                texts[int(row)] = plain_text(text).lower()
                found = True
    return [t or "" for t in texts] if found else None


def lane_extents(figure: go.Figure) -> tuple[list[str], list[list[float]]]:
    """Lane names and their y extent ``[low, high)`` from the figure's y axis.

    ``tl.plot`` puts a tick at the centre of each lane, first lane at ``y = 0`` on top,
    lanes separated by the gap that the axis range leaves above and below. Other figures
    (no numeric ticks) have no lanes.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"],
    ...                                       "category": ["x", "y"]}))
    >>> lane_extents(tl.plot(events, lane="category"))
    (['x', 'y'], [[-15.0, 115.0], [115.0, 245.0]])
    """
    axis = figure.layout.yaxis
    values, labels = axis.tickvals, axis.ticktext
    if not values or not labels or len(values) != len(labels):
        return [], []
    try:
        centers = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return [], []
    names = [plain_text(label) for label in labels]
    order = np.argsort(centers)
    centers = centers[order]
    names = [names[i] for i in order]
    gap = 0.0
    if axis.range is not None and len(axis.range) == 2:
        gap = max(-float(min(axis.range)), 0.0)
    tops, top = [], 0.0
    consistent = True
    for center in centers:
        height = 2 * (center - top)
        if height <= 0:
            consistent = False
            break
        tops.append((top, top + height))
        top = top + height + gap
    if consistent:
        edges = [[low - gap / 2, high + gap / 2] for low, high in tops]
    else:  # not a tl.plot layout: split halfway between ticks
        cuts = np.r_[-np.inf, (centers[1:] + centers[:-1]) / 2, np.inf]
        edges = [[float(cuts[i]), float(cuts[i + 1])] for i in range(len(centers))]
    edges = [[_finite(low), _finite(high)] for low, high in edges]
    return names, edges


def _finite(value: float) -> float:
    return float(np.clip(value, -1e12, 1e12))


def page_index(figure: go.Figure, events: pd.DataFrame | None) -> PageIndex:
    """Build the page index for ``figure`` (whose marks index ``events`` by position).

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({
    ...     "title": ["Summit", "Visit"], "date": ["June 2024", "2024-10-21"],
    ...     "category": ["diplomacy", None]}))
    >>> index = page_index(tl.plot(events, lane="title"), events)
    >>> index.lanes, index.categories, index.category
    (['Summit', 'Visit'], ['(no category)', 'diplomacy'], [1, 0])
    """
    rows = _mark_rows(figure)
    drawn = int(np.unique(rows[rows >= 0]).size) if rows.size else 0
    lanes, edges = lane_extents(figure)
    count = int(rows.max()) + 1 if rows.size else 0
    if events is not None and count <= len(events):
        index = PageIndex(events=len(events), drawn=drawn, texts=search_texts(events))
        if "category" in events.columns:
            labels = events["category"].astype(object).where(events["category"].notna())
            labels = labels.fillna(MISSING_CATEGORY).astype(str)
            codes, names = pd.factorize(labels, sort=True)
            if "kind" in events.columns:  # eras are background, not events to toggle
                codes = np.where((events["kind"].astype(object) == "era").to_numpy(), -1, codes)
            if len(names) > 1:
                index.categories = [str(n) for n in names]
                index.category = codes.tolist()
    else:
        index = PageIndex(events=count, drawn=drawn, texts=hover_texts(figure, count))
    if sorted(index.categories) == sorted(lanes):
        index.categories, index.category = [], []  # lanes are the categories
    index.lanes, index.lane_edges = (lanes, edges) if len(lanes) > 1 else ([], [])
    return index
