"""From an article to a draft timeline: the dated claims of a text as an event frame.

The steps, one module each: :mod:`~timeline.extract.segment` (paragraphs, headings and
sentences with offsets), :mod:`~timeline.extract.find` (date expressions, read by the date
engine against the report date), :mod:`~timeline.extract.claims` (claimant and title),
:mod:`~timeline.extract.names` (actors, location, quantity),
:mod:`~timeline.extract.relative` (dates counted from another date of the text: "two days
later", "the previous day", "since then"),
:mod:`~timeline.extract.draft` (one row per dated claim, undated claims dated by their
context) and :mod:`~timeline.extract.frame` (the canonical frame, through the loader).

Examples
--------
>>> import timeline as tl
>>> events = tl.extract_events("Troops entered Kherson on Monday, officials said.",
...                            reported_on="2025-11-05")
>>> events[["date_text", "start", "claimant", "location"]].values.tolist()
[['Monday', Timestamp('2025-11-03 00:00:00'), 'officials', 'Kherson']]
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["extract_events"]


def _known_names(known: pd.DataFrame | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if known is None:
        return (), ()
    if not isinstance(known, pd.DataFrame):
        msg = f"known must be an events DataFrame (with actors/location columns); got {type(known)}"
        raise TypeError(msg)
    actors: list[str] = []
    if "actors" in known:
        for cell in known["actors"]:
            items: Iterable[object]
            if isinstance(cell, str):
                items = cell.split(";")
            elif cell is None or (not hasattr(cell, "__iter__")):
                items = ()
            else:
                items = cell
            for item in items:
                name = str(item).strip()
                if name and name not in actors:
                    actors.append(name)
    places: list[str] = []
    if "location" in known:
        for cell in known["location"].dropna():
            name = str(cell).strip()
            if name and name not in places:
                places.append(name)
    return tuple(actors), tuple(sorted(places, key=len, reverse=True))


def extract_events(
    text: str,
    *,
    reported_on: object,
    source: str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    known: pd.DataFrame | None = None,
    undated: bool = True,
) -> pd.DataFrame:
    """Draft an event frame from the dated claims of a text (an article, a notice).

    One row per dated claim, in text order, in the canonical event frame (so
    ``tl.plot``, ``tl.explore`` and ``tl.export`` take it as it is). Every cell from the
    text stays plain text.

    Parameters
    ----------
    text : str
        The article, one paragraph a line; a short line without closing punctuation is a
        heading (dates are not carried past it).
    reported_on : str, datetime.date or pandas.Timestamp
        The report date: "Tuesday", "on the 13th", "since September", "late October",
        "over the past two weeks" are resolved against it, and undated claims with no
        date in their context take it. Required: never today's date.
    source, source_url : str, optional
        Copied into every row.
    language : {None, "en", "ru", "uk", "ko"}, optional
        The text's language (default English): the sentence segmenter's, and for
        Russian, Ukrainian and Korean the date engine's language tables, which read the
        dates ("5 марта 2025 года", "с сентября", "지난달 말"). Attribution in those
        languages knows "по данным", "по словам", "за даними", "에 따르면" and the
        common verbs of saying; names are found in English text only.
    known : DataFrame, optional
        An events frame whose ``actors`` and ``location`` names are found in the text too.
    undated : bool, default True
        Also draft the attributed claims that give no date ("the NIS also stated that
        ..."): they take the date of the sentences before them in their section, else
        the report date, and ``date_basis`` says which.

    Returns
    -------
    DataFrame
        The canonical event frame with ``date_text`` as written (``end_text`` for the end
        of "X ... until Y"), ``quote`` (the sentence), ``title`` (its short form),
        ``claimant``, ``actors``, ``location``, ``quantity`` (a number) and, after those,
        ``date_basis``, ``quantity_text`` (the figure as written) and the character
        offsets ``char_start``/``char_end`` (the date expression; for an inherited date
        where it is written) and ``sentence_start``/``sentence_end`` (the quote):
        ``text[sentence_start:sentence_end] == quote``. A text without dates gives an
        empty frame with the canonical columns.

    Raises
    ------
    ValueError
        When ``reported_on`` is missing or does not name one day.

    Examples
    --------
    >>> import timeline as tl
    >>> text = "Lavrov visited Pyongyang in June 2024. He praised the talks, Tass said."
    >>> events = tl.extract_events(text, reported_on="2025-11-01")
    >>> events[["date_text", "claimant"]].values.tolist()
    [['June 2024', nan], ['June 2024', 'Tass']]
    >>> events["date_basis"].str.split(" ").str[0].tolist()
    ['article', 'date']
    """
    from timeline.dates.parse import reference_day
    from timeline.extract.draft import draft_rows
    from timeline.extract.frame import events_from_rows

    if not isinstance(text, str):
        msg = f"text must be a str (the article); got {type(text).__name__}"
        raise TypeError(msg)
    try:
        day = None if reported_on is None else reference_day(reported_on)
    except (ValueError, TypeError) as exc:
        reason = str(exc).replace("reference_date", "reported_on", 1)
        raise type(exc)(reason) from exc
    if day is None:
        msg = (
            "reported_on is required: the article's date, against which 'Tuesday' or "
            f"'late October' are resolved; got {reported_on!r}"
        )
        raise ValueError(msg)
    if language not in (None, "en", "ru", "uk", "ko"):
        msg = f"language must be None, 'en', 'ru', 'uk' or 'ko'; got {language!r}"
        raise ValueError(msg)
    actors, places = _known_names(known)
    rows = draft_rows(
        text,
        reported_on,
        language=language or "en",
        known_actors=actors,
        known_places=places,
        undated=undated,
    )
    return events_from_rows(rows, reported_on, source, source_url, language)
