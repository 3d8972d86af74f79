"""Eras (background bands) and reference markers (vertical lines), as layout shapes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.plot.geometry import to_epoch_ms
from timeline.plot.precision import shift_by_precision
from timeline.plot.style import ERA_COLOR, NOTE_COLOR
from timeline.text import escape_text, truncate


@dataclass(frozen=True)
class Band:
    """A labelled period ``[start, end)`` in epoch ms."""

    label: str
    start: float
    end: float


def _ms(value: object, argument: str) -> float:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        msg = f"{argument}: {value!r} is not a date"
        raise ValueError(msg) from exc
    if stamp is pd.NaT:
        return float("nan")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return float(to_epoch_ms(np.array([stamp.to_datetime64()]))[0])


def era_rows(events: pd.DataFrame, reference: float) -> list[Band]:
    """Bands from rows whose ``kind`` is ``"era"`` (open eras run to the reference date)."""
    if not len(events):
        return []
    start = events["start"].to_numpy(dtype="datetime64[us]")
    end = events["end"].to_numpy(dtype="datetime64[us]")
    precision = events["start_precision"].astype(object).fillna("day").to_numpy(dtype=object)
    implied = shift_by_precision(start, precision, 1)
    open_end = (
        events["open_end"].fillna(False).to_numpy(dtype=bool)
        if "open_end" in events
        else np.zeros(len(events), dtype=bool)
    )
    end = np.where(np.isnat(end), implied, end)
    start_ms, end_ms = to_epoch_ms(start), to_epoch_ms(end)
    end_ms = np.where(open_end, np.maximum(reference, start_ms), end_ms)
    titles = events["title"].astype(object).tolist()
    return [
        Band(str(title), float(s), float(e))
        for title, s, e in zip(titles, start_ms, end_ms, strict=True)
        if s == s
    ]


def era_argument(eras: object) -> list[Band]:
    """Bands from ``eras=``: a frame (title/label, start, end) or (label, start, end) tuples.

    Examples
    --------
    >>> [b.label for b in era_argument([("Kursk operation", "2024-08-06", "2025-03-20")])]
    ['Kursk operation']
    """
    if eras is None:
        return []
    if isinstance(eras, pd.DataFrame):
        label_column = next((c for c in ("label", "title", "name") if c in eras), None)
        if label_column is None or "start" not in eras or "end" not in eras:
            msg = (
                "eras= frame needs a 'label' (or 'title'/'name'), a 'start' and an 'end' "
                f"column; got columns {list(eras.columns)}"
            )
            raise ValueError(msg)
        rows: Iterable = eras[[label_column, "start", "end"]].itertuples(index=False)
    else:
        rows = eras
    bands = []
    for item in rows:
        try:
            label, start, end = item
        except (TypeError, ValueError) as exc:
            msg = f"eras= items must be (label, start, end); got {item!r}"
            raise ValueError(msg) from exc
        bands.append(Band(str(label), _ms(start, "eras="), _ms(end, "eras=")))
    return bands


def marker_argument(markers: object) -> list[tuple[str, float]]:
    """Reference lines from ``markers=``: dates, (label, date) pairs or a label -> date map.

    Examples
    --------
    >>> marker_argument({"report": "2025-05-01"})[0][0]
    'report'
    """
    if markers is None:
        return []
    if isinstance(markers, Mapping):
        items: Iterable = markers.items()
    elif isinstance(markers, str | pd.Timestamp) or not isinstance(markers, Iterable):
        items = [markers]
    else:
        items = markers
    lines = []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2:
            label, when = item
        else:
            label, when = "", item
        lines.append((str(label), _ms(when, "markers=")))
    return lines


def band_shapes(bands: list[Band]) -> tuple[list[dict], list[dict]]:
    """Shapes and top labels for eras (drawn below the marks)."""
    shapes, labels = [], []
    for band in bands:
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": band.start,
                "x1": band.end,
                "y0": 0,
                "y1": 1,
                "fillcolor": ERA_COLOR,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        labels.append(
            {
                "x": (band.start + band.end) / 2,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "text": escape_text(truncate(band.label, 40)),
                "showarrow": False,
                "font": {"size": 11, "color": NOTE_COLOR},
                "name": "era",
            }
        )
    return shapes, labels


def marker_shapes(lines: list[tuple[str, float]]) -> tuple[list[dict], list[dict]]:
    """Dashed vertical reference lines with labels at the top, above the era labels."""
    shapes, labels = [], []
    for label, when in lines:
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": when,
                "x1": when,
                "y0": 0,
                "y1": 1,
                "line": {"color": NOTE_COLOR, "width": 1, "dash": "dash"},
            }
        )
        if label:
            labels.append(
                {
                    "x": when,
                    "y": 1,
                    "xref": "x",
                    "yref": "paper",
                    "yanchor": "bottom",
                    "xanchor": "left",
                    "yshift": 14,  # a line above the era labels, so the two never overlap
                    "text": escape_text(truncate(label, 40)),
                    "showarrow": False,
                    "font": {"size": 10, "color": NOTE_COLOR},
                    "name": "marker",
                }
            )
    return shapes, labels
