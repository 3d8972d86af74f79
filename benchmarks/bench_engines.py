"""Events beyond memory: ``timeline convert`` of a big CSV, and the explorer on 10M+ events.

Not part of ``make test``. Everything is made here, under ``/tmp`` (or ``--data``):

1. a CSV of ``--csv-rows`` rows (default 2,000,000) with mixed ISO and fuzzy dates and
   actor lists, written in chunks; ``timeline convert`` of it in a child process (its
   peak memory from ``getrusage``) against DuckDB's own CSV-to-Parquet ``COPY``;
2. canonical Parquet of ``--events`` events (default 10M; ``--events 10000000
   100000000`` for both), generated chunk by chunk (never all in memory), sorted by start;
   in a child process: ``tl.explore(tl.scan_events(path))`` overview, zooms, a category
   filter and a search, with the child's peak memory; then how each cost grows.

Targets: convert peak <= 1.5 GiB and <= 3x DuckDB's copy; overview <= 10 s, zoom <= 1 s,
filter or search <= 3 s, kernel peak <= 2 GiB (at 100M events).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

FUZZY = [
    "June {y}",
    "circa {y}",
    "late October {y}",
    "Q3 {y}",
    "spring {y}",
    "{d} March {y}",
    "{y}-0{m}/{y}-1{m}",
    "between 1 and 3 November {y}",
]
ACTORS = [f"Actor {i}" for i in range(60)]
CATEGORIES = ["battle", "protest", "riot", "strategic development", "violence", "explosion"]
WORDS = ["shelling", "village", "border", "strike", "drone", "talks", "convoy", "market"]


def write_csv(path: Path, rows: int, seed: int = 0) -> None:
    """A CSV of ``rows`` events, 30% of the dates fuzzy, written 200,000 rows at a time."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    chunk = 200_000
    header = True
    for first in range(0, rows, chunk):
        n = min(chunk, rows - first)
        days = rng.integers(0, 365 * 30, n)
        iso = pd.Series((np.datetime64("1995-01-01") + days).astype(str))
        years = 1995 + days // 365
        pattern = rng.integers(0, len(FUZZY), n)
        fuzzy = pd.Series(
            [
                FUZZY[p].format(y=y, d=1 + i % 28, m=1 + i % 9)
                for i, (p, y) in enumerate(zip(pattern.tolist(), years.tolist(), strict=True))
            ]
        )
        date = iso.where(rng.random(n) >= 0.3, fuzzy)
        a, b = rng.integers(0, 60, n), rng.integers(0, 60, n)
        actors = pd.Series(np.array(ACTORS, dtype=object)[a]) + np.where(
            a % 3 == 0, "", "; " + pd.Series(np.array(ACTORS, dtype=object)[b])
        )
        index = np.arange(first, first + n)
        frame = pd.DataFrame(
            {
                "event_id": "e" + pd.Series(index).astype(str),
                "title": pd.Series(np.array(WORDS, dtype=object)[index % 8])
                + " near "
                + pd.Series(np.array(WORDS, dtype=object)[(index // 8) % 8])
                + " "
                + pd.Series(index).astype(str),
                "date": date,
                "actors": actors,
                "category": np.array(CATEGORIES, dtype=object)[index % 6],
                "description": "report " + pd.Series(index % 977).astype(str) + " on the border",
            }
        )
        frame.to_csv(path, mode="w" if header else "a", header=header, index=False)
        header = False


def write_events(path: Path, count: int) -> None:
    """Canonical Parquet (with start_ms/end_ms) of ``count`` events, sorted by start.

    DuckDB generates the rows from ``range(count)`` and streams them to Parquet (row
    groups of 100,000, zstd) with its memory capped, so 10^8 events never sit in memory:
    starts evenly spread over 30 years (in order), 30% spans of 1-199 days, the rest
    one-day instants; category, source and the toggles from hashes of the row number;
    two actors each; titles of two words from :data:`WORDS` and a number.
    """
    import duckdb

    def sql_list(values: list[str]) -> str:
        return "[" + ", ".join("'" + v + "'" for v in values) + "]"

    day = 86_400_000
    origin = 788_918_400_000  # 1995-01-01
    span = 30 * 365 * day
    words, actors = sql_list(WORDS), sql_list(ACTORS)
    length = f"CASE WHEN is_span THEN (1 + h2 % 199) * {day} ELSE {day} END"
    query = f"""
    COPY (
    WITH base AS (
        SELECT i, {origin} + (i * {span}::HUGEINT // {count})::BIGINT AS s,
            (hash(i, 1) % 1000000007)::BIGINT AS h1, (hash(i, 2) % 1000000007)::BIGINT AS h2,
            (hash(i, 3) % 1000000007)::BIGINT AS h3
        FROM range({count}) r(i)),
    ev AS (SELECT *, h1 % 100 < 30 AS is_span FROM base)
    SELECT 'e' || i AS event_id,
        {words}[i % 8 + 1] || ' near ' || {words}[(i // 8) % 8 + 1] || ' ' || (i % 5003)
            AS title,
        'a date' AS date_text,
        make_timestamp(s * 1000) AS start,
        make_timestamp((s + {length}) * 1000) AS "end",
        'day' AS start_precision, 'day' AS end_precision,
        CASE WHEN is_span THEN 'span' ELSE 'instant' END AS kind,
        false AS open_end, h3 % 100 < 10 AS approximate, (h3 // 100) % 100 < 5 AS uncertain,
        '' AS edtf, TIMESTAMP '2025-01-01' AS reported_on,
        {sql_list(CATEGORIES)}[(h2 // 199) % 6 + 1] AS category,
        [{actors}[i % 60 + 1], {actors}[(7 * i) % 60 + 1]] AS actors,
        ['ACLED', 'UCDP', 'GDELT'][(h3 // 10000) % 3 + 1] AS source,
        s AS start_ms, s + {length} AS end_ms
    FROM ev
    ) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 100000, COMPRESSION zstd)
    """
    con = duckdb.connect()
    try:
        con.execute("SET memory_limit = '1GB'")
        con.execute(query)
    finally:
        con.close()


def load() -> str:
    """The 1, 5 and 15 minute load averages, as ``uptime`` prints them."""
    import os

    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def peak_child_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def child(code: str) -> tuple[dict, float]:
    """Run ``code`` in a fresh Python; (its JSON answer on the last line, its peak MiB)."""
    process = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    if process.returncode:
        raise RuntimeError(process.stderr[-3000:])
    answer = json.loads(process.stdout.strip().splitlines()[-1])
    return answer, float(answer.get("peak_mib", 0.0))


def bench_convert(data: Path, rows: int) -> None:
    csv = data / f"convert_{rows}.csv"
    if not csv.exists():
        t = time.perf_counter()
        write_csv(csv, rows)
        print(
            f"made {csv} ({csv.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - t:.0f} s"
        )
    duck_code = f"""
import duckdb, json, resource, time
t = time.perf_counter()
duckdb.execute("COPY (SELECT * FROM read_csv('{csv}')) "
               "TO '{data}/duckdb_copy.parquet' (FORMAT parquet)")
print(json.dumps({{"seconds": time.perf_counter() - t,
  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    duck, duck_peak = child(duck_code)
    ours_code = f"""
import json, resource, time
import timeline as tl
t = time.perf_counter()
r = tl.convert('{csv}', '{data}/converted.parquet', progress=False)
print(json.dumps({{"seconds": time.perf_counter() - t, "rows": r.rows, "loaded": r.loaded,
  "rejected": r.rejected,
  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    ours, ours_peak = child(ours_code)
    ratio = ours["seconds"] / duck["seconds"]
    print(
        f"convert {rows:,} rows: {ours['seconds']:.1f} s, peak {ours_peak:.0f} MiB "
        f"(target <= 1536); loaded {ours['loaded']:,} + rejected {ours['rejected']:,} = "
        f"{ours['rows']:,}"
    )
    print(
        f"DuckDB CSV->Parquet copy: {duck['seconds']:.1f} s, peak {duck_peak:.0f} MiB; "
        f"ratio {ratio:.2f}x (target <= 3x); load average {load()}"
    )


EXPLORE = """
import json, resource, time
import timeline as tl
path = {path!r}
t = time.perf_counter()
explorer = tl.explore(tl.scan_events(path), lane="category")
figure = explorer.figure
overview = time.perf_counter() - t
view = figure.layout.meta["view"]
low, high = figure.layout.xaxis.range
zooms = []
for fraction in (0.1, 0.01, 0.001, 0.0005):
    width = (high - low) * fraction
    middle = low + (high - low) * 0.37
    t = time.perf_counter()
    explorer.zoom((middle, middle + width))
    zoomed = explorer.figure
    meta = zoomed.layout.meta
    zooms.append((time.perf_counter() - t, meta["view"], meta["in_view"]))
explorer.zoom(None)
t = time.perf_counter()
explorer.set_state(explorer.state.replace(category=["riot"]))
shown = explorer.shown_count
_ = explorer.figure
category = time.perf_counter() - t
t = time.perf_counter()
explorer.set_state(explorer.state.replace(category=None, search="convoy market"))
found = explorer.shown_count
_ = explorer.figure
search = time.perf_counter() - t
print(json.dumps({{"overview": overview, "view": view, "zooms": zooms, "category": category,
  "category_shown": shown, "search": search, "search_shown": found,
  "total": explorer.total_count,
  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def bench_explore(data: Path, counts: list[int]) -> None:
    results = {}
    for count in counts:
        path = data / f"events_{count}_sql.parquet"
        if not path.exists():
            t = time.perf_counter()
            write_events(path, count)
            size = path.stat().st_size / 2**20
            print(f"made {path} ({size:.0f} MiB) in {time.perf_counter() - t:.0f} s")
        answer, peak = child(EXPLORE.format(path=str(path)))
        results[count] = answer
        zooms = ", ".join(f"{s:.2f} s ({v}, {n:,} in view)" for s, v, n in answer["zooms"])
        print(
            f"{count:,} events: overview {answer['overview']:.2f} s ({answer['view']}; "
            f"target <= 10); zooms {zooms} (target <= 1); category filter "
            f"{answer['category']:.2f} s ({answer['category_shown']:,} shown), search "
            f"{answer['search']:.2f} s ({answer['search_shown']:,}) (target <= 3); "
            f"kernel peak {peak:.0f} MiB (target <= 2048); load average {load()}"
        )
    if len(results) > 1:
        small, big = min(results), max(results)
        factor = big / small
        for key in ("overview", "category", "search"):
            grow = results[big][key] / max(results[small][key], 1e-9)
            print(f"growth {small:,} -> {big:,} ({factor:.0f}x events): {key} x{grow:.1f}")
        worst = [max(z[0] for z in results[c]["zooms"]) for c in (small, big)]
        print(f"growth: slowest zoom x{worst[1] / max(worst[0], 1e-9):.1f}")
        print(f"growth: peak x{results[big]['peak_mib'] / results[small]['peak_mib']:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/timeline-bench-engines"))
    parser.add_argument("--csv-rows", type=int, default=2_000_000)
    parser.add_argument("--events", type=int, nargs="*", default=[10_000_000])
    parser.add_argument("--skip-convert", action="store_true")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    print(f"(the machine is shared with other engineers; load average now {load()})")
    if not args.skip_convert:
        bench_convert(args.data, args.csv_rows)
    bench_explore(args.data, args.events)


if __name__ == "__main__":
    main()
