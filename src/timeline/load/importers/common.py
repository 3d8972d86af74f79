"""What every importer shares: text columns, row checks, day parsing, the final build.

An importer reads its source into a :class:`~timeline.load.readers.RawTable`, adds derived
columns the date engine and the loader understand (named ``__title``, ``__date`` ...),
rejects the rows its own format rules refuse (:class:`RowChecks`), and hands the table and a
mapping to :func:`timeline.load.build.build_events`, so validation is the loader's.
Every source column stays in the table and so in the events, under its own name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from timeline.cells import cell_text
from timeline.errors import EventDataError, Reason
from timeline.load.build import LoadResult, build_events, start_extra_columns
from timeline.load.columns import DERIVED_PREFIX, column_key
from timeline.load.readers import RawTable
from timeline.load.speed import edges, large_text, null_where
from timeline.load.text_cells import to_text

_MIDNIGHT = re.compile(r"[ T]00:00(:00(\.0+)?)?$")


def derived(field: str) -> str:
    """Name of the derived column that feeds a canonical field, e.g. ``__title``."""
    return f"{DERIVED_PREFIX}{field}"


def find_columns(frame: pd.DataFrame, wanted: Sequence[str]) -> dict[str, str]:
    """The source's names for the ``wanted`` columns, ignoring case and punctuation.

    Examples
    --------
    >>> find_columns(pd.DataFrame(columns=["End Year", "Headline"]), ["end_year", "group"])
    {'end_year': 'End Year'}
    """
    by_key: dict[str, str] = {}
    for name in frame.columns:
        by_key.setdefault(column_key(name), str(name))
    found = {want: by_key.get(column_key(want)) for want in wanted}
    return {want: name for want, name in found.items() if name is not None}


def require_columns(
    columns: Mapping[str, str], required: Sequence[str], fmt: str, frame: pd.DataFrame
) -> None:
    """Raise :class:`EventDataError` naming every required column the source lacks."""
    missing = [name for name in required if name not in columns]
    if not missing:
        return
    found = ", ".join(map(repr, map(str, frame.columns))) or "none"
    failures = pd.DataFrame(
        [
            {
                "row": "",
                "column": name,
                "value": "",
                "reason": f"{Reason.MISSING_COLUMN.value} {name!r} (format={fmt!r}); "
                f"columns found: {found}",
                "code": Reason.MISSING_COLUMN.code,
            }
            for name in missing
        ],
        dtype=object,
    )
    msg = (
        f"cannot load the source as format={fmt!r}: missing column(s) "
        f"{', '.join(map(repr, missing))}; columns found: {found}"
    )
    raise EventDataError(failures, msg)


def column_text(frame: pd.DataFrame, name: str | None) -> pd.Series:
    """A column as stripped text (missing or blank cells NA); all NA when ``name`` is None."""
    if name is not None:
        return to_text(frame[name]).set_axis(frame.index)
    return pd.Series(pd.NA, index=frame.index, dtype="str")


def tight_separators(text: pd.Series, separator: str) -> pd.Series:
    """Text with the usual space after ``separator`` removed (``"A; B"`` as ``"A;B"``).

    Examples
    --------
    >>> tight_separators(pd.Series(["A; B", None, "C"], dtype="str"), ";").tolist()
    ['A;B', nan, 'C']
    """
    import pyarrow.compute as pc

    array = large_text(text.array)
    tightened = pc.replace_substring(array, separator + " ", separator)
    return pd.Series(pd.array(tightened, dtype="str"), index=text.index)


def whole_number_text(text: pd.Series) -> pd.Series:
    """Codes such as ``2.0`` (a spreadsheet's float) as ``2``; other text unchanged.

    Examples
    --------
    >>> whole_number_text(pd.Series(["1", "2.0", None, "x.0"], dtype="str")).tolist()
    ['1', '2', nan, 'x.0']
    """
    floats = text.str.endswith(".0").fillna(False).to_numpy(dtype=bool)
    if not floats.any():
        return text
    return text.str.replace(r"^(-?\d+)\.0$", r"\1", regex=True)


class SourceText:
    """The source's columns as clean text (:func:`column_text`), each computed once.

    Call it with a wanted name (a key of ``cols``); a column the source lacks is all NA.
    A column the loader already types as kept-as-is (``raw.extras``, started by
    :func:`~timeline.load.build.start_extra_columns`) is taken from there when it stayed text:
    that is the same clean text.
    """

    def __init__(
        self, frame: pd.DataFrame, cols: Mapping[str, str], raw: RawTable | None = None
    ) -> None:
        self.frame = frame
        self.cols = cols
        self._started = raw.extras if raw is not None and raw.extras_rows is None else {}
        self._done: dict[str, pd.Series] = {}

    def __call__(self, name: str) -> pd.Series:
        if name not in self._done:
            source = self.cols.get(name)
            typed = self._started[source].result() if source in self._started else None
            if typed is not None and isinstance(typed.dtype, pd.StringDtype):
                self._done[name] = typed.set_axis(self.frame.index)
            else:
                self._done[name] = column_text(self.frame, source)
        return self._done[name]


class Start(NamedTuple):
    """What an importer works with after :func:`start_import`."""

    raw: RawTable  # the table, its kept-as-is columns started
    cols: dict[str, str]  # wanted name -> the source's name
    frame: pd.DataFrame  # a shallow copy to add the derived columns to
    checks: RowChecks
    text: SourceText


def start_import(
    raw: RawTable,
    fmt: str,
    columns: Sequence[str],
    required: Sequence[str],
    renamed: Mapping[str, str],
) -> Start:
    """The preamble every column importer shares (ACLED, UCDP, GDELT).

    Finds the format's ``columns`` (ignoring case and punctuation), raises naming every
    ``required`` one the source lacks, starts typing the columns kept as they are (all but
    the ``renamed`` ones, which the importer takes over), and sets up the row checks and the
    clean text of the source's columns.
    """
    cols = find_columns(raw.frame, columns)
    require_columns(cols, required, fmt, raw.frame)
    raw = start_extra_columns(raw, {cols[n] for n in renamed.values() if n in cols})
    frame = raw.frame.copy(deep=False)
    return Start(raw, cols, frame, RowChecks(raw), SourceText(frame, cols, raw))


def take_columns(
    frame: pd.DataFrame,
    cols: Mapping[str, str],
    mapping: dict[str, str],
    renamed: Mapping[str, str],
    copied: Mapping[str, str] | None = None,
    text: SourceText | None = None,
) -> None:
    """Map canonical fields to source columns, in place.

    ``renamed`` fields take their source column over (its values, as clean text, are in
    the canonical column, and the source name is gone); ``copied`` fields get a clean copy,
    and the source column stays under its own name too. Columns the source lacks are
    skipped.
    """
    text = text or SourceText(frame, cols)
    for field, name in (copied or {}).items():
        if name in cols:
            frame[derived(field)] = text(name)
            mapping[field] = derived(field)
    for field, name in renamed.items():
        if name in cols:
            frame[derived(field)] = text(name)
            del frame[cols[name]]
            mapping[field] = derived(field)


def join_text(parts: Sequence[pd.Series], separator: str) -> pd.Series:
    """Join text columns row by row, skipping missing parts; NA when every part is missing.

    Examples
    --------
    >>> a = pd.Series(["Protests", None, None], dtype="str")
    >>> b = pd.Series(["Riots", "Battles", None], dtype="str")
    >>> join_text([a, b], ": ").tolist()
    ['Protests: Riots', 'Battles', nan]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    arrays = [large_text(pd.array(part, dtype="str")) for part in parts]
    # pyarrow 26 drops (!) the rows where every part is null when skipping nulls, so such
    # rows get an empty first part; the empty result becomes NA below.
    all_null = np.ones(len(arrays[0]), dtype=bool)
    for array in arrays:
        if not array.null_count:
            all_null[:] = False
            break
        all_null &= ~np.asarray(array.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    if all_null.any():
        arrays[0] = pc.if_else(all_null, pa.scalar("", pa.large_string()), arrays[0])
    joined = large_text(
        pc.binary_join_element_wise(
            *arrays, pa.scalar(separator, pa.large_string()), null_handling="skip"
        )
    )
    blank = edges(joined).blank
    if blank.any():
        joined = null_where(joined, blank)
    return pd.Series(pd.array(joined, dtype="str"), index=parts[0].index)


class RowChecks:
    """Problems an importer finds in its own format's rules (before the loader's checks).

    Rows with a problem leave the table and become failure records: every problem of the
    row is listed, and the row counts as rejected, so loaded + rejected still equals the
    rows read.

    Parameters
    ----------
    raw
        The table as read; its ``rows`` give the labels of the failures.
    """

    def __init__(self, raw: RawTable) -> None:
        self.raw = raw
        self.labels = np.asarray(raw.rows)  # record numbers stay int64: no object per row
        self.bad = np.zeros(len(raw.frame), dtype=bool)
        self._found: list[tuple[int, int, str, str, str, str]] = []

    def add(
        self,
        mask: np.ndarray | pd.Series,
        column: str,
        values: pd.Series | np.ndarray | Sequence[Any],
        reasons: str | pd.Series | np.ndarray | Sequence[str],
        code: Reason,
    ) -> None:
        """Reject every row where ``mask`` is true, naming the source column and why."""
        mask = np.asarray(mask, dtype=bool)
        positions = np.flatnonzero(mask)
        if not len(positions):
            return
        shown = np.asarray(values, dtype=object)[positions]
        why = (
            [reasons] * len(positions)
            if isinstance(reasons, str)
            else np.asarray(reasons, dtype=object)[positions]
        )
        order = len(self._found)
        for offset, (position, value, reason) in enumerate(
            zip(positions.tolist(), shown, why, strict=True)
        ):
            text = "" if value is None or value is pd.NA or value != value else str(value)
            self._found.append((position, order + offset, column, text, str(reason), code.code))
        self.bad[positions] = True

    def add_one(self, position: int, column: str, value: object, reason: str, code: Reason) -> None:
        """Reject the row at ``position`` (0-based in the raw frame)."""
        text = "" if value is None else str(value)
        self._found.append((position, len(self._found), column, text, reason, code.code))
        self.bad[position] = True

    def _label(self, position: int) -> object:
        label = self.labels[position]
        return label.item() if isinstance(label, np.generic) else label

    def apply(self, frame: pd.DataFrame) -> tuple[RawTable, np.ndarray]:
        """The table without the rejected rows, and the mask of the rows kept.

        ``frame`` is the raw frame plus the importer's derived columns (same rows).
        """
        keep = ~self.bad
        records = [
            {
                "row": self._label(position),
                "column": column,
                "value": value,
                "reason": reason,
                "code": code,
            }
            for position, _, column, value, reason, code in sorted(self._found)
        ]
        raw = self.raw
        if keep.all():
            return dataclasses.replace(raw, frame=frame, rejected=list(raw.rejected)), keep
        positions = np.flatnonzero(keep)
        table = dataclasses.replace(
            raw,
            frame=frame.loc[keep].reset_index(drop=True),
            rows=self.labels[positions],
            rejected=[*raw.rejected, *records],
            extras_rows=positions if raw.extras_rows is None else raw.extras_rows[positions],
        )
        return table, keep


def parse_days(
    text: pd.Series, dayfirst: bool | None = None, conventions: object = None
) -> tuple[np.ndarray, np.ndarray]:
    """Read a column of single days (each distinct value once) with the date engine.

    Returns the days (``datetime64[D]``, NaT where unusable) and, per row, why a value is
    unusable ("" when it is a day). ISO days, "30 June 2022" and unambiguous numeral dates
    are read; a timestamp at midnight (``2013-01-03 00:00:00.000``) counts as its day.

    Examples
    --------
    >>> days, why = parse_days(pd.Series(["30 June 2022", "2022-06"], dtype="str"))
    >>> days.astype(str).tolist(), why.tolist()
    (['2022-06-30', 'NaT'], ['', 'names a month'])
    """
    from timeline.dates import normalize_dates

    codes, uniques = pd.factorize(text)
    distinct = pd.Series(np.asarray(uniques, dtype=object), dtype="str")
    distinct = distinct.str.replace(_MIDNIGHT, "", regex=True)
    parsed = normalize_dates(distinct, dayfirst=dayfirst, conventions=conventions)
    error = parsed["date_error"].to_numpy(dtype=object)
    is_day = (
        (error == "")
        & parsed["kind"].eq("instant").to_numpy()
        & parsed["start_precision"].eq("day").to_numpy()
    )
    precision = parsed["start_precision"].astype(object).to_numpy()
    reason = np.where(
        error != "", error, np.char.add("names a ", precision.astype(str)).astype(object)
    )
    reason = np.where(is_day, "", reason)
    days = parsed["start"].to_numpy(dtype="datetime64[D]").copy()
    days[~is_day] = np.datetime64("NaT")
    # Position len(uniques) stands for missing cells.
    days = np.append(days, np.datetime64("NaT"))
    reason = np.append(reason, "empty")
    codes = np.where(codes < 0, len(uniques), codes)
    if not (reason != "")[codes].any():  # every row is a day: no reason per row to gather
        return days[codes], np.full(len(codes), "", dtype=object)
    return days[codes], reason[codes]


def check_days(checks: RowChecks, column: str, values: pd.Series, why: np.ndarray) -> None:
    """Reject the rows whose ``column`` is not one day (``why`` from :func:`parse_days`)."""
    bad = why != ""
    if not bad.any():
        return
    reasons = np.full(len(why), "", dtype=object)
    reasons[bad] = [
        f"{column} is empty" if reason == "empty" else f"{column} must name one day: {reason}"
        for reason in why[bad]
    ]
    checks.add(bad, column, values, reasons, Reason.BAD_DATE)


def day_text(days: np.ndarray) -> np.ndarray:
    """ISO text of ``datetime64[D]`` values (object array; None for NaT)."""
    text = np.datetime_as_string(days.astype("datetime64[D]")).astype(object)
    text[np.isnat(days)] = None
    return text


def build(
    raw: RawTable,
    mapping: Mapping[str, str],
    fmt: str,
    reference_date: object,
    dayfirst: bool | None,
    conventions: object,
) -> LoadResult:
    """Run the loader's :func:`~timeline.load.build.build_events` and label the events' format."""
    unused = [
        name
        for name in raw.frame.columns
        if str(name).startswith(DERIVED_PREFIX) and name not in set(mapping.values())
    ]
    if unused:
        raw = dataclasses.replace(raw, frame=raw.frame.drop(columns=unused))
    raw.attrs["format"] = fmt
    # the importer's derived text columns are clean text already
    clean = frozenset(name for name in mapping.values() if str(name).startswith(DERIVED_PREFIX))
    raw = dataclasses.replace(raw, clean=clean)
    return build_events(raw, mapping, reference_date, dayfirst, conventions)


def as_windows(events: pd.DataFrame, rows: np.ndarray, level: str | np.ndarray) -> None:
    """Make ``rows`` one fuzzy moment within their ``[start, end)`` window, in place.

    ``level`` is the unit the source gives (``"week"``, ``"month"``...), one for all rows
    or one per row. The source's interval then says *when within* the window the event
    happened is unknown, not that it lasted so long.
    """
    mask = np.asarray(rows, dtype=bool) & events["start"].notna().to_numpy()
    mask &= events["end"].notna().to_numpy()
    if not mask.any():
        return
    keep = pd.Series(~mask, index=events.index)
    events["kind"] = events["kind"].where(keep, "instant")
    dtype = events["start_precision"].dtype
    levels: object = level
    if not isinstance(level, str):
        chosen = np.where(mask, np.asarray(level, dtype=object), None)
        levels = pd.Series(pd.Categorical(chosen, dtype=dtype), index=events.index)
    for column in ("start_precision", "end_precision"):
        events[column] = events[column].where(keep, levels)


def plain_value(value: object) -> str | None:
    """A JSON or cell value as stripped text, None when missing or blank (:func:`cell_text`)."""
    return cell_text(value, strip=True)
