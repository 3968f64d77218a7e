"""The retention list (Privacy → Bewaartermijn verstreken): model, proxy and view together.

Rows are ``RetentionCandidate`` values from ``services.privacy.retention_candidates``: workers
whose data is past the shop's retention period, oldest first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from kringloopdesk.gui.formatting import format_date, format_number
from kringloopdesk.gui.models.row_model import RowTableModel
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.services.privacy import RetentionCandidate

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

(NUMBER, NAME, LAST_END, PLACEMENTS, REASON) = range(5)
COLUMN_WIDTHS = [110, 220, 170, 100, 360]


class RetentionModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RetentionCandidate] = []
        self.years = 2

    def set_candidates(self, candidates: list[RetentionCandidate], years: int) -> None:
        self.years = years
        self.replace_rows(candidates)

    def candidate_at(self, row: int) -> RetentionCandidate:
        return self.row_at(row)

    def row_of(self, worker_id: int) -> int | None:
        return next((r for r, c in enumerate(self._rows) if c.worker_id == worker_id), None)

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Nummer"),
            self.tr("Naam"),
            self.tr("Einde laatste plaatsing"),
            self.tr("Plaatsingen"),
            self.tr("Reden"),
        )

    def reason(self, candidate: RetentionCandidate) -> str:
        if candidate.reference == "placement":
            text = self.tr("Laatste plaatsing eindigde meer dan {n} jaar geleden")
        elif candidate.reference == "worker_end":
            text = self.tr("Geen plaatsingen; einddatum {date} is meer dan {n} jaar geleden")
        else:
            text = self.tr(
                "Geen plaatsingen en geen einddatum; gestart op {date}, meer dan {n} jaar geleden"
            )
        return text.format(n=self.years, date=format_date(candidate.reference_date))

    def _text(self, candidate: RetentionCandidate, column: int) -> str:
        if column == NUMBER:
            return candidate.number
        if column == NAME:
            return candidate.full_name
        if column == LAST_END:
            if candidate.reference == "placement":
                return format_date(candidate.reference_date)
            return self.tr("geen plaatsing")
        if column == PLACEMENTS:
            return format_number(candidate.placements)
        if column == REASON:
            return self.reason(candidate)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        candidate = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(candidate, column)
        if role == SORT_ROLE:
            if column == LAST_END:
                return candidate.reference_date.toordinal()
            if column == PLACEMENTS:
                return candidate.placements
            if column == NAME:
                return f"{candidate.last_name} {candidate.first_name}".lower()
            return self._text(candidate, column).lower()
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON:
            return self.reason(candidate)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PLACEMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RetentionProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class RetentionView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("retention", parent)
        self.setSortingEnabled(True)
        self.sortByColumn(LAST_END, Qt.SortOrder.AscendingOrder)
