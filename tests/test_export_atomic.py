"""Exports write safely: a unique temporary file, one atomic rename, nothing else touched."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from factories import story_events
from timeline.export.atomic import atomic_write


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_symlink_planted_at_the_old_temporary_names_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    shared = tmp_path / "shared"
    shared.mkdir()
    for name in (".report.csv.partial.csv", ".report.csv.partial", ".report.partial.csv"):
        (shared / name).symlink_to(victim)
    tl.export(story_events(), shared / "report.csv")
    assert victim.read_text() == "precious"
    assert not (shared / "report.csv").is_symlink()
    assert (shared / "report.csv").read_bytes()[:3] == b"\xef\xbb\xbf"


def test_a_symlink_at_the_target_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "report.csv").symlink_to(victim)
    tl.export(story_events(), tmp_path / "report.csv")
    assert victim.read_text() == "precious"
    assert not (tmp_path / "report.csv").is_symlink()
    assert tl.load_events(tmp_path / "report.csv")["title"].tolist()


def test_the_temporary_file_is_unique_and_in_the_target_folder(tmp_path: Path) -> None:
    seen: list[Path] = []

    def write(partial: Path) -> None:
        seen.append(partial)
        assert partial.exists()  # made exclusively by mkstemp before writing
        assert stat.S_IMODE(partial.stat().st_mode) == 0o600
        partial.write_text("x")

    atomic_write(tmp_path / "a.csv", write)
    atomic_write(tmp_path / "a.csv", write)
    assert seen[0] != seen[1]
    assert all(p.parent == tmp_path for p in seen)
    assert _names(tmp_path) == ["a.csv"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444 | 0o200, 0o660])
def test_the_target_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    target.chmod(mode)
    tl.export(story_events(), target)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_bytes()[:3] == b"\xef\xbb\xbf"


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        tl.export(story_events(), tmp_path / "new.csv")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640


@pytest.mark.parametrize("suffix", [".csv", ".html", ".json", ".xlsx"])
def test_a_250_character_file_name_works(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / ("r" * (250 - len(suffix)) + suffix)
    tl.export(story_events(), target)
    assert target.stat().st_size > 0
    assert _names(tmp_path) == [target.name]


def test_a_name_too_long_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"cannot write .*File name too long"):
        tl.export(story_events(), tmp_path / ("r" * 300 + ".csv"))
    assert _names(tmp_path) == []


def test_a_failed_write_leaves_neither_a_temporary_file_nor_a_change(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")

    def fails(partial: Path) -> None:
        partial.write_text("half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        atomic_write(target, fails)
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["report.csv"]


def test_an_interrupted_write_leaves_nothing(tmp_path: Path) -> None:
    def interrupted(partial: Path) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "a.csv", interrupted)
    assert _names(tmp_path) == []


def test_a_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(IsADirectoryError, match="it is a folder"):
        tl.export(story_events(), tmp_path / "out.csv")
    assert _names(tmp_path / "out.csv") == []


@pytest.mark.parametrize("depth", [1, 2])
def test_a_file_in_place_of_a_folder_is_a_clear_error(tmp_path: Path, depth: int) -> None:
    (tmp_path / "plain").write_text("x")
    target = tmp_path / "plain" / Path(*["sub"] * (depth - 1)) / "out.csv"
    with pytest.raises(NotADirectoryError, match="is a file, not a folder"):
        tl.export(story_events(), target)
    assert (tmp_path / "plain").read_text() == "x"


def test_an_unwritable_place_is_a_clear_error() -> None:
    with pytest.raises(OSError, match="cannot write '/proc/"):
        tl.export(story_events(), "/proc/timeline-test/out.csv")


_EXPORTER = textwrap.dedent(
    """
    import sys
    import pandas as pd
    import timeline as tl
    from timeline.export.tables import write_csv

    label, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    events = tl.load_events(
        pd.DataFrame({"title": [label] * n, "date": ["2024"] * n, "id": range(n)})
    )
    for _ in range(3):
        tl.export(events, path)
    """
)


def test_concurrent_exports_each_give_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    script = tmp_path / "export.py"
    script.write_text(_EXPORTER)
    n = 20_000
    runs = [
        subprocess.Popen(
            [sys.executable, str(script), label, str(target), str(n)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for label in ("first", "second")
    ]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    table = pd.read_csv(target, encoding="utf-8-sig")
    assert len(table) == n
    assert table["title"].nunique() == 1  # one export's rows, not a mix
    assert _names(tmp_path) == ["export.py", "report.csv"]
