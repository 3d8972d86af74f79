"""Export buttons: the current view as an HTML file or a PNG image, and where it went.

HTML is written with plotly.js embedded (opens offline). PNG goes through kaleido, which
drives a Chromium; when none is installed the panel shows how to install it instead of
a traceback. When ``timeline.export`` exists it does the writing (it is given the explorer,
so it knows the filtered events as well as the figure).
"""

from __future__ import annotations

import html
import importlib.util
from pathlib import Path
from typing import Any

CHROMIUM_HINT = "PNG export needs Chromium: apt-get install -y chromium"
KALEIDO_HINT = "PNG export needs kaleido: pip install 'kaleido>=1'"
FORMATS = ("html", "png")
DEFAULT_WIDTH_PX = 1100


MISSING_BROWSER_ERRORS = ("ChromeNotFoundError", "BrowserNotFoundError")
"""kaleido's and timeline.export's errors for a missing Chromium."""


class ChromiumMissingError(RuntimeError):
    """kaleido found no Chromium to render the image with."""


def write_view(view: Any, path: Path) -> Path:
    """Write the current view to ``path`` (format from the suffix: .html or .png).

    ``view`` is an explorer (anything with ``.figure``, a ``go.Figure``, and
    ``.filtered``). Uses ``timeline.export`` when the package has it; otherwise plotly's
    writers (HTML with plotly.js embedded; PNG with kaleido). Raises
    :class:`ChromiumMissingError` when no Chromium is found.
    """
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        msg = f"path={str(path)!r} must end in one of {', '.join('.' + f for f in FORMATS)}"
        raise ValueError(msg)
    path.parent.mkdir(parents=True, exist_ok=True)
    if importlib.util.find_spec("timeline.export") is not None:
        from timeline.export import export

        try:
            export(view, path)
        except RuntimeError as exc:
            _reraise_missing_chromium(exc)
            raise
        return path
    figure = view.figure
    if suffix == "html":
        figure.write_html(path, include_plotlyjs=True)
        return path
    from timeline.export.images import no_request_headers

    width = figure.layout.width or DEFAULT_WIDTH_PX
    try:
        with no_request_headers():
            figure.write_image(path, format="png", width=width)
    except RuntimeError as exc:
        _reraise_missing_chromium(exc)
        raise
    return path


def _reraise_missing_chromium(exc: BaseException) -> None:
    chain: BaseException | None = exc
    while chain is not None:
        name = type(chain).__name__
        if name in MISSING_BROWSER_ERRORS or "chrome" in str(chain).lower():
            raise ChromiumMissingError(CHROMIUM_HINT) from exc
        chain = chain.__cause__ or chain.__context__


class ExportPanel:
    """Two buttons and a status line.

    Parameters
    ----------
    view
        The explorer (its ``.figure`` is the current view when a button is pressed).
    directory
        Where the files go (``timeline-view.html``, ``timeline-view.png``).
    """

    def __init__(self, view: Any, directory: Path) -> None:
        import ipywidgets as widgets

        self._view = view
        self.directory = Path(directory)
        self.html_button = widgets.Button(description="Export HTML", icon="download")
        self.png_button = widgets.Button(description="Export PNG", icon="image")
        self.status = widgets.HTML()
        self.html_button.on_click(lambda _: self.export("html"))
        self.png_button.on_click(lambda _: self.export("png"))
        self.box = widgets.HBox([self.html_button, self.png_button, self.status])

    def export(self, fmt: str) -> Path | None:
        """Write the current view; show the path (or what went wrong) in the panel."""
        path = self.directory / f"timeline-view.{fmt}"
        self.status.value = f"<span style='color:#555'>writing {html.escape(str(path))}…</span>"
        try:
            written = write_view(self._view, path)
        except ChromiumMissingError as exc:
            self.status.value = f"<span style='color:#b00020'>{html.escape(str(exc))}</span>"
            return None
        except ImportError:
            self.status.value = f"<span style='color:#b00020'>{html.escape(KALEIDO_HINT)}</span>"
            return None
        except (OSError, ValueError, RuntimeError) as exc:
            message = f"export failed: {type(exc).__name__}: {exc}"
            self.status.value = f"<span style='color:#b00020'>{html.escape(message)}</span>"
            return None
        shown = html.escape(str(written.resolve()))
        self.status.value = f"Wrote <code>{shown}</code>"
        return written
