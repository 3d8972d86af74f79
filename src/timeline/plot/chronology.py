"""``chronology``: the briefing figure, every event labelled with its date as reported and
its full title, or numbered with a key beside the chart when the labels cannot all fit.

The build runs in fixed steps: choose the events, compute geometry and colours, lay out
the page (title, legend, caption), then for a chart without a key and, if labels are left
over, with a key of one or two columns: era labels, span rows, milestone labels
(:mod:`timeline.plot.label_layout`); finally the traces, shapes and annotations
(:mod:`timeline.plot.chronology_draw`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.lists import is_list_column, join_lists
from timeline.plot.captions import sources_lines
from timeline.plot.chronology_model import Layout, Swimlane
from timeline.plot.chronology_page import LegendItem, Page, lay_out_page, page_size
from timeline.plot.chronology_spans import era_labels, span_rows
from timeline.plot.chronology_text import (
    MAX_GROUP,
    Label,
    key_entry,
    make_labels,
)
from timeline.plot.eras import Band, era_argument, era_rows
from timeline.plot.geometry import (
    APPROXIMATE,
    MS_PER_DAY,
    UNCERTAIN,
    EventGeometry,
    earliest_start,
    event_geometry,
    reference_ms,
)
from timeline.plot.label_layout import Box, Region, place_labels
from timeline.plot.style import FADED_OPACITY, NOTE_COLOR, STYLE_LEGEND, color_groups
from timeline.reported import reported_dates
from timeline.schema import check_column, check_event_frame

MAX_EVENTS = 60
TICK_INSET = 30.0
"""Pixels between the chart's edge and the body's: half a date tick label."""
AXIS_CLEAR_ABOVE = 12.0
AXIS_CLEAR_BELOW = 26.0
"""Under the axis: room for the numbers of events listed in the key."""
LANE_TITLE_PX = 16.0
AXIS_SHARES = (0.58, 0.45, 0.7)
"""Where the axis may sit in the milestones' space (from the top), tried in turn."""
KEY_GAP = 20.0
KEY_LAYOUTS = (
    (0.0, 1, 11.0),
    (0.2, 1, 11.0),
    (0.28, 1, 10.0),
    (0.46, 2, 10.0),
    (0.56, 2, 10.0),
)
"""(share of the width, columns, font px) of the key, tried in turn."""


def select_events(events: pd.DataFrame, key_events: object = None) -> pd.DataFrame:
    """The events a chronology draws: dated, not eras; ``key_events`` as in the deck
    (``None`` all, an int the earliest that many, a column name the rows where it is true).

    Examples
    --------
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({"title": ["b", "a"], "date": ["2025", "2024"]}))
    >>> select_events(events, 1)["title"].tolist()
    ['a']
    """
    kind = events["kind"].astype(object)
    dated = (events["start"].notna() | events["end"].notna()).to_numpy()
    marks = events.loc[dated & (kind != "era").to_numpy()]
    if key_events is None:
        return marks
    if isinstance(key_events, str):
        check_column(marks, "key_events", key_events)
        return marks.loc[marks[key_events].fillna(False).astype(bool).to_numpy()]
    if isinstance(key_events, bool) or not isinstance(key_events, int) or key_events < 0:
        msg = f"key_events must be None, a column name or a count >= 0; got {key_events!r}"
        raise ValueError(msg)
    order = marks["start"].fillna(marks["end"]).sort_values(kind="stable").index
    return marks.loc[order].head(key_events).sort_index(kind="stable")


def _text_column(frame: pd.DataFrame, column: str) -> list[str]:
    values = frame[column]
    if is_list_column(values):
        values = join_lists(values, ", ")
    values = values.astype(object)
    return ["" if v is None or v != v else " ".join(str(v).split()) for v in values]


def _lanes(frame: pd.DataFrame, lane: str | None) -> tuple[np.ndarray, list[str]]:
    if lane is None:
        return np.zeros(len(frame), dtype=np.int64), [""]
    values = (
        frame[lane]
        .astype(object)
        .map(
            lambda v: (v[0] if len(v) else None) if isinstance(v, list | tuple | np.ndarray) else v
        )
    )
    names = [str(v) if v is not None and v == v else f"(no {lane})" for v in values]
    order = list(dict.fromkeys(names))
    return np.array([order.index(n) for n in names], dtype=np.int64), order


