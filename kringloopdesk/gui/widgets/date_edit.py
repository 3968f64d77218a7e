"""A date field the way Dutch users type dates: ``15-3-2025``, ``15032025``, ``15/3/25``,
``15-3`` (this year) or ``2025-03-15`` — with a calendar that drops down for those who would
rather click (the button, F4 or Alt+↓).

The text is written out as ``15-03-2025`` when the field is left. A text that is not a date
stays as typed and the field says so (``error()``): the form shows that next to the field
instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from kringloopdesk.gui import icons
from kringloopdesk.gui.formatting import DUTCH, format_date
from kringloopdesk.gui.theme import current_colors

_SEPARATED = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^\d{6}$|^\d{8}$")
# A two-digit year up to this many years ahead is this century, else the last one
# (a birth date typed as 12-5-78 is 1978).
TWO_DIGIT_YEARS_AHEAD = 10


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date in ``text``, None for an empty text; ``ValueError`` for anything else.

    Day first: ``15-3-2025``, ``15/3/25``, ``15.03.2025``, ``15 3 2025``, ``15-3`` (this
    year), ``15032025``, ``150325``; or ISO ``2025-03-15``. ``31-02-2025`` is refused.
    """
    text = text.strip()
    if not text:
        return None
    today = today or dt.date.today()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    if _DIGITS.match(text):
        day, month, year_text = int(text[:2]), int(text[2:4]), text[4:]
    elif match := _SEPARATED.match(text):
        day, month = int(match.group(1)), int(match.group(2))
        year_text = match.group(3) or str(today.year)
    else:
        raise ValueError(text)
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000
        if year > today.year + TWO_DIGIT_YEARS_AHEAD:
            year -= 100
    return dt.date(year, month, day)


def date_error_text() -> str:
    return QCoreApplication.translate(
        "DateEdit", "Geen geldige datum — typ bijvoorbeeld 15-3-2025 of 15032025"
    )


class DateEdit(QWidget):
    """``date()`` is the date typed (None when empty or not a date); ``error()`` says why a
    text is not one. ``textChanged`` and ``editingFinished`` are those of the text field, so
    that a ``ValidatedForm`` treats it like any line edit."""

    textChanged = Signal(str)
    editingFinished = Signal()
    date_changed = Signal(object)  # dt.date | None, after a valid change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _DateLineEdit(self)
        self.edit.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.edit.setAccessibleDescription(
            self.tr("Datum als dag-maand-jaar, bijvoorbeeld 15-3-2025; F4 opent de kalender")
        )
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._finished)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(DUTCH)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        )
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.button = QToolButton(self)
        self.button.setIcon(icons.icon("calendar", current_colors().muted_text))
        self.button.setToolTip(self.tr("Kalender (F4)"))
        self.button.setAccessibleName(self.tr("Kalender openen"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setAutoRaise(True)
        self.button.setFixedSize(30, 30)
        self.button.setStyleSheet(
            "QToolButton { background: transparent; border: none; padding: 0; }"
            "QToolButton:hover { background: rgba(0, 0, 0, 0.06); border-radius: 15px; }"
            "QToolButton::menu-indicator { image: none; width: 0; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.setMaximumWidth(190)
        self._last: dt.date | None = None

    # -- value ------------------------------------------------------------------------------

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def date(self) -> dt.date | None:
        try:
            return parse_date(self.edit.text())
        except ValueError:
            return None

    def is_valid(self) -> bool:
        return self.error() is None

    def error(self) -> str | None:
        """Why the text is not a date; None when it is one or the field is empty."""
        try:
            parse_date(self.edit.text())
        except ValueError:
            return date_error_text()
        return None

    def set_date(self, day: dt.date | None) -> None:
        self.edit.setText(format_date(day))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def setPlaceholderText(self, text: str) -> None:
        self.edit.setPlaceholderText(text)

    # -- behaviour --------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        self.textChanged.emit(text)
        day = self.date()
        if self.is_valid() and day != self._last:
            self._last = day
            self.date_changed.emit(day)

    def _finished(self) -> None:
        day = self.date()
        if day is not None:
            written = format_date(day)
            if written != self.edit.text():
                self.edit.setText(written)
        self.editingFinished.emit()

    def _prepare_calendar(self) -> None:
        day = self.date() or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, date: QDate) -> None:
        self.menu.close()
        self.set_date(dt.date(date.year(), date.month(), date.day()))
        self.edit.setFocus()
        self.editingFinished.emit()

    def show_calendar(self) -> None:
        self.button.showMenu()


class _DateLineEdit(QLineEdit):
    def __init__(self, owner: DateEdit) -> None:
        super().__init__(owner)
        self._owner = owner
        self.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens and not self.isReadOnly():
            self._owner.show_calendar()
            return
        super().keyPressEvent(event)
