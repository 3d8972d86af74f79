"""``plot``: the canonical event frame plus column names in, a plotly figure out.

The build runs in fixed steps, like plotly express: check the arguments, split eras from
marks, compute geometry, lanes and sub-rows, colours, hover text, traces, then layout.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.lists import is_list_column, join_lists
from timeline.plot.density import density_notes
from timeline.plot.detail import MARKS_PER_PX, LaneInfo, LevelOfDetail, MarkIndex, category_codes
from timeline.plot.eras import (
    band_shapes,
    era_argument,
    era_rows,
    marker_argument,
    marker_shapes,
)
from timeline.plot.geometry import MS_PER_DAY, earliest_start, event_geometry, reference_ms
from timeline.plot.hover import hover_text
from timeline.plot.labels import place_labels
from timeline.plot.lanes import (
    ROW_UNIT,
    explode_lanes,
    lay_out_lanes,
    order_lanes,
    pack_rows,
)
from timeline.plot.layout import (
    DEFAULT_WIDTH_PX,
    LEGEND_PX,
    RIGHT_PX,
    base_layout,
    frame_size,
    how_to_read,
    lane_band_shapes,
    sources_caption,
)
from timeline.plot.marks import MarkTable, build_marks
from timeline.plot.style import color_groups
from timeline.plot.traces import Sizes, TraceContext, group_legend, svg_traces, webgl_traces
from timeline.schema import check_column, check_event_frame

COMPACT_PREFIX = "row %{customdata} of the events"
"""How the compact hover of big figures begins; a view of few marks names the events."""
WEBGL_THRESHOLD = 5_000
HOVER_TEXT_LIMIT = 20_000


def _format_day(ms: float) -> str:
    return pd.Timestamp(ms, unit="ms").strftime("%d %b %Y").lstrip("0")


def _assign_lanes(
    frame: pd.DataFrame, lane: str | None, lane_order: str | Sequence[str], starts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(event position per mark, lane code per mark, lane names in display order)."""
    if lane is None:
        count = len(frame)
        return np.arange(count, dtype=np.int64), np.zeros(count, dtype=np.int64), [""]
    position, appearance_codes, appearance = explode_lanes(frame[lane], f"(no {lane})")
    rank = order_lanes(appearance_codes, appearance, starts[position], lane_order)
    names = [""] * len(appearance)
    for code, name in enumerate(appearance):
        names[rank[code]] = name
    return position, rank[appearance_codes], names or [""]


def _label_annotations(
    frame: pd.DataFrame, text: str, marks: MarkTable, x_range: tuple[float, float], px: dict
) -> tuple[list[dict], np.ndarray]:
    """Annotations for the non-empty cells of the ``text`` column, without collisions, and
    the mark behind each of them."""
    column = frame[text]
    if is_list_column(column):  # a list cell is labelled with its items
        column = join_lists(column, ", ")
    values = column.astype(object).to_numpy()[marks.position]
    filled = pd.Series(values, dtype=object)
    chosen = np.flatnonzero((filled.notna() & (filled.astype(str).str.strip() != "")).to_numpy())
    placement = place_labels(
        [str(v) for v in values[chosen]],
        marks.take("point")[chosen],
        marks.y[chosen],
        x_range,
        px["plot_width"],
        px["row"],
        ROW_UNIT,
    )
    return placement.annotations, chosen[np.asarray(placement.indices, dtype=np.int64)]


