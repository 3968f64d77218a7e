"""Wachtwoord opnieuw instellen: the beheerder gives a user a temporary password. The user
chooses their own at the next login; a lockout is lifted, and a begeleider or beheerder gets
access to the sensitive data again."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kringloopdesk.gui.context import AUDIT, USERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog, new_password_errors, password_edit
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.services.auth import KEY_HOLDING_ROLES
from kringloopdesk.services.users import UserInfo, reset_password


class ResetPasswordDialog(FormDialog):
    def __init__(self, ctx: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        own = ctx.actor is not None and ctx.actor.user_id == user.id
        if own:
            intro = self.tr("U stelt uw eigen wachtwoord in.")
        elif user.role in KEY_HOLDING_ROLES:
            intro = self.tr(
                "{name} kiest bij de volgende keer inloggen een eigen wachtwoord en heeft daarna "
                "weer toegang tot de gevoelige gegevens. Een blokkade na verkeerde wachtwoorden "
                "vervalt."
            ).format(name=user.full_name)
        else:
            intro = self.tr(
                "{name} kiest bij de volgende keer inloggen een eigen wachtwoord. Een blokkade "
                "na verkeerde wachtwoorden vervalt."
            ).format(name=user.full_name)
        super().__init__(
            parent,
            title=self.tr("Wachtwoord opnieuw instellen"),
            heading=self.tr("Wachtwoord van {name} opnieuw instellen").format(
                name=user.full_name
            ),
            intro=intro,
            submit_text=self.tr("Wachtwoord instellen"),
        )
        self.ctx = ctx
        self.user = user
        self.updated: UserInfo | None = None
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        self.form.add_field(
            "password",
            self.tr("Tijdelijk wachtwoord"),
            self.password_edit,
            required=True,
            hint=self.tr("Minstens 8 tekens; geef het persoonlijk door"),
        )
        self.form.add_field(
            "password_repeat", self.tr("Wachtwoord herhalen"), self.repeat_edit, required=True
        )
        self.password_edit.setFocus()

    def validate(self) -> dict[str, str]:
        return new_password_errors(self.password_edit.text(), self.repeat_edit.text())

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        user_id = self.user.id
        password = self.password_edit.text()
        DatabaseOp(
            self.ctx,
            self,
            lambda s: reset_password(s, actor, user_id, password),
            changes={USERS, AUDIT},
        ).success(self._done).failure(self.show_failure).run()

    def _done(self, user: UserInfo) -> None:
        self.updated = user
        self.finish()
