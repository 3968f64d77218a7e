"""Choosing one worker by number or name: type, pick from the list that drops down, done.

The list comes from ``services.workers.worker_names`` (number and name only, which every role
may see); every word typed must occur in the number or the name, accents ignored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from kringloopdesk.gui import icons
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.services.workers import WorkerName

WORKER_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGESTIONS = 12

Search = Callable[[str], list[WorkerName] | None]


class WorkerPicker(QLineEdit):
    worker_changed = Signal(object)  # WorkerName | None

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.worker: WorkerName | None = None
        self._filling = False
        self.setPlaceholderText(self.tr("Zoek op nummer of naam, bijvoorbeeld D-0042 of Jansen"))
        self.setClearButtonEnabled(True)
        self.addAction(
            icons.icon("search", current_colors().muted_text),
            QLineEdit.ActionPosition.LeadingPosition,
        )
        self.suggestions = QStandardItemModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(SUGGESTIONS)
        self.completer_.activated[QModelIndex].connect(self._chosen)
        self.setCompleter(self.completer_)
        self.textEdited.connect(self.search)

    def search(self, text: str) -> list[WorkerName]:
        """Show the workers matching ``text`` in the drop-down list; returns them."""
        if self.worker is not None:
            self.worker = None
            self.worker_changed.emit(None)
        found = self._search(text) if text.strip() else []
        self.suggestions.clear()
        for worker in (found or [])[:SUGGESTIONS]:
            item = QStandardItem(worker.display)
            item.setData(worker, WORKER_ROLE)
            self.suggestions.appendRow(item)
        if self.suggestions.rowCount():
            self.completer_.complete()
        return list(found or [])

    def _chosen(self, index: QModelIndex) -> None:
        worker = index.data(WORKER_ROLE)
        if isinstance(worker, WorkerName):
            self.set_worker(worker)

    def set_worker(self, worker: WorkerName | None) -> None:
        self.worker = worker
        self.setText(worker.display if worker is not None else "")
        self.worker_changed.emit(worker)
