"""``python -m timeline.demo [EVENTS] [OUTDIR]``: the briefing that ``make demo`` renders.

Runs ``timeline render`` on the seed events with lanes by actor, colours by category (the
eras come from the data's ``kind == "era"`` rows), a title and a training banner, and
writes ``OUTDIR/timeline.html``, ``OUTDIR/timeline.png`` (the briefing chronology: every
event labelled), ``OUTDIR/briefing.pptx``, ``OUTDIR/brief.docx`` (the Word chronology) and
``OUTDIR/events.csv``, printing each path. This is what ``make demo`` runs.

Without Chromium (image export needs it) the demo still writes the page and the CSV, and
says how to install Chromium for the picture and the deck.
"""

from __future__ import annotations

import sys

TITLE = "North Korean troops in Russia"
SUBTITLE = "Claims from one article, dated as reported"
BANNER = "UNCLASSIFIED // FOR TRAINING"
OUTPUTS = ("timeline.html", "timeline.png", "briefing.pptx", "brief.docx", "events.csv")
NEEDS_CHROMIUM = ("timeline.png", "briefing.pptx", "brief.docx")


def demo_arguments(
    events: str = "data/events.csv", out: str = "out", *, images: bool = True
) -> list[str]:
    """The ``timeline`` command line of the demo.

    Examples
    --------
    >>> demo_arguments()[:4]
    ['render', 'data/events.csv', '-o', 'out/timeline.html']
    """
    arguments = ["render", events]
    for name in OUTPUTS:
        if images or name not in NEEDS_CHROMIUM:
            arguments += ["-o", f"{out}/{name}"]
    arguments += ["--lane", "actors", "--color", "category"]
    if images:
        arguments += ["--chronology"]
    arguments += ["--title", TITLE, "--subtitle", SUBTITLE, "--banner", BANNER]
    return arguments


def main(argv: list[str] | None = None) -> int:
    """Render the demo; returns the exit code of ``timeline render``."""
    from timeline.cli import main as timeline
    from timeline.export.images import BrowserNotFoundError, find_browser

    args = sys.argv[1:] if argv is None else argv
    events = args[0] if args else "data/events.csv"
    out = args[1] if len(args) > 1 else "out"
    try:
        find_browser()
        images = True
    except BrowserNotFoundError as exc:
        images = False
        print(f"note: skipping {', '.join(NEEDS_CHROMIUM)}: {exc}", file=sys.stderr)
    return timeline(demo_arguments(events, out, images=images))


if __name__ == "__main__":
    raise SystemExit(main())