def _legend(
    groups: list[str],
    colors: list[str],
    color: str | None,
    geometry: EventGeometry,
    reference: str,
) -> list[LegendItem]:
    grey = NOTE_COLOR
    items: list[LegendItem] = []
    if color is not None:
        items += [LegendItem(name, c, "square") for name, c in zip(groups, colors, strict=True)]
    if (~geometry.is_span).any():
        items.append(LegendItem("instant (one date)", grey, "circle"))
    if geometry.is_span.any():
        items.append(LegendItem("span (from – to)", grey, None))
    if geometry.fuzzy.any():
        items.append(
            LegendItem("faded: only known to the month, season, year…", grey, None, FADED_OPACITY)
        )
    if (geometry.style == APPROXIMATE).any():
        items.append(
            LegendItem(
                STYLE_LEGEND[APPROXIMATE] + "; spans dotted", grey, "circle-open", dash="dot"
            )
        )
    if (geometry.style == UNCERTAIN).any():
        items.append(
            LegendItem(
                STYLE_LEGEND[UNCERTAIN] + "; spans dashed", grey, "circle-open-dot", dash="dash"
            )
        )
    if geometry.open_end.any():
        items.append(LegendItem(f"ongoing, drawn to {reference}", grey, "triangle-right"))
    if geometry.open_start.any():
        items.append(LegendItem("open start: only the end is known", grey, "triangle-left"))
    return items


def _format_day(ms: float) -> str:
    return pd.Timestamp(ms, unit="ms").strftime("%d %b %Y").lstrip("0")


def _milestone_labels(
    members: list[int], anchors: dict[int, float], dates: list[str], titles: list[str]
) -> tuple[list[list[Label]], list[int]]:
    """Labels of the milestones: events at one spot with one date share a label (at most
    :data:`MAX_GROUP`); returns the labels and the events no label can hold."""
    groups: list[list[int]] = []
    for member in sorted(members, key=lambda m: (anchors[m], m)):
        last = groups[-1] if groups else None
        if (
            last is not None
            and len(last) < MAX_GROUP
            and abs(anchors[last[0]] - anchors[member]) < 1.0
            and dates[last[0]] == dates[member]
        ):
            last.append(member)
        else:
            groups.append([member])
    labels, unlabelled = [], []
    for group in groups:
        variants = make_labels(tuple(group), dates[group[0]], [titles[m] for m in group])
        if variants:
            labels.append(variants)
        else:
            unlabelled.extend(group)
    return labels, unlabelled


def _lay_out(
    page: Page,
    share: float,
    geometry: EventGeometry,
    lane_codes: np.ndarray,
    lane_names: list[str],
    dates: list[str],
    titles: list[str],
    bands: list[Band],
    x_range: tuple[float, float],
    axis_shares: tuple[float, ...] = (),
) -> Layout:
    body = page.body
    key_w = share * (body.x1 - body.x0)
    right = body.x1 - (key_w + KEY_GAP if share else 0.0)
    chart = Box(body.x0 + TICK_INSET, body.y0, right - TICK_INSET, body.y1)
    layout = Layout(page, chart, x_range, [], [], None, 0.0, [], 0, [], {})
    # eras: a strip of labels at the top
    era_input = [
        (("◀ " if b.open_start else "") + b.label, layout.px(b.start), layout.px(b.end))
        for b in bands
    ]
    era_placed, strip_bottom = era_labels(era_input, chart, chart.y0)
    by_x = sorted(bands, key=lambda b: layout.px(b.start))
    layout.eras = list(zip(by_x, era_placed, strict=True))
    # lanes share the rest by their number of events
    counts = np.bincount(lane_codes, minlength=len(lane_names)).astype(float)
    weights = np.maximum(counts, max(counts.max(initial=1) * 0.25, 1.0))
    top = strip_bottom + 4
    height = chart.y1 - top
    for code, name in enumerate(lane_names):
        band_h = height * weights[code] / weights.sum()
        box = Box(chart.x0, top, chart.x1, top + band_h)
        top += band_h
        layout.bands.append(
            _lay_out_band(
                layout,
                box,
                code,
                name,
                lane_codes,
                geometry,
                dates,
                titles,
                len(lane_names) > 1,
                page,
                axis_shares or AXIS_SHARES,
            )
        )
    return layout


