"""Long work off the GUI thread (gui/long_task.py): the window keeps running, the progress
dialog shows and cancels, errors come back as for every other action, and a cancelled import,
export, back-up or demo shop saves nothing."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QWidget
from sqlalchemy import func, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import GoodsFlow, ShopProfile, Worker
from kringloopdesk.errors import JobCancelledError, UserError
from kringloopdesk.gui import long_task
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.file_dialog import FileDialog
from kringloopdesk.gui.dialogs.first_run_wizard import FirstRunWizard
from kringloopdesk.gui.dialogs.import_dialog import ImportDialog
from kringloopdesk.gui.long_task import LongTask
from kringloopdesk.services import backups
from kringloopdesk.services.imports import people as people_import
from kringloopdesk.services.progress import SCALE

WAIT_S = 20  # a safety net against a hang only; the tests never wait this long


@pytest.fixture(autouse=True)
def quick_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LongTask, "SHOW_AFTER_MS", 30)


def count(db: Database, model) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def every(ms: int, callback) -> QTimer:
    """A GUI-thread timer; it can only fire while the event loop runs."""
    timer = QTimer()
    timer.timeout.connect(callback)
    timer.start(ms)
    return timer


def current_dialog() -> long_task.LongTaskDialog | None:
    tasks = long_task.running_tasks()
    return tasks[0].dialog if tasks else None


def test_the_window_keeps_running_and_the_dialog_shows(ctx: AppContext, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    ticks: list[int] = []
    seen = threading.Event()

    def tick() -> None:
        ticks.append(1)
        dialog = current_dialog()
        if len(ticks) >= 3 and dialog is not None and dialog.isVisible():
            seen.set()

    timer = every(10, tick)

    def work(progress):
        for step in range(5):
            progress.step(step, 5, f"stap {step}")
        assert seen.wait(WAIT_S), "the GUI thread did not run during the work"
        progress.step(5, 5)
        return "klaar"

    results: list[str] = []
    done = (LongTask(ctx, window, work, title="Test", label="Bezig", session=False)
            .success(results.append).message("Gedaan").run())
    timer.stop()
    assert done and results == ["klaar"] and seen.is_set()
    assert window.statusBar().currentMessage() == "Gedaan"
    assert long_task.running_tasks() == []


def test_the_dialog_follows_the_progress_and_annuleren_cancels(ctx: AppContext, qtbot,
                                                              shop_db: Database) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    shown: list[tuple[int, int, str]] = []

    def click_cancel_once_shown() -> None:
        dialog = current_dialog()
        if dialog is None or not dialog.isVisible():
            return
        shown.append((dialog.value(), dialog.maximum(), dialog.labelText()))
        if dialog.value() >= 300 and not dialog.cancelling:
            dialog.cancel_button.click()

    timer = every(10, click_cancel_once_shown)

    def work(session, progress):
        # Written in the task's own unit of work, then cancelled: rolled back.
        session.add(Worker(number="D-0001", first_name="Anna", last_name="Kok",
                           doelgroep_id=1, start_date=dt.date(2025, 1, 1)))
        session.flush()
        for step in range(1, 1_000_000):
            progress.step(min(step, 3), 10, "werken")
            if progress.cancelled:
                progress.check()
            threading.Event().wait(0.005)
        return None

    done = LongTask(ctx, window, work, title="Test", label="Bezig").run()
    timer.stop()
    assert not done
    assert count(shop_db, Worker) == 0
    assert window.statusBar().currentMessage() == "Geannuleerd. Er is niets opgeslagen."
    values = [value for value, _maximum, _text in shown]
    assert values == sorted(values) and shown[0][1] == SCALE
    assert any("werken" in text for _v, _m, text in shown)


def test_a_user_error_in_the_work_shows_the_dutch_message(ctx: AppContext, qtbot,
                                                          messages) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress):
        raise UserError("Het bestand is leeg.")

    assert not LongTask(ctx, parent, work, title="Test", label="Bezig", session=False).run()
    assert messages.texts == ["Het bestand is leeg."] and messages.bug_reports == []


def test_a_bug_in_the_work_goes_to_the_error_dialog(ctx: AppContext, qtbot, messages) -> None:
    def work(session, progress):
        raise RuntimeError("kapot")

    assert not LongTask(ctx, None, work, title="Test", label="Bezig").run()
    assert messages.user_errors == []
    assert len(messages.bug_reports) == 1 and "RuntimeError: kapot" in messages.bug_reports[0]


def test_a_cancel_without_a_main_window_is_a_short_message(ctx: AppContext, qtbot,
                                                          messages) -> None:
    def work(progress):
        progress.cancel()
        progress.check()

    assert not LongTask(ctx, None, work, title="Test", label="Bezig", session=False).run()
    assert messages.texts == ["Geannuleerd. Er is niets opgeslagen."]
    assert isinstance(messages.user_errors[0][0], JobCancelledError)


def test_quitting_while_work_runs_cancels_and_waits(ctx: AppContext, qtbot) -> None:
    started = threading.Event()
    stopped: list[bool] = []

    def work(progress):
        started.set()
        while not progress.cancelled:
            threading.Event().wait(0.005)
        stopped.append(True)
        progress.check()

    def quit_once_started() -> None:
        if started.is_set():
            timer.stop()
            # What QCoreApplication.quit() does to every running event loop.
            long_task.running_tasks()[0].loop.exit()

    timer = every(10, quit_once_started)
    assert not LongTask(ctx, None, work, title="Test", label="Bezig", session=False).run()
    assert stopped == [True] and long_task.running_tasks() == []


def test_a_window_that_closes_meanwhile_cancels_the_work_without_a_crash(
        ctx: AppContext, shop_db: Database, qtbot, messages) -> None:
    window = QMainWindow()  # not given to qtbot: it is deleted below
    started = threading.Event()
    called: list[object] = []

    def work(session, progress):
        session.add(Worker(number="D-0002", first_name="Piet", last_name="Kok",
                           doelgroep_id=1, start_date=dt.date(2025, 1, 1)))
        session.flush()
        started.set()
        while True:
            progress.step(1, 2)
            threading.Event().wait(0.005)

    def close_once_started() -> None:
        if started.is_set():
            timer.stop()
            window.close()
            window.deleteLater()

    timer = every(10, close_once_started)
    task = LongTask(ctx, window, work, title="Test", label="Bezig").success(called.append)
    assert not task.run()
    assert called == [] and messages.user_errors == [] and messages.bug_reports == []
    assert count(shop_db, Worker) == 0


# -- the screens ------------------------------------------------------------------------------


def test_a_cancelled_import_writes_no_rows(ctx: AppContext, shop_db: Database, qtbot,
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    path = tmp_path / "deelnemers.csv"
    path.write_text("nummer;voornaam;achternaam;doelgroep;startdatum\n"
                    "D-0100;Zoë;Bakker;wsw;15-3-2025\n", encoding="utf-8")
    monkeypatch.setattr(FileDialog, "open_file", classmethod(lambda cls, *a: path))
    original = people_import.write_workers

    def write_then_cancel(*args, progress=None, **kwargs):
        original(*args, progress=progress, **kwargs)
        progress.cancel()  # the user clicks Annuleren just after the rows went in

    monkeypatch.setattr(people_import, "write_workers", write_then_cancel)
    dialog = ImportDialog(ctx, kind="workers")
    qtbot.addWidget(dialog)
    dialog.choose_and_import()
    assert dialog.outcome.toPlainText() == "Geannuleerd. Er is niets opgeslagen."
    assert count(shop_db, Worker) == 0


def test_a_cancelled_backup_leaves_no_file(ctx: AppContext, qtbot, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from kringloopdesk.gui.pages.settings_page import BackupsTab

    real = backups.manual_backup

    def cancelled_backup(db, actor, destination=None, *, progress):
        progress.cancel()
        return real(db, actor, destination, progress=progress)

    monkeypatch.setattr(backups, "manual_backup", cancelled_backup)
    folder = tmp_path / "stick"
    folder.mkdir()
    monkeypatch.setattr(FileDialog, "save_file",
                        classmethod(lambda cls, *a: folder / "kringloop.sqlite"))
    tab = BackupsTab(ctx)
    qtbot.addWidget(tab)
    tab.make_backup()
    assert list(folder.iterdir()) == []


def test_the_wizard_makes_a_demo_shop_and_tells_the_login(db: Database, qtbot, messages,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    told: list[str] = []
    monkeypatch.setattr(FirstRunWizard, "show_demo_login",
                        classmethod(lambda cls, parent, text: told.append(text)))
    wizard = FirstRunWizard(AppContext(db))
    qtbot.addWidget(wizard)
    with qtbot.waitSignal(wizard.already_initialised, timeout=WAIT_S * 1000):
        wizard.shop_page.demo_button.click()
    assert messages.confirmations and count(db, ShopProfile) == 1
    assert count(db, Worker) > 0 and count(db, GoodsFlow) > 0
    assert "'beheerder'" in told[0] and "'kringloop-demo'" in told[0]


def test_a_cancelled_demo_shop_keeps_nothing(db: Database, qtbot, messages,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from kringloopdesk.services import demo

    real = demo._generate

    def cancel_first(session, sizes, *, progress, **kwargs):
        progress.cancel()
        return real(session, sizes, progress=progress, **kwargs)

    monkeypatch.setattr(demo, "_generate", cancel_first)
    wizard = FirstRunWizard(AppContext(db))
    qtbot.addWidget(wizard)
    assert not wizard.create_demo_shop()
    assert count(db, ShopProfile) == 0 and count(db, Worker) == 0
    assert wizard.shop_page.demo_note.text() == "Geannuleerd. Er is niets opgeslagen."
    assert messages.user_errors == []
