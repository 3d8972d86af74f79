"""The result of parsing one date expression."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd


def to_timestamp(us: int | None) -> pd.Timestamp:
    """A bound (microseconds since 1970-01-01, None when open) as a Timestamp or NaT."""
    if us is None:
        return pd.NaT  # type: ignore[return-value]
    return pd.Timestamp(np.datetime64(us, "us"))


@dataclass(frozen=True)
class FuzzyDate:
    """A reported date as bounds, precision and flags.

    Attributes
    ----------
    text : str
        The text as given.
    start : pandas.Timestamp
        Earliest instant (inclusive, UTC, tz-naive); NaT only for an open start
        ("before 1750", "../1985").
    end : pandas.Timestamp
        Latest instant, exclusive; NaT when the end is open or unknown.
    start_precision, end_precision : str or None
        Unit of each bound, one of ``timeline.schema.PRECISIONS``; None for a missing side.
    kind : str
        "instant" (one fuzzy moment, its window is ``[start, end)``) or "span" (an interval:
        its start lies within the first ``start_precision`` unit, its end within the last
        ``end_precision`` unit).
    open_end : bool
        The end is not known: ongoing ("since September", ``2024-09/..``) or unknown
        (``2024-09/``); the EDTF text keeps that distinction.
    approximate, uncertain : bool
        Qualified with circa/about/``~`` and with ``?``/reportedly/possibly.
    edtf : str
        The normalized date as EDTF text; ``parse_date(edtf)`` gives the same bounds.

    Examples
    --------
    >>> from timeline.dates import parse_date
    >>> fd = parse_date("June 2024")
    >>> fd.start, fd.end, fd.start_precision, fd.edtf
    (Timestamp('2024-06-01 00:00:00'), Timestamp('2024-07-01 00:00:00'), 'month', '2024-06')
    """

    text: str
    start: pd.Timestamp
    end: pd.Timestamp
    start_precision: str | None
    end_precision: str | None
    kind: str
    open_end: bool
    approximate: bool
    uncertain: bool
    edtf: str

    def to_dict(self) -> dict[str, Any]:
        """The fields as a plain dict (one row of ``normalize_dates`` without ``date_error``).

        Examples
        --------
        >>> from timeline.dates import parse_date
        >>> parse_date("2024-06-19").to_dict()["edtf"]
        '2024-06-19'
        """
        return asdict(self)
