"""Importeren: choose what to import, save a template, pick a file, and see the outcome.

All-or-nothing like the CLI: a file with problems writes nothing and every problem is listed
with its row, column and reason, so the user can fix the file and try again. Reading, checking
and writing run in a worker thread (``LongTask``) with a progress dialog; Annuleren writes
nothing either.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.errors import JobCancelledError, UserError
from kringloopdesk.gui.context import AUDIT, GOODS, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.file_dialog import FileDialog, safe_file_name
from kringloopdesk.gui.dialogs.modal import ModalDialog
from kringloopdesk.gui.long_task import LongTask
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import query
from kringloopdesk.reports.templates import write_template
from kringloopdesk.services.imports import IMPORTERS
from kringloopdesk.services.imports.columns import template
from kringloopdesk.services.imports.errors import ImportFileError
from kringloopdesk.services.permissions import Permission, allowed

# Which views an import changes, for the refresh after it.
_KIND_CHANGES = {
    "workers": {WORKERS, AUDIT},
    "placements": {PLACEMENTS, WORKERS, AUDIT},
    "hours": {PLACEMENTS, WORKERS, AUDIT},
    "flows": {GOODS, AUDIT},
}
# What each file needs from the role (as the services check it).
_KIND_PERMISSION = {
    "workers": Permission.IMPORT_PEOPLE,
    "placements": Permission.IMPORT_PEOPLE,
    "hours": Permission.REGISTER_HOURS,
    "flows": Permission.REGISTER_GOODS,
}


def importable_kinds(role: str) -> list[str]:
    return [kind for kind, permission in _KIND_PERMISSION.items() if allowed(role, permission)]


class ImportDialog(ModalDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, kind: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Importeren"))
        self.setMinimumWidth(620)
        labels = {
            "workers": self.tr("Deelnemers"),
            "placements": self.tr("Plaatsingen"),
            "hours": self.tr("Uren"),
            "flows": self.tr("Weegregels (goederen)"),
        }
        self.kind_combo = QComboBox()
        for code in importable_kinds(ctx.actor.role if ctx.actor else ""):
            self.kind_combo.addItem(labels[code], code)
        if kind:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        intro = QLabel(
            self.tr(
                "Een CSV- of Excelbestand met een kopregel van kolomnamen. Alles of niets: "
                "staat er één fout in het bestand, dan wordt er niets geïmporteerd en ziet u "
                "elke fout met rij en kolom. Begin met het sjabloon."
            )
        )
        intro.setWordWrap(True)
        self.template_button = QPushButton(self.tr("&Sjabloon opslaan…"))
        self.template_button.clicked.connect(self.save_template)
        self.import_button = QPushButton(self.tr("Bestand kiezen en importeren…"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.choose_and_import)
        self.outcome = QPlainTextEdit()
        self.outcome.setReadOnly(True)
        self.outcome.setPlaceholderText(self.tr("Hier verschijnt de uitkomst van de import."))
        self.outcome.setMinimumHeight(180)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Wat importeert u?")))
        row.addWidget(self.kind_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome, 1)
        layout.addWidget(close)

    def kind(self) -> str:
        return self.kind_combo.currentData() or ""

    def save_template(self) -> None:
        kind = self.kind()
        path = FileDialog.save_file(
            self,
            self.tr("Sjabloon opslaan"),
            safe_file_name(f"sjabloon-{kind}.xlsx"),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return
        spec = query(self.ctx, self, lambda session: template(session, kind))
        if spec is None:
            return
        try:
            write_template(path, spec)
        except OSError as exc:
            self.outcome.setPlainText(
                self.tr("Het sjabloon kon niet worden opgeslagen: {error}").format(error=exc)
            )
            return
        self.outcome.setPlainText(self.tr("Sjabloon opgeslagen: {path}").format(path=path))

    def choose_and_import(self) -> None:
        kind = self.kind()
        path = FileDialog.open_file(
            self, self.tr("Bestand om te importeren"),
            self.tr("CSV of Excel (*.csv *.xlsx);;Alle bestanden (*)"),
        )
        if path is None:
            return
        importer = IMPORTERS[kind]
        actor = self.ctx.actor
        self.outcome.setPlainText(self.tr("Bezig met importeren van {name}…").format(
            name=path.name))
        (
            LongTask(self.ctx, self,
                     lambda session, progress: importer(session, actor, path, progress=progress),
                     title=self.tr("Importeren"),
                     label=self.tr("{name} wordt gecontroleerd en ingelezen.").format(
                         name=path.name),
                     changes=_KIND_CHANGES[kind])
            .success(self._imported)
            .failure(self._refused)
            .cancelled(self._cancelled)
            .run()
        )

    def _imported(self, summary) -> None:
        lines = summary.lines()
        self.outcome.setPlainText("\n".join(lines))
        show_status(self.parentWidget(), lines[0])

    def _cancelled(self, error: JobCancelledError) -> None:
        self.outcome.setPlainText(error.message)
        show_status(self.parentWidget(), error.message)

    def _refused(self, error: UserError) -> None:
        text = [error.message]
        if isinstance(error, ImportFileError):
            text += [f"  {line}" for line in error.lines]
        self.outcome.setPlainText("\n".join(text))
