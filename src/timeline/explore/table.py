"""The linked table: the visible events, sortable and paginated, rows clickable.

The table is HTML built here with every value escaped (``html.escape``). It is shown by a
tiny anywidget (the package plotly's ``FigureWidget`` already needs) whose only script
turns a click on a column button or a row into a message back to Python; ipywidgets'
own ``HTML`` widget cannot report clicks. Sorting works on the whole data once per sort
key (cached), so a filter change only keeps the visible rows of that order, and only one
page (50 rows by default) is rendered: 100,000 events stay fast.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from timeline.explore.details import format_value
from timeline.reported import reported_dates

COLUMNS: dict[str, str] = {
    "date": "Date (as reported)",
    "title": "Title",
    "source": "Source",
}
"""Sort key -> header; "date" shows the date as reported (``date_text``, with ``end_text``
when the source gave one) and sorts by the normalized dates."""
CELL_COLUMN = {"date": "date_text", "title": "title", "source": "source"}
PAGE_SIZE = 50

STYLE = """<style>
.tl-table{border-collapse:collapse;width:100%;font-size:12px;table-layout:fixed}
.tl-table th{background:#f3f3f3;text-align:left;padding:0;border-bottom:1px solid #bbb}
.tl-table th button{all:unset;box-sizing:border-box;display:block;width:100%;
  padding:4px 6px;cursor:pointer;font-weight:600}
.tl-table th button:hover{background:#e4e4e4}
.tl-table td{padding:3px 6px;border-bottom:1px solid #eee;overflow:hidden;
  text-overflow:ellipsis;white-space:nowrap}
.tl-table tr[data-row]{cursor:pointer}
.tl-table tr[data-row]:hover{background:#eef5ff}
.tl-table tr.tl-selected{background:#dbe9ff}
.tl-table td.tl-num{color:#888;text-align:right}
</style>"""

ESM = """
function render({ model, el }) {
  const draw = () => { el.innerHTML = model.get("html"); };
  draw();
  model.on("change:html", draw);
  el.addEventListener("click", (event) => {
    const sort = event.target.closest("[data-sort]");
    if (sort) { model.send({ type: "sort", column: sort.dataset.sort }); return; }
    const row = event.target.closest("tr[data-row]");
    if (row) { model.send({ type: "row", row: Number(row.dataset.row) }); }
  });
  // plotly's FigureWidget fits its width only on a window resize: once the explorer is
  // on screen, send one so the figure above fills the output's width.
  const nudge = new ResizeObserver(() => {
    if (el.clientWidth > 0) {
      nudge.disconnect();
      setTimeout(() => window.dispatchEvent(new Event("resize")), 50);
    }
  });
  nudge.observe(el);
}
export default { render };
"""


def table_columns(events: pd.DataFrame) -> list[str]:
    """The sort keys (and columns) the table shows for these events."""
    return [key for key in COLUMNS if CELL_COLUMN[key] in events.columns]


def sort_order(events: pd.DataFrame, column: str) -> np.ndarray:
    """Row positions of all events in ascending order of a table column (stable).

    ``date`` sorts by the normalized start, then end (undated last); text columns sort
    case-insensitively with empty cells last.

    Examples
    --------
    >>> frame = pd.DataFrame({"title": ["b", None, "A"]})
    >>> sort_order(frame, "title").tolist()
    [2, 0, 1]
    """
    if column == "date":
        start = _sortable_ms(events["start"])
        end = _sortable_ms(events["end"]) if "end" in events else np.zeros(len(events))
        return np.lexsort((end, start))
    values = events[CELL_COLUMN.get(column, column)]
    if values.dtype == object:  # lists or mixed values: as the table shows them
        values = values.map(format_value, na_action="ignore")
    text = values.astype("str").str.lower()
    text = text.where(text.str.len() > 0)
    codes, _ = pd.factorize(text, sort=True)
    codes = np.where(codes < 0, codes.max(initial=0) + 1, codes)
    return np.argsort(codes, kind="stable")


def _sortable_ms(values: pd.Series) -> np.ndarray:
    array = values.to_numpy(dtype="datetime64[us]")
    numbers = array.astype(np.int64)
    return np.where(np.isnat(array), np.iinfo(np.int64).max, numbers)


def table_html(
    events: pd.DataFrame,
    rows: np.ndarray,
    *,
    columns: list[str],
    sort: tuple[str, bool],
    first_number: int = 1,
    selected: int | None = None,
) -> str:
    """The table of ``rows`` (row positions into ``events``) as HTML, values escaped.

    Examples
    --------
    >>> frame = pd.DataFrame({"date_text": ["June 2024"], "title": ["<i>Summit</i>"]})
    >>> text = table_html(frame, np.array([0]), columns=["date", "title"], sort=("date", True))
    >>> "&lt;i&gt;Summit&lt;/i&gt;" in text, 'data-row="0"' in text
    (True, True)
    """
    column_name, ascending = sort
    head = ['<th style="width:3.5em"></th>']
    for key in columns:
        arrow = (" ▲" if ascending else " ▼") if key == column_name else ""
        head.append(
            f'<th><button data-sort="{key}" title="Sort by {html.escape(COLUMNS[key])}">'
            f"{html.escape(COLUMNS[key])}{arrow}</button></th>"
        )
    body = []
    rows = np.asarray(rows, dtype=np.int64)
    shown = events.iloc[rows]
    cells = {
        key: (reported_dates(shown) if key == "date" else shown[CELL_COLUMN[key]]).to_numpy(
            dtype=object
        )
        for key in columns
    }
    for offset, row in enumerate(rows.tolist()):
        selected_class = ' class="tl-selected"' if row == selected else ""
        tds = [f'<td class="tl-num">{first_number + offset:,}</td>']
        for key in columns:
            text = html.escape(format_value(cells[key][offset]))
            tds.append(f'<td title="{text}">{text}</td>')
        body.append(f'<tr data-row="{row}"{selected_class}>{"".join(tds)}</tr>')
    if not body:
        body.append(
            f'<tr><td colspan="{len(columns) + 1}" style="color:#8a4b00">'
            "No events match these filters.</td></tr>"
        )
    return (
        f'{STYLE}<table class="tl-table"><thead><tr>{"".join(head)}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


class EventTable:
    """The table widgets (view, sort dropdown, pager) over one event frame.

    Parameters
    ----------
    events
        The full event frame (row positions refer to it).
    on_select
        Called with an event's row position when its row is clicked.
    page_size
        Rows per page.
    """

    def __init__(
        self,
        events: pd.DataFrame,
        on_select: Callable[[int], None],
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        import ipywidgets as widgets

        self.events = events
        self.columns = table_columns(events)
        self.page_size = page_size
        self.sort: tuple[str, bool] = ("date", True)
        self.page = 0
        self.selected: int | None = None
        self._on_select = on_select
        self._orders: dict[str, np.ndarray] = {}
        self._visible = np.zeros(len(events), dtype=bool)
        self._rows = np.zeros(0, dtype=np.int64)

        self.view = _table_view_class()()
        self.view.on_msg(self._on_view_message)
        options = []
        for key in self.columns:
            label = COLUMNS[key]
            options += [(f"{label} ↑", f"{key}:asc"), (f"{label} ↓", f"{key}:desc")]
        self.sort_dropdown = widgets.Dropdown(
            options=options,
            value="date:asc",
            description="Sort",
            layout=widgets.Layout(width="230px"),
        )
        self.sort_dropdown.observe(self._on_sort_dropdown, names="value")
        self.previous_button = widgets.Button(
            description="◀ Previous", layout=widgets.Layout(width="110px")
        )
        self.next_button = widgets.Button(
            description="Next ▶", layout=widgets.Layout(width="110px")
        )
        self.previous_button.on_click(lambda _: self.go_to(self.page - 1))
        self.next_button.on_click(lambda _: self.go_to(self.page + 1))
        self.page_label = widgets.HTML()
        self.box = widgets.VBox(
            [
                widgets.HBox(
                    [self.sort_dropdown, self.previous_button, self.next_button, self.page_label]
                ),
                self.view,
            ]
        )

    # --- state -----------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        """Visible rows (all pages)."""
        return len(self._rows)

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self._rows) // self.page_size))

    def page_rows(self) -> np.ndarray:
        """Row positions (into the events) on the current page, in table order."""
        first = self.page * self.page_size
        return self._rows[first : first + self.page_size]

    def show(self, visible: np.ndarray) -> None:
        """Show the rows where ``visible`` is True; back to the first page."""
        self._visible = np.asarray(visible, dtype=bool)
        self._rows = self._ordered_rows()
        self.page = 0
        self.render()

    def set_sort(self, column: str, ascending: bool = True) -> None:
        """Sort by a table column (``date``, ``title``, ``source``); back to page one."""
        if column not in self.columns:
            msg = f"column={column!r} is not a table column; valid: {self.columns}"
            raise ValueError(msg)
        self.sort = (column, ascending)
        value = f"{column}:{'asc' if ascending else 'desc'}"
        if self.sort_dropdown.value != value:
            self.sort_dropdown.value = value  # its observer calls back with the same sort
        self._rows = self._ordered_rows()
        self.page = 0
        self.render()

    def go_to(self, page: int) -> None:
        """Show another page (clamped to the pages there are)."""
        self.page = int(np.clip(page, 0, self.page_count - 1))
        self.render()

    def mark_selected(self, row: int | None) -> None:
        """Highlight the row whose details are shown."""
        self.selected = row
        self.render()

    def render(self) -> None:
        rows = self.page_rows()
        first = self.page * self.page_size
        self.view.html = table_html(
            self.events,
            rows,
            columns=self.columns,
            sort=self.sort,
            first_number=first + 1,
            selected=self.selected,
        )
        total = len(self._rows)
        shown = f"rows {first + 1:,}–{first + len(rows):,} of {total:,}" if total else "no rows"
        where = f"{shown} · page {self.page + 1} of {self.page_count}"
        self.page_label.value = f'<span style="color:#555;white-space:nowrap">{where}</span>'

        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.page_count - 1

    # --- events from the front end -----------------------------------------------------
    def handle_message(self, content: dict[str, Any]) -> None:
        """A click in the table: ``{"type": "row", "row": n}`` or ``{"type": "sort", ...}``."""
        if content.get("type") == "row":
            row = int(content["row"])
            if 0 <= row < len(self.events):
                self._on_select(row)
        elif content.get("type") == "sort":
            column = str(content.get("column"))
            if column in self.columns:
                same = self.sort[0] == column
                self.set_sort(column, not self.sort[1] if same else True)

    def _on_view_message(self, _widget: object, content: dict[str, Any], _buffers: object) -> None:
        self.handle_message(content)

    def _on_sort_dropdown(self, change: dict[str, Any]) -> None:
        column, direction = str(change["new"]).split(":")
        if (column, direction == "asc") != self.sort:
            self.set_sort(column, direction == "asc")

    def _ordered_rows(self) -> np.ndarray:
        column, ascending = self.sort
        order = self._orders.get(column)
        if order is None:
            order = sort_order(self.events, column)
            self._orders[column] = order
        if not ascending:
            order = order[::-1]
        return order[self._visible[order]]


_VIEW_CLASS: type | None = None


def _table_view_class() -> type:
    """The anywidget class (defined on first use: importing anywidget is not free)."""
    global _VIEW_CLASS
    if _VIEW_CLASS is None:
        import anywidget
        import traitlets

        class TableView(anywidget.AnyWidget):
            """Shows ``html``; clicks on ``[data-sort]`` and ``tr[data-row]`` come back
            as custom messages."""

            _esm = ESM
            html = traitlets.Unicode("").tag(sync=True)

        _VIEW_CLASS = TableView
    return _VIEW_CLASS
