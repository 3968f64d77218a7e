"""The shop's profile: a beheerder changes and saves it (Ctrl+S), others only read it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.messages import UnsavedChoice
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.gui.widgets.accent_picker import AccentPicker
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.setup import get_shop


@pytest.fixture
def window(ctx: AppContext, qtbot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_settings(window: MainWindow, qtbot) -> SettingsPage:
    index = next(i for i, p in enumerate(window.pages) if isinstance(p, SettingsPage))
    qtbot.mouseClick(window.rail.buttons[index], Qt.MouseButton.LeftButton)
    page = window.current_page
    assert isinstance(page, SettingsPage)
    return page


def replace_text(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_ctrl_s_saves_a_changed_shop_name(window: MainWindow, ctx: AppContext, qtbot) -> None:
    page = open_settings(window, qtbot)
    assert page.name_edit.text() == "Kringloop Amersfoort-Leusden"
    assert not page.save_button.isEnabled()
    assert page.blocked_label.text() == "Alles is opgeslagen"

    replace_text(qtbot, page.name_edit, "Kringloop Leusden")
    assert page.save_button.isEnabled()
    assert page.blocked_label.text() == "Niet opgeslagen wijzigingen"
    qtbot.keyClick(page.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    with ctx.db.read_session() as session:
        assert get_shop(session).name == "Kringloop Leusden"
    assert not page.is_dirty()
    assert not page.save_button.isEnabled()
    assert window.statusBar().currentMessage() == "Winkelgegevens opgeslagen"
    assert window.rail.shop_label.text() == "Kringloop Leusden"
    assert window.windowTitle() == "Kringloop Leusden — KringloopDesk"


def test_a_wrong_postcode_blocks_saving_and_says_why(window: MainWindow, qtbot) -> None:
    page = open_settings(window, qtbot)
    replace_text(qtbot, page.postcode_edit, "12")
    page.city_edit.setFocus()

    assert not page.save_button.isEnabled()
    assert page.blocked_label.text().startswith("Opslaan kan nog niet — Postcode: 4 cijfers")
    error_label = page.shop_form._fields["postcode"].error_label
    assert error_label.isVisible() and "bijvoorbeeld 3811 AB" in error_label.text()
    assert page.save() is False
    assert page.postcode_edit.text() == "12"  # what was typed stays


def test_a_new_accent_colour_is_saved_and_applied(
    window: MainWindow, ctx: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kringloopdesk.gui.theme import current_colors

    page = open_settings(window, qtbot)
    monkeypatch.setattr(AccentPicker, "ask_color", classmethod(lambda cls, p, c: "#1E5A99"))
    qtbot.mouseClick(page.accent_picker.other_button, Qt.MouseButton.LeftButton)
    assert page.save()

    with ctx.db.read_session() as session:
        assert get_shop(session).accent_color == "#1e5a99"
    assert current_colors().primary == "#1e5a99"


def test_leaving_with_unsaved_changes_asks_first(window: MainWindow, qtbot, messages) -> None:
    page = open_settings(window, qtbot)
    replace_text(qtbot, page.city_edit, "Leusden")

    messages.unsaved_answer = UnsavedChoice.CANCEL
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert messages.unsaved_questions == ["de winkelgegevens"]
    assert window.current_page is page
    assert page.city_edit.text() == "Leusden"

    messages.unsaved_answer = UnsavedChoice.DISCARD
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is window.pages[0]
    assert page.city_edit.text() == "Amersfoort"


def test_other_roles_see_the_profile_read_only(shop_db, begeleider: Actor, qtbot) -> None:
    page = SettingsPage(AppContext(shop_db, actor=begeleider))
    qtbot.addWidget(page)
    page.refresh()
    assert page.name_edit.text() == "Kringloop Amersfoort-Leusden"
    assert page.name_edit.isReadOnly()
    assert page.save_button.isHidden()
    assert not page.save_shortcut.isEnabled()
    assert not page.accent_picker.swatches["#2e7d32"].isEnabled()
    assert "Alleen een beheerder" in " ".join(label.text() for label in page.findChildren(QLabel))

    page.name_edit.setText("Iets anders")  # even if a value changed somehow
    assert page.save() is False
    with shop_db.read_session() as session:
        assert get_shop(session).name == "Kringloop Amersfoort-Leusden"
