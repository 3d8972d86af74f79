"""Benchmark and check tl.chronology: layout time at 60 events, and the seed events' slide.

One run; prints every figure. Measured:
- layout of 60 events (``chronology_layout``: page, era strip, span rows, milestone labels
  for every key size and axis position tried, key), median and maximum of 7 runs after one
  warm-up, at the slide and A4 sizes; the pure placement (``place_labels``) alone; the
  whole ``tl.chronology`` (plotly figure included);
- the seed events (``data/events.csv``) on a 1280 x 720 slide: titles on the figure in full
  (label or key), overlapping labels, labels on the legend or outside the figure, the
  smallest label font; the same for nine events on one day.

Target: layout of 60 events under 0.5 s. Usage: ``python benchmarks/bench_chronology.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import timeline as tl  # noqa: E402
from test_plot_chronology import dense_events, plain, sixty_events  # noqa: E402
from timeline.plot.chronology import chronology_layout  # noqa: E402
from timeline.plot.label_layout import Box, count_overlaps  # noqa: E402

RUNS = 7


def timed(function, runs: int = RUNS) -> tuple[float, float]:
    function()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def report_checks(name: str, events, **options) -> None:
    layout, marks, _ = chronology_layout(events, **options)
    figure = Box(0, 0, layout.page.width, layout.page.height)
    boxes = layout.text_boxes()
    texts = [b for k, b in boxes if k in ("label", "span_label", "number", "key", "era")]
    outside = sum(not b.inside(figure) for _, b in boxes)
    on_legend = (
        sum(b.overlaps(layout.page.legend_box) for b in texts) if layout.page.legend_box else 0
    )
    fig = tl.chronology(events, **options)
    written = " | ".join(
        plain(a.text) for a in fig.layout.annotations if a.name in ("label", "span_label", "key")
    )
    titles = [" ".join(str(t).split()) for t in marks["title"]]
    present = sum(t in written for t in titles)
    status = fig.layout.meta["chronology"]
    labelled = sum(v == "label" for v in status.values())
    sizes = [
        a.font.size for a in fig.layout.annotations if a.name in ("label", "span_label", "key")
    ]
    print(
        f"{name}: {present}/{len(titles)} titles in full on the figure "
        f"({labelled} labelled, {len(titles) - labelled} numbered in the key); "
        f"{count_overlaps(texts)} overlapping labels; {on_legend} on the legend; "
        f"{outside} outside the figure; smallest label {min(sizes):g} px"
    )


def main() -> None:
    sixty = sixty_events()
    for page in ("slide", "a4"):
        median, worst = timed(
            lambda page=page: chronology_layout(sixty, color="category", page=page)
        )
        print(
            f"layout of 60 events ({page}): {median * 1000:.0f} ms median, "
            f"{worst * 1000:.0f} ms max of {RUNS} (target < 500 ms)"
        )
    module = sys.modules["timeline.plot.chronology"]

    spent: list[float] = []
    original = module.place_labels

    def counting(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    module.place_labels = counting
    try:
        chronology_layout(sixty, color="category")
    finally:
        module.place_labels = original
    print(f"  of which place_labels: {sum(spent) * 1000:.0f} ms in {len(spent)} calls")
    median, worst = timed(lambda: tl.chronology(sixty, color="category"))
    print(
        f"tl.chronology of 60 events (figure included): {median * 1000:.0f} ms median, "
        f"{worst * 1000:.0f} ms max"
    )
    seed = tl.load_events(ROOT / "data" / "events.csv")
    report_checks(
        "seed events, 1280x720 slide",
        seed,
        color="category",
        title="North Korean troops in Russia",
        subtitle="Claims as reported",
    )
    report_checks("seed events, A4 page", seed, color="category", page="a4")
    report_checks("nine events on one day, slide", dense_events(), title="Dense day")
    report_checks("60 events, A4 page", sixty, color="category", page="a4")


if __name__ == "__main__":
    main()
