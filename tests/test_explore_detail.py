"""The explorer's level of detail: zooms set from Python redraw the lanes for the range."""

from __future__ import annotations

import numpy as np
import pandas as pd

import timeline as tl
from factories import synthetic_events
from timeline.explore.figure_sync import range_ms


def busy_and_quiet(busy: int = 5000, quiet: int = 8) -> pd.DataFrame:
    events = synthetic_events(busy + quiet, lanes=1, seed=11)
    events["category"] = pd.Categorical(["busy"] * busy + ["quiet"] * quiet)
    events["title"] = [f"Event {i} <i>" for i in range(len(events))]
    return events


def ms(text: str) -> float:
    return pd.Timestamp(text).value / 1e6


def strips_with_data(sync) -> list[int]:
    return [t.meta["lane"] for t in sync.strip_traces if t.x is not None and len(t.x)]


def marks_shown(sync) -> int:
    return sum(sync.point_counts().get(role, 0) for role in ("instant", "span_center"))


def test_a_zoom_set_from_python_changes_the_widget_data():
    events = busy_and_quiet()
    explorer = tl.explore(events, lane="category")
    widget = explorer.figure_widget
    sync = explorer._figure_sync
    assert sync.lod
    assert strips_with_data(sync) == [0]  # the busy lane is a strip at the full extent
    full_marks = marks_shown(sync)
    assert full_marks <= 20  # only the quiet lane's events are marks
    points = sum(len(t.x) for t in widget.data if t.x is not None)
    assert points < 5000

    widget.layout.xaxis.range = ["2023-05-01", "2023-05-20"]
    assert sync.shown_range == (ms("2023-05-01"), ms("2023-05-20"))
    assert strips_with_data(sync) == []  # zoomed in, every lane is marks
    assert marks_shown(sync) > full_marks
    # the marks' hover names the events (escaped)
    shown = [t for t in sync.mark_traces if t.meta["role"] == "instant" and len(t.x)]
    assert shown and all("Event " in text for text in shown[0].hovertext)
    assert all("&lt;i&gt;" in text for text in shown[0].hovertext)
    assert "%{hovertext}" in shown[0].hovertemplate

    widget.layout.xaxis.range = [ms("2021-06-01"), ms("2025-06-01")]  # epoch ms work too
    assert strips_with_data(sync) == [0]


def test_a_filter_change_redraws_the_current_range():
    events = busy_and_quiet()
    explorer = tl.explore(events, lane="category")
    widget = explorer.figure_widget
    sync = explorer._figure_sync
    widget.layout.xaxis.range = ["2023-05-01", "2023-06-01"]
    before = marks_shown(sync)
    explorer.set_state(explorer.state.replace(search="Event 1"))
    after = marks_shown(sync)
    assert sync.shown_range == (ms("2023-05-01"), ms("2023-06-01"))
    assert 0 < after < before
    rows = set()
    for trace in sync.mark_traces:
        if trace.meta["role"] == "instant":
            rows.update(np.asarray(trace.customdata).tolist())
    assert rows and all("1" in events["title"].iloc[r] for r in rows)  # every word matches
    # density counts only the matching events
    widget.layout.xaxis.range = ["2021-01-01", "2025-06-01"]
    kept = explorer._mask & (events["category"] == "busy").to_numpy()
    detail = sync.masked.parts.detail
    strips = [t for t in sync.strip_traces if t.meta["lane"] == 0]
    if len(strips[0].x):  # still over the budget
        pyramid = detail.pyramid(explorer._mask)
        assert pyramid.counts[0].sum() == kept.sum()


def test_the_latest_zoom_wins():
    events = busy_and_quiet()
    explorer = tl.explore(events, lane="category")
    widget = explorer.figure_widget
    sync = explorer._figure_sync
    drawn: list[tuple[float, float]] = []
    original = sync._redraw

    def redraw() -> None:
        drawn.append(sync.shown_range)
        if len(drawn) == 1:  # a burst arrives while the first redraw runs
            for day in ("2023-02-01", "2023-03-01", "2023-04-01"):
                widget.layout.xaxis.range = ["2023-01-01", day]
        original()

    sync._redraw = redraw
    widget.layout.xaxis.range = ["2023-01-01", "2023-01-15"]
    assert drawn == [
        (ms("2023-01-01"), ms("2023-01-15")),
        (ms("2023-01-01"), ms("2023-04-01")),
    ]


def test_small_data_has_no_strips_and_range_text_is_read():
    explorer = tl.explore(synthetic_events(200, lanes=2), lane="category")
    assert explorer.figure_widget is not None
    assert not explorer._figure_sync.lod
    assert explorer._figure_sync.strip_traces == []
    assert range_ms(["2024-01-01 12:00:00.5", "2024-01-02"]) == (
        ms("2024-01-01 12:00:00.5"),
        ms("2024-01-02"),
    )
    assert range_ms(["nonsense", "2024-01-02"]) is None
    assert range_ms([5, 1]) is None
