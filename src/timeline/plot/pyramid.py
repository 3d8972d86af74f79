"""Per-lane power-of-two time buckets: how many events start in each, how many spans cover it.

The pyramid is built once per figure (and once per filter in a live view) with numpy; any
zoom is then a slice of one level, not a recount.

Interface (kept small so an engine can feed it its own bucket counts)
--------------------------------------------------------------------
Inputs, one entry per mark (an event repeated once per lane it sits in):

``anchor_ms``
    where the mark is counted, float epoch ms: an instant at its marker (the middle of
    its window), a span at its start.
``start_ms``, ``end_ms``
    the drawn extent ``[start, end)`` (used for the spans' coverage).
``is_span``
    bool; only spans cover buckets.
``lane``
    int lane code ``0 .. lanes - 1``.

:func:`build_pyramid` turns these into a :class:`Pyramid`. An engine that counts in the
database instead gives :meth:`Pyramid.from_fine_counts` three ``(lanes, buckets)``
integer arrays of the finest level: ``counts`` (marks anchored in the bucket), ``span_starts``
(spans anchored in it) and ``active`` (spans that started in an earlier bucket and still
cover this one: ``start_bucket < b <= end_bucket``), with the bucket grid
(``origin_ms``, ``width_ms``; bucket ``b`` is ``[origin + b * width, origin + (b + 1) * width)``).
A bucket frame ``(lane, bucket) -> count, span_starts, active`` is those arrays in long form.

Levels
------
Level ``k`` has buckets of ``width_ms * 2**k``, nested in the finest level (``k = 0``).
Counts of a level are sums of pairs of the level below; the coverage of a coarse bucket is
exact without a recount: the spans starting in it plus the spans active at its first fine
bucket (``cover_k[i] = span_starts_k[i] + active[i * 2**k]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

MINUTE_MS = 60_000.0
FINE_BUCKETS = 1 << 16
"""Most buckets of the finest level across the data's extent (per lane)."""
FINE_CELLS = 1 << 22
"""Most (lane, bucket) cells of the finest level in all: many lanes get coarser buckets."""


@dataclass(frozen=True)
class DensitySlice:
    """The buckets of one lane that overlap a window, at one level.

    ``edges`` has one more entry than ``counts``; bucket ``i`` is ``[edges[i], edges[i+1])``.
    """

    level: int
    edges: np.ndarray  # float epoch ms
    counts: np.ndarray  # marks anchored in each bucket (instants + span starts)
    cover: np.ndarray  # spans overlapping each bucket
    first: int  # index of the first bucket in its level


