"""Numbers on the chart for the events listed in the chronology's key: under the axis
for milestones (neighbours merged into "3–6" so numbers never overlap), beside the bar
for spans."""

from __future__ import annotations

from timeline.plot.chronology_model import Badge, Layout
from timeline.plot.chronology_spans import NUMBER_PX
from timeline.plot.chronology_text import number_ranges
from timeline.plot.label_layout import Box
from timeline.plot.text_metrics import text_height, text_width

BADGE_H = text_height(1, NUMBER_PX) + 4


def _box(text: str, centre: float, top: float, left: float, right: float) -> Box:
    width = text_width(text, NUMBER_PX, bold=True) + 6
    x0 = min(max(centre - width / 2, left), right - width)
    return Box(x0, top, x0 + width, top + BADGE_H)


def place_badges(layout: Layout, numbers: dict[int, int]) -> list[Badge]:
    """Badges for every numbered event of ``layout`` (``numbers``: event -> number)."""
    chart = layout.chart
    badges: list[Badge] = []
    for band in layout.bands:
        top = band.axis_y + 7
        spots: list[tuple[float, list[int]]] = []
        for member in sorted(
            (m for m in band.keyed if m in band.anchors),
            key=lambda m: (band.anchors[m], numbers[m]),
        ):
            x = band.anchors[member]
            if spots and abs(spots[-1][0] - x) < 1.0:
                spots[-1][1].append(numbers[member])
            else:
                spots.append((x, [numbers[member]]))
        merged: list[tuple[list[float], list[int], Box]] = []
        for x, group in spots:
            text = number_ranges(group)
            box = _box(text, x, top, chart.x0, chart.x1)
            while merged and box.x0 < merged[-1][2].x1 + 3:
                xs, previous, _ = merged.pop()
                xs, group = [*xs, x], previous + group
                x = (min(xs) + max(xs)) / 2
                box = _box(number_ranges(group), x, top, chart.x0, chart.x1)
            merged.append(([x], group, box))
        badges += [Badge(tuple(g), b, number_ranges(g)) for _, g, b in merged]
        for row in band.spans:
            if row.label is not None:
                continue
            text = str(numbers[row.member])
            width = text_width(text, NUMBER_PX, bold=True) + 6
            x0, x1, centre = row.bar
            y0 = centre - BADGE_H / 2
            if x0 - 4 - width >= chart.x0:
                box = Box(x0 - 4 - width, y0, x0 - 4, y0 + BADGE_H)
            elif x1 + 4 + width <= chart.x1:
                box = Box(x1 + 4, y0, x1 + 4 + width, y0 + BADGE_H)
            else:
                box = Box(max(x0, chart.x0), y0, max(x0, chart.x0) + width, y0 + BADGE_H)
            badges.append(Badge((numbers[row.member],), box, text))
    return badges
