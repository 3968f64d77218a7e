"""An item's history in the item form: its repairs and its safety tests, newest first (the
services' order; an item has a handful, so each list is loaded whole).

Repairs are opened (Enter, double-click) to change them and can be deleted. Safety tests are
read-only: a test is evidence of what was measured on that day, so a wrong test is corrected
by recording a new one (the latest test counts), never by changing the old one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.models.row_model import Index, RowTableModel
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.gui.widgets.foreground_delegate import ForegroundDelegate
from kringloopdesk.gui.widgets.list_view import ListView
from kringloopdesk.services.repairs import END_OF_LIFE, RepairInfo
from kringloopdesk.services.safety import SafetyTestInfo, format_decimal

HISTORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
(R_DATE, R_OUTCOME, R_PROBLEM, R_REPAIRER) = range(4)
(T_DATE, T_RESULT, T_CLASS, T_VALUES, T_TESTER, T_INSTRUMENT) = range(6)


class RepairsModel(RowTableModel[RepairInfo]):
    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Datum"), self.tr("Uitkomst"), self.tr("Probleem"),
                self.tr("Gerepareerd door"))

    def repair_at(self, row: int) -> RepairInfo:
        return self.row_at(row)

    def outcome_text(self, repair: RepairInfo) -> str:
        return self._text(repair, R_OUTCOME)

    def _text(self, repair: RepairInfo, column: int) -> str:
        if column == R_DATE:
            return format_date(repair.repair_date)
        if column == R_OUTCOME:
            if repair.outcome == END_OF_LIFE and repair.barrier:
                return f"{repair.outcome_label} — {repair.barrier_label}"
            return repair.outcome_label
        if column == R_PROBLEM:
            return " ".join((repair.problem or "").split())
        if column == R_REPAIRER:
            return repair.repairer_name or self.tr("(onbekend)")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        repair = self.row_for(index)
        if repair is None or not 0 <= index.column() < self.columnCount():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(repair, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self._text(repair, R_OUTCOME)]
            if repair.problem:
                lines.append(self.tr("Probleem: {text}").format(text=repair.problem))
            if repair.notes:
                lines.append(self.tr("Notities: {text}").format(text=repair.notes))
            lines.append(self.tr("Enter of dubbelklik: wijzigen · Delete: verwijderen"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == R_OUTCOME:
            colors = current_colors()
            if repair.outcome == "Fixed":
                return QColor(colors.primary)
            if repair.outcome == END_OF_LIFE:
                return QColor(colors.danger)
            return None
        if role == HISTORY_ID_ROLE:
            return repair.id
        return None


def _value(value: Decimal | None, unit: str) -> str:
    return f"{format_decimal(value)} {unit}" if value is not None else ""


class SafetyTestsModel(RowTableModel[SafetyTestInfo]):
    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Datum"), self.tr("Oordeel"), self.tr("Klasse"), self.tr("Metingen"),
                self.tr("Getest door"), self.tr("Meetinstrument"))

    def test_at(self, row: int) -> SafetyTestInfo:
        return self.row_at(row)

    def _measurements(self, test: SafetyTestInfo) -> list[tuple[str, str, str]]:
        """(short name, full name, value) of what was measured."""
        found = [
            (self.tr("PE"), self.tr("Beschermingsleiding"),
             _value(test.pe_resistance_ohm, "Ω")),
            (self.tr("Iso"), self.tr("Isolatieweerstand"), _value(test.insulation_mohm, "MΩ")),
            (self.tr("Lek"), self.tr("Lekstroom"), _value(test.leakage_current_ma, "mA")),
            (self.tr("Aanraak"), self.tr("Aanraakstroom"), _value(test.touch_current_ma, "mA")),
        ]
        return [entry for entry in found if entry[2]]

    def _checks(self, test: SafetyTestInfo) -> list[str]:
        """What was not in order beyond the measurements."""
        problems = []
        if not test.visual_ok:
            problems.append(self.tr("visuele inspectie niet in orde"))
        if not test.functional_ok:
            problems.append(self.tr("functionele test niet in orde"))
        return problems

    def _text(self, test: SafetyTestInfo, column: int) -> str:
        if column == T_DATE:
            return format_date(test.test_date)
        if column == T_RESULT:
            return self.tr("Goedgekeurd") if test.passed else self.tr("Afgekeurd")
        if column == T_CLASS:
            return test.protection_class
        if column == T_VALUES:
            parts = [f"{short} {value}" for short, _full, value in self._measurements(test)]
            parts += self._checks(test)
            return " · ".join(parts)
        if column == T_TESTER:
            return test.tester_name or self.tr("(onbekend)")
        if column == T_INSTRUMENT:
            return test.instrument or ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        test = self.row_for(index)
        if test is None or not 0 <= index.column() < self.columnCount():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(test, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.tr("{result} op {date}, klasse {c}").format(
                result=self._text(test, T_RESULT), date=format_date(test.test_date),
                c=test.protection_class)]
            lines += [f"{full}: {value}" for _short, full, value in self._measurements(test)]
            lines.append(self.tr("Visuele inspectie: {ok}").format(
                ok=self.tr("in orde") if test.visual_ok else self.tr("niet in orde")))
            lines.append(self.tr("Functionele test: {ok}").format(
                ok=self.tr("in orde") if test.functional_ok else self.tr("niet in orde")))
            lines.append(self.tr("Een test is bewijs en wordt niet gewijzigd; een verkeerde "
                                 "test corrigeert u met een nieuwe test."))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == T_RESULT:
            colors = current_colors()
            return QColor(colors.primary if test.passed else colors.danger)
        if role == HISTORY_ID_ROLE:
            return test.id
        return None


class HistoryView(ListView):
    """A short list inside the item form: no remembered sort, the first columns sized to
    their content and one column that takes the rest. Delete asks for ``delete_requested``
    (the form decides whether its rows may be deleted)."""

    delete_requested = Signal()

    def __init__(self, state_key: str, stretch: int, widths: dict[int, int],
                 parent: QWidget | None = None) -> None:
        super().__init__(state_key, parent)
        self.setItemDelegate(ForegroundDelegate(self))
        self.stretch_column = stretch
        self.widths = widths
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)

    def prepare_columns(self) -> None:
        header = self.horizontalHeader()
        for column, width in self.widths.items():
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.selected_index() is not None:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def selected_row(self) -> int | None:
        index = self.selected_index()
        return index.row() if index is not None else None


def repairs_view() -> HistoryView:
    return HistoryView("item-repairs", R_PROBLEM, {R_DATE: 96, R_OUTCOME: 250,
                                                   R_REPAIRER: 150})


def tests_view() -> HistoryView:
    return HistoryView("item-tests", T_VALUES, {T_DATE: 96, T_RESULT: 110, T_CLASS: 56,
                                                T_TESTER: 120, T_INSTRUMENT: 180})
