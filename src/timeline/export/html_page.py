"""The briefing web page: one self-contained HTML file that works offline.

The page holds plotly.js inline (or a CDN link with ``plotlyjs="cdn"``), the figure and a
small index as JSON script elements (``<``, ``>``, ``&`` escaped, so data cannot end the
element), and ``page.js``, which draws the figure and runs the search box and the lane
and category toggles. A Content-Security-Policy allows only the page's own scripts (by
nonce) and no network at all, so even markup that slipped into the data could neither
run nor load anything. No MathJax.
"""

from __future__ import annotations

import functools
import json
import secrets
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.export.escaping import markup_text, safe_json, script_text
from timeline.export.page_index import PageIndex, page_index
from timeline.export.source import ExportSource
from timeline.filters import search_text
from timeline.text import is_missing

PLOTLYJS_MODES = ("inline", "cdn")
PLOT_CONFIG = {
    "responsive": True,
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
SOURCES_SHOWN = 200
TITLE_SPACE_PX = 50  # what a figure title and subtitle take at the top of a tl.plot figure
PLOTLY_CONFIG_SCRIPT = "window.PlotlyConfig = {MathJaxConfig: 'local'};"


@functools.cache
def _asset(name: str) -> str:
    return resources.files("timeline.export").joinpath(name).read_text(encoding="utf-8")


@functools.cache
def _plotlyjs() -> str:
    from plotly.offline import get_plotlyjs

    return script_text(get_plotlyjs())


def _cdn_url() -> str:
    from plotly.offline import get_plotlyjs_version

    return f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"


def source_list(events: pd.DataFrame | None) -> list[tuple[str, str, int]]:
    """(source, http(s) URL or "", event count) per distinct source, most events first.

    Era rows (background periods) name their source but do not count as events.

    Examples
    --------
    >>> frame = pd.DataFrame({"source": ["NIS", "TASS", "NIS"],
    ...                       "source_url": ["https://nis.go.kr", "javascript:x", None]})
    >>> source_list(frame)
    [('NIS', 'https://nis.go.kr', 2), ('TASS', '', 1)]
    """
    if events is None or "source" not in events.columns:
        return []
    frame = pd.DataFrame({"source": events["source"].astype(object)})
    frame["url"] = events["source_url"].astype(object) if "source_url" in events else None
    frame["event"] = (
        (events["kind"].astype(object) != "era").to_numpy() if "kind" in events else True
    )
    frame = frame.loc[frame["source"].notna() & (frame["source"].astype(str).str.strip() != "")]
    result = []
    for name, group in frame.groupby("source", sort=False):
        urls = [str(u).strip() for u in group["url"] if not is_missing(u)]
        url = next((u for u in urls if u.lower().startswith(("http://", "https://"))), "")
        result.append((str(name), url, int(group["event"].sum())))
    return sorted(result, key=lambda item: (-item[2], item[0]))


def _sources_html(sources: Sequence[tuple[str, str, int]]) -> str:
    if not sources:
        return ""
    items = []
    for name, url, count in sources[:SOURCES_SHOWN]:
        text = markup_text(name)
        if url:
            text += (
                f' (<a href="{markup_text(url, quote=True)}" rel="noopener noreferrer">'
                f"{markup_text(url)}</a>)"
            )
        if count:
            text += f" · {count} event{'s' if count != 1 else ''}"
        items.append(f"<li>{text}</li>")
    more = len(sources) - SOURCES_SHOWN
    if more > 0:
        items.append(f"<li>and {more} more</li>")
    return (
        '<section class="tl-sources" aria-label="Sources"><h2>Sources</h2>'
        f"<ul>{''.join(items)}</ul></section>"
    )


def _generated_text(generated_at: object) -> str:
    stamp = pd.Timestamp.now(tz="UTC") if generated_at is None else pd.Timestamp(generated_at)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC")
    return f"{stamp:%Y-%m-%d %H:%M} UTC"


def _figure_json(figure: go.Figure) -> str:
    from plotly.io.json import to_json_plotly

    data = figure.to_plotly_json()
    layout = dict(data.get("layout", {}))
    title = dict(layout.get("title", {}) or {})
    if title.get("text"):  # the page header shows title and subtitle: give back their room
        title["text"] = ""
        title["subtitle"] = {"text": ""}
        layout["title"] = title
        margin = dict(layout.get("margin") or {})
        if margin.get("t", 0) >= 2 * TITLE_SPACE_PX and layout.get("height"):
            margin["t"] -= TITLE_SPACE_PX
            layout["margin"] = margin
            layout["height"] -= TITLE_SPACE_PX
    payload = {"data": data.get("data", []), "layout": layout, "config": PLOT_CONFIG}
    return safe_json(to_json_plotly(payload))


def _page_figure(source: ExportSource) -> tuple[go.Figure, dict | None]:
    """The page's figure and, when it draws density, its level-of-detail data.

    The figure is then the first view (the full extent): a strip trace per lane (empty for
    the lanes that show marks) before the mark traces, which hold only that view's marks;
    the page's script redraws both from the data on every zoom.
    """
    parts = source.parts()
    if parts is None or not parts.lod_active:
        return source.figure(), None
    from timeline.export.page_detail import page_detail

    low, high = parts.layout["xaxis"]["range"]
    traces = parts.view_traces((float(low), float(high)), all_lanes=True)
    traces = [_hover_strip(t) if _is_strip(t) else t for t in traces]
    return go.Figure(data=traces, layout=parts.layout), page_detail(parts, 0)


def _is_strip(trace: dict) -> bool:
    from timeline.plot.density import DENSITY_ROLE

    meta = trace.get("meta")
    return isinstance(meta, dict) and meta.get("role") == DENSITY_ROLE


def _hover_strip(trace: dict) -> dict:
    """A lane's strip on the page: the page's script paints the strip as a layout image
    (a heatmap costs far more on every zoom) and fills this trace with one invisible
    hover point per non-empty bucket (its text: count, dates, top categories, examples)."""
    return {
        "type": "scatter",
        "mode": "none",
        "hoveron": "points",
        "x": [],
        "y": [],
        "hovertext": [],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "name": trace.get("name"),
        "showlegend": False,
        "meta": trace["meta"],
    }


def _packed_detail(detail: dict, index: PageIndex, events: pd.DataFrame | None) -> dict:
    """The level-of-detail data packed for the page, with the search texts and category
    codes of the index moved into its compressed buffer (the page has the titles there
    already: a search text is the lowercase title, a newline, and ``search.rest``)."""
    from timeline.export.page_detail import Strings, page_payload

    search: dict[str, Any] = {}
    if index.texts is not None and events is not None and detail.get("titles") is not None:
        rest = search_text(events.drop(columns=["title"], errors="ignore"))
        search["rest"] = Strings(rest.tolist()) if rest.str.len().any() else None
        index.texts = None
        index.texts_in_detail = True
    if index.category:
        search["category"] = np.asarray(index.category, dtype=np.int64) + 1  # -1: era
        index.category = []
        index.category_in_detail = True
    return page_payload({**detail, "search": search})


def _packed_json(text: str) -> str:
    """JSON text gzip-compressed as base85 in a small JSON object (the page inflates it)."""
    import gzip

    from timeline.export.page_detail import B85_ALPHABET, base85

    compressed = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    packed = {"packed": base85(compressed), "bytes": len(compressed), "alphabet": B85_ALPHABET}
    return json.dumps(packed, separators=(",", ":"))


def _detail_element(detail: dict | None) -> str:
    if detail is None:
        return ""
    text = safe_json(json.dumps(detail, ensure_ascii=False, separators=(",", ":")))
    return f'<script type="application/json" id="tl-lod">{text}</script>\n'


def page_html(
    source: ExportSource,
    *,
    banner: str | None = None,
    plotlyjs: str = "inline",
    sources: Sequence[str] | None = None,
    generated_at: object = None,
) -> str:
    """The whole page as text.

    Parameters
    ----------
    source : ExportSource
        Figure and events (see :func:`timeline.export.source.export_source`).
    banner : str, optional
        Marking shown at the top and the bottom of the page (any text, shown as text).
    plotlyjs : {"inline", "cdn"}, default "inline"
        Embed plotly.js (works offline) or load it from the plotly CDN.
    sources : list of str, optional
        Sources to list; default the ``source`` column of the events.
    generated_at : datetime-like, optional
        The generation time shown; default now.

    Returns
    -------
    str

    Examples
    --------
    >>> import timeline as tl
    >>> from timeline.export.source import export_source
    >>> events = tl.load_events(pd.DataFrame({"title": ["Summit"], "date": ["June 2024"]}))
    >>> source = export_source(events, plot_options={}, title="Story", subtitle=None)
    >>> page = page_html(source, banner="TRAINING")
    >>> page.startswith("<!DOCTYPE html>"), "<h1>Story</h1>" in page
    (True, True)
    """
    if plotlyjs not in PLOTLYJS_MODES:
        msg = f"plotlyjs must be one of {', '.join(PLOTLYJS_MODES)}; got {plotlyjs!r}"
        raise ValueError(msg)
    figure, detail = _page_figure(source)
    index = page_index(figure, source.events)
    if detail is not None:  # the figure holds only the first view's marks
        index.drawn = int(np.unique(source.parts().detail.marks.row).size)
        detail = _packed_detail(detail, index, source.events)
    nonce = secrets.token_urlsafe(18)
    title = markup_text(source.display_title())
    subtitle = markup_text(source.display_subtitle())
    listed = (
        [(str(s), "", 0) for s in sources] if sources is not None else source_list(source.events)
    )
    count = index.drawn
    meta = f"generated {_generated_text(generated_at)}"
    if count or source.events is not None:
        meta = f"{count:,} event{'s' if count != 1 else ''} · {meta}"
    banner_top = banner_bottom = ""
    if banner:
        text = markup_text(str(banner))
        banner_top = f'<div class="tl-banner tl-banner-top" role="note">{text}</div>'
        banner_bottom = f'<div class="tl-banner tl-banner-bottom" role="note">{text}</div>'
    cdn = plotlyjs == "cdn"
    script_src = f"'nonce-{nonce}' 'unsafe-eval'" + (" https://cdn.plot.ly" if cdn else "")
    policy = (
        f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    if cdn:
        plotly_tag = f'<script nonce="{nonce}" src="{_cdn_url()}" charset="utf-8"></script>'
    else:
        plotly_tag = f'<script nonce="{nonce}" charset="utf-8">{_plotlyjs()}</script>'
    search = (
        '<div class="tl-search"><label for="tl-search">Search </label>'
        '<input id="tl-search" type="search" autocomplete="off" '
        'placeholder="words in titles, descriptions, quotes"></div>'
    )
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="generator" content="timeline">\n',
            f"<title>{title}</title>\n<style>{_asset('page.css')}</style>\n</head>\n<body>\n",
            banner_top,
            f'<header class="tl-header"><h1>{title}</h1>',
            f'<p class="tl-subtitle">{subtitle}</p>' if subtitle else "",
            f'<p class="tl-meta">{meta}</p></header>\n',
            '<section class="tl-controls" aria-label="Filters">',
            search,
            '<fieldset class="tl-toggles" id="tl-lanes" hidden><legend>Lanes</legend></fieldset>',
            '<fieldset class="tl-toggles" id="tl-categories" hidden>'
            "<legend>Categories</legend></fieldset>",
            '<button type="button" id="tl-reset">Show all</button>',
            '<p class="tl-status" id="tl-status" role="status" aria-live="polite"></p>',
            "</section>\n",
            '<main class="tl-main"><div id="tl-plot" class="tl-plot"></div></main>\n',
            _sources_html(listed),
            '<footer class="tl-footer">Made with timeline. Dates are shown as reported; '
            "faded parts of a mark are what the source left open.</footer>\n",
            banner_bottom,
            '\n<script type="application/json" id="tl-figure">',
            _figure_json(figure) if detail is None else _packed_json(_figure_json(figure)),
            '</script>\n<script type="application/json" id="tl-index">',
            safe_json(json.dumps(index.to_dict(), ensure_ascii=False, separators=(",", ":"))),
            "</script>\n",
            _detail_element(detail),
            f'<script nonce="{nonce}">{PLOTLY_CONFIG_SCRIPT}</script>\n',
            plotly_tag,
            f'\n<script nonce="{nonce}">{script_text(_asset("page_lod.js"))}</script>'
            if detail is not None
            else "",
            f'\n<script nonce="{nonce}">{script_text(_asset("page.js"))}</script>\n',
            "</body>\n</html>\n",
        ]
    )


def write_html(source: ExportSource, path: Path, **options: Any) -> None:
    """Write :func:`page_html` to ``path`` (UTF-8).

    Examples
    --------
    >>> write_html(source, Path("out/timeline.html"), banner="TRAINING")  # doctest: +SKIP
    """
    path.write_text(page_html(source, **options), encoding="utf-8")
