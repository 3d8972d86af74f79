"""Run independent column work in helper threads while the caller does the rest.

Loading a large table is a series of column passes in numpy and pyarrow, which let go of
the GIL for their heavy part; two independent passes therefore use two cores. Small
tables run everything in the caller's thread (a thread costs more than it saves there).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

THREAD_FROM_ROWS = 100_000
"""Tables with at least this many rows use the helper thread."""


@dataclass
class ThreadUse:
    """When helper threads start, and how many jobs ran in them (see :func:`helper_threads`)."""

    from_rows: int = THREAD_FROM_ROWS
    threaded_jobs: int = 0


_USE: contextvars.ContextVar[ThreadUse | None] = contextvars.ContextVar(
    "timeline_helper_threads", default=None
)


@contextlib.contextmanager
def helper_threads(from_rows: int = 0) -> Iterator[ThreadUse]:
    """Within the block, tables of at least ``from_rows`` rows use helper threads.

    The default (0) forces the threaded path on any table, e.g. to test it on small data;
    the setting belongs to the calling context only (a context variable), never to the
    process. The yielded :class:`ThreadUse` counts the jobs that ran in helper threads.

    Examples
    --------
    >>> with helper_threads() as use:
    ...     background = Background(rows=3)
    ...     job = background.submit(sum, [1, 2])
    ...     background.close()
    >>> job.result(), use.threaded_jobs
    (3, 1)
    """
    use = ThreadUse(from_rows)
    token = _USE.set(use)
    try:
        yield use
    finally:
        _USE.reset(token)


class Job(Generic[T]):
    """The result of a submitted function, computed now or in a helper thread."""

    def __init__(
        self,
        future: Future[T] | None,
        value: T | None = None,
        call: tuple[Callable[..., T], tuple[Any, ...]] | None = None,
    ) -> None:
        self._future = future
        self._value = value
        self._call = call

    def result(self) -> T:
        """The function's value; its exception is raised here.

        A job no helper has started yet is run by the caller instead of waited for, so
        the caller's thread helps rather than idles.
        """
        if self._future is None:
            return self._value  # type: ignore[return-value]
        if self._call is not None and self._future.cancel():
            function, args = self._call
            self._future, self._value, self._call = None, function(*args), None
            return self._value
        return self._future.result()


class Background:
    """Submit functions; with ``rows`` at or above :data:`THREAD_FROM_ROWS` they run in
    two helper threads (started in submission order), else right away.

    Examples
    --------
    >>> background = Background(rows=10)
    >>> background.submit(sum, [1, 2]).result()
    3
    >>> background.close()
    """

    def __init__(self, rows: int) -> None:
        self._use = _USE.get()
        from_rows = THREAD_FROM_ROWS if self._use is None else self._use.from_rows
        self._executor = (
            ThreadPoolExecutor(max_workers=2, thread_name_prefix="timeline-columns")
            if rows >= from_rows
            else None
        )

    def submit(self, function: Callable[..., T], *args: Any) -> Job[T]:
        """Run ``function(*args)``: in the helper thread, or now."""
        if self._executor is None:
            return Job(None, function(*args))
        if self._use is not None:
            self._use.threaded_jobs += 1
        return Job(self._executor.submit(function, *args), call=(function, args))

    def close(self) -> None:
        """Let the thread end once its jobs are done (results stay available)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False)
