"""Benchmark: wall-clock limits that used to be unit-test assertions (issue 16).

- ``import timeline`` takes under 0.5 s and imports neither pandas nor plotly (median of 5
  fresh processes);
- ``tl.parse_date`` takes under 0.2 s for any one text, with and without a reference date
  (the worst of 2,000 random texts of up to 60 characters, as the hypothesis property test
  draws them).

Run: ``.venv/bin/python benchmarks/bench_api.py``
"""

from __future__ import annotations

import contextlib
import random
import statistics
import string
import subprocess
import sys
import time

IMPORT_TARGET_S = 0.5
PARSE_TARGET_S = 0.2


def import_seconds(runs: int = 5) -> float:
    code = "import time; t = time.perf_counter(); import timeline; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        times.append(float(out.stdout))
    return statistics.median(times)


def worst_parse_seconds(texts: int = 2_000, seed: int = 16) -> tuple[float, str]:
    from timeline import DateParseError, parse_date

    rng = random.Random(seed)
    alphabet = string.printable + "–—’…éü年月日"
    worst, worst_text = 0.0, ""
    for _ in range(texts):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        began = time.perf_counter()
        for reference in (None, "2024-11-01"):
            with contextlib.suppress(DateParseError):
                parse_date(text, reference)
        took = time.perf_counter() - began
        if took > worst:
            worst, worst_text = took, text
    return worst, worst_text


def main() -> int:
    seconds = import_seconds()
    print(f"import timeline: {seconds:.3f} s median (target < {IMPORT_TARGET_S} s)")
    worst, text = worst_parse_seconds()
    print(f"parse_date worst of 2,000 texts: {worst * 1000:.1f} ms {text!r} (target < 200 ms)")
    return 0 if seconds < IMPORT_TARGET_S and worst < PARSE_TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
