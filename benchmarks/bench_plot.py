"""Benchmark tl.plot against plotly express's px.timeline on the same synthetic events.

One run. Prints each figure and each ratio. Needs Debian's Chromium (/usr/bin/chromium)
and Playwright; WebGL is software-rendered (SwiftShader) on this machine.

Measured:
- figure build (tl.plot, px.timeline) at 100,000 events (half spans, 8 lanes), and tl.plot
  at 1,000,000 events;
- HTML bytes per event beyond plotly.js;
- render: page ready (``Plotly.newPlot`` resolved) minus the same page with plotly.js only,
  in a warm browser; "+GPU" also waits for the WebGL canvas to finish drawing
  (``gl.readPixels``), which software rendering makes the slowest part;
- page ready for tl.plot: median of three loads after a first one (which compiles shaders);
- zoom: ``Plotly.relayout`` of the x range to two months, median and 90th percentile of 15
  windows; "+GPU" as above. Before each zoom the page settles (two animation frames), so
  the compositor's work on the previous frame does not land inside the next zoom.

Usage: ``python benchmarks/bench_plot.py [--events N] [--color] [--skip-px] [--skip-million]``
(``--color`` colours both figures by lane: one trace per colour, so more traces.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import plotly.express as px
import plotly.graph_objects as go

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic events the tests use

import timeline as tl  # noqa: E402
from factories import synthetic_events  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-background-networking",
]
GPU_FINISH = """
  const canvas = document.querySelector('.gl-canvas-context');
  const gl = canvas && canvas.getContext('webgl');
  if (gl) {
    const px = new Uint8Array(4);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  }
"""
POST_SCRIPT = (
    "window.__plotted = performance.now();" + GPU_FINISH + "window.__ready = performance.now();"
)
ZOOM = (
    """async (start) => {
  const gd = document.querySelector('.plotly-graph-div');
  const a = Date.parse(start);
  const t0 = performance.now();
  await Plotly.relayout(gd, {'xaxis.range': [a, a + 61 * 86400e3]});
  const t1 = performance.now();
"""
    + GPU_FINISH
    + """
  return [t1 - t0, performance.now() - t0];
}"""
)
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
TIMEOUT_MS = 600_000


def timed(func, repeat: int = 1):
    """(median seconds, last result) of ``repeat`` calls."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def html_bytes(fig: go.Figure) -> int:
    return len(fig.to_html(include_plotlyjs=False, full_html=True).encode())


def write_page(fig: go.Figure, path: Path) -> Path:
    fig.write_html(path, include_plotlyjs=True, post_script=POST_SCRIPT)
    return path


def load(page, path: Path) -> tuple[float, float]:
    """(newPlot resolved, GPU finished) in ms after navigation start."""
    page.goto(path.as_uri(), timeout=TIMEOUT_MS)
    page.wait_for_function("window.__ready !== undefined", timeout=TIMEOUT_MS)
    return page.evaluate("[window.__plotted, window.__ready]")


