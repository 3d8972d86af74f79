"""Briefing exports: ``timeline.export(obj, path, **options)`` (also ``tl.export``).

One module per format family: ``html_page`` (self-contained web page, with ``page.js``
and ``page.css``), ``images`` (PNG/SVG/PDF through kaleido and Chromium), ``pptx_deck``
(briefing deck), ``tables`` (CSV/XLSX with formula neutralisation), ``timelinejs``
(TimelineJS JSON), and ``dispatch`` (the suffix decides). ``source`` wraps a figure, an
explorer or an event frame for the writers.

The module itself is callable (``timeline.export(fig, "x.png")`` is
``timeline.export.export(fig, "x.png")``), like ``timeline.plot``: importing the
subpackage binds the module to ``timeline.export``, and this keeps ``tl.export(...)``
working whichever happens first.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from timeline.export.dispatch import FORMATS, export, export_many, format_of
from timeline.export.images import BrowserNotFoundError, image_session

__all__ = [
    "FORMATS",
    "BrowserNotFoundError",
    "export",
    "export_many",
    "format_of",
    "image_session",
]


class _CallableExportModule(types.ModuleType):
    """The ``timeline.export`` module; calling it calls :func:`export`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return export(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableExportModule
