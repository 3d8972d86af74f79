"""Text sizes in pixels and word wrapping, for figures that must fit without a browser.

Widths come from the metrics of Arial / Helvetica (Liberation Sans has the same advance
widths), the first fonts of :data:`FIGURE_FONT`: the figure asks for exactly the fonts
it was measured with. Characters outside the table count as wide as an ``M`` (East Asian
wide ones as a full em), so an estimate errs on the wide side.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

FIGURE_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
"""The font of briefing figures: metric-compatible faces whose widths are known here."""

LINE_SPACING = 1.3
"""plotly.js puts multi-line text 1.3 em apart."""

_CHARS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~–—‘’“”…•·éèàáäöüßçñ°€£§×"
)
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
    722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
    556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
    500, 334, 260, 334, 584, 556, 1000, 222, 222, 333, 333, 1000, 350, 278, 556, 556, 556, 556,
    556, 556, 556, 611, 500, 556, 400, 556, 556, 556, 584,
)  # fmt: skip
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722,
    722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
    611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556,
    500, 389, 280, 389, 584, 556, 1000, 278, 278, 500, 500, 1000, 350, 278, 556, 556, 556, 556,
    556, 611, 611, 611, 556, 611, 400, 556, 556, 556, 584,
)  # fmt: skip
_WIDTHS = {
    False: dict(zip(_CHARS, _REGULAR, strict=True)),
    True: dict(zip(_CHARS, _BOLD, strict=True)),
}


@lru_cache(maxsize=4096)
def _unknown(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 1000 if unicodedata.east_asian_width(char) in ("W", "F") else 833


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of ``text`` in pixels at font ``size`` (px).

    Examples
    --------
    >>> round(text_width("Kursk", 10), 1)
    25.6
    """
    table = _WIDTHS[bold]
    total = 0
    for char in text:
        width = table.get(char)
        total += _unknown(char) if width is None else width
    return total * size / 1000.0


def line_height(size: float) -> float:
    """Distance between two lines of text at font ``size`` (px)."""
    return size * LINE_SPACING


def text_height(lines: int, size: float) -> float:
    """Height of ``lines`` lines at font ``size``: plotly's line spacing plus descenders.

    Examples
    --------
    >>> round(text_height(2, 10), 1)
    24.0
    """
    if lines <= 0:
        return 0.0
    return (lines - 1) * line_height(size) + size * 1.1


def _split_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """Cut a word that is wider than a line into pieces that fit."""
    pieces, current = [], ""
    for char in word:
        if current and text_width(current + char, size, bold) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap_text(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels (words kept whole when they
    fit a line; longer ones are cut). Whitespace runs become single spaces; nothing else
    is dropped.

    Examples
    --------
    >>> wrap_text("Choe Son Hui visits Moscow, meets Lavrov and Putin", 120, 11)
    ['Choe Son Hui visits', 'Moscow, meets Lavrov', 'and Putin']
    """
    words = str(text).split()
    lines: list[str] = []
    current, current_w = "", 0.0
    space = text_width(" ", size, bold)
    for word in words:
        word_w = text_width(word, size, bold)
        if current and current_w + space + word_w <= width:
            current, current_w = f"{current} {word}", current_w + space + word_w
            continue
        if not current and word_w <= width:
            current, current_w = word, word_w
            continue
        if current:
            lines.append(current)
        if word_w <= width:
            current, current_w = word, word_w
        else:
            *whole, current = _split_word(word, width, size, bold)
            lines.extend(whole)
            current_w = text_width(current, size, bold)
    if current:
        lines.append(current)
    return lines


def block_width(lines: list[str], size: float, bold_first: bool = False) -> float:
    """Width of the widest of ``lines`` (the first one bold when ``bold_first``)."""
    return max(
        (text_width(line, size, bold_first and i == 0) for i, line in enumerate(lines)),
        default=0.0,
    )
