"""The reference date has one owner: ongoing spans, filters and the CLI agree on it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import timeline as tl
from timeline import cli
from timeline.reference import as_timestamp, frame_reference, known_until, latest_report

# the file of issue 16: an ongoing span reported on 1 Nov 2024, a later report on 5 Mar 2025
ISSUE_16 = """title,date,end,reported_on,category
Deployment,since September,,2024-11-01,a
Visit,late October,,2025-03-05,b
"""


def ms(date: str) -> float:
    return pd.Timestamp(date).value / 1e6


def role(fig, name: str) -> list:
    return [t for t in fig.data if (t.meta or {}).get("role") == name]


def bars(fig, name: str) -> list[tuple[float, float]]:
    return [
        (float(b), float(b + x)) for t in role(fig, name) for b, x in zip(t.base, t.x, strict=True)
    ]


@pytest.fixture
def issue_file(tmp_path: Path) -> Path:
    path = tmp_path / "ev.csv"
    path.write_text(ISSUE_16, encoding="utf-8")
    return path


def test_frame_reference_is_the_argument_else_the_latest_report() -> None:
    events = pd.DataFrame({"reported_on": pd.to_datetime(["2024-11-01", None, "2025-03-05"])})
    assert frame_reference(events) == pd.Timestamp("2025-03-05")
    assert frame_reference(events, "2024-12-24") == pd.Timestamp("2024-12-24")
    assert latest_report(events.iloc[:0]) is None
    assert frame_reference(pd.DataFrame({"title": ["x"]})) is None
    with pytest.raises(ValueError, match="reference_date='soon' is not a date"):
        frame_reference(events, "soon")
    assert list(known_until(events).astype(str)) == [
        "2024-11-01T00:00:00.000000",
        "NaT",
        "2025-03-05T00:00:00.000000",
    ]
    assert as_timestamp("2025-03-05T01:00+02:00") == pd.Timestamp("2025-03-04T23:00")


def test_an_ongoing_span_is_known_only_until_its_own_report_date(issue_file: Path) -> None:
    events = tl.load_events(issue_file)
    fig = tl.plot(events)
    # known to be ongoing from its start month to its report date: solid there ...
    assert bars(fig, "span") == [(ms("2024-10-01"), ms("2024-11-01"))]
    # ... and nothing known after it: faded up to the figure's reference date
    assert bars(fig, "span_extent") == [(ms("2024-09-01"), ms("2025-03-05"))]
    assert [x for t in role(fig, "span_open") for x in t.x] == [ms("2025-03-05")]
    assert any("as of 5 Mar 2025" in (a.text or "") for a in fig.layout.annotations)


def test_cli_filters_resolve_like_export_filters(issue_file: Path, tmp_path: Path) -> None:
    events = tl.load_events(issue_file)
    by_api = tl.export(events, tmp_path / "api.html", filters={"category": ["a"]})
    by_cli = tmp_path / "cli.html"
    code = cli.main(["render", str(issue_file), "-o", str(by_cli), "--category", "a", "-q"])
    assert code == 0
    for page in (by_api.read_text(encoding="utf-8"), by_cli.read_text(encoding="utf-8")):
        assert "as of 5 Mar 2025" in page  # the unfiltered frame's reference date
        assert "as of 1 Nov 2024" not in page  # the filtered rows' latest report
        assert "1 event · generated" in page
