"""The canonical event frame: its columns, their order and their dtypes.

The columns come from the field table (:mod:`timeline.fields`).
"""

from __future__ import annotations

from timeline.fields import names

PRECISIONS: tuple[str, ...] = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "third",
    "half",
    "year",
    "decade",
    "century",
)
"""Date precisions from finest to coarsest (the categories of ``*_precision``)."""

KINDS: tuple[str, ...] = ("instant", "span", "era")
"""Event kinds: one fuzzy moment, a process with a start and an end, a background period."""

DATE_COLUMNS: tuple[str, ...] = names(read="dates")
"""Columns that the date engine produces for every parsed date."""

REQUIRED_COLUMNS: tuple[str, ...] = names(group="required")
"""Columns every canonical event frame has, in this order."""

OPTIONAL_COLUMNS: tuple[str, ...] = names(group="optional")
"""Known optional columns, kept in this order after the required ones when present."""

DATETIME_DTYPE = "datetime64[us]"
"""Resolution of ``start``, ``end`` and ``reported_on``: microseconds hold years 1-9999."""

EXTRA_KNOWN_COLUMNS: tuple[str, ...] = names(group="extra")
"""Columns the loader fills beyond DESIGN's list: who made the claim, the end as reported."""


RELIABILITY_GRADES = "ABCDEF"
"""Admiralty grades of a source's reliability (A reliable ... F cannot be judged)."""


def precision_dtype() -> object:
    """Ordered categorical dtype of ``start_precision`` and ``end_precision``."""
    import pandas as pd

    return pd.CategoricalDtype(list(PRECISIONS), ordered=True)


def kind_dtype() -> object:
    """Categorical dtype of ``kind``."""
    import pandas as pd

    return pd.CategoricalDtype(list(KINDS))


def finalize_events(fields: dict, extras: dict, index: object) -> object:
    """Assemble the canonical event frame from its columns, in canonical order and dtypes.

    Parameters
    ----------
    fields
        Canonical columns by name (Series or arrays aligned on ``index``).
    extras
        Every other source column, kept unchanged after the canonical ones.
    index
        The frame's index.

    Returns
    -------
    DataFrame
        Required columns, known optional columns present in ``fields``, then ``extras``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = finalize_events({"title": ["x"]}, {}, pd.RangeIndex(1))
    >>> list(frame.columns)[:3]
    ['event_id', 'title', 'date_text']
    """
    import pandas as pd

    columns: dict[str, object] = {}
    for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *EXTRA_KNOWN_COLUMNS):
        if name in fields:
            columns[name] = fields[name]
        elif name in REQUIRED_COLUMNS:
            columns[name] = None
    frame = pd.DataFrame(columns, index=index)
    for name in (n for n in names(dtype="datetime") if n in frame):
        frame[name] = pd.to_datetime(frame[name]).astype(DATETIME_DTYPE)
    for name in (n for n in names(dtype="precision") if n in frame):
        frame[name] = frame[name].astype(precision_dtype())
    for name in (n for n in names(dtype="kind") if n in frame):
        frame[name] = frame[name].astype(kind_dtype())
    for name in (n for n in names(dtype="bool") if n in frame):
        frame[name] = frame[name].fillna(False).astype(bool)
    for name in (n for n in names(dtype="str") if n in frame):
        frame[name] = frame[name].astype("str")
    for name in (n for n in names(dtype="category") if n in frame):
        frame[name] = frame[name].astype("category")
    for name in (n for n in names(dtype="grade") if n in frame):
        frame[name] = frame[name].astype(pd.CategoricalDtype(list(RELIABILITY_GRADES)))
    if not extras:
        return frame
    # All extra columns join in one step: inserting them one by one costs time that grows
    # with the square of their number (10,000 columns: minutes).
    taken = set(frame.columns)
    kept: dict[str, object] = {}
    for name, values in extras.items():
        key = name
        while key in taken:
            key = f"{key} (source)"
        if isinstance(values, pd.Series) and values.index.equals(frame.index):
            values = values.array  # aligned already: no per-column alignment
        kept[key] = values
        taken.add(key)
    attrs = dict(frame.attrs)
    joined = pd.concat([frame, pd.DataFrame(kept, index=index)], axis=1)
    joined.attrs = attrs
    return joined


def check_column(events: object, argument: str, column: object, *, of: str = "the events") -> None:
    """Raise unless ``column`` is None or a column of ``events``; the one wording for it.

    Parameters
    ----------
    events
        The event frame (anything with ``.columns``).
    argument
        How the caller names the choice: a keyword (``"lane"``, shown as ``lane='x'``) or
        a command-line option (``"--lane"``, shown as ``--lane 'x'``).
    column
        The column asked for.
    of
        What the frame is called in the message.

    Raises
    ------
    ValueError
        Naming the argument, the value and the valid columns.

    Examples
    --------
    >>> import pandas as pd
    >>> check_column(pd.DataFrame(columns=["title"]), "lane", "who")
    Traceback (most recent call last):
    ...
    ValueError: lane='who' is not a column of the events; valid columns: title
    """
    columns = events.columns  # type: ignore[attr-defined]
    if column is None or column in columns:
        return
    given = f"{argument} {column!r}" if argument.startswith("-") else f"{argument}={column!r}"
    msg = f"{given} is not a column of {of}; valid columns: {', '.join(map(str, columns))}"
    raise ValueError(msg)


DRAWABLE_COLUMNS: tuple[str, ...] = ("title", "start", "end", "kind")
"""Columns ``tl.plot`` and ``tl.explore`` need at the least."""


def check_event_frame(events: object, needed_by: str) -> object:
    """Return ``events`` if it is a frame with :data:`DRAWABLE_COLUMNS`, else raise.

    Parameters
    ----------
    events
        What the caller was given.
    needed_by
        The function's name, for the message (``"plot"``, ``"explore"``).

    Examples
    --------
    >>> check_event_frame([], "plot")
    Traceback (most recent call last):
    ...
    TypeError: events must be a pandas DataFrame (the canonical event frame); got <class 'list'>
    """
    import pandas as pd

    if not isinstance(events, pd.DataFrame):
        msg = f"events must be a pandas DataFrame (the canonical event frame); got {type(events)}"
        raise TypeError(msg)
    missing = [c for c in DRAWABLE_COLUMNS if c not in events.columns]
    if missing:
        msg = (
            f"events is missing the column(s) {', '.join(missing)}; {needed_by} needs "
            f"{DRAWABLE_COLUMNS} (load data with tl.load_events to get the canonical event frame)"
        )
        raise ValueError(msg)
    return events
