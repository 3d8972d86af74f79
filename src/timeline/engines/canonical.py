"""Canonical events as Arrow (for Parquet and engines) and back to the canonical frame.

Parquet keeps most canonical dtypes by itself; what an engine hands back loses some of
them (categories come back as text, lists as Arrow or Python lists, bools may be
nullable), so :func:`to_canonical_frame` restores the dtypes :func:`timeline.load_events`
gives: the frames of a scan equal the frames of a load.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from timeline.engines.epoch import END_MS, EPOCH_COLUMNS, START_MS, epoch_ms
from timeline.schema import DATETIME_DTYPE, kind_dtype, precision_dtype

LIST_COLUMNS: tuple[str, ...] = ("actors",)
"""Canonical columns that hold lists of text."""
_BOOL_COLUMNS = ("open_end", "approximate", "uncertain")
_TEXT_COLUMNS = (
    "event_id",
    "title",
    "date_text",
    "edtf",
    "description",
    "location",
    "source",
    "source_url",
    "quote",
    "tags",
    "claimant",
    "end_text",
)


def events_to_arrow(events: pd.DataFrame) -> Any:
    """A canonical event frame as an Arrow table, with ``start_ms`` and ``end_ms`` added.

    Categories are stored as plain text (one schema for every part of a conversion,
    whatever categories a batch happened to have).

    Examples
    --------
    >>> frame = pd.DataFrame({"title": ["a"], "start": pd.to_datetime(["2024-01-01"]),
    ...                       "end": pd.to_datetime(["2024-01-02"])})
    >>> events_to_arrow(frame).column_names
    ['title', 'start', 'end', 'start_ms', 'end_ms']
    """
    import pyarrow as pa

    frame = events.copy(deep=False)
    for name in frame.columns:
        if isinstance(frame[name].dtype, pd.CategoricalDtype):
            frame[name] = frame[name].astype("str")
    frame[START_MS] = epoch_ms(frame["start"])
    frame[END_MS] = epoch_ms(frame["end"], round_up=True)
    frame.attrs = {}
    # no pandas metadata: every engine reads the plain Arrow types
    return pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)


def to_canonical_frame(table: Any, *, index_start: int = 0) -> pd.DataFrame:
    """An Arrow table, pandas or narwhals frame from an engine as the canonical frame.

    The epoch columns are dropped; dates become ``datetime64[us]``, precisions and kinds
    categories, toggles bools, text columns ``str``, ``actors`` the loader's list column.

    Examples
    --------
    >>> import pyarrow as pa
    >>> table = pa.table({"title": ["a"], "kind": ["span"], "start_ms": [0]})
    >>> frame = to_canonical_frame(table)
    >>> list(frame.columns), str(frame["kind"].dtype)
    (['title', 'kind'], 'category')
    """
    import pyarrow as pa

    from timeline.lists import as_list_column

    if isinstance(table, pa.Table):
        frame = table.to_pandas(types_mapper=_types_mapper, ignore_metadata=True)
    elif isinstance(table, pd.DataFrame):
        frame = table.copy(deep=False)
    else:
        import narwhals as nw

        frame = nw.from_native(table, eager_only=True).to_pandas()
    frame = frame.drop(columns=[c for c in EPOCH_COLUMNS if c in frame.columns])
    frame.index = pd.RangeIndex(index_start, index_start + len(frame))
    for name in ("start", "end", "reported_on"):
        if name in frame:
            frame[name] = _datetimes(frame[name])
    for name in ("start_precision", "end_precision"):
        if name in frame:
            frame[name] = frame[name].astype(object).astype(precision_dtype())
    if "kind" in frame:
        frame["kind"] = frame["kind"].astype(object).astype(kind_dtype())
    for name in _BOOL_COLUMNS:
        if name in frame:
            frame[name] = frame[name].astype(object).fillna(False).astype(bool)
    for name in _TEXT_COLUMNS:
        if name in frame and not isinstance(frame[name].dtype, pd.StringDtype):
            frame[name] = frame[name].astype(object).astype("str")
    if "category" in frame:
        frame["category"] = frame["category"].astype(object).astype("category")
    if "reliability" in frame:
        frame["reliability"] = (
            frame["reliability"].astype(object).astype(pd.CategoricalDtype(list("ABCDEF")))
        )
    for name in LIST_COLUMNS:
        if name in frame:
            frame[name] = as_list_column(frame[name])
    return frame


def _types_mapper(arrow_type: Any) -> Any:
    import pyarrow as pa

    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype(na_value=float("nan"))
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


def _datetimes(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    return pd.to_datetime(values).astype(DATETIME_DTYPE)
