"""English: the reference language, whose words the other tables are written in.

English words map straight to token kinds in :mod:`timeline.dates.vocabulary`; this
module lists its month forms for the same CLDR check as the other languages.
"""

from __future__ import annotations

from timeline.dates.languages.table import ENGLISH_MONTHS

MONTHS = tuple(
    (name, name[:3], *(("sept",) if name == "september" else ())) for name in ENGLISH_MONTHS
)
