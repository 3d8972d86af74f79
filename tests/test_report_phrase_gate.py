"""The cheap gate before the report-date phrases never turns one of them away."""

from __future__ import annotations

import ast
import pathlib

import pytest

from timeline.dates import report_phrases
from timeline.dates.spec import Rejected

TESTS = pathlib.Path(__file__).parent


def _string_literals() -> list[str]:
    """Every short string literal in the test files: the phrases the tests use, and more."""
    texts: set[str] = set()
    for path in TESTS.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.strip()
                if 0 < len(text) <= 80 and "\n" not in text:
                    texts.add(text)
    extra = [
        "earlier on Tuesday", "later Tuesday", "late on the 13th", "Tuesday morning",
        "the day before", "that same day", "the following day", "8:30 p.m. EDT on Wednesday",
        "6 a.m. on Monday", "14:30 local time on 3 November", "3 November (local time)",
        "over the past two weeks", "in recent days", "the last three months", "by Monday",
        "by 15 November", "since the start of the year", "the end of last month",
        "about 9 am on Friday", "at 10:15, Monday",
    ]  # fmt: skip
    return sorted(texts | set(extra))


def _outcome(text: str) -> str:
    try:
        return repr(report_phrases.report_phrase(text, None))
    except Rejected as exc:
        return f"rejected: {exc.reason}"
    except (ValueError, TypeError) as exc:  # the grammar's own errors on odd literals
        return f"{type(exc).__name__}: {exc}"


def test_the_gate_passes_every_phrase_the_module_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _string_literals()
    gated = {text: _outcome(text) for text in texts}
    monkeypatch.setattr(report_phrases, "may_be_report_phrase", lambda _text: True)
    ungated = {text: _outcome(text) for text in texts}
    read = [text for text in texts if ungated[text] != "None"]
    assert len(read) > 40  # the literals do hold report phrases
    assert {t: gated[t] for t in read} == {t: ungated[t] for t in read}


def test_the_gate_turns_away_plain_dates() -> None:
    for text in ("19 june 2024", "late october 2024", "wednesday, 20 february 1901", "q1 2025"):
        assert not report_phrases.may_be_report_phrase(text)
