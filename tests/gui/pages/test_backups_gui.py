"""Instellingen → Back-ups: a back-up to a chosen place, restoring with a preview (then the
login again), and the automatic back-up when the app quits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database, is_sqlite
from kringloopdesk.db.models import User
from kringloopdesk.gui.application import AppController, load_first_screen_data
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.login_dialog import LoginDialog
from kringloopdesk.gui.dialogs.restore_dialog import RestoreDialog
from kringloopdesk.gui.pages.settings_page import BackupsTab, SettingsPage
from kringloopdesk.services import backups
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.users import create_user
from kringloopdesk.settings import read_local, write_local
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD


def _suffix(db: Database) -> str:
    return ".sqlite" if is_sqlite(db.engine) else ".zip"


def _users(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(User))


def test_the_backup_button_writes_to_the_chosen_place(
    ctx: AppContext, qtbot, messages, tmp_path: Path
) -> None:
    tab = BackupsTab(ctx)
    qtbot.addWidget(tab)
    stick = tmp_path / "usb"
    stick.mkdir()
    target = stick / f"winkel{_suffix(ctx.db)}"
    messages.save_paths = [target]
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert messages.save_questions[0].startswith("kringloopdesk-")
    assert messages.save_questions[0].endswith(f"-handmatig{_suffix(ctx.db)}")
    assert backups.read_backup_info(target).shop_name == "Kringloop Amersfoort-Leusden"
    assert messages.user_errors == []


def test_the_tab_lists_the_folder_and_saves_the_settings(ctx: AppContext, qtbot,
                                                         tmp_path: Path) -> None:
    write_local("backup.folder", str(tmp_path / "map"))
    backups.make_backup(ctx.db)
    tab = BackupsTab(ctx)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == "Handmatig"
    tab.on_exit_box.setChecked(False)
    tab.keep_spins["backup.keep_daily"].setValue(10)
    assert read_local("backup.on_exit") is False
    assert read_local("backup.keep_daily") == 10


def test_only_a_beheerder_sees_the_tab(shop_db: Database, begeleider: Actor, qtbot) -> None:
    page = SettingsPage(AppContext(shop_db, actor=begeleider))
    qtbot.addWidget(page)
    assert page.backups_tab is None


def test_restoring_shows_the_preview_and_returns_to_the_login(
    shop_db: Database, qtbot, messages, answer_dialog, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    made = backups.make_backup(shop_db, destination=tmp_path / f"oud{_suffix(shop_db)}")
    ctx = AppContext(shop_db)
    controller = AppController(ctx, load_first_screen_data(ctx))
    login = controller.start()
    qtbot.addWidget(login)
    qtbot.keyClicks(login.username_edit, BEHEERDER)
    qtbot.keyClicks(login.password_edit, BEHEERDER_PASSWORD)
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    with shop_db.session() as session:
        create_user(session, ctx.actor, username="ria", full_name="Ria", role="invoer",
                    password="vrijwilliger-1")
    assert _users(shop_db) == 2

    index = next(i for i, p in enumerate(window.pages) if isinstance(p, SettingsPage))
    window.show_page(index)
    page = window.current_page
    page.show_backups()
    monkeypatch.setattr(BackupsTab, "ask_backup_file", classmethod(lambda cls, p: made.path))
    notes: list[str] = []
    monkeypatch.setattr(RestoreDialog, "show_done", classmethod(lambda cls, p, t: notes.append(t)))
    seen: dict[str, str] = {}

    def confirm(dialog: RestoreDialog) -> None:
        seen.update({label: widget.text() for label, widget in dialog.count_labels.items()})
        seen["heading"] = dialog.heading_label.text()
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    shown = answer_dialog(RestoreDialog, confirm)
    with qtbot.waitSignal(window.logged_out):
        qtbot.mouseClick(page.backups_tab.restore_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1 and seen["Gebruikers"] == "1" and seen["Deelnemers"] == "0"
    assert shown[0].submit_button.objectName() == "DangerPrimaryButton"
    assert _users(shop_db) == 1
    assert "voor-terugzetten" in notes[0] and "Log opnieuw in" in notes[0]
    assert isinstance(controller.first_window, LoginDialog)
    qtbot.addWidget(controller.first_window)
    assert controller.main_window is None and ctx.actor is None
    assert messages.user_errors == [] and messages.bug_reports == []


def test_a_backup_on_exit_and_a_failing_one_never_blocks(
    shop_db: Database, qapp, tmp_path: Path
) -> None:
    ctx = AppContext(shop_db)
    controller = AppController(ctx, load_first_screen_data(ctx))
    controller.backup_on_exit()  # nobody logged in: nothing to do
    assert backups.list_backups() == []
    controller.logged_in_once = True
    controller.backup_on_exit()
    assert [b.kind for b in backups.list_backups()] == ["afsluiten"]

    blocker = tmp_path / "geen-map"
    blocker.write_text("x")
    write_local("backup.folder", str(blocker))
    controller.backup_on_exit()  # does not raise
    assert "kan niet worden geschreven" in read_local("backup.last_problem")


def test_the_daily_backup_once_a_day_and_a_failure_shown_after_the_next_login(
    shop_db: Database, qapp, qtbot, tmp_path: Path
) -> None:
    ctx = AppContext(shop_db)
    controller = AppController(ctx, load_first_screen_data(ctx))
    controller.daily_backup_if_due()
    controller.daily_backup_if_due()  # there is one of today now
    assert [b.kind for b in backups.list_backups()] == ["dagelijks"]

    write_local("backup.last_problem", "De map is weg")
    login = controller.start()
    qtbot.addWidget(login)
    qtbot.keyClicks(login.username_edit, BEHEERDER)
    qtbot.keyClicks(login.password_edit, BEHEERDER_PASSWORD)
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    assert window.statusBar().currentMessage() == (
        "De laatste automatische back-up is mislukt: De map is weg")
    assert read_local("backup.last_problem") == ""
    assert controller.daily_timer.isActive()
