"""tl.extract_events: sentences, dates, claimants, names, offsets, the frame."""

from __future__ import annotations

import pandas as pd
import pytest

import timeline as tl
from timeline.extract.claims import find_claimant
from timeline.extract.find import find_dates
from timeline.extract.names import find_quantity
from timeline.extract.segment import split_sentences
from timeline.schema import REQUIRED_COLUMNS

REPORTED = "2025-11-20"  # a Thursday


# --------------------------------------------------------------------------- sentences


def test_sentences_keep_their_offsets_and_skip_headings() -> None:
    text = "Talks in Jeddah\nU.S. officials met on Tuesday. Mr. Lee said so.\n\nThey left."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "U.S. officials met on Tuesday.",
        "Mr. Lee said so.",
        "They left.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.section for s in sentences] == [1, 1, 1]
    assert [s.paragraph for s in sentences] == [1, 1, 2]  # blank lines are no paragraph


def test_a_sentence_cut_after_an_initialism_or_a_clock_time_is_rejoined() -> None:
    text = "The ship sailed on Sunday, the U.S. Seventh Fleet said. It hit at 8 p.m. EDT on Monday."
    assert [s.text for s in split_sentences(text)] == [
        "The ship sailed on Sunday, the U.S. Seventh Fleet said.",
        "It hit at 8 p.m. EDT on Monday.",
    ]


# --------------------------------------------------------------------------- claimants


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("According to Seoul, the units include construction brigades.", "Seoul"),
        ("The troops arrived, according to the NIS.", "the NIS"),
        ("The NIS said that 10,000 soldiers had been deployed.", "The NIS"),
        ("Gerasimov confirmed their involvement.", "Gerasimov"),
        ("Troops left on Tuesday, U.S. officials said.", "U.S. officials"),
        ("U.S. officials said on Tuesday that the pause was over.", "U.S. officials"),
        ("Kim Jong Un announced plans to erect a monument.", "Kim Jong Un"),
        (
            "“We are watching closely,” an intelligence representative noted.",
            "an intelligence representative",
        ),
        (
            "“They were calm,” wrote war correspondent Alexander Kots, who noted it.",
            "war correspondent Alexander Kots",
        ),
        ("“It is catastrophic,” said Claire Nicolet, the head of the team.", "Claire Nicolet"),
        ("Putin, in turn, remarked that cooperation “is developing according to plan.”", "Putin"),
        (
            "Dmitry Peskov, the Kremlin spokesman, told reporters that Moscow would wait.",
            "Dmitry Peskov",
        ),
        ("Turnout was 44%, the commission said on Monday.", "the commission"),
        ("The pause was lifted the same day, after Ukraine agreed to a ceasefire.", None),
        ("The strike hit an oil depot near the border.", None),
        ("Cooperation “is developing according to plan.”", None),
    ],
)
def test_claimant(sentence: str, claimant: str | None) -> None:
    found = find_claimant(sentence)
    assert (found.text if found else None) == claimant


def test_a_pronoun_stands_for_the_last_claimant() -> None:
    assert (
        find_claimant("“Never,” he observed.", previous="Alexander Kots").text == "Alexander Kots"
    )
    assert find_claimant("“Never,” he observed.") is None


def test_a_verb_inside_a_quotation_is_not_an_attribution() -> None:
    assert find_claimant("“Officials said nothing,” the report read.") is None


# --------------------------------------------------------------------------- dates


def test_dates_found_in_a_sentence_and_read_against_the_report_date() -> None:
    sentence = (
        "Troops left on the 13th and returned earlier on Tuesday, 3 November 2025 (local time)."
    )
    found = find_dates(sentence, REPORTED)
    assert [m.text for m in found] == [
        "the 13th",
        "earlier on Tuesday",
        "3 November 2025 (local time)",
    ]
    assert [m.date.start for m in found] == [
        pd.Timestamp("2025-11-13"),
        pd.Timestamp("2025-11-18"),
        pd.Timestamp("2025-11-03"),
    ]
    assert all(sentence[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia may be transferring technology.",  # "may", the verb
        "It sent 2000 troops to the front.",  # a number, not a year
        "The 19th century saw many wars.",  # an ordinal, not a day
    ],
)
def test_no_false_dates(sentence: str) -> None:
    assert find_dates(sentence, REPORTED) == []


