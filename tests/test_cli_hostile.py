"""``timeline`` given hostile input: one line on stderr, no traceback, the right exit code.

Exit codes: 1 the data has problems, 2 the command line, input or output path is wrong,
3 Chromium is missing or failed, 4 an internal error (still one line).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline.cli import main

GOOD = "title,date\nA,2024\n"


def error_line(capsys: pytest.CaptureFixture[str], prefix: str = "timeline: error: ") -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(prefix), lines[0]
    return lines[0]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.csv"
    path.write_text(GOOD)
    return path


@pytest.mark.parametrize("command", ["render", "convert"])
def test_output_under_a_file(
    command: str, good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plain").write_text("x")
    out = tmp_path / "plain" / "out.csv"
    args = (
        ["render", str(good), "-o", str(out)]
        if command == "render"
        else [command, str(good), str(out)]
    )
    assert main(args) == 2
    assert "is a file, not a folder" in error_line(capsys)
    assert (tmp_path / "plain").read_text() == "x"


@pytest.mark.parametrize("suffix", [".csv", ".html", ".json"])
def test_output_that_is_a_folder(
    suffix: str, good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / f"out{suffix}"
    folder.mkdir()
    assert main(["render", str(good), "-o", str(folder)]) == 2
    assert "it is a folder" in error_line(capsys)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("target", ["/proc/timeline-x/out.csv", "/proc/out.csv"])
def test_output_that_cannot_be_written(
    target: str, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(good), "-o", target]) == 2
    assert "cannot write" in error_line(capsys)


def test_a_field_over_128_kib_in_a_malformed_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.csv"
    path.write_text("title,date,notes\nA,2024," + "x" * (200 << 10) + ",extra\nB,2025,y\n")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert "expected 3 fields, found 4" in out.out
    assert "Traceback" not in out.err


def test_a_header_field_over_128_kib(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.csv"
    path.write_text("title,date," + "h" * (200 << 10) + "\nA,2024,x\n")
    assert main(["validate", str(path)]) == 0
    assert "no problems" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["validate", "render"])
def test_json_nested_100000_levels(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    args = [command, str(path)] + (["-o", str(tmp_path / "o.csv")] if command == "render" else [])
    assert main(args) == 2
    assert "nested too deeply" in error_line(capsys)


def test_parquet_timestamps_outside_years_1_to_9999(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "far.parquet"
    stamps = pa.array([-(10**13), 0, 10**13], pa.timestamp("s"))
    pq.write_table(pa.table({"title": ["a", "b", "c"], "date": stamps}), path)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert out.out.count("outside the years 1-9999") == 2
    assert main(["render", str(path), "-o", str(tmp_path / "o.csv"), "--skip-invalid"]) == 0
    assert "skipped 2 of 3" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text", ["199x", "20xx", "2024-xx", "UUUU", "202U", "9999-12-31T23:30-05:00"]
)
def test_validate_reports_hostile_dates_as_rows(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f"title,date\nA,2024\nB,{text}\n")
    code = main(["validate", str(path)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    if text in ("UUUU", "9999-12-31T23:30-05:00"):
        assert code == 1
        assert text in out.out
    else:
        assert code == 0


def test_a_kaleido_failure_is_one_line_with_exit_3(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kaleido
    from kaleido.errors import KaleidoError

    from timeline.export import images

    def fails(*args: object, **kwargs: object) -> bytes:
        raise KaleidoError(525, "Error 525: plotly.js error\n  at line 1\n  at line 2")

    monkeypatch.setattr(kaleido, "calc_fig_sync", fails)
    monkeypatch.setattr(images, "image_session", _no_session)
    assert main(["render", str(good), "-o", str(tmp_path / "t.png")]) == 3
    line = error_line(capsys)
    assert "PNG" in line and "plotly.js error" in line
    assert not (tmp_path / "t.png").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["good.csv"]


class _no_session:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_an_internal_error_is_one_line_with_exit_4(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something nobody expected\nsecond line")

    monkeypatch.setattr(timeline.cli, "_write", broken)
    assert main(["render", str(good), "-o", str(tmp_path / "o.csv")]) == 4
    line = error_line(capsys, "timeline: internal error: ")
    assert "RuntimeError: something nobody expected" in line


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bomb.xlsx", None),
        ("fake.xlsx", b"not a zip"),
        ("empty.csv", b""),
        ("bad.json", b"{not json"),
        ("fake.parquet", b"PAR1 nonsense"),
        ("nul.csv", b"\x00\x00\x00"),
    ],
)
def test_unreadable_inputs_are_one_line_with_exit_2(
    name: str, data: bytes | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", b" " * (64 << 20))
    else:
        path.write_bytes(data)
    code = main(["validate", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code in (1, 2)
    if code == 2:
        assert len(err.strip().splitlines()) == 1


def test_unterminated_quote_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "q.csv"
    path.write_text('title,date,description\nA,2024,x\nB,2025,"oops\nC,2026,z\nD,2027,w\n')
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "never closes" in out
    assert json.dumps("B,2025,")[1:-1] in out
