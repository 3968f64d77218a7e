"""A drop-down of service ``Choice`` values (an id or a code, and its label), with an optional
first entry for "none" or "all"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from kringloopdesk.services.workers import Choice

# The theme draws the arrow in padding that QComboBox's size hint does not count: without this
# room the longest label ("Alle herkomsten en bestemmingen") is cut off under the arrow.
ARROW_ROOM = 22


class ChoiceCombo(QComboBox):
    value_changed = Signal(object)  # the chosen value, or None for the empty entry

    def __init__(
        self,
        choices: Iterable[Choice] = (),
        empty_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self.set_choices(choices)
        self.currentIndexChanged.connect(lambda _i: self.value_changed.emit(self.value))

    def sizeHint(self) -> QSize:
        return super().sizeHint() + QSize(ARROW_ROOM, 0)

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint() + QSize(ARROW_ROOM, 0)

    def set_choices(self, choices: Iterable[Choice], keep: bool = True) -> None:
        """Fill the list; the current value stays chosen when it is still there."""
        current = self.value if keep else None
        self.blockSignals(True)
        self.clear()
        if self._empty_text is not None:
            self.addItem(self._empty_text, None)
        for choice in choices:
            self.addItem(choice.label, choice.value)
        self.blockSignals(False)
        self.set_value(current)

    @property
    def value(self) -> int | str | None:
        data = self.currentData()
        return None if data is None or data == "" else data

    def set_value(self, value: int | str | None) -> None:
        """Choose ``value``; the first entry when it is None or not in the list."""
        index = self.findData(value) if value is not None else -1
        if index < 0 and self.count():
            index = 0
        self.setCurrentIndex(index)

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)