def test_future_and_perfect_tense() -> None:
    sworn = find_dates("He will be sworn in on 18 February.", "2025-01-22")[0]
    assert sworn.date.start == pd.Timestamp("2025-02-18")
    had = find_dates("It had sent 1,000 workers by Tuesday.", REPORTED)[0]
    assert (pd.isna(had.date.start), had.date.end) == (True, pd.Timestamp("2025-11-19"))
    ahead = find_dates("Talks will resume by Monday.", REPORTED)[0]
    assert (ahead.date.start, ahead.date.end) == (
        pd.Timestamp(REPORTED),
        pd.Timestamp("2025-11-25"),
    )


def test_quantity() -> None:
    assert find_quantity("The NIS said about 10,000 soldiers were sent.", []) == (
        10000.0,
        "about 10,000 soldiers",
    )
    assert find_quantity("It happened in 2024.", [(15, 19)]) == (None, None)
    assert find_quantity("Some 2.5 million people fled.", [])[0] == 2_500_000.0


# --------------------------------------------------------------------------- the frame

ARTICLE = "\n".join(
    [
        "Drones hit depot",
        "",
        "Ukrainian drones struck an oil depot in the Bryansk region overnight on Wednesday, "
        "Ukraine's General Staff said on Thursday.",
        "Russia's Defence Ministry said its air defences had destroyed about 34 drones.",
        "The two delegations met in Jeddah on Tuesday. "
        "The pause was lifted that day, officials said.",
        "Reports of fighting first surfaced in 2024, though Moscow remained silent until the "
        "spring of 2025.",
        "",
    ]
)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return tl.extract_events(
        ARTICLE, reported_on="2025-03-14", source="Test wire", source_url="https://example.org/a"
    )


def test_one_row_per_dated_claim(events: pd.DataFrame) -> None:
    assert events["date_text"].tolist() == [
        "Wednesday",
        "Thursday",
        "Thursday",
        "Tuesday",
        "Tuesday",  # "that day": the day it refers to, as written there
        "2024",
        "2024",
    ]
    assert events["start"].tolist()[:5] == [
        pd.Timestamp("2025-03-12"),
        pd.Timestamp("2025-03-13"),
        pd.Timestamp("2025-03-13"),
        pd.Timestamp("2025-03-11"),
        pd.Timestamp("2025-03-11"),
    ]
    span = events.iloc[6]
    assert (span["end_text"], span["start"], span["end"], span["kind"]) == (
        "the spring of 2025",
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2025-06-01"),
        "span",
    )


def test_date_basis_claimant_source(events: pd.DataFrame) -> None:
    assert events["date_basis"].tolist()[:3] == [
        "article wording",
        "article wording",
        "date of the preceding sentence (the sentence gives none)",
    ]
    assert events["date_basis"].iloc[4] == "'that day' in the text: the day given before"
    assert events["claimant"].tolist()[:3] == [
        "Ukraine's General Staff",
        "Ukraine's General Staff",
        "Russia's Defence Ministry",
    ]
    assert events["source"].eq("Test wire").all()
    assert events["source_url"].eq("https://example.org/a").all()
    assert events["quantity"].iloc[2] == 34
    assert events["quantity_text"].iloc[2] == "about 34 drones"
    assert events["location"].iloc[0] == "Bryansk region"
    assert "Moscow" in events["actors"].iloc[6]


def test_offsets_point_at_the_claim(events: pd.DataFrame) -> None:
    for row in events.itertuples():
        assert ARTICLE[row.sentence_start : row.sentence_end] == row.quote
        if row.date_basis == "article wording" and pd.isna(row.end_text):
            assert ARTICLE[row.char_start : row.char_end] == row.date_text
    that_day = events.iloc[4]
    assert ARTICLE[that_day.char_start : that_day.char_end] == "that day"
    inherited = events.iloc[2]
    assert ARTICLE[inherited.char_start : inherited.char_end] == "Thursday"  # where it is written
    span = events.iloc[6]
    assert ARTICLE[span.char_start : span.char_end] == (
        "2024, though Moscow remained silent until the spring of 2025"
    )


