"""The placed chronology: badges, swimlanes and the whole layout in figure pixels
(made by :func:`timeline.plot.chronology.chronology_layout`, read by the badge and drawing
steps)."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.plot.chronology_page import Page
from timeline.plot.chronology_spans import EraLabel, SpanRow
from timeline.plot.chronology_text import KeyEntry, Label
from timeline.plot.eras import Band
from timeline.plot.label_layout import Box, Placed


@dataclass(frozen=True)
class Badge:
    """Numbers of keyed events at a place on the chart."""

    numbers: tuple[int, ...]
    box: Box
    text: str


@dataclass
class Swimlane:
    """One swimlane (the whole chart when there are no lanes)."""

    name: str
    box: Box
    axis_y: float
    labels: list[tuple[Label, Placed]] = field(default_factory=list)
    spans: list[SpanRow] = field(default_factory=list)
    keyed: list[int] = field(default_factory=list)  # milestones without a label
    anchors: dict[int, float] = field(default_factory=dict)


@dataclass
class Layout:
    """Everything placed, in figure pixels."""

    page: Page
    chart: Box
    x_range: tuple[float, float]
    eras: list[tuple[Band, EraLabel]]
    bands: list[Swimlane]
    key_box: Box | None
    key_size: float
    key: list[tuple[KeyEntry, Box]]
    key_left_out: int
    badges: list[Badge]
    numbers: dict[int, int]

    def text_boxes(self) -> list[tuple[str, Box]]:
        """Every box of text on the figure, by kind (label, span_label, era, number, key,
        legend, title, subtitle, caption), for checks of overlaps and bounds."""
        boxes: list[tuple[str, Box]] = []
        for name in ("title", "subtitle", "caption"):
            block = getattr(self.page, name)
            if block is not None:
                boxes.append((name, block.box))
        boxes += [("legend", item.text) for item in self.page.legend]
        boxes += [("era", era.box) for _, era in self.eras]
        for band in self.bands:
            boxes += [("label", spot.box) for _, spot in band.labels]
            boxes += [("span_label", row.label) for row in band.spans if row.label is not None]
        boxes += [("number", badge.box) for badge in self.badges]
        boxes += [("key", box) for _, box in self.key]
        return boxes

    def px(self, ms: float) -> float:
        low, high = self.x_range
        return self.chart.x0 + (ms - low) / (high - low) * (self.chart.x1 - self.chart.x0)
