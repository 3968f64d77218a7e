"""The week grid of the Uren page as a table model: a row per worker, a column per day, the
week total at the right and the day totals in a last row.

The model holds the week as read (``services.hours.WeekGrid``) and, on top of it, the cells
typed but not yet saved (``pending``: a Decimal, or None for a cleared cell). A typed value
that breaks a rule (more than 24 hours, three decimals) is kept with its problem, shown in red,
and blocks saving until it is fixed; after a refused save the service's reasons are shown on
their cells the same way. Totals include what is typed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kringloopdesk.errors import ValidationError
from kringloopdesk.gui.formatting import DUTCH, format_long_date
from kringloopdesk.gui.theme import current_colors, mix
from kringloopdesk.services.hours import (
    DAYS_PER_WEEK,
    Cell,
    WeekGrid,
    cell_key,
    format_hours,
    hours_problem,
    parse_hours,
)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

NAME_COLUMN = 0
NUMBER_COLUMN = 1
FIRST_DAY_COLUMN = 2
TOTAL_COLUMN = FIRST_DAY_COLUMN + DAYS_PER_WEEK
COLUMN_COUNT = TOTAL_COLUMN + 1
PENDING_ROLE = Qt.ItemDataRole.UserRole + 1  # True on a cell typed but not yet saved
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2  # why the cell cannot be saved, else None
TODAY_ROLE = Qt.ItemDataRole.UserRole + 3  # True in today's column

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class HoursWeekModel(QAbstractTableModel):
    pending_changed = Signal()  # the typed-but-unsaved cells or their problems changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: WeekGrid | None = None
        self._pending: dict[Cell, Decimal | None] = {}
        self._problems: dict[Cell, str] = {}  # typed values that break a rule
        self._refused: dict[Cell, str] = {}  # reasons of the last refused save
        self._brushes: dict[str, QBrush] = {}

    # -- the week -------------------------------------------------------------------------

    def set_grid(self, grid: WeekGrid | None) -> None:
        """Show a week as read; forgets whatever was typed."""
        self.beginResetModel()
        self.grid = grid
        self._pending.clear()
        self._problems.clear()
        self._refused.clear()
        self.endResetModel()
        self.pending_changed.emit()

    def rebase(self, grid: WeekGrid) -> None:
        """Show the same week as read again, keeping what was typed (where it still differs
        from what is stored and the day still belongs to the worker's placement)."""
        shown = grid.shown()
        pending = {
            cell: value
            for cell, value in self._pending.items()
            if cell in shown and value != shown[cell]
        }
        problems = {cell: text for cell, text in self._problems.items() if cell in pending}
        self.beginResetModel()
        self.grid = grid
        self._pending = pending
        self._problems = problems
        self._refused.clear()
        self.endResetModel()
        self.pending_changed.emit()

    @property
    def worker_count(self) -> int:
        return len(self.grid.rows) if self.grid is not None else 0

    def is_totals_row(self, row: int) -> bool:
        return self.worker_count > 0 and row == self.worker_count

    @staticmethod
    def day_of(column: int) -> int | None:
        day = column - FIRST_DAY_COLUMN
        return day if 0 <= day < DAYS_PER_WEEK else None

    def cell_at(self, index: Index) -> Cell | None:
        """The (placement, day) behind a day cell of a worker, None elsewhere or outside
        every placement."""
        day = self.day_of(index.column())
        if self.grid is None or day is None or not 0 <= index.row() < self.worker_count:
            return None
        return self.grid.cell(index.row(), day)

    def is_editable(self, index: Index) -> bool:
        day = self.day_of(index.column())
        return (
            self.grid is not None
            and day is not None
            and 0 <= index.row() < self.worker_count
            and self.grid.editable(index.row(), day)
        )

    def index_of(self, cell: Cell) -> QModelIndex:
        placement_id, day = cell
        if self.grid is None:
            return QModelIndex()
        offset = (day - self.grid.monday).days
        if not 0 <= offset < DAYS_PER_WEEK:
            return QModelIndex()
        for row, line in enumerate(self.grid.rows):
            if line.placements[offset] == placement_id:
                return self.index(row, FIRST_DAY_COLUMN + offset)
        return QModelIndex()

    def value(self, row: int, day: int) -> Decimal | None:
        """What the cell shows: the typed value when there is one, else the stored sum."""
        assert self.grid is not None
        cell = self.grid.cell(row, day)
        if cell is not None and cell in self._pending:
            return self._pending[cell]
        return self.grid.rows[row].hours[day]

    def row_total(self, row: int) -> Decimal:
        values = (self.value(row, d) for d in range(DAYS_PER_WEEK))
        return sum((v for v in values if v is not None), Decimal("0.00"))

    def day_total(self, day: int) -> Decimal:
        values = (self.value(r, day) for r in range(self.worker_count))
        return sum((v for v in values if v is not None), Decimal("0.00"))

    def week_total(self) -> Decimal:
        return sum((self.row_total(r) for r in range(self.worker_count)), Decimal("0.00"))

    # -- what was typed -------------------------------------------------------------------

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def pending_changes(self) -> dict[Cell, Decimal | None]:
        return dict(self._pending)

    def expected(self) -> dict[Cell, Decimal | None]:
        """What the changed cells showed when the week was read (for ``save_week``)."""
        assert self.grid is not None
        shown = self.grid.shown()
        return {cell: shown.get(cell) for cell in self._pending}

    def problems(self) -> list[tuple[Cell, str]]:
        """Every cell that cannot be saved as it is, in reading order, with its reason."""
        found = {**self._refused, **self._problems}
        return sorted(found.items(), key=lambda item: self._reading_order(item[0]))

    def _reading_order(self, cell: Cell) -> tuple[int, int]:
        index = self.index_of(cell)
        return (index.row(), index.column()) if index.isValid() else (1 << 30, 0)

    def show_refusal(self, error: ValidationError) -> None:
        """Put the reasons of a refused save on their cells (``field_errors`` by cell key)."""
        assert self.grid is not None
        by_key = {cell_key(cell): cell for cell in self.grid.shown()}
        self._refused = {
            by_key[key]: text for key, text in error.field_errors.items() if key in by_key
        }
        self._cells_changed(list(self._refused))
        self.pending_changed.emit()

    def clear_cell(self, index: Index) -> bool:
        return self.setData(index, "", Qt.ItemDataRole.EditRole)

    def _cells_changed(self, cells: list[Cell]) -> None:
        if self.grid is None or not self.worker_count:
            return
        for cell in cells:
            index = self.index_of(cell)
            if not index.isValid():
                continue
            self.dataChanged.emit(index, index)
            total = self.index(index.row(), TOTAL_COLUMN)
            self.dataChanged.emit(total, total)
            bottom = self.index(self.worker_count, index.column())
            self.dataChanged.emit(bottom, bottom)
        corner = self.index(self.worker_count, TOTAL_COLUMN)
        self.dataChanged.emit(corner, corner)

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() or not self.worker_count:
            return 0
        return self.worker_count + 1  # the day totals

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        day = self.day_of(section)
        date = self.grid.days[day] if self.grid is not None and day is not None else None
        is_today = date is not None and self.grid is not None and date == self.grid.today
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME_COLUMN:
                return self.tr("Deelnemer")
            if section == NUMBER_COLUMN:
                return self.tr("Nummer")
            if section == TOTAL_COLUMN:
                return self.tr("Week")
            if date is None:
                return DUTCH.dayName(day + 1, DUTCH.FormatType.ShortFormat)
            name = DUTCH.dayName(date.isoweekday(), DUTCH.FormatType.ShortFormat)
            return f"{name} {date.day}-{date.month}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if date is not None:
                text = format_long_date(date)
                return self.tr("{day} (vandaag)").format(day=text) if is_today else text
            if section == TOTAL_COLUMN:
                return self.tr("De uren van de hele week")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section in (NAME_COLUMN, NUMBER_COLUMN) else _CENTER
        if role == TODAY_ROLE:
            return is_today
        if role == Qt.ItemDataRole.FontRole and (is_today or section == TOTAL_COLUMN):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and is_today:
            return self._brush(current_colors().primary)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid() or index.row() > self.worker_count:
            return None
        row, column = index.row(), index.column()
        if self.is_totals_row(row):
            return self._totals_data(column, role)
        line = self.grid.rows[row]
        day = self.day_of(column)
        if day is None:
            return self._worker_data(row, column, role)
        cell = self.grid.cell(row, day)
        value = self.value(row, day)
        pending = cell is not None and cell in self._pending
        problem = (self._problems.get(cell) or self._refused.get(cell)) if cell else None
        editable = self.grid.editable(row, day)
        is_today = self.grid.days[day] == self.grid.today
        if role == Qt.ItemDataRole.DisplayRole:
            return format_hours(value) if value is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            return format_hours(value) if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if role == PENDING_ROLE:
            return pending
        if role == PROBLEM_ROLE:
            return problem
        if role == TODAY_ROLE:
            return is_today
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._cell_background(editable, pending, problem, is_today)
        if role == Qt.ItemDataRole.ForegroundRole:
            colors = current_colors()
            if problem:
                return self._brush(colors.danger)
            return self._brush(colors.primary_text if editable else colors.muted_text)
        if role == Qt.ItemDataRole.FontRole and pending:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tooltip(row, day, line.entries[day], pending, problem)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = format_hours(value) if value is not None else self.tr("leeg")
            day_name = self.headerData(column, Qt.Orientation.Horizontal)
            return f"{line.full_name}, {day_name}: {shown}"
        return None

    def _worker_data(self, row: int, column: int, role: int) -> Any:
        assert self.grid is not None
        line = self.grid.rows[row]
        colors = current_colors()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME_COLUMN:
                return line.full_name
            if column == NUMBER_COLUMN:
                return line.number
            return format_hours(self.row_total(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER if column == TOTAL_COLUMN else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == NUMBER_COLUMN:
                return self._brush(colors.muted_text)
            return self._brush(colors.primary_text)
        if role == Qt.ItemDataRole.BackgroundRole and column == TOTAL_COLUMN:
            return self._brush(mix(colors.secondary, colors.card, 0.35))
        if role == Qt.ItemDataRole.FontRole and column == TOTAL_COLUMN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME_COLUMN and line.anonymised:
            return self.tr("Geanonimiseerd: de uren kunnen niet meer worden gewijzigd")
        return None

    def _totals_data(self, column: int, role: int) -> Any:
        colors = current_colors()
        day = self.day_of(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME_COLUMN:
                return self.tr("Totaal per dag")
            if column == NUMBER_COLUMN:
                return ""
            if column == TOTAL_COLUMN:
                return format_hours(self.week_total())
            total = self.day_total(day or 0)
            return format_hours(total) if total else ""  # a day without hours stays quiet
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column in (NAME_COLUMN, NUMBER_COLUMN) else _CENTER
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brush(mix(colors.secondary, colors.card, 0.2 if day is None else 0.35))
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brush(colors.primary_text)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(index):
            return False
        assert self.grid is not None
        cell = self.grid.cell(index.row(), index.column() - FIRST_DAY_COLUMN)
        assert cell is not None
        try:
            hours = parse_hours(value if isinstance(value, str | Decimal | int) else str(value))
        except ValidationError:
            return False
        if hours is not None and hours == 0:
            hours = None
        problem = hours_problem(hours) if hours is not None else None
        stored = self.grid.shown()[cell]
        if hours == stored and problem is None:
            self._pending.pop(cell, None)
        else:
            self._pending[cell] = hours
        if problem:
            self._problems[cell] = problem
        else:
            self._problems.pop(cell, None)
        self._refused.pop(cell, None)
        self._cells_changed([cell])
        self.pending_changed.emit()
        return True

    # -- looks ----------------------------------------------------------------------------

    def _brush(self, color: str) -> QBrush:
        brush = self._brushes.get(color)
        if brush is None:
            brush = self._brushes[color] = QBrush(QColor(color))
        return brush

    def _cell_background(
        self, editable: bool, pending: bool, problem: str | None, is_today: bool
    ) -> QBrush:
        colors = current_colors()
        if problem:
            return self._brush(mix(colors.danger, colors.card, 0.86))
        if pending:
            return self._brush(mix(colors.ochre, colors.card, 0.8))
        if not editable:
            return self._brush(mix(colors.secondary_light, colors.card, 0.45))
        if is_today:
            return self._brush(mix(colors.primary, colors.card, 0.9))
        return self._brush(colors.card)

    def _cell_tooltip(
        self, row: int, day: int, entries: int, pending: bool, problem: str | None
    ) -> str | None:
        assert self.grid is not None
        line = self.grid.rows[row]
        date = self.grid.days[day]
        if problem:
            return problem
        if line.anonymised:
            return self.tr("Geanonimiseerd: de uren kunnen niet meer worden gewijzigd")
        if line.placements[day] is None:
            return self.tr("Buiten de plaatsing: hier kunnen geen uren worden ingevuld")
        if date > self.grid.today:
            return self.tr("Deze dag ligt in de toekomst")
        if pending:
            before = line.hours[day]
            was = format_hours(before) if before is not None else self.tr("leeg")
            return self.tr("Nog niet opgeslagen (was: {was}) — Ctrl+S slaat de week op").format(
                was=was
            )
        if entries > 1:
            return self.tr(
                "{n} regels, samen {hours} uur. Wie het vak wijzigt, maakt er één regel van."
            ).format(n=entries, hours=format_hours(line.hours[day] or Decimal(0)))
        return None

