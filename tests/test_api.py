"""The public API is what the README documents, and importing it is cheap."""

from __future__ import annotations

import re
import subprocess
import sys

import timeline as tl
from conftest import REPO


def documented_api() -> set[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Public API", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `tl\.(\w+)", section, flags=re.MULTILINE))


def test_all_matches_the_readme() -> None:
    assert set(tl.__all__) == documented_api()


def test_all_matches_the_lazy_table() -> None:
    assert set(tl.__all__) == set(tl._API)


def test_every_public_name_resolves() -> None:
    for name in tl.__all__:
        assert getattr(tl, name) is not None


def test_import_is_lazy() -> None:
    # how long it takes is measured in benchmarks/bench_api.py, not asserted here
    code = "import sys, timeline; print('plotly' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_extract_events_is_public_and_lazy() -> None:
    assert "extract_events" in tl.__all__
    assert tl._API["extract_events"] == "timeline.extract"
    code = "import sys, timeline; print('timeline.extract' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
