"""The page's level-of-detail data: typed arrays, the pyramid it embeds, escaping; and
exports of big data that draw density (HTML page figure, images)."""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np

import timeline as tl
from factories import synthetic_events
from timeline.export.page_detail import page_detail, typed
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


def test_page_data_holds_the_pyramid_marks_and_escaped_titles():
    events = synthetic_events(2000, lanes=2)
    events.loc[3, "title"] = "<script>alert(1)</script>"
    parts = figure_parts(events, lane="category", mark_budget=100)
    data = page_detail(parts, 0)
    pyramid = data["pyramid"]
    counts = decode(pyramid["counts"]).reshape(2, pyramid["buckets"])
    lanes = decode(data["marks"]["lane"])
    assert counts.sum() == data["marks"]["count"] == len(events)
    np.testing.assert_array_equal(counts.sum(axis=1), np.bincount(lanes, minlength=2))
    assert data["titles"][3] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    # each mark trace: the full arrays and the mark behind each point
    for trace in data["traces"]:
        marks = decode(trace["marks"])
        x = decode(trace["arrays"]["x"])
        assert len(x) == len(marks) * trace["repeat"]
        assert trace["trace"] >= len(data["lanes"])
    first = decode(data["marks"]["first"])
    last = decode(data["marks"]["last"])
    assert (first <= last).all()


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
