"""FilterCache (the explorer's incremental masks) always equals filter_mask."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline as tl
from conftest import REPO
from factories import story_events, synthetic_events
from timeline.filters import FilterCache, FilterState, filter_conditions, filter_mask

SEED = tl.load_events(REPO / "data" / "events.csv")
_OPEN_START_ROWS = pd.DataFrame(
    {
        "event_id": ["open-1", "open-2", "open-3"],
        "title": ["Border agreed", "Kursk front quiet", "North Korean troops trained"],
        "date": ["before 2024", "until spring 2025", "before June 2024"],
        "reported_on": "2025-11-01",
        "category": ["diplomacy", "combat", "deployment"],
        "actors": ["Russia", "Russia;North Korea", "North Korea"],
        "location": ["Moscow", "Kursk region", "Pyongyang"],
    }
)
WITH_OPEN_START = tl.load_events(
    pd.concat([pd.read_csv(REPO / "data" / "events.csv"), _OPEN_START_ROWS], ignore_index=True)
)
"""The seed events plus events that only have an end (open start)."""

states = st.builds(
    FilterState,
    since=st.sampled_from([None, "2024", "June 2024", "since September", "2025-03-01"]),
    until=st.sampled_from([None, "2025", "late October", "2024-12", "before 2024", "2023"]),
    category=st.sampled_from([None, ["combat"], ["statement", "diplomacy"], ["nothing"]]),
    actors=st.sampled_from([None, ["Russia"], ["Kim Jong Un", "Sergei Lavrov"], ["Kim"]]),
    location=st.sampled_from([None, ["Moscow"], ["Kursk region", "Pyongyang"]]),
    search=st.sampled_from(["", "kursk", "north korean", "TROOPS", "zzz"]),
    hide_approximate=st.booleans(),
    hide_uncertain=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequence=st.lists(states, min_size=1, max_size=6))
def test_cache_equals_filter_mask_for_any_sequence(sequence: list[FilterState]) -> None:
    for events in (SEED, WITH_OPEN_START):
        cache = FilterCache(events, max_entries=4)  # small: entries are dropped and recomputed
        for state in sequence:
            assert cache.mask(state).tolist() == filter_mask(events, state).tolist()


def test_open_start_events_pass_until_in_the_cache() -> None:
    assert WITH_OPEN_START["start"].isna().sum() == 3
    open_ids = ["open-1", "open-2", "open-3"]
    cache = FilterCache(WITH_OPEN_START)
    for state in (FilterState(until="2023"), FilterState(until="before 2024")):
        kept = WITH_OPEN_START.loc[cache.mask(state)]
        events = kept.loc[kept["kind"] != "era", "event_id"].tolist()
        assert events == open_ids  # every seed event starts in 2024 or later
        assert filter_mask(WITH_OPEN_START, state).tolist() == cache.mask(state).tolist()
    kept = WITH_OPEN_START.loc[cache.mask(FilterState(since="2025-01-01"))]
    assert set(open_ids) & set(kept["event_id"]) == {"open-2"}  # the only one ending in 2025


def test_cache_reuses_unchanged_conditions(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.filters as filters

    evaluated = []
    original = filters._evaluate
    monkeypatch.setattr(
        filters, "_evaluate", lambda frame, expr: (evaluated.append(expr), original(frame, expr))[1]
    )
    cache = FilterCache(SEED)
    evaluated.clear()
    cache.mask(FilterState(search="kursk region", category=["combat"]))
    assert len(evaluated) == 3  # two words and a category
    cache.mask(FilterState(search="kursk region", category=["statement"]))
    assert len(evaluated) == 4  # only the new category
    cache.mask(FilterState(search="region kursk", category=["combat"]))
    assert len(evaluated) == 4  # same words, in another order: all cached


def test_condition_keys_name_the_resolved_bounds() -> None:
    keys = [
        key
        for key, _ in filter_conditions(
            FilterState(since="since September", until="2025"),
            SEED.columns,
            reference_date="2025-11-01",
        )
    ]
    assert keys == [
        ("since", pd.Timestamp("2025-09-01")),
        ("until", pd.Timestamp("2026-01-01")),
    ]


def test_eras_pass_every_filter_in_the_cache() -> None:
    events = story_events()
    cache = FilterCache(events)
    mask = cache.mask(FilterState(search="no such words"))
    assert events.loc[mask, "title"].tolist() == ["Kursk operation"]
    assert cache.mask(FilterState()).all()


def test_categorical_text_and_other_dtypes_filter_alike() -> None:
    events = synthetic_events(500, lanes=4)
    as_text = events.assign(category=events["category"].astype(str))
    as_object = events.assign(category=events["category"].astype(object))
    state = FilterState(category=["lane 1", "lane 3"])
    expected = (events["category"].astype(str).isin(["lane 1", "lane 3"])).tolist()
    for frame in (events, as_text, as_object):
        assert filter_mask(frame, state).tolist() == expected
        assert FilterCache(frame).mask(state).tolist() == expected
    numbers = events.assign(category=[i % 3 for i in range(len(events))])
    assert filter_mask(numbers, FilterState(category=["2"])).sum() == len(events) // 3
