"""Density strips: a lane too busy for its marks draws, per time bucket, how many events
start in it and how many spans cover it.

A strip is one ``heatmap`` trace per lane, filling the lane's band: the upper row shades
the marks anchored in each bucket (instants at their marker, spans at their start), the
lower row (only in lanes with spans) the spans under way. Shade is ``log2`` of the count
on a ramp from a light tint to the lane's colour (or a neutral grey ramp when the lane
holds several colours); the tint of a one-event bucket is still clearly visible, and
empty buckets stay blank. Hover gives the exact count, the bucket's dates, the top
categories and a few example titles (escaped).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.plot.geometry import MS_PER_DAY
from timeline.plot.pyramid import DensitySlice
from timeline.text import _ENTITIES, escape_text, truncate

DENSITY_ROLE = "density"
NEUTRAL_RAMP = ("#c8c8c8", "#303030")
LIGHTEST = 0.38
"""Share of the lane's colour in the lightest shade (a bucket of one event)."""
COUNT_SHARE = 0.64
"""Share of a lane's band taken by the counts row when the lane also has a coverage row."""
EXAMPLES = 3
TOP_CATEGORIES = 3
EXAMPLE_LIMIT = 80


def tint(color: str, share: float) -> str:
    """``color`` (``#rrggbb``) mixed with white: ``share`` of the colour is kept.

    Examples
    --------
    >>> tint("#000000", 0.5)
    '#808080'
    """
    value = color.lstrip("#")
    if len(value) != 6:
        return color
    rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(255 - (255 - c) * share) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def ramp(color: str | None) -> list[list[object]]:
    """The colour scale of a strip: the lane's colour, or neutral grey when ``None``.

    Examples
    --------
    >>> ramp("#000000")[0]
    [0.0, '#9e9e9e']
    """
    if color is None:
        return [[0.0, NEUTRAL_RAMP[0]], [1.0, NEUTRAL_RAMP[1]]]
    return [[0.0, tint(color, LIGHTEST)], [1.0, color]]


def bucket_dates(edges: np.ndarray) -> list[str]:
    """Readable dates of buckets ``[edges[i], edges[i+1])``: days, or times under a day.

    Examples
    --------
    >>> day = 86_400_000.0
    >>> bucket_dates(np.array([0.0, 2 * day, 4 * day]))
    ['1 Jan 1970 – 2 Jan 1970', '3 Jan 1970 – 4 Jan 1970']
    """
    if len(edges) < 2:
        return []
    width = float(edges[1] - edges[0])
    low = pd.to_datetime(pd.Series(edges[:-1]), unit="ms")
    if width >= MS_PER_DAY:
        high = pd.to_datetime(pd.Series(edges[1:] - MS_PER_DAY), unit="ms")
        first = low.dt.strftime("%d %b %Y").str.lstrip("0")
        last = high.dt.strftime("%d %b %Y").str.lstrip("0")
        return [a if a == b else f"{a} – {b}" for a, b in zip(first, last, strict=True)]
    high = pd.to_datetime(pd.Series(edges[1:]), unit="ms")
    first = low.dt.strftime("%Y-%m-%d %H:%M")
    last = high.dt.strftime("%H:%M")
    return [f"{a} – {b}" for a, b in zip(first, last, strict=True)]


_ESCAPES = str.maketrans({char: entity for char, entity in _ENTITIES})


@functools.lru_cache(maxsize=1 << 12)
def _escaped(text: str, limit: int) -> str:
    """Escaped (and, with a limit, shortened) text, as :func:`timeline.text.escape_text`
    does it, in one ``str.translate`` pass."""
    if not isinstance(text, str):
        return escape_text(truncate(str(text), limit) if limit else text)
    return (truncate(text, limit) if limit else text).translate(_ESCAPES)


@dataclass(frozen=True)
class BucketDetails:
    """What a strip's hover says about its non-empty buckets (aligned with the slice)."""

    top: list[list[tuple[str, int]]]  # per bucket: (category, count), most first
    examples: list[list[str]]  # per bucket: raw example titles (escaped when used)


