"""Cut a date phrase into tokens.

The text is lower-cased and normalized (dashes, spaces, dotted abbreviations), then cut
into words, numbers and compound forms (ISO dates, numeral dates, clock times, "19th",
"1990s", "Q1"), each a :class:`Token` with a kind from :mod:`timeline.dates.vocabulary`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from timeline.dates.edtf_parse import SUB_YEAR_CODES, parse_offset, parse_time
from timeline.dates.gregorian import civil_from_days, days_from_civil, weekday
from timeline.dates.spec import Rejected, Spec, Time, check_month
from timeline.dates.vocabulary import AMBIGUOUS_ZONES, TIME_ZONES, word_kinds

UNRECOGNIZED = "not a date expression the engine recognizes (see the README's Dates table)"


@dataclass(slots=True)
class Token:
    """One piece of a phrase: its kind (``MON``, ``Y``, ``TO``, ...), value and text.

    Tokens are shared through a cache and never changed after they are made.
    """

    kind: str
    value: object = None
    text: str = ""


_TRANSLATION = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\uff5c": "|",
        "\uff0c": ",",
    }
)

_REWRITES = {
    "bc": " bc ",
    "bce": " bce ",
    "ad": " ad ",
    "ce": " ce ",
    "am": "am",
    "pm": "pm",
    "priorto": " before ",
    "upto": " until ",
    "upuntil": " until ",
    "nolaterthan": " until ",
    "earlierthan": " before ",
    "laterthan": " after ",
    "twentyfirst": " 21st ",
    "nd": " undated ",
    "nodate": " undated ",
    "notdated": " undated ",
    "dateunknown": " undated ",
    "unknowndate": " undated ",
    "datenotknown": " undated ",
}


@cache
def _rewrite_pattern() -> re.Pattern[str]:
    return re.compile(
        r"\bb\.\s?c\.(?:\s?e\.)?|\ba\.\s?d\.|\bc\.\s?e\.|\b[ap]\.\s?m\.|\bn\.\s?d\."
        r"|\bprior to\b|\bup (?:to|until)\b|\bno later than\b|\btwenty[- ]first\b"
        r"|\b(?:earlier|later) than\b"
        r"|\bno date\b|\bnot dated\b|\bdate (?:not )?unknown\b|\bunknown date\b"
        r"|[(\[]\s*\?\s*[)\]]"
    )


def _rewrite(match: re.Match[str]) -> str:
    text = match.group()
    if text[0] in "([":
        return " ? "
    return _REWRITES[re.sub(r"[\s.\-]", "", text)]


@cache
def _rewrite_trigger() -> re.Pattern[str]:
    # Everything the rewrite pattern can match starts with one of these.
    return re.compile(r"[abcnp]\.\s?[cdem]\.|[(\[]\s*\?|prior|up |no |not |twenty|date| than")


def normalize(text: str) -> str:
    """Lower-case, unify dashes and spaces, and spell out dotted abbreviations."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = lowered.translate(_TRANSLATION)
    if _rewrite_trigger().search(lowered):  # a cheap test before the many-branch rewrite
        lowered = _rewrite_pattern().sub(_rewrite, lowered)
    return lowered.strip()


# Named zones after a clock time, longest first: "cest" before "cet".
_ZONE_NAMES = "|".join(
    sorted((set(TIME_ZONES) | set(AMBIGUOUS_ZONES)) - {"z", "utc", "gmt"}, key=lambda z: -len(z))
)
_TIME = (
    r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:\s?[ap]m\b)?"
    r"(?:\s?z\b|[+-]\d{2}(?::?\d{2})?|\s?(?:utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?\b"
    rf"|\s?(?:{_ZONE_NAMES})\b)?"
)


