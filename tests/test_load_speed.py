"""The speed machinery: the threaded path gives the same events, forced on small data."""

from __future__ import annotations

import threading

import pandas as pd

import timeline as tl
from conftest import DATA
from timeline.load.speed import THREAD_FROM_ROWS, Background, helper_threads

FRAME = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d"],
        "title": ["Summit", "Visit", " Talks ", "Strike"],
        "date": ["June 2024", "late October 2024", "2024-11-01", "2025"],
        "actors": ["Kim; Putin", "Choe", None, "Russia;North Korea"],
        "reported_on": ["2024-11-05"] * 4,
        "unit": ["x", "", "'=1+1", None],
        "score": ["1", "2", "3.5", "4"],
    }
)


def test_the_threaded_path_gives_the_same_events_on_small_data() -> None:
    expected = tl.load_events(FRAME)
    with helper_threads() as use:
        threaded = tl.load_events(FRAME)
    assert use.threaded_jobs == 4  # actors, the id check and both kept-as-is columns
    pd.testing.assert_frame_equal(threaded, expected)


def test_an_importer_on_the_threaded_path() -> None:
    path = DATA / "acled_argentina_rows121-240.csv"
    expected = tl.load_events(path, format="acled")
    with helper_threads(from_rows=1) as use:
        threaded = tl.load_events(path, format="acled")
    assert use.threaded_jobs > 0
    pd.testing.assert_frame_equal(threaded, expected)


def test_the_setting_belongs_to_the_block_and_its_context() -> None:
    outside: list[int] = []

    def other_thread() -> None:  # a new thread starts from the default context
        background = Background(rows=10)
        outside.append(0 if background._executor is None else 1)

    with helper_threads() as use:
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
    assert outside == [0]
    background = Background(rows=10)
    job = background.submit(sum, [1, 2])
    background.close()
    assert job.result() == 3 and use.threaded_jobs == 0
    assert THREAD_FROM_ROWS == 100_000


def test_a_job_raises_its_exception_when_asked() -> None:
    with helper_threads():
        background = Background(rows=1)
        job = background.submit(int, "x")
        background.close()
    try:
        job.result()
    except ValueError as exc:
        assert "invalid literal" in str(exc)
    else:
        raise AssertionError("the job's ValueError was not raised")
