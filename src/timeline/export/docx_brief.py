"""The Word chronology (python-docx): a briefing document for print.

Pages: the title, subtitle, event count and date range and the date prepared; the
chronology (``tl.chronology``) as a picture on a landscape page; then a table of the
events in date order (date as reported, event, source, reliability and credibility,
claimant), the sources with their links, and the date prepared. An optional marking
banner is the header and the footer of every page.

Text from the data stays text: it goes into runs and cells as plain text (characters XML
cannot hold are dropped), never into fields; the only hyperlinks are the sources' own
``http(s)`` addresses.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from timeline.export.escaping import xml_text
from timeline.export.pptx_deck import (
    _clean,
    _day,
    _grade,
    _reported_date,
    chronology_events,
    event_summary,
    key_event_frame,
)
from timeline.export.source import ExportSource

PAGES_IN = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
"""Portrait page sizes in inches."""
MARGIN_IN = 0.75
HEADER_ROOM_IN = 0.55
"""Height the header and footer take from a page's text area."""
COLUMNS = (
    ("Date (as reported)", 0.19),
    ("Event", 0.36),
    ("Source", 0.2),
    ("Reliability / credibility", 0.11),
    ("Claimant", 0.14),
)
"""Table columns and their shares of the text width."""
CSS_PX_PER_IN = 96


def is_web_link(url: str) -> bool:
    """True for an absolute ``http(s)`` address without spaces or control characters.

    Examples
    --------
    >>> is_web_link("https://nis.go.kr/a?b=1"), is_web_link("javascript:alert(1)")
    (True, False)
    >>> is_web_link("https://x y"), is_web_link("http://")
    (False, False)
    """
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    try:
        parts = urlparse(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _banner(section: Any, banner: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for part in (section.header, section.footer):
        part.is_linked_to_previous = False
        paragraph = part.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(banner)
        run.bold = True


def _page(section: Any, size: tuple[float, float], landscape: bool) -> tuple[float, float]:
    """Set the section's page; returns its text area (width, height) in inches."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Inches

    width, height = (size[1], size[0]) if landscape else size
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(width), Inches(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(MARGIN_IN))
    section.header_distance = section.footer_distance = Inches(0.35)
    return width - 2 * MARGIN_IN, height - 2 * MARGIN_IN - HEADER_ROOM_IN


def _hyperlink(paragraph: Any, url: str) -> None:
    """An external hyperlink whose visible text is the address itself."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(color)
    properties.append(underline)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = url
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document: Any, events: pd.DataFrame, width_in: float) -> int:
    from docx.shared import Inches, Pt

    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, (name, share) in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.width = Inches(width_in * share)
        cell.paragraphs[0].add_run(name).bold = True
    _repeat_header(table.rows[0])
    for _, row in events.iterrows():
        values = (
            _reported_date(row),
            _clean(row.get("title")),
            _clean(row.get("source")),
            _grade(row),
            _clean(row.get("claimant")),
        )
        cells = table.add_row().cells
        for cell, value, (_, share) in zip(cells, values, COLUMNS, strict=True):
            cell.width = Inches(width_in * share)
            cell.text = value
    for cell_row in table.rows:
        for cell in cell_row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    return len(table.rows) - 1


def _sources(document: Any, events: pd.DataFrame) -> None:
    from timeline.export.html_page import source_list

    sources = source_list(events)
    document.add_heading("Sources", level=1)
    if not sources:
        document.add_paragraph("The events name no source.")
        return
    for name, url, count in sources:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{_clean(name)} ({count} event{'s' * (count != 1)})")
        if url and is_web_link(url):
            paragraph.add_run(": ")
            _hyperlink(paragraph, url)


def write_docx(
    source: ExportSource,
    path: Path,
    *,
    banner: str | None = None,
    key_events: object = None,
    page: str = "a4",
    template: object = "print",
    generated_at: object = None,
) -> None:
    """Write the Word chronology.

    Parameters
    ----------
    source : ExportSource
        Events (required) and the plot options (colour, eras, reference date).
    banner : str, optional
        Marking shown as the header and the footer of every page.
    key_events : None, int or str
        Which events the chronology and the table show, as in the deck: ``None`` all
        (the chronology draws at most 60, the table lists every one), a number (the
        earliest that many) or the name of a boolean column.
    page : {"a4", "letter"}, default "a4"
        Paper size.
    template : "print", None, str or dict
        Template of the chronology picture (see ``images.print_layout``).
    generated_at : datetime-like, optional
        The date prepared; default today.

    Examples
    --------
    >>> from timeline.export.source import export_source
    >>> source = export_source(events, plot_options={}, title="Briefing",
    ...                        subtitle=None)  # doctest: +SKIP
    >>> write_docx(source, Path("out/brief.docx"), banner="TRAINING")  # doctest: +SKIP
    """
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.shared import Inches

    from timeline.export.images import figure_image

    name = (page or "a4").lower()
    if name not in PAGES_IN:
        msg = f"page={page!r} is not a paper size; valid: {', '.join(PAGES_IN)}"
        raise ValueError(msg)
    size = PAGES_IN[name]
    events = source.require_events("Word export")
    when = pd.Timestamp.now(tz="UTC") if generated_at is None else pd.Timestamp(generated_at)
    prepared = f"Prepared {_day(when)}"

    document = Document()
    first = document.sections[0]
    _page(first, size, landscape=False)
    if banner:
        _banner(first, xml_text(str(banner)))
    document.core_properties.title = xml_text(source.display_title())
    document.add_heading(xml_text(source.display_title()), level=0)
    subtitle = source.display_subtitle()
    if subtitle:
        document.add_paragraph(xml_text(subtitle), style="Subtitle")
    document.add_paragraph(event_summary(events, source.plot_options.get("reference_date")))
    document.add_paragraph(prepared)

    chart = document.add_section(WD_SECTION.NEW_PAGE)
    width_in, height_in = _page(chart, size, landscape=True)
    width_px, height_px = round(width_in * CSS_PX_PER_IN), round(height_in * CSS_PX_PER_IN)
    figure = source.chronology(
        events=chronology_events(events, key_events), width=width_px, height=height_px
    )
    png = figure_image(figure, "png", width=width_px, height=height_px, scale=2, template=template)
    document.add_picture(io.BytesIO(png), width=Inches(width_in))

    body = document.add_section(WD_SECTION.NEW_PAGE)
    text_width, _ = _page(body, size, landscape=False)
    document.add_heading("Events in date order", level=1)
    listed, left_out = key_event_frame(events, key_events, limit=None)
    _table(document, listed, text_width)
    if left_out:
        document.add_paragraph(f"{left_out} more event(s) are not listed in this document.")
    _sources(document, events)
    document.add_paragraph(prepared)
    document.save(str(path))
