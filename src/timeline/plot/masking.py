"""Hide and show events in a drawn timeline by slicing its trace arrays.

A live view (the explorer) draws the figure of *all* events once; a filter then only picks,
for every trace, the points whose event is kept. Lanes, sub-rows, colours and the layout
stay where they are, so nothing jumps while filtering, and a filter change costs a few
numpy gathers instead of a new figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from timeline.plot.figure import FigureParts, figure_parts


@dataclass(frozen=True)
class _MarkTrace:
    """One mark trace: the event row of each mark and its per-point arrays."""

    index: int  # position in the figure's traces
    rows: np.ndarray  # event row (in the plotted frame) of each mark
    repeat: int  # points per mark (3 for WebGL span segments, else 1)
    arrays: dict[str, np.ndarray]  # properties with one value per point


class MaskedFigure:
    """A timeline figure whose marks can be filtered by a boolean mask over the events.

    Parameters
    ----------
    parts : FigureParts
        From :func:`timeline.plot.figure.figure_parts` (or use :func:`masked_figure`).

    Examples
    --------
    >>> import numpy as np
    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "title": ["a", "b", "c"],
    ...     "start": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
    ...     "end": pd.to_datetime(["2024-01-02", "2024-02-02", "2024-03-02"]),
    ...     "kind": "instant",
    ... })
    >>> masked = masked_figure(events)
    >>> arrays = masked.trace_arrays(np.array([True, False, True]))
    >>> [a["customdata"].tolist() for a in arrays.values()]
    [[0, 2]]
    """

    def __init__(self, parts: FigureParts) -> None:
        self.parts = parts
        marks: list[_MarkTrace] = []
        for index, (trace, rows) in enumerate(zip(parts.traces, parts.rows, strict=True)):
            if rows is None:
                continue
            rows = np.asarray(rows, dtype=np.int64)
            points = len(trace["x"]) if trace.get("x") is not None else len(rows)
            repeat = points // len(rows) if len(rows) else 1
            arrays = {
                name: value
                for name, value in trace.items()
                if isinstance(value, np.ndarray) and value.ndim == 1 and len(value) == points
            }
            marks.append(_MarkTrace(index, rows, max(repeat, 1), arrays))
        self._marks = marks

    @property
    def layout(self) -> dict:
        """The layout of the figure (the same whatever the mask)."""
        return self.parts.layout

    @property
    def mark_trace_indices(self) -> list[int]:
        """Positions of the traces that draw events (the others are legend entries)."""
        return [mark.index for mark in self._marks]

    def rows_of(self, trace_index: int) -> np.ndarray:
        """The event row of every mark of one trace (all events, before masking)."""
        for mark in self._marks:
            if mark.index == trace_index:
                return mark.rows
        msg = f"trace_index={trace_index!r} is not a mark trace; mark traces: "
        msg += str(self.mark_trace_indices)
        raise ValueError(msg)

    def trace_arrays(
        self, mask: np.ndarray, *, changed: np.ndarray | None = None
    ) -> dict[int, dict[str, np.ndarray]]:
        """Per-point arrays of the mark traces, keeping the points of kept events.

        Parameters
        ----------
        mask : numpy.ndarray
            One boolean per row of the plotted frame: True keeps the event.
        changed : numpy.ndarray, optional
            Rows whose mask value changed since the arrays were last applied; traces
            without such a row are left out of the result (they need no update).

        Returns
        -------
        dict
            Trace position -> {property name -> sliced array}.
        """
        mask = np.asarray(mask, dtype=bool)
        out: dict[int, dict[str, np.ndarray]] = {}
        for mark in self._marks:
            if changed is not None and not changed[mark.rows].any():
                continue
            keep = mask[mark.rows]
            if mark.repeat > 1:
                keep = np.repeat(keep, mark.repeat)
            out[mark.index] = {name: values[keep] for name, values in mark.arrays.items()}
        return out

    def label_visibility(self, mask: np.ndarray) -> dict[int, bool]:
        """Annotation position -> visible, for the ``text=`` labels (shown with their event)."""
        return {index: bool(mask[row]) for index, row in self.parts.label_rows.items()}

    def layout_for(self, mask: np.ndarray | None = None) -> dict:
        """The layout, with the labels of hidden events hidden."""
        if mask is None or not self.parts.label_rows:
            return self.parts.layout
        annotations = [dict(a) for a in self.parts.layout.get("annotations", [])]
        for index, visible in self.label_visibility(mask).items():
            annotations[index]["visible"] = visible
        return {**self.parts.layout, "annotations": annotations}

    def traces(self, mask: np.ndarray | None = None) -> list[dict]:
        """All trace dicts, the mark traces keeping only the events in ``mask``."""
        if mask is None:
            return [dict(trace) for trace in self.parts.traces]
        arrays = self.trace_arrays(mask)
        return [{**trace, **arrays.get(i, {})} for i, trace in enumerate(self.parts.traces)]


def masked_figure(events: pd.DataFrame, **options: Any) -> MaskedFigure:
    """Draw ``events`` like :func:`timeline.plot.plot` and keep what masking needs.

    Parameters
    ----------
    events : pandas.DataFrame
        The canonical event frame (all events; masks are over its rows).
    **options
        Any option of :func:`timeline.plot.plot` (``lane``, ``color``, ...).

    Returns
    -------
    MaskedFigure

    Examples
    --------
    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "title": ["a"], "start": pd.to_datetime(["2024-01-01"]),
    ...     "end": pd.to_datetime(["2024-01-02"]), "kind": "instant",
    ... })
    >>> masked_figure(events).mark_trace_indices
    [0]
    """
    return MaskedFigure(figure_parts(events, **options))
