"""Logboek (beheerder only): who changed which record and which fields, newest first.

Filters (user, action, record, period) are applied in the database; the list loads a window
at a time as it scrolls. The page has no way to change or delete an entry.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import AUDIT_ACTIONS
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, USERS, AppContext
from kringloopdesk.gui.formatting import format_number, local_day_start
from kringloopdesk.gui.models.audit_model import (
    COLUMN_WIDTHS,
    AuditModel,
    AuditProxy,
    AuditView,
    action_label,
    entity_labels,
)
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.services.audit import AuditFilter, AuditInfo, count_entries, list_entries
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.users import list_users

# The period choices, in the order shown.
PERIODS = ("all", "today", "week", "month", "year", "custom")


class AuditPage(Page):
    icon_name = "history"
    permission = Permission.VIEW_AUDIT

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._today: dt.date | None = None  # tests pin "today"
        self._loaded = False
        self.model = AuditModel(self._load, self._count, self)
        self.proxy = AuditProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = AuditView()
        self.view.setModel(self.proxy)
        self.view.set_column_widths(COLUMN_WIDTHS)

        self.user_combo = QComboBox()
        self.user_combo.setAccessibleName(self.tr("Gebruiker"))
        self.user_combo.setMinimumWidth(150)
        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("Actie"))
        self.action_combo.addItem(self.tr("Alle acties"), None)
        for code in AUDIT_ACTIONS:
            self.action_combo.addItem(action_label(code), code)
        self.entity_combo = QComboBox()
        self.entity_combo.setAccessibleName(self.tr("Soort record"))
        self.entity_combo.addItem(self.tr("Alle records"), None)
        for code, label in sorted(entity_labels().items(), key=lambda item: item[1]):
            self.entity_combo.addItem(label, code)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Periode"))
        for code, label in zip(
            PERIODS,
            (
                self.tr("Alle data"),
                self.tr("Vandaag"),
                self.tr("Afgelopen 7 dagen"),
                self.tr("Afgelopen 30 dagen"),
                self.tr("Dit jaar"),
                self.tr("Zelf kiezen…"),
            ),
            strict=True,
        ):
            self.period_combo.addItem(label, code)
        self.from_edit = _date_edit()
        self.from_edit.setAccessibleName(self.tr("Van"))
        self.to_edit = _date_edit()
        self.to_edit.setAccessibleName(self.tr("Tot en met"))
        self.to_label = QLabel(self.tr("t/m"))
        self.to_label.setObjectName("FilterLabel")
        self.reset_button = QPushButton(self.tr("Filter wissen"))
        self.reset_button.setFlat(True)
        self.reset_button.clicked.connect(self.clear_filter)
        for combo in (self.user_combo, self.action_combo, self.entity_combo, self.period_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.from_edit.dateChanged.connect(self.apply_filter)
        self.to_edit.dateChanged.connect(self.apply_filter)

        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")
        refresh_button = QPushButton(self.tr("Vernieuwen"))
        refresh_button.setIcon(icons.icon("refresh", current_colors().primary))
        refresh_button.setToolTip(self.tr("Het logboek opnieuw ophalen (F5)"))
        refresh_button.clicked.connect(self.refresh)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filter_icon = QLabel()
        filter_icon.setPixmap(icons.pixmap("filter", 18, current_colors().muted_text))
        filters.addWidget(filter_icon)
        filters.addWidget(self.user_combo)
        filters.addWidget(self.action_combo)
        filters.addWidget(self.entity_combo)
        filters.addWidget(self.period_combo)
        filters.addWidget(self.from_edit)
        filters.addWidget(self.to_label)
        filters.addWidget(self.to_edit)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        subtitle = QLabel(
            self.tr(
                "Wie wat heeft vastgelegd of gewijzigd, nieuwste bovenaan — zonder de inhoud "
                "zelf. Het logboek kan niet worden gewijzigd of gewist."
            )
        )
        subtitle.setWordWrap(True)
        self.set_content(self.make_header(subtitle, [refresh_button]), body, scroll=False)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.user_combo.setFocus)
        self._show_dates()
        ctx.hub.changed.connect(self._on_changed)

    def title(self) -> str:
        return self.tr("Logboek")

    # -- loading ----------------------------------------------------------------------------

    def _load(self, entry_filter: AuditFilter, offset: int, limit: int) -> list[AuditInfo] | None:
        actor = self.ctx.actor
        if actor is None:
            return None
        return query(
            self.ctx,
            self,
            lambda s: list_entries(s, actor, entry_filter, offset=offset, limit=limit),
        )

    def _count(self, entry_filter: AuditFilter) -> int | None:
        actor = self.ctx.actor
        if actor is None:
            return None
        return query(self.ctx, self, lambda s: count_entries(s, actor, entry_filter))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if USERS in changes:
            self._loaded = False  # the user list in the filter
        if changes & {AUDIT, USERS} and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if not self._loaded:
            self._load_users()
            self._loaded = True
        self.apply_filter()

    def _load_users(self) -> None:
        actor = self.ctx.actor
        users = query(self.ctx, self, lambda s: list_users(s, actor)) if actor else None
        chosen = self.user_combo.currentData()
        self.user_combo.blockSignals(True)
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("Alle gebruikers"), None)
        for user in users or []:
            self.user_combo.addItem(f"{user.full_name} ({user.username})", user.username)
        self.model.set_user_names({user.id: user.username for user in users or []})
        index = self.user_combo.findData(chosen)
        self.user_combo.setCurrentIndex(max(index, 0))
        self.user_combo.blockSignals(False)

    # -- filtering --------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def current_filter(self) -> AuditFilter:
        start, end = self._period()
        return AuditFilter(
            username=self.user_combo.currentData(),
            action=self.action_combo.currentData(),
            entity=self.entity_combo.currentData(),
            start=local_day_start(start) if start else None,
            end=local_day_start(end + dt.timedelta(days=1)) if end else None,
        )

    def _period(self) -> tuple[dt.date | None, dt.date | None]:
        code = self.period_combo.currentData()
        today = self.today()
        if code == "today":
            return today, today
        if code == "week":
            return today - dt.timedelta(days=6), today
        if code == "month":
            return today - dt.timedelta(days=29), today
        if code == "year":
            return dt.date(today.year, 1, 1), today
        if code == "custom":
            return self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return None, None

    def _show_dates(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        for widget in (self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)

    def apply_filter(self, *_args: object) -> None:
        self._show_dates()
        self.model.set_filter(self.current_filter())
        filtered = self.current_filter() != AuditFilter()
        self.reset_button.setVisible(filtered)
        self.view.set_empty_text(
            self.tr("Geen regels bij dit filter — kies een ander filter of wis het")
            if filtered
            else self.tr("Nog niets in het logboek")
        )
        self._update_count()

    def clear_filter(self) -> None:
        for combo in (self.user_combo, self.action_combo, self.entity_combo, self.period_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply_filter()

    def _update_count(self) -> None:
        total = self.model.total
        self.count_label.setText(
            self.tr("1 regel") if total == 1 else self.tr("{n} regels").format(
                n=format_number(total)
            )
        )


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(QDate.currentDate())
    return edit
