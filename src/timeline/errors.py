"""Errors and warnings raised by timeline, and the failures table they carry.

The failures table has one row per problem with the columns ``row`` (the 1-based
line of the data row in the source, header excluded, or the frame's index label),
``column``, ``value`` and ``reason``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

FAILURE_COLUMNS = ("row", "column", "value", "reason")


class Reason(StrEnum):
    """Reason codes for rejected rows; the failures table carries a readable text."""

    MISSING_COLUMN = "missing required column"
    MISSING_TITLE = "title is empty"
    BAD_DATE = "date not understood"
    END_BEFORE_START = "end is before start"
    BAD_LATITUDE = "latitude is not a number between -90 and 90"
    BAD_LONGITUDE = "longitude is not a number between -180 and 180"
    DUPLICATE_ID = "event_id is not unique"
    BAD_VALUE = "value not allowed"


class DateParseError(ValueError):
    """A date expression could not be turned into bounds.

    The message names the text and the reason; ``.text`` and ``.reason`` hold them.
    """

    def __init__(self, text: object, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot parse date {text!r}: {reason}")


def _format_failures(failures: pd.DataFrame, limit: int = 10) -> str:
    shown = failures.head(limit).astype(str).to_string(index=False)
    more = len(failures) - limit
    tail = f"\n... and {more} more (see .failures)" if more > 0 else ""
    return f"{shown}{tail}"


class EventDataError(ValueError):
    """Events could not be loaded; ``.failures`` is the failures table."""

    def __init__(self, failures: pd.DataFrame, message: str | None = None) -> None:
        self.failures = failures
        if message is None:
            rows = failures["row"].nunique() if len(failures) else 0
            message = (
                f"{len(failures)} problem(s) in {rows} row(s); nothing was loaded. "
                f"Fix the data, or pass on_error='skip' to load the valid rows.\n"
                f"{_format_failures(failures)}"
            )
        super().__init__(message)


class RejectedRowsWarning(UserWarning):
    """Some rows were rejected by ``on_error="skip"``; ``.failures`` says which and why."""

    def __init__(self, failures: pd.DataFrame, rejected: int, total: int) -> None:
        self.failures = failures
        self.rejected = rejected
        self.total = total
        super().__init__(
            f"{rejected} of {total} row(s) rejected and not loaded; "
            f"see the warning's .failures or tl.validate_events().\n{_format_failures(failures)}"
        )
