"""Phrases of news text read against the report date.

Reports date their claims by the report's own day: "on the 13th", "earlier on Tuesday",
"over the past two weeks", "in recent days", "by Monday", a date "(local time)". This
module reads them before the general phrase grammar of :mod:`timeline.dates.phrases`
(which it calls for the date inside a wrapper such as "(local time)"):

- "the 13th", "on the 13th": the most recent 13th of a month on or before the report
  date (the report's month when the day has passed, else the month before).
- "earlier on Tuesday", "earlier Tuesday", "late on Tuesday": the Tuesday on or before the
  report date, as "Tuesday" is; "last Tuesday" is strictly before it. "Tuesday morning",
  "yesterday evening": the day.
- "3 November (local time)", "14:30 local time on 3 November": the zone is not named, so
  the clock time is dropped and the day kept (day precision); a date alone stays as it is.
- "over the past two weeks", "the past 10 days", "the last three months": from that long
  before the report date up to the report day, inclusive.
- "in recent days", "the past few days", "in recent weeks", "in recent months": the same
  with 7 days, 4 weeks or 6 months, marked approximate.
- "8:30 p.m. EDT on Wednesday": that weekday (as "Wednesday" reads) at that time, converted
  to UTC. A clock time without a zone on a day named relative to the report ("6 a.m. on
  Monday", "between 6 a.m. on Monday and 6 a.m. on Tuesday") is the place's local time,
  which cannot be put in UTC: the time is dropped and the day kept. (With a full date,
  "2:30 pm on 19 June 2024", the engine's rule for times without a zone applies.)
- "the start of the year", "the end of last month", "the beginning of this year": the
  early (middle, late) part of that year or month, as "early 2025" or "late October" read.
- "by Monday": a deadline ahead, from the report day to the first Monday on or after it;
  "by 15 November" (any other date): on or before it, start unknown.
- "that day", "the same day", "the next day", "the day before": they refer to a date given
  earlier in the text, so they are rejected here with that reason;
  :func:`timeline.extract_events` resolves them from the preceding dated sentence.

Examples
--------
>>> from timeline.dates import parse_date
>>> parse_date("on the 13th", reference_date="2025-11-20").edtf
'2025-11-13'
>>> parse_date("over the past two weeks", reference_date="2025-11-20").edtf
'2025-11-06/2025-11-20'
"""

from __future__ import annotations

import re
from functools import cache

from timeline.dates.expression import Expression, Interval, Side
from timeline.dates.phrases import parse_phrase
from timeline.dates.spec import Rejected, Spec

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RECENT = {"day": ("day", 7), "week": ("day", 28), "month": ("month", 6)}

ANAPHORA = re.compile(
    r"(?:(?:that|the same|that same|the next|the following|the previous) day|"
    r"the day (?:before|after))"
)
"""Day phrases that point at a date given earlier in the text."""


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words = r"\d{1,3}|" + "|".join(_NUMBER_WORDS) + r"|few|several"
    return {
        "monthday": re.compile(r"(?:on )?the (?P<day>\d{1,2})(?:st|nd|rd|th)"),
        "earlier": re.compile(r"(?:earlier|early|late|later) (?:on )?(?P<rest>.+)"),
        "local": re.compile(
            r"(?P<a>.*?)\s*(?:\(local time\)|,? local time,?)\s*(?:on )?(?P<b>.*?)"
        ),
        "past": re.compile(
            r"(?:(?:over|in|during|for|within) )?the (?:past (?:(?P<n>"
            + words
            + r") )?|last (?P<m>"
            + words
            + r") )(?P<unit>day|week|month|year)s?"
        ),
        "recent": re.compile(r"(?:in|over|during) (?:the )?recent (?P<unit>day|week|month)s"),
        "by": re.compile(r"by (?P<rest>.+)"),
        "part_of": re.compile(
            r"(?:(?P<prefix>since|from|until|by|at) )?the (?P<part>start|beginning|middle|end) of "
            r"(?P<which>the|this|last|next) (?P<unit>year|month)"
        ),
        "part_of_day": re.compile(
            r"(?:(?:early|late|on) )?(?P<rest>(?:"
            + "|".join(_WEEKDAYS)
            + r"|yesterday|today|tomorrow|the \d{1,2}(?:st|nd|rd|th)))"
            r" (?:morning|afternoon|evening|night)"
        ),
        "clock": re.compile(
            r"(?:(?P<q>about|around|approximately|circa) )?(?:at )?"
            r"(?P<time>\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)?)\s?(?P<zone>[a-z]{3,4})?"
            r"(?: \(local time\))?,? (?:on )?(?P<wd>" + "|".join(_WEEKDAYS) + r")"
        ),
        "anaphora": re.compile(ANAPHORA.pattern),
    }


