"""Benchmark: load_events on a 1,000,000-row CSV against pd.read_csv(engine="pyarrow").

Target (issue 3): within 3x of the pyarrow read of the same file, under 2 GiB peak memory.
Each measurement runs in a fresh process so peak memory (ru_maxrss) is its own.

Run: ``.venv/bin/python benchmarks/bench_load.py [rows]``
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

FUZZY = [
    "June 2024",
    "late October 2024",
    "since September",
    "the spring of 2025",
    "c. 2024",
    "mid-March 2025",
    "Q1 2025",
    "2024-10-28/2024-11-02",
    "18.10.2024",
    "early 2025",
]


def make_csv(path: Path, rows: int, seed: int = 7) -> None:
    """Write a 10-column events CSV: 80% ISO days, 20% fuzzy phrases."""
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 2000, rows), unit="D")
    iso = days.strftime("%Y-%m-%d").to_numpy(dtype=object)
    fuzzy = np.array(FUZZY, dtype=object)[rng.integers(0, len(FUZZY), rows)]
    dates = np.where(rng.random(rows) < 0.8, iso, fuzzy)
    frame = pd.DataFrame(
        {
            "event_id": np.char.add("ev-", np.arange(rows).astype(str)),
            "title": np.char.add("Event number ", rng.integers(0, 10**6, rows).astype(str)),
            "date": dates,
            "reported_on": "2025-11-01",
            "category": np.array(["diplomacy", "combat", "deployment", "statement"])[
                rng.integers(0, 4, rows)
            ],
            "actors": np.array(["Russia;North Korea", "Ukraine", "Russia", "NIS;South Korea"])[
                rng.integers(0, 4, rows)
            ],
            "location": np.array(["Moscow", "Kursk", "Pyongyang", ""])[rng.integers(0, 4, rows)],
            "latitude": np.round(rng.uniform(-60, 60, rows), 4),
            "longitude": np.round(rng.uniform(-170, 170, rows), 4),
            "source": np.array(["NIS", "TASS", "KCNA", "Reuters"])[rng.integers(0, 4, rows)],
        }
    )
    frame.to_csv(path, index=False)


MEASURE = """
import resource, sys, time
import pandas as pd
path, what = sys.argv[1], sys.argv[2]
t = time.perf_counter()
if what == "pyarrow":
    frame = pd.read_csv(path, engine="pyarrow")
else:
    import timeline as tl
    frame = tl.load_events(path)
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.3f} {peak:.0f} {len(frame)}")
"""


def measure(path: Path, what: str) -> tuple[float, float, int]:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), what], capture_output=True, text=True, check=True
    )
    seconds, peak, rows = out.stdout.split()
    return float(seconds), float(peak), int(rows)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        make_csv(path, rows)
        size = path.stat().st_size / 2**20
        print(f"load_events on {rows:,} rows, 10 columns ({size:.0f} MiB CSV)")
        base_s, base_mb, _ = measure(path, "pyarrow")
        ours_s, ours_mb, loaded = measure(path, "timeline")
        assert loaded == rows, (loaded, rows)
        print(f"  pd.read_csv(engine='pyarrow'): {base_s:6.2f} s  peak {base_mb:6.0f} MiB")
        print(f"  tl.load_events:                {ours_s:6.2f} s  peak {ours_mb:6.0f} MiB")
        print(f"  ratio to pyarrow read: {ours_s / base_s:.2f}x (target <= 3x)")
        print(f"  rows/s: {rows / ours_s:,.0f}; peak under 2 GiB: {ours_mb < 2048}")


if __name__ == "__main__":
    main()
