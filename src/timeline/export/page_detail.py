"""The level-of-detail data of an exported page: pyramid, marks and mark traces as typed arrays.

A page whose figure draws density (:mod:`timeline.plot.detail`) embeds, in a JSON script
element, everything its script needs to redraw the lanes on every zoom without a kernel:

``pyramid``
    the page's finest level of the bucket pyramid (``counts``, ``spanStarts``, ``active``:
    one value per lane and bucket, lane after lane; at most :data:`PAGE_BUCKETS` per lane)
    and its grid; coarser levels are sums of it (:mod:`timeline.plot.pyramid`), so the
    script slices a level per zoom.
``marks``
    per mark (an event once per lane), sorted by lane and then anchor: its lane, event
    row, its y, and finest buckets of its anchor, start and end (as distances from the
    anchor: ``beforeAnchor``, ``afterAnchor``), so the script can tell which
    marks a window holds, apply the mark budget, and count matching events for a filter
    (``laneStart`` gives where each lane's run begins).
``traces``
    per mark trace of the figure, the mark of each of its points (in mark order) and its
    per-point arrays as ``repeat`` columns (point ``j * repeat + r`` in column ``r``), each
    the cheapest of: all missing, a copy of an earlier column, the mark's event row, the
    mark's y (``marks.y``), or values (times as whole minutes or seconds from the grid's
    origin, stored as differences); the figure itself holds only the first view's marks.
``titles``
    the raw title of each event row, once: the script escapes (and shortens) the few it
    shows in a hover, so text from the data never becomes markup.

:func:`page_detail` gives the data with numpy arrays; :func:`page_payload` moves every
array (and the titles) into one little-endian buffer of the smallest integer types,
compressed with gzip and written as base85 text (``blob85``); the page inflates it with the
browser's own ``DecompressionStream`` (offline, no eval, allowed under the page's CSP).
"""

from __future__ import annotations

import base64
import gzip
from dataclasses import dataclass
from typing import Any

import numpy as np

from timeline.plot.density import COUNT_SHARE, EXAMPLE_LIMIT, NEUTRAL_RAMP, ramp
from timeline.plot.detail import DENSITY_BUCKET_PX, TOTAL_BUDGET
from timeline.plot.figure import COMPACT_PREFIX, FigureParts
from timeline.text import escape_text

PAGE_BUCKETS = 1 << 14
"""Most buckets per lane of the page's finest level (each level below doubles the page's
pyramid bytes; windows that need finer buckets are narrow enough to show marks)."""

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


_SIGNED_TYPES = ((np.int8, "i1"), (np.int16, "i2"), (np.int32, "i4"))


@dataclass(frozen=True)
class Packed:
    """A column for :func:`pack`: integers stored as differences (``delta``), and decoded
    as ``offset + scale * value`` when ``scale`` is given (times on a grid of ms).

    Examples
    --------
    >>> meta, buffer = pack(Packed(np.array([100, 101, 103]), delta=True))
    >>> meta["dtype"], unpack(meta, buffer).tolist()
    ('u1', [100, 101, 103])
    """

    values: np.ndarray
    delta: bool = False
    scale: float | None = None
    offset: float = 0.0


@dataclass(frozen=True)
class Strings:
    """A list of strings for :func:`pack`: UTF-8, separated by NUL (removed from the text).

    Examples
    --------
    >>> meta, buffer = pack(Strings(["Kursk", "Ölbild"]))
    >>> meta["strings"], unpack(meta, buffer)
    (2, ['Kursk', 'Ölbild'])
    """

    values: list[str]


def _smallest(array: np.ndarray) -> tuple[np.ndarray, str]:
    low, high = int(array.min(initial=0)), int(array.max(initial=0))
    kinds = _SIGNED_TYPES if low < 0 else _INTEGER_TYPES
    for kind, name in kinds:
        if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max:
            return array.astype(kind), name
    return array.astype(np.float64), "f8"


