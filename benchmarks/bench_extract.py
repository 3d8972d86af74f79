"""Benchmark of ``tl.extract_events`` against the target of issue 18.

Target: 100 articles of 1,000 words extracted in under 10 s. The articles are made from
the sentences of the seed article and the test articles (tests/data/articles), drawn at
random with weekdays, months, days and figures varied, in paragraphs of two to four
sentences with a heading now and then, so that no two articles are the same text. Prints
the total time (best of three runs), the time per article, the words per second and the
rows drafted.

Run: ``PYTHONPATH=src python benchmarks/bench_extract.py`` (``--quick`` for 20 articles).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

import timeline as tl
from timeline.dates.spec import MONTH_NAMES
from timeline.extract.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()  # noqa: SIM905
MONTHS = list(MONTH_NAMES)
HEADINGS = ["Reaction", "Background", "On the ground", "Diplomacy", "What comes next"]


def sentence_pool() -> list[str]:
    texts = [(ROOT / "data" / "seed_article.txt").read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/articles").glob("*.txt"))
    ]
    return [s.text for text in texts for s in split_sentences(text)]


def vary(sentence: str, rng: random.Random) -> str:
    sentence = re.sub("|".join(WEEKDAYS), lambda _: rng.choice(WEEKDAYS), sentence)
    sentence = re.sub("|".join(MONTHS), lambda _: rng.choice(MONTHS), sentence)
    sentence = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", lambda m: f"{rng.randint(1, 28)}th", sentence)
    return re.sub(r"\b\d{2,3}\b(?![,.]\d)", lambda _: str(rng.randint(10, 999)), sentence)


def article(pool: list[str], rng: random.Random, words: int = 1000) -> str:
    lines: list[str] = []
    count = 0
    while count < words:
        if lines and rng.random() < 0.15:
            lines.append(rng.choice(HEADINGS))
        paragraph = " ".join(vary(rng.choice(pool), rng) for _ in range(rng.randint(2, 4)))
        lines.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 articles, one run")
    args = parser.parse_args()
    n = 20 if args.quick else 100
    rng = random.Random(18)
    pool = sentence_pool()
    articles = [article(pool, rng) for _ in range(n)]
    words = sum(len(a.split()) for a in articles)
    tl.extract_events("Warm-up on Monday.", reported_on="2025-11-01")  # imports, not timed
    best = cpu = float("inf")
    rows = 0
    for _ in range(1 if args.quick else 3):
        start, start_cpu = time.perf_counter(), time.process_time()
        rows = sum(len(tl.extract_events(a, reported_on="2025-11-20")) for a in articles)
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    per_10s = best / n * 100
    print(f"articles: {n}, words: {words:,} ({words / n:,.0f} per article), rows drafted: {rows:,}")
    print(
        f"extract_events: {best:.2f} s ({best / n * 1000:.1f} ms per article, "
        f"{words / best:,.0f} words/s); 100 articles: {per_10s:.2f} s, target < 10 s "
        f"({10 / per_10s:.1f}x margin); CPU time {cpu:.2f} s"
    )


if __name__ == "__main__":
    main()
