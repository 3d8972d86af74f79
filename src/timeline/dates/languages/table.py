"""What a language table holds: the words of dates in that language, in English terms.

A language is data, not code. Each word of a date in that language stands for English
words of :mod:`timeline.dates.vocabulary` (``"апреля"`` is ``"april"``, ``"года"`` is
nothing), so the English grammar reads every language with the same rules and
conventions. :mod:`timeline.dates.languages.reader` applies a table to a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip


@dataclass(frozen=True)
class Language:
    """The table of one language.

    Parameters
    ----------
    code, name : str
        ISO 639-1 code ("ru") and English name ("Russian").
    letters : str
        The letters of its script, as the body of a regular-expression class ("а-яё").
    own_letters : str
        Letters that only this language of its script uses (Ukrainian "іїєґ"): they pick
        it when the text has them.
    months : tuple of tuple of str
        Twelve tuples: every written form of each month (cases, abbreviations).
    words : mapping of str to str
        Every other word, as the English words it stands for ("" for a word that carries
        no date, such as "года").
    rewrites : tuple of (str, str)
        Regular-expression replacements made on the lower-cased text first: multi-word
        phrases ("не позднее" -> "until") and glued forms ("1990-х" -> "1990s").
    suffixes : mapping of str to (str or None, str or None)
        Markers written right after a number (Korean 년, 월, 일): the English of a date
        ("{n}", "{month}" for the month's name) and of a count ("{n} days"), None where
        the marker has no such use.
    count_words : frozenset of str
        Words after which a number with its marker is a count ("3일 전": 3 days ago).
    postpositions : mapping of str to str
        Words that govern the phrase before them ("9월부터": since September): "from",
        "until", "after" or "before"; "A부터 B까지" becomes "from A to B".
    glued : bool
        Whether words run together (Korean): runs of letters are cut into known words,
        longest first.
    shape : str
        A regular expression for numeral forms of this language without its letters
        ("2024. 6. 19."): text of that shape is read with this table.

    Examples
    --------
    >>> from timeline.dates.languages import LANGUAGES
    >>> LANGUAGES["ru"].lookup("апреля")
    'april'
    """

    code: str
    name: str
    letters: str
    own_letters: str
    months: tuple[tuple[str, ...], ...]
    words: Mapping[str, str]
    rewrites: tuple[tuple[str, str], ...] = ()
    suffixes: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)
    count_words: frozenset[str] = frozenset()
    postpositions: Mapping[str, str] = field(default_factory=dict)
    glued: bool = False
    shape: str = ""

    @cached_property
    def vocabulary(self) -> dict[str, str]:
        """Every known word (months included) and its English."""
        table = dict(self.words)
        for number, forms in enumerate(self.months):
            for form in forms:
                table[form.rstrip(".")] = ENGLISH_MONTHS[number]
        return table

    @cached_property
    def pieces(self) -> re.Pattern[str]:
        """Numbers, words (with an abbreviation's dot) and everything between them."""
        letters = self.letters
        return re.compile(
            rf"(?P<num>\d+)|(?P<word>[{letters}]+(?:['’ʼ][{letters}]+)*\.?)"
            rf"|(?P<other>[^{letters}\d]+)"
        )

    @cached_property
    def compiled_rewrites(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple((re.compile(pattern), repl) for pattern, repl in self.rewrites)

    @cached_property
    def longest_word(self) -> int:
        known = (*self.vocabulary, *self.suffixes, *self.postpositions)
        return max(len(word) for word in known)

    def lookup(self, word: str) -> str | None:
        """The English of a word (lower case, without its dot), or None when unknown.

        Examples
        --------
        >>> from timeline.dates.languages import LANGUAGES
        >>> LANGUAGES["uk"].lookup("квітня"), LANGUAGES["uk"].lookup("xyz")
        ('april', None)
        """
        return self.vocabulary.get(word)


def forms(stems: Iterable[str], endings: Iterable[str]) -> tuple[str, ...]:
    """Every stem with every ending: the cases of a word.

    Examples
    --------
    >>> forms(["весн"], ["а", "ой"])
    ('весна', 'весной')
    """
    return tuple(stem + ending for stem in stems for ending in endings)


def words_for(english: str, *written: Iterable[str] | str) -> dict[str, str]:
    """A table part: each written form (or iterable of forms) stands for ``english``.

    Examples
    --------
    >>> words_for("spring", "весна", ["весной"])
    {'весна': 'spring', 'весной': 'spring'}
    """
    table: dict[str, str] = {}
    for item in written:
        for word in (item,) if isinstance(item, str) else item:
            table[word] = english
    return table
