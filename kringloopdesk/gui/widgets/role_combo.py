"""Choosing a role, with one line under it that says what the role may do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from kringloopdesk.db.codes import ROLES
from kringloopdesk.i18n import current_language


class RoleCombo(QComboBox):
    role_changed = Signal(str)

    def __init__(self, role: str = "invoer", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in ROLES:
            self.addItem(ROLES.label(code, current_language()), code)
        self.set_role(role)
        self.currentIndexChanged.connect(lambda _i: self.role_changed.emit(self.role))

    @property
    def role(self) -> str:
        return str(self.currentData())

    def set_role(self, role: str) -> None:
        index = self.findData(role)
        if index >= 0:
            self.setCurrentIndex(index)

    def description(self) -> str:
        return {
            "beheerder": self.tr(
                "Mag alles: instellingen, gebruikers, logboek, privacy en exporten."
            ),
            "begeleider": self.tr(
                "Deelnemers, plaatsingen en gevoelige gegevens; geen gebruikersbeheer."
            ),
            "invoer": self.tr(
                "Goederen en uren; ziet van deelnemers alleen naam en nummer."
            ),
        }.get(self.role, "")
