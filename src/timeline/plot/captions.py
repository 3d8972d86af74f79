"""Captions that fit: the sources line under a figure, wrapped or summarised so that it
stays within the figure's width ("Sources: 412 distinct, the most cited: ...").

Text is measured with :mod:`timeline.plot.text_metrics`; results are lists of plain lines
(callers escape them).
"""

from __future__ import annotations

import pandas as pd

from timeline.plot.text_metrics import text_width, wrap_text
from timeline.text import truncate

SOURCE_LIMIT = 60
"""Characters of one source name in a summary (a long article citation is cut)."""


def source_counts(events: pd.DataFrame) -> list[tuple[str, int]]:
    """Distinct non-blank sources with their event counts, most cited first (ties in
    order of appearance).

    Examples
    --------
    >>> source_counts(pd.DataFrame({"source": ["b", "a", "a", None, " "]}))
    [('a', 2), ('b', 1)]
    """
    if "source" not in events:
        return []
    values = events["source"].dropna().astype(str).str.strip()
    values = values[values != ""]
    if not len(values):
        return []
    counts = values.value_counts(sort=False)
    order = {name: i for i, name in enumerate(pd.unique(values))}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))
    return [(str(name), int(count)) for name, count in ranked]


def fit_lines(
    text: str, width: float, size: float, max_lines: int, bold: bool = False
) -> list[str]:
    """``text`` wrapped to ``width`` pixels in at most ``max_lines`` lines; the last line
    ends with an ellipsis when text had to be left out.

    Examples
    --------
    >>> fit_lines("one two three four five six", 80, 10, 2)
    ['one two three', 'four five six']
    >>> fit_lines("one two three four five six seven eight", 80, 10, 2)
    ['one two three', 'four five six…']
    """
    lines = wrap_text(text, width, size, bold)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and text_width(last + "…", size, bold) > width:
        last = last[:-1].rstrip()
    kept[-1] = last + "…"
    return kept


def sources_lines(
    events: pd.DataFrame, width: float, size: float = 10.0, max_lines: int = 2
) -> list[str]:
    """The sources caption in at most ``max_lines`` lines of ``width`` pixels.

    All sources in order of appearance when they fit ("Sources: A; B; C"); else a summary
    that names the most cited ones while there is room ("Sources: 412 distinct, the most
    cited: A (40); B (31); …"). ``[]`` when the events name no source.

    Examples
    --------
    >>> events = pd.DataFrame({"source": ["Reuters", "AP", "Reuters"]})
    >>> sources_lines(events, 600)
    ['Sources: Reuters; AP']
    >>> sources_lines(pd.DataFrame({"source": ["AP", "Reuters", "Reuters"]}), 600)
    ['Sources: AP; Reuters']
    >>> many = pd.DataFrame({"source": [f"Article number {i} of a long series" for i in range(50)]})
    >>> sources_lines(many, 300, max_lines=1)
    ['Sources: 50 distinct, the most cited: Article number 0 of a long…']
    """
    counts = source_counts(events)
    if not counts:
        return []
    appearance = pd.unique(events["source"].dropna().astype(str).str.strip())
    full = "Sources: " + "; ".join(name for name in appearance if name)
    lines = wrap_text(full, width, size)
    if len(lines) <= max_lines:
        return lines
    head = f"Sources: {len(counts)} distinct, the most cited: "
    shown: list[str] = []
    for name, count in counts:
        item = (
            f"{truncate(name, SOURCE_LIMIT)} ({count})"
            if count > 1
            else truncate(name, SOURCE_LIMIT)
        )
        trial = head + "; ".join([*shown, item]) + "; …"
        if len(wrap_text(trial, width, size)) > max_lines:
            break
        shown.append(item)
    if not shown:
        return fit_lines(head + truncate(counts[0][0], SOURCE_LIMIT), width, size, max_lines)
    more = "; …" if len(shown) < len(counts) else ""
    return wrap_text(head + "; ".join(shown) + more, width, size)
