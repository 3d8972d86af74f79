"""The HTML page as a file: self-contained, escaped, with title, sources, count, banner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from conftest import REPO
from factories import story_events
from timeline.export.html_page import source_list
from timeline.export.page_index import lane_extents, page_index

HOSTILE = '</script><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
GENERATED = pd.Timestamp("2025-11-02 14:30", tz="UTC")


def script_tags(page: str) -> list[str]:
    """Opening tags of the page's script elements (plotly.js itself contains none)."""
    return re.findall(r"<script\b[^>]*>", page)


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv")


@pytest.fixture(scope="module")
def page(seed: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "timeline.html"
    tl.export(
        seed,
        path,
        lane="actors",
        title="North Korean troops in Russia",
        subtitle="Claims as reported",
        banner="UNCLASSIFIED // FOR TRAINING",
        generated_at=GENERATED,
    )
    return path.read_text(encoding="utf-8")


def test_page_header_and_facts(page: str) -> None:
    assert page.startswith("<!DOCTYPE html")
    assert "<title>North Korean troops in Russia</title>" in page
    assert "<h1>North Korean troops in Russia</h1>" in page
    assert '<p class="tl-subtitle">Claims as reported</p>' in page
    assert "23 events · generated 2025-11-02 14:30 UTC" in page
    assert page.count("UNCLASSIFIED // FOR TRAINING") == 2  # top and bottom
    assert "<li>Seed article: North Korean troops in Russia · 23 events</li>" in page


def test_page_loads_nothing_from_outside(page: str) -> None:
    tags = script_tags(page)
    assert not any("src=" in tag for tag in tags)
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.S)
    assert "<link" not in markup and "url(" not in markup and "@import" not in markup
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup)
    assert "mathjax" not in " ".join(tags).lower()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    assert "http" not in policy.group(1)
    # images only from data: and blob: URLs (the big page's density strips are data: PNGs)
    assert re.search(r"img-src ([^;]+)", policy.group(1)).group(1).split() == ["data:", "blob:"]
    nonce = re.search(r"'nonce-([^']+)'", policy.group(1)).group(1)
    executable = [t for t in tags if "application/json" not in t]
    assert executable and all(f'nonce="{nonce}"' in t for t in executable)


def test_plotlyjs_from_the_cdn_on_request(seed: pd.DataFrame, tmp_path: Path) -> None:
    page = tl.export(seed, tmp_path / "cdn.html", plotlyjs="cdn").read_text(encoding="utf-8")
    (src,) = [t for t in script_tags(page) if "src=" in t]
    assert 'src="https://cdn.plot.ly/plotly-' in src
    assert "https://cdn.plot.ly" in re.search(r"script-src ([^;]+)", page).group(1)
    assert len(page) < 500_000  # no inline plotly.js
    with pytest.raises(ValueError, match="plotlyjs must be one of inline, cdn"):
        tl.export(seed, tmp_path / "x.html", plotlyjs="local")


def test_hostile_text_never_reaches_the_markup(tmp_path: Path) -> None:
    events = tl.load_events(
        pd.DataFrame(
            {
                "title": [HOSTILE, "Visit"],
                "date": ["2024-06-19", "2024-10-21"],
                "source": [HOSTILE, "NIS"],
                "source_url": ["javascript:alert(1)", "https://example.org/a?b=1&c=<2>"],
                "category": [HOSTILE, "diplomacy"],
            }
        )
    )
    path = tl.export(events, tmp_path / "h.html", title=HOSTILE, subtitle=HOSTILE, banner=HOSTILE)
    page = path.read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "<img src=x" not in page
    assert len(script_tags(page)) == 5  # figure, index, plotly config, plotly.js, page script
    assert page.count("</script>") == 5
    assert "<h1>&lt;/script&gt;&lt;script&gt;window.__xss = 1" in page
    assert 'href="javascript:' not in page
    assert 'href="https://example.org/a?b=1&amp;c=&lt;2&gt;"' in page
    data = re.search(r'<script type="application/json" id="tl-index">(.*?)</script>', page, re.S)
    index = json.loads(data.group(1))
    assert any(HOSTILE.lower() in text for text in index["texts"])  # the data survives as data


def test_lane_extents_contain_each_mark(seed: pd.DataFrame) -> None:
    fig = tl.plot(seed, lane="actors")
    names, edges = lane_extents(fig)
    assert names == list(fig.layout.yaxis.ticktext)
    lows = [low for low, _ in edges]
    assert lows == sorted(lows)
    for trace in fig.data:
        if trace.customdata is None:
            continue
        for row, y in zip(np.asarray(trace.customdata), np.asarray(trace.y), strict=True):
            lane = next(i for i, (low, high) in enumerate(edges) if low <= y < high)
            assert names[lane] in seed["actors"].iloc[int(row)]


def test_index_from_events_and_from_a_bare_figure(seed: pd.DataFrame) -> None:
    fig = tl.plot(seed, lane="category")
    index = page_index(fig, seed)
    assert index.events == len(seed) and index.drawn == 23
    assert index.texts[0].startswith("pyongyang summit")
    assert index.categories == []  # lanes are the categories: no second set of toggles
    bare = page_index(fig, None)
    assert bare.texts is not None
    assert "pyongyang summit between russia and north korea" in bare.texts[0]
    assert tl.plot(seed).layout.yaxis.ticktext == ()
    assert page_index(tl.plot(seed), seed).lanes == []


def test_sources_are_listed_with_safe_links() -> None:
    frame = pd.DataFrame(
        {
            "source": ["NIS", "TASS", "NIS", None],
            "source_url": ["ftp://x", "https://tass.example", "https://nis.example", None],
        }
    )
    assert source_list(frame) == [
        ("NIS", "https://nis.example", 2),
        ("TASS", "https://tass.example", 1),
    ]


def test_page_of_a_figure_takes_its_title(tmp_path: Path) -> None:
    fig = tl.plot(story_events(), title="Story & <b>bold</b>", subtitle="as reported")
    page = tl.export(fig, tmp_path / "fig.html").read_text(encoding="utf-8")
    assert "<h1>Story &amp; &lt;b&gt;bold&lt;/b&gt;</h1>" in page
    assert '<p class="tl-subtitle">as reported</p>' in page
    figure = json.loads(
        re.search(
            r'<script type="application/json" id="tl-figure">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert figure["layout"]["title"]["text"] == ""  # shown once, in the page header


def test_explicit_sources_and_a_figure_that_is_not_a_timeline(tmp_path: Path) -> None:
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={"title": {"text": "Plain"}})
    page = tl.export(
        fig, tmp_path / "plain.html", sources=["NIS <b>", "TASS"], generated_at=GENERATED
    ).read_text(encoding="utf-8")
    assert '<p class="tl-meta">generated 2025-11-02 14:30 UTC</p>' in page  # no event count
    assert "<li>NIS &lt;b&gt;</li><li>TASS</li>" in page
    assert "<h1>Plain</h1>" in page


def test_events_with_only_an_end_are_drawn_and_counted(tmp_path: Path) -> None:
    events = tl.load_events(
        pd.DataFrame(
            {
                "title": ["Old treaty", "Silence", "Summit"],
                "date": ["before 2024", "until spring 2025", "August 2024"],
                "reported_on": ["2025-05-01"] * 3,
            }
        )
    )
    assert events["start"].isna().sum() == 2
    index = page_index(tl.plot(events), events)
    assert index.drawn == 3
    path = tl.export(events, tmp_path / "t.html", generated_at=GENERATED)
    assert "3 events · generated" in path.read_text(encoding="utf-8")
