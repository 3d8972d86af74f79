"""masked_figure: trace arrays sliced by a mask equal a figure of only the kept events."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

import timeline as tl
from factories import story_events, synthetic_events
from timeline.plot import masked_figure


def points_per_event(trace: dict, rows: np.ndarray) -> int:
    return len(trace["x"]) // max(len(rows), 1)


@pytest.mark.parametrize("webgl", [False, True])
def test_all_true_mask_gives_the_plot_figure(webgl: bool) -> None:
    events = story_events()
    masked = masked_figure(events, lane="actors", color="source", webgl=webgl)
    figure = tl.plot(events, lane="actors", color="source", webgl=webgl)
    rebuilt = go.Figure(data=masked.traces(np.ones(len(events), dtype=bool)), layout=masked.layout)
    assert rebuilt.to_json() == figure.to_json()


@pytest.mark.parametrize("webgl", [False, True])
def test_mask_keeps_exactly_the_marks_of_kept_events(webgl: bool) -> None:
    events = synthetic_events(800, lanes=5)
    masked = masked_figure(events, lane="category", color="category", webgl=webgl)
    mask = np.random.default_rng(3).random(len(events)) < 0.3
    arrays = masked.trace_arrays(mask)
    assert sorted(arrays) == masked.mark_trace_indices
    for index, props in arrays.items():
        rows = masked.rows_of(index)
        trace = masked.parts.traces[index]
        per_event = points_per_event(trace, rows)
        assert per_event in (1, 3)
        kept = rows[mask[rows]]
        assert len(props["x"]) == per_event * len(kept)
        for name, values in props.items():
            assert len(values) == len(props["x"]), name  # every per-point array sliced alike
        if "customdata" in props:
            assert props["customdata"].tolist() == kept.tolist()
        if per_event == 3:  # WebGL segments: start, end, gap for each kept event
            assert np.isnan(props["x"][2::3]).all()


def test_changed_rows_limit_the_traces_to_update() -> None:
    events = synthetic_events(300, lanes=3)
    masked = masked_figure(events, lane="category", color="category")
    everything = np.ones(len(events), dtype=bool)
    lane_0 = (events["category"] == "lane 0").to_numpy()
    arrays = masked.trace_arrays(~lane_0, changed=lane_0)
    assert arrays
    for index in arrays:
        assert lane_0[masked.rows_of(index)].any()
    assert masked.trace_arrays(everything, changed=np.zeros(len(events), dtype=bool)) == {}


def test_rows_of_a_legend_trace_is_an_error() -> None:
    masked = masked_figure(story_events(), color="source")
    legend = next(
        i for i, t in enumerate(masked.parts.traces) if t["meta"]["role"] == "legend_group"
    )
    with pytest.raises(ValueError, match="is not a mark trace"):
        masked.rows_of(legend)
