"""The audit log (Logboek): model, proxy and view together.

The log grows without end, so the model fetches it a window at a time (``canFetchMore`` /
``fetchMore`` over ``list_entries(offset=, limit=)``), newest first: the view asks for the next
window when it scrolls near the end, and a log of 100,000 entries opens as fast as one of ten.
Filtering happens in the database (``AuditFilter``); the proxy only passes rows through (the
order is fixed: sorting a partly loaded list would mislead). Nothing here can change an entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from kringloopdesk.db.codes import AUDIT_ACTIONS
from kringloopdesk.gui.formatting import format_moment
from kringloopdesk.gui.models.row_model import RowTableModel
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.i18n import current_language
from kringloopdesk.services.audit import AuditFilter, AuditInfo

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
BATCH_SIZE = 200
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1

(WHEN, WHO, ACTION, RECORD, FIELDS) = range(5)
COLUMN_WIDTHS = [140, 130, 140, 220, 320]

# Loads one window: (filter, offset, limit) -> entries, or None after a reported error.
Loader = Callable[[AuditFilter, int, int], list[AuditInfo] | None]
Counter = Callable[[AuditFilter], int | None]

translate = QCoreApplication.translate
# Tables of one row: their id says nothing.
SINGLE_RECORDS = frozenset({"shop_profile"})


def entity_labels() -> dict[str, str]:
    """The records the log speaks of, by table name, in plain Dutch."""
    return {
        "workers": translate("AuditModel", "Deelnemer"),
        "placements": translate("AuditModel", "Plaatsing"),
        "goals": translate("AuditModel", "Ontwikkeldoel"),
        "progress_notes": translate("AuditModel", "Voortgangsnotitie"),
        "placement_skills": translate("AuditModel", "Werkproces"),
        "hour_entries": translate("AuditModel", "Uren"),
        "users": translate("AuditModel", "Gebruiker"),
        "shop_profile": translate("AuditModel", "Winkelgegevens"),
        "shop_secrets": translate("AuditModel", "Herstelsleutel"),
        "settings": translate("AuditModel", "Instellingen"),
        "partners": translate("AuditModel", "Partnerorganisatie"),
        "agreements": translate("AuditModel", "Samenwerkingsovereenkomst"),
        "certificates": translate("AuditModel", "Certificaat"),
        "tagged_items": translate("AuditModel", "Artikel"),
        "repairs": translate("AuditModel", "Reparatie"),
        "safety_tests": translate("AuditModel", "Veiligheidstest"),
        "goods_flows": translate("AuditModel", "Goederenstroom"),
    }


def field_labels() -> dict[str, str]:
    """Names of changed fields as the user knows them (others are shown as stored)."""
    return {
        "username": translate("AuditModel", "gebruikersnaam"),
        "full_name": translate("AuditModel", "naam"),
        "role": translate("AuditModel", "rol"),
        "active": translate("AuditModel", "actief"),
        "password": translate("AuditModel", "wachtwoord"),
        "recovery_key": translate("AuditModel", "herstelsleutel"),
        "name": translate("AuditModel", "naam"),
        "number": translate("AuditModel", "nummer"),
        "first_name": translate("AuditModel", "voornaam"),
        "last_name": translate("AuditModel", "achternaam"),
        "birth_date": translate("AuditModel", "geboortedatum"),
        "email": translate("AuditModel", "e-mail"),
        "phone": translate("AuditModel", "telefoon"),
        "street": translate("AuditModel", "straat"),
        "postcode": translate("AuditModel", "postcode"),
        "city": translate("AuditModel", "plaats"),
        "doelgroep_id": translate("AuditModel", "doelgroep"),
        "referrer": translate("AuditModel", "verwijzer"),
        "referrer_contact": translate("AuditModel", "contactpersoon verwijzer"),
        "contact_person": translate("AuditModel", "contactpersoon"),
        "start_date": translate("AuditModel", "startdatum"),
        "end_date": translate("AuditModel", "einddatum"),
        "status": translate("AuditModel", "status"),
        "support_need": translate("AuditModel", "ondersteuningsvraag"),
        "work_adjustments": translate("AuditModel", "werkaanpassingen"),
        "text": translate("AuditModel", "tekst"),
        "progress_notes": translate("AuditModel", "voortgangsnotities"),
        "goal_descriptions": translate("AuditModel", "tekst ontwikkeldoelen"),
        "logo": translate("AuditModel", "logo"),
        "accent_color": translate("AuditModel", "accentkleur"),
        "certificate_prefix": translate("AuditModel", "certificaatcode"),
        "mission": translate("AuditModel", "missie"),
        "idle_lock_minutes": translate("AuditModel", "vergrendelen na"),
        "retention_years": translate("AuditModel", "bewaartermijn"),
    }


def action_label(code: str) -> str:
    return AUDIT_ACTIONS.label(code, current_language()) if code in AUDIT_ACTIONS else code


def record_text(
    entry: AuditInfo, entities: dict[str, str], user_names: dict[int, str] | None = None
) -> str:
    """"Deelnemer #12"; a user by name when known ("Gebruiker henk")."""
    label = entities.get(entry.entity, entry.entity.replace("_", " "))
    if entry.entity_id is None or entry.entity in SINGLE_RECORDS:
        return label
    if entry.entity == "users" and user_names and entry.entity_id in user_names:
        return f"{label} {user_names[entry.entity_id]}"
    return f"{label} #{entry.entity_id}"


def fields_text(entry: AuditInfo, fields: dict[str, str]) -> str:
    text = ", ".join(fields.get(name, name.replace("_", " ")) for name in entry.fields)
    if entry.summary:
        text = f"{text} ({entry.summary})" if text else entry.summary
    return text


class AuditModel(RowTableModel):
    def __init__(self, load: Loader, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._count = count
        self._filter = AuditFilter()
        self._rows: list[AuditInfo] = []
        self._ids: set[int] = set()
        self._offset = 0
        self._total = 0
        self._exhausted = True
        # True while the model announces a change: a view (or the model tester) that asks
        # for more rows in the middle of that announcement gets them afterwards, not nested.
        self._busy = False
        self._entities = entity_labels()
        self._fields = field_labels()
        self._user_names: dict[int, str] = {}

    @property
    def total(self) -> int:
        """How many entries match the filter (loaded or not)."""
        return self._total

    @property
    def entry_filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, entry_filter: AuditFilter) -> None:
        """Start again with ``entry_filter``: count, then load the first window."""
        total = self._count(entry_filter) or 0
        self._busy = True
        try:
            self.beginResetModel()
            self._filter = entry_filter
            self._rows = []
            self._ids = set()
            self._offset = 0
            self._total = total
            self._exhausted = total == 0
            self.endResetModel()
        finally:
            self._busy = False
        if self.canFetchMore(ROOT):
            self.fetchMore(ROOT)

    def set_user_names(self, names: dict[int, str]) -> None:
        """User names by id, to show a user record by name."""
        self._user_names = dict(names)
        if self._rows:
            column = self.index(0, RECORD)
            self.dataChanged.emit(column, self.index(len(self._rows) - 1, RECORD))

    def entry_at(self, row: int) -> AuditInfo:
        return self._rows[row]

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._busy

    def fetchMore(self, parent: Index = ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._busy = True
        try:
            self._fetch_window()
        finally:
            self._busy = False

    def _fetch_window(self) -> None:
        batch = self._load(self._filter, self._offset, BATCH_SIZE)
        if not batch:
            self._exhausted = True
            return
        self._offset += len(batch)
        if len(batch) < BATCH_SIZE or self._offset >= self._total:
            self._exhausted = True
        # Entries written meanwhile shift the windows; an entry seen before is skipped.
        new = [entry for entry in batch if entry.id not in self._ids]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(ROOT, first, first + len(new) - 1)
        self._rows.extend(new)
        self._ids.update(entry.id for entry in new)
        self.endInsertRows()

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Wanneer"),
            self.tr("Wie"),
            self.tr("Actie"),
            self.tr("Record"),
            self.tr("Gewijzigde velden"),
        )

    def _text(self, entry: AuditInfo, column: int) -> str:
        if column == WHEN:
            return format_moment(entry.at)
        if column == WHO:
            if entry.username:
                return entry.username
            return self.tr("(niet ingelogd)") if entry.action == "login_failed" else "—"
        if column == ACTION:
            return action_label(entry.action)
        if column == RECORD:
            return record_text(entry, self._entities, self._user_names)
        if column == FIELDS:
            return fields_text(entry, self._fields)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == FIELDS:
            return self._text(entry, FIELDS) or None
        if role == ENTRY_ID_ROLE:
            return entry.id
        return None


class AuditProxy(QSortFilterProxyModel):
    """Passes the rows through in the model's order (newest first); fetching is forwarded."""


class AuditView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("audit", parent)
        self.setSortingEnabled(False)
