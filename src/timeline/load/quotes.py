"""Find a quote that opens a field of a delimited file and never closes.

Such a quote swallows every later record into one field (``B,2025,"oops`` takes the
rest of the file as B's description). The check is cheap for a sound file: a file in
which every quoted field closes has an even number of quote characters unless a quote
also appears inside an unquoted field (``5" screen``), so only a file with an odd count
is scanned, once, from quote to quote; so is a file with a field that spans lines, or
whose last record ends in a field that runs from a quote to the very end of the file (an
odd count can hide behind a quote inside an unquoted field, or a second unterminated
quote). A quoted field that spans lines and "closes" at a quote followed by more text
(``"one`` ... ``,"two``) counts as unterminated too.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

_CHUNK = 16 << 20


def quote_count_is_odd(source: Path | bytes) -> bool:
    """Whether ``source`` holds an odd number of ``"`` characters (read in chunks).

    Examples
    --------
    >>> quote_count_is_odd(b'a,"b"\\n'), quote_count_is_odd(b'a,"b\\n')
    (False, True)
    """
    if isinstance(source, bytes):
        return source.count(b'"') % 2 == 1
    count = 0
    with source.open("rb") as file:
        while chunk := file.read(_CHUNK):
            count += chunk.count(b'"')
    return count % 2 == 1


def unterminated_quote(data: bytes, delimiter: str) -> int | None:
    """Offset of the first quote that opens a field and is never closed, or None.

    A quote opens a field only at the start of one (after the delimiter, a line break
    or the start of the file); inside a quoted field ``""`` is a quote character.

    Examples
    --------
    >>> unterminated_quote(b'a,b\\n1,"x""y"\\n2,"oops\\n3,z\\n', ",")
    15
    >>> unterminated_quote(b'a,b\\n1,5" screen\\n', ",") is None
    True
    """
    separator = delimiter.encode()
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    position = start
    while True:
        opening = data.find(b'"', position)
        if opening < 0:
            return None
        before = data[opening - 1 : opening] if opening > start else b"\n"
        if before not in (separator, b"\n", b"\r"):
            position = opening + 1  # a quote inside an unquoted field is a character
            continue
        inside = opening + 1
        while True:
            closing = data.find(b'"', inside)
            if closing < 0:
                return opening
            after = data[closing + 1 : closing + 2]
            if after == b'"':
                inside = closing + 2
                continue
            if after not in (separator, b"\n", b"\r", b"") and _spans_lines(data, opening, closing):
                # It "closes" lines later at a quote that opens another field (``,"two``):
                # the quote at ``opening`` was never closed where its field ended.
                return opening
            position = closing + 1
            break


def _spans_lines(data: bytes, start: int, end: int) -> bool:
    return data.find(b"\n", start, end) >= 0 or data.find(b"\r", start, end) >= 0


def has_multiline_cells(frame: pd.DataFrame) -> bool:
    """Whether a text cell holds a line break (then the file's quotes are checked).

    Examples
    --------
    >>> has_multiline_cells(pd.DataFrame({"a": pd.Series(["x", "y\\nz"], dtype="str")}))
    True
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    for name in frame.columns:
        values = frame[name]
        if not isinstance(values.dtype, pd.StringDtype):
            continue
        array = pa.array(values.array)
        if pc.any(pc.match_substring_regex(array, "[\\r\\n]")).as_py():
            return True
    return False


def record_number(data: bytes, offset: int, delimiter: str) -> int:
    """The 1-based number of the data record (header excluded) holding byte ``offset``.

    Examples
    --------
    >>> record_number(b'a,b\\n1,x\\n2,"oops\\n', 12, ",")
    2
    """
    text = data[:offset].decode("utf-8", errors="replace").removeprefix("\ufeff")
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, len(text) + 1))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = sum(1 for row in reader if row)
    finally:
        csv.field_size_limit(previous)
    at_line_start = offset == 0 or data[offset - 1 : offset] in (b"\n", b"\r")
    return rows if at_line_start else rows - 1


def swallows_the_end(source: Path | bytes, frame: pd.DataFrame) -> bool:
    """Whether a text cell of the last row read is the file's tail right after a quote.

    That is what a quote that never closes leaves: its field runs to the end of the file.
    A field closed properly is followed by its closing quote; an unquoted one by no quote.

    Examples
    --------
    >>> import pandas as pd
    >>> swallows_the_end(b'a,b\\n1,"x\\n2,y\\n', pd.DataFrame({"a": ["1"], "b": ["x\\n2,y\\n"]}))
    True
    >>> swallows_the_end(b'a,b\\n1,"x"\\n', pd.DataFrame({"a": ["1"], "b": ["x"]}))
    False
    """
    if not len(frame):
        return False
    cells = [v for v in frame.iloc[-1].tolist() if isinstance(v, str) and v]
    if not cells:
        return False
    longest = max(len(cell.encode("utf-8", "surrogatepass")) for cell in cells) + 1
    if isinstance(source, bytes):
        tail = source[-longest:]
    else:
        with source.open("rb") as file:
            size = file.seek(0, 2)
            file.seek(max(0, size - longest))
            tail = file.read()
    for cell in cells:
        data = cell.encode("utf-8", "surrogatepass")
        if tail.endswith(data) and tail[-len(data) - 1 : len(tail) - len(data)] == b'"':
            return True
    return False
