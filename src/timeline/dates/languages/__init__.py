"""Date languages as tables: Russian, Ukrainian and Korean beside English.

Each module (:mod:`~timeline.dates.languages.ru`, ``uk``, ``ko``) is a
:class:`~timeline.dates.languages.table.Language` table; adding a language is adding a
table and naming it here. :func:`detect` picks the language of a text.

Examples
--------
>>> from timeline.dates.languages import detect
>>> detect("26 апреля 2025 года"), detect("26 квітня 2025 року"), detect("2025년 4월 26일")
('ru', 'uk', 'ko')
>>> detect("26 April 2025") is None
True
"""

from __future__ import annotations

import re

from timeline.dates.languages import ko, ru, uk
from timeline.dates.languages.table import Language

LANGUAGES: dict[str, Language] = {
    lang.code: lang for lang in (ru.LANGUAGE, uk.LANGUAGE, ko.LANGUAGE)
}
"""The language tables by code; English is the grammar itself (None in :func:`detect`)."""

_CYRILLIC = ("ru", "uk")


def candidates(text: str) -> list[str]:
    """Codes of the languages the text may be in, the likeliest first; [] for English.

    Hangul makes it Korean. Cyrillic is Ukrainian or Russian: letters only one of them
    uses decide, else the table that knows more of the words goes first.

    Examples
    --------
    >>> candidates("с 6 по 8 августа"), candidates("з 6 по 8 серпня")
    (['ru', 'uk'], ['uk', 'ru'])
    """
    hangul = cyrillic = False
    for char in text:
        if "\uac00" <= char <= "\ud7a3" or "\u3130" <= char <= "\u318f":
            hangul = True
            break
        if "\u0400" <= char <= "\u04ff":
            cyrillic = True
    if hangul:
        return ["ko"]
    if not cyrillic:
        found = shaped(text)
        return [found] if found else []
    lowered = text.lower()
    scores = []
    for code in _CYRILLIC:
        lang = LANGUAGES[code]
        own = sum(lowered.count(letter) for letter in lang.own_letters)
        known = sum(
            lang.lookup(word.group().rstrip(".")) is not None
            for word in lang.pieces.finditer(lowered)
            if word.lastgroup == "word"
        )
        scores.append((own > 0, known, code == "ru", code))
    scores.sort(reverse=True)
    return [code for *_, code in scores]


def shaped(text: str) -> str | None:
    """The code of the language whose numeral shape the whole text has ("2024. 6. 19.").

    Examples
    --------
    >>> shaped("2024. 6. 19."), shaped("2024-06-19")
    ('ko', None)
    """
    for code, lang in LANGUAGES.items():
        if lang.shape and re.fullmatch(lang.shape, text):
            return code
    return None


def detect(text: str) -> str | None:
    """The code of the likeliest language of a date text; None for English.

    Examples
    --------
    >>> detect("в конце октября")
    'ru'
    """
    found = candidates(text)
    return found[0] if found else None


__all__ = ["LANGUAGES", "Language", "candidates", "detect", "shaped"]
