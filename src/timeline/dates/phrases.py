"""English date phrases: a small grammar over token kinds.

:mod:`timeline.dates.tokens` cuts the text into tokens. Connectors split them into the
sides of an interval, and the sequence of token kinds on each side (``N MON Y`` for
"19 June 2024", ``MON N Y`` for "June 19, 2024") picks the rule that builds a
:class:`~timeline.dates.spec.Spec`.
"""

from __future__ import annotations

from collections.abc import Callable

from timeline.dates.edtf_parse import SUB_YEAR_CODES
from timeline.dates.expression import Expression, Interval, Side, with_flags
from timeline.dates.spec import MONTH_NAMES, SEASON_NAMES, Rejected, Spec
from timeline.dates.tokens import UNRECOGNIZED, Token, normalize, tokenize

LONE_NUMBER = (
    "a lone number is not a date: a day needs a month, and years are written with four digits"
)


# --------------------------------------------------------------------------- cleanup

_QUALIFIERS = frozenset({"APPROX", "UNCERT", "BOTH"})
_NUMBERS = frozenset({"N", "NUM", "Y"})


_LIST_KINDS = frozenset({"SET", "LIST", "NODATE", "UNKNOWN", "BCE"})


def _reject_lists(tokens: list[Token]) -> None:
    kinds = [t.kind for t in tokens]
    if "SET" in kinds:
        msg = "a set of dates in braces is not one date or interval"
        raise Rejected(msg)
    if "LIST" in kinds:
        msg = "a list of several dates is not one date or interval: give one per row"
        raise Rejected(msg)
    if "NODATE" in kinds or kinds == ["UNKNOWN"]:
        msg = "the text says the date is unknown"
        raise Rejected(msg)
    if "BCE" in kinds:
        msg = "years before the common era (BC/BCE) are not supported: the engine covers 1-9999"
        raise Rejected(msg)


_NEEDS_CLEANING = frozenset(
    {"FILLER", "C", "THIRD", "APOS", "ERA", "COLON", "TO", "DATEWORD", "OR", "AND"}
    | {"SET", "LIST", "NODATE", "UNKNOWN", "BCE"}
)


def _clean(tokens: list[Token], two_digit: str = "range") -> list[Token]:
    """Resolve context-dependent words ("2024-25" by ``two_digit``) and drop fillers."""
    kinds = {t.kind for t in tokens}
    if "YPAIR" in kinds:
        tokens = _year_pairs(tokens, two_digit)
        kinds = {t.kind for t in tokens}
    if kinds.isdisjoint(_NEEDS_CLEANING):
        return tokens
    if not kinds.isdisjoint(_LIST_KINDS):
        _reject_lists(tokens)
    out: list[Token] = []
    count = len(tokens)
    for i, token in enumerate(tokens):
        kind = token.kind
        if kind not in _NEEDS_CLEANING:
            out.append(token)
            continue
        after = tokens[i + 1] if i + 1 < count else None
        if kind == "FILLER":
            continue
        if kind == "C":  # "19th c." is a century; "c. 2002" is circa
            kind = "UNIT" if out and out[-1].kind == "ORD" else "APPROX"
            out.append(Token(kind, "century" if kind == "UNIT" else None, token.text))
            continue
        if kind == "THIRD":  # "third quarter" / "first third of 2025" / "the third of June"
            as_unit = (
                bool(out) and out[-1].kind == "ORD" and (after is None or after.kind != "UNIT")
            )
            out.append(Token("UNIT", "third", token.text) if as_unit else Token("ORD", 3, "third"))
            continue
        if kind == "APOS":
            if after is not None and after.kind == "N":
                msg = f"the two-digit year '{after.text} is ambiguous: write the year in full"
                raise Rejected(msg)
            continue
        if kind == "ERA":
            _era_year(out, tokens, i + 1)
            continue
        if kind == "COLON":
            if out and out[-1].kind == "DATE" and after is not None and after.kind == "DATE":
                out.append(Token("TO", ":", ":"))
                continue
            if out and out[-1].kind in _QUALIFIERS and after is not None:
                continue  # "uncertain: 1862"
            raise Rejected(UNRECOGNIZED)
        if kind == "TO" and token.value in ("-", "/") and count == 3 and i == 1:
            pair = {tokens[0].kind, tokens[2].kind}
            if pair in ({"Y", "Q"}, {"Y", "H"}):
                continue  # "2025-Q1", "Q1/2025", "2025-H2": one quarter or half
        joins_prefix = bool(out) and out[-1].kind in ("PART", "BEFORE", "AFTER")
        range_of_parts = after is not None and after.kind == "PART"  # "early-mid 1990s"
        if kind == "TO" and token.value == "-" and joins_prefix and not range_of_parts:
            continue  # "mid-March", "pre-1750", "post-1815"
        if kind == "DATEWORD":
            if out and out[-1].kind == "TO":  # "to date"
                out[-1] = Token("OPEN", None, "to date")
                continue
            raise Rejected(UNRECOGNIZED)
        out.append(token)
    return _combine_or(out) if "OR" in kinds or "AND" in kinds else out