def pack(data: Any) -> tuple[Any, bytes]:
    """Move the arrays of ``data`` into one buffer: ``(json-ready data, buffer bytes)``.

    Every numpy array, :class:`Packed` and :class:`Strings` leaf becomes a small
    descriptor ``{"at": offset, "n": count, "dtype": ...}`` (with ``"delta"``,
    ``"scale"`` and ``"offset"`` for packed columns, ``"strings"`` and ``"bytes"`` for
    strings) into the buffer; each array starts at a multiple of 8 bytes. The page's
    script reverses it (``page.js``), :func:`unpack` does it in Python.

    Examples
    --------
    >>> meta, buffer = pack({"a": np.array([1, 2, 3]), "b": Strings(["x", "é"])})
    >>> meta["a"], len(buffer)
    ({'at': 0, 'n': 3, 'dtype': 'u1'}, 16)
    >>> unpack(meta, buffer)["b"]
    ['x', 'é']
    """
    chunks: list[bytes] = []
    size = 0

    def put(raw: bytes) -> int:
        nonlocal size
        at = size
        chunks.append(raw)
        size += len(raw)
        pad = -size % 8
        if pad:
            chunks.append(b"\0" * pad)
            size += pad
        return at

    def walk(value: Any) -> Any:
        if isinstance(value, Strings):
            raw = "\0".join(str(v).replace("\0", "") for v in value.values).encode("utf-8")
            return {"strings": len(value.values), "at": put(raw), "bytes": len(raw)}
        if isinstance(value, Packed):
            values = np.asarray(value.values)
            if value.delta:
                values = np.diff(values.astype(np.int64), prepend=np.int64(0))
            array, name = _smallest(values) if values.dtype.kind in "iub" else (values, "f8")
            described: dict[str, Any] = {"n": len(array), "dtype": name}
            if value.delta:
                described["delta"] = True
            if value.scale is not None:
                described["scale"] = float(value.scale)
                described["offset"] = float(value.offset)
            raw = np.ascontiguousarray(array.astype(array.dtype.newbyteorder("<"))).tobytes()
            return {"at": put(raw), **described}
        if isinstance(value, np.ndarray):
            array = value
            if array.dtype.kind in "iub":
                array, name = _smallest(array)
            elif array.dtype == np.float32:
                name = "f4"
            else:
                array, name = array.astype(np.float64), "f8"
            raw = np.ascontiguousarray(array.astype(array.dtype.newbyteorder("<"))).tobytes()
            return {"at": put(raw), "n": len(array), "dtype": name}
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [walk(v) for v in value]
        return value

    meta = walk(data)
    return meta, b"".join(chunks)


_NUMPY = {"u1": np.uint8, "u2": np.uint16, "u4": np.uint32, "i1": np.int8, "i2": np.int16}
_NUMPY.update({"i4": np.int32, "f4": np.float32, "f8": np.float64})


def unpack(meta: Any, buffer: bytes) -> Any:
    """Reverse :func:`pack`: descriptors become numpy arrays and lists of strings.

    Examples
    --------
    >>> meta, buffer = pack({"t": Packed(np.array([5, 7, 6]), delta=True, scale=2.0)})
    >>> unpack(meta, buffer)["t"].tolist()
    [10.0, 14.0, 12.0]
    """
    if isinstance(meta, dict):
        if "strings" in meta and "at" in meta:
            raw = buffer[meta["at"] : meta["at"] + meta["bytes"]].decode("utf-8")
            return raw.split("\0") if meta["strings"] else []
        if "at" in meta and "dtype" in meta:
            kind = np.dtype(_NUMPY[meta["dtype"]]).newbyteorder("<")
            array = np.frombuffer(buffer, dtype=kind, count=meta["n"], offset=meta["at"])
            if meta.get("delta"):
                array = np.cumsum(array.astype(np.int64))
            if "scale" in meta:
                array = meta["offset"] + meta["scale"] * array.astype(np.float64)
            return array
        return {k: unpack(v, buffer) for k, v in meta.items()}
    if isinstance(meta, list):
        return [unpack(v, buffer) for v in meta]
    return meta


def _time_column(values: np.ndarray, origin: float) -> Packed | np.ndarray:
    """Epoch ms as whole minutes (float32 input: dates to the day) or seconds from
    ``origin``, stored as differences; raw when some are missing or they do not fit."""
    if not len(values) or not np.isfinite(values).all():
        return values
    unit = 60_000.0 if values.dtype == np.float32 else 1000.0
    steps = np.rint((values.astype(np.float64) - origin) / unit)
    if np.abs(steps).max() >= 2**31:
        return values
    return Packed(steps.astype(np.int64), delta=True, scale=unit, offset=origin)


