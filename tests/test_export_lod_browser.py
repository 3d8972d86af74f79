"""The exported page's level of detail in headless Chromium: marks zoomed in, density
zoomed out, a lone far event drawn at every level, search and toggles at every level."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from factories import synthetic_events
from timeline.filters import filter_mask

pytestmark = pytest.mark.browser

READY = "() => document.body.getAttribute('data-tl-ready') === '1'"
HOSTILE = '<img src=x onerror="window.__xss = 1">'
ZOOM = """async ([a, b]) => {
  const gd = document.getElementById('tl-plot');
  await Plotly.relayout(gd, {'xaxis.range': [a, b]});
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return [gd.dataset.shownMarks, gd.dataset.densityLanes].map(Number);
}"""
DRAWN = """async (row) => {
  // is event ``row`` drawn: as a mark (customdata) or as a painted pixel of its lane's
  // density strip (a layout image) at the event's date?
  const gd = document.getElementById('tl-plot');
  for (const t of gd.data) {
    const role = t.meta && t.meta.role;
    if (role && role !== 'density' && role !== 'legend_note' && t.customdata) {
      for (let i = 0; i < t.customdata.length; i++) {
        if (t.customdata[i] === row && t.x[i] === t.x[i] && t.x[i] !== null) return 'mark';
      }
    }
  }
  const at = window.__farMs;
  const strip = (gd.layout.images || []).find(im => im.name === 'tl-density-' + window.__farLane);
  if (!strip || at < strip.x || at >= strip.x + strip.sizex) return 'missing';
  const image = new Image();
  image.src = strip.source;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const column = Math.floor((at - strip.x) / strip.sizex * image.width);
  const pixels = context.getImageData(column, 0, 1, image.height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return 'density';
  return 'missing';
}"""
HOVER_TEXTS = (
    "() => document.getElementById('tl-plot').data"
    ".filter(t => t.meta && t.meta.role === 'density')"
    ".flatMap(t => Array.from(t.hovertext || [])).filter(t => t && t.includes('start here'))"
)


def busy_events() -> pd.DataFrame:
    """3,000 events in two lanes, and one far from the rest in the busy lane."""
    events = synthetic_events(3000, lanes=2, seed=4)
    events.loc[5, "title"] = "Shelling " + HOSTILE
    far = events.iloc[[0]].copy()
    far["event_id"] = "far"
    far["title"] = "The lone far event"
    far["start"] = pd.Timestamp("2031-06-10")
    far["end"] = pd.Timestamp("2031-06-11")
    far["kind"] = pd.Categorical(["instant"], categories=events["kind"].cat.categories)
    far["start_precision"] = far["end_precision"] = "day"
    return pd.concat([events, far], ignore_index=True)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return busy_events()


@pytest.fixture
def page_path(events: pd.DataFrame, tmp_path: Path) -> Path:
    # a budget of 150 marks per lane makes 3,000 events a density page at small cost
    return tl.export(
        events, tmp_path / "lod.html", lane="category", color="category", mark_budget=150
    )


def open_page(page, path: Path) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # a blocked image (the strips are data: URLs under the page's CSP) would be recorded
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))"
    )
    page.set_default_timeout(120_000)  # a shared, loaded machine: wait on conditions longer
    page.goto(path.as_uri(), timeout=120_000)
    page.wait_for_function(READY, timeout=120_000)
    return errors


def test_density_zoomed_out_and_marks_zoomed_in(offline_page, page_path: Path) -> None:
    errors = open_page(offline_page, page_path)
    marks, dense = offline_page.evaluate(
        "() => ['shownMarks', 'densityLanes'].map(k => "
        "Number(document.getElementById('tl-plot').dataset[k]))"
    )
    assert dense == 2 and marks == 0
    strips = offline_page.evaluate(
        "() => document.getElementById('tl-plot').data"
        ".filter(t => t.meta && t.meta.role === 'density' && t.x.length).length"
    )
    assert strips == 2
    # the strips are painted as layout images (no heatmap traces: they cost every zoom)
    assert offline_page.locator("#tl-plot .imagelayer image").count() == 2
    assert offline_page.locator("#tl-plot .hm").count() == 0
    images = offline_page.evaluate(
        "() => document.getElementById('tl-plot').layout.images"
        ".map(im => [im.name, im.source.slice(0, 22), im.xref, im.yref, im.sizing])"
    )
    assert sorted(images) == [
        [f"tl-density-{k}", "data:image/png;base64,", "x", "y", "stretch"] for k in (0, 1)
    ]
    marks, dense = offline_page.evaluate(ZOOM, ["2023-05-01", "2023-05-08"])
    assert dense == 0 and 0 < marks < 150
    assert offline_page.locator("#tl-plot .imagelayer image").count() == 0
    points = offline_page.evaluate("() => document.querySelectorAll('.scatterlayer .point').length")
    assert points >= marks // 2
    marks, dense = offline_page.evaluate(ZOOM, ["2021-01-01", "2032-01-01"])
    assert dense == 2 and marks == 0
    assert offline_page.blocked_requests == []
    assert errors == []
    assert offline_page.evaluate("() => window.__xss") is None
    assert offline_page.evaluate("() => window.__csp || []") == []


def test_bucket_hover_text_is_escaped(offline_page, page_path: Path) -> None:
    open_page(offline_page, page_path)
    offline_page.evaluate(ZOOM, ["2021-12-01", "2022-12-01"])
    texts = offline_page.evaluate(HOVER_TEXTS)
    assert texts
    assert all("<img" not in t for t in texts)
    joined = " ".join(texts)
    assert "e.g. Event " in joined or "e.g. Shelling" in joined
    assert any(month in joined for month in ("Dec 2021", "Jan 2022"))
    # the mouse over a bucket of a strip (an image) shows that bucket's hover
    x, y = offline_page.evaluate(
        """() => {
      const gd = document.getElementById('tl-plot'), fl = gd._fullLayout;
      const t = gd.data.find(t => t.meta && t.meta.role === 'density' && t.x.length);
      const i = Array.from(t.hovertext).findIndex(h => h.includes('start here'));
      const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
      return [box.left + fl.xaxis.l2p(t.x[i]), box.top + fl.yaxis.l2p(t.y[i])];
    }"""
    )
    offline_page.mouse.move(x, y)
    offline_page.wait_for_function(
        "() => (document.querySelector('.hoverlayer .hovertext') || {}).textContent"
        "?.includes('start here')"
    )


def test_a_lone_far_event_is_drawn_at_every_level(
    offline_page, page_path: Path, events: pd.DataFrame
) -> None:
    open_page(offline_page, page_path)
    far_row = len(events) - 1
    lanes = offline_page.evaluate(
        "() => document.getElementById('tl-plot').data"
        ".filter(t => t.meta && t.meta.role === 'density')"
        ".map(t => t.name)"
    )
    far_lane = lanes.index(str(events["category"].iloc[far_row]))
    far_ms = pd.Timestamp("2031-06-10T12:00").value / 1e6
    offline_page.evaluate(
        "([ms, lane]) => { window.__farMs = ms; window.__farLane = lane; }", [far_ms, far_lane]
    )
    seen = set()
    day = 86_400_000
    for days in (25 * 365, 8 * 365, 2 * 365, 180, 30, 7, 1):
        # windows around the far event, from 25 years down to one day
        low, high = far_ms - days * day * 0.8, far_ms + days * day * 0.2
        offline_page.evaluate(ZOOM, [low, high])
        how = offline_page.evaluate(DRAWN, far_row)
        assert how != "missing", f"window of {days} days"
        seen.add(how)
    assert seen == {"mark", "density"}


def test_search_and_toggles_work_at_every_level(
    offline_page, page_path: Path, events: pd.DataFrame
) -> None:
    open_page(offline_page, page_path)
    offline_page.fill("#tl-search", "town 7")
    kept = int(filter_mask(events, {"search": "town 7"}).sum())
    offline_page.wait_for_function(
        "(n) => document.getElementById('tl-plot').dataset.shownEvents === String(n)", arg=kept
    )
    assert offline_page.inner_text("#tl-status") == f"Showing {kept} of {len(events)} events"
    # zoomed out, the strips count only the matching events
    counted = offline_page.evaluate(
        "() => (" + HOVER_TEXTS + ")()"
        ".map(t => Number(t.split('</b>')[0].replace('<b>', '').split(' ')[0].replace(/,/g, '')))"
        ".reduce((a, b) => a + b, 0)"
    )
    dense = offline_page.evaluate(
        "() => Number(document.getElementById('tl-plot').dataset.densityLanes)"
    )
    if dense:
        assert 0 < counted <= kept
    # zoomed in, only matching marks
    offline_page.evaluate(ZOOM, ["2022-01-01", "2022-03-01"])
    rows = offline_page.evaluate(
        "() => document.getElementById('tl-plot').data"
        ".filter(t => t.meta && t.meta.role === 'instant' && t.customdata)"
        ".flatMap(t => Array.from(t.customdata))"
    )
    mask = filter_mask(events, {"search": "town 7"})
    assert rows and all(mask[r] for r in rows)
    # a lane switched off draws nothing, neither marks nor density
    offline_page.fill("#tl-search", "")
    offline_page.locator("#tl-lanes input").first.uncheck()
    offline_page.wait_for_function(
        "() => document.getElementById('tl-status').textContent.indexOf(' of ') > 0"
    )
    offline_page.evaluate(ZOOM, ["2021-01-01", "2032-01-01"])
    lane0 = offline_page.evaluate(
        "() => document.getElementById('tl-plot').data"
        ".filter(t => t.meta && t.meta.role === 'density' && t.meta.lane === 0)[0].x.length"
    )
    assert lane0 == 0
    names = offline_page.evaluate(
        "() => document.getElementById('tl-plot').layout.images.map(im => im.name)"
    )
    assert "tl-density-0" not in names
    shown = int(
        offline_page.evaluate("() => document.getElementById('tl-plot').dataset.shownEvents")
    )
    lanes = offline_page.evaluate(
        "() => Array.from(document.querySelectorAll('#tl-lanes label'))"
        ".map(l => l.textContent.trim())"
    )
    first_lane = lanes[0]
    assert shown == int((events["category"].astype(str) != first_lane).sum())


@pytest.mark.parametrize("webgl", [False, True])
def test_mark_hover_escapes_titles_from_the_packed_data(
    offline_page, events: pd.DataFrame, tmp_path: Path, webgl: bool
) -> None:
    # SVG marks carry their hover text; WebGL marks get the raw title escaped by the script
    path = tl.export(
        events,
        tmp_path / "lod.html",
        lane="category",
        color="category",
        mark_budget=150,
        webgl=webgl,
    )
    open_page(offline_page, path)
    start = events["start"].iloc[5].value / 1e6
    marks, dense = offline_page.evaluate(ZOOM, [start - 86_400_000, start + 2 * 86_400_000])
    assert marks > 0 and dense == 0
    texts = offline_page.evaluate(
        "() => document.getElementById('tl-plot').data"
        ".filter(t => t.meta && t.hovertext && typeof t.hovertext !== 'string')"
        ".flatMap(t => Array.from(t.hovertext))"
    )
    hostile = [t for t in texts if "Shelling " in t]
    assert hostile and all(
        "Shelling &lt;img src=x onerror=&#34;window.__xss = 1&#34;&gt;" in t for t in hostile
    )
    assert all("<img" not in t for t in texts)
    assert offline_page.evaluate("() => window.__xss") is None
