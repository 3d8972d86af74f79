"""Level of detail: per lane, its marks or its density, for the range drawn.

The mark budget
---------------
A lane draws its individual marks when at most ``budget`` of its marks overlap the range
drawn, where ``budget = MARKS_PER_PX * plot_px`` (two per pixel column of the plotting
area: about 1,700 for the default 1,100 px figure). Otherwise it draws its density
(:mod:`timeline.plot.density`). When the lanes under their budget would still need more
than :data:`TOTAL_BUDGET` marks in all, the busiest of them switch to density too. A lane
under budget at the full extent is under budget at every zoom, so small data never shows
density. A lane's band and sub-rows are laid out for its marks either way: nothing moves
when a lane switches.

:class:`LevelOfDetail` holds one pyramid per figure (:mod:`timeline.plot.pyramid`) and,
for a filter, one of the kept events (built with the same bucket grid); every view is a
slice of a level. It is used by ``tl.plot`` (the range it draws), the explorer (every
x-range or filter change) and the exported page (which gets its arrays).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from timeline.lists import is_list_column, join_lists
from timeline.plot.density import (
    EXAMPLES,
    TOP_CATEGORIES,
    BucketDetails,
    bucket_dates,
    density_trace,
)
from timeline.plot.lanes import factorize_labels
from timeline.plot.pyramid import Pyramid, build_pyramid
from timeline.text import escape_series, truncate

TITLE_LIMIT = 160

MARKS_PER_PX = 2
TOTAL_BUDGET = 40_000
DENSITY_BUCKET_PX = 2.5
"""Pixels per density bucket at most (a bucket is 1.25-2.5 px wide: power-of-two levels)."""


@dataclass
class MarkIndex:
    """Per-mark arrays (an event once per lane) the level of detail works from."""

    anchor: np.ndarray  # where the mark is counted: instants at the marker, spans at start
    start: np.ndarray  # drawn extent [start, end), float epoch ms
    end: np.ndarray
    is_span: np.ndarray
    lane: np.ndarray  # lane code per mark (display order)
    row: np.ndarray  # row of the event in the plotted frame


@dataclass
class LaneInfo:
    """Lanes as drawn: names, y band (ROW_UNIT units), colour of the strip (None: mixed)."""

    names: list[str]
    top: np.ndarray
    height: np.ndarray
    colors: list[str | None]


@dataclass
class LevelOfDetail:
    """Marks or density per lane for any range and filter (see the module docstring).

    ``trace_marks`` gives, per trace of the figure's parts, the mark index of each of its
    marks (``None`` for legend entries); ``repeat`` how many points each mark has there.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
    >>> from timeline.plot.figure import figure_parts
    >>> detail = figure_parts(events, mark_budget=1).detail
    >>> detail.dense_lanes(detail.full_range).tolist()
    [True]
    """

    marks: MarkIndex
    lanes: LaneInfo
    trace_marks: list[np.ndarray | None]
    repeat: list[int]
    full_range: tuple[float, float]
    plot_px: float
    budget: int
    categories: tuple[np.ndarray, list[str]] | None = None  # code per frame row, names
    titles: np.ndarray | None = None  # raw title per frame row
    _pyramids: dict = field(default_factory=dict, repr=False)
    _sorted: dict = field(default_factory=dict, repr=False)

    # --- pyramid -----------------------------------------------------------------
    def _key(self, mask: np.ndarray | None) -> object:
        # a mask that keeps every row (the explorer with no filter) shares the unmasked
        # pyramid and order: computing them again cost 0.5 s at 1,000,000 events
        if mask is None or bool(np.all(mask)):
            return None
        return hash(np.packbits(mask).tobytes())

    def pyramid(self, mask: np.ndarray | None = None) -> Pyramid:
        """The pyramid of all marks, or of the marks of kept rows (``mask`` over rows)."""
        key = self._key(mask)
        found = self._pyramids.get(key)
        if found is not None:
            return found
        m = self.marks
        grid = None
        if key is not None:
            full = self.pyramid(None)
            grid = (full.origin_ms, full.width_ms, full.counts.shape[1])
        keep = slice(None) if mask is None else np.asarray(mask, dtype=bool)[m.row]
        pyramid = build_pyramid(
            anchor_ms=m.anchor[keep],
            start_ms=m.start[keep],
            end_ms=m.end[keep],
            is_span=m.is_span[keep],
            lane=m.lane[keep],
            lanes=len(self.lanes.names),
            grid=grid,
        )
        if len(self._pyramids) > 4:  # the full one and the last few filters
            self._pyramids = {None: self._pyramids[None]} if None in self._pyramids else {}
        self._pyramids[key] = pyramid
        return pyramid

    # --- the switch --------------------------------------------------------------
    def in_view(self, x_range: tuple[float, float]) -> np.ndarray:
        """Marks overlapping ``[low, high]``."""
        low, high = x_range
        return (self.marks.start <= high) & (self.marks.end >= low)

    def lane_counts(
        self, x_range: tuple[float, float], mask: np.ndarray | None = None
    ) -> np.ndarray:
        """Marks per lane overlapping the range (of kept rows when ``mask`` is given)."""
        seen = self.in_view(x_range)
        if mask is not None:
            seen &= np.asarray(mask, dtype=bool)[self.marks.row]
        return np.bincount(self.marks.lane[seen], minlength=len(self.lanes.names))

    def dense_lanes(
        self, x_range: tuple[float, float], mask: np.ndarray | None = None
    ) -> np.ndarray:
        """Per lane: True when it draws its density for this range (the mark budget)."""
        return self.view_marks(x_range, mask)[0]

    def _reach(self) -> tuple[np.ndarray, np.ndarray, bool]:
        """Per lane, how far a mark reaches before and after its anchor (ms); and whether
        every anchor is a number (else :meth:`view_marks` counts the plain way)."""
        found = self._sorted.get("reach")
        if found is None:
            m = self.marks
            lanes = len(self.lanes.names)
            before = np.zeros(lanes)
            after = np.zeros(lanes)
            np.maximum.at(before, m.lane, np.nan_to_num(m.anchor - m.start))
            np.maximum.at(after, m.lane, np.nan_to_num(m.end - m.anchor))
            found = (before, after, bool(np.isfinite(m.anchor).all()))
            self._sorted["reach"] = found
        return found

    def view_marks(
        self, x_range: tuple[float, float], mask: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(dense, keep)``: per lane, whether it draws density (the mark budget); per
        mark, whether it is drawn as a mark (in view, kept, its lane not dense).

        The same as :meth:`lane_counts` and :meth:`mark_keep` without a pass over every
        mark: the marks anchored in buckets wholly inside the range are in view, so a lane
        with more of them than the budget is dense (a sum over the pyramid); the other
        lanes' marks in view are found by binary search on their sorted anchors, widened
        by how far the lane's marks reach.

        Examples
        --------
        >>> import timeline as tl
        >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b", "c"],
        ...                                       "date": ["2020", "2021", "2024-05-02"]}))
        >>> from timeline.plot.figure import figure_parts
        >>> detail = figure_parts(events, mark_budget=1).detail
        >>> dense, keep = detail.view_marks(detail.full_range)
        >>> dense.tolist(), int(keep.sum())
        ([True], 0)
        >>> day = pd.Timestamp("2024-05-02").value / 1e6
        >>> dense, keep = detail.view_marks((day, day + 86_400_000.0))
        >>> dense.tolist(), int(keep.sum())
        ([False], 1)
        """
        before, after, finite = self._reach()
        if not finite:
            dense = dense_from_counts(self.lane_counts(x_range, mask), self.budget)
            return dense, self.mark_keep(x_range, mask, dense)
        low, high = x_range
        pyramid = self.pyramid(mask)
        buckets = pyramid.counts.shape[1]
        inside_low = int(np.clip(np.ceil((low - pyramid.origin_ms) / pyramid.width_ms), 0, buckets))
        inside_high = int(
            np.clip(np.floor((high - pyramid.origin_ms) / pyramid.width_ms), inside_low, buckets)
        )
        counts = pyramid.counts[:, inside_low:inside_high].sum(axis=1)
        order, bounds, anchors = self._lane_order(mask)
        m = self.marks
        chosen: dict[int, np.ndarray] = {}
        for lane in np.flatnonzero(counts <= self.budget).tolist():
            run = slice(int(bounds[lane]), int(bounds[lane + 1]))
            lane_anchors = anchors[run]
            first = int(np.searchsorted(lane_anchors, low - after[lane], side="left"))
            last = int(np.searchsorted(lane_anchors, high + before[lane], side="right"))
            candidates = order[run][first:last]
            seen = candidates[(m.start[candidates] <= high) & (m.end[candidates] >= low)]
            counts[lane] = len(seen)
            chosen[lane] = seen
        dense = dense_from_counts(counts, self.budget)
        keep = np.zeros(len(m.lane), dtype=bool)
        for lane, seen in chosen.items():
            if not dense[lane]:
                keep[seen] = True
        return dense, keep

    # --- marks -------------------------------------------------------------------
    def mark_keep(
        self, x_range: tuple[float, float], mask: np.ndarray | None, dense: np.ndarray
    ) -> np.ndarray:
        """Per mark: drawn as a mark (in view, kept, its lane not dense)."""
        keep = self.in_view(x_range) & ~dense[self.marks.lane]
        if mask is not None:
            keep &= np.asarray(mask, dtype=bool)[self.marks.row]
        return keep

    def trace_arrays(
        self, traces: list[dict], keep: np.ndarray
    ) -> dict[int, dict[str, np.ndarray]]:
        """Per mark trace, its per-point arrays keeping the points of the kept marks."""
        out: dict[int, dict[str, np.ndarray]] = {}
        for index, (trace, marks) in enumerate(zip(traces, self.trace_marks, strict=True)):
            if marks is None:
                continue
            repeat = self.repeat[index]
            points = len(marks) * repeat
            chosen = keep[marks]
            if repeat > 1:
                chosen = np.repeat(chosen, repeat)
            out[index] = {
                name: value[chosen]
                for name, value in trace.items()
                if isinstance(value, np.ndarray) and value.ndim == 1 and len(value) == points
            }
        return out

    def hover_titles(self, rows: np.ndarray) -> np.ndarray:
        """Escaped, shortened titles of event rows (the hover of a view's few marks)."""
        if self.titles is None:
            return np.array([f"row {int(r)}" for r in rows], dtype=object)
        titles = pd.Series(self.titles[np.asarray(rows, dtype=np.int64)], dtype=object)
        return escape_series(titles.map(lambda t: truncate(str(t), TITLE_LIMIT))).to_numpy(
            dtype=object
        )

    # --- density -----------------------------------------------------------------
    def max_buckets(self, x_range: tuple[float, float]) -> int:
        """Buckets across the range so that one is at most DENSITY_BUCKET_PX wide."""
        return max(int(self.plot_px / DENSITY_BUCKET_PX), 16)

    def density_traces(
        self,
        x_range: tuple[float, float],
        mask: np.ndarray | None,
        dense: np.ndarray,
        *,
        all_lanes: bool = False,
    ) -> list[dict]:
        """Heatmap strips of the dense lanes (with ``all_lanes``, an empty trace for the
        others, so a live figure keeps one trace per lane)."""
        pyramid = self.pyramid(mask)
        low, high = x_range
        parts = {
            lane: pyramid.slice(lane, low, high, self.max_buckets(x_range))
            for lane in np.flatnonzero(dense).tolist()
        }
        peak = max(
            (
                max(int(p.counts.max(initial=0)), int(p.cover.max(initial=0)))
                for p in parts.values()
            ),
            default=1,
        )
        zmax = float(np.log2(max(peak, 2)))
        spans = np.bincount(self.marks.lane[self.marks.is_span], minlength=len(self.lanes.names))
        traces = []
        dates: dict[tuple[float, int], list[str]] = {}  # lanes of a view share their buckets
        for part in parts.values():
            key = (float(part.edges[0]), len(part.edges))
            if key not in dates:
                dates[key] = bucket_dates(part.edges)
        for lane, name in enumerate(self.lanes.names):
            part = parts.get(lane)
            if part is None and not all_lanes:
                continue
            traces.append(
                density_trace(
                    lane=lane,
                    lane_name=name,
                    part=part,
                    top=float(self.lanes.top[lane]),
                    height=float(self.lanes.height[lane]),
                    color=self.lanes.colors[lane],
                    zmax=zmax,
                    spans_in_lane=bool(spans[lane]),
                    details=self.bucket_details(lane, part, mask) if part is not None else None,
                    dates=dates[(float(part.edges[0]), len(part.edges))]
                    if part is not None
                    else None,
                )
            )
        return traces

    def _lane_order(self, mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Mark indices sorted by (lane, anchor), kept ones only; each lane's first; and
        the anchors in that order."""
        key = ("order", self._key(mask))
        found = self._sorted.get(key)
        if found is not None:
            return found
        m = self.marks
        order = np.argsort(m.anchor, kind="stable")
        lanes_of = m.lane[order].astype(np.int16 if len(self.lanes.names) < 32_000 else np.int64)
        order = order[np.argsort(lanes_of, kind="stable")]  # a radix sort for int16
        if mask is not None:
            order = order[np.asarray(mask, dtype=bool)[m.row[order]]]
        order = order[np.isfinite(m.anchor[order])]
        bounds = np.searchsorted(m.lane[order], np.arange(len(self.lanes.names) + 1))
        if len(self._sorted) > 5:
            self._sorted = {k: v for k, v in self._sorted.items() if k in ("reach", "categories")}
        self._sorted[key] = (order, bounds, m.anchor[order])
        return self._sorted[key]

    def _lane_categories(self) -> np.ndarray:
        found = self._sorted.get("categories")
        if found is None:
            codes = np.asarray(self.categories[0], dtype=np.int64)[self.marks.row]  # type: ignore[index]
            found = _single_categories(self.marks.lane, codes, len(self.lanes.names))
            self._sorted["categories"] = found
        return found

    def bucket_details(
        self, lane: int, part: object, mask: np.ndarray | None = None
    ) -> BucketDetails:
        """Top categories and example titles of each bucket of a lane's slice."""
        order, bounds, sorted_anchors = self._lane_order(mask)
        in_lane = order[bounds[lane] : bounds[lane + 1]]
        anchors = sorted_anchors[bounds[lane] : bounds[lane + 1]]
        edges = part.edges  # type: ignore[attr-defined]
        cuts = np.searchsorted(anchors, edges, side="left")
        count = len(edges) - 1
        examples: list[list[str]] = [[] for _ in range(count)]
        top: list[list[tuple[str, int]]] = [[] for _ in range(count)]
        sizes = np.diff(cuts)
        filled = np.flatnonzero(sizes)
        if self.titles is not None:
            for i in filled.tolist():
                rows = self.marks.row[in_lane[cuts[i] : min(cuts[i] + EXAMPLES, cuts[i + 1])]]
                examples[i] = [str(t) for t in self.titles[rows]]
        single = self._lane_categories()[lane] if self.categories is not None else -1
        if single >= 0:  # one category in the lane: its count is the bucket's
            name = self.categories[1][single]  # type: ignore[index]
            for i in filled.tolist():
                top[i] = [(name, int(sizes[i]))]
        elif self.categories is not None and len(filled):
            codes, names = self.categories
            chosen = in_lane[cuts[0] : cuts[-1]]
            bucket = np.repeat(np.arange(count), sizes)
            table = np.bincount(
                bucket * len(names) + codes[self.marks.row[chosen]],
                minlength=count * len(names),
            ).reshape(count, len(names))
            best = np.argsort(-table, axis=1, kind="stable")[:, :TOP_CATEGORIES]
            for i in filled.tolist():
                top[i] = [(names[c], int(table[i, c])) for c in best[i].tolist() if table[i, c] > 0]
        return BucketDetails(top=top, examples=examples)


def _single_categories(lane: np.ndarray, codes: np.ndarray, lanes: int) -> np.ndarray:
    """Per lane, the category code when all its marks have one, else -1."""
    low = np.full(lanes, np.iinfo(np.int64).max)
    high = np.full(lanes, -1)
    np.minimum.at(low, lane, codes)
    np.maximum.at(high, lane, codes)
    return np.where(low == high, high, -1)


def dense_from_counts(counts: np.ndarray, budget: int, total: int = TOTAL_BUDGET) -> np.ndarray:
    """The mark budget: which lanes draw density, given each lane's marks in view.

    Examples
    --------
    >>> dense_from_counts(np.array([10, 5000, 300]), 1700).tolist()
    [False, True, False]
    >>> dense_from_counts(np.array([30, 30, 30]), 100, total=70).tolist()
    [True, False, False]
    """
    counts = np.asarray(counts, dtype=np.int64)
    dense = counts > budget
    if counts[~dense].sum() > total:
        for lane in np.argsort(-counts, kind="stable").tolist():
            if dense[lane]:
                continue
            dense[lane] = True
            if counts[~dense].sum() <= total:
                break
    return dense


def category_codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes (per row) and names of a category column for the density hover (lists joined).

    Examples
    --------
    >>> codes, names = category_codes(pd.Series(["b", None, "b"]))
    >>> codes.tolist(), names
    ([0, 1, 0], ['b', '(none)'])
    """
    if is_list_column(column):
        column = join_lists(column, ", ")
    return factorize_labels(column, "(none)")