def _columns(
    key: str,
    value: np.ndarray,
    repeat: int,
    order: np.ndarray,
    marks: np.ndarray,
    rows: np.ndarray,
    mark_y: np.ndarray | None,
    origin: float,
) -> list[Any]:
    """The ``repeat`` columns of a per-point array (point ``j * repeat + r`` in column
    ``r``), in mark order, each as the cheapest of: all missing, the same as an earlier
    column, the mark's event row, the mark's y, or its values."""
    columns: list[Any] = []
    raw_columns: list[np.ndarray] = []
    for r in range(repeat):
        column = value[r::repeat][order]
        raw_columns.append(column)
        floating = column.dtype.kind == "f"
        if floating and len(column) and np.isnan(column).all():
            columns.append({"nan": True})
            continue
        same = next(
            (
                k
                for k, earlier in enumerate(raw_columns[:-1])
                if earlier.dtype == column.dtype
                and np.array_equal(earlier, column, equal_nan=floating)
            ),
            None,
        )
        if same is not None:
            columns.append({"same": same})
        elif key == "customdata" and np.array_equal(column, rows[marks]):
            columns.append({"rows": True})
        elif key == "y" and mark_y is not None and np.array_equal(column, mark_y[marks]):
            columns.append({"markY": True})
        elif key in ("x", "base") and floating:
            columns.append({"values": _time_column(column, origin)})
        elif column.dtype.kind == "O":
            columns.append({"values": Strings([str(v) for v in column.tolist()])})
        else:
            columns.append({"values": column})
    return columns


def _mark_y(parts: FigureParts, position: np.ndarray, count: int) -> np.ndarray | None:
    """One y per mark when every mark trace puts all points of a mark at that y."""
    detail = parts.detail
    found = np.full(count, np.nan)
    for index, (trace, marks) in enumerate(zip(parts.traces, detail.trace_marks, strict=True)):
        y = trace.get("y")
        if marks is None or not isinstance(y, np.ndarray) or y.dtype.kind == "f":
            continue
        repeat = detail.repeat[index]
        if len(y) != len(marks) * repeat:
            continue
        at = position[marks]
        first = y[::repeat].astype(np.float64)
        seen = ~np.isnan(found[at])
        if (found[at][seen] != first[seen]).any():
            return None
        found[at] = first
    if np.isnan(found).all():
        return None
    return np.where(np.isnan(found), 0, found).astype(np.int64)


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
        Plain values and numpy arrays (:func:`page_payload` makes it JSON-ready).

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b", "c"],
    ...                                       "date": ["2024", "2025", "2026"]}))
    >>> data = page_detail(tl.plot.figure_parts(events, mark_budget=1), 1)
    >>> data["marks"]["count"], int(data["pyramid"]["counts"].sum())
    (3, 3)
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
    # the page's finest level: at most PAGE_BUCKETS per lane (coarser levels nest in it)
    shift = max(int(np.log2(pyramid.counts.shape[1])) - int(np.log2(PAGE_BUCKETS)), 0)
    group = 1 << shift
    lanes_count = pyramid.counts.shape[0]
    counts = pyramid.level_counts(shift)[0]
    span_starts = pyramid.span_starts.reshape(lanes_count, -1, group).sum(axis=2)
    active = pyramid.active[:, ::group]
    first = (pyramid.bucket_of(m.start) >> shift)[order]
    anchor = (pyramid.bucket_of(m.anchor) >> shift)[order]
    last = (pyramid.bucket_of(np.maximum(m.end - 1e-3, m.start)) >> shift)[order]
    lanes_sorted = m.lane[order]
    lane_start = np.searchsorted(lanes_sorted, np.arange(len(detail.lanes.names) + 1))
    rows_sorted = m.row[order]
    mark_y = _mark_y(parts, position, len(order))
    traces = []
    for index, (trace, marks) in enumerate(zip(parts.traces, detail.trace_marks, strict=True)):
        if marks is None:
            continue
        marks = position[marks]
        repeat = detail.repeat[index]
        points = len(marks) * repeat
        in_order = np.argsort(marks, kind="stable")  # a trace's points in mark order
        sorted_marks = marks[in_order]
        columns = {}
        for key in ("x", "y", "customdata", "base", "width", "hovertext"):
            value = trace.get(key)
            if isinstance(value, np.ndarray) and value.ndim == 1 and len(value) == points:
                columns[key] = _columns(
                    key,
                    value,
                    repeat,
                    in_order,
                    sorted_marks,
                    rows_sorted,
                    mark_y,
                    pyramid.origin_ms,
                )
        compact = str(trace.get("hovertemplate", "")).startswith(COMPACT_PREFIX)
        traces.append(
            {
                "trace": first_trace + len(detail.lanes.names) + index,
                "repeat": repeat,
                "count": len(marks),
                "marks": Packed(sorted_marks, delta=True),
                "columns": columns,
                "titleTemplate": "<b>%{hovertext}</b>"
                + str(trace["hovertemplate"]).removeprefix(COMPACT_PREFIX)
                if compact
                else None,
            }
        )
    rows = int(m.row.max()) + 1 if len(m.row) else 0
    titles = None
    if detail.titles is not None:  # raw: the script escapes what it shows
        titles = Strings(
            [t if isinstance(t, str) else str(t) for t in detail.titles[:rows].tolist()]
        )
    categories = None
    if detail.categories is not None:
        codes, names = detail.categories
        categories = {"names": [escape_text(n) for n in names], "codes": codes[:rows]}
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
        "exampleLimit": EXAMPLE_LIMIT,
        "countShare": COUNT_SHARE,
        "pyramid": {
            "origin": pyramid.origin_ms,
            "width": pyramid.width_ms * group,
            "buckets": int(counts.shape[1]),
            "counts": counts.ravel(),
            "spanStarts": span_starts.ravel(),
            "active": active.ravel(),
        },
        "marks": {
            "count": len(m.row),
            "laneStart": lane_start.tolist(),
            "lane": lanes_sorted,
            "row": rows_sorted,
            "span": m.is_span[order].astype(np.uint8),
            "anchor": Packed(anchor, delta=True),  # sorted in each lane: small differences
            "beforeAnchor": anchor - first,  # first bucket = anchor - beforeAnchor
            "afterAnchor": last - anchor,  # last bucket = anchor + afterAnchor
            "y": mark_y,
        },
        "rows": rows,
        "titles": titles,
        "categories": categories,
        "traces": traces,
    }


