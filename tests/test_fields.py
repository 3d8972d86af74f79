"""One field table: the aliases, the loader, finalize_events and the exports read it."""

from __future__ import annotations

import pandas as pd

import timeline as tl
from timeline.export.tables import SOURCE_COLUMNS
from timeline.fields import FIELD, FIELDS, names
from timeline.load.columns import ALIASES, REQUIRED_FIELDS, column_key, match_columns
from timeline.schema import DATE_COLUMNS, EXTRA_KNOWN_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS


def test_every_alias_names_one_field_in_key_form() -> None:
    seen: dict[str, str] = {}
    for field in FIELDS:
        for alias in field.aliases:
            assert alias == column_key(alias), alias
            assert alias not in seen, f"{alias!r} aliases {seen.get(alias)} and {field.name}"
            seen[alias] = field.name
    assert {f.name: f.aliases for f in FIELDS if f.aliases} == ALIASES
    assert REQUIRED_FIELDS == ("title", "date_text")


def test_the_schema_lists_come_from_the_table() -> None:
    assert names(group="required") == REQUIRED_COLUMNS
    assert REQUIRED_COLUMNS[:3] == ("event_id", "title", "date_text")
    assert REQUIRED_COLUMNS[-1] == "reported_on"
    assert REQUIRED_COLUMNS[3:-1] == DATE_COLUMNS
    assert names(group="optional") == OPTIONAL_COLUMNS
    assert EXTRA_KNOWN_COLUMNS == ("claimant", "end_text")
    # the exports write back every field the loader reads from a source
    assert set(SOURCE_COLUMNS) == {f.name for f in FIELDS if f.aliases}


def test_a_loaded_frame_has_the_tables_dtypes() -> None:
    source = {field.name: ["1"] for field in FIELDS if field.aliases}
    source.update(
        title=["Summit"],
        date_text=["June 2024"],
        end_text=["July 2024"],
        reported_on=["2024-08-01"],
        reliability=["B"],
        kind=["span"],
        actors=["Kim; Putin"],
    )
    frame = pd.DataFrame(source)
    assert set(match_columns(frame.columns)) == set(frame.columns)
    events = tl.load_events(frame)
    assert list(events.columns) == [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *EXTRA_KNOWN_COLUMNS]
    expected = {
        "str": pd.StringDtype,
        "category": pd.CategoricalDtype,
        "grade": pd.CategoricalDtype,
        "precision": pd.CategoricalDtype,
        "kind": pd.CategoricalDtype,
    }
    for field in FIELDS:
        dtype = events[field.name].dtype
        if field.dtype in expected:
            assert isinstance(dtype, expected[field.dtype]), field.name
        elif field.dtype == "datetime":
            assert str(dtype) == "datetime64[us]", field.name
        elif field.dtype == "bool":
            assert pd.api.types.is_bool_dtype(dtype), field.name
        elif field.dtype in ("float", "Int8"):
            assert pd.api.types.is_numeric_dtype(dtype), field.name
    assert list(events.loc[0, "actors"]) == ["Kim", "Putin"]
    assert FIELD["reliability"].dtype == "grade"
