"""Static images (PNG, SVG, PDF) through kaleido 1.x and a Chromium found on the machine.

Starting Chromium costs seconds; rendering a figure in a running one costs a fraction of
a second. :func:`image_session` keeps one browser (``kaleido.start_sync_server``) for every
image rendered inside it and stops it at the end; :func:`figure_image` opens its own
session when none is open.

The browser is looked up before kaleido starts (a kaleido server whose browser failed to
start would wait forever): ``BROWSER_PATH`` if set, else what kaleido itself finds
(Debian's ``/usr/bin/chromium``, Chrome...).
"""

from __future__ import annotations

import contextlib
import copy
import os
from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go

from timeline.export.escaping import clean_strings

IMAGE_FORMATS = ("png", "svg", "pdf")
INSTALL_HINT = (
    "install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) "
    "or set BROWSER_PATH to a Chromium or Chrome executable"
)
DEFAULT_SIZE = (1100, 600)
CAPTION_GAP_PX = 40
TRANSPARENT = "rgba(0,0,0,0)"


class BrowserNotFoundError(RuntimeError):
    """No Chromium for image export; the message says how to install one."""


class ImageExportError(RuntimeError):
    """kaleido or Chromium failed to render a figure; the message says which format."""


def find_browser() -> str:
    """Path of the Chromium kaleido will use; raises :class:`BrowserNotFoundError`.

    Examples
    --------
    >>> find_browser()  # doctest: +SKIP
    '/usr/bin/chromium'
    """
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        if os.path.isfile(configured) and os.access(configured, os.X_OK):
            return configured
        msg = f"BROWSER_PATH={configured!r} is not an executable file; {INSTALL_HINT}"
        raise BrowserNotFoundError(msg)
    from choreographer.browsers.chromium import Chromium

    found = Chromium.find_browser(skip_local=False)
    if found and os.path.isfile(found):
        return str(found)
    msg = f"image export needs Chromium, and none was found: {INSTALL_HINT}"
    raise BrowserNotFoundError(msg)


class _Session:
    depth = 0  # nesting of image_session blocks; the outermost starts and stops the server


@contextlib.contextmanager
def no_request_headers() -> Iterator[None]:
    """Within the block, plotly sends kaleido no request headers; the default comes back after.

    kaleido warns that a running server ignores per-call options such as headers, and
    plotly's default has one (``pio.defaults.headers``). Only this block changes it.

    Examples
    --------
    >>> import plotly.io as pio
    >>> before = pio.defaults.headers
    >>> with no_request_headers():
    ...     pio.defaults.headers is None
    True
    >>> pio.defaults.headers == before
    True
    """
    import plotly.io as pio

    previous = pio.defaults.headers
    pio.defaults.headers = None
    try:
        yield
    finally:
        pio.defaults.headers = previous


@contextlib.contextmanager
def image_session() -> Iterator[None]:
    """Render every image inside the block with one Chromium (started once, stopped after).

    Nested sessions share the outer one. The session uses kaleido's public server API only
    (``start_sync_server``/``stop_sync_server``): it starts the server and stops it after, so
    do not run it inside a kaleido server of your own. plotly's default request headers are
    off for the session (:func:`no_request_headers`) and restored after it.

    Examples
    --------
    >>> import timeline as tl
    >>> with image_session():  # doctest: +SKIP
    ...     for name in ("a.png", "b.pdf"):
    ...         tl.export(fig, name)
    """
    import kaleido

    if _Session.depth > 0:
        _Session.depth += 1
        try:
            yield
        finally:
            _Session.depth -= 1
        return
    find_browser()
    with no_request_headers():
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _Session.depth = 1
        try:
            yield
        finally:
            _Session.depth = 0
            kaleido.stop_sync_server(silence_warnings=True)


