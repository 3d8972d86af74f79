"""The examples in the plotting modules' docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "timeline.text",
    "timeline.reported",
    "timeline.plot.precision",
    "timeline.plot.geometry",
    "timeline.plot.lanes",
    "timeline.plot.style",
    "timeline.plot.hover",
    "timeline.plot.eras",
    "timeline.plot.labels",
    "timeline.plot.figure",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
