"""CSV and XLSX: the event frame in the loader's columns, safe to open in a spreadsheet.

The file holds what was reported (``title``, ``date_text``, ``end_text``, ``reported_on``,
``kind``, the optional fields and every extra column), so ``tl.load_events`` on it gives
back the same events: the dates are parsed again against the same report dates.
``derived=True`` adds the computed columns for reading in a spreadsheet, each named with a
``derived_`` prefix (``derived_start``, ``derived_end``, the precisions, flags, EDTF): no
loader alias matches those names (a bare ``end`` would be read as the end date), so on
import they stay extra columns and the events come back the same.

Any text cell that starts with ``= + - @``, a tab or a carriage return is prefixed with
``'`` so no spreadsheet runs it as a formula; numbers stay numbers. The loader removes the
prefix again.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from timeline.export.escaping import xml_text
from timeline.lists import is_arrow_list, is_list_cell, join_lists
from timeline.load.text_cells import FORMULA_PREFIXES
from timeline.schema import DATE_COLUMNS, OPTIONAL_COLUMNS

SOURCE_COLUMNS = (
    "event_id",
    "title",
    "date_text",
    "end_text",
    "reported_on",
    "kind",
    *OPTIONAL_COLUMNS,
    "claimant",
)
"""Columns the loader reads back, in the order they are written (when present)."""

DERIVED_PREFIX = "derived_"
DERIVED_COLUMNS = tuple(c for c in DATE_COLUMNS if c not in SOURCE_COLUMNS)
"""Computed columns written with ``derived=True`` (as ``derived_<name>``; ``kind`` is
written anyway)."""

LIST_SEPARATOR = "; "


def neutralize(text: str) -> str:
    """Prefix a formula-like text cell with ``'`` so spreadsheets show it as text.

    Examples
    --------
    >>> neutralize("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralize("Kursk")
    'Kursk'
    """
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def neutralize_series(values: pd.Series) -> pd.Series:
    """:func:`neutralize` on every text cell of a column (vectorized; missing stays missing)."""
    text = values.astype("str")
    risky = text.str.startswith(FORMULA_PREFIXES).fillna(False).to_numpy(dtype=bool)
    if not risky.any():
        return text
    return text.where(~risky, "'" + text)


def _has_list_cells(values: pd.Series) -> bool:
    if is_arrow_list(values):
        return True
    if values.dtype != object:
        return False
    return bool(values.map(is_list_cell).any())


def _join_lists(values: pd.Series) -> pd.Series:
    if is_arrow_list(values):
        return join_lists(values, LIST_SEPARATOR)

    def join(value: object) -> object:
        if is_list_cell(value):
            return LIST_SEPARATOR.join(str(v) for v in value) or None
        return value

    return values.map(join).astype("str")


def _day_text(values: pd.Series) -> pd.Series:
    """Datetimes as ISO text: the day alone at midnight, else the full time."""
    stamps = pd.to_datetime(values)
    midnight = stamps.isna() | (stamps == stamps.dt.normalize())
    day = stamps.dt.strftime("%Y-%m-%d")
    full = stamps.dt.strftime("%Y-%m-%dT%H:%M:%S")
    return day.where(midnight, full).astype("str")


def table_frame(events: pd.DataFrame, *, derived: bool = False) -> pd.DataFrame:
    """The frame a CSV/XLSX export writes: loader columns, then extras (and derived ones).

    Lists (``actors``) are joined with ``"; "``, report dates become ISO text, formula-like
    text is neutralised. Numeric columns keep their numbers.

    Parameters
    ----------
    events : DataFrame
        A canonical event frame.
    derived : bool, default False
        Also write ``derived_start``, ``derived_end``, the precisions, the flags and
        ``edtf`` (each with the ``derived_`` prefix, so reading the file back gives the
        same events).

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["=1+1"], "date": ["2024"]}))
    >>> table_frame(events)[["title", "date_text"]].values.tolist()
    [["'=1+1", '2024']]
    """
    computed = [c for c in DERIVED_COLUMNS if c in events.columns] if derived else []
    written = {DERIVED_PREFIX + c: c for c in computed}
    # a reloaded derived export has derived_* extras: fresh values replace them
    skip = {*SOURCE_COLUMNS, *DERIVED_COLUMNS, *written}
    names = [(c, c) for c in SOURCE_COLUMNS if c in events.columns]
    names += [(c, c) for c in events.columns if c not in skip]
    names += list(written.items())
    out: dict[str, pd.Series] = {}
    for label, name in names:
        values = events[name]
        if name in ("reported_on", "start", "end"):
            out[label] = _day_text(values)
        elif pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
            out[label] = values
        elif _has_list_cells(values):
            out[label] = neutralize_series(_join_lists(values))
        else:
            out[label] = neutralize_series(values.astype(object).astype("str"))
    frame = pd.DataFrame(out, index=events.index)
    frame.columns = [neutralize(str(c)) for c in frame.columns]
    return frame.reset_index(drop=True)


def write_csv(events: pd.DataFrame, path: Path, *, derived: bool = False) -> None:
    """Write the events as UTF-8 CSV (with a BOM, so spreadsheet programs read UTF-8).

    Examples
    --------
    >>> import tempfile, timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["2024"]}))
    >>> path = Path(tempfile.mkdtemp()) / "events.csv"
    >>> write_csv(events, path)
    >>> tl.load_events(path)["title"].tolist()
    ['a']
    """
    table_frame(events, derived=derived).to_csv(path, index=False, encoding="utf-8-sig")


def _xlsx_value(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        return xml_text(value)
    return value


_SHEET_FORBIDDEN = frozenset("[]:*?/\\")


def sheet_title(sheet_name: object) -> str:
    """The worksheet title for ``sheet_name``: control characters dropped, 31 characters.

    Raises
    ------
    TypeError
        When ``sheet_name`` is not a string.
    ValueError
        When it is blank or holds a character Excel forbids in sheet names.

    Examples
    --------
    >>> sheet_title("events\\x01 2024")
    'events 2024'
    """
    if not isinstance(sheet_name, str):
        msg = f"sheet_name must be a string; got {type(sheet_name).__name__} {sheet_name!r}"
        raise TypeError(msg)
    title = xml_text(sheet_name).replace("\t", " ").replace("\n", " ").replace("\r", " ")
    forbidden = sorted(set(title) & _SHEET_FORBIDDEN)
    if forbidden:
        msg = (
            f"sheet_name {sheet_name!r} holds {' '.join(forbidden)}, which Excel does not "
            "allow in a sheet name"
        )
        raise ValueError(msg)
    title = title.strip()[:31].strip()
    if not title:
        msg = f"sheet_name must name the sheet; got {sheet_name!r}"
        raise ValueError(msg)
    return title


def write_xlsx(
    events: pd.DataFrame, path: Path, *, derived: bool = False, sheet_name: str = "events"
) -> None:
    """Write the events as one Excel sheet (text cells typed as text, a bold frozen header).

    Characters that XML cannot hold (control characters other than tab and line breaks)
    are dropped from text cells.

    Examples
    --------
    >>> import tempfile, timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a"], "date": ["2024"]}))
    >>> path = Path(tempfile.mkdtemp()) / "events.xlsx"
    >>> write_xlsx(events, path)
    >>> tl.load_events(path)["date_text"].tolist()
    ['2024']
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    frame = table_frame(events, derived=derived)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_title(sheet_name))
    sheet.freeze_panes = "A2"
    widths = [min(max(len(str(c)), 8) + 2, 60) for c in frame.columns]
    for i, name in enumerate(frame.columns):
        longest = frame[name].head(200).astype(str).str.len().max()
        if pd.notna(longest):
            widths[i] = min(max(widths[i], int(longest) + 2), 60)
        sheet.column_dimensions[get_column_letter(i + 1)].width = widths[i]
    bold = Font(bold=True)
    header = []
    for name in frame.columns:
        cell = WriteOnlyCell(sheet, value=_xlsx_value(str(name)))
        cell.data_type = "s"
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    text_columns = [not pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for value, is_text in zip(row, text_columns, strict=True):
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if is_text and cell.value is not None:
                cell.data_type = "s"  # never a formula, whatever the text
            cells.append(cell)
        sheet.append(cells)
    book.save(path)