def print_layout(figure: dict[str, Any], template: object) -> dict[str, Any]:
    """A figure dict made for paper: no range slider or buttons, black text on white.

    Parameters
    ----------
    figure : dict
        ``fig.to_dict()``; not modified.
    template : "print", None, str or dict
        ``"print"`` (the default for images): drop the interactive widgets and use black
        text; ``None``: the figure as it is; another name or a template dict: that plotly
        template.

    Examples
    --------
    >>> layout = print_layout({"layout": {"xaxis": {"rangeslider": {"visible": True}}}}, "print")
    >>> layout["layout"]["xaxis"]["rangeslider"]["visible"]
    False
    """
    if template is None:
        return figure
    result = dict(figure)
    layout = copy.deepcopy(figure.get("layout", {}))
    result["layout"] = layout
    if template != "print":
        import plotly.io as pio

        layout["template"] = (
            pio.templates[template].to_plotly_json() if isinstance(template, str) else template
        )
        return result
    xaxis = layout.setdefault("xaxis", {})
    had_slider = bool(xaxis.get("rangeslider", {}).get("visible"))
    xaxis.setdefault("rangeslider", {})["visible"] = False
    xaxis.setdefault("rangeselector", {})["visible"] = False
    layout["paper_bgcolor"] = "white"
    if layout.get("plot_bgcolor") != TRANSPARENT:  # a chronology's overlay must stay clear
        layout["plot_bgcolor"] = "white"
    layout.setdefault("font", {})["color"] = "black"
    if had_slider:
        _move_caption_up(layout)
    return result


def _move_caption_up(layout: dict[str, Any]) -> None:
    """Put the caption just under the axis once the range slider is gone."""
    margin = layout.get("margin", {})
    height = layout.get("height") or DEFAULT_SIZE[1]
    plot_px = height - margin.get("t", 100) - margin.get("b", 80)
    if plot_px <= 0:
        return
    for annotation in layout.get("annotations", []):
        if annotation.get("name") == "caption":
            annotation["y"] = -CAPTION_GAP_PX / plot_px


def figure_image(
    figure: go.Figure | dict[str, Any],
    format: str = "png",
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1.0,
    template: object = "print",
) -> bytes:
    """Render a figure to PNG, SVG or PDF bytes with kaleido.

    Parameters
    ----------
    figure : go.Figure or dict
        The figure.
    format : {"png", "svg", "pdf"}
        Image format.
    width, height : int, optional
        Size in layout pixels; default the figure's own size, else 1100 x 600.
    scale : float, default 1
        Pixel density: a PNG is ``width * scale`` pixels wide.
    template : "print", None, str or dict, default "print"
        See :func:`print_layout`.

    Returns
    -------
    bytes

    Raises
    ------
    BrowserNotFoundError
        When no Chromium is found.
    ImageExportError
        When kaleido or Chromium fails to render the figure.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> figure_image(go.Figure(), "png")[:4]  # doctest: +SKIP
    b'\\x89PNG'
    """
    if format not in IMAGE_FORMATS:
        msg = f"format must be one of {', '.join(IMAGE_FORMATS)}; got {format!r}"
        raise ValueError(msg)
    if not scale or scale <= 0:
        msg = f"scale must be a positive number; got {scale!r}"
        raise ValueError(msg)
    import kaleido
    from kaleido.errors import ChromeNotFoundError

    data = figure.to_dict() if isinstance(figure, go.Figure) else figure
    data = clean_strings(print_layout(data, template))  # plotly.js fails on control characters
    layout = data.get("layout", {})
    options = {
        "format": format,
        "width": int(width or layout.get("width") or DEFAULT_SIZE[0]),
        "height": int(height or layout.get("height") or DEFAULT_SIZE[1]),
        "scale": float(scale),
    }
    with image_session():
        try:
            return kaleido.calc_fig_sync(data, opts=options)
        except ChromeNotFoundError as exc:
            msg = f"kaleido could not start Chromium: {INSTALL_HINT}"
            raise BrowserNotFoundError(msg) from exc
        except Exception as exc:  # kaleido's errors (KaleidoError, timeouts) in one line
            text = " ".join(str(exc).split())[:300] or type(exc).__name__
            msg = f"rendering the {format.upper()} image failed in kaleido/Chromium: {text}"
            raise ImageExportError(msg) from exc
