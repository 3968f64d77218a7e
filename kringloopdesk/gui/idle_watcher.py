"""Noticing that nobody has used the app for a while (the idle lock).

An event filter on the application sees every key press, click, wheel turn and mouse move in
any of its windows and starts the countdown again; when it runs out, ``idle`` is emitted.
Restarts are throttled: a moving mouse sends hundreds of events a second. While long work
runs (an import, a back-up: ``gui.long_task``) the app is busy for the user, who may well sit
and wait without touching anything, so the countdown starts again instead of locking.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._last_restart = 0.0
        self._watching = False
        self.set_timeout(timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @property
    def remaining_ms(self) -> int:
        """Milliseconds until ``idle`` (-1 when not watching)."""
        return self._timer.remainingTime()

    @property
    def watching(self) -> bool:
        return self._watching

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, timeout_ms))
        # Restart at most every quarter of the timeout, and at least every half second.
        self._throttle = min(0.5, timeout_ms / 4000)
        if self._watching:
            self._restart()

    def start(self) -> None:
        if not self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self._restart()

    def stop(self) -> None:
        if self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def _restart(self) -> None:
        self._last_restart = time.monotonic()
        self._timer.start()

    def _timed_out(self) -> None:
        from kringloopdesk.gui.long_task import running_tasks  # only when the time is up

        if running_tasks():
            self._restart()
        else:
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and time.monotonic() - self._last_restart > self._throttle:
            self._restart()
        return False
