"""Limits on what a source may expand to, so hostile files end in a clear error in time.

- An Excel workbook is a zip archive: its parts may expand to at most
  :data:`MAX_XLSX_EXPANSION` bytes in all, and a part larger than
  :data:`RATIO_CHECKED_FROM` bytes may not be more than :data:`MAX_XLSX_RATIO` times
  its compressed size (real sheets compress about 5-20 times; a zip bomb a thousand).
  Sizes are checked as the archive declares them before anything is unpacked; Python's
  ``zipfile`` never unpacks more than the declared size of a part (a part that holds
  more fails its CRC check), so the declared sizes bound the actual ones.
- A field of a delimited file may hold at most :data:`MAX_FIELD_BYTES` bytes.
- JSON may nest about ``sys.getrecursionlimit()`` levels (1,000 by default); event
  records need two or three.

Past any of them the loader raises ``ValueError`` naming the file and the limit.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_XLSX_EXPANSION = 1 << 30
"""1 GiB: the most an Excel workbook may unpack to (all its parts together)."""

MAX_XLSX_RATIO = 200
"""How many times its compressed size a large part of a workbook may expand."""

RATIO_CHECKED_FROM = 16 << 20
"""16 MiB: parts larger than this have their compression ratio checked."""

MAX_FIELD_BYTES = 256 << 20
"""256 MiB: the largest field of a delimited file."""


def _mib(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MiB"


def check_archive(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than the limits allow.

    Raises
    ------
    ValueError
        Naming the file, the part and the limit; or when ``path`` is not a zip archive.

    Examples
    --------
    >>> import io, tempfile, zipfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "bomb.xlsx"
    >>> with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("xl/worksheets/sheet1.xml", b" " * (64 << 20))
    >>> check_archive(path)
    Traceback (most recent call last):
    ...
    ValueError: ... expands ... times its compressed size ...
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        msg = f"cannot read {str(path)!r} as an Excel workbook: {exc}"
        raise ValueError(msg) from exc
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > RATIO_CHECKED_FROM:
            ratio = part.file_size / max(part.compress_size, 1)
            if ratio > MAX_XLSX_RATIO:
                msg = (
                    f"{str(path)!r}: the part {part.filename!r} expands to "
                    f"{_mib(part.file_size)}, {ratio:,.0f} times its compressed size "
                    f"(the limit is {MAX_XLSX_RATIO} times for parts over "
                    f"{_mib(RATIO_CHECKED_FROM)}): refused as a possible zip bomb"
                )
                raise ValueError(msg)
        if total > MAX_XLSX_EXPANSION:
            msg = (
                f"{str(path)!r} unpacks to more than {_mib(MAX_XLSX_EXPANSION)} (the limit "
                "for a workbook): refused; save the sheet as CSV or Parquet instead"
            )
            raise ValueError(msg)
