"""Shared importer pieces: joining text, row checks, reading days, HTML as plain text."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.errors import Reason
from timeline.load.importers.common import RowChecks, find_columns, join_text, parse_days
from timeline.load.importers.html_text import html_column_to_text, html_to_text
from timeline.load.readers import RawTable


def test_join_text_skips_missing_parts_and_keeps_every_row() -> None:
    a = pd.Series(["Riots", None, None, "Protests", None], dtype="str")
    b = pd.Series(["Mob violence", "Battles", None, None, None], dtype="str")
    c = pd.Series(["Place", None, None, None, "Town"], dtype="str")
    joined = join_text([a, b, c], ": ")
    assert len(joined) == 5  # pyarrow alone drops the all-missing row
    assert joined.iloc[[0, 1, 3, 4]].tolist() == [
        "Riots: Mob violence: Place",
        "Battles",
        "Protests",
        "Town",
    ]
    assert pd.isna(joined.iloc[2])
    assert str(joined.dtype) == "str"


def test_find_columns_ignores_case_and_punctuation() -> None:
    frame = pd.DataFrame(columns=["Event_Date", "TIME PRECISION", "notes"])
    found = find_columns(frame, ["event_date", "time_precision", "fatalities"])
    assert found == {"event_date": "Event_Date", "time_precision": "TIME PRECISION"}


def test_row_checks_move_every_problem_of_a_row_into_failures() -> None:
    frame = pd.DataFrame({"a": ["x", "y", "z"], "b": ["1", "2", "3"]})
    first = {"row": 13, "column": "", "value": "", "reason": "r", "code": "malformed_record"}
    raw = RawTable(frame, [10, 11, 12], [first])
    checks = RowChecks(raw)
    checks.add(np.array([False, True, False]), "a", frame["a"], "bad a", Reason.BAD_VALUE)
    checks.add_one(1, "b", "2", "bad b", Reason.BAD_DATE)
    checks.add(np.array([True, False, False]), "b", frame["b"], ["why 1", "", ""], Reason.EMPTY_ROW)
    table, kept = checks.apply(frame)
    assert kept.tolist() == [False, False, True]
    assert table.frame["a"].tolist() == ["z"]
    assert table.rows == [12]
    assert [(r["row"], r["column"], r["reason"], r["code"]) for r in table.rejected] == [
        (13, "", "r", "malformed_record"),
        (10, "b", "why 1", "empty_row"),
        (11, "a", "bad a", "bad_value"),
        (11, "b", "bad b", "bad_date"),
    ]


def test_parse_days_reads_days_and_says_why_not() -> None:
    text = pd.Series(
        ["2022-06-30", "30 June 2022", "2013-01-03 00:00:00.000", "2022-06", None, "2022-02-30"],
        dtype="str",
    )
    days, why = parse_days(text)
    assert days[:3].astype(str).tolist() == ["2022-06-30", "2022-06-30", "2013-01-03"]
    assert np.isnat(days[3:]).all()
    assert why[:3].tolist() == ["", "", ""]
    assert why[3] == "names a month"
    assert why[4] == "empty"
    assert "February" in why[5] or "30" in why[5]


def test_html_to_text_keeps_link_targets_and_drops_markup() -> None:
    html = (
        '<p class="lead">See <a href="https://x.test/a">the <b>report</b></a>.</p>'
        "<script>alert(1)</script><ul><li>one</li><li>two &amp; three</li></ul>"
        '<a href="https://x.test/same">https://x.test/same</a> <a href="#top">top</a>'
    )
    assert html_to_text(html) == (
        "See the report (https://x.test/a).\none\ntwo & three\nhttps://x.test/same top"
    )
    assert html_to_text("&lt;img src=x onerror=alert(1)&gt;") == "<img src=x onerror=alert(1)>"
    assert html_to_text("  plain text, no tags  ") == "plain text, no tags"


def test_html_column_to_text_keeps_missing_cells_missing() -> None:
    out = html_column_to_text(pd.Series(["<i>a</i>", None, "<br>", "<i>a</i>"]))
    assert out.iloc[0] == out.iloc[3] == "a"
    assert out.iloc[1:3].isna().all()


def test_split_list_arrow_path_matches_the_per_value_path() -> None:
    from timeline.load.text_cells import split_list

    cells = [f"Actor {i}; Group {i % 13} ;; " if i % 5 else None for i in range(60_000)]
    cells[7] = " ; "
    arrow = split_list(pd.Series(cells, dtype="str"))  # mostly distinct: split in Arrow
    python = split_list(pd.Series(cells, dtype=object))  # the per-cell path
    assert arrow.tolist() == python.tolist()
    assert arrow.iloc[1] == ["Actor 1", "Group 1"]
    assert arrow.iloc[0] == [] and arrow.iloc[7] == []


def test_plain_numbers_match_pandas() -> None:
    from timeline.load.text_cells import plain_numbers

    for cells in (["7", "12"], ["7", None, "1.5"], ["-3", "2e3"], ["99999999999999999999", "1"]):
        text = pd.Series(cells, dtype="str")
        got, expected = plain_numbers(text), pd.to_numeric(text)
        assert got.dtype == expected.dtype, cells
        assert got.tolist() == expected.tolist() or (
            got.isna().tolist() == expected.isna().tolist()
            and got.dropna().tolist() == expected.dropna().tolist()
        )


def test_whole_numbers_only_for_text_that_prints_back_the_same() -> None:
    from timeline.load.text_cells import whole_numbers

    assert whole_numbers(pd.Series(["7", "-12", "0"], dtype="str")).tolist() == [7, -12, 0]
    for cells in (["7", "007"], ["7", " 7"], ["+7"], ["7", ""], ["1.5"], ["7", None], ["x"]):
        assert whole_numbers(pd.Series(cells, dtype="str")) is None, cells
    assert whole_numbers(pd.Series([7, 12])) is None  # not text: left to the caller