@dataclass(frozen=True)
class FigureParts:
    """A timeline figure before it becomes a ``go.Figure``.

    ``traces`` are plain trace dicts in drawing order and ``rows`` holds, for each of
    them, the row position (in the plotted frame) of the event behind each mark, or None
    for legend entries. A mark trace has one point per mark, except WebGL span segments,
    which have three (start, end, gap).
    """

    traces: list[dict]
    layout: dict
    rows: list[np.ndarray | None]
    label_rows: dict[int, int] = field(default_factory=dict)
    """Position in ``layout["annotations"]`` of each ``text=`` label -> its event's row."""
    detail: LevelOfDetail | None = None
    """Marks or density per lane for any range (None when level of detail is off)."""

    @property
    def lod_active(self) -> bool:
        """Whether some lane draws its density at the full extent (so views differ)."""
        if self.detail is None:
            return False
        return bool(self.detail.dense_lanes(self.detail.full_range).any())

    def view_traces(
        self,
        x_range: tuple[float, float],
        mask: np.ndarray | None = None,
        *,
        all_lanes: bool = False,
    ) -> list[dict]:
        """The traces for one range (and filter): density strips of the lanes over the mark
        budget, then the mark traces keeping the marks in view of the other lanes (their
        hover names the events). ``all_lanes`` gives every lane a strip trace (empty when
        it shows marks), so a live figure keeps the same traces."""
        detail = self.detail
        if detail is None:
            return [dict(trace) for trace in self.traces]
        strips, arrays = self.view_arrays(x_range, mask, all_lanes=all_lanes)
        marks = [{**trace, **arrays.get(i, {})} for i, trace in enumerate(self.traces)]
        return [*strips, *marks]

    def view_arrays(
        self,
        x_range: tuple[float, float],
        mask: np.ndarray | None = None,
        *,
        all_lanes: bool = False,
    ) -> tuple[list[dict], dict[int, dict]]:
        """(density strip traces, per mark trace its changed properties) for one view."""
        detail = self.detail
        if detail is None:
            msg = "view_arrays needs the level of detail (level_of_detail=True)"
            raise ValueError(msg)
        dense, keep = detail.view_marks(x_range, mask)
        arrays = detail.trace_arrays(self.traces, keep)
        named = [
            index
            for index, properties in arrays.items()
            if str(self.traces[index].get("hovertemplate", "")).startswith(COMPACT_PREFIX)
            and properties.get("customdata") is not None
            and len(properties["customdata"])
        ]
        if named:  # one escape of all the titles shown, then split per trace
            rows = [arrays[index]["customdata"] for index in named]
            titles = detail.hover_titles(np.concatenate(rows))
            cuts = np.cumsum([len(r) for r in rows])[:-1]
            for index, part in zip(named, np.split(titles, cuts), strict=True):
                template = str(self.traces[index]["hovertemplate"])
                arrays[index]["hovertext"] = part
                arrays[index]["hovertemplate"] = "<b>%{hovertext}</b>" + template.removeprefix(
                    COMPACT_PREFIX
                )
        strips = detail.density_traces(x_range, mask, dense, all_lanes=all_lanes)
        return strips, arrays

    def figure(self) -> go.Figure:
        """The figure of the range in the layout (plotly validates the dicts once)."""
        if not self.lod_active:
            return go.Figure(data=self.traces, layout=self.layout)
        low, high = self.layout["xaxis"]["range"]
        return go.Figure(data=self.view_traces((float(low), float(high))), layout=self.layout)