def test_the_frame_is_canonical_and_plots(events: pd.DataFrame) -> None:
    assert list(events.columns[: len(REQUIRED_COLUMNS)]) == list(REQUIRED_COLUMNS)
    assert events["event_id"].is_unique
    figure = tl.plot(events)
    assert len(figure.data) > 0


def test_report_date_for_undated_claims_only_when_nothing_else() -> None:
    text = "The agency said troops were sent. Talks took place on Tuesday."
    events = tl.extract_events(text, reported_on=REPORTED)
    assert events["date_text"].tolist() == ["2025-11-20", "Tuesday"]
    assert events["date_basis"].iloc[0].startswith("report date")
    assert pd.isna(events["char_start"].iloc[0])
    assert tl.extract_events(text, reported_on=REPORTED, undated=False)["date_text"].tolist() == [
        "Tuesday"
    ]


def test_a_text_whose_only_date_is_read_by_its_tense_is_not_empty() -> None:
    events = tl.extract_events("He will be sworn in on 18 February.", reported_on=REPORTED)
    assert events["start"].tolist() == [pd.Timestamp("2026-02-18")]


@pytest.mark.parametrize(
    "text", ["", "Nothing happened here.", "The agency said troops were sent, officials said."]
)
def test_text_without_dates_gives_an_empty_canonical_frame(text: str) -> None:
    events = tl.extract_events(text, reported_on=REPORTED)
    assert events.empty
    assert set(REQUIRED_COLUMNS) <= set(events.columns)
    assert {"quote", "claimant", "char_start", "date_basis"} <= set(events.columns)


def test_known_names() -> None:
    known = pd.DataFrame({"actors": [["Sergei Lavrov", "NATO"]], "location": ["Moscow"]})
    events = tl.extract_events(
        "Lavrov met NATO envoys on Monday in moscow and Moscow.", reported_on=REPORTED, known=known
    )
    assert "Sergei Lavrov" in events["actors"].iloc[0]
    assert events["location"].iloc[0] == "Moscow"


def test_the_draft_renders_after_a_csv_round_trip(tmp_path: object) -> None:
    text = (
        "Talks began on Tuesday. The pause was lifted that day, officials said. "
        "Trucks arrived at 6 a.m. on Monday. He will be sworn in on 18 February. "
        "It had sent 1,000 workers by Wednesday. Shelling went on Thursday morning."
    )
    events = tl.extract_events(text, reported_on=REPORTED)
    path = tmp_path / "draft.csv"  # type: ignore[operator]
    tl.export(events, path)
    again = tl.load_events(path)
    columns = ["date_text", "start", "end", "kind"]
    assert again[columns].astype(str).values.tolist() == events[columns].astype(str).values.tolist()
    assert events["start"].iloc[3] == pd.Timestamp("2026-02-18")
    assert "sentence about the future" in events["date_basis"].iloc[3]


def test_the_frame_matches_what_the_loader_builds_from_the_same_rows() -> None:
    text = (
        "Reports first surfaced in 2024, though Moscow remained silent until the spring of 2025. "
        "In late October, the minister visited Moscow, officials said. He left on the 13th."
    )
    events = tl.extract_events(text, reported_on=REPORTED)
    table = events[["title", "date_text", "end_text", "reported_on", "quote"]].astype(object)
    table["reported_on"] = REPORTED
    loaded = tl.load_events(table)
    columns = ["start", "end", "start_precision", "end_precision", "kind", "open_end", "edtf"]
    assert (
        loaded[columns].astype(str).values.tolist() == events[columns].astype(str).values.tolist()
    )


