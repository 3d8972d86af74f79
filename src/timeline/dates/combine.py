"""Join a start column and an end column into spans ("from the first to the second")."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.dates.frame import COLUMNS, KIND_DTYPE, PRECISION_DTYPE
from timeline.dates.parse import EMPTY


def _check(frame: object, name: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        msg = f"{name} must be a DataFrame from normalize_dates; got {type(frame).__name__}"
        raise TypeError(msg)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        msg = (
            f"{name} must be a frame from normalize_dates with columns {list(COLUMNS)}; "
            f"missing {missing}"
        )
        raise ValueError(msg)
    return frame


def combine_bounds(start_frame: pd.DataFrame, end_frame: pd.DataFrame) -> pd.DataFrame:
    """Spans from the dates of one column to the dates of another, row by row.

    Parameters
    ----------
    start_frame, end_frame : pandas.DataFrame
        Frames from :func:`normalize_dates` with the same index: the reported start
        (e.g. a ``date`` column) and the reported end (an ``end_date`` column).

    Returns
    -------
    pandas.DataFrame
        Shaped like ``normalize_dates`` output. Where both sides parsed: ``start`` and
        ``start_precision`` from the first, ``end``, ``end_precision`` and ``open_end``
        from the second, kind "span", flags OR-ed, EDTF ``A/B`` (the start part of the
        first and the end part of the second). Where the end cell is empty, the row is the
        first side unchanged (an instant stays an instant, an open "since September"
        stays open). A failed side, or an end before the start, leaves a rejected row
        whose ``date_error`` says which side and why.

    Examples
    --------
    >>> import pandas as pd
    >>> from timeline.dates import combine_bounds, normalize_dates
    >>> starts = normalize_dates(pd.Series(["2024-10-28", "June 2024", "2024-06-01"]))
    >>> ends = normalize_dates(pd.Series(["2024-11-02", None, "2024-05-01"]))
    >>> spans = combine_bounds(starts, ends)
    >>> spans[["start", "end", "kind"]]
           start        end     kind
    0 2024-10-28 2024-11-03     span
    1 2024-06-01 2024-07-01  instant
    2        NaT        NaT      NaN
    >>> spans["edtf"].tolist()
    ['2024-10-28/2024-11-02', '2024-06', '']
    >>> spans.loc[2, "date_error"]
    'end (2024-05-01) is before start (2024-06-01)'
    """
    first = _check(start_frame, "start_frame")
    second = _check(end_frame, "end_frame")
    if not first.index.equals(second.index):
        msg = "start_frame and end_frame must have the same index (rows of one source)"
        raise ValueError(msg)

    first_error = first["date_error"].to_numpy(dtype=object)
    second_error = second["date_error"].to_numpy(dtype=object)
    first_ok = first_error == ""
    second_ok = second_error == ""
    end_missing = second_error == EMPTY
    start = first["start"].to_numpy(dtype="datetime64[us]")
    end = second["end"].to_numpy(dtype="datetime64[us]")
    backwards = first_ok & second_ok & ~np.isnat(start) & ~np.isnat(end) & (end <= start)
    both = first_ok & second_ok & ~backwards
    keep_first = first_ok & end_missing
    rejected = ~(both | keep_first)

    first_edtf = first["edtf"].astype(str)
    second_edtf = second["edtf"].astype(str)
    spans = first_edtf.str.replace(r"/.*$", "", regex=True) + "/"
    spans = spans + second_edtf.str.replace(r"^.*/", "", regex=True)

    def pick(column: str, when_both: object) -> pd.Series:
        values = first[column].where(keep_first, when_both)  # type: ignore[arg-type]
        return values.where(~rejected)

    out = pd.DataFrame(index=first.index)
    out["start"] = first["start"].where(~rejected).astype("datetime64[us]")
    out["end"] = pick("end", second["end"]).astype("datetime64[us]")
    out["start_precision"] = first["start_precision"].where(~rejected).astype(PRECISION_DTYPE)
    out["end_precision"] = pick("end_precision", second["end_precision"]).astype(PRECISION_DTYPE)
    kind = pd.Series("span", index=first.index, dtype=KIND_DTYPE)
    out["kind"] = pick("kind", kind).astype(KIND_DTYPE)
    out["open_end"] = pick("open_end", second["open_end"]).fillna(False).astype(bool)
    for flag in ("approximate", "uncertain"):
        joined = first[flag].to_numpy(bool) | second[flag].to_numpy(bool)
        out[flag] = pick(flag, pd.Series(joined, index=first.index)).fillna(False).astype(bool)
    edtf = first_edtf.where(keep_first, spans).where(~rejected, "")
    out["edtf"] = edtf.astype("str")
    out["date_error"] = _reasons(first_error, second_error, first_edtf, second_edtf, backwards)
    return out


def _reasons(
    first_error: np.ndarray,
    second_error: np.ndarray,
    first_edtf: pd.Series,
    second_edtf: pd.Series,
    backwards: np.ndarray,
) -> pd.Series:
    reasons = np.full(len(first_error), "", dtype=object)
    for i in np.flatnonzero(backwards):
        end_text = second_edtf.iloc[i].rpartition("/")[2]
        start_text = first_edtf.iloc[i].partition("/")[0]
        reasons[i] = f"end ({end_text}) is before start ({start_text})"
    failed_end = (second_error != "") & (second_error != EMPTY)
    for i in np.flatnonzero(failed_end):
        reasons[i] = f"end: {second_error[i]}"
    for i in np.flatnonzero(first_error != ""):
        reasons[i] = f"start: {first_error[i]}"
    return pd.Series(reasons, index=first_edtf.index, dtype="str")
