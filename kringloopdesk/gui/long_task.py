"""Long work off the GUI thread: imports, exports, back-ups, demo data.

    LongTask(ctx, self, lambda session, progress: import_flows(session, actor, path,
                                                               progress=progress),
             title=self.tr("Importeren"), label=self.tr("Het bestand wordt ingelezen…"),
             changes={GOODS, AUDIT})
        .success(self.on_imported)
        .failure(self.show_problems)
        .message(self.tr("Geïmporteerd"))
        .run()

The work runs in a ``QThread`` with a :class:`~kringloopdesk.services.progress.Progress`. It
opens its own unit of work there (``run_unit_of_work``: committed when the work returns,
rolled back on any error or cancel; SQLAlchemy's pool hands each thread its own connection —
SQLite files are opened with ``check_same_thread=False`` by SQLAlchemy 2, PostgreSQL's pool is
thread-safe), or none at all with ``session=False`` for work that writes only files.

While it runs, ``run`` waits in a local event loop, like ``QDialog.exec``: the window keeps
painting and timers keep ticking, and a window-modal progress dialog (shown only after
``SHOW_AFTER_MS``, so quick work does not flash) follows the work and offers Annuleren. The
results come back on the GUI thread, the way ``DatabaseOp`` (gui/operations.py) gives them:
a ``UserError`` to the failure callback or a Dutch message box, a cancel as a short note
(the status bar, or the cancelled callback), any other exception to the error dialog with
the traceback one click away. If the application quits meanwhile, the work is cancelled and
waited for, so no thread is destroyed while running.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid
from sqlalchemy.orm import Session

from kringloopdesk.db.engine import run_unit_of_work
from kringloopdesk.errors import JobCancelledError, UserError
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
from kringloopdesk.gui.messages import MessageBox, main_window_of, show_status
from kringloopdesk.services.progress import SCALE, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")

_RUNNING: list[LongTask[Any]] = []


def running_tasks() -> list[LongTask[Any]]:
    """The tasks whose work is running now (for a window that is about to close)."""
    return list(_RUNNING)


def cancel_and_wait_all() -> None:
    """Cancel every running task and wait until its work has rolled back (closing the app)."""
    for task in running_tasks():
        task.cancel_and_wait()


class LongTaskDialog(QProgressDialog):
    """The progress dialog: a bar, what is happening, and Annuleren.

    Cancelling does not close it: it says that it is stopping and stays until the work has
    rolled back, so the window cannot be used half-way.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._label = label
        self.setLabelText(label)
        self.setRange(0, SCALE)
        self.setValue(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # Shown by LongTask's own timer, never by QProgressDialog's estimate.
        self.setMinimumDuration(2**31 - 1)
        self.setMinimumWidth(420)
        self.setWindowModality(
            Qt.WindowModality.WindowModal if parent is not None
            else Qt.WindowModality.ApplicationModal
        )
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.setCancelButton(self.cancel_button)
        # Instead of QProgressDialog's own cancel (which hides the dialog at once).
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancelling = False

    def show_step(self, value: int, total: int, text: str) -> None:
        if self.cancelling:
            return
        if total > 0:
            self.setMaximum(total)
            self.setValue(min(value, total))
        self.setLabelText(f"{self._label}\n{text}" if text else self._label)

    def request_cancel(self) -> None:
        if self.cancelling:
            return
        self.cancelling = True
        self.cancel_button.setEnabled(False)
        self.setLabelText(self.tr("Bezig met annuleren… Er wordt niets opgeslagen."))
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc
        self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:  # the window's close button
        event.ignore()
        self.request_cancel()


class _Runner(QThread):
    """Runs the work in its own thread; the outcome is read once the thread has finished."""

    progressed = Signal(int, int, str)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.progress = Progress(self._report)
        self.outcome: tuple[str, Any] = ("crashed", "")

    def _report(self, value: int, total: int, text: str) -> None:
        self.progressed.emit(value, total, text)  # queued to the GUI thread

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except JobCancelledError as error:
            log.info("Cancelled: %s", error.message)
            self.outcome = ("cancelled", error)
        except UserError as error:
            log.info("Not done: %s", error.message)
            self.outcome = ("failed", error)
        except Exception:
            log.exception("Long task failed")
            self.outcome = ("crashed", traceback.format_exc())
        else:
            self.outcome = ("done", result)


class _Relay(QObject):
    """Lives in the GUI thread, so the runner's signals arrive here queued."""

    def __init__(self, dialog: LongTaskDialog, loop: QEventLoop) -> None:
        super().__init__()
        self.dialog = dialog
        self.loop = loop
        self.done = False

    @Slot(int, int, str)
    def progressed(self, value: int, total: int, text: str) -> None:
        if isValid(self.dialog):  # gone with its window (logged out meanwhile)
            self.dialog.show_step(value, total, text)

    @Slot()
    def finished(self) -> None:
        self.done = True
        self.loop.quit()


class LongTask(Generic[T]):
    """Run ``work`` in a worker thread with a progress dialog; see the module docstring.

    ``work(session, progress)`` runs in its own unit of work; with ``session=False`` it is
    ``work(progress)`` and opens no session (writing files from data read before).
    """

    SHOW_AFTER_MS = 300

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        work: Callable[..., T],
        *,
        title: str,
        label: str,
        session: bool = True,
        changes: Iterable[str] = (),
    ) -> None:
        self._ctx = ctx
        self._parent = parent
        self._work = work
        self._title = title
        self._label = label
        self._session = session
        self._changes = frozenset(changes)
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[UserError], None] | None = None
        self._on_cancelled: Callable[[JobCancelledError], None] | None = None
        self._message: str | None = None
        self.dialog: LongTaskDialog | None = None
        self.loop: QEventLoop | None = None  # while running; QCoreApplication.quit ends it
        self._runner: _Runner | None = None

    def success(self, callback: Callable[[T], None]) -> LongTask[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[UserError], None]) -> LongTask[T]:
        """Handle a ``UserError`` (not a cancel) in the window instead of a message box."""
        self._on_failure = callback
        return self

    def cancelled(self, callback: Callable[[JobCancelledError], None]) -> LongTask[T]:
        """Say the cancel in the window instead of the status bar."""
        self._on_cancelled = callback
        return self

    def message(self, text: str) -> LongTask[T]:
        """The status bar note after a success."""
        self._message = text
        return self

    # -- running ------------------------------------------------------------------------------

    def _job(self) -> Callable[[Progress], T]:
        if not self._session:
            return self._work
        db, work = self._ctx.db, self._work

        def in_unit_of_work(progress: Progress) -> T:
            def op(session: Session) -> T:
                return work(session, progress)

            return run_unit_of_work(db, op)

        return in_unit_of_work

    def run(self) -> bool:
        """Run the work and wait for it while the window stays responsive; True when it was
        done (and committed)."""
        quit_guard()
        loop = QEventLoop()
        dialog = LongTaskDialog(self._dialog_parent(), self._title, self._label)
        runner = _Runner(self._job())
        relay = _Relay(dialog, loop)
        runner.progressed.connect(relay.progressed)
        runner.finished.connect(relay.finished)
        dialog.cancel_requested.connect(runner.progress.cancel)
        # The window went (logged out, locked out): nobody waits for the work any more.
        dialog.destroyed.connect(runner.progress.cancel)
        show_timer = QTimer()
        show_timer.setSingleShot(True)
        show_timer.timeout.connect(dialog.show)
        self.dialog, self._runner, self.loop = dialog, runner, loop
        _RUNNING.append(self)
        try:
            runner.start()
            show_timer.start(self.SHOW_AFTER_MS)
            loop.exec()  # until the runner's finished arrives (queued, so never missed)
            # Not the runner's finished: the application quits (that ends every loop).
            abandoned = not relay.done
            if abandoned:
                runner.progress.cancel()
            runner.wait()
        finally:
            show_timer.stop()
            _RUNNING.remove(self)
            if isValid(dialog):
                dialog.hide()
                dialog.deleteLater()
            self.dialog = self.loop = None
        if abandoned or (self._parent is not None and not isValid(self._parent)):
            # Nobody to tell: the application quits, or the window closed meanwhile.
            log.info("Long task '%s' ended without its window (%s)", self._title,
                     runner.outcome[0])
            return runner.outcome[0] == "done"
        return self._deliver(*runner.outcome)

    def cancel(self) -> None:
        """What Annuleren does (also for tests and for a window that closes)."""
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.request_cancel()
        elif self._runner is not None:
            self._runner.progress.cancel()

    def cancel_and_wait(self) -> None:
        runner = self._runner
        if runner is not None and runner.isRunning():
            runner.progress.cancel()
            runner.wait()

    def _dialog_parent(self) -> QWidget | None:
        return self._parent.window() if self._parent is not None else None

    # -- the outcome, on the GUI thread ---------------------------------------------------------

    def _deliver(self, kind: str, payload: Any) -> bool:
        if kind == "done":
            if self._on_success is not None:
                self._on_success(payload)
            if self._changes:
                self._ctx.hub.changed.emit(self._changes)
            if self._message:
                show_status(self._parent, self._message)
            return True
        if kind == "cancelled":
            self._say_cancelled(payload)
        elif kind == "failed":
            if self._on_failure is not None:
                self._on_failure(payload)
            else:
                MessageBox.show_user_error(self._parent, payload)
        else:
            ErrorDialog.show_error(self._parent, payload)
        return False

    def _say_cancelled(self, error: JobCancelledError) -> None:
        if self._on_cancelled is not None:
            self._on_cancelled(error)
            return
        window = main_window_of(self._parent)
        if window is not None:
            show_status(window, error.message)
        else:
            MessageBox.show_user_error(self._parent, error)


def quit_guard() -> None:
    """Connected once to ``aboutToQuit``: work still running is cancelled and waited for."""
    app = QCoreApplication.instance()
    if app is not None and not app.property("kld_long_task_guard"):
        app.setProperty("kld_long_task_guard", True)
        app.aboutToQuit.connect(cancel_and_wait_all)
