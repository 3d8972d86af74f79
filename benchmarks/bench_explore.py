"""Benchmark the explorer: a filter change to updated FigureWidget data, Python side.

Target (issue 5): at 100,000 events under 100 ms median, at 1,000,000 under 1 s.

For each size, the explorer's whole widget is built (controls, FigureWidget, table), then
a sequence of filter changes of different kinds is applied, each differing from the one
before in one field and none repeating an earlier mask (so the per-condition mask cache
does not hide the work): date range, category, actors, search words, approximate dates.
Half go through ``set_state`` and half through a control's value (as a user edit).
The time of each change runs until ``set_state`` / the control's observer returns, with
the FigureWidget's trace data, the table, the status line and the controls updated.

Baseline: the naive update, ``filter_mask`` (no cache), ``tl.plot`` on the filtered frame
and assigning the new figure's traces and layout to the same FigureWidget, for the first
few changes of the same sequence.

No front end is attached (the widget messages go nowhere), as in the target.

Usage: ``python benchmarks/bench_explore.py [--events 100000 1000000] [--baseline-runs 3]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic events the tests use

import timeline as tl  # noqa: E402
from factories import synthetic_events  # noqa: E402
from timeline.filters import FilterState, filter_mask  # noqa: E402
from timeline.lists import as_list_column  # noqa: E402

ACTORS = [f"actor {i}" for i in range(40)]
PLACES = [f"place {i}" for i in range(60)]


def bench_events(n: int):
    """Synthetic events with list-valued actors and a location, like real data."""
    events = synthetic_events(n, lanes=8, seed=1)
    rng = np.random.default_rng(2)
    first = rng.integers(0, len(ACTORS), n)
    second = rng.integers(0, len(ACTORS), n)
    pairs = rng.random(n) < 0.4
    lists = [
        [ACTORS[a], ACTORS[b]] if pair and a != b else [ACTORS[a]]
        for a, b, pair in zip(first, second, pairs, strict=True)
    ]
    # as the loader makes it: an Arrow list column
    events["actors"] = as_list_column(pd.Series(lists, index=events.index, dtype=object))
    events["location"] = np.asarray(PLACES, dtype=object)[rng.integers(0, len(PLACES), n)]
    return events


def changes() -> list[tuple[str, Callable[[FilterState], FilterState]]]:
    """(label, new state from the previous one); no two give the same conditions."""
    return [
        ("since 2023-01", lambda s: s.replace(since="2023-01")),
        ("category 2 lanes", lambda s: s.replace(category=["lane 1", "lane 2"])),
        ("search 'town 5'", lambda s: s.replace(search="town 5")),
        ("until 2024-06", lambda s: s.replace(until="2024-06")),
        ("actors 3 names", lambda s: s.replace(actors=["actor 3", "actor 7", "actor 11"])),
        ("hide approximate", lambda s: s.replace(hide_approximate=True)),
        ("search 'shelling 7'", lambda s: s.replace(search="shelling 7")),
        ("since 2022-06", lambda s: s.replace(since="2022-06")),
        ("category 3 lanes", lambda s: s.replace(category=["lane 0", "lane 4", "lane 6"])),
        ("location 2 places", lambda s: s.replace(location=["place 1", "place 2"])),
        ("hide uncertain", lambda s: s.replace(hide_uncertain=True)),
        ("clear search", lambda s: s.replace(search="")),
    ]


def apply_by_control(explorer, label: str, state: FilterState) -> None:
    """The same change as a user edit of the control (falls back to set_state)."""
    controls = explorer._controls
    old = explorer.state
    changed = [f for f in state.to_dict() if getattr(state, f) != getattr(old, f)]
    if len(changed) != 1:
        explorer.set_state(state)
        return
    field = changed[0]
    value = getattr(state, field)
    if field in controls.facets:
        controls.facets[field].value = tuple(value or ())
    elif field in ("since", "until"):
        getattr(controls, field).value = value or ""
    elif field == "search":
        controls.search.value = value
    else:
        getattr(controls, field).value = value


def measure(n: int, baseline_runs: int) -> None:
    events = bench_events(n)
    options = {"lane": "category", "color": "category"}
    start = time.perf_counter()
    explorer = tl.explore(events, **options)
    widget = explorer.widget
    built = time.perf_counter() - start
    traces = len(explorer.figure_widget.data)
    print(f"\n== {n:,} events: widget built in {built:.1f} s ({traces} traces)")
    assert widget is not None

    times = []
    state = explorer.state
    for i, (label, change) in enumerate(changes()):
        state = change(state)
        via = "set_state" if i % 2 == 0 else "control"
        t0 = time.perf_counter()
        if via == "set_state":
            explorer.set_state(state)
        else:
            apply_by_control(explorer, label, state)
        elapsed = time.perf_counter() - t0
        assert explorer.state == state, (explorer.state, state)
        times.append(elapsed)
        print(
            f"  {label:<22} via {via:<9} {elapsed * 1000:7.1f} ms  "
            f"-> {explorer._shown_count:>9,} shown"
        )
    median = statistics.median(times)

    # baseline: tl.plot on the filtered frame, assigned to the same FigureWidget
    figure_widget = explorer.figure_widget
    baseline = []
    state = FilterState(**options)
    for _, change in changes()[:baseline_runs]:
        state = change(state)
        t0 = time.perf_counter()
        cache = explorer._cache  # its prepared frame, not its cached masks
        mask = filter_mask(cache.events, state, reference_date=cache.reference_date)
        filtered = events.iloc[np.flatnonzero(mask)]
        figure = tl.plot(filtered, **options)
        with figure_widget.batch_update():
            figure_widget.data = []
        figure_widget.add_traces(figure.data)
        figure_widget.layout = figure.layout
        baseline.append(time.perf_counter() - t0)
        explorer_time = times[len(baseline) - 1]
        print(
            f"  naive rebuild, change {len(baseline)} ({len(filtered):,} events): "
            f"{baseline[-1] * 1000:7.0f} ms (explorer {explorer_time * 1000:.1f} ms)"
        )
    base = statistics.median(baseline)
    same = statistics.median(times[: len(baseline)])
    target = 0.1 if n <= 100_000 else 1.0
    verdict = "meets" if median < target else "MISSES"
    print(
        f"filter change, median of {len(times)}: {median * 1000:.1f} ms "
        f"(target < {target * 1000:.0f} ms: {verdict})"
    )
    print(
        f"naive rebuild (tl.plot on the filtered frame + assign), the first {len(baseline)} "
        f"changes: median {base * 1000:.0f} ms vs explorer {same * 1000:.1f} ms on the same "
        f"changes: {base / same:.1f}x faster"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--baseline-runs", type=int, default=3)
    args = parser.parse_args()
    import plotly.graph_objects as go

    t0 = time.perf_counter()
    go.FigureWidget  # noqa: B018  (import cost of the widget stack, reported apart)
    print(f"import of go.FigureWidget: {time.perf_counter() - t0:.1f} s (once per kernel)")
    for n in args.events:
        measure(n, args.baseline_runs)


if __name__ == "__main__":
    main()
