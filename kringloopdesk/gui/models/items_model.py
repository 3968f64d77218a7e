"""The Artikelen list: model, proxy and view together.

Lazy like the Deelnemers list (``services.items.list_items`` filters, sorts and cuts in the
database, 200 rows a window). The Keuring column says where an electrical item stands with its
safety test: not tested, failed (red) or passed (with the date); "—" for an item that needs
none. The view allows several rows to be selected, for a sheet of labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QWidget

from kringloopdesk.db.codes import ITEM_STATUSES
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.models.lazy_model import Counter, LazyProxy, LazyTableModel, Loader
from kringloopdesk.gui.models.row_model import Index
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.i18n import current_language
from kringloopdesk.services.items import (
    ITEM_LIST_COLUMNS,
    TEST_FAILED,
    TEST_MISSING,
    TEST_PASSED,
    ItemFilter,
    ItemListRow,
    ItemSort,
    format_price,
)

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_WIDTHS = {
    "number": 96, "description": 230, "group": 170, "brand": 110, "status": 110,
    "price": 90, "intake_date": 96, "test": 150,
}

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ItemQuery:
    filter: ItemFilter = field(default_factory=ItemFilter)
    sort: ItemSort = field(default_factory=ItemSort)


def column_titles() -> tuple[str, ...]:
    titles = {
        "number": translate("ItemsModel", "Nummer"),
        "description": translate("ItemsModel", "Omschrijving"),
        "group": translate("ItemsModel", "Productgroep"),
        "brand": translate("ItemsModel", "Merk"),
        "status": translate("ItemsModel", "Status"),
        "price": translate("ItemsModel", "Prijs"),
        "intake_date": translate("ItemsModel", "Inname"),
        "test": translate("ItemsModel", "Keuring"),
    }
    return tuple(titles[column] for column in ITEM_LIST_COLUMNS)


def status_label(code: str) -> str:
    return ITEM_STATUSES.label(code, current_language()) if code in ITEM_STATUSES else code


def test_text(state: str, day) -> str:
    if state == TEST_MISSING:
        return translate("ItemsModel", "Niet getest")
    if state == TEST_FAILED:
        return translate("ItemsModel", "Afgekeurd {date}").format(date=format_date(day))
    if state == TEST_PASSED:
        return translate("ItemsModel", "Goedgekeurd {date}").format(date=format_date(day))
    return "—"


class ItemsModel(LazyTableModel[ItemListRow, ItemQuery]):
    columns = ITEM_LIST_COLUMNS

    def __init__(self, load: Loader, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(load, count, ItemQuery(), parent)

    def column_titles(self) -> tuple[str, ...]:
        return column_titles()

    def set_filter(self, flt: ItemFilter) -> None:
        self.set_query(replace(self.query, filter=flt))

    def query_for_sort(self, query: ItemQuery, column: int, order: Qt.SortOrder) -> ItemQuery:
        if not 0 <= column < len(self.columns):
            return query
        sort = ItemSort(self.columns[column], order == Qt.SortOrder.DescendingOrder)
        return replace(query, sort=sort)

    def _text(self, item: ItemListRow, column: str) -> str:
        if column == "number":
            return item.item_number
        if column == "description":
            return item.description
        if column == "group":
            return item.product_group_label
        if column == "brand":
            return " ".join(part for part in (item.brand, item.model) if part)
        if column == "status":
            return status_label(item.status)
        if column == "price":
            return format_price(item.price_cents)
        if column == "intake_date":
            return format_date(item.intake_date)
        if column == "test":
            return test_text(item.test_state, item.test_date)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_for(index)
        if item is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "price":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "test" and item.test_state in (TEST_MISSING, TEST_FAILED):
                return self.tr("Elektrisch apparaat: pas te koop na een goedgekeurde "
                               "veiligheidstest")
            if column in ("description", "brand", "group"):
                return self._text(item, column) or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = current_colors()
            if column == "test":
                if item.test_state == TEST_FAILED:
                    return QColor(colors.danger)
                if item.test_state == TEST_MISSING:
                    return QColor(colors.ochre)
                if item.test_state == TEST_PASSED:
                    return QColor(colors.primary)
            if item.status in ("verkocht", "gerecycled", "afgevoerd"):
                return QColor(colors.muted_text)
            return None
        if role == ITEM_ID_ROLE:
            return item.id
        return None


class ItemsProxy(LazyProxy):
    pass


class ItemsView(ListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("items", parent)
        self.setItemDelegate(ForegroundDelegate(self))
        self.setSortingEnabled(True)
        # Several rows for a sheet of labels (Ctrl/Shift+click).
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    def prepare_columns(self) -> None:
        """Starting widths (after the model is set); then whatever this PC remembered."""
        self.set_column_widths([COLUMN_WIDTHS[name] for name in ITEM_LIST_COLUMNS])

    def selected_indexes(self) -> list:
        model = self.selectionModel()
        return sorted(model.selectedRows(), key=lambda i: i.row()) if model else []
