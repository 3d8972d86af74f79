"""Level of detail in tl.plot: the mark budget, density strips, their hover, zoomed-in marks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from factories import synthetic_events
from timeline.plot.density import DENSITY_ROLE, bucket_dates, ramp
from timeline.plot.detail import dense_from_counts
from timeline.plot.figure import figure_parts


def busy_and_quiet(busy: int = 4000, quiet: int = 6) -> pd.DataFrame:
    events = synthetic_events(busy + quiet, lanes=1, seed=5)
    category = np.array(["busy"] * busy + ["quiet"] * quiet, dtype=object)
    events["category"] = pd.Categorical(category)
    events["kind"] = pd.Categorical(
        np.where(np.arange(len(events)) % 2 == 0, "instant", "span"),
        categories=events["kind"].cat.categories,
    )
    events["title"] = [f"Event {i} <b>&" for i in range(len(events))]
    events["actors"] = np.where(np.arange(len(events)) % 3 == 0, "army", "navy")
    return events


def roles(figure) -> list[str]:
    return [trace.meta["role"] for trace in figure.data if trace.meta]


def mark_rows(figure, role: str | None = None) -> set[int]:
    rows: set[int] = set()
    for trace in figure.data:
        if trace.meta and trace.meta.get("role") not in (DENSITY_ROLE, "legend_note"):
            if role is not None and trace.meta["role"] != role:
                continue
            if trace.customdata is not None:
                rows.update(np.asarray(trace.customdata).astype(int).tolist())
    return rows


def test_busy_lane_draws_density_and_quiet_lane_keeps_its_marks():
    events = busy_and_quiet()
    figure = tl.plot(events, lane="category", color="actors")
    strips = [t for t in figure.data if t.meta and t.meta["role"] == DENSITY_ROLE]
    assert [t.meta["lane"] for t in strips] == [0]  # busy is the first lane
    assert strips[0].type == "heatmap"
    quiet = set(np.flatnonzero((events["category"] == "quiet").to_numpy()).tolist())
    assert mark_rows(figure) == quiet
    names = [t.name for t in figure.data if t.meta and t.meta["role"] == "legend_note"]
    assert any(name.startswith("density strip") for name in names)
    # the busy lane mixes two colours: a neutral ramp
    assert list(strips[0].colorscale[0]) == ramp(None)[0]


def test_small_data_has_no_density():
    events = synthetic_events(300, lanes=3)
    figure = tl.plot(events, lane="category")
    assert DENSITY_ROLE not in roles(figure)
    assert not any((t.name or "").startswith("density") for t in figure.data)


def test_zoomed_in_shows_the_same_marks_as_the_whole_figure_there():
    events = busy_and_quiet()
    whole = tl.plot(events, lane="category", level_of_detail=False)
    window = (pd.Timestamp("2023-03-01"), pd.Timestamp("2023-03-10"))
    zoomed = tl.plot(events, lane="category", x_range=window)
    assert DENSITY_ROLE not in roles(zoomed)
    low, high = (w.value / 1e6 for w in window)
    for role in ("instant", "span_center"):
        expected = set()
        for trace in whole.data:
            if trace.meta and trace.meta.get("role") == role:
                x = np.asarray(trace.x, dtype=float)
                rows = np.asarray(trace.customdata).astype(int)
                # a mark is in view when its event's extent overlaps the window
                expected.update(rows.tolist())
        start = events["start"].to_numpy("datetime64[ms]").astype(np.int64).astype(float)
        end = events["end"].to_numpy("datetime64[ms]").astype(np.int64).astype(float)
        overlapping = set(np.flatnonzero((start <= high) & (end >= low)).tolist())
        assert mark_rows(zoomed, role) == expected & overlapping
        del x
    # the marks that are drawn are drawn exactly as before
    for z_trace in zoomed.data:
        if not z_trace.meta or z_trace.meta.get("role") != "instant" or z_trace.x is None:
            continue
        match = next(
            t
            for t in whole.data
            if t.meta == z_trace.meta and t.marker.symbol == z_trace.marker.symbol
        )
        lookup = dict(zip(np.asarray(match.customdata).tolist(), np.asarray(match.x), strict=True))
        for row, x in zip(np.asarray(z_trace.customdata).tolist(), z_trace.x, strict=True):
            assert lookup[row] == x


def test_bucket_counts_of_a_lane_sum_to_its_events_in_view():
    events = busy_and_quiet()
    parts = figure_parts(events, lane="category")
    detail = parts.detail
    low, high = pd.Timestamp("2022-06-01").value / 1e6, pd.Timestamp("2024-02-01").value / 1e6
    part = detail.pyramid().slice(0, low, high, detail.max_buckets((low, high)))
    anchor = detail.marks.anchor[detail.marks.lane == 0]
    in_buckets = (anchor >= part.edges[0]) & (anchor < part.edges[-1])
    assert part.counts.sum() == in_buckets.sum()
    assert part.edges[0] <= low and part.edges[-1] >= high
    # the strip's hover gives the same counts
    trace = next(t for t in parts.view_traces((low, high)) if t["meta"]["role"] == DENSITY_ROLE)
    hovered = [
        int(text.split("</b>")[0].removeprefix("<b>").split()[0].replace(",", ""))
        for text in trace["text"][0]
        if text
    ]
    assert sum(hovered) == part.counts.sum()


def test_bucket_hover_names_count_dates_top_categories_and_escaped_titles():
    events = busy_and_quiet()
    parts = figure_parts(events, lane="category", color="actors")
    low, high = parts.detail.full_range
    trace = next(t for t in parts.view_traces((low, high)) if t["meta"]["role"] == DENSITY_ROLE)
    text = next(t for t in trace["text"][0] if t)
    assert "start here" in text
    assert "top: " in text and ("army (" in text or "navy (" in text)
    assert "Event " in text and "&lt;b&gt;&amp;" in text and "<b>&" not in text
    assert any(month in text for month in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"))
    cover = [t for t in trace["text"][1] if t]
    assert cover and "under way" in cover[0]


def test_a_lone_bucket_stays_visible():
    events = busy_and_quiet(busy=3000, quiet=0)
    far = events.iloc[[0]].copy()
    far["start"] = pd.Timestamp("2031-06-01")
    far["end"] = pd.Timestamp("2031-06-02")
    far["kind"] = pd.Categorical(["instant"], categories=events["kind"].cat.categories)
    far["event_id"] = "far"
    events = pd.concat([events, far], ignore_index=True)
    figure = tl.plot(events, lane="category")
    strip = next(t for t in figure.data if t.meta and t.meta["role"] == DENSITY_ROLE)
    z = strip.z[0]
    lonely = [k for k, v in enumerate(z) if v is not None][-1]
    assert z[lonely] == 0.0  # log2(1): the lightest shade, not blank
    assert strip.zmin == 0.0
    lightest = strip.colorscale[0][1]
    assert lightest.lower() not in ("#ffffff", "white")
    # and zoomed onto it, the event is a mark
    zoomed = tl.plot(events, lane="category", x_range=("2031-05-01", "2031-07-01"))
    assert mark_rows(zoomed) == {len(events) - 1}


def test_budget_rule_and_arguments():
    assert dense_from_counts(np.array([1700, 1701]), 1700).tolist() == [False, True]
    events = synthetic_events(50, lanes=2)
    assert DENSITY_ROLE in roles(tl.plot(events, lane="category", mark_budget=5))
    with pytest.raises(ValueError, match="x_range"):
        tl.plot(events, x_range=("2024-02-01", "2024-01-01"))
    assert bucket_dates(np.array([0.0, 3_600_000.0])) == ["1970-01-01 00:00 – 01:00"]


def test_million_event_figure_is_small():
    events = synthetic_events(200_000, lanes=8)
    figure = tl.plot(events, lane="category", color="category")
    points = sum(len(t.x) for t in figure.data if t.x is not None)
    assert points < 20_000
    assert len(figure.to_json()) < 2_000_000


def test_view_marks_agrees_with_counting_every_mark():
    events = synthetic_events(6000, lanes=4, seed=9)
    events["category"] = events["category"].astype(str)
    events.loc[::7, "category"] = "mixed"  # lanes of one category and a mixed lane
    detail = figure_parts(events, lane="category", mark_budget=120).detail
    rng = np.random.default_rng(3)
    mask = rng.random(len(events)) < 0.4
    low_all, high_all = detail.full_range
    assert detail.view_marks(detail.full_range)[0].any()  # over the budget at full extent
    for _ in range(40):
        width = (high_all - low_all) * 0.5 ** rng.integers(0, 14)
        low = low_all + rng.random() * (high_all - low_all - width)
        window = (float(low), float(low + width))
        for chosen in (None, mask):
            plain = dense_from_counts(detail.lane_counts(window, chosen), detail.budget)
            dense, keep = detail.view_marks(window, chosen)
            np.testing.assert_array_equal(dense, plain)
            np.testing.assert_array_equal(keep, detail.mark_keep(window, chosen, plain))
    assert not detail.view_marks((low_all, low_all + 86_400_000.0))[0].any()
