"""Instellingen → Gebruikers: the beheerder creates users, disables and enables them, resets
passwords, changes roles and makes a new recovery key — each through its dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.change_role_dialog import ChangeRoleDialog
from kringloopdesk.gui.dialogs.new_user_dialog import NewUserDialog
from kringloopdesk.gui.dialogs.recovery_key_dialog import RecoveryKeyDialog
from kringloopdesk.gui.dialogs.reset_password_dialog import ResetPasswordDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.models.users_model import UsersModel
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.gui.pages.users_page import UsersPage
from kringloopdesk.services.auth import Actor, attempt_login
from kringloopdesk.services.keys import recover_with_key
from kringloopdesk.services.users import UserInfo, list_users
from tests.conftest import VOLUNTEER_PASSWORD
from tests.gui.helpers import pdf_text, type_into


@pytest.fixture
def window(ctx: AppContext, begeleider: Actor, invoer: Actor, qtbot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def page(window: MainWindow) -> UsersPage:
    settings = window.page_of(SettingsPage)
    window.show_page(window.pages.index(settings))
    settings.show_users()
    assert settings.users_page is not None and settings.users_page.isVisible()
    return settings.users_page


def user(ctx: AppContext, username: str) -> UserInfo:
    with ctx.db.read_session() as session:
        return next(u for u in list_users(session, ctx.actor) if u.username == username)


def shown_texts(page: UsersPage, username: str) -> list[str]:
    row = page.model.row_of(user(page.ctx, username).id)
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def test_the_list_shows_every_user_and_filters_as_you_type(
    page: UsersPage, qtbot, qtmodeltester
) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert page.count_label.text() == "3 gebruikers"
    assert shown_texts(page, "ria")[:5] == [
        "ria", "Ria de Vrijwilliger", "Invoer (vrijwilliger)", "Ja, tijdelijk wachtwoord",
        "Nee (invoer)",
    ]
    assert shown_texts(page, "beheer")[3:5] == ["Ja", "Ja"]

    type_into(qtbot, page.search_edit, "begeleider")
    assert page.proxy.rowCount() == 1
    assert page.count_label.text() == "1 van 3 gebruikers"
    page.search_edit.clear()
    assert page.proxy.rowCount() == 3


def test_a_new_user(page: UsersPage, window: MainWindow, qtbot, answer_dialog) -> None:
    def fill_in(dialog: NewUserDialog) -> None:
        type_into(qtbot, dialog.username_edit, "ria")  # taken
        type_into(qtbot, dialog.full_name_edit, "Henk Visser")
        dialog.role_combo.set_role("begeleider")
        assert "gevoelige gegevens" in dialog.form.hint_label("role").text()
        type_into(qtbot, dialog.password_edit, "tijdelijk-1")
        type_into(qtbot, dialog.repeat_edit, "tijdelijk-1")
        dialog.accept()
        assert dialog.result() == 0  # stays open, everything typed stays
        assert "bestaat al" in dialog.error_label.text()
        assert dialog.form._fields["username"].error_label.text() == "Bestaat al"
        assert dialog.password_edit.text() == "tijdelijk-1"
        dialog.username_edit.clear()
        type_into(qtbot, dialog.username_edit, "henk")
        dialog.accept()

    answer_dialog(NewUserDialog, fill_in)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    assert page.count_label.text() == "4 gebruikers"
    henk = user(page.ctx, "henk")
    assert (henk.full_name, henk.role, henk.must_change_password) == (
        "Henk Visser", "begeleider", True
    )
    assert henk.has_key_access
    assert page.selected_user().username == "henk"
    assert window.statusBar().currentMessage() == "Gebruiker henk aangemaakt"


def test_ctrl_n_opens_the_new_user_dialog(page: UsersPage, qtbot, answer_dialog) -> None:
    shown = answer_dialog(NewUserDialog, lambda dialog: dialog.reject())
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
    assert page.count_label.text() == "3 gebruikers"


def test_disabling_and_enabling(
    page: UsersPage, window: MainWindow, ctx: AppContext, qtbot, messages
) -> None:
    page.select_user(ctx.actor.user_id)
    assert not page.active_button.isEnabled()  # not one's own account
    ria = user(ctx, "ria")
    page.select_user(ria.id)
    assert page.active_button.text() == "Uitschakelen"

    messages.confirm_answer = False
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert messages.confirmations == ["Ria de Vrijwilliger uitschakelen?"]
    assert user(ctx, "ria").active

    messages.confirm_answer = True
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert not user(ctx, "ria").active
    assert shown_texts(page, "ria")[3] == "Nee, uitgeschakeld"
    assert page.active_button.text() == "Inschakelen"
    assert window.statusBar().currentMessage() == "ria is uitgeschakeld"
    with ctx.db.session() as session:
        attempt = attempt_login(session, "ria", VOLUNTEER_PASSWORD)
    assert attempt.actor is None and "uitgeschakeld" in attempt.message

    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert user(ctx, "ria").active
    assert len(messages.confirmations) == 2  # enabling needs no question
    assert window.statusBar().currentMessage() == "ria is weer ingeschakeld"


def test_resetting_a_password(
    page: UsersPage, window: MainWindow, ctx: AppContext, qtbot, answer_dialog
) -> None:
    marieke = user(ctx, "marieke")
    page.select_user(marieke.id)

    def fill_in(dialog: ResetPasswordDialog) -> None:
        assert "weer toegang tot de gevoelige gegevens" in dialog.intro_label.text()
        type_into(qtbot, dialog.password_edit, "kort")
        dialog.accept()
        assert dialog.result() == 0 and "Minstens 8 tekens" in dialog.error_label.text()
        dialog.password_edit.clear()
        type_into(qtbot, dialog.password_edit, "tijdelijk-456")
        type_into(qtbot, dialog.repeat_edit, "tijdelijk-456")
        dialog.accept()

    answer_dialog(ResetPasswordDialog, fill_in)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)

    assert window.statusBar().currentMessage() == "Tijdelijk wachtwoord ingesteld voor marieke"
    with ctx.db.session() as session:
        actor = attempt_login(session, "marieke", "tijdelijk-456").actor_or_raise()
    assert actor.must_change_password and actor.data_key == ctx.actor.data_key


def test_changing_a_role_asks_a_temporary_password_when_needed(
    page: UsersPage, window: MainWindow, ctx: AppContext, qtbot, answer_dialog
) -> None:
    ria = user(ctx, "ria")
    page.select_user(ria.id)

    def to_begeleider(dialog: ChangeRoleDialog) -> None:
        assert not dialog.form.is_field_visible("password")
        dialog.role_combo.set_role("begeleider")
        assert dialog.form.is_field_visible("password")  # an invoer has no key yet
        assert "toegang tot de gevoelige gegevens" in dialog.note_label.text()
        dialog.accept()
        assert dialog.result() == 0
        type_into(qtbot, dialog.password_edit, "tijdelijk-789")
        type_into(qtbot, dialog.repeat_edit, "tijdelijk-789")
        dialog.accept()

    answer_dialog(ChangeRoleDialog, to_begeleider)
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)

    ria = user(ctx, "ria")
    assert (ria.role, ria.has_key_access, ria.must_change_password) == ("begeleider", True, True)
    assert window.statusBar().currentMessage() == "ria is nu begeleider"
    with ctx.db.session() as session:
        assert attempt_login(session, "ria", "tijdelijk-789").actor.data_key is not None

    def to_invoer(dialog: ChangeRoleDialog) -> None:
        dialog.role_combo.set_role("invoer")
        assert not dialog.form.is_field_visible("password")
        assert "verliest de toegang" in dialog.note_label.text()
        dialog.accept()

    answer_dialog(ChangeRoleDialog, to_invoer)
    page.select_user(ria.id)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter on the list opens "Rol wijzigen"
    ria = user(ctx, "ria")
    assert (ria.role, ria.has_key_access) == ("invoer", False)


def test_a_new_recovery_key(
    page: UsersPage, window: MainWindow, ctx: AppContext, qtbot, answer_dialog, messages,
    tmp_path,
) -> None:
    pdf = tmp_path / "sleutel.pdf"
    messages.save_paths.append(pdf)

    def keep_safe(dialog: RecoveryKeyDialog) -> None:
        assert not dialog.close_button.isEnabled()
        dialog.reject()  # Esc: not before the key is kept safe
        assert dialog.result() == 0
        qtbot.mouseClick(dialog.view.pdf_button, Qt.MouseButton.LeftButton)
        dialog.view.confirm_check.setChecked(True)
        assert dialog.close_button.isEnabled()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    shown = answer_dialog(RecoveryKeyDialog, keep_safe)
    qtbot.mouseClick(page.renew_button, Qt.MouseButton.LeftButton)

    assert messages.confirmations == ["Een nieuwe herstelsleutel maken?"]
    key = shown[0].view.recovery_key
    assert "Kringloop Amersfoort-Leusden" in shown[0].view.key_caption.text()
    assert key in pdf_text(pdf)
    assert window.statusBar().currentMessage().startswith("Nieuwe herstelsleutel gemaakt")
    with ctx.db.session() as session:
        actor = recover_with_key(session, "beheer", key, "hersteld-wachtwoord")
    assert actor.data_key == ctx.actor.data_key


def test_the_users_model_alone(qtmodeltester, ctx: AppContext, invoer: Actor) -> None:
    model = UsersModel()
    qtmodeltester.check(model)
    with ctx.db.read_session() as session:
        model.set_users(list_users(session, ctx.actor))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Gebruikersnaam"


def test_a_locked_account_shows_until_when(page: UsersPage, ctx: AppContext) -> None:
    with ctx.db.session() as session:
        for _attempt in range(5):
            attempt_login(session, "ria", "fout-fout-fout")
    page.refresh()
    locked = shown_texts(page, "ria")[6]
    assert locked and locked[2] == "-" and locked[5] == "-"  # dd-mm-jjjj HH:MM
    assert shown_texts(page, "beheer")[6] == ""
