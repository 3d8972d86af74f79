"""Random canonical events and random filter states, for comparing engines with pandas.

``reference_buckets`` is a plain per-event reading of the bucket rules of
``timeline.engines.buckets``, written independently of the engine code.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from timeline.filters import FilterState, apply_filters
from timeline.lists import as_list_column, is_list_column
from timeline.schema import DATETIME_DTYPE, KINDS, PRECISIONS

WORDS = ["Kursk", "troops", "Émile", "ÜBER", "naïve", "strike", "talks", "Oblast", "drone"]
CATEGORIES = ["combat", "diplomacy", "statement", "Ökonomie"]
ACTORS = ["Kim", "Putin", "Lavrov", "Zelensky", "Choe Son Hui"]
SOURCES = ["NIS", "Reuters", "TASS"]
DAY = np.timedelta64(1, "D")


def random_events(n: int, seed: int) -> pd.DataFrame:
    """``n`` canonical events: instants, spans (some open at either end), a few eras."""
    rng = np.random.default_rng(seed)
    base = np.datetime64("2020-01-01T00:00:00", "us")
    start = base + rng.integers(0, 5 * 365, n) * DAY
    start = start + rng.integers(0, 3, n) * np.timedelta64(3_600_000_001, "us") // 3
    kind = rng.choice(["instant", "instant", "span", "era"], n, p=[0.45, 0.1, 0.4, 0.05])
    length = rng.integers(1, 400, n) * DAY
    end = start + length
    open_end = (kind == "span") & (rng.random(n) < 0.15)
    open_start = (kind == "span") & ~open_end & (rng.random(n) < 0.1)
    end_values = pd.Series(end).where(~open_end)
    start_values = pd.Series(start).where(~open_start)

    def maybe(values: list[str], p_missing: float) -> list[Any]:
        picks = rng.choice(values, n)
        return [None if rng.random() < p_missing else str(v) for v in picks]

    def text(p_missing: float) -> list[Any]:
        out: list[Any] = []
        for _ in range(n):
            if rng.random() < p_missing:
                out.append(None)
            else:
                out.append(" ".join(rng.choice(WORDS, rng.integers(1, 4))))
        return out

    actors = [list(rng.choice(ACTORS, rng.integers(0, 4), replace=False)) for _ in range(n)]
    frame = pd.DataFrame(
        {
            "event_id": [f"e{seed}-{i:05d}" for i in range(n)],
            "title": [t or "untitled" for t in text(0.0)],
            "date_text": "a date",
            "start": start_values.astype(DATETIME_DTYPE),
            "end": end_values.astype(DATETIME_DTYPE),
            "start_precision": pd.Categorical(
                rng.choice(["day", "month", "year"], n), categories=list(PRECISIONS), ordered=True
            ),
            "end_precision": pd.Categorical(
                rng.choice(["day", "month"], n), categories=list(PRECISIONS), ordered=True
            ),
            "kind": pd.Categorical(kind, categories=list(KINDS)),
            "open_end": open_end,
            "approximate": rng.random(n) < 0.2,
            "uncertain": rng.random(n) < 0.2,
            "edtf": "",
            "reported_on": pd.Series(base + rng.integers(5 * 365, 6 * 365, n) * DAY).astype(
                DATETIME_DTYPE
            ),
            "description": text(0.4),
            "category": pd.Series(maybe(CATEGORIES, 0.1), dtype="str").astype("category"),
            "actors": as_list_column(pd.Series(actors, dtype=object)),
            "location": pd.Series(maybe(["Kursk", "Pyongyang", "Moscow"], 0.3), dtype="str"),
            "source": pd.Series(maybe(SOURCES, 0.2), dtype="str"),
            "reliability": pd.Categorical(maybe(list("ABCDEF"), 0.3), categories=list("ABCDEF")),
            "quote": text(0.6),
        }
    )
    for name in ("title", "date_text", "edtf", "description", "quote", "event_id"):
        frame[name] = frame[name].astype("str")
    return frame


def random_state(rng: np.random.Generator) -> FilterState:
    """A random filter state over the values ``random_events`` makes (and some it never does)."""

    def facet(values: list[str]) -> list[str] | None:
        if rng.random() < 0.6:
            return None
        size = int(rng.integers(0, 3))
        return [str(v) for v in rng.choice([*values, "nobody"], size, replace=False)]

    def bound() -> str | None:
        if rng.random() < 0.5:
            return None
        year = int(rng.integers(2019, 2026))
        return str(rng.choice([f"{year}", f"{year}-0{rng.integers(1, 10)}", f"June {year}"]))

    words = rng.choice(["kursk", "TROOPS", "émile", "über", "ïve", "o", "zz"], rng.integers(0, 3))
    return FilterState(
        since=bound(),
        until=bound(),
        category=facet(CATEGORIES),
        actors=facet(ACTORS),
        source=facet(SOURCES),
        location=facet(["Kursk", "Moscow"]),
        search=" ".join(words) if rng.random() < 0.4 else "",
        hide_approximate=bool(rng.random() < 0.3),
        hide_uncertain=bool(rng.random() < 0.3),
        min_reliability=str(rng.choice(list("ABCDEF"))) if rng.random() < 0.3 else None,
    )


def pandas_facets(events: pd.DataFrame, column: str) -> list[tuple[str, int]]:
    """Facet counts the slow way: every value of every cell."""
    counter: Counter[str] = Counter()
    values = events[column]
    for cell in values.tolist():
        if is_list_column(values):
            counter.update(str(item) for item in cell)
        elif cell is not None and not pd.isna(cell):
            counter[str(cell)] += 1
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def reference_buckets(
    events: pd.DataFrame,
    lane: str | None,
    start_ms: int,
    end_ms: int,
    bucket_ms: int,
    reference_ms: int,
) -> dict[tuple[str, int], tuple[int, int]]:
    """(lane, bucket) -> (count, cover), event by event."""
    out: dict[tuple[str, int], list[int]] = {}

    def ms(value: object, up: bool = False) -> int | None:
        if pd.isna(value):
            return None
        micros = int(np.datetime64(value, "us").astype(np.int64))
        return -((-micros) // 1000) if up else micros // 1000

    for _, row in events.iterrows():
        if row["kind"] == "era":
            continue
        s, e = ms(row["start"]), ms(row["end"], up=True)
        if s is None and e is None:
            continue
        if lane is None:
            lanes = [""]
        else:
            cell = row[lane]
            if isinstance(cell, (list, tuple, np.ndarray)):
                lanes = [str(v) for v in cell] or [f"(no {lane})"]
            else:
                lanes = [f"(no {lane})" if cell is None or pd.isna(cell) else str(cell)]
        point = s if s is not None else e - 1
        for name in lanes:
            if start_ms <= point < end_ms:
                out.setdefault((name, point // bucket_ms), [0, 0])[0] += 1
            if row["kind"] == "span":
                lo = start_ms if s is None else s
                hi = reference_ms if e is None else e
                lo, hi = max(lo, start_ms), min(hi, end_ms)
                if hi > lo:
                    for b in range(lo // bucket_ms, (hi - 1) // bucket_ms + 1):
                        out.setdefault((name, b), [0, 0])[1] += 1
    return {key: (c, v) for key, (c, v) in out.items()}


def engine_buckets(frame: pd.DataFrame) -> dict[tuple[str, int], tuple[int, int]]:
    """A ``bucket_counts`` answer in the form of :func:`reference_buckets`."""
    return {
        (str(r.lane), int(r.bucket)): (int(r.count), int(r.cover))
        for r in frame.itertuples(index=False)
    }


def check_table(table: Any, events: pd.DataFrame, state: FilterState) -> None:
    """Assert that ``table.filter(state)`` answers as pandas does on ``events``."""
    expected = apply_filters(events, state)
    filtered = table.filter(state)
    assert len(filtered) == len(expected), state
    got = filtered.to_pandas()
    assert sorted(got["event_id"]) == sorted(expected["event_id"]), state
    for column in ("category", "actors", "source"):
        assert filtered.facet_counts(column) == pandas_facets(expected, column), (column, state)
    from timeline.filters import date_extent

    assert filtered.extent() == date_extent(expected), state


def check_kept_events(table: Any, events: pd.DataFrame, state: FilterState) -> None:
    """The lighter check for slow engines: the kept events and their actor counts."""
    expected = apply_filters(events, state)
    filtered = table.filter(state)
    got = filtered.to_pandas(max_rows=None)
    assert sorted(got["event_id"]) == sorted(expected["event_id"]), state
    assert filtered.facet_counts("actors") == pandas_facets(expected, "actors"), state
