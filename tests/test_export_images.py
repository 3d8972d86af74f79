"""PNG, SVG and PDF through kaleido and Chromium; the print template; one browser per batch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

import timeline as tl
from factories import story_events
from timeline.export import images
from timeline.export.images import BrowserNotFoundError, find_browser, print_layout


@pytest.fixture(scope="module")
def figure():
    return tl.plot(story_events(), lane="actors", title="Story")


@pytest.mark.browser
def test_png_has_the_asked_size(image_session, figure, tmp_path: Path) -> None:
    path = tl.export(figure, tmp_path / "t.png", width=800, height=500, scale=2)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1600, 1000)


@pytest.mark.browser
def test_png_takes_the_figure_size_by_default(image_session, tmp_path: Path) -> None:
    events = story_events()
    path = tl.export(events, tmp_path / "t.png", lane="actors")
    height = tl.plot(events, lane="actors").layout.height
    with Image.open(path) as image:
        assert image.size == (1100, height)


@pytest.mark.browser
def test_svg_and_pdf(image_session, figure, tmp_path: Path) -> None:
    svg = tl.export(figure, tmp_path / "t.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert "Story" in svg and "Kursk operation" in svg
    assert tl.export(figure, tmp_path / "t.pdf").read_bytes()[:5] == b"%PDF-"


@pytest.mark.browser
def test_print_template_drops_the_range_slider(image_session, figure, tmp_path: Path) -> None:
    printed = tl.export(figure, tmp_path / "print.svg").read_text(encoding="utf-8")
    screen = tl.export(figure, tmp_path / "screen.svg", template=None).read_text(encoding="utf-8")
    assert "rangeslider" in screen and "rangeslider" not in printed
    assert "rangeselector" in screen and "rangeselector" not in printed


def test_print_layout() -> None:
    fig = tl.plot(story_events())
    data = fig.to_dict()
    printed = print_layout(data, "print")["layout"]
    assert printed["xaxis"]["rangeslider"]["visible"] is False
    assert printed["xaxis"]["rangeselector"]["visible"] is False
    assert printed["font"]["color"] == "black"
    caption = next(a for a in printed["annotations"] if a.get("name") == "caption")
    original = next(a for a in data["layout"]["annotations"] if a.get("name") == "caption")
    assert original["y"] < caption["y"] < 0  # moved up, still under the axis
    assert data["layout"]["xaxis"]["rangeslider"]["visible"] is True  # input unchanged
    assert print_layout(data, None) is data
    dark = print_layout(data, "plotly_dark")["layout"]["template"]
    assert dark["layout"]["paper_bgcolor"] == "rgb(17,17,17)"


def test_bad_image_options(figure, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scale must be a positive number; got 0"):
        tl.export(figure, tmp_path / "t.png", scale=0)


def test_missing_browser_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from choreographer.browsers.chromium import Chromium

    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(Chromium, "find_browser", classmethod(lambda cls, **kw: None))
    with pytest.raises(BrowserNotFoundError, match=r"apt-get install -y chromium") as info:
        find_browser()
    assert "BROWSER_PATH" in str(info.value)
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(BrowserNotFoundError, match="BROWSER_PATH='/nonexistent/chromium'"):
        find_browser()


def test_a_session_starts_one_browser_for_nested_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    import kaleido

    calls: list[str] = []
    monkeypatch.setattr(images, "find_browser", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(kaleido, "start_sync_server", lambda **kw: calls.append("start"))
    monkeypatch.setattr(kaleido, "stop_sync_server", lambda **kw: calls.append("stop"))
    monkeypatch.setattr(images._Session, "depth", 0)
    with images.image_session():
        with images.image_session():
            assert calls == ["start"]
        assert calls == ["start"]
    assert calls == ["start", "stop"]
    with pytest.raises(RuntimeError, match="boom"), images.image_session():
        raise RuntimeError("boom")
    assert calls == ["start", "stop", "start", "stop"]
