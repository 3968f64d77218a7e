"""Nieuwe gebruiker: user name, full name, role and a temporary password (twice). The new user
chooses their own password at the first login."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from kringloopdesk.errors import ValidationError
from kringloopdesk.gui.context import AUDIT, USERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog, new_password_errors, password_edit
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.gui.widgets.role_combo import RoleCombo
from kringloopdesk.services.auth import validate_username
from kringloopdesk.services.users import UserInfo, create_user


class NewUserDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Nieuwe gebruiker"),
            heading=self.tr("Nieuwe gebruiker"),
            intro=self.tr(
                "Geef de nieuwe gebruiker een tijdelijk wachtwoord. Bij de eerste keer inloggen "
                "kiest hij of zij een eigen wachtwoord."
            ),
            submit_text=self.tr("Gebruiker aanmaken"),
        )
        self.ctx = ctx
        self.created: UserInfo | None = None
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("Bijvoorbeeld: marieke"))
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setPlaceholderText(self.tr("Bijvoorbeeld: Marieke Jansen"))
        self.role_combo = RoleCombo("invoer")
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        form = self.form
        form.add_field("username", self.tr("Gebruikersnaam"), self.username_edit, required=True)
        form.add_field("full_name", self.tr("Volledige naam"), self.full_name_edit)
        form.add_field(
            "role", self.tr("Rol"), self.role_combo, hint=self.role_combo.description()
        )
        form.add_field(
            "password",
            self.tr("Tijdelijk wachtwoord"),
            self.password_edit,
            required=True,
            hint=self.tr("Minstens 8 tekens; geef het persoonlijk door"),
        )
        form.add_field(
            "password_repeat", self.tr("Wachtwoord herhalen"), self.repeat_edit, required=True
        )
        self._role_hint = form.hint_label("role")
        self.role_combo.role_changed.connect(self._role_chosen)
        self.username_edit.setFocus()

    def _role_chosen(self, _role: str) -> None:
        if self._role_hint is not None:
            self._role_hint.setText(self.role_combo.description())

    def validate(self) -> dict[str, str]:
        errors = new_password_errors(self.password_edit.text(), self.repeat_edit.text())
        try:
            validate_username(self.username_edit.text())
        except ValidationError as error:
            errors.update(error.field_errors)
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        username = self.username_edit.text().strip()
        full_name = self.full_name_edit.text().strip()
        role = self.role_combo.role
        password = self.password_edit.text()
        DatabaseOp(
            self.ctx,
            self,
            lambda s: create_user(
                s, actor, username=username, full_name=full_name, role=role, password=password
            ),
            changes={USERS, AUDIT},
        ).success(self._created).failure(self.show_failure).run()

    def _created(self, user: UserInfo) -> None:
        self.created = user
        self.finish()
