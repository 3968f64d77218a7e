"""The Uren page: a volunteer fills a week with the keyboard alone and saves it with Ctrl+S;
greyed days stay closed, wrong hours are marked and block saving, a change made meanwhile on
another PC is not overwritten, and leaving with unsaved hours asks first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import HourEntry
from kringloopdesk.errors import ValidationError
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.messages import UnsavedChoice
from kringloopdesk.gui.models.hours_week_model import (
    FIRST_DAY_COLUMN,
    NAME_COLUMN,
    PENDING_ROLE,
    PROBLEM_ROLE,
    TOTAL_COLUMN,
    HoursWeekModel,
)
from kringloopdesk.gui.pages.hours_page import HoursPage
from kringloopdesk.gui.widgets.worker_hours_view import DAYS, MONTHS, WEEKS, WorkerHoursView
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.hours import save_week, week_grid
from kringloopdesk.services.workers import WorkerName
from tests.unit.hours_data import add_hours, add_placement, add_worker

D = dt.date
MONDAY = D(2025, 3, 3)
MON, TUE, WED, THU = (FIRST_DAY_COLUMN + d for d in range(4))


@pytest.fixture
def placed(shop_db: Database) -> dict[str, int]:
    """Sorteren in week 10 of 2025: Anna all week, Bram until Tuesday, Cees from Tuesday."""
    with shop_db.session() as session:
        anna = add_worker(session, "D-0001", "Anna", "Akkerman")
        bram = add_worker(session, "D-0002", "Bram", "Bos")
        cees = add_worker(session, "D-0003", "Cees", "de Wit")
        return {
            "anna": add_placement(session, anna, "sorteren", D(2025, 1, 6)).id,
            "bram": add_placement(session, bram, "sorteren", D(2024, 9, 1), D(2025, 3, 4)).id,
            "cees": add_placement(session, cees, "sorteren", D(2025, 3, 4)).id,
            "anna_worker": anna.id,
        }


def open_hours(qtbot, db: Database, actor: Actor) -> tuple[MainWindow, HoursPage]:
    window = MainWindow(AppContext(db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.page_of(HoursPage)
    assert isinstance(page, HoursPage)
    window.show_page(window.pages.index(page))
    return window, page


def in_week(qtbot, page: HoursPage, department: str = "sorteren") -> None:
    assert page.choose_department(department)
    assert page.go_to_week(MONDAY)
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, *keys: Qt.Key | str) -> None:
    """Keys as a user types them: each goes to whatever has the focus at that moment."""
    for key in keys:
        if isinstance(key, str):
            for char in key:
                qtbot.keyClick(focused(), char)
        else:
            qtbot.keyClick(focused(), key)


def at(page: HoursPage) -> tuple[int, int]:
    index = page.view.currentIndex()
    return index.row(), index.column()


def shown(page: HoursPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def stored(db: Database) -> dict[tuple[int, dt.date], Decimal]:
    with db.read_session() as session:
        return {(e.placement_id, e.entry_date): e.hours
                for e in session.scalars(select(HourEntry))}


def test_a_volunteer_fills_a_week_with_the_keyboard_alone(
    shop_db: Database, invoer: Actor, placed: dict[str, int], qtbot
) -> None:
    window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    assert page.week_label.text() == "Week 10 · 3 – 9 maart 2025"
    assert [shown(page, r, NAME_COLUMN) for r in range(3)] == [
        "Anna Akkerman", "Bram Bos", "Cees de Wit"]
    assert at(page) == (0, MON)  # the first cell that can be filled

    press(qtbot, "7,5", Qt.Key.Key_Tab)  # typing starts editing; Tab saves it and goes on
    assert at(page) == (0, TUE)
    press(qtbot, "6", Qt.Key.Key_Return)  # Enter: down to the next worker's Tuesday
    assert at(page) == (1, TUE)
    press(qtbot, "4", Qt.Key.Key_Return)
    assert at(page) == (2, TUE)
    press(qtbot, "3,25", Qt.Key.Key_Tab, Qt.Key.Key_Right)  # Tab leaves it empty: Wednesday
    assert at(page) == (2, THU)
    press(qtbot, "5", Qt.Key.Key_Return)  # nobody below: it stays
    assert at(page) == (2, THU)
    press(qtbot, Qt.Key.Key_Up, "2")  # Bram's Thursday is outside his placement: no editing
    assert at(page) == (1, THU) and shown(page, 1, THU) == ""
    assert not isinstance(focused(), QLineEdit)
    press(qtbot, Qt.Key.Key_Up, "8", Qt.Key.Key_Escape)  # Esc puts back what was there
    assert shown(page, 0, THU) == ""
    press(qtbot, Qt.Key.Key_F2, "8", Qt.Key.Key_Return)  # Enter skips Bram's greyed day
    assert shown(page, 0, THU) == "8" and at(page) == (2, THU)
    press(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Left,
          Qt.Key.Key_Left)
    assert at(page) == (0, MON)
    press(qtbot, Qt.Key.Key_Delete)  # clears the typed 7,5
    assert shown(page, 0, MON) == "" and not page.model.index(0, MON).data(PENDING_ROLE)
    press(qtbot, "7.5", Qt.Key.Key_Tab)  # a full stop is fine too
    assert at(page) == (0, TUE)

    # Marked, totalled and not yet saved.
    assert page.model.pending_count == 6
    assert page.blocked_label.text() == "6 vakken niet opgeslagen"
    assert page.model.index(0, MON).data(PENDING_ROLE)
    assert shown(page, 0, TOTAL_COLUMN) == "21,5"
    assert shown(page, 3, NAME_COLUMN) == "Totaal per dag"
    assert [shown(page, 3, c) for c in (MON, TUE, WED, THU)] == ["7,5", "13,25", "", "13"]
    assert shown(page, 3, TOTAL_COLUMN) == "33,75"
    assert stored(shop_db) == {}

    press(qtbot, Qt.Key.Key_F2, "1", Qt.Key.Key_Escape)  # an open edit is left as it was
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    anna, bram, cees = placed["anna"], placed["bram"], placed["cees"]
    assert stored(shop_db) == {
        (anna, MONDAY): Decimal("7.5"), (anna, D(2025, 3, 4)): Decimal("6"),
        (anna, D(2025, 3, 6)): Decimal("8"), (bram, D(2025, 3, 4)): Decimal("4"),
        (cees, D(2025, 3, 4)): Decimal("3.25"), (cees, D(2025, 3, 6)): Decimal("5"),
    }
    assert window.statusBar().currentMessage() == "6 uren opgeslagen"
    assert not page.model.has_pending
    assert page.blocked_label.text() == "Alles is opgeslagen"
    assert shown(page, 3, TOTAL_COLUMN) == "33,75"


def test_ctrl_s_takes_the_cell_being_typed(shop_db: Database, invoer: Actor,
                                           placed: dict[str, int], qtbot) -> None:
    window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    press(qtbot, "6,5")
    assert isinstance(focused(), QLineEdit)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(shop_db) == {(placed["anna"], MONDAY): Decimal("6.5")}
    assert window.statusBar().currentMessage() == "Uren van 1 dag opgeslagen"


def test_wrong_hours_are_marked_and_block_saving(shop_db: Database, invoer: Actor,
                                                 placed: dict[str, int], qtbot) -> None:
    _window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    press(qtbot, "7,555")  # the third decimal cannot be typed
    assert focused().text() == "7,55"
    press(qtbot, Qt.Key.Key_Tab, "25", Qt.Key.Key_Tab)
    assert page.model.problems()[0][1] == "Hoogstens 24 uur op een dag"
    assert page.problem_label.text() == "Anna Akkerman, di 4-3: Hoogstens 24 uur op een dag"
    assert not page.save_button.isEnabled()
    assert page.blocked_label.text() == "Opslaan kan nog niet — Hoogstens 24 uur op een dag"
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(shop_db) == {}
    assert at(page) == (0, TUE)  # Ctrl+S went to the cell that needs fixing
    press(qtbot, "2", "4", Qt.Key.Key_Return)
    assert page.model.problems() == [] and page.save_button.isEnabled()
    assert page.save()
    assert stored(shop_db) == {(placed["anna"], MONDAY): Decimal("7.55"),
                               (placed["anna"], D(2025, 3, 4)): Decimal("24")}


def test_greyed_days_cannot_be_filled(shop_db: Database, invoer: Actor,
                                      placed: dict[str, int], qtbot) -> None:
    _window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    model = page.model
    bram_thursday = model.index(1, THU)
    assert not model.flags(bram_thursday) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(bram_thursday, "4")
    assert "Buiten de plaatsing" in bram_thursday.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.flags(model.index(2, MON)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(3, MON)) & Qt.ItemFlag.ItemIsEditable  # day totals
    # Tab skips what cannot be filled: from Bram's Tuesday to Cees's Tuesday.
    page.view.setCurrentIndex(model.index(1, TUE))
    press(qtbot, Qt.Key.Key_Tab)
    assert at(page) == (2, TUE)
    # The week of today: the days after today are greyed.
    assert page.go_to_week(dt.date.today())
    grid = page.model.grid
    assert grid is not None
    for day, date in enumerate(grid.days):
        for row in range(len(grid.rows)):
            if date > dt.date.today():
                assert not grid.editable(row, day)


def test_a_change_made_meanwhile_is_not_overwritten(
    shop_db: Database, invoer: Actor, begeleider: Actor, placed: dict[str, int], qtbot,
    messages
) -> None:
    _window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    press(qtbot, "7", Qt.Key.Key_Tab, "6", Qt.Key.Key_Tab)
    with shop_db.session() as session:  # another PC books Monday meanwhile
        save_week(session, begeleider, "sorteren", MONDAY, {(placed["anna"], MONDAY): 3})

    assert not page.save()
    assert len(messages.user_errors) == 1
    assert "Iemand anders heeft intussen uren in deze week gewijzigd" in messages.texts[0]
    assert stored(shop_db) == {(placed["anna"], MONDAY): Decimal("3")}
    # Read again underneath what was typed: both typed cells are still there.
    assert page.model.grid is not None and page.model.grid.rows[0].hours[0] == Decimal("3")
    assert shown(page, 0, MON) == "7" and shown(page, 0, TUE) == "6"
    assert page.model.pending_count == 2
    assert page.save()  # now on purpose
    assert stored(shop_db)[(placed["anna"], MONDAY)] == Decimal("7")


def test_leaving_with_unsaved_hours_asks(shop_db: Database, invoer: Actor,
                                         placed: dict[str, int], qtbot, messages) -> None:
    window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    press(qtbot, "5", Qt.Key.Key_Tab)

    messages.unsaved_answer = UnsavedChoice.CANCEL
    qtbot.keyClick(focused(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.monday == MONDAY and page.model.has_pending
    assert messages.unsaved_questions == ["de uren van week 10 (Sorteren)"]
    assert not page.choose_department("winkel")
    assert page.department_combo.currentData() == "sorteren"
    window.show_page(0)
    assert window.current_page is page  # stayed

    messages.unsaved_answer = UnsavedChoice.DISCARD
    qtbot.keyClick(focused(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.monday == MONDAY - dt.timedelta(days=7) and not page.model.has_pending
    assert stored(shop_db) == {}

    assert page.go_to_week(MONDAY)
    page.view.setCurrentIndex(page.model.index(0, MON))
    press(qtbot, "5", Qt.Key.Key_Tab)
    messages.unsaved_answer = UnsavedChoice.SAVE
    window.show_page(0)
    assert window.current_page is not page
    assert stored(shop_db) == {(placed["anna"], MONDAY): Decimal("5")}


def test_f5_reads_again_and_keeps_what_was_typed(
    shop_db: Database, invoer: Actor, begeleider: Actor, placed: dict[str, int], qtbot
) -> None:
    _window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    press(qtbot, Qt.Key.Key_Tab, "6", Qt.Key.Key_Tab)
    with shop_db.session() as session:
        save_week(session, begeleider, "sorteren", MONDAY, {(placed["anna"], MONDAY): 3})
    qtbot.keyClick(focused(), Qt.Key.Key_F5)
    assert shown(page, 0, MON) == "3" and shown(page, 0, TUE) == "6"
    assert page.model.pending_count == 1


def test_the_week_picker(shop_db: Database, invoer: Actor, placed: dict[str, int],
                         qtbot) -> None:
    _window, page = open_hours(qtbot, shop_db, invoer)
    today = dt.date.today()
    assert page.monday == today - dt.timedelta(days=today.weekday())
    in_week(qtbot, page)
    page.date_edit.setDate(page.date_edit.date().addDays(-5))  # a day in the week before
    assert page.monday == D(2025, 2, 24)
    assert page.week_label.text() == "Week 9 · 24 februari – 2 maart 2025"
    page.next_button.click()
    assert page.monday == MONDAY
    page.this_week_button.click()
    assert page.monday == today - dt.timedelta(days=today.weekday())
    assert page.go_to_week(D(2025, 12, 31))
    assert page.week_label.text() == "Week 1 · 29 december 2025 – 4 januari 2026"
    assert page.choose_department("winkel")
    assert page.model.rowCount() == 0
    assert "Niemand heeft in deze week een plaatsing bij Winkel" in page.view.empty_text


def test_the_grid_model_passes_the_model_tester(
    shop_db: Database, invoer: Actor, placed: dict[str, int], qtmodeltester
) -> None:
    with shop_db.session() as session:
        from kringloopdesk.db.models import Placement

        add_hours(session, session.get(Placement, placed["anna"]), MONDAY, "4")
        add_hours(session, session.get(Placement, placed["anna"]), MONDAY, "3.5")
    with shop_db.read_session() as session:
        grid = week_grid(session, invoer, "sorteren", MONDAY)
    model = HoursWeekModel()
    qtmodeltester.check(model)  # empty
    model.set_grid(grid)
    assert model.setData(model.index(0, TUE), "6,5")
    assert model.setData(model.index(1, MON), "30")
    qtmodeltester.check(model)
    assert model.index(0, MON).data() == "7,5"
    assert "2 regels, samen 7,5 uur" in model.index(0, MON).data(Qt.ItemDataRole.ToolTipRole)
    assert model.pending_changes() == {(placed["anna"], D(2025, 3, 4)): Decimal("6.5"),
                                       (placed["bram"], MONDAY): Decimal("30")}
    assert model.expected() == {(placed["anna"], D(2025, 3, 4)): None,
                                (placed["bram"], MONDAY): None}
    assert model.setData(model.index(0, TUE), "")  # back to what is stored
    assert (placed["anna"], D(2025, 3, 4)) not in model.pending_changes()
    # A refused save puts the service's reasons on their cells.
    refusal = ValidationError("x", {f"{placed['bram']}:2025-03-03": "buiten de plaatsing",
                                    "999:2025-03-03": "onbekend vak"})
    model.show_refusal(refusal)
    assert model.problems() == [((placed["bram"], MONDAY), "Hoogstens 24 uur op een dag")]
    assert model.setData(model.index(1, MON), "3")
    model.show_refusal(refusal)
    assert model.problems() == [((placed["bram"], MONDAY), "buiten de plaatsing")]
    assert model.index(1, MON).data(PROBLEM_ROLE) == "buiten de plaatsing"
    qtmodeltester.check(model)


def test_a_workers_hours_per_day_week_and_month(
    shop_db: Database, invoer: Actor, placed: dict[str, int], qtbot, qtmodeltester
) -> None:
    with shop_db.session() as session:
        save_week(session, invoer, "sorteren", MONDAY,
                  {(placed["anna"], MONDAY): "7,5", (placed["anna"], D(2025, 3, 5)): 6})
        save_week(session, invoer, "sorteren", D(2025, 2, 24),
                  {(placed["anna"], D(2025, 2, 28)): 4})
    _window, page = open_hours(qtbot, shop_db, invoer)
    page.tabs.setCurrentIndex(1)
    assert not page.save_button.isVisible()
    found = page.worker_picker.search("akker")
    assert [w.display for w in found] == ["D-0001 Anna Akkerman"]
    view: WorkerHoursView = page.worker_hours
    view.today = D(2025, 3, 15)
    page.worker_picker.set_worker(WorkerName(placed["anna_worker"], "D-0001", "Anna",
                                             "Akkerman"))
    model = view.model
    qtmodeltester.check(model)
    assert view.summary_label.text() == "D-0001 Anna Akkerman: 17,5 uur op 3 dagen"
    assert [[model.index(r, c).data() for c in range(4)] for r in range(3)] == [
        ["05-03-2025", "woensdag", "Sorteren", "6"],
        ["03-03-2025", "maandag", "Sorteren", "7,5"],
        ["28-02-2025", "vrijdag", "Sorteren", "4"],
    ]
    view.set_mode(WEEKS)
    assert [[model.index(r, c).data() for c in range(5)] for r in range(2)] == [
        ["week 10 (2025)", "03-03-2025", "09-03-2025", "2", "13,5"],
        ["week 9 (2025)", "24-02-2025", "02-03-2025", "1", "4"],
    ]
    view.set_mode(MONTHS)
    assert [[model.index(r, c).data() for c in range(3)] for r in range(2)] == [
        ["maart 2025", "2", "13,5"], ["februari 2025", "1", "4"]]
    view.set_period("this_month")
    assert view.summary_label.text() == "D-0001 Anna Akkerman: 13,5 uur op 2 dagen"
    view.set_mode(DAYS)
    qtmodeltester.check(model)
    page.worker_picker.set_worker(None)
    assert model.rowCount() == 0 and view.summary_label.text() == ""


def test_every_role_has_the_hours_page(shop_db: Database, invoer: Actor, qtbot) -> None:
    window, page = open_hours(qtbot, shop_db, invoer)
    assert [b.text() for b in window.rail.buttons] == [
        "Dashboard", "Uren", "Weegpost", "Stromen", "Artikelen", "Balans", "Instellingen"]
    assert page.title() == "Uren"


def test_shift_tab_goes_back_and_tab_leaves_the_grid_at_its_end(
    shop_db: Database, invoer: Actor, placed: dict[str, int], qtbot
) -> None:
    _window, page = open_hours(qtbot, shop_db, invoer)
    in_week(qtbot, page)
    page.view.setCurrentIndex(page.model.index(2, TUE))
    press(qtbot, "2", Qt.Key.Key_Backtab)  # from the editor, back over Bram's greyed days
    assert at(page) == (1, TUE)
    press(qtbot, Qt.Key.Key_Backtab)
    assert at(page) == (1, MON)
    press(qtbot, "x", "a")  # letters neither edit nor search
    assert not isinstance(focused(), QLineEdit) and at(page) == (1, MON)
    last = page.view.editable_cells()[-1]
    page.view.setCurrentIndex(last)
    press(qtbot, Qt.Key.Key_Tab)
    assert not page.view.hasFocus()  # on to the next widget, as Tab does everywhere
    assert page.view.currentIndex() == last
    assert page.model.pending_changes() == {(placed["cees"], D(2025, 3, 4)): Decimal("2")}