@cache
def _token_pattern() -> re.Pattern[str]:
    # Spaces, words and plain numbers come first: they are most tokens, and a failed
    # attempt at every compound digit form costs more than the match itself.
    return re.compile(
        rf"""
        (?P<space>\s+)
        |(?P<quarter>q[1-4]\b|[1-4]q\b)
        |(?P<half>h[12]\b|[12]h\b)
        |(?P<monword>[a-z]{{3,9}}\.?-\d{{4}})(?!\d)
        |(?P<word>[a-z]+\.?)
        |(?P<number>\d{{1,4}})(?![\d/.:\-'a-z])
        |(?P<dmonyear>\d{{1,2}}-[a-z]{{3,9}}\.?-\d{{2,4}})(?!\d)
        |(?P<yearmon>\d{{4}}-[a-z]{{3,9}}\.?)(?![a-z])
        |(?P<isodate>\d{{4}}-[?~%]?\d{{1,2}}[?~%]?-[?~%]?\d{{1,2}}[?~%]?(?!\d)(?:t(?=\d))?)
        |(?P<isoweek>\d{{4}}-?w\d{{2}}(?:-?[1-7])?)(?![\d])
        |(?P<ymd>\d{{4}}(?P<ysep>[/.])\d{{1,2}}(?P=ysep)\d{{1,2}})(?![\d])
        |(?P<numdate>\d{{1,2}}(?P<nsep>[./-])\d{{1,2}}(?P=nsep)\d{{2,4}})(?![\d])
        |(?P<isomonth>\d{{4}}-\d{{1,2}})(?![\d])
        |(?P<monthyear>\d{{2}}-\d{{4}}|\d{{1,2}}[/.]\d{{4}})(?![\d])
        |(?P<basic>\d{{8}})(?![\d])
        |(?P<time>{_TIME})
        |(?P<plural>\d{{3}}0)'?s\b
        |(?P<ordinal>\d{{1,3}})(?:st|nd|rd|th)\b
        |(?P<centc>\d{{1,2}})c\b
        |(?P<digits>\d+)
        |(?P<dots>\.\.+)
        |(?P<mark>[-/,:?~%&|()\[\]{{}};'.])
        |(?P<stray>.)
        """,
        re.VERBOSE,
    )


# --------------------------------------------------------------------------- tokens


def _isodate(text: str, out: list[Token]) -> None:
    year, month, day = (int(p) for p in re.findall(r"\d+", text))
    spec = Spec(year=year, month=month, day=day, approximate="~" in text or "%" in text)
    spec.uncertain = "?" in text or "%" in text
    out.append(Token("DATE", spec, text))


def _isoweek(text: str, out: list[Token]) -> None:
    numbers = [int(p) for p in re.findall(r"\d+", text.replace("w", " "))]
    year, week = numbers[0], numbers[1]
    jan4 = days_from_civil(year, 1, 4)
    monday = jan4 - weekday(jan4) + 7 * (week - 1)
    next_jan4 = days_from_civil(year + 1, 1, 4)
    if not week >= 1 or monday >= next_jan4 - weekday(next_jan4):
        msg = f"ISO week {week} does not exist in {year}"
        raise Rejected(msg)
    if len(numbers) == 3:
        y, m, d = civil_from_days(monday + numbers[2] - 1)
        out.append(Token("DATE", Spec(year=y, month=m, day=d), text))
        return
    y, m, d = civil_from_days(monday)
    out.append(Token("DATE", Spec(year=y, month=m, day=d, week="iso"), text))


def _ymd(text: str, out: list[Token]) -> None:
    year, month, day = (int(p) for p in re.findall(r"\d+", text))
    out.append(Token("DATE", Spec(year=year, month=month, day=day), text))


def _numdate(text: str, out: list[Token]) -> None:
    first, second, year = re.findall(r"\d+", text)
    if len(year) != 4:
        msg = f"the year in '{text}' has {len(year)} digits: write the year in full"
        raise Rejected(msg)
    out.append(Token("NUMDATE", (int(first), int(second), int(year)), text))


def _month_compound(text: str, out: list[Token]) -> None:
    """ "1968-Mar", "Mar-2024", "16-Mar-2024": a month name joined by hyphens."""
    parts = text.split("-")
    words = word_kinds()
    month = next((words.get(p.rstrip(".")) for p in parts if not p[0].isdigit()), None)
    if month is None or month[0] != "MON":  # "mid-2024", "1974-present": not a month
        for i, part in enumerate(parts):
            if i:
                out.append(Token("TO", "-", "-"))
            if part[0].isdigit():
                digits = len(part)
                out.append(Token("Y" if digits == 4 else "N", int(part), part))
            else:
                entry = words.get(part.rstrip("."))
                if entry is None:
                    msg = f"unrecognized word '{part.rstrip('.')}': {UNRECOGNIZED}"
                    raise Rejected(msg)
                out.append(Token(entry[0], entry[1], part))
        return
    numbers = [p for p in parts if p[0].isdigit()]
    if len(numbers) == 2 and len(numbers[1]) != 4:
        msg = f"the year in '{text}' has {len(numbers[1])} digits: write the year in full"
        raise Rejected(msg)
    if len(numbers) == 2:
        out += [Token("N", int(numbers[0]), numbers[0]), Token("MON", month[1], text)]
        out.append(Token("Y", int(numbers[1]), numbers[1]))
    else:
        out += [Token("MON", month[1], text), Token("Y", int(numbers[0]), numbers[0])]


