"""``python -m timeline.demo EVENTS OUTDIR``: what ``make demo`` runs.

Loads the events (every problem reported), renders the timeline (lanes by actor, the eras
in the data) to ``OUTDIR/timeline.html``, writes a validated summary and the canonical frame
as CSV, and prints the paths it wrote.
"""

from __future__ import annotations

import sys
from pathlib import Path

import timeline as tl


def summarize(events: object) -> str:
    """A short text summary of a canonical event frame."""
    import pandas as pd

    assert isinstance(events, pd.DataFrame)
    lines = [
        f"{len(events)} events, {events['start'].min():%Y-%m-%d} to "
        f"{events['end'].max():%Y-%m-%d} (open-ended: {int(events['open_end'].sum())})",
        "",
        "by category: "
        + ", ".join(f"{k} {v}" for k, v in events["category"].value_counts().items()),
        "",
    ]
    for row in events.itertuples():
        end = "open" if pd.isna(row.end) else f"{row.end:%Y-%m-%d}"
        lines.append(
            f"{row.event_id:8} {row.date_text!s:28.28} [{row.start:%Y-%m-%d}, {end:10}) "
            f"{row.start_precision!s:7} {row.title}"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the demo; returns the exit code."""
    args = sys.argv[1:] if argv is None else argv
    source = Path(args[0] if args else "data/events.csv")
    out = Path(args[1] if len(args) > 1 else "out")
    out.mkdir(parents=True, exist_ok=True)
    events = tl.load_events(source)
    summary = out / "summary.txt"
    summary.write_text(summarize(events), encoding="utf-8")
    table = out / "events.csv"
    events.to_csv(table, index=False)
    page = out / "timeline.html"
    figure = tl.plot(
        events,
        lane="actors",
        color="category",
        title="North Korean troops in Russia",
        subtitle="Dated claims from the seed article, as reported",
    )
    figure.write_html(page, include_plotlyjs=True, include_mathjax=False, full_html=True)
    print(f"loaded {len(events)} events from {source} with no failures")
    for path in (page, summary, table):
        print(f"wrote {path.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
