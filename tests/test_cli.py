"""``timeline`` on the command line: exit codes, one-line errors, outputs, progress."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest

import timeline as tl
from conftest import REPO
from timeline import cli
from timeline.demo import demo_arguments
from timeline.filters import filter_mask
from timeline.progress import BIG_ROWS, choose, step, task, wanted

SEED = REPO / "data" / "events.csv"
BROKEN = (
    "title,date,reported_on\n"
    ",2024,2025-01-01\n"
    "Visit,2025-02-30,2025-01-01\n"
    "Summit,June 2024,2025\n"
    "Good,2024-06-19,2025-01-01\n"
)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, env: dict[str, str] | None = None, terminal: bool = False) -> Result:
    """``timeline ARGS`` in this process: ``cli.main``, its exit code and its output."""
    out, err = io.StringIO(), FakeTerminal() if terminal else io.StringIO()
    with (
        mock.patch.dict(os.environ, env or {}),
        contextlib.chdir(REPO),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse: --help and usage errors
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return Result(code, out.getvalue(), err.getvalue())


def run_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m timeline ARGS`` end to end, in a process of its own."""
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=300,
    )


def one_line_error(result: Result | subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("timeline: error: ")
    return lines[0]


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.csv"
    path.write_text(BROKEN, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [[], ["render"], ["validate"], ["convert"]])
def test_help_everywhere(command: list[str]) -> None:
    result = run_process(*command, "--help") if not command else run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: timeline {' '.join(command)}".rstrip())


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert "required: COMMAND" in result.stderr


def test_validate_clean_file() -> None:
    result = run("validate", str(SEED))
    assert result.returncode == 0
    assert result.stdout.strip() == f"{SEED}: no problems"


def test_validate_broken_file_prints_the_failures_table(broken: Path) -> None:
    result = run("validate", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{broken}: 3 problem(s) in 3 row(s)"
    assert lines[1].split() == ["row", "column", "value", "reason", "code"]
    assert re.match(r"\s*1\s+title\s+title is empty", lines[2])
    assert "2025-02-30" in lines[3] and "does not exist" in lines[3]
    assert re.match(r"\s*3\s+reported_on\s+2025\s+report date must name one day", lines[4])
    assert len(lines) == 5


def test_validate_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "nodate.csv"
    path.write_text("title,when_it_happened\nA,2024\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "missing required column 'date_text'" in result.stdout


@pytest.mark.parametrize("command", ["validate", "render", "convert"])
def test_missing_file(command: str, tmp_path: Path) -> None:
    extra = {"render": ["-o", str(tmp_path / "t.html")], "convert": [str(tmp_path / "t.csv")]}
    result = run(command, "no/such/events.csv", *extra.get(command, []))
    assert result.returncode == 2
    assert "file not found: no/such/events.csv" in one_line_error(result)


def test_render_page_with_filters(tmp_path: Path) -> None:
    out = tmp_path / "page" / "timeline.html"
    result = run_process(
        "render", str(SEED), "-o", str(out), "--lane", "actors", "--color", "category",
        "--since", "2025", "--category", "statement", "combat", "--search", "kursk",
        "--title", "Kursk", "--banner", "TRAINING", "--quiet",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    assert result.stderr == ""
    state = {"since": "2025", "category": ["statement", "combat"], "search": "kursk"}
    events = tl.load_events(SEED)
    expected = int((filter_mask(events, state) & (events["kind"] != "era")).sum())
    page = out.read_text(encoding="utf-8")
    assert f"{expected} events · generated" in page
    assert 0 < expected < 23
    assert "<h1>Kursk</h1>" in page and page.count("TRAINING") == 2


def test_render_tables_and_timelinejs_in_one_go(tmp_path: Path) -> None:
    outputs = [tmp_path / "e.csv", tmp_path / "e.xlsx", tmp_path / "e.json"]
    args = [a for p in outputs for a in ("-o", str(p))]
    result = run("render", str(SEED), *args, "--era", "Kursk", "2024", "spring 2025", "-q")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"wrote {p}" for p in outputs]
    pd.testing.assert_frame_equal(tl.load_events(outputs[0]), tl.load_events(SEED))
    assert '"headline": "Kursk"' in outputs[2].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lane", "nope"], "--lane 'nope' is not a column of"),
        (["--color", "Actors"], "--color 'Actors' is not a column of"),
        (["--since", "sometime"], "since='sometime' is not a date timeline understands"),
        (["--until", "2025-02-30"], "until='2025-02-30' is not a date"),
        (["--era", "X", "2024", "whenever"], "--era 'X': cannot parse date 'whenever'"),
        (["--era", "X", "2025", "2024"], "--era 'X': '2024' does not end after '2025'"),
        (["--min-reliability", "Z"], "--min-reliability must be one of A-F, got 'Z'"),
    ],
)
def test_render_usage_errors_are_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    result = run("render", str(SEED), "-o", str(out), *args)
    assert result.returncode == 2
    assert message in one_line_error(result)
    assert not out.exists()


def test_unknown_output_suffix_lists_the_formats(tmp_path: Path) -> None:
    result = run("render", str(SEED), "-o", str(tmp_path / "brief.odt"))
    assert result.returncode == 2
    line = one_line_error(result)
    assert "suffix '.odt'" in line and ".pptx" in line and ".html" in line and ".docx" in line


def test_render_broken_file(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    result = run("render", str(broken), "-o", str(out))
    assert result.returncode == 1
    line = one_line_error(result)
    assert "3 problem(s) in 3 row(s)" in line and "timeline validate" in line
    assert not out.exists()
    result = run("render", str(broken), "-o", str(out), "--skip-invalid", "-q")
    assert result.returncode == 0
    assert "skipped 3 of 4 row(s)" in result.stderr
    assert tl.load_events(out)["title"].tolist() == ["Good"]


def test_convert_round_trip(tmp_path: Path) -> None:
    xlsx = tmp_path / "events.xlsx"
    assert run("convert", str(SEED), str(xlsx)).returncode == 0
    csv = tmp_path / "back.csv"
    result = run("convert", str(xlsx), str(csv))
    assert result.returncode == 0
    assert result.stdout.strip() == f"wrote {csv}"
    original, back = tl.load_events(SEED), tl.load_events(csv)
    pd.testing.assert_frame_equal(back, original)


def test_missing_chromium_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    env = {"BROWSER_PATH": "/nonexistent/chrome"}
    result = run_process("render", str(SEED), "-o", str(out), env=env)
    assert result.returncode == 3
    line = one_line_error(result)
    assert "BROWSER_PATH='/nonexistent/chrome'" in line and "apt-get install -y chromium" in line


@pytest.mark.browser
def test_render_images_in_a_batch_shows_progress(chromium: str, tmp_path: Path) -> None:
    outputs = [tmp_path / "t.png", tmp_path / "t.pdf", tmp_path / "briefing.pptx"]
    args = [a for p in outputs for a in ("-o", str(p))]
    result = run("render", str(SEED), *args, "--lane", "actors", "--scale", "2", terminal=True)
    assert result.returncode == 0, result.stderr
    assert "writing: 100%" in result.stderr and "3/3" in result.stderr
    assert outputs[0].read_bytes()[:4] == b"\x89PNG"
    assert outputs[1].read_bytes()[:5] == b"%PDF-"
    assert outputs[2].read_bytes()[:2] == b"PK"


def test_console_script_entry_point() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["scripts"]["timeline"]
    module, function = target.split(":")
    main = getattr(__import__(module, fromlist=[function]), function)
    assert main(["validate", str(SEED)]) == 0


def test_make_demo_runs_the_demo_module() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "$(PY) -m timeline.demo data/events.csv out" in recipe
    words = demo_arguments()
    assert {"out/timeline.html", "out/timeline.png", "out/briefing.pptx"} <= set(words)
    assert {"out/brief.docx", "--chronology"} <= set(words)  # the picture is the chronology
    without = demo_arguments(images=False)
    assert "out/timeline.html" in without
    assert "out/timeline.png" not in without
    assert "out/briefing.pptx" not in without
    assert "out/brief.docx" not in without


def test_progress_is_shown_when_asked_or_for_big_work() -> None:
    assert not wanted(None, rows=10, images=1)
    assert wanted(None, rows=BIG_ROWS) and wanted(None, images=2)
    assert wanted(True, rows=1) and not wanted(False, rows=10**9)
    with choose(False):
        assert not wanted(None, rows=10**9)


def test_a_task_counts_its_steps_on_a_terminal() -> None:
    terminal = FakeTerminal()
    with contextlib.redirect_stderr(terminal), task("writing", total=2, images=2) as bar:
        step("out/a.png")
        step("out/b.png")
    assert bar.n == 2
    assert "writing: 100%" in terminal.getvalue() and "2/2" in terminal.getvalue()
    step("no task: nothing happens")


def test_loading_many_rows_shows_progress_on_a_terminal_not_in_a_log(tmp_path: Path) -> None:
    rows = BIG_ROWS + 1
    source = tmp_path / "big.csv"
    lines = (f"e{i},Shelling,2024-06-19,2025-01-01\n" for i in range(rows))
    source.write_text("id,title,date,reported_on\n" + "".join(lines), encoding="utf-8")
    out = tmp_path / "filtered.csv"
    logged = run("render", str(source), "-o", str(out), "--search", "shelling")
    assert logged.returncode == 0, logged.stderr
    assert logged.stderr == ""  # a log stays quiet
    shown = run("render", str(source), "-o", str(out), terminal=True)
    assert shown.returncode == 0
    assert "loading big.csv: 100%" in shown.stderr and "4/4" in shown.stderr
    quiet = run("render", str(source), "-o", str(out), "-q", terminal=True)
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert len(tl.load_events(out)) == rows
