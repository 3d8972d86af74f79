"""Date expressions of Russian, Ukrainian and Korean text, spotted with the langs tables.

A run of words the language's table knows (month names in every case, weekdays, "с",
"до", "в конце"; Korean numbers glued to 년/월/일 and postpositions such as 부터), with
numbers between them, is a candidate; the date engine reads it in that language, and the
run is trimmed from its ends until it reads. Leading words that carry no date ("в",
"на") are left out of ``date_text``.

Examples
--------
>>> [m.text for m in find_foreign_dates("Войска прибыли в конце октября.", "2025-11-01", "ru")]
['конце октября']
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from timeline.dates import FuzzyDate, parse_date
from timeline.dates.languages import LANGUAGES
from timeline.dates.spec import MONTH_NAMES
from timeline.extract.mentions import DateMention, clause_of, read_date

_SEPARATORS = re.compile(r"[ \u00a0\-–.]*")
_PARTICLES = ("에는", "에도", "에서", "에", "엔", "의", "도", "은", "는")
"""Korean particles after a date word that carry no date ("8일에도": on the 8th too)."""
_TRAILING_PARTICLE = re.compile(r"(?:에는|에도|에서|에|엔|의|도|은|는)$")
_FUTURE = {
    "ru": re.compile(
        r"(?i)\b(?:будет|будут|станет|состоится|пройд[её]т|планиру\w*|намерен\w*|"
        r"предлож\w*|ожида\w*|собира\w*)\b"
    ),
    "uk": re.compile(
        r"(?i)\b(?:буде|будуть|відбудеться|планує\w*|планують|має намір|пропону\w*|"
        r"запропонува\w*|очіку\w*|\w+тиме(?:ться)?|\w+тимуть(?:ся)?)\b"
    ),
    "ko": re.compile(r"예정|계획|할 것|될 것|전망|겠"),
}
"""Words of a sentence about the future (a plan, a proposal, a future tense)."""


@cache
def _token_pattern(letters: str) -> re.Pattern[str]:
    return re.compile(rf"\d+|[{letters}A-Za-z]+(?:['’ʼ][{letters}]+)*\.?", re.IGNORECASE)


def _is_date_word(word: str, code: str) -> tuple[bool, bool]:
    """Whether a word belongs to a date, and whether it carries a date by itself."""
    lang = LANGUAGES[code]
    lowered = word.lower().rstrip(".")
    english = lang.lookup(lowered)
    if english is not None:
        return True, english != ""
    if lang.glued:  # Korean: 년, 월부터, 일까지, 지난달, 초에, 8일에도 ...
        for suffix in sorted(lang.suffixes, key=len, reverse=True):
            if lowered.startswith(suffix):
                rest = lowered[len(suffix) :]
                if not rest or rest in lang.postpositions or rest in _PARTICLES:
                    return True, True
        if lowered in lang.postpositions:
            return True, False
        for post in (*lang.postpositions, *_PARTICLES):
            if lowered.endswith(post) and lang.lookup(lowered[: -len(post)]) is not None:
                return True, True
    return False, False


def find_foreign_dates(sentence: str, reported_on: object, code: str) -> list[DateMention]:
    """The date expressions of one sentence in language ``code`` (ru, uk, ko).

    Examples
    --------
    >>> [m.date.edtf for m in find_foreign_dates("2025년 3월 5일 회담이 열렸다.", None, "ko")]
    ['2025-03-05']
    """
    lang = LANGUAGES[code]
    tokens = list(_token_pattern(lang.letters).finditer(sentence))
    runs: list[list[tuple[re.Match[str], bool]]] = []
    current: list[tuple[re.Match[str], bool]] = []
    for i, token in enumerate(tokens):
        word = token.group()
        is_number = word.isdigit()
        member, carries = (True, len(word) == 4) if is_number else _is_date_word(word, code)
        joined = (
            bool(current)
            and _SEPARATORS.fullmatch(sentence[tokens[i - 1].end() : token.start()]) is not None
        )
        if member and (joined or not current):
            current.append((token, carries or is_number))
            continue
        if current:
            runs.append(current)
        current = [(token, carries or is_number)] if member else []
    if current:
        runs.append(current)
    mentions: list[DateMention] = []
    for run in runs:
        if not any(
            (carries and not m.group().isdigit()) or len(m.group()) == 4 for m, carries in run
        ):
            continue
        mention = _read_run(sentence, run, reported_on, code)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _read_run(
    sentence: str, run: list[tuple[re.Match[str], bool]], reported_on: object, code: str
) -> DateMention | None:
    lang = LANGUAGES[code]
    while run and lang.lookup(run[0][0].group().lower().rstrip(".")) == "":
        run = run[1:]  # "в", "на": no date of their own
    for left in range(min(3, len(run))):
        for right in range(len(run), left, -1):
            part = run[left:right]
            start, end = part[0][0].start(), part[-1][0].end()
            text = sentence[start:end].rstrip(".") if end == len(sentence) else sentence[start:end]
            end = start + len(text)
            reading = _read(text, reported_on, code)
            if reading is None:
                continue
            read, date = reading
            until = lang.lookup(part[0][0].group().lower()) == "until" and len(part) > 1
            clause = clause_of(sentence, start, end)
            named_month = any(
                _is_month(m.group(), code) or _is_season(m.group(), code) for m, _ in part
            )
            read_as, note, date = _tense(clause, read, date, reported_on, code, named_month)
            if code == "ru" and _BY.search(sentence, 0, start) and reported_on is not None:
                read_as, note, date = _deadline(read_as, note, date, reported_on)
            elif _completed_by(code, text, until, clause) and reported_on is not None:
                read_as, note, date = _deadline(read_as, note, date, reported_on, "by")
            if read_as is not None:
                until = False  # read as a whole ("../2025-08-31"): no end to join to a start
            elif read != text:
                read_as = read
            return DateMention(text, start, end, date, until, read_as, note)
    return None


_BY = re.compile(r"(?i:(?<!\w)ко? )$")
"""Russian "к концу 2027 года": by (a deadline), not "до" (until)."""


_DURATIVE = {
    "ru": re.compile(
        r"(?i)(?:наход\w*|пребыва\w*|оста\w*|продл\w*|продолж\w*|сохран\w*|действ\w*|"
        r"дл[ия]т\w*|работа\w*|не менее|как минимум|по меньшей мере|вплоть)"
    ),
    "uk": re.compile(
        r"(?i)(?:перебува\w*|залиша\w*|продовж\w*|подовж\w*|збереж\w*|діят\w*|дію\w*|"
        r"трива\w*|працю\w*|щонайменше|принаймні|як мінімум|аж)"
    ),
    "ko": re.compile(r"계속|유지|지속|연장|머무|이어|동안"),
}
"""Words of a state that lasts ("будет находиться под стражей до 9 января", "діятимуть
щонайменше до кінця березня", "계속"): there "до"/"까지" is "until", an end alone."""


def _completed_by(code: str, text: str, until: bool, clause: str) -> bool:
    """Whether "до"/"까지" before a date is "by" (a deadline): the clause tells of a
    thing to be done ("предложил провести встречу до конца августа", "올해 말까지 협정을
    마무리하겠다"), not of a state that lasts (:data:`_DURATIVE`)."""
    if code == "ko":
        until = text.endswith("까지") and "부터" not in text
    return until and _DURATIVE[code].search(clause) is None


def _deadline(
    read_as: str | None,
    note: str | None,
    date: FuzzyDate,
    reported_on: object,
    word: str = "к",
) -> tuple[str | None, str | None, FuzzyDate]:
    """ "к концу 2027 года" (or "до"/"까지" as "by", :func:`_completed_by`) ahead of the
    report date: from the report day to its end."""
    reported = parse_date(str(pd.Timestamp(str(reported_on)).date())).start
    if pd.isna(date.end) or date.end <= reported or (not pd.isna(date.start) and word == "by"):
        return read_as, note, date
    last = (pd.Timestamp(date.end) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")
    text = f"{pd.Timestamp(reported):%Y-%m-%d}/{last}"
    why = f"a deadline ahead ('{word}'): from the report day"
    return text, why if note is None else f"{note}; {why}", parse_date(text)


def _read(text: str, reported_on: object, code: str) -> tuple[str, FuzzyDate] | None:
    """The date of a run, less a trailing Korean particle and the "지난" ('last') of a
    day of the month ("지난 8일": the 8th just past): the text read and its date, or None."""
    tries = [text]
    bare = _TRAILING_PARTICLE.sub("", text) if code == "ko" else text
    if bare != text:
        tries.append(bare)
    if code == "ko" and re.match(r"지난\s+\d{1,2}\s*일$", bare):
        tries.append(bare.split(None, 1)[1])
    for attempt in tries:
        try:
            return attempt, read_date(attempt, reported_on, code)
        except ValueError:
            continue
    return None


def _is_season(word: str, code: str) -> bool:
    """Whether a word names a season ("осенью", "навесні")."""
    english = LANGUAGES[code].lookup(word.lower().rstrip("."))
    return bool(english) and english.split()[-1] in ("spring", "summer", "autumn", "winter")


def _is_month(word: str, code: str) -> bool:
    """Whether a word names a month ("августа", "березня", "3월" is a number and 월)."""
    english = LANGUAGES[code].lookup(word.lower().rstrip("."))
    if word.startswith("월"):  # Korean months are numbers and 월 (월요일 is Monday)
        return not word.startswith("월요일")
    return bool(english) and english.split()[0] in _MONTHS


_MONTHS = frozenset(name.lower() for name in MONTH_NAMES)


def _tense(
    clause: str,
    text: str,
    date: FuzzyDate,
    reported_on: object,
    code: str,
    named_month: bool,
) -> tuple[str | None, str | None, FuzzyDate]:
    """As the English rule: in a clause about the future, a month (or a day of it, or a
    season) without a year that the engine puts before the report date is the next one
    ("3월 초에 시작될 예정": next March); in a Russian or Ukrainian clause with no verb in
    the past tense, the nearer of the two ("рассмотрит закон 3 июня" reported in late May:
    this June). A weekday stays the one just past."""
    future = _FUTURE.get(code)
    if future is None or reported_on is None:
        return None, None, date
    if not named_month or re.search(r"\d{4}", text):
        return None, None, date
    reported = parse_date(str(pd.Timestamp(str(reported_on)).date())).start
    if pd.isna(date.end) or date.end > reported:
        return None, None, date
    ahead_text = re.sub(r"\d{4}", lambda m: str(int(m.group()) + 1), date.edtf)
    season = re.fullmatch(r"(\d{4})-(2[1-8])", date.edtf)
    if season is not None:  # "2025-27": the season of the next year, by its name
        name = ("spring", "summer", "autumn", "winter")[(int(season[2]) - 21) % 4]
        ahead_text = f"{name} {int(season[1]) + 1}"
    try:
        ahead = parse_date(ahead_text)
    except ValueError:
        return None, None, date
    if future.search(clause) is not None:
        return ahead_text, "a sentence about the future: the next one", ahead
    past = _PAST.get(code)
    if past is None or past.search(clause) is not None or pd.isna(ahead.start):
        return None, None, date
    if ahead.start - reported < reported - date.end:  # "рассмотрит закон 3 июня" in May
        return ahead_text, "a clause with no past tense: the nearer one, the next", ahead
    return None, None, date


_PAST = {
    "ru": re.compile(r"\b[а-яё]+(?:[аяиеёыу]л|шл)(?:[аои]|ся|ась|ось|ись)?\b|\bпрошл\w*"),
    "uk": re.compile(
        r"\b[а-яіїєґ’']+(?:[аяиеіїу]л(?:[аои]|ся|ася|ося|ися)?|[аяиіу]в(?:ся)?)\b|\bминул\w*"
    ),
}
"""A clause in the past tense (Russian "заявил", "прошло"; Ukrainian "заявив", "сказала")."""
