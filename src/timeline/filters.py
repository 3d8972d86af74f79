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
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from timeline.lists import flatten, is_list_column, join_lists
from timeline.reference import latest_report
from timeline.schema import RELIABILITY_GRADES

SEARCH_COLUMNS = ("title", "description", "quote")
"""Columns the free-text search looks in."""
FACET_COLUMNS = ("category", "actors", "source", "location")
"""Columns with a multi-select filter."""
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
        (``open_end``) never end; events with an open start ("before 1750") began before
        any ``until``. ``since`` must have a start and ``until`` an end: "before 2000" as
        ``since`` or "since 2024" as ``until`` is a ``ValueError``.
    category, actors, source, location
        Values to keep (an event with any of the values is kept); ``None`` keeps all.
    search
        Words that must all appear (case-insensitive) in title, description or quote;
        ``None`` is taken as ``""`` (no search).
    hide_approximate, hide_uncertain
        Drop events whose date is approximate ("circa") or uncertain ("?").
    min_reliability
        Keep events whose source reliability is this grade (A-F, stored upper case; ``""``
        is None) or better; events without a grade are dropped while this is set.
    lane, color
        View choices: the column that makes the lanes and the one that sets the colours.
    reference_date
        Report date for relative expressions in ``since``/``until`` (ISO text).

    Every field is checked when a state is made (also by :meth:`from_dict` and
    :meth:`replace`): facets must be a list or tuple of values (a bare string such as
    ``"diplomacy"`` is an error, not a list of letters), the toggles ``True`` or
    ``False``, the other fields text or None. A wrong value raises ``ValueError`` naming
    the field, the value and what it must be. Facet values are stored as a new list of
    text, so a state never shares a list with its input or with another state.

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

    def __post_init__(self) -> None:
        """Check every field's type; copy the facet lists (a state shares no list)."""
        for name in FACET_COLUMNS:
            setattr(self, name, _facet_values(name, getattr(self, name)))
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                msg = (
                    f"FilterState field {name}={value!r} must be text (str) or None, "
                    f"not {type(value).__name__}"
                )
                raise ValueError(msg)
        if self.search is None:
            self.search = ""
        elif not isinstance(self.search, str):
            msg = (
                f"FilterState field search={self.search!r} must be text (str; None or '' "
                f"searches nothing), not {type(self.search).__name__}"
            )
            raise ValueError(msg)
        for name in ("hide_approximate", "hide_uncertain"):
            value = getattr(self, name)
            if not isinstance(value, (bool, np.bool_)):
                msg = (
                    f"FilterState field {name}={value!r} must be True or False, "
                    f"not {type(value).__name__}"
                )
                raise ValueError(msg)
            setattr(self, name, bool(value))
        grade = self.min_reliability
        if isinstance(grade, str) and grade.strip().upper() in {"", *RELIABILITY_GRADES}:
            self.min_reliability = grade.strip().upper() or None
        elif grade is not None:
            msg = (
                f"FilterState field min_reliability={grade!r}: min_reliability must be one "
                "of A-F (a source reliability grade; A is best) or None"
            )
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """The state as a plain dict (JSON-serialisable)."""
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        """The state as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | FilterState | None) -> FilterState:
        """Build a state from a dict (unknown keys are an error), a state, or None.

        The result is a new state that shares no list with ``data``. Every field is
        checked as in the constructor: a ``ValueError`` names the field, the value and what
        it must be.

        Examples
        --------
        >>> FilterState.from_dict({"category": ["diplomacy"]}).category
        ['diplomacy']
        >>> FilterState.from_dict({"category": "diplomacy"})
        Traceback (most recent call last):
        ...
        ValueError: FilterState field category='diplomacy' must be a list of values or None,
        not a str; write category=['diplomacy']
        """
        if data is None:
            return cls()
        if isinstance(data, FilterState):
            return dataclasses.replace(data)
        if not isinstance(data, Mapping):
            msg = (
                "a filter state must be a FilterState, a dict of its fields or None, "
                f"not {type(data).__name__}: {data!r}"
            )
            raise TypeError(msg)
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names, key=str)
        if unknown:
            msg = f"unknown filter field(s) {unknown}; valid fields: {sorted(names)}"
            raise ValueError(msg)
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> FilterState:
        """Build a state from JSON text written by :meth:`to_json`."""
        return cls.from_dict(json.loads(text))

    def replace(self, **changes: Any) -> FilterState:
        """A copy with some fields changed (checked; no list is shared with this state)."""
        return dataclasses.replace(self, **changes)


_TEXT_FIELDS = ("since", "until", "lane", "color", "reference_date")


def _facet_values(name: str, values: object) -> list[str] | None:
    """A facet field as a new list of text values; a bare string is an error, not letters."""
    if values is None:
        return None
    if isinstance(values, str):
        msg = (
            f"FilterState field {name}={values!r} must be a list of values or None, "
            f"not a str; write {name}={[values]!r}"
        )
        raise ValueError(msg)
    if not isinstance(values, (list, tuple)):
        msg = (
            f"FilterState field {name}={values!r} must be a list of values or None, "
            f"not {type(values).__name__}"
        )
        raise ValueError(msg)
    for value in values:
        if value is None or not isinstance(value, (str, int, float, np.integer, np.floating)):
            msg = (
                f"FilterState field {name}={values!r} must hold text or number values; "
                f"{value!r} is a {type(value).__name__}"
            )
            raise ValueError(msg)
    return [str(v) for v in values]


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
        if column in events.columns and is_list_column(events[column]):
            prepared[_key(column)] = _list_keys(events[column])
    prepared[_SEARCH] = search_text(events)
    return prepared


def search_text(events: pd.DataFrame) -> pd.Series:
    """What the text search looks in, per event: lowercase title, description and quote.

    The exported HTML page searches the same text, so both find the same events.

    Examples
    --------
    >>> search_text(pd.DataFrame({"title": ["Kursk"], "quote": [None]})).tolist()
    ['kursk\\n']
    """
    texts = [events[c].astype("str").fillna("") for c in SEARCH_COLUMNS if c in events.columns]
    if not texts:
        return pd.Series("", index=events.index, dtype="str")
    joined = texts[0]
    for text in texts[1:]:
        joined = joined + "\n" + text
    return joined.str.lower()


def filter_conditions(
    state: FilterState,
    columns: Iterable[str] | Mapping[str, Any],
    *,
    reference_date: object = None,
) -> list[tuple[Hashable, nw.Expr]]:
    """The state's conditions, one narwhals expression each, with a key that names it.

    Every search word is its own condition. Keys are hashable and equal for equal
    conditions (they include the resolved bounds), so masks can be cached by key: this is
    what :class:`FilterCache` does. Era rows are not let through here (see
    :func:`era_expression`).

    Parameters
    ----------
    state
        The filters.
    columns
        Columns of the prepared frame, or its schema (a mapping of column name to narwhals
        dtype): with dtypes, text and categorical columns are compared without a cast,
        which is much faster on big frames. Filters on absent columns are ignored.
    reference_date
        Fallback report date for relative ``since``/``until`` expressions.

    Examples
    --------
    >>> conditions = filter_conditions(FilterState(search="Kursk troops"), ["__search_text"])
    >>> [key for key, _ in conditions]
    [('search', 'kursk'), ('search', 'troops')]
    """
    schema = dict(columns) if isinstance(columns, Mapping) else dict.fromkeys(columns)
    conditions: list[tuple[Hashable, nw.Expr]] = []
    reference = state.reference_date or reference_date
    if state.since:
        window = _bound(state.since, "since", reference)
        if pd.isna(window.start):
            msg = (
                f"since={state.since!r} has no start (it is open at the start, "
                f"EDTF {window.edtf}), so it cannot be the lower bound of the filter; "
                "give a date with a start, e.g. since='1750'"
            )
            raise ValueError(msg)
        low = pd.Timestamp(window.start)
        conditions.append(
            (
                ("since", low),
                (nw.col("end") > _py(low)) | (nw.col("end").is_null() & nw.col("open_end")),
            )
        )
    if state.until:
        window = _bound(state.until, "until", reference)
        if pd.isna(window.end):
            msg = (
                f"until={state.until!r} has no end (it is ongoing, EDTF {window.edtf}), so it "
                "cannot be the upper bound of the filter; give a date with an end, "
                "e.g. until='2024'"
            )
            raise ValueError(msg)
        high = pd.Timestamp(window.end)
        # an event with an open start ("before 1750") began before any bound
        conditions.append(
            (("until", high), nw.col("start").is_null() | (nw.col("start") < _py(high)))
        )
    for column in FACET_COLUMNS:
        wanted = getattr(state, column)
        if wanted is None or column not in schema:
            continue
        values = tuple(dict.fromkeys(str(v) for v in wanted))
        if _key(column) in schema:
            hits = [
                nw.col(_key(column)).str.contains(f"{_SEP}{v}{_SEP}", literal=True) for v in values
            ]
            conditions.append(((column, values), _any(hits)))
        else:
            conditions.append(((column, values), _text(column, schema).is_in(list(values))))
    for word in dict.fromkeys(state.search.lower().split()):
        conditions.append((("search", word), nw.col(_SEARCH).str.contains(word, literal=True)))
    if state.hide_approximate and "approximate" in schema:
        conditions.append((("hide_approximate",), ~nw.col("approximate")))
    if state.hide_uncertain and "uncertain" in schema:
        conditions.append((("hide_uncertain",), ~nw.col("uncertain")))
    if state.min_reliability and "reliability" in schema:
        grade = str(state.min_reliability).upper()
        if grade not in RELIABILITY_GRADES:
            msg = f"min_reliability must be one of A-F, got {state.min_reliability!r}"
            raise ValueError(msg)
        allowed = list(RELIABILITY_GRADES[: RELIABILITY_GRADES.index(grade) + 1])
        conditions.append((("min_reliability", grade), _text("reliability", schema).is_in(allowed)))
    return conditions


def era_expression(columns: Iterable[str] | Mapping[str, Any]) -> nw.Expr | None:
    """True for era rows (``kind == "era"``), which every filter lets through; None without
    a ``kind`` column.

    Examples
    --------
    >>> era_expression(["title"]) is None
    True
    """
    schema = dict(columns) if isinstance(columns, Mapping) else dict.fromkeys(columns)
    if "kind" not in schema:
        return None
    return _text("kind", schema) == "era"


def filter_expression(
    state: FilterState,
    columns: Iterable[str] | Mapping[str, Any],
    *,
    reference_date: object = None,
) -> nw.Expr:
    """The narwhals expression that is true for the events ``state`` keeps.

    Parameters
    ----------
    state
        The filters.
    columns
        Columns of the prepared frame, or its schema (see :func:`filter_conditions`);
        filters on absent columns are ignored.
    reference_date
        Fallback report date for relative ``since``/``until`` expressions.

    Examples
    --------
    >>> expr = filter_expression(FilterState(search="kursk"), ["title", "__search_text"])
    >>> type(expr).__name__
    'Expr'
    """
    conditions = [
        expr for _, expr in filter_conditions(state, columns, reference_date=reference_date)
    ]
    if not conditions:
        return nw.lit(True)
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition
    era = era_expression(columns)
    if era is not None:
        combined = combined | era
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
        and reusing it is faster for repeated filtering; :class:`FilterCache` also reuses
        the masks of unchanged filters).
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
    if reference_date is None:
        reference_date = latest_report(prepared)
    frame = nw.from_native(prepared, eager_only=True)
    expression = filter_expression(state, frame.schema, reference_date=reference_date)
    return _evaluate(frame, expression)


class FilterCache:
    """Masks of one frame for a sequence of states, reusing the masks of unchanged filters.

    An interactive view changes one filter at a time; every condition's mask (see
    :func:`filter_conditions`) is kept by its key, so only the changed condition is
    evaluated again and the rest is a logical AND of cached arrays. The result always
    equals :func:`filter_mask`.

    Parameters
    ----------
    events
        A canonical event frame (prepared once here).
    reference_date
        Fallback report date for relative ``since``/``until``; defaults to the latest
        ``reported_on``.
    max_entries
        How many condition masks to keep (least recently used ones are dropped).

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["a b", "b"], "date": ["2024", "2025"]}))
    >>> cache = FilterCache(events)
    >>> cache.mask(FilterState(search="b")).tolist(), cache.mask({"search": "a b"}).tolist()
    ([True, True], [True, False])
    """

    def __init__(
        self, events: pd.DataFrame, *, reference_date: object = None, max_entries: int = 32
    ) -> None:
        self.events = prepare_events(events)
        self.reference_date = (
            reference_date if reference_date is not None else latest_report(self.events)
        )
        self._frame = nw.from_native(self.events, eager_only=True)
        self._schema = dict(self._frame.schema)
        era = era_expression(self._schema)
        self._era = _evaluate(self._frame, era) if era is not None else None
        self._masks: OrderedDict[Hashable, np.ndarray] = OrderedDict()
        self._max_entries = max_entries

    def __len__(self) -> int:
        return len(self.events)

    def mask(self, state: FilterState | Mapping[str, Any] | None) -> np.ndarray:
        """Boolean mask of the rows ``state`` keeps (a new array)."""
        state = FilterState.from_dict(state)
        conditions = filter_conditions(state, self._schema, reference_date=self.reference_date)
        result = np.ones(len(self.events), dtype=bool)
        for key, expression in conditions:
            result &= self._condition_mask(key, expression)
        if conditions and self._era is not None:
            result |= self._era
        return result

    def _condition_mask(self, key: Hashable, expression: nw.Expr) -> np.ndarray:
        cached = self._masks.get(key)
        if cached is not None:
            self._masks.move_to_end(key)
            return cached
        mask = _evaluate(self._frame, expression)
        self._masks[key] = mask
        while len(self._masks) > self._max_entries:
            self._masks.popitem(last=False)
        return mask


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
    if is_list_column(values):
        _, values = flatten(values)
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


def _evaluate(frame: Any, expression: nw.Expr) -> np.ndarray:
    mask = frame.select(__mask=expression)["__mask"].to_numpy()
    if mask.shape == (1,) and len(frame) != 1:
        mask = np.full(len(frame), bool(mask[0]))
    return np.asarray(mask, dtype=bool)


def _text(column: str, schema: Mapping[str, Any]) -> nw.Expr:
    """The column as text; text and categorical columns need no (slow) cast."""
    dtype = schema.get(column)
    if dtype is not None and isinstance(dtype, (nw.String, nw.Categorical, nw.Enum)):
        return nw.col(column)
    if dtype in (nw.String, nw.Categorical):
        return nw.col(column)
    return nw.col(column).cast(nw.String)


def _any(conditions: Sequence[nw.Expr]) -> nw.Expr:
    if not conditions:
        return nw.lit(False)
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined | condition
    return combined


def _key(column: str) -> str:
    return f"__key_{column}"


def _list_keys(values: pd.Series) -> pd.Series:
    """Each list cell as ``SEP item SEP item SEP`` (empty lists: ""), for membership tests."""
    joined = join_lists(values, _SEP)
    return (_SEP + joined + _SEP).fillna("").astype("str")
