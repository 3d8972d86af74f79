"""The words of English date phrases and the token kind each one stands for.

Kinds: ``MON`` month, ``SEA`` season, ``WD`` weekday, ``PART`` early/mid/late, ``ORD``
ordinal, ``UNIT`` calendar unit, ``NUMW`` number word, ``APPROX``/``UNCERT`` qualifiers,
``TO``/``AND``/``BETWEEN``/``FROM``/``SINCE``/``AFTER``/``BEFORE`` connectors, ``OPEN`` an
open end, ``REL``/``LAST``/``THIS``/``NEXT``/``AGO`` relative words, ``ERA``/``BCE`` eras,
``FILLER`` words that carry no date ("the", "of", "in").
"""

from __future__ import annotations

from functools import cache

from timeline.dates.spec import MONTH_NAMES

# Time-zone abbreviations read right after a clock time ("14:30 EST"), in minutes east of
# UTC. The offsets are fixed, with no daylight-saving rules: EST is UTC-5 even in July.
# Only after a time is "est" a zone; elsewhere it means "estimated". CST is ambiguous
# (North American Central or China Standard Time) and so rejected, like IST and BST.
TIME_ZONES: dict[str, int] = {
    "z": 0, "utc": 0, "gmt": 0,
    "est": -5 * 60, "edt": -4 * 60, "cdt": -5 * 60,
    "mst": -7 * 60, "mdt": -6 * 60, "pst": -8 * 60, "pdt": -7 * 60,
    "cet": 1 * 60, "cest": 2 * 60, "eet": 2 * 60, "eest": 3 * 60,
    "msk": 3 * 60, "kst": 9 * 60, "jst": 9 * 60,
}  # fmt: skip

# Abbreviations with several meanings: rejected, with the readings, rather than guessed.
AMBIGUOUS_ZONES: dict[str, str] = {
    "ist": "India (UTC+05:30), Irish (UTC+01:00) or Israel (UTC+02:00) Standard Time",
    "bst": "British Summer Time (UTC+01:00) or Bangladesh Standard Time (UTC+06:00)",
    "cst": "North American Central (UTC-06:00) or China (UTC+08:00) Standard Time",
}


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
    uncertain = (
        "reportedly possibly probably perhaps maybe allegedly likely presumably supposedly "
        "uncertain guess guessed"
    )
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
    for name in ["the", "of", "in", "on", "during", "at", "sometime", "active"]:
        table[name] = ("FILLER", None)
    return table


@cache
def word_kinds() -> dict[str, tuple[str, object]]:
    return _word_table()
