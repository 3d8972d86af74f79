"""The date engine now against an earlier commit: the "no slowdown over 10%" target.

Issue 15 (the sources' languages) and the report-date phrases of issue 18 added work to
the path every date takes. This benchmark checks out an earlier commit (by default
67d7400, the engine before both) into a temporary git worktree, then runs the same
measurement in both trees, in turns, so that load on a shared machine falls on both
alike: CPU time of ``normalize_dates`` (best of three runs in one process) on 100,000
distinct English phrases and on 300,000 ISO days. It prints each run, the medians and
the ratio now / before against the 1.10 target.

Run: ``python benchmarks/bench_dates_against.py [--ref COMMIT] [--pairs N]``
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]

MEASURE = r"""
import sys, time
sys.path.insert(0, {bench!r})
import numpy as np, pandas as pd
from bench_dates import REFERENCE, fuzzy_phrases, iso_days
from timeline.dates import normalize_dates
phrases = {kind!r} == "phrases"
series = pd.Series(fuzzy_phrases(100_000) if phrases else iso_days(300_000))
best = float("inf")
for _ in range(3):
    start = time.process_time()
    normalize_dates(series, reference_date=REFERENCE)
    best = min(best, time.process_time() - start)
print(best)
"""


def cpu_seconds(src: pathlib.Path, kind: str) -> float:
    """Best-of-three CPU seconds of one measurement with the engine of ``src``."""
    code = MEASURE.format(bench=str(ROOT / "benchmarks"), kind=kind)
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="67d7400", help="the earlier commit (default 67d7400)")
    parser.add_argument("--pairs", type=int, default=5, help="runs of each tree, in turns")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        before = pathlib.Path(folder) / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(before), args.ref],
            check=True,
        )
        try:
            for kind in ("phrases", "iso"):
                now, then = [], []
                for _ in range(args.pairs):
                    now.append(cpu_seconds(ROOT / "src", kind))
                    then.append(cpu_seconds(before / "src", kind))
                ratio = statistics.median(now) / statistics.median(then)
                label = "100k distinct phrases" if kind == "phrases" else "300k ISO days"
                print(f"{label}: now {' '.join(f'{s:.3f}' for s in now)} s CPU")
                print(f"{'':<{len(label) + 2}}{args.ref} {' '.join(f'{s:.3f}' for s in then)} s")
                print(
                    f"{'':<{len(label) + 2}}median now / before = {ratio:.3f} "
                    f"(target <= 1.10: {'met' if ratio <= 1.10 else 'NOT met'})"
                )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)], check=True
            )
    print(f"load average at the start: {load:.2f} (2 cores)")


if __name__ == "__main__":
    main()
