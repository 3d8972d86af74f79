"""Build pandas ``str`` columns from a pool of strings and a per-row index into it.

With pyarrow (pandas' default string storage), the pool is an Arrow array and the
column is one ``take``; the input column itself can serve as part of the pool, so the
EDTF text of plain ISO rows is never copied into Python objects.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd


@cache
def arrow_available() -> bool:
    """Whether pyarrow can be imported."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def arrow_strings(values: object) -> object | None:
    """The input as one pyarrow ``large_string`` array, or None when it is not Arrow-backed."""
    if not arrow_available() or not isinstance(values, pd.arrays.ArrowStringArray):
        return None
    import pyarrow as pa

    chunked = values._pa_array
    array = chunked.combine_chunks() if isinstance(chunked, pa.ChunkedArray) else chunked
    if not pa.types.is_large_string(array.type):
        array = array.cast(pa.large_string())
    return array


def take_strings(parts: list[object], index: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A ``str`` array whose row i is entry ``index[i]`` of the concatenated ``parts``.

    Each part is a pyarrow array or a list of str.
    """
    if arrow_available():
        import pyarrow as pa

        arrays = [
            part if isinstance(part, pa.Array) else pa.array(part, type=pa.large_string())
            for part in parts
        ]
        pool = arrays[0] if len(arrays) == 1 else pa.concat_arrays(arrays)
        return pd.array(pool.take(pa.array(index)), dtype="str")
    pool = np.concatenate([np.asarray(part, dtype=object) for part in parts])
    return pd.array(pool[index], dtype="str")


def constant_strings(value: str, size: int) -> pd.api.extensions.ExtensionArray:
    """A ``str`` array of ``size`` copies of ``value``."""
    if arrow_available() and value == "":
        import pyarrow as pa

        offsets = pa.py_buffer(np.zeros(size + 1, dtype=np.int64).tobytes())
        empty = pa.LargeStringArray.from_buffers(size, offsets, pa.py_buffer(b""))
        return pd.array(empty, dtype="str")
    return take_strings([[value]], np.zeros(size, dtype=np.int64))
