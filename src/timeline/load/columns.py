"""Match source column names to canonical fields: aliases, explicit mapping, hints.

Names are compared case- and punctuation-insensitively: ``"Report date"``,
``"report_date"`` and ``"REPORT-DATE"`` are all ``reportdate``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from timeline.fields import FIELDS

DERIVED_PREFIX = "__"
"""Importers' derived columns start with this; the loader maps them, they never reach the
events, and a derived text column is clean text already (see
:func:`timeline.load.text_cells.to_text`), so the loader does not clean it again."""

ALIASES: dict[str, tuple[str, ...]] = {f.name: f.aliases for f in FIELDS if f.aliases}
"""Aliases by canonical field (in key form), from the field table (:mod:`timeline.fields`)."""

REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.needed)
"""Fields a source must have a column for."""


def column_key(name: object) -> str:
    """Reduce a column name to lowercase letters and digits.

    Examples
    --------
    >>> column_key("Report date")
    'reportdate'
    """
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def match_columns(
    names: Iterable[object], explicit: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Map canonical fields to source column names.

    Parameters
    ----------
    names
        The source's column names, in order.
    explicit
        ``{source column: canonical field}`` mappings that win over the aliases.

    Returns
    -------
    dict
        ``{canonical field: source column}`` for every field found. A source column is used
        for one field at most; when several columns alias one field, the more specific alias
        (earlier in :data:`ALIASES`) wins and the others stay as extra columns.

    Examples
    --------
    >>> match_columns(["Headline", "When", "Notes"])
    {'title': 'Headline', 'date_text': 'When', 'description': 'Notes'}
    """
    names = [str(n) for n in names]
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for given, canonical in (explicit or {}).items():
        source = str(given)  # a frame's column 0 is matched as "0"
        if source not in names:
            msg = (
                f"columns= maps {source!r}, which is not a column of the source; "
                f"columns found: {', '.join(map(repr, names))}"
            )
            raise KeyError(msg)
        if canonical not in ALIASES:
            msg = (
                f"columns= maps {source!r} to {canonical!r}, which is not a canonical field; "
                f"valid fields: {', '.join(ALIASES)}"
            )
            raise KeyError(msg)
        mapping[canonical] = source
        used.add(source)
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(column_key(name), name)
    for canonical, aliases in ALIASES.items():
        if canonical in mapping:
            continue
        for alias in aliases:
            name = by_key.get(alias)
            if name is not None and name not in used:
                mapping[canonical] = name
                used.add(name)
                break
    # Keep the source's column order for readability of the mapping.
    order = {name: i for i, name in enumerate(names)}
    return dict(sorted(mapping.items(), key=lambda item: order[item[1]]))


def did_you_mean(field: str, names: Iterable[object]) -> str | None:
    """The source column that looks most like an alias of ``field``, if any."""
    candidates = {column_key(n): str(n) for n in names}
    close = difflib.get_close_matches(
        column_key(field),
        list(candidates),
        n=1,
        cutoff=0.6,
    )
    for alias in ALIASES.get(field, ()):
        close = close or difflib.get_close_matches(alias, list(candidates), n=1, cutoff=0.75)
    return candidates[close[0]] if close else None
