"""Columns of the date frame: dtypes, and building them from per-distinct results."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.dates.expression import Parsed
from timeline.schema import DATE_COLUMNS, KINDS, PRECISIONS

PRECISION_DTYPE = pd.CategoricalDtype(list(PRECISIONS), ordered=True)
KIND_DTYPE = pd.CategoricalDtype(list(KINDS))
NAT = np.iinfo(np.int64).min
COLUMNS = (*DATE_COLUMNS, "date_error")
"""Columns of a normalize_dates frame, in order."""
_ARRAY_COLUMNS = DATE_COLUMNS[:-1]  # every date column but the EDTF text
_PRECISION_CODE: dict[str | None, int] = {name: code for code, name in enumerate(PRECISIONS)}
_PRECISION_CODE[None] = -1
_KIND_CODE: dict[str | None, int] = {name: code for code, name in enumerate(KINDS)}
_KIND_CODE[None] = -1
_REJECTED = Parsed(None, None, None, None, None, False, False, False, "")  # type: ignore[arg-type]


@dataclass
class Table:
    """Results for a list of distinct inputs, as arrays (one entry per distinct input)."""

    start: np.ndarray
    end: np.ndarray
    start_precision: np.ndarray
    end_precision: np.ndarray
    kind: np.ndarray
    open_end: np.ndarray
    approximate: np.ndarray
    uncertain: np.ndarray
    edtf: list[str]
    error: list[str]

    @classmethod
    def from_results(cls, results: list[Parsed | tuple | str]) -> Table:
        """One entry per result: a :class:`Parsed` (or its plain tuple), or the reason."""
        rows = [_REJECTED if isinstance(r, str) else r for r in results]
        start, end, start_precision, end_precision, kind, open_end, approximate, uncertain, edtf = (
            zip(*rows, strict=True) if rows else ((),) * 9
        )
        return cls(
            start=np.array([NAT if v is None else v for v in start], dtype=np.int64),
            end=np.array([NAT if v is None else v for v in end], dtype=np.int64),
            start_precision=np.array([_PRECISION_CODE[v] for v in start_precision], np.int8),
            end_precision=np.array([_PRECISION_CODE[v] for v in end_precision], np.int8),
            kind=np.array([_KIND_CODE[v] for v in kind], dtype=np.int8),
            open_end=np.array(open_end, dtype=bool),
            approximate=np.array(approximate, dtype=bool),
            uncertain=np.array(uncertain, dtype=bool),
            edtf=list(edtf),
            error=[r if isinstance(r, str) else "" for r in results],
        )


@dataclass
class Rows:
    """Per-row column arrays, filled in place from tables and the ISO path."""

    start: np.ndarray
    end: np.ndarray
    start_precision: np.ndarray
    end_precision: np.ndarray
    kind: np.ndarray
    open_end: np.ndarray
    approximate: np.ndarray
    uncertain: np.ndarray

    @classmethod
    def empty(cls, size: int) -> Rows:
        return cls(
            start=np.full(size, NAT, dtype=np.int64),
            end=np.full(size, NAT, dtype=np.int64),
            start_precision=np.full(size, -1, dtype=np.int8),
            end_precision=np.full(size, -1, dtype=np.int8),
            kind=np.full(size, -1, dtype=np.int8),
            open_end=np.zeros(size, dtype=bool),
            approximate=np.zeros(size, dtype=bool),
            uncertain=np.zeros(size, dtype=bool),
        )

    def fill(self, rows: np.ndarray, table: Table, index: np.ndarray) -> None:
        """Set ``rows`` to the table entries at ``index``."""
        for name in _ARRAY_COLUMNS:
            getattr(self, name)[rows] = getattr(table, name)[index]

    def frame(self, edtf: object, error: object, index: pd.Index) -> pd.DataFrame:
        """The normalize_dates frame from these arrays and the two text columns."""
        data = {
            "start": self.start.view("datetime64[us]"),
            "end": self.end.view("datetime64[us]"),
            "start_precision": pd.Categorical.from_codes(
                self.start_precision, dtype=PRECISION_DTYPE
            ),
            "end_precision": pd.Categorical.from_codes(self.end_precision, dtype=PRECISION_DTYPE),
            "kind": pd.Categorical.from_codes(self.kind, dtype=KIND_DTYPE),
            "open_end": self.open_end,
            "approximate": self.approximate,
            "uncertain": self.uncertain,
            "edtf": edtf,
            "date_error": error,
        }
        return pd.DataFrame(data, index=index, copy=False)


def empty_frame(index: pd.Index) -> pd.DataFrame:
    """A frame with the date columns and no rows beyond ``index`` (used for size 0)."""
    rows = Rows.empty(len(index))
    text = pd.array([""] * len(index), dtype="str")
    return rows.frame(text, text, index)
