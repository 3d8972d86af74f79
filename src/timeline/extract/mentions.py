"""A date mention of a sentence and the one cached reading of a date text against the
report date (shared by the English and the other languages' spotting)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from timeline.dates import FuzzyDate, parse_date
from timeline.extract.relative import RelativeShift


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression of a sentence: its text, offsets in the sentence and its date.

    ``date`` is None for a reference to an earlier date ("that day"); ``until`` marks an
    end given alone ("until the spring of 2025"), which may close a span that starts at
    an earlier date of the same sentence. ``read_as`` is the text the date was read as
    when the sentence's tense made it differ from the engine's reading (``note`` says how).
    ``shift`` is set for a date counted from another date of the text ("two days later",
    :mod:`~timeline.extract.relative`); its ``date`` is None until the draft counts it.
    """

    text: str
    start: int
    end: int
    date: FuzzyDate | None
    until: bool = False
    read_as: str | None = None  # the text the engine read, when not ``text`` itself
    note: str | None = None  # why it was read so
    shift: RelativeShift | None = None  # "two days later": counted from another date


_CLAUSE_BREAK = re.compile(r"[,;:—–]\s|\s(?:although|though|while|whereas|but)\s")


def clause_of(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence a date expression stands in: the text between the
    punctuation (or "although", "while", "but") around it. Tense is read there, so the
    future of "officials expect a deal by the autumn" does not move "February" in "...,
    although talks began in February".

    Examples
    --------
    >>> clause_of("Talks began in February, and a deal will come by May.", 15, 23)
    'Talks began in February'
    """
    left = 0
    for match in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = match.end()
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[left : after.start() if after else len(sentence)]


@lru_cache(maxsize=8192)
def _read_cached(text: str, reported: str | None, language: str | None) -> FuzzyDate:
    if language is None or language == "en":
        return parse_date(text, reported)
    from timeline.dates import DateConventions

    return parse_date(text, reported, conventions=DateConventions(language=language))


def read_date(text: str, reported_on: object, language: str | None = None) -> FuzzyDate:
    """:func:`timeline.parse_date` of a date text against the report date, each pair read
    once (an article repeats its dates, and a draft reads each date twice); ``language``
    is the date engine's (None or "en": English).

    Raises
    ------
    DateParseError
        As :func:`timeline.parse_date`.

    Examples
    --------
    >>> read_date("the 13th", "2025-11-20").edtf
    '2025-11-13'
    """
    if reported_on is None:
        return _read_cached(text, None, language)
    if not isinstance(reported_on, str):
        reported_on = str(pd.Timestamp(reported_on).date())
    return _read_cached(text, reported_on, language)
