"""The fine-grid profile (one pass per filter state) answers as the event-by-event reading."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

import timeline as tl
from engine_cases import engine_buckets, random_events, random_state, reference_buckets
from timeline.engines.canonical import events_to_arrow
from timeline.engines.epoch import stamp_ms
from timeline.engines.profile import Profile, fine_width
from timeline.filters import apply_filters, date_extent


def _overlap(events: pd.DataFrame, low: int | None, high: int | None) -> pd.Series:
    keep = pd.Series(True, index=events.index)
    if low is not None:
        stamp = pd.Timestamp(low, unit="ms")
        keep &= (events["end"] > stamp) | (events["end"].isna() & events["open_end"])
    if high is not None:
        stamp = pd.Timestamp(high, unit="ms")
        keep &= events["start"].isna() | (events["start"] < stamp)
    return keep


@pytest.mark.parametrize("seed", [3, 4])
@pytest.mark.parametrize("lane", [None, "category", "actors"])
def test_profile_counts_equal_the_event_by_event_reading(tmp_path, seed: int, lane) -> None:
    events = random_events(250, seed=seed)
    path = tmp_path / "events.parquet"
    pq.write_table(events_to_arrow(events), path, row_group_size=32)
    table = tl.scan_events(str(path))
    reference = stamp_ms(table.reference_date)
    rng = np.random.default_rng(seed)
    low_all, high_all = (stamp_ms(s) for s in table.extent())
    fine = fine_width(high_all - low_all)
    for round_ in range(5):
        state = tl.FilterState() if round_ == 0 else random_state(rng)
        try:
            expected = apply_filters(events, state)
        except ValueError:
            continue
        filtered = table.filter(state)
        filtered.prepare(lane)
        profile = filtered._shared.profiles[(filtered._key, lane, reference)]
        assert isinstance(profile, Profile) and profile.fine_ms == fine
        assert len(filtered) == len(expected), state
        assert filtered.extent() == date_extent(expected), state
        window = (low_all - int(rng.integers(0, 10)) * fine, high_all + fine)
        assert filtered.window_count(*window) == int(_overlap(expected, *window).sum())
        for _ in range(4):
            bucket = fine << int(rng.integers(0, 9))
            start = (low_all // fine + int(rng.integers(-50, 3000))) * fine
            end = start + int(rng.integers(1, 40)) * bucket
            got = filtered.bucket_counts(lane, start_ms=start, end_ms=end, bucket_ms=bucket)
            assert profile.covers(start, end, bucket, reference)
            want = reference_buckets(expected, lane, start, end, bucket, reference)
            assert engine_buckets(got) == want, (state, lane, start, end, bucket)
        # narrow windows now skip the row groups that start too early: same events
        for _ in range(3):
            since = low_all + int(rng.integers(0, high_all - low_all))
            until = since + int(rng.integers(1, 40)) * 86_400_000
            rows = filtered.window(since, until)
            keep = _overlap(expected, since, until)
            assert sorted(rows["event_id"]) == sorted(expected.loc[keep, "event_id"])
            assert filtered.window_count(since, until) == int(keep.sum())
            day = 86_400_000
            got = filtered.bucket_counts(lane, start_ms=since, end_ms=until, bucket_ms=day)
            want = reference_buckets(expected, lane, since, until, day, reference)
            assert engine_buckets(got) == want
            # aligned to its buckets: one grouped pass over the rows that reach the window
            since, until = since // day * day, until // day * day + day
            got = filtered.bucket_counts(lane, start_ms=since, end_ms=until, bucket_ms=day)
            want = reference_buckets(expected, lane, since, until, day, reference)
            assert engine_buckets(got) == want


def test_the_same_filters_again_reuse_the_pass(tmp_path) -> None:
    events = random_events(120, seed=9)
    path = tmp_path / "events.parquet"
    pq.write_table(events_to_arrow(events), path)
    table = tl.scan_events(str(path))
    first = table.filter({"category": ["combat"]})
    first.prepare("source")
    again = table.filter({"category": ["combat"], "lane": "source"})
    assert again._key == first._key
    assert len(again) == len(apply_filters(events, tl.FilterState(category=["combat"])))
    chained = first.filter({"source": ["NIS"]})
    assert chained._key != table.filter({"source": ["NIS"]})._key
    both = tl.FilterState(category=["combat"], source=["NIS"])
    assert len(chained) == len(apply_filters(events, both))


def test_filtered_profile_without_open_bounds_reads_only_epoch_integers(tmp_path) -> None:
    events = random_events(200, seed=12)
    events = events[events["start"].notna() & events["end"].notna()].reset_index(drop=True)
    path = tmp_path / "closed.parquet"
    pq.write_table(events_to_arrow(events), path, row_group_size=16)
    table = tl.scan_events(str(path))
    table.prepare("category")
    assert table._shared.stats[""]["open_rows"] == 0
    reference = stamp_ms(table.reference_date)
    root = table._shared.profiles[("", "category", reference)]
    low_all, high_all = (stamp_ms(s) for s in table.extent())
    start = (low_all // root.fine_ms - 3) * root.fine_ms
    end = (high_all // root.fine_ms + 5) * root.fine_ms
    got = table.bucket_counts("category", start_ms=start, end_ms=end, bucket_ms=root.fine_ms * 4)
    want = reference_buckets(events, "category", start, end, root.fine_ms * 4, reference)
    assert engine_buckets(got) == want
    assert len(table) == len(events)
    state = tl.FilterState(search="troops")
    expected = apply_filters(events, state)
    filtered = table.filter(state)
    filtered.prepare("category")
    assert "low_ms" in filtered._shared.stats[filtered._key]
    assert len(filtered) == len(expected)
    assert filtered.extent() == date_extent(expected)
    low, high = filtered.view_extent_ms()
    assert low == stamp_ms(expected["start"].min())
    assert high == stamp_ms(expected["end"].max() + pd.Timedelta(999, "us"))  # rounded up
    fine = filtered._shared.profiles[(filtered._key, "category", reference)].fine_ms
    start, end = (low // fine) * fine, (high // fine + 1) * fine
    got = filtered.bucket_counts("category", start_ms=start, end_ms=end, bucket_ms=fine * 8)
    want = reference_buckets(expected, "category", start, end, fine * 8, reference)
    assert engine_buckets(got) == want
    assert filtered.window_count(low - 1, high + 1) == len(expected)
