"""The Stromen list: model, proxy and view together.

The model is lazy (``LazyTableModel``): ``services.flows.list_flows`` filters, sorts and cuts
in the database, 200 rows a window, so a million weighings open as fast as a hundred.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QWidget

from kringloopdesk.gui.formatting import format_date, format_number
from kringloopdesk.gui.models.lazy_model import Counter, LazyProxy, LazyTableModel, Loader
from kringloopdesk.gui.models.row_model import Index
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.services.flows import FLOW_COLUMNS, FlowFilter, FlowRow, FlowSort

FLOW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_WIDTHS = {
    "flow_date": 104, "direction": 96, "product_group": 190, "kg": 110, "channel": 170,
    "note": 260, "created_by": 150,
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

translate = QCoreApplication.translate


@dataclass(frozen=True)
class FlowQuery:
    filter: FlowFilter = field(default_factory=FlowFilter)
    sort: FlowSort = field(default_factory=FlowSort)


def column_titles() -> tuple[str, ...]:
    titles = {
        "flow_date": translate("FlowsModel", "Datum"),
        "direction": translate("FlowsModel", "Richting"),
        "product_group": translate("FlowsModel", "Productgroep"),
        "kg": translate("FlowsModel", "Gewicht (kg)"),
        "channel": translate("FlowsModel", "Herkomst / bestemming"),
        "note": translate("FlowsModel", "Opmerking"),
        "created_by": translate("FlowsModel", "Gewogen door"),
    }
    return tuple(titles[column] for column in FLOW_COLUMNS)


def format_flow_kg(value) -> str:
    """Whole grams, without needless zeros: 12,5 · 3 · 0,125."""
    text = format_number(value, 3)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


class FlowsModel(LazyTableModel[FlowRow, FlowQuery]):
    def __init__(self, load: Loader, count: Counter, parent: QObject | None = None) -> None:
        super().__init__(load, count, FlowQuery(), parent)
        self.columns = FLOW_COLUMNS

    def column_titles(self) -> tuple[str, ...]:
        return column_titles()

    def column_of(self, name: str) -> int:
        return self.columns.index(name)

    def set_filter(self, flt: FlowFilter) -> None:
        self.set_query(replace(self.query, filter=flt))

    def query_for_sort(self, query: FlowQuery, column: int, order: Qt.SortOrder) -> FlowQuery:
        if not 0 <= column < len(self.columns):
            return query
        return replace(query, sort=FlowSort(self.columns[column],
                                            order == Qt.SortOrder.DescendingOrder))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return _RIGHT if self.columns[section] == "kg" else _LEFT
        return super().headerData(section, orientation, role)

    def _text(self, flow: FlowRow, column: str) -> str:
        if column == "flow_date":
            return format_date(flow.flow_date)
        if column == "direction":
            return flow.direction_label
        if column == "product_group":
            return flow.product_group
        if column == "kg":
            return format_flow_kg(flow.kg)
        if column == "channel":
            return flow.channel_label
        if column == "note":
            return (flow.note or "").replace("\n", " ")
        if column == "created_by":
            return flow.created_by or ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        flow = self.row_for(index)
        if flow is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(flow, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == "kg" else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "note" and flow.note:
                return flow.note
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "direction":
                colors = current_colors()
                return QColor(colors.primary if flow.direction == "in" else colors.ochre)
            return None
        if role == FLOW_ID_ROLE:
            return flow.id
        return None


class FlowsProxy(LazyProxy):
    pass


class FlowsView(ListView):
    """The list; Delete asks the page to delete the selected weighing."""

    delete_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            index = self.selected_index()
            if index is not None and index.isValid():
                self.delete_requested.emit(index)
                return
        super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("flows", parent)
        self.setItemDelegate(ForegroundDelegate(self))
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

    def prepare_columns(self) -> None:
        """Starting widths (after the model is set), then what this PC remembered."""
        self.set_column_widths([COLUMN_WIDTHS[name] for name in FLOW_COLUMNS])
