"""Russian: the words of dates as TASS, the Kremlin and military correspondents write them.

Month names in every case come from the declension of each stem (CLDR's forms, which
``tests/test_dates_languages.py`` checks against Babel, are among them); the other
words are ours. "с" is "from" (an open start when nothing follows: "с сентября"), "по"
is "through", "до" is "until" (its date included: "до 2025 года" runs to the end of 2025).
"""

from __future__ import annotations

from timeline.dates.languages.table import Language, forms, words_for

_SOFT = ("ь", "я", "е", "ю", "ем")  # январь, января, январе, январю, январем
_HARD = ("", "а", "е", "у", "ом")  # март, марта, марте, марту, мартом

MONTHS = (
    (*forms(["январ"], _SOFT), "янв"),
    (*forms(["феврал"], _SOFT), "фев", "февр"),
    (*forms(["март"], _HARD), "мар"),
    (*forms(["апрел"], _SOFT), "апр"),
    ("май", "мая", "мае", "маю", "маем"),
    (*forms(["июн"], _SOFT), "июн"),
    (*forms(["июл"], _SOFT), "июл"),
    (*forms(["август"], _HARD), "авг"),
    (*forms(["сентябр"], _SOFT), "сен", "сент"),
    (*forms(["октябр"], _SOFT), "окт"),
    (*forms(["ноябр"], _SOFT), "ноя", "нояб"),
    (*forms(["декабр"], _SOFT), "дек"),
)

_ADJ = ("ый", "ий", "ой", "ого", "ому", "ом", "ая", "ую", "ое", "ые", "ых", "ым")

WORDS: dict[str, str] = {
    # markers that carry no date
    **words_for(
        "",
        "в",
        "во",
        "на",
        "г",
        "гг",
        "год",
        "года",
        "году",
        "годы",
        "годах",
        "годов",
        "числа",
        "течение",
        "начиная",
        "вплоть",
        "ходе",
        "утром",
        "днем",
        "вечером",
        "ночью",
        "период",
        "годами",
        "состоянию",
    ),
    # early / mid / late
    **words_for("early", forms(["начал"], ["о", "а", "е", "у"])),
    **words_for("mid", forms(["середин"], ["а", "ы", "е", "у"])),
    **words_for("late", forms(["кон"], ["ец", "ца", "це", "цу"]), "исходе"),
    # seasons
    **words_for("spring", forms(["весн"], ["а", "ы", "е", "у", "ой"])),
    **words_for("summer", forms(["лет"], ["о", "а", "е", "ом"])),
    **words_for("autumn", forms(["осен"], ["ь", "и", "ью"])),
    **words_for("winter", forms(["зим"], ["а", "ы", "е", "у", "ой"])),
    # units
    **words_for("half", forms(["половин"], ["а", "ы", "е", "у", "ой"])),
    **words_for("half", forms(["полугоди"], ["е", "я", "и", "ю", "ем"])),
    **words_for("quarter", forms(["квартал"], ["", "а", "е", "у", "ом"])),
    **words_for("week", forms(["недел"], ["я", "и", "е", "ю", "ей", "ь"])),
    **words_for("month", forms(["месяц"], ["", "а", "е", "у", "ем", "ев"])),
    **words_for("year", "лет"),
    **words_for("day", "день"),
    **words_for("days", "дня", "дней"),
    **words_for("century", forms(["век"], ["", "а", "е"])),
    # ordinals
    **words_for("first", forms(["перв"], _ADJ)),
    **words_for("second", forms(["втор"], _ADJ)),
    **words_for("third", forms(["трет"], ("ий", "ьего", "ьей", "ьем", "ья", "ью", "ье"))),
    **words_for("fourth", forms(["четверт"], _ADJ)),
    **words_for("last", forms(["последн"], ("ий", "его", "ей", "ем", "яя", "юю", "ее"))),
    # relative
    **words_for("last", forms(["прошл", "минувш", "предыдущ"], (*_ADJ, "его", "ем", "ей"))),
    **words_for("this", "этот", "этого", "этом", "этой", "эту", "эта", "это", "этим", "этому"),
    **words_for("this", forms(["текущ"], (*_ADJ, "его", "ем", "ей"))),
    **words_for("next", forms(["следующ", "будущ", "наступающ"], (*_ADJ, "его", "ем", "ей"))),
    "вчера": "yesterday",
    "накануне": "yesterday",
    "сегодня": "today",
    "завтра": "tomorrow",
    "позавчера": "2 days ago",
    "назад": "ago",
    "тому": "",
    # numbers of days, weeks, months
    **words_for("one", "один", "одна", "одну"),
    **words_for("two", "два", "две"),
    **words_for("three", "три"),
    **words_for("four", "четыре"),
    **words_for("five", "пять"),
    **words_for("six", "шесть"),
    **words_for("seven", "семь"),
    **words_for("eight", "восемь"),
    **words_for("nine", "девять"),
    **words_for("ten", "десять"),
    # connectors
    "с": "from",
    "со": "from",
    "от": "from",
    "по": "through",
    "до": "until",
    "после": "after",
    "перед": "before",
    "ранее": "before",
    "между": "between",
    "и": "and",
    "или": "or",
    # qualifiers
    **words_for("about", "около", "примерно", "приблизительно", "ориентировочно", "порядка"),
    **words_for("possibly", "предположительно", "вероятно", "возможно", "якобы", "по-видимому"),
    # weekdays: checked against the date, or the most recent one
    **words_for("monday", "понедельник", "понедельника"),
    **words_for("tuesday", "вторник", "вторника"),
    **words_for("wednesday", "среда", "среду", "среды"),
    **words_for("thursday", "четверг", "четверга"),
    **words_for("friday", "пятница", "пятницу", "пятницы"),
    **words_for("saturday", "суббота", "субботу", "субботы"),
    **words_for("sunday", "воскресенье", "воскресенья"),
}

