"""Run a lazy query and bring its (small) answer back, with each engine's quirks handled.

Dask's default peer-to-peer shuffle fails on group-bys of exploded list columns with
Arrow dtypes (``P2P ... failed during unpack phase``); its task-based shuffle does not,
and answers here are aggregates, so queries on Dask run with ``shuffle.method = tasks``.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any


def collect(frame: Any) -> Any:
    """``frame.collect()`` (a narwhals LazyFrame) in the engine's safe settings.

    Examples
    --------
    >>> import narwhals as nw
    >>> import polars as pl
    >>> collect(nw.from_native(pl.LazyFrame({"x": [1]})))["x"].to_list()
    [1]
    """
    import narwhals as nw

    context: Any = nullcontext()
    if frame.implementation is nw.Implementation.DASK:
        import dask

        context = dask.config.set({"dataframe.shuffle.method": "tasks"})
    with context:
        return frame.collect()
