"""GUI tests run offscreen. Modal dialogs never open here: the class-method hooks of
``MessageBox``, ``ErrorDialog`` and ``FileDialog`` are replaced by recorders that tests inspect
and answer, and any of our own dialogs that would open without the test standing in for the
user (``ModalDialog.show_modal``, see ``answer_dialog``) fails the test."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kringloopdesk.db.engine import Database
from kringloopdesk.errors import UserError
from kringloopdesk.services.auth import Actor

# Before the first QApplication (pytest-qt's qapp fixture), which none of the imports create.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Messages:
    """What the app would have shown in modal dialogs during a test."""

    user_errors: list[tuple[UserError, str | None]] = field(default_factory=list)
    bug_reports: list[str] = field(default_factory=list)
    unsaved_questions: list[str] = field(default_factory=list)
    unsaved_answer: object = None
    confirmations: list[str] = field(default_factory=list)
    confirm_answer: bool = True
    save_questions: list[str] = field(default_factory=list)
    save_paths: list[Path] = field(default_factory=list)  # answers, in order; empty: cancel

    @property
    def texts(self) -> list[str]:
        return [error.message for error, _title in self.user_errors]


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[Messages]:
    from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
    from kringloopdesk.gui.dialogs.file_dialog import FileDialog
    from kringloopdesk.gui.dialogs.modal import ModalDialog
    from kringloopdesk.gui.messages import MessageBox, UnsavedChoice

    recorded = Messages(unsaved_answer=UnsavedChoice.CANCEL)

    def show_user_error(parent, error, *, title=None) -> None:
        recorded.user_errors.append((error, title))

    def show_error(parent, details) -> None:
        recorded.bug_reports.append(details)

    def ask_unsaved_changes(parent, what):
        recorded.unsaved_questions.append(what)
        return recorded.unsaved_answer

    def confirm(parent, question, consequences, confirm_text, *, destructive=False) -> bool:
        recorded.confirmations.append(question)
        return recorded.confirm_answer

    def save_file(parent, title, suggested_name, file_filter):
        recorded.save_questions.append(suggested_name)
        return recorded.save_paths.pop(0) if recorded.save_paths else None

    def unexpected_dialog(dialog) -> bool:
        raise AssertionError(f"a dialog opened that the test does not answer: {dialog!r}")

    monkeypatch.setattr(MessageBox, "show_user_error", show_user_error)
    monkeypatch.setattr(MessageBox, "ask_unsaved_changes", ask_unsaved_changes)
    monkeypatch.setattr(MessageBox, "confirm", confirm)
    monkeypatch.setattr(ErrorDialog, "show_error", show_error)
    monkeypatch.setattr(FileDialog, "save_file", save_file)
    monkeypatch.setattr(ModalDialog, "show_modal", classmethod(lambda cls, d: unexpected_dialog(d)))
    yield recorded


@pytest.fixture
def answer_dialog(monkeypatch: pytest.MonkeyPatch):
    """Stand in for the user at one kind of dialog:

        answer_dialog(NewUserDialog, fill_in)   # fill_in(dialog) types and presses OK

    The real dialog is built and driven; ``show_modal`` then reports whether it was
    accepted. Every dialog shown is kept in the returned list.
    """
    shown: list = []

    def answer(dialog_class: type, fill_in: Callable[[object], None]) -> list:
        def show_modal(cls, dialog) -> bool:
            shown.append(dialog)
            fill_in(dialog)
            return dialog.result() == 1  # QDialog.DialogCode.Accepted

        monkeypatch.setattr(dialog_class, "show_modal", classmethod(show_modal))
        return shown

    return answer


@pytest.fixture
def ctx(shop_db: Database, beheerder: Actor, qapp):
    """The shop database with the beheerder logged in."""
    from kringloopdesk.gui.context import AppContext

    return AppContext(shop_db, actor=beheerder)


@pytest.fixture(autouse=True)
def no_leftover_widgets(qapp) -> Iterator[None]:
    """Delete every window a test leaves behind. Closed widgets that were never deleted pile
    up over the run, and each later ``setStyleSheet`` on the application re-polishes them all
    (the theme test took 55 s at the end of a full run instead of 1 s)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
