"""List cells (``actors``): the Arrow list column the loader makes, and lists users bring.

The loader stores a list-valued field as a pandas Arrow list column
(``list<large_string>[pyarrow]``): each cell reads back as a Python list of str
(``events["actors"].iloc[0] == ["Kim Jong Un", "Putin"]``), a missing cell is an empty
list, and a million rows cost no Python objects until someone asks for them. Frames built
by hand may hold Python lists (or tuples, numpy arrays) in an object column instead; the
helpers here accept both, so every part of the package treats them alike.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from timeline.text import is_missing


def list_type() -> Any:
    """The Arrow type of a list column: lists of (large) text."""
    import pyarrow as pa

    return pa.list_(pa.large_string())


def list_dtype() -> pd.ArrowDtype:
    """The pandas dtype of a list column made by the loader.

    Examples
    --------
    >>> str(list_dtype())
    'list<item: large_string>[pyarrow]'
    """
    return pd.ArrowDtype(list_type())


def is_arrow_list(values: pd.Series) -> bool:
    """Whether ``values`` is an Arrow list column."""
    import pyarrow as pa

    dtype = values.dtype
    return isinstance(dtype, pd.ArrowDtype) and (
        pa.types.is_list(dtype.pyarrow_dtype) or pa.types.is_large_list(dtype.pyarrow_dtype)
    )


def is_list_cell(value: object) -> bool:
    """Whether one cell holds several values (a list, tuple or array)."""
    return isinstance(value, list | tuple | np.ndarray)


def is_list_column(values: pd.Series, sample: int = 50) -> bool:
    """Whether a column holds lists: an Arrow list column, or an object column of lists.

    Examples
    --------
    >>> is_list_column(pd.Series([["Kim", "Putin"], ["Putin"]]))
    True
    >>> is_list_column(pd.Series(["Kim; Putin"]))
    False
    """
    if is_arrow_list(values):
        return True
    if values.dtype != object:
        return False
    present = values.dropna().head(sample)
    return bool(len(present)) and all(is_list_cell(v) for v in present)


def as_list_column(values: pd.Series) -> pd.Series:
    """A column of list cells (Python or Arrow lists) as the loader's Arrow list column.

    Items become stripped text (:func:`tidy_lists`); empty items and missing cells give
    empty lists; a scalar cell is a list of itself.

    Examples
    --------
    >>> as_list_column(pd.Series([["Kim", " Putin "], None, ("x", "")])).tolist()
    [['Kim', 'Putin'], [], ['x']]
    """
    import pyarrow as pa

    if is_arrow_list(values):
        return tidy_lists(pa.array(values.array), values.index)

    def items(value: object) -> list[str]:
        cells = value if is_list_cell(value) else [value]
        return [str(cell) for cell in cells if not is_missing(cell)]  # type: ignore[union-attr]

    array = pa.array([items(v) for v in values.tolist()], type=list_type())
    return tidy_lists(array, values.index)


def tidy_lists(lists: Any, index: pd.Index) -> pd.Series:
    """Arrow lists (any list type of text) as the loader's list column: items stripped,
    missing and empty items dropped, missing cells as empty lists.

    A column that is tidy already is returned without copying its text.

    Examples
    --------
    >>> import pyarrow as pa
    >>> tidy_lists(pa.array([[" Kim", None, ""], None]), pd.RangeIndex(2)).tolist()
    [['Kim'], []]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from timeline.load.speed import large_text, strip

    if isinstance(lists, pa.ChunkedArray):
        lists = lists.combine_chunks()
    if lists.type != list_type():
        lists = lists.cast(list_type())
    if lists.null_count:  # a missing cell may even hide items: it becomes an empty list
        lists = pc.fill_null(lists, pa.scalar([], type=list_type()))
    flat = large_text(pc.list_flatten(lists)).combine_chunks()
    items, found = strip(flat)
    keep = found.valid & ~found.blank
    if items is flat and keep.all() and lists.offset == 0 and lists.offsets[0].as_py() == 0:
        return pd.Series(pd.arrays.ArrowExtensionArray(lists), index=index)
    parents = pc.list_parent_indices(lists).to_numpy()
    if not keep.all():
        items = items.filter(pa.array(keep))
        parents = parents[keep]
    counts = np.bincount(parents, minlength=len(lists))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    tidy = pa.ListArray.from_arrays(pa.array(offsets), items, type=list_type())
    return pd.Series(pd.arrays.ArrowExtensionArray(tidy), index=index)


def flatten(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Every item of a list column with the position of its row.

    Returns ``(positions, items)``: ``int64`` row positions (a row repeats once per item;
    a row with no items does not appear) and the items as text.

    Examples
    --------
    >>> positions, items = flatten(as_list_column(pd.Series([["Kim", "Putin"], [], ["Lavrov"]])))
    >>> positions.tolist(), items.tolist()
    ([0, 0, 2], ['Kim', 'Putin', 'Lavrov'])
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.chunked_array(pa.array(as_list_column(values).array)).combine_chunks()
    positions = pc.list_parent_indices(array).to_numpy().astype(np.int64)
    items = pc.list_flatten(array)
    return positions, pd.Series(pd.array(items, dtype="str"))


def first_items(values: pd.Series) -> pd.Series:
    """The first item of each list cell as text (NA for an empty list).

    Examples
    --------
    >>> first_items(as_list_column(pd.Series([["Kim", "Putin"], []]))).tolist()
    ['Kim', nan]
    """
    positions, items = flatten(values)
    starts = np.flatnonzero(np.diff(positions, prepend=-1) != 0)
    first = pd.Series(pd.NA, index=range(len(values)), dtype="str")
    first.iloc[positions[starts]] = items.iloc[starts].to_numpy()
    return first.set_axis(values.index)


def join_lists(values: pd.Series, separator: str) -> pd.Series:
    """Each list cell as one text, its items joined by ``separator`` (empty list: NA).

    Examples
    --------
    >>> join_lists(as_list_column(pd.Series([["Kim", "Putin"], []])), "; ").tolist()
    ['Kim; Putin', nan]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.chunked_array(pa.array(as_list_column(values).array))
    joined = pc.binary_join(array, pa.scalar(separator, pa.large_string()))
    joined = pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.large_string()), joined)
    return pd.Series(pd.array(joined, dtype="str"), index=values.index)
