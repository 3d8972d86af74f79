"""Actors, places and figures named in a sentence.

Actors are the names the text capitalises (a word opening a sentence counts only when
the text also capitalises it elsewhere), with titles ("President", "Foreign Minister")
and possessives cut off, demonyms before a noun ("North Korean troops") left out, and
the names of a ``known`` events frame. A short name ("Lavrov") becomes the full name the
text gave before ("Sergei Lavrov"). The location is a capitalised place after "in",
"near", "visited" ..., or a "<Name> region/province/border". The quantity is the first
figure of the sentence with the noun it counts ("approximately 10,000 of its soldiers").

Examples
--------
>>> find_quantity("About 1,000 engineers were sent.", [])
(1000.0, 'About 1,000 engineers')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.dates.spec import MONTH_NAMES

_NAME = re.compile(r"(?<![\w’'])[A-Z][\w’'.-]*(?:\s(?:of\s(?:the\s)?)?[A-Z][\w’'.-]*)*")
_TITLES = frozenset(
    [
        "President",
        "Prime",
        "Foreign",
        "Defense",
        "Defence",
        "Interior",
        "Minister",
        "Ministers",
        "Secretary",
        "Chief",
        "General",
        "Gen.",
        "Col.",
        "Lt.",
        "Maj.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Sen.",
        "Rep.",
        "Governor",
        "Mayor",
        "King",
        "Queen",
        "Pope",
        "Ambassador",
        "Commander",
        "Spokesman",
        "Spokeswoman",
        "Chairman",
        "Director",
        "Deputy",
        "Vice",
        "Premier",
        "Chancellor",
        "Lieutenant",
        "Colonel",
        "Major",
        "Admiral",
        "Marshal",
        "Supreme",
        "Leader",
        "Envoy",
        "Senator",
        "Staff",
    ]
)
_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "After",
        "Before",
        "According",
        "Shortly",
        "Their",
        "They",
        "We",
        "He",
        "She",
        "It",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "Or",
        "For",
        "From",
        "With",
        "Without",
        "Since",
        "Until",
        "As",
        "While",
        "When",
        "Where",
        "Why",
        "How",
        "Reports",
        "Sources",
        "Military",
        "Officials",
        "Meanwhile",
        "However",
        "Also",
        "Earlier",
        "Later",
        "Today",
        "Yesterday",
        "Tomorrow",
        "There",
        "Here",
        "Our",
        "My",
        "His",
        "Her",
        "Its",
        "If",
        "Then",
        "Some",
        "Many",
        "Most",
        "All",
        "Both",
        "Each",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        *MONTH_NAMES,
        "Spring",
        "Summer",
        "Autumn",
        "Winter",
        "I",
        "Not",
        "No",
        "Yes",
        "So",
        "Once",
        "Still",
        "Now",
        "Over",
        "Under",
        "By",
        "To",
        "Of",
    ]
)
_DEMONYM = re.compile(r"(?:ean|ian|ese|ish|eli|ani|ern)$")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|to|at|around|outside|into|towards?|visited|visiting|across|reached|"
    r"entered|captured|struck|hit|bombed|shelled|of)\s(?:the\s)?)$"
)
_PLACE_NOUN = re.compile(
    r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*\s(?:region|province|oblast|district|city|border|"
    r"area|front|peninsula|strait|sea|island|islands|county|state)\b"
)
_QUANTITY = re.compile(
    r"(?i:(?:approximately|about|around|some|nearly|almost|more than|over|at least|up to|"
    r"an additional|another|roughly|fewer than|less than|as many as|an estimated)\s)?"
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.,]\d)"
    r"(?:\s(?P<mult>million|thousand|billion|hundred))?"
    r"(?P<noun>(?:\s(?!(?:in|on|to|and|by|since|that|which|from)\b)[\w-]+){0,4})"
)
_NOT_NOUNS = frozenset(["its", "his", "this", "has", "was", "is", "as", "us", "does", "thus"])
_MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_COUNTED = re.compile(r"\w+(?:s|people|men|personnel|staff|police|equipment|ammunition)$")


def _sentence_starts(sentence: str) -> set[int]:
    return {0} | {m.end() for m in re.finditer(r"(?:[“\"(]|[:;]\s)\s*", sentence)}


def _split_title(name: str) -> str:
    words = name.split()
    last_title = max((i for i, w in enumerate(words) if w in _TITLES), default=-1)
    if 0 <= last_title < len(words) - 1:
        words = words[last_title + 1 :]
    while words and (words[0] in ("of", "the") or words[0] in _TITLES):
        words = words[1:]
    return " ".join(words)


def capitalised_names(sentence: str, proper: set[str]) -> list[str]:
    """The capitalised names of a sentence, cleaned (see the module docstring).

    ``proper`` holds the words the text capitalises somewhere other than at a sentence
    start; a sentence-opening word outside it is an ordinary word.

    Examples
    --------
    >>> capitalised_names("Russian Foreign Minister Sergei Lavrov met Kim.", {"Kim"})
    ['Sergei Lavrov', 'Kim']
    """
    starts = _sentence_starts(sentence)
    names: list[str] = []
    for match in _NAME.finditer(sentence):
        raw = match.group().rstrip(".’'")
        start = match.start()
        pieces = re.split(r"[’']s\b\s*", raw)
        for piece in pieces:
            words = piece.split()
            if start in starts and len(words) == 1 and words[0] not in proper:
                words = words[1:]
            while words and words[0] in _STOP:
                words = words[1:]
            after = sentence[match.end() : match.end() + 2]
            if (
                words
                and _DEMONYM.search(words[-1])
                and piece is pieces[-1]
                and re.match(r"\s[a-z]", after)
            ):
                continue
            name = _split_title(" ".join(words))
            if name and name not in _STOP and name not in names and len(name) > 1:
                names.append(name)
            start = -1
    return names


def proper_words(sentences: Iterable[str]) -> set[str]:
    """Words capitalised somewhere other than at the start of a sentence or quotation.

    Examples
    --------
    >>> sorted(proper_words(["Troops left Moscow.", "Moscow said."]))
    ['Moscow']
    """
    seen: set[str] = set()
    for sentence in sentences:
        starts = _sentence_starts(sentence)
        for match in re.finditer(r"(?<![\w’'])[A-Z][\w’'.-]*", sentence):
            if match.start() not in starts:
                seen.add(match.group().rstrip(".’'"))
    return seen


def full_name(name: str, known: list[str]) -> str:
    """The full form of a short name among names given before ("Lavrov" -> "Sergei Lavrov").

    Examples
    --------
    >>> full_name("Lavrov", ["Sergei Lavrov"])
    'Sergei Lavrov'
    """
    if " " in name:
        return name
    for other in known:
        parts = other.split()
        if len(parts) > 1 and parts[-1] == name:
            return other
    return name


def find_location(sentence: str, known_places: Iterable[str] = ()) -> str | None:
    """The first place the sentence names, or None.

    Examples
    --------
    >>> find_location("The minister visited Moscow on Monday.")
    'Moscow'
    >>> find_location("Troops fought in the Kursk region.")
    'Kursk region'
    """
    for place in known_places:
        if place and re.search(rf"(?<!\w){re.escape(place)}(?!\w)", sentence):
            return place
    noun = _PLACE_NOUN.search(sentence)
    for match in _NAME.finditer(sentence):
        if noun is not None and noun.start() <= match.start():
            break
        if not _PLACE_BEFORE.search(sentence[max(0, match.start() - 24) : match.start()]):
            continue
        name = match.group().rstrip(".’'")
        name = re.split(r"[’']s\b", name)[0]
        after = sentence[match.end() : match.end() + 2]
        if _DEMONYM.search(name) and re.match(r"\s[a-z]", after):
            continue
        words = [w for w in name.split() if w not in _STOP]
        if words and words[0] not in _TITLES:
            return " ".join(words)
    if noun is not None:
        words = noun.group().split()
        while words and words[0] in _STOP:
            words = words[1:]
        return " ".join(words) or None
    return None


def find_quantity(
    sentence: str, skip: list[tuple[int, int]]
) -> tuple[float, str] | tuple[None, None]:
    """The first figure of the sentence outside the date expressions ``skip`` (offsets),
    as a number and as written with the noun it counts.

    Examples
    --------
    >>> find_quantity("It sent 5,000 more troops in 2024.", [(28, 32)])
    (5000.0, '5,000 more troops')
    """
    for match in _QUANTITY.finditer(sentence):
        start = match.start("n")
        if any(a <= start < b for a, b in skip):
            continue
        number = float(match["n"].replace(",", ""))
        if match["mult"]:
            number *= _MULTIPLIERS[match["mult"].lower()]
        words = match["noun"].split()
        end = match.end("mult") if match["mult"] else match.end("n")
        for i, word in enumerate(words):
            if _COUNTED.match(word) and word.lower() not in _NOT_NOUNS:
                end = match.start("noun") + len(" ".join(["", *words[: i + 1]]))
                break
        return number, sentence[match.start() : end]
    return None, None