def figure_parts(
    events: pd.DataFrame,
    *,
    lane: str | None = None,
    color: str | None = None,
    text: str | None = None,
    lane_order: str | Sequence[str] = "earliest",
    eras: object = None,
    markers: object = None,
    reference_date: object = None,
    title: str | None = None,
    subtitle: str | None = None,
    caption: str | None = None,
    palette: Sequence[str] | None = None,
    color_map: Mapping[str, str] | None = None,
    webgl: bool | None = None,
    webgl_threshold: int = WEBGL_THRESHOLD,
    hover_text_limit: int | None = HOVER_TEXT_LIMIT,
    max_rows_per_lane: int = 6,
    range_slider: bool | None = None,
    height: int | None = None,
    width: int | None = None,
    x_range: Sequence[object] | None = None,
    mark_budget: int | None = None,
    level_of_detail: bool = True,
) -> FigureParts:
    """The traces and layout :func:`plot` makes, with the event row of every mark.

    Same arguments as :func:`plot`. ``FigureParts.rows`` lets a live view hide and show
    events by slicing the trace arrays (:mod:`timeline.plot.masking`) instead of drawing
    the figure again.
    """
    # 1. arguments
    events = check_event_frame(events, "plot")
    for argument, column in (("lane", lane), ("color", color), ("text", text)):
        check_column(events, argument, column)
    if max_rows_per_lane < 1:
        msg = f"max_rows_per_lane must be at least 1; got {max_rows_per_lane!r}"
        raise ValueError(msg)
    reference = reference_ms(events, reference_date)

    # 2. eras apart; a mark needs a start or an end (open starts run from the left edge)
    kind = events["kind"].astype(object)
    is_era = (kind == "era").to_numpy()
    earliest = earliest_start(events)
    bands = era_rows(events.loc[is_era], reference, earliest) + era_argument(
        eras, reference, earliest
    )
    undated = (events["start"].isna() & events["end"].isna()).to_numpy()
    if undated.any():
        warnings.warn(
            f"{int(undated.sum())} event(s) without a start or an end date are not drawn",
            UserWarning,
            stacklevel=3,
        )
    frame_positions = np.flatnonzero(~is_era & ~undated)
    marks_frame = events.iloc[frame_positions]

    # 3. geometry per event
    geometry = event_geometry(marks_frame, reference, earliest)

    # 4. lanes and sub-rows per mark
    position, lane_codes, names = _assign_lanes(marks_frame, lane, lane_order, geometry.start)
    rows = pack_rows(lane_codes, geometry.start[position], geometry.end[position])
    lanes = lay_out_lanes(names, lane_codes, rows, max_rows_per_lane)

    # 5. colours
    groups = color_groups(
        marks_frame[color] if color is not None else None,
        len(marks_frame),
        palette,
        color_map,
        f"(no {color})",
        order=names if color is not None and color == lane else None,
    )
    marks = build_marks(position, lane_codes, rows, lanes, groups.codes, geometry)

    # 6. renderer, sizes and hover
    use_webgl = len(marks) > webgl_threshold if webgl is None else bool(webgl)
    if range_slider is None:
        range_slider = not use_webgl
    frame = frame_size(lanes, height)
    min_pitch = float(np.min(lanes.pitch())) if len(lanes.names) else float(ROW_UNIT)
    sizes = Sizes.from_pitch(min_pitch, frame.row_px, ROW_UNIT)
    full_hover = not use_webgl or hover_text_limit is None or len(marks) <= hover_text_limit
    hover = (
        hover_text(
            marks_frame, geometry.start, geometry.end, geometry.open_end, geometry.open_start
        )
        if full_hover
        else None
    )
    ctx = TraceContext(
        marks=marks,
        group_names=groups.names,
        group_colors=groups.colors,
        show_group_legend=color is not None,
        hover=hover,
        frame_rows=frame_positions,
        sizes=sizes,
    )
    traces = webgl_traces(ctx) if use_webgl else svg_traces(ctx)

    # 7. layout: axes, lanes, eras, markers, labels, notes
    if len(marks):
        low = float(np.nanmin(geometry.start[position]))
        high = float(np.nanmax(geometry.end[position]))
    else:
        low, high = reference - 30 * MS_PER_DAY, reference
    for band in bands:
        low, high = min(low, band.start), max(high, band.end)
    pad = max((high - low) * 0.03, MS_PER_DAY)
    full_range = (low - pad, high + pad)
    x_range = full_range if x_range is None else _range_ms(x_range)

    reference_text = _format_day(reference)
    open_any = bool(marks.take("open_end").any()) if len(marks) else False
    lines = marker_argument(markers)
    if open_any:
        lines.append((f"as of {reference_text}", reference))
    plot_px = (width or DEFAULT_WIDTH_PX) - frame.left_px - RIGHT_PX - LEGEND_PX
    era_shapes, era_labels = band_shapes(bands, x_range, plot_px)
    line_shapes, line_labels = marker_shapes(lines)

    if caption is None:
        caption = sources_caption(events, width=(width or DEFAULT_WIDTH_PX) - frame.left_px - 12)
    if title is None:
        attrs_title = events.attrs.get("title")
        title = str(attrs_title) if attrs_title else None
    layout = base_layout(
        lanes=lanes,
        frame=frame,
        x_range=x_range,
        title=title,
        subtitle=subtitle,
        caption=caption,
        show_lane_labels=lane is not None,
        range_slider=range_slider,
        width=width,
    )
    annotations = layout.pop("annotations", [])
    annotations += era_labels + line_labels
    label_rows: dict[int, int] = {}
    if text is not None and len(marks):
        plot_width = (width or DEFAULT_WIDTH_PX) - frame.left_px - 200
        labels, labelled = _label_annotations(
            marks_frame, text, marks, x_range, {"plot_width": plot_width, "row": frame.row_px}
        )
        rows_of_labels = frame_positions[marks.position[labelled]].tolist()
        label_rows = {len(annotations) + k: int(r) for k, r in enumerate(rows_of_labels)}
        annotations += labels
    layout["annotations"] = annotations
    layout["shapes"] = lane_band_shapes(lanes) + era_shapes + line_shapes

    styles = set(np.unique(marks.take("style")).tolist()) if len(marks) else set()
    open_start_any = any(band.open_start for band in bands) or (
        bool(marks.take("open_start").any()) if len(marks) else False
    )
    notes = how_to_read(
        styles,
        fuzzy=bool(marks.take("fuzzy").any()) if len(marks) else False,
        open_end=open_any,
        reference=reference_text,
        open_start=open_start_any,
    )
    detail = None
    if level_of_detail and len(marks):
        plot_px = float((width or DEFAULT_WIDTH_PX) - frame.left_px - RIGHT_PX)
        detail = _level_of_detail(
            events,
            marks,
            ctx,
            traces,
            lanes,
            groups.colors,
            full_range,
            plot_px,
            MARKS_PER_PX * int(plot_px) if mark_budget is None else int(mark_budget),
            _category_column(events, lane, color),
            frame_positions,
        )
        if detail.dense_lanes(full_range).any():
            notes = [*notes, *density_notes()]
    extras = [*group_legend(ctx), *notes]
    if detail is not None:
        detail.trace_marks.extend([None] * len(extras))
        detail.repeat.extend([1] * len(extras))
    return FigureParts(
        traces=[*traces, *extras],
        layout=layout,
        rows=[*ctx.trace_rows, *([None] * len(extras))],
        label_rows=label_rows,
        detail=detail,
    )


