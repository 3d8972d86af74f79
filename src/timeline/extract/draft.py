"""Walk the sentences of a text and draft one row per dated claim.

Each date expression of a sentence is a row. "X ... until Y" in one sentence is a span
from X to Y (besides the row of X). "that day", "the same day" take the last date of one
day the text gave. A sentence with a claimant but no date of its own (an undated claim)
takes the date of the text so far in its section (``date_basis`` says so), else the
report date. The date of the text so far is the last date a sentence gave; a date an
attributed sentence gives that lies before it (a look back: "Lavrov said ties grew
following the summit in June 2024") does not move it, and the statement gets a row of
its own at the date of the text so far. A text without any date drafts no row.

Examples
--------
>>> rows = draft_rows("Troops arrived on Monday. They left, officials said.", "2025-11-05")
>>> [(r["date"], r["date_basis"] == INHERITED) for r in rows]
[('Monday', False), ('Monday', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from timeline.dates import FuzzyDate
from timeline.extract.claims import find_claimant, short_title
from timeline.extract.find import find_dates
from timeline.extract.mentions import DateMention, clause_of, read_date
from timeline.extract.names import (
    capitalised_names,
    find_location,
    find_quantity,
    full_name,
    proper_words,
)
from timeline.extract.relative import shifted
from timeline.extract.segment import Sentence, split_sentences

WORDING = "article wording"
INHERITED = "date of the preceding sentence (the sentence gives none)"
REPORT_DATE = "report date (the text gives no date of its own for this claim)"


@dataclass(slots=True)
class _Context:
    """A date of the text so far: as written, as read, its start, where it is written."""

    text: str
    read: str
    start: Any
    char_start: int
    char_end: int


def _context_of(
    sentence: Sentence, mention: DateMention, reported_on: object, language: str | None = None
) -> _Context:
    assert mention.date is not None
    text, read, start = mention.text, mention.read_as or mention.text, mention.start
    date = mention.date
    if mention.until:  # "until the spring of 2025": the text goes on at the spring of 2025
        head = len(text) - len(text.split(" ", 1)[1])
        text, read, start = text[head:], read.split(" ", 1)[1], start + head
        date = read_date(read, reported_on, language)
    return _Context(text, read, date.start, sentence.start + start, sentence.start + mention.end)


def _is_day(mention: DateMention) -> bool:
    date = mention.date
    return (
        date is not None
        and date.kind == "instant"
        and date.start_precision in ("day", "time")
        and not mention.until
    )


def draft_rows(
    text: str,
    reported_on: object,
    *,
    language: str = "en",
    known_actors: tuple[str, ...] = (),
    known_places: tuple[str, ...] = (),
    undated: bool = True,
) -> list[dict[str, Any]]:
    """The draft rows of a text: plain dicts, one per dated claim, in text order.

    ``date`` (and ``end``) hold the date text as the loader reads it: as written, or, for
    "that day" and an undated claim, the date it refers to, or the date as the sentence's
    tense reads it ("will be sworn in on 18 February": 18 February of the next year);
    ``date_basis`` says which, and ``char_start``/``char_end`` where it is written.

    Examples
    --------
    >>> [r["date"] for r in draft_rows("The summit took place in June 2024.", "2025-01-01")]
    ['June 2024']
    """
    sentences = split_sentences(text, language)
    dates_language = None if language == "en" else language
    proper = proper_words(s.text for s in sentences)
    proper |= {word for name in known_actors for word in name.split()}
    rows: list[dict[str, Any]] = []
    context: _Context | None = None
    day: _Context | None = None
    lead: _Context | None = None  # the first day the text gave: the day of its news
    earliest: Any = None  # the earliest day the text gave: the first day of its story
    section = -1
    previous_claimant: str | None = None  # the last claimant named (a person: "he")
    previous_group: str | None = None  # the last claimant of any kind ("it", "they")
    previous_subject: str | None = None  # the name the sentence before opened with
    names_so_far: list[str] = list(known_actors)
    last_dated = -2  # the index of the last sentence that gave a date
    for index, sentence in enumerate(sentences):
        if sentence.section != section:
            section, context, day = sentence.section, None, None
        body = sentence.text
        mentions = find_dates(body, reported_on, dates_language)
        names = capitalised_names(body, proper)
        person = previous_subject or previous_claimant
        claim = find_claimant(body, person, previous_group=previous_group or person)
        names_so_far.extend(n for n in names if n not in names_so_far)
        claimant = None if claim is None else full_name(claim.text, names_so_far)
        if claimant is not None and claimant[:1].isupper():
            previous_claimant = claimant
        if claimant is not None:
            previous_group = claimant
        previous_subject = (
            _subject_name(body, names, names_so_far) if language == "en" else _last_pair(body)
        )
        spans = [(m.start, m.end) for m in mentions]
        actors = [full_name(n, names_so_far) for n in names]
        actors += [a for a in known_actors if a in body and a not in actors]
        quantity, quantity_text = find_quantity(body, spans)
        common = {
            "title": short_title(body, claim, spans),
            "quote": body,
            "claimant": claimant,
            "actors": list(dict.fromkeys(actors)),
            "location": find_location(body, known_places),
            "quantity": quantity,
            "quantity_text": quantity_text,
            "sentence_start": sentence.start,
            "sentence_end": sentence.end,
        }
        mentions = _counted(mentions, day, context, lead, reported_on, dates_language, earliest)
        for mention in mentions:
            date = mention.date
            if (
                date is not None
                and date.start_precision in ("day", "time")
                and not pd.isna(date.start)
                and (earliest is None or date.start < earliest)
            ):
                earliest = date.start
        dated = [m for m in mentions if m.date is not None or day is not None]
        if not dated:
            if claim is not None and undated:
                rows.append(_undated(common, context, reported_on))
            continue
        previous: DateMention | None = None
        reports = language == "en" and _REPORTED.search(body) is not None  # "X said that"
        speakers = list(_INNER.finditer(body)) if reports else []
        joined = None
        if claim is not None and language == "en" and (", and " in body or ", but " in body):
            joined = _LaterClause.of(body, claim)
        for mention in dated:
            row = dict(common)
            read = mention.read_as or mention.text
            if mention.date is None:  # "that day": the last day the text gave
                assert day is not None
                row.update(
                    date=day.read,
                    date_basis=f"'{mention.text}' in the text: the day given before",
                )
            elif closing := _closing(mention, mentions, body, reported_on, dates_language):
                row.update(
                    date=closing[0],
                    end=closing[1],
                    date_basis=f"{WORDING}: a state that lasted since then until '{closing[1]}'",
                )
            elif (
                mention.until
                and previous is None
                and context is not None
                and last_dated == index - 1
                and _GOES_ON.match(body)
                and mention.date.end is not None
                and context.start < mention.date.end
                and mention.date.end <= _report_day(reported_on)
            ):  # "He was held ... in June 2022. He was held until early 2023": from June
                row.update(
                    date=context.read,
                    end=read.split(" ", 1)[1],
                    date_basis=f"{WORDING}: from '{context.text}', the sentence before",
                )
            elif (
                mention.until
                and previous is not None
                and previous.date is not None
                and _REPORTED.search(body, previous.end, mention.start) is None
            ):
                row.update(
                    date=previous.read_as or previous.text,
                    end=read.split(" ", 1)[1],
                    date_basis=WORDING,
                    char_start=sentence.start + previous.start,
                )
            else:
                basis = WORDING
                if mention.read_as:
                    basis = f"{WORDING} '{mention.text}', {mention.note} ({read})"
                row.update(date=read, date_basis=basis)
            inner = _inner_claimant(speakers, mention.start) if speakers else None
            if inner is not None and (claimant is None or inner not in claimant):
                row["claimant"] = full_name(inner, names_so_far)  # a second claimant
            elif joined is not None and joined.applies(mention.end):
                row["claimant"] = None  # "Washington tightened rules in December, and the
                # Commerce Department said last month ...": December is nobody's claim
            row.setdefault("char_start", sentence.start + mention.start)
            row["char_end"] = sentence.start + mention.end
            rows.append(row)
            previous = mention
            if _is_day(mention):
                day = _context_of(sentence, mention, reported_on, dates_language)
                lead = lead or day
        last = dated[-1]
        last_dated = index
        if last.date is not None:
            candidate = _context_of(sentence, last, reported_on, dates_language)
            looks_back = (
                claim is not None and context is not None and candidate.start < context.start
            )
            if not looks_back:
                context = candidate
            elif undated:  # the statement itself is dated by the text so far
                rows.append(_undated(common, context, reported_on))
    if all(row["date_basis"] in (INHERITED, REPORT_DATE) for row in rows):
        return []  # a text without dates has no dated claims, and none to date others by
    return _deduplicated(rows)


_FIRST_LOWER = re.compile(r"(?<![\w’'-])(?!(?:of|the|da|de|al|bin|van|von)\b)[a-z]")


def _subject_name(body: str, names: list[str], known: list[str]) -> str | None:
    """The name a sentence opens with, its subject ("Babis, 71, served as ..."): the first
    name written before the sentence's first lowercase word ("he" in the next sentence
    stands for it)."""
    if not names:
        return None
    first_lower = _FIRST_LOWER.search(body)
    limit = first_lower.start() if first_lower else len(body)
    at = body.find(names[0])
    return full_name(names[0], known) if 0 <= at < limit else None


_PAIR = re.compile(r"(?<!^)(?<![.!?]\s)\b[А-ЯЁІЇЄҐ][а-яёіїєґ’'-]+\s[А-ЯЁІЇЄҐ][а-яёіїєґ’'-]+")


def _last_pair(body: str) -> str | None:
    """The last first-and-last name of a Russian or Ukrainian sentence ("... возглавил
    секретарь СНБО Рустем Умеров": "Он" in the next sentence stands for him)."""
    pairs = _PAIR.findall(body)
    return pairs[-1] if pairs else None


def _counted(
    mentions: list[DateMention],
    day: _Context | None,
    context: _Context | None,
    lead: _Context | None,
    reported_on: object,
    language: str | None,
    earliest: Any = None,
) -> list[DateMention]:
    """Count the dates of "two days later", "the previous day", "five days after" from
    the date they refer to (see :mod:`~timeline.extract.relative`); drop those with no
    date to count from."""
    if all(m.shift is None for m in mentions):
        return mentions
    counted: list[DateMention] = []
    for i, mention in enumerate(mentions):
        shift = mention.shift
        if shift is None:
            counted.append(mention)
            continue
        own = [m for m in mentions[:i] if m.date is not None and m.shift is None][-1:]
        if not own and shift.anchor == "clause":  # "five days after ANO won, on Thursday"
            own = [m for m in mentions[i + 1 :] if m.date is not None and m.shift is None][:1]
        anchor: tuple[str, FuzzyDate | None] | None = None
        if shift.anchor == "first":  # "since the first day": of the story
            if earliest is not None:
                day_text = pd.Timestamp(earliest).strftime("%Y-%m-%d")
                anchor = "the first day the text gave", read_date(day_text, None)
        elif own:
            anchor = own[0].text, own[0].date
        else:
            if shift.anchor == "forward":
                earlier = day if shift.unit in ("day", "week") else context or day
            else:
                earlier = lead
            if earlier is not None:
                anchor = earlier.text, read_date(earlier.read, reported_on, language)
            elif shift.anchor != "forward":
                anchor = "the report date", read_date(str(reported_on), reported_on)
        if anchor is None or anchor[1] is None:
            continue
        text = shifted(anchor[1], shift)
        if text is None:
            continue
        count = abs(shift.count)
        units = f"{count} {shift.unit}{'s' if count != 1 else ''}"
        side = "after" if shift.count > 0 else "before"
        note = f"counted from another date of the text: {units} {side} {anchor[0]}"
        if shift.since:
            note = f"counted from another date of the text: since {anchor[0]}"
        counted.append(replace(mention, date=read_date(text, None), read_as=text, note=note))
    return counted


_GOES_ON = re.compile(r"(?:He|She|It|They|Он|Она|Оно|Они|Він|Вона|Воно|Вони)\s")
"""A sentence that goes on about the subject of the one before."""


def _report_day(reported_on: object) -> Any:
    from timeline.dates import parse_date

    return parse_date(str(reported_on)).start


_SAYING = r"(?:said|says|announced|announces|told \w+|confirmed|warned|stated|declared|added)"
_REPORTED = re.compile(rf"\b{_SAYING}\b(?:\s+\S+){{0,3}}?\s+that\b")
"""A clause reported by a verb of saying ("... hours after Kobakhidze announced that
Georgia would not seek talks until 2028"): an "until" in it does not close a span that
starts before it."""
_INNER = re.compile(
    rf"(?<![.!?]\s)(?<!^)\b(?P<name>(?:[A-Z][\w.'’-]*\s+){{0,4}}[A-Z][\w.'’-]*)\s+"
    rf"{_SAYING}\b(?:\s+\S+){{0,3}}?\s+that\b"
)


_AND_CLAUSE = re.compile(r",\s+(?:and|but)\s+")


@dataclass(slots=True)
class _LaterClause:
    """Where a sentence's claimant speaks, when only in a clause after some of its dates:
    "X did A in December, and Y said last month that ..." (Y claims nothing of December).
    Read once per sentence; :meth:`applies` says it of a date ending at ``end``."""

    verb_at: int
    joints: list[int]

    @classmethod
    def of(cls, body: str, claim: Any) -> _LaterClause | None:
        verb = re.search(rf"\b{re.escape(claim.verb)}\b", body)
        if verb is None:
            return None
        quote = _QUOTE_MARKS.search(body)
        limit = min(verb.start(), quote.start() if quote else len(body))
        joints = [m.start() for m in _AND_CLAUSE.finditer(body, 0, limit)]
        last_comma = body.rstrip(" .").rfind(", ")
        if joints and verb.start() > last_comma > joints[-1]:
            return None  # "..., and ..., X said.": a closing attribution of it all
        return cls(verb.start(), joints) if joints else None

    def applies(self, end: int) -> bool:
        return end < self.verb_at and self.joints[-1] >= end


_QUOTE_MARKS = re.compile(r"[\"“”«»]")


def _inner_claimant(speakers: list[re.Match[str]], at: int) -> str | None:
    """The speaker of a clause reported inside a sentence, when a date stands in it: "The
    protests began on November 28, hours after Prime Minister Irakli Kobakhidze announced
    that Georgia would not seek talks until the end of 2028" (the end of 2028 is his; the
    protests' date is the sentence's). ``speakers`` are the sentence's matches of
    :data:`_INNER`, in order."""
    found = None
    for match in speakers:
        if match.end() > at:
            break
        found = match
    if found is None or found.start() == 0:
        return None
    name = found["name"]
    if name.split()[0] in ("The", "A", "An", "It", "He", "She", "They", "We", "I"):
        return None
    return name


_LASTED = {
    "en": re.compile(r"\bhad\s+(?:\w+ly\s+)?been\b"),
    "ru": re.compile(r"(?i)\b(?:длив\w*|длил\w*|продолжавш\w*|продолжал\w*ся)\b"),
    "uk": re.compile(r"(?i)\b(?:тривал\w*|тривав|продовжувал\w*ся)\b"),
}
"""A state that lasted up to a time of the past ("had been jailed since June 2020",
"перерыв, длившийся с марта 2022 года")."""


def _closing(
    mention: DateMention,
    mentions: list[DateMention],
    body: str,
    reported_on: object,
    language: str | None,
) -> tuple[str, str] | None:
    """A "since" of a state that lasted until another date of its sentence ("Among those
    freed on Thursday was Losik, who had been jailed since June 2020": June 2020 to
    Thursday; "16 мая, после перерыва, длившегося с марта 2022 года"): its start and end
    texts, the end the nearest date before it in the sentence that is later than its
    start; None when it is not such a "since"."""
    date = mention.date
    if date is None or pd.isna(date.start) or not pd.isna(date.end) or mention.until:
        return None
    lasted = _LASTED.get(language or "en")
    if lasted is None or not lasted.search(clause_of(body, mention.start, mention.end)):
        return None
    before = [
        m
        for m in mentions
        if m.end <= mention.start and m.date is not None and not pd.isna(m.date.end)
    ]
    before = [m for m in before if m.date.start > date.start and not m.until]
    if not before:
        return None
    end = before[-1].read_as or before[-1].text
    words = (mention.read_as or mention.text).split(" ", 1)
    if len(words) < 2:
        return None
    try:
        read_date(words[1], reported_on, language)
    except ValueError:
        return None
    return words[1], end


def _deduplicated(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for row in rows:
        key = (row["sentence_start"], row["date"], row.get("end"), row.get("char_start"))
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def _undated(common: dict[str, Any], context: _Context | None, reported_on: object) -> dict:
    row = dict(common)
    if context is not None:
        row.update(
            date=context.read,
            date_basis=INHERITED,
            char_start=context.char_start,
            char_end=context.char_end,
        )
    else:
        from timeline.dates import parse_date

        day = parse_date(reported_on).start.strftime("%Y-%m-%d")
        row.update(date=day, date_basis=REPORT_DATE, char_start=None, char_end=None)
    return row
