"""The bug dialog: what to do, where the log is, and "Details kopiëren"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
from kringloopdesk.paths import log_dir

DETAILS = 'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: kapot\n'


def test_the_error_dialog_says_what_to_do_and_copies_the_details(qtbot) -> None:
    dialog = ErrorDialog(None, DETAILS)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Er ging iets mis" in texts
    assert "Probeer het nog een keer" in texts
    assert str(log_dir() / "kringloopdesk.log") in texts
    assert "ValueError" not in texts  # the traceback is one click away, not in the face
    assert not dialog.details_view.isVisible()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == DETAILS

    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert dialog.details_view.isVisible()
    assert dialog.details_view.toPlainText() == DETAILS
