"""The arguable choices of the date engine, gathered in one small options object."""

from __future__ import annotations

from dataclasses import dataclass

HEMISPHERES = ("north", "south")
SEASON_DEFINITIONS = ("meteorological", "astronomical")
CENTURY_DEFINITIONS = ("ordinal", "hundreds")
PLURAL_HUNDREDS = ("century", "decade")
WEEK_STARTS = ("monday", "sunday")
TWO_DIGIT_YEARS = ("range", "edtf", "reject")
LANGUAGES = (None, "en", "ru", "uk", "ko")


def _check_choice(name: str, value: object, options: tuple[str, ...]) -> None:
    if value not in options:
        msg = f"DateConventions({name}=...) must be one of {options}; got {value!r}"
        raise ValueError(msg)


def _check_cuts(name: str, value: object, low: int, high: int) -> None:
    ok = (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and low <= value[0] < value[1] < high
    )
    if not ok:
        msg = (
            f"DateConventions({name}=...) must be a pair (last of early, last of mid) of "
            f"increasing integers between {low} and {high - 1}; got {value!r}"
        )
        raise ValueError(msg)


@dataclass(frozen=True)
class DateConventions:
    """Choices that reasonable analysts make differently; the defaults are documented here.

    Parameters
    ----------
    hemisphere : {"north", "south"}
        Where seasons are read. Default "north": spring is March-May.
    seasons : {"meteorological", "astronomical"}
        Meteorological seasons are whole months (spring = March-May, winter 2024 =
        December 2024 to February 2025). Astronomical seasons run between fixed
        solstice and equinox dates (20 March, 21 June, 22 September, 21 December).
    month_parts : tuple of int
        Last day of "early" and of "mid" in a month. Default ``(10, 20)``: early is days
        1-10, mid 11-20, late 21 to the end of the month.
    year_parts : tuple of int
        Last month of "early" and "mid" in a year. Default ``(4, 8)``: thirds, early =
        January-April, mid = May-August, late = September-December.
    decade_parts : tuple of int
        Last year digit of "early" and "mid" in a decade. Default ``(3, 6)``: early 1990s
        = 1990-1993, mid = 1994-1996, late = 1997-1999.
    century_parts : tuple of int
        Year offsets (0-99) that end "early" and "mid" in a century. Default ``(33, 65)``,
        symmetric: the early 19th century is 1801-1834, mid 1835-1866, late 1867-1900.
    centuries : {"ordinal", "hundreds"}
        "ordinal" (default): the 19th century is 1801-1900, as the ordinal count says.
        "hundreds": the 19th century is 1800-1899, as the EDTF form ``18XX`` says.
    plural_hundreds : {"century", "decade"}
        What a plural year ending in 00 means: "1800s" as the century 1800-1899
        (default, the wider and so the safe reading) or the decade 1800-1809.
    week_start : {"monday", "sunday"}
        First day of a week for "last week" and "the week of ...". Default Monday (ISO).
    two_digit_years : {"range", "edtf", "reject"}
        How ``YYYY-NN`` reads when ``NN`` could be a later year and is also an EDTF sub-year
        code (21-41): "range" (default) reads it as people write it, a range of years
        (``2024-25`` is 2024-2025, ``1910-30`` is 1910-1930); "edtf" reads the code
        (``2024-25`` is spring 2024), for input known to be EDTF; "reject" rejects it and
        names both readings. ``2019-20`` (20 is no code) is a range under every choice;
        ``2024-06`` is always June 2024 and ``2024-21`` (21 is not a later year) a season.
    language : {None, "en", "ru", "uk", "ko"}
        The language of the date text. None (default) detects it from the text: Hangul is
        Korean, Cyrillic is Ukrainian or Russian by their letters and words, anything else
        English. A code forces that language's table.

    Examples
    --------
    >>> from timeline.dates import DateConventions, parse_date
    >>> south = DateConventions(hemisphere="south")
    >>> str(parse_date("spring 2025", conventions=south).start.date())
    '2025-09-01'
    """

    hemisphere: str = "north"
    seasons: str = "meteorological"
    month_parts: tuple[int, int] = (10, 20)
    year_parts: tuple[int, int] = (4, 8)
    decade_parts: tuple[int, int] = (3, 6)
    century_parts: tuple[int, int] = (33, 65)
    centuries: str = "ordinal"
    plural_hundreds: str = "century"
    week_start: str = "monday"
    two_digit_years: str = "range"
    language: str | None = None

    def __post_init__(self) -> None:
        _check_choice("hemisphere", self.hemisphere, HEMISPHERES)
        _check_choice("seasons", self.seasons, SEASON_DEFINITIONS)
        _check_choice("centuries", self.centuries, CENTURY_DEFINITIONS)
        _check_choice("plural_hundreds", self.plural_hundreds, PLURAL_HUNDREDS)
        _check_choice("week_start", self.week_start, WEEK_STARTS)
        _check_choice("two_digit_years", self.two_digit_years, TWO_DIGIT_YEARS)
        _check_choice("language", self.language, LANGUAGES)  # type: ignore[arg-type]
        _check_cuts("month_parts", self.month_parts, 1, 28)
        _check_cuts("year_parts", self.year_parts, 1, 12)
        _check_cuts("decade_parts", self.decade_parts, 0, 9)
        _check_cuts("century_parts", self.century_parts, 0, 99)


DEFAULT_CONVENTIONS = DateConventions()


def check_conventions(conventions: object) -> DateConventions:
    """Return ``conventions`` or the defaults for None; reject anything else."""
    if conventions is None:
        return DEFAULT_CONVENTIONS
    if not isinstance(conventions, DateConventions):
        msg = (
            "conventions must be a timeline.dates.DateConventions or None; "
            f"got {type(conventions).__name__} {conventions!r}"
        )
        raise TypeError(msg)
    return conventions
