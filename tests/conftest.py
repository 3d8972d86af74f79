"""Shared fixtures: Chromium for browser tests, an isolated Jupyter/IPython home."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_INSTALL = "sudo apt-get install -y chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


def chromium_path() -> str:
    """Path of Debian's Chromium; fail under CI, otherwise skip, when it is missing."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
    )
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Chromium is required in CI but missing; install it with: {CHROMIUM_INSTALL}")
    pytest.skip(f"needs Chromium; install it with: {CHROMIUM_INSTALL}")


@pytest.fixture(scope="session")
def chromium() -> str:
    return chromium_path()


@pytest.fixture(scope="session")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A headless Playwright Chromium (Debian's binary), shared by the session."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-home")
    os.environ.setdefault("XDG_CONFIG_HOME", str(profile))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def offline_page(browser: object) -> Iterator[object]:
    """A page whose every non-file network request is aborted and recorded.

    ``page.blocked_requests`` lists the URLs that were attempted.
    """
    context = browser.new_context()  # type: ignore[attr-defined]
    blocked: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    page = context.new_page()
    page.blocked_requests = blocked  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def jupyter_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Keep Jupyter and IPython state out of $HOME; returns the environment to use."""
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        path = tmp_path / name.lower()
        path.mkdir()
        monkeypatch.setenv(name, str(path))
    return dict(os.environ)


@pytest.fixture(scope="session")
def image_session(chromium: str) -> Iterator[None]:
    """One kaleido Chromium shared by every image and deck export test."""
    from timeline.export import image_session as keep_browser

    with keep_browser():
        yield
