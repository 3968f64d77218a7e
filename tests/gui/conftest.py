"""GUI tests run offscreen. Modal dialogs never open here: the class-method hooks of
``MessageBox`` and ``ErrorDialog`` are replaced by recorders that tests inspect."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

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

    @property
    def texts(self) -> list[str]:
        return [error.message for error, _title in self.user_errors]


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[Messages]:
    from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
    from kringloopdesk.gui.messages import MessageBox, UnsavedChoice

    recorded = Messages(unsaved_answer=UnsavedChoice.CANCEL)

    def show_user_error(parent, error, *, title=None) -> None:
        recorded.user_errors.append((error, title))

    def show_error(parent, details) -> None:
        recorded.bug_reports.append(details)

    def ask_unsaved_changes(parent, what):
        recorded.unsaved_questions.append(what)
        return recorded.unsaved_answer

    monkeypatch.setattr(MessageBox, "show_user_error", show_user_error)
    monkeypatch.setattr(MessageBox, "ask_unsaved_changes", ask_unsaved_changes)
    monkeypatch.setattr(ErrorDialog, "show_error", show_error)
    yield recorded


@pytest.fixture
def ctx(shop_db: Database, beheerder: Actor, qapp):
    """The shop database with the beheerder logged in."""
    from kringloopdesk.gui.context import AppContext

    return AppContext(shop_db, actor=beheerder)
