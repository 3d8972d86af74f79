"""Read a TimelineJS JSON file: ``title``, ``events[]`` and ``eras[]`` into one raw table.

Slides are flattened with dotted column names (``start_date.year``, ``text.headline``,
``media.caption`` ...); every key of the file becomes a column. Rows are labelled by their
place in the file (``events[0]``, ``eras[2]``), as JSON paths count from 0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from timeline.load.importers.common import derived, plain_value
from timeline.load.importers.html_text import html_to_text
from timeline.load.importers.timelinejs_layout import Layout
from timeline.load.readers import RawTable, json_payload

HTML_KEYS = ("text.headline", "text.text", "media.caption", "media.credit")
"""Flattened keys holding HTML, stored as plain text."""
_TIME_PARTS = ("hour", "minute", "second", "millisecond")


def is_timelinejs(payload: object) -> bool:
    """Whether a parsed JSON document looks like a TimelineJS timeline."""
    if not isinstance(payload, dict):
        return False
    slides = [*(payload.get("events") or []), *(payload.get("eras") or [])]
    if not isinstance(payload.get("events", []), list):
        return False
    return any(isinstance(s, dict) and "start_date" in s for s in slides)


def read_json(path: Path) -> RawTable:
    """Read a TimelineJS JSON file into a raw table with its layout and title in ``attrs``.

    Raises
    ------
    ValueError
        When the file is not a TimelineJS timeline (an object with an ``events`` list).
    """
    payload = json_payload(path)
    events = payload.get("events") if isinstance(payload, dict) else None
    eras = payload.get("eras", []) if isinstance(payload, dict) else None
    if not isinstance(events, list) or not isinstance(eras, list):
        msg = (
            f"{str(path)!r} is not a TimelineJS JSON file: expected an object with an "
            "'events' list (and optionally 'title' and 'eras')"
        )
        raise ValueError(msg)
    parts = []
    labels: list[str] = []
    for key, slides, kind in (("events", events, None), ("eras", eras, "era")):
        frame = _flatten(slides)
        frame[derived("kind")] = pd.Series([kind] * len(frame), dtype="str")
        parts.append(frame)
        labels += [f"{key}[{i}]" for i in range(len(slides))]
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    for side in ("start_date", "end_date"):
        frame[derived(f"{side}_time")] = _clock(frame, side)
    for key in HTML_KEYS:
        if key in frame:
            frame[key] = frame[key].map(
                lambda v: html_to_text(str(v)) if plain_value(v) is not None else None
            )
    attrs: dict[str, Any] = {"source_file": str(path)}
    attrs.update(_title_attrs(payload))
    if "scale" in payload:
        attrs["scale"] = str(payload["scale"])
    attrs["_layout"] = Layout(
        start=_date_columns(frame, "start_date"),
        end=_date_columns(frame, "end_date"),
        headline="text.headline" if "text.headline" in frame else None,
        text="text.text" if "text.text" in frame else None,
        group="group" if "group" in frame else None,
        unique_id="unique_id" if "unique_id" in frame else None,
        html=[],
        labels={
            **{part: f"start_date.{part}" for part in ("year", "month", "day")},
            **{f"end_{part}": f"end_date.{part}" for part in ("year", "month", "day")},
            "time": "start_date.hour",
            "end_time": "end_date.hour",
        },
    )
    return RawTable(frame, labels, attrs=attrs)


def _date_columns(frame: pd.DataFrame, side: str) -> dict[str, str | None]:
    columns: dict[str, str | None] = {
        part: f"{side}.{part}" if f"{side}.{part}" in frame else None
        for part in ("year", "month", "day")
    }
    columns["time"] = derived(f"{side}_time")
    return columns


def _flatten(slides: list[Any]) -> pd.DataFrame:
    records = [s if isinstance(s, dict) else {"value": s} for s in slides]
    if not records:
        return pd.DataFrame(index=pd.RangeIndex(0))
    return pd.json_normalize(records, sep=".")


def _clock(frame: pd.DataFrame, side: str) -> pd.Series:
    """``H:M:S.mmm`` from a date's hour/minute/second/millisecond keys (None when no hour)."""
    columns = [f"{side}.{part}" for part in _TIME_PARTS]
    values = [
        frame[c].map(plain_value) if c in frame else pd.Series([None] * len(frame), dtype=object)
        for c in columns
    ]
    out = []
    for hour, minute, second, millisecond in zip(*values, strict=True):
        if hour is None:
            out.append(None if minute is None and second is None else f"?:{minute or ''}")
            continue
        text = str(hour)
        if minute is not None:
            text += f":{int(minute):02d}" if str(minute).isdigit() else f":{minute}"
        if second is not None:
            text += f":{int(second):02d}" if str(second).isdigit() else f":{second}"
        if millisecond is not None:
            ms = str(millisecond)
            text += f".{int(ms):03d}" if ms.isdigit() else f".{ms}"
        out.append(text)
    return pd.Series(out, index=frame.index, dtype=object)


def _title_attrs(payload: dict[str, Any]) -> dict[str, Any]:
    """The title slide as small plain values: its headline and text as plain text."""
    title = payload.get("title")
    if not isinstance(title, dict):
        return {}
    flat = pd.json_normalize([title], sep=".").iloc[0].to_dict()
    cells = {
        key: html_to_text(text) if key in HTML_KEYS else text
        for key, value in flat.items()
        if (text := plain_value(value)) is not None
    }
    attrs: dict[str, Any] = {"title": cells.get("text.headline", ""), "title_slide": cells}
    if "text.text" in cells:
        attrs["title_text"] = cells["text.text"]
    return attrs
