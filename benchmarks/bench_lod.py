"""Level of detail: exported pages and the explorer at 100,000 and 1,000,000 events.

One run. Prints each figure, its target and each ratio. Needs Debian's Chromium
(/usr/bin/chromium) and Playwright; WebGL is software-rendered (SwiftShader) here.

Events: ``synthetic_events`` over 25 years (8 lanes, half spans), exported as in issue 12
with ``tl.export(events, "x.html", lane="category", color="category")``.

Measured:
- page ready: navigation start until the page's script has drawn the figure and set up
  its controls (``performance.mark("tl-ready")``), median of three loads after a first;
- zoom painted: from the ``Plotly.relayout`` call of a new x range until two animation
  frames later (the page redraws its lanes in the first of them), over windows from 25
  years down to one day, each after the page has settled; median and 90th percentile;
- bytes per event: the page's size, and its size beyond plotly.js, over the events;
- explorer at 1,000,000 events: ``tl.explore(...).figure_widget`` built (opens: in a fresh
  process, so with the first import of plotly's ``FigureWidget``, which imports nbformat and
  jsonschema; and that import on its own), points it holds at the full extent, and a zoom
  set from Python (``figure_widget.layout.xaxis.range = [a, b]``, kernel side: the redraw
  of the lanes; wall and CPU time, CPU time moves less with the machine's load);
- anytimeline (``pip install anytimeline``, GPU-accelerated timelines for notebooks, which
  needs Python >= 3.12: made in ``.venv-anytimeline`` when that exists) page of the same
  100,000 events, page ready side by side in the same browser.

Ratios are printed against each target and against the figures before this round of work
(``BASELINE``, quiet machine, 1 Dec 2026). ``--verbose`` prints every zoom.

Usage: ``python benchmarks/bench_lod.py [--events N ...] [--skip-explorer] [--zooms K]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

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
ANYTIMELINE_PYTHON = ROOT / ".venv-anytimeline" / "bin" / "python"
TIMEOUT_MS = 600_000
DAY_MS = 86_400_000
YEARS = 25
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
ZOOM = """async ([a, b]) => {
  const gd = document.getElementById('tl-plot');
  const t0 = performance.now();
  await Plotly.relayout(gd, {'xaxis.range': [a, b]});
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - t0;
}"""
READY_AT = "() => performance.getEntriesByName('tl-ready')[0].startTime"
SHOWN = """() => ['shownMarks', 'densityLanes'].map(
  k => document.getElementById('tl-plot').dataset[k])"""
BASELINE = {  # quiet machine, 1 Dec 2026, before the packed page and the windowed views
    (100_000, "ready"): 1520.0,
    (100_000, "zoom_p90"): 680.0,
    (100_000, "bytes"): 203.0,
    (1_000_000, "ready"): 4000.0,
    (1_000_000, "zoom_p90"): 1281.0,
    (1_000_000, "bytes"): 106.0,
    ("explorer", "open"): 44.0,
    ("explorer", "zoom_p90"): 1.41,
}
TARGET = {
    (100_000, "zoom_p90"): 200.0,
    (1_000_000, "ready"): 3000.0,
    (1_000_000, "zoom_p90"): 300.0,
    (1_000_000, "bytes"): 20.0,
    ("explorer", "open"): 5.0,
    ("explorer", "zoom_p90"): 0.300,
    ("explorer", "points"): 100_000,
}


def versus(key: tuple, value: float) -> str:
    """`` (x target, y before)``: the ratio of a figure to its target and its baseline."""
    parts = []
    if key in TARGET:
        met = "met" if value <= TARGET[key] else "not met"
        parts.append(f"{value / TARGET[key]:.2f}x target {TARGET[key]:g}, {met}")
    if key in BASELINE:
        parts.append(f"{value / BASELINE[key]:.2f}x before ({BASELINE[key]:g})")
    return f" ({'; '.join(parts)})" if parts else ""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def windows(count: int) -> list[tuple[float, float]]:
    """Windows from 25 years down to one day, at spread positions in the data."""
    start = tl_ms("2000-01-01")
    end = tl_ms("2025-01-01")
    lengths = [25 * 365, 10 * 365, 5 * 365, 2 * 365, 365, 180, 90, 30, 14, 7, 3, 1]
    result = []
    for k in range(count):
        days = lengths[k % len(lengths)]
        span = days * DAY_MS
        room = max(end - start - span, 0)
        low = start + room * ((k * 0.37) % 1.0)
        result.append((low, low + span))
    return result


def tl_ms(text: str) -> float:
    import pandas as pd

    return pd.Timestamp(text).value / 1e6


def plotly_js_bytes() -> int:
    from plotly.offline import get_plotlyjs

    return len(get_plotlyjs().encode())


def load(page, path: Path, ready: str) -> float:
    page.goto(path.as_uri(), timeout=TIMEOUT_MS)
    page.wait_for_function(ready, timeout=TIMEOUT_MS)
    return float(page.evaluate(READY_AT))


def page_figures(page, path: Path, n: int, zoom_windows: list, verbose: bool = False) -> dict:
    ready = "() => document.body.getAttribute('data-tl-ready') === '1'"
    first = load(page, path, ready)
    loads = [load(page, path, ready) for _ in range(3)]
    painted = []
    for low, high in zoom_windows:
        page.evaluate(SETTLE)
        painted.append(page.evaluate(ZOOM, [low, high]))
        if verbose:
            marks, dense = page.evaluate(SHOWN)
            print(
                f"  zoom {(high - low) / DAY_MS:7.0f} days: {painted[-1]:6.0f} ms painted "
                f"({marks} marks, {dense} density lanes)"
            )
    size = path.stat().st_size
    return {
        "first": first,
        "ready": statistics.median(loads),
        "zoom_median": statistics.median(painted),
        "zoom_p90": percentile(painted, 0.9),
        "bytes": size / n,
        "bytes_beyond_js": (size - plotly_js_bytes()) / n,
    }


def anytimeline_page(events, path: Path) -> str | None:
    """Write anytimeline's page of the events; None (and why) when it cannot run here."""
    if not ANYTIMELINE_PYTHON.exists():
        return (
            "anytimeline needs Python >= 3.12: make .venv-anytimeline with "
            "`python3.12 -m venv .venv-anytimeline && .venv-anytimeline/bin/pip install "
            "anytimeline==0.3.0 pandas`"
        )
    frame = path.with_suffix(".csv")
    events[["title", "start", "end", "category", "kind"]].assign(
        end=events["end"].fillna(events["start"])
    ).to_csv(frame, index=False)
    script = ROOT / "benchmarks" / "anytimeline_page.py"
    done = subprocess.run(
        [str(ANYTIMELINE_PYTHON), str(script), str(frame), str(path)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        return "anytimeline failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    return None


def explorer_figures(events, zoom_windows: list, verbose: bool = False) -> dict:
    start = time.perf_counter()
    import plotly.graph_objects as go

    go.FigureWidget  # noqa: B018 (the first import of the widget machinery)
    imported = time.perf_counter() - start
    explorer = tl.explore(events, lane="category", color="category")
    widget = explorer.figure_widget
    opened = time.perf_counter() - start
    points = sum(len(t.x) for t in widget.data if t.x is not None)
    times, cpu = [], []
    for low, high in zoom_windows:
        start, start_cpu = time.perf_counter(), time.process_time()
        widget.layout.xaxis.range = [low, high]
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if verbose:
            print(f"  explorer zoom {(high - low) / DAY_MS:7.0f} days: {1000 * times[-1]:.0f} ms")
    return {
        "import": imported,
        "open": opened,
        "points": points,
        "zoom_median": statistics.median(times),
        "zoom_p90": percentile(times, 0.9),
        "cpu_median": statistics.median(cpu),
        "cpu_p90": percentile(cpu, 0.9),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--zooms", type=int, default=24)
    parser.add_argument("--skip-explorer", action="store_true")
    parser.add_argument("--skip-anytimeline", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print every zoom")
    options = parser.parse_args()
    zoom_windows = windows(options.zooms)
    print(f"zoom windows: {len(zoom_windows)}, from 25 years down to one day")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
        folder_path = Path(folder)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        webgl = page.evaluate("!!document.createElement('canvas').getContext('webgl')")
        print(f"chromium: WebGL {'available (SwiftShader)' if webgl else 'UNAVAILABLE'}")
        results: dict[int, dict] = {}
        for n in options.events:
            events = synthetic_events(n, lanes=8, years=YEARS)
            path = folder_path / f"tl-{n}.html"
            start = time.perf_counter()
            tl.export(events, path, lane="category", color="category")
            exported = time.perf_counter() - start
            figures = page_figures(page, path, n, zoom_windows, options.verbose)
            results[n] = figures
            print(
                f"{n:,} events: export {exported:.2f} s; page ready {figures['ready']:.0f} ms "
                f"(median of 3 after a first of {figures['first']:.0f} ms); zoom painted "
                f"{figures['zoom_median']:.0f} ms median, {figures['zoom_p90']:.0f} ms 90th "
                f"percentile; {figures['bytes']:.1f} B/event ({figures['bytes_beyond_js']:.1f} "
                "beyond plotly.js)"
            )
            if n == 100_000 and not options.skip_anytimeline:
                other = folder_path / "anytimeline.html"
                why = anytimeline_page(events, other)
                if why:
                    print(f"anytimeline: not measured: {why}")
                else:
                    ready = "() => window.__anytimelineReady !== undefined"
                    times = []
                    for _ in range(4):
                        page.goto(other.as_uri(), timeout=TIMEOUT_MS)
                        page.wait_for_function(ready, timeout=TIMEOUT_MS)
                        times.append(page.evaluate("() => window.__anytimelineReady"))
                    theirs = statistics.median(times[1:])
                    ours = figures["ready"]
                    print(
                        f"anytimeline 100,000 events: page ready {theirs:.0f} ms (median of 3 "
                        f"after a first of {times[0]:.0f} ms); timeline {ours:.0f} ms; ratio "
                        f"{ours / theirs:.2f}x (target <= 1.00x)"
                    )
            for key, unit in (("ready", "ms"), ("zoom_p90", "ms"), ("bytes", "B/event")):
                print(f"  {n:,} {key}: {figures[key]:.1f} {unit}{versus((n, key), figures[key])}")
            del events
        browser.close()

    if not options.skip_explorer:
        n = max(options.events)
        events = synthetic_events(n, lanes=8, years=YEARS)
        figures = explorer_figures(events, zoom_windows, options.verbose)
        print(
            f"explorer {n:,} events: opens in {figures['open']:.2f} s in a fresh process "
            f"({figures['import']:.2f} s of it the first import of plotly's FigureWidget)"
            f"{versus(('explorer', 'open'), figures['open'])}; without that import "
            f"{figures['open'] - figures['import']:.2f} s"
            f"{versus(('explorer', 'open'), figures['open'] - figures['import'])}"
        )
        print(
            f"  {figures['points']:,} points at the full extent"
            f"{versus(('explorer', 'points'), figures['points'])}"
        )
        print(
            f"  zoom from Python {1000 * figures['zoom_median']:.0f} ms median, "
            f"{1000 * figures['zoom_p90']:.0f} ms 90th percentile"
            f"{versus(('explorer', 'zoom_p90'), figures['zoom_p90'])}; CPU time "
            f"{1000 * figures['cpu_median']:.0f} ms median, {1000 * figures['cpu_p90']:.0f} ms p90"
        )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine load average (1, 5, 15 min): {load}; figures move with load")


if __name__ == "__main__":
    main()
