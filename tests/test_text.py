"""Escaping text from the data."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.text import escape_series, escape_text, is_missing, truncate


def test_escape_text_neutralises_markup() -> None:
    assert escape_text('<a href="x">&</a>') == "&lt;a href=&#34;x&#34;&gt;&amp;&lt;/a&gt;"
    assert escape_text("it's") == "it&#39;s"
    assert escape_text(None) == "" and escape_text(float("nan")) == ""
    assert escape_text(3) == "3"


def test_escape_series_matches_escape_text() -> None:
    values = pd.Series(["<b>", None, "a&b", 5, pd.NA], dtype=object)
    assert escape_series(values).tolist() == [escape_text(v) for v in values]


def test_is_missing_and_truncate() -> None:
    assert is_missing(None) and is_missing(np.nan) and is_missing(pd.NaT)
    assert not is_missing("") and not is_missing([1])
    assert truncate("abc", 3) == "abc" and truncate("abcd", 3) == "ab…"