def _isomonth(text: str, out: list[Token]) -> None:
    year, code = int(text[:4]), int(text[5:])
    later_year = len(text) == 7 and code > year % 100  # "2024-25", "1910-30", "2019-20"
    if 1 <= code <= 12:
        out.append(Token("DATE", Spec(year=year, month=code), text))
    elif code in SUB_YEAR_CODES and later_year:  # a range of years or an EDTF code
        out.append(Token("YPAIR", (year, code), text))
    elif code in SUB_YEAR_CODES:
        out.append(Token("DATE", Spec(year=year, sub=SUB_YEAR_CODES[code]), text))
    elif later_year:
        out += [Token("Y", year, text[:4]), Token("TO", "-", "-")]
        out.append(Token("N", code, text[5:]))
    else:
        end_year = year // 100 * 100 + code
        hint = f" (for a range of years write {year}-{end_year})" if end_year > year else ""
        msg = f"month {code} does not exist (months are 1-12){hint}"
        raise Rejected(msg)


def _monthyear(text: str, out: list[Token]) -> None:
    month, year = (int(p) for p in re.findall(r"\d+", text))
    check_month(month)
    out.append(Token("DATE", Spec(year=year, month=month), text))


def _basic(text: str, out: list[Token]) -> None:
    spec = Spec(year=int(text[:4]), month=int(text[4:6]), day=int(text[6:]))
    out.append(Token("DATE", spec, text))


@cache
def _time_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s?(?:([ap]m)\b)?"
        rf"\s?(?:(z|utc|gmt)|({_ZONE_NAMES}))?([+-])?(\d{{1,2}})?(?::?(\d{{2}}))?"
    )


def _time(text: str, out: list[Token]) -> None:
    match = _time_pattern().fullmatch(text)
    if match is None:  # the token pattern and this one describe the same texts
        raise Rejected(UNRECOGNIZED)
    hour, minute, second, fraction, meridiem, zone, named, sign, zone_hours, zone_minutes = (
        match.groups()
    )
    hours = int(hour)
    if meridiem is not None:
        if not 1 <= hours <= 12:
            msg = f"'{text}' is not a 12-hour clock time"
            raise Rejected(msg)
        hours = hours % 12 + (12 if meridiem == "pm" else 0)
    us, resolution = parse_time(str(hours), minute, second, fraction)
    offset = None
    if sign is not None and zone_hours is not None:
        offset = parse_offset(f"{sign}{int(zone_hours):02d}:{zone_minutes or '00'}")
    elif zone is not None:
        offset = 0
    elif named is not None:
        offset = _zone_offset(named, text)
    out.append(Token("TIME", Time(us, resolution, offset), text))


def _zone_offset(name: str, text: str) -> int:
    """Minutes east of UTC of a zone abbreviation after a time ("14:30 est")."""
    if name in AMBIGUOUS_ZONES:
        clock = text[: text.index(name)].strip()
        msg = (
            f"the time zone '{name.upper()}' is ambiguous: {AMBIGUOUS_ZONES[name]}; "
            f"write the UTC offset instead ('{clock} UTC+hh:mm')"
        )
        raise Rejected(msg)
    return TIME_ZONES[name]


_MARKS = {
    "-": ("TO", "-"),
    "/": ("TO", "/"),
    ":": ("COLON", None),
    "?": ("UNCERT", None),
    "~": ("APPROX", None),
    "%": ("BOTH", None),
    "&": ("LIST", None),
    ";": ("LIST", None),
    "|": ("OR", None),
    "{": ("SET", None),
    "}": ("SET", None),
    "'": ("APOS", None),
}


