"""Where a TimelineJS table keeps each piece, as found by the sheet or the JSON reader."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Layout:
    """Where a TimelineJS table keeps each piece: source column names (None = absent)."""

    start: dict[str, str | None]
    end: dict[str, str | None]
    headline: str | None
    text: str | None
    group: str | None
    unique_id: str | None
    html: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    """Column named by a failure, by part (``"year"``, ``"end_time"`` ...)."""
