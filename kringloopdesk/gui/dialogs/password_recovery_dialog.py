"""Wachtwoord vergeten: a beheerder sets a new password with the shop's recovery key and is
logged in with it. Other users ask a beheerder to reset their password."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from kringloopdesk.errors import AuthenticationError, UserError, ValidationError
from kringloopdesk.gui.context import USERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog, new_password_errors, password_edit
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.gui.theme import MONO_FAMILY
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.keys import recover_with_key


class PasswordRecoveryDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(
            parent,
            title=self.tr("Wachtwoord vergeten"),
            heading=self.tr("Wachtwoord vergeten"),
            intro=self.tr(
                "Een beheerder kan met de herstelsleutel van de winkel een nieuw wachtwoord "
                "instellen. De herstelsleutel staat op het papier of in de PDF van toen de "
                "winkel werd ingericht."
            ),
            submit_text=self.tr("Wachtwoord instellen"),
        )
        self.ctx = ctx
        self.actor: Actor | None = None
        self.username_edit = QLineEdit(username)
        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        mono = QFont(MONO_FAMILY)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.key_edit.setFont(mono)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        form = self.form
        form.add_field(
            "username", self.tr("Gebruikersnaam beheerder"), self.username_edit, required=True
        )
        form.add_field(
            "recovery_key",
            self.tr("Herstelsleutel"),
            self.key_edit,
            required=True,
            hint=self.tr("Hoofdletters, kleine letters en streepjes maken niet uit"),
        )
        form.add_field(
            "password",
            self.tr("Nieuw wachtwoord"),
            self.password_edit,
            required=True,
            hint=self.tr("Minstens 8 tekens"),
        )
        form.add_field(
            "password_repeat", self.tr("Nieuw wachtwoord herhalen"), self.repeat_edit, required=True
        )
        others = QLabel(
            self.tr(
                "Bent u begeleider of vrijwilliger? Vraag dan een beheerder om uw wachtwoord "
                "opnieuw in te stellen."
            )
        )
        others.setObjectName("FormNote")
        others.setWordWrap(True)
        self.body.addSpacing(6)
        self.body.addWidget(others)
        (self.key_edit if username else self.username_edit).setFocus()

    def validate(self) -> dict[str, str]:
        errors = new_password_errors(self.password_edit.text(), self.repeat_edit.text())
        if not self.username_edit.text().strip():
            errors["username"] = self.tr("Verplicht")
        key = "".join(ch for ch in self.key_edit.text() if ch.isalnum())
        if not key:
            errors["recovery_key"] = self.tr("Verplicht")
        elif len(key) != 32:
            errors["recovery_key"] = self.tr(
                "Een herstelsleutel heeft 32 letters en cijfers (nu {n})"
            ).format(n=len(key))
        return errors

    def submit(self) -> None:
        username = self.username_edit.text().strip()
        key = self.key_edit.text()
        password = self.password_edit.text()
        DatabaseOp(
            self.ctx,
            self,
            lambda s: recover_with_key(s, username, key, password),
            changes={USERS},
        ).success(self._recovered).failure(self._failed).run()

    def _recovered(self, actor: Actor) -> None:
        self.actor = actor
        self.finish()

    def _failed(self, error: UserError) -> None:
        if isinstance(error, AuthenticationError):  # the key is wrong
            self.form.show_validation_error(
                ValidationError(error.message, {"recovery_key": self.tr("Klopt niet")})
            )
            self.key_edit.setFocus()
            self.show_problem(error.message)
            return
        self.show_failure(error)
