"""Where milestone labels go: boxes above and below a time axis, each joined to its mark
by a vertical leader line, with no two boxes overlapping, no box over another label's
leader or over an obstacle (legend, key, era labels), and every box inside its region.

Pure geometry in pixels (y grows downwards), no plotly: :func:`place_labels` takes the
anchors and box sizes and returns a box (or ``None`` when it cannot fit) per label.
Labels are placed left to right; each takes, among a few horizontal alignments on either
side of the axis, the free spot closest to the axis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

ALIGNMENTS = (0.0, 0.5, 1.0)
"""Where the leader meets the box, as a fraction of its width from the left (preferred
first: text starting at the leader reads best)."""
LEADER_INSET = 3.0
"""The leader meets a box at least this far inside its left and right edges."""


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels: ``x0 <= x1``, ``y0 <= y1`` (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """True when the two boxes, each grown by ``gap / 2``, share some area.

        Examples
        --------
        >>> Box(0, 0, 10, 10).overlaps(Box(10, 0, 20, 10))
        False
        >>> Box(0, 0, 10, 10).overlaps(Box(10, 0, 20, 10), gap=1)
        True
        """
        return (
            self.x0 < other.x1 + gap
            and other.x0 < self.x1 + gap
            and self.y0 < other.y1 + gap
            and other.y0 < self.y1 + gap
        )

    def inside(self, outer: Box) -> bool:
        """True when this box lies within ``outer`` (edges may touch)."""
        return (
            self.x0 >= outer.x0
            and self.x1 <= outer.x1
            and self.y0 >= outer.y0
            and self.y1 <= outer.y1
        )


@dataclass(frozen=True)
class Region:
    """The band a side's labels must stay in: ``top <= y <= bottom``, ``left <= x <= right``."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Placed:
    """A placed label: its box, the side of the axis, and its leader ``x, y_from, y_to``."""

    box: Box
    side: str  # "above" or "below"
    leader: tuple[float, float, float]
    choice: int = 0  # which of the label's sizes was used


def place_labels(
    anchors: Sequence[float],
    sizes: Sequence[Sequence[tuple[float, float]]],
    *,
    axis_y: float,
    above: Region | None,
    below: Region | None,
    obstacles: Sequence[Box] = (),
    gap: float = 4.0,
    below_penalty: float = 6.0,
    cover_penalty: float = 40.0,
    order: Sequence[object] | None = None,
) -> list[Placed | None]:
    """Place one box per anchor without overlaps; ``None`` for a label that cannot fit.

    Parameters
    ----------
    anchors : sequence of float
        x of each label's mark on the axis (pixels).
    sizes : sequence of sequences of (width, height)
        Each label's box sizes in pixels, preferred first (e.g. the same text wrapped
        wider or narrower); a later size costs 8 px more.
    axis_y : float
        y of the axis; leaders run from it to the box.
    above, below : Region or None
        Where boxes above (``bottom`` nearest the axis) and below the axis may go; None
        for a side that takes no labels.
    obstacles : sequence of Box
        Boxes no label and no leader may cross.
    gap : float, default 4
        Least distance between two boxes, and between a box and a leader.
    below_penalty : float, default 6
        Pixels added to a spot below the axis when comparing it with one above.
    cover_penalty : float, default 40
        Pixels added for each label not yet placed whose anchor a box would cover (its
        leader could no longer pass on that side).
    order : sequence, optional
        A sort key per label: labels are placed in this order (default: by anchor, left
        to right), e.g. labels that name more events first.

    Returns
    -------
    list of Placed or None
        In the order of ``anchors``.

    Examples
    --------
    >>> region = Region(top=0, bottom=90, left=0, right=400)
    >>> placed = place_labels([100, 102, 104], [[(80, 20)]] * 3, axis_y=100, above=region,
    ...                       below=Region(110, 200, 0, 400))
    >>> [p.side if p else None for p in placed]
    ['above', 'below', None]
    """
    count = len(anchors)
    result: list[Placed | None] = [None] * count
    boxes: list[tuple[float, float, float, float]] = [(b.x0, b.y0, b.x1, b.y1) for b in obstacles]
    leaders: list[tuple[float, float, float]] = []  # x, y low, y high
    sides = [(s, r) for s, r in (("above", above), ("below", below)) if r is not None]
    xs = np.asarray(anchors, dtype=float)
    pending = np.sort(xs)
    sequence = (
        np.argsort(xs, kind="stable").tolist()
        if order is None
        else sorted(range(count), key=lambda k: (order[k], xs[k]))
    )
    for i in sequence:
        ax = float(xs[i])
        # this label's anchor leaves the pending ones (one copy of its value)
        at = int(np.searchsorted(pending, ax))
        pending = np.delete(pending, min(at, len(pending) - 1))
        best: tuple[float, Placed] | None = None
        for choice, (width, height) in enumerate(sizes[i]):
            cost = 8.0 * choice
            if best is not None and best[0] <= cost:
                break  # nothing later can win
            for side, region in sides:
                if width > region.right - region.left or height > region.bottom - region.top:
                    continue
                extra = cost + (below_penalty if side == "below" else 0.0)
                for fraction in ALIGNMENTS:
                    if best is not None and best[0] <= extra + 4.0 * fraction:
                        continue
                    spot = _closest(
                        ax, width, height, fraction, side, region, axis_y, boxes, leaders, gap
                    )
                    if spot is None:
                        continue
                    distance = axis_y - spot.y1 if side == "above" else spot.y0 - axis_y
                    low = int(np.searchsorted(pending, spot.x0 - gap, side="right"))
                    high = int(np.searchsorted(pending, spot.x1 + gap, side="left"))
                    score = distance + extra + 4.0 * fraction + cover_penalty * (high - low)
                    if best is None or score < best[0]:
                        y_to = spot.y1 if side == "above" else spot.y0
                        best = (score, Placed(spot, side, (ax, axis_y, y_to), choice))
        if best is None:
            continue
        placed = best[1]
        result[i] = placed
        box = placed.box
        boxes.append((box.x0, box.y0, box.x1, box.y1))
        low_y, high_y = sorted((placed.leader[1], placed.leader[2]))
        leaders.append((ax, low_y, high_y))
    return result


