"""The exported page in headless Chromium with all network blocked: it renders, its
search box and toggles hide marks as filters.py would, and data runs no script."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from conftest import REPO
from factories import story_events
from timeline.export.page_index import lane_extents
from timeline.filters import filter_mask

pytestmark = pytest.mark.browser

BANNER = "UNCLASSIFIED // FOR TRAINING"
HOSTILE = '</script><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
READY = "() => document.body.getAttribute('data-tl-ready') === '1'"
# marker points of the main plot (the range slider draws copies in '.rangeplot')
MARKERS = "() => document.querySelectorAll('.scatterlayer.mlayer:not(.rangeplot) .point').length"


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv")


def open_page(page, path: Path) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_function(READY, timeout=60_000)
    return errors


def count_markers(fig, keep) -> int:
    """Marker points of the SVG scatter traces (what '.point' draws) for which ``keep``
    (given the event rows and the y of a trace's points) is true."""
    return int(
        sum(
            keep(np.asarray(t.customdata), np.asarray(t.y)).sum()
            for t in fig.data
            if t.type == "scatter" and t.customdata is not None
        )
    )


def status(page) -> str:
    return page.inner_text("#tl-status")


def wait_status(page, text: str) -> None:
    page.wait_for_function(
        "(text) => document.getElementById('tl-status').textContent === text", arg=text
    )


def test_page_renders_offline_and_its_controls_filter_marks(
    offline_page, seed: pd.DataFrame, tmp_path: Path
) -> None:
    fig = tl.plot(seed, lane="actors")
    path = tl.export(seed, tmp_path / "timeline.html", lane="actors", banner=BANNER)
    errors = open_page(offline_page, path)
    total = count_markers(fig, lambda rows, y: np.ones(len(rows), bool))
    assert offline_page.evaluate(MARKERS) == total > 20
    assert status(offline_page) == "Showing all 23 events"
    assert offline_page.locator(".tl-banner-top").is_visible()
    assert offline_page.locator(".tl-banner-top").inner_text() == BANNER
    assert offline_page.evaluate("() => window.scrollY") == 0
    box = offline_page.locator(".tl-banner-top").bounding_box()
    assert box["y"] == 0 and box["height"] > 10

    # search: the same events as filters.py keeps, and fewer marks
    is_event = (seed["kind"] != "era").to_numpy()  # the filters let eras through
    kept = np.flatnonzero(filter_mask(seed, {"search": "kursk"}) & is_event)
    offline_page.fill("#tl-search", "Kursk")
    wait_status(offline_page, f"Showing {len(kept)} of 23 events")
    expected = count_markers(fig, lambda rows, y: np.isin(rows, kept))
    offline_page.wait_for_function(f"() => ({MARKERS})() === {expected}")
    assert 0 < expected < total

    # a lane toggle hides every mark in that lane
    offline_page.click("#tl-reset")
    wait_status(offline_page, "Showing all 23 events")
    names, edges = lane_extents(fig)
    lane = names.index("Kim Jong Un")
    low, high = edges[lane]
    offline_page.get_by_label("Kim Jong Un").uncheck()
    expected = count_markers(fig, lambda rows, y: ~((y >= low) & (y < high)))
    offline_page.wait_for_function(f"() => ({MARKERS})() === {expected}")
    assert expected < total
    assert offline_page.locator(".ytick text", has_text="Kim Jong Un").count() == 1

    # a category toggle hides that category's events
    offline_page.click("#tl-reset")
    wait_status(offline_page, "Showing all 23 events")
    offline_page.get_by_label("statement (10)").uncheck()
    wait_status(offline_page, "Showing 13 of 23 events")
    statements = np.flatnonzero((seed["category"] == "statement").to_numpy())
    expected = count_markers(fig, lambda rows, y: ~np.isin(rows, statements))
    assert offline_page.evaluate(MARKERS) == expected

    assert offline_page.blocked_requests == []
    assert errors == []


def test_hostile_text_runs_nothing(offline_page, tmp_path: Path) -> None:
    events = tl.load_events(
        pd.DataFrame(
            {
                "title": [HOSTILE, "Visit to Moscow"],
                "date": ["2024-06-19", "2024-10-21"],
                "category": [HOSTILE, "diplomacy"],
                "actors": [HOSTILE, "Choe"],
                "source": [HOSTILE, "NIS"],
                "description": [HOSTILE, ""],
            }
        )
    )
    path = tl.export(
        events, tmp_path / "hostile.html", lane="actors", title=HOSTILE, banner=HOSTILE
    )
    errors = open_page(offline_page, path)
    assert offline_page.inner_text("h1") == HOSTILE
    assert offline_page.inner_text(".tl-banner-top") == HOSTILE
    offline_page.fill("#tl-search", "onerror")
    wait_status(offline_page, "Showing 1 of 2 events")
    offline_page.get_by_label(HOSTILE).first.uncheck()  # a lane named by the payload
    wait_status(offline_page, "Showing 0 of 2 events")
    assert offline_page.evaluate("() => window.__xss") is None
    assert offline_page.locator("img").count() == 0
    assert offline_page.blocked_requests == []
    assert errors == []


def test_webgl_page_filters_markers_and_fades_lines(offline_page, tmp_path: Path) -> None:
    events = story_events()
    fig = tl.plot(events, lane="actors", webgl=True)
    path = tl.export(events, tmp_path / "gl.html", lane="actors", webgl=True)
    open_page(offline_page, path)
    shown = "() => Number(document.getElementById('tl-plot').getAttribute('data-shown-marks'))"
    linked = sum(len(t.x) for t in fig.data if t.customdata is not None)
    assert offline_page.evaluate(shown) == linked
    offline_page.fill("#tl-search", "moscow")
    wait_status(offline_page, "Showing 2 of 4 events")
    kept = np.flatnonzero(filter_mask(events, {"search": "moscow"}))
    expected = sum(
        int(np.isin(t.customdata, kept).sum()) for t in fig.data if t.customdata is not None
    )
    assert offline_page.evaluate(shown) == expected
    faded = offline_page.evaluate(
        """() => document.getElementById('tl-plot').data
             .filter(t => t.meta && ['span', 'span_extent', 'instant_window'].includes(t.meta.role))
             .map(t => t.opacity)"""
    )
    assert faded and all(opacity < 0.2 for opacity in faded)
    assert offline_page.blocked_requests == []


def test_page_of_a_bare_figure_searches_its_hover_text(offline_page, tmp_path: Path) -> None:
    fig = tl.plot(story_events(), lane="actors", title="Story")
    path = tl.export(fig, tmp_path / "fig.html")
    open_page(offline_page, path)
    assert offline_page.inner_text("h1") == "Story"
    offline_page.fill("#tl-search", "lavrov")
    wait_status(offline_page, "Showing 1 of 4 events")


def test_a_plain_plotly_figure_renders_without_controls(offline_page, tmp_path: Path) -> None:
    import plotly.graph_objects as go

    path = tl.export(go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2])), tmp_path / "plain.html")
    errors = open_page(offline_page, path)
    assert offline_page.evaluate(MARKERS) == 3
    assert not offline_page.locator(".tl-controls").is_visible()
    assert errors == [] and offline_page.blocked_requests == []
