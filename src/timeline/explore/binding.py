"""State <-> controls: user edits become state changes; a new state moves the controls.

Every control reports its own field only (``{"search": "kursk"}``), and :meth:`show`
sets the controls from a state while the observers are muted, so applying a state never
feeds back into another change. The date slider and the ``since``/``until`` boxes share
their fields: moving the slider writes the step's date text ("2024-06") into the boxes,
and a typed expression ("since September") moves the slider to where it falls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd

from timeline.explore.controls import Controls
from timeline.filters import FilterState


class ControlBinding:
    """Observe the controls and report changes; show states on them without echo.

    Parameters
    ----------
    controls
        From :func:`timeline.explore.controls.build_controls`.
    on_change
        Called with a dict of changed :class:`FilterState` fields.
    on_reset
        Called when Reset is pressed.
    reference_date
        Report date for relative dates typed in the boxes (to place the slider).
    """

    def __init__(
        self,
        controls: Controls,
        on_change: Callable[[dict[str, Any]], None],
        on_reset: Callable[[], None],
        reference_date: object = None,
    ) -> None:
        self.controls = controls
        self._on_change = on_change
        self._muted = False
        self._reference_date = reference_date
        c = controls
        self._watch(c.since, lambda value: {"since": value.strip() or None})
        self._watch(c.until, lambda value: {"until": value.strip() or None})
        if c.date_slider is not None:
            c.date_slider.observe(self._slider_moved, names="index")
        for column, widget in c.facets.items():
            self._watch(widget, lambda value, column=column: {column: list(value) or None})
        self._watch(c.search, lambda value: {"search": value})
        if c.hide_approximate is not None:
            self._watch(c.hide_approximate, lambda value: {"hide_approximate": bool(value)})
        if c.hide_uncertain is not None:
            self._watch(c.hide_uncertain, lambda value: {"hide_uncertain": bool(value)})
        if c.min_reliability is not None:
            self._watch(c.min_reliability, lambda value: {"min_reliability": value})
        self._watch(c.lane, lambda value: {"lane": value})
        self._watch(c.color, lambda value: {"color": value})
        c.reset.on_click(lambda _button: on_reset())

    @contextmanager
    def muted(self) -> Iterator[None]:
        """Set control values without reporting them as user changes."""
        previous, self._muted = self._muted, True
        try:
            yield
        finally:
            self._muted = previous

    def _watch(self, widget: Any, to_changes: Callable[[Any], dict[str, Any]]) -> None:
        def observer(change: dict[str, Any]) -> None:
            if not self._muted:
                self._on_change(to_changes(change["new"]))

        widget.observe(observer, names="value")

    def _slider_moved(self, change: dict[str, Any]) -> None:
        if self._muted:
            return
        steps = self.controls.steps
        assert steps is not None
        low, high = change["new"]
        since = None if low == 0 else steps.values[low]
        until = None if high == len(steps) - 1 else steps.values[high]
        with self.muted():
            self.controls.since.value = since or ""
            self.controls.until.value = until or ""
        self._on_change({"since": since, "until": until})

    def show(self, state: FilterState) -> None:
        """Move every control to ``state`` (observers muted)."""
        c = self.controls
        with self.muted():
            c.since.value = state.since or ""
            c.until.value = state.until or ""
            self._show_slider(state)
            for column, widget in c.facets.items():
                known = {value for _, value in widget.options}
                wanted = getattr(state, column) or []
                widget.value = tuple(v for v in wanted if v in known)
            c.search.value = state.search
            if c.hide_approximate is not None:
                c.hide_approximate.value = state.hide_approximate
            if c.hide_uncertain is not None:
                c.hide_uncertain.value = state.hide_uncertain
            if c.min_reliability is not None:
                grade = state.min_reliability.upper() if state.min_reliability else None
                c.min_reliability.value = grade
            for widget, column in ((c.lane, state.lane), (c.color, state.color)):
                if column is not None and column not in {v for _, v in widget.options}:
                    widget.options = [*widget.options, (str(column), column)]
                widget.value = column

    def _show_slider(self, state: FilterState) -> None:
        c = self.controls
        steps = c.steps
        if c.date_slider is None or steps is None:
            return
        low, high = 0, len(steps) - 1
        reference = state.reference_date or self._reference_date
        bounds = _bounds(state.since, reference), _bounds(state.until, reference)
        if bounds[0] is not None:
            low = steps.index_of_start(bounds[0][0])
        if bounds[1] is not None and not pd.isna(bounds[1][1]):
            high = max(steps.index_of_end(bounds[1][1]), low)
        c.date_slider.index = (low, high)


def _bounds(text: str | None, reference: object) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """(start, exclusive end) of a date expression, or None when empty or not a date."""
    if not text:
        return None
    from timeline.dates import parse_date
    from timeline.errors import DateParseError

    try:
        parsed = parse_date(text, reference)
    except DateParseError:
        return None
    return pd.Timestamp(parsed.start), pd.Timestamp(parsed.end)