def test_hostile_text_stays_text(tmp_path: object) -> None:
    text = (
        '=HYPERLINK("http://evil") <script>alert(1)</script> troops left on Monday, officials said.'
    )
    events = tl.extract_events(text, reported_on=REPORTED)
    assert events["quote"].iloc[0] == text
    assert "<script>" in events["title"].iloc[0]
    path = tmp_path / "draft.csv"  # type: ignore[operator]
    tl.export(events, path)
    assert tl.load_events(path)["quote"].iloc[0] == text
    html = tmp_path / "draft.html"  # type: ignore[operator]
    tl.export(tl.plot(events), html)
    assert "<script>alert(1)</script>" not in html.read_text(encoding="utf-8")


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="reported_on is required"):
        tl.extract_events("On Monday.", reported_on=None)
    with pytest.raises(ValueError, match="one day"):
        tl.extract_events("On Monday.", reported_on="November 2025")
    with pytest.raises(TypeError, match="text must be a str"):
        tl.extract_events(b"On Monday.", reported_on=REPORTED)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="known must be"):
        tl.extract_events("On Monday.", reported_on=REPORTED, known=[])  # type: ignore[arg-type]


def test_russian_ukrainian_and_korean_dates() -> None:
    russian = (
        "По данным разведки, с сентября КНДР направила в Россию около 10 000 военных. "
        "В конце октября министр посетила Москву, сообщил МИД России."
    )
    events = tl.extract_events(russian, reported_on="2025-11-01", language="ru")
    assert events["date_text"].tolist() == ["с сентября", "конце октября"]
    assert events["start"].tolist() == [pd.Timestamp("2025-09-01"), pd.Timestamp("2025-10-21")]
    assert events["open_end"].tolist() == [True, False]
    assert events["claimant"].tolist() == ["разведки", "МИД России"]
    ukrainian = "З вересня війська перебувають у Курській області, повідомив Генштаб 13 березня."
    events = tl.extract_events(ukrainian, reported_on="2025-11-01", language="uk")
    assert events["date_text"].tolist() == ["З вересня", "13 березня"]
    assert events["start"].iloc[1] == pd.Timestamp("2025-03-13")
    korean = (
        "국정원에 따르면 북한은 9월부터 러시아에 병력을 파병했다. "
        "지난달 말 외무상이 방문했다고 외교부가 밝혔다."
    )
    events = tl.extract_events(korean, reported_on="2025-11-01", language="ko")
    assert events["date_text"].tolist() == ["9월부터", "지난달 말"]
    assert events["claimant"].tolist() == ["국정원", "외교부"]
    assert events["start"].iloc[1] == pd.Timestamp("2025-10-21")
    with pytest.raises(ValueError, match="language must be"):
        tl.extract_events(korean, reported_on="2025-11-01", language="fr")


# ------------------------------------------------- general rules found on held-out articles


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("A bomb hit a depot, according to the city's mayor, Ihor Terekhov.", "Ihor Terekhov"),
        ("President Lula da Silva flew over the area and promised aid.", "President Lula da Silva"),
        ("It was reported on Tuesday that looting had broken out, a claim police denied.", None),
        ("The delay lasted five months, court records show.", "court records"),
        ("Police found three bodies on Monday.", None),
        (
            "A study published last year by the WWA group found that rain was likelier.",
            "the WWA group",
        ),
        ("The duty, announced by Donald Trump on August 6, doubled tariffs.", None),
        ("Protests began hours after Irakli Kobakhidze announced a freeze.", None),
        (
            "The party won an election in 2024 that the opposition says was rigged.",
            "the opposition",
        ),
        (
            "The schools stay shut, the state education department said.",
            "the state education department",
        ),
        (
            "«До этого ещё далеко», — сказал пресс-секретарь Дмитрий Песков во вторник.",
            "пресс-секретарь Дмитрий Песков",
        ),
        ("У Міненерго зазначили, що це восьма атака.", "Міненерго"),
        ("Удари посилилися, повідомила компанія «Нафтогаз».", "компанія «Нафтогаз»"),
        ("Суд арестовал его в среду, сообщила пресс-служба суда.", "пресс-служба суда"),
        ("국가정보원은 지난달 북한이 핵실험을 할 가능성이 있다고 보고했다.", "국가정보원"),
        ("북한이 22일 미사일을 발사했다고 합동참모본부가 밝혔다.", "합동참모본부"),
    ],
)
def test_claimant_rules(sentence: str, claimant: str | None) -> None:
    found = find_claimant(sentence)
    assert (found.text if found else None) == claimant


