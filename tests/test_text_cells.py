"""Cleaning text cells: the buffer-reading fast path gives what the plain passes give."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.load.speed import edges, null_where
from timeline.load.text_cells import parse_number, to_text, unquote_formulas, whole_numbers

SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
PIECES = st.sampled_from([*SPACES, "a", "é", "Ω", "'", "=", "-", "7", "0", ";", "à", "\u200b"])
CELLS = st.one_of(st.none(), st.lists(PIECES, max_size=6).map("".join))


def plain_to_text(values: pd.Series, unquote: bool = True) -> pd.Series:
    """The three passes done one after another, as the slow path does them."""
    text = values.astype("str").str.strip()
    if unquote:
        text = unquote_formulas(text)
    return text.mask(text.eq("").fillna(False).to_numpy(dtype=bool))


@settings(max_examples=300, deadline=None)
@given(st.lists(CELLS, min_size=1, max_size=40), st.booleans(), st.integers(0, 3))
def test_fast_to_text_matches_the_plain_passes(
    cells: list[str | None], unquote: bool, start: int
) -> None:
    # a slice has a non-zero offset into its buffers: the fast path must honour it
    series = pd.Series(cells * 2, dtype="str").iloc[start:].reset_index(drop=True)
    fast = to_text(series, unquote=unquote)
    pd.testing.assert_series_equal(fast, plain_to_text(series, unquote))


def test_every_unicode_space_is_found_at_either_edge() -> None:
    cells = [f"{s}x" for s in SPACES] + [f"x{s}" for s in SPACES] + ["x", "xé", "àx"]
    found = edges(pa.array(cells, pa.large_string()))
    assert found.may_need_strip[: 2 * len(SPACES)].all()
    assert not found.may_need_strip[-3:].any()


def test_null_where_keeps_the_text_and_the_old_nulls() -> None:
    array = pa.array(["x", "a", "", None, "b"], pa.large_string()).slice(1)
    result = null_where(array, np.array([False, True, False, False]))
    assert result.to_pylist() == ["a", None, None, "b"]
    assert result.chunk(0).buffers()[2].address == array.buffers()[2].address  # not copied


def test_whole_numbers_only_when_written_exactly() -> None:
    assert (
        whole_numbers(pd.Series(["7", "-12", "0", "9223372036854775807"], dtype="str")) is not None
    )
    assert whole_numbers(pd.Series(["-9223372036854775808"], dtype="str")).tolist() == [
        -9223372036854775808
    ]
    for written in ("007", "+7", " 7", "-0", "7.0", "1e3", "", "x"):
        assert whole_numbers(pd.Series(["1", written], dtype="str")) is None, written


def test_parse_number_reads_arrow_text_without_python_objects() -> None:
    numbers, bad = parse_number(pd.Series(["1.5", "-3", None], dtype="str"))
    assert numbers.tolist()[:2] == [1.5, -3.0]
    assert np.isnan(numbers.iloc[2])
    assert not bad.any()
