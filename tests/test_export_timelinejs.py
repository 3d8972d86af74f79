"""TimelineJS JSON: date parts at the source's precision, headline, text, group, eras."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from conftest import REPO
from timeline.export.timelinejs import timelinejs_document

HOSTILE = '</script><img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    events = tl.load_events(REPO / "data" / "events.csv")
    path = tmp_path_factory.mktemp("tljs") / "timeline.json"
    tl.export(events, path, title="North Korean troops in Russia")
    return json.loads(path.read_text(encoding="utf-8"))


def by_id(document: dict, event_id: str) -> dict:
    return next(e for e in document["events"] if e["unique_id"] == event_id)


def test_shape(document: dict) -> None:
    assert set(document) == {"title", "events", "eras"}
    assert document["title"]["text"]["headline"] == "North Korean troops in Russia"
    assert len(document["events"]) == 23
    for item in document["events"]:
        assert {"start_date", "display_date", "text", "unique_id"} <= set(item)
        assert isinstance(item["start_date"]["year"], int)
        assert item["text"]["headline"]


def test_era_rows_become_eras(document: dict) -> None:
    assert document["eras"] == [
        {
            "start_date": {"year": 2024},
            "end_date": {"year": 2025, "month": 5, "day": 31},
            "text": {"headline": "North Korean troops in the Kursk fighting"},
        },
        {  # "since September", open: runs to the report date
            "start_date": {"year": 2025, "month": 9},
            "end_date": {"year": 2025, "month": 11, "day": 1},
            "text": {"headline": "North Korean deployment to Russia (NIS)"},
        },
    ]


def test_dates_keep_their_precision(document: dict) -> None:
    summit = by_id(document, "nk-001")  # June 2024
    assert summit["start_date"] == {"year": 2024, "month": 6}
    assert "end_date" not in summit
    assert summit["display_date"] == "June 2024"
    report = by_id(document, "nk-004")  # 2025-11-01
    assert report["start_date"] == {"year": 2025, "month": 11, "day": 1}


def test_a_fuzzy_instant_shows_its_window(document: dict) -> None:
    visit = by_id(document, "nk-008")  # late October (2025): 21-31 October
    assert visit["start_date"] == {"year": 2025, "month": 10, "day": 21}
    assert visit["end_date"] == {"year": 2025, "month": 10, "day": 31}
    assert visit["display_date"] == "late October"


def test_spans_end_at_their_last_unit(document: dict) -> None:
    silence = by_id(document, "nk-014")  # 2024 to the spring of 2025
    assert silence["start_date"] == {"year": 2024}
    assert silence["end_date"] == {"year": 2025, "month": 5, "day": 31}


def test_a_separately_reported_end_is_in_the_display_date(document: dict) -> None:
    silence = by_id(document, "nk-014")  # date "2024", end "the spring of 2025"
    assert silence["display_date"] == "2024 – the spring of 2025"
    assert by_id(document, "nk-001")["display_date"] == "June 2024"  # no end column value


def test_an_ongoing_span_ends_at_the_report_date_and_says_so(document: dict) -> None:
    deployment = by_id(document, "nk-002")  # since September (ongoing)
    assert deployment["start_date"] == {"year": 2025, "month": 9}
    assert deployment["end_date"] == {"year": 2025, "month": 11, "day": 1}
    assert deployment["display_date"] == "since September (ongoing as of 2025-11-01)"


def test_group_and_text(document: dict) -> None:
    summit = by_id(document, "nk-001")
    assert summit["group"] == "diplomacy"
    assert "<i>“a strong new momentum”</i> — Sergei Lavrov" in summit["text"]["text"]
    assert "Source: Seed article" in summit["text"]["text"]


def test_eras_from_rows_and_argument() -> None:
    frame = pd.DataFrame(
        {
            "title": ["Kursk fighting", "Summit"],
            "date": ["2024", "June 2024"],
            "end": ["spring 2025", None],
            "kind": ["era", None],
        }
    )
    events = tl.load_events(frame)
    document = timelinejs_document(
        events, eras=[("Deployment", pd.Timestamp("2025-09-01"), pd.Timestamp("2025-11-02"))]
    )
    assert [e["text"]["headline"] for e in document["events"]] == ["Summit"]
    assert document["eras"] == [
        {
            "start_date": {"year": 2024},
            "end_date": {"year": 2025, "month": 5, "day": 31},
            "text": {"headline": "Kursk fighting"},
        },
        {
            "start_date": {"year": 2025, "month": 9, "day": 1},
            "end_date": {"year": 2025, "month": 11, "day": 1},
            "text": {"headline": "Deployment"},
        },
    ]


def test_data_is_escaped_for_timelinejs_html(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "title": [HOSTILE],
            "date": ["2024-06-19"],
            "description": [HOSTILE],
            "category": [HOSTILE],
            "source": ["NIS"],
            "source_url": ["javascript:alert(1)"],
        }
    )
    path = tl.export(tl.load_events(frame), tmp_path / "t.json")
    raw = path.read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw  # even the markup we add is \u003c-escaped
    item = json.loads(raw)["events"][0]
    assert (
        item["text"]["headline"]
        == "&lt;/script&gt;&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;"
    )
    assert item["group"].startswith("&lt;/script&gt;")
    assert "javascript:" not in item["text"]["text"]


def test_unknown_group_column() -> None:
    events = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["2024"]}))
    with pytest.raises(ValueError, match="group='who' is not a column"):
        timelinejs_document(events, group="who")


def test_the_timelinejs_importer_reads_the_export_back(tmp_path: Path) -> None:
    events = tl.load_events(REPO / "data" / "events.csv")
    events.loc[0, "title"] = "Summit <b>&</b> talks"
    back = tl.load_events(tl.export(events, tmp_path / "timeline.json"))
    assert back["title"].tolist() == events["title"].tolist()  # escaped, then decoded
    assert (back["kind"] == "era").sum() == 2
    summit = back.iloc[0]
    assert (summit["start"], summit["end"]) == (
        pd.Timestamp("2024-06-01"),
        pd.Timestamp("2024-07-01"),
    )


def test_events_with_only_an_end_start_at_the_left_edge_and_say_so() -> None:
    events = tl.load_events(
        pd.DataFrame(
            {
                "event_id": ["old", "silence", "summit", "before"],
                "title": ["Old treaty", "Silence", "Summit", "Before it all"],
                "date": ["before 2024", "until spring 2025", "August 2024", "before 2020"],
                "kind": [None, None, None, "era"],
                "reported_on": ["2025-05-01"] * 4,
            }
        )
    )
    document = timelinejs_document(events)
    assert [e["unique_id"] for e in document["events"]] == ["old", "silence", "summit"]
    old, silence = by_id(document, "old"), by_id(document, "silence")
    # one end-precision unit before the end (earlier than the data), as tl.plot draws it
    assert (old["start_date"], old["end_date"]) == ({"year": 2023}, {"year": 2023})
    assert old["display_date"] == "before 2024 (start unknown)"
    assert "Start unknown" in old["text"]["text"]
    # the earliest start in the data (August 2024)
    assert silence["start_date"] == {"year": 2024, "month": 8, "day": 1}
    assert silence["end_date"] == {"year": 2025, "month": 5, "day": 31}
    assert "start unknown" in silence["display_date"]
    assert "start unknown" not in by_id(document, "summit")["display_date"]
    assert document["eras"] == [
        {
            "start_date": {"year": 2019},
            "end_date": {"year": 2019},
            "text": {"headline": "Before it all"},
        }
    ]
    drawn = tl.plot(events).data
    assert len(document["events"]) == len(
        {int(r) for t in drawn if t.customdata is not None for r in t.customdata}
    )


def test_era_arguments_are_read_like_the_figure_reads_them() -> None:
    events = tl.load_events(
        pd.DataFrame({"title": ["Summit"], "date": ["June 2024"], "reported_on": ["2025-05-01"]})
    )
    document = timelinejs_document(
        events, eras=[("Two years", "2024", "2025"), ("Recent", "since March", None)]
    )
    assert document["eras"] == [
        {
            "start_date": {"year": 2024, "month": 1, "day": 1},
            "end_date": {"year": 2025, "month": 12, "day": 31},  # the end of 2025
            "text": {"headline": "Two years"},
        },
        {  # relative to the report date, open: runs to it
            "start_date": {"year": 2025, "month": 3, "day": 1},
            "end_date": {"year": 2025, "month": 5, "day": 1},
            "text": {"headline": "Recent"},
        },
    ]
    with pytest.raises(ValueError, match="era 'Backwards' ends before it starts"):
        timelinejs_document(events, eras=[("Backwards", "2025", "2024")])
