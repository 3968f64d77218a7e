"""Stromen: every weighing, filtered on period, product group, direction, herkomst or
bestemming and the text of the note; sorted on any column. The database filters, sorts and
hands over 200 rows at a time (``FlowsModel``), so ten years of a big shop open at once.

Enter or a double-click opens the weighing to correct it; Delete asks, then deletes it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kringloopdesk.db.codes import BESTEMMING, DIRECTIONS, HERKOMST
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.dialogs.conflict_dialog import run_versioned
from kringloopdesk.gui.dialogs.flow_dialog import FlowDialog
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.messages import MessageBox
from kringloopdesk.gui.models.flows_model import (
    FLOW_ID_ROLE,
    FlowsModel,
    FlowsProxy,
    FlowsView,
    format_flow_kg,
)
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.gui.widgets.lazy_list_page import LazyListPage
from kringloopdesk.gui.widgets.page import PAGE_MARGIN
from kringloopdesk.i18n import current_language
from kringloopdesk.services.flows import (
    FlowFilter,
    FlowRow,
    count_flows,
    delete_flow,
    get_flow,
    list_flows,
)
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.reference import ProductGroupItem, product_groups
from kringloopdesk.services.workers import Choice

SEARCH_DELAY_MS = 250


class FlowsPage(LazyListPage):
    icon_name = "history"
    permission = Permission.REGISTER_GOODS
    rail_section = "goods"
    search_delay_ms = SEARCH_DELAY_MS
    filter_type = FlowFilter
    stale_on = frozenset({GOODS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._groups: list[ProductGroupItem] = []
        # Set by refresh when the unfiltered list's count will be the grand total.
        self._grand_total_from_list = False

        self.model = FlowsModel(self._load, self._count, self)
        self.proxy = FlowsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = FlowsView()
        self.view.setModel(self.proxy)
        self.view.prepare_columns()
        self.view.setAccessibleName(self.tr("Wegingen"))
        self.view.open_requested.connect(self._open_requested)
        self.view.delete_requested.connect(self._delete_requested)
        self._connect_count()
        self._build_search(max_width=320)
        self.new_button = QPushButton(self.tr("Nieuwe weging"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.setIcon(icons.icon("plus", "#ffffff"))
        self.new_button.setToolTip(self.tr("Een weging van een eerdere dag toevoegen (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_flow)

        self.from_edit = DateEdit()
        self.from_edit.setAccessibleName(self.tr("Vanaf datum"))
        self.to_edit = DateEdit()
        self.to_edit.setAccessibleName(self.tr("Tot en met datum"))
        for edit in (self.from_edit, self.to_edit):
            edit.setMaximumWidth(150)
            edit.date_changed.connect(lambda _d: self.apply_filter())
            edit.textChanged.connect(self._date_typed)
        self.group_combo = ChoiceCombo((), self.tr("Alle productgroepen"))
        self.group_combo.setAccessibleName(self.tr("Productgroep"))
        language = current_language()
        self.direction_combo = ChoiceCombo(
            [Choice(code, DIRECTIONS.label(code, language)) for code in DIRECTIONS],
            self.tr("Inbreng en afvoer"))
        self.direction_combo.setAccessibleName(self.tr("Richting"))
        self.channel_combo = ChoiceCombo((), self.tr("Alle herkomsten en bestemmingen"))
        self.channel_combo.setAccessibleName(self.tr("Herkomst of bestemming"))
        self._fill_channels()
        self.direction_combo.value_changed.connect(self._direction_chosen)
        for combo in (self.group_combo, self.channel_combo):
            combo.value_changed.connect(lambda _v: self.apply_filter())
        for combo in (self.group_combo, self.direction_combo, self.channel_combo):
            combo.setMinimumWidth(150)
            combo.setMaximumWidth(240)
        self._build_clear_button(self.tr("Filter &wissen"))
        self.date_error = QLabel()
        self.date_error.setObjectName("FieldError")
        self.date_error.hide()

        top = self._top_row(self.new_button)
        filters, _filter_icon = self._filter_row()
        from_label = QLabel(self.tr("&Van"))
        from_label.setBuddy(self.from_edit.edit)
        to_label = QLabel(self.tr("t/m"))
        to_label.setBuddy(self.to_edit.edit)
        filters.addWidget(from_label)
        filters.addWidget(self.from_edit)
        filters.addWidget(to_label)
        filters.addWidget(self.to_edit)
        filters.addSpacing(8)
        filters.addWidget(self.group_combo, 1)
        filters.addWidget(self.direction_combo, 1)
        filters.addWidget(self.channel_combo, 1)
        filters.addWidget(self.clear_button)
        filters.addStretch(0)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.setSpacing(10)
        column.addLayout(top)
        column.addLayout(filters)
        column.addWidget(self.date_error)
        column.addWidget(self.view, 1)
        subtitle = QLabel(self.tr(
            "Alle wegingen: Enter of dubbelklik om te corrigeren, Delete om te verwijderen"))
        self.set_content(self.make_header(subtitle), body, scroll=False)

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_flow)
        ctx.hub.changed.connect(self._on_changed)
        self._update_empty_text()

    def title(self) -> str:
        return self.tr("Stromen")

    def search_placeholder(self) -> str:
        return self.tr("Zoeken in opmerkingen (Ctrl+F)")

    def count_texts(self) -> tuple[str, str, str]:
        return (self.tr("1 weging"), self.tr("{n} wegingen"),
                self.tr("{shown} van {total} wegingen"))

    # -- loading ----------------------------------------------------------------------------

    def load_rows(self, s, actor, q, offset: int, limit: int) -> list[FlowRow]:
        return list_flows(s, actor, q.filter, q.sort, offset=offset, limit=limit)

    def count_rows(self, s, actor, q) -> int:
        return count_flows(s, actor, q.filter)

    def count_all(self, s, actor) -> int:
        return count_flows(s, actor)

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        groups = query(self.ctx, self, lambda s: product_groups(s, include_inactive=True))
        if groups is not None:
            self._groups = list(groups)
            language = current_language()
            self.group_combo.blockSignals(True)
            self.group_combo.set_choices([Choice(g.id, g.label(language)) for g in groups])
            self.group_combo.blockSignals(False)
        if self._filtered():
            self._read_grand_total(actor)
        else:  # the list's own count is the grand total: one count(*) less
            self._grand_total_from_list = True
            self._stale = False
        self.apply_filter(force=True)

    def _update_count(self, *_args: object) -> None:
        if self._grand_total_from_list and self.model.total_known:
            self._grand_total_from_list = False
            if self.model.query.filter == FlowFilter():
                self.grand_total = self.model.total
            elif self.ctx.actor is not None:  # filtered before the first count came
                self._read_grand_total(self.ctx.actor)
        super()._update_count()

    # -- filtering --------------------------------------------------------------------------

    def current_filter(self) -> FlowFilter:
        group = self.group_combo.value
        return FlowFilter(
            start=self.from_edit.date(),
            end=self.to_edit.date(),
            product_group_id=int(group) if group is not None else None,
            direction=_text_or_none(self.direction_combo.value),
            channel=_text_or_none(self.channel_combo.value),
            text=self.search_edit.text().strip(),
        )

    def _fill_channels(self) -> None:
        direction = self.direction_combo.value
        language = current_language()
        choices = []
        if direction in (None, "in"):
            choices += [Choice(c, HERKOMST.label(c, language)) for c in HERKOMST]
        if direction in (None, "uit"):
            choices += [Choice(c, BESTEMMING.label(c, language)) for c in BESTEMMING]
        self.channel_combo.blockSignals(True)
        self.channel_combo.set_choices(choices)
        self.channel_combo.blockSignals(False)

    def _direction_chosen(self, _value: object) -> None:
        self._fill_channels()
        self.apply_filter()

    def _date_typed(self, _text: str) -> None:
        problems = [e for e in (self.from_edit.error(), self.to_edit.error()) if e]
        self.date_error.setText(problems[0] if problems else "")
        self.date_error.setVisible(bool(problems))
        if not problems and not self.from_edit.text() and not self.to_edit.text():
            self.apply_filter()

    def apply_filter(self, *, force: bool = False) -> None:
        """Ask the database again with the filters as they are (unless nothing changed)."""
        self.search_timer.stop()
        if self.ctx.actor is None:
            return
        flt = self.current_filter()
        if flt.start and flt.end and flt.end < flt.start:
            self.date_error.setText(self.tr("De einddatum ligt voor de begindatum"))
            self.date_error.show()
            return
        self.date_error.hide()
        if not force and flt == self.model.query.filter and self.model.loaded_once:
            self._update_count()
            return
        self.model.set_filter(flt)
        self._update_empty_text()

    def clear_filter(self) -> None:
        widgets = (self.group_combo, self.direction_combo, self.channel_combo,
                   self.search_edit, self.from_edit, self.to_edit)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.group_combo, self.direction_combo):
            combo.set_value(None)
        self._fill_channels()
        self.channel_combo.set_value(None)
        self.search_edit.clear()
        self.from_edit.set_date(None)
        self.to_edit.set_date(None)
        for widget in widgets:
            widget.blockSignals(False)
        self.date_error.hide()
        self.apply_filter()

    def _update_empty_text(self) -> None:
        if self._filtered():
            text = self.tr("Geen wegingen gevonden — pas de zoekopdracht of de filters aan")
        else:
            text = self.tr("Nog geen wegingen — weeg goederen op de Weegpost of importeer een "
                           "bestand met stromen (Ctrl+I)")
        self.view.set_empty_text(text)
        self._update_count()

    # -- one weighing -----------------------------------------------------------------------

    def selected_flow(self) -> FlowRow | None:
        return self._selected_source_row()

    def _open_requested(self, index: QModelIndex) -> None:
        flow_id = index.data(FLOW_ID_ROLE)
        if flow_id is not None:
            self.open_flow(int(flow_id))

    def open_flow(self, flow_id: int) -> bool:
        """Open the weighing to correct it (read again: it may have changed)."""
        actor = self.ctx.actor
        if actor is None:
            return False
        flow = query(self.ctx, self, lambda s: get_flow(s, actor, flow_id))
        if flow is None:
            self.refresh()
            return False
        dialog = FlowDialog(self.ctx, self._active_groups(), flow, self)
        saved = dialog.ask() and dialog.saved is not None
        if saved:
            self.select_flow(flow_id)
        return saved

    def new_flow(self) -> bool:
        if not self.isVisible():
            return False
        dialog = FlowDialog(self.ctx, self._active_groups(), None, self)
        return dialog.ask()

    def _active_groups(self) -> list[ProductGroupItem]:
        groups = query(self.ctx, self, lambda s: product_groups(s))
        return groups or []

    def _delete_requested(self, index: QModelIndex) -> None:
        flow = self.model.row_for(self.proxy.mapToSource(index))
        if flow is not None:
            self.delete_flow(flow)

    def delete_flow(self, flow: FlowRow) -> bool:
        actor = self.ctx.actor
        if actor is None:
            return False
        what = self.tr("{kg} kg {group} ({direction}, {channel}) van {date}").format(
            kg=format_flow_kg(flow.kg), group=flow.product_group,
            direction=flow.direction_label.lower(), channel=flow.channel_label.lower(),
            date=format_date(flow.flow_date))
        if not MessageBox.confirm(
            self, self.tr("Deze weging verwijderen?"),
            self.tr("{what} wordt verwijderd en telt niet meer mee in de balans en de "
                    "cijfers. Dit kan niet ongedaan worden gemaakt.").format(what=what),
            self.tr("Verwijderen"), destructive=True,
        ):
            return False
        selected = self.view.selected_index()
        index_row = selected.row() if selected is not None else 0
        done = run_versioned(
            self.ctx, self, lambda s, version: delete_flow(s, actor, flow.id, version),
            flow.version, lambda s: get_flow(s, actor, flow.id).version,
            reload=self.refresh, deleting=True, changes={GOODS, AUDIT},
            message=self.tr("Weging verwijderd: {what}").format(what=what))
        if done and self.proxy.rowCount():
            self.view.selectRow(min(index_row, self.proxy.rowCount() - 1))
        return done

    def select_flow(self, flow_id: int) -> None:
        self._select_source_row(self.model.row_of_id(flow_id))


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)
