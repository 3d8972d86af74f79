"""EventTable on a Dask DataFrame, computed by a real dask.distributed cluster.

One ``LocalCluster`` with two worker processes serves the module and is closed in
``finally``; the checks are few, since every answer is a distributed computation.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from engine_cases import (
    check_kept_events,
    engine_buckets,
    random_events,
    random_state,
    reference_buckets,
)
from timeline.engines.canonical import events_to_arrow
from timeline.engines.epoch import stamp_ms

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        client = Client(cluster)
        try:
            client.wait_for_workers(2, timeout=120)
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return random_events(250, seed=21)


@pytest.fixture(scope="module")
def table(events: pd.DataFrame, client: object, tmp_path_factory: pytest.TempPathFactory):
    import dask.dataframe as dd
    import pyarrow.parquet as pq

    path = tmp_path_factory.mktemp("dask") / "events.parquet"
    pq.write_table(events_to_arrow(events), path, row_group_size=64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # narwhals: Dask moves to narwhals-dask
        frame = dd.read_parquet(str(path), dtype_backend="pyarrow", split_row_groups=True)
        assert frame.npartitions > 1
        yield tl.scan_events(frame)


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        yield


def test_dask_runs_on_two_worker_processes(client: object, table) -> None:
    assert table.engine == "dask"
    assert len(client.scheduler_info()["workers"]) == 2


def test_dask_filters_match_pandas(events: pd.DataFrame, table) -> None:
    rng = np.random.default_rng(5)
    check_kept_events(table, events, tl.FilterState(actors=["Kim", "Putin"], search="troops"))
    for _ in range(2):
        check_kept_events(table, events, random_state(rng))


def test_dask_bucket_counts_match(events: pd.DataFrame, table) -> None:
    low, high = stamp_ms(pd.Timestamp("2020-06-01")), stamp_ms(pd.Timestamp("2024-01-01"))
    bucket = 64 * 86_400_000
    got = table.bucket_counts("actors", start_ms=low, end_ms=high, bucket_ms=bucket)
    reference = stamp_ms(events["reported_on"].max())
    assert engine_buckets(got) == reference_buckets(events, "actors", low, high, bucket, reference)


def test_dask_window(events: pd.DataFrame, table) -> None:
    got = table.window("2021-01-01", "2021-03-01", limit=4)
    duck = tl.scan_events(events).window("2021-01-01", "2021-03-01", limit=4)
    assert got["event_id"].tolist() == duck["event_id"].tolist()
