"""A small dialog around one form: a heading, a short explanation, the fields, and the
buttons. The primary button runs the change (through ``DatabaseOp``) and the dialog closes
only when it succeeded; a failure is said in the dialog, next to the field where possible,
and everything typed stays.

A save refused because someone else saved the record in between (``RecordChangedError``)
asks what to do (``ConflictDialog``): reload the record, save over the other change knowingly,
or go back to the form. A dialog that edits an existing record supports that by implementing
``read_record`` and ``take_record``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import RecordChangedError, UserError, ValidationError
from kringloopdesk.gui import icons
from kringloopdesk.gui.dialogs.conflict_dialog import ConflictChoice, ConflictDialog
from kringloopdesk.gui.dialogs.modal import ModalDialog
from kringloopdesk.gui.widgets.form import ValidatedForm
from kringloopdesk.services.auth import validate_password

LABEL_WIDTH = 170


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def new_password_errors(password: str, repeat: str) -> dict[str, str]:
    """The service's password rule for ``password``, and ``repeat`` that must match it."""
    errors: dict[str, str] = {}
    try:
        validate_password(password)
    except ValidationError as error:
        errors.update(error.field_errors)
    if repeat != password:
        errors["password_repeat"] = QCoreApplication.translate(
            "FormDialog", "Niet gelijk aan het wachtwoord hierboven"
        )
    return errors


class FormDialog(ModalDialog):
    # Ctrl+S presses the primary button too, and its tooltip says so: for forms that save a
    # record (not for those that delete, revoke or change a password).
    saves_with_ctrl_s = False

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        heading: str,
        intro: str,
        submit_text: str,
        label_width: int = LABEL_WIDTH,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowIcon(icons.app_icon())
        self.setMinimumWidth(520)
        self.heading_label = QLabel(heading)
        self.heading_label.setObjectName("DialogTitle")
        self.heading_label.setWordWrap(True)
        self.intro_label = QLabel(intro)
        self.intro_label.setObjectName("DialogSubtitle")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)
        # Hide only: shown without a parent yet, it would flash as a window.
        if not intro:
            self.intro_label.hide()

        self.form = ValidatedForm(self.validate, label_width=label_width)
        self.form.changed.connect(self._update_submit)

        self.error_label = QLabel()
        self.error_label.setObjectName("DialogError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("BlockedReason")
        self.blocked_label.setWordWrap(True)

        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.cancel_button.setFlat(True)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.submit_button = QPushButton(submit_text)
        self.submit_button.setObjectName("PrimaryButton")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.accept)
        if self.saves_with_ctrl_s:
            QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.accept)
            self.submit_button.setToolTip(
                QCoreApplication.translate("FormDialog", "{action} (Ctrl+S)").format(
                    action=submit_text))

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.buttons.addWidget(self.blocked_label, 1)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addWidget(self.submit_button)

        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(8)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.intro_label)
        layout.addSpacing(12)
        layout.addWidget(self.form)
        layout.addLayout(self.body)
        layout.addSpacing(4)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(self.buttons)

    # -- for subclasses ---------------------------------------------------------------------

    def validate(self) -> dict[str, str]:
        """``{field: message}`` for what is wrong now (the services' own rules)."""
        return {}

    def submit(self) -> None:
        """Run the change; call ``finish`` on success and ``show_failure`` on a failure."""
        raise NotImplementedError

    def read_record(self) -> object | None:
        """The edited record as it is in the database now (through ``query``), for "Opnieuw
        laden" and "Toch opslaan"; None when it could not be read (the reason was shown).
        Dialogs that edit an existing record implement this and ``take_record``."""
        raise NotImplementedError

    def take_record(self, record: object, *, refill: bool) -> None:
        """Edit ``record`` from now on: its version is what the next save expects. ``refill``
        also puts its values in the fields (and drops what was typed)."""
        raise NotImplementedError

    def record_reloaded(self) -> None:
        """After "Opnieuw laden" filled the fields: e.g. forget the unsaved-changes state."""

    # -- the flow ---------------------------------------------------------------------------

    def prepare(self) -> None:
        self.form.revalidate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.form.revalidate()
        self.fit_height()

    def fit_height(self) -> None:
        """Grow to fit wrapped texts at the current width (a dialog's layout does not ask
        its labels how tall they are at a given width)."""
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            self.setMinimumHeight(needed)
            if self.height() < needed:
                self.resize(self.width(), needed)

    def accept(self) -> None:
        """Enter or the primary button: check everything, then run the change."""
        self.form.touch_all()
        if self.form.revalidate():
            self.show_problem(self.form.first_problem() or "")
            return
        self.error_label.hide()
        self.submit()

    def finish(self) -> None:
        super().accept()

    def show_failure(self, error: UserError) -> None:
        """A failed change: next to the field where it belongs, else above the buttons."""
        if isinstance(error, RecordChangedError) and self.resolves_conflicts():
            self.resolve_conflict(error)
            return
        if isinstance(error, ValidationError):
            self.form.show_validation_error(error)
        self.show_problem(error.message)

    def resolves_conflicts(self) -> bool:
        return type(self).read_record is not FormDialog.read_record

    def resolve_conflict(self, error: RecordChangedError) -> None:
        """Someone else saved the record meanwhile: the user chooses, nothing happens by itself.

        "Toch opslaan" reads the current version and submits the same input again with it, so
        the other change is overwritten only after this explicit choice (and if a third save
        comes in between, the user is asked again)."""
        self.show_problem(error.message)
        choice = ConflictDialog.ask_choice(self, error)
        if choice is ConflictChoice.CANCEL:
            return
        record = self.read_record()
        if record is None:
            return
        if choice is ConflictChoice.RELOAD:
            self.take_record(record, refill=True)
            self.form.reset()
            self.show_problem("")
            self.record_reloaded()
            return
        self.take_record(record, refill=False)
        self.show_problem("")
        self.submit()

    def show_problem(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _update_submit(self) -> None:
        problem = self.form.first_problem()
        self.submit_button.setEnabled(problem is None)
        self.blocked_label.setText(problem or "")
