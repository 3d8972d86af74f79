"""Turn raw cells into clean text, numbers and lists without interpreting them as code."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet treat a cell as a formula."""

_QUOTED_FORMULA = re.compile(r"^'(?=[=+\-@\t\r])")
_PLAIN_NUMBER = re.compile(r"^[+-]?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _cell_to_text(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is None and stamp == stamp.normalize():
            return stamp.strftime("%Y-%m-%d")
        return stamp.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_text(values: pd.Series) -> pd.Series:
    """Cells as stripped text (``str`` dtype), missing or blank cells as NA.

    Dates from typed sources (Excel, Parquet) become ISO text; a leading ``'`` that only
    protects a formula-like cell (written by our CSV/XLSX export) is removed again.
    Nothing is evaluated.

    Examples
    --------
    >>> to_text(pd.Series([" a ", "", None, "'=1+1"])).tolist()
    ['a', nan, nan, '=1+1']
    """
    if not (pd.api.types.is_string_dtype(values) and values.dtype != object):
        values = values.map(_cell_to_text)
    text = values.astype("str").str.strip()
    quoted = text.str.startswith("'").fillna(False).to_numpy(dtype=bool)
    if quoted.any():  # only those cells, so the common case stays on the Arrow path
        text = text.mask(quoted, text[quoted].str.replace(_QUOTED_FORMULA, "", regex=True))
    return blank_to_na(text)


def blank_to_na(text: pd.Series) -> pd.Series:
    """Empty strings as NA (the column is copied only when it has any)."""
    empty = (text == "").to_numpy(dtype=bool)
    return text.mask(empty) if empty.any() else text


def split_list(values: pd.Series, sep: str = ";") -> pd.Series:
    """Split text cells on ``sep`` into lists of stripped, non-empty items (lists stay lists).

    Examples
    --------
    >>> split_list(pd.Series(["Putin; Kim", None])).tolist()
    [['Putin', 'Kim'], []]
    """

    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        return _split_arrow_text(values, sep)

    def split(value: object) -> list[str]:
        if isinstance(value, (list, tuple, np.ndarray)):
            return [str(v).strip() for v in value if str(v).strip()]
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            return []
        return [part.strip() for part in str(value).split(sep) if part.strip()]

    return values.map(split).astype(object)


def _split_arrow_text(values: pd.Series, sep: str) -> pd.Series:
    """:func:`split_list` for Arrow-backed text: split, strip and drop empties in Arrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(values.array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    lists = pc.split_pattern(array, sep)
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    parents = pc.list_parent_indices(lists)
    keep = pc.not_equal(items, "")
    counts = np.bincount(parents.filter(keep).to_numpy(), minlength=len(values))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    rebuilt = pa.LargeListArray.from_arrays(pa.array(offsets), items.filter(keep))
    return pd.Series(rebuilt.to_pylist(), index=values.index, dtype=object)


def looks_numeric(text: pd.Series) -> bool:
    """True when every non-missing cell is a plain number (no leading zeros, no words)."""
    present = text.dropna()
    if not len(present) or not _PLAIN_NUMBER.match(str(present.iloc[0])):
        return False  # most text columns fail on their first value: no full scan
    return bool(present.str.match(_PLAIN_NUMBER.pattern).all())


def plain_numbers(text: pd.Series) -> pd.Series:
    """Numbers of a column that :func:`looks_numeric`: int64 when whole and complete, else float.

    Gives what ``pd.to_numeric`` gives, converting in Arrow where it can.

    Examples
    --------
    >>> plain_numbers(pd.Series(["7", "12"], dtype="str")).tolist()
    [7, 12]
    """
    import pyarrow as pa

    try:
        array = pa.array(text.array)
        if not text.isna().any():
            try:
                return pd.Series(array.cast(pa.int64()).to_numpy(), index=text.index)
            except pa.ArrowInvalid:
                pass  # a fraction or an exponent somewhere: floats
        floats = array.cast(pa.float64()).to_numpy(zero_copy_only=False)
        return pd.Series(floats, index=text.index, dtype="float64")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, TypeError):
        return pd.to_numeric(text)


_DECIMAL = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"


def parse_number(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse plain or comma-grouped numbers; returns (floats, mask of unparseable cells)."""
    grouped = text.fillna("").str.match(_GROUPED_NUMBER.pattern).to_numpy(dtype=bool)
    cleaned = text.mask(grouped, text.str.replace(",", "", regex=False))
    numbers = pd.Series(np.nan, index=text.index, dtype="float64")
    decimal = cleaned.fillna("").str.match(_DECIMAL).to_numpy(dtype=bool)
    if decimal.all():
        numbers = plain_numbers(cleaned).astype("float64")
    elif decimal.any():
        numbers[decimal] = plain_numbers(cleaned[decimal]).astype("float64").to_numpy()
    bad = text.notna() & numbers.isna()
    return numbers, bad
