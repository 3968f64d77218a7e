"""The idle lock: after the timeout the window is covered and asks the same user's password;
what was typed but not saved is still there afterwards. "Afmelden" forgets the user and goes
back to the login."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kringloopdesk.db.engine import Database
from kringloopdesk.gui.application import AppController, load_first_screen_data
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.login_dialog import LoginDialog
from kringloopdesk.gui.main_window import MainWindow, idle_lock_minutes
from kringloopdesk.gui.messages import UnsavedChoice
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.gui.widgets.lock_cover import LockCover
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.settings import set_setting
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD
from tests.gui.helpers import type_into

IDLE_MS = 250
# Long enough that nothing locks while a test is still setting up, on the slowest machine.
SETUP_MS = 60_000


@pytest.fixture
def window(shop_db: Database, beheerder: Actor, qtbot) -> MainWindow:
    ctx = AppContext(shop_db, actor=beheerder, idle_lock_ms=SETUP_MS)
    window = MainWindow(ctx)
    assert window.idle_watcher.timeout_ms == SETUP_MS  # the injected timeout
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    return window


def open_settings(window: MainWindow) -> SettingsPage:
    page = window.page_of(SettingsPage)
    window.show_page(window.pages.index(page))
    return page


def unlock_with(qtbot, window: MainWindow, password: str) -> None:
    dialog = window.lock_dialog
    assert dialog is not None
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_idle_locks_and_the_typed_value_survives_the_unlock(
    window: MainWindow, qtbot, messages
) -> None:
    page = open_settings(window)
    type_into(qtbot, page.city_edit, " en Leusden")
    assert page.is_dirty()

    with qtbot.waitSignal(window.locked_changed, timeout=5000) as locked:
        window.idle_watcher.set_timeout(IDLE_MS)  # and then nobody touches anything
    assert locked.args == [True]
    assert window.is_locked
    dialog = window.lock_dialog
    assert dialog.isVisible() and dialog.isModal()
    covers = window.findChildren(LockCover)
    assert covers and covers[0].isVisible()
    assert covers[0].geometry() == window.rect()  # the whole window is covered
    assert dialog.who_label.text() == "Ingelogd: Bea Beheer (beheer)"

    dialog.reject()  # Esc does not unlock
    assert window.is_locked and dialog.isVisible()

    unlock_with(qtbot, window, "niet-het-wachtwoord")
    assert window.is_locked
    assert dialog.error_label.text() == "Gebruikersnaam of wachtwoord klopt niet."

    with qtbot.waitSignal(window.locked_changed) as unlocked:
        unlock_with(qtbot, window, BEHEERDER_PASSWORD)
    assert unlocked.args == [False]
    assert not window.is_locked
    qtbot.waitUntil(lambda: not any(c.isVisible() for c in window.findChildren(LockCover)))
    assert window.current_page is page  # nothing was closed or rebuilt
    assert page.city_edit.text() == "Amersfoort en Leusden"
    assert page.is_dirty() and page.save_button.isEnabled()
    assert window.ctx.actor is not None and window.ctx.actor.username == BEHEERDER
    assert messages.user_errors == [] and messages.unsaved_questions == []
    assert window.idle_watcher.watching  # and the countdown runs again


def test_ctrl_l_locks_at_once(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert not window.idle_watcher.watching  # no second lock on top of the first
    unlock_with(qtbot, window, BEHEERDER_PASSWORD)
    assert not window.is_locked


def test_input_starts_the_countdown_again(window: MainWindow, qtbot) -> None:
    page = open_settings(window)
    watcher = window.idle_watcher
    watcher.set_timeout(60_000)
    qtbot.waitUntil(lambda: watcher.remaining_ms < 59_000, timeout=5000)  # time passes
    qtbot.keyClicks(page.city_edit, "x")
    assert watcher.remaining_ms > 59_000
    assert not window.is_locked


def test_afmelden_asks_about_unsaved_changes_and_returns_to_the_login(
    shop_db: Database, qtbot, messages
) -> None:
    ctx = AppContext(shop_db, idle_lock_ms=SETUP_MS)
    controller = AppController(ctx, load_first_screen_data(ctx))
    login = controller.start()
    qtbot.addWidget(login)
    qtbot.keyClicks(login.username_edit, BEHEERDER)
    qtbot.keyClicks(login.password_edit, BEHEERDER_PASSWORD)
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    page = open_settings(window)
    type_into(qtbot, page.city_edit, " en Leusden")
    window.idle_watcher.set_timeout(IDLE_MS)
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)

    messages.unsaved_answer = UnsavedChoice.CANCEL
    qtbot.mouseClick(window.lock_dialog.logout_button, Qt.MouseButton.LeftButton)
    assert messages.unsaved_questions == ["de winkelgegevens"]
    assert window.is_locked and controller.main_window is window  # the user chose to stay
    assert ctx.actor is not None

    messages.unsaved_answer = UnsavedChoice.DISCARD
    with qtbot.waitSignal(window.logged_out):
        qtbot.mouseClick(window.lock_dialog.logout_button, Qt.MouseButton.LeftButton)

    assert ctx.actor is None  # and with it the data key
    assert controller.main_window is None
    new_login = controller.first_window
    assert isinstance(new_login, LoginDialog) and new_login is not login
    qtbot.addWidget(new_login)
    assert new_login.isVisible()
    assert not window.isVisible()


def test_afmelden_from_the_menu(shop_db: Database, beheerder: Actor, qtbot) -> None:
    window = MainWindow(AppContext(shop_db, actor=beheerder))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    with qtbot.waitSignal(window.logged_out):
        window.logout_action.trigger()
    assert window.ctx.actor is None and not window.isVisible()


def test_the_timeout_is_the_shop_setting(shop_db: Database, beheerder: Actor, qtbot) -> None:
    assert idle_lock_minutes(AppContext(shop_db)) == 10  # the declared default
    window = MainWindow(AppContext(shop_db, actor=beheerder))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    assert window.idle_watcher.timeout_ms == 10 * 60_000

    page = open_settings(window)
    page.refresh()
    page.idle_spin.setValue(3)
    assert page.save()
    assert window.idle_watcher.timeout_ms == 3 * 60_000
    with shop_db.session() as session:
        set_setting(session, beheerder, "idle_lock_minutes", 7)
    assert idle_lock_minutes(window.ctx) == 7


def test_no_lock_while_long_work_runs(window: MainWindow, qtbot, monkeypatch) -> None:
    """An import or a back-up in the background: the user waits without touching anything."""
    from kringloopdesk.gui import long_task

    monkeypatch.setattr(long_task, "running_tasks", lambda: ["a back-up"])
    window.idle_watcher.set_timeout(50)
    qtbot.wait(200)  # the countdown ran out several times
    assert not window.is_locked
    assert window.idle_watcher.remaining_ms > 0  # counting again

    monkeypatch.setattr(long_task, "running_tasks", lambda: [])
    qtbot.waitUntil(lambda: window.is_locked, timeout=2000)  # done: the lock comes as usual
