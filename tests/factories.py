"""Build valid canonical event frames from a few tuples, for tests that need no loader."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from timeline.schema import DATETIME_DTYPE, KINDS, PRECISIONS, REQUIRED_COLUMNS, finalize_events

DEFAULTS: dict[str, Any] = {
    "end": None,
    "kind": "instant",
    "start_precision": "day",
    "end_precision": None,
    "open_end": False,
    "approximate": False,
    "uncertain": False,
    "reported_on": "2025-05-01",
}


def event(title: str, date_text: str, start: str, end: str | None = None, **fields: Any) -> dict:
    """One event as a dict; unknown keys become extra columns."""
    return {"title": title, "date_text": date_text, "start": start, "end": end, **fields}


def make_events(rows: Iterable[Mapping[str, Any]], attrs: Mapping[str, Any] | None = None):
    """A canonical event frame: required columns with their dtypes, then the extras.

    Each row needs ``title``, ``date_text`` and ``start``; ``end`` defaults to one unit of
    ``start_precision`` for day precision (an instant's day), else must be given.
    """
    records = [{**DEFAULTS, **row} for row in rows]
    frame = pd.DataFrame.from_records(records)
    if "event_id" not in frame:
        frame["event_id"] = [
            hashlib.sha1(f"{r['title']}|{r['date_text']}".encode()).hexdigest()[:12]
            for r in records
        ]
    frame["end_precision"] = frame["end_precision"].fillna(frame["start_precision"])
    frame["start"] = pd.to_datetime(frame["start"]).astype(DATETIME_DTYPE)
    end = pd.to_datetime(frame["end"]).astype(DATETIME_DTYPE)
    day_instant = (frame["kind"] == "instant") & (frame["start_precision"] == "day") & end.isna()
    end = end.where(~day_instant, frame["start"] + pd.Timedelta(days=1))
    frame["end"] = end.astype(DATETIME_DTYPE)
    if "edtf" not in frame:
        frame["edtf"] = ""
    # dtypes and column order from the field table, as the loader makes them
    required = {name: frame[name] for name in REQUIRED_COLUMNS}
    extras = {name: frame[name] for name in frame.columns if name not in REQUIRED_COLUMNS}
    frame = finalize_events(required, extras, frame.index)
    frame.attrs.update(attrs or {})
    return frame


def synthetic_events(n: int, lanes: int = 8, seed: int = 0, years: int = 3) -> pd.DataFrame:
    """``n`` mixed events (half spans, a fifth with month precision) over ``years`` years
    (ending with 2024)."""
    rng = np.random.default_rng(seed)
    base = np.datetime64(f"{2025 - years}-01-01", "D")
    day = rng.integers(0, years * 365, n)
    start = base + day.astype("timedelta64[D]")
    is_span = rng.random(n) < 0.5
    month = rng.random(n) < 0.2
    length = np.maximum(rng.exponential(20, n).astype(int), 1).astype("timedelta64[D]")
    month_start = start.astype("datetime64[M]").astype("datetime64[D]")
    start = np.where(month, month_start, start)
    instant_end = np.where(
        month, (start.astype("datetime64[M]") + 1).astype("datetime64[D]"), start + 1
    )
    span_end = np.where(
        month,
        (start.astype("datetime64[M]") + 1 + length.astype(int) // 30 + 1).astype("datetime64[D]"),
        start + length,
    )
    end = np.where(is_span, span_end, instant_end)
    frame = pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(n)],
            "title": [f"Event {i}: shelling reported near town {i % 97}" for i in range(n)],
            "date_text": np.where(month, "in that month", "on that day"),
            "start": start.astype(DATETIME_DTYPE),
            "end": end.astype(DATETIME_DTYPE),
            "start_precision": pd.Categorical(
                np.where(month, "month", "day"), categories=list(PRECISIONS)
            ),
            "end_precision": pd.Categorical(
                np.where(month, "month", "day"), categories=list(PRECISIONS)
            ),
            "kind": pd.Categorical(np.where(is_span, "span", "instant"), categories=list(KINDS)),
            "open_end": np.zeros(n, dtype=bool),
            "approximate": rng.random(n) < 0.05,
            "uncertain": rng.random(n) < 0.05,
            "edtf": "",
            "reported_on": np.full(n, np.datetime64("2025-01-01", "us")),
            "category": pd.Categorical([f"lane {i}" for i in rng.integers(0, lanes, n)]),
            "source": "synthetic",
        }
    )
    return frame


def story_events() -> pd.DataFrame:
    """The seed story: North Korean troops in Russia, with fuzzy and ongoing dates, an era."""
    return make_events(
        [
            event(
                "Pyongyang Summit",
                "19 June 2024",
                "2024-06-19",
                actors=["Putin", "Kim"],
                source="TASS",
            ),
            event(
                "Choe visits Moscow",
                "late October 2024",
                "2024-10-21",
                "2024-11-01",
                actors=["Choe", "Lavrov"],
                source="NIS",
                claimant="Lavrov",
                quote="a strong new momentum",
            ),
            event(
                "Troops in Russia",
                "since September",
                "2024-09-01",
                None,
                kind="span",
                start_precision="month",
                open_end=True,
                actors=["North Korea"],
                source="NIS",
                claimant="NIS",
                approximate=True,
            ),
            event(
                "Moscow silent",
                "June 2024 to March 2025",
                "2024-06-01",
                "2025-04-01",
                kind="span",
                start_precision="month",
                end_precision="month",
                actors=["Russia"],
                uncertain=True,
            ),
            event(
                "Kursk operation",
                "Aug 2024 to Mar 2025",
                "2024-08-06",
                "2025-03-20",
                kind="era",
                actors=[],
            ),
        ]
    )
