"""EventTable on DuckDB (and Polars, pandas) answers exactly as the pandas path does."""

from __future__ import annotations

import narwhals as nw
import numpy as np
import pandas as pd
import pytest

import timeline as tl
from engine_cases import (
    check_table,
    engine_buckets,
    random_events,
    random_state,
    reference_buckets,
)
from timeline.engines.canonical import events_to_arrow, to_canonical_frame
from timeline.engines.epoch import stamp_ms

DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return random_events(400, seed=1)


@pytest.fixture(scope="module")
def parquet(events: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> str:
    import pyarrow.parquet as pq

    path = tmp_path_factory.mktemp("engines") / "events.parquet"
    pq.write_table(events_to_arrow(events), path, row_group_size=64)
    return str(path)


def test_scan_reads_nothing_into_pandas(parquet: str) -> None:
    table = tl.scan_events(parquet)
    assert table.engine == "duckdb"
    assert isinstance(nw.to_native(table.frame), __import__("duckdb").DuckDBPyRelation)


def test_parquet_round_trip_gives_the_canonical_frame(events: pd.DataFrame, parquet: str) -> None:
    back = tl.scan_events(parquet).to_pandas()
    pd.testing.assert_frame_equal(back, events)


def test_loaded_events_round_trip(tmp_path) -> None:
    import pyarrow.parquet as pq

    loaded = tl.load_events("data/events.csv")
    pq.write_table(events_to_arrow(loaded), tmp_path / "e.parquet")
    back = tl.scan_events(str(tmp_path / "e.parquet")).to_pandas()
    pd.testing.assert_frame_equal(back, loaded.reset_index(drop=True))


@pytest.mark.parametrize("engine", ["duckdb", "polars", "pandas"])
def test_random_filters_match_pandas(events: pd.DataFrame, parquet: str, engine: str) -> None:
    if engine == "duckdb":
        table = tl.scan_events(parquet)
    elif engine == "polars":
        import polars as pl

        table = tl.scan_events(pl.scan_parquet(parquet))
    else:
        table = tl.scan_events(events)
    rng = np.random.default_rng(7)
    for _ in range(20 if engine == "duckdb" else 8):
        check_table(table, events, random_state(rng))


def test_more_random_events_on_duckdb(tmp_path) -> None:
    import pyarrow.parquet as pq

    rng = np.random.default_rng(11)
    for seed in range(2, 6):
        events = random_events(150, seed=seed)
        path = tmp_path / f"e{seed}.parquet"
        pq.write_table(events_to_arrow(events), path)
        table = tl.scan_events(str(path))
        for _ in range(6):
            check_table(table, events, random_state(rng))


@pytest.mark.parametrize("lane", [None, "category", "actors"])
@pytest.mark.parametrize("bucket_days", [1, 32, 512])
def test_bucket_counts_match_the_event_by_event_reading(
    events: pd.DataFrame, parquet: str, lane: str | None, bucket_days: int
) -> None:
    table = tl.scan_events(parquet)
    low = stamp_ms(pd.Timestamp("2021-03-05"))
    high = stamp_ms(pd.Timestamp("2024-07-01"))
    reference = stamp_ms(table.reference_date)
    got = table.bucket_counts(lane, start_ms=low, end_ms=high, bucket_ms=bucket_days * DAY_MS)
    assert list(got.columns) == ["lane", "bucket", "bucket_start_ms", "count", "cover"]
    assert (got["bucket_start_ms"] == got["bucket"] * bucket_days * DAY_MS).all()
    expected = reference_buckets(events, lane, low, high, bucket_days * DAY_MS, reference)
    assert engine_buckets(got) == expected
    assert got["count"].sum() > 0 and got["cover"].sum() > 0


def test_bucket_counts_of_a_filtered_table(events: pd.DataFrame, parquet: str) -> None:
    state = tl.FilterState(category=["combat"], hide_uncertain=True)
    table = tl.scan_events(parquet).filter(state)
    kept = tl.FilterState.from_dict(state)
    expected_events = __import__("timeline.filters", fromlist=["x"]).apply_filters(events, kept)
    low, high = stamp_ms(pd.Timestamp("2019-01-01")), stamp_ms(pd.Timestamp("2026-01-01"))
    got = table.bucket_counts("source", start_ms=low, end_ms=high, bucket_ms=64 * DAY_MS)
    reference = stamp_ms(table.reference_date)
    assert engine_buckets(got) == reference_buckets(
        expected_events, "source", low, high, 64 * DAY_MS, reference
    )


def test_bucket_counts_reject_bad_grids(parquet: str) -> None:
    table = tl.scan_events(parquet)
    with pytest.raises(ValueError, match="bucket_ms must be a positive"):
        table.bucket_counts(start_ms=0, end_ms=10, bucket_ms=0)
    with pytest.raises(ValueError, match="at most"):
        table.bucket_counts(start_ms=0, end_ms=10**12, bucket_ms=1)


def test_window_is_the_overlap_in_start_order(events: pd.DataFrame, parquet: str) -> None:
    table = tl.scan_events(parquet)
    low, high = pd.Timestamp("2022-01-01"), pd.Timestamp("2022-03-01")
    got = table.window(low, high)
    keep = ((events["end"] > low) | (events["end"].isna() & events["open_end"])) & (
        events["start"].isna() | (events["start"] < high)
    )
    assert sorted(got["event_id"]) == sorted(events.loc[keep, "event_id"])
    starts = got["start"].dropna()
    assert starts.is_monotonic_increasing
    limited = table.window(low, high, limit=5)
    assert limited["event_id"].tolist() == got["event_id"].head(5).tolist()
    assert str(got["kind"].dtype) == "category" and got["actors"].dtype == events["actors"].dtype


def test_to_pandas_guards_its_size(parquet: str) -> None:
    with pytest.raises(ValueError, match="400 events, more than max_rows=10"):
        tl.scan_events(parquet).to_pandas(max_rows=10)


def test_relative_bounds_use_the_latest_report_date(events: pd.DataFrame, parquet: str) -> None:
    state = tl.FilterState(since="since September")
    table = tl.scan_events(parquet)
    assert table.reference_date == events["reported_on"].max()
    check_table(table, events, state)


def test_bad_filter_bounds_are_errors(parquet: str) -> None:
    with pytest.raises(ValueError, match="has no start"):
        tl.scan_events(parquet).filter(tl.FilterState(since="before 2000"))


def test_scan_of_a_connection_and_table(events: pd.DataFrame) -> None:
    import duckdb

    con = duckdb.connect()
    try:
        arrow = events_to_arrow(events)  # noqa: F841 - read by DuckDB's replacement scan
        con.execute("create table ev as select * from arrow")
        table = tl.scan_events((con, "ev"))
        check_table(table, events, tl.FilterState(actors=["Kim"], search="troops"))
        check_table(tl.scan_events(con.table("ev")), events, tl.FilterState(source=["NIS"]))
    finally:
        con.close()


def test_scan_errors_name_what_they_need(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="no Parquet file"):
        tl.scan_events(str(tmp_path / "missing.parquet"))
    with pytest.raises(TypeError, match="scan_events needs a Parquet path"):
        tl.scan_events(42)


def test_canonical_frame_from_python_lists() -> None:
    frame = pd.DataFrame({"title": ["a"], "actors": [["x", " y "]], "kind": ["span"]})
    canonical = to_canonical_frame(frame)
    assert canonical["actors"].tolist() == [["x", "y"]]
    assert str(canonical["kind"].dtype) == "category"
