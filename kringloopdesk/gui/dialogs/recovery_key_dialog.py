"""A new recovery key, made by a beheerder: shown once, saved as a PDF, and closed only after
the tick that it is kept safe (the old key no longer works)."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kringloopdesk.gui import icons
from kringloopdesk.gui.dialogs.modal import ModalDialog
from kringloopdesk.gui.widgets.recovery_key_view import RecoveryKeyView


class RecoveryKeyDialog(ModalDialog):
    def __init__(self, shop_name: str, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe herstelsleutel"))
        self.setWindowIcon(icons.app_icon())
        self.setMinimumWidth(640)
        heading = QLabel(self.tr("De nieuwe herstelsleutel"))
        heading.setObjectName("DialogTitle")
        intro = QLabel(
            self.tr("De oude herstelsleutel werkt niet meer. Vernietig het oude papier of de "
                    "oude PDF.")
        )
        intro.setObjectName("DialogSubtitle")
        intro.setWordWrap(True)
        self.view = RecoveryKeyView(shop_name)
        self.view.set_key(recovery_key)
        self.close_button = QPushButton(self.tr("&Sluiten"))
        self.close_button.setObjectName("PrimaryButton")
        self.close_button.clicked.connect(self.accept)
        self.view.confirmed_changed.connect(self.close_button.setEnabled)
        self.close_button.setEnabled(False)
        self.blocked_label = QLabel(
            self.tr("Sluiten kan nadat u hebt aangevinkt dat de sleutel veilig is bewaard")
        )
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setWordWrap(True)
        self.view.confirmed_changed.connect(lambda ok: self.blocked_label.setVisible(not ok))
        buttons = QHBoxLayout()
        buttons.addWidget(self.blocked_label, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.view)
        layout.addSpacing(12)
        layout.addLayout(buttons)

    def accept(self) -> None:
        if self.view.confirmed:
            super().accept()

    def reject(self) -> None:
        """Esc does not close it before the key is kept safe."""
        if self.view.confirmed:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.view.confirmed:
            event.accept()
        else:
            event.ignore()
