"""The explorer without a browser: controls set from Python, state, figure data, table."""

from __future__ import annotations

import html
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from plotly.callbacks import Points

import timeline as tl
from conftest import REPO
from factories import event, make_events, story_events
from timeline.explore import Explorer
from timeline.filters import FilterState, apply_filters

HOSTILE = '<img src=x onerror="window.__xss = 1">'
MARKER_ROLES = ("instant", "span_center", "span_open")


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv")


@pytest.fixture
def explorer(seed: pd.DataFrame, tmp_path: Path) -> Explorer:
    explorer = tl.explore(seed, lane="actors", color="category", export_dir=tmp_path)
    assert explorer.widget is not None
    return explorer


def mark_traces(explorer: Explorer) -> list:
    return explorer._figure_sync.mark_traces


def rows_drawn(explorer: Explorer, roles: tuple[str, ...] = ("instant",)) -> set[int]:
    """Event rows behind the drawn marks of some roles, read from the FigureWidget."""
    rows: set[int] = set()
    for trace in mark_traces(explorer):
        if trace.meta["role"] in roles:
            rows.update(np.asarray(trace.customdata, dtype=int).tolist())
    return rows


def events_only(frame: pd.DataFrame) -> pd.DataFrame:
    """Without era rows (background bands, which every filter keeps)."""
    return frame[frame["kind"] != "era"]


def expected_rows(events: pd.DataFrame, state: dict, kind: str) -> set[int]:
    kept = apply_filters(events, state)
    positions = events.index.get_indexer(kept.index)
    return {int(p) for p in positions if events["kind"].iloc[p] == kind}


# --- lazy widgets and the public attributes ------------------------------------------


def test_explore_builds_no_widget_until_asked(seed: pd.DataFrame) -> None:
    explorer = tl.explore(seed, state={"search": "kursk"})
    assert explorer._widget is None and explorer._figure_sync is None
    explorer.set_state({"search": "moscow"})
    assert explorer._widget is None and explorer._figure_sync is None
    assert explorer.filtered["title"].str.lower().str.contains("moscow").any()
    assert type(explorer.figure_widget).__name__ == "FigureWidget"
    assert explorer._widget is None  # the figure widget alone does not build the controls
    assert explorer.figure_widget is explorer.figure_widget


def test_state_is_a_plain_serialisable_filter_state(explorer: Explorer) -> None:
    state = explorer.state
    assert isinstance(state, FilterState)
    assert state.lane == "actors" and state.color == "category"
    state.search = "changed"  # a copy: the explorer is not affected
    assert explorer.state.search == ""
    assert json.loads(explorer.state.to_json())["lane"] == "actors"


def test_saved_state_reopens_the_same_view(seed: pd.DataFrame, explorer: Explorer) -> None:
    explorer.set_state(explorer.state.replace(actors=["Kim Jong Un"], since="2025"))
    saved = explorer.state.to_json()
    reopened = tl.explore(seed, state=FilterState.from_json(saved))
    assert reopened.filtered["event_id"].tolist() == explorer.filtered["event_id"].tolist()
    assert reopened.state == explorer.state
    assert 0 < len(reopened.filtered) < len(seed)


def test_display_shows_the_widget(explorer: Explorer) -> None:
    bundle = explorer._repr_mimebundle_()
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == explorer.widget.model_id


def test_figure_is_a_standalone_figure_of_the_view(explorer: Explorer) -> None:
    explorer.set_state(explorer.state.replace(category=["combat"]))
    figure = explorer.figure
    assert type(figure).__name__ == "Figure"
    drawn = set()
    for trace in figure.data:
        if trace.customdata is not None:
            drawn.update(explorer.filtered["event_id"].iloc[list(trace.customdata)])
    kept = explorer.filtered
    assert drawn == set(kept.loc[kept["kind"] != "era", "event_id"])
    assert set(figure.layout.yaxis.ticktext) <= {
        actor for actors in explorer.filtered["actors"] for actor in actors
    }


# --- controls -> state -> figure, table and status line --------------------------------


