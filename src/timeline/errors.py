"""Errors and warnings raised by timeline, and the failures table they carry.

The failures table has one row per problem with the columns ``row`` (the 1-based
line of the data row in the source, header excluded, or the frame's index label),
``column``, ``value``, ``reason`` (readable text) and ``code`` (a stable machine-readable
code from :class:`Reason`, e.g. ``"bad_date"``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

FAILURE_COLUMNS = ("row", "column", "value", "reason", "code")


class Reason(StrEnum):
    """Why a row was rejected: the failures table's ``code`` (:attr:`code`) next to the text.

    The value is a short readable text; the ``reason`` column says more (which value, which
    row it repeats ...). Codes are stable: match on them, not on the text.

    Examples
    --------
    >>> Reason.BAD_DATE.code
    'bad_date'
    """

    MISSING_COLUMN = "missing required column"
    MISSING_TITLE = "title is empty"
    BAD_DATE = "date not understood"
    END_BEFORE_START = "end is before start"
    BAD_REPORT_DATE = "report date is not one day"
    BAD_LATITUDE = "latitude is not a number between -90 and 90"
    BAD_LONGITUDE = "longitude is not a number between -180 and 180"
    BAD_NUMBER = "value is not a number"
    BAD_GRADE = "grade out of range"
    DUPLICATE_ID = "event_id is not unique"
    DUPLICATE_ROW = "row repeats an earlier row exactly"
    MALFORMED_RECORD = "record has the wrong number of fields"
    UNTERMINATED_QUOTE = "a quote opens and never closes"
    EMPTY_ROW = "row is empty"
    BAD_VALUE = "value not allowed"

    @property
    def code(self) -> str:
        """The stable machine-readable code: the member's name in lower case."""
        return self.name.lower()


SHOWN_CHARACTERS = 200
"""At most this many characters of a value are shown in a message or a failures table."""


def show_value(value: object, limit: int = SHOWN_CHARACTERS) -> str:
    """A value as message text: cut to ``limit`` characters, never an error of its own.

    Examples
    --------
    >>> show_value("x" * 300)[-14:]
    'xx... (300 ch)'
    >>> show_value(10**5000)
    'an integer of 5001 digits'
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 600:
        digits = len(str(value)) if value.bit_length() < 14_000 else None
        if digits is None:
            digits = int(value.bit_length() * 0.30103) + 1
        return f"an integer of {digits} digits"
    try:
        text = str(value)
    except Exception:  # a value whose str() fails
        text = f"<{type(value).__name__} that cannot be shown>"
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(text)} ch)"
    return text


def _shown_repr(value: object, limit: int = 2000) -> str:
    shown = show_value(value, limit)
    return repr(shown) if isinstance(value, str) else shown


class DateParseError(ValueError):
    """A date expression could not be turned into bounds.

    The message names the text and the reason; ``.text`` and ``.reason`` hold them.
    """

    def __init__(self, text: object, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot parse date {_shown_repr(text)}: {reason}")


def format_failures(failures: pd.DataFrame, limit: int = 10, *, codes: bool = False) -> str:
    """The first ``limit`` rows of a failures table as left-aligned text columns.

    The ``code`` column is left out unless ``codes`` (a message is read by a person).
    """
    shown = failures.head(limit)
    if not codes:
        shown = shown.drop(columns=["code"], errors="ignore")
    shown = shown.astype(str)
    header = {name: name for name in shown.columns}
    widths = {name: max([len(name), *(len(v) for v in shown[name])]) for name in shown.columns}
    last = shown.columns[-1]

    def line(values: dict[str, str]) -> str:
        cells = [
            values[name] if name == last else values[name].ljust(widths[name])
            for name in shown.columns
        ]
        return "  ".join(cells).rstrip()

    lines = [line(header), *(line(row) for row in shown.to_dict("records"))]
    more = len(failures) - limit
    if more > 0:
        lines.append(f"... and {more} more (see .failures)")
    return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class EventDataError(ValueError):
    """Events could not be loaded; ``.failures`` is the failures table.

    Parameters
    ----------
    failures
        The failures table (columns ``row``, ``column``, ``value``, ``reason``, ``code``).
    message
        The whole message; by default one is built from ``failures``.
    source
        A name for the source (e.g. the file name) to put in the message.
    total
        How many rows the source has, to say how many were valid.
    file_rows
        Whether ``row`` counts the records of a file (else it is a frame's index label).
    """

    def __init__(
        self,
        failures: pd.DataFrame,
        message: str | None = None,
        *,
        source: str | None = None,
        total: int | None = None,
        file_rows: bool = True,
    ) -> None:
        self.failures = failures
        if message is None:
            rows = failures["row"].nunique() if len(failures) else 0
            where = f"{source}: " if source else ""
            of_total = f" of {total}" if total is not None else ""
            valid = total - rows if total is not None else None
            skip = (
                f"pass on_error='skip' to load the {_plural(valid, 'valid row')}"
                if valid is not None
                else "pass on_error='skip' to load the valid rows"
            )
            message = (
                f"{where}{_plural(len(failures), 'problem')} in {rows}{of_total} "
                f"{'row' if rows == 1 and not of_total else 'rows'}; nothing was loaded. "
                f"Fix the data, or {skip}. "
                + (
                    "Rows are counted from 1 after the header.\n"
                    if file_rows
                    else "Rows are the frame's index labels.\n"
                )
                + f"{format_failures(failures)}"
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
            f"see the warning's .failures or tl.validate_events().\n{format_failures(failures)}"
        )
