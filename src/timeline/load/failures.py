"""Collect every problem in a batch of rows, then report them once as a failures table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from timeline.cells import cell_text
from timeline.errors import FAILURE_COLUMNS, Reason


def empty_failures() -> pd.DataFrame:
    """An empty failures table with the standard columns."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in FAILURE_COLUMNS})


class FailureCollector:
    """Accumulates failures for rows ``0..n-1`` of a frame, labelled for the analyst.

    Parameters
    ----------
    labels
        The label reported for each row position (file record number or index label).
    """

    def __init__(self, labels: Sequence[Any]) -> None:
        self.labels = np.asarray(labels)
        self.bad = np.zeros(len(self.labels), dtype=bool)
        self._parts: list[pd.DataFrame] = []
        self._extra: list[dict[str, Any]] = []

    def add(
        self,
        mask: np.ndarray | pd.Series,
        column: str,
        values: pd.Series | np.ndarray,
        reasons: str | pd.Series | np.ndarray,
        code: Reason,
    ) -> None:
        """Record a failure for every row where ``mask`` is true; ``code`` says what kind."""
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        positions = np.flatnonzero(mask)
        values = np.asarray(values, dtype=object)[positions]
        if not isinstance(reasons, str):
            reasons = np.asarray(reasons, dtype=object)[positions]
        self._parts.append(
            pd.DataFrame(
                {
                    "position": positions,
                    "row": self.labels[positions].astype(object),
                    "column": column,
                    "value": [_show(v) for v in values],
                    "reason": reasons,
                    "code": code.code,
                }
            )
        )
        self.bad[positions] = True

    def add_records(self, records: list[dict[str, Any]]) -> None:
        """Add failures for records that never became rows (e.g. malformed CSV lines).

        Each record has the keys of :data:`~timeline.errors.FAILURE_COLUMNS`.
        """
        for record in records:
            if not record.get("code"):
                msg = f"a failure record needs a code (a Reason's .code); got {record!r}"
                raise ValueError(msg)
        self._extra.extend(records)

    @property
    def count_rejected(self) -> int:
        """Rows rejected: bad rows plus records that never became rows."""
        return int(self.bad.sum()) + len({r["row"] for r in self._extra})

    def table(self) -> pd.DataFrame:
        """The failures table, ordered by row and then by the order the checks ran."""
        parts = list(self._parts)
        if self._extra:
            extra = pd.DataFrame(self._extra)
            extra["position"] = -1.0
            parts.append(extra)
        if not parts:
            return empty_failures()
        table = pd.concat(parts, ignore_index=True)
        table["_order"] = table.index
        sort_key = table["row"] if self._extra else table["position"]
        table["_key"] = pd.to_numeric(sort_key, errors="coerce")
        if table["_key"].isna().any():
            table["_key"] = table["position"]
        table = table.sort_values(["_key", "_order"], kind="stable")
        return table[list(FAILURE_COLUMNS)].reset_index(drop=True).astype(object)


def _show(value: object) -> str:
    return cell_text(value) or ""
