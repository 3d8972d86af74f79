"""tl.convert / timeline convert: streamed canonical Parquet, failures beside it."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

import timeline as tl
from timeline.cli import main

HEADER = "id,title,date,actors,category\n"


def _csv(tmp_path, lines: list[str]) -> str:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return str(path)


def test_convert_equals_the_loader_in_any_batch_size(tmp_path) -> None:
    loaded = tl.load_events("data/events.csv")
    for batch_rows in (4, 1000):
        result = tl.convert(
            "data/events.csv", tmp_path / f"b{batch_rows}.parquet", batch_rows=batch_rows
        )
        assert (result.rows, result.loaded, result.rejected) == (len(loaded), len(loaded), 0)
        assert result.failures_path is None
        back = tl.scan_events(str(result.path)).to_pandas()
        assert back["start"].is_monotonic_increasing
        pd.testing.assert_frame_equal(
            back.sort_values("event_id", ignore_index=True),
            loaded.sort_values("event_id", ignore_index=True),
        )


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> str:
    rows = [
        f"e{i},Event {i},{1990 + i % 30}-0{1 + i % 9}-1{i % 10},A;B,c{i % 3}\n" for i in range(6000)
    ]
    return _csv(tmp_path_factory.mktemp("many"), rows)


def test_row_groups_are_sorted_by_start_for_pruning(many: str, tmp_path) -> None:
    # DuckDB rounds row groups to its vectors of 2,048 rows
    result = tl.convert(many, tmp_path / "out.parquet", row_group_rows=2048)
    meta = pq.ParquetFile(result.path).metadata
    assert meta.num_row_groups == 3
    column = meta.schema.names.index("start_ms")
    bounds = [
        (
            meta.row_group(i).column(column).statistics.min,
            meta.row_group(i).column(column).statistics.max,
        )
        for i in range(meta.num_row_groups)
    ]
    assert all(low <= high for low, high in bounds)
    assert all(bounds[i][1] <= bounds[i + 1][0] for i in range(len(bounds) - 1))


def test_failures_file_names_the_source_rows(tmp_path) -> None:
    lines = [
        "a1,Good,2024-06-19,Kim;Putin,x\n",  # row 1
        "a2,,2024-06-20,,x\n",  # row 2: no title
        "a3,Bad date,2025-02-30,,x\n",  # row 3
        "a4,Too,many,fields,here,really\n",  # row 4: malformed record
        "a1,Repeat of a1 in a later batch,2024,,x\n",  # row 5: repeated id
        "a6,=HYPERLINK(1),zzz,,x\n",  # row 6: bad date, formula-like title
        "a7,Fine,circa 1990,,y\n",  # row 7
    ]
    source = _csv(tmp_path, lines)
    result = tl.convert(source, tmp_path / "out.parquet", batch_rows=3)
    assert (result.rows, result.loaded, result.rejected) == (7, 2, 5)
    assert result.failures_path == tmp_path / "out.failures.csv"
    failures = pd.read_csv(result.failures_path, keep_default_na=False)
    assert sorted(set(failures["row"])) == [2, 3, 4, 5, 6]
    by_row = failures.groupby("row")["column"].first().to_dict()
    assert by_row[2] == "title" and by_row[3] == "date_text" and by_row[5] == "event_id"
    assert "has it too" in failures.loc[failures["row"] == 5, "reason"].iloc[0]
    assert "fields" in failures.loc[failures["row"] == 4, "reason"].iloc[0]
    assert not failures["value"].astype(str).str.startswith("=").any()
    back = tl.scan_events(str(result.path)).to_pandas()
    assert sorted(back["event_id"]) == ["a1", "a7"]
    assert back.set_index("event_id").loc["a1", "actors"] == ["Kim", "Putin"]
    validated = tl.validate_events(source)
    assert set(validated["row"].astype(int)) - {4} <= set(failures["row"])


def test_a_folder_of_parts_scans_like_one_file(many: str, tmp_path) -> None:
    result = tl.convert(many, tmp_path / "parts", row_group_rows=2048, part_rows=100)
    assert result.path.is_dir()
    assert len(list(result.path.glob("*.parquet"))) > 1
    table = tl.scan_events(str(result.path))
    assert len(table) == 6000
    assert table.facet_counts("category") == [("c0", 2000), ("c1", 2000), ("c2", 2000)]
    globbed = tl.scan_events(str(result.path / "*.parquet"))
    assert len(globbed.filter(tl.FilterState(since="2010"))) == 2000


def test_parquet_and_frame_sources_stream_too(tmp_path) -> None:
    frame = pd.DataFrame({"title": ["a", "b", "c"], "date": ["2024", "June 2023", "nope"]})
    raw = tmp_path / "raw.parquet"
    frame.to_parquet(raw)
    for source in (raw, frame):
        result = tl.convert(source, tmp_path / "out.parquet", batch_rows=2)
        assert (result.rows, result.loaded, result.rejected) == (3, 2, 1)
        assert tl.scan_events(str(result.path)).to_pandas()["title"].tolist() == ["b", "a"]


def test_all_rows_rejected_is_an_error_naming_the_first(tmp_path) -> None:
    with pytest.raises(ValueError, match="row 1, date_text"):
        tl.convert(_csv(tmp_path, ["x,T,zzz,,\n"]), tmp_path / "out.parquet")


def test_cli_convert_to_parquet(tmp_path, capsys) -> None:
    out = tmp_path / "ev.parquet"
    assert main(["convert", "data/events.csv", str(out), "--batch-rows", "10"]) == 0
    assert "25 event(s) of 25 row(s)" in capsys.readouterr().err
    assert len(tl.scan_events(str(out))) == 25
    bad = _csv(tmp_path, ["a,T,2024,,\n", "b,U,zzz,,\n"])
    assert main(["convert", bad, str(tmp_path / "bad.parquet")]) == 1
    assert "see" in capsys.readouterr().err
    assert main(["convert", bad, str(tmp_path / "bad.parquet"), "--skip-invalid"]) == 0
    assert (tmp_path / "bad.failures.csv").exists()
