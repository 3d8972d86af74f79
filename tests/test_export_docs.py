"""The examples in the export and command-line docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "timeline.export.dispatch",
    "timeline.export.escaping",
    "timeline.export.html_page",
    "timeline.export.images",
    "timeline.export.page_index",
    "timeline.export.pptx_deck",
    "timeline.export.progress",
    "timeline.export.source",
    "timeline.export.tables",
    "timeline.export.timelinejs",
    "timeline.demo",
    "timeline.cli",
    "timeline.text_cells",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
