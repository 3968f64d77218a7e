"""The pinned PySide6 must not leak references when Python emits a signal.

PySide6 6.12.0 on Python 3.11 took a reference off ``True`` at every ``emit()`` from Python
and the interpreter aborted after a few hundred; this guards the pin in pyproject.toml.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    fired = Signal(object)
    pinged = Signal()


def test_emit_leaves_the_references_of_true_alone(qapp) -> None:
    sender = _Sender()
    received: list[object] = []
    sender.fired.connect(received.append)
    sender.pinged.connect(lambda: received.append(None))
    before = sys.getrefcount(True)
    for number in range(2000):
        sender.fired.emit(number)
        sender.pinged.emit()
    assert len(received) == 4000
    assert sys.getrefcount(True) >= before
