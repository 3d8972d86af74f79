"""tl.plot figures in headless Chromium: offline, all marks drawn, no script from the data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import timeline as tl
from factories import event, make_events, story_events, synthetic_events

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror="window.__xss = 1">'
PLOTTED = """() => {
  const gd = document.querySelector('.plotly-graph-div');
  return !!(gd && gd._fullLayout && gd.calcdata && gd.calcdata.length);
}"""
# marks of the main plot; the range slider draws its own copies in '.mlayer.rangeplot'
MAIN_MARKS = "() => document.querySelectorAll('.mlayer:not(.rangeplot) .point').length"


def open_figure(page, fig, path: Path) -> list[str]:
    """Write ``fig`` with plotly.js embedded, open it and wait until it is plotted."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    fig.write_html(path, include_plotlyjs=True)
    page.goto(path.as_uri())
    page.wait_for_function(PLOTTED, timeout=60_000)
    return errors


def drawn_points(fig) -> int:
    """Data points of the mark traces (legend-only entries excluded)."""
    return sum(len(t.y) for t in fig.data if t.meta["role"] not in ("legend_note", "legend_group"))


def test_demo_figure_renders_offline_with_every_mark(offline_page, tmp_path: Path) -> None:
    events = story_events()
    fig = tl.plot(
        events,
        lane="actors",
        color="source",
        text="title",
        title="North Korean troops in Russia",
        subtitle="Claims as reported",
    )
    errors = open_figure(offline_page, fig, tmp_path / "timeline.html")
    assert offline_page.evaluate(MAIN_MARKS) == drawn_points(fig)
    ticks = offline_page.evaluate(
        "() => [...document.querySelectorAll('.ytick text')].map(t => t.textContent)"
    )
    assert ticks == list(fig.layout.yaxis.ticktext)
    era = offline_page.evaluate(
        "() => [...document.querySelectorAll('.annotation-text')].map(t => t.textContent)"
    )
    assert "Kursk operation" in era
    offline_page.screenshot(path=tmp_path / "timeline.png", full_page=True)
    assert (tmp_path / "timeline.png").stat().st_size > 10_000
    assert offline_page.blocked_requests == []
    assert errors == []


def test_hostile_title_runs_no_script(offline_page, tmp_path: Path) -> None:
    events = make_events(
        [event(HOSTILE, HOSTILE, "2024-06-19", source=HOSTILE, category=HOSTILE, tag=HOSTILE)]
    )
    fig = tl.plot(events, lane="category", color="source", text="tag", title=HOSTILE)
    errors = open_figure(offline_page, fig, tmp_path / "hostile.html")
    curve = next(i for i, t in enumerate(fig.data) if t.meta["role"] == "instant")
    offline_page.evaluate(
        f"""() => Plotly.Fx.hover(document.querySelector('.plotly-graph-div'),
                                  [{{curveNumber: {curve}, pointNumber: 0}}])"""
    )
    offline_page.wait_for_function("() => document.querySelector('.hoverlayer .hovertext')")
    hover = offline_page.evaluate(
        "() => document.querySelector('.hoverlayer .hovertext').textContent"
    )
    assert HOSTILE in hover  # shown as text...
    shown = offline_page.evaluate(
        "() => [...document.querySelectorAll('.annotation-text, .gtitle, .ytick text')]"
        ".map(t => t.textContent)"
    )
    assert sum(HOSTILE[:20] in text for text in shown) == 4  # label, title, caption, lane
    # ...and never parsed as markup
    assert offline_page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert offline_page.evaluate("() => window.__xss") is None
    assert offline_page.blocked_requests == []
    assert errors == []


def test_webgl_figure_draws_every_mark_and_zooms(offline_page, tmp_path: Path) -> None:
    events = synthetic_events(6_000, lanes=4)
    fig = tl.plot(events, lane="category", color="category")
    assert {t.type for t in fig.data if t.meta["role"] == "instant"} == {"scattergl"}
    errors = open_figure(offline_page, fig, tmp_path / "big.html")
    assert offline_page.evaluate("() => !!document.createElement('canvas').getContext('webgl')"), (
        "WebGL is unavailable in this Chromium"
    )
    counts = offline_page.evaluate(
        """() => {
          const out = {};
          document.querySelector('.plotly-graph-div')._fullData.forEach(t => {
            const role = t.meta && t.meta.role;
            out[role] = (out[role] || 0) + (t.visible === true ? t._length : 0);
          });
          return out;
        }"""
    )
    n_spans = int((events["kind"] == "span").sum())
    assert counts["instant"] == len(events) - n_spans
    assert counts["span_center"] == n_spans
    assert offline_page.evaluate(
        "() => !!document.querySelector('.plotly-graph-div')._fullLayout._glcanvas"
    )
    new_range = offline_page.evaluate(
        """async () => {
          const gd = document.querySelector('.plotly-graph-div');
          await Plotly.relayout(gd, {'xaxis.range': ['2023-01-01', '2023-03-01']});
          return gd._fullLayout.xaxis.range;
        }"""
    )
    assert new_range[0].startswith("2023-01-01")
    offline_page.screenshot(path=tmp_path / "big.png")
    # the WebGL canvas really drew: the lanes are full of palette colours
    with Image.open(tmp_path / "big.png") as shot:
        pixels = np.asarray(shot.convert("RGB")).reshape(-1, 3).astype(int)
    saturated = (pixels.max(axis=1) - pixels.min(axis=1)) > 60
    assert saturated.mean() > 0.01
    assert offline_page.blocked_requests == []
    assert errors == []
