"""Control characters from the data reach every output whole or not at all, never breaking it.

Issue #17: ``\\x01``-``\\x08``, ``\\x0b``, ``\\x0c``, ``\\x0e``-``\\x1f``, U+FFFE and U+FFFF in a
lane name, a caption or the title made PNG, PDF and PPTX fail in plotly.js and SVG invalid.
"""

from __future__ import annotations

import io
import json
import xml.dom.minidom
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from timeline.export.escaping import clean_strings, xml_text

CONTROL = "".join(chr(c) for c in [*range(1, 9), 0x0B, 0x0C, *range(0x0E, 0x20)])
BAD = CONTROL + "\x00\ufffe\uffff"


def test_xml_text_drops_exactly_what_xml_cannot_hold() -> None:
    assert xml_text("a" + BAD + "b") == "ab"
    kept = "tab\there\nline\rcr é ☃ \U0001f600 \x7f \ufffd"
    assert xml_text(kept) == kept
    assert xml_text("x\ud800y\udfffz") == "xyz"


def test_clean_strings_walks_a_figure_dict() -> None:
    figure = {
        "data": [{"name": "lane\x01", "text": np.array(["a\x02", "b"], dtype=object), "x": [1]}],
        "layout": {"title": {"text": "T\x0b"}, "annotations": [{"text": ("c\x1f",)}]},
    }
    cleaned = clean_strings(figure)
    assert cleaned["data"][0]["name"] == "lane"
    assert cleaned["data"][0]["text"].tolist() == ["a", "b"]
    assert cleaned["layout"]["title"]["text"] == "T"
    assert cleaned["layout"]["annotations"][0]["text"] == ("c",)
    assert figure["data"][0]["name"] == "lane\x01"  # the input is not changed


@pytest.fixture(scope="module")
def hostile_events() -> pd.DataFrame:
    return tl.load_events(
        pd.DataFrame(
            {
                "title": ["first" + BAD, "second"],
                "date": ["2024-03", "2025"],
                "category": ["lane" + BAD, "plain"],
                "description": ["note" + BAD, "n"],
                "actors": ["who" + CONTROL, "x"],
            }
        )
    )


@pytest.mark.browser
@pytest.mark.parametrize("suffix", ["svg", "png", "pdf"])
def test_images_with_control_characters(
    image_session: None, hostile_events: pd.DataFrame, tmp_path: Path, suffix: str
) -> None:
    path = tl.export(
        hostile_events,
        tmp_path / f"t.{suffix}",
        lane="category",
        title="Title" + BAD,
        subtitle="Sub" + BAD,
    )
    data = path.read_bytes()
    if suffix == "svg":
        document = xml.dom.minidom.parseString(data)  # valid XML
        text = "".join(
            node.firstChild.data
            for node in document.getElementsByTagName("text")
            if node.firstChild
        )
        assert "Title" in text
        assert "lane" in text
    else:
        assert data[:4] in (b"\x89PNG", b"%PDF")


@pytest.mark.browser
def test_a_deck_with_control_characters(
    image_session: None, hostile_events: pd.DataFrame, tmp_path: Path
) -> None:
    from pptx import Presentation

    path = tl.export(
        hostile_events,
        tmp_path / "deck.pptx",
        lane="category",
        title="Deck" + BAD,
        banner="MARK" + BAD,
    )
    deck = Presentation(str(path))
    texts = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert any("Deck" in t for t in texts)
    assert not any(ch in t for t in texts for ch in BAD)


def test_an_xlsx_with_control_characters(hostile_events: pd.DataFrame, tmp_path: Path) -> None:
    path = tl.export(hostile_events, tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                xml.dom.minidom.parseString(archive.read(name))
    again = tl.load_events(path)
    assert again["title"].tolist() == ["first", "second"]


@pytest.mark.parametrize("name", ["bad\x01name", "tab\tname", "a\ufffeb", "x" * 40])
def test_an_xlsx_sheet_name_is_checked_or_cleaned(
    hostile_events: pd.DataFrame, tmp_path: Path, name: str
) -> None:
    path = tl.export(hostile_events, tmp_path / "t.xlsx", sheet_name=name)
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    title = book.sheetnames[0]
    book.close()
    assert title and len(title) <= 31
    assert not any(ch in title for ch in BAD + "\t")


@pytest.mark.parametrize("name", ["a/b", "a:b", "[x]", "", "   ", 7])
def test_a_sheet_name_excel_refuses_is_a_value_error(
    hostile_events: pd.DataFrame, tmp_path: Path, name: object
) -> None:
    with pytest.raises((ValueError, TypeError), match="sheet_name"):
        tl.export(hostile_events, tmp_path / "t.xlsx", sheet_name=name)
    assert list(tmp_path.iterdir()) == []


def test_text_outputs_keep_control_characters_readably(
    hostile_events: pd.DataFrame, tmp_path: Path
) -> None:
    csv_path = tl.export(hostile_events, tmp_path / "t.csv")
    assert tl.load_events(csv_path)["title"].iloc[1] == "second"
    page = tl.export(hostile_events, tmp_path / "t.html", title="T" + BAD).read_text()
    assert "<title>T</title>" in page  # dropped from markup
    assert "first\x01" not in page  # escaped inside the embedded JSON
    assert "first\\u0001" in page
    timeline_js = json.loads(tl.export(hostile_events, tmp_path / "t.json").read_text())
    assert timeline_js["events"]
    assert io.BytesIO(csv_path.read_bytes()).read(3) == b"\xef\xbb\xbf"
