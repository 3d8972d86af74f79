"""Clean Arrow text columns by reading their buffers: skip the passes a column does not need.

Stripping, finding blanks and finding our formula quote each cost a full pass over a
column's text. What decides whether a cell needs any of them sits at its edges: its
length, its first byte and its last two bytes. Those come from the offsets buffer with a
few numpy gathers, so a column that is clean already (most are) costs almost nothing, and
a blank cell becomes missing by a new validity bitmap instead of a copy of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

_ASCII_SPACE = np.zeros(256, dtype=bool)
_ASCII_SPACE[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]] = True
"""Bytes that are whitespace on their own (what ``str.isspace`` accepts below 128)."""

_SPACE_LEAD = np.zeros(256, dtype=bool)
_SPACE_LEAD[[0xC2, 0xE1, 0xE2, 0xE3]] = True
"""First bytes of the UTF-8 encodings of the other Unicode spaces (U+0085 ... U+3000)."""

_SPACE_BEFORE_LAST = np.zeros(256, dtype=bool)
_SPACE_BEFORE_LAST[[0xC2, 0x80, 0x81, 0x9A]] = True
"""Second-to-last bytes of those encodings (C2 85, E2 80 80, E2 81 9F, E1 9A 80 ...)."""

_FIRST_MAY_BE_SPACE = _ASCII_SPACE | _SPACE_LEAD

_QUOTE = 0x27


@dataclass(frozen=True)
class Edges:
    """Per cell: present, blank, first byte (0 when blank), whether its edges need work.

    One byte per cell each, so reading them costs little memory.
    """

    valid: np.ndarray
    blank: np.ndarray
    first: np.ndarray
    may_need_strip: np.ndarray

    @property
    def starts_with_quote(self) -> np.ndarray:
        """Present cells whose first character is ``'``."""
        return self.first == _QUOTE


def large_text(values: Any) -> Any:
    """Arrow-backed text (pandas array, pyarrow array) as a chunked ``large_string`` array.

    The chunks stay as they are (a CSV reader makes one per block): joining them would
    copy all the text.
    """
    import pyarrow as pa

    array = values if isinstance(values, pa.Array | pa.ChunkedArray) else pa.array(values)
    if isinstance(array, pa.Array):
        array = pa.chunked_array([array], type=array.type)
    if not pa.types.is_large_string(array.type):
        array = array.cast(pa.large_string())
    return array


def _buffers(chunk: Any) -> tuple[np.ndarray, np.ndarray]:
    """(offsets of this chunk's cells, the data bytes) of a ``large_string`` array."""
    buffers = chunk.buffers()
    size = len(chunk)
    offsets = np.frombuffer(buffers[1], dtype=np.int64, count=chunk.offset + size + 1)
    offsets = offsets[chunk.offset :]
    data = (
        np.frombuffer(buffers[2], dtype=np.uint8)
        if buffers[2] is not None
        else np.zeros(0, np.uint8)
    )
    return offsets, data


def _valid(chunk: Any) -> np.ndarray:
    if not chunk.null_count:
        return np.ones(len(chunk), dtype=bool)
    return np.asarray(chunk.is_valid().to_numpy(zero_copy_only=False), dtype=bool)


def edges(array: Any) -> Edges:
    """Read the edges of every cell of a (chunked) ``large_string`` array.

    ``may_need_strip`` is true where the first or last character may be whitespace
    (ASCII whitespace for sure; a non-ASCII space possibly), so where it is false
    everywhere, stripping the column would change nothing.

    Examples
    --------
    >>> import pyarrow as pa
    >>> found = edges(pa.array(["a", " b", "", None, "c\u00a0", "'=1", "é"], pa.large_string()))
    >>> found.may_need_strip.tolist()
    [False, True, False, False, True, False, False]
    >>> found.blank.tolist(), found.starts_with_quote.tolist()[5]
    ([False, False, True, False, False, False, False], True)
    """
    chunks = array.chunks if hasattr(array, "chunks") else [array]
    parts = [_chunk_edges(chunk) for chunk in chunks]
    if not parts:
        empty = np.zeros(0, dtype=bool)
        return Edges(empty, empty, np.zeros(0, np.uint8), empty)
    if len(parts) == 1:
        return parts[0]
    columns = zip(*(_fields(part) for part in parts), strict=True)
    return Edges(*(np.concatenate(column) for column in columns))


