"""The Plaatsingen list: model, proxy and view together.

Lazy like the Deelnemers list: ``services.placements.list_placement_rows`` filters, sorts
and cuts in the database, a window at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from kringloopdesk.db.codes import OUTCOMES, PLACEMENT_STATUSES
from kringloopdesk.gui.formatting import format_date, format_number
from kringloopdesk.gui.models.lazy_model import Counter, LazyProxy, LazyTableModel, Loader
from kringloopdesk.gui.models.row_model import Index
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.i18n import current_language
from kringloopdesk.services.placements import (
    ENDING_WITHIN_DAYS,
    PLACEMENT_LIST_COLUMNS,
    PlacementFilter,
    PlacementListRow,
    PlacementSort,
)

PLACEMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_WIDTHS = {
    "worker": 175, "number": 78, "department": 140, "coach": 135, "partner": 140,
    "start_date": 94, "planned_end_date": 112, "end_date": 94, "hours_per_week": 78,
    "status": 150,
}
HIDDEN_AT_FIRST = ("partner", "end_date")

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PlacementQuery:
    filter: PlacementFilter = field(default_factory=PlacementFilter)
    sort: PlacementSort = field(default_factory=PlacementSort)


def column_titles() -> tuple[str, ...]:
    titles = {
        "worker": translate("PlacementsModel", "Deelnemer"),
        "number": translate("PlacementsModel", "Nummer"),
        "department": translate("PlacementsModel", "Afdeling"),
        "coach": translate("PlacementsModel", "Begeleider"),
        "partner": translate("PlacementsModel", "Partner"),
        "start_date": translate("PlacementsModel", "Start"),
        "planned_end_date": translate("PlacementsModel", "Gepland einde"),
        "end_date": translate("PlacementsModel", "Einde"),
        "hours_per_week": translate("PlacementsModel", "Uur/week"),
        "status": translate("PlacementsModel", "Status"),
    }
    return tuple(titles[column] for column in PLACEMENT_LIST_COLUMNS)


def placement_status_text(status: str, outcome: str | None) -> str:
    """"Actief", or "Afgerond — Betaald werk" for an ended placement."""
    language = current_language()
    text = PLACEMENT_STATUSES.label(status, language) if status in PLACEMENT_STATUSES else status
    if outcome and outcome in OUTCOMES:
        text = f"{text} — {OUTCOMES.label(outcome, language)}"
    return text


def hours_text(hours) -> str:
    """16 -> "16"; 20.5 -> "20,5"; 389.25 -> "389,25"."""
    text = format_number(hours, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


class PlacementsModel(LazyTableModel[PlacementListRow, PlacementQuery]):
    def __init__(self, load: Loader, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(load, count, PlacementQuery(), parent)
        self.today = dt.date.today()

    def column_titles(self) -> tuple[str, ...]:
        return column_titles()

    def placement_at(self, row: int) -> PlacementListRow:
        return self.row_at(row)

    def set_filter(self, flt: PlacementFilter) -> None:
        self.set_query(replace(self.query, filter=flt))

    def query_for_sort(self, query: PlacementQuery, column: int, order: Qt.SortOrder
                       ) -> PlacementQuery:
        if not 0 <= column < len(PLACEMENT_LIST_COLUMNS):
            return query
        sort = PlacementSort(PLACEMENT_LIST_COLUMNS[column],
                             order == Qt.SortOrder.DescendingOrder)
        return replace(query, sort=sort)

    def _ending_soon(self, row: PlacementListRow) -> bool:
        return (
            row.end_date is None
            and row.planned_end_date is not None
            and row.start_date <= self.today
            and (row.planned_end_date - self.today).days <= ENDING_WITHIN_DAYS
        )

    def _text(self, row: PlacementListRow, column: str) -> str:
        if column == "worker":
            return row.worker_name
        if column == "number":
            return row.number
        if column == "department":
            return row.department_label
        if column == "coach":
            return row.coach_name or ""
        if column == "partner":
            return row.partner_name or ""
        if column in ("start_date", "planned_end_date", "end_date"):
            return format_date(getattr(row, column))
        if column == "hours_per_week":
            return hours_text(row.hours_per_week)
        if column == "status":
            return placement_status_text(row.status, row.outcome)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None or not 0 <= index.column() < len(PLACEMENT_LIST_COLUMNS):
            return None
        column = PLACEMENT_LIST_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "hours_per_week":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = current_colors()
            if column == "planned_end_date" and self._ending_soon(row):
                return QColor(colors.danger if row.planned_end_date < self.today
                              else colors.ochre)
            if row.end_date is not None:
                return QColor(colors.muted_text)
            if column == "status" and row.status == "gepauzeerd":
                return QColor(colors.ochre)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "planned_end_date" and self._ending_soon(row):
                assert row.planned_end_date is not None
                days = (row.planned_end_date - self.today).days
                if days < 0:
                    return self.tr("De geplande einddatum is {n} dagen voorbij").format(n=-days)
                return self.tr("Eindigt over {n} dagen").format(n=days)
            if column in ("worker", "status", "partner"):
                return self._text(row, column) or None
            return None
        if role == PLACEMENT_ID_ROLE:
            return row.id
        return None


class PlacementsProxy(LazyProxy):
    pass


class PlacementsView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("placements", parent)
        self.setItemDelegate(ForegroundDelegate(self))
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(
            PLACEMENT_LIST_COLUMNS.index("start_date"), Qt.SortOrder.DescendingOrder
        )

    def prepare_columns(self) -> None:
        for name in HIDDEN_AT_FIRST:
            self.setColumnHidden(PLACEMENT_LIST_COLUMNS.index(name), True)
        self.set_column_widths([COLUMN_WIDTHS[name] for name in PLACEMENT_LIST_COLUMNS])