def _range_ms(x_range: Sequence[object]) -> tuple[float, float]:
    """``x_range`` (two dates or epoch ms numbers) as epoch ms."""
    try:
        low, high = x_range
        values = [
            float(v) if isinstance(v, int | float) else pd.Timestamp(v).value / 1e6
            for v in (low, high)
        ]
    except (TypeError, ValueError) as exc:
        msg = f"x_range must be two dates (or epoch ms); got {x_range!r}"
        raise ValueError(msg) from exc
    if not values[0] < values[1]:
        msg = f"x_range must run forwards (start before end); got {x_range!r}"
        raise ValueError(msg)
    return values[0], values[1]


def _category_column(events: pd.DataFrame, lane: str | None, color: str | None) -> str | None:
    """The column whose values a density bucket's hover lists as "top"."""
    for column in (color, "category"):
        if column is not None and column != lane and column in events.columns:
            return column
    return None


def _level_of_detail(
    events: pd.DataFrame,
    marks: MarkTable,
    ctx: TraceContext,
    traces: list[dict],
    lanes: object,
    colors: list[str],
    full_range: tuple[float, float],
    plot_px: float,
    budget: int,
    category: str | None,
    frame_positions: np.ndarray,
) -> LevelOfDetail:
    is_span = marks.take("is_span")
    index = MarkIndex(
        anchor=np.where(is_span, marks.take("start"), marks.take("point")),
        start=marks.take("start"),
        end=marks.take("end"),
        is_span=is_span,
        lane=marks.lane,
        row=frame_positions[marks.position],
    )
    names = list(lanes.names)  # type: ignore[attr-defined]
    lane_colors: list[str | None] = []
    used = np.bincount(
        marks.lane * len(colors) + marks.color, minlength=len(names) * len(colors)
    ).reshape(len(names), len(colors))
    for code in range(len(names)):
        present = np.flatnonzero(used[code])
        lane_colors.append(colors[int(present[0])] if len(present) == 1 else None)
    repeat = [
        3 if trace.get("type") == "scattergl" and trace.get("mode") == "lines" else 1
        for trace in traces
    ]
    return LevelOfDetail(
        marks=index,
        lanes=LaneInfo(
            names=names,
            top=np.asarray(lanes.top, dtype=float),  # type: ignore[attr-defined]
            height=np.asarray(lanes.height, dtype=float),  # type: ignore[attr-defined]
            colors=lane_colors,
        ),
        trace_marks=list(ctx.trace_marks),
        repeat=repeat,
        full_range=full_range,
        plot_px=plot_px,
        budget=budget,
        categories=category_codes(events[category]) if category is not None else None,
        titles=events["title"].to_numpy(dtype=object) if "title" in events else None,
    )


