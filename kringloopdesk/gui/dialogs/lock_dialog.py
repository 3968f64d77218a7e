"""The idle lock: the same user types their password to go on where they were, or logs out.

Shown without a nested event loop (``show``, application-modal), so that the window beneath
keeps its pages and forms exactly as they were. Esc and the close button do nothing: the only
ways out are the right password and "Afmelden".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import AuthenticationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.services.auth import LoginAttempt, attempt_login


class LockDialog(QDialog):
    unlocked = Signal(object)  # Actor: the same user, logged in again
    logout_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert ctx.actor is not None
        self.ctx = ctx
        self.username = ctx.actor.username
        self._closing = False
        self.setWindowTitle(self.tr("Vergrendeld — KringloopDesk"))
        self.setWindowIcon(icons.app_icon())
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(440)

        symbol = QLabel()
        symbol.setPixmap(icons.pixmap("lock", 36, current_colors().primary))
        symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("KringloopDesk is vergrendeld"))
        title.setObjectName("DialogTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who_label = who = QLabel(
            self.tr("Ingelogd: {name} ({user})").format(
                name=ctx.actor.full_name, user=ctx.actor.username
            )
        )
        who.setObjectName("DialogSubtitle")
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation = QLabel(
            self.tr(
                "Er is een tijd niet gewerkt. Vul uw wachtwoord in om verder te gaan; wat u aan "
                "het doen was, staat nog open."
            )
        )
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Wachtwoord"))
        self.password_edit.setAccessibleName(self.tr("Wachtwoord"))
        self.error_label = QLabel()
        self.error_label.setObjectName("LoginError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.logout_button = QPushButton(self.tr("&Afmelden"))
        self.logout_button.setFlat(True)
        self.logout_button.setAutoDefault(False)
        self.logout_button.setIcon(icons.icon("logout", current_colors().muted_text))
        self.logout_button.setToolTip(
            self.tr("Helemaal afmelden; daarna kan iemand anders inloggen")
        )
        self.logout_button.clicked.connect(self.logout_requested)
        self.unlock_button = QPushButton(self.tr("Ontgrendelen"))
        self.unlock_button.setObjectName("PrimaryButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 24)
        layout.setSpacing(8)
        layout.addWidget(symbol)
        layout.addWidget(title)
        layout.addWidget(who)
        layout.addSpacing(8)
        layout.addWidget(explanation)
        layout.addSpacing(12)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error_label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        # As it is read: the password, then the buttons from left to right.
        self.setTabOrder(self.password_edit, self.logout_button)
        self.setTabOrder(self.logout_button, self.unlock_button)
        self.password_edit.setFocus()

    def unlock(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.show_problem(self.tr("Vul uw wachtwoord in."))
            self.password_edit.setFocus()
            return
        username = self.username
        DatabaseOp(self.ctx, self, lambda s: attempt_login(s, username, password)).success(
            self._after_attempt
        ).failure(lambda error: self.show_problem(error.message)).run()

    def _after_attempt(self, attempt: LoginAttempt) -> None:
        try:
            actor = attempt.actor_or_raise()
        except AuthenticationError as error:
            self.show_problem(error.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.unlocked.emit(actor)

    def show_problem(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def close_for_good(self) -> None:
        self._closing = True
        self.password_edit.clear()
        self.close()
        self.deleteLater()

    def reject(self) -> None:
        """Esc does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            event.accept()
        else:
            event.ignore()
