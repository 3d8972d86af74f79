"""The page's level-of-detail data: typed arrays, the pyramid it embeds, escaping; and
exports of big data that draw density (HTML page figure, images)."""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np
import pytest

import timeline as tl
from factories import synthetic_events
from timeline.export.page_detail import (
    Packed,
    Strings,
    page_detail,
    page_payload,
    read_payload,
    typed,
)
from timeline.export.source import export_source
from timeline.plot.density import DENSITY_ROLE
from timeline.plot.figure import figure_parts

DTYPES = {"u1": np.uint8, "u2": np.uint16, "u4": np.uint32, "i4": np.int32, "f4": np.float32}
DTYPES["f8"] = np.float64


def decode(value: dict) -> np.ndarray:
    return np.frombuffer(base64.b64decode(value["bdata"]), dtype=DTYPES[value["dtype"]])


def test_typed_arrays_round_trip_in_the_smallest_type():
    for values, dtype in (
        (np.array([0, 255]), "u1"),
        (np.array([0, 65_535]), "u2"),
        (np.array([0, 70_000]), "u4"),
        (np.array([-1, 5]), "i4"),
        (np.array([0.25, 1e12]), "f8"),
    ):
        packed = typed(values)
        assert packed["dtype"] == dtype
        np.testing.assert_array_equal(decode(packed), values)


def test_page_data_holds_the_pyramid_marks_and_raw_titles():
    events = synthetic_events(2000, lanes=2)
    events.loc[3, "title"] = "<script>alert(1)</script>"
    parts = figure_parts(events, lane="category", mark_budget=100)
    data = read_payload(page_payload(page_detail(parts, 0)))
    pyramid = data["pyramid"]
    counts = pyramid["counts"].reshape(2, pyramid["buckets"])
    lanes = data["marks"]["lane"]
    assert counts.sum() == data["marks"]["count"] == len(events)
    np.testing.assert_array_equal(counts.sum(axis=1), np.bincount(lanes, minlength=2))
    # raw in the data: the page's script escapes the titles it shows
    assert data["titles"][3] == "<script>alert(1)</script>"
    marks = data["marks"]
    first = marks["anchor"] - marks["beforeAnchor"]
    last = marks["anchor"] + marks["afterAnchor"]
    assert (first <= last).all() and (first >= 0).all()
    np.testing.assert_array_equal(np.sort(data["marks"]["row"]), np.arange(len(events)))


def _points(trace: dict, key: str, data: dict) -> np.ndarray:
    """A trace's per-point array rebuilt from its columns, as the page's script does."""
    marks = trace["marks"]
    columns = []
    for column in trace["columns"][key]:
        if column.get("nan"):
            columns.append(np.full(len(marks), np.nan))
        elif "same" in column:
            columns.append(columns[column["same"]])
        elif column.get("rows"):
            columns.append(data["marks"]["row"][marks].astype(float))
        elif column.get("markY"):
            columns.append(data["marks"]["y"][marks].astype(float))
        else:
            columns.append(np.asarray(column["values"], dtype=float))
    return np.column_stack(columns).ravel()


@pytest.mark.parametrize("webgl", [True, False])
def test_packed_traces_give_back_the_figure_points(webgl: bool):
    events = synthetic_events(3000, lanes=3, seed=2)
    parts = figure_parts(events, lane="category", color="category", mark_budget=100, webgl=webgl)
    data = read_payload(page_payload(page_detail(parts, 0)))
    detail = parts.detail
    order = np.lexsort((detail.marks.anchor, detail.marks.lane))
    mark_traces = [i for i, marks in enumerate(detail.trace_marks) if marks is not None]
    assert len(data["traces"]) == len(mark_traces) > 0
    kinds = set()
    for packed, index in zip(data["traces"], mark_traces, strict=True):
        trace, repeat = parts.traces[index], detail.repeat[index]
        # the same (mark, point) pairs: compare both sides sorted by mark
        marks = np.argsort(order)[detail.trace_marks[index]]
        by_mark = np.argsort(marks, kind="stable")
        np.testing.assert_array_equal(packed["marks"], marks[by_mark])
        for key in ("x", "y", "customdata", "base", "width"):
            value = trace.get(key)
            if not isinstance(value, np.ndarray) or len(value) != len(marks) * repeat:
                continue
            kinds.update(next(iter(c)) for c in packed["columns"][key])
            want = value.reshape(-1, repeat)[by_mark].ravel().astype(float)
            got = _points(packed, key, data)
            # times within a minute (whole minutes from the grid's origin), the rest exact
            atol = 0 if key in ("y", "customdata") else 60_000 if trace["x"].dtype == "f4" else 500
            np.testing.assert_allclose(got, want, atol=atol)
    assert {"rows", "values"} <= kinds
    if webgl:  # line traces: a missing third point, y once per mark
        assert {"nan", "same", "markY"} <= kinds


def test_payload_is_compressed_and_round_trips():
    values = {"a": np.arange(100_000) % 7, "t": Packed(np.arange(5) * 3, delta=True)}
    payload = page_payload({**values, "s": Strings(["a\u0000b", "ü"])})
    assert len(payload["blob85"]) < 20_000  # compressed far below the 100,000 raw bytes
    assert not set(payload["blob85"]) & set("<>&\"'\\")  # nothing to escape in the page
    back = read_payload(payload)
    np.testing.assert_array_equal(back["a"], values["a"])
    assert back["t"].tolist() == [0, 3, 6, 9, 12]
    assert back["s"] == ["ab", "ü"]


def test_a_big_export_draws_density_for_html_and_images(tmp_path: Path):
    events = synthetic_events(30_000, lanes=3)
    source = export_source(events, plot_options={"lane": "category"}, title=None, subtitle=None)
    figure = source.figure()  # what PNG, SVG, PDF and PPTX render
    roles = [t.meta["role"] for t in figure.data if t.meta]
    assert roles.count(DENSITY_ROLE) == 3
    points = sum(len(t.x) for t in figure.data if t.x is not None)
    assert points < 5000
    path = tl.export(events, tmp_path / "big.html", lane="category")
    text = path.read_text(encoding="utf-8")
    assert 'id="tl-lod"' in text and "timelineLOD" in text
    small = tl.export(events.head(50), tmp_path / "small.html", lane="category")
    assert 'id="tl-lod"' not in small.read_text(encoding="utf-8")


def test_svg_of_big_data_shows_the_density_of_the_range(tmp_path: Path, chromium: str):
    events = synthetic_events(30_000, lanes=3)
    path = tl.export(events, tmp_path / "big.svg", lane="category")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<svg")
    assert text.count("<image") >= 3  # one painted strip per lane (heatmaps are images)
    assert len(text) < 2_000_000  # not 30,000 marks
    assert "density strip" in text  # the "How to read" note
