"""The status line: "showing N of M events", the empty state, and control errors."""

from __future__ import annotations

import html

EMPTY_MESSAGE = "No events match these filters. Loosen a filter or press Reset."


def summary_html(shown: int, total: int, *, error: str | None = None) -> str:
    """The status line as HTML (every value escaped).

    Parameters
    ----------
    shown, total
        Events kept by the filters and events in the data (era rows, which are background
        bands and always shown, are not counted).
    error
        A message about a control value that could not be applied (e.g. a date the engine
        does not understand); the view keeps the previous filters meanwhile.

    Examples
    --------
    >>> summary_html(3, 23)
    '<div class="tl-summary">Showing <b>3</b> of 23 events</div>'
    >>> "No events match" in summary_html(0, 23)
    True
    """
    noun = "event" if total == 1 else "events"
    parts = [f"Showing <b>{shown:,}</b> of {total:,} {noun}"]
    if shown == 0 and total > 0:
        parts.append(
            f'<div class="tl-empty" style="color:#8a4b00">{html.escape(EMPTY_MESSAGE)}</div>'
        )
    if error:
        parts.append(f'<div class="tl-error" style="color:#b00020">{html.escape(error)}</div>')
    return '<div class="tl-summary">' + "".join(parts) + "</div>"
