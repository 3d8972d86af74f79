"""English date phrases: a tokenizer, then a small grammar over token kinds.

The text is lower-cased and cut into tokens (a month name, a four-digit year, an ISO
date, "since", "-", ...). Connectors split the tokens into the sides of an interval, and
the sequence of token kinds on each side (``N MON Y`` for "19 June 2024", ``MON N Y`` for
"June 19, 2024") picks the rule that builds a :class:`~timeline.dates.spec.Spec`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from timeline.dates.edtf_parse import SUB_YEAR_CODES, parse_offset, parse_time
from timeline.dates.expression import Expression, Interval, Side, with_flags
from timeline.dates.gregorian import civil_from_days, days_from_civil, weekday
from timeline.dates.spec import MONTH_NAMES, Rejected, Spec, Time, check_month

UNRECOGNIZED = "not a date expression the engine recognizes (see the README's Dates table)"
LONE_NUMBER = (
    "a lone number is not a date: a day needs a month, and years are written with four digits"
)


@dataclass(slots=True)
class Token:
    """One piece of a phrase: its kind (``MON``, ``Y``, ``TO``, ...), value and text."""

    kind: str
    value: object = None
    text: str = ""


# --------------------------------------------------------------------------- words


def _word_table() -> dict[str, tuple[str, object]]:
    table: dict[str, tuple[str, object]] = {}
    for number, name in enumerate(MONTH_NAMES, start=1):
        lower = name.lower()
        table[lower] = ("MON", number)
        table[lower[:3]] = ("MON", number)
    table["sept"] = ("MON", 9)
    for index, names in enumerate((("spring",), ("summer",), ("autumn", "fall"), ("winter",))):
        for name in names:
            table[name] = ("SEA", index)
    weekdays = (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    )
    for index, names in enumerate(weekdays):
        for name in names:
            table[name] = ("WD", index)
    for name, part in (
        ("early", "early"),
        ("beginning", "early"),
        ("start", "early"),
        ("mid", "mid"),
        ("middle", "mid"),
        ("late", "late"),
        ("end", "late"),
    ):
        table[name] = ("PART", part)
    ordinals = (
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth",
    )  # fmt: skip
    for number, name in enumerate(ordinals, start=1):
        table[name] = ("ORD", number)
    table["third"] = ("THIRD", 3)
    for unit, names in (
        ("day", ("day", "days")),
        ("week", ("week", "weeks")),
        ("month", ("month", "months")),
        ("year", ("year", "years")),
        ("decade", ("decade", "decades")),
        ("century", ("century", "centuries", "cent")),
        ("quarter", ("quarter", "quarters")),
        ("half", ("half", "halves")),
    ):
        for name in names:
            table[name] = ("UNIT", unit)
    numbers = (
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    )  # fmt: skip
    for number, name in enumerate(numbers, start=1):
        table[name] = ("NUMW", number)
    table["a"] = table["an"] = ("NUMW", 1)
    approximate = ("circa", "ca", "approx", "approximately", "about", "around", "roughly", "est")
    for name in (*approximate, "estimated"):
        table[name] = ("APPROX", None)
    table["c"] = ("C", None)
    uncertain = "reportedly possibly probably perhaps maybe allegedly likely presumably supposedly"
    for name in uncertain.split():
        table[name] = ("UNCERT", None)
    for name in ("to", "through", "thru"):
        table[name] = ("TO", name)
    for name in ("until", "till", "til"):
        table[name] = ("TO", "until")
    for name, kind in (
        ("and", "AND"),
        ("between", "BETWEEN"),
        ("from", "FROM"),
        ("since", "SINCE"),
        ("after", "AFTER"),
        ("post", "AFTER"),
        ("before", "BEFORE"),
        ("pre", "BEFORE"),
        ("or", "OR"),
        ("later", "LATER"),
        ("earlier", "EARLIER"),
        ("unknown", "UNKNOWN"),
        ("unk", "UNKNOWN"),
        ("undated", "NODATE"),
        ("ago", "AGO"),
        ("ad", "ERA"),
        ("ce", "ERA"),
        ("bc", "BCE"),
        ("bce", "BCE"),
    ):
        table[name] = (kind, None)
    for name in ("present", "now", "onwards", "onward", "ongoing"):
        table[name] = ("OPEN", None)
    table["date"] = ("DATEWORD", None)
    for name, offset in (("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1)):
        table[name] = ("REL", offset)
    for name, kind, offset in (
        ("last", "LAST", -1),
        ("previous", "LAST", -1),
        ("this", "THIS", 0),
        ("next", "NEXT", 1),
    ):
        table[name] = (kind, offset)
    for name in ["the", "of", "in", "on", "during", "at", "sometime"]:
        table[name] = ("FILLER", None)
    return table


@cache
def _words() -> dict[str, tuple[str, object]]:
    return _word_table()


# --------------------------------------------------------------------------- text


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
    return re.compile(r"[abcnp]\.\s?[cdem]\.|[(\[]\s*\?|prior|up |no |not |twenty|date")


def normalize(text: str) -> str:
    """Lower-case, unify dashes and spaces, and spell out dotted abbreviations."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = lowered.translate(_TRANSLATION)
    if _rewrite_trigger().search(lowered):  # a cheap test before the many-branch rewrite
        lowered = _rewrite_pattern().sub(_rewrite, lowered)
    return lowered.strip()


