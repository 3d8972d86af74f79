"""The explorer: ipywidgets and a live ``FigureWidget`` over ``filters`` and ``plot``.

One module per concept: ``explorer`` (the :class:`Explorer` class and :func:`explore`),
``controls`` (the filter widgets and the choices they offer), ``binding`` (state <->
controls without feedback loops), ``figure_sync`` (the fast figure update),
``table`` (the linked table), ``details`` (the details pane), ``summary`` (the status
line and empty state) and ``export_buttons`` (HTML and PNG export).
"""

from __future__ import annotations

from timeline.explore.explorer import Explorer, explore

__all__ = ["Explorer", "explore"]
