"""``export``: pick the format from the suffix, check the options, write the file(s)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.export.atomic import atomic_write
from timeline.export.source import ExportSource, export_source, plot_option_names
from timeline.progress import step, task

PathLike = str | os.PathLike


@dataclass(frozen=True)
class Format:
    """One output format: its name, what it is, and the options its writer takes."""

    name: str
    description: str
    options: frozenset[str]
    needs_browser: bool = False


_IMAGE_OPTIONS = frozenset({"scale", "template", "chronology"})
FORMATS: dict[str, Format] = {
    ".html": Format(
        "html",
        "self-contained web page",
        frozenset({"banner", "plotlyjs", "sources", "generated_at"}),
    ),
    ".png": Format("png", "PNG image", _IMAGE_OPTIONS, needs_browser=True),
    ".svg": Format("svg", "SVG image", _IMAGE_OPTIONS, needs_browser=True),
    ".pdf": Format("pdf", "PDF document", _IMAGE_OPTIONS, needs_browser=True),
    ".pptx": Format(
        "pptx",
        "PowerPoint briefing deck",
        frozenset(
            {"banner", "key_events", "image_width", "image_height", "template", "generated_at"}
        ),
        needs_browser=True,
    ),
    ".docx": Format(
        "docx",
        "Word chronology",
        frozenset({"banner", "key_events", "page", "template", "generated_at"}),
        needs_browser=True,
    ),
    ".csv": Format("csv", "CSV table of the events", frozenset({"derived"})),
    ".xlsx": Format("xlsx", "Excel table of the events", frozenset({"derived", "sheet_name"})),
    ".json": Format("timelinejs", "TimelineJS JSON", frozenset({"group", "eras"})),
}
"""Output formats by file suffix."""
FORMATS[".htm"] = FORMATS[".html"]

COMMON_OPTIONS = frozenset({"title", "subtitle", "width", "height", "filters"})
"""Options every format takes (``filters`` only with an event frame)."""


def format_of(path: PathLike) -> Format:
    """The output format for ``path`` from its suffix (case-insensitive).

    Examples
    --------
    >>> format_of("out/briefing.PPTX").name
    'pptx'
    """
    suffix = Path(path).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        known = ", ".join(f"{s} ({f.description})" for s, f in FORMATS.items() if s != ".htm")
        msg = (
            f"path={str(path)!r}: cannot tell the format from the suffix {suffix!r}; known: {known}"
        )
        raise ValueError(msg)
    return found


def _write_html(source: ExportSource, path: Path, options: Mapping[str, Any]) -> None:
    from timeline.export.html_page import write_html

    write_html(source, path, **options)


def _write_image(source: ExportSource, path: Path, options: Mapping[str, Any], fmt: str) -> None:
    from timeline.export.images import figure_image

    options = dict(options)
    if options.pop("chronology", False):
        width, height = (source.plot_options.get(k) for k in ("width", "height"))
        figure = source.chronology(width=width, height=height)
    else:
        figure = source.figure()
    path.write_bytes(figure_image(figure, fmt, **options))


def _write_pptx(source: ExportSource, path: Path, options: Mapping[str, Any]) -> None:
    from timeline.export.pptx_deck import write_pptx

    write_pptx(source, path, **options)


def _write_docx(source: ExportSource, path: Path, options: Mapping[str, Any]) -> None:
    from timeline.export.docx_brief import write_docx

    write_docx(source, path, **options)


def _write_table(source: ExportSource, path: Path, options: Mapping[str, Any], fmt: str) -> None:
    from timeline.export.tables import write_csv, write_xlsx

    events = source.require_events(f"{fmt.upper()} export")
    (write_csv if fmt == "csv" else write_xlsx)(events, path, **options)


def _write_timelinejs(source: ExportSource, path: Path, options: Mapping[str, Any]) -> None:
    from timeline.export.timelinejs import write_timelinejs

    events = source.require_events("TimelineJS export")
    write_timelinejs(events, path, title=source.title, subtitle=source.subtitle, **options)


def _writer(fmt: Format) -> Callable[[ExportSource, Path, Mapping[str, Any]], None]:
    if fmt.name == "html":
        return _write_html
    if fmt.name in ("png", "svg", "pdf"):
        return lambda source, path, options: _write_image(source, path, options, fmt.name)
    if fmt.name == "pptx":
        return _write_pptx
    if fmt.name == "docx":
        return _write_docx
    if fmt.name in ("csv", "xlsx"):
        return lambda source, path, options: _write_table(source, path, options, fmt.name)
    return _write_timelinejs


def _check_options(
    options: Mapping[str, Any], formats: Iterable[Format], plot_options: frozenset[str]
) -> None:
    allowed = set(COMMON_OPTIONS) | plot_options
    for fmt in formats:
        allowed |= fmt.options
    unknown = sorted(set(options) - allowed)
    if unknown:
        msg = (
            f"unknown option(s) {', '.join(unknown)} for "
            f"{', '.join(sorted({f.name for f in formats}))}; valid options: "
            f"{', '.join(sorted(allowed))}"
        )
        raise TypeError(msg)


def export_many(
    obj: object,
    paths: Iterable[PathLike],
    *,
    progress: Callable[[Path], None] | None = None,
    **options: Any,
) -> list[Path]:
    """Write ``obj`` to several files; images share one browser, the figure is built once.

    Parameters
    ----------
    obj, options
        As for :func:`export`.
    paths
        Output files; each suffix picks its format.
    progress : callable, optional
        Called with each path after it is written. Two images or more also show a
        ``tqdm`` bar (:mod:`timeline.progress`; off inside ``choose(False)``).

    Returns
    -------
    list of Path

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events("data/events.csv")  # doctest: +SKIP
    >>> export_many(events, ["out/t.html", "out/t.png"], lane="actors")  # doctest: +SKIP
    [PosixPath('out/t.html'), PosixPath('out/t.png')]
    """
    import pandas as pd

    from timeline.export.images import image_session

    obj, options = _table_view(obj, dict(options))
    targets = [Path(p) for p in paths]
    if not targets:
        msg = "paths is empty; give at least one output file"
        raise ValueError(msg)
    formats = [format_of(p) for p in targets]
    is_frame = isinstance(obj, pd.DataFrame)
    plot_names = plot_option_names() if is_frame else frozenset()
    if not is_frame:
        frame_only = sorted(
            {*(set(plot_option_names()) - COMMON_OPTIONS), "filters"}
            & {k for k, v in options.items() if v is not None}
        )
        frame_only = [n for n in frame_only if not any(n in f.options for f in formats)]
        if frame_only:
            msg = (
                f"{', '.join(f'{n}=' for n in frame_only)}: tl.plot options and filters only "
                f"apply when tl.export is given an event frame; got a {type(obj).__name__}"
            )
            raise TypeError(msg)
    _check_options(options, formats, plot_names)
    figure_names = {"title", "subtitle", "width", "height"}
    plot_options = {k: v for k, v in options.items() if k in plot_names - figure_names}
    if is_frame:
        plot_options.update(
            {k: options[k] for k in ("width", "height") if options.get(k) is not None}
        )
    source = export_source(
        obj,
        plot_options=plot_options,
        title=options.get("title"),
        subtitle=options.get("subtitle"),
        filters=options.get("filters"),
    )
    if not is_frame:
        source.layout_size = (options.get("width"), options.get("height"))
    images = sum(f.needs_browser for f in formats)
    with (
        task("writing", total=len(targets), images=images),
        image_session() if images else contextlib.nullcontext(),
    ):
        for path, fmt in zip(targets, formats, strict=True):
            writer_options = {k: v for k, v in options.items() if k in fmt.options}
            write = _writer(fmt)
            atomic_write(path, lambda partial, w=write, o=writer_options: w(source, partial, o))
            step(str(path))
            if progress is not None:
                progress(path)
    return targets


def _table_view(obj: object, options: dict[str, Any]) -> tuple[object, dict[str, Any]]:
    """A lazy ``EventTable`` becomes the explorer of its view (filters, lane, colour, range):
    its figure is drawn from the engine's answers, its table is the window's events."""
    from timeline.engines.table import EventTable

    if not isinstance(obj, EventTable):
        return obj, options
    from timeline.explore.table_explorer import TableExplorer

    view = {k: options.pop(k) for k in ("lane", "color") if options.get(k) is not None}
    explorer = TableExplorer(obj, state=options.pop("filters", None), **view)
    if options.get("x_range") is not None:
        explorer.zoom(options.pop("x_range"))
    return explorer, options


def export(obj: object, path: PathLike, **options: Any) -> Path:
    """Export a figure, an explorer or an event frame; the suffix of ``path`` picks the format.

    Parameters
    ----------
    obj : go.Figure, explorer, DataFrame or EventTable
        A plotly figure; an explorer (anything with ``.figure`` and ``.filtered``: its
        current view and filtered events); a canonical event frame, drawn with
        ``tl.plot`` for figure formats and written as it is for table formats; or a lazy
        ``EventTable`` (``tl.scan_events``; with ``filters``, ``lane``, ``color``,
        ``x_range``): its view is drawn from the engine's counts and the table formats get
        the events of the window (at most 20,000).
    path : str or path-like
        ``.html`` self-contained page; ``.png``, ``.svg``, ``.pdf`` images (kaleido and
        Chromium); ``.pptx`` briefing deck; ``.docx`` Word chronology (needs the
        events); ``.csv``, ``.xlsx`` event tables; ``.json`` TimelineJS. Missing folders
        are created.
    **options
        All formats: ``title``, ``subtitle``, ``width``, ``height`` (figure size in
        pixels); with an event frame also ``filters`` (a ``FilterState`` or dict) and any
        ``tl.plot`` option (``lane``, ``color``, ``eras``...).
        HTML: ``banner``, ``plotlyjs`` ("inline" or "cdn"), ``sources``, ``generated_at``.
        Images: ``scale``, ``template`` ("print" by default, None, or a plotly template),
        ``chronology=True`` (with an event frame: draw ``tl.chronology``, every event
        labelled, instead of ``tl.plot``).
        PPTX: ``banner``, ``key_events``, ``image_width``, ``image_height``, ``template``,
        ``generated_at``. DOCX: ``banner``, ``key_events``, ``page`` ("a4" or "letter"),
        ``template``, ``generated_at``. CSV/XLSX: ``derived`` (also write derived_start,
        derived_end, ...), ``sheet_name``. JSON: ``group`` (column), ``eras``.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ValueError
        Unknown suffix (the message lists the formats) or a bad option value.
    TypeError
        An option the format does not take, or a table format asked of a bare figure.
    BrowserNotFoundError
        Image or PPTX export without Chromium (the message says how to install it).

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events("data/events.csv")  # doctest: +SKIP
    >>> tl.export(events, "out/timeline.html", lane="actors",
    ...           banner="UNCLASSIFIED // FOR TRAINING")  # doctest: +SKIP
    PosixPath('out/timeline.html')
    """
    return export_many(obj, [path], **options)[0]
