"""The briefing deck (python-pptx, 16:9): title, the timeline as a picture, key events.

Slides: a title slide (title, subtitle, event count and date range, the date prepared);
the timeline as a PNG rendered by kaleido (print template): with events, the chronology
(``tl.chronology``: every key event labelled or numbered with a key) filling the slide
between the banners, else the given figure; then tables of the key events
(date as reported, title, source, reliability), as many slides as the text needs. Speaker
notes carry the full sources. An optional marking banner sits at the top and bottom of
every slide.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from timeline.cells import cell_text
from timeline.export.escaping import xml_text
from timeline.export.source import ExportSource
from timeline.plot.geometry import earliest_start, open_start_edges
from timeline.reported import reported_date
from timeline.schema import check_column
from timeline.text import is_missing, truncate

SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
MARGIN_IN = 0.4
BANNER_IN = 0.32
TITLE_TOP_IN = 0.45
TITLE_HEIGHT_IN = 0.8
BODY_TOP_IN = 1.35
COLUMNS = (
    ("Date (as reported)", 2.4),
    ("Event", 6.3),
    ("Source", 2.9),
    ("Reliability", 0.93),
)
"""Table columns and their widths in inches (they fill the slide between the margins)."""
FONT_PT = 12
LINE_IN = 0.215  # height of a 12 pt line with leading
CELL_PAD_IN = 0.12  # top plus bottom cell margins
CHARS_PER_IN = 11.5  # average 12 pt characters per inch (conservative)
MAX_TABLE_EVENTS = 60
CELL_LIMIT = 240
IMAGE_WIDTH_PX = 1400
CHRONOLOGY_WIDTH_PX = 1280


@dataclass(frozen=True)
class Row:
    """One table row of the deck and its speaker note."""

    cells: tuple[str, str, str, str]
    note: str


def _clean(value: object, limit: int | None = None) -> str:
    text = cell_text(value)
    if text is None:
        return ""
    text = xml_text(text).strip()
    return truncate(text, limit) if limit else text


def _reported_date(row: pd.Series) -> str:
    return _clean(reported_date(row.get("date_text"), row.get("end_text")))


def _grade(row: pd.Series) -> str:
    reliability = _clean(row.get("reliability"))
    credibility = row.get("credibility")
    if not is_missing(credibility):
        return f"{reliability or '?'}{int(credibility)}"
    return reliability or "—"


def _note(row: pd.Series) -> str:
    lines = [f"{_reported_date(row)}: {_clean(row.get('title'))}"]
    source = _clean(row.get("source"))
    details = [f"Source: {source or 'not given'}"]
    for field, label in (("source_url", ""), ("claimant", "claimed by "), ("location", "")):
        value = _clean(row.get(field))
        if value:
            details.append(f"{label}{value}")
    grade = _grade(row)
    if grade != "—":
        details.append(f"grade {grade}")
    lines.append("; ".join(details))
    quote = _clean(row.get("quote"))
    if quote:
        lines.append(f"“{quote}”")
    return "\n".join(lines)


def key_event_frame(
    events: pd.DataFrame, key_events: object = None, limit: int | None = MAX_TABLE_EVENTS
) -> tuple[pd.DataFrame, int]:
    """The key events, earliest first, and how many events were left out.

    Parameters
    ----------
    events : DataFrame
        The canonical event frame (era rows are left out).
    key_events : None, int or str
        ``None``: all events, at most ``limit``; an int: at most that many; a column
        name: the rows where that column is true.
    limit : int or None, default 60
        Most events when ``key_events`` is None (``None``: no limit).

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["b", "a"], "date": ["2025", "2024"]}))
    >>> chosen, left_out = key_event_frame(events)
    >>> chosen["title"].tolist(), left_out
    (['a', 'b'], 0)
    """
    marks = events.loc[events["kind"].astype(object) != "era"]
    if isinstance(key_events, str):
        check_column(marks, "key_events", key_events)
        marks = marks.loc[marks[key_events].fillna(False).astype(bool).to_numpy()]
        limit = len(marks)
    elif key_events is not None:
        if isinstance(key_events, bool) or not isinstance(key_events, int) or key_events < 0:
            msg = f"key_events must be None, a column name or a count >= 0; got {key_events!r}"
            raise ValueError(msg)
        limit = key_events
    # an event with only an end sorts where the figure draws it from (the left edge)
    edges = pd.to_datetime(open_start_edges(marks, earliest_start(events)), unit="ms")
    starts = pd.Series(marks["start"].to_numpy()).fillna(pd.Series(edges))
    ordered = marks.iloc[starts.sort_values(kind="stable", na_position="last").index]
    chosen = ordered if limit is None else ordered.head(limit)
    return chosen, len(marks) - len(chosen)


def chronology_events(events: pd.DataFrame, key_events: object = None) -> pd.DataFrame:
    """The rows a briefing's chronology draws: the key events (as the tables list them)
    and the era rows (background periods), in the frame's order.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["b", "a", "war"],
    ...                                       "date": ["2025", "2024", "2023"],
    ...                                       "kind": [None, None, "era"]}))
    >>> chronology_events(events, 1)["title"].tolist()
    ['a', 'war']
    """
    chosen, _ = key_event_frame(events, key_events)
    keep = events.index.isin(chosen.index) | (events["kind"].astype(object) == "era").to_numpy()
    return events.loc[keep]


def key_event_rows(events: pd.DataFrame, key_events: object = None) -> tuple[list[Row], int]:
    """The table rows (earliest first) and how many events were left out.

    Parameters
    ----------
    events : DataFrame
        The canonical event frame (era rows are left out).
    key_events : None, int or str
        ``None``: all events, at most 60; an int: at most that many; a column name: the
        rows where that column is true.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["b", "a"], "date": ["2025", "2024"]}))
    >>> rows, left_out = key_event_rows(events)
    >>> [row.cells[1] for row in rows], left_out
    (['a', 'b'], 0)
    """
    chosen, left_out = key_event_frame(events, key_events)
    rows = [
        Row(
            cells=(
                _clean(_reported_date(row), CELL_LIMIT),
                _clean(row.get("title"), CELL_LIMIT),
                _clean(row.get("source"), CELL_LIMIT),
                _grade(row),
            ),
            note=_note(row),
        )
        for _, row in chosen.iterrows()
    ]
    return rows, left_out


def row_height_in(cells: Sequence[str]) -> float:
    """Estimated height of a table row whose text wraps within the column widths."""
    lines = 1
    for text, (_, width) in zip(cells, COLUMNS, strict=True):
        per_line = max(int((width - 0.2) * CHARS_PER_IN), 1)
        wrapped = sum(max(math.ceil(len(part) / per_line), 1) for part in text.split("\n"))
        lines = max(lines, wrapped)
    return lines * LINE_IN + CELL_PAD_IN


def paginate(rows: Sequence[Row], available_in: float) -> list[list[Row]]:
    """Split rows into slides so each slide's estimated table height fits.

    Examples
    --------
    >>> short = Row(("2024", "a", "b", "A"), "")
    >>> [len(page) for page in paginate([short] * 30, 5.0)]
    [13, 13, 4]
    """
    header = row_height_in([name for name, _ in COLUMNS])
    pages: list[list[Row]] = []
    page: list[Row] = []
    used = header
    for row in rows:
        height = row_height_in(row.cells)
        if page and used + height > available_in:
            pages.append(page)
            page, used = [], header
        page.append(row)
        used += height
    if page:
        pages.append(page)
    return pages


def drawn_events(events: pd.DataFrame) -> pd.DataFrame:
    """The rows ``tl.plot`` draws as marks: not eras, with a start or an end date."""
    dated = events["start"].notna() | events["end"].notna()
    return events.loc[dated.to_numpy() & (events["kind"].astype(object) != "era").to_numpy()]


def event_summary(events: pd.DataFrame, reference_date: object = None) -> str:
    """``"N events, first day – last day"`` for the title slide, as the figure draws them.

    Era rows (background periods) are left out of the count and the range. An ongoing
    event runs to the reference date (``reference_date``, else the latest
    ``reported_on``, as in ``tl.plot``); one with only an end starts at the left edge
    of the data (see ``timeline.plot.geometry.open_start_edges``). The last day is the
    one before the exclusive ``end``.

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({
    ...     "title": ["Summit", "Deployment", "War"],
    ...     "date": ["June 2024", "since September", "2022"],
    ...     "kind": [None, None, "era"],
    ...     "reported_on": ["2025-05-01"] * 3}))
    >>> event_summary(events)
    '2 events, 1 June 2024 – 1 May 2025'
    """
    from timeline.plot.geometry import event_geometry, reference_ms

    marks = drawn_events(events)
    count = len(marks)
    text = f"{count} event{'s' * (count != 1)}"
    if not count:
        return text
    reference = reference_ms(events, reference_date)
    geometry = event_geometry(marks, reference, earliest_start(events))
    # the last day: the one before an exclusive end; an ongoing event's is the report day
    last = np.where(geometry.open_end, geometry.end, geometry.end - 0.001)
    first_day, last_day = (
        pd.Timestamp(round(float(ms) * 1000), unit="us")
        for ms in (np.min(geometry.start), np.max(last))
    )
    return f"{text}, {_day(first_day)} – {_day(last_day)}"


def _day(stamp: pd.Timestamp) -> str:
    return f"{stamp.day} {stamp:%B %Y}"


class _Deck:
    """A python-pptx presentation with the helpers the slides share."""

    def __init__(self, banner: str | None) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        self.presentation = Presentation()
        self.presentation.slide_width = Inches(SLIDE_WIDTH_IN)
        self.presentation.slide_height = Inches(SLIDE_HEIGHT_IN)
        self.banner = _clean(banner) if banner else ""

    def slide(self, layout: int, title: str, notes: str = "") -> Any:
        from pptx.util import Inches, Pt

        slide = self.presentation.slides.add_slide(self.presentation.slide_layouts[layout])
        if slide.shapes.title is not None:
            shape = slide.shapes.title
            shape.text = _clean(title)
            if layout != 0:
                shape.left, shape.top = Inches(MARGIN_IN), Inches(TITLE_TOP_IN)
                shape.width = Inches(SLIDE_WIDTH_IN - 2 * MARGIN_IN)
                shape.height = Inches(TITLE_HEIGHT_IN)
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(28)
        if notes:
            slide.notes_slide.notes_text_frame.text = xml_text(notes)
        if self.banner:
            self._banner(slide, top=0.0)
            self._banner(slide, top=SLIDE_HEIGHT_IN - BANNER_IN)
        return slide

    def _banner(self, slide: Any, top: float) -> None:
        from pptx.dml.color import RGBColor
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Inches, Pt

        box = slide.shapes.add_textbox(
            Inches(0), Inches(top), Inches(SLIDE_WIDTH_IN), Inches(BANNER_IN)
        )
        box.name = "banner"
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor(0x22, 0x22, 0x22)
        frame = box.text_frame
        frame.margin_top = frame.margin_bottom = Inches(0.02)
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = self.banner
        run.font.bold = True
        run.font.size = Pt(12)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)

    def picture(self, slide: Any, png: bytes) -> None:
        from PIL import Image
        from pptx.util import Inches

        with Image.open(io.BytesIO(png)) as image:
            width_px, height_px = image.size
        box_w = SLIDE_WIDTH_IN - 2 * MARGIN_IN
        box_h = SLIDE_HEIGHT_IN - BODY_TOP_IN - BANNER_IN - 0.15
        scale = min(box_w / width_px, box_h / height_px)
        width, height = width_px * scale, height_px * scale
        left = (SLIDE_WIDTH_IN - width) / 2
        slide.shapes.add_picture(
            io.BytesIO(png), Inches(left), Inches(BODY_TOP_IN), Inches(width), Inches(height)
        )

    def full_picture(self, slide: Any, png: bytes) -> None:
        """A picture across the whole slide, between the banners."""
        from pptx.util import Inches

        top = BANNER_IN if self.banner else 0.0
        height = SLIDE_HEIGHT_IN - 2 * top
        picture = slide.shapes.add_picture(
            io.BytesIO(png), Inches(0), Inches(top), Inches(SLIDE_WIDTH_IN), Inches(height)
        )
        picture.name = "chronology"

    def table(self, slide: Any, rows: Sequence[Row]) -> None:
        from pptx.util import Inches, Pt

        shape = slide.shapes.add_table(
            len(rows) + 1,
            len(COLUMNS),
            Inches(MARGIN_IN),
            Inches(BODY_TOP_IN),
            Inches(sum(width for _, width in COLUMNS)),
            Inches(0.4 * (len(rows) + 1)),
        )
        table = shape.table
        for j, (name, width) in enumerate(COLUMNS):
            table.columns[j].width = Inches(width)
            table.cell(0, j).text = name
        for i, row in enumerate(rows, start=1):
            table.rows[i].height = Inches(row_height_in(row.cells))
            for j, text in enumerate(row.cells):
                table.cell(i, j).text = text
        for cell_row in table.rows:
            for cell in cell_row.cells:
                cell.margin_top = cell.margin_bottom = Inches(CELL_PAD_IN / 2)
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(FONT_PT)

    def save(self, path: Path) -> None:
        self.presentation.save(str(path))


def _sources_note(events: pd.DataFrame | None, figure_caption: str) -> str:
    from timeline.export.html_page import source_list

    sources = source_list(events)
    if not sources:
        return figure_caption
    lines = ["Sources:"]
    for name, url, count in sources:
        lines.append(f"- {name}{f' <{url}>' if url else ''} ({count} event{'s' * (count != 1)})")
    return "\n".join(lines)


def write_pptx(
    source: ExportSource,
    path: Path,
    *,
    banner: str | None = None,
    key_events: object = None,
    image_width: int | None = None,
    image_height: int | None = None,
    template: object = "print",
    generated_at: object = None,
) -> None:
    """Write the briefing deck.

    Parameters
    ----------
    source : ExportSource
        Figure and (optionally) events; without events there are no table slides.
    banner : str, optional
        Marking shown at the top and bottom of every slide.
    key_events : None, int or str
        Which events the chronology and the tables show (see :func:`key_event_rows`).
    image_width, image_height : int, optional
        Size of the timeline image in layout pixels (rendered at twice that density);
        default the slide (1280 px wide) for the chronology, 1400 px for a figure.
    template : "print", None, str or dict
        Template of the timeline image (see ``images.print_layout``).
    generated_at : datetime-like, optional
        Date shown on the title slide; default today.

    Examples
    --------
    >>> from timeline.export.source import export_source
    >>> source = export_source(events, plot_options={"lane": "actors"}, title="Briefing",
    ...                        subtitle=None)  # doctest: +SKIP
    >>> write_pptx(source, Path("out/briefing.pptx"), banner="TRAINING")  # doctest: +SKIP
    """
    from timeline.export.images import figure_image
    from timeline.export.source import plain_text

    events = source.events
    if events is not None:
        width = image_width or CHRONOLOGY_WIDTH_PX
        share = (SLIDE_HEIGHT_IN - (2 * BANNER_IN if banner else 0.0)) / SLIDE_WIDTH_IN
        height = image_height or round(width * share)
        figure = source.chronology(
            events=chronology_events(events, key_events), width=width, height=height
        )
    else:
        figure = source.figure()
        width = image_width or IMAGE_WIDTH_PX
        height = image_height or figure.layout.height
    png = figure_image(figure, "png", width=width, height=height, scale=2, template=template)
    deck = _Deck(banner)
    events = source.events
    title = source.display_title()
    when = pd.Timestamp.now(tz="UTC") if generated_at is None else pd.Timestamp(generated_at)
    facts = [source.display_subtitle()]
    if events is not None:
        facts.append(event_summary(events, source.plot_options.get("reference_date")))
    facts.append(f"Prepared {_day(when)}")
    first = deck.slide(0, title)
    first.placeholders[1].text = xml_text("\n".join(f for f in facts if f))

    caption = ""
    for annotation in figure.layout.annotations or ():
        if annotation.name == "caption":
            caption = plain_text(annotation.text)
    if events is not None:
        picture = deck.slide(6, title, notes=_sources_note(events, caption))
        deck.full_picture(picture, png)
    else:
        picture = deck.slide(5, title, notes=_sources_note(events, caption))
        deck.picture(picture, png)

    if events is not None:
        rows, left_out = key_event_rows(events, key_events)
        available = SLIDE_HEIGHT_IN - BODY_TOP_IN - BANNER_IN - 0.2
        pages = paginate(rows, available)
        for number, page in enumerate(pages, start=1):
            heading = "Key events" + (f" ({number}/{len(pages)})" if len(pages) > 1 else "")
            notes = "\n\n".join(row.note for row in page)
            if number == len(pages) and left_out:
                notes += f"\n\n{left_out} more event(s) are not listed in this deck."
            slide = deck.slide(5, heading, notes=notes)
            deck.table(slide, page)
    deck.save(path)