_ANAPHORA_WORDS = ("that", "same", "next", "following", "previous", "the day")
_CLOCK_STARTS = ("ab", "ar", "ap", "ci", "at")


def may_be_report_phrase(text: str) -> bool:
    """Whether ``text`` (lower case, stripped) could be one of this module's phrases.

    A cheap test of the words each phrase needs ("local", "past", "recent", "by ...", a
    part of the day, a clock time, "the end of", "the 13th", "earlier on Tuesday", "that
    day"): text that fails it is none of them and goes straight to the grammar, which is
    what keeps these phrases from slowing every other date down. It may pass text that
    turns out to be none of them; it never fails one of them (a test checks that on every
    phrase the tests use).
    """
    if (
        "local" in text
        or "past" in text
        or "last" in text
        or "recent" in text
        or text.startswith("by")
        or "morning" in text
        or "noon" in text
        or "evening" in text
        or "night" in text
        or "am" in text
        or "pm" in text
        or "a.m" in text
        or "p.m" in text
    ):
        return True
    if " of" in text and any(word in text for word in ("start", "beginning", "middle", "end")):
        return True
    if "day" in text:
        if text[:1].isdigit() or text.startswith(_CLOCK_STARTS) or ":" in text:
            return True  # a clock time on a weekday
        if "earl" in text or "late" in text or any(word in text for word in _ANAPHORA_WORDS):
            return True
    if ":" in text and (" on" in text or "," in text):
        return True  # a clock time before "on" a day
    return "the" in text and _MONTH_DAY.search(text) is not None


_MONTH_DAY = re.compile(r"the\s+\d")


@cache
def _zoneless_pattern() -> re.Pattern[str]:
    zone = r"(?!\s?(?:[a-z]{3,4}\b(?<!\bon)|utc|gmt|z\b|[+-]\d))"
    return re.compile(
        r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)" + zone + r"(?:\s?(?:on\b|,))?"
        r"|\b\d{1,2}:\d{2}" + zone + r"\s(?:on\b|,)"
    )


def _days(unit: str, count: int) -> Spec:
    if unit == "day":
        return Spec(relative=("day", -count))
    if unit == "week":
        return Spec(relative=("day", -7 * count))
    if unit == "month":
        return Spec(relative=("months_before", count))
    return Spec(relative=("months_before", 12 * count))


def _up_to_report(start: Spec, approximate: bool = False) -> Interval:
    end = Spec(relative=("day", 0))
    if approximate:
        start.approximate = end.approximate = True
    return Interval(Side(start), Side(end))


def _drop_time(expr: Expression) -> Expression:
    if isinstance(expr, Spec):
        return expr.copy(time=None)
    for side in (expr.start, expr.end):
        if side.spec is not None:
            side.spec = side.spec.copy(time=None)
    return expr


def _clock_on_weekday(match: re.Match[str], text: str) -> Spec:
    """'8:30 p.m. EDT on Wednesday': the weekday as 'Wednesday' reads, at that time."""
    if match["zone"] is None:
        msg = (
            f"{text!r} gives a clock time without a time zone (local time): it cannot be "
            "placed in UTC; give the zone, or the day alone"
        )
        raise Rejected(msg)
    clock = match["time"]
    if ":" not in clock:  # "9 am" -> "9:00 am"
        clock = re.sub(r"^(\d{1,2})", r"\1:00", clock)
    timed = parse_phrase(f"1 january 2000 {clock} {match['zone']}", None)
    if not isinstance(timed, Spec) or timed.time is None:
        raise Rejected(f"no clock time in {text!r}")  # noqa: EM102
    weekday = _WEEKDAYS.index(match["wd"])
    return Spec(relative=("weekday", weekday, False), time=timed.time, approximate=bool(match["q"]))


