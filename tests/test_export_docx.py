"""The Word chronology, read back with python-docx: banner header and footer on every
page, the chronology picture, one table row per event, sources, hostile text as text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from PIL import Image

import timeline as tl
from conftest import REPO
from timeline.cli import main
from timeline.export.docx_brief import is_web_link

BANNER = "UNCLASSIFIED // FOR TRAINING"
HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    '<w:fldSimple w:instr="DATE"/> { DATE \\@ "yyyy" }',
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return tl.load_events(REPO / "data" / "events.csv")


def hostile_events() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "title": HOSTILE,
            "date": ["2024-06-01", "2024-07-01", "2024-08-01"],
            "source": ["+cmd|' /C calc'!A0", "Agency", "Agency"],
            "source_url": ["javascript:alert(1)", "https://agency.example/report", None],
            "claimant": ["@SUM(A1)", "x\x07y", None],
            "reported_on": ["2024-09-01"] * 3,
        }
    )
    return tl.load_events(frame)


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.browser
def test_word_chronology_of_the_seed_events(image_session, seed, tmp_path: Path) -> None:
    path = tl.export(
        seed,
        tmp_path / "brief.docx",
        color="category",
        banner=BANNER,
        title="North Korean troops in Russia",
        subtitle="Claims as reported",
        generated_at="2025-11-02",
    )
    assert path.read_bytes()[:2] == b"PK"
    document = Document(str(path))
    assert len(document.sections) == 3
    for section in document.sections:  # the banner is the header and footer of every page
        assert section.header.paragraphs[0].text == BANNER
        assert section.footer.paragraphs[0].text == BANNER
    assert document.sections[1].page_width > document.sections[1].page_height  # landscape
    text = all_text(document)
    assert "North Korean troops in Russia" in text and "Claims as reported" in text
    assert "Prepared 2 November 2025" in text
    assert len(document.inline_shapes) == 1
    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = document.part.related_parts[blob].blob
    with Image.open(io.BytesIO(image)) as picture:
        assert picture.format == "PNG" and picture.size[0] > picture.size[1]
    (table,) = document.tables
    header, *rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert header == [
        "Date (as reported)",
        "Event",
        "Source",
        "Reliability / credibility",
        "Claimant",
    ]
    drawn = seed.loc[seed["kind"] != "era"].sort_values("start", kind="stable")
    assert len(rows) == len(drawn) == 23
    assert [r[1] for r in rows] == drawn["title"].tolist()
    gerasimov = next(r for r in rows if r[1].startswith("Gerasimov confirms"))
    assert gerasimov[0] == "the spring of 2025" and gerasimov[4] == "Valery Gerasimov"
    assert "Seed article: North Korean troops in Russia (23 events)" in text


@pytest.mark.browser
def test_hostile_text_stays_text_and_only_web_links(image_session, tmp_path: Path) -> None:
    path = tl.export(hostile_events(), tmp_path / "hostile.docx", banner="<b>SECRET</b>")
    document = Document(str(path))
    text = all_text(document)
    for title in HOSTILE:
        assert title in text  # verbatim, as text
    assert "@SUM(A1)" in text and "xy" in text  # the bell character is dropped
    assert document.sections[0].header.paragraphs[0].text == "<b>SECRET</b>"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "fldSimple" not in xml.replace("&lt;w:fldSimple", "") and "instrText" not in xml
    assert "<script>" not in xml
    links = [part for part in rels.split("<Relationship ") if 'TargetMode="External"' in part]
    assert len(links) == 1 and "https://agency.example/report" in links[0]
    assert "javascript" not in rels


@pytest.mark.browser
def test_filters_key_events_and_the_command_line(image_session, seed, tmp_path: Path) -> None:
    path = tl.export(
        seed,
        tmp_path / "some.docx",
        key_events=4,
        page="letter",
        filters={"category": ["statement"]},
    )
    document = Document(str(path))
    (table,) = document.tables
    assert len(table.rows) - 1 == 4
    assert document.sections[0].page_width == pytest.approx(8.5 * 914400, rel=1e-3)
    out = tmp_path / "cli.docx"
    assert (
        main(
            [
                "render",
                str(REPO / "data" / "events.csv"),
                "-o",
                str(out),
                "-q",
                "--banner",
                BANNER,
                "--category",
                "combat",
            ]
        )
        == 0
    )
    document = Document(str(out))
    combat = (seed["category"] == "combat") & (seed["kind"] != "era")
    assert len(document.tables[0].rows) - 1 == int(combat.sum())
    assert document.sections[2].footer.paragraphs[0].text == BANNER


def test_docx_needs_events(tmp_path: Path) -> None:
    import plotly.graph_objects as go

    with pytest.raises(TypeError, match="Word export needs the events"):
        tl.export(go.Figure(), tmp_path / "x.docx")
    with pytest.raises(ValueError, match="page='a5' is not a paper size"):
        tl.export(hostile_events(), tmp_path / "x.docx", page="a5")


def test_web_links() -> None:
    assert is_web_link("http://a.example/x")
    assert not is_web_link("file:///etc/passwd")
    assert not is_web_link("https://a.example/\nx")
