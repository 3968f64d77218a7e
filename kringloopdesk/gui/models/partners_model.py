"""The Partners page's two lists: partner organisations, and the agreements of the chosen one.
Model, sort proxy and view together (one file per list screen).

Both models hold plain service rows (``PartnerRow``, ``AgreementInfo``); the search and the kind
filter are the service's (a shop has tens of partners, so the list is read whole).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from kringloopdesk.gui import icons
from kringloopdesk.gui.formatting import format_date, format_number
from kringloopdesk.gui.models.row_model import Index, RowTableModel
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.services.partners import AgreementInfo, PartnerRow
from kringloopdesk.services.workers import fold

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PARTNER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
AGREEMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3

(NAME, KIND, AGREEMENTS, PLACEMENTS) = range(4)
PARTNER_COLUMN_WIDTHS = [200, 140, 114, 92]
(TITLE, SIGNED, VALID_TO) = range(3)
AGREEMENT_COLUMN_WIDTHS = [220, 100, 120]
_NUMBER_COLUMNS = (AGREEMENTS, PLACEMENTS)


class PartnersModel(RowTableModel[PartnerRow]):
    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Naam"), self.tr("Soort"), self.tr("Overeenkomsten"),
                self.tr("Plaatsingen"))

    def row_of_id(self, partner_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == partner_id), None)

    def _text(self, row: PartnerRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == KIND:
            return row.kind_label
        if column == AGREEMENTS:
            return format_number(row.agreement_count)
        if column == PLACEMENTS:
            return format_number(row.placement_count)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            if column == AGREEMENTS:
                return row.agreement_count
            if column == PLACEMENTS:
                return row.placement_count
            return fold(self._text(row, column))
        if role == PARTNER_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in _NUMBER_COLUMNS:
            count = row.agreement_count if column == AGREEMENTS else row.placement_count
            return QColor(current_colors().muted_text) if count == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            lines = [row.name, row.city or "", row.contact_name or ""]
            return "\n".join(line for line in lines if line)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and orientation == Qt.Orientation.Horizontal and section in _NUMBER_COLUMNS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)


class AgreementsModel(RowTableModel[AgreementInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Titel"), self.tr("Getekend"), self.tr("Geldig t/m"))

    def row_of_id(self, agreement_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == agreement_id), None)

    def _expired(self, info: AgreementInfo) -> bool:
        return info.valid_to is not None and info.valid_to < self.today

    def _text(self, info: AgreementInfo, column: int) -> str:
        if column == TITLE:
            return info.title
        if column == SIGNED:
            return format_date(info.signed_date) if info.signed_date else self.tr("niet getekend")
        if column == VALID_TO:
            if info.valid_to is None:
                return self.tr("onbepaalde tijd")
            if self._expired(info):
                return self.tr("{date} (verlopen)").format(date=format_date(info.valid_to))
            return format_date(info.valid_to)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.row_for(index)
        if info is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == SORT_ROLE:
            if column == SIGNED:
                return info.signed_date.toordinal() if info.signed_date else 0
            if column == VALID_TO:
                return info.valid_to.toordinal() if info.valid_to else 10**7
            return fold(info.title)
        if role == AGREEMENT_ID_ROLE:
            return info.id
        colors = current_colors()
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and not info.printable:
            return icons.icon("alert", colors.ochre)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return "\n".join([info.title, *info.warnings])
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == VALID_TO and self._expired(info):
                return QColor(colors.danger)
            if column == SIGNED and info.signed_date is None:
                return QColor(colors.muted_text)
        return None


class PartnersProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)


class PartnersView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("partners", parent)
        self.setSortingEnabled(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)

    def set_column_widths(self, widths: list[int]) -> None:
        super().set_column_widths(widths)
        # The name takes the room there is (the pane is as wide as the splitter gives it).
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)


class AgreementsView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("agreements", parent)
        self.setSortingEnabled(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sortByColumn(SIGNED, Qt.SortOrder.DescendingOrder)

    def set_column_widths(self, widths: list[int]) -> None:
        super().set_column_widths(widths)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)