def test_search_box_filters_figure_table_and_status(explorer: Explorer, seed) -> None:
    explorer._controls.search.value = "Kursk"
    assert explorer.state.search == "Kursk"
    kept = apply_filters(seed, {"search": "kursk"})
    assert explorer.filtered["event_id"].tolist() == kept["event_id"].tolist()
    expected = events_only(kept)
    assert f"Showing <b>{len(expected)}</b> of 23 events" in explorer._summary.value
    assert rows_drawn(explorer) == expected_rows(seed, {"search": "kursk"}, "instant")
    assert rows_drawn(explorer, ("span_open",)) == set()  # no ongoing span mentions Kursk
    assert set(explorer._table.page_rows().tolist()) == set(
        seed.index.get_indexer(expected.index).tolist()
    )


def test_facet_multiselect_with_counts_and_list_valued_actors(explorer, seed) -> None:
    actors = explorer._controls.facets["actors"]
    labels = dict((value, label) for label, value in actors.options)
    assert labels["North Korea"] == "North Korea (14)"
    actors.value = ("Kim Jong Un", "Sergei Lavrov")
    assert explorer.state.actors == ["Kim Jong Un", "Sergei Lavrov"]
    kept = events_only(explorer.filtered)["actors"]
    assert len(kept) > 0
    assert all({"Kim Jong Un", "Sergei Lavrov"} & set(a) for a in kept)
    state = {"actors": ["Kim Jong Un", "Sergei Lavrov"]}
    assert rows_drawn(explorer) == expected_rows(seed, state, "instant")
    actors.value = ()
    assert explorer.state.actors is None
    assert len(events_only(explorer.filtered)) == 23


def test_toggles_and_category(seed: pd.DataFrame, explorer: Explorer) -> None:
    controls = explorer._controls
    controls.hide_uncertain.value = True
    assert not events_only(explorer.filtered)["uncertain"].any()
    assert len(events_only(explorer.filtered)) == 23 - int(events_only(seed)["uncertain"].sum())
    controls.facets["category"].value = ("combat",)
    assert set(events_only(explorer.filtered)["category"]) == {"combat"}
    assert rows_drawn(explorer) == expected_rows(
        seed, {"hide_uncertain": True, "category": ["combat"]}, "instant"
    )
    assert controls.min_reliability is None  # the seed has no reliability column


def test_reliability_dropdown_when_the_column_exists(tmp_path: Path) -> None:
    events = make_events(
        [
            event("graded A", "2024-06-19", "2024-06-19", reliability="A"),
            event("graded D", "2024-06-20", "2024-06-20", reliability="D"),
            event("ungraded", "2024-06-21", "2024-06-21", reliability=None),
        ]
    )
    explorer = tl.explore(events, export_dir=tmp_path)
    dropdown = explorer.widget and explorer._controls.min_reliability
    assert dropdown is not None
    dropdown.value = "B"
    assert explorer.filtered["title"].tolist() == ["graded A"]
    assert explorer.state.min_reliability == "B"


def test_date_slider_writes_the_boxes_and_typed_dates_move_it(explorer: Explorer, seed) -> None:
    controls = explorer._controls
    steps = controls.steps
    assert steps.values[0] == "2024-01" and steps.values[-1] == "2025-11"
    controls.date_slider.index = (steps.values.index("2025-03"), steps.values.index("2025-05"))
    assert (explorer.state.since, explorer.state.until) == ("2025-03", "2025-05")
    assert (controls.since.value, controls.until.value) == ("2025-03", "2025-05")
    expected = apply_filters(seed, {"since": "2025-03", "until": "2025-05"})
    assert explorer.filtered["event_id"].tolist() == expected["event_id"].tolist()
    controls.since.value = "since September"  # relative to the report date, 1 Nov 2025
    controls.until.value = ""
    assert controls.date_slider.index == (steps.values.index("2025-09"), len(steps) - 1)
    assert explorer.state.until is None
    assert set(explorer.filtered["date_text"]) >= {"since September", "late October"}


def test_lane_and_colour_rebuild_in_the_same_figure_widget(
    explorer: Explorer, seed: pd.DataFrame
) -> None:
    figure_widget = explorer.figure_widget
    explorer._controls.search.value = "moscow"
    shown = len(events_only(explorer.filtered))
    explorer._controls.lane.value = "category"
    assert explorer.figure_widget is figure_widget
    assert explorer.state.lane == "category"
    ticks = set(figure_widget.layout.yaxis.ticktext)
    assert ticks == {str(c) for c in seed["category"].unique()}
    assert len(events_only(explorer.filtered)) == shown  # the filter applies to the new traces
    assert len(rows_drawn(explorer)) == int((explorer.filtered["kind"] == "instant").sum())
    explorer._controls.color.value = None
    assert not [t for t in figure_widget.data if t.meta and t.meta["role"] == "legend_group"]