def _lay_out_band(
    layout: Layout,
    box: Box,
    code: int,
    name: str,
    lane_codes: np.ndarray,
    geometry: EventGeometry,
    dates: list[str],
    titles: list[str],
    titled: bool,
    page: Page,
    axis_shares: tuple[float, ...] = (),
) -> Swimlane:
    chart = layout.chart
    members = np.flatnonzero(lane_codes == code).tolist()
    spans = [m for m in members if geometry.is_span[m]]
    instants = [m for m in members if not geometry.is_span[m]]
    bars = [(layout.px(geometry.start[m]), layout.px(geometry.end[m])) for m in spans]
    texts = [f"{dates[m]}: {titles[m]}" if dates[m] else titles[m] for m in spans]
    rows, spans_top, numbered = span_rows(
        spans, bars, texts, chart, box.y1 - 2, 0.45 * (box.y1 - box.y0)
    )
    top = box.y0 + (LANE_TITLE_PX if titled else 0.0)
    bottom = spans_top - 4
    if not instants:
        return Swimlane(name, box, bottom - AXIS_CLEAR_BELOW / 2, spans=rows, keyed=list(numbered))
    anchors_px = {m: layout.px(geometry.point[m]) for m in instants}
    labels, unlabelled = _milestone_labels(instants, anchors_px, dates, titles)
    anchors = [float(np.mean([anchors_px[m] for m in v[0].members])) for v in labels]
    sizes = [[(v.width, v.height) for v in variants] for variants in labels]
    order = [(-len(v[0].members), a) for v, a in zip(labels, anchors, strict=True)]
    best: Swimlane | None = None
    for share in axis_shares or AXIS_SHARES:
        # the numbers of keyed events sit under the axis: keep room for them
        axis_y = min(top + share * (bottom - top), bottom - AXIS_CLEAR_BELOW + 4)
        band = Swimlane(name, box, axis_y, spans=rows, keyed=[*numbered, *unlabelled])
        band.anchors = anchors_px
        above = Region(top, axis_y - AXIS_CLEAR_ABOVE, chart.x0, chart.x1)
        below = Region(axis_y + AXIS_CLEAR_BELOW, bottom, chart.x0, chart.x1)
        placed = place_labels(
            anchors,
            sizes,
            axis_y=axis_y,
            above=above if above.bottom - above.top > 20 else None,
            below=below if below.bottom - below.top > 20 else None,
            # the regions lie inside the chart: title, legend, caption and key are outside
            obstacles=[b for b in page.furniture() if b.overlaps(box)],
            order=order,
        )
        for variants, spot in zip(labels, placed, strict=True):
            if spot is None:
                band.keyed += list(variants[0].members)
            else:
                band.labels.append((variants[spot.choice], spot))
        if best is None or len(band.keyed) < len(best.keyed):
            best = band
        if not band.keyed:
            break
    assert best is not None
    return best


def _key_can_hold(
    page: Page,
    share: float,
    columns: int,
    size: float,
    members: list[int],
    dates: list[str],
    titles: list[str],
) -> bool:
    """Whether a key of this size could list ``members`` (a quick bound, no layout)."""
    body = page.body
    width = share * (body.x1 - body.x0) - TICK_INSET
    column_w = (width - 12 * (columns - 1)) / columns
    room = columns * (body.y1 + 30 - body.y0 - 20)
    need = sum(key_entry(0, m, dates[m], titles[m], column_w, size).height + 2 for m in members)
    return need <= room


def _number_and_key(
    layout: Layout,
    geometry: EventGeometry,
    dates: list[str],
    titles: list[str],
    columns: int,
    size: float,
) -> bool:
    """Number the keyed events (by date), place badges and key entries; True if the key fits."""
    from timeline.plot.chronology_badges import place_badges

    keyed = sorted(
        (m for band in layout.bands for m in band.keyed), key=lambda m: (geometry.start[m], m)
    )
    layout.numbers = {m: i for i, m in enumerate(keyed, start=1)}
    layout.badges = place_badges(layout, layout.numbers)
    layout.key, layout.key_left_out = [], 0
    if not keyed:
        layout.key_box = None
        return True
    body = layout.page.body
    key_box = Box(layout.chart.x1 + TICK_INSET + KEY_GAP, body.y0, body.x1, body.y1 + 30)
    layout.key_box, layout.key_size = key_box, size
    column_w = (key_box.x1 - key_box.x0 - 12 * (columns - 1)) / columns
    x, y, column = key_box.x0, key_box.y0 + 20, 0
    fits = True
    for k, member in enumerate(keyed):
        entry = key_entry(k + 1, member, dates[member], titles[member], column_w, size)
        if y + entry.height > key_box.y1:
            column += 1
            if column >= columns:
                fits = False
                layout.key_left_out = len(keyed) - k
                break
            x, y = key_box.x0 + column * (column_w + 12), key_box.y0 + 20
        layout.key.append((entry, Box(x, y, x + column_w, y + entry.height)))
        y += entry.height + 2
    return fits


