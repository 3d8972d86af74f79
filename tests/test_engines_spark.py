"""EventTable on a PySpark DataFrame in a local SparkSession (Java 17).

One session serves the module and is stopped in ``finally``; the checks are few, since
every answer is a Spark job. Without Java the tests skip (fail when ``CI=true``).
"""

from __future__ import annotations

import os
import shutil
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
JAVA_INSTALL = "sudo apt-get install -y openjdk-17-jre-headless"


def _java() -> None:
    if shutil.which("java") or os.environ.get("JAVA_HOME"):
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Java is required in CI for the Spark tests; install it with: {JAVA_INSTALL}")
    pytest.skip(f"needs Java for Spark; install it with: {JAVA_INSTALL}")


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    _java()
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("timeline-tests")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        session.sparkContext.setLogLevel("ERROR")
        yield session
    finally:
        session.stop()


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return random_events(200, seed=31)


@pytest.fixture(scope="module")
def table(events: pd.DataFrame, spark, tmp_path_factory: pytest.TempPathFactory):
    import pyarrow.parquet as pq

    path = tmp_path_factory.mktemp("spark") / "events.parquet"
    pq.write_table(events_to_arrow(events), path, row_group_size=64)
    return tl.scan_events(spark.read.parquet(str(path)))


def test_spark_filters_match_pandas(events: pd.DataFrame, table) -> None:
    assert table.engine == "pyspark"
    rng = np.random.default_rng(9)
    check_kept_events(table, events, tl.FilterState(category=["combat"], search="kursk"))
    check_kept_events(table, events, random_state(rng))
    state = tl.FilterState(since="2021", until="June 2023", hide_uncertain=True)
    assert table.filter(state).extent() == tl.scan_events(events).filter(state).extent()


def test_spark_bucket_counts_and_window_match(events: pd.DataFrame, table) -> None:
    low, high = stamp_ms(pd.Timestamp("2020-06-01")), stamp_ms(pd.Timestamp("2024-01-01"))
    bucket = 128 * 86_400_000
    got = table.bucket_counts("category", start_ms=low, end_ms=high, bucket_ms=bucket)
    reference = stamp_ms(events["reported_on"].max())
    assert engine_buckets(got) == reference_buckets(
        events, "category", low, high, bucket, reference
    )
    window = table.window("2021-01-01", "2021-03-01", limit=4)
    duck = tl.scan_events(events).window("2021-01-01", "2021-03-01", limit=4)
    assert window["event_id"].tolist() == duck["event_id"].tolist()
