"""Plaatsingen (begeleider and beheerder): every placement of every worker, running ones first
by default — with filters on status, afdeling and begeleider, and "eindigt binnen 30 dagen"
(which includes placements whose planned end has passed without them being ended).

From here a placement is created (choosing the worker), changed, paused or resumed, and ended
with its uitstroom; Enter or a double-click opens the worker's record at that placement.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.conflict_dialog import run_versioned
from kringloopdesk.gui.dialogs.end_placement_dialog import EndPlacementDialog
from kringloopdesk.gui.dialogs.placement_dialog import PlacementDialog
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.models.placements_model import (
    PLACEMENT_ID_ROLE,
    PlacementQuery,
    PlacementsModel,
    PlacementsProxy,
    PlacementsView,
)
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.lazy_list_page import LazyListPage
from kringloopdesk.gui.widgets.page import PAGE_MARGIN
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.placements import (
    ENDED,
    ENDING_WITHIN_DAYS,
    RUNNING,
    PlacementFilter,
    PlacementInfo,
    PlacementListRow,
    count_placement_rows,
    get_placement,
    list_placement_rows,
    pause_placement,
    resume_placement,
)
from kringloopdesk.services.workers import worker_list_options

SEARCH_DELAY_MS = 180
# The status buttons, in the order shown: (filter value, label).
STATUS_FILTERS = (RUNNING, "gepland", "gepauzeerd", ENDED, None)


class PlacementsPage(LazyListPage):
    icon_name = "briefcase"
    permission = Permission.VIEW_PERSONAL
    stale_on = frozenset({WORKERS, PLACEMENTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.editable = ctx.may(Permission.MANAGE_WORKERS)
        colors = current_colors()

        self.model = PlacementsModel(self._load, self._count, self)
        self.proxy = PlacementsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = PlacementsView()
        self.view.setModel(self.proxy)
        self.view.prepare_columns()
        self.view.open_requested.connect(self._open_requested)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._connect_count()
        self.proxy.modelReset.connect(self._selection_changed)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Zoeken op deelnemer of nummer (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(
            icons.icon("search", colors.muted_text), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_edit.setMaximumWidth(340)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.count_label = QLabel()
        self.count_label.setObjectName("ListCount")
        self.new_button = QPushButton(self.tr("Nieuwe plaatsing"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.setIcon(icons.icon("plus", "#ffffff"))
        self.new_button.setToolTip(self.tr("Nieuwe plaatsing (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_placement)
        # Hide only: shown without a parent yet, it would flash as a window.
        if not self.editable:
            self.new_button.hide()

        # Status as toggle buttons (one at a time), the rest as drop-downs.
        self.status_group = QButtonGroup(self)
        self.status_group.setExclusive(True)
        self.status_buttons: dict[str | None, QPushButton] = {}
        labels = {
            RUNNING: self.tr("&Lopend"),
            "gepland": self.tr("&Gepland"),
            "gepauzeerd": self.tr("Gepa&uzeerd"),
            ENDED: self.tr("Beëin&digd"),
            None: self.tr("&Alle"),
        }
        for value in STATUS_FILTERS:
            button = QPushButton(labels[value])
            button.setCheckable(True)
            button.setObjectName("FilterChip")
            self.status_group.addButton(button)
            self.status_buttons[value] = button
        self.status_buttons[RUNNING].setChecked(True)
        self.status_group.buttonToggled.connect(
            lambda _b, checked: self.apply_filter() if checked else None)
        self.ending_button = QPushButton(
            self.tr("&Eindigt binnen {n} dagen").format(n=ENDING_WITHIN_DAYS))
        self.ending_button.setCheckable(True)
        self.ending_button.setObjectName("FilterChip")
        self.ending_button.setToolTip(self.tr(
            "Lopende plaatsingen waarvan de geplande einddatum binnen {n} dagen valt of al "
            "voorbij is").format(n=ENDING_WITHIN_DAYS))
        self.ending_button.toggled.connect(lambda _on: self.apply_filter())
        self.department_combo = ChoiceCombo((), self.tr("Alle afdelingen"))
        self.department_combo.setAccessibleName(self.tr("Afdeling"))
        self.coach_combo = ChoiceCombo((), self.tr("Alle begeleiders"))
        self.coach_combo.setAccessibleName(self.tr("Begeleider"))
        for combo in (self.department_combo, self.coach_combo):
            combo.setMinimumWidth(140)
            combo.value_changed.connect(lambda _v: self.apply_filter())
        self.setStyleSheet(_chip_style())

        # Actions on the chosen placement.
        self.selection_label = QLabel()
        self.selection_label.setObjectName("ListCount")
        self.open_button = QPushButton(self.tr("Deelnemer &openen"))
        self.open_button.setIcon(icons.icon("id-card", colors.secondary_text))
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button = QPushButton(self.tr("&Wijzigen…"))
        self.edit_button.setIcon(icons.icon("pencil", colors.secondary_text))
        self.edit_button.clicked.connect(self.edit_selected)
        self.pause_button = QPushButton(self.tr("Pauzeren"))
        self.pause_button.setIcon(icons.icon("pause", colors.secondary_text))
        # Its text changes (Pauzeren / Hervatten), so its key is a shortcut, not a letter.
        self.pause_button.setShortcut(QKeySequence("Alt+P"))
        self.pause_button.setToolTip(self.tr("Pauzeren of hervatten (Alt+P)"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.end_button = QPushButton(self.tr("&Beëindigen…"))
        self.end_button.setIcon(icons.icon("flag", colors.secondary_text))
        self.end_button.clicked.connect(self.end_selected)
        if not self.editable:
            for button in (self.edit_button, self.pause_button, self.end_button):
                button.hide()

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for value in STATUS_FILTERS:
            filters.addWidget(self.status_buttons[value])
        filters.addSpacing(10)
        filters.addWidget(self.ending_button)
        filters.addSpacing(10)
        filters.addWidget(self.department_combo)
        filters.addWidget(self.coach_combo)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.selection_label, 1)
        for button in (self.open_button, self.edit_button, self.pause_button, self.end_button):
            actions.addWidget(button)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.setSpacing(10)
        column.addLayout(top)
        column.addLayout(filters)
        column.addWidget(self.view, 1)
        column.addLayout(actions)
        subtitle = QLabel(self.tr("Wie waar werkt, tot wanneer, en hoe plaatsingen eindigden"))
        self.set_content(self.make_header(subtitle), body, scroll=False)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_placement)
        ctx.hub.changed.connect(self._on_changed)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Plaatsingen")

    # -- loading ----------------------------------------------------------------------------

    def load_rows(self, s, actor, q: PlacementQuery, offset: int,
                  limit: int) -> list[PlacementListRow]:
        return list_placement_rows(s, actor, q.filter, q.sort, offset=offset, limit=limit)

    def count_rows(self, s, actor, q: PlacementQuery) -> int:
        return count_placement_rows(s, actor, q.filter)

    def count_all(self, s, actor) -> int:
        return count_placement_rows(s, actor)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        options = query(self.ctx, self, lambda s: worker_list_options(s, actor))
        if options is not None:
            for combo, choices in ((self.department_combo, options.departments),
                                   (self.coach_combo, options.coaches)):
                combo.blockSignals(True)
                combo.set_choices(choices)
                combo.blockSignals(False)
        self._read_grand_total(actor)
        selected = self.selected_row()
        self.model.set_filter(self.current_filter())
        if selected is not None:
            self.select_placement(selected.id)
        self._update_empty_text()

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> PlacementFilter:
        status = next((value for value, button in self.status_buttons.items()
                       if button.isChecked()), None)
        coach = self.coach_combo.value
        department = self.department_combo.value
        return PlacementFilter(
            search=self.search_edit.text().strip(),
            status=status,
            department=str(department) if department is not None else None,
            coach_id=int(coach) if coach is not None else None,
            ending_soon=self.ending_button.isChecked(),
        )

    def set_status_filter(self, status: str | None) -> None:
        self.status_buttons[status].setChecked(True)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.model.total, max(self.grand_total, self.model.total)
        if shown == total:
            text = (self.tr("1 plaatsing") if total == 1
                    else self.tr("{n} plaatsingen").format(n=format_number(total)))
        else:
            text = self.tr("{shown} van {total} plaatsingen").format(
                shown=format_number(shown), total=format_number(total))
        self.count_label.setText(text)

    def _update_empty_text(self) -> None:
        if self.grand_total == 0:
            text = self.tr("Nog geen plaatsingen — klik op Nieuwe plaatsing, of open een "
                           "deelnemer en voeg daar een plaatsing toe")
        else:
            text = self.tr("Geen plaatsingen bij deze filters")
        self.view.set_empty_text(text)
        self._update_count()

    # -- selection --------------------------------------------------------------------------

    def selected_row(self) -> PlacementListRow | None:
        return self._selected_source_row()

    def select_placement(self, placement_id: int) -> None:
        self._select_source_row(self.model.load_until(placement_id))

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        row = self.selected_row()
        for button in (self.open_button, self.edit_button, self.pause_button, self.end_button):
            button.setEnabled(row is not None)
        if row is None:
            self.selection_label.setText(self.tr("Kies een plaatsing in de lijst"))
            return
        self.selection_label.setText(self.tr("Gekozen: {name}, {department}").format(
            name=row.worker_name, department=row.department_label))
        running = row.end_date is None
        paused = row.status == "gepauzeerd"
        self.end_button.setEnabled(running)
        self.pause_button.setEnabled(running and row.status in ("actief", "gepauzeerd"))
        self.pause_button.setText(self.tr("Hervatten") if paused else self.tr("Pauzeren"))
        self.pause_button.setIcon(icons.icon("play" if paused else "pause",
                                             current_colors().secondary_text))

    # -- actions ----------------------------------------------------------------------------

    def _placement(self, placement_id: int) -> PlacementInfo | None:
        actor = self.ctx.actor
        return query(self.ctx, self, lambda s: get_placement(s, actor, placement_id))

    def _changed(self, placement: PlacementInfo | None) -> None:
        if placement is None:
            return
        self._stale = True
        self.refresh()
        self.select_placement(placement.id)

    def new_placement(self) -> None:
        if not self.editable or not self.isVisible():
            return
        dialog = PlacementDialog(self.ctx, self)
        if dialog.ask() and dialog.saved is not None:
            saved = dialog.saved
            status = self.current_filter().status
            shown = status is None or status == saved.status or (
                status == RUNNING and saved.status in ("actief", "gepauzeerd"))
            if not shown:
                self.set_status_filter(None)  # the new placement must be in sight
            self._changed(saved)
        dialog.deleteLater()

    def edit_selected(self) -> None:
        row = self.selected_row()
        placement = self._placement(row.id) if row is not None else None
        if placement is None:
            return
        dialog = PlacementDialog(self.ctx, self, placement=placement)
        if dialog.ask():
            self._changed(dialog.saved)
        dialog.deleteLater()

    def toggle_pause(self) -> None:
        row = self.selected_row()
        actor = self.ctx.actor
        if row is None or actor is None:
            return
        if row.status == "gepauzeerd":
            change, message = resume_placement, self.tr("Plaatsing hervat")
        else:
            change, message = pause_placement, self.tr("Plaatsing gepauzeerd")
        run_versioned(
            self.ctx, self, lambda s, version: change(s, actor, row.id, version), row.version,
            lambda s: get_placement(s, actor, row.id).version, reload=self._reload_all,
            changes={PLACEMENTS, WORKERS, AUDIT}, message=message, success=self._changed)

    def _reload_all(self) -> None:
        self._stale = True
        self.refresh()

    def end_selected(self) -> None:
        row = self.selected_row()
        placement = self._placement(row.id) if row is not None else None
        if placement is None:
            return
        dialog = EndPlacementDialog(self.ctx, placement, self)
        if dialog.ask():
            self._changed(dialog.saved)
        dialog.deleteLater()

    def _open_requested(self, index: QModelIndex) -> None:
        placement_id = index.data(PLACEMENT_ID_ROLE)
        row = self.model.row_for(self.proxy.mapToSource(index))
        if placement_id is not None and row is not None:
            self.open_worker(row.worker_id, int(placement_id))

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_worker(row.worker_id, row.id)

    def open_worker(self, worker_id: int, placement_id: int) -> None:
        """The worker's record at this placement, on the Deelnemers page."""
        from kringloopdesk.gui.pages.workers_page import WorkersPage

        window = self.window()
        page_of = getattr(window, "page_of", None)
        page = page_of(WorkersPage) if page_of is not None else None
        if page is None:
            return
        window.show_page(window.page_index(WorkersPage))  # type: ignore[attr-defined]
        if window.current_page is page:  # type: ignore[attr-defined]
            page.open_worker(worker_id, placement_id)


def _chip_style() -> str:
    c = current_colors()
    return f"""
QPushButton#FilterChip {{ background: {c.card}; color: {c.secondary_text};
    border: 1px solid {c.secondary_light}; border-radius: 14px; padding: 2px 14px;
    min-height: 26px; height: 26px; font-weight: normal; }}
QPushButton#FilterChip:checked {{ background: {c.primary_light}; color: {c.primary_text};
    border-color: {c.primary}; }}
QPushButton#FilterChip:focus {{ border-color: {c.primary}; }}
"""
