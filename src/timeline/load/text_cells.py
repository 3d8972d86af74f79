"""Turn raw cells into clean text, numbers and lists without interpreting them as code."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np
import pandas as pd

from timeline.cells import cell_text
from timeline.lists import is_arrow_list, is_list_cell, list_type, tidy_lists
from timeline.load.speed import Edges, edges, large_text, null_where, strip
from timeline.text import is_missing

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet treat a cell as a formula."""

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_QUOTED_FORMULA = re.compile(r"^'(?=[=+\-@\t\r])")
_NUMBER_START = np.zeros(256, dtype=bool)
_NUMBER_START[list(b"-0123456789")] = True
_NUMBER_START_SIGNED = _NUMBER_START.copy()
_NUMBER_START_SIGNED[ord("+")] = True
_POWERS_OF_TEN = np.array([10**k for k in range(1, 20)], dtype=np.uint64)
_PLAIN_NUMBER = re.compile(r"^[+-]?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def without_surrogates(value: object) -> object:
    """Lone surrogates (not text; no file can hold them) as U+FFFD, like undecodable bytes.

    Examples
    --------
    >>> without_surrogates("a\\ud800b")
    'a\ufffdb'
    """
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value


def to_text(values: pd.Series, *, unquote: bool = True) -> pd.Series:
    """Cells as stripped text (``str`` dtype), missing or blank cells as NA.

    Dates from typed sources (Excel, Parquet) become ISO text; a leading ``'`` that only
    protects a formula-like cell (written by our CSV/XLSX export) is removed again.
    Nothing is evaluated. ``unquote=False`` leaves that quote in place.

    Examples
    --------
    >>> to_text(pd.Series([" a ", "", None, "'=1+1"])).tolist()
    ['a', nan, nan, '=1+1']
    """
    if is_arrow_text(values):
        return _clean_arrow(values, unquote, None, None)[0]
    if not (pd.api.types.is_string_dtype(values) and values.dtype != object):
        try:
            values = values.map(cell_text)
        except UnicodeEncodeError:
            values = values.map(lambda v: without_surrogates(cell_text(v)))
    try:
        text = values.astype("str")
    except UnicodeEncodeError:  # lone surrogates (JSON "\ud800"): U+FFFD, as for bad bytes
        text = values.map(without_surrogates).astype("str")
    text = text.str.strip()
    return blank_to_na(unquote_formulas(text) if unquote else text)


def is_arrow_text(values: pd.Series) -> bool:
    """Whether ``values`` is pandas text stored in Arrow (the ``str`` dtype's default)."""
    return isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"


def _clean_arrow(
    values: pd.Series, unquote: bool, array: Any, found: Edges | None
) -> tuple[pd.Series, Edges]:
    """:func:`to_text` of Arrow text, doing only the passes some cell needs, and the edges
    of its result (blank cells are now missing). ``array`` and ``found`` may pass in what
    the caller read already."""
    array = large_text(values.array) if array is None else array
    array, found = strip(array, found)
    if unquote and found.starts_with_quote.any():
        text = unquote_formulas(pd.Series(pd.array(array, dtype="str"), index=values.index))
        array = large_text(text.array)
        found = edges(array)
    blank = found.blank
    if blank.any():
        array = null_where(array, blank)
        found = dataclasses.replace(found, valid=found.valid & ~blank, blank=blank & False)
    return pd.Series(pd.array(array, dtype="str"), index=values.index), found


def blank_to_na(text: pd.Series) -> pd.Series:
    """Empty strings as NA; the column is copied only when it has any.

    Examples
    --------
    >>> blank_to_na(pd.Series(["a", ""], dtype="str")).tolist()
    ['a', nan]
    """
    empty = (text == "").to_numpy(dtype=bool)
    return text.mask(empty) if empty.any() else text


def unquote_formulas(text: pd.Series) -> pd.Series:
    """Remove the ``'`` our exports put before formula-like cells (only on those cells)."""
    quoted = text.str.startswith("'").fillna(False).to_numpy()
    if quoted.any():
        text = text.copy()
        text[quoted] = text[quoted].str.replace(_QUOTED_FORMULA, "", regex=True)
    return text


def split_list(values: pd.Series, sep: str = ";") -> pd.Series:
    """Split text cells on ``sep`` into lists of stripped, non-empty items (lists stay lists).

    The result is an Arrow list column (see :mod:`timeline.lists`): each cell reads back
    as a Python list, and a missing cell as an empty one.

    Examples
    --------
    >>> split_list(pd.Series(["Putin; Kim", None, "'=x; y"])).tolist()
    [['Putin', 'Kim'], [], ['=x', 'y']]
    """
    import pyarrow as pa

    if is_arrow_list(values):
        return tidy_lists(pa.array(values.array), values.index)
    if values.dtype == object:

        def split(value: object) -> list[str]:
            if is_list_cell(value):
                return [str(v) for v in value if not is_missing(v)]  # type: ignore[union-attr]
            if is_missing(value):
                return []
            # a list cell is one spreadsheet cell: only its start can carry our formula quote
            text = _QUOTED_FORMULA.sub("", str(value).strip(), count=1)
            return text.split(sep)

        lists = pa.array([split(v) for v in values.tolist()], type=list_type())
        return tidy_lists(lists, values.index)
    text = to_text(values.astype("str"))  # a list cell's formula quote is at its start
    array = large_text(text.array).combine_chunks()
    return tidy_lists(_split_text(array, sep), values.index)


def _split_text(array: object, sep: str) -> object:
    import pyarrow.compute as pc

    return pc.split_pattern(array, sep).cast(list_type())


def looks_numeric(text: pd.Series) -> bool:
    """True when every non-missing cell is a plain number (no leading zeros, no words)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    present = text.dropna()
    if not len(present) or not _PLAIN_NUMBER.match(str(present.iloc[0])):
        return False  # most text columns fail on their first value: no full scan
    try:
        matches = pc.match_substring_regex(pa.array(present.array), _PLAIN_NUMBER.pattern)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return bool(present.str.match(_PLAIN_NUMBER).all())
    return bool(pc.all(matches).as_py())


def whole_numbers(values: pd.Series) -> pd.Series | None:
    """int64 of an Arrow text column written exactly as whole numbers, else None.

    "Exactly" means the number prints back as the same text (``7``, ``-12``; not ``007``,
    `` 7`` or ``+7``), so the result is what :func:`looks_numeric` plus ``pd.to_numeric``
    give, in two vectorized steps and without a regular expression.

    Examples
    --------
    >>> whole_numbers(pd.Series(["7", "-12"], dtype="str")).tolist()
    [7, -12]
    >>> whole_numbers(pd.Series(["7", "007"], dtype="str")) is None
    True
    """

    if not is_arrow_text(values):
        return None
    return _whole_numbers(values, large_text(values.array), None)


def _whole_numbers(values: pd.Series, array: Any, found: Edges | None) -> pd.Series | None:
    import pyarrow as pa
    import pyarrow.compute as pc

    found = edges(array) if found is None else found
    if not (found.valid.all() and _NUMBER_START[found.first].all()):
        return None  # a missing cell, or one that starts like no number: no cast needed
    try:
        numbers = pc.cast(array, pa.int64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if numbers.null_count or not len(numbers):
        return None
    result = numbers.to_numpy()
    # Written exactly as the number prints (so no "007", "+7", " 7" or "-0"): a cell that
    # starts with 1-9 is; any other (0, -, ...) must have as many characters as the
    # number's digits and sign.
    other = (found.first < ord("1")) | (found.first > ord("9"))
    if other.any():
        picked = result[other]
        magnitude = np.abs(picked).astype(np.uint64)  # abs(int64 min) wraps to 2**63: right
        digits = 1 + np.searchsorted(_POWERS_OF_TEN, magnitude, side="right")
        lengths = pc.binary_length(array).to_numpy()[other]
        if not np.array_equal(digits + (picked < 0), lengths):
            return None
    return pd.Series(result, index=values.index)


def extra_column_values(values: pd.Series) -> pd.Series:
    """A column the loader keeps but does not interpret: whole numbers become int64, and
    text is stripped with blanks as NA; then plain numbers become numbers, and otherwise
    our formula quote is removed.

    Examples
    --------
    >>> extra_column_values(pd.Series(["7", "12"], dtype="str")).tolist()
    [7, 12]
    >>> extra_column_values(pd.Series([" 1.5", ""], dtype="str")).tolist()
    [1.5, nan]
    >>> extra_column_values(pd.Series(["'=1", "x"], dtype="str")).tolist()
    ['=1', 'x']
    """
    if not is_arrow_text(values):
        text = to_text(values, unquote=False)
        return plain_numbers(text) if looks_numeric(text) else unquote_formulas(text)
    array = large_text(values.array)
    found = edges(array)
    numbers = _whole_numbers(values, array, found)  # the common numeric column
    if numbers is not None:
        return numbers
    text, found = _clean_arrow(values, False, array, found)
    # A plain number starts with a sign or a digit: most text columns fail on that alone.
    if _NUMBER_START_SIGNED[found.first[found.valid]].all() and looks_numeric(text):
        return plain_numbers(text)
    return unquote_formulas(text) if found.starts_with_quote.any() else text


def plain_numbers(text: pd.Series) -> pd.Series:
    """Numbers of a column that :func:`looks_numeric`, as ``pd.to_numeric`` gives them.

    int64 when every cell is a whole number, else float64 (NaN where missing); converted
    in Arrow, which is much faster than ``pd.to_numeric`` on text.

    Examples
    --------
    >>> plain_numbers(pd.Series(["7", "12"], dtype="str")).tolist()
    [7, 12]
    >>> plain_numbers(pd.Series(["7", None, "1.5"], dtype="str")).tolist()
    [7.0, nan, 1.5]
    >>> plain_numbers(pd.Series(["99999999999999999999"], dtype="str")).tolist()
    [99999999999999999999]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        array = pa.array(text.array)  # Arrow-backed text: no copy
        whole = not pc.any(pc.match_substring_regex(array, "[.eE]")).as_py()
        if whole and not text.isna().any():
            try:
                return pd.Series(array.cast(pa.int64()).to_numpy(), index=text.index)
            except pa.ArrowInvalid:
                return pd.to_numeric(text)  # beyond int64: as pandas does it, no rounding
        floats = array.cast(pa.float64()).to_numpy(zero_copy_only=False)
        return pd.Series(floats, index=text.index, dtype="float64")
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return pd.to_numeric(text)


def parse_number(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse plain or comma-grouped numbers; returns (floats, mask of unparseable cells).

    Text that is not a finite number (``"nan"``, ``"inf"``, ``"1e400"``) is unparseable:
    its float is NaN and its mask entry True.

    Examples
    --------
    >>> numbers, bad = parse_number(pd.Series(["1,200", "nan", "1e400", None], dtype="str"))
    >>> numbers.tolist(), bad.tolist()
    ([1200.0, nan, nan, nan], [False, True, True, False])
    """
    fast = _cast_to_float(text)
    if fast is None:
        cleaned = text.where(~text.fillna("").str.match(_GROUPED_NUMBER), text.str.replace(",", ""))
        fast = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    # "nan", "inf" and "1e400" (infinite as a float) are not numbers a field can hold.
    bad = text.notna() & ~np.isfinite(fast)
    return fast.where(~bad), bad


def _cast_to_float(text: pd.Series) -> pd.Series | None:
    """Cast text to float in one vectorized step; None when any cell is not a plain number."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        if is_arrow_text(text):
            array = large_text(text.array)
        else:
            array = pa.array(text.to_numpy(dtype=object, na_value=None), type=pa.string())
        floats = pc.cast(array, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return pd.Series(floats.to_numpy(zero_copy_only=False), index=text.index, dtype="float64")
