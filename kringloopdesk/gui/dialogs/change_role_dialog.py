"""Rol wijzigen. A user who becomes begeleider or beheerder without access to the sensitive
data yet needs a temporary password: the data key is wrapped with it. Becoming invoer takes
that access away."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.gui.context import AUDIT, USERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog, new_password_errors, password_edit
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.gui.widgets.role_combo import RoleCombo
from kringloopdesk.services.auth import KEY_HOLDING_ROLES
from kringloopdesk.services.users import UserInfo, change_role


class ChangeRoleDialog(FormDialog):
    def __init__(self, ctx: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Rol wijzigen"),
            heading=self.tr("Rol van {name} wijzigen").format(name=user.full_name),
            intro=self.tr("De rol bepaalt wat {name} in KringloopDesk mag zien en doen.").format(
                name=user.full_name
            ),
            submit_text=self.tr("Rol wijzigen"),
        )
        self.ctx = ctx
        self.user = user
        self.updated: UserInfo | None = None
        self._password_asked = False
        self.role_combo = RoleCombo(user.role)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        form = self.form
        form.add_field("role", self.tr("Nieuwe rol"), self.role_combo,
                       hint=self.role_combo.description())
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
        self.note_label = QLabel()
        self.note_label.setObjectName("FormNote")
        self.note_label.setWordWrap(True)
        self.body.addWidget(self.note_label)
        self._role_hint = form.hint_label("role")
        self.role_combo.role_changed.connect(self._role_chosen)
        self._role_chosen(self.role_combo.role)
        self.role_combo.setFocus()

    @property
    def needs_password(self) -> bool:
        """The new role holds the data key and this user has no wrapped copy yet."""
        role = self.role_combo.role
        return self._password_asked or (
            role in KEY_HOLDING_ROLES and role != self.user.role and not self.user.has_key_access
        )

    def _role_chosen(self, role: str) -> None:
        if self._role_hint is not None:
            self._role_hint.setText(self.role_combo.description())
        needed = self.needs_password
        self.form.set_field_visible("password", needed)
        self.form.set_field_visible("password_repeat", needed)
        if needed:
            note = self.tr(
                "Met dit tijdelijke wachtwoord krijgt {name} toegang tot de gevoelige gegevens; "
                "bij de volgende keer inloggen kiest {name} een eigen wachtwoord."
            )
        elif role == "invoer" and self.user.role in KEY_HOLDING_ROLES:
            note = self.tr(
                "{name} verliest de toegang tot de gevoelige gegevens en ziet van deelnemers "
                "alleen nog naam en nummer."
            )
        else:
            note = ""
        self.note_label.setText(note.format(name=self.user.full_name))
        self.note_label.setVisible(bool(note))
        self.form.revalidate()
        if self.isVisible():
            self.setMinimumHeight(0)
            self.adjustSize()
            self.fit_height()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.role_combo.role == self.user.role:
            errors["role"] = self.tr("Kies een andere rol dan de huidige")
        if self.needs_password:
            errors.update(new_password_errors(self.password_edit.text(), self.repeat_edit.text()))
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        user_id = self.user.id
        role = self.role_combo.role
        password = self.password_edit.text() if self.needs_password else None
        DatabaseOp(
            self.ctx,
            self,
            lambda s: change_role(s, actor, user_id, role, new_password=password),
            changes={USERS, AUDIT},
        ).success(self._done).failure(self._failed).run()

    def _done(self, user: UserInfo) -> None:
        self.updated = user
        self.finish()

    def _failed(self, error: UserError) -> None:
        # The service knows best when a password is needed; ask for it when it says so.
        asks_password = isinstance(error, ValidationError) and "password" in error.field_errors
        if asks_password and not self._password_asked:
            self._password_asked = True
            self._role_chosen(self.role_combo.role)
            self.password_edit.setFocus()
        self.show_failure(error)
