"""Logging in: the shop's name and logo on top, user name and password, Enter logs in.

A wrong password is said in the dialog itself (no pop-up); the password field is cleared and
gets the focus again. The attempt is committed either way (it counts failed logins; after five
the account waits five minutes, which the service's message says). A user with a temporary
password chooses their own before the main window opens. "Wachtwoord vergeten?" leads a
beheerder to the recovery key.

The dialog is the first window of almost every start, so it is built from Qt alone: the
services (and with them SQLAlchemy) are imported when someone logs in. At start-up it may be
shown before the database is open (``ctx`` is None, see ``gui.application``); a login asked
for in that moment waits for ``attach``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QBuffer, QByteArray, QSize, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import UserError
from kringloopdesk.paths import resource_path

if TYPE_CHECKING:
    from kringloopdesk.gui.context import AppContext
    from kringloopdesk.services.auth import Actor, LoginAttempt

LOGO_SIZE = 72


class ShopFace(Protocol):
    """What the dialog shows of the shop: ``services.setup.ShopInfo`` or, before the
    database is open, ``gui.application.FirstScreen``."""

    name: str
    logo: bytes | None


def logo_pixmap(data: bytes | None, size: int, ratio: float = 2.0) -> QPixmap | None:
    """The shop's logo scaled to fit ``size`` (device-pixel sharp), or None.

    Like ``widgets.logo_picker.logo_pixmap``, which cannot be imported this early (it brings
    ``services.setup``); scaled while it is read, so that no ``Qt.`` enum is needed before
    the first paint (see ``__init__``)."""
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    full = reader.size()
    if not full.isValid() or full.isEmpty():
        return None
    scale = size * ratio / max(full.width(), full.height())
    reader.setScaledSize(QSize(max(1, round(full.width() * scale)),
                               max(1, round(full.height() * scale))))
    image = reader.read()
    if image.isNull():
        return None
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _app_logo() -> QIcon:
    """Our logo straight from its SVG (Qt's SVG icon engine draws every size)."""
    return QIcon(str(resource_path("icons", "kringloopdesk.svg")))


class LoginDialog(QDialog):
    logged_in = Signal(object)  # Actor

    def __init__(self, ctx: AppContext | None, shop: ShopFace,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._waiting: str | None = None  # "log_in" or "recover": asked before the database
        self.setWindowTitle(self.tr("Inloggen — {shop}").format(shop=shop.name))
        # No ``Qt.`` enum before the first paint: the first one makes PySide6 build the whole
        # Qt namespace, a few hundredths of a second. The labels are centred by the theme
        # (``QLabel[centered="true"]``), the link's hand cursor waits for ``attach``.
        self.setWindowIcon(_app_logo())
        self.setMinimumWidth(440)

        logo = QLabel()
        logo.setProperty("centered", True)
        image = logo_pixmap(shop.logo, LOGO_SIZE)
        logo.setPixmap(image if image is not None
                       else _app_logo().pixmap(QSize(LOGO_SIZE, LOGO_SIZE), 2.0))
        logo.setMinimumHeight(LOGO_SIZE)
        self.shop_label = QLabel(shop.name)
        self.shop_label.setObjectName("DialogTitle")
        self.shop_label.setProperty("centered", True)
        self.shop_label.setWordWrap(True)
        welcome = QLabel(self.tr("Log in om verder te gaan"))
        welcome.setObjectName("DialogSubtitle")
        welcome.setProperty("centered", True)

        self.username_edit = QLineEdit()
        self.username_edit.setAccessibleName(self.tr("Gebruikersnaam"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Wachtwoord"))
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Gebruikersnaam"), self.username_edit)
        form.addRow(self.tr("Wachtwoord"), self.password_edit)
        self.forgot_button = QPushButton(self.tr("Wachtwoord &vergeten?"))
        self.forgot_button.setObjectName("LinkButton")
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self.recover_password)
        form.addRow("", self.forgot_button)

        self.error_label = QLabel()
        self.error_label.setObjectName("LoginError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.login_button = QPushButton(self.tr("Inloggen"))
        self.login_button.setObjectName("PrimaryButton")
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        self.login_button.clicked.connect(self.log_in)
        quit_button = QPushButton(self.tr("Af&sluiten"))
        quit_button.setFlat(True)
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 32, 36, 28)
        layout.setSpacing(8)
        layout.addWidget(logo)
        layout.addSpacing(4)
        layout.addWidget(self.shop_label)
        layout.addWidget(welcome)
        layout.addSpacing(20)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addWidget(self.error_label)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        self.setTabOrder(self.username_edit, self.password_edit)
        # As it is read: the link under the password, then the buttons (Enter logs in).
        self.setTabOrder(self.password_edit, self.forgot_button)
        self.setTabOrder(self.forgot_button, quit_button)
        self.setTabOrder(quit_button, self.login_button)
        self.username_edit.setFocus()
        if ctx is not None:
            self._finish()

    def _finish(self) -> None:
        from PySide6.QtCore import Qt

        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)

    def attach(self, ctx: AppContext) -> None:
        """The database is open: a login asked for before now goes ahead."""
        self.ctx = ctx
        self._finish()
        waiting, self._waiting = self._waiting, None
        if waiting == "log_in":
            self.log_in()
        elif waiting == "recover":
            self.recover_password()

    def log_in(self) -> None:
        username = self.username_edit.text().strip()
        if not username:
            self.show_problem(self.tr("Vul uw gebruikersnaam in."))
            self.username_edit.setFocus()
            return
        if self.ctx is None:
            self._waiting = "log_in"
            return
        from kringloopdesk.gui.operations import DatabaseOp
        from kringloopdesk.services.auth import attempt_login

        password = self.password_edit.text()
        DatabaseOp(self.ctx, self, lambda s: attempt_login(s, username, password)).success(
            lambda attempt: self._after_attempt(attempt, password)
        ).failure(lambda error: self.show_problem(error.message)).run()

    def _after_attempt(self, attempt: LoginAttempt, password: str) -> None:
        from kringloopdesk.errors import AuthenticationError
        from kringloopdesk.gui.dialogs.change_password_dialog import ChangePasswordDialog

        try:
            actor = attempt.actor_or_raise()
        except AuthenticationError as error:
            self.show_problem(error.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        if actor.must_change_password:
            dialog = ChangePasswordDialog(self.ctx, actor, self, current_password=password)
            accepted = dialog.ask()
            actor = dialog.actor
            dialog.deleteLater()  # it holds the login (and its key) until then
            if not accepted:
                self.show_problem(self.tr("Kies eerst een eigen wachtwoord; daarna gaat u verder."))
                self.password_edit.clear()
                self.password_edit.setFocus()
                return
        self._logged_in(actor)

    def recover_password(self) -> None:
        if self.ctx is None:
            self._waiting = "recover"
            return
        from kringloopdesk.gui.dialogs.password_recovery_dialog import PasswordRecoveryDialog

        dialog = PasswordRecoveryDialog(self.ctx, self, self.username_edit.text().strip())
        accepted = dialog.ask()
        actor = dialog.actor
        dialog.deleteLater()
        if accepted and actor is not None:
            self._logged_in(actor)

    def _logged_in(self, actor: Actor) -> None:
        self.ctx.actor = actor
        # The main window is shown before this dialog closes, so the app never has no window.
        self.logged_in.emit(actor)
        self.accept()

    def show_problem(self, message: str | UserError) -> None:
        self.error_label.setText(str(message))
        self.error_label.show()
