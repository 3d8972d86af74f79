"""The field table: every canonical column once, with its aliases, dtype and how it is read.

The alias matching (:mod:`timeline.load.columns`), the loader (:mod:`timeline.load.build`),
:func:`timeline.schema.finalize_events`, the exports' column lists and the tests'
factories all read this table, instead of lists kept in step by hand.

Examples
--------
>>> FIELD["latitude"].aliases
('latitude', 'lat')
>>> [f.name for f in FIELDS if f.group == "extra"]
['claimant', 'end_text']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Group = Literal["required", "optional", "extra"]
Dtype = Literal[
    "str", "datetime", "precision", "kind", "bool", "category", "grade", "float", "Int8", "list"
]
Read = Literal["text", "list", "number", "id", "dates"]


@dataclass(frozen=True)
class Field:
    """One canonical column.

    Attributes
    ----------
    name
        The column of the event frame (and the field a source column maps to).
    group
        ``"required"``: every event frame has it; ``"optional"``: DESIGN's optional
        columns, kept when the source has them; ``"extra"``: known columns beyond those
        (who made the claim, the end as reported).
    dtype
        Its dtype in the event frame (``finalize_events`` applies it).
    read
        How the loader reads the source column: ``"text"`` (clean text first), ``"list"``
        (split into a list), ``"number"``, ``"id"``; ``"dates"``: made by the date engine.
    aliases
        Source column names mapped to it, in key form (lowercase letters and digits),
        most specific first.
    needed
        A source must have a column for it (``title`` and ``date``).
    """

    name: str
    group: Group
    dtype: Dtype
    read: Read
    aliases: tuple[str, ...] = ()
    needed: bool = False

    @property
    def required(self) -> bool:
        """Whether every event frame has this column."""
        return self.group == "required"


def _dates(name: str, dtype: Dtype) -> Field:
    return Field(name, "required", dtype, "dates")


FIELDS: tuple[Field, ...] = (
    Field("event_id", "required", "str", "id", ("eventid", "id", "uid", "uniqueid", "eventuid")),
    Field(
        "title",
        "required",
        "str",
        "text",
        ("title", "headline", "name", "event", "eventname", "eventtitle", "what"),
        needed=True,
    ),
    Field(
        "date_text",
        "required",
        "str",
        "text",
        (
            "datetext",
            "date",
            "eventdate",
            "when",
            "start",
            "startdate",
            "datestart",
            "begin",
            "from",
            "dates",
        ),
        needed=True,
    ),
    _dates("start", "datetime"),
    _dates("end", "datetime"),
    _dates("start_precision", "precision"),
    _dates("end_precision", "precision"),
    # made by the date engine; a source column "kind" can only say "era"
    Field("kind", "required", "kind", "dates", ("kind",)),
    _dates("open_end", "bool"),
    _dates("approximate", "bool"),
    _dates("uncertain", "bool"),
    _dates("edtf", "str"),
    Field(
        "reported_on",
        "required",
        "datetime",
        "text",
        (
            "reportedon",
            "reportdate",
            "reported",
            "published",
            "publishedon",
            "publicationdate",
            "datepublished",
            "pubdate",
            "asof",
        ),
    ),
    Field(
        "description",
        "optional",
        "str",
        "text",
        ("description", "notes", "note", "summary", "text", "details", "body"),
    ),
    Field("category", "optional", "category", "text", ("category", "type", "theme", "group")),
    Field(
        "actors", "optional", "list", "list", ("actors", "actor", "who", "participants", "parties")
    ),
    Field("location", "optional", "str", "text", ("location", "place", "where", "site")),
    Field("latitude", "optional", "float", "number", ("latitude", "lat")),
    Field("longitude", "optional", "float", "number", ("longitude", "lon", "lng", "long")),
    Field("source", "optional", "str", "text", ("source", "publisher", "outlet", "sourcename")),
    Field(
        "source_url", "optional", "str", "text", ("sourceurl", "url", "link", "href", "sourcelink")
    ),
    Field("reliability", "optional", "grade", "text", ("reliability", "sourcereliability")),
    Field(
        "credibility",
        "optional",
        "Int8",
        "number",
        ("credibility", "infocredibility", "informationcredibility"),
    ),
    Field("quote", "optional", "str", "text", ("quote", "quotation", "excerpt")),
    Field("quantity", "optional", "float", "number", ("quantity", "count", "number", "amount")),
    Field("tags", "optional", "str", "text", ("tags", "keywords", "labels", "tag")),
    Field(
        "claimant",
        "extra",
        "str",
        "text",
        ("claimant", "claimedby", "attributedto", "speaker", "according"),
    ),
    Field(
        "end_text",
        "extra",
        "str",
        "text",
        ("endtext", "end", "enddate", "dateend", "until", "to", "finish", "stop"),
    ),
)
"""Every canonical column, in the event frame's order."""

FIELD: dict[str, Field] = {field.name: field for field in FIELDS}
"""The table by column name."""


def names(
    *, group: Group | None = None, dtype: Dtype | None = None, read: Read | None = None
) -> tuple[str, ...]:
    """The columns of the table that match every given attribute, in table order.

    Examples
    --------
    >>> names(group="extra")
    ('claimant', 'end_text')
    """
    return tuple(
        field.name
        for field in FIELDS
        if (group is None or field.group == group)
        and (dtype is None or field.dtype == dtype)
        and (read is None or field.read == read)
    )
