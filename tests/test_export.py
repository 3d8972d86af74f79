"""tl.export: the suffix picks the format, options are checked, inputs are duck-typed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

import timeline as tl
from factories import story_events
from timeline.export import FORMATS, export_many, format_of


class FakeExplorer:
    """What tl.export needs of an explorer: the current figure and the filtered events."""

    def __init__(self, events, **plot_options) -> None:
        self.filtered = events
        self.figure = tl.plot(events, **plot_options)


def test_tl_export_is_callable_after_importing_the_subpackage(tmp_path: Path) -> None:
    import timeline.export

    path = timeline.export(story_events(), tmp_path / "a.csv")
    assert path == tmp_path / "a.csv"
    assert tl.export(story_events(), tmp_path / "b.csv").read_bytes()[:3] == b"\xef\xbb\xbf"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("t.html", "html"),
        ("t.HTM", "html"),
        ("t.png", "png"),
        ("t.svg", "svg"),
        ("t.PDF", "pdf"),
        ("deck.pptx", "pptx"),
        ("t.csv", "csv"),
        ("t.xlsx", "xlsx"),
        ("t.json", "timelinejs"),
    ],
)
def test_format_from_suffix(name: str, expected: str) -> None:
    assert format_of(name).name == expected


def test_unknown_suffix_lists_the_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"suffix '\.odt'") as info:
        tl.export(story_events(), tmp_path / "brief.odt")
    for suffix in (".html", ".png", ".svg", ".pdf", ".pptx", ".docx", ".csv", ".xlsx", ".json"):
        assert suffix in str(info.value)
    assert not (tmp_path / "brief.odt").exists()
    assert set(FORMATS) >= {".html", ".png", ".pptx", ".docx", ".json"}


def test_unknown_option_names_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="unknown option") as info:
        tl.export(go.Figure(), tmp_path / "t.html", bannner="x")
    assert "bannner" in str(info.value)
    assert "banner" in str(info.value).split("valid options:")[1]


def test_plot_options_need_an_event_frame(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="lane="):
        tl.export(go.Figure(), tmp_path / "t.html", lane="actors")


def test_tables_need_events_not_a_figure(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="CSV export needs the events"):
        tl.export(tl.plot(story_events()), tmp_path / "t.csv")


def test_other_objects_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="got list"):
        tl.export([1, 2], tmp_path / "t.html")


def test_explorer_exports_its_filtered_events(tmp_path: Path) -> None:
    events = story_events()
    explorer = FakeExplorer(events.iloc[:2].reset_index(drop=True))
    path = tl.export(explorer, tmp_path / "view.csv")
    assert tl.load_events(path)["title"].tolist() == events["title"].iloc[:2].tolist()
    page = tl.export(explorer, tmp_path / "view.html").read_text(encoding="utf-8")
    assert "2 events" in page


def test_filters_apply_to_a_frame(tmp_path: Path) -> None:
    path = tl.export(story_events(), tmp_path / "t.csv", filters={"search": "moscow"})
    assert set(tl.load_events(path)["title"]) == {
        "Choe visits Moscow",
        "Moscow silent",
        "Kursk operation",
    }


def test_missing_folders_are_created_and_nothing_partial_is_left(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "t.json"
    export_many(story_events(), [target, tmp_path / "deep" / "t.csv"])
    assert target.exists()
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["er", "t.csv"]


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="group="):
        tl.export(story_events(), tmp_path / "t.json", group="nope")
    assert list(tmp_path.iterdir()) == []


def test_export_many_reports_progress(tmp_path: Path) -> None:
    seen: list[Path] = []
    paths = [tmp_path / "a.csv", tmp_path / "b.json", tmp_path / "c.html"]
    assert export_many(story_events(), paths, progress=seen.append) == paths
    assert seen == paths


def test_figure_size_options_reach_a_given_figure(tmp_path: Path) -> None:
    fig = tl.plot(story_events())
    page = tl.export(fig, tmp_path / "t.html", width=777, title="Resized")
    text = page.read_text(encoding="utf-8")
    assert '"width":777' in text
    assert "<h1>Resized</h1>" in text
    assert fig.layout.width is None  # the caller's figure is not changed


def test_filtered_export_draws_ongoing_spans_to_the_report_date_of_all_events() -> None:
    from timeline.export.source import export_source

    frame = pd.DataFrame(
        {
            "title": ["Ongoing", "Later report"],
            "date": ["since September", "2025-03-01"],
            "reported_on": ["2024-11-01", "2025-06-01"],
        }
    )
    events = tl.load_events(frame)
    source = export_source(
        events, plot_options={}, title=None, subtitle=None, filters={"search": "ongoing"}
    )
    assert source.events["title"].tolist() == ["Ongoing"]
    assert source.plot_options["reference_date"] == pd.Timestamp("2025-06-01")
