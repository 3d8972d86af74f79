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

from timeline.dates.languages import LANGUAGES
from timeline.extract.mentions import DateMention, read_date

_SEPARATORS = re.compile(r"[ \u00a0\-–.]*")


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
    if lang.glued:  # Korean: 년, 월부터, 일까지, 지난달 ...
        for suffix in sorted(lang.suffixes, key=len, reverse=True):
            if lowered.startswith(suffix):
                rest = lowered[len(suffix) :]
                if not rest or rest in lang.postpositions or rest in ("에", "엔", "의"):
                    return True, True
        if lowered in lang.postpositions:
            return True, False
        for post in lang.postpositions:
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
            try:
                date = read_date(text, reported_on, code)
            except ValueError:
                continue
            until = lang.lookup(part[0][0].group().lower()) == "until"
            return DateMention(text, start, end, date, until and len(part) > 1)
    return None
