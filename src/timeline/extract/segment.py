"""Cut a text into paragraphs, headings and sentences, keeping character offsets.

Lines are paragraphs; a short line without closing punctuation is a heading (a new
section: dates of the sentences before it are not carried past it). Each paragraph is
cut into sentences by sentencex (rule-based, no model), and every sentence keeps its offsets
in the original text, so ``text[start:end] == sentence.text``.

Examples
--------
>>> [s.text for s in split_sentences("Troops arrived. They left.")]
['Troops arrived.', 'They left.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOSING = ".!?\"'”’)…:;"
_HEADING_MAX_WORDS = 14


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text, its offsets in the whole text, paragraph and section."""

    text: str
    start: int
    end: int
    paragraph: int
    section: int


def _segment(language: str, paragraph: str) -> list[str]:
    try:
        from sentencex import segment
    except ImportError as exc:  # pragma: no cover - the extra is part of dev
        msg = (
            "timeline.extract_events needs the sentence segmenter sentencex: "
            "pip install 'timeline[extract]'"
        )
        raise ImportError(msg) from exc
    return list(segment(language, paragraph))


def is_heading(line: str) -> bool:
    """Whether a stripped line reads as a heading: short, without closing punctuation.

    Examples
    --------
    >>> is_heading("Strengthening Diplomatic Ties"), is_heading("Troops arrived.")
    (True, False)
    """
    return bool(line) and line[-1] not in _CLOSING and len(line.split()) <= _HEADING_MAX_WORDS


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


_CLOCK_END = re.compile(r"\b\d{1,2}(?::\d{2})?\s?[ap]\.m\.\s*$")
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}\s*$")
_NEW_SENTENCE_WORDS = frozenset(
    "He She They It We I The A An This That These Those In On At But And So Yet".split()  # noqa: SIM905
)


def _merge_initialisms(pieces: list[str]) -> list[str]:
    """Rejoin 'the U.S.' + 'Seventh Fleet said ...': a segmenter cuts after an initialism
    that a capitalised name follows; a pronoun or article after it starts a sentence."""
    merged: list[str] = []
    for piece in pieces:
        first = piece.strip().split(" ", 1)[0]
        after_initialism = (
            bool(merged)
            and _INITIALISM_END.search(merged[-1]) is not None
            and first[:1].isupper()
            and first not in _NEW_SENTENCE_WORDS
        )
        after_clock = (  # "8:30 p.m." + "EDT on Wednesday ..." / "on Monday ..."
            bool(merged)
            and _CLOCK_END.search(merged[-1]) is not None
            and (first[:1].islower() or re.fullmatch(r"[A-Z]{2,4}", first) is not None)
        )
        if after_initialism or after_clock:
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """The sentences of a text, headings left out, with offsets, paragraph and section.

    Parameters
    ----------
    text
        The article: one paragraph a line (blank lines are fine).
    language
        The text's language code for the segmenter (its abbreviations: "Mr.", "U.S.").

    Returns
    -------
    list of Sentence
        In text order; ``text[s.start:s.end] == s.text``.

    Examples
    --------
    >>> first, second = split_sentences("Report\\nTroops arrived on Monday. They left.")
    >>> first.text, first.start, first.section, second.start
    ('Troops arrived on Monday.', 7, 1, 33)
    """
    sentences: list[Sentence] = []
    section = 0
    for number, (start, end) in enumerate(_paragraphs(text)):
        paragraph = text[start:end]
        if is_heading(paragraph):
            section += 1
            continue
        position = 0
        for piece in _merge_initialisms(_segment(language, paragraph)):
            stripped = piece.strip()
            if not stripped:
                continue
            found = paragraph.find(stripped, position)
            if found < 0:  # the segmenter changed the text: keep the rest as one sentence
                found = position
                stripped = paragraph[position:].strip()
            position = found + len(stripped)
            sentences.append(Sentence(stripped, start + found, start + position, number, section))
    return sentences