B85_ALPHABET = "".join(c for c in map(chr, range(0x21, 0x7F)) if c not in "\"'\\<>&`")[:85]
"""85 printable ASCII characters that need no escape in JSON or in an HTML script element."""


def base85(data: bytes) -> str:
    """``data`` as text, 5 characters per 4 bytes (big-endian groups; the last one padded
    with zero bytes): a sixteenth smaller than base64.

    Examples
    --------
    >>> base85(bytes([0, 0, 0, 1]))
    '!!!!#'
    >>> from_base85(base85(b"timeline"), 8)
    b'timeline'
    """
    padded = data + b"\0" * (-len(data) % 4)
    groups = np.frombuffer(padded, dtype=">u4").astype(np.int64)
    digits = np.empty((len(groups), 5), dtype=np.uint8)
    for place in range(4, -1, -1):
        groups, digits[:, place] = np.divmod(groups, 85)
    table = np.frombuffer(B85_ALPHABET.encode("ascii"), dtype=np.uint8)
    return table[digits].tobytes().decode("ascii")


def from_base85(text: str, size: int) -> bytes:
    """Reverse :func:`base85` (``size``: the length before padding).

    Examples
    --------
    >>> from_base85(base85(b"abcde"), 5)
    b'abcde'
    """
    lookup = np.zeros(128, dtype=np.int64)
    lookup[np.frombuffer(B85_ALPHABET.encode("ascii"), dtype=np.uint8)] = np.arange(85)
    digits = lookup[np.frombuffer(text.encode("ascii"), dtype=np.uint8)].reshape(-1, 5)
    values = np.zeros(len(digits), dtype=np.int64)
    for place in range(5):
        values = values * 85 + digits[:, place]
    return values.astype(">u4").tobytes()[:size]


def page_payload(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (from :func:`page_detail`, plus any extra arrays) packed for the page.

    The arrays go into one buffer (:func:`pack`), gzip-compressed and written with
    :func:`base85` as ``blob85`` (``blobBytes`` long once decoded); the rest stays JSON.

    Examples
    --------
    >>> payload = page_payload({"values": np.arange(1000)})
    >>> sorted(payload), payload["values"]["dtype"]
    (['alphabet', 'blob85', 'blobBytes', 'values'], 'u2')
    """
    meta, buffer = pack(data)
    compressed = gzip.compress(buffer, compresslevel=9, mtime=0)
    return {
        **meta,
        "blob85": base85(compressed),
        "blobBytes": len(compressed),
        "alphabet": B85_ALPHABET,
    }


def read_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Reverse :func:`page_payload` (for tests and tools): numpy arrays and string lists.

    Examples
    --------
    >>> read_payload(page_payload({"values": np.arange(3)}))["values"].tolist()
    [0, 1, 2]
    """
    meta = {k: v for k, v in payload.items() if k not in ("blob85", "blobBytes", "alphabet")}
    compressed = from_base85(payload["blob85"], payload["blobBytes"])
    return unpack(meta, gzip.decompress(compressed))
