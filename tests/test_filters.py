"""filters.py: every filter alone and combined, on seed and synthetic events."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from conftest import REPO
from timeline.filters import (
    FilterState,
    apply_filters,
    date_extent,
    facet_counts,
    filter_mask,
    prepare_events,
)


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv")


@pytest.fixture(scope="module")
def synthetic() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "event_id": ["a", "b", "c", "d", "e"],
            "title": [
                "Summit in Pyongyang",
                "Visit to Moscow",
                "Battle",
                "Ongoing deployment",
                "Era",
            ],
            "date": ["2024-06-19", "late October 2024", "2024-12", "since September", "2024"],
            "end": ["", "", "2025-03", "", "2024"],
            "reported_on": "2024-11-05",
            "category": ["diplomacy", "diplomacy", "combat", None, None],
            "actors": ["Putin; Kim", "Choe; Lavrov; Putin", "", "North Korea", ""],
            "quote": ["", "strong new MOMENTUM", "", "", ""],
            "reliability": ["A", "C", "F", None, None],
            "kind": ["", "", "", "", "era"],
            "date_flag": ["", "", "", "", ""],
        }
    )
    frame.loc[2, "date"] = "c. 2024-12"
    frame.loc[1, "date"] = "late October 2024?"
    return tl.load_events(frame)


def ids(events: pd.DataFrame, state: dict) -> list[str]:
    return apply_filters(events, state)["event_id"].tolist()


def test_no_filter_keeps_everything(synthetic: pd.DataFrame) -> None:
    assert filter_mask(synthetic, FilterState()).all()
    assert filter_mask(synthetic, None).all()


def test_since_keeps_overlapping_and_ongoing(synthetic: pd.DataFrame) -> None:
    # c runs Dec 2024 to March 2025, d is ongoing since September 2024, e is an era.
    assert ids(synthetic, {"since": "January 2025"}) == ["c", "d", "e"]


def test_until_keeps_events_that_began_before_the_end(synthetic: pd.DataFrame) -> None:
    assert ids(synthetic, {"until": "June 2024"}) == ["a", "e"]


def test_relative_since_uses_report_date(synthetic: pd.DataFrame) -> None:
    assert ids(synthetic, {"since": "since November"}) == ["c", "d", "e"]
    assert ids(synthetic, {"since": "late October"}) == ["b", "c", "d", "e"]


def test_bad_date_expression_is_a_clear_error(synthetic: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="since='sometime' is not a date"):
        filter_mask(synthetic, {"since": "sometime"})


def test_category_filter(synthetic: pd.DataFrame) -> None:
    assert ids(synthetic, {"category": ["combat"]}) == ["c", "e"]
    assert ids(synthetic, {"category": ["combat", "diplomacy"]}) == ["a", "b", "c", "e"]


def test_list_valued_actors(synthetic: pd.DataFrame) -> None:
    assert ids(synthetic, {"actors": ["Putin"]}) == ["a", "b", "e"]
    assert ids(synthetic, {"actors": ["Kim", "North Korea"]}) == ["a", "d", "e"]
    # whole names only: "Kim" must not match a longer name containing it
    assert ids(synthetic, {"actors": ["Ki"]}) == ["e"]


def test_search_needs_every_word_case_insensitive(synthetic: pd.DataFrame) -> None:
    assert ids(synthetic, {"search": "momentum"}) == ["b", "e"]
    assert ids(synthetic, {"search": "visit MOMENTUM"}) == ["b", "e"]
    assert ids(synthetic, {"search": "visit pyongyang"}) == ["e"]


def test_hide_approximate_and_uncertain(synthetic: pd.DataFrame) -> None:
    assert ids(synthetic, {"hide_approximate": True}) == ["a", "b", "d", "e"]
    assert ids(synthetic, {"hide_uncertain": True}) == ["a", "c", "d", "e"]


def test_min_reliability(synthetic: pd.DataFrame) -> None:
    assert ids(synthetic, {"min_reliability": "C"}) == ["a", "b", "e"]
    with pytest.raises(ValueError, match="min_reliability must be one of A-F"):
        filter_mask(synthetic, {"min_reliability": "Z"})


def test_filters_combine(synthetic: pd.DataFrame) -> None:
    state = {"actors": ["Putin"], "since": "September 2024", "search": "visit"}
    assert ids(synthetic, state) == ["b", "e"]


def test_state_round_trips_through_json() -> None:
    state = FilterState(since="June 2024", actors=["Putin"], search="Kursk", lane="actors")
    assert FilterState.from_json(json.dumps(state.to_dict())) == state
    with pytest.raises(ValueError, match="unknown filter field"):
        FilterState.from_dict({"serach": "x"})


def test_prepare_is_idempotent_and_does_not_touch_input(synthetic: pd.DataFrame) -> None:
    columns = list(synthetic.columns)
    prepared = prepare_events(synthetic)
    assert prepare_events(prepared) is prepared
    assert list(synthetic.columns) == columns


def test_facet_counts(synthetic: pd.DataFrame) -> None:
    assert facet_counts(synthetic, "actors")[0] == ("Putin", 2)
    assert facet_counts(synthetic, "category") == [("diplomacy", 2), ("combat", 1)]
    assert facet_counts(synthetic, "missing") == []


def test_date_extent_reaches_report_date_for_ongoing(synthetic: pd.DataFrame) -> None:
    low, high = date_extent(synthetic)
    assert low == pd.Timestamp("2024-01-01")
    assert high == pd.Timestamp("2025-04-01")


def test_seed_events_filter(seed: pd.DataFrame) -> None:
    kursk = apply_filters(seed, {"search": "kursk"})
    assert len(kursk) >= 3
    assert kursk["title"].str.contains("Kursk").any()
    combat = apply_filters(seed, {"category": ["combat"], "actors": ["North Korea"]})
    events = combat[combat["kind"] != "era"]
    assert len(events) >= 4
    assert set(events["category"]) == {"combat"}
    assert all("North Korea" in a for a in events["actors"])
    # eras are background context: every filter lets them through
    assert set(combat.loc[combat["kind"] == "era", "event_id"]) == {"nk-024", "nk-025"}
    spring = apply_filters(seed, {"since": "March 2025", "until": "May 2025"})
    assert set(spring["event_id"]) >= {"nk-016", "nk-017", "nk-018"}
    assert "nk-001" not in set(spring["event_id"])


@pytest.fixture(scope="module")
def open_start() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "event_id": ["before", "until", "dated", "ongoing"],
            "title": ["Old treaty", "Ceasefire holds", "Census", "Occupation"],
            "date": ["before 1750", "until spring 2025", "1760", "since 2024"],
            "reported_on": "2025-06-01",
        }
    )
    return tl.load_events(frame)


def test_until_keeps_events_with_an_open_start(open_start: pd.DataFrame) -> None:
    assert open_start["start"].isna().tolist() == [True, True, False, False]
    assert ids(open_start, {"until": "1800"}) == ["before", "until", "dated"]
    assert ids(open_start, {"until": "1700"}) == ["before", "until"]
    # since still needs the event to end after the bound
    assert ids(open_start, {"since": "1755"}) == ["until", "dated", "ongoing"]
    assert ids(open_start, {"since": "1755", "until": "1800"}) == ["until", "dated"]


def test_since_without_a_start_is_an_error(open_start: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"since='before 2000' has no start") as info:
        filter_mask(open_start, {"since": "before 2000"})
    assert "lower bound" in str(info.value)


def test_until_without_an_end_is_an_error(open_start: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"until='since 2024' has no end") as info:
        filter_mask(open_start, {"until": "since 2024"})
    assert "upper bound" in str(info.value)


def test_a_bare_string_facet_is_an_error_not_letters() -> None:
    with pytest.raises(ValueError, match=r"category='diplomacy' must be a list") as info:
        FilterState.from_dict({"category": "diplomacy"})
    assert "category=['diplomacy']" in str(info.value)
    with pytest.raises(ValueError, match=r"actors='Putin' must be a list"):
        FilterState(actors="Putin")
    with pytest.raises(ValueError, match=r"location=\{'Moscow'\} must be a list .* not set"):
        FilterState.from_dict({"location": {"Moscow"}})
    with pytest.raises(ValueError, match=r"source=\[None\] must hold text or number values"):
        FilterState(source=[None])


def test_facet_values_become_a_new_list_of_text() -> None:
    given = ["diplomacy", 2]
    state = FilterState.from_dict({"category": given, "actors": ("Putin",)})
    assert state.category == ["diplomacy", "2"]
    assert state.actors == ["Putin"]
    assert state.category is not given


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("hide_approximate", "false", "must be True or False, not str"),
        ("hide_uncertain", 1, "must be True or False, not int"),
        ("hide_uncertain", None, "must be True or False, not NoneType"),
        ("search", 5, "must be text"),
        ("search", ["kursk"], "must be text"),
        ("since", 2024, "must be text .str. or None, not int"),
        ("until", pd.Timestamp("2025-01-01"), "must be text .str. or None, not Timestamp"),
        ("lane", ["actors"], "must be text .str. or None, not list"),
        ("color", 1, "must be text .str. or None, not int"),
        ("reference_date", dt.date(2025, 1, 1), "must be text .str. or None, not date"),
        ("min_reliability", "Z", "min_reliability must be one of A-F"),
        ("min_reliability", "AB", "min_reliability must be one of A-F"),
        ("min_reliability", 1, "min_reliability must be one of A-F"),
    ],
)
def test_every_field_is_type_checked(field: str, value: object, expected: str) -> None:
    for build in (
        lambda: FilterState.from_dict({field: value}),
        lambda: FilterState(**{field: value}),
    ):
        with pytest.raises(ValueError, match=expected) as info:
            build()
        assert f"{field}={value!r}" in str(info.value)
    with pytest.raises(ValueError, match=expected):
        FilterState().replace(**{field: value})


def test_search_none_is_no_search_and_grades_are_upper_case() -> None:
    assert FilterState.from_dict({"search": None}).search == ""
    assert FilterState(min_reliability="c").min_reliability == "C"
    assert FilterState(min_reliability="").min_reliability is None
    assert FilterState(hide_approximate=np.bool_(True)).hide_approximate is True


def test_from_dict_needs_a_mapping() -> None:
    with pytest.raises(TypeError, match="must be a FilterState, a dict of its fields or None"):
        FilterState.from_dict("diplomacy")  # type: ignore[arg-type]


def test_copies_share_no_list() -> None:
    state = FilterState(category=["combat"], actors=["Putin"], source=["TASS"], location=["Kursk"])
    copies = [
        state.replace(),
        state.replace(search="x"),
        FilterState.from_dict(state),
        FilterState.from_dict(state.to_dict()),
    ]
    for copy in copies:
        for name in ("category", "actors", "source", "location"):
            assert getattr(copy, name) == getattr(state, name)
            assert getattr(copy, name) is not getattr(state, name)
    data = {"category": ["combat"]}
    from_data = FilterState.from_dict(data)
    data["category"].append("diplomacy")
    assert from_data.category == ["combat"]