def report_phrase(text: str, dayfirst: bool | None) -> Expression | None:
    """The expression of a report-relative phrase, or None when the text is none of them.

    Parameters
    ----------
    text
        The stripped date text.
    dayfirst
        Passed on to the phrase grammar for a date inside a wrapper.

    Raises
    ------
    Rejected
        With the reason when the phrase is one of these but names no possible date.

    Examples
    --------
    >>> report_phrase("by monday", None).end.spec.relative
    ('weekday_ahead', 0)
    >>> report_phrase("19 June 2024", None) is None
    True
    """
    lowered = text.lower()
    if not may_be_report_phrase(lowered):
        return None
    lowered = " ".join(lowered.split())
    if not lowered:
        return None
    patterns = _patterns()
    if ("m" in lowered or ":" in lowered) and _zoneless_pattern().search(lowered):
        # a clock time without a zone is local time: the day, as written without it
        rest = " ".join(_zoneless_pattern().sub(" ", lowered).split())
        rest = re.sub(r"^(?:at|on) ", "", rest)
        if rest and rest != lowered and not re.search(r"\d{4}", rest):
            inner = report_phrase(rest, dayfirst) or parse_phrase(rest, dayfirst)
            return _drop_time(inner)
    part_of_day = patterns["part_of_day"].fullmatch(lowered)
    if part_of_day is not None:  # "Thursday morning": the day
        rest = part_of_day["rest"]
        return report_phrase(rest, dayfirst) or parse_phrase(rest, dayfirst)
    if not (lowered[0] in "otebilfwdrsu0123456789ac" or "local time" in lowered):
        return None
    if lowered[:1].isdigit() or lowered[:2] in ("ab", "ar", "ap", "ci", "at"):
        clock = patterns["clock"].fullmatch(lowered)
        if clock is not None:
            return _clock_on_weekday(clock, text)
    if (match := patterns["part_of"].fullmatch(lowered)) is not None:
        offset = {"the": 0, "this": 0, "last": -1, "next": 1}[match["which"]]
        part = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}
        spec = Spec(relative=(match["unit"], offset), part=part[match["part"]])
        if match["prefix"] in ("since", "from"):
            return Interval(Side(spec), Side(None))
        if match["prefix"] in ("until", "by"):
            return Interval(Side(None), Side(spec))
        return spec
    if (match := patterns["monthday"].fullmatch(lowered)) is not None:
        return Spec(relative=("monthday", int(match["day"])))
    if patterns["anaphora"].fullmatch(lowered) is not None:
        msg = (
            f"'{text}' refers to a date given earlier in the text and has no date of its "
            "own (timeline.extract_events resolves it from the preceding dated sentence)"
        )
        raise Rejected(msg)
    if (match := patterns["earlier"].fullmatch(lowered)) is not None:
        rest = match["rest"]
        if rest in _WEEKDAYS or patterns["monthday"].fullmatch(rest):
            return report_phrase(rest, dayfirst) or parse_phrase(rest, dayfirst)
        return None
    if "local time" in lowered and (match := patterns["local"].fullmatch(lowered)) is not None:
        parts = [part for part in (match["a"], match["b"]) if part]
        if not parts:
            msg = "'local time' without a date"
            raise Rejected(msg)
        rest = " ".join(parts)
        inner = report_phrase(rest, dayfirst) or parse_phrase(rest, dayfirst)
        return _drop_time(inner)
    if (match := patterns["past"].fullmatch(lowered)) is not None:
        word = match["n"] or match["m"] or "one"
        vague = word in ("few", "several")
        if vague:
            unit, count = _RECENT[match["unit"]] if match["unit"] != "year" else ("month", 36)
            return _up_to_report(_days(unit, count), approximate=True)
        count = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        if count == 0:
            msg = f"'{text}' names a period of no length"
            raise Rejected(msg)
        return _up_to_report(_days(match["unit"], count))
    if (match := patterns["recent"].fullmatch(lowered)) is not None:
        unit, count = _RECENT[match["unit"]]
        return _up_to_report(_days(unit, count), approximate=True)
    if (match := patterns["by"].fullmatch(lowered)) is not None:
        rest = match["rest"]
        if rest in _WEEKDAYS:
            ahead = Spec(relative=("weekday_ahead", _WEEKDAYS.index(rest)))
            return Interval(Side(Spec(relative=("day", 0))), Side(ahead))
        inner = report_phrase(rest, dayfirst) or parse_phrase(rest, dayfirst)
        if not isinstance(inner, Spec):
            msg = f"'by' needs one date after it, not a range: {text!r}"
            raise Rejected(msg)
        return Interval(Side(None), Side(inner))
    return None