def test_he_stands_for_the_subject_of_the_sentence_before_it_for_the_last_claimant() -> None:
    text = (
        "Fiala conceded defeat to Andrej Babis on Saturday and said he would go. "
        "Babis, 71, served as prime minister from 2017 to 2021. "
        "He has said he wants to cut taxes since early 2024. "
        "Power was cut to 40,000 homes, the energy company Ukrenergo said. "
        "It expected supply to be restored by Friday."
    )
    events = tl.extract_events(text, reported_on="2025-10-09")
    by_quote = dict(zip(events["quote"], events["claimant"], strict=False))
    assert by_quote["He has said he wants to cut taxes since early 2024."] == "Andrej Babis"
    assert by_quote["It expected supply to be restored by Friday."] == (
        "the energy company Ukrenergo"
    )


@pytest.mark.parametrize(
    ("text", "reported", "quote_part", "start", "end"),
    [
        # counted from the date before it in the text (a narrative goes on in order)
        (
            "A bridge collapsed on Saturday. Rescuers arrived two days later.",
            "2026-04-15",
            "two days later",
            "2026-04-13",
            "2026-04-14",
        ),
        # from the news of the text (its first day), not from the last day given
        (
            "Leaders met on Wednesday. Pashinyan spoke on Monday. "
            "The previous day, Costa held talks.",
            "2025-09-18",
            "The previous day",
            "2025-09-16",
            "2025-09-17",
        ),
        # around a clause: the clause is that long before the sentence's own date
        (
            "Talks began on Thursday, five days after ANO won the election.",
            "2025-10-09",
            "five days after",
            "2025-10-04",
            "2025-10-05",
        ),
        (
            "An embargo took effect in December 2022, followed by a ban two months later.",
            "2026-02-06",
            "two months later",
            "2023-02-01",
            "2023-03-01",
        ),
        (
            "Protests began on November 28, 2024. Since then, 500 people have been detained.",
            "2025-12-04",
            "Since then",
            "2024-11-28",
            None,
        ),
    ],
)
def test_dates_counted_from_another_date_of_the_text(
    text: str, reported: str, quote_part: str, start: str, end: str | None
) -> None:
    events = tl.extract_events(text, reported_on=reported)
    rows = events[events["quote"].str.contains(quote_part, regex=False)]
    row = rows.iloc[-1]
    assert row["start"] == pd.Timestamp(start)
    assert (pd.isna(row["end"]) and end is None) or row["end"] == pd.Timestamp(end)
    assert "counted from another date of the text" in row["date_basis"]
    assert text[row["char_start"] : row["char_end"]] == quote_part


@pytest.mark.parametrize(
    ("sentence", "reported", "text", "start", "end"),
    [
        (
            "The UN said earlier this month that 200 died.",
            "2025-06-12",
            "earlier this month",
            "2025-06-01",
            "2025-06-12",
        ),
        (
            "ANO won the vote held on October 3 and 4.",
            "2025-10-09",
            "October 3 and 4",
            "2025-10-03",
            "2025-10-05",
        ),
        (
            "The constitution refers to the 1990 declaration.",
            "2025-09-18",
            "1990",
            "1990-01-01",
            "1991-01-01",
        ),
        ("Those bans take effect on March 1.", "2026-02-06", "March 1", "2026-03-01", "2026-03-02"),
        (
            "The commissions will meet in mid-October.",
            "2025-09-18",
            "mid-October",
            "2025-10-11",
            "2025-10-21",
        ),
        (
            "They will meet again by the end of the year.",
            "2025-09-18",
            "by the end of the year",
            "2025-09-18",
            "2026-01-01",
        ),
        (
            "A deal is expected by the autumn.",
            "2025-08-28",
            "by the autumn",
            "2025-08-28",
            "2025-12-01",
        ),
        # "until" a date ahead ends then and keeps its open start
        (
            "Schools will stay closed until at least April 20.",
            "2026-04-15",
            "until at least April 20",
            None,
            "2026-04-21",
        ),
        # the future of another clause does not move a date
        (
            "Officials expect a deal by May, although talks began in February.",
            "2026-04-01",
            "February",
            "2026-02-01",
            "2026-03-01",
        ),
    ],
)
def test_dates_of_held_out_sentences(
    sentence: str, reported: str, text: str, start: str | None, end: str
) -> None:
    found = [m for m in find_dates(sentence, reported) if m.text == text]
    assert found, [m.text for m in find_dates(sentence, reported)]
    date = found[0].date
    assert (pd.isna(date.start) and start is None) or date.start == pd.Timestamp(start)
    assert date.end == pd.Timestamp(end)


