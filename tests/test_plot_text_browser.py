"""No text leaves the figure: rendered in Chromium, every SVG text box of tl.plot and
tl.chronology lies inside the figure, on real data with long texts (the UCDP GED sample,
whose sources are long article citations) and on the seed events; the chronology's
labels do not overlap and stay within the boxes the layout estimated."""

from __future__ import annotations

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA, REPO
from timeline.export.images import print_layout

UCDP_NAME = "ucdp_ged_2023_sample_uncertainUCDP.csv"
EXTERNAL = [  # the shared data beside the main checkout (../shared) or beside the worktrees
    REPO.parent / "shared" / "external-data" / UCDP_NAME,
    REPO.parent.parent / "shared" / "external-data" / UCDP_NAME,
]

COLLECT = """() => {
  const root = document.querySelector('.svg-container').getBoundingClientRect();
  const boxes = [];
  for (const t of document.querySelectorAll('.svg-container text')) {
    if (!t.textContent.trim()) continue;
    const b = t.getBoundingClientRect();
    if (b.width === 0 && b.height === 0) continue;
    const note = t.closest('g.annotation');
    boxes.push({text: t.textContent.slice(0, 80), x0: b.left - root.left, y0: b.top - root.top,
                x1: b.right - root.left, y1: b.bottom - root.top,
                index: note ? Number(note.getAttribute('data-index')) : null});
  }
  return {width: root.width, height: root.height, boxes};
}"""


def rendered_text(browser, figure, *, printed: bool = False) -> dict:
    data = figure.to_dict()
    if printed:
        data = print_layout(data, "print")
    import plotly.graph_objects as go

    fig = go.Figure(data)
    width = int(fig.layout.width or 1100)
    height = int(fig.layout.height or 600)
    fig.update_layout(width=width, height=height)
    page = browser.new_page(viewport={"width": width + 40, "height": height + 40})
    try:
        html = fig.to_html(include_plotlyjs=True, full_html=True, config={"staticPlot": True})
        page.set_content(html.replace("<body>", '<body style="margin:0">'))
        page.wait_for_function("() => document.querySelector('.svg-container text') !== null")
        page.wait_for_function("() => document.fonts.status === 'loaded'")
        return page.evaluate(COLLECT)
    finally:
        page.close()


def assert_inside(result: dict) -> None:
    outside = [
        b
        for b in result["boxes"]
        if b["x0"] < -0.5
        or b["y0"] < -0.5
        or b["x1"] > result["width"] + 0.5
        or b["y1"] > result["height"] + 0.5
    ]
    assert not outside, outside[:5]


def ucdp_samples() -> list[pd.DataFrame]:
    frames = [tl.load_events(DATA / "ucdp_ged_rows1-100.csv")]
    found = next((path for path in EXTERNAL if path.exists()), None)
    if found is not None:
        frames.append(tl.load_events(found))
    return frames


@pytest.mark.browser
@pytest.mark.parametrize("printed", [False, True])
def test_tl_plot_text_stays_inside_on_ucdp(browser, printed: bool) -> None:
    for events in ucdp_samples():
        figure = tl.plot(events, lane="category", width=1100)
        assert_inside(rendered_text(browser, figure, printed=printed))
        caption = next(a.text for a in figure.layout.annotations if a.name == "caption")
        assert caption.startswith("Sources: ") and "distinct, the most cited" in caption


@pytest.mark.browser
def test_tl_plot_long_title_and_eras_stay_inside(browser) -> None:
    events = tl.load_events(REPO / "data" / "events.csv")
    figure = tl.plot(
        events,
        lane="actors",
        color="category",
        width=1100,
        title="A very long title of a briefing " * 6,
        subtitle="sub " * 70,
        eras=[
            (
                "An era whose name is far too long for its narrow band at the "
                "very start of the chart",
                "2024-01",
                "2024-02",
            )
        ],
    )
    assert_inside(rendered_text(browser, figure, printed=True))


def chronology_checks(browser, figure) -> None:
    result = rendered_text(browser, figure)
    assert_inside(result)
    names = [a.name for a in figure.layout.annotations]
    estimated = figure.layout.meta["boxes"]
    by_note: dict[int, list[dict]] = {}
    for box in result["boxes"]:
        if box["index"] is not None:
            by_note.setdefault(box["index"], []).append(box)
    assert len(by_note) >= len(names) - 2  # (an empty caption or subtitle draws nothing)
    for index, parts in by_note.items():
        x0, y0, x1, y1 = estimated[index]
        for part in parts:  # the text lies within the box the layout reserved
            assert part["x0"] >= x0 - 1 and part["x1"] <= x1 + 1, (names[index], part, x0, x1)
            assert part["y0"] >= y0 - 1 and part["y1"] <= y1 + 1, (names[index], part, y0, y1)
    texts = [
        (i, p)
        for i, parts in by_note.items()
        for p in parts
        if names[i] in ("label", "span_label", "number", "key", "era", "legend")
    ]
    for a, (i, p) in enumerate(texts):
        for j, q in texts[a + 1 :]:
            if i == j:
                continue
            overlap = (
                p["x0"] < q["x1"] - 0.5
                and q["x0"] < p["x1"] - 0.5
                and p["y0"] < q["y1"] - 0.5
                and q["y0"] < p["y1"] - 0.5
            )
            assert not overlap, (names[i], p, names[j], q)


@pytest.mark.browser
def test_chronology_of_the_seed_events_in_the_browser(browser) -> None:
    events = tl.load_events(REPO / "data" / "events.csv")
    chronology_checks(
        browser,
        tl.chronology(
            events, color="category", title="North Korean troops in Russia", subtitle="As reported"
        ),
    )


@pytest.mark.browser
def test_chronology_of_ucdp_in_the_browser(browser) -> None:
    for events in ucdp_samples():
        figure = tl.chronology(events, color="category", key_events=60, page="a4")
        chronology_checks(browser, figure)


@pytest.mark.browser
def test_chronology_of_a_dense_day_in_the_browser(browser) -> None:
    from test_plot_chronology import dense_events, sixty_events

    chronology_checks(browser, tl.chronology(dense_events(), title="Nine on one day"))
    chronology_checks(browser, tl.chronology(sixty_events(), color="category", page="a4"))
