"""``timeline extract``: an article file to a draft event file."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline as tl
from conftest import REPO
from timeline.cli import main

ARTICLE = REPO / "data" / "seed_article.txt"


def test_extract_writes_a_draft_that_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.csv"
    code = main(
        [
            "extract",
            str(ARTICLE),
            "--reported-on",
            "2025-11-01",
            "-o",
            str(draft),
            "--source",
            "Seed article",
            "--source-url",
            "https://example.org/seed",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    events = tl.load_events(draft)
    assert f"{len(events)} claim(s)" in out
    assert len(events) >= 13
    assert events["source"].eq("Seed article").all()
    assert events["quote"].iloc[0].startswith("South Korea’s National Intelligence Service")
    assert "date_basis" in events and "char_start" in events
    page = tmp_path / "draft.html"
    assert main(["render", str(draft), "-o", str(page), "-q"]) == 0
    assert page.read_bytes()[:15].lower().startswith(b"<!doctype html")


def test_extract_without_undated_claims(tmp_path: Path) -> None:
    draft = tmp_path / "draft.csv"
    args = ["extract", str(ARTICLE), "--reported-on", "2025-11-01", "-o", str(draft)]
    assert main([*args, "--no-undated"]) == 0
    assert tl.load_events(draft)["date_basis"].eq("article wording").all()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", "--reported-on", "2025-11-01", "-o", "d.csv"], "ARTICLE file not found"),
        ([str(ARTICLE), "--reported-on", "November 2025", "-o", "d.csv"], "reported_on must"),
        ([str(ARTICLE), "--reported-on", "2025-11-01", "-o", "d.unknown"], "suffix"),
    ],
)
def test_extract_errors_are_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = [str(tmp_path / a) if a.startswith("d.") else a for a in args]
    assert main(["extract", *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_extract_needs_the_report_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(ARTICLE), "-o", "d.csv"])
    assert exit_info.value.code == 2
    assert "--reported-on" in capsys.readouterr().err


def test_non_utf8_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"Troops left on Monday \xff.")
    code = main(
        ["extract", str(article), "--reported-on", "2025-11-01", "-o", str(tmp_path / "d.csv")]
    )
    assert code == 2
    assert "not UTF-8" in capsys.readouterr().err
