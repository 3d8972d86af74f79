"""A :class:`~timeline.filters.FilterState` as one narwhals expression an engine runs.

The conditions are those of :func:`timeline.filters.filter_conditions` (the same date
resolution, errors and keys); three are rewritten for engines:

- ``since``/``until`` compare the epoch integers (see :mod:`timeline.engines.epoch`),
  which every engine has, when the bound is a whole millisecond;
- a facet on a list column (``actors``) is list membership instead of a match in the
  delimited key text pandas builds;
- a search word is looked for in each of title, description and quote (lowercase), which
  keeps the events whose :func:`timeline.filters.search_text` holds it, without joining
  the texts (:func:`search_expression` is that joined text, for engines that want it).

Era rows pass every filter, as in pandas.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import narwhals as nw

from timeline.engines.epoch import END_MS, START_MS, bound_ms
from timeline.filters import (
    FACET_COLUMNS,
    SEARCH_COLUMNS,
    FilterState,
    era_expression,
    filter_conditions,
)

SEARCH = "__search_text"


def is_list_dtype(dtype: Any) -> bool:
    """Whether a narwhals dtype is a list (or array) of values.

    Examples
    --------
    >>> is_list_dtype(nw.List(nw.String())), is_list_dtype(nw.String())
    (True, False)
    """
    return isinstance(dtype, (nw.List, nw.Array))


def search_expression(schema: Mapping[str, Any]) -> nw.Expr:
    """Lowercase title, description and quote joined by newlines (missing cells as ``""``).

    Examples
    --------
    >>> import polars as pl
    >>> frame = nw.from_native(pl.DataFrame({"title": ["Kursk"], "quote": [None]}))
    >>> frame.select(search_expression(frame.schema).alias("s"))["s"].to_list()
    ['kursk\\n']
    """
    parts = [
        nw.col(name).cast(nw.String()).fill_null("") for name in SEARCH_COLUMNS if name in schema
    ]
    if not parts:
        return nw.lit("")
    return nw.concat_str(parts, separator="\n").str.to_lowercase()


def engine_expression(
    state: FilterState, schema: Mapping[str, Any], *, reference_date: object = None
) -> nw.Expr | None:
    """The expression true for the events ``state`` keeps, or None when it keeps all.

    ``schema`` is the table's (column -> narwhals dtype).

    Examples
    --------
    >>> schema = {"title": nw.String(), "category": nw.String(), "kind": nw.String()}
    >>> engine_expression(FilterState(), schema) is None
    True
    >>> type(engine_expression(FilterState(category=["x"]), schema)).__name__
    'Expr'
    """
    lists = {name for name in FACET_COLUMNS if name in schema and is_list_dtype(schema[name])}
    plain = {name: dtype for name, dtype in schema.items() if name not in lists}
    plain[SEARCH] = nw.String()
    conditions: list[nw.Expr] = []
    integers = START_MS in schema and END_MS in schema
    for key, expression in filter_conditions(state, plain, reference_date=reference_date):
        kind = key[0]
        if kind in ("since", "until") and integers and bound_ms(key[1]) is not None:
            millis = bound_ms(key[1])
            if kind == "since":
                expression = (nw.col(END_MS) > millis) | (
                    nw.col(END_MS).is_null() & nw.col("open_end")
                )
            else:
                expression = nw.col(START_MS).is_null() | (nw.col(START_MS) < millis)
        if kind == "search":
            expression = _search_word(key[1], schema)
        conditions.append(expression)
    for name in sorted(lists, key=FACET_COLUMNS.index):
        wanted = getattr(state, name)
        if wanted is None:
            continue
        values = list(dict.fromkeys(str(v) for v in wanted))
        hits = [nw.col(name).list.contains(value) for value in values]
        conditions.append(_any(hits).fill_null(False) if hits else nw.lit(False))
    if not conditions:
        return None
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition
    era = era_expression(plain)
    if era is not None:
        combined = combined | era.fill_null(False)
    return combined


def _search_word(word: str, schema: Mapping[str, Any]) -> nw.Expr:
    """``word`` in the lowercase title, description or quote: the same events as a match in
    their joined search text (a word has no newline), without building that text."""
    hits = [
        nw.col(name).cast(nw.String()).str.to_lowercase().str.contains(word, literal=True)
        for name in SEARCH_COLUMNS
        if name in schema
    ]
    if not hits:
        return nw.lit("").str.contains(word, literal=True)
    return _any([hit.fill_null(False) for hit in hits])


def _any(hits: list[nw.Expr]) -> nw.Expr:
    combined = hits[0]
    for hit in hits[1:]:
        combined = combined | hit
    return combined
