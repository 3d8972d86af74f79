"""One cell as text: the one rule the loader, the details pane and the exports share.

- missing (None, NaN, NA, NaT) is None;
- a list cell (``actors``) is its present items joined with ``"; "``;
- a date-time is ISO text: the day alone at midnight, else the full time; one with a time
  zone is converted to UTC (the event model's clock) and keeps its time, so every view
  shows one instant the same way;
- a float holding a whole number (a spreadsheet's ``2.0``) is ``"2"``;
- anything else is ``str(value)``; ``strip=True`` strips it and makes blank text None.

Examples
--------
>>> import pandas as pd
>>> cell_text(pd.Timestamp("2024-06-19T02:00", tz="Europe/Berlin"))
'2024-06-19T00:00:00'
>>> cell_text(["Kim", None, "Putin"]), cell_text(2.0), cell_text(float("nan")) is None
('Kim; Putin', '2', True)
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from timeline.errors import show_value
from timeline.lists import is_list_cell

LIST_SEPARATOR = "; "


def cell_text(value: object, *, strip: bool = False) -> str | None:
    """One cell as text by the module's rule; None when missing (or blank with ``strip``).

    Examples
    --------
    >>> cell_text(pd.Timestamp("2024-06-19")), cell_text(pd.Timestamp("2024-06-19 10:30"))
    ('2024-06-19', '2024-06-19T10:30:00')
    >>> cell_text("  a ", strip=True), cell_text("  ", strip=True)
    ('a', None)
    """
    if is_list_cell(value):
        items = [cell_text(item, strip=strip) for item in value]  # type: ignore[attr-defined]
        present = [item for item in items if item is not None]
        return LIST_SEPARATOR.join(present) if present else None
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        if np.isnan(value):
            return None
        if float(value).is_integer():
            return str(int(value))
    if isinstance(value, pd.Timestamp | dt.datetime | np.datetime64):
        stamp = pd.Timestamp(value)
        if stamp is pd.NaT:
            return None
        aware = stamp.tzinfo is not None
        if aware:  # a clock time in a zone: the same instant in UTC, never just its day
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        if not aware and stamp == stamp.normalize():
            return stamp.strftime("%Y-%m-%d")
        return stamp.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value if isinstance(value, str) else show_value(value, limit=1 << 30)  # never fails
    if strip:
        text = text.strip()
        return text or None
    return text
