"""The level-of-detail data of an exported page: pyramid, marks and mark traces as typed arrays.

A page whose figure draws density (:mod:`timeline.plot.detail`) embeds, in a JSON script
element, everything its script needs to redraw the lanes on every zoom without a kernel:

``pyramid``
    the finest level of the bucket pyramid (``counts``, ``spanStarts``, ``active``: one
    value per lane and bucket, lane after lane) and its grid; coarser levels are sums of
    it (:mod:`timeline.plot.pyramid`), so the script slices a level per zoom.
``marks``
    per mark (an event once per lane), sorted by lane and then anchor: its lane, event
    row, and finest buckets of its anchor, start and end, so the script can tell which
    marks a window holds, apply the mark budget, and count matching events for a filter
    (``laneStart`` gives where each lane's run begins).
``traces``
    per mark trace of the figure, the full per-point arrays and the mark of each point; the
    figure itself holds only the marks of the first view.

Arrays are plotly's typed-array form (``{"dtype": "u2", "bdata": base64}``, little endian,
the smallest integer type that holds the values). Titles for the hover of marks and
buckets are escaped here, so the script never turns data into markup.
"""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from timeline.plot.density import COUNT_SHARE, EXAMPLE_LIMIT, NEUTRAL_RAMP, ramp
from timeline.plot.detail import DENSITY_BUCKET_PX, TOTAL_BUDGET
from timeline.plot.figure import COMPACT_PREFIX, FigureParts
from timeline.text import escape_series, escape_text, truncate

TITLE_EVENTS_LIMIT = 300_000
"""Above this many events the page carries no titles (bucket hover lists no examples)."""

_INTEGER_TYPES = ((np.uint8, "u1"), (np.uint16, "u2"), (np.uint32, "u4"), (np.int32, "i4"))


def typed(values: np.ndarray) -> dict[str, str]:
    """A numpy array as plotly's typed array: the smallest integer type, or float.

    Examples
    --------
    >>> typed(np.array([1, 300]))["dtype"]
    'u2'
    >>> typed(np.array([0.5], dtype=np.float32))
    {'dtype': 'f4', 'bdata': 'AAAAPw=='}
    """
    array = np.asarray(values)
    if array.dtype.kind in "iub":
        low = int(array.min(initial=0))
        high = int(array.max(initial=0))
        fits = [
            (kind, code)
            for kind, code in _INTEGER_TYPES
            if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max
        ]
        kind, name = fits[0] if fits else (np.float64, "f8")
        array = array.astype(kind)
    elif array.dtype == np.float32:
        name = "f4"
    else:
        array, name = array.astype(np.float64), "f8"
    data = np.ascontiguousarray(array.astype(array.dtype.newbyteorder("<")))
    return {"dtype": name, "bdata": base64.b64encode(data.tobytes()).decode("ascii")}


def _trace_arrays(trace: dict, points: int) -> dict[str, Any]:
    arrays: dict[str, Any] = {}
    for key in ("x", "y", "customdata", "base", "width"):
        value = trace.get(key)
        if isinstance(value, np.ndarray) and value.ndim == 1 and len(value) == points:
            arrays[key] = typed(value)
    hover = trace.get("hovertext")
    if isinstance(hover, np.ndarray) and len(hover) == points:
        arrays["hovertext"] = [str(h) for h in hover.tolist()]
    return arrays


