"""Format detection and the format= dispatch of load_events."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA
from timeline.errors import EventDataError
from timeline.load.importers import EVENT_FORMATS, detect_format

SAMPLES = {
    "acled_argentina_rows121-240.csv": "acled",
    "ucdp_ged_rows1-100.csv": "ucdp",
    "timelinejs3_women_in_computing.csv": "timelinejs",
    "timelinejs3_template_eras.json": "timelinejs",
    "gdelt_v2_sample.export.CSV": "gdelt",
}


@pytest.mark.parametrize(("name", "expected"), SAMPLES.items())
def test_each_sample_is_detected_and_loaded(name: str, expected: str) -> None:
    assert detect_format(DATA / name) == expected
    events = tl.load_events(DATA / name)
    assert events.attrs["format"] == expected
    assert len(events) > 0


def test_detection_reads_frames_excel_and_parquet(tmp_path: Path) -> None:
    frame = pd.read_csv(DATA / "ucdp_ged_rows1-100.csv", dtype=str).head(5)
    frame.to_excel(tmp_path / "ged.xlsx", index=False)
    frame.to_parquet(tmp_path / "ged.parquet")
    for source in (frame, tmp_path / "ged.xlsx", tmp_path / "ged.parquet"):
        assert detect_format(source) == "ucdp"
        assert tl.load_events(source)["event_id"].tolist() == frame["id"].tolist()


def test_unknown_layout_is_refused_listing_the_formats(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("when,what happened\n2024,something\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot tell the event format") as info:
        detect_format(path)
    for name in EVENT_FORMATS:
        assert f"{name} (" in str(info.value)
    assert "event_id_cnty, event_date, time_precision" in str(info.value)
    with pytest.raises(EventDataError) as loading:
        tl.load_events(path)
    assert "missing required column 'title'" in str(loading.value)
    assert "nor is it one of the layouts timeline imports: acled (ACLED export" in str(
        loading.value
    )


def test_plain_events_still_load_as_plain_events(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("title,date,type\nSummit,June 2024,diplomacy\n", encoding="utf-8")
    events = tl.load_events(path)
    assert "format" not in events.attrs
    assert events["category"].tolist() == ["diplomacy"]
    plain_json = tmp_path / "events.json"
    plain_json.write_text(json.dumps([{"title": "Summit", "date": "June 2024"}]))
    assert tl.load_events(plain_json)["title"].tolist() == ["Summit"]


def test_a_file_format_forces_plain_loading() -> None:
    with pytest.raises(EventDataError) as info:
        tl.load_events(DATA / "acled_argentina_rows121-240.csv", format="csv")
    assert "missing required column 'title'" in str(info.value)
    assert "nor is it one of the layouts" not in str(info.value)


def test_format_names_are_checked() -> None:
    with pytest.raises(ValueError, match="or an event format \\(acled, ucdp, timelinejs, gdelt\\)"):
        tl.load_events(DATA / "acled_argentina_rows121-240.csv", format="acld")
    events = tl.load_events(DATA / "gdelt_v2_sample.export.CSV", format="GDELT")
    assert events.attrs["format"] == "gdelt"


def test_columns_cannot_be_combined_with_an_importer() -> None:
    with pytest.raises(ValueError, match="columns= cannot be combined with format='acled'"):
        tl.load_events(
            DATA / "acled_argentina_rows121-240.csv",
            format="acled",
            columns={"notes": "title"},
        )


def test_explicit_columns_load_an_importer_layout_as_plain_events() -> None:
    events = tl.load_events(
        DATA / "acled_argentina_rows121-240.csv",
        columns={"sub_event_type": "title", "event_date": "date_text"},
    )
    assert "format" not in events.attrs
    assert events["title"].iloc[0] == "Peaceful protest"


def test_validate_events_detects_too() -> None:
    failures = tl.validate_events(DATA / "ucdp_ged_rows1-100.csv")
    assert failures.empty
    assert list(failures.columns) == ["row", "column", "value", "reason", "code"]
