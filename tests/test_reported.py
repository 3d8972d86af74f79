"""The date as reported, joined with a separately reported end."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from timeline.reported import reported_date, reported_dates


@pytest.mark.parametrize(
    ("date_text", "end_text", "expected"),
    [
        ("August 2024", "the spring of 2025", "August 2024 – the spring of 2025"),
        ("June 2024", None, "June 2024"),
        ("June 2024", np.nan, "June 2024"),
        ("June 2024", "  ", "June 2024"),
        (" June 2024 ", pd.NA, "June 2024"),
        (None, "2025", "– 2025"),
        (None, None, ""),
    ],
)
def test_reported_date(date_text: object, end_text: object, expected: str) -> None:
    assert reported_date(date_text, end_text) == expected


def test_reported_dates_matches_the_scalar_version_row_by_row() -> None:
    frame = pd.DataFrame(
        {
            "date_text": ["August 2024", "June 2024", None, "2024", " x "],
            "end_text": ["the spring of 2025", None, "2025", "", "y"],
        },
        index=[10, 11, 12, 13, 14],
    )
    joined = reported_dates(frame)
    assert joined.index.tolist() == [10, 11, 12, 13, 14]
    assert joined.tolist() == [
        reported_date(d, e) for d, e in zip(frame["date_text"], frame["end_text"], strict=True)
    ]
    assert joined.tolist()[0] == "August 2024 – the spring of 2025"


def test_reported_dates_without_an_end_column_is_the_date_text() -> None:
    frame = pd.DataFrame({"date_text": ["June 2024", None]})
    assert reported_dates(frame).tolist() == ["June 2024", ""]