def page_detail(parts: FigureParts, first_trace: int) -> dict[str, Any]:
    """The page's level-of-detail data for ``parts`` (see the module docstring).

    Parameters
    ----------
    parts : FigureParts
        From :func:`timeline.plot.figure.figure_parts` with the level of detail on.
    first_trace : int
        Position in the page's figure of the first lane's strip (strips come first, one
        per lane, then the mark traces of ``parts`` in their order).

    Returns
    -------
    dict
        JSON-ready (typed arrays as base64).

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b", "c"],
    ...                                       "date": ["2024", "2025", "2026"]}))
    >>> data = page_detail(tl.plot.figure_parts(events, mark_budget=1), 1)
    >>> data["marks"]["count"], data["pyramid"]["counts"]["dtype"]
    (3, 'u1')
    """
    detail = parts.detail
    if detail is None:
        msg = "page_detail needs figure parts made with level_of_detail=True"
        raise ValueError(msg)
    pyramid = detail.pyramid()
    m = detail.marks
    # marks sorted by lane, then anchor: a lane's marks in a window are one run
    order = np.lexsort((m.anchor, m.lane))
    position = np.empty_like(order)
    position[order] = np.arange(len(order))
    first = pyramid.bucket_of(m.start)[order]
    anchor = pyramid.bucket_of(m.anchor)[order]
    last = pyramid.bucket_of(np.maximum(m.end - 1e-3, m.start))[order]
    lanes_sorted = m.lane[order]
    lane_start = np.searchsorted(lanes_sorted, np.arange(len(detail.lanes.names) + 1))
    traces = []
    for index, (trace, marks) in enumerate(zip(parts.traces, detail.trace_marks, strict=True)):
        if marks is None:
            continue
        marks = position[marks]
        repeat = detail.repeat[index]
        compact = str(trace.get("hovertemplate", "")).startswith(COMPACT_PREFIX)
        traces.append(
            {
                "trace": first_trace + len(detail.lanes.names) + index,
                "repeat": repeat,
                "marks": typed(marks),
                "arrays": _trace_arrays(trace, len(marks) * repeat),
                "titleTemplate": "<b>%{hovertext}</b>"
                + str(trace["hovertemplate"]).removeprefix(COMPACT_PREFIX)
                if compact
                else None,
            }
        )
    rows = int(m.row.max()) + 1 if len(m.row) else 0
    titles = None
    if detail.titles is not None and rows <= TITLE_EVENTS_LIMIT:
        import pandas as pd

        shown = pd.Series(detail.titles[:rows], dtype=object).map(
            lambda t: truncate(str(t), EXAMPLE_LIMIT)
        )
        titles = escape_series(shown).tolist()
    categories = None
    if detail.categories is not None:
        codes, names = detail.categories
        categories = {"names": [escape_text(n) for n in names], "codes": typed(codes[:rows])}
    spans = np.bincount(m.lane[m.is_span], minlength=len(detail.lanes.names))
    return {
        "firstTrace": first_trace,
        "lanes": [escape_text(n) for n in detail.lanes.names],
        "laneTop": detail.lanes.top.tolist(),
        "laneHeight": detail.lanes.height.tolist(),
        "laneSpans": [bool(s) for s in spans.tolist()],
        "colorscales": [
            ramp(c) if c is not None else [[0.0, NEUTRAL_RAMP[0]], [1.0, NEUTRAL_RAMP[1]]]
            for c in detail.lanes.colors
        ],
        "budget": int(detail.budget),
        "total": TOTAL_BUDGET,
        "plotPx": float(detail.plot_px),
        "bucketPx": DENSITY_BUCKET_PX,
        "countShare": COUNT_SHARE,
        "pyramid": {
            "origin": pyramid.origin_ms,
            "width": pyramid.width_ms,
            "buckets": int(pyramid.counts.shape[1]),
            "counts": typed(pyramid.counts.ravel()),
            "spanStarts": typed(pyramid.span_starts.ravel()),
            "active": typed(pyramid.active.ravel()),
        },
        "marks": {
            "count": len(m.row),
            "laneStart": lane_start.tolist(),
            "lane": typed(lanes_sorted),
            "row": typed(m.row[order]),
            "span": typed(m.is_span[order].astype(np.uint8)),
            "first": typed(first),
            "anchor": typed(anchor),
            "last": typed(last),
        },
        "rows": rows,
        "titles": titles,
        "categories": categories,
        "traces": traces,
    }
