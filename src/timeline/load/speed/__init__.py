"""The loader's speed machinery behind one small interface.

Two tricks make loading a large table fast, and nothing else in the package needs to know
how they work:

- :class:`Background` runs independent column passes in helper threads on large tables
  (numpy and pyarrow let go of the GIL); small tables run them in the caller's thread.
  :func:`helper_threads` changes the size at which threads start, for the calling context
  only, e.g. to force the threaded path on small data in a test.
- The Arrow text helpers (:func:`large_text`, :func:`edges`, :func:`strip`,
  :func:`null_where`) clean text columns by reading their buffers, skipping the passes a
  clean column does not need.

Examples
--------
>>> from timeline.load.speed import Background, helper_threads
>>> with helper_threads(from_rows=0) as use:
...     background = Background(rows=1)
...     job = background.submit(len, "abc")
...     background.close()
>>> job.result(), use.threaded_jobs
(3, 1)
"""

from __future__ import annotations

from timeline.load.speed.arrow_text import Edges, edges, large_text, null_where, strip
from timeline.load.speed.background import (
    THREAD_FROM_ROWS,
    Background,
    Job,
    ThreadUse,
    helper_threads,
)

__all__ = [
    "THREAD_FROM_ROWS",
    "Background",
    "Edges",
    "Job",
    "ThreadUse",
    "edges",
    "helper_threads",
    "large_text",
    "null_where",
    "strip",
]
