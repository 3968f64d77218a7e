"""A list model that loads its rows a window at a time, for lists that can be long (3,000 or
30,000 workers): the database filters, sorts and cuts (``offset``/``limit``); the model keeps
what was loaded and asks for the next window when the view scrolls near the end
(``canFetchMore`` / ``fetchMore``). A new filter or sort starts again from the first window.

Sorting is the database's too: the view's header calls ``sort``, which the proxy passes on
here (a proxy that sorted the loaded part only would mislead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from kringloopdesk.gui.models.row_model import ROOT, Index, RowTableModel

Row = TypeVar("Row")
Query = TypeVar("Query")
BATCH_SIZE = 200

# (query, offset, limit) -> rows, or None after a reported error; (query) -> count or None.
Loader = Callable[[Any, int, int], list[Any] | None]
Counter = Callable[[Any], int | None]


class LazyTableModel(RowTableModel[Row], Generic[Row, Query]):
    batch_size = BATCH_SIZE

    def __init__(self, load: Loader, count: Counter, query: Query,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._count = count
        self._query = query
        self._rows: list[Row] = []
        self._ids: set[int] = set()
        self._offset = 0
        self._total = 0
        self._exhausted = True
        self._loaded_once = False
        # True while the model announces a change: a view (or the model tester) that asks
        # for more rows in the middle of that announcement gets them afterwards, not nested.
        self._busy = False

    # -- for subclasses ---------------------------------------------------------------------

    def row_id(self, row: Row) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def query_for_sort(self, query: Query, column: int, order: Qt.SortOrder) -> Query:
        """``query`` sorted on ``column``; unchanged when that column cannot be sorted."""
        return query

    # -- the query --------------------------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._query

    @property
    def total(self) -> int:
        """How many rows match the query (loaded or not)."""
        return self._total

    @property
    def loaded_once(self) -> bool:
        return self._loaded_once

    def set_query(self, query: Query) -> None:
        """Start again with ``query``: count, then load the first window."""
        total = self._count(query)
        self._busy = True
        try:
            self.beginResetModel()
            self._query = query
            self._rows = []
            self._ids = set()
            self._offset = 0
            self._total = total or 0
            self._exhausted = not total
            self._loaded_once = True
            self.endResetModel()
        finally:
            self._busy = False
        if self.canFetchMore(ROOT):
            self.fetchMore(ROOT)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        query = self.query_for_sort(self._query, column, order)
        if query == self._query:
            return
        if self._loaded_once:
            self.set_query(query)
        else:
            self._query = query

    # -- rows -------------------------------------------------------------------------------

    def row_of_id(self, row_id: int) -> int | None:
        """The row number of a loaded row, else None."""
        return next((n for n, row in enumerate(self._rows) if self.row_id(row) == row_id),
                    None)

    def load_until(self, row_id: int, limit: int = 5_000) -> int | None:
        """Load windows until the row with ``row_id`` is there (at most ``limit`` rows)."""
        found = self.row_of_id(row_id)
        while found is None and len(self._rows) < limit and self.canFetchMore(ROOT):
            self.fetchMore(ROOT)
            found = self.row_of_id(row_id)
        return found

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._busy

    def fetchMore(self, parent: Index = ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._busy = True
        try:
            self._fetch_window()
        finally:
            self._busy = False

    def _fetch_window(self) -> None:
        batch = self._load(self._query, self._offset, self.batch_size)
        if not batch:
            self._exhausted = True
            return
        self._offset += len(batch)
        if len(batch) < self.batch_size or self._offset >= self._total:
            self._exhausted = True
        # Rows added meanwhile shift the windows; a row seen before is skipped.
        new = [row for row in batch if self.row_id(row) not in self._ids]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(ROOT, first, first + len(new) - 1)
        self._rows.extend(new)
        self._ids.update(self.row_id(row) for row in new)
        self.endInsertRows()


class LazyProxy(QSortFilterProxyModel):
    """Passes rows through in the model's (the database's) order; the header's sort goes to
    the source model, which asks the database again."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, LazyTableModel) and column >= 0:
            source.sort(column, order)
