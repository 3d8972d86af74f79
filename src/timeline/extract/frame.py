"""Turn draft rows into the canonical event frame through the loader's build step.

The rows go through :func:`timeline.load_events` like any table, so their dates are
validated and typed the same way and ``tl.plot``, ``tl.explore`` and ``tl.export`` take
the result as it is. The extraction's own columns (``date_basis``, ``quantity_text`` and
the character offsets) are kept after the canonical ones.

Examples
--------
>>> list(events_from_rows([], "2025-11-01").columns[:3])
['event_id', 'title', 'date_text']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

EXTRACT_COLUMNS: tuple[str, ...] = (
    "date_basis",
    "quantity_text",
    "char_start",
    "char_end",
    "sentence_start",
    "sentence_end",
)
"""Columns the extraction adds after the canonical ones."""

_FIELDS = {
    "title": "title",
    "date": "date_text",
    "end": "end_text",
    "reported_on": "reported_on",
    "actors": "actors",
    "location": "location",
    "source": "source",
    "source_url": "source_url",
    "claimant": "claimant",
    "quote": "quote",
    "quantity": "quantity",
}
_OFFSETS = ("char_start", "char_end", "sentence_start", "sentence_end")


def events_from_rows(
    rows: list[dict[str, Any]],
    reported_on: object,
    source: str | None = None,
    source_url: str | None = None,
) -> pd.DataFrame:
    """The canonical event frame of draft rows (see :mod:`timeline.extract.draft`).

    Examples
    --------
    >>> row = {"title": "Summit", "date": "June 2024", "quote": "A summit in June 2024."}
    >>> events_from_rows([row], "2025-11-01")[["date_text", "start"]].values.tolist()
    [['June 2024', Timestamp('2024-06-01 00:00:00')]]
    """
    from timeline.load import load_events

    columns = [*_FIELDS, *EXTRACT_COLUMNS]
    table = pd.DataFrame({name: [row.get(name) for row in rows] for name in columns}, dtype=object)
    table["source"] = source
    table["source_url"] = source_url
    table["reported_on"] = None
    events = load_events(
        table,
        reference_date=reported_on,
        columns={name: field for name, field in _FIELDS.items()},
    )
    for column in ("date_text", "end_text"):  # what the row shows, where it differs
        shown = [row.get(column) for row in rows]
        if any(value is not None for value in shown):
            written = events[column].astype(object).to_numpy().copy()
            for i, value in enumerate(shown):
                if value is not None:
                    written[i] = value
            events[column] = pd.Series(written, index=events.index, dtype="str")
    for name in _OFFSETS:
        events[name] = pd.array([row.get(name) for row in rows], dtype="Int64")
    events["date_basis"] = pd.Series([row.get("date_basis") for row in rows], dtype="str")
    events["quantity_text"] = pd.Series([row.get("quantity_text") for row in rows], dtype="str")
    events.attrs["extracted_from"] = source or "text"
    return events
