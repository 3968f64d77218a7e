"""Nothing dies silently: an exception that no one caught, in the GUI thread or any other, is
logged with its traceback and shown in the error dialog (a ``UserError`` that slipped through
is shown as the plain message it is)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from kringloopdesk.errors import UserError
from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
from kringloopdesk.gui.messages import MessageBox

log = logging.getLogger(__name__)


class ExceptionHook(QObject):
    # Emitted from whichever thread failed; Qt queues it to the GUI thread.
    _reported = Signal(object, str)

    def __init__(self) -> None:
        super().__init__()
        self._reported.connect(self._show)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._showing = False

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self._report(exc_type, exc, tb, where="GUI thread")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, where=f"thread {name}")

    def _report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        *,
        where: str,
    ) -> None:
        if isinstance(exc, UserError):
            log.info("User error not caught by an operation (%s): %s", where, exc.message)
            self._reported.emit(exc, exc.message)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unhandled exception in %s\n%s", where, text.rstrip())
        self._reported.emit(None, text)

    def _show(self, user_error: UserError | None, text: str) -> None:
        if self._showing:  # one dialog at a time; the log holds every traceback
            return
        self._showing = True
        try:
            parent = QApplication.activeWindow()
            if user_error is not None:
                MessageBox.show_user_error(parent, user_error)
            else:
                ErrorDialog.show_error(parent, text)
        finally:
            self._showing = False
