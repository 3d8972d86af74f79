"""Progress of long steps, the ecosystem's way: a ``tqdm.auto`` bar.

In JupyterLab the bar is a widget, on a terminal a line of text, and in a log (stderr not a
terminal) nothing. One rule decides whether to show it (:func:`wanted`): ``progress=False``
never, ``True`` always, ``None`` (the default) when the work is big enough to wait for:
loading at least :data:`BIG_ROWS` rows, or two images or more.

A public function takes ``progress=`` and sets it for its block with :func:`choose`;
deep code opens a :func:`task` where it knows the size of the work and marks its steps
with :func:`step`, without knowing whether anyone watches. Both are context variables, so
other threads and callers are not affected, and without a task a step does nothing.

Examples
--------
>>> with choose(False), task("loading", total=2, rows=10**6) as bar:
...     step("read")
...     step("dates")
>>> bar.disable
True
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
from collections.abc import Iterator
from typing import Any

BIG_ROWS = 100_000
"""Loading at least this many rows is worth a bar (by default)."""

BIG_BATCH = 2
"""Writing at least this many images (or slow files) is worth a bar (by default)."""

_CURRENT: contextvars.ContextVar[Any] = contextvars.ContextVar("timeline_progress", default=None)
_CHOICE: contextvars.ContextVar[bool | None] = contextvars.ContextVar(
    "timeline_progress_choice", default=None
)


@contextlib.contextmanager
def choose(progress: bool | None) -> Iterator[None]:
    """Within the block, tasks follow ``progress`` (True or False; None keeps the choice
    of an outer block, else shows a bar when the work is big).

    Examples
    --------
    >>> with choose(True), choose(None):
    ...     wanted(None, rows=1)
    True
    """
    if progress is None:
        yield
        return
    token = _CHOICE.set(progress)
    try:
        yield
    finally:
        _CHOICE.reset(token)


def wanted(progress: bool | None, *, rows: int = 0, images: int = 0) -> bool:
    """Whether to show a bar: the caller's choice (else the :func:`choose` block's), else
    whether the work is big.

    Examples
    --------
    >>> wanted(None, rows=10), wanted(None, rows=100_000), wanted(False, images=9)
    (False, True, False)
    """
    if progress is None:
        progress = _CHOICE.get()
    if progress is not None:
        return bool(progress)
    return rows >= BIG_ROWS or images >= BIG_BATCH


def _in_notebook() -> bool:
    from tqdm.auto import tqdm

    return tqdm.__module__.startswith("tqdm.notebook")


@contextlib.contextmanager
def task(
    description: str,
    total: int,
    *,
    progress: bool | None = None,
    rows: int = 0,
    images: int = 0,
) -> Iterator[Any]:
    """A bar of ``total`` steps for the block; :func:`step` advances it.

    Parameters
    ----------
    description
        What the work is ("loading events.csv").
    total
        Number of steps.
    progress
        True: always; False: never; None: the :func:`choose` block's choice, else when
        the work (``rows`` loaded, ``images`` written) is big. A bar shown by default
        appears in a notebook or on a terminal, not in a log; ``True`` writes it anywhere.

    Examples
    --------
    >>> with task("writing", total=1, progress=False) as bar:
    ...     step("out/t.png")
    >>> bar.disable
    True
    """
    from tqdm.auto import tqdm

    choice = progress if progress is not None else _CHOICE.get()
    disable: bool | None
    if not wanted(choice, rows=rows, images=images):
        disable = True
    elif choice is True or _in_notebook():
        disable = False
    else:
        disable = None  # tqdm's rule: shown on a terminal, quiet in a log
    bar = tqdm(total=total, desc=description, disable=disable, file=sys.stderr, leave=True)
    token = _CURRENT.set(bar)
    try:
        yield bar
    finally:
        _CURRENT.reset(token)
        bar.close()


def step(label: str = "") -> None:
    """Count one step of the current :func:`task` as done; nothing without one.

    Examples
    --------
    >>> step("no bar: nothing happens")
    """
    bar = _CURRENT.get()
    if bar is None:
        return
    if label:
        bar.set_postfix_str(label, refresh=False)
    bar.update(1)
