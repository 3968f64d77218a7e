"""Back-up terugzetten: what the back-up holds (shop, moment, schema, counts), a clear warning,
and a red button. Restoring first backs up the current database; the dialog says where."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from kringloopdesk.errors import UserError
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.error_dialog import ErrorDialog
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
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
            submit_text=self.tr("Terugzetten"),
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
        actor = self.ctx.actor
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_value = restore_backup(self.ctx.db, actor, self.info.path)
        except UserError as error:
            log.info("Restore refused: %s", error.message)
            self.show_failure(error)
            return
        except Exception:
            log.exception("Restore failed")
            ErrorDialog.show_error(self, traceback.format_exc())
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.finish()

    @classmethod
    def show_done(cls, parent: QWidget | None, text: str) -> None:
        """The note after a restore (where the earlier database went). Tests replace this."""
        QMessageBox.information(parent, "KringloopDesk", text)
