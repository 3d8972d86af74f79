"""anytimeline's standalone page of the benchmark's events (run by bench_lod.py).

Runs in ``.venv-anytimeline`` (anytimeline needs Python >= 3.12; it is not a dependency of
timeline). Instants become an ``events`` layer, spans an ``intervals`` layer, both with a
lane and a colour per category and the title in the tooltip: the same events, lanes and
colours as ``tl.export(events, "x.html", lane="category", color="category")``.

The page has no "ready" signal of its own; a small script added before its code records
``window.__anytimelineReady`` (ms since navigation) two animation frames after its first
plot canvas exists with a size, that is once a first frame has been painted.

Usage: ``python anytimeline_page.py EVENTS.csv OUT.html`` (columns title, start, end,
category, kind; ISO dates)
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

PROBE = """<script>
(function () {
  function check() {
    var canvas = document.querySelector('.anytimeline-embed canvas');
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      requestAnimationFrame(function () { requestAnimationFrame(function () {
        window.__anytimelineReady = performance.now();
      }); });
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
</script>
"""


def main() -> None:
    import anytimeline as atl

    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    events = pd.read_csv(source, parse_dates=["start", "end"])
    events["category"] = events["category"].astype(str)
    spans = events[events["kind"].astype(str) == "span"]
    instants = events[events["kind"].astype(str) != "span"]
    plot = atl.Timeline(title="anytimeline")
    plot.intervals(spans, "start", "end", lane="category", color="category", tooltip=["title"])
    plot.events(instants, "start", lane="category", color="category", tooltip=["title"])
    plot.save_html(out)
    page = out.read_text(encoding="utf-8")
    out.write_text(page.replace("<body>\n", "<body>\n" + PROBE, 1), encoding="utf-8")


if __name__ == "__main__":
    main()
