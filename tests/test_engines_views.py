"""tl.plot, tl.explore and tl.export on an EventTable: engine answers, pandas draws."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

import timeline as tl
from engine_cases import random_events
from timeline.engines.canonical import events_to_arrow
from timeline.filters import apply_filters


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return random_events(300, seed=41)


@pytest.fixture(scope="module")
def table(events: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("views") / "events.parquet"
    pq.write_table(events_to_arrow(events), path)
    return tl.scan_events(str(path))


def test_plot_of_a_small_table_is_the_plot_of_its_frame(events: pd.DataFrame, table) -> None:
    figure = tl.plot(table, lane="category")
    assert figure.layout.meta["view"] == "marks"
    assert figure.layout.meta["in_view"] == len(events)
    frame_figure = tl.plot(events, lane="category", reference_date=events["reported_on"].max())
    assert [t.meta["role"] for t in figure.data] == [t.meta["role"] for t in frame_figure.data]


def test_plot_of_a_big_view_draws_engine_density(events: pd.DataFrame, table) -> None:
    from timeline.plot.table_figure import plot_table

    figure = plot_table(table, draw_frame=tl.plot, lane="source", max_marks=10)
    assert figure.layout.meta["view"] == "density"
    strips = [t for t in figure.data if t.meta["role"] == "density"]
    names = {t.name for t in strips}
    assert names == {"NIS", "Reuters", "TASS", "(no source)"}
    # every event not an era and dated is counted once in its lane's strip
    counted = sum(np.nansum(np.exp2(np.array(t.z[0], dtype=float))) for t in strips)
    expected = int((events["kind"] != "era").sum())
    assert round(counted) == expected


def test_zoomed_plot_shows_the_window(events: pd.DataFrame, table) -> None:
    figure = tl.plot(table, x_range=("2021-01-01", "2021-02-01"))
    assert figure.layout.meta["view"] == "marks"
    low, high = pd.Timestamp("2021-01-01"), pd.Timestamp("2021-02-01")
    overlap = ((events["end"] > low) | (events["end"].isna() & events["open_end"])) & (
        events["start"].isna() | (events["start"] < high)
    )
    assert figure.layout.meta["in_view"] == int(overlap.sum())


def test_explorer_on_a_table_filters_in_the_engine(events: pd.DataFrame, table) -> None:
    explorer = tl.explore(table, lane="category", state={"actors": ["Kim"]})
    expected = apply_filters(events, tl.FilterState(actors=["Kim"]))
    assert explorer.shown_count == len(expected)
    assert explorer.total_count == len(events)
    assert sorted(explorer.filtered["event_id"]) == sorted(expected["event_id"])
    explorer.set_state(explorer.state.replace(search="kursk", hide_uncertain=True))
    state = tl.FilterState(actors=["Kim"], search="kursk", hide_uncertain=True)
    assert explorer.shown_count == len(apply_filters(events, state))
    with pytest.raises(ValueError, match="not a column"):
        explorer.set_state({"lane": "nope"})
    assert explorer.facet_options("category")[0][1] >= explorer.facet_options("category")[-1][1]


def test_explorer_widget_zoom_redraws_from_the_engine(table) -> None:
    explorer = tl.explore(table)
    _ = explorer.widget  # builds controls and the live figure
    explorer.figure_widget.layout.xaxis.range = ["2021-01-01", "2021-03-01"]
    assert explorer.figure_widget.layout.meta["in_view"] == table.window_count(
        "2021-01-01", "2021-03-01"
    )
    explorer._controls["search"].value = "drone"
    assert explorer.shown_count == len(table.filter({"search": "drone"}))


def test_export_of_a_table(events: pd.DataFrame, table, tmp_path) -> None:
    page = tl.export(table, tmp_path / "view.html", filters={"category": ["combat"]})
    assert page.read_bytes().startswith(b"<!DOCTYPE html>")
    rows = tl.export(table, tmp_path / "view.csv", filters={"category": ["combat"]})
    written = pd.read_csv(rows)
    assert len(written) == len(apply_filters(events, tl.FilterState(category=["combat"])))
