"""Deelnemers (begeleider and beheerder): the list of workers, and the record of one.

The list filters as you type (name or number, case and accents ignored) and on doelgroep,
status, afdeling, begeleider and verwijzer; it sorts on any column; the database does both
and hands over 200 rows at a time, so 3,000 (or 30,000) workers open at once. Enter or a
double-click opens the record (``WorkerForm``) in place of the list; Esc goes back.

An invoer has no Deelnemers page: the domain gives a volunteer a worker's number and name
only, which the hours screens show where they are needed (see docs/decisions.md). The page
still works in names-only mode if it is ever made for such a role.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import WORKER_STATUSES
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.models.workers_model import (
    WORKER_ID_ROLE,
    WorkerQuery,
    WorkersModel,
    WorkersProxy,
    WorkersView,
)
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.lazy_list_page import LazyListPage
from kringloopdesk.gui.widgets.page import PAGE_MARGIN
from kringloopdesk.gui.widgets.worker_form import WorkerForm
from kringloopdesk.i18n import current_language
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.workers import (
    NAME_COLUMNS,
    NO_PLACEMENT,
    WORKER_LIST_COLUMNS,
    Choice,
    WorkerFilter,
    WorkerListRow,
    count_workers,
    list_workers,
    worker_list_options,
)


class WorkersPage(LazyListPage):
    icon_name = "id-card"
    permission = Permission.VIEW_PERSONAL
    filter_type = WorkerFilter

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.personal = ctx.may(Permission.VIEW_PERSONAL)
        self.editable = ctx.may(Permission.MANAGE_WORKERS)
        columns = WORKER_LIST_COLUMNS if self.personal else NAME_COLUMNS

        self.model = WorkersModel(self._load, self._count, columns, self)
        self.proxy = WorkersProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = WorkersView()
        self.view.setModel(self.proxy)
        self.view.prepare_columns(columns)
        self.view.open_requested.connect(self._open_requested)
        self._connect_count()
        self._build_search(max_width=360)
        self.new_button = QPushButton(self.tr("Nieuwe deelnemer"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.setIcon(icons.icon("plus", "#ffffff"))
        self.new_button.setToolTip(self.tr("Nieuwe deelnemer (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_worker)
        # Hide only: shown without a parent yet, it would flash as a window.
        if not self.editable:
            self.new_button.hide()

        # Filters: the choices come from the data (refresh).
        self.doelgroep_combo = ChoiceCombo((), self.tr("Alle doelgroepen"))
        self.doelgroep_combo.setAccessibleName(self.tr("Doelgroep"))
        language = current_language()
        self.status_combo = ChoiceCombo(
            [Choice(code, WORKER_STATUSES.label(code, language)) for code in WORKER_STATUSES],
            self.tr("Alle statussen"),
        )
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.department_combo = ChoiceCombo((), self.tr("Alle afdelingen"))
        self.department_combo.setAccessibleName(self.tr("Afdeling"))
        self.coach_combo = ChoiceCombo((), self.tr("Alle begeleiders"))
        self.coach_combo.setAccessibleName(self.tr("Begeleider"))
        self.referrer_combo = ChoiceCombo((), self.tr("Alle verwijzers"))
        self.referrer_combo.setAccessibleName(self.tr("Verwijzer"))
        self.filter_combos = (self.doelgroep_combo, self.status_combo, self.department_combo,
                              self.coach_combo, self.referrer_combo)
        for combo in self.filter_combos:
            combo.setMinimumWidth(120)
            combo.setMaximumWidth(210)
            combo.value_changed.connect(lambda _v: self.apply_filter())
        self._build_clear_button(self.tr("Filter &wissen"))

        top = self._top_row(self.new_button)
        filters, filter_icon = self._filter_row()
        for combo in self.filter_combos:
            # Hide only: shown without a parent yet, it would flash as a window.
            if not self.personal:
                combo.hide()
            filters.addWidget(combo, 1)
        filters.addWidget(self.clear_button)
        filters.addStretch(0)
        if not self.personal:
            filter_icon.hide()
            self.clear_button.hide()

        self.list_widget = QWidget()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.setSpacing(10)
        column.addLayout(top)
        column.addLayout(filters)
        column.addWidget(self.view, 1)
        subtitle = QLabel(self.tr("Wie er bij de winkel werkt, waar, en sinds wanneer"))
        list_layout = QVBoxLayout(self.list_widget)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addWidget(self.make_header(subtitle))
        list_layout.addWidget(body, 1)

        self.form = WorkerForm(ctx)
        self.form.closed.connect(self.show_list)
        self.form.saved.connect(lambda _detail: self._mark_stale())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_widget)
        self.stack.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        QShortcut(QKeySequence.StandardKey.Find, self.list_widget).activated.connect(
            self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self.list_widget).activated.connect(
            self.new_worker)
        ctx.hub.changed.connect(self._on_changed)
        self._update_empty_text()

    def title(self) -> str:
        return self.tr("Deelnemers")

    def search_placeholder(self) -> str:
        return self.tr("Zoeken op naam of nummer (Ctrl+F)")

    def count_texts(self) -> tuple[str, str, str]:
        return (self.tr("1 deelnemer"), self.tr("{n} deelnemers"),
                self.tr("{shown} van {total} deelnemers"))

    # -- loading ----------------------------------------------------------------------------

    def load_rows(self, s, actor, q: WorkerQuery, offset: int,
                  limit: int) -> list[WorkerListRow]:
        return list_workers(s, actor, q.filter, q.sort, offset=offset, limit=limit)

    def count_rows(self, s, actor, q: WorkerQuery) -> int:
        return count_workers(s, actor, q.filter)

    def count_all(self, s, actor) -> int:
        return count_workers(s, actor)

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {WORKERS, PLACEMENTS}:
            self._mark_stale()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible() and self.stack.currentWidget() is self.list_widget:
            self.refresh()

    def refresh(self) -> None:
        """Read the list (and the filters' choices) again; F5. An open record is read again
        unless it has unsaved changes."""
        actor = self.ctx.actor
        if actor is None:
            return
        if self.stack.currentWidget() is self.form:
            self.form.reload()  # the list is read when it shows again
            return
        if self.personal:
            options = query(self.ctx, self, lambda s: worker_list_options(s, actor))
            if options is not None:
                self._set_options(options)
        self._read_grand_total(actor)
        self.model.set_filter(self.current_filter())
        self._update_empty_text()

    def _set_options(self, options) -> None:
        for combo in self.filter_combos:
            combo.blockSignals(True)
        self.doelgroep_combo.set_choices(options.doelgroepen)
        self.department_combo.set_choices(
            [*options.departments, Choice(NO_PLACEMENT, self.tr("Zonder plaatsing"))])
        self.coach_combo.set_choices(options.coaches)
        self.referrer_combo.set_choices([Choice(r, r) for r in options.referrers])
        for combo in self.filter_combos:
            combo.blockSignals(False)

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> WorkerFilter:
        coach = self.coach_combo.value
        return WorkerFilter(
            search=self.search_edit.text().strip(),
            doelgroep=_text_or_none(self.doelgroep_combo.value),
            status=_text_or_none(self.status_combo.value),
            department=_text_or_none(self.department_combo.value),
            coach_id=int(coach) if coach is not None else None,
            referrer=_text_or_none(self.referrer_combo.value),
        )

    def clear_filter(self) -> None:
        for combo in self.filter_combos:
            combo.blockSignals(True)
            combo.set_value(None)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.apply_filter()

    def _update_empty_text(self) -> None:
        if self._filtered():
            text = self.tr("Geen deelnemers gevonden — pas de zoekopdracht of de filters aan")
        elif self.editable:
            text = self.tr(
                "Nog geen deelnemers — klik op Nieuwe deelnemer of importeer een bestand")
        else:
            text = self.tr("Nog geen deelnemers")
        self.view.set_empty_text(text)
        self._update_count()

    # -- the record -------------------------------------------------------------------------

    def selected_worker(self) -> WorkerListRow | None:
        return self._selected_source_row()

    def _open_requested(self, index: QModelIndex) -> None:
        worker_id = index.data(WORKER_ID_ROLE)
        if worker_id is not None:
            self.open_worker(int(worker_id))

    def open_worker(self, worker_id: int, placement_id: int | None = None) -> None:
        """Show the record of a worker (from the list, the Plaatsingen page or the dashboard);
        with ``placement_id`` on the tab of that placement."""
        if self.stack.currentWidget() is self.form and not self.form.may_close():
            return
        if self.form.open_worker(worker_id, placement_id):
            self.stack.setCurrentWidget(self.form)
            if placement_id is None:
                self.form.first_name_edit.setFocus()

    def new_worker(self) -> None:
        if not self.editable or not self.isVisible():
            return
        if self.stack.currentWidget() is self.form and not self.form.may_close():
            return
        self.form.new_worker()
        self.stack.setCurrentWidget(self.form)
        self.form.first_name_edit.setFocus()

    def show_list(self) -> None:
        shown = self.form.detail.id if self.form.detail is not None else None
        self.stack.setCurrentWidget(self.list_widget)
        if self._stale:
            self.refresh()
        if shown is not None:
            self.select_worker(shown)
        self.view.setFocus()

    def select_worker(self, worker_id: int) -> None:
        self._select_source_row(self.model.row_of_id(worker_id), 1)

    def may_leave(self) -> bool:
        if self.stack.currentWidget() is self.form:
            return self.form.may_close()
        return True


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)

