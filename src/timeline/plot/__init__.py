"""Timeline figures: ``timeline.plot.plot`` (also ``tl.plot``).

One module per concept: ``precision`` (length of a date-precision unit), ``geometry``
(what to draw per event), ``lanes`` (lanes, order, sub-row packing), ``style`` (palette and
mark styles), ``hover`` (escaped hover text), ``traces`` (SVG and WebGL traces),
``eras`` (bands and reference lines), ``labels`` (non-colliding text labels),
``layout`` (axes, legend notes, captions), ``figure`` (the ``plot`` function) and
``masking`` (hide and show events of a drawn figure by slicing its trace arrays, for live
views). The briefing chronology (``tl.chronology``): ``chronology`` (the function),
``label_layout`` (pure label placement), ``text_metrics`` (text sizes, wrapping),
``captions`` (captions that fit), ``chronology_text``, ``chronology_page``,
``chronology_spans``, ``chronology_badges`` and ``chronology_draw``.

The module itself is callable (``timeline.plot(events)`` is ``timeline.plot.plot(events)``):
``import timeline.plot`` binds the *module* to ``timeline.plot``, and this keeps
``tl.plot(...)`` working whichever happens first.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from timeline.plot.chronology import chronology
from timeline.plot.figure import FigureParts, figure_parts, plot
from timeline.plot.masking import MaskedFigure, masked_figure
from timeline.plot.precision import precision_length, shift_by_precision

__all__ = [
    "FigureParts",
    "MaskedFigure",
    "chronology",
    "figure_parts",
    "masked_figure",
    "plot",
    "precision_length",
    "shift_by_precision",
]


class _CallablePlotModule(types.ModuleType):
    """The ``timeline.plot`` module; calling it calls :func:`plot`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return plot(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePlotModule
