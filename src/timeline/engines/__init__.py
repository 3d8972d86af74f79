"""Events beyond memory: canonical Parquet and lazy event tables on DuckDB, Dask, Spark.

One module per concept: ``epoch`` (the integer bounds every engine can compare and bin),
``canonical`` (canonical events as Arrow, and engine answers back as the canonical frame),
``sources`` (what can be scanned), ``conditions`` (a FilterState as an engine expression),
``buckets`` (per-lane time-bucket counts), ``table`` (:class:`EventTable`), ``scan``
(:func:`scan_events`) and ``convert`` (:func:`convert`, streaming any source into
canonical Parquet).

Importing this package imports no engine: DuckDB, Dask and Spark are imported when a
table needs them.
"""

from __future__ import annotations

import importlib
from typing import Any

_NAMES = {
    "EventTable": "timeline.engines.table",
    "scan_events": "timeline.engines.scan",
    "convert": "timeline.engines.convert",
}

__all__ = ["EventTable", "convert", "scan_events"]


def __getattr__(name: str) -> Any:
    module = _NAMES.get(name)
    if module is None:
        msg = f"module 'timeline.engines' has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(importlib.import_module(module), name)