def test_filter_changes_only_touch_trace_data(explorer: Explorer) -> None:
    figure_widget = explorer.figure_widget
    traces = list(figure_widget.data)
    layout = figure_widget.layout.to_plotly_json()
    explorer.set_state(explorer.state.replace(search="troops", hide_uncertain=True))
    assert list(figure_widget.data) == traces  # the same trace objects
    assert figure_widget.layout.to_plotly_json() == layout
    assert figure_widget.layout.xaxis.type == "date"
    assert figure_widget.data[0].meta["role"] == "date_anchor"


def test_no_feedback_loop_between_state_and_controls(explorer: Explorer, monkeypatch) -> None:
    applied = []
    original = explorer._apply
    monkeypatch.setattr(explorer, "_apply", lambda s, m: (applied.append(s), original(s, m)))
    explorer._controls.search.value = "kursk"
    assert len(applied) == 1
    explorer.set_state(
        FilterState(
            since="2024",
            until="2025-06",
            actors=["Russia"],
            category=["combat", "statement"],
            search="north",
            hide_approximate=True,
            lane="category",
            color="actors",
        )
    )
    assert len(applied) == 2  # set_state moved every control without echoing back
    controls = explorer._controls
    assert controls.search.value == "north"
    assert controls.facets["actors"].value == ("Russia",)
    assert controls.facets["category"].value == ("combat", "statement")
    assert (controls.since.value, controls.until.value) == ("2024", "2025-06")
    assert controls.hide_approximate.value is True
    assert (controls.lane.value, controls.color.value) == ("category", "actors")
    assert controls.date_slider.index[0] == 0
    assert controls.date_slider.value[1] == "Jun 2025"


def test_reset_clears_filters_and_keeps_the_view(explorer: Explorer) -> None:
    explorer.set_state(explorer.state.replace(search="kursk", category=["combat"]))
    explorer._controls.reset.click()
    assert explorer.state == FilterState(lane="actors", color="category")
    assert len(events_only(explorer.filtered)) == 23
    assert explorer._controls.search.value == ""


# --- empty results and errors ----------------------------------------------------------


def test_no_match_shows_the_empty_state_and_the_figure_keeps_working(explorer) -> None:
    explorer._controls.search.value = "no such words anywhere"
    assert len(events_only(explorer.filtered)) == 0
    assert "No events match these filters" in explorer._summary.value
    counts = explorer._figure_sync.point_counts()
    assert counts and set(counts.values()) == {0}
    assert "No events match" in explorer._table.view.html
    assert explorer.figure.data is not None  # an empty standalone figure, no error
    explorer._controls.search.value = ""
    assert len(events_only(explorer.filtered)) == 23
    assert sum(explorer._figure_sync.point_counts().values()) > 23


def test_a_date_the_engine_rejects_is_shown_not_raised(explorer: Explorer) -> None:
    explorer._controls.search.value = "kursk"
    before = explorer.filtered.index.tolist()
    explorer._controls.since.value = "sometime"
    assert "since=&#x27;sometime&#x27; is not a date" in explorer._summary.value
    assert explorer.state.since is None and explorer.state.search == "kursk"
    assert explorer.filtered.index.tolist() == before
    explorer._controls.since.value = "2025"
    assert "not a date" not in explorer._summary.value


def test_set_state_rejects_bad_values_and_changes_nothing(explorer: Explorer) -> None:
    state = explorer.state
    with pytest.raises(ValueError, match="since='sometime' is not a date"):
        explorer.set_state({"since": "sometime"})
    with pytest.raises(ValueError, match=r"lane=.nope. is not a column.*valid columns: event_id"):
        explorer.set_state({"lane": "nope"})
    with pytest.raises(ValueError, match="unknown filter field"):
        explorer.set_state({"serach": "x"})
    assert explorer.state == state


def test_set_state_checks_field_types_and_changes_nothing(explorer: Explorer) -> None:
    state = explorer.state
    shown = explorer._summary.value
    with pytest.raises(ValueError, match=r"category='diplomacy' must be a list.*\['diplomacy'\]"):
        explorer.set_state({"category": "diplomacy"})
    with pytest.raises(ValueError, match=r"hide_approximate='false' must be True or False"):
        explorer.set_state({"hide_approximate": "false"})
    with pytest.raises(ValueError, match=r"until='since 2024' has no end"):
        explorer.set_state({"until": "since 2024"})
    assert explorer.state == state
    assert explorer._summary.value == shown
    explorer.set_state({"search": None, "category": ["diplomacy"]})
    assert explorer.state.search == ""
    assert set(events_only(explorer.filtered)["category"]) == {"diplomacy"}