def test_no_year_before_a_plural_count() -> None:
    assert find_dates("The 2000 troops left.", REPORTED) == []


def test_foreign_tense_and_particles() -> None:
    korean = find_dates(
        "한미 연합훈련은 3월 초에 시작될 예정이라고 국방부가 전했다.", "2026-01-22", "ko"
    )
    assert [(m.date.start, m.date.end) for m in korean] == [
        (pd.Timestamp("2026-03-01"), pd.Timestamp("2026-03-11"))
    ]
    eighth = find_dates("지난 8일에도 미사일을 시험 발사했다.", "2026-01-22", "ko")
    assert [m.date.start for m in eighth] == [pd.Timestamp("2026-01-08")]
    # a weekday stays the one just past, even in a quotation about the future
    friday = find_dates("«Борьба будет продолжена», — заявил в пятницу Песков.", "2025-11-13", "ru")
    assert [m.date.start for m in friday] == [pd.Timestamp("2025-11-07")]


@pytest.mark.parametrize(
    ("sentence", "reported", "start", "end"),
    [
        # a weekday in a clause about the future is the next one
        (
            "Temperatures are expected to reach 31C on Thursday.",
            "2026-06-03",
            "2026-06-04",
            "2026-06-05",
        ),
        (
            "Forecasters expect heat on Thursday and Friday.",
            "2026-06-03",
            "2026-06-04",
            "2026-06-06",
        ),
        # two weekdays in the past: the last such pair
        ("Markets fell on Monday and Tuesday.", "2026-06-03", "2026-06-01", "2026-06-03"),
        # the date of a statement stays, whatever future it reports
        ("He said on Monday that troops would leave.", "2026-06-03", "2026-06-01", "2026-06-02"),
        ("Staff left over the weekend.", "2026-06-03", "2026-05-30", "2026-06-01"),
        ("Growth slowed in the third quarter.", "2025-12-18", "2025-07-01", "2025-10-01"),
        (
            "The 2016 Fort McMurray fire destroyed 2,400 buildings.",
            "2026-06-03",
            "2016-01-01",
            "2017-01-01",
        ),
    ],
)
def test_weekdays_weekends_quarters(sentence: str, reported: str, start: str, end: str) -> None:
    found = find_dates(sentence, reported)
    assert [(m.date.start, m.date.end) for m in found] == [
        (pd.Timestamp(start), pd.Timestamp(end))
    ], [m.text for m in found]


@pytest.mark.parametrize(
    ("sentence", "previous", "claimant"),
    [
        ("It will also publish new economic forecasts then.", None, None),
        ("За його словами, пілоти навчалися з травня 2025 року.", "Денис Шмигаль", "Денис Шмигаль"),
        ("Україна отримала дві батареї, нагадали в Міноборони.", None, "Міноборони"),
    ],
)
def test_claimant_rules_of_batch_three(
    sentence: str, previous: str | None, claimant: str | None
) -> None:
    found = find_claimant(sentence, previous)
    assert (found.text if found else None) == claimant


def test_rules_of_batch_four() -> None:
    late = find_dates("Member states agreed on common rules late last year.", "2026-07-09")
    assert [(m.text, m.date.start) for m in late] == [
        ("late last year", pd.Timestamp("2025-09-01"))
    ]
    envoy = find_claimant("U.S. envoy John Coale met Lukashenko on Wednesday and said it was over.")
    assert envoy is not None and envoy.text == "U.S. envoy John Coale"
    by_end = find_dates("ЕС договорился отказаться от газа к концу 2027 года.", "2026-01-14", "ru")
    assert [(m.date.start, m.date.end) for m in by_end] == [
        (pd.Timestamp("2026-01-14"), pd.Timestamp("2028-01-01"))
    ]


