"""Spans and eras of a chronology: bars in rows under the milestones, each with its label
(date as reported and title) above the bar, and era labels in a strip at the top.

Pure pixel geometry (no plotly). A span whose label cannot fit in three lines, or all
spans when their rows would take more than their share of the chart, get a number
instead (the numbered key carries their text).
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.plot.captions import fit_lines
from timeline.plot.chronology_text import LABEL_PX, MAX_TITLE_LINES, PAD
from timeline.plot.label_layout import Box
from timeline.plot.text_metrics import block_width, text_height, text_width, wrap_text

BAR_PX = 7.0
ROW_GAP = 4.0
COMPACT_ROW = 18.0
ERA_PX = 11.0
MIN_SPAN_LABEL_WIDTH = 320.0
NUMBER_PX = 10.0


@dataclass(frozen=True)
class SpanRow:
    """One span drawn in a row: its bar (px), its label box and lines (or None: numbered)."""

    member: int
    bar: tuple[float, float, float]  # x0, x1, y centre
    label: Box | None
    lines: tuple[str, ...]


def _interval(label: Box | None, x0: float, x1: float) -> tuple[float, float]:
    if label is None:
        return x0 - 34, x1 + 4  # room for a number on the left
    return min(label.x0, x0), max(label.x1, x1)


def _pack(laid: list) -> tuple[list[list[int]], list[float]]:
    """Greedy rows: each span goes in the first row where it (and its label) is free."""
    rows: list[list[int]] = []
    ends: list[float] = []
    for k in sorted(range(len(laid)), key=lambda k: _interval(laid[k][3], laid[k][1], laid[k][2])):
        start, end = _interval(laid[k][3], laid[k][1], laid[k][2])
        for r, row_end in enumerate(ends):
            if start >= row_end + 8:
                rows[r].append(k)
                ends[r] = end
                break
        else:
            rows.append([k])
            ends.append(end)
    heights = [
        max((laid[k][5] + BAR_PX + ROW_GAP if laid[k][3] is not None else COMPACT_ROW) for k in row)
        for row in rows
    ]
    return rows, heights


def span_rows(
    members: list[int],
    bars: list[tuple[float, float]],
    texts: list[str],
    chart: Box,
    bottom: float,
    max_height: float,
) -> tuple[list[SpanRow], float, list[int]]:
    """Lay out spans in rows ending at ``bottom``; returns the rows, their top, and the
    members that are numbered instead of labelled.

    Examples
    --------
    >>> rows, top, numbered = span_rows([7], [(100.0, 300.0)], ["2024: A span"],
    ...                                 Box(0, 0, 800, 400), 400.0, 200.0)
    >>> rows[0].lines, numbered
    (('2024: A span',), [])
    """
    width = chart.x1 - chart.x0
    laid: list[tuple[int, float, float, Box | None, tuple[str, ...], float]] = []
    for member, (x0, x1), text in zip(members, bars, texts, strict=True):
        wrap_w = min(width, max(x1 - x0, MIN_SPAN_LABEL_WIDTH)) - 2 * PAD
        lines = wrap_text(text, wrap_w, LABEL_PX, bold=True)
        if len(lines) > MAX_TITLE_LINES:
            laid.append((member, x0, x1, None, (), COMPACT_ROW))
            continue
        box_w = block_width(lines, LABEL_PX, bold_first=False) + 2 * PAD + 2
        box_w = max(box_w, max(text_width(line, LABEL_PX, True) for line in lines) + 2 * PAD + 2)
        box_h = text_height(len(lines), LABEL_PX) + 2 * PAD
        lx = min(max(x0, chart.x0), chart.x1 - box_w)
        laid.append((member, x0, x1, Box(lx, 0, lx + box_w, box_h), tuple(lines), box_h))
    rows, heights = _pack(laid)
    # too many rows: number spans instead, those whose labels reach furthest past their
    # bars first, until the rows fit
    overhang = sorted(
        (k for k in range(len(laid)) if laid[k][3] is not None),
        key=lambda k: -((laid[k][3].x1 - laid[k][3].x0) - (laid[k][2] - laid[k][1])),
    )
    while sum(heights) > max_height and overhang:
        k = overhang.pop(0)
        member, x0, x1, *_ = laid[k]
        laid[k] = (member, x0, x1, None, (), COMPACT_ROW)
        rows, heights = _pack(laid)
    top = bottom - sum(heights)
    result: list[SpanRow] = []
    numbered: list[int] = []
    y = top
    for row, height in zip(rows, heights, strict=True):
        labelled = any(laid[k][3] is not None for k in row)
        text_h = height - BAR_PX - ROW_GAP
        centre = y + text_h + BAR_PX / 2 + 2 if labelled else y + height / 2
        for k in row:
            member, x0, x1, label, lines, _ = laid[k]
            if label is None:
                numbered.append(member)
                result.append(SpanRow(member, (x0, x1, centre), None, ()))
            else:
                box = Box(label.x0, y, label.x1, y + (label.y1 - label.y0))
                result.append(SpanRow(member, (x0, x1, centre), box, lines))
        y += height
    return result, top, numbered


@dataclass(frozen=True)
class EraLabel:
    """An era's label: its lines and box (px)."""

    lines: tuple[str, ...]
    box: Box


def era_labels(
    bands: list[tuple[str, float, float]], chart: Box, top: float
) -> tuple[list[EraLabel], float]:
    """Era labels wrapped to their band (at least 120 px, at most two lines, then cut
    with an ellipsis), in rows from ``top``; returns the labels and the strip's bottom.

    Examples
    --------
    >>> labels, bottom = era_labels([("Kursk fighting", 100.0, 400.0)], Box(0, 0, 800, 400), 0)
    >>> labels[0].lines, bottom > 0
    (('Kursk fighting',), True)
    """
    placed: list[EraLabel] = []
    rows: list[float] = []  # right end of each row
    row_height = text_height(2, ERA_PX) + 4
    one_line = text_height(1, ERA_PX) + 4
    heights: list[float] = []
    for text, x0, x1 in sorted(bands, key=lambda b: b[1]):
        lines: tuple[str, ...] = ()
        for least in (120.0, 180.0, 260.0, 360.0):
            wrap_w = min(max(x1 - x0, least), chart.x1 - chart.x0) - 2 * PAD
            lines = tuple(fit_lines(text, wrap_w, ERA_PX, 2))
            if not lines[-1].endswith("…") or text.endswith("…"):
                break
        box_w = block_width(list(lines), ERA_PX) + 2 * PAD + 2
        lx = min(max(x0, chart.x0), chart.x1 - box_w)
        height = one_line if len(lines) == 1 else row_height
        for r, end in enumerate(rows):
            if lx >= end + 8:
                rows[r] = lx + box_w
                heights[r] = max(heights[r], height)
                break
        else:
            r = len(rows)
            rows.append(lx + box_w)
            heights.append(height)
        placed.append(EraLabel(lines, Box(lx, float(r), lx + box_w, height)))
    offsets = [top + sum(heights[:r]) for r in range(len(heights))]
    result = [
        EraLabel(
            p.lines,
            Box(p.box.x0, offsets[int(p.box.y0)], p.box.x1, offsets[int(p.box.y0)] + p.box.y1),
        )
        for p in placed
    ]
    return result, top + sum(heights)
