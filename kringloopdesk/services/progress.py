"""How far a long job is, and the user's wish to stop it — without Qt.

Long services (imports, exports, back-ups, the certificate batch, demo data) take an optional
``progress`` keyword. Without one nothing is reported and nothing can be cancelled, so the
CLI and the tests call them as before. With one, the service calls:

- ``progress.step(done, total, text)`` now and then (every few hundred rows, each table, each
  page — never per row of a 100,000-row loop): it reports and checks for a cancel;
- ``progress.check()`` between steps: raises :class:`JobCancelledError` once the user asked
  to stop, so the caller's unit of work rolls back and the ``.part`` files go;
- ``progress.part(start, end)`` for a phase of the job: a child whose 0..total fills only
  ``start``..``end`` of its parent, so the bar moves forward once across reading, checking
  and writing instead of starting again for each.

The report callback gets ``(value, SCALE, text)`` with ``value`` in 0..SCALE that never goes
down; the GUI (gui/long_task.py) runs the job in a worker thread, passes a callback that
emits a signal, and calls :meth:`Progress.cancel` from the GUI thread (thread-safe).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from kringloopdesk.errors import JobCancelledError

SCALE = 1000
T = TypeVar("T")

Report = Callable[[int, int, str], None]


class _Shared:
    """What a job's Progress and all its parts share: the cancel flag and the last report."""

    def __init__(self, report: Report | None) -> None:
        self.report = report
        self.cancelled = threading.Event()
        self.value = -1
        self.text = ""
        self.lock = threading.Lock()

    def emit(self, fraction: float, text: str | None) -> None:
        if self.report is None:
            return
        value = max(0, min(SCALE, round(fraction * SCALE)))
        with self.lock:
            value = max(value, self.value)  # never backwards
            text = self.text if text is None else text
            if value == self.value and text == self.text:
                return
            self.value, self.text = value, text
        self.report(value, SCALE, text)


class Progress:
    """One long job's progress and cancel flag (see the module docstring)."""

    def __init__(self, report: Report | None = None) -> None:
        self._shared = _Shared(report)
        self._start = 0.0
        self._end = 1.0

    @classmethod
    def ensure(cls, progress: Progress | None) -> Progress:
        """``progress``, or a silent one that is never cancelled (the default of services)."""
        return progress if progress is not None else cls()

    # -- cancelling (any thread) ----------------------------------------------------------

    def cancel(self) -> None:
        """Ask the job to stop at its next check (safe to call from another thread)."""
        self._shared.cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._shared.cancelled.is_set()

    def check(self) -> None:
        """Raise :class:`JobCancelledError` when the user asked to stop."""
        if self._shared.cancelled.is_set():
            raise JobCancelledError()

    # -- reporting (the job's thread) -------------------------------------------------------

    def step(self, done: int, total: int, text: str | None = None, *,
             check: bool = True) -> None:
        """``done`` of ``total`` of this (part of the) job; checks for a cancel first unless
        ``check`` is False (for the last steps after which stopping would leave more to undo
        than finishing)."""
        if check:
            self.check()
        fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        self._shared.emit(self._start + (self._end - self._start) * fraction, text)

    def label(self, text: str) -> None:
        """A new label without moving the bar (and a cancel check)."""
        self.check()
        self._shared.emit(self._start, text)

    def finish(self, text: str | None = None) -> None:
        """This part is complete (no cancel check: the work is done)."""
        self.step(1, 1, text, check=False)

    def part(self, start: float, end: float) -> Progress:
        """A child for one phase: its 0..total covers ``start``..``end`` (fractions of this
        progress's own range); it shares the cancel flag."""
        child = Progress.__new__(Progress)
        child._shared = self._shared
        width = self._end - self._start
        child._start = self._start + width * start
        child._end = self._start + width * end
        return child

    def iterate(self, items: Iterable[T], total: int, *, every: int = 500,
                text: str | None = None) -> Iterator[T]:
        """Yield ``items``, with a step (and a cancel check) every ``every`` items."""
        for index, item in enumerate(items):
            if index % every == 0:
                self.step(index, total, text)
            yield item
        self.step(total, total, text)