_TIME = (
    r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:\s?[ap]m\b)?"
    r"(?:z\b|[+-]\d{2}(?::?\d{2})?|\s?(?:utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?\b)?"
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
    words = _words()
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
    if 1 <= code <= 12:
        out.append(Token("DATE", Spec(year=year, month=code), text))
    elif code in SUB_YEAR_CODES:
        out.append(Token("DATE", Spec(year=year, sub=SUB_YEAR_CODES[code]), text))
    elif code > 41 and code > year % 100:
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
        r"\s?(z|utc|gmt)?([+-])?(\d{1,2})?(?::?(\d{2}))?"
    )


def _time(text: str, out: list[Token]) -> None:
    match = _time_pattern().fullmatch(text)
    if match is None:  # the token pattern and this one describe the same texts
        raise Rejected(UNRECOGNIZED)
    hour, minute, second, fraction, meridiem, zone, sign, zone_hours, zone_minutes = match.groups()
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
    out.append(Token("TIME", Time(us, resolution, offset), text))


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
    ("2:30 pm utc").
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
    return re.compile(r"(?:[ap]m|z|utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?")


def _tokenize_piece(piece: str) -> tuple[Token, ...]:
    """Tokens of one space-free piece: a word, a number, or a compound for the pattern."""
    core = piece.rstrip(",")
    word = core[:-1] if core.endswith(".") else core
    if word.isalpha() and word.isascii():
        entry = _words().get(word)
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
    words = _words()
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


# --------------------------------------------------------------------------- cleanup

_QUALIFIERS = frozenset({"APPROX", "UNCERT", "BOTH"})
_NUMBERS = frozenset({"N", "NUM", "Y"})


_LIST_KINDS = frozenset({"SET", "LIST", "NODATE", "UNKNOWN", "BCE"})


def _reject_lists(tokens: list[Token]) -> None:
    kinds = [t.kind for t in tokens]
    if "SET" in kinds:
        msg = "a set of dates in braces is not one date or interval"
        raise Rejected(msg)
    if "LIST" in kinds:
        msg = "a list of several dates is not one date or interval: give one per row"
        raise Rejected(msg)
    if "NODATE" in kinds or kinds == ["UNKNOWN"]:
        msg = "the text says the date is unknown"
        raise Rejected(msg)
    if "BCE" in kinds:
        msg = "years before the common era (BC/BCE) are not supported: the engine covers 1-9999"
        raise Rejected(msg)


_NEEDS_CLEANING = frozenset(
    {"FILLER", "C", "THIRD", "APOS", "ERA", "COLON", "TO", "DATEWORD", "OR", "AND"}
    | {"SET", "LIST", "NODATE", "UNKNOWN", "BCE"}
)


