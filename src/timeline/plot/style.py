"""Colours, mark styles for approximate and uncertain dates, and the template."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.lists import first_items, is_arrow_list, is_list_cell
from timeline.plot.geometry import APPROXIMATE, CERTAIN, UNCERTAIN
from timeline.plot.lanes import factorize_labels

OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#F0E442",  # yellow (last: weak on white)
)
"""Okabe & Ito's colour-blind-safe palette, the default."""

OTHER_COLOR = "#999999"
NOTE_COLOR = "#555555"
BAND_COLOR = "rgba(0, 0, 0, 0.035)"
ERA_COLOR = "rgba(120, 120, 120, 0.13)"
FADED_OPACITY = 0.35

INSTANT_SYMBOLS: dict[int, str] = {
    CERTAIN: "circle",
    APPROXIMATE: "circle-open",
    UNCERTAIN: "circle-open-dot",
}
SPAN_PATTERNS: dict[int, str] = {CERTAIN: "", APPROXIMATE: ".", UNCERTAIN: "/"}
SPAN_DASHES: dict[int, str] = {CERTAIN: "solid", APPROXIMATE: "dot", UNCERTAIN: "dash"}
STYLE_NAMES: dict[int, str] = {
    CERTAIN: "certain",
    APPROXIMATE: "approximate",
    UNCERTAIN: "uncertain",
}
STYLE_LEGEND: dict[int, str] = {
    CERTAIN: "date as reported",
    APPROXIMATE: "approximate (circa, about, ~)",
    UNCERTAIN: "uncertain (?, reportedly)",
}

FONT = "Inter, 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True)
class ColorGroups:
    """Colour group per event and the colour of each group (legend order)."""

    codes: np.ndarray  # group code per event
    names: list[str]
    colors: list[str]


def _first_item(value: object) -> object:
    if is_list_cell(value):
        return value[0] if len(value) else None
    return value


def color_groups(
    column: pd.Series | None,
    size: int,
    palette: Sequence[str] | None,
    color_map: Mapping[str, str] | None,
    missing_label: str,
    order: Sequence[str] | None = None,
) -> ColorGroups:
    """Assign colours; beyond the palette's size the rarest values share grey "other".

    A list-valued column (``actors``) is coloured by its first item. Groups come in order
    of first appearance, or in ``order`` (e.g. the lane order when colouring by lane).

    Examples
    --------
    >>> import pandas as pd
    >>> groups = color_groups(pd.Series(["a", "b", "a"]), 3, None, None, "(none)")
    >>> groups.names, groups.codes.tolist()
    (['a', 'b'], [0, 1, 0])
    """
    colors = list(palette or OKABE_ITO)
    if column is None:
        return ColorGroups(np.zeros(size, dtype=np.int64), ["events"], [colors[0]])
    if is_arrow_list(column):
        column = first_items(column)
    elif column.dtype == object and column.map(type).isin([list, tuple, np.ndarray]).any():
        column = column.map(_first_item)
    codes, names = factorize_labels(column, missing_label)
    if order is not None:
        rank = {name: i for i, name in enumerate(order)}
        ordered = sorted(range(len(names)), key=lambda i: rank.get(names[i], len(rank) + i))
        renumber = np.empty(len(names), dtype=np.int64)
        renumber[ordered] = np.arange(len(names))
        codes, names = renumber[codes], [names[i] for i in ordered]
    mapping = dict(color_map or {})
    free = [c for c in colors if c not in mapping.values()] or colors
    unmapped = [n for n in names if n not in mapping]
    if len(unmapped) > len(free):
        counts = np.bincount(codes, minlength=len(names))
        keep_n = len(free) - 1
        ranked = sorted(unmapped, key=lambda n: -counts[names.index(n)])
        folded = set(ranked[keep_n:])
        other = f"other ({len(folded)} values)"
        kept = [n for n in names if n not in folded]
        new_names = [*kept, other]
        index = {n: i for i, n in enumerate(new_names)}
        remap = np.array([index[n] if n in index else index[other] for n in names])
        codes = remap[codes]
        names = new_names
        unmapped = [n for n in unmapped if n not in folded]
        mapping[other] = OTHER_COLOR
    assigned = dict(zip(unmapped, free, strict=False))
    group_colors = [mapping.get(n) or assigned.get(n) or OTHER_COLOR for n in names]
    return ColorGroups(codes.astype(np.int64), names, group_colors)