@dataclass
class Pyramid:
    """Bucket counts per lane at power-of-two widths (see the module docstring).

    Examples
    --------
    >>> import numpy as np
    >>> day = 86_400_000.0
    >>> pyramid = build_pyramid(
    ...     anchor_ms=np.array([0.0, day, 9 * day]), start_ms=np.array([0.0, day, 9 * day]),
    ...     end_ms=np.array([day, 5 * day, 10 * day]), is_span=np.array([False, True, False]),
    ...     lane=np.array([0, 0, 1]), lanes=2)
    >>> part = pyramid.slice(0, 0.0, 10 * day, max_buckets=4)
    >>> int(part.counts.sum()), int(part.cover.max())
    (2, 1)
    """

    origin_ms: float
    width_ms: float  # finest bucket width
    counts: np.ndarray  # (lanes, buckets) int64
    span_starts: np.ndarray  # (lanes, buckets) int64
    active: np.ndarray  # (lanes, buckets) int64
    _levels: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_fine_counts(
        cls,
        origin_ms: float,
        width_ms: float,
        counts: np.ndarray,
        span_starts: np.ndarray,
        active: np.ndarray,
    ) -> Pyramid:
        """A pyramid from finest-level counts made elsewhere (an engine's bucket counts).

        Examples
        --------
        >>> import numpy as np
        >>> counts = np.array([[1, 0, 2, 0]])
        >>> pyramid = Pyramid.from_fine_counts(0.0, 10.0, counts, counts * 0, counts * 0)
        >>> pyramid.level_counts(1)[0].tolist()
        [[1, 2]]
        """
        arrays = [
            np.atleast_2d(np.asarray(a, dtype=np.int64)) for a in (counts, span_starts, active)
        ]
        if not (arrays[0].shape == arrays[1].shape == arrays[2].shape):
            msg = "counts, span_starts and active must have the same (lanes, buckets) shape"
            raise ValueError(msg)
        size = 1 << max(int(np.ceil(np.log2(max(arrays[0].shape[1], 1)))), 0)
        padded = [np.pad(a, ((0, 0), (0, size - a.shape[1]))) for a in arrays]
        return cls(float(origin_ms), float(width_ms), *padded)

    @property
    def lanes(self) -> int:
        """Number of lanes."""
        return int(self.counts.shape[0])

    @property
    def top_level(self) -> int:
        """The coarsest level (one bucket across the data)."""
        return int(np.log2(self.counts.shape[1]))

    def level_counts(self, level: int) -> tuple[np.ndarray, np.ndarray]:
        """``(counts, cover)`` of every lane at ``level``, each ``(lanes, buckets)``.

        Examples
        --------
        >>> import numpy as np
        >>> ones = np.ones((1, 4), dtype=np.int64)
        >>> Pyramid.from_fine_counts(0.0, 1.0, ones, ones, ones * 0).level_counts(2)[1].tolist()
        [[4]]
        """
        level = int(np.clip(level, 0, self.top_level))
        cached = self._levels.get(level)
        if cached is not None:
            return cached
        lanes, fine = self.counts.shape
        group = 1 << level
        counts = self.counts.reshape(lanes, fine // group, group).sum(axis=2)
        starts = self.span_starts.reshape(lanes, fine // group, group).sum(axis=2)
        cover = starts + self.active[:, ::group]
        self._levels[level] = (counts, cover)
        return counts, cover

    def level_for(self, low_ms: float, high_ms: float, max_buckets: int) -> int:
        """The finest level at which ``[low, high)`` spans at most ``max_buckets`` buckets."""
        span = max(high_ms - low_ms, self.width_ms)
        need = span / (self.width_ms * max(max_buckets - 1, 1))
        level = int(np.ceil(np.log2(need))) if need > 1 else 0
        return int(np.clip(level, 0, self.top_level))

    def slice(
        self, lane: int, low_ms: float, high_ms: float, max_buckets: int = 512
    ) -> DensitySlice:
        """The buckets of ``lane`` overlapping ``[low, high)``, at most ``max_buckets`` of them
        (when the finest level allows)."""
        level = self.level_for(low_ms, high_ms, max_buckets)
        counts, cover = self.level_counts(level)
        width = self.width_ms * (1 << level)
        total = counts.shape[1]
        first = int(np.clip(np.floor((low_ms - self.origin_ms) / width), 0, total))
        last = int(np.clip(np.ceil((high_ms - self.origin_ms) / width), first, total))
        edges = self.origin_ms + width * np.arange(first, last + 1, dtype=np.float64)
        return DensitySlice(
            level=level,
            edges=edges,
            counts=counts[lane, first:last],
            cover=cover[lane, first:last],
            first=first,
        )

    def bucket_of(self, ms: np.ndarray) -> np.ndarray:
        """Finest bucket index of epoch-ms times (clipped to the grid)."""
        index = np.floor((np.asarray(ms, dtype=np.float64) - self.origin_ms) / self.width_ms)
        return np.clip(index, 0, self.counts.shape[1] - 1).astype(np.int64)


def bucket_grid(low_ms: float, high_ms: float, lanes: int) -> tuple[float, float, int]:
    """``(origin, finest width, buckets)``: power-of-two minutes wide, at most
    :data:`FINE_BUCKETS` per lane and :data:`FINE_CELLS` in all, origin on the width.

    Examples
    --------
    >>> origin, width, buckets = bucket_grid(0.0, 86_400_000.0 * 365 * 25, 8)
    >>> width / 60_000, buckets
    (256.0, 65536)
    """
    per_lane = min(FINE_BUCKETS, max(FINE_CELLS // max(lanes, 1), 64))
    per_lane = 1 << int(np.floor(np.log2(per_lane)))
    extent = max(high_ms - low_ms, MINUTE_MS)
    units = extent / MINUTE_MS / (per_lane - 1)
    width = MINUTE_MS * (1 << max(int(np.ceil(np.log2(units))), 0)) if units > 1 else MINUTE_MS
    origin = np.floor(low_ms / width) * width
    while origin + width * per_lane < high_ms:  # the floor of the origin may cost a bucket
        width *= 2
        origin = np.floor(low_ms / width) * width
    return float(origin), float(width), per_lane


def build_pyramid(
    *,
    anchor_ms: np.ndarray,
    start_ms: np.ndarray,
    end_ms: np.ndarray,
    is_span: np.ndarray,
    lane: np.ndarray,
    lanes: int,
    grid: tuple[float, float, int] | None = None,
) -> Pyramid:
    """Count marks per lane and finest bucket (numpy ``bincount``; see the module docstring).

    Parameters
    ----------
    anchor_ms, start_ms, end_ms : numpy.ndarray
        Float epoch ms per mark (NaN anchors are not counted).
    is_span : numpy.ndarray
        Bool per mark.
    lane : numpy.ndarray
        Lane code per mark.
    lanes : int
        Number of lanes.
    grid : (origin, width, buckets), optional
        The finest grid; default :func:`bucket_grid` over the marks' extent. A filtered
        subset passes the grid of the whole data, so its buckets line up.

    Returns
    -------
    Pyramid

    Examples
    --------
    >>> import numpy as np
    >>> p = build_pyramid(anchor_ms=np.array([0.0, 5.0]), start_ms=np.array([0.0, 5.0]),
    ...                   end_ms=np.array([1.0, 6.0]), is_span=np.array([False, False]),
    ...                   lane=np.array([0, 0]), lanes=1)
    >>> int(p.counts.sum())
    2
    """
    anchor = np.asarray(anchor_ms, dtype=np.float64)
    start = np.asarray(start_ms, dtype=np.float64)
    end = np.asarray(end_ms, dtype=np.float64)
    span = np.asarray(is_span, dtype=bool)
    lane = np.asarray(lane, dtype=np.int64)
    keep = np.isfinite(anchor)
    if grid is None:
        values = np.concatenate([anchor[keep], start[keep & span], end[keep & span]])
        low = float(values.min()) if values.size else 0.0
        high = float(values.max()) if values.size else MINUTE_MS
        grid = bucket_grid(low, high, lanes)
    origin, width, buckets = grid
    size = max(lanes, 1) * buckets

    def cells(ms: np.ndarray, lanes_of: np.ndarray) -> np.ndarray:
        index = np.clip(np.floor((ms - origin) / width), 0, buckets - 1).astype(np.int64)
        return lanes_of * buckets + index

    anchor_cell = cells(anchor[keep], lane[keep])
    counts = np.bincount(anchor_cell, minlength=size)
    spans = keep & span
    span_cell = cells(anchor[spans], lane[spans])
    span_starts = np.bincount(span_cell, minlength=size)
    # spans active at bucket b: start bucket < b <= end bucket (end is exclusive)
    first = cells(start[spans], lane[spans])
    last_ms = np.maximum(end[spans] - 1e-3, start[spans])
    last = cells(np.where(np.isfinite(last_ms), last_ms, start[spans]), lane[spans])
    delta = (
        np.bincount(first + 1, minlength=size + 1)[:size]
        - np.bincount(np.minimum(last + 1, size), minlength=size + 1)[:size]
    )
    # one running sum over all cells: a span's +1 and -1 lie in its lane (the -1 at most
    # at the next lane's first cell, where the sum returns to what it was)
    shape = (max(lanes, 1), buckets)
    active = np.cumsum(delta).reshape(shape)
    return Pyramid(origin, width, counts.reshape(shape), span_starts.reshape(shape), active)
