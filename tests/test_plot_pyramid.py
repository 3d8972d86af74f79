"""The bucket pyramid: exact counts and coverage at every level, on small data."""

from __future__ import annotations

import numpy as np
import pytest

from timeline.plot.pyramid import MINUTE_MS, Pyramid, bucket_grid, build_pyramid

DAY = 86_400_000.0


def brute_force(anchor, start, end, is_span, lane, lanes, origin, width, buckets):
    """Counts and coverage per (lane, bucket) by looking at every bucket."""
    counts = np.zeros((lanes, buckets), dtype=np.int64)
    cover = np.zeros((lanes, buckets), dtype=np.int64)
    for a, s, e, sp, ln in zip(anchor, start, end, is_span, lane, strict=True):
        b = int(np.clip(np.floor((a - origin) / width), 0, buckets - 1))
        counts[ln, b] += 1
        if sp:
            for k in range(buckets):
                low, high = origin + k * width, origin + (k + 1) * width
                if s < high and max(e, s + 1e-3) > low:
                    cover[ln, k] += 1
    return counts, cover


@pytest.fixture
def small():
    rng = np.random.default_rng(3)
    n = 300
    start = rng.uniform(0, 400 * DAY, n)
    is_span = rng.random(n) < 0.5
    length = np.where(is_span, rng.exponential(20 * DAY, n), 0.0)
    end = start + length
    anchor = np.where(is_span, start, start)
    lane = rng.integers(0, 3, n)
    return anchor, start, end, is_span, lane


def test_counts_and_cover_are_exact_at_every_level(small):
    anchor, start, end, is_span, lane = small
    pyramid = build_pyramid(
        anchor_ms=anchor, start_ms=start, end_ms=end, is_span=is_span, lane=lane, lanes=3
    )
    assert pyramid.counts.sum() == len(anchor)
    for level in (0, 3, 7, pyramid.top_level):
        width = pyramid.width_ms * (1 << level)
        buckets = pyramid.counts.shape[1] >> level
        counts, cover = pyramid.level_counts(level)
        if buckets > 2048:  # the brute force is quadratic: check a coarse level only
            continue
        expected_counts, expected_cover = brute_force(
            anchor, start, end, is_span, lane, 3, pyramid.origin_ms, width, buckets
        )
        np.testing.assert_array_equal(counts, expected_counts)
        np.testing.assert_array_equal(cover, expected_cover)


def test_slice_counts_sum_to_the_marks_anchored_in_its_buckets(small):
    anchor, start, end, is_span, lane = small
    pyramid = build_pyramid(
        anchor_ms=anchor, start_ms=start, end_ms=end, is_span=is_span, lane=lane, lanes=3
    )
    low, high = 50 * DAY, 120 * DAY
    for lane_code in range(3):
        part = pyramid.slice(lane_code, low, high, max_buckets=64)
        assert len(part.counts) <= 64 + 1
        inside = (lane == lane_code) & (anchor >= part.edges[0]) & (anchor < part.edges[-1])
        assert part.counts.sum() == inside.sum()
        assert part.edges[0] <= low and part.edges[-1] >= high


def test_one_event_far_from_the_rest_is_counted_at_every_level():
    anchor = np.r_[np.linspace(0, 10 * DAY, 1000), 9000 * DAY]
    pyramid = build_pyramid(
        anchor_ms=anchor,
        start_ms=anchor,
        end_ms=anchor,
        is_span=np.zeros(len(anchor), bool),
        lane=np.zeros(len(anchor), int),
        lanes=1,
    )
    for level in range(pyramid.top_level + 1):
        counts, _ = pyramid.level_counts(level)
        far = pyramid.bucket_of(np.array([9000 * DAY]))[0] >> level
        assert counts[0, far] >= 1
        assert counts.sum() == 1001


def test_bucket_grid_is_power_of_two_minutes_and_covers_the_extent():
    origin, width, buckets = bucket_grid(123_456.0, 25 * 365 * DAY, 8)
    assert width / MINUTE_MS == 2 ** round(np.log2(width / MINUTE_MS))
    assert origin <= 123_456.0 and origin + width * buckets >= 25 * 365 * DAY
    _, _, many = bucket_grid(0.0, 365 * DAY, 1000)
    assert many * 1000 <= 1 << 22


def test_from_fine_counts_matches_build():
    anchor = np.array([0.0, 30.0, 31.0, 95.0])
    start = anchor
    end = np.array([0.0, 70.0, 31.0, 200.0])
    is_span = np.array([False, True, False, True])
    lane = np.zeros(4, int)
    built = build_pyramid(
        anchor_ms=anchor,
        start_ms=start,
        end_ms=end,
        is_span=is_span,
        lane=lane,
        lanes=1,
        grid=(0.0, 10.0, 32),
    )
    fed = Pyramid.from_fine_counts(0.0, 10.0, built.counts, built.span_starts, built.active)
    for level in range(5):
        for a, b in zip(built.level_counts(level), fed.level_counts(level), strict=True):
            np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="same"):
        Pyramid.from_fine_counts(0.0, 1.0, np.ones((1, 4)), np.ones((1, 3)), np.ones((1, 4)))
