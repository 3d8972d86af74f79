"""Notebook 02 in a real JupyterLab: run it, type a search, and the figure shows fewer marks.

The test starts JupyterLab on 127.0.0.1 at a free port (token and password off, Jupyter
folders in the test's tmp dir), opens the notebook in headless Chromium, runs all cells,
counts the marks the plotly figure draws, types into the explorer's search box and waits
until fewer marks are drawn; then clicks a table row and waits for its details. The server
is stopped by its PID. Screenshots are saved in the test's tmp dir.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeline as tl
from conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = "02_explore_nk_russia.ipynb"
SEARCH_PLACEHOLDER = "words in title, description, quote"
KERNEL_CONNECTED = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const session = widget && widget.sessionContext && widget.sessionContext.session;
  return !!(session && session.kernel && session.kernel.connectionStatus === 'connected');
}"""
KERNEL_IDLE = """() => {
  const session = window.jupyterapp.shell.currentWidget.sessionContext.session;
  return session.kernel.status === 'idle';
}"""
MARK_ROLES = (
    "span_extent",
    "span",
    "span_center",
    "span_open",
    "span_open_start",
    "instant_window",
    "instant",
)
# data points of the explorer's mark traces (legend entries excluded), in the first figure
MARKS = """() => {
  const roles = ROLES;
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd.data || !gd._fullLayout) return -1;
  let count = 0;
  for (const trace of gd.data) {
    if (trace.meta && roles.includes(trace.meta.role)) count += trace.x ? trace.x.length : 0;
  }
  return count;
}""".replace("ROLES", json.dumps(list(MARK_ROLES)))
LAST_OUTPUT = re.compile(r"showing \d+ of \d+ rows")
OPTIONS = {"lane": "actors", "color": "category"}  # as in the notebook
DATE_AXIS = "() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.type"
NO_NEWS = '{"fetchNews": "false", "checkForUpdates": false}'


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_api(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    """Poll the server's /api until it answers (fail early if the server died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)  # poll interval between attempts, not a wait for a result
    pytest.fail(f"JupyterLab did not answer at {url}:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    """Terminate by PID, wait, kill if needed."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


@pytest.fixture
def lab(tmp_path: Path, jupyter_env: dict[str, str]) -> Iterator[str]:
    """A JupyterLab on a copy of notebooks/ and data/; yields its base URL."""
    root = tmp_path / "lab"
    settings = Path(jupyter_env["JUPYTER_CONFIG_DIR"]) / "lab" / "user-settings"
    notification = (
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    notification.parent.mkdir(parents=True)
    notification.write_text(NO_NEWS)  # no "get notified about news?" toast on screenshots
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    shutil.copytree(REPO / "data", root / "data")
    port = free_port()
    env = dict(jupyter_env)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO / "src"), env.get("PYTHONPATH", "")) if p
    )
    log = tmp_path / "jupyter.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter",
                "lab",
                "--no-browser",
                "--ip",
                "127.0.0.1",
                f"--port={port}",
                "--IdentityProvider.token=",
                "--ServerApp.password=",
                "--allow-root",
                "--LabApp.expose_app_in_browser=True",
                f"--ServerApp.root_dir={root}",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=root,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_api(f"{base}/api", process, log)
        yield base
    finally:
        stop(process)


def expected_view(search: str) -> tuple[int, int]:
    """(marks drawn, events shown) for the notebook's explorer with this search."""
    explorer = tl.explore(tl.load_events(REPO / "data" / "events.csv"), **OPTIONS)
    explorer.set_state(explorer.state.replace(search=search))
    marks = sum(
        len(trace.x) for trace in explorer.figure_widget.data if trace.meta["role"] in MARK_ROLES
    )
    return marks, int((explorer.filtered["kind"] != "era").sum())


def test_search_in_lab_reduces_the_marks(lab: str, browser, tmp_path: Path) -> None:
    all_marks, all_events = expected_view("")
    kursk_marks, kursk_events = expected_view("kursk")
    assert 0 < kursk_marks < all_marks
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{lab}/lab/tree/notebooks/{NOTEBOOK}", timeout=120_000)
        page.wait_for_function(KERNEL_CONNECTED, timeout=120_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.locator(".jp-OutputArea-output", has_text=LAST_OUTPUT).wait_for(timeout=180_000)
        page.wait_for_function(KERNEL_IDLE, timeout=60_000)
        page.wait_for_function(f"() => ({MARKS})() === {all_marks}", timeout=60_000)
        before = page.evaluate(MARKS)
        figure = page.locator(".js-plotly-plot").first
        figure.scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "lab-before.png")

        search = page.get_by_placeholder(SEARCH_PLACEHOLDER).first
        search.click()
        search.press_sequentially("kursk", delay=30)
        search.press("Enter")
        summary = f"Showing {kursk_events} of {all_events} events"
        page.locator(".tl-summary", has_text=summary).first.wait_for(timeout=60_000)
        page.wait_for_function(f"() => ({MARKS})() === {kursk_marks}", timeout=60_000)
        page.wait_for_function(KERNEL_IDLE, timeout=60_000)
        after = page.evaluate(MARKS)
        axis_type = page.evaluate(DATE_AXIS)
        figure.scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "lab-after-search.png")

        row = page.locator(".tl-table tr[data-row]").first
        title = row.locator("td").nth(2).inner_text()
        row.click()
        page.wait_for_function(
            "(title) => [...document.querySelectorAll('.tl-details')]"
            ".some(e => e.textContent.includes(title))",
            arg=title,
            timeout=30_000,
        )
        details = page.locator(".tl-details").first.inner_text()
        page.screenshot(path=tmp_path / "lab-details.png")
    finally:
        context.close()
    assert (before, after) == (all_marks, kursk_marks)  # what the kernel's explorer holds
    assert axis_type == "date"  # updating the data kept the date axis
    assert "kursk" in details.lower()  # the clicked event matched the search
    assert errors == []
