"""Turn draft rows into the canonical event frame, by the loader's own steps.

The dates are read by :func:`timeline.parse_date` against the report date (a start and an
end joined into a span as :func:`timeline.dates.combine_bounds` joins them), and the
frame is assembled by :func:`timeline.schema.finalize_events`, as
:func:`timeline.load_events` does; so
``tl.plot``, ``tl.explore`` and ``tl.export`` take the result as it is, and its CSV
export loads back with the same bounds. The extraction's own columns (``date_basis``,
``quantity_text`` and the character offsets) come after the canonical ones.

Examples
--------
>>> list(events_from_rows([], "2025-11-01").columns[:3])
['event_id', 'title', 'date_text']
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
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

_TEXT = ("title", "location", "source", "source_url", "quote", "claimant")
_OFFSETS = ("char_start", "char_end", "sentence_start", "sentence_end")


def _event_id(row: dict[str, Any], source: str | None) -> str:
    """A stable 16-hex-digit id: the same claim of the same text gets the same id."""
    key = "\x1f".join(
        str(row.get(name))
        for name in ("quote", "date", "end", "sentence_start", "char_start", "date_basis")
    )
    return hashlib.blake2b(f"{source}\x1e{key}".encode(), digest_size=8).hexdigest()


def _bounds(row: dict[str, Any], report: pd.Timestamp, number: int, language: str | None) -> tuple:
    """The date columns of one row: its date, or the span from its date to its end, as
    :func:`timeline.dates.combine_bounds` joins them."""
    from timeline.errors import DateParseError
    from timeline.extract.mentions import read_date

    try:
        first = read_date(row["date"], report, language)
        last = read_date(row["end"], report, language) if row.get("end") else None
    except DateParseError as exc:  # every drafted date was read before: a bug
        msg = f"drafted row {number}: {exc}"
        raise ValueError(msg) from exc
    if last is None:
        return (
            first.start, first.end, first.start_precision, first.end_precision, first.kind,
            first.open_end, first.approximate, first.uncertain, first.edtf,
        )  # fmt: skip
    edtf = f"{first.edtf.split('/')[0]}/{last.edtf.split('/')[-1]}"
    return (
        first.start, last.end, first.start_precision, last.end_precision, "span",
        last.open_end, first.approximate or last.approximate,
        first.uncertain or last.uncertain, edtf,
    )  # fmt: skip


def events_from_rows(
    rows: list[dict[str, Any]],
    reported_on: object,
    source: str | None = None,
    source_url: str | None = None,
    language: str | None = None,
) -> pd.DataFrame:
    """The canonical event frame of draft rows (see :mod:`timeline.extract.draft`).

    Raises
    ------
    ValueError
        When a drafted date does not read (a bug: every drafted date was read before).

    Examples
    --------
    >>> row = {"title": "Summit", "date": "June 2024", "quote": "A summit in June 2024."}
    >>> events_from_rows([row], "2025-11-01")[["date_text", "start"]].values.tolist()
    [['June 2024', Timestamp('2024-06-01 00:00:00')]]
    """
    from timeline.dates.parse import reference_day
    from timeline.load.text_cells import split_list
    from timeline.schema import finalize_events, kind_dtype, precision_dtype

    n = len(rows)
    index = pd.RangeIndex(n)
    day = reference_day(reported_on)
    report = pd.Timestamp(day, unit="D") if day is not None else pd.NaT
    date_text = pd.Series([row.get("date") for row in rows], index=index, dtype="str")
    end_text = pd.Series([row.get("end") for row in rows], index=index, dtype="str")
    dates_language = None if language in (None, "en") else language
    bounds = [_bounds(row, report, number, dates_language) for number, row in enumerate(rows)]
    columns = list(zip(*bounds, strict=True)) if bounds else [()] * 9
    fields: dict[str, Any] = {
        "start": pd.Series(columns[0], index=index, dtype="datetime64[us]"),
        "end": pd.Series(columns[1], index=index, dtype="datetime64[us]"),
        "start_precision": pd.Categorical(columns[2], dtype=precision_dtype()),
        "end_precision": pd.Categorical(columns[3], dtype=precision_dtype()),
        "kind": pd.Categorical(columns[4], dtype=kind_dtype()),
        "open_end": np.array(columns[5], dtype=bool),
        "approximate": np.array(columns[6], dtype=bool),
        "uncertain": np.array(columns[7], dtype=bool),
        "edtf": pd.Series(columns[8], index=index, dtype="str"),
    }
    fields["date_text"] = date_text.fillna("")
    fields["end_text"] = end_text
    fields["reported_on"] = pd.Series(report, index=index, dtype="datetime64[us]")
    fields["event_id"] = pd.Series([_event_id(r, source) for r in rows], index=index, dtype="str")
    for name in _TEXT:
        fields[name] = pd.Series([row.get(name) for row in rows], index=index, dtype="str")
    fields["source"] = pd.Series(source, index=index, dtype="str")
    fields["source_url"] = pd.Series(source_url, index=index, dtype="str")
    actors = pd.Series([list(row.get("actors") or []) for row in rows], index=index, dtype=object)
    fields["actors"] = split_list(actors)
    fields["quantity"] = pd.Series(
        [row.get("quantity") for row in rows], index=index, dtype="float64"
    )
    extras: dict[str, Any] = {
        "date_basis": pd.Series([row.get("date_basis") for row in rows], index=index, dtype="str"),
        "quantity_text": pd.Series(
            [row.get("quantity_text") for row in rows], index=index, dtype="str"
        ),
    }
    for name in _OFFSETS:
        extras[name] = pd.array([row.get(name) for row in rows], dtype="Int64")
    events = finalize_events(fields, extras, index)
    events.attrs["extracted_from"] = source or "text"
    return events
