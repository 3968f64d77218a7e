"""A list model that loads its rows a window at a time, for lists that can be long (3,000 or
30,000 workers): the database filters, sorts and cuts (``offset``/``limit``); the model keeps
what was loaded and asks for the next window when the view scrolls near the end
(``canFetchMore`` / ``fetchMore``). A new filter or sort starts again from the first window.

Sorting is the database's too: the view's header calls ``sort``, which the proxy passes on
here (a proxy that sorted the loaded part only would mislead). A new sort keeps the count:
the same rows, in another order.

``WindowedTableModel`` is for the lists that can be very long (a million weighings): it shows
the first window at once and counts afterwards, then tells the view every row is there and
reads a window only when the view shows a row of it (the last one by the reverse sort), so a
jump to the end costs one window, not a million rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QIdentityProxyModel, QObject, Qt, QTimer, Signal

from kringloopdesk.gui.models.row_model import ROOT, Index, RowTableModel

Row = TypeVar("Row")
Query = TypeVar("Query")
BATCH_SIZE = 200

# (query, offset, limit) -> rows, or None after a reported error; (query) -> count or None.
Loader = Callable[[Any, int, int], list[Any] | None]
Counter = Callable[[Any], int | None]


class LazyTableModel(RowTableModel[Row], Generic[Row, Query]):
    batch_size = BATCH_SIZE
    # The count of the query (``total``) is known or changed: the page's count label.
    total_changed = Signal()

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

    @property
    def total_known(self) -> bool:
        """False while the count is still to come (``WindowedTableModel``)."""
        return True

    def set_query(self, query: Query) -> None:
        """Start again with ``query``: count, then load the first window."""
        self._set_query(query, self._count(query))

    def _set_query(self, query: Query, total: int | None) -> None:
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
        self.total_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        query = self.query_for_sort(self._query, column, order)
        if query == self._query:
            return
        if self._loaded_once:
            self.resort(query)
        else:
            self._query = query

    def resort(self, query: Query) -> None:
        """``query`` is the same rows in another order: load again, but do not count again
        (unless there was nothing: perhaps the count failed)."""
        self._set_query(query, self._total or self._count(query))

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


# Rows a windowed model keeps (windows further away are read again when shown).
KEPT_ROWS = 10_000


class WindowedTableModel(LazyTableModel[Row, Query]):
    """A lazy list for a million rows, in the manner of ``QSqlQueryModel`` but without its
    cost at the end of the list.

    ``set_query`` reads only the first window, so the view can paint at once; the count (for
    the count label, and for the scroll bar) follows on the next turn of the event loop
    (``total_changed``; ``finish_count`` does it at once). Until then the view sees the loaded
    rows and asks for more with ``fetchMore``, as with any lazy model. Once counted, the
    model has all rows: a row whose window is not loaded is read when the view shows it
    (``row_for``), the windows in the back half by the reverse sort (``reversed_query``), so
    the last row costs one small query. A window short of rows (deleted meanwhile) shows
    the rows it got; the page reads everything again when the data changes.
    """

    def __init__(self, load: Loader, count: Counter, query: Query,
                 parent: QObject | None = None) -> None:
        super().__init__(load, count, query, parent)
        self._windows: dict[int, list[Row]] = {}
        self._row_count = 0
        self._counted = True
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self.finish_count)

    # -- for subclasses ---------------------------------------------------------------------

    def reversed_query(self, query: Query) -> Query | None:
        """``query`` in exactly the reverse order (None: it cannot be turned round)."""
        return None

    def count_first(self, query: Query) -> bool:
        """True when counting ``query`` costs less than its first window, e.g. a search
        that reads every row either way: count, and ask for rows only if there are any."""
        return False

    # -- the query --------------------------------------------------------------------------

    @property
    def total_known(self) -> bool:
        return self._counted

    def set_query(self, query: Query) -> None:
        """Start again with ``query``: the first window now, the count just after."""
        self._start(query, None)

    def resort(self, query: Query) -> None:
        self._start(query, self._total if self._counted and self._loaded_once else None)

    def _start(self, query: Query, total: int | None) -> None:
        self._count_timer.stop()
        if total is None and self.count_first(query):
            total = self._count(query)
        first = (self._load(query, 0, self.batch_size) or []) if total != 0 else []
        if len(first) < self.batch_size:
            total = len(first)  # all of it: nothing left to count
        self._busy = True
        try:
            self.beginResetModel()
            self._query = query
            self._windows = {0: first} if first else {}
            self._counted = total is not None
            self._total = total if total is not None else len(first)
            self._row_count = self._total if self._counted else len(first)
            self._exhausted = self._counted
            self._loaded_once = True
            self.endResetModel()
        finally:
            self._busy = False
        if self._counted:
            self.total_changed.emit()
        else:
            self._count_timer.start()

    def finish_count(self) -> None:
        """Count now (if that is still to do) and give the view every row."""
        self._count_timer.stop()
        if self._counted:
            return
        total = self._count(self._query)
        self._counted = True
        self._exhausted = True
        if total is not None and total > self._row_count:
            self.beginInsertRows(ROOT, self._row_count, total - 1)
            self._total = self._row_count = total
            self.endInsertRows()
        else:  # counting failed (reported), or rows were deleted since the first window
            self._total = self._row_count
        self.total_changed.emit()

    # -- rows -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self._row_count

    def row_at(self, row: int) -> Row:
        found = self._row(row)
        if found is None:
            raise IndexError(row)
        return found

    def row_for(self, index: Index) -> Row | None:
        if not index.isValid():
            return None
        return self._row(index.row())

    def _row(self, row: int) -> Row | None:
        if 0 <= row < self._row_count:
            number, at = divmod(row, self.batch_size)
            window = self._windows.get(number)
            if window is None:  # (an empty window stays empty: its error was reported)
                window = self._read_window(number)
            if at < len(window):
                return window[at]
        return None

    def _read_window(self, number: int) -> list[Row]:
        """Read window ``number`` (an error was reported when it comes back empty)."""
        start = number * self.batch_size
        size = min(self.batch_size, self._row_count - start)
        backwards = (self.reversed_query(self._query)
                     if self._counted and 2 * start > self._row_count else None)
        if backwards is not None:
            rows = list(reversed(
                self._load(backwards, self._row_count - start - size, size) or []))
        else:
            rows = self._load(self._query, start, size) or []
        self._windows[number] = rows
        self._forget_far_windows(number)
        return rows

    def _forget_far_windows(self, near: int) -> None:
        while len(self._windows) > max(2, KEPT_ROWS // self.batch_size):
            far = max((n for n in self._windows if n != 0), key=lambda n: abs(n - near))
            del self._windows[far]

    def row_of_id(self, row_id: int) -> int | None:
        for number, window in self._windows.items():
            for at, row in enumerate(window):
                if self.row_id(row) == row_id:
                    return number * self.batch_size + at
        return None

    def load_until(self, row_id: int, limit: int = 5_000) -> int | None:
        """Read windows from the top until the row with ``row_id`` is there (at most
        ``limit`` rows)."""
        self.finish_count()
        found = self.row_of_id(row_id)
        start = 0
        while found is None and start < min(limit, self._row_count):
            number = start // self.batch_size
            if number not in self._windows:
                self._read_window(number)
                found = self.row_of_id(row_id)
            start += self.batch_size
        return found

    def fetchMore(self, parent: Index = ROOT) -> None:
        """Before the count: the next window, as a plain lazy model does."""
        if not self.canFetchMore(parent):
            return
        self._busy = True
        try:
            start = self._row_count
            batch = self._load(self._query, start, self.batch_size) or []
            if len(batch) < self.batch_size:
                self._count_timer.stop()
                self._counted = self._exhausted = True
            if batch:
                self.beginInsertRows(ROOT, start, start + len(batch) - 1)
                self._windows[start // self.batch_size] = batch
                self._row_count += len(batch)
                self._total = self._row_count
                self.endInsertRows()
        finally:
            self._busy = False
        if self._counted:
            self.total_changed.emit()


class LazyProxy(QIdentityProxyModel):
    """Passes rows through in the model's (the database's) order; the header's sort goes to
    the source model, which asks the database again. An identity proxy keeps no table of
    rows: a million rows arrive in no time (a ``QSortFilterProxyModel`` maps each one)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, LazyTableModel) and column >= 0:
            source.sort(column, order)