def _clean(tokens: list[Token]) -> list[Token]:
    """Resolve context-dependent words and drop fillers."""
    kinds = {t.kind for t in tokens}
    if kinds.isdisjoint(_NEEDS_CLEANING):
        return tokens
    if not kinds.isdisjoint(_LIST_KINDS):
        _reject_lists(tokens)
    out: list[Token] = []
    count = len(tokens)
    for i, token in enumerate(tokens):
        kind = token.kind
        if kind not in _NEEDS_CLEANING:
            out.append(token)
            continue
        after = tokens[i + 1] if i + 1 < count else None
        if kind == "FILLER":
            continue
        if kind == "C":  # "19th c." is a century; "c. 2002" is circa
            kind = "UNIT" if out and out[-1].kind == "ORD" else "APPROX"
            out.append(Token(kind, "century" if kind == "UNIT" else None, token.text))
            continue
        if kind == "THIRD":  # "third quarter" / "first third of 2025" / "the third of June"
            as_unit = (
                bool(out) and out[-1].kind == "ORD" and (after is None or after.kind != "UNIT")
            )
            out.append(Token("UNIT", "third", token.text) if as_unit else Token("ORD", 3, "third"))
            continue
        if kind == "APOS":
            if after is not None and after.kind == "N":
                msg = f"the two-digit year '{after.text} is ambiguous: write the year in full"
                raise Rejected(msg)
            continue
        if kind == "ERA":
            _era_year(out, tokens, i + 1)
            continue
        if kind == "COLON":
            if out and out[-1].kind == "DATE" and after is not None and after.kind == "DATE":
                out.append(Token("TO", ":", ":"))
                continue
            raise Rejected(UNRECOGNIZED)
        if kind == "TO" and token.value in ("-", "/") and count == 3 and i == 1:
            pair = {tokens[0].kind, tokens[2].kind}
            if pair in ({"Y", "Q"}, {"Y", "H"}):
                continue  # "2025-Q1", "Q1/2025", "2025-H2": one quarter or half
        joins_prefix = bool(out) and out[-1].kind in ("PART", "BEFORE", "AFTER")
        range_of_parts = after is not None and after.kind == "PART"  # "early-mid 1990s"
        if kind == "TO" and token.value == "-" and joins_prefix and not range_of_parts:
            continue  # "mid-March", "pre-1750", "post-1815"
        if kind == "DATEWORD":
            if out and out[-1].kind == "TO":  # "to date"
                out[-1] = Token("OPEN", None, "to date")
                continue
            raise Rejected(UNRECOGNIZED)
        out.append(token)
    return _combine_or(out) if "OR" in kinds or "AND" in kinds else out


def _era_year(out: list[Token], tokens: list[Token], after: int) -> None:
    """'AD 79', '800 CE': the number next to the era marker is a year."""
    if out and out[-1].kind in _NUMBERS:
        out[-1] = Token("Y", out[-1].value, out[-1].text)
    elif after < len(tokens) and tokens[after].kind in _NUMBERS:
        tokens[after] = Token("Y", tokens[after].value, tokens[after].text)