def plot(
    events: pd.DataFrame,
    *,
    lane: str | None = None,
    color: str | None = None,
    text: str | None = None,
    lane_order: str | Sequence[str] = "earliest",
    eras: object = None,
    markers: object = None,
    reference_date: object = None,
    title: str | None = None,
    subtitle: str | None = None,
    caption: str | None = None,
    palette: Sequence[str] | None = None,
    color_map: Mapping[str, str] | None = None,
    webgl: bool | None = None,
    webgl_threshold: int = WEBGL_THRESHOLD,
    hover_text_limit: int | None = HOVER_TEXT_LIMIT,
    max_rows_per_lane: int = 6,
    range_slider: bool | None = None,
    height: int | None = None,
    width: int | None = None,
    x_range: Sequence[object] | None = None,
    mark_budget: int | None = None,
    level_of_detail: bool = True,
) -> go.Figure:
    """Draw events as a timeline: instants, spans, fuzzy bounds, lanes and eras.

    Instants are markers; a fuzzy instant ("late October") also shows its window
    ``[start, end)`` faded. Spans are bars whose uncertain parts (the first unit of the
    start precision, the last unit of the end precision) are faded; ongoing spans
    (``open_end``) run to the reference date and end in an arrow. A span with only an
    end ("before 1750", "until spring 2025") is drawn faded from the left edge of the data
    (the earliest start, or one end-precision unit before its end if that is earlier) and
    starts with a left-pointing arrow. Approximate events are hollow (spans dotted),
    uncertain ones hollow with a dot (spans dashed); the legend explains the styles. Rows
    of ``kind == "era"`` become shaded background bands.

    Parameters
    ----------
    events : pandas.DataFrame or EventTable
        The canonical event frame (see ``tl.load_events``), or a lazy table of events
        (``tl.scan_events``): the engine counts the events in ``x_range`` (default: the
        whole extent); up to 20,000 of them are drawn as marks, more as density strips
        of the engine's per-lane bucket counts (:mod:`timeline.plot.table_figure`).
    lane : str, optional
        Column whose values are the lanes (rows), e.g. ``"category"``, ``"actors"``,
        ``"location"``, ``"source"``. A list-valued cell puts the event in each lane.
        Overlapping marks inside a lane stack into sub-rows.
    color : str, optional
        Column that colours the marks (colour-blind-safe palette; a list-valued cell is
        coloured by its first item; beyond the palette the rarest values share grey).
    text : str, optional
        Column with labels for chosen events (empty cells get none); labels that would
        collide are staggered or skipped.
    lane_order : {"earliest", "appearance"} or list of str, default "earliest"
        Lanes by their earliest event, by first appearance, or this order (other lanes
        follow by appearance).
    eras : DataFrame or list of (label, start, end), optional
        Extra background bands besides the ``kind == "era"`` rows. Text bounds are read
        by the date engine (``tl.parse_date``): the band runs from the start of the start
        expression to the end of the end expression (``("x", "2024", "2025")`` covers
        both years); Timestamps and datetimes are used as they are. A missing end runs
        to the reference date, a missing start from the left edge of the data. An era
        that ends before it starts is a ``ValueError`` naming it.
    markers : date, list of dates or (label, date) pairs, or mapping, optional
        Vertical reference lines (e.g. the report date). When some span is ongoing, a
        line marks the reference date too.
    reference_date : date-like, optional
        Where ongoing spans end (the "as of" line). Default: the latest ``reported_on``,
        else today (UTC). An ongoing span is solid only up to its own report date and
        faded after it (see :mod:`timeline.reference`).
    title, subtitle : str, optional
        Figure title (default: ``events.attrs["title"]``) and subtitle.
    caption : str, optional
        Text under the figure; default lists the sources. ``""`` for none.
    palette : sequence of str, optional
        Colours for ``color`` groups; default Okabe-Ito.
    color_map : mapping, optional
        Fixed colour per value of ``color``.
    webgl : bool, optional
        Force WebGL (True) or SVG (False); default: WebGL above ``webgl_threshold`` marks.
    webgl_threshold : int, default 5000
        Number of marks (events times their lanes) above which WebGL is used.
    hover_text_limit : int or None, default 20000
        Above this many marks the hover shows only the event's row number and date, so
        the page stays small; ``None`` always includes the full hover text.
    max_rows_per_lane : int, default 6
        Height (in rows) a lane may take; deeper stacks are squeezed into it.
    range_slider : bool, optional
        Show the range slider under the date axis. Default: on for SVG figures, off for
        WebGL ones (plotly draws no WebGL marks in the slider, and at 100,000 events it
        costs about a second of page load); the range buttons are always there.
    height, width : int, optional
        Figure size in pixels; the default height follows the number of lanes and rows.
    x_range : (date, date), optional
        The window to draw (dates or epoch ms); default the data's extent. With the
        level of detail on, the mark budget applies to this window and only its marks
        are in the figure.
    mark_budget : int, optional
        Marks a lane may show in the range drawn before it draws its density instead;
        default two per pixel column of the plotting area (about 1,700). See
        :mod:`timeline.plot.detail`.
    level_of_detail : bool, default True
        Draw busy lanes as density strips (counts per power-of-two time bucket, with
        their hover); False always draws every mark.

    Returns
    -------
    plotly.graph_objects.Figure
        Each trace's ``meta`` names its role (``instant``, ``instant_window``, ``span``,
        ``span_extent``, ``span_center``, ``span_open``, ``span_open_start``,
        ``legend_note``, ``density``: a lane's strip when it is over the mark budget);
        ``customdata`` holds each mark's row position in ``events``.

    Examples
    --------
    >>> import pandas as pd
    >>> import timeline as tl
    >>> events = pd.DataFrame({
    ...     "title": ["Summit", "Troops in Russia"],
    ...     "start": pd.to_datetime(["2024-06-19", "2024-09-01"]).astype("datetime64[us]"),
    ...     "end": pd.to_datetime(["2024-06-20", None]).astype("datetime64[us]"),
    ...     "start_precision": ["day", "month"], "end_precision": ["day", "month"],
    ...     "kind": ["instant", "span"], "open_end": [False, True],
    ...     "reported_on": pd.to_datetime(["2025-05-01"] * 2).astype("datetime64[us]"),
    ... })
    >>> fig = tl.plot(events)
    >>> sorted({trace.meta["role"] for trace in fig.data} - {"legend_note"})
    ['instant', 'span', 'span_extent', 'span_open']
    """
    if _is_event_table(events):
        from timeline.plot.table_figure import plot_table

        span = None if x_range is None else _range_ms(x_range)
        return plot_table(
            events,
            draw_frame=plot,
            lane=lane,
            color=color,
            x_range=span,
            title=title,
            width=width,
            height=height,
            text=text,
            lane_order=lane_order,
            eras=eras,
            markers=markers,
            subtitle=subtitle,
            caption=caption,
            palette=palette,
            color_map=color_map,
            webgl=webgl,
            max_rows_per_lane=max_rows_per_lane,
            range_slider=range_slider,
        )
    return figure_parts(
        events,
        lane=lane,
        color=color,
        text=text,
        lane_order=lane_order,
        eras=eras,
        markers=markers,
        reference_date=reference_date,
        title=title,
        subtitle=subtitle,
        caption=caption,
        palette=palette,
        color_map=color_map,
        webgl=webgl,
        webgl_threshold=webgl_threshold,
        hover_text_limit=hover_text_limit,
        max_rows_per_lane=max_rows_per_lane,
        range_slider=range_slider,
        height=height,
        width=width,
        x_range=x_range,
        mark_budget=mark_budget,
        level_of_detail=level_of_detail,
    ).figure()


def _is_event_table(events: object) -> bool:
    """Whether ``events`` is a lazy ``EventTable`` (checked without importing an engine)."""
    from timeline.engines.table import EventTable

    return isinstance(events, EventTable)
