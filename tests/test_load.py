"""Loader: formats, encodings, delimiters, aliases, spans, failures."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from conftest import DATA
from timeline.errors import EventDataError, Reason, RejectedRowsWarning
from timeline.schema import REQUIRED_COLUMNS

TS = pd.Timestamp


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


BASIC = "title,date,source\nSummit,June 2024,Article\nVisit,2025-10-27,NIS\n"


def test_loads_basic_csv_into_canonical_frame(tmp_path: Path) -> None:
    events = tl.load_events(write(tmp_path / "e.csv", BASIC))
    assert list(events.columns[: len(REQUIRED_COLUMNS)]) == list(REQUIRED_COLUMNS)
    assert events["title"].tolist() == ["Summit", "Visit"]
    assert events["date_text"].tolist() == ["June 2024", "2025-10-27"]
    assert events["start"].tolist() == [TS("2024-06-01"), TS("2025-10-27")]
    assert events["end"].tolist() == [TS("2024-07-01"), TS("2025-10-28")]
    assert events["start_precision"].tolist() == ["month", "day"]
    assert events["kind"].tolist() == ["instant", "instant"]
    assert events["source"].tolist() == ["Article", "NIS"]
    assert str(events["start"].dtype) == "datetime64[us]"
    assert events["event_id"].is_unique
    assert events["event_id"].str.fullmatch(r"[0-9a-f]{16}").all()


def test_generated_ids_are_stable(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", BASIC)
    assert tl.load_events(path)["event_id"].tolist() == tl.load_events(path)["event_id"].tolist()


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\n"), ("utf-8", "\r\n"), ("cp1252", "\r\n")],
)
def test_encodings_and_line_endings(tmp_path: Path, encoding: str, newline: str) -> None:
    text = "title,date\nCafé Zürich meeting – talks,19 June 2024\n"
    events = tl.load_events(write(tmp_path / "e.csv", text, encoding, newline))
    assert events["title"].tolist() == ["Café Zürich meeting – talks"]
    assert list(events.columns[:2]) == ["event_id", "title"]
    assert events["start"].tolist() == [TS("2024-06-19")]


def test_windows_1252_after_a_plain_ascii_start(tmp_path: Path) -> None:
    # The encoding is judged on the file's first MiB; a Windows-1252 character after it
    # must still load (transcoded), not fail or turn into replacement characters.
    filler = "".join(f"Meeting {i},2024-06-{1 + i % 28:02d}\n" for i in range(60_000))
    text = "title,date\n" + filler + "Café talks,2024-06-19\n"
    assert len(filler) > 1 << 20
    events = tl.load_events(write(tmp_path / "e.csv", text, "cp1252", "\n"))
    assert len(events) == 60_001
    assert events["title"].iloc[-1] == "Café talks"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    text = delimiter.join(["title", "date", "location"]) + "\n"
    text += delimiter.join(["Visit, with talks", "2025-10-27", "Moscow"]) + "\n"
    if delimiter == ",":
        text = 'title,date,location\n"Visit, with talks",2025-10-27,Moscow\n'
    events = tl.load_events(write(tmp_path / "e.csv", text))
    assert events["title"].tolist() == ["Visit, with talks"]
    assert events["location"].tolist() == ["Moscow"]


def test_quoted_multiline_fields(tmp_path: Path) -> None:
    text = 'title,date,notes\r\n"Two\r\nlines",2024,"a ""quoted"" word"\r\nNext,2025,x\r\n'
    (tmp_path / "e.csv").write_bytes(text.encode())
    events = tl.load_events(tmp_path / "e.csv")
    assert events["title"].tolist() == ["Two\r\nlines", "Next"]
    assert events["description"].tolist() == ['a "quoted" word', "x"]


def test_aliases_are_case_and_punctuation_insensitive(tmp_path: Path) -> None:
    text = (
        "Headline,WHEN,Summary,Where,Report date,Publisher,Link,Actor\n"
        "Visit,late October,Talks,Moscow,2025-11-01,Article,https://x.test,Choe; Lavrov\n"
    )
    events = tl.load_events(write(tmp_path / "e.csv", text))
    row = events.iloc[0]
    assert row["title"] == "Visit"
    assert row["description"] == "Talks"
    assert row["location"] == "Moscow"
    assert row["source"] == "Article"
    assert row["source_url"] == "https://x.test"
    assert row["actors"] == ["Choe", "Lavrov"]
    assert row["reported_on"] == TS("2025-11-01")
    assert (row["start"], row["end"]) == (TS("2025-10-21"), TS("2025-11-01"))


def test_explicit_mapping_wins(tmp_path: Path) -> None:
    text = "Ereignis,Datum,title\nGipfel,2024-06-19,not the title\n"
    events = tl.load_events(
        write(tmp_path / "e.csv", text), columns={"Ereignis": "title", "Datum": "date_text"}
    )
    assert events["title"].tolist() == ["Gipfel"]
    assert events["title (source)"].tolist() == ["not the title"]


def test_explicit_mapping_names_unknown_column(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="'Nope', which is not a column"):
        tl.load_events(write(tmp_path / "e.csv", BASIC), columns={"Nope": "title"})


def test_missing_required_column_lists_columns_and_hints(tmp_path: Path) -> None:
    text = "titel,date\nx,2024\n"
    with pytest.raises(EventDataError) as info:
        tl.load_events(write(tmp_path / "e.csv", text))
    message = str(info.value)
    assert "missing required column 'title'" in message
    assert "columns found: 'titel', 'date'" in message
    assert "did you mean 'titel'?" in message
    assert info.value.failures["column"].tolist() == ["title"]


def test_end_column_makes_a_span(tmp_path: Path) -> None:
    text = "title,date,end\nSilence,2024,the spring of 2025\nOne day,2024-06-19,\n"
    events = tl.load_events(write(tmp_path / "e.csv", text))
    silence, one_day = events.iloc[0], events.iloc[1]
    assert silence["kind"] == "span"
    assert (silence["start"], silence["end"]) == (TS("2024-01-01"), TS("2025-06-01"))
    assert (silence["start_precision"], silence["end_precision"]) == ("year", "season")
    assert silence["end_text"] == "the spring of 2025"
    assert one_day["kind"] == "instant"
    assert (one_day["start"], one_day["end"]) == (TS("2024-06-19"), TS("2024-06-20"))


def test_relative_dates_use_row_report_date_then_argument(tmp_path: Path) -> None:
    text = "title,date,reported_on\nA,since September,2024-11-02\nB,since September,\n"
    events = tl.load_events(write(tmp_path / "e.csv", text), reference_date="2025-03-01")
    assert events["start"].tolist() == [TS("2024-09-01"), TS("2024-09-01")]
    assert events["reported_on"].tolist() == [TS("2024-11-02"), TS("2025-03-01")]
    assert events["open_end"].tolist() == [True, True]
    assert events["end"].isna().all()


def test_relative_date_without_report_date_is_rejected(tmp_path: Path) -> None:
    failures = tl.validate_events(write(tmp_path / "e.csv", "title,date\nA,late October\n"))
    assert failures["column"].tolist() == ["date_text"]
    assert failures["reason"].iloc[0] == (
        "the expression has no year: a report date (reference_date) is needed to resolve it"
    )


def test_unknown_columns_are_kept_in_order(tmp_path: Path) -> None:
    text = "title,date,zeta,alpha,code\nA,2024,7,note,007\nB,2025,12,,010\n"
    events = tl.load_events(write(tmp_path / "e.csv", text))
    assert list(events.columns[-3:]) == ["zeta", "alpha", "code"]
    assert events["zeta"].tolist() == [7, 12]
    assert events["code"].tolist() == ["007", "010"]
    assert events["alpha"].iloc[0] == "note"
    assert pd.isna(events["alpha"].iloc[1])


def test_formula_like_text_is_kept_as_data(tmp_path: Path) -> None:
    text = 'title,date,notes\n"=HYPERLINK(""http://x"",""y"")",2024,\'=1+1\n'
    events = tl.load_events(write(tmp_path / "e.csv", text))
    assert events["title"].iloc[0] == '=HYPERLINK("http://x","y")'
    assert events["description"].iloc[0] == "=1+1"


def test_dataframe_source_reports_index_labels() -> None:
    frame = pd.DataFrame({"title": ["ok", ""], "date": ["2024", "2024"]}, index=["first", "second"])
    failures = tl.validate_events(frame)
    assert failures["row"].tolist() == ["second"]
    assert failures["column"].tolist() == ["title"]


def test_excel_json_parquet_give_the_same_events(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "title": ["Summit", "Visit"],
            "date": ["June 2024", "2025-10-27"],
            "latitude": [39.0392, 55.7558],
            "longitude": [125.7625, 37.6173],
        }
    )
    frame.to_excel(tmp_path / "e.xlsx", index=False)
    (tmp_path / "e.json").write_text(json.dumps(frame.to_dict("records")))
    (tmp_path / "w.json").write_text(json.dumps({"events": frame.to_dict("records")}))
    frame.to_parquet(tmp_path / "e.parquet")
    expected = tl.load_events(frame)
    for name in ("e.xlsx", "e.json", "w.json", "e.parquet"):
        loaded = tl.load_events(tmp_path / name)
        pd.testing.assert_frame_equal(
            loaded.drop(columns="event_id"), expected.drop(columns="event_id"), check_dtype=False
        )
        assert loaded["latitude"].tolist() == [39.0392, 55.7558]


def test_excel_dates_become_text(tmp_path: Path) -> None:
    frame = pd.DataFrame({"title": ["Summit"], "date": [pd.Timestamp("2024-06-19")]})
    frame.to_excel(tmp_path / "e.xlsx", index=False)
    events = tl.load_events(tmp_path / "e.xlsx")
    assert events["date_text"].tolist() == ["2024-06-19"]
    assert events["start_precision"].tolist() == ["day"]


BROKEN = (
    "event_id,title,date,end,latitude,longitude\n"
    "a,Summit,June 2024,,39.0,125.7\n"
    "b,,2024-06-19,,,\n"
    "c,Impossible,2025-02-30,,,\n"
    "d,Backwards,2025-03-01,2025-01-01,95,200\n"
    "a,Copy,2024,,,\n"
)


def test_every_failure_is_collected_with_row_and_column(tmp_path: Path) -> None:
    failures = tl.validate_events(write(tmp_path / "broken.csv", BROKEN))
    got = list(zip(failures["row"], failures["column"], failures["value"], strict=True))
    assert got == [
        (2, "title", ""),
        (3, "date_text", "2025-02-30"),
        (4, "end_text", "2025-01-01"),
        (4, "latitude", "95"),
        (4, "longitude", "200"),
        (5, "event_id", "a"),
    ]
    assert failures["reason"].iloc[1] == "day 30 does not exist in February 2025"
    assert failures["reason"].iloc[5] == "event_id is not unique: row 1 has it too"


def test_skip_returns_valid_rows_and_accounts_for_every_row(tmp_path: Path) -> None:
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(write(tmp_path / "broken.csv", BROKEN), on_error="skip")
    warning = record[0].message
    assert events["event_id"].tolist() == ["a"]
    assert warning.rejected == 4
    assert len(events) + warning.rejected == 5
    assert set(warning.failures["row"]) == {2, 3, 4, 5}


def test_malformed_records_are_rejected_not_lost(tmp_path: Path) -> None:
    text = "title,date\nA,2024\nB,2024,extra\nC\nD,2025\n"
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(write(tmp_path / "e.csv", text), on_error="skip")
    failures = record[0].message.failures
    assert events["title"].tolist() == ["A", "D"]
    assert failures["row"].tolist() == [2, 3]
    assert failures["reason"].tolist() == [
        "expected 2 fields, found 3",
        "expected 2 fields, found 1",
    ]
    assert len(events) + record[0].message.rejected == 4


def test_identical_rows_without_ids_are_named(tmp_path: Path) -> None:
    failures = tl.validate_events(write(tmp_path / "e.csv", "title,date\nA,2024\nA,2024\n"))
    assert failures["reason"].tolist() == ["row repeats row 1 exactly"]


def test_grades_are_checked(tmp_path: Path) -> None:
    text = "title,date,reliability,credibility\nA,2024,b,2\nB,2024,Z,9\n"
    failures = tl.validate_events(write(tmp_path / "e.csv", text))
    assert failures["column"].tolist() == ["reliability", "credibility"]
    events = tl.load_events(write(tmp_path / "ok.csv", "title,date,reliability\nA,2024,b\n"))
    assert events["reliability"].tolist() == ["B"]


def test_raise_is_the_default_and_the_message_reads_word_for_word(tmp_path: Path) -> None:
    with pytest.raises(EventDataError) as info:
        tl.load_events(write(tmp_path / "broken.csv", BROKEN))
    assert len(info.value.failures) == 6
    assert str(info.value) == (
        "broken.csv: 6 problems in 4 of 5 rows; nothing was loaded. Fix the data, or pass "
        "on_error='skip' to load the 1 valid row. Rows are counted from 1 after the header.\n"
        "row  column     value       reason\n"
        "2    title                  title is empty\n"
        "3    date_text  2025-02-30  day 30 does not exist in February 2025\n"
        "4    end_text   2025-01-01  end (2025-01-01) is before start (2025-03-01)\n"
        "4    latitude   95          latitude is not a number between -90 and 90\n"
        "4    longitude  200         longitude is not a number between -180 and 180\n"
        "5    event_id   a           event_id is not unique: row 1 has it too"
    )


def test_clean_load_does_not_warn(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tl.load_events(write(tmp_path / "e.csv", BASIC), on_error="skip")


def test_unknown_suffix_lists_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pass format= one of csv, tsv, xlsx, json, parquet"):
        tl.load_events(write(tmp_path / "e.dat", BASIC))


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        tl.load_events(tmp_path / "nope.csv")


def test_reference_date_must_name_one_day() -> None:
    frame = pd.DataFrame({"title": ["A"], "date": ["since September"]})
    with pytest.raises(ValueError, match="reference_date must name one day"):
        tl.load_events(frame, reference_date="2024")
    events = tl.load_events(frame, reference_date=pd.Timestamp("2024-11-05"))
    assert events["start"].tolist() == [TS("2024-09-01")]


def test_report_date_column_must_be_one_day(tmp_path: Path) -> None:
    text = "title,date,reported_on\nA,2024,2024-11-01/2024-11-05\nB,2024,Q4 2024\n"
    failures = tl.validate_events(write(tmp_path / "e.csv", text))
    assert failures["column"].tolist() == ["reported_on", "reported_on"]
    assert set(failures["reason"]) == {
        "report date must name one day (relative dates are resolved against it)"
    }


def test_importer_row_with_two_problems_counts_once(tmp_path: Path) -> None:
    lines = (DATA / "acled_argentina_rows121-240.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:4]
    names = header.split(",")
    broken = rows[1].split(",")
    broken[names.index("event_date")] = "2022-02-30"
    broken[names.index("time_precision")] = "9"
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([header, rows[0], ",".join(broken), rows[2]]) + "\n")
    with pytest.warns(RejectedRowsWarning) as record:
        events = tl.load_events(path, on_error="skip")
    warning = record[0].message
    assert len(events) == 2
    assert warning.total == 3
    assert warning.rejected == 1
    assert len(warning.failures) == 2


def test_excel_text_extras_match_csv_and_lose_our_formula_quote(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"title": ["A", "B"], "date": ["2024", "2025"], "memo": ["'=1+1", " plain "]}
    )
    frame.to_excel(tmp_path / "e.xlsx", index=False)
    events = tl.load_events(tmp_path / "e.xlsx")
    assert events["memo"].tolist() == ["=1+1", "plain"]
    assert str(events["memo"].dtype) == "str"


def test_excel_month_formatted_dates_keep_month_precision(tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["title", "date"])
    sheet.append(["Summit", dt.datetime(2024, 6, 1)])
    sheet["B2"].number_format = "mmm-yy"  # what Excel does with a typed "June 2024"
    sheet.append(["Visit", dt.datetime(2024, 6, 19)])
    sheet.append(["Year", dt.datetime(2024, 1, 1)])
    sheet["B4"].number_format = "yyyy"
    book.save(tmp_path / "e.xlsx")
    events = tl.load_events(tmp_path / "e.xlsx")
    assert events["date_text"].tolist() == ["2024-06", "2024-06-19", "2024"]
    assert events["start_precision"].tolist() == ["month", "day", "year"]


def test_broken_workbook_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "e.xlsx").write_text("not a workbook")
    with pytest.raises(ValueError, match="as an Excel workbook"):
        tl.load_events(tmp_path / "e.xlsx")


def test_utf8_header_survives_a_character_cut_at_the_sniff_limit(tmp_path: Path) -> None:
    header = "title,date,Straße\n"
    filler = "x" * ((1 << 20) - 1 - len(header.encode()) - len("A,2024,"))
    text = header + f"A,2024,{filler}é\n"
    data = text.encode("utf-8")
    assert data[(1 << 20) - 1 : (1 << 20) + 1] == "é".encode()  # the sample ends inside "é"
    path = tmp_path / "e.csv"
    path.write_bytes(data)
    events = tl.load_events(path)
    assert list(events.columns)[-1] == "Straße"


def test_dataframe_errors_say_rows_are_index_labels() -> None:
    frame = pd.DataFrame({"title": ["a", ""], "date": ["2024", "2025"]})
    with pytest.raises(EventDataError, match="Rows are the frame's index labels"):
        tl.load_events(frame)


def test_a_source_column_named_like_a_derived_one_is_still_cleaned(tmp_path: Path) -> None:
    text = "__title,date\n  Summit  ,2024-01-02\n'=1,2024-01-03\n,2024-01-04\n"
    with pytest.warns(tl.RejectedRowsWarning):
        events = tl.load_events(write(tmp_path / "e.csv", text), on_error="skip")
    assert events["title"].tolist() == ["Summit", "=1"]


def test_a_malformed_windows_1252_record_after_the_first_mib_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(f"Event {i},2024-01-01\n" for i in range(60_000))
    tail = "Café opening,2024-02-01,extra\nLast,2024-03-01\n".encode("cp1252")
    path = tmp_path / "e.csv"
    path.write_bytes(b"title,date\n" + rows.encode() + tail)
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with pytest.warns(tl.RejectedRowsWarning):
        events = tl.load_events(path, on_error="skip")
    assert len(events) == 60_001
    assert events["title"].iloc[-1] == "Last"
    # no "Exception ignored" report, and the process-wide hook was never swapped
    assert unraisable == []
    assert sys.unraisablehook == unraisable.append


def test_every_failure_has_a_stable_code(tmp_path: Path) -> None:
    failures = tl.validate_events(write(tmp_path / "broken.csv", BROKEN))
    assert failures["code"].tolist() == [
        "missing_title",
        "bad_date",
        "end_before_start",
        "bad_latitude",
        "bad_longitude",
        "duplicate_id",
    ]
    text = (
        "title,date,reported_on,quantity,reliability\n"
        "A,2024,2025,x,Z\n"
        "A,2024,2025,x,Z,extra\n"
        ",,,,\n"
        "B,since May,,,\n"
    )
    more = tl.validate_events(write(tmp_path / "more.csv", text))
    assert set(more["code"]) == {
        "bad_report_date",
        "bad_number",
        "bad_grade",
        "malformed_record",
        "missing_title",
        "bad_date",
    }
    missing = tl.validate_events(write(tmp_path / "missing.csv", "title\nA\n"))
    assert missing["code"].tolist() == ["missing_column"]
    codes = {reason.code for reason in Reason}
    for table in (failures, more, missing):
        assert table["code"].isin(codes).all() and list(table.columns)[-1] == "code"
