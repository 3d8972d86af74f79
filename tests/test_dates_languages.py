"""Dates in Russian, Ukrainian and Korean, and the English reporting phrases of issue 15.

The conformance corpora in ``tests/data/dates/`` (one CSV per language: text, report
date, expected start, exclusive end, precision, kind, flags, and where the convention
comes from) must parse exactly; the month tables are checked against CLDR (Babel).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import DateConventions, normalize_dates, parse_date
from timeline.dates.languages import LANGUAGES, candidates, detect
from timeline.dates.languages import en as en_table
from timeline.dates.languages.table import ENGLISH_MONTHS
from timeline.errors import DateParseError

CORPORA = Path(__file__).parent / "data" / "dates"
LANGUAGE_CODES = ("ru", "uk", "ko", "en")


def corpus(code: str) -> pd.DataFrame:
    return pd.read_csv(CORPORA / f"{code}.csv", dtype=str, keep_default_na=False)


def corpus_rows() -> list[object]:
    rows = []
    for code in LANGUAGE_CODES:
        for row in corpus(code).itertuples(index=False):
            rows.append(pytest.param(code, row, id=f"{code}:{row.text}@{row.reference_date}"))
    return rows


def observed(fd: object) -> tuple[str, str, str | None, str, str]:
    start = "" if fd.start is pd.NaT else str(fd.start.date())  # type: ignore[attr-defined]
    end = "" if fd.end is pd.NaT else str(fd.end.date())  # type: ignore[attr-defined]
    precision = fd.start_precision or fd.end_precision  # type: ignore[attr-defined]
    flags = ",".join(f for f in ("approximate", "uncertain") if getattr(fd, f))
    flags = flags or ("open" if fd.open_end else "")  # type: ignore[attr-defined]
    return start, end, precision, fd.kind, flags  # type: ignore[attr-defined]


@pytest.mark.parametrize(("code", "row"), corpus_rows())
def test_corpus(code: str, row: object) -> None:
    text, reference = row.text, row.reference_date or None  # type: ignore[attr-defined]
    if row.start == "rejected":  # type: ignore[attr-defined]
        with pytest.raises(DateParseError) as info:
            parse_date(text, reference)
        assert row.end in info.value.reason  # type: ignore[attr-defined]
        assert text in str(info.value)
        return
    fd = parse_date(text, reference)
    want = (row.start, row.end, row.precision, row.kind, row.flags)  # type: ignore[attr-defined]
    assert observed(fd) == want
    assert fd.text == text
    if code != "en":  # the language is detected from the text, and may be forced
        forced = parse_date(text, reference, language=code)
        assert (forced.start, forced.end, forced.edtf) == (fd.start, fd.end, fd.edtf)


def test_corpora_are_broad_and_say_where_conventions_come_from() -> None:
    for code in LANGUAGE_CODES:
        frame = corpus(code)
        assert list(frame.columns) == [
            "text", "reference_date", "start", "end", "precision", "kind", "flags", "source",
        ]  # fmt: skip
        assert len(frame) >= (60 if code == "en" else 110), code
        assert frame["text"].duplicated().sum() <= 3, code  # a few texts at two report dates
        assert (frame["start"] == "rejected").sum() >= 2, code
        assert (frame["source"] != "").sum() >= 25, code


def test_corpus_rows_normalize_as_one_column() -> None:
    """The vectorized path gives the same bounds as parse_date for every language."""
    frames = [corpus(code) for code in LANGUAGE_CODES]
    rows = pd.concat(frames, ignore_index=True)
    reference = pd.to_datetime(rows["reference_date"].replace("", None))
    result = normalize_dates(rows["text"], reference_date=reference)
    accepted = rows["start"] != "rejected"
    assert (result.loc[accepted, "date_error"] == "").all()
    assert (result.loc[~accepted, "date_error"] != "").all()
    starts = result.loc[accepted, "start"].dt.strftime("%Y-%m-%d").fillna("")
    assert starts.tolist() == rows.loc[accepted, "start"].tolist()


# --------------------------------------------------------------------------- tables


def test_month_tables_hold_every_cldr_form() -> None:
    from babel import Locale  # the cldr extra (in dev)

    tables = {code: lang.months for code, lang in LANGUAGES.items()}
    tables["en"] = en_table.MONTHS
    for code, months in tables.items():
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names = locale.months[context][width]
                for number in range(1, 13):
                    form = names[number].lower().rstrip(".")
                    assert form in months[number - 1], (code, context, width, form)


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_every_cldr_month_form_parses_in_a_date(code: str) -> None:
    from babel import Locale

    locale = Locale.parse(code)
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                fd = parse_date(f"3 {name} 2025")
                assert fd.start == pd.Timestamp(2025, number, 3), (code, name)


def test_every_table_word_stands_for_english_the_grammar_knows() -> None:
    for code, lang in LANGUAGES.items():
        for word, english in lang.vocabulary.items():
            if not english:
                continue
            with_number = f"1 {english}" if english in ENGLISH_MONTHS else english
            try:
                parse_date(with_number, "2025-11-05")
            except DateParseError as exc:
                assert "unrecognized word" not in exc.reason, (code, word, english)


# --------------------------------------------------------------------------- detection


def test_language_is_detected_from_script_and_words() -> None:
    assert detect("26 апреля 2025 года") == "ru"
    assert detect("26 квітня 2025 року") == "uk"
    assert detect("2025년 4월 26일") == "ko"
    assert detect("26 April 2025") is None
    assert detect("2024. 6. 19.") == "ko"  # the Korean numeral shape
    # no letter only one language uses: the words decide, the other table is tried next
    assert candidates("с 6 по 8 августа") == ["ru", "uk"]
    assert candidates("з 6 по 8 серпня") == ["uk", "ru"]


def test_language_can_be_forced() -> None:
    assert parse_date("26 апреля 2025", language="ru").edtf == "2025-04-26"
    with pytest.raises(DateParseError, match="unrecognized Ukrainian word 'апреля'"):
        parse_date("26 апреля 2025", language="uk")
    with pytest.raises(DateParseError, match="unexpected character 'а'"):
        parse_date("26 апреля 2025", language="en")
    ru = DateConventions(language="ru")
    assert parse_date("1 мая 2025", conventions=ru).edtf == "2025-05-01"
    frame = normalize_dates(pd.Series(["1 мая 2025", "2025-05-02"]), language="ru")
    assert frame["edtf"].tolist() == ["2025-05-01", "2025-05-02"]
    with pytest.raises(ValueError, match="language"):
        DateConventions(language="fr")


def test_rejections_name_the_text_and_the_reason() -> None:
    with pytest.raises(DateParseError) as info:
        parse_date("31 апреля 2025")
    assert "31 апреля 2025" in str(info.value)
    assert info.value.reason == "day 31 does not exist in April 2025"
    with pytest.raises(DateParseError) as info:
        parse_date("2025년 13월")
    assert "month 13 does not exist" in info.value.reason
    with pytest.raises(DateParseError, match="unrecognized Russian word 'когда'"):
        parse_date("когда-то в 2025 году")


def test_edtf_output_is_as_for_english() -> None:
    pairs = [
        ("в конце октября 2024 года", "late October 2024"),
        ("весной 2025 года", "spring 2025"),
        ("у другому кварталі 2025 року", "Q2 2025"),
        ("2025년 상반기", "H1 2025"),
        ("с сентября 2024 года", "since September 2024"),
        ("약 2025년 4월", "about April 2025"),
        ("2024년 3월부터 6월까지", "from March to June 2024"),
    ]
    for foreign, english in pairs:
        assert parse_date(foreign).to_dict() | {"text": ""} == (
            parse_date(english).to_dict() | {"text": ""}
        ), foreign


def test_conventions_apply_to_every_language() -> None:
    south = DateConventions(hemisphere="south")
    assert parse_date("весной 2025 года", conventions=south).start == pd.Timestamp("2025-09-01")
    assert parse_date("2025년 봄", conventions=south).start == pd.Timestamp("2025-09-01")
    cuts = DateConventions(month_parts=(5, 15))
    late = parse_date("наприкінці жовтня 2025 року", conventions=cuts)
    assert late.start == pd.Timestamp("2025-10-16")


# --------------------------------------------------------------------------- two-digit years


def test_two_digit_year_ranges_and_the_edtf_option() -> None:
    assert parse_date("2024-25").edtf == "2024/2025"
    assert parse_date("1910-30").edtf == "1910/1930"
    assert parse_date("2019-20").edtf == "2019/2020"
    assert parse_date("c. 1910-30").approximate
    edtf = DateConventions(two_digit_years="edtf")
    assert parse_date("2024-25", conventions=edtf).start_precision == "season"
    assert parse_date("1910-30", conventions=edtf).start == pd.Timestamp("1910-12-01")
    assert parse_date("2019-20", conventions=edtf).edtf == "2019/2020"  # 20 is no code
    assert parse_date("2024-25?", conventions=edtf).uncertain
    assert parse_date("2024-25?").uncertain
    frame = normalize_dates(pd.Series(["2024-25", "2024-33"]), conventions=edtf)
    assert frame["start_precision"].tolist() == ["season", "quarter"]


def test_ambiguous_two_digit_year_is_rejected_with_both_readings() -> None:
    strict = DateConventions(two_digit_years="reject")
    with pytest.raises(DateParseError) as info:
        parse_date("2024-25", conventions=strict)
    reason = info.value.reason
    assert "2024-2025" in reason and "spring (north) 2024" in reason
    with pytest.raises(DateParseError, match="quarter 2 of 2024"):
        parse_date("2024-34", conventions=strict)
    assert parse_date("2019-20", conventions=strict).edtf == "2019/2020"
    assert parse_date("2024-21", conventions=strict).start_precision == "season"
    with pytest.raises(ValueError, match="two_digit_years"):
        DateConventions(two_digit_years="guess")


# --------------------------------------------------------------------------- properties

RU_GENITIVE = [f[1] for f in LANGUAGES["ru"].months]
UK_GENITIVE = [f[1] for f in LANGUAGES["uk"].months]
days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@settings(max_examples=200, deadline=None)
@given(days, st.sampled_from(["ru", "uk", "ko"]))
def test_a_formatted_day_parses_back_in_every_language(day: dt.date, code: str) -> None:
    if code == "ru":
        text = f"{day.day} {RU_GENITIVE[day.month - 1]} {day.year} года"
    elif code == "uk":
        text = f"{day.day} {UK_GENITIVE[day.month - 1]} {day.year} року"
    else:
        text = f"{day.year}년 {day.month}월 {day.day}일"
    fd = parse_date(text)
    assert (fd.start, fd.start_precision) == (pd.Timestamp(day), "day")
    assert detect(text) == code


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1900, 2100),
    st.integers(1, 12),
    st.sampled_from(["начале", "середине", "конце"]),
)
def test_russian_parts_agree_with_english(year: int, month: int, part: str) -> None:
    english = {"начале": "early", "середине": "mid", "конце": "late"}[part]
    ours = parse_date(f"в {part} {LANGUAGES['ru'].months[month - 1][2]} {year} года")
    theirs = parse_date(f"{english} {ENGLISH_MONTHS[month - 1]} {year}")
    assert (ours.start, ours.end, ours.edtf) == (theirs.start, theirs.end, theirs.edtf)


def test_load_events_reads_every_language_and_passes_the_conventions_on() -> None:
    import timeline as tl

    frame = pd.DataFrame(
        {
            "title": ["strike", "talks", "drill", "campaign"],
            "date": ["26 апреля 2025 года", "26 квітня 2025 року", "2025년 4월 26일", "2024-25"],
        }
    )
    events = tl.load_events(frame)
    assert events["start"].dt.strftime("%Y-%m-%d").tolist()[:3] == ["2025-04-26"] * 3
    assert events["edtf"].tolist()[3] == "2024/2025"
    as_edtf = tl.load_events(frame.tail(1), conventions=DateConventions(two_digit_years="edtf"))
    assert as_edtf["start_precision"].tolist() == ["season"]