def _era_year(out: list[Token], tokens: list[Token], after: int) -> None:
    """'AD 79', '800 CE': the number next to the era marker is a year."""
    if out and out[-1].kind in _NUMBERS:
        out[-1] = Token("Y", out[-1].value, out[-1].text)
    elif after < len(tokens) and tokens[after].kind in _NUMBERS:
        tokens[after] = Token("Y", tokens[after].value, tokens[after].text)


def _combine_or(tokens: list[Token]) -> list[Token]:
    """'or later' / 'and after' / 'or earlier'; any other 'or' offers alternatives."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind in ("OR", "AND"):
            after = tokens[i + 1].kind if i + 1 < len(tokens) else ""
            if after in ("LATER", "AFTER"):
                out.append(Token("ORLATER", None, "or later"))
                i += 2
                continue
            if after in ("EARLIER", "BEFORE"):
                out.append(Token("OREARLIER", None, "or earlier"))
                i += 2
                continue
            if token.kind == "OR":
                msg = "alternative dates ('or') are not one date: choose one, or give the range"
                raise Rejected(msg)
        out.append(token)
        i += 1
    return out


def _orient(tokens: list[Token], dayfirst: bool | None) -> None:
    """Read every numeric date the same way: day first or month first.

    Without ``dayfirst``, the order comes from a date that can only be read one way
    (``17/06/2025``); if every date reads both ways, the text is rejected, never guessed.
    """
    numeric = [t for t in tokens if t.kind == "NUMDATE"]
    if not numeric:
        return
    order = dayfirst
    if order is None:
        possible = {True, False}
        for token in numeric:
            first, second, _ = token.value  # type: ignore[misc]
            readings = {o for o, month in ((True, second), (False, first)) if 1 <= month <= 12}
            if first != second:
                possible &= readings
        if not possible:
            order = True  # neither reading works; the day-first check below says why
        elif len(possible) == 2 and any(t.value[0] != t.value[1] for t in numeric):  # type: ignore[index]
            token = next(t for t in numeric if t.value[0] != t.value[1])  # type: ignore[index]
            first, second, year = token.value  # type: ignore[misc]
            day_first = f"{first} {MONTH_NAMES[second - 1]} {year}"
            month_first = f"{MONTH_NAMES[first - 1]} {second}, {year}"
            msg = (
                f"'{token.text}' is ambiguous: it reads as {day_first} (day first) or "
                f"{month_first} (month first); pass dayfirst=True or dayfirst=False"
            )
            raise Rejected(msg)
        else:
            order = possible.pop() if len(possible) == 1 else True
    for i, token in enumerate(tokens):
        if token.kind != "NUMDATE":
            continue
        first, second, year = token.value  # type: ignore[misc]
        day, month = (first, second) if order else (second, first)
        if not 1 <= month <= 12:
            reading = "day first" if order else "month first"
            msg = f"month {month} does not exist (reading '{token.text}' {reading})"
            raise Rejected(msg)
        tokens[i] = Token("DATE", Spec(year=year, month=month, day=day), token.text)


# --------------------------------------------------------------------------- structure

_WORD_CONNECTORS = frozenset({"to", "until", "through", "thru"})


def _split(tokens: list[Token], between: bool) -> tuple[list[Token], list[Token]] | None:
    """Cut the tokens at the interval connector, or None when there is none."""
    if between:
        cuts = [i for i, t in enumerate(tokens) if t.kind == "AND"]
        if len(cuts) != 1:
            msg = "'between' needs exactly one 'and'"
            raise Rejected(msg)
    else:
        if any(t.kind == "AND" for t in tokens):
            msg = "a list of several dates ('and') is not one date: use 'between ... and ...'"
            raise Rejected(msg)
        connectors = [i for i, t in enumerate(tokens) if t.kind == "TO"]
        cuts = [i for i in connectors if tokens[i].value in _WORD_CONNECTORS] or connectors
        if not cuts:
            return None
        if len(cuts) > 1:
            msg = "more than one range separator: give one start and one end"
            raise Rejected(msg)
    cut = cuts[0]
    left, right = tokens[:cut], tokens[cut + 1 :]
    if not left or not right:
        msg = "a range needs a date on each side of its separator"
        raise Rejected(msg)
    return left, right


def _flags(tokens: list[Token]) -> tuple[bool, bool]:
    approximate = uncertain = False
    for token in tokens:
        kind = token.kind
        if kind in _QUALIFIERS:
            approximate = approximate or kind != "UNCERT"
            uncertain = uncertain or kind != "APPROX"
    return approximate, uncertain


def _structure(tokens: list[Token]) -> Expression:
    lead = 0
    while lead < len(tokens) and tokens[lead].kind in _QUALIFIERS:
        lead += 1
    approximate, uncertain = _flags(tokens[:lead])
    tokens = tokens[lead:]
    if not tokens:
        msg = "no date in the text"
        raise Rejected(msg)

    end_missing: str | None = None
    inclusive_after = before_end = False
    tail = len(tokens)
    while tail > 1 and tokens[tail - 1].kind in _QUALIFIERS and tokens[tail - 2].kind == "TO":
        tail -= 1  # "1985-?": the end is unknown
    if tail < len(tokens):
        end_missing, tokens = "", tokens[: tail - 1]
    last = tokens[-1].kind if tokens else ""
    if last == "OPEN":
        tokens.pop()
        if tokens and tokens[-1].kind == "TO":
            tokens.pop()
        end_missing = ".."
    elif last == "UNKNOWN" and len(tokens) > 2 and tokens[-2].kind == "TO":
        del tokens[-2:]
        end_missing = ""
    elif last == "ORLATER":
        tokens.pop()
        end_missing, inclusive_after = "..", True
    elif last == "OREARLIER":
        tokens.pop()
        before_end = True
    elif last == "TO" and len(tokens) > 1:
        tokens.pop()
        end_missing = ".."

    first = tokens[0] if tokens else None
    prefix = None
    if first is not None and (
        first.kind in ("SINCE", "FROM", "AFTER", "BEFORE", "BETWEEN")
        or (first.kind == "TO" and first.value == "until")
    ):
        prefix = "UNTIL" if first.kind == "TO" else first.kind
        tokens = tokens[1:]
    if not tokens:
        raise Rejected(UNRECOGNIZED)

    split = _split(tokens, prefix == "BETWEEN")
    if split is not None:
        if end_missing is not None or before_end or prefix in ("AFTER", "BEFORE", "UNTIL"):
            raise Rejected(UNRECOGNIZED)
        left, right = (side_spec(part) for part in split)
        expr: Expression = Interval(Side(left), Side(right))
    elif prefix == "BETWEEN":
        msg = "'between' needs two dates joined by 'and'"
        raise Rejected(msg)
    else:
        spec = side_spec(tokens)
        if before_end or prefix == "UNTIL":
            expr = Interval(Side(None), Side(spec))
        elif prefix == "BEFORE":
            expr = Interval(Side(None), Side(spec, outer=True))
        elif prefix == "AFTER" and not inclusive_after:
            expr = Interval(
                Side(spec, outer=True),
                Side(None, missing=".." if end_missing is None else end_missing),
            )
        elif prefix in ("SINCE", "FROM") or end_missing is not None:
            expr = Interval(
                Side(spec), Side(None, missing=".." if end_missing is None else end_missing)
            )
        else:
            lone_day = spec.day is not None and spec.month is None and spec.year is None
            if lone_day and spec.relative is None:
                raise Rejected(LONE_NUMBER)
            expr = spec
    return with_flags(expr, approximate, uncertain)


# --------------------------------------------------------------------------- sides

Rule = Callable[[list[object]], Spec]


def _day(day: object, month: object, year: object = None) -> Spec:
    return Spec(year=year, month=month, day=day)  # type: ignore[arg-type]


def _unit_rule(ordinal: int, unit: object, year: int | None) -> Spec:
    """'19th century', 'first quarter of 2025', 'second half', 'first third of 2025'."""
    if unit == "century":
        if year is not None:
            raise Rejected(UNRECOGNIZED)
        return Spec(century=("ordinal", ordinal))
    limits = {"quarter": 4, "half": 2, "third": 3}
    if unit not in limits:
        raise Rejected(UNRECOGNIZED)
    if not 1 <= ordinal <= limits[unit]:  # type: ignore[index]
        msg = f"a year has no {unit} number {ordinal}"
        raise Rejected(msg)
    return Spec(year=year, sub=(unit, ordinal))  # type: ignore[arg-type]


def _sub(kind: str, limit: int) -> Callable[[int, int | None], Spec]:
    def build(index: int, year: int | None = None) -> Spec:
        if not 1 <= index <= limit:
            msg = f"a year has no {kind} number {index}"
            raise Rejected(msg)
        return Spec(year=year, sub=(kind, index))

    return build


_quarter = _sub("quarter", 4)
_half = _sub("half", 2)

_RELATIVE_UNITS = ("day", "week", "month", "year")


def _relative_unit(offset: object, unit: object) -> Spec:
    if unit not in ("week", "month", "year"):
        raise Rejected(UNRECOGNIZED)
    return Spec(relative=(unit, offset))


def _ago(count: object, unit: object) -> Spec:
    if unit not in _RELATIVE_UNITS:
        raise Rejected(UNRECOGNIZED)
    return Spec(relative=(unit, -count))  # type: ignore[operator]


def _month_half(ordinal: object, unit: object, month: object, year: object = None) -> Spec:
    """ "the first half of October 2025": days 1-15; the second: 16 to the end.

    "the first week of October 2025" (days 1-7) has the same tokens.
    """
    if unit == "week":
        if ordinal not in range(1, 6):
            msg = f"a month has no week number {ordinal}"
            raise Rejected(msg)
        return Spec(year=year, month=month, nth_week=ordinal)  # type: ignore[arg-type]
    if unit != "half" or ordinal not in (1, 2):
        raise Rejected(UNRECOGNIZED)
    return Spec(year=year, month=month, part=f"half{ordinal}")  # type: ignore[arg-type]


def _clipped_unit(mode: str, unit: object) -> Spec:
    """ "earlier this year": from the start of the unit to the day before the report date."""
    if unit not in ("week", "month", "year"):
        raise Rejected(UNRECOGNIZED)
    return Spec(relative=(unit, 0), clip=mode)


def _year_unit(unit: object, year: object) -> Spec:
    if unit in ("day", "month"):  # "day in 1872": an unspecified day of the year
        return Spec(year=year, unspecified=unit)  # type: ignore[arg-type]
    if unit != "year":
        raise Rejected(UNRECOGNIZED)
    return Spec(year=year)  # type: ignore[arg-type]


_RULES: dict[tuple[str, ...], Rule] = {
    # days
    ("N", "MON", "Y"): lambda v: _day(v[0], v[1], v[2]),
    ("ORD", "MON", "Y"): lambda v: _day(v[0], v[1], v[2]),
    ("MON", "N", "Y"): lambda v: _day(v[1], v[0], v[2]),
    ("MON", "ORD", "Y"): lambda v: _day(v[1], v[0], v[2]),
    ("Y", "MON", "N"): lambda v: _day(v[2], v[1], v[0]),
    ("Y", "MON", "ORD"): lambda v: _day(v[2], v[1], v[0]),
    ("Y", "N", "MON"): lambda v: _day(v[1], v[2], v[0]),
    ("N", "MON"): lambda v: _day(v[0], v[1]),
    ("ORD", "MON"): lambda v: _day(v[0], v[1]),
    ("MON", "N"): lambda v: _day(v[1], v[0]),
    ("MON", "ORD"): lambda v: _day(v[1], v[0]),
    ("N", "Y"): lambda v: Spec(day=v[0], year=v[1]),  # type: ignore[arg-type]
    ("ORD", "Y"): lambda v: Spec(day=v[0], year=v[1]),  # type: ignore[arg-type]
    ("ORD",): lambda v: Spec(day=v[0]),  # type: ignore[arg-type]
    ("DATE",): lambda v: v[0].copy(),  # type: ignore[attr-defined]
    # months
    ("MON", "Y"): lambda v: Spec(year=v[1], month=v[0]),  # type: ignore[arg-type]
    ("Y", "MON"): lambda v: Spec(year=v[0], month=v[1]),  # type: ignore[arg-type]
    ("MON",): lambda v: Spec(month=v[0]),  # type: ignore[arg-type]
    ("PART", "MON", "Y"): lambda v: Spec(year=v[2], month=v[1], part=v[0]),  # type: ignore[arg-type]
    ("PART", "MON"): lambda v: Spec(month=v[1], part=v[0]),  # type: ignore[arg-type]
    # years, decades, centuries
    ("Y",): lambda v: Spec(year=v[0]),  # type: ignore[arg-type]
    ("UNIT", "Y"): lambda v: _year_unit(v[0], v[1]),
    ("PART", "Y"): lambda v: Spec(year=v[1], part=v[0]),  # type: ignore[arg-type]
    ("PART", "UNIT", "Y"): lambda v: _year_unit(v[1], v[2]).copy(part=v[0]),
    ("PART",): lambda v: Spec(part=v[0]),  # type: ignore[arg-type]
    ("PLURAL",): lambda v: Spec(plural=v[0]),  # type: ignore[arg-type]
    ("PART", "PLURAL"): lambda v: Spec(plural=v[1], part=v[0]),  # type: ignore[arg-type]
    ("PLURAL", "PART"): lambda v: Spec(plural=v[0], part=v[1]),  # type: ignore[arg-type]
    ("ORD", "UNIT"): lambda v: _unit_rule(v[0], v[1], None),  # type: ignore[arg-type]
    ("ORD", "UNIT", "Y"): lambda v: _unit_rule(v[0], v[1], v[2]),  # type: ignore[arg-type]
    ("PART", "ORD", "UNIT"): lambda v: _unit_rule(v[1], v[2], None).copy(part=v[0]),  # type: ignore[arg-type]
    ("CENT",): lambda v: Spec(century=("ordinal", v[0])),  # type: ignore[arg-type]
    ("PART", "CENT"): lambda v: Spec(century=("ordinal", v[1]), part=v[0]),  # type: ignore[arg-type]
    # seasons, quarters, halves
    ("SEA", "Y"): lambda v: Spec(year=v[1], sub=("season", v[0])),  # type: ignore[arg-type]
    ("Y", "SEA"): lambda v: Spec(year=v[0], sub=("season", v[1])),  # type: ignore[arg-type]
    ("SEA",): lambda v: Spec(sub=("season", v[0])),  # type: ignore[arg-type]
    ("PART", "SEA", "Y"): lambda v: Spec(year=v[2], sub=("season", v[1]), part=v[0]),  # type: ignore[arg-type]
    ("PART", "SEA"): lambda v: Spec(sub=("season", v[1]), part=v[0]),  # type: ignore[arg-type]
    ("Q", "Y"): lambda v: _quarter(v[0], v[1]),  # type: ignore[arg-type]
    ("Y", "Q"): lambda v: _quarter(v[1], v[0]),  # type: ignore[arg-type]
    ("Q",): lambda v: _quarter(v[0]),  # type: ignore[arg-type]
    ("H", "Y"): lambda v: _half(v[0], v[1]),  # type: ignore[arg-type]
    ("Y", "H"): lambda v: _half(v[1], v[0]),  # type: ignore[arg-type]
    ("H",): lambda v: _half(v[0]),  # type: ignore[arg-type]
    # relative to the report date
    ("REL",): lambda v: Spec(relative=("day", v[0])),
    ("LAST", "UNIT"): lambda v: _relative_unit(v[0], v[1]),
    ("THIS", "UNIT"): lambda v: _relative_unit(v[0], v[1]),
    ("NEXT", "UNIT"): lambda v: _relative_unit(v[0], v[1]),
    ("N", "UNIT", "AGO"): lambda v: _ago(v[0], v[1]),
    ("NUMW", "UNIT", "AGO"): lambda v: _ago(v[0], v[1]),
    ("ORD", "UNIT", "MON"): lambda v: _month_half(v[0], v[1], v[2]),
    ("ORD", "UNIT", "MON", "Y"): lambda v: _month_half(v[0], v[1], v[2], v[3]),
    ("EARLIER", "THIS", "UNIT"): lambda v: _clipped_unit("earlier", v[2]),
    ("LATER", "THIS", "UNIT"): lambda v: _clipped_unit("later", v[2]),
    ("THIS", "SEA"): lambda v: Spec(sub=("season", v[1]), relative=("current",)),  # type: ignore[arg-type]
    ("THIS", "MON"): lambda v: Spec(month=v[1], relative=("current",)),  # type: ignore[arg-type]
    ("LAST", "SEA"): lambda v: Spec(sub=("season", v[1]), relative=("previous",)),  # type: ignore[arg-type]
    ("LAST", "MON"): lambda v: Spec(month=v[1], relative=("previous",)),  # type: ignore[arg-type]
    ("WD",): lambda v: Spec(relative=("weekday", v[0], False)),
    ("LAST", "WD"): lambda v: Spec(relative=("weekday", v[1], True)),
}


def side_spec(tokens: list[Token]) -> Spec:
    """The spec of one side of an interval (or of a whole single expression)."""
    approximate, uncertain = _flags(tokens)
    core = [t for t in tokens if t.kind not in _QUALIFIERS] if approximate or uncertain else tokens
    if core and core[0].kind == "UNIT" and core[0].value == "week" and len(core) > 1:
        spec = side_spec(core[1:])  # "the week of 12 June 2024"
        if spec.day is None or spec.time is not None:
            raise Rejected(UNRECOGNIZED)
        spec.week = "containing"
    elif (
        len(core) > 2
        and core[1].kind == "UNIT"
        and core[1].value == "week"
        and (core[0].kind == "ORD" or (core[0].kind == "LAST" and core[2].kind == "MON"))
    ):
        spec = _week_of_month(core)  # "the first week of November 2024"
    else:
        spec = _rule_spec(core)
    if approximate or uncertain:
        spec.approximate = spec.approximate or approximate
        spec.uncertain = spec.uncertain or uncertain
    return spec


def _week_of_month(core: list[Token]) -> Spec:
    nth = -1 if core[0].kind == "LAST" else core[0].value
    if not 1 <= nth <= 5 and nth != -1:  # type: ignore[operator]
        msg = f"a month has no week number {nth}"
        raise Rejected(msg)
    spec = side_spec(core[2:])
    in_month = spec.month is not None or (spec.relative or ("",))[0] == "month"
    if not in_month or spec.day is not None or spec.part is not None or spec.time is not None:
        raise Rejected(UNRECOGNIZED)
    return spec.copy(nth_week=nth)


_RELATIVE_WORDS = frozenset({"LAST", "THIS", "NEXT"})


def _compound_spec(tokens: list[Token], kinds: tuple[str, ...]) -> Spec | None:
    """Phrases that no single rule covers, built from the spec of their rest.

    "October last year", "the second half of last year", "late last month" (a unit inside a
    relative year or month); "2025 October late" (a part after its unit, as Korean orders
    it); "a day in January 1872" (an unspecified unit inside a wider one).
    """
    count = len(kinds)
    for i in range(count - 1):
        if kinds[i] in _RELATIVE_WORDS and kinds[i + 1] == "UNIT" and count > 2:
            unit = tokens[i + 1].value
            if unit not in ("year", "month"):
                return None
            inner = _rule_spec(tokens[:i] + tokens[i + 2 :])
            if inner.year is not None or inner.relative is not None:
                raise Rejected(UNRECOGNIZED)
            inside = (
                inner.month is not None or inner.sub is not None or inner.nth_week is not None
                if unit == "year"
                else inner.month is None and inner.sub is None
            )
            if not (inside or inner.part is not None):
                raise Rejected(UNRECOGNIZED)
            return inner.copy(relative=(unit, tokens[i].value))
    if kinds[-1] == "PART" and count > 1:
        inner = _rule_spec(tokens[:-1])
        season = inner.sub is not None and inner.sub[0].startswith("season")
        if inner.part is not None or inner.day is not None or (inner.sub and not season):
            raise Rejected(UNRECOGNIZED)
        return inner.copy(part=tokens[-1].value)
    if kinds[0] == "NUMW" and tokens[0].value == 1 and count > 2 and kinds[1] == "UNIT":
        return side_spec(tokens[2:]).copy(unspecified=tokens[1].value)
    if kinds[0] == "UNIT" and tokens[0].value in ("day", "month", "year") and count > 1:
        return side_spec(tokens[1:]).copy(unspecified=tokens[0].value)  # "day in 1872"
    return None


def _rule_spec(tokens: list[Token]) -> Spec:
    kinds = tuple(t.kind for t in tokens)
    times: list[Token] = []
    if "TIME" in kinds:
        times = [t for t in tokens if t.kind == "TIME"]
        tokens = [t for t in tokens if t.kind != "TIME"]
        kinds = tuple(t.kind for t in tokens)
    weekdays: list[Token] = []
    if "WD" in kinds and kinds not in (("WD",), ("LAST", "WD")):
        weekdays = [t for t in tokens if t.kind == "WD"]  # checked against the date
        tokens = [t for t in tokens if t.kind != "WD"]
        kinds = tuple(t.kind for t in tokens)
    if len(times) > 1 or len(weekdays) > 1:
        raise Rejected(UNRECOGNIZED)
    if kinds == ("N",):  # a lone number: a day, or the end of "1997-98"
        spec = Spec(day=tokens[0].value, bare_digits=len(tokens[0].text))  # type: ignore[arg-type]
    else:
        rule = _RULES.get(kinds)
        if rule is not None:
            spec = rule([t.value for t in tokens])
        else:
            found = _compound_spec(tokens, kinds) if kinds else None
            if found is None:
                raise Rejected(UNRECOGNIZED)
            spec = found
    if weekdays:
        spec.weekday = weekdays[0].value  # type: ignore[assignment]
    if times:
        if spec.day is None:
            msg = "a time of day needs a full date"
            raise Rejected(msg)
        spec.time = times[0].value  # type: ignore[assignment]
    return spec


def _direct_side(tokens: list[Token]) -> Spec | None:
    """The spec of an interval side that one rule covers, or None (then the full grammar)."""
    if len(tokens) == 1 and tokens[0].kind == "N":
        return Spec(day=tokens[0].value, bare_digits=len(tokens[0].text))
    rule = _RULES.get(tuple([t.kind for t in tokens]))
    return None if rule is None else rule([t.value for t in tokens])


def _century_sides(tokens: list[Token]) -> None:
    """'late 19th to early 20th century', '19th-20th century': the left ordinal is a century."""
    kinds = [t.kind for t in tokens]
    if not (kinds and kinds[-1] == "UNIT" and tokens[-1].value == "century"):
        return
    for i in range(len(tokens) - 1):
        if kinds[i] in ("ORD", "N") and kinds[i + 1] == "TO":  # "17-19th centuries"
            if kinds[i] == "N":
                tokens[i] = Token("ORD", tokens[i].value, tokens[i].text)
            tokens.insert(i + 1, Token("UNIT", "century", "century"))
            return


_CODE_NAMES = {"quarter": "quarter", "third": "third", "half": "half"}


def _code_reading(year: int, code: int) -> str:
    kind, index = SUB_YEAR_CODES[code]
    if kind.startswith("season"):
        where = {"season_north": " (north)", "season_south": " (south)"}.get(kind, "")
        return f"{SEASON_NAMES[index]}{where} {year}"
    return f"{_CODE_NAMES[kind]} {index} of {year}"


def _year_pairs(tokens: list[Token], two_digit: str) -> list[Token]:
    """ "2024-25": a range of years, or the EDTF sub-year code 25, as the conventions say."""
    out: list[Token] = []
    for token in tokens:
        if token.kind != "YPAIR":
            out.append(token)
            continue
        year, code = token.value  # type: ignore[misc]
        if two_digit == "edtf":
            out.append(Token("DATE", Spec(year=year, sub=SUB_YEAR_CODES[code]), token.text))
        elif two_digit == "range":
            out += [Token("Y", year, str(year)), Token("TO", "-", "-")]
            out.append(Token("N", code, f"{code:02d}"))
        else:
            msg = (
                f"'{token.text}' is ambiguous: the years {year}-{year // 100 * 100 + code} or "
                f"the EDTF code {code}, {_code_reading(year, code)}; choose with "
                "DateConventions(two_digit_years='range') or two_digit_years='edtf'"
            )
            raise Rejected(msg)
    return out


def parse_phrase(text: str, dayfirst: bool | None, two_digit: str = "range") -> Expression:
    """The expression of an English date phrase.

    ``two_digit`` is :attr:`DateConventions.two_digit_years`: how ``2024-25`` reads.

    Raises
    ------
    Rejected
        With the reason when the phrase is not understood or names no possible date.
    """
    if text.startswith("[") and text.endswith("]") and ("," in text or ".." in text):
        msg = "an EDTF set ([...]: one of several dates) is not one date or interval"
        raise Rejected(msg)
    tokens = _clean(tokenize(normalize(text)), two_digit)
    kinds = [t.kind for t in tokens]
    rule = _RULES.get(tuple(kinds))
    if rule is not None:  # one rule covers the whole phrase: no connector, qualifier or time
        spec = rule([t.value for t in tokens])
        if spec.day is not None and spec.month is None:
            raise Rejected(LONE_NUMBER)
        return spec
    if kinds.count("TO") == 1 and "UNIT" not in kinds:  # "13-14 October 1905"
        cut = kinds.index("TO")
        left, right = _direct_side(tokens[:cut]), _direct_side(tokens[cut + 1 :])
        if left is not None and right is not None:
            return Interval(Side(left), Side(right))
    _orient(tokens, dayfirst)
    _century_sides(tokens)
    return _structure(tokens)
