"""Vectorized date normalization of a whole column.

Plain ISO dates go through :mod:`timeline.dates.iso_fast`; every other distinct value
is parsed once (factorize, parse, map back). Relative text with a per-row report date is
parsed once per distinct (text, report day) pair.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.dates.conventions import DateConventions, check_conventions
from timeline.dates.expression import Parsed
from timeline.dates.frame import NAT, Rows, Table, empty_frame
from timeline.dates.gregorian import MAX_YEAR, MIN_YEAR, US_PER_DAY
from timeline.dates.iso_fast import IsoRows, iso_rows_arrow, iso_rows_object
from timeline.dates.parse import (
    EMPTY,
    check_dayfirst,
    coerce_text,
    parse_text,
    reference_day,
    with_language,
)
from timeline.dates.spec import NeedsReference, Rejected
from timeline.dates.text_column import (
    arrow_available,
    arrow_strings,
    constant_strings,
    take_strings,
)
from timeline.schema import KINDS


def _as_series(series: object) -> pd.Series:
    if isinstance(series, pd.Series):
        return series
    if isinstance(series, (pd.Index, np.ndarray, list, tuple)):
        return pd.Series(series)
    msg = (
        "series must be a pandas Series of date text (or a list, array or Index of it); "
        f"got {type(series).__name__}"
    )
    raise TypeError(msg)


def _text_values(series: pd.Series) -> pd.Series:
    """Datetime columns as ISO text; other columns unchanged.

    A timestamp at midnight is read as a day; any other as a time to the second (or to
    the microsecond when it has a fraction), in UTC. Arrow dates and timestamps count
    alike. A cell outside the years 1-9999, and every cell of a duration column, becomes
    a :class:`Rejected` with its reason (rejected rows later, never an error for the
    whole column).
    """
    dtype = series.dtype
    if isinstance(dtype, pd.ArrowDtype):
        return _arrow_temporal_text(series)
    if isinstance(dtype, np.dtype) and dtype.kind == "m":
        return _durations(series)
    if not isinstance(dtype, (np.dtype, pd.DatetimeTZDtype)) or dtype.kind != "M":
        return series
    stamps = series
    if isinstance(dtype, pd.DatetimeTZDtype):
        stamps = series.dt.tz_convert("UTC").dt.tz_localize(None)
    values = stamps.to_numpy()
    return pd.Series(_stamp_text(values), index=series.index, dtype=object)


def _stamp_text(values: np.ndarray) -> np.ndarray:
    """ISO text (object array) of datetime64 values; NaT as None, out of range rejected."""
    years = values.astype("datetime64[Y]").astype(np.int64) + 1970
    missing = np.isnat(values)
    outside = ~missing & ((years < MIN_YEAR) | (years > MAX_YEAR))
    inside = np.where(outside, np.datetime64(0, "us"), values.astype("datetime64[us]"))
    days = inside.astype("datetime64[D]")
    midnight = days == inside
    whole_seconds = inside.astype("datetime64[s]") == inside
    text = np.where(
        midnight,
        np.datetime_as_string(days),
        np.where(
            whole_seconds,
            np.char.add(np.datetime_as_string(inside, unit="s"), "Z"),
            np.char.add(np.datetime_as_string(inside, unit="us"), "Z"),
        ),
    ).astype(object)
    text[missing] = None
    for i in np.flatnonzero(outside):
        text[i] = Rejected(
            f"the timestamp {values[i]} is outside the years 1-9999 that the engine covers"
        )
    return text


def _durations(series: pd.Series) -> pd.Series:
    missing = series.isna().to_numpy()
    cells = np.empty(len(series), dtype=object)
    for i in np.flatnonzero(~missing):
        cells[i] = Rejected(f"a duration ({series.iloc[i]}) is not a date")
    return pd.Series(cells, index=series.index, dtype=object)


def _arrow_temporal_text(series: pd.Series) -> pd.Series:
    """Arrow date, timestamp and duration columns as for numpy; others unchanged."""
    import pyarrow as pa

    kind = series.dtype.pyarrow_dtype  # type: ignore[attr-defined]
    if pa.types.is_duration(kind):
        return _durations(series)
    chunked = series.array._pa_array  # type: ignore[attr-defined]
    if pa.types.is_date32(kind):
        unit, storage = "D", pa.int32()
    elif pa.types.is_date64(kind):
        unit, storage = "ms", pa.int64()
    elif pa.types.is_timestamp(kind):  # zoned timestamps are stored in UTC
        unit, storage = kind.unit, pa.int64()
    else:
        return series
    numbers = chunked.cast(storage).to_numpy(zero_copy_only=False)
    missing = chunked.is_null().to_numpy(zero_copy_only=False)
    numbers = np.where(missing, 0, numbers).astype(np.int64)
    values = numbers.astype(f"datetime64[{unit}]")
    values[missing] = np.datetime64("NaT")
    return pd.Series(_stamp_text(values), index=series.index, dtype=object)


def _iso_rows(values: object, arrow: object | None) -> IsoRows:
    if arrow is not None:
        return iso_rows_arrow(arrow)
    objects = np.asarray(values, dtype=object)
    kind = pd.api.types.infer_dtype(objects, skipna=True)
    if kind in ("string", "empty"):
        return iso_rows_object(objects)
    is_text = np.fromiter((type(v) is str for v in objects), dtype=bool, count=len(objects))
    positions = np.flatnonzero(is_text)
    found = iso_rows_object(objects[positions])
    return IsoRows(positions[found.rows], found.start, found.end, found.precision)


def cell_text(value: object) -> str | Rejected | None:
    """:func:`coerce_text` of one cell, or the :class:`Rejected` that says why it has none.

    Examples
    --------
    >>> cell_text(2024), cell_text(float("nan"))
    ('2024', None)
    >>> cell_text(float("inf")).reason
    'inf is not a date'
    """
    if isinstance(value, Rejected):
        return value
    try:
        return coerce_text(value)
    except Rejected as exc:
        return exc


def _factorize(values: object) -> tuple[np.ndarray, list[object]]:
    """Codes (-1 for missing) and distinct values; unhashable cells compare as text."""
    if arrow_available() and not isinstance(values, np.ndarray):
        import pyarrow as pa

        if isinstance(values, pa.Array):
            encoded = values.dictionary_encode()
            codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
            return codes.astype(np.int64), encoded.dictionary.to_pylist()
    try:
        codes, uniques = pd.factorize(values)  # type: ignore[call-overload]
    except (TypeError, ArithmeticError):  # unhashable cells, or Decimal("sNaN")
        texts = [cell_text(v) for v in np.asarray(values, dtype=object)]
        codes, uniques = pd.factorize(np.array(texts, dtype=object))
    return np.asarray(codes, dtype=np.int64), list(uniques)


def _parse_all(
    texts: list[str | Rejected | None],
    ref_day: int | None,
    dayfirst: bool | None,
    conv: DateConventions,
    per_row_reference: bool,
) -> tuple[Table, list[int]]:
    """Results for distinct texts; with per-row references, relative ones are deferred."""
    # Plain tuples, not Parsed: the garbage collector stops tracking a plain tuple of plain
    # values, so a hundred thousand kept results cost nothing at each collection.
    results: list[tuple | str] = []
    deferred: list[int] = []
    for i, text in enumerate(texts):
        if isinstance(text, Rejected):
            results.append(text.reason)
            continue
        try:
            results.append(tuple(parse_text(text, ref_day, dayfirst, conv, cached=False)))
        except NeedsReference as exc:
            results.append(exc.reason)
            if per_row_reference:
                deferred.append(i)
        except Rejected as exc:
            results.append(exc.reason)
    return Table.from_results(results), deferred


def _reference_days(
    reference: pd.Series, index: pd.Index, conv: DateConventions
) -> tuple[np.ndarray, list[str]]:
    """Per-row report day (NAT when missing) and per-row problem with the given value."""
    if not reference.index.equals(index):
        try:
            reference = reference.reindex(index)
        except ValueError as exc:
            msg = (
                "reference_date as a Series must share the index of series; it could not be "
                f"aligned: {exc}"
            )
            raise ValueError(msg) from exc
    problems = [""] * len(reference)
    dtype = reference.dtype
    if isinstance(dtype, pd.DatetimeTZDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "M"):
        if isinstance(dtype, pd.DatetimeTZDtype):
            reference = reference.dt.tz_localize(None)  # the wall-clock date of the report
        days = reference.to_numpy(dtype="datetime64[D]")
        return np.where(np.isnat(days), NAT, days.astype(np.int64)), problems
    parsed = normalize_dates(reference, conventions=conv)
    usable = (
        (parsed["kind"] == "instant")
        & parsed["start_precision"].isin(["day", "time"])
        & (parsed["date_error"] == "")
    ).to_numpy()
    starts = parsed["start"].to_numpy().view(np.int64)
    days = np.where(usable, starts // US_PER_DAY, NAT)
    given = reference.to_numpy(dtype=object)
    for i in np.flatnonzero(~usable):
        error = parsed["date_error"].iloc[i]
        if error != EMPTY:
            why = error or f"{parsed['start_precision'].iloc[i]} precision, not one day"
            problems[i] = f"the row's reference date {given[i]!r} is not usable ({why})"
    return days, problems


def normalize_dates(
    series: pd.Series,
    reference_date: object = None,
    *,
    dayfirst: bool | None = None,
    conventions: DateConventions | None = None,
    language: str | None = None,
) -> pd.DataFrame:
    """Normalize a column of reported dates into bounds, precision and flags.

    Parameters
    ----------
    series : pandas.Series
        Date text (or dates, timestamps, whole-number years). Missing values (None, NaN,
        NA, blank text) are rejected rows with the reason "empty".
    reference_date : str, datetime.date, pandas.Timestamp or pandas.Series, optional
        The report date for relative text. A Series gives one per row, aligned on the
        index (NaT = no report date for that row).
    dayfirst : bool, optional
        How to read ambiguous numeral dates such as ``04/05/2025``; None rejects them.
    conventions : DateConventions, optional
        Hemisphere, seasons and early/mid/late cut points; ``two_digit_years="edtf"``
        for a column known to be EDTF (``2024-25`` is then spring 2024).
    language : {"en", "ru", "uk", "ko"}, optional
        Force the language of every cell (by default each text's is detected).

    Returns
    -------
    pandas.DataFrame
        Same index as ``series``; columns ``start``, ``end`` (``datetime64[us]``, UTC,
        tz-naive, end exclusive), ``start_precision``, ``end_precision`` (ordered
        categorical of ``timeline.schema.PRECISIONS``), ``kind`` (categorical of
        ``KINDS``), ``open_end``, ``approximate``, ``uncertain`` (bool), ``edtf`` and
        ``date_error`` (str; "" when the row parsed). Rejected rows have NaT bounds, NaN
        categories, False flags, "" edtf and the reason in ``date_error``.

    Examples
    --------
    >>> import pandas as pd
    >>> from timeline.dates import normalize_dates
    >>> frame = normalize_dates(pd.Series(["2024-06-19", "late October", "Q1 2025", "soon"]),
    ...                         reference_date="2024-11-01")
    >>> frame[["start", "end", "start_precision"]]
           start        end start_precision
    0 2024-06-19 2024-06-20             day
    1 2024-10-21 2024-11-01           month
    2 2025-01-01 2025-04-01         quarter
    3        NaT        NaT             NaN
    >>> frame["edtf"].tolist()
    ['2024-06-19', '2024-10-21/2024-10-31', '2025-33', '']
    >>> frame.loc[3, "date_error"].split(":")[0]
    "unrecognized word 'soon'"
    """
    series = _as_series(series)
    conv = with_language(check_conventions(conventions), language)
    dayfirst = check_dayfirst(dayfirst)
    per_row = isinstance(reference_date, pd.Series)
    ref_day = None if per_row else reference_day(reference_date, conv)
    size = len(series)
    if size == 0:
        return empty_frame(series.index)

    series = _text_values(series)
    values = series.array
    arrow = arrow_strings(values) if values.dtype.kind == "O" else None
    if arrow is not None and size >= _DEDUPE_MIN_ROWS:
        shared = _shared_reference(reference_date, series.index) if per_row else reference_date
        if shared is not _PER_ROW and _repeats_a_lot(arrow):
            return _normalize_distinct(arrow, series.index, shared, dayfirst, conv)
    iso = _iso_rows(values, arrow)
    rows = Rows.empty(size)
    rows.start[iso.rows] = iso.start
    rows.end[iso.rows] = iso.end
    rows.start_precision[iso.rows] = iso.precision
    rows.end_precision[iso.rows] = iso.precision
    rows.kind[iso.rows] = KINDS.index("instant")

    # The EDTF of a plain ISO row is its own text: with Arrow, the input column itself.
    edtf = _Pool(size)
    if arrow is not None:
        edtf.add(arrow, rows=np.arange(size), codes=np.arange(size))
    else:
        iso_text = np.asarray(values, dtype=object)[iso.rows].tolist()
        edtf.add(iso_text, rows=iso.rows, codes=np.arange(len(iso.rows)))
    errors = _Pool(size)
    errors.add([""], rows=iso.rows, codes=np.zeros(len(iso.rows), dtype=np.int64))

    slow = np.ones(size, dtype=bool)
    slow[iso.rows] = False
    slow_rows = np.flatnonzero(slow)
    if len(slow_rows):
        taken = arrow.take(slow_rows) if arrow is not None else np.asarray(values)[slow_rows]  # type: ignore[attr-defined]
        codes, uniques = _factorize(taken)
        texts = [cell_text(u) for u in uniques] + [None]  # the last entry: missing cells
        codes = np.where(codes < 0, len(texts) - 1, codes)
        table, deferred = _parse_all(texts, ref_day, dayfirst, conv, per_row)
        _fill(rows, edtf, errors, slow_rows, table, codes)
        if deferred:
            relative = np.isin(codes, deferred)
            target_rows = slow_rows[relative]
            ref_days, problems = _reference_days(reference_date, series.index, conv)  # type: ignore[arg-type]
            table, inverse = _parse_per_reference(
                texts, codes[relative], target_rows, ref_days, problems, dayfirst, conv
            )
            _fill(rows, edtf, errors, target_rows, table, inverse)

    if arrow is not None and len(slow_rows) == 0:
        edtf_column = pd.array(arrow, dtype="str")
    else:
        edtf_column = edtf.column()
    error_column = errors.column() if errors.has_text() else constant_strings("", size)
    return rows.frame(edtf_column, error_column, series.index)


_DEDUPE_MIN_ROWS = 50_000
"""From this many rows, a column whose values repeat a lot is parsed per distinct value."""

_PER_ROW = object()
""":func:`_shared_reference` of report dates that differ from row to row."""


def _shared_reference(reference: pd.Series, index: pd.Index) -> object:
    """The one report date of every row (None when all are missing), else :data:`_PER_ROW`.

    The reference is aligned on the dates' ``index`` first, as the per-row path does.
    """
    if not reference.index.equals(index):
        try:
            reference = reference.reindex(index)
        except ValueError:
            return _PER_ROW  # the per-row path reports it
    dtype = reference.dtype
    is_datetime = isinstance(dtype, pd.DatetimeTZDtype) or (
        isinstance(dtype, np.dtype) and dtype.kind == "M"
    )
    if not is_datetime:
        return _PER_ROW
    distinct = reference.drop_duplicates()
    if len(distinct) > 1:
        return _PER_ROW
    return None if distinct.isna().all() else distinct.iloc[0]


def _repeats_a_lot(array: object, sample: int = 20_000) -> bool:
    """Whether a sample of the column holds few distinct values (dates usually repeat)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    picked = array.take(pa.array(np.linspace(0, len(array) - 1, sample).astype(np.int64)))  # type: ignore[attr-defined]
    return pc.count_distinct(picked, mode="all").as_py() < sample // 5


def _normalize_distinct(
    array: object,
    index: pd.Index,
    reference_date: object,
    dayfirst: bool | None,
    conv: DateConventions,
) -> pd.DataFrame:
    """:func:`normalize_dates` of each distinct value once, then copied to its rows."""
    import pyarrow as pa

    encoded = array.dictionary_encode()  # type: ignore[attr-defined]
    distinct = pd.Series(pd.array(encoded.dictionary, dtype="str"))
    distinct = pd.concat([distinct, pd.Series([None], dtype="str")], ignore_index=True)
    parsed = normalize_dates(distinct, reference_date, dayfirst=dayfirst, conventions=conv)
    codes = encoded.indices.fill_null(len(distinct) - 1).to_numpy(zero_copy_only=False)
    rows = parsed.take(codes.astype(np.int64))
    rows.index = index
    for name in ("edtf", "date_error"):  # one Arrow take per text column
        if name == "date_error" and not parsed[name].ne("").to_numpy()[codes].any():
            rows[name] = constant_strings("", len(codes))
            continue
        pool = pa.array(parsed[name].array)
        rows[name] = pd.array(pool.take(pa.array(codes)), dtype="str")
    return rows


class _Pool:
    """Strings from several parts, and for every row the position of its string."""

    def __init__(self, size: int) -> None:
        self.parts: list[object] = []
        self.length = 0
        self.index = np.zeros(size, dtype=np.int64)

    def add(self, part: object, rows: np.ndarray, codes: np.ndarray) -> None:
        """Rows ``rows`` take entries ``codes`` of ``part`` (overriding earlier parts)."""
        self.index[rows] = self.length + codes
        self.parts.append(part)
        self.length += len(part)  # type: ignore[arg-type]

    def has_text(self) -> bool:
        return any(any(part) for part in self.parts if isinstance(part, list))

    def column(self) -> pd.api.extensions.ExtensionArray:
        return take_strings(self.parts, self.index)


def _fill(
    rows: Rows, edtf: _Pool, errors: _Pool, targets: np.ndarray, table: Table, codes: np.ndarray
) -> None:
    rows.fill(targets, table, codes)
    edtf.add(table.edtf, targets, codes)
    errors.add(table.error, targets, codes)


def _parse_per_reference(
    texts: list[str | None],
    codes: np.ndarray,
    target_rows: np.ndarray,
    ref_days: np.ndarray,
    problems: list[str],
    dayfirst: bool | None,
    conv: DateConventions,
) -> tuple[Table, np.ndarray]:
    """Parse relative texts once per distinct (text, report day) pair."""
    pairs = np.stack([codes, ref_days[target_rows]], axis=1)
    distinct, inverse = np.unique(pairs, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    first_row = np.zeros(len(distinct), dtype=np.int64)
    first_row[inverse[::-1]] = target_rows[::-1]
    results: list[Parsed | str] = []
    for (code, day), row in zip(distinct.tolist(), first_row.tolist(), strict=True):
        if day == NAT and problems[row]:
            results.append(problems[row])
            continue
        try:
            day_or_none = None if day == NAT else day
            results.append(parse_text(texts[code], day_or_none, dayfirst, conv, cached=False))
        except Rejected as exc:
            results.append(exc.reason)
    return Table.from_results(results), inverse
