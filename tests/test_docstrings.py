"""Every example in the package's docstrings runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import timeline
from conftest import REPO

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(timeline.__path__, "timeline.")
    if not info.name.endswith("__main__")
)


def test_every_public_function_has_an_example() -> None:
    for name in timeline.__all__:
        # the function itself (``tl.plot`` may be the callable module once imported)
        value = getattr(importlib.import_module(timeline._API[name]), name)
        if callable(value) and not isinstance(value, type):
            assert ">>>" in (value.__doc__ or ""), f"tl.{name} has no Examples section"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # examples may read data/events.csv
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, report=False
    )
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed"
