"""Walk the sentences of a text and draft one row per dated claim.

Each date expression of a sentence is a row. "X ... until Y" in one sentence is one span
from X to Y. "that day", "the same day" take the date of the text so far. A sentence
with a claimant but no date of its own (an undated claim) takes the date of the text so
far in its section (``date_basis`` says which), else the report date. The date of the
text so far is the last date a sentence gave; a date an attributed sentence gives that
lies before it (a look back: "following the summit in June 2024") does not move it.

Examples
--------
>>> rows = draft_rows("Troops arrived on Monday. They left, officials said.", "2025-11-05")
>>> [(r["date"], r["date_basis"] == INHERITED) for r in rows]
[('Monday', False), ('Monday', True)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from timeline.extract.claims import find_claimant, short_title
from timeline.extract.find import DateMention, find_dates
from timeline.extract.names import (
    capitalised_names,
    find_location,
    find_quantity,
    full_name,
    proper_words,
)
from timeline.extract.segment import Sentence, split_sentences

WORDING = "article wording"
INHERITED = "date of the preceding sentence (the sentence gives none)"
REPORT_DATE = "report date (the text gives no date of its own for this claim)"


@dataclass(slots=True)
class _Context:
    """The date of the text so far: its text, start, where it is written."""

    text: str
    start: Any
    char_start: int
    char_end: int


def _context_of(sentence: Sentence, mention: DateMention, reported_on: object) -> _Context:
    text, start = mention.text, mention.start
    if mention.until:  # "until the spring of 2025": the text goes on at the spring of 2025
        head = len(text) - len(text.split(" ", 1)[1])
        text, start = text[head:], start + head
    from timeline.dates import parse_date

    begin = parse_date(text, reported_on).start
    return _Context(text, begin, sentence.start + start, sentence.start + mention.end)


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

    ``date`` (and ``end``) hold the text the loader reads; ``date_text`` what the row
    shows when it differs ("that day").

    Examples
    --------
    >>> [r["date"] for r in draft_rows("The summit took place in June 2024.", "2025-01-01")]
    ['June 2024']
    """
    sentences = split_sentences(text, language)
    proper = proper_words(s.text for s in sentences)
    rows: list[dict[str, Any]] = []
    context: _Context | None = None
    section = -1
    previous_claimant: str | None = None
    names_so_far: list[str] = list(known_actors)
    for sentence in sentences:
        if sentence.section != section:
            section, context = sentence.section, None
        body = sentence.text
        mentions = find_dates(body, reported_on)
        claim = find_claimant(body, previous_claimant)
        names = capitalised_names(body, proper)
        names_so_far.extend(n for n in names if n not in names_so_far)
        claimant = None if claim is None else full_name(claim.text, names_so_far)
        if claimant is not None and claimant[:1].isupper():
            previous_claimant = claimant
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
        dated = [m for m in mentions if m.date is not None or context is not None]
        if not dated:
            if claim is not None and undated:
                rows.append(_undated(common, context, reported_on))
            continue
        previous: DateMention | None = None
        for mention in dated:
            row = dict(common)
            if mention.date is None:  # "that day": the date of the text so far
                assert context is not None
                row.update(
                    date=context.text,
                    date_text=mention.text,
                    date_basis=f"'{mention.text}': the date given before ({context.text})",
                )
            elif mention.until and previous is not None and previous.date is not None:
                end_text = mention.text.split(" ", 1)[1]
                rows.pop()  # the span replaces the row of its start
                row.update(date=previous.text, end=end_text, date_basis=WORDING)
                row["char_start"] = sentence.start + previous.start
            else:
                row.update(date=mention.text, date_basis=WORDING)
            row.setdefault("char_start", sentence.start + mention.start)
            row["char_end"] = sentence.start + mention.end
            if mention.until and previous is not None and previous.date is not None:
                rows.append(_start_row(common, sentence, previous))
            rows.append(row)
            previous = mention
        last = dated[-1]
        if last.date is not None:
            candidate = _context_of(sentence, last, reported_on)
            looks_back = (
                claim is not None and context is not None and candidate.start < context.start
            )
            if not looks_back:
                context = candidate
    if not any(
        row["date_basis"] != INHERITED and "char_start" in row and row["char_start"] is not None
        for row in rows
    ):
        return []  # a text without dates has no dated claims, and none to date others by
    return rows


def _start_row(common: dict[str, Any], sentence: Sentence, mention: DateMention) -> dict:
    """The row of a span's start date itself ("first surfaced in 2024")."""
    row = dict(common)
    row.update(
        date=mention.text,
        date_basis=WORDING,
        char_start=sentence.start + mention.start,
        char_end=sentence.start + mention.end,
    )
    return row


def _undated(common: dict[str, Any], context: _Context | None, reported_on: object) -> dict:
    row = dict(common)
    if context is not None:
        row.update(
            date=context.text,
            date_basis=INHERITED,
            char_start=context.char_start,
            char_end=context.char_end,
        )
    else:
        from timeline.dates import parse_date

        day = parse_date(reported_on).start.strftime("%Y-%m-%d")
        row.update(date=day, date_basis=REPORT_DATE, char_start=None, char_end=None)
    return row
