"""The examples in the explorer's, filters' and masking's docstrings run as shown."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "timeline.filters",
    "timeline.plot.masking",
    "timeline.explore.explorer",
    "timeline.explore.controls",
    "timeline.explore.table",
    "timeline.explore.details",
    "timeline.explore.summary",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
