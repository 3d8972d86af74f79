"""Filters as data: a :class:`FilterState` becomes one boolean mask over the events.

The filters are built as narwhals expressions, so the same state can later run where the
data lives (DuckDB, Polars, Spark) instead of in pandas. List-valued columns (``actors``)
and the text search use helper columns that :func:`prepare_events` adds once per frame:
a delimited key per list cell and a lowercase search text.

Era rows (``kind == "era"``) are background context: every filter lets them through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

SEARCH_COLUMNS = ("title", "description", "quote")
"""Columns the free-text search looks in."""
FACET_COLUMNS = ("category", "actors", "source", "location")
"""Columns with a multi-select filter."""
RELIABILITY_GRADES = "ABCDEF"
_SEP = "\x1f"
_SEARCH = "__search_text"


@dataclasses.dataclass
class FilterState:
    """What is shown: a plain, JSON-serialisable description of filters and view choices.

    Parameters
    ----------
    since, until
        Date expressions as the loader accepts them ("June 2024", "since September",
        "2025-03-01"); an event is kept when it overlaps ``[since, until)``: it ends after
        the start of ``since`` and begins before the end of ``until``. Ongoing events
        (``open_end``) never end.
    category, actors, source, location
        Values to keep (an event with any of the values is kept); ``None`` keeps all.
    search
        Words that must all appear (case-insensitive) in title, description or quote.
    hide_approximate, hide_uncertain
        Drop events whose date is approximate ("circa") or uncertain ("?").
    min_reliability
        Keep events whose source reliability is this grade (A-F) or better; events without
        a grade are dropped while this is set.
    lane, color
        View choices: the column that makes the lanes and the one that sets the colours.
    reference_date
        Report date for relative expressions in ``since``/``until`` (ISO text).

    Examples
    --------
    >>> state = FilterState(category=["combat"], search="Kursk")
    >>> FilterState.from_dict(state.to_dict()) == state
    True
    """

    since: str | None = None
    until: str | None = None
    category: list[str] | None = None
    actors: list[str] | None = None
    source: list[str] | None = None
    location: list[str] | None = None
    search: str = ""
    hide_approximate: bool = False
    hide_uncertain: bool = False
    min_reliability: str | None = None
    lane: str | None = None
    color: str | None = None
    reference_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The state as a plain dict (JSON-serialisable)."""
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        """The state as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | FilterState | None) -> FilterState:
        """Build a state from a dict (unknown keys are an error), a state, or None."""
        if data is None:
            return cls()
        if isinstance(data, FilterState):
            return dataclasses.replace(data)
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            msg = f"unknown filter field(s) {unknown}; valid fields: {sorted(names)}"
            raise ValueError(msg)
        values = dict(data)
        for name in FACET_COLUMNS:
            if values.get(name) is not None:
                values[name] = [str(v) for v in values[name]]
        return cls(**values)

    @classmethod
    def from_json(cls, text: str) -> FilterState:
        """Build a state from JSON text written by :meth:`to_json`."""
        return cls.from_dict(json.loads(text))

    def replace(self, **changes: Any) -> FilterState:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def prepare_events(events: pd.DataFrame) -> pd.DataFrame:
    """Add the helper columns the filters use (idempotent; the input is not modified).

    Examples
    --------
    >>> frame = pd.DataFrame({"title": ["Visit"], "actors": [["Choe", "Lavrov"]]})
    >>> prepare_events(frame)["__key_actors"].iloc[0]
    '\\x1fChoe\\x1fLavrov\\x1f'
    """
    if _SEARCH in events.columns:
        return events
    prepared = events.copy(deep=False)
    for column in FACET_COLUMNS:
        if column in events.columns and _is_list_column(events[column]):
            prepared[_key(column)] = _list_keys(events[column])
    texts = [events[c].astype("str").fillna("") for c in SEARCH_COLUMNS if c in events.columns]
    if texts:
        joined = texts[0]
        for text in texts[1:]:
            joined = joined + "\n" + text
        prepared[_SEARCH] = joined.str.lower()
    else:
        prepared[_SEARCH] = pd.Series("", index=events.index, dtype="str")
    return prepared


def filter_expression(
    state: FilterState, columns: Iterable[str], *, reference_date: object = None
) -> nw.Expr:
    """The narwhals expression that is true for the events ``state`` keeps.

    Parameters
    ----------
    state
        The filters.
    columns
        Columns of the prepared frame (filters on absent columns are ignored).
    reference_date
        Fallback report date for relative ``since``/``until`` expressions.

    Examples
    --------
    >>> expr = filter_expression(FilterState(search="kursk"), ["title", "__search_text"])
    >>> type(expr).__name__
    'Expr'
    """
    columns = set(columns)
    conditions: list[nw.Expr] = []
    reference = state.reference_date or reference_date
    if state.since:
        low = _bound(state.since, "since", reference).start
        conditions.append(
            (nw.col("end") > _py(low)) | (nw.col("end").is_null() & nw.col("open_end"))
        )
    if state.until:
        window = _bound(state.until, "until", reference)
        high = window.end if not pd.isna(window.end) else None
        if high is not None:
            conditions.append(nw.col("start") < _py(high))
    for column in FACET_COLUMNS:
        wanted = getattr(state, column)
        if wanted is None or column not in columns:
            continue
        if _key(column) in columns:
            hits = [
                nw.col(_key(column)).str.contains(f"{_SEP}{v}{_SEP}", literal=True) for v in wanted
            ]
            conditions.append(_any(hits))
        else:
            conditions.append(nw.col(column).cast(nw.String).is_in(list(wanted)))
    for word in state.search.lower().split():
        conditions.append(nw.col(_SEARCH).str.contains(word, literal=True))
    if state.hide_approximate and "approximate" in columns:
        conditions.append(~nw.col("approximate"))
    if state.hide_uncertain and "uncertain" in columns:
        conditions.append(~nw.col("uncertain"))
    if state.min_reliability and "reliability" in columns:
        grade = state.min_reliability.upper()
        if grade not in RELIABILITY_GRADES:
            msg = f"min_reliability must be one of A-F, got {state.min_reliability!r}"
            raise ValueError(msg)
        allowed = list(RELIABILITY_GRADES[: RELIABILITY_GRADES.index(grade) + 1])
        conditions.append(nw.col("reliability").cast(nw.String).is_in(allowed))
    if not conditions:
        return nw.lit(True)
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition
    if "kind" in columns:
        combined = combined | (nw.col("kind").cast(nw.String) == "era")
    return combined


def filter_mask(
    events: pd.DataFrame,
    state: FilterState | Mapping[str, Any] | None,
    *,
    reference_date: object = None,
) -> np.ndarray:
    """Boolean mask of the events that ``state`` keeps (one entry per row).

    Parameters
    ----------
    events
        A canonical event frame, prepared by :func:`prepare_events` or not (preparing it once
        and reusing it is faster for repeated filtering).
    state
        A :class:`FilterState` or its dict form.
    reference_date
        Fallback report date for relative ``since``/``until``; defaults to the latest
        ``reported_on`` in ``events``.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
    >>> filter_mask(events, {"since": "2025"}).tolist()
    [False, True]
    """
    state = FilterState.from_dict(state)
    prepared = prepare_events(events)
    if (
        reference_date is None
        and "reported_on" in prepared
        and prepared["reported_on"].notna().any()
    ):
        reference_date = prepared["reported_on"].max()
    expression = filter_expression(state, prepared.columns, reference_date=reference_date)
    frame = nw.from_native(prepared, eager_only=True)
    mask = frame.select(__mask=expression)["__mask"].to_numpy()
    if mask.shape == (1,) and len(prepared) != 1:
        mask = np.full(len(prepared), bool(mask[0]))
    return mask.astype(bool)


def apply_filters(
    events: pd.DataFrame, state: FilterState | Mapping[str, Any] | None, **options: Any
) -> pd.DataFrame:
    """The events ``state`` keeps, without helper columns.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a", "b"], "date": ["2024", "2025"]}))
    >>> apply_filters(events, {"search": "B"})["title"].tolist()
    ['b']
    """
    mask = filter_mask(events, state, **options)
    return events.loc[mask]


def facet_counts(events: pd.DataFrame, column: str) -> list[tuple[str, int]]:
    """Values of a facet column with their event counts, most frequent first.

    List cells count once for each of their values.

    Examples
    --------
    >>> frame = pd.DataFrame({"actors": [["Kim", "Putin"], ["Putin"]]})
    >>> facet_counts(frame, "actors")
    [('Putin', 2), ('Kim', 1)]
    """
    if column not in events.columns:
        return []
    values = events[column]
    if _is_list_column(values):
        values = values.explode()
    counts = values.dropna().astype(str).value_counts(sort=False)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(str(k), int(v)) for k, v in ordered]


def date_extent(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The earliest start and the latest end (or report date, for ongoing events)."""
    if events.empty or events["start"].notna().sum() == 0:
        return None
    ends = events["end"]
    if "reported_on" in events:
        ends = ends.fillna(events["reported_on"])
    ends = ends.fillna(events["start"])
    return pd.Timestamp(events["start"].min()), pd.Timestamp(ends.max())


def _bound(text: str, field: str, reference: object) -> Any:
    from timeline.dates import parse_date
    from timeline.errors import DateParseError

    try:
        return parse_date(text, reference)
    except DateParseError as exc:
        msg = f"{field}={text!r} is not a date timeline understands: {exc.reason}"
        raise ValueError(msg) from exc


def _py(stamp: object) -> dt.datetime:
    return pd.Timestamp(stamp).to_pydatetime()


def _any(conditions: Sequence[nw.Expr]) -> nw.Expr:
    if not conditions:
        return nw.lit(False)
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined | condition
    return combined


def _key(column: str) -> str:
    return f"__key_{column}"


def _is_list_column(values: pd.Series) -> bool:
    if values.dtype != object:
        return False
    sample = values.dropna().head(50)
    return bool(len(sample)) and all(isinstance(v, (list, tuple, np.ndarray)) for v in sample)


def _list_keys(values: pd.Series) -> pd.Series:
    keys = [_SEP + _SEP.join(map(str, v)) + _SEP if len(v) else "" for v in values]
    return pd.Series(keys, index=values.index, dtype="str")
