"""Importers for event data analysts already have: ACLED, UCDP GED, TimelineJS, GDELT.

``tl.load_events(path, format="acled")`` (or ``"ucdp"``, ``"timelinejs"``, ``"gdelt"``)
uses one of these; with ``format=None`` the layout is detected from the columns
(:func:`detect_format`) and anything else loads as plain events.

Examples
--------
>>> from timeline.load.importers import EVENT_FORMATS
>>> EVENT_FORMATS
('acled', 'ucdp', 'timelinejs', 'gdelt')
"""

from __future__ import annotations

from timeline.load.build import LoadResult
from timeline.load.importers.detect import detect_format, sniff_format
from timeline.load.importers.registry import EVENT_FORMATS, IMPORTERS

__all__ = ["EVENT_FORMATS", "IMPORTERS", "detect_format", "import_events", "sniff_format"]


def import_events(
    fmt: str,
    source: object,
    reference_date: object = None,
    dayfirst: bool | None = None,
    conventions: object = None,
    file_format: str | None = None,
) -> LoadResult:
    """Read ``source`` with the importer for ``fmt``; a :class:`~timeline.load.build.LoadResult`.

    ``file_format`` forces how the file is read (``"csv"``, ``"xlsx"``...) where the
    importer reads several; by default the suffix decides.

    Raises
    ------
    ValueError
        When ``fmt`` is not one of :data:`EVENT_FORMATS`.

    Examples
    --------
    >>> result = import_events("gdelt", "20240301121500.export.CSV")  # doctest: +SKIP
    >>> result.events.attrs["format"], result.failures.empty  # doctest: +SKIP
    ('gdelt', True)
    """
    importer = IMPORTERS.get(fmt)
    if importer is None:
        msg = f"format must be one of {', '.join(EVENT_FORMATS)}; got {fmt!r}"
        raise ValueError(msg)
    return importer.load(source, reference_date, dayfirst, conventions, file_format)
