"""The load package: read a source, match its columns, import known layouts, collect failures.

``tl.load_events`` and ``tl.validate_events`` live here; the readers, the column matching,
the failures table, the cell-text helpers and the importers (``timeline.load.importers``)
are its modules.

Examples
--------
>>> import pandas as pd
>>> from timeline.load import load_events
>>> events = load_events(pd.DataFrame({"title": ["Visit"], "date": ["2024-06-19"]}))
>>> events.loc[0, "edtf"]
'2024-06-19'
"""

from __future__ import annotations

from timeline.load.loader import (
    LoadResult,
    OnError,
    build_events,
    load_events,
    start_extra_columns,
    validate_events,
)

__all__ = [
    "LoadResult",
    "OnError",
    "build_events",
    "load_events",
    "start_extra_columns",
    "validate_events",
]
