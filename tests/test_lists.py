"""List cells (``actors``): the loader's Arrow list column and hand-made Python lists agree."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from timeline.export.tables import table_frame
from timeline.filters import FilterState, facet_counts, filter_mask
from timeline.lists import as_list_column, first_items, is_list_column, list_dtype
from timeline.load.text_cells import split_list
from timeline.plot.lanes import explode_lanes
from timeline.plot.style import color_groups

CSV = (
    "title,date,actors\n"
    "Summit,19 June 2024,Putin; Kim Jong Un\n"
    "Deployment,October 2024,North Korea;;  Russia \n"
    "Unclaimed,2024-11-01,\n"
    "Formula,2024-11-02,'=cmd; Lavrov\n"
)


@pytest.fixture
def events(tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "e.csv"
    path.write_text(CSV, encoding="utf-8")
    return tl.load_events(path)


def hand_made(events: pd.DataFrame) -> pd.DataFrame:
    """The same events with actors as an object column of Python lists."""
    frame = events.copy()
    frame["actors"] = pd.Series([list(v) for v in events["actors"]], dtype=object)
    return frame


def test_loader_makes_an_arrow_list_column(events: pd.DataFrame) -> None:
    assert events["actors"].dtype == list_dtype()
    assert events["actors"].tolist() == [
        ["Putin", "Kim Jong Un"],
        ["North Korea", "Russia"],
        [],
        ["=cmd", "Lavrov"],
    ]
    assert isinstance(events["actors"].iloc[0], list)


def test_frames_with_python_lists_load_as_arrow_lists() -> None:
    frame = pd.DataFrame(
        {
            "title": ["a", "b", "c"],
            "date": ["2024", "2025", "2026"],
            "actors": [["x", " y ", ""], None, ("z",)],
        }
    )
    loaded = tl.load_events(frame)
    assert loaded["actors"].dtype == list_dtype()
    assert loaded["actors"].tolist() == [["x", "y"], [], ["z"]]


def test_split_list_of_mostly_distinct_text_matches_python_splitting() -> None:
    rng = np.random.default_rng(3)
    cells = [
        "; ".join(f"Actor {n}" for n in rng.integers(0, 10**6, rng.integers(0, 4)))
        for _ in range(50_000)
    ]
    cells[7] = None  # type: ignore[call-overload]
    result = split_list(pd.Series(cells, dtype="str")).tolist()
    expected = [[p.strip() for p in (c or "").split(";") if p.strip()] for c in cells]
    assert result == expected


def test_parquet_round_trip_of_loaded_events(events: pd.DataFrame, tmp_path: Path) -> None:
    # pandas cannot read back the dtype name it writes for Arrow lists (pandas issue 57411)
    events.to_parquet(tmp_path / "e.parquet")
    with pytest.raises(TypeError):
        pd.read_parquet(tmp_path / "e.parquet")
    back = tl.load_events(tmp_path / "e.parquet")
    assert back["actors"].tolist() == events["actors"].tolist()
    assert back["start"].tolist() == events["start"].tolist()


def test_lanes_are_the_same_for_arrow_and_python_lists(events: pd.DataFrame) -> None:
    arrow = explode_lanes(events["actors"], "(no actors)")
    python = explode_lanes(hand_made(events)["actors"], "(no actors)")
    assert arrow[0].tolist() == python[0].tolist() == [0, 0, 1, 1, 2, 3, 3]
    assert [arrow[2][c] for c in arrow[1]] == [python[2][c] for c in python[1]]
    assert arrow[2][arrow[1][4]] == "(no actors)"


def test_filters_and_facets_agree(events: pd.DataFrame) -> None:
    state = FilterState(actors=["Russia", "Lavrov"])
    arrow = filter_mask(events, state)
    python = filter_mask(hand_made(events), state)
    assert arrow.tolist() == python.tolist() == [False, True, False, True]
    assert facet_counts(events, "actors") == facet_counts(hand_made(events), "actors")
    assert ("Putin", 1) in facet_counts(events, "actors")


def test_colour_by_first_item(events: pd.DataFrame) -> None:
    first = first_items(events["actors"])
    assert first.iloc[[0, 1, 3]].tolist() == ["Putin", "North Korea", "=cmd"]
    assert pd.isna(first.iloc[2])
    groups = color_groups(events["actors"], len(events), None, None, "(none)")
    assert groups.names == ["Putin", "North Korea", "(none)", "=cmd"]


def test_table_export_joins_lists_and_neutralises_formulas(events: pd.DataFrame) -> None:
    table = table_frame(events)
    assert table["actors"].tolist()[:2] == ["Putin; Kim Jong Un", "North Korea; Russia"]
    assert pd.isna(table["actors"].iloc[2])
    assert table["actors"].iloc[3] == "'=cmd; Lavrov"


def test_is_list_column_and_conversion() -> None:
    assert is_list_column(as_list_column(pd.Series([["a"], None], dtype=object)))
    assert not is_list_column(pd.Series(["a; b"], dtype="str"))
    assert not is_list_column(pd.Series([1, 2]))


def test_arrow_lists_made_elsewhere_behave_like_python_lists() -> None:
    import pyarrow as pa

    # a null item, an untrimmed item, a missing cell that hides items (valid Arrow)
    hidden = pa.ListArray.from_arrays(
        pa.array([0, 2, 4, 5], pa.int32()),
        pa.array(["hid", "den", "Kim", None, " Putin"], pa.large_string()),
        mask=pa.array([True, False, False]),
    )
    arrow = pd.Series(pd.arrays.ArrowExtensionArray(hidden))
    python = pd.Series([[], ["Kim", None], [" Putin"]], dtype=object)
    assert as_list_column(arrow).tolist() == as_list_column(python).tolist()
    assert as_list_column(arrow).tolist() == [[], ["Kim"], ["Putin"]]
    frame = pd.DataFrame({"title": ["a", "b", "c"], "actors": arrow})
    hand = pd.DataFrame({"title": ["a", "b", "c"], "actors": python})
    for actors in (["Kim"], ["Putin"]):
        state = FilterState(actors=actors)
        assert filter_mask(frame, state).tolist() == filter_mask(hand, state).tolist()
    assert filter_mask(frame, FilterState(actors=["Putin"])).tolist() == [False, False, True]
    assert (
        facet_counts(frame, "actors")
        == facet_counts(hand, "actors")
        == [
            ("Kim", 1),
            ("Putin", 1),
        ]
    )
    assert split_list(arrow).tolist() == [[], ["Kim"], ["Putin"]]


def test_list_labels_show_their_items(events: pd.DataFrame) -> None:
    fig = tl.plot(events, text="actors")
    labels = {a.text for a in fig.layout.annotations if a.name == "label"}
    assert "Putin, Kim Jong Un" in labels
    assert not any("[" in label for label in labels)