def test_a_control_value_of_the_wrong_type_is_shown_not_raised(explorer: Explorer) -> None:
    state = explorer.state
    explorer._change_from_controls({"category": "diplomacy"})
    assert "category=&#x27;diplomacy&#x27; must be a list" in explorer._summary.value
    assert explorer.state == state
    explorer._controls.until.value = "since 2024"
    assert "until=&#x27;since 2024&#x27; has no end" in explorer._summary.value
    assert explorer.state == state


def test_state_shares_no_list_with_the_explorer(seed: pd.DataFrame) -> None:
    given = FilterState(category=["diplomacy"], actors=["North Korea"])
    explorer = tl.explore(seed, state=given)
    before = explorer.filtered.index.tolist()
    given.category.append("combat")  # the caller's state is not the explorer's
    state = explorer.state
    state.category.append("combat")  # nor is the copy it hands out
    state.actors.clear()
    assert explorer.state.category == ["diplomacy"]
    assert explorer.state.actors == ["North Korea"]
    assert explorer.filtered.index.tolist() == before
    saved = {"category": ["statement"]}
    explorer.set_state(saved)
    saved["category"].append("combat")
    explorer.set_state(explorer.state.replace(search=""))
    assert explorer.state.category == ["statement"]


def open_end_x(traces: tuple) -> list[float]:
    """The x of the open-end marks (where ongoing spans are drawn to)."""
    return [x for t in traces if t.meta and t.meta.get("role") == "span_open" for x in t.x]


def test_figure_draws_ongoing_spans_to_the_widget_reference_date() -> None:
    events = tl.load_events(
        pd.DataFrame(
            {
                "title": ["Troops deployed", "Later report"],
                "date": ["since September 2024", "2025-02-01"],
                "reported on": ["2024-11-05", "2025-03-01"],
            }
        )
    )
    latest = pd.Timestamp("2025-03-01").value / 1e6  # epoch ms
    explorer = tl.explore(events, state={"search": "troops"})
    assert explorer.filtered["title"].tolist() == ["Troops deployed"]
    assert open_end_x(explorer.figure.data) == [latest]
    assert open_end_x(explorer.figure_widget.data) == [latest]
    # the filtered rows alone would end it at their own report date, 2024-11-05
    assert open_end_x(tl.plot(explorer.filtered).data) != [latest]
    chosen = tl.explore(events, state={"search": "troops"}, reference_date="2025-01-01")
    expected = [pd.Timestamp("2025-01-01").value / 1e6]
    assert open_end_x(chosen.figure.data) == expected
    assert open_end_x(chosen.figure_widget.data) == expected


def test_events_must_be_a_canonical_frame() -> None:
    with pytest.raises(TypeError, match="events must be a pandas DataFrame"):
        tl.explore([1, 2])
    with pytest.raises(ValueError, match="missing the column"):
        tl.explore(pd.DataFrame({"title": ["a"]}))


# --- table and details -------------------------------------------------------------------


def test_table_sorts_pages_and_clicks(seed: pd.DataFrame, tmp_path: Path) -> None:
    explorer = tl.explore(seed, export_dir=tmp_path, page_size=5)
    explorer.widget  # noqa: B018
    table = explorer._table
    assert table.page_count == 5 and len(table.page_rows()) == 5
    starts = seed["start"].iloc[table.page_rows()].tolist()
    assert starts == sorted(starts)
    table.handle_message({"type": "sort", "column": "title"})
    assert table.sort == ("title", True) and table.sort_dropdown.value == "title:asc"
    titles = [seed["title"].iloc[r].lower() for r in table.page_rows()]
    assert titles == sorted(titles)
    table.handle_message({"type": "sort", "column": "title"})  # the same button: descending
    assert table.sort == ("title", False)
    first_desc = seed["title"].iloc[table.page_rows()[0]]
    assert first_desc.lower() == max(t.lower() for t in seed["title"])
    table.sort_dropdown.value = "date:desc"
    assert table.sort == ("date", False)
    table.next_button.click()
    assert table.page == 1 and "page 2 of 5" in table.page_label.value
    table.go_to(99)
    assert table.page == 4 and table.next_button.disabled
    row = int(table.page_rows()[0])
    table.view._handle_custom_msg({"type": "row", "row": row}, [])  # as from the front end
    assert html.escape(seed["title"].iloc[row]) in explorer._details.value
    assert f'data-row="{row}" class="tl-selected"' in table.view.html


