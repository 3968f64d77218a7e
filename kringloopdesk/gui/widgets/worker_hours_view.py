"""One worker's hours over a period: per day, per week or per month, newest first, with the
total. Made for the Uren page's "Per deelnemer" tab and for an hours tab in the worker form:

    view = WorkerHoursView(ctx)
    view.set_worker(worker_id)      # None empties it

Reads ``services.hours.worker_hours`` (number and name only, which every role may see).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.formatting import DUTCH, format_date, month_name
from kringloopdesk.gui.models.row_model import Index, RowTableModel
from kringloopdesk.gui.operations import query
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.services.hours import WorkerHours, format_hours, worker_hours

DAYS, WEEKS, MONTHS = "days", "weeks", "months"
PERIODS = ("3_months", "this_month", "last_month", "this_year", "last_year", "all")

# One shown row: the texts per column, and the hours (right-aligned, bold in the total).
Row = tuple[tuple[str, ...], Decimal]


def period_dates(period: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of a named period around ``today`` (None: unbounded)."""
    first_of_month = today.replace(day=1)
    if period == "this_month":
        return first_of_month, today
    if period == "last_month":
        last = first_of_month - dt.timedelta(days=1)
        return last.replace(day=1), last
    if period == "3_months":
        month = first_of_month.month - 2
        year = first_of_month.year + (month - 1) // 12
        return first_of_month.replace(year=year, month=(month - 1) % 12 + 1), today
    if period == "this_year":
        return today.replace(month=1, day=1), today
    if period == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None, None


class WorkerHoursModel(RowTableModel[Row]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = DAYS

    def column_titles(self) -> tuple[str, ...]:
        if self.mode == WEEKS:
            return (self.tr("Week"), self.tr("Van"), self.tr("Tot en met"), self.tr("Dagen"),
                    self.tr("Uren"))
        if self.mode == MONTHS:
            return (self.tr("Maand"), self.tr("Dagen"), self.tr("Uren"))
        return (self.tr("Datum"), self.tr("Dag"), self.tr("Afdeling"), self.tr("Uren"))

    def show(self, hours: WorkerHours | None, mode: str) -> None:
        self.beginResetModel()
        self.mode = mode
        self._rows = self._rows_of(hours) if hours is not None else []
        self.endResetModel()

    def _rows_of(self, hours: WorkerHours) -> list[Row]:
        if self.mode == WEEKS:
            return [
                ((self.tr("week {n} ({year})").format(n=w.week_number,
                                                      year=w.first_day.isocalendar().year),
                  format_date(w.first_day), format_date(w.last_day), str(w.days)), w.hours)
                for w in reversed(hours.weeks)
            ]
        if self.mode == MONTHS:
            return [
                ((f"{month_name(m.first_day)} {m.first_day.year}", str(m.days)), m.hours)
                for m in reversed(hours.months)
            ]
        return [
            ((format_date(line.day),
              DUTCH.dayName(line.day.isoweekday(), DUTCH.FormatType.LongFormat),
              line.department_label), line.hours)
            for line in reversed(hours.lines)
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and orientation == Qt.Orientation.Horizontal
                and section == len(self.column_titles()) - 1):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        texts, hours = row
        last = index.column() == len(texts)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_hours(hours) if last else texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and last:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class WorkerHoursView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker_id: int | None = None
        self.today: dt.date | None = None  # tests pin "today"
        self.hours: WorkerHours | None = None
        self.period_combo = QComboBox()
        labels = {
            "3_months": self.tr("Laatste 3 maanden"),
            "this_month": self.tr("Deze maand"),
            "last_month": self.tr("Vorige maand"),
            "this_year": self.tr("Dit jaar"),
            "last_year": self.tr("Vorig jaar"),
            "all": self.tr("Alles"),
        }
        for period in PERIODS:
            self.period_combo.addItem(labels[period], period)
        self.period_combo.setToolTip(self.tr("Welke periode"))
        self.period_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.mode_buttons = QButtonGroup(self)
        mode_row = QHBoxLayout()
        mode_row.setSpacing(0)
        for number, (mode, text) in enumerate(
            ((DAYS, self.tr("Per &dag")), (WEEKS, self.tr("Per &week")),
             (MONTHS, self.tr("Per &maand")))
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setProperty("mode", mode)
            button.setChecked(number == 0)
            self.mode_buttons.addButton(button, number)
            mode_row.addWidget(button)
        self.mode_buttons.idClicked.connect(lambda _id: self._show())
        self.summary_label = QLabel()
        self.summary_label.setObjectName("ListCount")
        self.summary_label.setStyleSheet("font-size: 14px;")
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.period_combo)
        top.addLayout(mode_row)
        top.addStretch(1)
        top.addWidget(self.summary_label)
        self.model = WorkerHoursModel(self)
        self.view = ListView("worker_hours")
        self.view.setModel(self.model)
        self.view.set_empty_text(self.tr("Kies een deelnemer om de uren te zien"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    @property
    def mode(self) -> str:
        button = self.mode_buttons.checkedButton()
        return str(button.property("mode")) if button is not None else DAYS

    def set_mode(self, mode: str) -> None:
        for button in self.mode_buttons.buttons():
            button.setChecked(button.property("mode") == mode)
        self._show()

    def set_period(self, period: str) -> None:
        self.period_combo.setCurrentIndex(PERIODS.index(period))

    def set_worker(self, worker_id: int | None) -> None:
        self.worker_id = worker_id
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        worker_id = self.worker_id
        if actor is None or worker_id is None:
            self.hours = None
            self._show()
            return
        start, end = period_dates(self.period_combo.currentData(), self.today or dt.date.today())
        self.hours = query(self.ctx, self, lambda s: worker_hours(s, actor, worker_id, start,
                                                                  end))
        self._show()

    def _show(self) -> None:
        self.model.show(self.hours, self.mode)
        widths = {DAYS: [130, 130, 240], WEEKS: [160, 130, 130, 90], MONTHS: [220, 90]}
        self.view.state_key = f"worker_hours_{self.mode}"  # each mode its own columns
        self.view.set_column_widths(widths[self.mode])
        hours = self.hours
        if hours is None:
            self.summary_label.setText("")
            self.view.set_empty_text(self.tr("Kies een deelnemer om de uren te zien"))
            return
        self.view.set_empty_text(
            self.tr("Geen uren van {name} in deze periode").format(name=hours.worker.full_name)
        )
        days = hours.days
        self.summary_label.setText(
            self.tr("{name}: {hours} uur op {days} dagen").format(
                name=hours.worker.display, hours=format_hours(hours.total), days=days
            ) if days != 1 else self.tr("{name}: {hours} uur op 1 dag").format(
                name=hours.worker.display, hours=format_hours(hours.total)
            )
        )

