"""The importers by format name: what ``load_events(format=...)`` and the detection know.

Examples
--------
>>> from timeline.load.importers.registry import IMPORTERS
>>> IMPORTERS["acled"].LABEL
'ACLED export'
"""

from __future__ import annotations

from types import ModuleType

from timeline.load.importers import acled, gdelt, timelinejs, ucdp

IMPORTERS: dict[str, ModuleType] = {
    acled.NAME: acled,
    ucdp.NAME: ucdp,
    timelinejs.NAME: timelinejs,
    gdelt.NAME: gdelt,
}
"""Importer module by format name; each has ``NAME``, ``LABEL`` and ``load``."""

EVENT_FORMATS: tuple[str, ...] = tuple(IMPORTERS)
"""The event formats ``load_events(format=...)`` imports."""