def _fields(found: Edges) -> tuple[np.ndarray, ...]:
    return (found.valid, found.blank, found.first, found.may_need_strip)


def _chunk_edges(chunk: Any) -> Edges:
    offsets, data = _buffers(chunk)
    lengths = np.diff(offsets)
    valid = _valid(chunk)
    filled = lengths > 0  # a null cell has no bytes either
    if not len(data):
        zeros = np.zeros(len(chunk), dtype=np.uint8)
        return Edges(valid, valid.copy(), zeros, np.zeros(len(chunk), dtype=bool))
    # Gathers stay inside the buffer (an empty cell's "last byte" is any byte: masked).
    first = data[np.minimum(offsets[:-1], len(data) - 1)]
    first[~filled] = 0
    last = data[offsets[1:] - 1]
    may_need_strip = _FIRST_MAY_BE_SPACE[first] | _ASCII_SPACE[last]
    wide_last = last >= 0x80
    if wide_last.any():  # a non-ASCII last character: look at the byte before it too
        before_last = data[np.maximum(offsets[1:] - 2, 0)]
        may_need_strip |= (lengths > 1) & wide_last & _SPACE_BEFORE_LAST[before_last]
    may_need_strip &= filled
    return Edges(valid, valid & ~filled, first, may_need_strip)


def strip(array: Any, found: Edges | None = None) -> tuple[Any, Edges]:
    """The text with whitespace stripped from both ends (as ``str.strip``), and its edges.

    Only columns with a cell that may need it are stripped: first of ASCII whitespace
    (fast), then, if a cell may still start or end with a Unicode space, fully.

    Examples
    --------
    >>> import pyarrow as pa
    >>> stripped, _ = strip(pa.array([" a ", "b", "\u00a0 c"], pa.large_string()))
    >>> stripped.to_pylist()
    ['a', 'b', 'c']
    """
    import pyarrow.compute as pc

    found = edges(array) if found is None else found
    if not found.may_need_strip.any():
        return array, found
    array = pc.ascii_trim_whitespace(array)
    found = edges(array)
    if found.may_need_strip.any():
        array = pc.utf8_trim_whitespace(array)
        found = edges(array)
    return array, found


def null_where(array: Any, missing: np.ndarray) -> Any:
    """The array with the cells marked in ``missing`` made null; the text is not copied.

    Examples
    --------
    >>> import pyarrow as pa
    >>> null_where(pa.array(["a", "", "b"], pa.large_string()), np.array([0, 1, 0], bool))
    <pyarrow.lib.ChunkedArray object at ...>
    [
      [
        "a",
        null,
        "b"
      ]
    ]
    """
    import pyarrow as pa

    chunks = large_text(array).chunks
    bounds = np.cumsum([0, *(len(chunk) for chunk in chunks)])
    return pa.chunked_array(
        [
            _chunk_null_where(chunk, missing[start:end])
            for chunk, start, end in zip(chunks, bounds[:-1], bounds[1:], strict=True)
        ],
        type=pa.large_string(),
    )


def _chunk_null_where(chunk: Any, missing: np.ndarray) -> Any:
    import pyarrow as pa

    if not missing.any():
        return chunk
    offsets, _ = _buffers(chunk)
    keep = _valid(chunk) & ~missing
    bitmap = pa.py_buffer(np.packbits(keep, bitorder="little").tobytes())
    return pa.LargeStringArray.from_buffers(
        len(chunk),
        pa.py_buffer(np.ascontiguousarray(offsets).tobytes()),
        chunk.buffers()[2] or pa.py_buffer(b""),
        null_bitmap=bitmap,
        null_count=int(len(chunk) - keep.sum()),
    )
