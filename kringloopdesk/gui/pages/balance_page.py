"""Balans: per month, quarter or year, what came in, what went out to each bestemming, the
change and the stock — for one product group or all of them together.

The stock at the start of a period is everything weighed in minus everything weighed out
before it. A period in which more went out than came in plus that stock is marked (an icon
and a text in the row, and a notice above the table): a weighing is missing or wrong. With
all groups chosen, a period is marked when any group in it is, and the text names them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kringloopdesk.db.codes import BESTEMMING
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import GOODS, AppContext
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.models.flows_model import format_flow_kg
from kringloopdesk.gui.models.row_model import Index, RowTableModel
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.theme import current_colors, mix
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.gui.widgets.notice import NoticeBanner
from kringloopdesk.gui.widgets.page import PAGE_MARGIN, Page
from kringloopdesk.i18n import current_language
from kringloopdesk.services.flows import Balance, BalancePeriod, balance, flow_years
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.reference import product_groups
from kringloopdesk.services.workers import Choice

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
WARNING_ROLE = Qt.ItemDataRole.UserRole + 1


class BalanceModel(RowTableModel[BalancePeriod]):
    """One row per period: opening stock, intake, outflow per bestemming, total outflow,
    change, closing stock, and the warning."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bestemmingen: tuple[str, ...] = BESTEMMING.codes
        self.per_group = False

    def set_balance(self, result: Balance) -> None:
        self.beginResetModel()
        self.bestemmingen = result.bestemmingen
        self.per_group = result.product_group_id is None
        self._rows = list(result.periods)
        self.endResetModel()

    def column_titles(self) -> tuple[str, ...]:
        language = current_language()
        return (
            self.tr("Periode"), self.tr("Let op"), self.tr("Voorraad begin"), self.tr("Inbreng"),
            *(self.tr("→ {bestemming}").format(bestemming=BESTEMMING.label(b, language))
              for b in self.bestemmingen),
            self.tr("Afvoer totaal"), self.tr("Verschil"), self.tr("Voorraad eind"),
        )

    warning_column = 1

    @property
    def closing_column(self) -> int:
        return len(self.column_titles()) - 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == \
                Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section in (0, self.warning_column) else _RIGHT
        return super().headerData(section, orientation, role)

    def warning_text(self, period: BalancePeriod) -> str:
        if not period.warning:
            return ""
        groups = period.warning_groups if self.per_group else ()
        if groups:
            return self.tr("Meer afgevoerd dan aanwezig: {groups}").format(groups=", ".join(
                f"{g.product_group} ({format_flow_kg(g.shortfall)} kg)" for g in groups))
        return self.tr("{kg} kg meer afgevoerd dan aanwezig").format(
            kg=format_flow_kg(period.total.shortfall))

    def values(self, period: BalancePeriod) -> tuple[str, ...]:
        line = period.total

        def kg(value) -> str:
            return format_number(value, 1)

        return (period.label, self.warning_text(period), kg(line.opening), kg(line.kg_in),
                *(kg(v) for v in line.kg_out), kg(line.out_total),
                ("+" if line.change > 0 else "") + kg(line.change), kg(line.closing))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        period = self.row_for(index)
        if period is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = self.values(period)
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column in (0, self.warning_column) else _RIGHT
        if role == Qt.ItemDataRole.DecorationRole and column == self.warning_column \
                and period.warning:
            return icons.icon("alert", current_colors().danger)
        if role == Qt.ItemDataRole.ForegroundRole and period.warning \
                and column in (0, self.warning_column, self.closing_column):
            return QColor(current_colors().danger)
        if role == Qt.ItemDataRole.BackgroundRole and period.warning:
            return QColor(mix(current_colors().danger, current_colors().card, 0.92))
        if role == Qt.ItemDataRole.FontRole and column == self.closing_column:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and period.warning:
            return self.warning_text(period)
        if role == WARNING_ROLE:
            return period.warning
        return None


