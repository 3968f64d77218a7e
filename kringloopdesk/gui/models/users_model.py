"""The list of users (Instellingen → Gebruikers): model, sort/filter proxy and view together.

The model holds plain ``UserInfo`` rows from ``services.users.list_users``; the view sees the
proxy, which sorts on a sort key per column and filters on the search text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from kringloopdesk.db.codes import ROLES
from kringloopdesk.gui.formatting import format_moment
from kringloopdesk.gui.models.row_model import RowTableModel
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.i18n import current_language
from kringloopdesk.services.auth import KEY_HOLDING_ROLES
from kringloopdesk.services.users import UserInfo

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
USER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

(USERNAME, FULL_NAME, ROLE, ACTIVE, ACCESS, LAST_LOGIN, LOCKED_UNTIL) = range(7)
COLUMN_WIDTHS = [120, 160, 150, 170, 140, 130, 110]


class UsersModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserInfo] = []
        self.now = utcnow()  # for "geblokkeerd tot": only a lock still running is shown

    def set_users(self, users: list[UserInfo], now: dt.datetime | None = None) -> None:
        self.now = now or utcnow()
        self.replace_rows(users)

    def user_at(self, row: int) -> UserInfo:
        return self.row_at(row)

    def row_of(self, user_id: int) -> int | None:
        return next((row for row, u in enumerate(self._rows) if u.id == user_id), None)

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Gebruikersnaam"),
            self.tr("Naam"),
            self.tr("Rol"),
            self.tr("Actief"),
            self.tr("Gevoelige gegevens"),
            self.tr("Laatst ingelogd"),
            self.tr("Geblokkeerd tot"),
        )

    def _locked_until(self, user: UserInfo) -> dt.datetime | None:
        until = user.locked_until
        return until if until is not None and until > self.now else None

    def _text(self, user: UserInfo, column: int) -> str:
        if column == USERNAME:
            return user.username
        if column == FULL_NAME:
            return user.full_name
        if column == ROLE:
            return _role_label(user.role)
        if column == ACTIVE:
            if not user.active:
                return self.tr("Nee, uitgeschakeld")
            if user.must_change_password:
                return self.tr("Ja, tijdelijk wachtwoord")
            return self.tr("Ja")
        if column == ACCESS:
            if user.role not in KEY_HOLDING_ROLES:
                return self.tr("Nee (invoer)")
            return self.tr("Ja") if user.has_key_access else self.tr("Geen toegang")
        if column == LAST_LOGIN:
            return format_moment(user.last_login_at) if user.last_login_at else self.tr("Nooit")
        if column == LOCKED_UNTIL:
            return format_moment(self._locked_until(user))
        return ""

    def _sort_key(self, user: UserInfo, column: int) -> Any:
        if column == LAST_LOGIN:
            return user.last_login_at.timestamp() if user.last_login_at else 0.0
        if column == LOCKED_UNTIL:
            until = self._locked_until(user)
            return until.timestamp() if until else 0.0
        if column == ROLE:
            return ROLES.codes.index(user.role) if user.role in ROLES else len(ROLES.codes)
        return self._text(user, column).lower()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(user, column)
        if role == SORT_ROLE:
            return self._sort_key(user, column)
        if role == USER_ID_ROLE:
            return user.id
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = current_colors()
            if column == ACCESS and user.role in KEY_HOLDING_ROLES and not user.has_key_access:
                return QColor(colors.danger)
            if column == LOCKED_UNTIL and self._locked_until(user) is not None:
                return QColor(colors.danger)
            if not user.active:
                return QColor(colors.muted_text)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ACCESS and user.role in KEY_HOLDING_ROLES and not user.has_key_access:
                return self.tr(
                    "Geen toegang tot de gevoelige gegevens. Stel het wachtwoord opnieuw in om "
                    "die toegang terug te geven."
                )
            if column == ACTIVE and user.must_change_password:
                return self.tr("Kiest bij de volgende keer inloggen een eigen wachtwoord")
            return None
        return None


def _role_label(role: str) -> str:
    return ROLES.label(role, current_language()) if role in ROLES else role


class UsersProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class UsersView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("users", parent)
        self.setSortingEnabled(True)
        self.sortByColumn(USERNAME, Qt.SortOrder.AscendingOrder)
