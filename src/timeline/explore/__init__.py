"""The explorer: ipywidgets and a live ``FigureWidget`` over ``filters`` and ``plot``.

One module per concept: ``explorer`` (the :class:`Explorer` class and :func:`explore`),
``controls`` (the filter widgets and the choices they offer), ``binding`` (state <->
controls without feedback loops), ``figure_sync`` (the fast figure update),
``table`` (the linked table), ``details`` (the details pane), ``summary`` (the status
line and empty state) and ``export_buttons`` (HTML and PNG export).

The module itself is callable (``timeline.explore(events)`` is
``timeline.explore.explore(events)``): ``import timeline.explore`` binds the *module* to
``timeline.explore``, and this keeps ``tl.explore(...)`` working whichever happens first.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from timeline.explore.explorer import Explorer, explore

__all__ = ["Explorer", "explore"]


class _CallableExploreModule(types.ModuleType):
    """The ``timeline.explore`` module; calling it calls :func:`explore`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return explore(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableExploreModule
