"""Read a date in another language: its table turns the text into an English phrase.

Numbers, digit forms (``26.04.2025``, ``2024-06-19``) and marks pass through as they
are; each word becomes the English its table gives; numbers with markers (Korean
``2025년``) and postpositions (``9월부터``) are put in English order. The English
grammar then reads the phrase, so every language shares its rules, conventions and
rejections.
"""

from __future__ import annotations

from timeline.dates.expression import Expression
from timeline.dates.languages import LANGUAGES, candidates
from timeline.dates.languages.table import ENGLISH_MONTHS, Language
from timeline.dates.phrases import parse_phrase
from timeline.dates.report_phrases import report_phrase
from timeline.dates.spec import Rejected
from timeline.dates.tokens import UNRECOGNIZED


def _unknown(word: str, lang: Language) -> Rejected:
    msg = f"unrecognized {lang.name} word '{word}': {UNRECOGNIZED}"
    return Rejected(msg)


def _segment(run: str, lang: Language) -> list[str]:
    """A run of glued letters cut into known words, longest first ("월경" -> 월, 경)."""
    known = lang.vocabulary
    out: list[str] = []
    i = 0
    while i < len(run):
        for size in range(min(lang.longest_word, len(run) - i), 0, -1):
            piece = run[i : i + size]
            if piece in known or piece in lang.suffixes or piece in lang.postpositions:
                out.append(piece)
                i += size
                break
        else:
            raise _unknown(run[i:], lang)
    return out


def _pieces(text: str, lang: Language) -> list[tuple[str, str]]:
    """``(kind, text)`` of each number, word and run of other characters."""
    out: list[tuple[str, str]] = []
    for found in lang.pieces.finditer(text):
        kind, piece = found.lastgroup or "other", found.group()
        if kind == "word" and lang.glued:
            out += [("word", word) for word in _segment(piece.rstrip("."), lang)]
        else:
            out.append((kind, piece))
    return out


def _with_suffix(number: str, suffix: str, as_count: bool, lang: Language, text: str) -> str:
    date_form, count_form = lang.suffixes[suffix]
    form = count_form if as_count and count_form is not None else date_form
    if form is None:
        msg = f"'{number}{suffix}' needs a word such as '전' (ago) after it"
        raise Rejected(msg)
    if form == "{month}":
        month = int(number)
        if not 1 <= month <= 12:
            msg = f"month {month} does not exist (months are 1-12) in '{text}'"
            raise Rejected(msg)
        return ENGLISH_MONTHS[month - 1]
    return form.format(n=int(number))


def translate(text: str, lang: Language) -> str:
    """The English phrase of a date text in ``lang``.

    Raises
    ------
    Rejected
        Naming a word the table does not know, or a month that does not exist.

    Examples
    --------
    >>> from timeline.dates.languages import LANGUAGES
    >>> translate("26 апреля 2025 года", LANGUAGES["ru"])
    '26 april 2025'
    >>> translate("2024년 3월부터 6월까지", LANGUAGES["ko"])
    'from 2024 march to june'
    """
    lowered = text.lower()
    for pattern, replacement in lang.compiled_rewrites:
        lowered = pattern.sub(replacement, lowered)
    pieces = _pieces(lowered, lang)
    done: list[str] = []  # the text before the last postposition, in English order
    chunk: list[str] = []  # the text since: words as their English, the rest as written
    i = 0
    while i < len(pieces):
        kind, piece = pieces[i]
        i += 1
        if kind == "num" and i < len(pieces) and pieces[i][1] in lang.suffixes:
            suffix = pieces[i][1]
            i += 1
            after = next((p for k, p in pieces[i:] if k == "word"), None)
            as_count = after in lang.count_words
            chunk.append(f" {_with_suffix(piece, suffix, as_count, lang, text)} ")
        elif kind == "word":
            word = piece.rstrip(".")
            if word in lang.postpositions:
                english = lang.postpositions[word]
                joins = english == "until" and "".join(done).split()[:1] == ["from"]
                done += [" to " if joins else f" {english} ", *chunk]
                chunk = []
                continue
            english = lang.lookup(word)
            if english is None:
                raise _unknown(word, lang)
            chunk.append(f" {english} ")
        else:
            chunk.append(piece)
    return " ".join("".join((*done, *chunk)).split())


def parse_foreign(
    text: str, dayfirst: bool | None, two_digit: str, language: str | None = None
) -> Expression:
    """The expression of a date text in the language given, or else the one detected.

    Text with no letters of another script is read as English. When the language is
    detected and the likeliest table cannot read the text, the next one tries; the
    reason given is the likeliest one's.

    Raises
    ------
    Rejected
        With the reason when no table reads the text.
    """
    codes = [language] if language is not None else candidates(text)
    if not codes:
        return parse_phrase(text, dayfirst, two_digit)
    first: Rejected | None = None
    for code in codes:
        try:
            english = translate(text, LANGUAGES[code])
            found = report_phrase(english, dayfirst)  # "26일": the 26th (dates/report_phrases)
            return found if found is not None else parse_phrase(english, dayfirst, two_digit)
        except Rejected as exc:
            first = first or exc
    assert first is not None
    raise first
