"""Ukrainian: the words of dates as the General Staff and military intelligence write them.

Month names in every case (CLDR's among them, checked against Babel in the tests); the
other words are ours. "з"/"від" is "from" (an open start alone: "з вересня"), "по" is
"through", "до" is "until" (its date included), "торік" is last year.
"""

from __future__ import annotations

from timeline.dates.languages.table import Language, words_for


def _month(*written: str) -> tuple[str, ...]:
    return written


MONTHS = (
    _month("січень", "січня", "січні", "січню", "січнем", "січ"),
    _month("лютий", "лютого", "лютому", "лютім", "лютим", "лют"),
    _month("березень", "березня", "березні", "березню", "березнем", "бер"),
    _month("квітень", "квітня", "квітні", "квітню", "квітнем", "квіт", "кві"),
    _month("травень", "травня", "травні", "травню", "травнем", "трав", "тра"),
    _month("червень", "червня", "червні", "червню", "червнем", "черв", "чер"),
    _month("липень", "липня", "липні", "липню", "липнем", "лип"),
    _month("серпень", "серпня", "серпні", "серпню", "серпнем", "серп", "сер"),
    _month("вересень", "вересня", "вересні", "вересню", "вереснем", "вер"),
    _month("жовтень", "жовтня", "жовтні", "жовтню", "жовтнем", "жовт", "жов"),
    _month("листопад", "листопада", "листопаді", "листопаду", "листопадом", "лист", "лис"),
    _month("грудень", "грудня", "грудні", "грудню", "груднем", "груд", "гру"),
)

_ADJ = ("ий", "ій", "ого", "ому", "ім", "им", "а", "я", "у", "ю", "ої", "ьої", "ої", "і")

WORDS: dict[str, str] = {
    # markers that carry no date
    **words_for(
        "",
        "в",
        "у",
        "на",
        "р",
        "рр",
        "рік",
        "року",
        "році",
        "роки",
        "роках",
        "років",
        "числа",
        "протягом",
        "починаючи",
        "аж",
        "вранці",
        "вдень",
        "увечері",
        "ввечері",
        "вночі",
        "під",
        "час",
        "роками",
        "станом",
        "о",
        "об",
    ),
    # early / mid / late
    **words_for("early", "початок", "початку", "початка"),
    **words_for("mid", "середина", "середини", "середині", "всередині", "середину"),
    **words_for("late", "кінець", "кінця", "кінці", "наприкінці", "вкінці"),
    # seasons
    **words_for("spring", "весна", "весни", "весні", "весну", "весною", "навесні"),
    **words_for("summer", "літо", "літа", "літі", "літом", "влітку"),
    **words_for("autumn", "осінь", "осені", "восени", "осінню"),
    **words_for("winter", "зима", "зими", "зимі", "зиму", "зимою", "взимку"),
    # units
    **words_for("half", "половина", "половини", "половині", "половину", "півріччя", "півріччі"),
    **words_for("quarter", "квартал", "кварталу", "кварталі", "кварталом"),
    **words_for("week", "тиждень", "тижня", "тижні", "тижнем"),
    **words_for("weeks", "тижнів"),
    **words_for("month", "місяць", "місяця", "місяці", "місяцем"),
    **words_for("months", "місяців"),
    **words_for("years", "років"),
    **words_for("day", "день"),
    **words_for("days", "дні", "днів", "дня", "доби"),
    **words_for("century", "століття", "столітті", "ст"),
    # ordinals
    **words_for("first", (f"перш{e}" for e in _ADJ)),
    **words_for("second", (f"друг{e}" for e in _ADJ)),
    **words_for("third", "третій", "третього", "третьому", "третя", "третю", "третьої"),
    **words_for("fourth", (f"четверт{e}" for e in _ADJ)),
    **words_for("last", "останній", "останнього", "останньому", "остання", "останню"),
    # relative
    **words_for("last", (f"минул{e}" for e in _ADJ), (f"попередн{e}" for e in _ADJ)),
    **words_for("this", "цей", "цього", "цьому", "ця", "цю", "цієї", "це"),
    **words_for("this", (f"поточн{e}" for e in _ADJ)),
    **words_for("next", (f"наступн{e}" for e in _ADJ)),
    "торік": "last year",
    "минулоріч": "last year",
    "цьогоріч": "this year",
    "вчора": "yesterday",
    "напередодні": "yesterday",
    "учора": "yesterday",
    "сьогодні": "today",
    "завтра": "tomorrow",
    "позавчора": "2 days ago",
    "тому": "ago",
    "назад": "ago",
    # numbers of days, weeks, months
    **words_for("one", "один", "одна", "одну"),
    **words_for("two", "два", "дві"),
    **words_for("three", "три"),
    **words_for("four", "чотири"),
    **words_for("five", "п'ять", "п’ять"),
    **words_for("six", "шість"),
    **words_for("seven", "сім"),
    **words_for("eight", "вісім"),
    **words_for("nine", "дев'ять", "дев’ять"),
    **words_for("ten", "десять"),
    # connectors
    **words_for("from", "з", "із", "зі", "від"),
    "по": "through",
    "до": "until",
    "після": "after",
    "перед": "before",
    "раніше": "before",
    "між": "between",
    **words_for("and", "і", "й", "та"),
    "або": "or",
    # qualifiers
    **words_for("about", "приблизно", "близько", "орієнтовно", "майже"),
    **words_for("possibly", "ймовірно", "імовірно", "можливо", "нібито", "начебто"),
    # weekdays
    **words_for("monday", "понеділок", "понеділка"),
    **words_for("tuesday", "вівторок", "вівторка"),
    **words_for("wednesday", "середа", "середу", "середи"),
    **words_for("thursday", "четвер", "четверга"),
    **words_for("friday", "п'ятниця", "п'ятницю", "п’ятниця", "п’ятницю"),
    **words_for("saturday", "субота", "суботу", "суботи"),
    **words_for("sunday", "неділя", "неділю", "неділі"),
}

