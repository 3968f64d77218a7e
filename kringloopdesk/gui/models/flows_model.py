"""The Stromen list: model, proxy and view together.

The model is windowed (``WindowedTableModel``): ``services.flows.list_flows`` filters, sorts
and cuts in the database, 200 rows a window, and the count follows the first window, so a
million weighings open as fast as a hundred and the last of them is one window away.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QWidget

from kringloopdesk.db.codes import BESTEMMING, DIRECTIONS, HERKOMST
from kringloopdesk.gui.models.lazy_model import Counter, LazyProxy, Loader, WindowedTableModel
from kringloopdesk.gui.models.row_model import ROOT, Index
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.i18n import current_language
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
    text = f"{Decimal(value).quantize(_GRAM, rounding=ROUND_HALF_UP):,.3f}".translate(_DUTCH)
    return text.rstrip("0").rstrip(",")


def _flow_date(flow: FlowRow) -> str:
    """``format_date`` without ``strftime``, which imports ``time`` on every call (and
    PySide's import hook makes an import slow): the list shows thousands of dates."""
    day = flow.flow_date
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


_GRAM = Decimal("0.001")
_DUTCH = str.maketrans({",": ".", ".": ","})


class FlowsModel(WindowedTableModel[FlowRow, FlowQuery]):
    # A screenful and a bit: the first paint waits for one window (64 rows cost a third of
    # 200), and scrolling or a jump reads a window per screen either way.
    batch_size = 64

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

    def reversed_query(self, query: FlowQuery) -> FlowQuery:
        return replace(query, sort=replace(query.sort, descending=not query.sort.descending))

    def count_first(self, query: FlowQuery) -> bool:
        # A note search reads every row: the count scans the table (0.1 s for a million),
        # the window walks the date index and looks up each row (0.35 s) to find nothing.
        return bool(query.filter.text.strip())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return _RIGHT if self.columns[section] == "kg" else _LEFT
        return super().headerData(section, orientation, role)

    def columnCount(self, parent: Index = ROOT) -> int:
        # Without translating the titles: a view asks this for every index it makes.
        return 0 if parent.isValid() else len(self.columns)

    def _text(self, flow: FlowRow, column: str) -> str:
        return _TEXTS[column](flow)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The display text first and quickly: a view asks it of every visible cell, and a
        # Python model pays for each call.
        if role == _DISPLAY:
            flow = self._row(index.row())  # row -1 (an invalid index): None
            column = index.column()
            if flow is None or not 0 <= column < _COLUMN_COUNT:
                return None
            return _TEXT_OF[column](flow)
        if role not in _ROLES:
            return None
        flow = self.row_for(index)
        if flow is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == _ALIGNMENT:
            return _RIGHT if column == "kg" else _LEFT
        if role == _TOOLTIP:
            if column == "note" and flow.note:
                return flow.note
            return None
        if role == _FOREGROUND:
            if column == "direction":
                colors = current_colors()
                return QColor(colors.primary if flow.direction == "in" else colors.ochre)
            return None
        return flow.id  # FLOW_ID_ROLE


@cache
def _label(direction: str, channel: str | None, language: str) -> str:
    """The text of a direction (``channel`` None) or of its herkomst/bestemming, once."""
    if channel is None:
        return DIRECTIONS.label(direction, language)
    codes = HERKOMST if direction == "in" else BESTEMMING
    return codes.label(channel, language) if channel in codes else channel


_TEXTS = {
    "flow_date": _flow_date,
    "direction": lambda flow: _label(flow.direction, None, current_language()),
    "product_group": lambda flow: flow.product_group,
    "kg": lambda flow: format_flow_kg(flow.kg),
    "channel": lambda flow: _label(flow.direction, flow.channel, current_language()),
    "note": lambda flow: (flow.note or "").replace("\n", " "),
    "created_by": lambda flow: flow.created_by or "",
}
_TEXT_OF = tuple(_TEXTS[name] for name in FLOW_COLUMNS)
_COLUMN_COUNT = len(FLOW_COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _TOOLTIP, _FOREGROUND, int(FLOW_ID_ROLE)})


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
