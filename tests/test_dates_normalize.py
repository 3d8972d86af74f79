"""normalize_dates and combine_bounds: frame shape, vectorized paths, references, spans."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import timeline as tl
from timeline.dates import combine_bounds, normalize, normalize_dates, parse_date
from timeline.dates.frame import COLUMNS, KIND_DTYPE, PRECISION_DTYPE
from timeline.errors import DateParseError
from timeline.schema import DATETIME_DTYPE, KINDS, PRECISIONS

MIXED = [
    "2024-06-19",
    "June 2024",
    "late October",
    "since September",
    "Q1 2025",
    "c. 2024?",
    "2025-02-30",
    "sometime",
    None,
    "",
    "2024",
    "2024-06",
]


def expected_row(text: object, reference: object = None) -> dict[str, object]:
    """What parse_date says about one cell, in the frame's terms."""
    try:
        fd = parse_date(text, reference)
    except DateParseError as exc:
        return {"start": pd.NaT, "end": pd.NaT, "edtf": "", "date_error": exc.reason}
    return {"start": fd.start, "end": fd.end, "edtf": fd.edtf, "date_error": ""}


def assert_matches_parse_date(frame: pd.DataFrame, texts: list[object], ref: object) -> None:
    for position, text in enumerate(texts):
        row = frame.iloc[position]
        expected = expected_row(text, ref)
        for column, value in expected.items():
            got = row[column]
            assert (pd.isna(got) and pd.isna(value)) or got == value, (text, column, got, value)


def test_columns_dtypes_and_index() -> None:
    index = pd.Index([10, 20, 20, 5, 7, 8, 9, 1, 2, 3, 4, 6], name="row")
    frame = normalize_dates(pd.Series(MIXED, index=index), reference_date="2024-11-01")
    assert tuple(frame.columns) == COLUMNS
    assert frame.index.equals(index)
    assert frame["start"].dtype == DATETIME_DTYPE
    assert frame["end"].dtype == DATETIME_DTYPE
    for column in ("start_precision", "end_precision"):
        assert frame[column].dtype == PRECISION_DTYPE
        assert list(frame[column].cat.categories) == list(PRECISIONS)
        assert frame[column].cat.ordered
    assert frame["kind"].dtype == KIND_DTYPE
    assert list(frame["kind"].cat.categories) == list(KINDS)
    for column in ("open_end", "approximate", "uncertain"):
        assert frame[column].dtype == bool
    for column in ("edtf", "date_error"):
        assert frame[column].dtype == "str"
    assert_matches_parse_date(frame, MIXED, "2024-11-01")


def test_failed_rows_have_empty_values_and_a_reason() -> None:
    frame = normalize_dates(pd.Series(["2025-02-30", "sometime", None, "", "  ", np.nan, pd.NA]))
    assert frame["start"].isna().all() and frame["end"].isna().all()
    assert frame["start_precision"].isna().all() and frame["kind"].isna().all()
    assert not frame[["open_end", "approximate", "uncertain"]].to_numpy().any()
    assert (frame["edtf"] == "").all()
    assert frame["date_error"].tolist() == [
        "day 30 does not exist in February 2025",
        "no date in the text",
        "empty",
        "empty",
        "empty",
        "empty",
        "empty",
    ]


def test_relative_text_without_reference_fails_per_row() -> None:
    frame = normalize_dates(pd.Series(["since September", "2024-06-19"]))
    assert "report date" in frame.loc[0, "date_error"]
    assert frame.loc[1, "date_error"] == ""


@pytest.mark.parametrize("dtype", ["str", object, "string[python]", "string[pyarrow]"])
def test_every_string_storage_gives_the_same_frame(dtype: object) -> None:
    texts = [*MIXED, "0001-01-01", "9999-12-31", "2024-6-19", " 2024-06-19", "2024-06-19 "]
    expected = normalize_dates(pd.Series(texts, dtype=object), reference_date="2024-11-01")
    frame = normalize_dates(pd.Series(texts, dtype=dtype), reference_date="2024-11-01")
    pd.testing.assert_frame_equal(frame, expected)
    assert_matches_parse_date(frame, texts, "2024-11-01")


