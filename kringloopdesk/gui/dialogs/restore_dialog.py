"""Back-up terugzetten: what the back-up holds (shop, moment, schema, counts), a clear warning,
and a red button. Restoring first backs up the current database; the dialog says where.

The restore runs in a worker thread (``LongTask``) with a progress dialog; Annuleren leaves the
database as it was (the back-up made first stays in the folder)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.long_task import LongTask
from kringloopdesk.services.backups import BackupInfo, RestoreResult, restore_backup

log = logging.getLogger(__name__)


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class RestoreDialog(FormDialog):
    def __init__(self, ctx: AppContext, info: BackupInfo, parent: QWidget | None = None):
        super().__init__(
            parent,
            title=self.tr("Back-up terugzetten"),
            heading=self.tr("Deze back-up terugzetten?"),
            intro=self.tr(
                "Alles wat nu in de database staat, wordt vervangen door de inhoud van deze "
                "back-up; wat sindsdien is ingevoerd, is dan niet meer te zien. Eerst wordt een "
                "back-up van de huidige database gemaakt, zodat u terug kunt.\n\n"
                "Werkt iemand op een andere pc met dezelfde database? Laat die eerst "
                "KringloopDesk sluiten. Na het terugzetten logt u opnieuw in, met de "
                "gebruikers en wachtwoorden van de back-up."
            ),
            submit_text=self.tr("&Terugzetten"),
        )
        self.ctx = ctx
        self.info = info
        self.result_value: RestoreResult | None = None
        self.submit_button.setObjectName("DangerPrimaryButton")
        self.submit_button.setDefault(False)
        self.cancel_button.setDefault(True)
        self.count_labels: dict[str, QLabel] = {}
        self.form.add_field("file", self.tr("Bestand"), _value(str(info.path)))
        self.form.add_field("shop", self.tr("Winkel"),
                            _value(info.shop_name or self.tr("(nog niet ingericht)")))
        self.form.add_field("created", self.tr("Gemaakt op"),
                            _value(f"{info.created:%d-%m-%Y %H:%M}"))
        self.form.add_field("schema", self.tr("Schemaversie"),
                            _value(f"{info.schema_revision} · {info.engine_label}"))
        for label, count in info.main_counts():
            value = _value(f"{count:,}".replace(",", "."))
            self.count_labels[label] = value
            self.form.add_field(f"count_{label}", label, value)

    def submit(self) -> None:
        db, actor, path = self.ctx.db, self.ctx.actor, self.info.path

        def restored(result: RestoreResult) -> None:
            self.result_value = result

        done = (
            LongTask(self.ctx, self,
                     lambda progress: restore_backup(db, actor, path, progress=progress),
                     title=self.tr("Back-up terugzetten"),
                     label=self.tr("Eerst wordt een back-up van de huidige database gemaakt, "
                                   "dan wordt de gekozen back-up teruggezet."),
                     session=False)
            .success(restored)
            .failure(self.show_failure)
            .cancelled(self.show_failure)
            .run()
        )
        if done:
            self.finish()

    @classmethod
    def show_done(cls, parent: QWidget | None, text: str) -> None:
        """The note after a restore (where the earlier database went). Tests replace this."""
        QMessageBox.information(parent, "KringloopDesk", text)
