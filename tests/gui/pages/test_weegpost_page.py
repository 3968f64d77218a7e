"""The Weegpost: a volunteer weighs a morning's goods with the keyboard alone (or a scale that
types), switches between intake and outflow, keeps the herkomst, undoes a mistake with
Ctrl+Z and is told in Dutch when a weight is not a weight."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import GoodsFlow, ProductGroup
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.weegpost_page import DayEntriesModel, DayTotalsModel, WeegpostPage
from kringloopdesk.services.auth import Actor

# key -> product group code, in the seeded order of the weegpost
KEYS = {"1": "meubels", "2": "textiel", "3": "witgoed", "4": "klein_elektrisch",
        "5": "ict_elektronica", "6": "kleingoed", "7": "boeken_media", "8": "speelgoed",
        "9": "fietsen", "0": "overig"}


def open_weegpost(qtbot, db: Database, actor: Actor) -> tuple[MainWindow, WeegpostPage]:
    window = MainWindow(AppContext(db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.page_of(WeegpostPage)
    assert isinstance(page, WeegpostPage)
    window.show_page(window.pages.index(page))
    page.pad.setFocus()
    qtbot.waitUntil(page.pad.hasFocus)
    return window, page


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


def stored(db: Database) -> dict[tuple[str, str, str], Decimal]:
    """Sum of kg per (direction, group code, channel) in the database."""
    with db.read_session() as session:
        return {
            (direction, code, channel): kg
            for direction, code, channel, kg in session.execute(
                select(GoodsFlow.direction, ProductGroup.code, GoodsFlow.channel,
                       func.sum(GoodsFlow.kg))
                .join(ProductGroup, ProductGroup.id == GoodsFlow.product_group_id)
                .group_by(GoodsFlow.direction, ProductGroup.code, GoodsFlow.channel))
        }


def totals_shown(page: WeegpostPage) -> dict[str, str]:
    model = page.totals_model
    return {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}


def test_twenty_weighings_with_the_keyboard_alone(shop_db: Database, invoer: Actor,
                                                  qtbot) -> None:
    window, page = open_weegpost(qtbot, shop_db, invoer)
    assert page.direction == "in" and page.channel == "brengen"
    weighings = [  # (key, kg as typed, F-key of the herkomst or None to keep it)
        ("1", "12,5", None), ("2", "3,25", None), ("2", "0,75", None), ("6", "4", None),
        ("7", "8,125", Qt.Key.Key_F7), ("1", "45", None), ("3", "38,4", None),
        ("4", "2,2", None), ("5", "6,35", Qt.Key.Key_F8), ("8", "1,05", None),
        ("9", "14", None), ("0", "0,5", None), ("1", "22,75", Qt.Key.Key_F6),
        ("2", "5,5", None), ("6", "3,333", None), ("7", "9", None), ("6", "1,667", None),
        ("3", "40", Qt.Key.Key_F10), ("2", "0,001", None), ("1", "7,3", None),
    ]
    expected: dict[tuple[str, str, str], Decimal] = {}
    channel = "brengen"
    channels = {Qt.Key.Key_F6: "brengen", Qt.Key.Key_F7: "ophalen",
                Qt.Key.Key_F8: "ontruiming", Qt.Key.Key_F10: "bedrijf"}
    for n, (key, kg, channel_key) in enumerate(weighings, start=1):
        if channel_key is not None:
            press(qtbot, channel_key)
            channel = channels[channel_key]
        assert focused() is page.pad
        press(qtbot, key)
        assert focused() is page.kg_edit  # the kg field has the focus after the group
        press(qtbot, kg, Qt.Key.Key_Return)
        assert not page.error_label.isVisible(), page.error_label.text()
        assert page.entries_model.rowCount() == n
        group = KEYS[key]
        value = Decimal(kg.replace(",", "."))
        expected[("in", group, channel)] = expected.get(("in", group, channel), 0) + value
        assert page.channel == channel  # remembered between weighings

    assert stored(shop_db) == expected
    assert totals_shown(page) == {
        "Meubels": "87,55", "Textiel": "9,501", "Witgoed": "78,4",
        "Kleine huishoudelijke apparaten": "2,2", "Computers, beeld en geluid": "6,35",
        "Huisraad (kleingoed)": "9", "Boeken en platen": "17,125", "Speelgoed": "1,05",
        "Fietsen": "14", "Overig": "0,5", "Totaal vandaag": "225,676",
    }
    assert page.totals_model.index(page.totals_model.rowCount() - 1, 1).data() == "20"
    assert page.day_total_label.text() == "225,676 kg in 20 wegingen"
    assert window.statusBar().currentMessage() == "Geboekt: 7,3 kg Meubels (bedrijf)"


def test_a_scale_that_types_its_reading_just_works(shop_db: Database, invoer: Actor,
                                                   qtbot) -> None:
    _window, page = open_weegpost(qtbot, shop_db, invoer)
    press(qtbot, "9")
    qtbot.keyClicks(page.kg_edit, "0014.20")
    qtbot.keyClick(page.kg_edit, Qt.Key.Key_Enter)  # the keypad's Enter
    assert stored(shop_db) == {("in", "fietsen", "brengen"): Decimal("14.2")}
    assert focused() is page.pad


def test_a_bad_weight_is_said_next_to_the_field_and_kept(shop_db: Database, invoer: Actor,
                                                         qtbot) -> None:
    _window, page = open_weegpost(qtbot, shop_db, invoer)
    press(qtbot, "1", "12,5x", Qt.Key.Key_Return)
    assert page.error_label.isVisible()
    assert page.error_label.text() == "Typ het gewicht in kg, bijvoorbeeld 12,5"
    assert page.kg_edit.text() == "12,5x" and focused() is page.kg_edit
    # The wrong text is selected: typing replaces it.
    press(qtbot, Qt.Key.Key_Backspace, "0", Qt.Key.Key_Return)
    assert stored(shop_db) == {}
    assert page.error_label.text() == "Het gewicht moet meer dan 0 kg zijn"
    page.kg_edit.clear()
    press(qtbot, "1,2345", Qt.Key.Key_Return)
    assert page.error_label.text() == (
        "Hoogstens 3 decimalen (hele grammen), bijvoorbeeld 12,345")
    press(qtbot, Qt.Key.Key_Escape)  # back to the group choice, nothing booked
    assert focused() is page.pad and page.group is None and page.kg_edit.text() == ""
    assert stored(shop_db) == {}


def test_switching_direction_keeps_each_herkomst_and_bestemming(
    shop_db: Database, invoer: Actor, qtbot
) -> None:
    _window, page = open_weegpost(qtbot, shop_db, invoer)
    press(qtbot, Qt.Key.Key_F9, "2", "10", Qt.Key.Key_Return)  # milieustraat
    press(qtbot, Qt.Key.Key_F3)
    assert page.direction == "uit" and page.channel == "hergebruik"
    assert page.channel_title.text().startswith("2  Bestemming")
    assert page.entries_model.rowCount() == 0
    assert page.entries_model.headerData(2, Qt.Orientation.Horizontal) == "Bestemming"
    press(qtbot, Qt.Key.Key_F8, "2", "4", Qt.Key.Key_Return)  # recycling
    press(qtbot, "2", "3", Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_F2)
    assert page.direction == "in" and page.channel == "milieustraat"
    assert page.entries_model.rowCount() == 1
    press(qtbot, Qt.Key.Key_F3)
    assert page.channel == "recycling"
    assert stored(shop_db) == {("in", "textiel", "milieustraat"): Decimal(10),
                               ("uit", "textiel", "recycling"): Decimal(7)}


def test_ctrl_z_undoes_my_last_weighing(shop_db: Database, invoer: Actor, qtbot) -> None:
    window, page = open_weegpost(qtbot, shop_db, invoer)
    press(qtbot, "1", "30", Qt.Key.Key_Return, "8", "2,5", Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == (
        "Ongedaan gemaakt: 2,5 kg Speelgoed (inbreng)")
    assert stored(shop_db) == {("in", "meubels", "brengen"): Decimal(30)}
    assert page.entries_model.rowCount() == 1
    # In the empty kg field Ctrl+Z is the page's undo too.
    press(qtbot, "2")
    assert focused() is page.kg_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(shop_db) == {}
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == (
        "Er is vandaag nog geen weging van u om ongedaan te maken")


def test_groups_are_the_shops_order_and_touch_works(shop_db: Database, invoer: Actor,
                                                    qtbot) -> None:
    _window, page = open_weegpost(qtbot, shop_db, invoer)
    labels = [b.name_label.text() for b in page.pad.buttons]
    assert labels[0] == "Meubels" and labels[9] == "Overig"
    assert [b.key_label.text() for b in page.pad.buttons] == list("1234567890")
    assert page.pad.buttons[0].minimumHeight() >= 80
    qtbot.mouseClick(page.pad.buttons[4], Qt.MouseButton.LeftButton)
    assert page.group is not None and page.group.code == "ict_elektronica"
    assert page.kg_edit.hasFocus()
    qtbot.mouseClick(page.channel_buttons[1], Qt.MouseButton.LeftButton)
    assert page.channel == "ophalen"
    page.kg_edit.setText("3")
    qtbot.mouseClick(page.book_button, Qt.MouseButton.LeftButton)
    assert stored(shop_db) == {("in", "ict_elektronica", "ophalen"): Decimal(3)}


def test_full_screen_on_f11(shop_db: Database, invoer: Actor, qtbot) -> None:
    window, _page = open_weegpost(qtbot, shop_db, invoer)
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_the_day_models(shop_db: Database, invoer: Actor, qtbot, qtmodeltester) -> None:
    _window, page = open_weegpost(qtbot, shop_db, invoer)
    press(qtbot, "1", "3", Qt.Key.Key_Return, "2", "4", Qt.Key.Key_Return)
    assert isinstance(page.entries_model, DayEntriesModel)
    assert isinstance(page.totals_model, DayTotalsModel)
    qtmodeltester.check(page.entries_model)
    qtmodeltester.check(page.totals_model)
    assert page.entries_model.index(0, 1).data() == "Textiel"
    assert page.entries_model.index(1, 1).data() == "Meubels"
    assert page.entries_model.index(0, 3).data() == "4"
