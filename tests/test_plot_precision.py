"""Length of one date-precision unit and shifting by it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from timeline.plot import precision_length, shift_by_precision
from timeline.schema import PRECISIONS


@pytest.mark.parametrize(
    ("precision", "start", "days"),
    [
        ("day", "2024-06-19", 1),
        ("week", "2024-06-17", 7),
        ("month", "2024-02-01", 29),
        ("month", "2025-02-01", 28),
        ("season", "2024-12-01", 90),  # winter 2024: Dec, Jan, Feb (2025 not leap)
        ("quarter", "2024-01-01", 91),
        ("third", "2024-09-01", 122),
        ("half", "2024-07-01", 184),
        ("year", "2024-01-01", 366),
        ("decade", "2020-01-01", 3653),
        ("century", "1900-01-01", 36524),
    ],
)
def test_precision_length(precision: str, start: str, days: int) -> None:
    assert precision_length(precision, start) == pd.Timedelta(days=days)


def test_time_is_under_a_day_and_every_precision_is_known() -> None:
    assert precision_length("time", "2024-06-19T10:00") < pd.Timedelta(days=1)
    for precision in PRECISIONS:
        assert precision_length(precision, "2024-01-01") > pd.Timedelta(0)
    with pytest.raises(ValueError, match=r"precision='fortnight'.*valid: time, day"):
        precision_length("fortnight", "2024-01-01")


def test_shift_back_by_the_last_unit_and_clip_month_ends() -> None:
    ends = np.array(["2025-04-01", "2024-03-31", "2025-01-01"], dtype="datetime64[us]")
    back = shift_by_precision(ends, pd.Series(["month", "month", "year"]), -1)
    assert back.astype("datetime64[D]").astype(str).tolist() == [
        "2025-03-01",
        "2024-02-29",
        "2024-01-01",
    ]