def test_the_iso_path_agrees_with_the_parser_on_random_dates() -> None:
    rng = np.random.default_rng(7)
    days = rng.integers(-719162, 2932896, 3000)  # 0001-01-01 .. 9999-12-31
    iso = (np.datetime64("1970-01-01") + days).astype(str)
    texts = [*iso[:1000], *(s[:7] for s in iso[1000:2000]), *(s[:4] for s in iso[2000:])]
    texts += ["2024-02-29", "2023-02-29", "2024-13", "2024-00-10", "0000", "2024-06-31"]
    frame = normalize_dates(pd.Series(texts))
    assert_matches_parse_date(frame, texts, None)
    assert frame["date_error"].iloc[-5:].ne("").all()


def test_each_distinct_string_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    original = normalize.parse_text

    def counting(text: object, *args: object, **kwargs: object) -> object:
        if text is not None:
            calls.append(text)
        return original(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(normalize, "parse_text", counting)
    texts = ["late October 2024", "Q1 2025", "2024-06-19", "2024", "nonsense", None] * 500
    frame = normalize_dates(pd.Series(texts))
    assert sorted(calls) == ["Q1 2025", "late October 2024", "nonsense"]  # ISO rows skip it
    assert frame["edtf"].iloc[:6].tolist() == [
        "2024-10-21/2024-10-31", "2025-33", "2024-06-19", "2024", "", "",
    ]  # fmt: skip


def test_per_row_reference_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["since September", "yesterday", "yesterday", "since September", "late October"]
    refs = ["2024-11-01", "2024-11-01", "2025-03-05", None, "November 2024"]
    index = pd.Index(list("abcde"))
    calls: list[object] = []
    original = normalize.parse_text

    def counting(text: object, ref_day: object, *args: object, **kwargs: object) -> object:
        calls.append((text, ref_day))
        return original(text, ref_day, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(normalize, "parse_text", counting)
    frame = normalize_dates(
        pd.Series(texts, index=index), reference_date=pd.Series(refs, index=index)
    )
    assert frame["start"].tolist()[:3] == [
        pd.Timestamp("2024-09-01"),
        pd.Timestamp("2024-10-31"),
        pd.Timestamp("2025-03-04"),
    ]
    assert "report date" in frame.loc["d", "date_error"]
    assert "reference date 'November 2024' is not usable" in frame.loc["e", "date_error"]
    with_ref = [c for c in calls if c[1] is not None]
    assert len(with_ref) == len(set(with_ref)) == 3  # once per distinct (text, report day)


def test_reference_series_of_timestamps_is_aligned_on_the_index() -> None:
    series = pd.Series(["yesterday", "yesterday"], index=[1, 2])
    refs = pd.Series(pd.to_datetime(["2025-01-10", "2024-06-02"]), index=[2, 1])
    frame = normalize_dates(series, reference_date=refs)
    assert frame["start"].tolist() == [pd.Timestamp("2024-06-01"), pd.Timestamp("2025-01-09")]
    missing = pd.Series([pd.NaT, pd.Timestamp("2024-06-02")], index=[1, 2])
    frame = normalize_dates(series, reference_date=missing)
    assert "report date" in frame.loc[1, "date_error"]


def test_datetime_and_number_columns() -> None:
    stamps = pd.Series(
        pd.to_datetime(["2024-06-19", "2024-06-19 10:30:15", None], format="ISO8601")
    )
    frame = normalize_dates(stamps)
    assert frame["start_precision"].tolist()[:2] == ["day", "time"]
    assert frame["end"].iloc[1] == pd.Timestamp("2024-06-19 10:30:16")
    assert frame["date_error"].iloc[2] == "empty"
    aware = pd.Series(pd.to_datetime(["2024-06-19 10:30:00+02:00"]))
    assert normalize_dates(aware)["start"].iloc[0] == pd.Timestamp("2024-06-19 08:30")
    years = normalize_dates(pd.Series([2024, 1990]))
    assert years["edtf"].tolist() == ["2024", "1990"]
    floats = normalize_dates(pd.Series([2024.0, np.nan]))
    assert floats["date_error"].tolist() == ["", "empty"]


def test_other_inputs() -> None:
    empty = normalize_dates(pd.Series([], dtype="str"))
    assert tuple(empty.columns) == COLUMNS and len(empty) == 0
    assert empty["start"].dtype == DATETIME_DTYPE
    assert normalize_dates(["2024", "June 2024"])["edtf"].tolist() == ["2024", "2024-06"]
    mixed = normalize_dates(pd.Series(["2024", 2025, pd.Timestamp("2024-01-02")], dtype=object))
    assert mixed["edtf"].tolist() == ["2024", "2025", "2024-01-02"]
    with pytest.raises(TypeError, match="series must be a pandas Series"):
        normalize_dates(42)  # type: ignore[arg-type]
    assert tl.normalize_dates is normalize_dates


# --------------------------------------------------------------------------- combine_bounds


def spans(starts: list[object], ends: list[object], ref: str | None = None) -> pd.DataFrame:
    first = normalize_dates(pd.Series(starts), reference_date=ref)
    second = normalize_dates(pd.Series(ends), reference_date=ref)
    return combine_bounds(first, second)


def test_combine_bounds_makes_spans() -> None:
    frame = spans(
        ["2024-10-28", "late October 2024", "c. 2024"], ["2024-11-02", "2025-Q1", "2026?"]
    )
    assert tuple(frame.columns) == COLUMNS
    assert frame["start"].tolist() == [
        pd.Timestamp("2024-10-28"), pd.Timestamp("2024-10-21"), pd.Timestamp("2024-01-01"),
    ]  # fmt: skip
    assert frame["end"].tolist() == [
        pd.Timestamp("2024-11-03"), pd.Timestamp("2025-04-01"), pd.Timestamp("2027-01-01"),
    ]  # fmt: skip
    assert frame["start_precision"].tolist() == ["day", "month", "year"]
    assert frame["end_precision"].tolist() == ["day", "quarter", "year"]
    assert (frame["kind"] == "span").all()
    assert frame["edtf"].tolist() == ["2024-10-28/2024-11-02", "2024-10-21/2025-33", "2024~/2026?"]
    assert frame[["approximate", "uncertain"]].to_numpy().tolist()[2] == [True, True]
    assert (frame["date_error"] == "").all()
    for text in frame["edtf"]:  # the combined EDTF reads back to the same bounds
        fd = parse_date(text)
        row = frame[frame["edtf"] == text].iloc[0]
        assert (fd.start, fd.end) == (row["start"], row["end"])


def test_combine_bounds_missing_end_keeps_the_first_side() -> None:
    frame = spans(["June 2024", "since September"], [None, ""], ref="2024-11-01")
    assert frame["kind"].tolist() == ["instant", "span"]
    assert frame["end"].iloc[0] == pd.Timestamp("2024-07-01")
    assert frame["end"].isna().iloc[1] and frame["open_end"].iloc[1]
    assert frame["edtf"].tolist() == ["2024-06", "2024-09/.."]


def test_combine_bounds_second_side_closes_an_open_start() -> None:
    frame = spans(["since September"], ["2024-12-01"], ref="2024-11-01")
    assert frame["end"].iloc[0] == pd.Timestamp("2024-12-02")
    assert not frame["open_end"].iloc[0]
    assert frame["edtf"].iloc[0] == "2024-09/2024-12-01"
    ongoing = spans(["2024-01-05"], ["2024-09/.."])
    assert ongoing["end"].isna().iloc[0] and ongoing["open_end"].iloc[0]
    assert ongoing["edtf"].iloc[0] == "2024-01-05/.."


def test_combine_bounds_rejections() -> None:
    frame = spans(["2024-06-01", "bogus", "2024-06-01", None], ["2024-05-01", "2024", "zz", "2024"])
    assert frame["date_error"].tolist() == [
        "end (2024-05-01) is before start (2024-06-01)",
        "start: unrecognized word 'bogus': "
        "not a date expression the engine recognizes (see the README's Dates table)",
        "end: unrecognized word 'zz': "
        "not a date expression the engine recognizes (see the README's Dates table)",
        "start: empty",
    ]
    assert frame["start"].isna().all() and frame["kind"].isna().all()
    assert (frame["edtf"] == "").all()


def test_combine_bounds_checks_its_arguments() -> None:
    first = normalize_dates(pd.Series(["2024"], index=[1]))
    with pytest.raises(ValueError, match="same index"):
        combine_bounds(first, normalize_dates(pd.Series(["2025"], index=[2])))
    with pytest.raises(ValueError, match=r"missing \['date_error'\]"):
        combine_bounds(first, first.drop(columns="date_error"))
    with pytest.raises(TypeError, match="start_frame must be a DataFrame"):
        combine_bounds(first["start"], first)  # type: ignore[arg-type]


def test_without_pyarrow_the_numpy_paths_give_the_same_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from timeline.dates import text_column

    texts = [*MIXED, "0001-01-01", "2024-6-19", "2024-02-30"] * 3
    expected = normalize_dates(pd.Series(texts, dtype=object), reference_date="2024-11-01")
    monkeypatch.setattr(text_column, "arrow_available", lambda: False)
    monkeypatch.setattr(normalize, "arrow_available", lambda: False)
    for dtype in (object, "string[python]"):
        frame = normalize_dates(pd.Series(texts, dtype=dtype), reference_date="2024-11-01")
        pd.testing.assert_frame_equal(frame, expected)


@pytest.mark.parametrize(
    "reference",
    [None, "constant", "per_row"],
    ids=["no report date", "one report date", "report dates per row"],
)
def test_repeated_values_parsed_once_give_the_same_rows(
    reference: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow as pa

    import timeline.dates.normalize as module

    rng = np.random.default_rng(5)
    size = 60_000
    days = (np.datetime64("2020-01-01") + rng.integers(0, 900, size)).astype(str)
    mixed = np.where(rng.random(size) < 0.2, "late October", days).astype(object)
    mixed[rng.random(size) < 0.05] = "2024-03~"
    mixed[::997] = None
    mixed[5] = "soon"
    text = pd.Series(mixed, dtype="str", index=np.arange(size) * 2)
    reports: object = None
    if reference == "constant":
        reports = pd.Series(pd.Timestamp("2024-11-01"), index=text.index).astype("datetime64[us]")
    elif reference == "per_row":
        stamps = np.datetime64("2024-01-01") + rng.integers(0, 300, size).astype("timedelta64[D]")
        reports = pd.Series(stamps.astype("datetime64[us]"), index=text.index)
    assert module._repeats_a_lot(pa.array(text.array))
    deduplicated = normalize_dates(text, reports)
    monkeypatch.setattr(module, "_DEDUPE_MIN_ROWS", 10**9)
    per_row = normalize_dates(text, reports)
    pd.testing.assert_frame_equal(deduplicated, per_row)
    assert deduplicated.loc[10, "date_error"].startswith("unrecognized word 'soon'")
    late = (text == "late October").to_numpy()
    assert deduplicated.loc[late, "start"].notna().all() == (reference is not None)


def test_a_per_row_reference_is_aligned_on_the_index_for_large_columns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import timeline.dates.normalize as module

    size = 60_000
    dates = pd.Series(["late October"] * size, dtype="str")
    shifted = pd.Series(pd.Timestamp("2024-11-01"), index=range(10, size + 10))
    large = normalize_dates(dates, shifted)
    monkeypatch.setattr(module, "_DEDUPE_MIN_ROWS", 10**9)
    pd.testing.assert_frame_equal(large, normalize_dates(dates, shifted))
    assert large.loc[0, "date_error"] != ""  # row 0 has no report date after alignment
    assert large.loc[10, "edtf"] == "2024-10-21/2024-10-31"