def _bounds(text: str, reported: str, language: str | None = None) -> list[tuple]:
    draft = tl.extract_events(text, reported_on=reported, language=language)
    return [
        (r.date_text, str(r.start)[:10], str(r.end)[:10], r.claimant)
        for r in draft.fillna({"claimant": ""}).itertuples()
    ]


@pytest.mark.parametrize(
    ("sentence", "reported", "language", "start", "end"),
    [  # "до"/"까지" as "by" (a thing to be done): from the report day; a lasting state: until
        ("Он предложил провести встречу до конца августа.", "2025-07-24", "ru", "2025-07-24", None),
        ("Он будет находиться под стражей до 9 января 2026 года.", "2025-11-13", "ru", None, None),
        ("Графіки діятимуть щонайменше до кінця березня.", "2026-03-11", "uk", None, None),
        (
            "일본 정부는 올해 말까지 협정을 마무리하겠다는 입장을 밝혔다.",
            "2026-02-25",
            "ko",
            "2026-02-25",
            None,
        ),
    ],
)
def test_foreign_by_and_until(
    sentence: str, reported: str, language: str, start: str | None, end: str | None
) -> None:
    (mention,) = find_dates(sentence, reported, language)
    got = mention.date.start
    assert (None if pd.isna(got) else str(got)[:10]) == start


def test_rules_before_batch_five() -> None:
    # "by the end of next week": a deadline from the report day to that Sunday
    (week,) = find_dates("Systems will run again by the end of next week.", "2026-07-09")
    assert (week.date.start, week.date.end) == (
        pd.Timestamp("2026-07-09"),
        pd.Timestamp("2026-07-20"),
    )
    # a record by someone that puts a figure: its author claims it
    survey = find_claimant("A survey by the STEM agency published in mid-September put ANO at 30%.")
    assert survey is not None and survey.text == "the STEM agency"
    assert find_claimant("He put the box on the table in May.") is None
    # "since the first day": the earliest day the text gave
    text = (
        "The attack began on Monday, officials said on Thursday. "
        "The agency had been helping since the first day, she said."
    )
    assert ("2026-07-06", "NaT") in [(r[1], r[2]) for r in _bounds(text, "2026-07-09")]
    # a "since" of a state that lasted until another date of its sentence
    losik = "Among those freed on Thursday was Ihar Losik, who had been jailed since June 2020."
    assert ("June 2020", "2020-06-01", "2025-09-05", "") in _bounds(losik, "2025-09-04")
    # an "until" in a clause reported by someone else: no span, and that speaker's claim
    tbilisi = (
        "The protests began on November 28, 2024, hours after Prime Minister Irakli Kobakhidze"
        " announced that Georgia would not seek to open accession talks until the end of 2028."
    )
    rows = _bounds(tbilisi, "2025-12-04")
    assert ("November 28, 2024", "2024-11-28", "2024-11-29", "") in rows
    assert next(r for r in rows if r[2] == "2029-01-01")[1:] == (
        "NaT",
        "2029-01-01",
        "Prime Minister Irakli Kobakhidze",
    )
    # an "until" alone in a sentence that goes on from the one before: from its date
    held = "Prosecutors charged him in June 2022. He was held in detention until early 2023."
    assert ("June 2022", "2022-06-01", "2023-05-01", "") in _bounds(held, "2025-11-27")