_RELATIVE_YEAR = (
    r"\b(прошл\w*|минувш\w*|предыдущ\w*|этот|этого|этом|текущ\w*|следующ\w*|будущ\w*"
    r"|наступающ\w*) (?:год|года|году|годом)\b"
)

ROMAN_CENTURIES = tuple(
    (rf"\b{pattern} (?=век|вв?\.)", f"{number}th ")
    for pattern, number in (
        ("[xх][xх][iі]", 21), ("[xх][xх]", 20), ("[xх][iі][xх]", 19), ("[xх]v[iі][iі][iі]", 18),
        ("[xх]v[iі][iі]", 17), ("[xх]v[iі]", 16), ("[xх]v", 15), ("[xх][iі]v", 14),
    )
)  # fmt: skip

REWRITES = (
    ("ё", "е"),
    *ROMAN_CENTURIES,  # XIX век: the 19th century
    (r"(?<!\d)(\d0)-?(?:х|е|ых|ые)\b", r"'\1"),  # 90-х: a two-digit decade, rejected
    (r"\b(?:года|лет) назад\b", " years ago "),  # два года назад
    (r"\b(около|примерно|порядка) месяца назад\b", r"\1 1 month ago "),
    (r"\b(около|примерно|порядка) недели назад\b", r"\1 1 week ago "),
    (r"\s*по московскому времени\b|\s*\bмск\b", " msk "),  # Moscow time, UTC+3
    (r"(\d{3}0)-?(?:х|е|ых|ые)\b", r"\1s"),  # 1990-х годах: the 1990s
    (r"(\d{4})-?(?:м|й|го|ом)\b", r"\1"),  # в 2024-м году
    (r"(?<!\d)(\d{1,2})-?(?:го|м|й|е|ое|ого)\b", r"\1th"),  # 26-го апреля, 1-м квартале
    (_RELATIVE_YEAR, r"\1 year"),  # "прошлого года": last year (elsewhere года marks a year)
    (r"\b(?:не позднее|не позже|к)\b", " until "),
    (r"\bне ранее\b", " from "),
    (r"\bпо состоянию на\b", " "),  # as of: the date itself
    (r"\bс начала (?:этого |текущего |нынешнего )?года\b", " from this year "),
    (r"\b(?:по|до) (?:настоящее время|сей день|наших дней)|\bдо сих пор\b", " to present "),
    (r"\bпо н\.\s?в\.", " to present "),
    (r"\bперв\w+ декад\w+", " early "),  # the first ten days of a month
    (r"\bвтор\w+ декад\w+", " mid "),
    (r"\bтреть\w+ декад\w+", " late "),
    (r"\bнеделю назад\b", " 1 week ago "),
    (r"\bмесяц назад\b", " 1 month ago "),
    (r"\bгод назад\b", " 1 year ago "),
    (r"\biv (?=квартал|полугод)", "4th "),
    (r"\biii (?=квартал|полугод)", "3rd "),
    (r"\bii (?=квартал|полугод)", "2nd "),
    (r"\bi (?=квартал|полугод)", "1st "),
    (r"\b(конц[еау]|конец|начал[оау]|середин[аеыу]) года\b", r"\1 this year"),  # к концу года
)

LANGUAGE = Language(
    code="ru",
    name="Russian",
    letters="а-яё",
    own_letters="ыэъё",
    months=MONTHS,
    words=WORDS,
    rewrites=REWRITES,
)
