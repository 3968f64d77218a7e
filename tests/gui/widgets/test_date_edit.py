"""Dates as Dutch users type them: 15-3-2025, 15032025, 15/3/25, 15-3 — and a calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from kringloopdesk.gui.widgets.date_edit import DateEdit, parse_date

D = dt.date
TODAY = D(2025, 6, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("   ", None),
        ("15-3-2025", D(2025, 3, 15)),
        ("15-03-2025", D(2025, 3, 15)),
        ("15032025", D(2025, 3, 15)),
        ("150325", D(2025, 3, 15)),
        ("15/3/25", D(2025, 3, 15)),
        ("15.3.2025", D(2025, 3, 15)),
        ("15 3 2025", D(2025, 3, 15)),
        (" 1-2-2024 ", D(2024, 2, 1)),
        ("15-3", D(2025, 3, 15)),  # this year
        ("12-5-78", D(1978, 5, 12)),  # a birth date: last century
        ("1-1-35", D(2035, 1, 1)),  # within ten years: this century
        ("2025-03-15", D(2025, 3, 15)),
        ("29-2-2024", D(2024, 2, 29)),
    ],
)
def test_parse(text: str, expected: dt.date | None) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["31-02-2025", "29-2-2025", "32-1-2025", "15-13-2025",
                                  "1503202", "gisteren", "15-3-20255", "2025-13-01", "0-1-2025"])
def test_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, TODAY)


def test_the_field_writes_the_date_out_when_left(qtbot) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    seen: list[object] = []
    edit.date_changed.connect(seen.append)
    qtbot.keyClicks(edit.edit, "15032025")
    assert edit.date() == D(2025, 3, 15) and edit.is_valid()
    with qtbot.waitSignal(edit.editingFinished):
        qtbot.keyClick(edit.edit, Qt.Key.Key_Return)
    assert edit.text() == "15-03-2025"
    assert seen[-1] == D(2025, 3, 15)
    edit.edit.clear()
    qtbot.keyClicks(edit.edit, "31-02-2025")
    assert edit.date() is None
    assert edit.error() == "Geen geldige datum — typ bijvoorbeeld 15-3-2025 of 15032025"
    qtbot.keyClick(edit.edit, Qt.Key.Key_Return)
    assert edit.text() == "31-02-2025"  # kept as typed, not guessed
    edit.edit.clear()
    assert edit.error() is None and edit.date() is None


def test_the_calendar(qtbot) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    edit.set_date(D(2025, 3, 15))
    edit._prepare_calendar()
    assert edit.calendar.selectedDate() == QDate(2025, 3, 15)
    assert edit.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    with qtbot.waitSignal(edit.editingFinished):
        edit.calendar.clicked.emit(QDate(2025, 4, 1))
    assert edit.text() == "01-04-2025"
    edit.set_read_only(True)
    assert edit.edit.isReadOnly() and not edit.button.isEnabled()
