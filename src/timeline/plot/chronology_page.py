"""The page of a chronology: size presets, and where the title, the chart, the numbered
key, the legend and the sources caption go, all in figure pixels (y down).

The figure draws its furniture on a second pair of axes spanning the whole figure in
pixel units, so every box computed here is where the browser draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.plot.captions import fit_lines
from timeline.plot.label_layout import Box
from timeline.plot.text_metrics import text_height, text_width

PAGES: dict[str, tuple[int, int]] = {
    "slide": (1280, 720),
    "a4": (1123, 794),
    "letter": (1056, 816),
}
"""Size presets in CSS pixels (96 per inch): a 16:9 slide, and A4 and US Letter pages in
landscape (the chronology is wide)."""

MARGIN = 16.0
TITLE_PX = 20.0
SUBTITLE_PX = 13.0
CAPTION_PX = 10.0
LEGEND_PX = 11.0
LEGEND_ROW = 20.0
TICKS_PX = 36.0
"""Room under the chart for the date tick labels (two lines: month, year)."""
SWATCH = 16.0


def page_size(page: str | None, width: int | None, height: int | None) -> tuple[int, int]:
    """Width and height in pixels from a preset name, overridden by ``width``/``height``.

    Examples
    --------
    >>> page_size("a4", None, None)
    (1123, 794)
    >>> page_size("slide", 1000, None)
    (1000, 720)
    """
    name = (page or "slide").lower()
    if name not in PAGES:
        msg = f"page={page!r} is not a preset; valid: {', '.join(PAGES)}"
        raise ValueError(msg)
    base_w, base_h = PAGES[name]
    size = (int(width or base_w), int(height or base_h))
    if size[0] < 320 or size[1] < 240:
        msg = f"the chronology needs at least 320 x 240 pixels; got {size[0]} x {size[1]}"
        raise ValueError(msg)
    return size


@dataclass(frozen=True)
class TextBlock:
    """Lines of text at a font size, with the box they take."""

    lines: list[str]
    size: float
    box: Box
    bold: bool = False


@dataclass(frozen=True)
class LegendItem:
    """One legend entry: a swatch (a marker symbol or a line) and its text."""

    text: str
    color: str
    symbol: str | None  # marker symbol, or None for a bar swatch
    opacity: float = 1.0
    dash: str = "solid"


@dataclass(frozen=True)
class PlacedItem:
    """A legend entry and where it goes: the swatch centre and the text box."""

    item: LegendItem
    swatch: tuple[float, float]
    text: Box


@dataclass(frozen=True)
class Page:
    """Boxes of the figure's parts (figure pixels, y down)."""

    width: int
    height: int
    title: TextBlock | None
    subtitle: TextBlock | None
    caption: TextBlock | None
    legend: list[PlacedItem]
    legend_box: Box | None
    body: Box  # chart and key together; the chart's tick labels sit below it

    def furniture(self) -> list[Box]:
        """Boxes nothing else may cover."""
        boxes = [b.box for b in (self.title, self.subtitle, self.caption) if b is not None]
        return boxes + ([self.legend_box] if self.legend_box else [])


def _block(
    text: str | None, size: float, top: float, width: float, lines: int, bold: bool = False
) -> TextBlock | None:
    if not text:
        return None
    wrapped = fit_lines(text, width, size, lines, bold)
    height = text_height(len(wrapped), size) + 4
    widest = max(text_width(line, size, bold) for line in wrapped)
    return TextBlock(wrapped, size, Box(MARGIN, top, MARGIN + widest + 4, top + height), bold)


def _legend_rows(items: list[LegendItem], width: float) -> list[list[tuple[LegendItem, float]]]:
    rows: list[list[tuple[LegendItem, float]]] = [[]]
    used = 0.0
    for item in items:
        text = fit_lines(item.text, width - SWATCH - 12, LEGEND_PX, 1)[0]
        item = LegendItem(text, item.color, item.symbol, item.opacity, item.dash)
        need = SWATCH + 6 + text_width(text, LEGEND_PX) + 18
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append((item, need))
        used += need
    return [r for r in rows if r]


def lay_out_page(
    width: int,
    height: int,
    *,
    title: str | None,
    subtitle: str | None,
    caption_lines: list[str],
    legend: list[LegendItem],
) -> Page:
    """Stack title, subtitle, body, legend and caption within the page.

    Examples
    --------
    >>> page = lay_out_page(1280, 720, title="T", subtitle=None, caption_lines=["Sources: a"],
    ...                     legend=[LegendItem("instant", "#555", "circle")])
    >>> page.body.y0 > page.title.box.y1 and page.body.y1 < page.legend_box.y0
    True
    """
    inner = width - 2 * MARGIN
    top = MARGIN
    title_block = _block(title, TITLE_PX, top, inner, 2, bold=True)
    if title_block is not None:
        top = title_block.box.y1 + 2
    subtitle_block = _block(subtitle, SUBTITLE_PX, top, inner, 2)
    if subtitle_block is not None:
        top = subtitle_block.box.y1
    top += 8
    bottom = height - MARGIN / 2
    caption_block = None
    if caption_lines:
        caption_height = text_height(len(caption_lines), CAPTION_PX) + 4
        widest = max(text_width(line, CAPTION_PX) for line in caption_lines)
        caption_block = TextBlock(
            caption_lines,
            CAPTION_PX,
            Box(MARGIN, bottom - caption_height, MARGIN + widest + 4, bottom),
        )
        bottom = caption_block.box.y0 - 4
    placed: list[PlacedItem] = []
    legend_box = None
    rows = _legend_rows(legend, inner)
    if legend:
        legend_top = bottom - LEGEND_ROW * len(rows)
        for r, row in enumerate(rows):
            x = MARGIN
            y = legend_top + r * LEGEND_ROW
            for item, need in row:
                text_w = text_width(item.text, LEGEND_PX) + 4
                placed.append(
                    PlacedItem(
                        item,
                        (x + SWATCH / 2, y + LEGEND_ROW / 2),
                        Box(x + SWATCH + 6, y + 2, x + SWATCH + 6 + text_w, y + LEGEND_ROW - 2),
                    )
                )
                x += need
        right = max(p.text.x1 for p in placed)
        legend_box = Box(MARGIN, legend_top, right, bottom)
        bottom = legend_top - 2
    body = Box(MARGIN, top, width - MARGIN, bottom - TICKS_PX)
    return Page(width, height, title_block, subtitle_block, caption_block, placed, legend_box, body)
