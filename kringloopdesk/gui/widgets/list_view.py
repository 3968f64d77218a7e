"""What every list screen's table has in common: whole rows selected, sortable columns whose
widths and order are remembered, Enter or a double-click to open, and an empty state that says
what to do instead of a blank table."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kringloopdesk.gui.theme import current_colors
from kringloopdesk.paths import data_dir

log = logging.getLogger(__name__)

ROW_HEIGHT = 34


def view_settings() -> QSettings:
    """Per-PC view state (column widths and order) in the data folder."""
    return QSettings(str(data_dir() / "weergave.ini"), QSettings.Format.IniFormat)


class ListView(QTableView):
    open_requested = Signal(QModelIndex)  # Enter or double-click, on the view's index

    def __init__(self, state_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ListView")
        self.state_key = state_key
        self.empty_text = ""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(self._save_state)
        header.sectionMoved.connect(self._save_state)
        self.doubleClicked.connect(self.open_requested)
        self._restoring = False

    def set_column_widths(self, widths: list[int]) -> None:
        """The widths to start with; a width the user dragged is remembered over these."""
        self._restoring = True
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        state = view_settings().value(f"{self.state_key}/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.horizontalHeader().restoreState(state)
        self._restoring = False

    def _save_state(self, *_args: object) -> None:
        if not self._restoring:
            view_settings().setValue(
                f"{self.state_key}/header", self.horizontalHeader().saveState()
            )

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.viewport().update()

    def selected_index(self) -> QModelIndex | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return rows[0] if rows else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.selected_index() or self.currentIndex()
            if index is not None and index.isValid():
                self.open_requested.emit(index)
                return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(current_colors().muted_text)
            rect = self.viewport().rect().adjusted(32, 24, -32, -24)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
            painter.end()
