"""A small progress bar on stderr for long command-line work (no dependency).

On a terminal it redraws one line (``[#####.....] 3/6 writing out/x.png``); elsewhere
(logs, CI) it prints one line per step. The command line shows it when stderr is a
terminal or when there is enough work to wait for (see :func:`worth_showing`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

BIG_ROWS = 100_000
"""Loading more rows than this is worth a progress bar."""
BIG_FILE_BYTES = 20_000_000
"""Files whose rows cannot be counted cheaply (Excel, Parquet) count as big above this."""
TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")


def count_rows(path: Path) -> int | None:
    """Data rows of a text table (lines minus the header); None for other formats.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = path.write_text("title,date\\na,2024\\nb,2025\\n")
    >>> count_rows(path)
    2
    """
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    lines = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    if last != b"\n":
        lines += 1
    return max(lines - 1, 0)


def worth_showing(stream: TextIO, rows: int | None, size: int, images: int) -> bool:
    """Show progress on a terminal, or when loading >100k rows or rendering 2+ images."""
    if stream.isatty():
        return True
    big = rows > BIG_ROWS if rows is not None else size > BIG_FILE_BYTES
    return big or images >= 2


class Progress:
    """Steps of a job drawn as a bar.

    Parameters
    ----------
    total : int
        Number of steps.
    enabled : bool
        Draw anything at all.
    stream : file, optional
        Where to draw (default ``sys.stderr``).

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> progress = Progress(2, enabled=True, stream=out)
    >>> progress.start("loading")
    >>> progress.advance("done")
    >>> out.getvalue().splitlines()[-1]
    '[##########..........] 1/2 done'
    """

    width = 20

    def __init__(self, total: int, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.live = enabled and self.stream.isatty()
        self.started = time.perf_counter()

    def _draw(self, label: str) -> None:
        if not self.enabled:
            return
        filled = int(self.width * self.done / self.total)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"[{bar}] {self.done}/{self.total} {label}"
        if self.live:
            self.stream.write("\r\x1b[2K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def start(self, label: str) -> None:
        """Show that a step has begun (on a terminal only; logs get the finished steps)."""
        if self.live:
            self._draw(label)

    def advance(self, label: str) -> None:
        """Count one step as done."""
        self.done = min(self.done + 1, self.total)
        self._draw(label)

    def close(self) -> None:
        """End the bar's line and say how long it took."""
        if self.enabled:
            elapsed = time.perf_counter() - self.started
            if self.live:
                self.stream.write("\n")
            self.stream.write(f"done in {elapsed:.1f} s\n")
            self.stream.flush()
