"""The fuzzy date engine: reported date text becomes bounds, precision and flags.

``parse_date`` reads one expression; ``normalize_dates`` reads a Series (each distinct
string once, ISO dates on a vectorized path); ``combine_bounds`` joins a start and an end
column into spans. The arguable choices live in :class:`DateConventions`.

Examples
--------
>>> from timeline.dates import parse_date
>>> parse_date("mid-March 2025").edtf
'2025-03-11/2025-03-20'
"""

from __future__ import annotations

from timeline.dates.combine import combine_bounds
from timeline.dates.conventions import DateConventions
from timeline.dates.fuzzy import FuzzyDate
from timeline.dates.normalize import normalize_dates
from timeline.dates.parse import parse_date

__all__ = ["DateConventions", "FuzzyDate", "combine_bounds", "normalize_dates", "parse_date"]
