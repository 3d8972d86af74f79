"""Korean: the words of dates as Yonhap and NIS briefings write them.

Numbers carry their markers (2025년 4월 26일); early/mid/late (초, 중순, 말) and the
postpositions 부터 (from) and 까지 (until) follow what they govern. Month names are
numbers with 월 (CLDR's forms, checked against Babel in the tests).
"""

from __future__ import annotations

from timeline.dates.languages.table import Language, words_for

MONTHS = tuple((f"{n}월",) for n in range(1, 13))

WORDS: dict[str, str] = {
    # markers that carry no date
    **words_for("", "에", "에는", "의", "중", "께서", "동안", "기간", "인", "인데", "은", "는"),
    # early / mid / late (after what they divide)
    **words_for("early", "초", "초순", "상순", "초반", "연초", "월초"),
    **words_for("mid", "중순", "중반"),
    **words_for("late", "말", "하순", "후반", "연말", "월말"),
    **words_for("", "오전", "오후", "새벽", "아침", "낮", "저녁", "밤", "당시"),
    # seasons, halves, quarters
    "봄": "spring",
    "여름": "summer",
    "가을": "autumn",
    "겨울": "winter",
    **words_for("h1", "상반기", "전반기"),
    **words_for("h2", "하반기", "후반기"),
    # relative
    "어제": "yesterday",
    "하루": "1 day",
    "이틀": "2 days",
    "사흘": "3 days",
    "나흘": "4 days",
    "오늘": "today",
    "내일": "tomorrow",
    "그제": "2 days ago",
    "그저께": "2 days ago",
    **words_for("last year", "지난해", "작년", "전년"),
    **words_for("this year", "올해", "금년", "올"),
    **words_for("next year", "내년", "이듬해"),
    **words_for("last month", "지난달", "전월"),
    **words_for("this month", "이번달", "이달"),
    **words_for("next month", "다음달", "내달"),
    **words_for("last week", "지난주"),
    **words_for("this week", "이번주"),
    **words_for("next week", "다음주"),
    "지난": "last",
    "이번": "this",
    "다음": "next",
    "해": "year",
    "달": "month",
    "주": "week",
    "전": "ago",
    "현재": "present",
    "지금": "present",
    # qualifiers
    **words_for("about", "약", "경", "쯤", "께", "무렵", "전후", "대략"),
    **words_for("possibly", "추정", "추정되는"),
    # weekdays
    **words_for("monday", "월요일"),
    **words_for("tuesday", "화요일"),
    **words_for("wednesday", "수요일"),
    **words_for("thursday", "목요일"),
    **words_for("friday", "금요일"),
    **words_for("saturday", "토요일"),
    **words_for("sunday", "일요일"),
}

SUFFIXES: dict[str, tuple[str | None, str | None]] = {
    "년대": ("{n}s", None),
    "년도": ("{n}", None),
    "년": ("{n}", "{n} years"),
    "월": ("{month}", None),
    "개월": (None, "{n} months"),
    "일": ("{n}", "{n} days"),
    "주": (None, "{n} weeks"),
    "주일": (None, "{n} weeks"),
    "분기": ("q{n}", None),
    "세기": ("{n}th century", None),
}

POSTPOSITIONS = {
    "부터": "from",
    "에서": "from",
    "까지": "until",
    "이후": "after",
    "이전": "before",
}

REWRITES = (
    (r"(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?", r"\1-\2-\3"),  # 2024. 6. 19.
    (r"(\d{4})\.\s*(\d{1,2})\.?(?!\d)", r"\1-\2"),  # 2024. 6.
    (r"(\d)\s*[·/]\s*4\s*분기", r"\1분기"),  # 1·4분기: the first quarter
    (r"(\d{1,2})\s*[~〜～]\s*(\d{1,2})\s*월", r"\1월 ~ \2월"),  # 3~4월: March to April
    (r"^(\d{1,2})\s*일(?=\s*(?:\(현지\s?시간\))?$)", r"the \1th"),  # 26일: the 26th
    (r"\s*\(현지\s?시간\)", " (local time)"),
    (r"\s*[~〜～]\s*", " to "),  # 4월 26~28일
    (r"(\d{2,4})\s*년\s*(\d{1,2})\s*월", r"\1년 \2월"),
)

LANGUAGE = Language(
    code="ko",
    name="Korean",
    letters="가-힣",
    own_letters="",
    months=MONTHS,
    words=WORDS,
    rewrites=REWRITES,
    suffixes=SUFFIXES,
    count_words=frozenset({"전", "후", "동안"}),
    postpositions=POSTPOSITIONS,
    glued=True,
    shape=r"\d{4}\.\s+\d{1,2}\.(?:\s+\d{1,2}\.?)?",
)
