"""The words of a chronology: milestone labels (the date as reported and the full title,
wrapped over at most three lines), labels of co-located events joined under one date,
span labels, and the numbered key for the events whose labels cannot fit.

Sizes are estimated with :mod:`timeline.plot.text_metrics`; text is kept raw here and
escaped when it becomes markup (:func:`label_markup`, :func:`key_markup`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from timeline.plot.text_metrics import block_width, text_height, text_width, wrap_text
from timeline.text import escape_text

LABEL_PX = 11.0
"""Font size of labels (the target is at least 10 px)."""
LABEL_WIDTHS = (150.0, 190.0, 240.0, 300.0, 380.0)
"""Widths a label's text may wrap to; the narrowest that keeps titles short wins."""
MAX_TITLE_LINES = 3
MAX_GROUP = 4
"""At most this many events of one date share one label."""
PAD = 3.0
"""Pixels around the text inside a label box (plotly's border and padding)."""
BULLET = "• "
INDENT = "\u2003"
"""An em space: continuation lines of a title in a joined label line up after the bullet."""
EM_PX = LABEL_PX


@dataclass(frozen=True)
class Label:
    """One milestone label: a date and one or more titles, wrapped."""

    members: tuple[int, ...]  # the events (positions) it names
    date: str
    titles: tuple[tuple[str, ...], ...]  # wrapped lines of each title
    width: float  # box width in px, padding included
    height: float

    @property
    def lines(self) -> int:
        return 1 + sum(len(t) for t in self.titles)


def make_labels(members: tuple[int, ...], date: str, titles: list[str]) -> list[Label]:
    """Ways to wrap the label of ``members`` (events of one date), preferred first: the
    narrowest width that keeps every title within two lines, then the next narrower
    (taller), the next wider and the widest; ``[]`` when some title needs more than three
    lines even at the widest.

    Examples
    --------
    >>> label = make_labels((0,), "late October", ["Choe Son Hui visits Moscow, meets Lavrov"])[0]
    >>> label.titles, label.lines
    ((('Choe Son Hui visits Moscow,', 'meets Lavrov'),), 3)
    """
    return [
        Label(members=members, date=date, titles=wrapped, width=width, height=height)
        for wrapped, width, height in _variants(date, tuple(titles))
    ]


@lru_cache(maxsize=2048)
def _variants(
    date: str, titles: tuple[str, ...]
) -> tuple[tuple[tuple[tuple[str, ...], ...], float, float], ...]:
    """(wrapped titles, width, height) of each way to wrap a label (cached: a chronology
    tries several chart widths with the same labels)."""
    bullet = BULLET if len(titles) > 1 else ""
    indent = EM_PX if bullet else 0.0
    variants: list[tuple[int, tuple[tuple[str, ...], ...], float, float]] = []
    for width in LABEL_WIDTHS:
        wrapped = tuple(tuple(wrap_text(t, width - indent, LABEL_PX)) or ("",) for t in titles)
        most = max(len(w) for w in wrapped)
        if most > MAX_TITLE_LINES:
            continue
        if variants and variants[-1][1] == wrapped:
            continue
        lines = [line for w in wrapped for line in w]
        widest = max(block_width(lines, LABEL_PX) + indent, text_width(date, LABEL_PX, bold=True))
        count = 1 + sum(len(w) for w in wrapped)
        box_w, box_h = widest + 2 * PAD + 2, text_height(count, LABEL_PX) + 2 * PAD
        variants.append((most, wrapped, box_w, box_h))
    if not variants:
        return ()
    natural = next((k for k, v in enumerate(variants) if v[0] <= 2), 0)
    order = [natural, natural - 1, natural + 1, len(variants) - 1]  # natural, taller, wider
    chosen = list(dict.fromkeys(k for k in order if 0 <= k < len(variants)))
    return tuple(variants[k][1:] for k in chosen)


def label_markup(label: Label) -> str:
    """The plotly text of a label: the date in bold, then each title (escaped).

    Examples
    --------
    >>> label_markup(make_labels((0,), "2024", ["<b>x</b>"])[0])
    '<b>2024</b><br>&lt;b&gt;x&lt;/b&gt;'
    """
    parts = [f"<b>{escape_text(label.date)}</b>"]
    several = len(label.titles) > 1
    for title in label.titles:
        for k, line in enumerate(title):
            if several:
                line = (BULLET if k == 0 else INDENT) + line
            parts.append(escape_text(line))
    return "<br>".join(parts)


@dataclass(frozen=True)
class KeyEntry:
    """One line group of the numbered key."""

    number: int
    member: int
    lines: tuple[str, ...]  # raw text lines; the first starts with the number
    height: float


def key_entry(
    number: int, member: int, date: str, title: str, width: float, size: float
) -> KeyEntry:
    """A key entry ``"3  late October: title"`` wrapped to ``width`` (measured as bold, so
    the estimate errs wide).

    Examples
    --------
    >>> key_entry(3, 0, "2024", "First reports", 300, 11).lines
    ('3  2024: First reports',)
    """
    text = f"{number}  {date}: {title}" if date else f"{number}  {title}"
    lines = tuple(wrap_text(text, width - 2 * PAD, size, bold=True))
    return KeyEntry(number, member, lines, text_height(len(lines), size) + 2 * PAD)


def key_markup(entry: KeyEntry) -> str:
    """The plotly text of a key entry: its number in bold, the rest escaped."""
    first = entry.lines[0]
    number = str(entry.number)
    rest = first[len(number) :]
    parts = [f"<b>{number}</b>{escape_text(rest)}", *(escape_text(x) for x in entry.lines[1:])]
    return "<br>".join(parts)


def number_ranges(numbers: list[int]) -> str:
    """``[3, 4, 5, 8]`` -> ``"3–5, 8"``.

    Examples
    --------
    >>> number_ranges([3, 4, 5, 8])
    '3–5, 8'
    """
    parts: list[str] = []
    start = prev = None
    for n in sorted(numbers):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(f"{start}–{prev}" if prev != start else f"{start}")
        start = prev = n
    if start is not None:
        parts.append(f"{start}–{prev}" if prev != start else f"{start}")
    return ", ".join(parts)
