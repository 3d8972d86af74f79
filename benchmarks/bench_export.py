"""Benchmark the briefing exports.

Measured (one run each, on whatever machine runs it):

- PNG batch: ten figures of the seed events exported inside one ``image_session`` (one
  kept Chromium), against single exports that each start their own browser (what
  ``tl.export(fig, "x.png")`` costs alone). Target: under 0.5 s a figure after the first.
- HTML page of 100,000 synthetic events: ``tl.export(events, "x.html")`` (plotting
  included) and ``tl.export(fig, "x.html")`` for a figure already built, against plotly's
  own ``fig.write_html(include_plotlyjs=True)`` of the same figure. Target: under 2 s.

Usage: ``python benchmarks/bench_export.py [--events N] [--figures N] [--single N]``.
Needs Chromium for the PNG part (``--skip-png`` to leave it out).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic events the tests use

import timeline as tl  # noqa: E402
from factories import synthetic_events  # noqa: E402
from timeline.export import image_session  # noqa: E402

VIEWS = [
    {"lane": "actors"},
    {"lane": "category"},
    {"lane": "location"},
    {"lane": "claimant"},
    {"lane": None},
    {"lane": "actors", "color": "category"},
    {"lane": "category", "color": "category"},
    {"lane": "location", "color": "category"},
    {"lane": "claimant", "color": "category"},
    {"lane": None, "color": "category"},
]


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def bench_png(folder: Path, figures: int, single: int) -> None:
    events = tl.load_events(ROOT / "data" / "events.csv")
    views = [VIEWS[i % len(VIEWS)] for i in range(figures)]
    figs = [tl.plot(events, **view) for view in views]
    seconds = []
    with image_session():
        for i, fig in enumerate(figs):
            elapsed, _ = timed(lambda fig=fig, i=i: tl.export(fig, folder / f"batch{i}.png"))
            seconds.append(elapsed)
    first, rest = seconds[0], seconds[1:]
    print(f"PNG batch of {figures} figures, one kept browser:")
    print(f"  first (starts Chromium)      {first:6.2f} s")
    if rest:
        print(
            f"  each after the first         median {statistics.median(rest):.2f} s, "
            f"max {max(rest):.2f} s  (target < 0.5 s)"
        )
    alone = []
    for i in range(single):
        elapsed, _ = timed(lambda i=i: tl.export(figs[i % len(figs)], folder / f"alone{i}.png"))
        alone.append(elapsed)
    if alone and rest:
        baseline = statistics.median(alone)
        print(f"  single export, own browser   median {baseline:.2f} s over {single}")
        print(f"  ratio single / batched       {baseline / statistics.median(rest):.1f}x")


def bench_html(folder: Path, count: int) -> None:
    events = synthetic_events(count)
    elapsed_events, _ = timed(
        lambda: tl.export(events, folder / "events.html", lane="category", banner="TEST")
    )
    fig = tl.plot(events, lane="category")
    elapsed_figure, path = timed(lambda: tl.export(fig, folder / "figure.html"))
    elapsed_plotly, _ = timed(lambda: fig.write_html(folder / "plotly.html", include_plotlyjs=True))
    size = path.stat().st_size / 1e6
    plotly_size = (folder / "plotly.html").stat().st_size / 1e6
    print(f"HTML page of {count:,} events:")
    print(f"  tl.export(events, ...) incl. plot  {elapsed_events:6.2f} s  (target < 2 s)")
    print(f"  tl.export(fig, ...)                {elapsed_figure:6.2f} s  {size:.1f} MB")
    print(f"  baseline fig.write_html            {elapsed_plotly:6.2f} s  {plotly_size:.1f} MB")
    print(f"  ratio tl.export(fig) / write_html  {elapsed_figure / elapsed_plotly:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--figures", type=int, default=10)
    parser.add_argument("--single", type=int, default=2, help="single exports to time")
    parser.add_argument("--skip-png", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_html(folder, args.events)
        if not args.skip_png:
            bench_png(folder, args.figures, args.single)


if __name__ == "__main__":
    main()
