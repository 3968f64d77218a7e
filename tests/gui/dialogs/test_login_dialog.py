"""Logging in: a wrong password is said in the dialog; the right one opens the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import User
from kringloopdesk.gui.application import AppController, load_first_screen_data
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.login_dialog import LoginDialog
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD


@pytest.fixture
def controller(shop_db: Database, qapp) -> AppController:
    ctx = AppContext(shop_db)
    return AppController(ctx, load_first_screen_data(ctx))


def start_login(controller: AppController, qtbot) -> LoginDialog:
    dialog = controller.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, LoginDialog)
    return dialog


def test_the_login_shows_the_shop(controller: AppController, qtbot) -> None:
    dialog = start_login(controller, qtbot)
    assert dialog.shop_label.text() == "Kringloop Amersfoort-Leusden"
    assert "Kringloop Amersfoort-Leusden" in dialog.windowTitle()


def test_a_wrong_password_is_said_in_the_dialog(
    controller: AppController, shop_db: Database, qtbot, messages
) -> None:
    dialog = start_login(controller, qtbot)
    qtbot.keyClicks(dialog.username_edit, BEHEERDER)
    qtbot.keyClicks(dialog.password_edit, "niet-het-wachtwoord")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Gebruikersnaam of wachtwoord klopt niet."
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.username_edit.text() == BEHEERDER
    assert dialog.isVisible() and controller.main_window is None
    assert messages.user_errors == []  # no pop-up
    with shop_db.read_session() as session:  # the failed attempt was committed
        user = session.query(User).filter_by(username=BEHEERDER).one()
        assert user.failed_logins == 1


def test_an_empty_user_name_is_asked_for(controller: AppController, qtbot) -> None:
    dialog = start_login(controller, qtbot)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "Vul uw gebruikersnaam in."
    assert dialog.focusWidget() is dialog.username_edit


def test_the_right_password_opens_the_main_window(controller: AppController, qtbot) -> None:
    dialog = start_login(controller, qtbot)
    qtbot.keyClicks(dialog.username_edit, BEHEERDER)
    qtbot.keyClicks(dialog.password_edit, "fout")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.error_label.isVisible()

    qtbot.keyClicks(dialog.password_edit, BEHEERDER_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in) as logged_in:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    actor = logged_in.args[0]
    assert (actor.username, actor.role) == (BEHEERDER, "beheerder")
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert not dialog.isVisible()
    assert window.windowTitle().startswith("Kringloop Amersfoort-Leusden")
    assert window.user_item.text_label.text() == "Bea Beheer · Beheerder"
