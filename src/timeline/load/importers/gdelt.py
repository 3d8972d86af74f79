"""GDELT 2.0 event files: tab-separated, 61 columns, no header row.

The column layout is the one the GDELT 2.0 Event Codebook publishes (``COLUMNS``); a file
with a header row (a BigQuery export, say) is read by its column names instead.
``SQLDATE`` (``YYYYMMDD``) is the day of the event; ``DATEADDED`` (``YYYYMMDDHHMMSS``, UTC)
when GDELT found the report, used as the report date.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from timeline.errors import Reason
from timeline.load.build import LoadResult
from timeline.load.importers.common import (
    RowChecks,
    build,
    check_days,
    day_text,
    derived,
    join_text,
    parse_days,
    start_import,
    take_columns,
)
from timeline.load.readers import RawTable, read_headerless, read_table, source_format

NAME = "gdelt"
LABEL = "GDELT 2.0 event file (tab-separated, no header)"

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{part}" for part in _ACTOR),
    *(f"Actor2{part}" for part in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{part}" for part in _GEO),
    *(f"Actor2Geo_{part}" for part in _GEO),
    *(f"ActionGeo_{part}" for part in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event file, in order."""

SIGNATURE = ("GLOBALEVENTID", "SQLDATE", "EventCode")
"""Header columns that identify a GDELT table with a header row."""
REQUIRED = ("GLOBALEVENTID", "SQLDATE")
RENAMED = {
    "event_id": "GLOBALEVENTID",
    "location": "ActionGeo_FullName",
    "latitude": "ActionGeo_Lat",
    "longitude": "ActionGeo_Long",
    "source_url": "SOURCEURL",
}
"""Canonical fields that take a GDELT column over (the column is renamed)."""

CAMEO_ROOTS = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}
"""The 20 CAMEO root event classes (the first two digits of ``EventCode``)."""


def looks_like_gdelt(fields: list[str]) -> bool:
    """Whether the first record of a headerless file is a GDELT 2.0 event."""
    return (
        len(fields) == len(COLUMNS)
        and fields[0].strip().isdigit()
        and len(fields[1].strip()) == 8
        and fields[1].strip().isdigit()
    )


def read(source: object, file_format: str | None = None) -> RawTable:
    """Read a GDELT event file (headerless, tab-separated) or a table with GDELT's columns."""
    if isinstance(source, pd.DataFrame):
        return read_table(source)
    path = Path(source)  # type: ignore[arg-type]
    if not path.exists():
        msg = f"no such file: {str(path)!r}"
        raise FileNotFoundError(msg)
    fmt = file_format or source_format(path)
    if fmt in ("csv", "tsv") and not _has_header(path):
        return read_headerless(path, list(COLUMNS), "\t")
    return read_table(path, file_format)


def _has_header(path: Path) -> bool:
    with path.open("rb") as handle:
        first = handle.readline(1 << 16).decode("utf-8", errors="replace")
    return "globaleventid" in first.lower()


def load(
    source: object,
    reference_date: object = None,
    dayfirst: bool | None = None,
    conventions: object = None,
    file_format: str | None = None,
) -> LoadResult:
    """Import GDELT events (a :class:`~timeline.load.build.LoadResult`)."""
    return build_gdelt(read(source, file_format), reference_date, dayfirst, conventions)


def compact_to_iso(text: pd.Series, with_time: bool) -> tuple[pd.Series, np.ndarray]:
    """``YYYYMMDD`` (or ``YYYYMMDDHHMMSS``) as ISO text; and the mask of malformed values.

    Examples
    --------
    >>> iso, bad = compact_to_iso(pd.Series(["20240301", "2024031"]), with_time=False)
    >>> iso.tolist(), bad.tolist()
    (['2024-03-01', nan], [False, True])
    """
    pattern = (
        r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$" if with_time else r"^(\d{4})(\d{2})(\d{2})$"
    )
    parts = text.str.extract(pattern)
    iso = parts[0] + "-" + parts[1] + "-" + parts[2]
    if with_time:
        iso = iso + "T" + parts[3] + ":" + parts[4] + ":" + parts[5]
    bad = (text.notna() & iso.isna()).to_numpy()
    return iso.astype("str"), bad


def _check_moments(checks: RowChecks, column: str, values: pd.Series, iso: pd.Series) -> None:
    """Reject the rows whose ``iso`` text (written from ``column``) is no real day or time.

    Each distinct value is read once; the failure names ``column`` and its own value.
    """
    from timeline.dates import normalize_dates

    codes, uniques = pd.factorize(iso)
    if not len(uniques):
        return
    distinct = pd.Series(np.asarray(uniques, dtype=object), dtype="str")
    errors = normalize_dates(distinct)["date_error"].to_numpy(dtype=object)
    why = np.where(codes < 0, "", errors[np.maximum(codes, 0)])
    bad = why != ""
    reasons = np.array([f"{column} must be a real day and time: {r}" if r else "" for r in why])
    checks.add(bad, column, values, reasons, Reason.BAD_REPORT_DATE)


def build_gdelt(
    raw: RawTable, reference_date: object, dayfirst: bool | None, conventions: object
) -> LoadResult:
    """Derive the canonical fields of GDELT events and build them."""
    raw, cols, frame, checks, text = start_import(raw, NAME, COLUMNS, REQUIRED, RENAMED)

    sqldate = text("SQLDATE")
    date, bad_date = compact_to_iso(sqldate, with_time=False)
    checks.add(
        bad_date,
        cols["SQLDATE"],
        sqldate,
        "SQLDATE must be a day written YYYYMMDD",
        Reason.BAD_DATE,
    )
    # A well-formed value must also be a real day (20240230 is not): checked here, so the
    # failure names SQLDATE and its value, not the derived date text.
    days, why = parse_days(date)
    why[bad_date] = ""  # already refused above
    check_days(checks, cols["SQLDATE"], sqldate, why)
    frame[derived("date_text")] = pd.Series(day_text(days), index=frame.index, dtype="str")
    mapping = {"date_text": derived("date_text")}

    added = text("DATEADDED")
    if "DATEADDED" in cols:
        long_form = added.str.len().eq(14).fillna(False).to_numpy()
        stamp, bad_stamp = compact_to_iso(added, with_time=True)
        day, bad_day = compact_to_iso(added, with_time=False)
        reported = stamp.where(long_form, day)
        bad = np.where(long_form, bad_stamp, bad_day)
        checks.add(
            bad,
            cols["DATEADDED"],
            added,
            "DATEADDED must be written YYYYMMDDHHMMSS (or YYYYMMDD)",
            Reason.BAD_REPORT_DATE,
        )
        _check_moments(checks, cols["DATEADDED"], added, reported.where(~bad))
        frame[derived("reported_on")] = reported
        mapping["reported_on"] = derived("reported_on")

    code = text("EventCode")
    root = text("EventRootCode").fillna(code.str.slice(0, 2))
    action = root.map(CAMEO_ROOTS).astype("str")
    labelled = join_text([action, "(CAMEO " + code + ")"], " ")
    frame[derived("title")] = join_text([text("Actor1Name"), labelled, text("Actor2Name")], " – ")
    frame[derived("category")] = action
    frame[derived("actors")] = join_text([text("Actor1Name"), text("Actor2Name")], "; ")
    mapping.update({f: derived(f) for f in ("title", "category", "actors")})
    take_columns(frame, cols, mapping, RENAMED, None, text)

    table, _ = checks.apply(frame)
    return build(table, mapping, NAME, reference_date, dayfirst, conventions)
