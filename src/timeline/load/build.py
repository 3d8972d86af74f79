"""The build step: a raw table plus a column mapping -> events and their failures.

The loader (:mod:`timeline.load.loader`) and every importer end here, so all sources
share the same validation."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from timeline.errors import Reason
from timeline.fields import FIELDS
from timeline.load.columns import DERIVED_PREFIX
from timeline.load.failures import FailureCollector
from timeline.load.readers import RawTable
from timeline.load.speed import Background, large_text
from timeline.load.text_cells import (
    extra_column_values,
    is_arrow_text,
    parse_number,
    split_list,
    to_text,
    without_surrogates,
)
from timeline.progress import step, task
from timeline.schema import KINDS, RELIABILITY_GRADES, finalize_events

_TEXT_FIELDS = tuple(f.name for f in FIELDS if f.aliases and f.read in ("text", "dates"))
"""Mapped fields read as clean text first (the field table's ``read``)."""


@dataclass
class LoadResult:
    """Everything one pass over a source produced."""

    events: pd.DataFrame  # every row that became an event, valid or not
    valid: np.ndarray  # row mask of the valid events
    failures: pd.DataFrame
    total: int  # input records, including those the reader could not split
    rejected: int  # records with at least one failure, counted from the failures


def build_events(
    raw: RawTable,
    mapping: Mapping[str, str],
    reference_date: object = None,
    dayfirst: bool | None = None,
    conventions: object = None,
) -> LoadResult:
    """Turn a raw table plus a column mapping into events and their failures.

    Importers for special formats call this after building their own raw table, so
    every source shares the same validation. A large table shows a progress bar of its
    steps (:mod:`timeline.progress`).
    """
    name = raw.attrs.get("source_name") or raw.attrs.get("source_file") or "events"
    with task(f"loading {name}", total=_STEPS, rows=len(raw.frame)):
        return _build_events(raw, mapping, reference_date, dayfirst, conventions)


_STEPS = 4  # dates, other fields, ids, the frame


def _build_events(
    raw: RawTable,
    mapping: Mapping[str, str],
    reference_date: object,
    dayfirst: bool | None,
    conventions: object,
) -> LoadResult:
    from timeline.dates import combine_bounds, normalize_dates

    frame = raw.frame
    n = len(frame)
    consumed = set(mapping.values())
    # The actor lists and the columns kept as they are need no other field: on a large
    # table they are made in a helper thread while this one reads the other fields.
    background = Background(n)
    actors_job = None
    if "actors" in mapping and mapping["actors"] in raw.extras:  # split by the importer
        actors_job = _JobRows(raw.extras[mapping["actors"]], raw.extras_rows)
    elif "actors" in mapping:
        actors_job = background.submit(split_list, frame[mapping["actors"]])
    started = {str(c) for c in frame.columns if str(c) in raw.extras and c not in consumed}
    distinct_ids_job = (
        background.submit(
            _given_ids_distinct, frame[mapping["event_id"]], mapping["event_id"] in raw.clean
        )
        if "event_id" in mapping
        else None
    )
    extra_jobs = {
        str(c): background.submit(_extra_column, frame[c])
        for c in frame.columns
        if c not in consumed and str(c) not in started
    }
    background.close()
    failures = FailureCollector(raw.rows)
    failures.add_records(raw.rejected)
    index = pd.RangeIndex(n)
    text = {
        field: _text(frame, col, raw.clean).set_axis(index)
        for field, col in mapping.items()
        if field in _TEXT_FIELDS
    }
    fields: dict[str, Any] = {}

    title = text["title"]
    failures.add(
        title.isna().to_numpy(), "title", title, Reason.MISSING_TITLE.value, Reason.MISSING_TITLE
    )
    fields["title"] = title.fillna("")

    for field in ("date_text", "end_text", "reported_on"):
        if field in mapping:
            _one_value_per_cell(frame[mapping[field]], field, text[field], failures)
    reference = _reference_dates(text.get("reported_on"), reference_date, failures)
    date_text = text["date_text"]
    dates = normalize_dates(date_text, reference, dayfirst=dayfirst, conventions=conventions)
    failures.add(
        dates["date_error"].ne("").to_numpy(),
        "date_text",
        date_text,
        dates["date_error"],
        Reason.BAD_DATE,
    )
    if "end_text" in text:
        end_text = text["end_text"]
        has_end = end_text.notna().to_numpy()
        ends = normalize_dates(end_text, reference, dayfirst=dayfirst, conventions=conventions)
        end_bad = has_end & ends["date_error"].ne("").to_numpy()
        failures.add(end_bad, "end_text", end_text, ends["date_error"], Reason.BAD_DATE)
        spans = combine_bounds(dates, ends)
        use_span = has_end & ~end_bad & dates["date_error"].eq("").to_numpy()
        order_bad = use_span & spans["date_error"].ne("").to_numpy()
        failures.add(order_bad, "end_text", end_text, spans["date_error"], Reason.END_BEFORE_START)
        dates = dates.where(~pd.Series(use_span, index=index), spans, axis=0)
        dates = dates.astype(spans.dtypes.to_dict())
        fields["end_text"] = end_text
    fields["date_text"] = date_text.fillna("")
    fields.update({col: dates[col] for col in dates.columns if col != "date_error"})
    fields["reported_on"] = reference
    step("dates")

    if "kind" in text:
        given = text["kind"].str.lower()
        if not mapping["kind"].startswith(DERIVED_PREFIX):  # an importer's own vocabulary
            bad_kind = (given.notna() & ~given.isin(KINDS)).to_numpy()
            failures.add(
                bad_kind,
                "kind",
                text["kind"],
                f"kind must be one of {', '.join(KINDS)} (or empty); 'era' draws a "
                "background band, the others follow from the dates",
                Reason.BAD_VALUE,
            )
        era = given.eq("era").fillna(False).to_numpy()
        fields["kind"] = fields["kind"].where(~era, "era")

    for field in (
        "description",
        "category",
        "location",
        "source",
        "source_url",
        "claimant",
        "quote",
        "tags",
    ):
        if field in text:
            fields[field] = text[field]
    if actors_job is not None:
        fields["actors"] = actors_job.result().set_axis(index)
    _coordinates(frame, mapping, fields, failures, raw.clean)
    _grades(text, frame, mapping, fields, failures, raw.clean)
    if "quantity" in mapping:
        quantity_text = _text(frame, mapping["quantity"], raw.clean).set_axis(index)
        numbers, bad = parse_number(quantity_text)
        failures.add(
            bad.to_numpy(),
            "quantity",
            quantity_text,
            "quantity is not a finite number",
            Reason.BAD_NUMBER,
        )
        fields["quantity"] = numbers
    step("fields")
    fields["event_id"] = _event_ids(frame, mapping, failures, raw, distinct_ids_job)
    step("ids")

    typed = {name: job.result() for name, job in extra_jobs.items()}
    for name in started:
        typed[name] = _JobRows(raw.extras[name], raw.extras_rows).result()
    extras = {str(c): typed[str(c)].set_axis(index) for c in frame.columns if str(c) in typed}
    events = finalize_events(fields, extras, index)
    step("frame")
    events.attrs.update(raw.attrs)
    # Input rows: the rows read plus the records the reader or an importer rejected, each once
    # however many problems it has.
    rejected_records = len({record["row"] for record in raw.rejected})
    return LoadResult(
        events, ~failures.bad, failures.table(), n + rejected_records, failures.count_rejected
    )


def _text(frame: pd.DataFrame, column: str, clean: Collection[str] = ()) -> pd.Series:
    """A mapped column as clean text; columns in ``clean`` (an importer's derived text
    columns, see :attr:`RawTable.clean`) are clean already."""
    values = frame[column]
    if column in clean and isinstance(values.dtype, pd.StringDtype):
        return values
    return to_text(values)


def _one_value_per_cell(
    values: pd.Series, field: str, shown: pd.Series, failures: FailureCollector
) -> None:
    """A list or mapping in a date cell (JSON ``["2024"]``) is a failure, not its first item."""
    if values.dtype != object:
        return
    nested = np.fromiter(
        (isinstance(v, (list, tuple, dict, set, np.ndarray)) for v in values),
        dtype=bool,
        count=len(values),
    )
    if nested.any():
        failures.add(
            nested,
            field,
            values.reset_index(drop=True),
            f"{field} holds a list or mapping; give one date as text",
            Reason.BAD_DATE,
        )


def _reference_dates(
    reported: pd.Series | None, reference_date: object, failures: FailureCollector
) -> pd.Series:
    """Each row's report date: its own ``reported_on`` (one day), else the argument."""
    from timeline.dates.parse import reference_day

    n = len(failures.labels)
    day = reference_day(reference_date)  # None, or days since 1970; raises unless one day
    default = pd.NaT if day is None else pd.Timestamp(day, unit="D")
    fill = np.datetime64("NaT", "us") if pd.isna(default) else pd.Timestamp(default).to_datetime64()
    base = pd.Series(np.full(n, fill, dtype="datetime64[us]"))
    if reported is None:
        return base
    from timeline.dates import normalize_dates

    # Report dates repeat (one per article): parse each distinct text once. Missing cells
    # (code -1) pick an arbitrary parsed row; they are masked out as not present below.
    codes, uniques = pd.factorize(reported, use_na_sentinel=True)
    if len(uniques) == 0:
        return base
    parsed = normalize_dates(pd.Series(uniques, dtype="str")).iloc[codes]
    parsed = parsed.set_axis(reported.index)
    present = reported.notna().to_numpy()
    error = parsed["date_error"].to_numpy(dtype=object)
    one_day = (
        parsed["start_precision"].isin(["day", "time"]).to_numpy()
        & (parsed["kind"] == "instant").to_numpy()
    )
    too_coarse = present & (error == "") & ~one_day
    bad = present & (error != "")
    failures.add(bad, "reported_on", reported, error, Reason.BAD_REPORT_DATE)
    failures.add(
        too_coarse,
        "reported_on",
        reported,
        "report date must name one day (relative dates are resolved against it)",
        Reason.BAD_REPORT_DATE,
    )
    own = parsed["start"].where(present & ~bad & ~too_coarse)
    return own.fillna(base).astype("datetime64[us]")


def _coordinates(
    frame: pd.DataFrame,
    mapping: Mapping[str, str],
    fields: dict[str, Any],
    failures: FailureCollector,
    clean: Collection[str] = (),
) -> None:
    for field, limit, reason in (
        ("latitude", 90, Reason.BAD_LATITUDE),
        ("longitude", 180, Reason.BAD_LONGITUDE),
    ):
        if field not in mapping:
            continue
        values = _text(frame, mapping[field], clean).reset_index(drop=True)
        numbers, bad = parse_number(values)
        bad = bad | (numbers.abs() > limit)
        failures.add(bad.to_numpy(), field, values, reason.value, reason)
        fields[field] = numbers


def _grades(
    text: Mapping[str, pd.Series],
    frame: pd.DataFrame,
    mapping: Mapping[str, str],
    fields: dict[str, Any],
    failures: FailureCollector,
    clean: Collection[str] = (),
) -> None:
    """Admiralty grades: reliability of the source A-F, credibility of the claim 1-6."""
    if "reliability" in text:
        grade = text["reliability"].str.upper()
        bad = grade.notna() & ~grade.isin(list(RELIABILITY_GRADES))
        failures.add(
            bad.to_numpy(),
            "reliability",
            text["reliability"],
            "reliability must be a letter A-F (A reliable ... F cannot be judged)",
            Reason.BAD_GRADE,
        )
        fields["reliability"] = grade.where(~bad)
    if "credibility" in mapping:
        values = _text(frame, mapping["credibility"], clean).reset_index(drop=True)
        numbers, bad = parse_number(values)
        bad = bad | (numbers.notna() & ~numbers.isin([1, 2, 3, 4, 5, 6]))
        failures.add(
            bad.to_numpy(),
            "credibility",
            values,
            "credibility must be a whole number 1-6 (1 confirmed ... 6 cannot be judged)",
            Reason.BAD_GRADE,
        )
        fields["credibility"] = numbers.where(~bad).astype("Int8")


def _given_ids_distinct(values: pd.Series, clean: bool) -> bool:
    """Whether the source's ids are all present and distinct (then nothing is checked)."""
    return _all_distinct(values if clean else to_text(values))


def _event_ids(
    frame: pd.DataFrame,
    mapping: Mapping[str, str],
    failures: FailureCollector,
    raw: RawTable,
    distinct_job: Any = None,
) -> pd.Series:
    """Source ids where given, else a stable hash of the row; duplicates are failures."""
    if distinct_job is not None and distinct_job.result():
        return _text(frame, mapping["event_id"], raw.clean).reset_index(drop=True)
    n = len(frame)
    given = (
        _text(frame, mapping["event_id"], raw.clean).reset_index(drop=True)
        if "event_id" in mapping
        else None
    )
    missing = np.ones(n, dtype=bool) if given is None else given.isna().to_numpy()
    ids = given if given is not None else pd.Series(pd.NA, index=pd.RangeIndex(n), dtype="str")
    if missing.any():
        ids = ids.copy()
        ids[missing] = _row_hashes(frame.loc[missing]).to_numpy()
    if _all_distinct(ids):
        return ids
    duplicated = ids.duplicated(keep="first").to_numpy()
    if duplicated.any():
        first_position = pd.Series(np.arange(n)).groupby(ids.to_numpy()).transform("min")
        first_label = failures.labels[first_position.to_numpy()]
        if given is None:
            code = Reason.DUPLICATE_ROW
            reasons = [f"row repeats row {label} exactly" for label in first_label]
        else:
            code = Reason.DUPLICATE_ID
            reasons = [f"{code.value}: row {label} has it too" for label in first_label]
        failures.add(duplicated, "event_id", ids, np.asarray(reasons, dtype=object), code)
    return ids


def _all_distinct(ids: pd.Series) -> bool:
    """Whether no id repeats, by one count in Arrow (pandas' ``duplicated`` is slower)."""
    if not is_arrow_text(ids) or ids.isna().any():
        return False
    import pyarrow.compute as pc

    return pc.count_distinct(large_text(ids.array)).as_py() == len(ids)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text for hashing; cells ``str`` cannot hold (bytes that are not
    UTF-8, lone surrogates) by their ``repr``."""
    try:
        return frame.astype(str)
    except (UnicodeError, ValueError):
        return frame.map(repr).astype(str)


def _row_hashes(frame: pd.DataFrame) -> pd.Series:
    """16-hex-digit ids from the row's values: the same row always gets the same id."""
    import binascii

    if frame.shape[1] == 0:
        hashes = np.zeros(len(frame), dtype=np.uint64)
    else:
        hashes = pd.util.hash_pandas_object(
            _as_text(frame), index=False, categorize=True
        ).to_numpy()
    hex_bytes = binascii.hexlify(hashes.astype(">u8").tobytes())
    return pd.Series(np.frombuffer(hex_bytes, dtype="S16").astype(str), dtype="str")


class _JobRows:
    """A job's column, keeping only ``rows`` (positions) when given."""

    def __init__(self, job: Any, rows: np.ndarray | None) -> None:
        self.job, self.rows = job, rows

    def result(self) -> pd.Series:
        values = self.job.result()
        return values if self.rows is None else values.iloc[self.rows].reset_index(drop=True)


def start_extra_columns(raw: RawTable, skip: set[str]) -> RawTable:
    """Start typing the columns an importer will keep as they are (all but ``skip``).

    On a large table this runs in a helper thread while the importer works on its own
    columns; :func:`build_events` collects the results (minus the rows rejected since).
    """
    background = Background(len(raw.frame))
    jobs = {
        str(name): background.submit(_extra_column, raw.frame[name])
        for name in raw.frame.columns
        if str(name) not in skip
    }
    background.close()
    return dataclasses.replace(raw, extras=jobs, extras_rows=None)


def _extra_column(values: pd.Series) -> pd.Series:
    """Keep a column we do not interpret: text stays text, plain numbers become numbers.

    Text from any source (CSV cells, or Excel/JSON/DataFrame columns that hold only
    strings) is treated alike: stripped, blanks as missing, our formula quote removed.
    """
    if values.dtype == object:
        present = values.dropna()
        if len(present) and all(isinstance(v, str) for v in present):
            try:
                values = values.astype("str")
            except UnicodeEncodeError:  # lone surrogates become U+FFFD
                values = values.map(without_surrogates).astype("str")
    if pd.api.types.is_string_dtype(values) and values.dtype != object:
        return extra_column_values(values)
    return values.reset_index(drop=True)
