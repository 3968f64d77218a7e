"""The ontwikkeldoelen of one placement: model and view together (a placement has a handful,
so the list is loaded whole, in the service's order: by target date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from kringloopdesk.db.codes import GOAL_STATUSES
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.models.row_model import Index, RowTableModel
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.i18n import current_language
from kringloopdesk.services.goals import GoalInfo

GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
(DESCRIPTION, TARGET, STATUS) = range(3)


class GoalsModel(RowTableModel[GoalInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Ontwikkeldoel"), self.tr("Streefdatum"), self.tr("Status"))

    def goal_at(self, row: int) -> GoalInfo:
        return self.row_at(row)

    def row_of(self, goal_id: int) -> int | None:
        return next((n for n, goal in enumerate(self._rows) if goal.id == goal_id), None)

    def _text(self, goal: GoalInfo, column: int) -> str:
        if column == DESCRIPTION:
            return " ".join(goal.description.split())
        if column == TARGET:
            return format_date(goal.target_date)
        if column == STATUS:
            label = GOAL_STATUSES.label(goal.status, current_language())
            if goal.is_overdue(self.today):
                return self.tr("{status} — te laat").format(status=label)
            return label
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goal = self.row_for(index)
        if goal is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(goal, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION:
            return goal.description
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = current_colors()
            if goal.is_overdue(self.today) and column in (TARGET, STATUS):
                return QColor(colors.danger)
            if goal.status == "behaald" and column == STATUS:
                return QColor(colors.primary)
            if goal.status != "open":
                return QColor(colors.muted_text)
            return None
        if role == GOAL_ID_ROLE:
            return goal.id
        return None


class GoalsView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("goals", parent)
        self.setItemDelegate(ForegroundDelegate(self))
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self.setSortingEnabled(False)

    def prepare_columns(self) -> None:
        self.set_column_widths([300, 100, 150])
        self.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