def chronology_layout(
    events: pd.DataFrame,
    *,
    lane: str | None = None,
    color: str | None = None,
    label: str = "title",
    key_events: object = None,
    title: str | None = None,
    subtitle: str | None = None,
    caption: str | None = None,
    page: str = "slide",
    width: int | None = None,
    height: int | None = None,
    eras: object = None,
    reference_date: object = None,
    palette: Sequence[str] | None = None,
    color_map: Mapping[str, str] | None = None,
) -> tuple[Layout, pd.DataFrame, dict]:
    """The placed chronology before it becomes a figure (see :func:`chronology`).

    Returns the layout, the events drawn (in the order of the layout's event numbers)
    and what the drawing step needs (colours, geometry, hover).
    """
    events = check_event_frame(events, "chronology")
    for argument, column in (("lane", lane), ("color", color), ("label", label)):
        check_column(events, argument, column)
    reference = reference_ms(events, reference_date)
    earliest = earliest_start(events)
    is_era = (events["kind"].astype(object) == "era").to_numpy()
    bands = era_rows(events.loc[is_era], reference, earliest) + era_argument(
        eras, reference, earliest
    )
    marks = select_events(events, key_events)
    if len(marks) > MAX_EVENTS:
        warnings.warn(
            f"a chronology of {len(marks)} events is crowded (it is made for up to about "
            f"{MAX_EVENTS}); choose some with key_events=",
            UserWarning,
            stacklevel=3,
        )
    geometry = event_geometry(marks, reference, earliest)
    groups = color_groups(
        marks[color] if color is not None else None, len(marks), palette, color_map, f"(no {color})"
    )
    dates = [" ".join(d.split()) for d in reported_dates(marks).tolist()]
    titles = _text_column(marks, label)
    lane_codes, lane_names = _lanes(marks, lane)
    width_px, height_px = page_size(page, width, height)
    if title is None and events.attrs.get("title"):
        title = str(events.attrs["title"])
    if caption is None:
        caption_lines = sources_lines(marks, width_px - 40)
    else:
        from timeline.plot.captions import fit_lines

        caption_lines = fit_lines(caption, width_px - 40, 10.0, 2) if caption else []
    legend = _legend(groups.names, groups.colors, color, geometry, _format_day(reference))
    page_box = lay_out_page(
        width_px,
        height_px,
        title=title,
        subtitle=subtitle,
        caption_lines=caption_lines,
        legend=legend,
    )
    if len(marks):
        low = float(np.nanmin(geometry.start))
        high = float(np.nanmax(geometry.end))
    else:
        low, high = reference - 30 * MS_PER_DAY, reference
    for band in bands:
        low, high = min(low, band.start), max(high, band.end)
    pad = max((high - low) * 0.02, MS_PER_DAY)
    x_range = (low - pad, high + pad)
    layout = None
    chosen = KEY_LAYOUTS[-1]

    def lay_out(key_share: float, axis_shares: Sequence[float]) -> Layout:
        return _lay_out(
            page_box, key_share, geometry, lane_codes, lane_names, dates, titles, bands,
            x_range, axis_shares,
        )  # fmt: skip

    # without a key, the first axis position, then the others if few labels are left over
    layout = lay_out(0.0, AXIS_SHARES[:1])
    keyed = sum(len(band.keyed) for band in layout.bands)
    if 0 < keyed <= max(3, len(marks) // 10):
        other = lay_out(0.0, AXIS_SHARES[1:])
        if sum(len(band.keyed) for band in other.bands) < keyed:
            layout = other
            keyed = sum(len(band.keyed) for band in layout.bands)
    if not keyed:
        _number_and_key(layout, geometry, dates, titles, 1, KEY_LAYOUTS[0][2])
        chosen = KEY_LAYOUTS[0]
    else:
        least = [m for band in layout.bands for m in band.keyed]  # a narrower chart keys more
        for share, columns, size in KEY_LAYOUTS[1:]:
            if share != KEY_LAYOUTS[-1][0] and not _key_can_hold(
                page_box, share, columns, size, least, dates, titles
            ):
                continue
            layout = lay_out(share, AXIS_SHARES[:1])
            if _number_and_key(layout, geometry, dates, titles, columns, size):
                chosen = (share, columns, size)
                break
    assert layout is not None
    share, columns, size = chosen
    if share and any(band.keyed for band in layout.bands):
        refined = lay_out(share, AXIS_SHARES[1:])
        count = sum(len(band.keyed) for band in refined.bands)
        if count < sum(len(band.keyed) for band in layout.bands):
            _number_and_key(refined, geometry, dates, titles, columns, size)
            layout = refined
    assert layout is not None
    if layout.key_left_out:
        warnings.warn(
            f"the chronology's key has no room for {layout.key_left_out} event(s); "
            "give a larger page or fewer events (key_events=)",
            UserWarning,
            stacklevel=3,
        )
    extras = {
        "groups": groups,
        "geometry": geometry,
        "dates": dates,
        "titles": titles,
        "lane": lane,
        "reference": reference,
    }
    return layout, marks, extras


def chronology(
    events: pd.DataFrame,
    *,
    lane: str | None = None,
    color: str | None = None,
    label: str = "title",
    key_events: object = None,
    title: str | None = None,
    subtitle: str | None = None,
    caption: str | None = None,
    page: str = "slide",
    width: int | None = None,
    height: int | None = None,
    eras: object = None,
    reference_date: object = None,
    palette: Sequence[str] | None = None,
    color_map: Mapping[str, str] | None = None,
    template: object = None,
) -> go.Figure:
    """A briefing chronology: every event labelled with its date and full title.

    Instants are milestones above and below the time axis, joined to their labels by
    leader lines; events of one date at one spot share a label. Spans are bars in rows
    under the milestones, each labelled above its bar; eras are shaded bands with their
    names at the top. Uncertainty is drawn as :func:`tl.plot <timeline.plot.plot>` draws
    it: a fuzzy instant's window faded on the axis, fuzzy span ends faded, approximate
    marks hollow (spans dotted), uncertain ones hollow with a dot (spans dashed), ongoing
    spans ending in ▶ at the reference date, open starts beginning with ◀.

    Every label gives the date as reported and the full title, wrapped over at most three
    lines. No two labels overlap, and none crosses a leader, the legend or the edge of
    the figure. Where the labels cannot all fit, the events left over get numbers on the
    chart and a numbered key beside it carries their dates and full titles.

    Parameters
    ----------
    events : pandas.DataFrame
        The canonical event frame (see ``tl.load_events``).
    lane : str, optional
        Column whose values make swimlanes (a list cell counts by its first item).
    color : str, optional
        Column that colours the marks (colour-blind-safe palette, as ``tl.plot``).
    label : str, default "title"
        Column with the text of each label.
    key_events : None, int or str
        Which events to draw: all (made for up to about 60), the earliest N, or the rows
        where this boolean column is true (as the deck's ``key_events``).
    title, subtitle : str, optional
        Wrapped over at most two lines each (default title: ``events.attrs["title"]``).
    caption : str, optional
        Text at the bottom; default the sources, summarised to fit in two lines. ``""``
        for none.
    page : {"slide", "a4", "letter"}, default "slide"
        Size preset: a 16:9 slide (1280 x 720 px), an A4 page (1123 x 794) or a Letter
        page (1056 x 816), both landscape at 96 px per inch.
    width, height : int, optional
        Override the preset's size in pixels.
    eras : DataFrame or list of (label, start, end), optional
        Extra background bands, as in ``tl.plot``.
    reference_date : date-like, optional
        Where ongoing spans end; default the latest ``reported_on``.
    palette, color_map : optional
        Colours for ``color`` groups, as in ``tl.plot``.
    template : dict or plotly template, optional
        Layout template; default a clean white one.

    Returns
    -------
    plotly.graph_objects.Figure
        A static figure of the page's size (zoom off: labels sit at pixel positions).
        ``layout.meta["chronology"]`` lists, per drawn event (``event_id``, in the
        frame's order), ``"label"`` or its key number; ``layout.meta["boxes"]`` the box
        (x0, y0, x1, y1 in pixels) estimated for each annotation.

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = tl.load_events(pd.DataFrame({
    ...     "title": ["Summit in Pyongyang", "Troops deployed"],
    ...     "date": ["June 2024", "since September"],
    ...     "reported_on": ["2025-11-01"] * 2}))
    >>> fig = tl.chronology(events, title="North Korean troops in Russia")
    >>> sorted(fig.layout.meta["chronology"].values())
    ['label', 'label']
    >>> fig.layout.width, fig.layout.height
    (1280, 720)
    """
    from timeline.plot.chronology_draw import draw

    layout, marks, extras = chronology_layout(
        events,
        lane=lane,
        color=color,
        label=label,
        key_events=key_events,
        title=title,
        subtitle=subtitle,
        caption=caption,
        page=page,
        width=width,
        height=height,
        eras=eras,
        reference_date=reference_date,
        palette=palette,
        color_map=color_map,
    )
    return draw(layout, marks, extras, template)
