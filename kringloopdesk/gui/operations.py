"""One route for every change from the GUI, in the manner of Anki's ``aqt.operations``.

    DatabaseOp(ctx, self, lambda s: update_shop(s, ctx.actor, info), changes={SHOP})
        .success(self.on_saved)
        .failure(self.show_field_errors)
        .message(self.tr("Winkelgegevens opgeslagen"))
        .run()

``run`` opens one unit of work (committed when the service returns, rolled back on any error),
then: a ``UserError`` goes to the failure callback, or to a Dutch message box when there is
none; a database that went away (disk full, read-only, server down) is a ``UserError`` too,
and one that another program keeps locked is tried again a few times first
(``run_unit_of_work``); the open form keeps what the user typed, to save again;
anything else is a bug: logged with its traceback and shown in the error dialog. After a
success the views hear what changed and the status bar says so.

``query`` is the same for reading: a read-only session, and the same error reporting.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kringloopdesk.db.engine import explain_connect_error, run_unit_of_work
from kringloopdesk.errors import UserError
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
from kringloopdesk.gui.messages import MessageBox, show_status

log = logging.getLogger(__name__)

T = TypeVar("T")


class DatabaseOp(Generic[T]):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        op: Callable[[Session], T],
        *,
        changes: Iterable[str] = (),
    ) -> None:
        self._ctx = ctx
        self._parent = parent
        self._op = op
        self._changes = frozenset(changes)
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[UserError], None] | None = None
        self._message: str | None = None

    def success(self, callback: Callable[[T], None]) -> DatabaseOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[UserError], None]) -> DatabaseOp[T]:
        """Handle a ``UserError`` in the form (e.g. next to the field) instead of a box."""
        self._on_failure = callback
        return self

    def message(self, text: str) -> DatabaseOp[T]:
        """The status bar note after a success, e.g. "Winkelgegevens opgeslagen"."""
        self._message = text
        return self

    def run(self) -> bool:
        """Run the change; True when it was committed."""
        try:
            result = self._run_in_session()
        except UserError as error:
            log.info("Not done: %s", error.message)
            if self._on_failure is not None:
                self._on_failure(error)
            else:
                MessageBox.show_user_error(self._parent, error)
            return False
        except Exception:
            log.exception("Operation failed")
            ErrorDialog.show_error(self._parent, traceback.format_exc())
            return False
        if self._on_success is not None:
            self._on_success(result)
        if self._changes:
            self._ctx.hub.changed.emit(self._changes)
        if self._message:
            show_status(self._parent, self._message)
        return True

    def _run_in_session(self) -> T:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Busy (another PC or program holds the lock): waits, tries again, then a
            # UserError; disk full or read-only: a UserError at once. Nothing half saved.
            return run_unit_of_work(self._ctx.db, self._op)
        finally:
            QGuiApplication.restoreOverrideCursor()


def query(ctx: AppContext, parent: QWidget | None, read: Callable[[Session], T]) -> T | None:
    """Read with a session that commits nothing; None after an error was reported."""
    try:
        with ctx.db.read_session() as session:
            return read(session)
    except OperationalError as exc:
        MessageBox.show_user_error(parent, explain_connect_error(ctx.db.url, exc))
    except UserError as error:
        MessageBox.show_user_error(parent, error)
    except Exception:
        log.exception("Reading failed")
        ErrorDialog.show_error(parent, traceback.format_exc())
    return None