def bucket_hover(
    part: DensitySlice,
    details: BucketDetails | None,
    spans_in_lane: bool,
    dates: list[str] | None = None,
) -> tuple[list[str | None], list[str | None]]:
    """Hover text per bucket of the counts row and of the coverage row (escaped).

    Examples
    --------
    >>> from timeline.plot.pyramid import DensitySlice
    >>> part = DensitySlice(0, np.array([0.0, 86_400_000.0]), np.array([2]), np.array([0]), 0)
    >>> bucket_hover(part, BucketDetails([[("a<b", 2)]], [["x & y"]]), False)[0][0]
    '<b>2 events</b> start here<br>1 Jan 1970<br>top: a&lt;b (2)<br>e.g. x &amp; y<br>and 1 more'
    """
    if dates is None:
        dates = bucket_dates(part.edges)
    counts = part.counts.tolist()  # plain ints: numpy scalars are slow one by one
    covers = part.cover.tolist()
    tops = details.top if details is not None else None
    shown_examples = details.examples if details is not None else None
    counts_text: list[str | None] = []
    cover_text: list[str | None] = []
    for i, date in enumerate(dates):
        count = counts[i]
        if count:
            text = f"<b>{count:,} {'event' if count == 1 else 'events'}</b> start here<br>{date}"
            if tops is not None and shown_examples is not None:
                top = tops[i]
                if top:
                    listed = ", ".join([f"{_escaped(name, 0)} ({n:,})" for name, n in top])
                    text += f"<br>top: {listed}"
                examples = shown_examples[i]
                if examples:
                    shown = "<br>".join([_escaped(str(t), EXAMPLE_LIMIT) for t in examples])
                    more = count - len(examples)
                    text += f"<br>e.g. {shown}" + (f"<br>and {more:,} more" if more > 0 else "")
            counts_text.append(text)
        else:
            counts_text.append(None)
        cover = covers[i]
        if spans_in_lane and cover:
            noun = "span" if cover == 1 else "spans"
            cover_text.append(f"<b>{cover:,} {noun}</b> under way<br>{date}")
        else:
            cover_text.append(None)
    return counts_text, cover_text


def _log_shade(values: np.ndarray) -> list[float | None]:
    return [float(np.log2(v)) if v > 0 else None for v in values.tolist()]


def density_trace(
    *,
    lane: int,
    lane_name: str,
    part: DensitySlice | None,
    top: float,
    height: float,
    color: str | None,
    zmax: float,
    spans_in_lane: bool,
    details: BucketDetails | None = None,
    dates: list[str] | None = None,
) -> dict:
    """The heatmap trace of one lane's strip (an empty one when ``part`` is None).

    Examples
    --------
    >>> from timeline.plot.pyramid import DensitySlice
    >>> part = DensitySlice(0, np.array([0.0, 1.0, 2.0]), np.array([1, 0]), np.array([0, 0]), 0)
    >>> trace = density_trace(lane=0, lane_name="x", part=part, top=0.0, height=100.0,
    ...                       color="#0072B2", zmax=1.0, spans_in_lane=False)
    >>> trace["type"], trace["z"]
    ('heatmap', [[0.0, None]])
    """
    trace: dict = {
        "type": "heatmap",
        "name": escape_text(lane_name) or "events",
        "colorscale": ramp(color),
        "zmin": 0.0,
        "zmax": max(float(zmax), 1.0),
        "showscale": False,
        "hoverongaps": False,
        "xgap": 0,
        "showlegend": False,
        "meta": {"role": DENSITY_ROLE, "lane": lane},
    }
    if part is None or not len(part.counts):
        return {**trace, "x": [], "y": [], "z": [], "text": [], "visible": True}
    counts_text, cover_text = bucket_hover(part, details, spans_in_lane, dates)
    rows = [_log_shade(part.counts)]
    texts = [counts_text]
    if spans_in_lane:
        y = [top, top + COUNT_SHARE * height, top + height]
        rows.append(_log_shade(part.cover))
        texts.append(cover_text)
    else:
        y = [top, top + height]
    return {
        **trace,
        "x": part.edges,
        "y": y,
        "z": rows,
        "text": texts,
        "hovertemplate": "%{text}<extra></extra>",
    }


def density_notes() -> list[dict]:
    """ "How to read" legend entries for the density strips.

    Examples
    --------
    >>> [note["name"][:7] for note in density_notes()]
    ['density', 'lower b']
    """
    common = {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "legendgroup": "how-to-read",
        "legendgrouptitle": {"text": "How to read"},
        "hoverinfo": "skip",
        "meta": {"role": "legend_note"},
    }
    return [
        {
            **common,
            "marker": {"symbol": "square", "size": 12, "color": NEUTRAL_RAMP[1]},
            "name": "density strip (too many marks): shade = events starting there, lightest = 1",
        },
        {
            **common,
            "marker": {"symbol": "square", "size": 8, "color": NEUTRAL_RAMP[0]},
            "name": "lower band: spans under way; zoom in for the marks",
        },
    ]
