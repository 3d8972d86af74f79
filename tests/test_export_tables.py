"""CSV and XLSX exports: loader columns, round trips, formula neutralisation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import timeline as tl
from conftest import REPO
from timeline.export.tables import neutralize, table_frame

HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv")


def hostile_events() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "title": HOSTILE_CELLS,
            "date": ["2024-06-19"] * len(HOSTILE_CELLS),
            "description": ["=cmd|' /C calc'!A0", *["plain"] * (len(HOSTILE_CELLS) - 1)],
            "actors": [["=evil()", "Kim"], *[["Putin"]] * (len(HOSTILE_CELLS) - 1)],
            "quantity": [-5, 3, -1.5, 0, 7, 8],
            "note": ["-x", "ok", "@y", "+z", "", "fine"],
        }
    )
    return tl.load_events(frame)


def test_csv_round_trip_gives_the_same_events(seed: pd.DataFrame, tmp_path: Path) -> None:
    path = tl.export(seed, tmp_path / "events.csv")
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"  # UTF-8 BOM for spreadsheet programs
    back = tl.load_events(path)
    pd.testing.assert_frame_equal(back, seed)


def test_xlsx_round_trip_gives_the_same_events(seed: pd.DataFrame, tmp_path: Path) -> None:
    path = tl.export(seed, tmp_path / "events.xlsx")
    assert path.read_bytes()[:2] == b"PK"
    back = tl.load_events(path)
    assert list(back.columns) == list(seed.columns)
    canonical = [c for c in seed.columns if c != "date_basis"]
    pd.testing.assert_frame_equal(back[canonical], seed[canonical])
    # the loader gives extra text columns from Excel the object dtype; the values match
    assert back["date_basis"].tolist() == seed["date_basis"].tolist()


def test_relative_dates_are_resolved_again_against_the_same_report_date(
    seed: pd.DataFrame, tmp_path: Path
) -> None:
    path = tl.export(seed, tmp_path / "events.csv")
    raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    assert "since September" in set(raw["date_text"])
    assert "start" not in raw.columns and "end" not in raw.columns
    assert set(raw["reported_on"]) == {"2025-11-01"}


def test_formula_cells_are_neutralised_in_csv(tmp_path: Path) -> None:
    events = hostile_events()
    path = tl.export(events, tmp_path / "hostile.csv")
    raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    for cell in [*raw["title"], *raw["description"], *raw["actors"], *raw["note"]]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert raw["title"].iloc[0] == "'" + HOSTILE_CELLS[0]
    assert raw["actors"].iloc[0] == "'=evil(); Kim"
    # numbers stay numbers (a minus sign on a number is not a formula)
    assert raw["quantity"].tolist() == ["-5.0", "3.0", "-1.5", "0.0", "7.0", "8.0"]
    back = tl.load_events(path)
    pd.testing.assert_frame_equal(back, events)


def test_formula_cells_are_text_in_xlsx(tmp_path: Path) -> None:
    events = hostile_events()
    path = tl.export(events, tmp_path / "hostile.xlsx")
    sheet = load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    for row in rows:
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    quantity = header.index("quantity")
    assert [row[quantity].value for row in rows] == [-5, 3, -1.5, 0, 7, 8]
    assert rows[0][quantity].data_type == "n"
    assert sheet.freeze_panes == "A2"
    back = tl.load_events(path)
    assert back["title"].tolist() == events["title"].tolist()
    assert back["actors"].tolist() == events["actors"].tolist()


def test_neutralize_only_touches_formula_like_text() -> None:
    assert neutralize("=1") == "'=1"
    assert neutralize("a=1") == "a=1"
    assert neutralize("'=1") == "'=1"  # already text in a spreadsheet


def test_header_from_data_is_neutralised_too() -> None:
    frame = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["2024"], "=evil": ["x"]}))
    assert "'=evil" in table_frame(frame).columns


def test_derived_columns_on_request(seed: pd.DataFrame, tmp_path: Path) -> None:
    path = tl.export(seed, tmp_path / "events.csv", derived=True)
    raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    derived = {
        "derived_start",
        "derived_end",
        "derived_start_precision",
        "derived_end_precision",
        "derived_open_end",
        "derived_approximate",
        "derived_uncertain",
        "derived_edtf",
    }
    assert derived <= set(raw.columns)
    assert not {"start", "end", "start_precision", "open_end", "edtf"} & set(raw.columns)
    assert list(raw.columns).count("kind") == 1
    row = raw.set_index("event_id").loc["nk-001"]
    assert (row["derived_start"], row["derived_end"], row["derived_start_precision"]) == (
        "2024-06-01",
        "2024-07-01",
        "month",
    )


def no_end_column_events() -> pd.DataFrame:
    """Instants, an ongoing span and an open start, without an end_text column."""
    return tl.load_events(
        pd.DataFrame(
            {
                "event_id": ["a", "b", "c", "d"],
                "title": ["Summit", "Visit", "Deployment", "Old treaty"],
                "date": ["June 2024", "2024-10-21", "since September", "before 1750"],
                "reported_on": ["2025-05-01"] * 4,
            }
        )
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_derived_round_trip_gives_the_same_events(tmp_path: Path, suffix: str) -> None:
    events = no_end_column_events()
    assert "end_text" not in events.columns  # a bare "end" column would be read as end_text
    path = tl.export(events, tmp_path / f"events{suffix}", derived=True)
    back = tl.load_events(path)
    canonical = list(events.columns)
    assert list(back.columns[: len(canonical)]) == canonical
    pd.testing.assert_frame_equal(back[canonical], events)
    assert back["kind"].tolist() == ["instant", "instant", "span", "span"]
    assert back["derived_end"].astype(str).tolist()[:2] == ["2024-07-01", "2024-10-22"]
    # exporting the reloaded frame again writes each derived column once, afresh
    again = table_frame(back, derived=True)
    assert list(again.columns).count("derived_end") == 1
    assert again.columns.tolist() == table_frame(events, derived=True).columns.tolist()


def test_control_characters_are_dropped_in_xlsx(tmp_path: Path) -> None:
    frame = tl.load_events(pd.DataFrame({"title": ["bell\x07 and nul"], "date": ["2024"]}))
    path = tl.export(frame, tmp_path / "t.xlsx")
    assert tl.load_events(path)["title"].tolist() == ["bell and nul"]