def _combine_or(tokens: list[Token]) -> list[Token]:
    """'or later' / 'and after' / 'or earlier'; any other 'or' offers alternatives."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind in ("OR", "AND"):
            after = tokens[i + 1].kind if i + 1 < len(tokens) else ""
            if after in ("LATER", "AFTER"):
                out.append(Token("ORLATER", None, "or later"))
                i += 2
                continue
            if after in ("EARLIER", "BEFORE"):
                out.append(Token("OREARLIER", None, "or earlier"))
                i += 2
                continue
            if token.kind == "OR":
                msg = "alternative dates ('or') are not one date: choose one, or give the range"
                raise Rejected(msg)
        out.append(token)
        i += 1
    return out


def _orient(tokens: list[Token], dayfirst: bool | None) -> None:
    """Read every numeric date the same way: day first or month first.

    Without ``dayfirst``, the order comes from a date that can only be read one way
    (``17/06/2025``); if every date reads both ways, the text is rejected, never guessed.
    """
    numeric = [t for t in tokens if t.kind == "NUMDATE"]
    if not numeric:
        return
    order = dayfirst
    if order is None:
        possible = {True, False}
        for token in numeric:
            first, second, _ = token.value  # type: ignore[misc]
            readings = {o for o, month in ((True, second), (False, first)) if 1 <= month <= 12}
            if first != second:
                possible &= readings
        if not possible:
            order = True  # neither reading works; the day-first check below says why
        elif len(possible) == 2 and any(t.value[0] != t.value[1] for t in numeric):  # type: ignore[index]
            token = next(t for t in numeric if t.value[0] != t.value[1])  # type: ignore[index]
            first, second, year = token.value  # type: ignore[misc]
            day_first = f"{first} {MONTH_NAMES[second - 1]} {year}"
            month_first = f"{MONTH_NAMES[first - 1]} {second}, {year}"
            msg = (
                f"'{token.text}' is ambiguous: it reads as {day_first} (day first) or "
                f"{month_first} (month first); pass dayfirst=True or dayfirst=False"
            )
            raise Rejected(msg)
        else:
            order = possible.pop() if len(possible) == 1 else True
    for i, token in enumerate(tokens):
        if token.kind != "NUMDATE":
            continue
        first, second, year = token.value  # type: ignore[misc]
        day, month = (first, second) if order else (second, first)
        if not 1 <= month <= 12:
            reading = "day first" if order else "month first"
            msg = f"month {month} does not exist (reading '{token.text}' {reading})"
            raise Rejected(msg)
        tokens[i] = Token("DATE", Spec(year=year, month=month, day=day), token.text)


# --------------------------------------------------------------------------- structure

_WORD_CONNECTORS = frozenset({"to", "until", "through", "thru"})


def _split(tokens: list[Token], between: bool) -> tuple[list[Token], list[Token]] | None:
    """Cut the tokens at the interval connector, or None when there is none."""
    if between:
        cuts = [i for i, t in enumerate(tokens) if t.kind == "AND"]
        if len(cuts) != 1:
            msg = "'between' needs exactly one 'and'"
            raise Rejected(msg)
    else:
        if any(t.kind == "AND" for t in tokens):
            msg = "a list of several dates ('and') is not one date: use 'between ... and ...'"
            raise Rejected(msg)
        connectors = [i for i, t in enumerate(tokens) if t.kind == "TO"]
        cuts = [i for i in connectors if tokens[i].value in _WORD_CONNECTORS] or connectors
        if not cuts:
            return None
        if len(cuts) > 1:
            msg = "more than one range separator: give one start and one end"
            raise Rejected(msg)
    cut = cuts[0]
    left, right = tokens[:cut], tokens[cut + 1 :]
    if not left or not right:
        msg = "a range needs a date on each side of its separator"
        raise Rejected(msg)
    return left, right


def _flags(tokens: list[Token]) -> tuple[bool, bool]:
    approximate = uncertain = False
    for token in tokens:
        kind = token.kind
        if kind in _QUALIFIERS:
            approximate = approximate or kind != "UNCERT"
            uncertain = uncertain or kind != "APPROX"
    return approximate, uncertain


def _structure(tokens: list[Token]) -> Expression:
    lead = 0
    while lead < len(tokens) and tokens[lead].kind in _QUALIFIERS:
        lead += 1
    approximate, uncertain = _flags(tokens[:lead])
    tokens = tokens[lead:]
    if not tokens:
        msg = "no date in the text"
        raise Rejected(msg)

    end_missing: str | None = None
    inclusive_after = before_end = False
    tail = len(tokens)
    while tail > 1 and tokens[tail - 1].kind in _QUALIFIERS and tokens[tail - 2].kind == "TO":
        tail -= 1  # "1985-?": the end is unknown
    if tail < len(tokens):
        end_missing, tokens = "", tokens[: tail - 1]
    last = tokens[-1].kind if tokens else ""
    if last == "OPEN":
        tokens.pop()
        if tokens and tokens[-1].kind == "TO":
            tokens.pop()
        end_missing = ".."
    elif last == "UNKNOWN" and len(tokens) > 2 and tokens[-2].kind == "TO":
        del tokens[-2:]
        end_missing = ""
    elif last == "ORLATER":
        tokens.pop()
        end_missing, inclusive_after = "..", True
    elif last == "OREARLIER":
        tokens.pop()
        before_end = True
    elif last == "TO" and len(tokens) > 1:
        tokens.pop()
        end_missing = ".."

    first = tokens[0] if tokens else None
    prefix = None
    if first is not None and (
        first.kind in ("SINCE", "FROM", "AFTER", "BEFORE", "BETWEEN")
        or (first.kind == "TO" and first.value == "until")
    ):
        prefix = "UNTIL" if first.kind == "TO" else first.kind
        tokens = tokens[1:]
    if not tokens:
        raise Rejected(UNRECOGNIZED)

    split = _split(tokens, prefix == "BETWEEN")
    if split is not None:
        if end_missing is not None or before_end or prefix in ("AFTER", "BEFORE", "UNTIL"):
            raise Rejected(UNRECOGNIZED)
        left, right = (side_spec(part) for part in split)
        expr: Expression = Interval(Side(left), Side(right))
    elif prefix == "BETWEEN":
        msg = "'between' needs two dates joined by 'and'"
        raise Rejected(msg)
    else:
        spec = side_spec(tokens)
        if before_end or prefix == "UNTIL":
            expr = Interval(Side(None), Side(spec))
        elif prefix == "BEFORE":
            expr = Interval(Side(None), Side(spec, outer=True))
        elif prefix == "AFTER" and not inclusive_after:
            expr = Interval(
                Side(spec, outer=True),
                Side(None, missing=".." if end_missing is None else end_missing),
            )
        elif prefix in ("SINCE", "FROM") or end_missing is not None:
            expr = Interval(
                Side(spec), Side(None, missing=".." if end_missing is None else end_missing)
            )
        else:
            if spec.day is not None and spec.month is None and spec.year is None:
                raise Rejected(LONE_NUMBER)
            expr = spec
    return with_flags(expr, approximate, uncertain)


# --------------------------------------------------------------------------- sides

Rule = Callable[[list[object]], Spec]


def _day(day: object, month: object, year: object = None) -> Spec:
    return Spec(year=year, month=month, day=day)  # type: ignore[arg-type]


def _unit_rule(ordinal: int, unit: object, year: int | None) -> Spec:
    """'19th century', 'first quarter of 2025', 'second half', 'first third of 2025'."""
    if unit == "century":
        if year is not None:
            raise Rejected(UNRECOGNIZED)
        return Spec(century=("ordinal", ordinal))
    limits = {"quarter": 4, "half": 2, "third": 3}
    if unit not in limits:
        raise Rejected(UNRECOGNIZED)
    if not 1 <= ordinal <= limits[unit]:  # type: ignore[index]
        msg = f"a year has no {unit} number {ordinal}"
        raise Rejected(msg)
    return Spec(year=year, sub=(unit, ordinal))  # type: ignore[arg-type]


def _sub(kind: str, limit: int) -> Callable[[int, int | None], Spec]:
    def build(index: int, year: int | None = None) -> Spec:
        if not 1 <= index <= limit:
            msg = f"a year has no {kind} number {index}"
            raise Rejected(msg)
        return Spec(year=year, sub=(kind, index))

    return build


_quarter = _sub("quarter", 4)
_half = _sub("half", 2)

_RELATIVE_UNITS = ("day", "week", "month", "year")


def _relative_unit(offset: object, unit: object) -> Spec:
    if unit not in ("week", "month", "year"):
        raise Rejected(UNRECOGNIZED)
    return Spec(relative=(unit, offset))


def _ago(count: object, unit: object) -> Spec:
    if unit not in _RELATIVE_UNITS:
        raise Rejected(UNRECOGNIZED)
    return Spec(relative=(unit, -count))  # type: ignore[operator]


def _year_unit(unit: object, year: object) -> Spec:
    if unit != "year":
        raise Rejected(UNRECOGNIZED)
    return Spec(year=year)  # type: ignore[arg-type]


_RULES: dict[tuple[str, ...], Rule] = {
    # days
    ("N", "MON", "Y"): lambda v: _day(v[0], v[1], v[2]),
    ("ORD", "MON", "Y"): lambda v: _day(v[0], v[1], v[2]),
    ("MON", "N", "Y"): lambda v: _day(v[1], v[0], v[2]),
    ("MON", "ORD", "Y"): lambda v: _day(v[1], v[0], v[2]),
    ("Y", "MON", "N"): lambda v: _day(v[2], v[1], v[0]),
    ("Y", "MON", "ORD"): lambda v: _day(v[2], v[1], v[0]),
    ("Y", "N", "MON"): lambda v: _day(v[1], v[2], v[0]),
    ("N", "MON"): lambda v: _day(v[0], v[1]),
    ("ORD", "MON"): lambda v: _day(v[0], v[1]),
    ("MON", "N"): lambda v: _day(v[1], v[0]),
    ("MON", "ORD"): lambda v: _day(v[1], v[0]),
    ("N", "Y"): lambda v: Spec(day=v[0], year=v[1]),  # type: ignore[arg-type]
    ("ORD", "Y"): lambda v: Spec(day=v[0], year=v[1]),  # type: ignore[arg-type]
    ("ORD",): lambda v: Spec(day=v[0]),  # type: ignore[arg-type]
    ("DATE",): lambda v: v[0].copy(),  # type: ignore[attr-defined]
    # months
    ("MON", "Y"): lambda v: Spec(year=v[1], month=v[0]),  # type: ignore[arg-type]
    ("Y", "MON"): lambda v: Spec(year=v[0], month=v[1]),  # type: ignore[arg-type]
    ("MON",): lambda v: Spec(month=v[0]),  # type: ignore[arg-type]
    ("PART", "MON", "Y"): lambda v: Spec(year=v[2], month=v[1], part=v[0]),  # type: ignore[arg-type]
    ("PART", "MON"): lambda v: Spec(month=v[1], part=v[0]),  # type: ignore[arg-type]
    # years, decades, centuries
    ("Y",): lambda v: Spec(year=v[0]),  # type: ignore[arg-type]
    ("UNIT", "Y"): lambda v: _year_unit(v[0], v[1]),
    ("PART", "Y"): lambda v: Spec(year=v[1], part=v[0]),  # type: ignore[arg-type]
    ("PART", "UNIT", "Y"): lambda v: _year_unit(v[1], v[2]).copy(part=v[0]),
    ("PART",): lambda v: Spec(part=v[0]),  # type: ignore[arg-type]
    ("PLURAL",): lambda v: Spec(plural=v[0]),  # type: ignore[arg-type]
    ("PART", "PLURAL"): lambda v: Spec(plural=v[1], part=v[0]),  # type: ignore[arg-type]
    ("PLURAL", "PART"): lambda v: Spec(plural=v[0], part=v[1]),  # type: ignore[arg-type]
    ("ORD", "UNIT"): lambda v: _unit_rule(v[0], v[1], None),  # type: ignore[arg-type]
    ("ORD", "UNIT", "Y"): lambda v: _unit_rule(v[0], v[1], v[2]),  # type: ignore[arg-type]
    ("PART", "ORD", "UNIT"): lambda v: _unit_rule(v[1], v[2], None).copy(part=v[0]),  # type: ignore[arg-type]
    ("CENT",): lambda v: Spec(century=("ordinal", v[0])),  # type: ignore[arg-type]
    ("PART", "CENT"): lambda v: Spec(century=("ordinal", v[1]), part=v[0]),  # type: ignore[arg-type]
    # seasons, quarters, halves
    ("SEA", "Y"): lambda v: Spec(year=v[1], sub=("season", v[0])),  # type: ignore[arg-type]
    ("Y", "SEA"): lambda v: Spec(year=v[0], sub=("season", v[1])),  # type: ignore[arg-type]
    ("SEA",): lambda v: Spec(sub=("season", v[0])),  # type: ignore[arg-type]
    ("PART", "SEA", "Y"): lambda v: Spec(year=v[2], sub=("season", v[1]), part=v[0]),  # type: ignore[arg-type]
    ("Q", "Y"): lambda v: _quarter(v[0], v[1]),  # type: ignore[arg-type]
    ("Y", "Q"): lambda v: _quarter(v[1], v[0]),  # type: ignore[arg-type]
    ("Q",): lambda v: _quarter(v[0]),  # type: ignore[arg-type]
    ("H", "Y"): lambda v: _half(v[0], v[1]),  # type: ignore[arg-type]
    ("Y", "H"): lambda v: _half(v[1], v[0]),  # type: ignore[arg-type]
    ("H",): lambda v: _half(v[0]),  # type: ignore[arg-type]
    # relative to the report date
    ("REL",): lambda v: Spec(relative=("day", v[0])),
    ("LAST", "UNIT"): lambda v: _relative_unit(v[0], v[1]),
    ("THIS", "UNIT"): lambda v: _relative_unit(v[0], v[1]),
    ("NEXT", "UNIT"): lambda v: _relative_unit(v[0], v[1]),
    ("N", "UNIT", "AGO"): lambda v: _ago(v[0], v[1]),
    ("NUMW", "UNIT", "AGO"): lambda v: _ago(v[0], v[1]),
    ("WD",): lambda v: Spec(relative=("weekday", v[0], False)),
    ("LAST", "WD"): lambda v: Spec(relative=("weekday", v[1], True)),
}


def side_spec(tokens: list[Token]) -> Spec:
    """The spec of one side of an interval (or of a whole single expression)."""
    approximate, uncertain = _flags(tokens)
    core = [t for t in tokens if t.kind not in _QUALIFIERS] if approximate or uncertain else tokens
    if core and core[0].kind == "UNIT" and core[0].value == "week" and len(core) > 1:
        spec = side_spec(core[1:])  # "the week of 12 June 2024"
        if spec.day is None or spec.time is not None:
            raise Rejected(UNRECOGNIZED)
        spec.week = "containing"
    else:
        spec = _rule_spec(core)
    if approximate or uncertain:
        spec.approximate = spec.approximate or approximate
        spec.uncertain = spec.uncertain or uncertain
    return spec


def _rule_spec(tokens: list[Token]) -> Spec:
    kinds = tuple(t.kind for t in tokens)
    times: list[Token] = []
    if "TIME" in kinds:
        times = [t for t in tokens if t.kind == "TIME"]
        tokens = [t for t in tokens if t.kind != "TIME"]
        kinds = tuple(t.kind for t in tokens)
    weekdays: list[Token] = []
    if "WD" in kinds and kinds not in (("WD",), ("LAST", "WD")):
        weekdays = [t for t in tokens if t.kind == "WD"]  # checked against the date
        tokens = [t for t in tokens if t.kind != "WD"]
        kinds = tuple(t.kind for t in tokens)
    if len(times) > 1 or len(weekdays) > 1:
        raise Rejected(UNRECOGNIZED)
    if kinds == ("N",):  # a lone number: a day, or the end of "1997-98"
        spec = Spec(day=tokens[0].value, bare_digits=len(tokens[0].text))  # type: ignore[arg-type]
    else:
        rule = _RULES.get(kinds)
        if rule is None:
            raise Rejected(UNRECOGNIZED)
        spec = rule([t.value for t in tokens])
    if weekdays:
        spec.weekday = weekdays[0].value  # type: ignore[assignment]
    if times:
        if spec.day is None:
            msg = "a time of day needs a full date"
            raise Rejected(msg)
        spec.time = times[0].value  # type: ignore[assignment]
    return spec


def _direct_side(tokens: list[Token]) -> Spec | None:
    """The spec of an interval side that one rule covers, or None (then the full grammar)."""
    if len(tokens) == 1 and tokens[0].kind == "N":
        return Spec(day=tokens[0].value, bare_digits=len(tokens[0].text))
    rule = _RULES.get(tuple([t.kind for t in tokens]))
    return None if rule is None else rule([t.value for t in tokens])


def _century_sides(tokens: list[Token]) -> None:
    """'late 19th to early 20th century', '19th-20th century': the left ordinal is a century."""
    kinds = [t.kind for t in tokens]
    if not (kinds and kinds[-1] == "UNIT" and tokens[-1].value == "century"):
        return
    for i in range(len(tokens) - 1):
        if kinds[i] == "ORD" and kinds[i + 1] == "TO":
            tokens.insert(i + 1, Token("UNIT", "century", "century"))
            return


def parse_phrase(text: str, dayfirst: bool | None) -> Expression:
    """The expression of an English date phrase.

    Raises
    ------
    Rejected
        With the reason when the phrase is not understood or names no possible date.
    """
    if text.startswith("[") and text.endswith("]") and ("," in text or ".." in text):
        msg = "an EDTF set ([...]: one of several dates) is not one date or interval"
        raise Rejected(msg)
    tokens = _clean(tokenize(normalize(text)))
    kinds = [t.kind for t in tokens]
    rule = _RULES.get(tuple(kinds))
    if rule is not None:  # one rule covers the whole phrase: no connector, qualifier or time
        spec = rule([t.value for t in tokens])
        if spec.day is not None and spec.month is None:
            raise Rejected(LONE_NUMBER)
        return spec
    if kinds.count("TO") == 1 and "UNIT" not in kinds:  # "13-14 October 1905"
        cut = kinds.index("TO")
        left, right = _direct_side(tokens[:cut]), _direct_side(tokens[cut + 1 :])
        if left is not None and right is not None:
            return Interval(Side(left), Side(right))
    _orient(tokens, dayfirst)
    _century_sides(tokens)
    return _structure(tokens)
