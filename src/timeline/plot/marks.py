"""The mark table: one entry per (event, lane) with its lane, sub-row, y and colour."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline.plot.geometry import EventGeometry
from timeline.plot.lanes import LaneLayout


@dataclass(frozen=True)
class MarkTable:
    """Aligned arrays, one entry per drawn mark (an event repeated once per lane)."""

    position: np.ndarray  # row position of the event in the plotted frame
    lane: np.ndarray  # lane code
    row: np.ndarray  # sub-row inside the lane
    y: np.ndarray  # centre y (float, ROW_UNIT units)
    pitch: np.ndarray  # distance between sub-rows of the mark's lane
    color: np.ndarray  # colour group code
    geometry: EventGeometry  # per event; index it with ``position``

    def __len__(self) -> int:
        return len(self.position)

    def take(self, name: str) -> np.ndarray:
        """A per-event geometry array, expanded to one value per mark."""
        return getattr(self.geometry, name)[self.position]


def build_marks(
    position: np.ndarray,
    lane: np.ndarray,
    row: np.ndarray,
    layout: LaneLayout,
    color: np.ndarray,
    geometry: EventGeometry,
) -> MarkTable:
    """Assemble the mark table from its parts."""
    pitch = layout.pitch()[lane] if len(lane) else np.zeros(0)
    return MarkTable(
        position=position,
        lane=lane,
        row=row,
        y=layout.y_of(lane, row) if len(lane) else np.zeros(0),
        pitch=pitch,
        color=color[position] if len(position) else np.zeros(0, dtype=np.int64),
        geometry=geometry,
    )