def _mark(text: str, out: list[Token]) -> None:
    entry = _MARKS.get(text)
    if entry is not None:
        out.append(Token(entry[0], entry[1], text))


_HANDLERS: dict[str, Callable[[str, list[Token]], None]] = {
    "isodate": _isodate,
    "isoweek": _isoweek,
    "ymd": _ymd,
    "numdate": _numdate,
    "isomonth": _isomonth,
    "monthyear": _monthyear,
    "basic": _basic,
    "time": _time,
    "monword": _month_compound,
    "dmonyear": _month_compound,
    "yearmon": _month_compound,
    "plural": lambda text, out: out.append(Token("PLURAL", int(text[:4]), text)),
    "ordinal": lambda text, out: out.append(Token("ORD", int(re.match(r"\d+", text)[0]), text)),
    "centc": lambda text, out: out.append(Token("CENT", int(text[:-1]), text)),
    "quarter": lambda text, out: out.append(Token("Q", int(text.strip("q")), text)),
    "half": lambda text, out: out.append(Token("H", int(text.strip("h")), text)),
    "dots": lambda text, out: out.append(Token("TO", "..", text)),
    "mark": _mark,
}


_PIECE_CACHE_LIMIT = 200_000
_piece_tokens: dict[str, tuple[Token, ...]] = {}


def tokenize(text: str) -> list[Token]:
    """Tokens of a normalized phrase; unknown words or characters are rejected.

    The tokens of each space-separated piece are cached: pieces repeat across a column
    ("January", "2024", "between"), so most are looked up, not scanned. Tokens are never
    changed after they are made. A clock time is scanned with the words that complete it
    ("2:30 pm utc", "14:30 est": right after a time, "est" is a time zone, not "estimated").
    """
    tokens: list[Token] = []
    cache = _piece_tokens
    pieces = text.split()
    count = len(pieces)
    i = 0
    while i < count:
        piece = pieces[i]
        i += 1
        if ":" in piece:  # a clock time, which may go on: "2:30 pm utc"
            start = i - 1
            while i < count and _time_suffix().fullmatch(pieces[i]):
                i += 1
            tokens += _tokenize_pattern(" ".join(pieces[start:i]))
            continue
        found = cache.get(piece)
        if found is None:
            found = _tokenize_piece(piece)
            if len(cache) >= _PIECE_CACHE_LIMIT:
                cache.clear()
            cache[piece] = found
        tokens += found
    return tokens


@cache
def _time_suffix() -> re.Pattern[str]:
    return re.compile(rf"(?:[ap]m|z|utc|gmt)(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?|(?:{_ZONE_NAMES})\.?")


def _tokenize_piece(piece: str) -> tuple[Token, ...]:
    """Tokens of one space-free piece: a word, a number, or a compound for the pattern."""
    core = piece.rstrip(",")
    word = core[:-1] if core.endswith(".") else core
    if word.isalpha() and word.isascii():
        entry = word_kinds().get(word)
        if entry is None:
            msg = f"unrecognized word '{word}': {UNRECOGNIZED}"
            raise Rejected(msg)
        return (Token(entry[0], entry[1], core),)
    if core.isdigit() and core.isascii() and len(core) <= 4:
        digits = len(core)
        return (Token("Y" if digits == 4 else "N" if digits <= 2 else "NUM", int(core), core),)
    return tuple(_tokenize_pattern(piece))


def _tokenize_pattern(text: str) -> list[Token]:
    tokens: list[Token] = []
    words = word_kinds()
    for found in _token_pattern().finditer(text):
        kind = found.lastgroup
        if kind == "space":
            continue
        piece = found.group()
        if kind == "word":
            entry = words.get(piece.rstrip("."))
            if entry is None:
                msg = f"unrecognized word '{piece.rstrip('.')}': {UNRECOGNIZED}"
                raise Rejected(msg)
            tokens.append(Token(entry[0], entry[1], piece))
        elif kind == "number" or kind == "digits":
            digits = len(piece)
            tokens.append(
                Token("Y" if digits == 4 else "N" if digits <= 2 else "NUM", int(piece), piece)
            )
        elif kind == "stray":
            msg = f"unexpected character {piece!r}: {UNRECOGNIZED}"
            raise Rejected(msg)
        else:
            _HANDLERS[kind](piece, tokens)  # type: ignore[index]
    return tokens
