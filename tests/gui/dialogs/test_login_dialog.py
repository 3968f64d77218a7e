"""Logging in: a wrong password is said in the dialog, five lock the account for a while; the
right one opens the main window, after a temporary password was replaced; a forgotten
beheerder password is set anew with the recovery key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import User
from kringloopdesk.gui.application import AppController, load_first_screen_data
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.change_password_dialog import ChangePasswordDialog
from kringloopdesk.gui.dialogs.login_dialog import LoginDialog
from kringloopdesk.gui.dialogs.password_recovery_dialog import PasswordRecoveryDialog
from kringloopdesk.services.auth import attempt_login
from kringloopdesk.services.setup import ShopInfo, initialise_shop
from kringloopdesk.services.users import create_user
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD
from tests.gui.helpers import type_into


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
    assert window.user_button.text() == "Bea Beheer · Beheerder"


def log_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, username)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_five_wrong_passwords_lock_the_account_for_five_minutes(
    controller: AppController, qtbot, messages
) -> None:
    dialog = start_login(controller, qtbot)
    for _attempt in range(4):
        log_in(qtbot, dialog, BEHEERDER, "niet-het-wachtwoord")
        assert dialog.error_label.text() == "Gebruikersnaam of wachtwoord klopt niet."

    log_in(qtbot, dialog, BEHEERDER, "niet-het-wachtwoord")
    assert dialog.error_label.text() == (
        "Te veel verkeerde wachtwoorden. Dit account wacht nu 5 minuten."
    )
    # Even the right password waits now.
    log_in(qtbot, dialog, BEHEERDER, BEHEERDER_PASSWORD)
    assert dialog.error_label.text() == (
        "Te veel verkeerde wachtwoorden. Probeer het over 5 minuten opnieuw."
    )
    assert controller.main_window is None and dialog.isVisible()
    assert messages.user_errors == []


def test_a_temporary_password_must_be_replaced_before_the_main_window_opens(
    controller: AppController, shop_db: Database, beheerder, qtbot, answer_dialog
) -> None:
    with shop_db.session() as session:
        create_user(session, beheerder, username="youssef", full_name="Youssef El Idrissi",
                    role="begeleider", password="tijdelijk-123")

    def cancel(dialog: ChangePasswordDialog) -> None:
        assert dialog.forced and dialog.current_edit is None
        dialog.reject()

    answer_dialog(ChangePasswordDialog, cancel)
    dialog = start_login(controller, qtbot)
    log_in(qtbot, dialog, "youssef", "tijdelijk-123")
    assert controller.main_window is None
    assert "eigen wachtwoord" in dialog.error_label.text()

    def choose(dialog: ChangePasswordDialog) -> None:
        type_into(qtbot, dialog.password_edit, "mijn-eigen-wachtwoord")
        type_into(qtbot, dialog.repeat_edit, "iets-anders")
        dialog.accept()
        assert dialog.result() == 0  # not equal: the dialog stays
        assert "Niet gelijk" in dialog.error_label.text()
        dialog.repeat_edit.clear()
        type_into(qtbot, dialog.repeat_edit, "mijn-eigen-wachtwoord")
        dialog.accept()

    shown = answer_dialog(ChangePasswordDialog, choose)
    with qtbot.waitSignal(dialog.logged_in) as logged_in:
        log_in(qtbot, dialog, "youssef", "tijdelijk-123")

    assert len(shown) == 2  # cancelled once, then completed
    actor = logged_in.args[0]
    assert actor.username == "youssef" and not actor.must_change_password
    assert actor.data_key is not None  # the begeleider keeps access to the sensitive data
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert controller.ctx.actor == actor
    with shop_db.session() as session:
        assert attempt_login(session, "youssef", "mijn-eigen-wachtwoord").actor is not None
        assert attempt_login(session, "youssef", "tijdelijk-123").actor is None


def test_the_recovery_key_sets_a_new_password_and_logs_the_beheerder_in(
    db: Database, qtbot, answer_dialog, messages
) -> None:
    with db.session() as session:
        result = initialise_shop(
            session, ShopInfo(name="Kringloop Zeist", certificate_prefix="KZ"),
            username="bea", full_name="Bea", password="vergeten-wachtwoord",
        )
    ctx = AppContext(db)
    controller = AppController(ctx, load_first_screen_data(ctx))
    dialog = start_login(controller, qtbot)
    qtbot.keyClicks(dialog.username_edit, "bea")

    def recover(recovery: PasswordRecoveryDialog) -> None:
        assert recovery.username_edit.text() == "bea"
        type_into(qtbot, recovery.key_edit, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
        type_into(qtbot, recovery.password_edit, "nieuw-wachtwoord")
        type_into(qtbot, recovery.repeat_edit, "nieuw-wachtwoord")
        recovery.accept()
        assert recovery.result() == 0
        assert recovery.error_label.text() == "Deze herstelsleutel klopt niet."
        recovery.key_edit.clear()
        type_into(qtbot, recovery.key_edit, result.recovery_key.lower().replace("-", " "))
        recovery.accept()

    shown = answer_dialog(PasswordRecoveryDialog, recover)
    with qtbot.waitSignal(dialog.logged_in) as logged_in:
        qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    actor = logged_in.args[0]
    assert actor.username == "bea" and actor.data_key == result.actor.data_key
    assert controller.main_window is not None
    qtbot.addWidget(controller.main_window)
    assert messages.user_errors == []
    with db.session() as session:
        assert attempt_login(session, "bea", "nieuw-wachtwoord").actor is not None