def test_clicking_a_mark_shows_the_full_record(explorer: Explorer, seed) -> None:
    trace = next(t for t in mark_traces(explorer) if t.meta["role"] == "instant")
    row = int(trace.customdata[0])
    trace._dispatch_on_click(Points(point_inds=[0], xs=[0], ys=[0]), None)
    details = explorer._details.value
    record = seed.iloc[row]
    assert html.escape(record["title"]) in details
    assert html.escape(record["date_text"]) in details
    assert "; ".join(record["actors"]) in details
    assert explorer._details_html() == details


def test_hostile_text_is_escaped_in_table_details_and_options(tmp_path: Path) -> None:
    events = make_events(
        [
            event(HOSTILE, HOSTILE, "2024-06-19", source=HOSTILE, category=HOSTILE),
            event("plain", "2024-06-20", "2024-06-20", source="ok", category="ok"),
        ]
    )
    explorer = tl.explore(events, lane="category", color="source", export_dir=tmp_path)
    explorer.widget  # noqa: B018
    explorer._table.handle_message({"type": "row", "row": 0})
    for text in (explorer._table.view.html, explorer._details.value, explorer._summary.value):
        assert "<img" not in text
    assert html.escape(HOSTILE) in explorer._details.value
    hover = next(t for t in mark_traces(explorer) if t.meta["role"] == "instant").hovertext
    assert all("<img" not in h for h in hover)


def test_story_events_with_an_era(tmp_path: Path) -> None:
    events = story_events()
    explorer = tl.explore(events, lane="actors", export_dir=tmp_path)
    explorer.widget  # noqa: B018
    assert len(events_only(events)) == 4  # the era is a background band, not an event
    explorer.set_state(explorer.state.replace(search="summit"))
    assert len(events_only(explorer.filtered)) == 1
    assert "Kursk operation" in explorer.filtered["title"].tolist()  # eras always stay
    assert explorer._table.row_count == 1


# --- export ------------------------------------------------------------------------------


def test_export_html_writes_the_current_view(explorer: Explorer, tmp_path: Path) -> None:
    explorer.set_state(explorer.state.replace(search="kursk"))
    explorer._export.html_button.click()
    path = tmp_path / "timeline-view.html"
    assert path.read_bytes()[:15].lower().startswith((b"<html>", b"<!doctype html>"))
    text = path.read_text(encoding="utf-8")
    assert "Liberation of the Kursk region" in text
    assert "Pyongyang Summit" not in text  # filtered out of this view
    assert str(path.resolve()) in html.unescape(explorer._export.status.value)


def test_export_png_without_chromium_shows_the_install_hint(explorer, monkeypatch) -> None:
    from timeline.export import images

    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    # outside any browser another test keeps open (the session-wide image_session fixture)
    monkeypatch.setattr(images._Session, "depth", 0)
    written = explorer._export.export("png")
    assert written is None
    assert "apt-get install -y chromium" in explorer._export.status.value


def test_export_png_with_chromium(explorer: Explorer, tmp_path: Path, chromium: str) -> None:
    explorer.set_state(explorer.state.replace(category=["diplomacy"]))
    written = explorer._export.export("png")
    assert written == tmp_path / "timeline-view.png", explorer._export.status.value
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_text_labels_follow_their_events(seed: pd.DataFrame, tmp_path: Path) -> None:
    explorer = tl.explore(seed, text="title", export_dir=tmp_path)
    figure_widget = explorer.figure_widget

    def labels(visible: bool) -> list[str]:
        return [
            a.text
            for a in figure_widget.layout.annotations
            if a.name == "label" and (a.visible is not False) == visible
        ]

    assert labels(True) and not labels(False)
    explorer.set_state({"search": "kursk"})
    shown, hidden = labels(True), labels(False)
    assert shown and hidden
    kept_titles = [html.escape(t) for t in explorer.filtered["title"]]
    assert all(any(title.startswith(text[:20]) for title in kept_titles) for text in shown)
    assert explorer.figure_widget.layout.annotations[0].name == "caption"
