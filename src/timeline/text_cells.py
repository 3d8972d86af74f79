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
    text = unquote_formulas(values.astype("str").str.strip())
    return text.mask(text == "")


def unquote_formulas(text: pd.Series) -> pd.Series:
    """Remove the ``'`` our exports put before formula-like cells (only on those cells)."""
    quoted = text.str.startswith("'").fillna(False).to_numpy()
    if quoted.any():
        text = text.copy()
        text[quoted] = text[quoted].str.replace(_QUOTED_FORMULA, "", regex=True)
    return text


def split_list(values: pd.Series, sep: str = ";") -> pd.Series:
    """Split text cells on ``sep`` into lists of stripped, non-empty items (lists stay lists).

    Examples
    --------
    >>> split_list(pd.Series(["Putin; Kim", None, "'=x; y"])).tolist()
    [['Putin', 'Kim'], [], ['=x', 'y']]
    """

    def split(value: object) -> list[str]:
        if isinstance(value, (list, tuple, np.ndarray)):
            return [str(v).strip() for v in value if str(v).strip()]
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            return []
        # a list cell is one spreadsheet cell: only its start can carry our formula quote
        text = _QUOTED_FORMULA.sub("", str(value).strip(), count=1)
        return [part.strip() for part in text.split(sep) if part.strip()]

    if values.dtype == object:
        return values.map(split).astype(object)
    # Text cells repeat a lot: split each distinct value once, then copy per row.
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    # Rows with the same text share one list object (copy a list before changing it in place).
    lists = np.empty(len(uniques) + 1, dtype=object)
    for i, unique in enumerate(uniques):
        lists[i] = split(unique)
    lists[-1] = []  # code -1 (missing) takes the last entry
    return pd.Series(lists[codes], index=values.index, dtype=object)


def looks_numeric(text: pd.Series) -> bool:
    """True when every non-missing cell is a plain number (no leading zeros, no words)."""
    present = text.dropna()
    return bool(len(present)) and bool(present.str.match(_PLAIN_NUMBER).all())


def parse_number(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse plain or comma-grouped numbers; returns (floats, mask of unparseable cells)."""
    fast = _cast_to_float(text)
    if fast is not None:
        return fast, pd.Series(False, index=text.index)
    cleaned = text.where(~text.fillna("").str.match(_GROUPED_NUMBER), text.str.replace(",", ""))
    numbers = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    bad = text.notna() & numbers.isna()
    return numbers, bad


def _cast_to_float(text: pd.Series) -> pd.Series | None:
    """Cast text to float in one vectorized step; None when any cell is not a plain number."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        array = pa.array(text.to_numpy(dtype=object, na_value=None), type=pa.string())
        floats = pc.cast(array, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return pd.Series(floats.to_numpy(zero_copy_only=False), index=text.index, dtype="float64")
