"""Lanes: list-valued lanes, lane order, and optimal non-overlapping sub-rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.plot.lanes import explode_lanes, lay_out_lanes, order_lanes, pack_rows


def max_depth(starts: np.ndarray, ends: np.ndarray) -> int:
    events = sorted([(s, 1) for s in starts] + [(e, -1) for e in ends], key=lambda t: t)
    depth = best = 0
    for _, step in events:  # an end sorts before a start at the same time (-1 < 1)
        depth += step
        best = max(best, depth)
    return best


intervals = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 40), st.integers(0, 12)), min_size=1, max_size=80
)


@settings(max_examples=150, deadline=None)
@given(intervals)
def test_rows_never_overlap_and_use_the_fewest_rows(items: list[tuple[int, int, int]]) -> None:
    lanes = np.array([i[0] for i in items])
    starts = np.array([float(i[1]) for i in items])
    ends = starts + np.array([float(i[2]) for i in items])
    rows = pack_rows(lanes, starts, ends)
    effective_ends = np.where(ends > starts, ends, np.nextafter(starts, np.inf))
    for lane in np.unique(lanes):
        in_lane = lanes == lane
        assert rows[in_lane].max() + 1 == max_depth(starts[in_lane], effective_ends[in_lane])
        for row in np.unique(rows[in_lane]):
            same = in_lane & (rows == row)
            order = np.argsort(starts[same], kind="stable")
            s, e = starts[same][order], effective_ends[same][order]
            assert (s[1:] >= e[:-1]).all()


def test_pack_rows_reuses_freed_rows_and_touching_spans_share_a_row() -> None:
    lanes = np.zeros(4, dtype=int)
    starts = np.array([0.0, 0.0, 10.0, 10.0])
    ends = np.array([10.0, 5.0, 20.0, 12.0])
    assert sorted(pack_rows(lanes, starts, ends).tolist()) == [0, 0, 1, 1]
    assert pack_rows(np.array([], dtype=int), np.array([]), np.array([])).tolist() == []


def test_explode_lanes_lists_scalars_and_missing() -> None:
    column = pd.Series([["NIS", "Lavrov"], [], None, ("Putin",)], dtype=object)
    positions, codes, names = explode_lanes(column, "(no actors)")
    assert positions.tolist() == [0, 0, 1, 2, 3]
    assert [names[c] for c in codes] == ["NIS", "Lavrov", "(no actors)", "(no actors)", "Putin"]
    positions, codes, names = explode_lanes(pd.Series(["b", None, "a", "b"]), "-")
    assert positions.tolist() == [0, 1, 2, 3] and names == ["b", "-", "a"]


def test_order_lanes_variants() -> None:
    codes = np.array([0, 1, 2, 1])
    names = ["x", "y", "z"]
    starts = np.array([5.0, 9.0, 1.0, 0.5])
    assert order_lanes(codes, names, starts, "appearance").tolist() == [0, 1, 2]
    assert order_lanes(codes, names, starts, "earliest").tolist() == [2, 0, 1]  # y, z, x
    assert order_lanes(codes, names, starts, ["z", "ghost"]).tolist() == [1, 2, 0]
    with pytest.raises(ValueError, match="lane_order='random'"):
        order_lanes(codes, names, starts, "random")


def test_lane_heights_are_capped() -> None:
    layout = lay_out_lanes(["a", "b"], np.array([0] * 10 + [1]), np.r_[np.arange(10), 0], 4)
    assert layout.rows.tolist() == [10, 1]
    assert layout.height.tolist() == [400.0, 100.0]
    y = layout.y_of(np.array([0, 0]), np.array([0, 9]))
    assert layout.top[0] < y[0] < y[1] < layout.top[0] + layout.height[0]
