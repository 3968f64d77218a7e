"""How our own dialogs are shown, so that tests can stand in for the person at the screen.

Every dialog that asks something is shown through ``dialog.ask()``, which calls the class
method ``show_modal``. A test replaces that class method on one dialog class (``monkeypatch.
setattr(NewUserDialog, "show_modal", classmethod(fill_in_and_press_ok))``) and drives the real
dialog, instead of blocking in ``exec()``. The test configuration makes an unexpected one fail.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class ModalDialog(QDialog):
    @classmethod
    def show_modal(cls, dialog: ModalDialog) -> bool:
        """Show ``dialog`` and wait; True when it was accepted. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def prepare(self) -> None:
        """Bring the dialog to its opening state (checks, buttons) before it is shown."""

    def ask(self) -> bool:
        self.prepare()
        return type(self).show_modal(self)
