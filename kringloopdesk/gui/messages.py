"""Every message the app shows the user goes through here: errors the user can act on, the
question before unsaved changes are lost, and the short note in the status bar after a change.

The dialogs are class methods, so tests replace them (``MessageBox.show_user_error = ...``)
instead of clicking through a modal box.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from kringloopdesk.errors import UserError, ValidationError

STATUS_MESSAGE_MS = 6000


# lupdate finds strings only in literal translate() calls, so each is spelled out below.
translate = QCoreApplication.translate


class UnsavedChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class MessageBox:
    @classmethod
    def show_user_error(
        cls, parent: QWidget | None, error: UserError, *, title: str | None = None
    ) -> None:
        """What went wrong and what to do, in Dutch; technical details one click away."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title or translate("MessageBox", "KringloopDesk"))
        box.setText(error.message)
        if isinstance(error, ValidationError) and error.field_errors:
            box.setInformativeText("\n".join(f"• {m}" for m in error.field_errors.values()))
        if error.details:
            box.setDetailedText(error.details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    @classmethod
    def ask_unsaved_changes(cls, parent: QWidget | None, what: str) -> UnsavedChoice:
        """``what`` names the unsaved thing, e.g. "de winkelgegevens"."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MessageBox", "Niet opgeslagen wijzigingen"))
        box.setText(
            translate("MessageBox", "Wilt u de wijzigingen in {what} opslaan?").format(what=what)
        )
        box.setInformativeText(
            translate("MessageBox", "Als u niet opslaat, gaan de wijzigingen verloren.")
        )
        save = box.addButton(translate("MessageBox", "Opslaan"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("MessageBox", "Niet opslaan"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("MessageBox", "Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return UnsavedChoice.SAVE
        if clicked is discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    @classmethod
    def confirm(
        cls,
        parent: QWidget | None,
        question: str,
        consequences: str,
        confirm_text: str,
        *,
        destructive: bool = False,
    ) -> bool:
        """Ask before an action that cannot be undone; True when ``confirm_text`` was chosen.

        ``consequences`` says in plain Dutch what will happen. The safe answer (Annuleren) is
        the default, so Enter never confirms by accident.
        """
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MessageBox", "KringloopDesk"))
        box.setText(question)
        box.setInformativeText(consequences)
        confirm = box.addButton(confirm_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(
            translate("MessageBox", "Annuleren"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is confirm


def show_status(parent: QWidget | None, text: str) -> None:
    """A short note in the status bar of ``parent``'s main window, if it has one."""
    window = main_window_of(parent)
    if window is not None:
        window.statusBar().showMessage(text, STATUS_MESSAGE_MS)


def main_window_of(widget: QWidget | None) -> QMainWindow | None:
    """The main window ``widget`` is in, also from a dialog opened on it (a save run with the
    dialog as parent still says "opgeslagen" in the window's status bar)."""
    while widget is not None:
        window = widget.window()
        if isinstance(window, QMainWindow):
            return window
        widget = window.parentWidget()
    return None


def sensitive_data_closed_text(role: str) -> str:
    """Why a begeleider or beheerder without the data key sees no sensitive data, and how a
    beheerder gives that access back."""
    if role == "beheerder":
        return translate(
            "MessageBox",
            "U kunt nu de gevoelige gegevens (ondersteuningsvragen, werkaanpassingen, "
            "voortgangsnotities) niet lezen. Een andere beheerder kan die toegang herstellen door "
            "uw wachtwoord opnieuw in te stellen; is er geen andere beheerder, gebruik dan de "
            "herstelsleutel (Inloggen → Wachtwoord vergeten?).",
        )
    return translate(
        "MessageBox",
        "U kunt nu de gevoelige gegevens (ondersteuningsvragen, werkaanpassingen, "
        "voortgangsnotities) niet lezen. Een beheerder kan die toegang herstellen door uw "
        "wachtwoord opnieuw in te stellen.",
    )
