"""Text labels next to chosen marks, placed so that they do not collide.

Labels are estimated in pixels (characters times an average glyph width) against the
initial x range; each label tries its row, then half a row above, then below, and is
skipped when all three collide with a label already placed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline.text import escape_text, truncate

CHAR_PX = 6.2
LABEL_LIMIT = 40
MAX_LABELS = 300


@dataclass(frozen=True)
class Placement:
    """Placed label annotations and how many were skipped to avoid collisions."""

    annotations: list[dict]
    skipped: int


def place_labels(
    texts: list[str],
    x: np.ndarray,
    y: np.ndarray,
    x_range: tuple[float, float],
    plot_width_px: float,
    row_px: float,
    row_unit: float,
) -> Placement:
    """Place one label right of each mark, staggering or skipping to avoid overlaps.

    Parameters
    ----------
    texts : list of str
        Raw label text per mark (escaped here).
    x, y : numpy.ndarray
        Mark positions: x in epoch ms, y in row units.
    x_range : tuple of float
        Initial x range in epoch ms.
    plot_width_px : float
        Estimated width of the plotting area.
    row_px : float
        Pixels per ``row_unit`` on the y axis.
    row_unit : float
        y units per row.

    Returns
    -------
    Placement

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([0.0, 0.1, 0.2, 0.3])  # four labels on top of each other
    >>> p = place_labels(["a", "b", "c", "d"], x, np.zeros(4), (0.0, 100.0), 1000.0, 26.0, 100.0)
    >>> len(p.annotations), p.skipped  # its row, above, below; the fourth is skipped
    (3, 1)
    """
    scale = plot_width_px / max(x_range[1] - x_range[0], 1.0)
    boxes: list[tuple[float, float, float, float]] = []
    annotations: list[dict] = []
    skipped = 0
    height = 14.0
    for i in np.argsort(x, kind="stable"):
        label = truncate(" ".join(str(texts[i]).split()), LABEL_LIMIT)
        if not label:
            continue
        if len(annotations) >= MAX_LABELS:
            skipped += 1
            continue
        left = (x[i] - x_range[0]) * scale + 8
        right = left + CHAR_PX * len(label)
        centre = y[i] / row_unit * row_px
        placed = False
        for shift in (0.0, -height, height):
            top, bottom = centre + shift - height / 2, centre + shift + height / 2
            if all(
                right <= b_left or left >= b_right or bottom <= b_top or top >= b_bottom
                for b_left, b_right, b_top, b_bottom in boxes
            ):
                boxes.append((left, right, top, bottom))
                annotations.append(
                    {
                        "x": float(x[i]),
                        "y": float(y[i]),
                        "xref": "x",
                        "yref": "y",
                        "text": escape_text(label),
                        "showarrow": False,
                        "xanchor": "left",
                        "xshift": 8,
                        "yshift": -shift,
                        "font": {"size": 11, "color": "#222"},
                        "bgcolor": "rgba(255, 255, 255, 0.75)",
                        "name": "label",
                    }
                )
                placed = True
                break
        if not placed:
            skipped += 1
    return Placement(annotations, skipped)
