"""Spot the date expressions of a sentence and read each with the date engine.

A regular expression proposes candidates (month names must be capitalised, so "may"
the verb is no date); each candidate is read by :func:`timeline.parse_date` against the
report date, and only what the engine accepts is kept. A bare year needs a preposition
before it ("in 2024") or punctuation after it, so "2000 troops" is a number, not a year.
"that day", "the same day" are kept as references to the previous date.

Examples
--------
>>> [m.text for m in find_dates("Troops arrived in late October 2025.", "2025-11-01")]
['late October 2025']
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from timeline.dates import FuzzyDate, parse_date
from timeline.dates.report_phrases import ANAPHORA
from timeline.errors import DateParseError
from timeline.extract.foreign import find_foreign_dates
from timeline.extract.mentions import DateMention, clause_of, read_date
from timeline.extract.relative import RELATIVE, relative_shift

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_PART = (
    r"(?:(?i:early|mid|late|the (?:beginning|start|middle|end) of|"
    r"the (?:first|second) half of|the (?:first|second|third|last) week of)[- ])"
)
_SEASON = r"(?i:spring|summer|autumn|winter)"
_NUMBER = r"(?:\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_QUAL = r"(?:(?i:about|around|approximately|circa|roughly) )?"
_TIME = (
    r"(?:(?:\d{1,2}:\d{2}(?:\s?(?i:a\.m\.|p\.m\.|am|pm))?|\d{1,2}\s?(?i:a\.m\.|p\.m\.))"
    r"(?: (?:GMT|UTC|[A-Z]{3}))?)"
)
_LOCAL = r"(?: \((?i:local time)\)|,? (?i:local time))"

_SINGLE = "|".join(
    (
        rf"(?i:the )?{_NUMBER} (?i:days|weeks|months) (?i:to|ended|ending|through) "
        rf"(?:{_MONTHS} {_DAY}|{_DAY} {_MONTHS})(?:,? {_YEAR})?",
        r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?",
        r"\d{1,2}[./]\d{1,2}[./]\d{4}",
        rf"(?:{_WEEKDAYS},? )?{_DAY}(?: ?[-–] ?{_DAY}| and {_DAY})? (?:of )?{_MONTHS}"
        rf"(?:,? {_YEAR})?",
        rf"(?:{_WEEKDAYS},? )?{_MONTHS} {_DAY}(?: ?[-–] ?{_DAY}| and {_DAY})?(?:,? {_YEAR})?"
        r"(?!\d|,\d)",
        rf"{_PART}?{_MONTHS}(?:,? (?:of )?{_YEAR})?",
        rf"{_PART}?(?:(?i:the) )?{_SEASON}(?: (?i:of))? {_YEAR}",
        rf"{_PART}?(?:(?i:the|this|last|next|this past) ){_SEASON}",
        rf"(?i:the )?(?i:first|second|third|fourth) (?i:quarter|half) (?i:of )?{_YEAR}",
        r"(?i:the )?(?i:first|second|third|fourth) (?i:quarter)",
        r"(?i:(?:over|at|during) the weekend|(?:this|last|next) weekend)",
        rf"Q[1-4] {_YEAR}|H[12] {_YEAR}",
        rf"{_PART}?(?i:the )?(?:1[5-9]|20)\d0s",
        rf"{_PART}{_YEAR}",
        _YEAR,
        rf"(?i:(?:earlier|early|late|later) (?:on )?)?(?i:last |next |this )?{_WEEKDAYS}"
        rf"(?: (?i:morning|afternoon|evening|night))?",
        r"(?i:yesterday|today|tonight|tomorrow)",
        r"(?i:the (?:start|beginning|end|middle) of (?:the|this|last|next) (?:year|month))",
        r"(?i:the (?:start|beginning|end|middle) of (?:this|last|next) week)",
        rf"(?i:(?:over|in|during|within) the (?:next|coming) {_NUMBER} "
        r"(?:days?|weeks?|months?|years?))",
        r"(?i:(?:(?:early|late|mid)[- ])?(?:last|this|next) (?:week|month|year))",
        r"(?i:(?:earlier|later) this (?:week|month|year|spring|summer|autumn|winter))",
        "(?i:" + re.sub(r"\?P<\w+>", "?:", RELATIVE.pattern) + ")",
        rf"(?i:{_NUMBER} (?:days?|weeks?|months?|years?) ago)",
        rf"(?i:(?:over |in |during )?the (?:past|last) (?:{_NUMBER} |few |several )?"
        r"(?:days?|weeks?|months?|years?))",
        r"(?i:(?:in|over|during) (?:the )?recent (?:days|weeks|months))",
        r"(?i:the \d{1,2}(?:st|nd|rd|th))(?! (?:century|anniversary|time))",
        rf"(?i:{ANAPHORA.pattern})",
    )
)
_PREFIX = r"(?:(?i:since|until|till|by|before|after|as of|from|between)(?i: at least)? )?"


@cache
def _pattern() -> re.Pattern[str]:
    timed = rf"(?:{_TIME}{_LOCAL}? (?i:on )?)?"
    single = rf"{timed}{_QUAL}(?:{_SINGLE})(?:{_LOCAL})?"
    # A range: "from June to August 2024", "between 1 and 3 November 2024", "2024-2025".
    return re.compile(
        rf"(?<![\w-]){timed}{_PREFIX}{single}"
        rf"(?:(?: ?[-–] ?| (?i:to|until|till|through|and) ){single})?(?![\w])"
    )


_TRIGGER = re.compile(
    rf"\d|{_MONTHS}|{_WEEKDAYS}|(?i:yesterday|today|tonight|tomorrow|week|month|year|"
    r"spring|summer|autumn|winter|quarter|half|recent|\bdays?\b|decade|\bago\b)"
)
_YEAR_ONLY = re.compile(_YEAR + r"(?:s)?")
_YEAR_CONTEXT = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "of",
        "during",
        "before",
        "after",
        "through",
        "to",
        "and",
        "early",
        "late",
        "mid",
        "spring",
        "summer",
        "autumn",
        "winter",
        "year",
    ]
)
_UNTIL = re.compile(r"(?i:until|till) ")
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|set|scheduled|expected|planned|to)|plans? to|would|"
    r"scheduled for|expects?|upcoming|next|takes? effect|comes? into (?:force|effect)|"
    r"enters? into force|expires?)\b"
)
_PERFECT = re.compile(r"\b(?:had|has|have)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|wn|un|ne|t)\b")
_YEARLESS = re.compile(
    rf"^(?:(?i:on|the|in|by|until|till|between) )?{_PART}?"
    rf"(?:{_DAY}(?: and {_DAY})? (?:of )?{_MONTHS}|{_MONTHS}(?: {_DAY}(?: and {_DAY})?)?|"
    rf"(?:(?i:the) )?{_SEASON}|(?i:the )?(?i:first|second|third|fourth) (?i:quarter|half))$"
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|been|ago|last|earlier|previously|\w{2,}ed|began|came|went|took|"
    r"met|said|told|saw|grew|rose|fell|won|lost|made|left|held|hit|cut|set|led|sent|spent|"
    r"struck|fought|broke|began|became|brought|bought|built|chose|drew|drove|fled|flew|"
    r"forgot|froze|gave|got|knew|paid|ran|rang|sold|shot|shut|sang|sank|stood|stole|swore|"
    r"threw|wore|wrote)\b",
    re.IGNORECASE,
)
"""A clause in the past tense (a verb in -ed, a common irregular past, "was", "had")."""
_PAST_PLAN = re.compile(
    r"\b(?:was|were|had been)\s+(?:\w+ly\s+|first\s+|originally\s+|initially\s+)?"
    r"(?:scheduled|due|set|expected|planned|supposed)\b"
)
"""'The launch was first scheduled for September 29': a plan of the past, no future."""
_AT_LEAST = re.compile(r"(?i) at least ")
_AND_DAYS = re.compile(
    rf"^(?:(?i:on) )?(?:{_DAY} and {_DAY} (?:of )?{_MONTHS}|{_MONTHS} {_DAY} and {_DAY})"
)


_NOUN_AFTER = re.compile(r" [a-z]+\b(?<!s)(?!-)")
_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")


def _bare_year_ok(sentence: str, start: int, end: int) -> bool:
    """A bare year is a year after "in", "since" ... or before punctuation, and after
    "the" or "a" before a noun in the singular ("the 2020 war", "the 1990 declaration";
    "the 2000 troops" is a number)."""
    before = sentence[:start].rstrip().rsplit(None, 1)
    word = before[-1].lower().strip("(,") if before else ""
    after = sentence[end : end + 2]
    if word in ("the", "a", "its", "their", "his", "her", "this", "that"):
        return _NOUN_AFTER.match(sentence, end) is not None or (
            _NAME_AFTER.match(sentence, end) is not None  # "the 2016 Fort McMurray fire"
        )
    return word in _YEAR_CONTEXT or not after.strip() or after[0] in ".,;:)!?"


def _tense(
    sentence: str,
    text: str,
    date: FuzzyDate,
    reported_on: object,
    said_before: bool = False,
    predicate: str | None = None,
) -> tuple[str | None, str | None, FuzzyDate]:
    """Re-read a date by the tense of its clause (``sentence`` is the clause).

    The engine puts a day or month without a year ("18 February", "mid-October") on or
    before the report date; in a clause about the future ("will be sworn in on 18
    February", "take effect on March 1") it is the next one after it. "By Tuesday", "by
    the end of the year" is a deadline ahead (from the report day to its end), except in
    the perfect tense ("had positioned 1,000 workers by Tuesday"): on or before the
    Tuesday just past. "Until" a date ahead keeps its open start. ``predicate`` is the
    verb phrase the date belongs to, where the perfect is looked for ("had cut costs
    since 2024 and expected ten flights a year by 2028": not a perfect "by").
    """
    read = text
    reported = _report_start(reported_on)
    before = date.end is not None and date.end <= reported
    future = _FUTURE.search(sentence) is not None and _PAST_PLAN.search(sentence) is None
    read_as = note = None
    yearless = _YEARLESS.match(read) is not None and before and not said_before
    if yearless and (future or _PAST.search(sentence) is None):
        for year in (reported.year, reported.year + 1):
            ahead = _read(f"{read} {year}", None)
            if ahead is None or pd.isna(ahead.end) or ahead.end <= reported:
                continue
            if not future and not _nearer(ahead, date, reported):
                break
            why = (
                "a sentence about the future: the next one"
                if future
                else "a clause with no past tense: the nearer one, the next"
            )
            read_as, note, date = f"{read} {year}", why, ahead
            read = read_as
            break
    lowered = read.lower()
    if lowered.startswith("by ") and _PERFECT.search(predicate or sentence):
        past = _read("until " + read[3:], reported_on)
        if past is not None:
            note = "a sentence in the perfect tense: on or before the one just past"
            return "until " + read[3:], note, past
    ahead = pd.isna(date.start) and not pd.isna(date.end) and date.end > reported
    if ahead and lowered.startswith("by "):  # "until" a date ahead: ends then, start open
        last = (pd.Timestamp(date.end) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")
        deadline = _read(f"{pd.Timestamp(reported):%Y-%m-%d}/{last}", None)
        if deadline is not None:
            why = "a deadline ahead: from the report day"
            note = why if note is None else f"{note}; {why}"
            return f"{pd.Timestamp(reported):%Y-%m-%d}/{last}", note, deadline
    return read_as, note, date


_PHRASE_BREAK = re.compile(r"[,;:—–]\s|\s(?:and|but|while|although)\s")


_PHRASE_REACH = 300


def _predicate(sentence: str, start: int, end: int) -> str:
    """The verb phrase a date belongs to: between the commas and "and"s around it, and
    the clause after it when the date opens its own ("By Wednesday, workers had ...")."""
    left = max(0, start - _PHRASE_REACH)  # a verb phrase is short: look no further back
    for match in _PHRASE_BREAK.finditer(sentence, left, start):
        left = match.end()
    after = _PHRASE_BREAK.search(sentence, end)
    right = after.start() if after else len(sentence)
    if after is not None and not sentence[left:start].strip(" (") and right == end:
        following = _PHRASE_BREAK.search(sentence, after.end())
        right = following.start() if following else len(sentence)
    return sentence[left:right]


def _before_ahead(text: str, reported_on: object) -> str | None:
    """ "before the end of the year", "before November 17" ahead of the report date: from
    the report day to its end (a day: to the day before), or None when it is not ahead."""
    date = _read(text, reported_on)
    if date is None or pd.isna(date.end):
        return None
    report = pd.Timestamp(_report_start(reported_on))
    last = pd.Timestamp(date.end) - pd.Timedelta(days=1)
    if date.start_precision in ("day", "time") and not pd.isna(date.start):
        last = pd.Timestamp(date.start) - pd.Timedelta(days=1)
    if last < report:
        return None
    return f"{_iso(report)}/{_iso(last)}"


def _nearer(ahead: FuzzyDate, past: FuzzyDate, reported: object) -> bool:
    """Whether the next reading of a yearless date is nearer the report date than the
    one before it ("Negotiations resume on May 6" in late April: this May, not last)."""
    report = pd.Timestamp(reported)
    ahead_at = ahead.end if pd.isna(ahead.start) else ahead.start
    past_at = past.start if pd.isna(past.end) else past.end
    if pd.isna(ahead_at) or pd.isna(past_at):
        return False
    return pd.Timestamp(ahead_at) - report < report - pd.Timestamp(past_at)


_WEEKDAY_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_WEEKDAY_PHRASE = re.compile(
    rf"(?i:(?:(?:earlier|late|later) )?(?:on )?)(?P<first>{_WEEKDAYS})"
    rf"(?: (?i:and|to|through) (?P<second>{_WEEKDAYS}))?"
    r"(?: (?i:morning|afternoon|evening|night))?"
)
_STRONG_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|set|scheduled|expected|planned|to)|plans? to|"
    r"scheduled for|expects?|upcoming)\b"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|added|wrote|confirmed|reported|warned)"
    r"(?:\s+\S+){0,2}\s*$"
)
"""'said on Monday that troops would leave': the date of the statement, not of the future
it speaks of."""


def _iso(day: pd.Timestamp) -> str:
    return day.strftime("%Y-%m-%d")


def _weekdays(text: str, clause: str, before: str, reported_on: object) -> tuple[str, str] | None:
    """A weekday (or two: "Thursday and Friday") in a clause about the future is the next
    one on or after the report day ("temperatures are expected to reach 31C on
    Thursday"); two weekdays in the past are the last such pair. None: not such a phrase,
    or the engine's reading stands."""
    match = _WEEKDAY_PHRASE.fullmatch(text)
    if match is None:
        return None
    report = pd.Timestamp(_report_start(reported_on))
    first = _WEEKDAY_NUMBERS[match["first"].lower()]
    second = _WEEKDAY_NUMBERS[match["second"].lower()] if match["second"] else None
    future = (
        _STRONG_FUTURE.search(clause) is not None
        and _SAID_BEFORE.search(before) is None
        and not text.lower().startswith("earlier")
    )
    if future:
        start = report + pd.Timedelta(days=(first - report.weekday()) % 7)
        note = "a clause about the future: the next one"
    elif second is not None:
        last = report - pd.Timedelta(days=(report.weekday() - second) % 7)
        start = last - pd.Timedelta(days=(second - first) % 7)
        note = "the last such days"
    else:
        return None
    if second is None:
        return _iso(start), note
    end = start + pd.Timedelta(days=(second - first) % 7)
    return f"{_iso(start)}/{_iso(end)}", note


def _weekend(text: str, clause: str, reported_on: object) -> tuple[str, str]:
    """ "Over the weekend", "last weekend": the Saturday and Sunday just past (the one
    under way when the report is dated on one); "next weekend", or "this weekend" in a
    clause about the future: the coming one."""
    report = pd.Timestamp(_report_start(reported_on))
    lowered = text.lower()
    saturday = report - pd.Timedelta(days=(report.weekday() - 5) % 7)
    ahead = lowered.startswith("next") or (
        lowered.startswith("this") and _STRONG_FUTURE.search(clause) is not None
    )
    note = "the weekend just past"
    if ahead:
        saturday = report + pd.Timedelta(days=(5 - report.weekday()) % 7 or 7)
        note = "the coming weekend"
    return f"{_iso(saturday)}/{_iso(saturday + pd.Timedelta(days=1))}", note


_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NEXT_PERIOD = re.compile(
    r"(?i)(?:over|in|during|within) the (?:next|coming) (?P<n>\w+) "
    r"(?P<unit>day|week|month|year)s?"
)
_PERIOD_TO = re.compile(
    r"(?i)(?:the )?(?P<n>\w+) (?P<unit>day|week|month)s (?:to|ended|ending|through) (?P<date>.+)"
)


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _next_period(text: str, reported_on: object) -> tuple[str, str] | None:
    """ "over the next three months": from the report day to that long after it,
    inclusive (as "over the past three months" is up to the report day)."""
    match = _NEXT_PERIOD.fullmatch(text)
    count = _count(match["n"]) if match else None
    if match is None or not count:
        return None
    report = pd.Timestamp(_report_start(reported_on))
    last = report + pd.DateOffset(**{_UNITS[match["unit"].lower()]: count})
    return f"{_iso(report)}/{_iso(last)}", "from the report day to that long after it"


def _period_to(text: str, reported_on: object) -> tuple[str, str] | None:
    """ "the three months to March 31": that long up to the end of that day."""
    match = _PERIOD_TO.fullmatch(text)
    count = _count(match["n"]) if match else None
    if match is None or not count:
        return None
    last = _read(match["date"], reported_on)
    if last is None or pd.isna(last.end):
        return None
    end = pd.Timestamp(last.end)
    first = end - pd.DateOffset(**{_UNITS[match["unit"].lower()]: count})
    return f"{_iso(first)}/{_iso(end - pd.Timedelta(days=1))}", "that long up to that day"


_WEEK_PART = re.compile(
    r"(?i)(?:(?P<prefix>by|until|till|since|from) )?the (?P<part>start|beginning|middle|end) of "
    r"(?P<which>this|last|next) week"
)
_WEEK_DAYS = {"start": (0, 1), "beginning": (0, 1), "middle": (2, 3), "end": (4, 6)}
"""The days of a week a part names: Monday-Tuesday, Wednesday-Thursday, Friday-Sunday."""


def _week_part(text: str, reported_on: object) -> tuple[str, str]:
    """ "the end of next week": the Friday to Sunday of that week (weeks start on Monday);
    "by" it: a deadline from the report day to its last day, "until" it: that end alone,
    "since" it: from its first day on."""
    match = _WEEK_PART.fullmatch(text)
    assert match is not None
    report = pd.Timestamp(_report_start(reported_on))
    offset = {"this": 0, "last": -1, "next": 1}[match["which"].lower()]
    monday = report - pd.Timedelta(days=report.weekday()) + pd.Timedelta(weeks=offset)
    first, last = (monday + pd.Timedelta(days=d) for d in _WEEK_DAYS[match["part"].lower()])
    prefix = (match["prefix"] or "").lower()
    if prefix == "by" and last >= report:
        return f"{_iso(report)}/{_iso(last)}", "a deadline ahead: from the report day"
    if prefix in ("by", "until", "till"):
        return f"../{_iso(last)}", f"the {match['part'].lower()} of that week: an end alone"
    if prefix in ("since", "from"):
        return f"{_iso(first)}/..", f"from the {match['part'].lower()} of that week on"
    return f"{_iso(first)}/{_iso(last)}", f"the {match['part'].lower()} of that week"


def _report_start(reported_on: object) -> object:
    key = str(reported_on)
    if _REPORT_CACHE.get("key") != key:
        _REPORT_CACHE.update(key=key, start=parse_date(reported_on).start)
    return _REPORT_CACHE["start"]


_REPORT_CACHE: dict[str, object] = {}


def _read(text: str, reported_on: object) -> FuzzyDate | None:
    try:
        return read_date(text, reported_on)
    except (DateParseError, ValueError):
        return None


def find_dates(
    sentence: str, reported_on: object, language: str | None = None
) -> list[DateMention]:
    """The date expressions of one sentence that the date engine reads.

    Parameters
    ----------
    sentence
        One sentence.
    reported_on
        The report date relative expressions are resolved against.
    language
        "ru", "uk" or "ko" read the sentence with that language's table
        (:mod:`timeline.extract.foreign`); None or "en": English.

    Returns
    -------
    list of DateMention
        In sentence order; ``sentence[m.start:m.end] == m.text``.

    Examples
    --------
    >>> [(m.text, m.date.edtf) for m in find_dates("He left on the 13th.", "2025-11-20")]
    [('the 13th', '2025-11-13')]
    """
    if language not in (None, "en"):
        return find_foreign_dates(sentence, reported_on, language)
    mentions: list[DateMention] = []
    if _TRIGGER.search(sentence) is None:  # no digit, month, weekday or date word
        return mentions
    for match in _pattern().finditer(sentence):
        text, start, end = match.group(), match.start(), match.end()
        if _YEAR_ONLY.fullmatch(text) and not _bare_year_ok(sentence, start, end):
            continue
        shift = relative_shift(text)
        if shift is not None:  # "two days later": the draft counts it from another date
            mentions.append(DateMention(text, start, end, None, shift=shift))
            continue
        if ANAPHORA.fullmatch(text.lower()):
            mentions.append(DateMention(text, start, end, None))
            continue
        clause = clause_of(sentence, start, end)
        said_before = _SAID_BEFORE.search(sentence, 0, start) is not None
        counted = None
        if reported_on is not None and "weekend" in text.lower():
            counted = _weekend(text, clause, reported_on)
        elif reported_on is not None and _WEEK_PART.fullmatch(text):
            counted = _week_part(text, reported_on)
        elif reported_on is not None and _NEXT_PERIOD.fullmatch(text):
            counted = _next_period(text, reported_on)
        elif _PERIOD_TO.fullmatch(text):
            counted = _period_to(text, reported_on)
        elif reported_on is not None:
            counted = _weekdays(text, clause, sentence[:start], reported_on)
        if counted is not None:
            date = _read(counted[0], None)
            if date is not None:
                mentions.append(DateMention(text, start, end, date, False, *counted))
            continue
        reading = _AT_LEAST.sub(" ", text)  # "until at least April 20": until April 20
        if _AND_DAYS.match(reading):  # "October 3 and 4": between October 3 and 4
            reading = "between " + re.sub(r"^(?i:on) ", "", reading)
        date = _read(reading, reported_on)
        until = False
        read_as = None if reading == text else reading
        note = None
        if date is not None:
            predicate = _predicate(sentence, start, end)
            tense_read, note, date = _tense(
                clause, reading, date, reported_on, said_before, predicate
            )
            read_as = tense_read or read_as
        if date is None:  # drop a prefix the engine does not take ("as of", "by" + range)
            head = re.match(r"(?i:as of|by|from|after|before|since) ", text)
            if head is None:
                continue
            if head.group().lower() == "before " and reported_on is not None:
                ahead = _before_ahead(text[head.end() :], reported_on)
                if ahead is not None:  # "before the end of the year": a deadline, as "by"
                    mentions.append(
                        DateMention(
                            text,
                            start,
                            end,
                            _read(ahead, None),
                            False,
                            ahead,
                            "a deadline ahead: from the report day",
                        )
                    )
                    continue
            start += head.end()
            text = sentence[start:end]
            date = _read(text, reported_on)
            if date is None:
                continue
        if _UNTIL.match(text) and (read_as is None or _UNTIL.match(read_as)):
            until = True  # an end given alone (not read as a deadline from the report day)
        mentions.append(DateMention(text, start, end, date, until, read_as, note))
    return mentions
