"""Choosing the accent colour: a few calm colours that suit the theme, or any other."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

# Deep green (the default), teal, blue, aubergine, brick and ochre: dark enough for white text.
PRESET_COLORS = ("#2e7d32", "#00695c", "#1e5a99", "#6a3d8f", "#a23b22", "#8a6414")


class AccentPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = PRESET_COLORS[0]
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.swatches: dict[str, QPushButton] = {}
        for color in PRESET_COLORS:
            swatch = QPushButton()
            swatch.setObjectName("Swatch")
            swatch.setCheckable(True)
            swatch.setToolTip(color)
            swatch.setAccessibleName(self.tr("Kleur {color}").format(color=color))
            states = ("", ":hover", ":focus", ":pressed", ":checked", ":disabled")
            selectors = ", ".join(f"QPushButton#Swatch{state}" for state in states)
            swatch.setStyleSheet(f"{selectors} {{ background-color: {color}; }}")
            swatch.clicked.connect(lambda _checked=False, c=color: self.set_color(c, notify=True))
            self._group.addButton(swatch)
            self.swatches[color] = swatch
            layout.addWidget(swatch)
        self.other_button = QPushButton(self.tr("&Andere kleur…"))
        self.other_button.setFlat(True)
        self.other_button.clicked.connect(self.choose_other)
        self.code_label = QLabel()
        self.code_label.setObjectName("FieldHint")
        layout.addSpacing(4)
        layout.addWidget(self.other_button)
        layout.addWidget(self.code_label)
        layout.addStretch(1)
        self._update()

    @property
    def color(self) -> str:
        return self._color

    def set_color(self, color: str, *, notify: bool = False) -> None:
        self._color = color.lower()
        self._update()
        if notify:
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        for swatch in self.swatches.values():
            swatch.setEnabled(not read_only)
        self.other_button.setVisible(not read_only)

    def choose_other(self) -> None:
        color = self.ask_color(self, self._color)
        if color:
            self.set_color(color, notify=True)

    @classmethod
    def ask_color(cls, parent: QWidget, current: str) -> str | None:
        """The colour dialog; tests replace this."""
        title = QCoreApplication.translate("AccentPicker", "Accentkleur kiezen")
        chosen = QColorDialog.getColor(QColor(current), parent, title)
        return chosen.name() if chosen.isValid() else None

    def _update(self) -> None:
        for color, swatch in self.swatches.items():
            swatch.setChecked(color == self._color)
        self.code_label.setText(self._color)
