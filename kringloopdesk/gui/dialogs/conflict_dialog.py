"""Intussen gewijzigd: someone else saved (or deleted) the record this user is saving.

Shown when a save or a delete fails with a ``RecordChangedError`` (optimistic locking, two PCs
on one database). It says who saved in between and when, and lets the user choose knowingly:

- Opnieuw laden: drop my input and show the record as it is now;
- Toch opslaan (Toch verwijderen): save my input over the other change, after all;
- Annuleren (Esc, and the default button): back to the form, my input intact.

A record that was deleted meanwhile can be neither reloaded nor overwritten: then there is
only Sluiten. Forms act on the choice themselves (``FormDialog.resolve_conflict``); a list
action (delete, pause) runs through ``run_versioned``, which asks and acts.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kringloopdesk.errors import RecordChangedError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.modal import ModalDialog
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.messages import MessageBox
from kringloopdesk.gui.operations import DatabaseOp, query


class ConflictChoice(enum.Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


class ConflictDialog(ModalDialog):
    """``deleting``: the refused action was a delete (its button says "Toch verwijderen")."""

    def __init__(self, parent: QWidget | None, error: RecordChangedError, *,
                 deleting: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictDialog")
        self.error = error
        self.choice = ConflictChoice.CANCEL
        title = self.tr("Intussen verwijderd") if error.deleted else self.tr("Intussen gewijzigd")
        self.setWindowTitle(title)
        self.setWindowIcon(icons.app_icon())
        self.setMinimumWidth(460)

        heading = QLabel(title)
        heading.setObjectName("DialogTitle")
        self.who_label = QLabel(self._who_text())
        self.who_label.setObjectName("ConflictWho")
        self.who_label.setWordWrap(True)
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label = QLabel(self._help_text(deleting))
        self.help_label.setObjectName("DialogSubtitle")
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.buttons.addStretch(1)
        self.reload_button: QPushButton | None = None
        self.overwrite_button: QPushButton | None = None
        if error.deleted:
            self.cancel_button = self._button(self.tr("&Sluiten"), ConflictChoice.CANCEL)
            self.cancel_button.setObjectName("PrimaryButton")
        else:
            self.cancel_button = self._button(self.tr("&Annuleren"), ConflictChoice.CANCEL)
            self.cancel_button.setFlat(True)
            self.reload_button = self._button(self.tr("&Opnieuw laden"), ConflictChoice.RELOAD)
            self.overwrite_button = self._button(
                self.tr("Toch &verwijderen") if deleting else self.tr("&Toch opslaan"),
                ConflictChoice.OVERWRITE,
            )
            self.overwrite_button.setObjectName("DangerButton")
        # The safe answer is the default: Enter never throws away or overwrites anything.
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addSpacing(4)
        layout.addWidget(self.who_label)
        layout.addWidget(self.help_label)
        layout.addStretch(1)
        layout.addSpacing(16)
        layout.addLayout(self.buttons)

    @classmethod
    def ask_choice(cls, parent: QWidget | None, error: RecordChangedError, *,
                   deleting: bool = False) -> ConflictChoice:
        """Show the dialog for ``error`` and wait; Esc or closing it is ``CANCEL``."""
        dialog = cls(parent, error, deleting=deleting)
        dialog.ask()
        return dialog.choice

    def _button(self, text: str, choice: ConflictChoice) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._choose(choice))
        self.buttons.addWidget(button)
        return button

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice is ConflictChoice.CANCEL:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        self.choice = ConflictChoice.CANCEL
        super().reject()

    def _who_text(self) -> str:
        error = self.error
        if error.deleted:
            return self.tr("Iemand anders heeft dit intussen verwijderd.")
        who, at = error.changed_by, error.changed_at
        if who and at is not None:
            local = at.astimezone()
            return self.tr("{name} heeft dit op {date} om {time} opgeslagen, nadat u het "
                           "opende.").format(name=who, date=format_date(local.date()),
                                             time=local.strftime("%H:%M"))
        if who:
            return self.tr("{name} heeft dit opgeslagen nadat u het opende.").format(name=who)
        return self.tr("Iemand anders heeft dit opgeslagen nadat u het opende.")

    def _help_text(self, deleting: bool) -> str:
        if self.error.deleted and deleting:
            return self.tr("Er is niets meer te verwijderen; de lijst wordt bijgewerkt.")
        if self.error.deleted:
            return self.tr("Er is niets opgeslagen. Wat u invulde staat nog in het formulier, "
                           "zodat u het kunt overnemen.")
        if deleting:
            return self.tr(
                "Opnieuw laden: bekijk eerst de nieuwe versie; er wordt niets verwijderd.\n"
                "Toch verwijderen: verwijder het, met de wijziging van de ander.\n"
                "Annuleren: er gebeurt niets."
            )
        return self.tr(
            "Uw invoer is nog niet opgeslagen.\n"
            "Opnieuw laden: uw invoer vervalt; u ziet wat er nu is opgeslagen.\n"
            "Toch opslaan: uw invoer vervangt de wijziging van de ander.\n"
            "Annuleren: terug naar het formulier; uw invoer blijft staan."
        )


def run_versioned(
    ctx: AppContext,
    parent: QWidget | None,
    change: Callable[[Any, int], Any],
    version: int,
    current_version: Callable[[Any], int],
    *,
    reload: Callable[[], None],
    deleting: bool = False,
    changes: Iterable[str] = (),
    message: str | None = None,
    success: Callable[[Any], None] | None = None,
) -> bool:
    """Run ``change(session, version)`` as a ``DatabaseOp``; True when it was committed.

    When someone else saved the record in between, the user chooses (``ConflictDialog``):
    "Opnieuw laden" calls ``reload`` (the list shows the record as it is now), "Toch
    opslaan/verwijderen" reads ``current_version(session)`` and runs the change again with
    it, "Annuleren" does nothing. A record deleted meanwhile is only reported, then reloaded.
    """
    conflicts: list[RecordChangedError] = []

    def failed(error: Any) -> None:
        if isinstance(error, RecordChangedError):
            conflicts.append(error)
        else:
            MessageBox.show_user_error(parent, error)

    while True:
        conflicts.clear()
        op = DatabaseOp(ctx, parent, lambda s, v=version: change(s, v), changes=changes)
        if success is not None:
            op.success(success)
        if message is not None:
            op.message(message)
        if op.failure(failed).run():
            return True
        if not conflicts:
            return False
        error = conflicts[0]
        choice = ConflictDialog.ask_choice(parent, error, deleting=deleting)
        if error.deleted or choice is ConflictChoice.RELOAD:
            reload()
            return False
        if choice is ConflictChoice.CANCEL:
            return False
        fresh = query(ctx, parent, current_version)
        if fresh is None:
            return False
        version = fresh
