"""The load package: read a source, match its columns, import known layouts, collect failures.

``tl.load_events`` and ``tl.validate_events`` live here; the readers, the column matching,
the failures table, the cell-text helpers, the build step (:mod:`timeline.load.build`,
where every source ends) and the importers (:mod:`timeline.load.importers`, which build
their own raw table and hand it to the build step) are its modules.

Examples
--------
>>> import pandas as pd
>>> from timeline.load import load_events
>>> events = load_events(pd.DataFrame({"title": ["Visit"], "date": ["2024-06-19"]}))
>>> events.loc[0, "edtf"]
'2024-06-19'
"""

from __future__ import annotations

from timeline.load.build import LoadResult, build_events, start_extra_columns
from timeline.load.loader import OnError, load_events, validate_events

__all__ = [
    "LoadResult",
    "OnError",
    "build_events",
    "load_events",
    "start_extra_columns",
    "validate_events",
]
