"""Instellingen → Gebruikers (beheerder only): who may log in, in which role, with or without
access to the sensitive data; new users, disabling, password resets, role changes, and a new
recovery key.

Every change runs through ``DatabaseOp`` and ends with a note in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import ROLES
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, USERS, AppContext
from kringloopdesk.gui.dialogs.change_role_dialog import ChangeRoleDialog
from kringloopdesk.gui.dialogs.new_user_dialog import NewUserDialog
from kringloopdesk.gui.dialogs.recovery_key_dialog import RecoveryKeyDialog
from kringloopdesk.gui.dialogs.reset_password_dialog import ResetPasswordDialog
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.messages import MessageBox, show_status
from kringloopdesk.gui.models.users_model import COLUMN_WIDTHS, UsersModel, UsersProxy, UsersView
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.i18n import current_language
from kringloopdesk.services.keys import renew_recovery_key
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.setup import get_shop
from kringloopdesk.services.users import UserInfo, list_users, set_active


class UsersPage(Page):
    icon_name = "users"
    permission = Permission.MANAGE_USERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        colors = current_colors()
        self.model = UsersModel(self)
        self.proxy = UsersProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = UsersView()
        self.view.setModel(self.proxy)
        self.view.set_column_widths(COLUMN_WIDTHS)
        self.view.set_empty_text(self.tr("Geen gebruikers gevonden bij deze zoekopdracht"))
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.open_requested.connect(self._open_requested)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Zoeken op naam, gebruikersnaam of rol"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(
            icons.icon("search", colors.muted_text), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_edit.setMaximumWidth(340)
        self.search_edit.textChanged.connect(self._search)
        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")

        self.new_button = QPushButton(self.tr("Nieuwe gebruiker"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.setIcon(icons.icon("plus", "#ffffff"))
        self.new_button.setToolTip(self.tr("Nieuwe gebruiker (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_user)
        self.active_button = QPushButton(self.tr("Uitschakelen"))
        self.active_button.setIcon(icons.icon("power", colors.secondary_text))
        # Its text changes (Uitschakelen / Inschakelen), so its key is a shortcut.
        self.active_button.setShortcut(QKeySequence("Alt+U"))
        self.active_button.setToolTip(self.tr("Uitschakelen of inschakelen (Alt+U)"))
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("&Wachtwoord opnieuw instellen…"))
        self.reset_button.setIcon(icons.icon("key", colors.secondary_text))
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button = QPushButton(self.tr("&Rol wijzigen…"))
        self.role_button.setIcon(icons.icon("badge", colors.secondary_text))
        self.role_button.clicked.connect(self.change_role)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("ListCount")

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.selection_label)
        actions.addStretch(1)
        actions.addWidget(self.active_button)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.role_button)

        self.renew_button = QPushButton(self.tr("Nieuwe &herstelsleutel maken…"))
        self.renew_button.setIcon(icons.icon("key", colors.secondary_text))
        self.renew_button.clicked.connect(self.renew_recovery_key)
        key_text = QLabel(
            self.tr(
                "<b>Herstelsleutel</b> — geeft weer toegang tot de gevoelige gegevens als alle "
                "beheerders hun wachtwoord kwijt zijn. Maak een nieuwe als de oude zoek is of in "
                "verkeerde handen kan zijn; de oude werkt dan niet meer."
            )
        )
        key_text.setWordWrap(True)
        key_text.setObjectName("FormNote")
        key_card = QFrame()
        key_card.setObjectName("FormCard")
        key_row = QHBoxLayout(key_card)
        key_row.setContentsMargins(16, 12, 16, 12)
        key_row.setSpacing(16)
        key_row.addWidget(key_text, 1)
        key_row.addWidget(self.renew_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, 20)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(key_card)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_user)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        ctx.hub.changed.connect(self._on_changed)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Gebruikers")

    # -- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if USERS in changes and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        users = query(self.ctx, self, lambda s: list_users(s, actor))
        if users is None:
            return
        selected = self.selected_user()
        self.model.set_users(users)
        if selected is not None:
            self.select_user(selected.id)
        self._update_count()
        self._selection_changed()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("{n} gebruikers").format(n=format_number(total))
        else:
            text = self.tr("{shown} van {total} gebruikers").format(
                shown=format_number(shown), total=format_number(total)
            )
        self.count_label.setText(text)

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # -- selection --------------------------------------------------------------------------

    def selected_user(self) -> UserInfo | None:
        index = self.view.selected_index()
        if index is None:
            return None
        return self.model.user_at(self.proxy.mapToSource(index).row())

    def select_user(self, user_id: int) -> None:
        row = self.model.row_of(user_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        user = self.selected_user()
        for button in (self.active_button, self.reset_button, self.role_button):
            button.setEnabled(user is not None)
        if user is None:
            self.selection_label.setText(self.tr("Kies een gebruiker in de lijst"))
            self.active_button.setText(self.tr("Uitschakelen"))
            return
        self.selection_label.setText(
            self.tr("Gekozen: {name} ({user})").format(name=user.full_name, user=user.username)
        )
        self.active_button.setText(
            self.tr("Uitschakelen") if user.active else self.tr("Inschakelen")
        )
        own = self.ctx.actor is not None and self.ctx.actor.user_id == user.id
        self.active_button.setEnabled(not (own and user.active))
        self.active_button.setToolTip(
            self.tr("U kunt uw eigen account niet uitschakelen") if own else ""
        )

    def _open_requested(self, _index: QModelIndex) -> None:
        self.change_role()

    # -- changes ----------------------------------------------------------------------------

    def _changed(self, user: UserInfo, message: str) -> None:
        self.refresh()
        self.select_user(user.id)
        show_status(self, message)

    def new_user(self) -> None:
        if not self.isVisible():
            return
        dialog = NewUserDialog(self.ctx, self)
        if dialog.ask() and dialog.created is not None:
            user = dialog.created
            self.search_edit.clear()
            self._changed(
                user, self.tr("Gebruiker {name} aangemaakt").format(name=user.username)
            )
        dialog.deleteLater()

    def toggle_active(self) -> None:
        user = self.selected_user()
        actor = self.ctx.actor
        if user is None or actor is None:
            return
        active = not user.active
        if not active and not MessageBox.confirm(
            self,
            self.tr("{name} uitschakelen?").format(name=user.full_name),
            self.tr(
                "{user} kan dan niet meer inloggen. Alles wat deze gebruiker heeft vastgelegd, "
                "blijft bewaard; u kunt het account later weer inschakelen."
            ).format(user=user.username),
            self.tr("Uitschakelen"),
        ):
            return
        message = (
            self.tr("{user} is weer ingeschakeld")
            if active
            else self.tr("{user} is uitgeschakeld")
        ).format(user=user.username)
        DatabaseOp(
            self.ctx,
            self,
            lambda s: set_active(s, actor, user.id, active),
            changes={USERS, AUDIT},
        ).success(lambda updated: self._changed(updated, message)).run()

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = ResetPasswordDialog(self.ctx, user, self)
        if dialog.ask() and dialog.updated is not None:
            self._changed(
                dialog.updated,
                self.tr("Tijdelijk wachtwoord ingesteld voor {user}").format(user=user.username),
            )
        dialog.deleteLater()

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = ChangeRoleDialog(self.ctx, user, self)
        if dialog.ask() and dialog.updated is not None:
            updated = dialog.updated
            role = ROLES.label(updated.role, current_language()).lower()
            self._changed(
                updated, self.tr("{user} is nu {role}").format(user=user.username, role=role)
            )
        dialog.deleteLater()

    def renew_recovery_key(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        if not MessageBox.confirm(
            self,
            self.tr("Een nieuwe herstelsleutel maken?"),
            self.tr(
                "De huidige herstelsleutel werkt daarna niet meer. U krijgt de nieuwe één keer "
                "te zien en kunt hem als PDF opslaan om af te drukken."
            ),
            self.tr("Nieuwe sleutel maken"),
        ):
            return
        shop = query(self.ctx, self, get_shop)
        shop_name = shop.name if shop is not None else "KringloopDesk"
        DatabaseOp(
            self.ctx, self, lambda s: renew_recovery_key(s, actor), changes={AUDIT}
        ).success(lambda key: self._show_new_key(shop_name, key)).run()

    def _show_new_key(self, shop_name: str, recovery_key: str) -> None:
        dialog = RecoveryKeyDialog(shop_name, recovery_key, self)
        dialog.ask()
        dialog.deleteLater()
        show_status(self, self.tr("Nieuwe herstelsleutel gemaakt; de oude werkt niet meer"))
