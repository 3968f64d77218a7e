"""The Deelnemers list: model, proxy and view together.

The model is lazy (``LazyTableModel``): ``services.workers.list_workers`` filters, sorts and
cuts in the database, 200 rows a window, so 30,000 workers open as fast as 30. The view's
header offers the columns to show (right-click), and remembers widths, order and hidden
columns per PC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QMenu, QWidget

from kringloopdesk.db.codes import WORKER_STATUSES
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.models.lazy_model import Counter, LazyProxy, LazyTableModel, Loader
from kringloopdesk.gui.models.row_model import Index
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.i18n import current_language
from kringloopdesk.services.workers import (
    WORKER_LIST_COLUMNS,
    WorkerFilter,
    WorkerListRow,
    WorkerSort,
)

WORKER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Starting widths per column (a width the user dragged is remembered over these).
COLUMN_WIDTHS = {
    "number": 74, "name": 180, "doelgroep": 150, "status": 100, "department": 115,
    "coach": 130, "referrer": 140, "start_date": 96, "end_date": 96,
}
# Hidden until the user shows them (right-click on the header): the list fits the window.
HIDDEN_AT_FIRST = ("start_date", "end_date")

translate = QCoreApplication.translate


@dataclass(frozen=True)
class WorkerQuery:
    filter: WorkerFilter = field(default_factory=WorkerFilter)
    sort: WorkerSort = field(default_factory=WorkerSort)


def column_titles(columns: tuple[str, ...]) -> tuple[str, ...]:
    titles = {
        "number": translate("WorkersModel", "Nummer"),
        "name": translate("WorkersModel", "Naam"),
        "doelgroep": translate("WorkersModel", "Doelgroep"),
        "status": translate("WorkersModel", "Status"),
        "department": translate("WorkersModel", "Afdeling"),
        "coach": translate("WorkersModel", "Begeleider"),
        "referrer": translate("WorkersModel", "Verwijzer"),
        "start_date": translate("WorkersModel", "Startdatum"),
        "end_date": translate("WorkersModel", "Einddatum"),
    }
    return tuple(titles[column] for column in columns)


def status_label(code: str | None) -> str:
    if code is None:
        return ""
    return WORKER_STATUSES.label(code, current_language()) if code in WORKER_STATUSES else code


class WorkersModel(LazyTableModel[WorkerListRow, WorkerQuery]):
    """``columns``: WORKER_LIST_COLUMNS, or ``workers.NAME_COLUMNS`` for a role that sees
    names only."""

    def __init__(
        self,
        load: Loader,
        count: Counter,
        columns: tuple[str, ...] = WORKER_LIST_COLUMNS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(load, count, WorkerQuery(), parent)
        self.columns = columns

    def column_titles(self) -> tuple[str, ...]:
        return column_titles(self.columns)

    def column_of(self, name: str) -> int:
        return self.columns.index(name)

    def worker_at(self, row: int) -> WorkerListRow:
        return self.row_at(row)

    def set_filter(self, flt: WorkerFilter) -> None:
        self.set_query(replace(self.query, filter=flt))

    def query_for_sort(self, query: WorkerQuery, column: int, order: Qt.SortOrder
                       ) -> WorkerQuery:
        if not 0 <= column < len(self.columns):
            return query
        sort = WorkerSort(self.columns[column], order == Qt.SortOrder.DescendingOrder)
        return replace(query, sort=sort)

    def _text(self, worker: WorkerListRow, column: str) -> str:
        if column == "number":
            return worker.number
        if column == "name":
            return worker.full_name
        if column == "doelgroep":
            return worker.doelgroep_label or ""
        if column == "status":
            return status_label(worker.status)
        if column == "department":
            return worker.department_label or ""
        if column == "coach":
            return worker.coach_name or ""
        if column == "referrer":
            return worker.referrer or ""
        if column == "start_date":
            return format_date(worker.start_date)
        if column == "end_date":
            return format_date(worker.end_date)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        worker = self.row_for(index)
        if worker is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(worker, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in ("doelgroep", "referrer", "name"):
                return self._text(worker, column) or None
            if column == "department" and worker.placement_id is None and worker.status:
                return self.tr("Geen lopende of geplande plaatsing")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if worker.status == "uitgestroomd" or (
                worker.end_date is not None and worker.end_date < dt.date.today()
            ):
                return QColor(current_colors().muted_text)
            if column == "status" and worker.status == "gepauzeerd":
                return QColor(current_colors().ochre)
            return None
        if role == WORKER_ID_ROLE:
            return worker.id
        return None


class WorkersProxy(LazyProxy):
    pass


class WorkersView(ListView):
    """The list, with a header menu to choose the columns (Naam always shows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("workers", parent)
        self.setItemDelegate(ForegroundDelegate(self))
        self.setSortingEnabled(True)
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)

    def prepare_columns(self, columns: tuple[str, ...]) -> None:
        """Starting widths and hidden columns; then whatever this PC remembered."""
        for name in HIDDEN_AT_FIRST:
            if name in columns:
                self.setColumnHidden(columns.index(name), True)
        self.set_column_widths([COLUMN_WIDTHS[name] for name in columns])

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setTitle(self.tr("Kolommen"))
        model = self.model()
        header = self.horizontalHeader()
        for column in range(model.columnCount() if model is not None else 0):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(title), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            # The name says whose row it is: it always shows.
            action.setEnabled(column != 1)
            action.toggled.connect(lambda shown, c=column: self.set_column_shown(c, shown))
            menu.addAction(action)
        return menu

    def show_column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        if shown and self.columnWidth(column) < 40:
            self.setColumnWidth(column, 110)
        self._save_state()