_RELATIVE_YEAR = (
    r"\b(минул\w*|попередн\w*|цей|цього|цьому|поточн\w*|наступн\w*) (?:рік|року|році|роком)\b"
)

ROMAN_CENTURIES = tuple(
    (rf"\b{pattern} (?=столі|ст\.)", f"{number}th ")
    for pattern, number in (
        ("[xх][xх][iі]", 21), ("[xх][xх]", 20), ("[xх][iі][xх]", 19), ("[xх]v[iі][iі][iі]", 18),
        ("[xх]v[iі][iі]", 17), ("[xх]v[iі]", 16), ("[xх]v", 15), ("[xх][iі]v", 14),
    )
)  # fmt: skip

REWRITES = (
    ("ʼ", "'"),
    *ROMAN_CENTURIES,  # XIX століття: the 19th century
    (r"(?<!\d)(\d0)-?(?:х|ті|і|их)\b", r"'\1"),  # 90-х: a two-digit decade, rejected
    (r"(\d{3}0)-?(?:х|ті|і|их)\b", r"\1s"),  # 1990-х роках: the 1990s
    (r"(\d{4})-?(?:му|й|го|ому)\b", r"\1"),  # у 2024-му році
    (r"(?<!\d)(\d{1,2})-?(?:го|му|й|е|ого|ому)\b", r"\1th"),  # 26-го квітня, 1-му кварталі
    (_RELATIVE_YEAR, r"\1 year"),  # "минулого року": last year (elsewhere року marks a year)
    (r"\b(?:не пізніше|не пізніш)\b", " until "),
    (r"\bне раніше\b", " from "),
    (r"\bз початку (?:цього |поточного )?року\b", " from this year "),
    (r"\b(?:по|до) (?:теперішній час|сьогодні|цей день)|\bдосі\b|\bдотепер\b", " to present "),
    (r"\bтиждень тому\b", " 1 week ago "),
    (r"\bмісяць тому\b", " 1 month ago "),
    (r"\bрік тому\b", " 1 year ago "),
    (r"\bроки тому\b", " years ago "),  # elsewhere роки marks years: "2014-2022 роки"
    (r"\biv (?=квартал|півріч)", "4th "),
    (r"\biii (?=квартал|півріч)", "3rd "),
    (r"\bii (?=квартал|півріч)", "2nd "),
    (r"\bi (?=квартал|півріч)", "1st "),
    (
        r"\b(наприкінці|кінц[яію]|кінець|початк[уа]|початок|всередині|середин[аиіу]) року\b",
        r"\1 this year",
    ),
)

LANGUAGE = Language(
    code="uk",
    name="Ukrainian",
    letters="а-щьюяєіїґ",
    own_letters="єіїґ",
    months=MONTHS,
    words=WORDS,
    rewrites=REWRITES,
)
