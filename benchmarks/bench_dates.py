"""Benchmark of the date engine against the targets of issue 2.

Prints rows/s for each scenario, the ratio to its target, and the ratio to
``pd.to_datetime(format="ISO8601")`` on the same day-precision strings. Inputs are in
pandas' default string dtype (Arrow-backed, as ``read_csv`` gives) unless marked object.
Times are the best of several runs (the parse cache is cleared before each run, so every
distinct string is parsed in every run). Peak memory is the peak resident set size of a
fresh process that builds 1,000,000 rows and normalizes them (interpreter, pandas and
input included).

Run: ``PYTHONPATH=src python benchmarks/bench_dates.py`` (``--quick`` for a short run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from timeline.dates import normalize_dates
from timeline.dates.parse import analyze

ROWS = 1_000_000
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
REFERENCE = "2025-06-30"


def iso_days(rows: int, seed: int = 0) -> np.ndarray:
    """Random day-precision ISO strings between 1900 and 2100."""
    rng = np.random.default_rng(seed)
    days = rng.integers(-25567, 47482, rows)
    return (np.datetime64("1970-01-01") + days).astype(str).astype(object)


def iso_mixed(rows: int, seed: int = 1) -> np.ndarray:
    """ISO day, month and year strings in equal parts."""
    days = iso_days(rows, seed)
    kind = np.random.default_rng(seed).integers(0, 3, rows)
    return np.where(
        kind == 0, days, np.where(kind == 1, [d[:7] for d in days], [d[:4] for d in days])
    )


def fuzzy_phrase(i: int) -> str:
    """One of sixteen realistic phrase forms; distinct ``i`` give mostly distinct text."""
    form, rest = i % 16, i // 16
    day, rest = 1 + rest % 27, rest // 27
    month_index, rest = rest % 12, rest // 12
    year = 1900 + rest % 150
    weekday = dt.date(year, month_index + 1, day).strftime("%A")
    month, other = MONTHS[month_index], MONTHS[(month_index + 3) % 12]
    forms = (
        f"{day} {month} {year}",
        f"{month} {day}, {year}",
        f"late {month} {year}" if day < 10 else f"the {day}th of {month}, {year}",
        f"mid-{month} {year}" if day < 10 else f"{day} {month} {year} 14:{day:02d} UTC",
        f"early {month} {year}" if day < 10 else f"{weekday}, {day} {month} {year}",
        f"c. {day} {month} {year}",
        f"{day}-{day + 1} {month} {year}",
        f"between {day} and {day + 1} {month} {year}",
        f"{day + 12 if day <= 12 else day:02d}.{month_index + 1:02d}.{year}",
        f"from {day} {month} {year} to {other} {year + 1}",
        f"since {day} {month} {year}",
        f"reportedly {month} {day}, {year}",
        f"Q{1 + day % 4} {year}" if day < 5 else f"the week of {day} {month} {year}",
        f"spring {year}" if day < 2 else f"{month} {day} {year}?",
        f"the first half of {year}" if day < 2 else f"about {day} {month} {year}",
        f"{year}-{month_index + 1:02d}-{day:02d}/{year + 1}-{month_index + 1:02d}",
    )
    return forms[form]


def fuzzy_phrases(count: int, offset: int = 0) -> list[str]:
    """``count`` distinct phrases."""
    phrases = list(dict.fromkeys(fuzzy_phrase(offset + i) for i in range(count * 2)))
    assert len(phrases) >= count, len(phrases)
    return phrases[:count]


def best_time(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        analyze.cache_clear()
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return best


def report(name: str, rows: int, seconds: float, target: float) -> None:
    rate = rows / seconds
    verdict = "ok" if rate >= target else "BELOW TARGET"
    print(
        f"{name:<58} {seconds:7.3f} s {rate:>13,.0f} rows/s  "
        f"target {target:>11,.0f}  x{rate / target:5.2f}  {verdict}"
    )


def peak_memory_mib(kind: str) -> float:
    """Peak RSS of a fresh process normalizing 1,000,000 rows of ``kind``."""
    code = (
        "import sys; sys.path[:0] = sys.argv[1:2]\n"
        "import pandas as pd\n"
        "import bench_dates as b\n"
        "from timeline.dates import normalize_dates\n"
        f"values = b.iso_mixed(b.ROWS) if {kind!r} == 'iso' else b.mixed_input(b.ROWS)\n"
        "frame = normalize_dates(pd.Series(values), reference_date=b.REFERENCE)\n"
        "print(b.peak_rss_kib())\n"
    )
    here = __file__.rsplit("/", 1)[0]
    out = subprocess.run(
        [sys.executable, "-c", code, here], capture_output=True, text=True, check=True
    )
    return int(out.stdout.split()[-1]) / 1024


def peak_rss_kib() -> int:
    """Peak resident set size of this process in KiB.

    Read from /proc (VmHWM starts afresh with each program), not from ``ru_maxrss``, which
    on Linux a child inherits from the parent that forked it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def mixed_input(rows: int, distinct: int = 5000, seed: int = 2) -> np.ndarray:
    """``rows`` rows drawn from ``distinct`` distinct strings, half ISO and half fuzzy."""
    iso = list(dict.fromkeys(iso_mixed(distinct * 4, seed)))[: distinct // 2]
    pool = np.array([*iso, *fuzzy_phrases(distinct - len(iso), offset=10**6)], dtype=object)
    assert len(set(pool)) == distinct
    return pool[np.random.default_rng(seed).integers(0, len(pool), rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no memory run")
    args = parser.parse_args()
    repeats = 2 if args.quick else 5
    print(f"pandas {pd.__version__}, numpy {np.__version__}; best of {repeats} runs\n")

    days = pd.Series(iso_days(ROWS))  # pandas' default string dtype (Arrow-backed)
    days_object = days.astype(object)
    normalize_dates(days.head(1000))  # import and compile once before timing

    ours = best_time(lambda: normalize_dates(days), repeats)
    baseline = best_time(lambda: pd.to_datetime(days, format="ISO8601"), repeats)
    report("1M ISO day strings (str dtype)", ROWS, ours, 2_000_000)
    print(
        f"{'':<58} pd.to_datetime(format='ISO8601'): {baseline:.3f} s; ours / baseline = "
        f"{ours / baseline:.2f} (target <= 2.00)"
    )
    ours_object = best_time(lambda: normalize_dates(days_object), repeats)
    baseline_object = best_time(lambda: pd.to_datetime(days_object, format="ISO8601"), repeats)
    report("1M ISO day strings (object dtype)", ROWS, ours_object, 2_000_000)
    print(
        f"{'':<58} pd.to_datetime(format='ISO8601'): {baseline_object:.3f} s; ours / baseline "
        f"= {ours_object / baseline_object:.2f} (target <= 2.00)"
    )

    mixed_iso = pd.Series(iso_mixed(ROWS))
    report(
        "1M ISO day/month/year strings",
        ROWS,
        best_time(lambda: normalize_dates(mixed_iso), repeats),
        2_000_000,
    )

    mixed = pd.Series(mixed_input(ROWS))
    report(
        f"1M rows, ISO + fuzzy, {mixed.nunique():,} distinct strings",
        ROWS,
        best_time(lambda: normalize_dates(mixed, reference_date=REFERENCE), repeats),
        1_000_000,
    )

    phrases = pd.Series(fuzzy_phrases(100_000))
    seconds = best_time(lambda: normalize_dates(phrases, reference_date=REFERENCE), repeats)
    report("100k distinct fuzzy phrases", len(phrases), seconds, 20_000)
    frame = normalize_dates(phrases, reference_date=REFERENCE)
    rejected = int((frame["date_error"] != "").sum())
    print(f"{'':<58} ({rejected} of {len(phrases):,} phrases rejected)")

    if not args.quick:
        print()
        for kind, label in (("iso", "1M ISO day/month/year strings"), ("mixed", "1M mixed rows")):
            peak = peak_memory_mib(kind)
            verdict = "ok" if peak < 1024 else "ABOVE TARGET"
            print(f"peak memory, {label:<45} {peak:8.0f} MiB  target < 1024 MiB  {verdict}")
    own = peak_rss_kib() / 1024
    print(f"\n(this benchmark process peaked at {own:.0f} MiB with all inputs held at once)")


if __name__ == "__main__":
    main()
