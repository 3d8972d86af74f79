"""timeline: turn dated claims from reporting into honest, explorable timelines.

Heavy modules (pandas, plotly, ipywidgets) are imported on first use, so
``import timeline`` stays fast.

Examples
--------
>>> import timeline as tl
>>> tl.parse_date("June 2024").edtf
'2024-06'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_API: dict[str, str] = {
    "parse_date": "timeline.dates",
    "normalize_dates": "timeline.dates",
    "FuzzyDate": "timeline.dates",
    "DateConventions": "timeline.dates",
    "DateParseError": "timeline.errors",
    "EventDataError": "timeline.errors",
    "RejectedRowsWarning": "timeline.errors",
    "load_events": "timeline.load",
    "validate_events": "timeline.load",
    "plot": "timeline.plot",
    "chronology": "timeline.plot",
    "explore": "timeline.explore",
    "FilterState": "timeline.filters",
    "export": "timeline.export",
    "convert": "timeline.engines.convert",
    "scan_events": "timeline.engines.scan",
    "EventTable": "timeline.engines.table",
    "extract_events": "timeline.extract",
}

__all__ = [
    "DateConventions",
    "DateParseError",
    "EventDataError",
    "EventTable",
    "FilterState",
    "FuzzyDate",
    "RejectedRowsWarning",
    "chronology",
    "convert",
    "explore",
    "export",
    "extract_events",
    "load_events",
    "normalize_dates",
    "parse_date",
    "plot",
    "scan_events",
    "validate_events",
]

if TYPE_CHECKING:
    from timeline.dates import DateConventions, FuzzyDate, normalize_dates, parse_date
    from timeline.engines.convert import convert
    from timeline.engines.scan import scan_events
    from timeline.engines.table import EventTable
    from timeline.errors import DateParseError, EventDataError, RejectedRowsWarning
    from timeline.explore import explore
    from timeline.export import export
    from timeline.extract import extract_events
    from timeline.filters import FilterState
    from timeline.load import load_events, validate_events
    from timeline.plot import chronology, plot


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        msg = f"module 'timeline' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
