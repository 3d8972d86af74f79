"""The briefing deck, read back with python-pptx: slides, texts, picture, notes, 16:9."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

import timeline as tl
from conftest import REPO
from factories import story_events
from timeline.export.pptx_deck import (
    BODY_TOP_IN,
    SLIDE_HEIGHT_IN,
    Row,
    event_summary,
    key_event_rows,
    paginate,
    row_height_in,
)

BANNER = "UNCLASSIFIED // FOR TRAINING"


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv")


@pytest.fixture(scope="module")
def deck(image_session, seed: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("deck") / "briefing.pptx"
    tl.export(
        seed,
        path,
        lane="actors",
        title="North Korean troops in Russia",
        subtitle="Claims as reported",
        banner=BANNER,
        generated_at="2025-11-02",
    )
    assert path.read_bytes()[:2] == b"PK"
    return Presentation(str(path))


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def table_rows(slide) -> list[list[str]]:
    (table,) = [shape.table for shape in slide.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.mark.browser
def test_deck_is_16_by_9_with_title_picture_and_tables(deck) -> None:
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, rel=1e-3)
    slides = list(deck.slides)
    assert len(slides) >= 3
    first = texts(slides[0])
    assert first[0] == "North Korean troops in Russia"
    assert first[1].splitlines() == [
        "Claims as reported",
        "23 events, 1 January 2024 – 1 November 2025",
        "Prepared 2 November 2025",
    ]
    pictures = [s for s in slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    with Image.open(io.BytesIO(pictures[0].image.blob)) as image:
        assert image.format == "PNG" and image.size[0] == 2560  # the slide, 1280 px at scale 2
    right = Emu(pictures[0].left + pictures[0].width)
    bottom = Emu(pictures[0].top + pictures[0].height)
    assert right <= deck.slide_width and bottom <= deck.slide_height
    for slide in slides[2:]:
        assert texts(slide)[0].startswith("Key events")


@pytest.mark.browser
def test_tables_list_every_event_by_start(deck, seed: pd.DataFrame) -> None:
    rows = []
    for slide in list(deck.slides)[2:]:
        header, *body = table_rows(slide)
        assert header == ["Date (as reported)", "Event", "Source", "Reliability"]
        rows += body
    ordered = seed.loc[seed["kind"] != "era"].sort_values("start", kind="stable")
    assert [r[1] for r in rows] == ordered["title"].tolist()
    silence = next(r for r in rows if r[1].startswith("Moscow stays silent"))
    assert silence[0] == "2024 – the spring of 2025"
    assert silence[2] == "Seed article: North Korean troops in Russia"
    assert silence[3] == "—"  # no grade in the seed data


@pytest.mark.browser
def test_notes_carry_the_full_sources_and_banners_every_slide(deck) -> None:
    slides = list(deck.slides)
    picture_notes = slides[1].notes_slide.notes_text_frame.text
    assert "Seed article: North Korean troops in Russia (23 events)" in picture_notes
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in slides[2:])
    assert "claimed by Valery Gerasimov" in notes
    assert "“North Korean servicemen played an important role" in notes
    for slide in slides:
        banners = [s for s in slide.shapes if s.name == "banner"]
        assert [b.text_frame.text for b in banners] == [BANNER, BANNER]
        assert {b.top for b in banners} == {0, deck.slide_height - banners[1].height}


@pytest.mark.browser
def test_key_events_limit_and_a_figure_only_deck(image_session, tmp_path: Path) -> None:
    events = story_events().assign(reliability=["B", "C", None, "A", None])
    path = tl.export(events, tmp_path / "short.pptx", key_events=2)
    slides = list(Presentation(str(path)).slides)
    assert len(slides) == 3
    _, *body = table_rows(slides[2])
    assert [r[1] for r in body] == ["Moscow silent", "Pyongyang Summit"]  # earliest first
    assert [r[3] for r in body] == ["A", "B"]
    assert "2 more event(s) are not listed" in slides[2].notes_slide.notes_text_frame.text
    figure_deck = tl.export(tl.plot(events, title="Only a figure"), tmp_path / "fig.pptx")
    slides = list(Presentation(str(figure_deck)).slides)
    assert len(slides) == 2
    assert texts(slides[0])[0] == "Only a figure"


def test_rows_are_split_so_text_fits() -> None:
    long = Row(("about 2024", "A very long title " * 20, "source", "B2"), "")
    short = Row(("2024", "Summit", "TASS", "A"), "")
    available = SLIDE_HEIGHT_IN - BODY_TOP_IN - 0.5
    pages = paginate([long, short] * 12, available)
    assert len(pages) > 1
    assert sum(len(page) for page in pages) == 24
    header = row_height_in(["Date (as reported)", "Event", "Source", "Reliability"])
    for page in pages:
        assert header + sum(row_height_in(row.cells) for row in page) <= available
    assert row_height_in(long.cells) > 3 * row_height_in(short.cells)


def test_key_events_arguments() -> None:
    events = story_events().assign(key=[True, False, True, False, True])
    rows, left_out = key_event_rows(events, "key")
    assert [r.cells[1] for r in rows] == ["Pyongyang Summit", "Troops in Russia"]
    assert left_out == 0
    with pytest.raises(ValueError, match="key_events='nope' is not a column"):
        key_event_rows(events, "nope")
    with pytest.raises(ValueError, match="got -1"):
        key_event_rows(events, -1)


def test_control_characters_cannot_break_the_deck() -> None:
    events = story_events().assign(title=["bell\x07", "nul\x00", "ok", "x", "era"])
    rows, _ = key_event_rows(events)
    assert {r.cells[1] for r in rows} == {"bell", "nul", "ok", "x"}


def test_table_dates_join_a_separately_reported_end() -> None:
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
    rows, _ = key_event_rows(events)
    assert [row.cells[0] for row in rows] == ["June 2024", "August 2024 – the spring of 2025"]
    assert rows[1].note.startswith("August 2024 – the spring of 2025: Deployment")


def test_summary_of_an_ongoing_event_runs_to_the_report_date() -> None:
    events = tl.load_events(
        pd.DataFrame(
            {"title": ["Deployment"], "date": ["since September"], "reported_on": ["2025-05-01"]}
        )
    )
    # the open end was filled with the start: "1 September 2024 – 31 August 2024"
    assert event_summary(events) == "1 event, 1 September 2024 – 1 May 2025"
    assert event_summary(events, "2025-02-15") == "1 event, 1 September 2024 – 15 February 2025"


def test_summary_leaves_eras_out_and_counts_what_is_drawn() -> None:
    events = tl.load_events(
        pd.DataFrame(
            {
                "title": ["War", "Summit", "Old treaty", "Deployment"],
                "date": ["2022 to 2026", "June 2024", "before 2024", "since September"],
                "kind": ["era", None, None, None],
                "reported_on": ["2025-05-01"] * 4,
            }
        )
    )
    summary = event_summary(events)
    # three events (not the era); "before 2024" is drawn from the left edge: the era's
    # start in 2022 is the earliest start of the data
    assert summary == "3 events, 1 January 2022 – 1 May 2025"
    drawn = {int(r) for t in tl.plot(events).data if t.customdata is not None for r in t.customdata}
    assert summary.startswith(f"{len(drawn)} events")
    rows, left_out = key_event_rows(events)
    assert [row.cells[1] for row in rows] == ["Old treaty", "Summit", "Deployment"]
    assert left_out == 0
