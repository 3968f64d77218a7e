"""Choosing a new password: "Mijn wachtwoord wijzigen" (current password, new one twice), and
right after a login with a temporary password, "Kies een nieuw wachtwoord" (the current one
was just typed at the login, so only the new one is asked).

The data key is wrapped anew with the new password by ``change_own_password``; the dialog's
``actor`` is the user's login from then on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from kringloopdesk.errors import AuthenticationError, UserError, ValidationError
from kringloopdesk.gui.context import USERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog, new_password_errors, password_edit
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.services.auth import Actor, change_own_password


class ChangePasswordDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        current_password: str | None = None,
    ) -> None:
        """With ``current_password`` (just typed at the login) the user must choose a new
        password before going on; without it, the user changes it of their own accord."""
        self.forced = current_password is not None
        if self.forced:
            super().__init__(
                parent,
                title=self.tr("Kies een nieuw wachtwoord"),
                heading=self.tr("Kies een nieuw wachtwoord"),
                intro=self.tr(
                    "U bent ingelogd met een tijdelijk wachtwoord. Kies nu een eigen wachtwoord "
                    "dat alleen u kent; daarna gaat u verder."
                ),
                submit_text=self.tr("Wachtwoord opslaan"),
            )
        else:
            super().__init__(
                parent,
                title=self.tr("Mijn wachtwoord wijzigen"),
                heading=self.tr("Mijn wachtwoord wijzigen"),
                intro=self.tr(
                    "Kies een wachtwoord van minstens 8 tekens dat alleen u kent. Uw toegang tot "
                    "de gegevens blijft hetzelfde."
                ),
                submit_text=self.tr("Wachtwoord wijzigen"),
            )
        self.ctx = ctx
        self.actor = actor
        self._current_password = current_password
        self.current_edit: QLineEdit | None = None
        if not self.forced:
            self.current_edit = password_edit()
            self.form.add_field(
                "current", self.tr("Huidig wachtwoord"), self.current_edit, required=True
            )
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        self.form.add_field(
            "password",
            self.tr("Nieuw wachtwoord"),
            self.password_edit,
            required=True,
            hint=self.tr("Minstens 8 tekens"),
        )
        self.form.add_field(
            "password_repeat", self.tr("Nieuw wachtwoord herhalen"), self.repeat_edit, required=True
        )
        if self.forced:
            self.cancel_button.setText(self.tr("Terug naar inloggen"))
        (self.current_edit or self.password_edit).setFocus()

    def validate(self) -> dict[str, str]:
        errors = new_password_errors(self.password_edit.text(), self.repeat_edit.text())
        if self.current_edit is not None and not self.current_edit.text():
            errors["current"] = self.tr("Vul uw huidige wachtwoord in")
        return errors

    def submit(self) -> None:
        actor = self.actor
        old = self._current_password
        if self.current_edit is not None:
            old = self.current_edit.text()
        new = self.password_edit.text()
        assert old is not None
        DatabaseOp(
            self.ctx, self, lambda s: change_own_password(s, actor, old, new), changes={USERS}
        ).success(self._changed).failure(self._failed).run()

    def _changed(self, actor: Actor) -> None:
        self.actor = actor
        self.finish()

    def _failed(self, error: UserError) -> None:
        if isinstance(error, AuthenticationError) and self.current_edit is not None:
            self.current_edit.clear()
            self.current_edit.setFocus()
            self.form.show_validation_error(
                ValidationError(error.message, {"current": self.tr("Klopt niet")})
            )
            self.show_problem(error.message)
            return
        self.show_failure(error)
