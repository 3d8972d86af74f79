"""Figure JSON of tl.plot: marks per kind, fuzzy bounds, open ends, lanes, stacking, escaping."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

import timeline as tl
from factories import event, make_events, story_events, synthetic_events
from timeline.plot import figure_parts
from timeline.plot.style import OKABE_ITO, OTHER_COLOR

HOSTILE = "<img src=x onerror=alert(1)>"


def ms(date: str) -> float:
    return pd.Timestamp(date).value / 1e6


def traces(fig: go.Figure, role: str) -> list:
    return [t for t in fig.data if (t.meta or {}).get("role") == role]


def count(fig: go.Figure, role: str) -> int:
    return sum(len(t.y) for t in traces(fig, role))


def bar_extents(fig: go.Figure, role: str) -> list[tuple[float, float]]:
    out = []
    for t in traces(fig, role):
        for base, length in zip(t.base, t.x, strict=True):
            out.append((float(base), float(base + length)))
    return sorted(out)


@pytest.fixture
def story() -> pd.DataFrame:
    return story_events()


def test_marks_per_kind(story: pd.DataFrame) -> None:
    fig = tl.plot(story)
    assert count(fig, "instant") == 2
    assert count(fig, "span") == 2  # certain cores of both spans
    assert count(fig, "span_open") == 1
    assert all(isinstance(t, go.Bar | go.Scatter) for t in fig.data)  # small data: SVG


def test_fuzzy_instant_window_has_the_right_bounds(story: pd.DataFrame) -> None:
    fig = tl.plot(story)
    assert bar_extents(fig, "instant_window") == [(ms("2024-10-21"), ms("2024-11-01"))]
    markers = sorted(x for t in traces(fig, "instant") for x in t.x)
    # a precise day sits mid-day; the fuzzy one in the middle of its window
    assert markers == [ms("2024-06-19T12:00"), (ms("2024-10-21") + ms("2024-11-01")) / 2]


def test_span_fuzzy_parts_and_certain_core(story: pd.DataFrame) -> None:
    fig = tl.plot(story, reference_date="2025-05-01")
    extents = bar_extents(fig, "span_extent")
    cores = bar_extents(fig, "span")
    assert (ms("2024-06-01"), ms("2025-04-01")) in extents
    assert (ms("2024-07-01"), ms("2025-03-01")) in cores
    # the ongoing span's fuzzy start month is faded; its core runs to the reference date
    assert (ms("2024-10-01"), ms("2025-05-01")) in cores


def test_open_end_reaches_the_reference_date(story: pd.DataFrame) -> None:
    fig = tl.plot(story, reference_date="2025-02-15")
    (open_trace,) = traces(fig, "span_open")
    assert list(open_trace.x) == [ms("2025-02-15")]
    assert (ms("2024-10-01"), ms("2025-02-15")) in bar_extents(fig, "span")
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [s.x0 for s in lines] == [ms("2025-02-15")]
    assert any("15 Feb 2025" in (a.text or "") for a in fig.layout.annotations)


def test_reference_date_defaults_to_latest_report(story: pd.DataFrame) -> None:
    story = story.assign(reported_on=pd.to_datetime(["2025-01-10"] * 4 + ["2025-03-03"]))
    fig = tl.plot(story)
    (open_trace,) = traces(fig, "span_open")
    assert list(open_trace.x) == [ms("2025-03-03")]


def test_list_lanes_duplicate_the_event(story: pd.DataFrame) -> None:
    fig = tl.plot(story, lane="actors", lane_order="appearance")
    ticks = list(fig.layout.yaxis.ticktext)
    assert ticks == ["Putin", "Kim", "Choe", "Lavrov", "North Korea", "Russia"]
    summit = [
        (y, cd)
        for t in traces(fig, "instant")
        for y, cd in zip(t.y, t.customdata, strict=True)
        if cd == 0
    ]
    assert len(summit) == 2
    tick_of = dict(zip(fig.layout.yaxis.tickvals, ticks, strict=True))
    assert sorted(tick_of[y] for y, _ in summit) == ["Kim", "Putin"]


def test_lane_order_earliest_and_explicit(story: pd.DataFrame) -> None:
    fig = tl.plot(story, lane="actors")  # default: by earliest event
    assert fig.layout.yaxis.ticktext[0] == "Russia"  # its span starts 1 June 2024
    fig = tl.plot(story, lane="actors", lane_order=["Lavrov", "nobody", "Choe"])
    assert list(fig.layout.yaxis.ticktext)[:2] == ["Lavrov", "Choe"]


def test_overlapping_spans_stack_into_sub_rows() -> None:
    events = make_events(
        [
            event("A", "2024", "2024-01-01", "2024-06-01", kind="span", category="x"),
            event("B", "2024", "2024-03-01", "2024-09-01", kind="span", category="x"),
            event("C", "2024", "2024-07-01", "2024-12-01", kind="span", category="x"),
        ]
    )
    fig = tl.plot(events, lane="category")
    y_of = {
        int(cd): y for t in traces(fig, "span") for y, cd in zip(t.y, t.customdata, strict=True)
    }
    assert y_of[0] != y_of[1]  # A and B overlap
    assert y_of[0] == y_of[2]  # C starts after A ended: back on A's row


def test_hostile_title_is_escaped_everywhere() -> None:
    events = make_events(
        [
            event(
                HOSTILE,
                "<b>today</b>",
                "2024-06-19",
                source=HOSTILE,
                quote=HOSTILE,
                claimant=HOSTILE,
                category=HOSTILE,
                label=HOSTILE,
            ),
        ]
    )
    fig = tl.plot(events, lane="category", color="source", text="label", title=HOSTILE)
    payload = fig.to_json()
    assert "<img" not in payload and "\\u003cimg" not in payload
    (instant,) = traces(fig, "instant")
    assert instant.hovertext[0].startswith("<b>&lt;img src=x onerror=alert(1)&gt;</b>")
    assert "&lt;b&gt;today&lt;/b&gt;" in instant.hovertext[0]
    assert fig.layout.yaxis.ticktext == ("&lt;img src=x onerror=alert(1)&gt;",)
    labels = [a.text for a in fig.layout.annotations if a.name == "label"]
    assert labels == ["&lt;img src=x onerror=alert(1)&gt;"]


def test_hover_shows_report_range_source_claimant_reliability_quote() -> None:
    events = make_events(
        [
            event(
                "Visit",
                "late October 2024",
                "2024-10-21",
                "2024-11-01",
                source="NIS",
                claimant="Lavrov",
                reliability="B",
                credibility=2,
                quote="strong momentum",
            ),
        ]
    )
    (instant,) = traces(tl.plot(events), "instant")
    text = instant.hovertext[0]
    for part in (
        "late October 2024",
        "21 Oct 2024 – 31 Oct 2024",
        "Source: NIS",
        "Claimant: Lavrov",
        "Reliability: B2",
        "strong momentum",
    ):
        assert part in text


def test_approximate_and_uncertain_look_different_and_are_explained() -> None:
    events = make_events(
        [
            event("a", "x", "2024-01-05"),
            event("b", "x", "2024-01-06", approximate=True),
            event("c", "x", "2024-01-07", uncertain=True),
        ]
    )
    fig = tl.plot(events)
    symbols = {t.meta["style"]: t.marker.symbol for t in traces(fig, "instant")}
    assert symbols == {
        "certain": "circle",
        "approximate": "circle-open",
        "uncertain": "circle-open-dot",
    }
    notes = [t.name for t in traces(fig, "legend_note")]
    assert any(n.startswith("approximate") for n in notes)
    assert any(n.startswith("uncertain") for n in notes)


def era_rects(fig: go.Figure) -> list[tuple[float, float]]:
    return sorted((s.x0, s.x1) for s in fig.layout.shapes if s.type == "rect" and s.yref == "paper")


def test_eras_from_rows_and_argument(story: pd.DataFrame) -> None:
    fig = tl.plot(story, eras=[("Winter", "2024-12-01", "2025-02-28")])
    assert era_rects(fig) == [
        (ms("2024-08-06"), ms("2025-03-20")),
        (ms("2024-12-01"), ms("2025-03-01")),  # the end's day is included: end exclusive
    ]
    era_labels = {a.text for a in fig.layout.annotations if a.name == "era"}
    assert era_labels == {"Kursk operation", "Winter"}
    assert count(fig, "instant") + count(fig, "span") == 4  # the era row is not a mark


def test_markers_draw_reference_lines(story: pd.DataFrame) -> None:
    fig = tl.plot(story.iloc[:2], markers={"report": "2025-05-01"})
    (line,) = [s for s in fig.layout.shapes if s.type == "line"]
    assert line.x0 == ms("2025-05-01")
    assert "report" in {a.text for a in fig.layout.annotations}


def test_customdata_points_at_rows_of_the_input(story: pd.DataFrame) -> None:
    reordered = pd.concat([story.iloc[[4]], story.iloc[:4]])  # the era row first
    fig = tl.plot(reordered)
    titles = {
        reordered.iloc[int(cd)]["title"]
        for t in fig.data
        if t.customdata is not None
        for cd in t.customdata
    }
    assert "Kursk operation" not in titles
    assert titles == {"Pyongyang Summit", "Choe visits Moscow", "Troops in Russia", "Moscow silent"}


def test_colors_use_the_safe_palette_and_fold_the_rest() -> None:
    rows = [event(f"e{i}", "x", f"2024-01-{i + 1:02d}", source=f"s{i % 10}") for i in range(20)]
    fig = tl.plot(make_events(rows), color="source")
    legend = {t.name: t.marker.color for t in traces(fig, "legend_group")}
    assert len(legend) == len(OKABE_ITO)
    assert legend["s0"] == OKABE_ITO[0]
    assert legend["other (3 values)"] == OTHER_COLOR


def test_labels_skip_when_they_would_collide() -> None:
    rows = [
        event(
            f"label number {i}",
            "x",
            f"2024-01-{i + 1:02d}",
            tag=f"a much longer label that cannot fit, number {i}",
        )
        for i in range(10)
    ]
    fig = tl.plot(make_events(rows), text="tag")
    labels = [a for a in fig.layout.annotations if a.name == "label"]
    assert 0 < len(labels) < 10
    boxes = {(a.x, a.yshift) for a in labels}
    assert len(boxes) == len(labels)


def test_webgl_above_threshold_with_typed_arrays() -> None:
    events = synthetic_events(3_000, lanes=4)
    fig = tl.plot(events, lane="category", webgl_threshold=1_000)
    data = [t for t in fig.data if (t.meta or {}).get("role") not in ("legend_note",)]
    assert {t.type for t in data} == {"scattergl"}
    payload = json.loads(fig.to_json())["data"]
    spans = next(t for t in payload if t["meta"]["role"] == "span")
    assert spans["x"]["dtype"] == "f4" and "bdata" in spans["x"]
    assert spans["y"]["dtype"] == "u2"
    center = next(t for t in payload if t["meta"]["role"] == "span_center")
    assert center["customdata"]["dtype"] == "i4"
    # spans are 3-point segments (start, end, gap), one trace per role and style
    spans = events[events["kind"] == "span"]
    n_spans = len(spans)
    month = spans[spans["start_precision"] == "month"]
    months = (month["end"].dt.year * 12 + month["end"].dt.month) - (
        month["start"].dt.year * 12 + month["start"].dt.month
    )
    no_core = int((months == 2).sum())  # first and last month fuzzy: nothing certain
    assert sum(len(t.x) for t in traces(fig, "span_extent")) == 3 * len(month)
    assert sum(len(t.x) for t in traces(fig, "span")) == 3 * (n_spans - no_core)
    assert count(fig, "span_center") == n_spans
    assert count(fig, "instant") == len(events) - n_spans


def test_webgl_line_traces_are_split_below_plotly_hover_tree_size(monkeypatch) -> None:
    from timeline.plot import traces as trace_module
    from timeline.plot.masking import masked_figure

    events = synthetic_events(600, lanes=2)
    keep = np.arange(len(events)) % 3 == 0  # a filter, as in the explorer
    whole = tl.plot(events, webgl=True)
    whole_kept = masked_figure(events, webgl=True).traces(keep)
    monkeypatch.setattr(trace_module, "WEBGL_LINE_POINTS", 30)
    split = tl.plot(events, webgl=True)
    split_kept = masked_figure(events, webgl=True).traces(keep)
    for role in ("span", "span_extent", "instant_window"):
        parts = traces(split, role)
        assert len(parts) > len(traces(whole, role))
        assert all(len(t.x) <= 30 and len(t.x) % 3 == 0 for t in parts)  # whole segments
        for key in ("x", "y"):  # the same segments
            joined = np.concatenate([np.asarray(t[key]) for t in parts])
            expected = np.concatenate([np.asarray(t[key]) for t in traces(whole, role)])
            np.testing.assert_array_equal(np.sort(joined), np.sort(expected))
    # marker traces keep plotly's hover tree: not split
    for role in ("span_center", "instant"):
        assert [len(t.x) for t in traces(split, role)] == [len(t.x) for t in traces(whole, role)]
    assert not [t for t in split.data if t.showlegend]  # the legend comes from its own traces
    # the explorer's filtering slices the split traces like the whole ones
    for role in ("span", "span_extent", "instant_window"):
        kept = [np.asarray(t["x"]) for t in split_kept if t["meta"]["role"] == role]
        expected = [np.asarray(t["x"]) for t in whole_kept if t["meta"]["role"] == role]
        assert len(kept) > len(expected)
        np.testing.assert_array_equal(
            np.sort(np.concatenate(kept)), np.sort(np.concatenate(expected))
        )


def test_big_figures_drop_per_event_hover_text() -> None:
    events = synthetic_events(2_000, lanes=2)
    fig = tl.plot(events, webgl=True, hover_text_limit=1_000)
    assert all(t.hovertext is None for t in fig.data)
    assert all("row %{customdata}" in t.hovertemplate for t in traces(fig, "instant"))
    assert all("span, middle" in t.hovertemplate for t in traces(fig, "span_center"))
    fig = tl.plot(events, webgl=True, hover_text_limit=None)
    assert all(t.hovertext is not None for t in traces(fig, "instant"))


def test_time_of_day_keeps_float64_positions() -> None:
    events = make_events(
        [event("raid", "03:40", "2024-06-19T03:40", "2024-06-19T03:41", start_precision="time")]
    )
    payload = json.loads(tl.plot(events, webgl=True).to_json())["data"]
    instant = next(t for t in payload if t["meta"]["role"] == "instant")
    assert instant["x"]["dtype"] == "f8"


def test_layout_has_range_controls_title_and_caption(story: pd.DataFrame) -> None:
    story = story.assign(source=["TASS", "NIS", "NIS", None, None])
    fig = tl.plot(story, lane="actors", title="North Korea in Russia", subtitle="claims")
    xaxis = fig.layout.xaxis
    assert xaxis.type == "date" and xaxis.rangeslider.visible
    assert [b.label for b in xaxis.rangeselector.buttons] == ["1m", "6m", "1y", "all"]
    # plotly's default overflow check measures every tick label on every zoom (slow)
    assert xaxis.ticklabeloverflow == "allow" and fig.layout.margin.r >= 30
    assert fig.layout.title.text == "North Korea in Russia"
    assert fig.layout.title.subtitle.text == "claims"
    (caption,) = [a for a in fig.layout.annotations if a.name == "caption"]
    assert caption.text == "Sources: TASS; NIS"
    rows = [event(f"e{i}", "x", "2024-01-01", category=f"c{i}") for i in range(30)]
    many = tl.plot(make_events(rows), lane="category").layout.height
    assert many > fig.layout.height  # more lanes, taller figure


def test_bad_arguments_name_the_valid_options(story: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"lane='nope'.*valid columns: event_id"):
        tl.plot(story, lane="nope")
    with pytest.raises(ValueError, match=r"lane_order='sideways'.*earliest"):
        tl.plot(story, lane="actors", lane_order="sideways")
    with pytest.raises(ValueError, match=r"missing the column\(s\) start"):
        tl.plot(story.drop(columns="start"))
    with pytest.raises(ValueError, match="eras= items"):
        tl.plot(story, eras=[("only a label",)])


def test_tl_plot_works_after_importing_the_module(story: pd.DataFrame) -> None:
    import timeline.plot as module

    assert isinstance(module(story), go.Figure)
    assert isinstance(tl.plot(story), go.Figure)
    assert "plot" in tl.__all__


def test_empty_frame_gives_an_empty_figure(story: pd.DataFrame) -> None:
    fig = tl.plot(story.iloc[:0])
    assert count(fig, "instant") == 0
    assert fig.layout.xaxis.type == "date"


def test_missing_start_and_end_is_warned_not_drawn(story: pd.DataFrame) -> None:
    broken = story.copy()
    broken.loc[0, ["start", "end"]] = pd.NaT
    with pytest.warns(UserWarning, match="1 event.* without a start or an end"):
        fig = tl.plot(broken)
    assert count(fig, "instant") == 1
    rows = {int(r) for t in fig.data if t.customdata is not None for r in t.customdata}
    assert rows == {1, 2, 3}


def open_start_events() -> pd.DataFrame:
    return tl.load_events(
        pd.DataFrame(
            {
                "title": ["Old treaty", "Silence", "Summit", "Deployment"],
                "date": ["before 2024", "until spring 2025", "August 2024", "since September"],
                "reported_on": ["2025-05-01"] * 4,
            }
        )
    )


@pytest.mark.parametrize("webgl", [False, True])
def test_open_start_is_drawn_faded_from_the_left_edge(webgl: bool) -> None:
    events = open_start_events()
    assert events["start"].isna().tolist() == [True, True, False, False]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is left out
        fig = tl.plot(events, webgl=webgl)
    # the left-pointing marker sits where each open start is drawn from: one year before
    # "before 2024" ends (earlier than the earliest start), and the earliest start
    # (August 2024) for "until spring 2025"
    (arrow,) = traces(fig, "span_open_start")
    assert arrow.marker.symbol == "triangle-left"
    starts = dict(zip(np.asarray(arrow.customdata).tolist(), np.asarray(arrow.x), strict=True))
    assert starts == {0: pytest.approx(ms("2023-01-01")), 1: pytest.approx(ms("2024-08-01"))}
    # the whole open-start span is faded (span_extent) and has no certain core
    parts = figure_parts(events, webgl=webgl)
    rows_by_role: dict[str, set[int]] = {}
    for trace, rows in zip(parts.traces, parts.rows, strict=True):
        if rows is not None:
            rows_by_role.setdefault(trace["meta"]["role"], set()).update(rows.tolist())
    assert rows_by_role["span"] == {3}  # no certain core for a span with only an end
    assert rows_by_role["span_extent"] >= {0, 1}
    if not webgl:
        extents = {
            int(r): (float(b), float(b + x))
            for t in traces(fig, "span_extent")
            for r, b, x in zip(t.customdata, t.base, t.x, strict=True)
        }
        assert extents[0] == (ms("2023-01-01"), ms("2024-01-01"))
        assert extents[1] == (ms("2024-08-01"), ms("2025-06-01"))
        assert all(t.opacity < 1 for t in traces(fig, "span_extent"))
    drawn = {int(r) for t in fig.data if t.customdata is not None for r in t.customdata}
    assert drawn == {0, 1, 2, 3}
    notes = [t.name for t in traces(fig, "legend_note")]
    assert "open start: only the end is known" in notes
    assert fig.layout.xaxis.range[0] < ms("2023-01-01")


def test_open_start_hover_says_the_start_is_unknown() -> None:
    fig = tl.plot(open_start_events())
    texts = {
        int(r): text
        for t in fig.data
        if t.hovertext is not None
        for r, text in zip(t.customdata, t.hovertext, strict=True)
    }
    assert "until 31 Dec 2023 (start unknown)" in texts[0]
    assert "until 31 May 2025 (start unknown)" in texts[1]
    assert "start unknown" not in texts[2]
    compact = tl.plot(open_start_events(), webgl=True, hover_text_limit=0)
    (arrow,) = traces(compact, "span_open_start")
    assert "start unknown" in arrow.hovertemplate


def test_no_open_start_note_without_open_starts(story: pd.DataFrame) -> None:
    notes = [t.name for t in traces(tl.plot(story), "legend_note")]
    assert not any(n.startswith("open start") for n in notes)
    assert traces(tl.plot(story), "span_open_start") == []


def test_era_arguments_use_the_date_engine(story: pd.DataFrame) -> None:
    fig = tl.plot(
        story.iloc[:4],
        eras=[
            ("Two years", "2024", "2025"),
            ("Autumn", "autumn 2024", "autumn 2024"),
            ("Stamps", pd.Timestamp("2024-07-01"), pd.Timestamp("2024-07-15")),
        ],
    )
    assert era_rects(fig) == [
        (ms("2024-01-01"), ms("2026-01-01")),  # the end of 2025, not its first day
        (ms("2024-07-01"), ms("2024-07-15")),  # Timestamps stay as they are
        (ms("2024-09-01"), ms("2024-12-01")),
    ]


def test_era_ending_before_it_starts_is_an_error_naming_it(story: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="era 'Backwards' ends before it starts"):
        tl.plot(story, eras=[("Backwards", "2025", "2024")])
    with pytest.raises(ValueError, match="era 'Backwards' ends before it starts"):
        tl.plot(story, eras=[("Backwards", pd.Timestamp("2025-01-02"), pd.Timestamp("2025"))])
    with pytest.raises(ValueError, match="end of era 'Nonsense' is not a date") as info:
        tl.plot(story, eras=[("Nonsense", "2024", "sometime")])
    assert isinstance(info.value.__cause__, ValueError)


def test_era_relative_text_uses_the_reference_date(story: pd.DataFrame) -> None:
    fig = tl.plot(story.iloc[:4], eras=[("Recent", "since March", None)])
    # reference date: latest reported_on, 1 May 2025; an open end runs to it
    assert era_rects(fig) == [(ms("2025-03-01"), ms("2025-05-01"))]


def test_eras_with_only_an_end_are_drawn_from_the_left_edge(story: pd.DataFrame) -> None:
    era_row = tl.load_events(
        pd.DataFrame(
            {"title": ["Before the war"], "date": ["before 2022"], "kind": ["era"]},
        )
    )
    assert pd.isna(era_row["start"].iloc[0])
    events = pd.concat([story.iloc[:4], era_row[story.columns.intersection(era_row.columns)]])
    fig = tl.plot(events, eras=[("Until the summit", None, "2024-06-19")])
    assert era_rects(fig) == [
        (ms("2021-01-01"), ms("2022-01-01")),  # one year before its end: earlier than data
        (ms("2024-06-01"), ms("2024-06-20")),  # from the earliest start (June 2024)
    ]
    labels = {a.text for a in fig.layout.annotations if a.name == "era"}
    assert labels == {"◀ Before the war", "◀ Until the summit"}
    notes = [t.name for t in traces(fig, "legend_note")]
    assert "open start: only the end is known" in notes


def test_y_positions_are_within_the_axis(story: pd.DataFrame) -> None:
    fig = tl.plot(story, lane="actors")
    low, high = sorted(fig.layout.yaxis.range)
    ys = np.concatenate(
        [
            np.asarray(t.y, dtype=float)
            for t in fig.data
            if t.y is not None and t.meta["role"] not in ("legend_note", "legend_group")
        ]
    )
    assert ys.min() > low and ys.max() < high


def test_colour_by_lane_follows_the_lane_order(story: pd.DataFrame) -> None:
    fig = tl.plot(story, lane="actors", color="actors")
    legend = [t.name for t in traces(fig, "legend_group")]
    assert legend == ["Russia", "Putin", "North Korea", "Choe"]  # first actor of each event
    assert list(fig.layout.yaxis.ticktext) == [
        "Russia",
        "Putin",
        "Kim",
        "North Korea",
        "Choe",
        "Lavrov",
    ]


def test_hover_shows_a_separately_reported_end() -> None:
    events = tl.load_events(
        pd.DataFrame(
            {
                "title": ["Deployment", "Summit"],
                "date": ["August 2024", "June 2024"],
                "end": ["the spring of 2025", None],
                "reported_on": ["2025-05-01"] * 2,
            }
        )
    )
    fig = tl.plot(events)
    span_text = {t.hovertext[0] for t in traces(fig, "span")}
    (instant,) = traces(fig, "instant")
    assert any("August 2024 – the spring of 2025 <span" in text for text in span_text)
    assert "June 2024 <span" in instant.hovertext[0]
    assert " – " not in instant.hovertext[0].split("<br>")[1]