def _closest(
    ax: float,
    width: float,
    height: float,
    fraction: float,
    side: str,
    region: Region,
    axis_y: float,
    boxes: list[tuple[float, float, float, float]],
    leaders: list[tuple[float, float, float]],
    gap: float,
) -> Box | None:
    """The free box of this alignment nearest the axis on ``side``, or None.

    Only boxes and leaders that reach across the box's columns can block it: each blocks
    an interval of positions of the box's edge nearest the axis; the edge moves away from
    the axis past the intervals until it is free.
    """
    x0 = min(max(ax - fraction * width, region.left), region.right - width)
    x1 = x0 + width
    if not (x0 + LEADER_INSET <= ax <= x1 - LEADER_INSET):
        return None
    inf = float("inf")
    blocked: list[tuple[float, float]] = []  # open intervals of the near edge's y
    above = side == "above"
    left, right = x0 - gap, x1 + gap
    for b in boxes:
        if b[0] >= right or b[2] <= left:
            continue
        straddles = b[0] < ax + gap and b[2] > ax - gap
        if above:  # near edge e: the box is [e - height, e], its leader [e, axis_y]
            blocked.append((b[1] - gap, b[3] + height + gap))
            if straddles and b[1] < axis_y:
                blocked.append((-inf, b[3]))
        else:  # near edge e: the box is [e, e + height], its leader [axis_y, e]
            blocked.append((b[1] - height - gap, b[3] + gap))
            if straddles and b[3] > axis_y:
                blocked.append((b[1], inf))
    for x, low, high in leaders:
        if left < x < right:
            if above:
                blocked.append((low - gap, high + height + gap))
            else:
                blocked.append((low - height - gap, high + gap))
    if above:
        edge = region.bottom
        while True:
            inside = [lo for lo, hi in blocked if lo < edge < hi]
            if not inside:
                break
            edge = min(inside)
        if edge - height < region.top:
            return None
        return Box(x0, edge - height, x1, edge)
    edge = region.top
    while True:
        inside = [hi for lo, hi in blocked if lo < edge < hi]
        if not inside:
            break
        edge = max(inside)
    if edge + height > region.bottom:
        return None
    return Box(x0, edge, x1, edge + height)


def count_overlaps(boxes: Sequence[Box]) -> int:
    """Pairs of boxes that share area (a check for tests and benchmarks).

    Examples
    --------
    >>> count_overlaps([Box(0, 0, 10, 10), Box(5, 5, 15, 15), Box(20, 0, 30, 10)])
    1
    """
    total = 0
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            total += boxes[i].overlaps(boxes[j])
    return total