def zooms(page, starts: list[str]) -> tuple[float, float, float]:
    """(median relayout, 90th percentile relayout, median relayout + GPU) ms."""
    results = []
    for start in starts:
        page.evaluate(SETTLE)
        results.append(page.evaluate(ZOOM, start))
    relayouts = sorted(r[0] for r in results)
    return (
        statistics.median(relayouts),
        relayouts[min(len(relayouts) - 1, round(0.9 * (len(relayouts) - 1)))],
        statistics.median(r[1] for r in results),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--skip-px", action="store_true", help="skip px.timeline in Chromium")
    parser.add_argument("--skip-million", action="store_true")
    parser.add_argument(
        "--color", action="store_true", help="colour both figures by lane (more traces)"
    )
    options = parser.parse_args()
    n = options.events

    events = synthetic_events(n, lanes=8)
    print(f"events: {n:,} ({int((events['kind'] == 'span').sum()):,} spans, 8 lanes)")

    color = "category" if options.color else None
    tl.plot(events.head(1000), lane="category")  # import and warm-up
    build_tl, fig_tl = timed(lambda: tl.plot(events, lane="category", color=color), 3)
    px_frame = events.assign(end=events["end"].fillna(events["start"]))
    build_px, fig_px = timed(
        lambda: px.timeline(
            px_frame, x_start="start", x_end="end", y="category", color=color, hover_name="title"
        )
    )
    print(
        f"build  tl.plot {build_tl:.3f} s (median of 3, {len(fig_tl.data)} traces)   "
        f"px.timeline {build_px:.3f} s ({len(fig_px.data)} traces)"
    )

    empty = go.Figure(layout={"xaxis": {"type": "date"}})
    base_bytes = html_bytes(empty)
    per_tl = (html_bytes(fig_tl) - base_bytes) / n
    per_px = (html_bytes(fig_px) - base_bytes) / n
    print(
        f"html   tl.plot {per_tl:.1f} B/event   px.timeline {per_px:.1f} B/event "
        f"(beyond plotly.js)   ratio {per_px / per_tl:.1f}x smaller"
    )

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
        folder_path = Path(folder)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        webgl = page.evaluate("!!document.createElement('canvas').getContext('webgl')")
        print(f"chromium: WebGL {'available (SwiftShader)' if webgl else 'UNAVAILABLE'}")
        empty_page = write_page(empty, folder_path / "empty.html")
        load(page, empty_page)  # warm the cache and the compiler
        js_only = statistics.median(load(page, empty_page)[0] for _ in range(3))
        print(f"plotly.js alone: page ready {js_only:.0f} ms")

        tl_page = write_page(fig_tl, folder_path / "tl.html")
        first, _ = load(page, tl_page)  # the first load also compiles the WebGL shaders
        loads = [load(page, tl_page) for _ in range(3)]
        plotted = statistics.median(ready for ready, _ in loads)
        finished = statistics.median(done for _, done in loads)
        render_tl, render_tl_gpu = plotted - js_only, finished - js_only
        print(
            f"tl.plot: page ready {plotted:.0f} ms, median of 3 loads after a first one of "
            f"{first:.0f} ms (+GPU {finished:.0f} ms); render {render_tl:.0f} ms "
            f"(+GPU {render_tl_gpu:.0f} ms)"
        )
        windows = [
            f"{year}-{month:02d}-01" for year in (2022, 2023, 2024) for month in (1, 3, 6, 8, 10)
        ]
        zoom_tl, zoom_tl_p90, zoom_tl_gpu = zooms(page, windows)
        print(
            f"tl.plot: zoom {zoom_tl:.1f} ms median of {len(windows)}, 90th percentile "
            f"{zoom_tl_p90:.1f} ms (+GPU {zoom_tl_gpu:.0f} ms median)"
        )

        if not options.skip_px:
            px_page = write_page(fig_px, folder_path / "px.html")
            plotted_px, _ = load(page, px_page)
            render_px = plotted_px - js_only
            print(f"px.timeline: page ready {plotted_px:.0f} ms; render {render_px:.0f} ms")
            zoom_px, _, _ = zooms(page, windows[:1])
            print(f"px.timeline: zoom {zoom_px:.0f} ms (one zoom)")
            print(
                f"ratio render: {render_px / render_tl:.1f}x faster "
                f"({render_px / render_tl_gpu:.1f}x with GPU finish)   target >= 5x"
            )
            print(
                f"ratio zoom:   {zoom_px / zoom_tl:.0f}x faster "
                f"({zoom_px / zoom_tl_gpu:.1f}x with GPU finish)   target >= 50x"
            )
        print(
            f"targets: build < 0.34 s: {build_tl:.3f} s; html < 40 B/event: {per_tl:.1f}; "
            f"page ready <= 2600 ms: {plotted:.0f} ms (+GPU {finished:.0f}); "
            f"zoom < 50 ms: {zoom_tl:.1f} ms (90th percentile {zoom_tl_p90:.1f}, "
            f"+GPU {zoom_tl_gpu:.0f})"
        )

        if not options.skip_million:
            million = synthetic_events(1_000_000, lanes=8)
            build_m, fig_m = timed(lambda: tl.plot(million, lane="category", color=color))
            per_m = (html_bytes(fig_m) - base_bytes) / len(million)
            print(
                f"1,000,000 events: build {build_m:.2f} s (target < 5 s); html {per_m:.1f} B/event"
            )
            m_page = write_page(fig_m, folder_path / "million.html")
            del fig_m, million
            plotted_m, finished_m = load(page, m_page)
            print(f"1,000,000 events: page ready {plotted_m:.0f} ms (+GPU {finished_m:.0f} ms)")
        browser.close()


if __name__ == "__main__":
    main()