class BalancePage(Page):
    icon_name = "target"
    permission = Permission.REGISTER_GOODS
    rail_section = "goods"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self.result: Balance | None = None
        this_year = dt.date.today().year
        self.year_combo = ChoiceCombo([Choice(this_year, str(this_year))])
        self.year_combo.setAccessibleName(self.tr("Jaar"))
        self.granularity_combo = ChoiceCombo([
            Choice("month", self.tr("Per maand")),
            Choice("quarter", self.tr("Per kwartaal")),
            Choice("year", self.tr("Per jaar")),
        ])
        self.granularity_combo.setAccessibleName(self.tr("Periode"))
        self.group_combo = ChoiceCombo((), self.tr("Alle productgroepen"))
        self.group_combo.setAccessibleName(self.tr("Productgroep"))
        self.group_combo.setMinimumWidth(220)
        for combo in (self.year_combo, self.granularity_combo, self.group_combo):
            combo.value_changed.connect(lambda _v: self.load())

        self.notice = NoticeBanner(
            self.tr("Meer afgevoerd dan er was"),
            self.tr("In de rood gemarkeerde perioden is meer afgevoerd dan er binnenkwam plus "
                    "de voorraad aan het begin. Dat kan niet: waarschijnlijk is een inbreng "
                    "niet gewogen of een weging verkeerd ingevoerd. Zoek de wegingen van die "
                    "periode op bij Stromen en corrigeer ze."),
            "alert",
        )
        self.notice.hide()
        self.model = BalanceModel(self)
        self.view = ListView("balance")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ForegroundDelegate(self.view))
        self.view.setAccessibleName(self.tr("Balans per periode"))
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.set_empty_text(self.tr(
            "Nog geen wegingen in deze periode — weeg goederen op de Weegpost of importeer "
            "een bestand met stromen"))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("ListCount")
        legend = QLabel(self.tr(
            "Voorraad begin = alle inbreng min alle afvoer vóór de periode · Verschil = "
            "inbreng − afvoer · Voorraad eind = voorraad begin + verschil"))
        legend.setObjectName("FormNote")
        legend.setWordWrap(True)

        controls = QHBoxLayout()
        controls.setSpacing(8)
        for text, combo in ((self.tr("Jaar"), self.year_combo),
                            (self.tr("Periode"), self.granularity_combo),
                            (self.tr("Productgroep"), self.group_combo)):
            label = QLabel(text)
            label.setObjectName("FilterLabel")
            label.setBuddy(combo)
            controls.addWidget(label)
            controls.addWidget(combo)
            controls.addSpacing(8)
        controls.addStretch(1)
        controls.addWidget(self.summary_label)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 20)
        column.setSpacing(10)
        column.addLayout(controls)
        column.addWidget(self.notice)
        column.addWidget(self.view, 1)
        column.addWidget(legend)
        subtitle = QLabel(self.tr("Inbreng, afvoer (→ per bestemming) en voorraad per periode, "
                                  "in kg"))
        self.set_content(self.make_header(subtitle), body, scroll=False)
        ctx.hub.changed.connect(self._on_changed)

    def title(self) -> str:
        return self.tr("Balans")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if GOODS in changes:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        years = query(self.ctx, self, lambda s: flow_years(s, actor))
        groups = query(self.ctx, self, lambda s: product_groups(s, include_inactive=True))
        for combo in (self.year_combo, self.group_combo):
            combo.blockSignals(True)
        if years:
            self.year_combo.set_choices([Choice(y, str(y)) for y in years])
        if groups is not None:
            language = current_language()
            self.group_combo.set_choices([Choice(g.id, g.label(language)) for g in groups])
        for combo in (self.year_combo, self.group_combo):
            combo.blockSignals(False)
        self._stale = False
        self.load()

    def load(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        year = int(self.year_combo.value or dt.date.today().year)
        granularity = str(self.granularity_combo.value or "month")
        group = self.group_combo.value
        group_id = int(group) if group is not None else None
        result = query(self.ctx, self,
                       lambda s: balance(s, actor, granularity, year, group_id))
        if result is None:
            return
        self.result = result
        self.model.set_balance(result)
        for column in range(self.model.columnCount()):
            self.view.resizeColumnToContents(column)
        self.view.setColumnWidth(BalanceModel.warning_column,
                                 min(self.view.columnWidth(BalanceModel.warning_column), 300))
        self.notice.setVisible(result.warnings > 0)
        # The "Let op" column only when a period needs it.
        self.view.setColumnHidden(BalanceModel.warning_column, result.warnings == 0)
        if result.periods:
            last = result.periods[-1].total
            self.summary_label.setText(self.tr("Voorraad aan het eind: {kg} kg").format(
                kg=format_number(last.closing, 1)))
        else:
            self.summary_label.setText("")