@pytest.mark.parametrize(
    ("sentence", "reported", "language", "start", "end"),
    [
        # a yearless date in a clause with no past tense: the nearer of the two
        (
            "Negotiations resume on May 6, a union spokesman said.",
            "2026-04-29",
            None,
            "2026-05-06",
            "2026-05-07",
        ),
        (
            "The season usually lasts until the end of September.",
            "2026-08-13",
            None,
            "NaT",
            "2026-10-01",
        ),
        (
            "Совет Федерации рассмотрит закон 3 июня.",
            "2026-05-27",
            "ru",
            "2026-06-03",
            "2026-06-04",
        ),
        ("Дума рассмотрит законопроект осенью.", "2026-05-27", "ru", "2026-09-01", "2026-12-01"),
        # ... but not in the past tense, nor for a plan of the past
        ("Hanwa announced job cuts in October.", "2026-04-29", None, "2025-10-01", "2025-11-01"),
        (
            "The launch was first scheduled for September 29.",
            "2026-10-07",
            None,
            "2026-09-29",
            "2026-09-30",
        ),
        (
            "Её глава в апреле заявил, что запрет не нужен.",
            "2026-05-27",
            "ru",
            "2026-04-01",
            "2026-05-01",
        ),
        # a quarter without a year in a clause about the future: the next one
        (
            "Production would start in the third quarter.",
            "2026-04-29",
            None,
            "2026-07-01",
            "2026-10-01",
        ),
        # "the three months to March 31", "over the next three months", "before" ahead
        (
            "The company earned 6.2 trillion won in the three months to March 31.",
            "2026-04-29",
            None,
            "2026-01-01",
            "2026-04-01",
        ),
        (
            "It will buy back shares over the next three months.",
            "2026-04-29",
            None,
            "2026-04-29",
            "2026-07-30",
        ),
        (
            "It planned two more launches before the end of the year.",
            "2026-10-07",
            None,
            "2026-10-07",
            "2027-01-01",
        ),
        # the perfect is looked for in the date's own verb phrase
        (
            "By Wednesday, workers had recorded 3,412 cases.",
            "2026-08-13",
            None,
            "NaT",
            "2026-08-13",
        ),
        (
            "It had cut costs since 2024 and expected ten flights a year by 2028.",
            "2026-10-07",
            None,
            "2026-10-07",
            "2029-01-01",
        ),
    ],
)
def test_rules_of_batch_five(
    sentence: str, reported: str, language: str | None, start: str, end: str
) -> None:
    mention = find_dates(sentence, reported, language)[-1]
    assert (str(mention.date.start)[:10], str(mention.date.end)[:10]) == (start, end)


def test_claimant_rules_of_batch_five() -> None:
    who = find_claimant(
        "The first cases were confirmed on July 24 near Nyala, where about 120,000 people"
        " live, WHO spokesman Tarik Jasarevic told a briefing in Geneva."
    )
    assert who is not None and who.text == "WHO spokesman Tarik Jasarevic"
    poll = find_claimant("Опрос ВЦИОМ, проведённый в начале мая, показал, что запрет поддерживают.")
    assert poll is not None and poll.text == "Опрос ВЦИОМ"
    # a claimant speaking only in a later clause claims nothing of the dates before it
    rows = _bounds(
        "Washington tightened rules on chip sales in December, and the Commerce Department"
        " said last month it was reviewing licences.",
        "2026-04-29",
    )
    assert ("December", "2025-12-01", "2026-01-01", "") in rows
    assert ("last month", "2026-03-01", "2026-04-01", "the Commerce Department") in rows


def test_korean_source_after_a_very_long_word() -> None:
    from timeline.extract.claims import _korean_source

    claim = _korean_source("x" * 50_000 + " 국가정보원에 따르면 북한군이 도착했다")
    assert claim is not None
    assert claim.text.endswith("국가정보원")
    assert claim.content_start == 50_000 + len(" 국가정보원에 따르면")
    assert _korean_source("국방부에 따르면 병력이 이동했다").text == "국방부"  # type: ignore[union-attr]
    assert _korean_source("따르면 없다") is None


def test_a_very_long_word_does_not_hide_the_claims_after_it() -> None:
    text = "x" * 50_000 + " " + "Officials said troops left on Monday. " * 3 + "word " * 2_000
    events = tl.extract_events(text, reported_on=REPORTED)
    assert len(events) >= 1
    assert set(events["date_text"]) == {"Monday"}
    assert (events["claimant"].iloc[-2:] == "Officials").all()
    assert len(events) == 3
