"""tl.chronology: every event labelled or keyed, no overlaps, all text inside the figure."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from conftest import REPO
from timeline.plot.chronology import chronology_layout
from timeline.plot.label_layout import Box, count_overlaps

SEED = REPO / "data" / "events.csv"


def plain(markup: str) -> str:
    text = re.sub(r"<br>", " ", markup)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return " ".join(text.replace("•", " ").replace("\u2003", " ").split())


def seed_events() -> pd.DataFrame:
    return tl.load_events(SEED)


def dense_events() -> pd.DataFrame:
    """Nine events on one late-October day, and a few around them."""
    titles = [
        f"Claim {i}: a delegation met officials to discuss the supply of shells" for i in range(9)
    ]
    rows = [{"title": t, "date": "2025-10-25"} for t in titles]
    rows += [
        {"title": "Summit in Pyongyang between Russia and North Korea", "date": "June 2024"},
        {"title": "Troops deployed", "date": "since September 2025"},
        {"title": "Fighting in Kursk", "date": "August 2024", "end": "March 2025"},
    ]
    frame = pd.DataFrame(rows)
    frame["reported_on"] = "2025-11-01"
    return tl.load_events(frame)


def sixty_events() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 600, 60), unit="D")
    words = [
        "troops",
        "shells",
        "drones",
        "talks",
        "summit",
        "border",
        "strike",
        "convoy",
        "ministry",
        "report",
    ]
    rows = []
    for i, day in enumerate(sorted(days)):
        title = " ".join(rng.choice(words, rng.integers(3, 12)))
        if i % 10 == 3:
            end = (day + pd.Timedelta(days=int(rng.integers(20, 200)))).strftime("%Y-%m-%d")
            rows.append({"title": f"{i} {title}", "date": day.strftime("%Y-%m-%d"), "end": end})
        else:
            date = day.strftime("%B %Y") if i % 7 == 0 else day.strftime("%Y-%m-%d")
            rows.append({"title": f"{i} {title}", "date": date, "end": None})
    frame = pd.DataFrame(rows)
    frame["reported_on"] = "2025-12-01"
    frame["category"] = [words[i % 4] for i in range(60)]
    return tl.load_events(frame)


def check_figure(events: pd.DataFrame, **options) -> dict:
    """Assert the chronology's promises; return counts."""
    layout, marks, _ = chronology_layout(events, **options)
    figure_box = Box(0, 0, layout.page.width, layout.page.height)
    boxes = layout.text_boxes()
    for kind, box in boxes:
        assert box.inside(figure_box), (kind, box)
    text = [b for kind, b in boxes if kind in ("label", "span_label", "number", "key", "era")]
    assert count_overlaps(text) == 0
    if layout.page.legend_box is not None:
        assert not any(b.overlaps(layout.page.legend_box) for b in text)
    for kind, box in boxes:  # nothing over the key panel but the key
        if layout.key_box is not None and kind in ("label", "span_label", "number", "era"):
            assert not box.overlaps(layout.key_box), (kind, box)
    fig = tl.chronology(events, **options)
    written = [
        plain(a.text) for a in fig.layout.annotations if a.name in ("label", "span_label", "key")
    ]
    labelled = " | ".join(written)
    for title in marks["title"]:
        assert " ".join(str(title).split()) in labelled, title
    status = fig.layout.meta["chronology"]
    assert len(status) == len(marks)
    for a in fig.layout.annotations:
        if a.name in ("label", "span_label", "key", "number"):
            assert a.font.size >= 10
    keyed = [v for v in status.values() if v != "label"]
    assert sorted(keyed) == list(range(1, len(keyed) + 1))
    return {"labels": sum(v == "label" for v in status.values()), "keyed": len(keyed)}


def test_seed_events_on_a_slide():
    counts = check_figure(
        seed_events(), color="category", title="North Korean troops", subtitle="Claims as reported"
    )
    assert counts["labels"] + counts["keyed"] == 23
    assert counts["labels"] >= 15


@pytest.mark.parametrize("page", ["slide", "a4", "letter"])
def test_seed_events_on_every_page(page):
    check_figure(seed_events(), page=page, lane=None, color="category")
    fig = tl.chronology(seed_events(), page=page)
    from timeline.plot.chronology_page import PAGES

    assert (fig.layout.width, fig.layout.height) == PAGES[page]


def test_nine_events_on_one_day_get_numbers_and_a_key():
    counts = check_figure(dense_events(), title="Dense cluster")
    assert counts["keyed"] >= 1
    fig = tl.chronology(dense_events())
    assert any(a.name == "key_heading" for a in fig.layout.annotations)
    numbers = [plain(a.text) for a in fig.layout.annotations if a.name == "number"]
    assert numbers  # the keyed events are numbered on the chart


def test_sixty_events():
    counts = check_figure(sixty_events(), color="category", page="a4", title="Sixty events")
    assert counts["labels"] + counts["keyed"] == 60


def test_swimlanes():
    check_figure(seed_events(), lane="category", color="category")


def test_data_text_stays_text():
    frame = pd.DataFrame(
        {
            "title": ["<img src=x onerror=alert(1)>", '=HYPERLINK("http://x")'],
            "date": ["2024-06-01", "2024-07-01"],
            "source": ["<b>bold</b>", "x"],
        }
    )
    fig = tl.chronology(tl.load_events(frame), title="<script>t</script>")
    texts = [a.text for a in fig.layout.annotations]
    assert not any("<img" in t or "<script" in t for t in texts)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in t for t in texts)


def test_uncertainty_is_drawn_as_tl_plot_draws_it():
    fig = tl.chronology(seed_events())
    roles = {trace.meta["role"] for trace in fig.data if trace.meta}
    assert {"instant", "instant_window", "span", "span_extent", "span_open", "leader"} <= roles
    symbols = {
        s for t in fig.data if t.meta and t.meta["role"] == "instant" for s in [t.marker.symbol]
    }
    assert "circle-open-dot" in symbols  # "late October?" is uncertain


def test_key_events_and_errors():
    events = seed_events()
    fig = tl.chronology(events, key_events=5)
    assert len(fig.layout.meta["chronology"]) == 5
    with pytest.raises(ValueError, match="lane='nope' is not a column"):
        tl.chronology(events, lane="nope")
    with pytest.raises(ValueError, match="page='a3' is not a preset"):
        tl.chronology(events, page="a3")


def test_long_title_and_caption_stay_inside():
    frame = pd.DataFrame(
        {
            "title": ["word " * 80, "short"],
            "date": ["2024-06-01", "2024-07-01"],
            "source": [f"A very long article citation number {i} " * 4 for i in range(2)],
        }
    )
    events = tl.load_events(frame)
    check_figure(events, title="A title " * 30, subtitle="sub " * 60)


def test_print_template_keeps_the_overlay_clear():
    from timeline.export.images import print_layout

    fig = tl.chronology(seed_events())
    printed = print_layout(fig.to_dict(), "print")
    assert printed["layout"]["plot_bgcolor"] == "rgba(0,0,0,0)"
    assert print_layout(tl.plot(seed_events()).to_dict(), "print")["layout"]["plot_bgcolor"] == (
        "white"
    )
