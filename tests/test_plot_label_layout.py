"""The pure label placement: no overlaps, inside the regions, leaders clear of boxes."""

from __future__ import annotations

import numpy as np
import pytest

from timeline.plot.label_layout import Box, Region, count_overlaps, place_labels

ABOVE = Region(top=0, bottom=288, left=0, right=1000)
BELOW = Region(top=326, bottom=600, left=0, right=1000)
AXIS = 300.0


def check(anchors, sizes, placed, obstacles=()):
    boxes = [p.box for p in placed if p is not None]
    assert count_overlaps(boxes) == 0
    for p in placed:
        if p is None:
            continue
        region = ABOVE if p.side == "above" else BELOW
        assert p.box.inside(Box(region.left, region.top, region.right, region.bottom))
        x, y_from, y_to = p.leader
        assert p.box.x0 < x < p.box.x1  # the leader meets its own box
        low, high = sorted((y_from, y_to))
        for other in boxes:
            if other is p.box:
                continue
            crosses = other.x0 <= x <= other.x1 and other.y0 < high and other.y1 > low
            assert not crosses, (p, other)
        for obstacle in obstacles:
            assert not p.box.overlaps(obstacle)
    return boxes


def test_two_labels_share_a_spot_and_the_third_cannot():
    placed = place_labels([500, 500, 500], [[(120, 40)]] * 3, axis_y=AXIS, above=ABOVE, below=BELOW)
    check([500] * 3, None, placed)
    assert sum(p is not None for p in placed) == 2
    assert {p.side for p in placed if p} == {"above", "below"}


def test_nearby_labels_stack_away_from_the_axis():
    anchors = [100, 130, 160, 190]
    placed = place_labels(anchors, [[(60, 30)]] * 4, axis_y=AXIS, above=ABOVE, below=BELOW)
    boxes = check(anchors, None, placed)
    assert len(boxes) == 4


@pytest.mark.parametrize("seed", range(5))
def test_random_dense_labels_never_overlap(seed):
    rng = np.random.default_rng(seed)
    anchors = rng.uniform(0, 1000, 80).tolist()
    sizes = [
        [(float(w), float(h)), (float(w) * 0.7, float(h) * 1.5)]
        for w, h in zip(rng.uniform(40, 260, 80), rng.uniform(18, 70, 80), strict=True)
    ]
    legend = Box(700, 540, 1000, 600)
    placed = place_labels(anchors, sizes, axis_y=AXIS, above=ABOVE, below=BELOW, obstacles=[legend])
    check(anchors, sizes, placed, [legend])
    assert sum(p is not None for p in placed) >= 15
    for p, options in zip(placed, sizes, strict=True):
        if p is not None:
            width, height = options[p.choice]
            assert p.box.x1 - p.box.x0 == pytest.approx(width)
            assert p.box.y1 - p.box.y0 == pytest.approx(height)


def test_label_at_the_edge_is_shifted_inside():
    placed = place_labels([995], [[(200, 30)]], axis_y=AXIS, above=ABOVE, below=BELOW)
    assert placed[0] is not None
    assert placed[0].box.x1 <= 1000 and placed[0].box.x0 < 995


def test_a_label_too_wide_for_the_region_is_not_placed():
    placed = place_labels([500], [[(1200, 30)]], axis_y=AXIS, above=ABOVE, below=BELOW)
    assert placed == [None]


def test_order_places_big_labels_first():
    # two labels at one spot: only one fits above; the bigger one (placed first) gets it
    above = Region(top=200, bottom=288, left=0, right=1000)
    placed = place_labels(
        [500, 501], [[(100, 30)], [(100, 60)]], axis_y=AXIS, above=above, below=None, order=[1, 0]
    )
    assert placed[0] is None and placed[1] is not None
