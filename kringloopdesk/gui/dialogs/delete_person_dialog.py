"""Persoon verwijderen, on request: everything of one worker goes, after the beheerder typed
the worker's number to confirm. The audit log keeps one entry with the record's id."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from kringloopdesk.gui.context import AUDIT, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.services.privacy import delete_worker
from kringloopdesk.services.workers import WorkerName


class DeletePersonDialog(FormDialog):
    def __init__(self, ctx: AppContext, worker: WorkerName, parent: QWidget | None = None):
        super().__init__(
            parent,
            title=self.tr("Persoon verwijderen"),
            heading=self.tr("{worker} verwijderen?").format(worker=worker.display),
            intro=self.tr(
                "Alles wat over deze persoon is vastgelegd, wordt definitief verwijderd: "
                "persoonsgegevens, plaatsingen, ontwikkeldoelen, voortgangsnotities, "
                "werkprocessen, uren en certificaten. Dit kan niet ongedaan worden gemaakt, en "
                "de cijfers over eerdere jaren (BKN, Cedris) veranderen erdoor.\n\n"
                "Is alleen de bewaartermijn verstreken? Kies dan Anonimiseren: de cijfers "
                "blijven dan gelijk."
            ),
            submit_text=self.tr("Definitief verwijderen"),
        )
        self.ctx = ctx
        self.worker = worker
        self.deleted = False
        self.submit_button.setObjectName("DangerPrimaryButton")
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(worker.number)
        self.form.add_field(
            "number",
            self.tr("Nummer"),
            self.number_edit,
            required=True,
            hint=self.tr("Typ ter bevestiging het nummer {number}").format(number=worker.number),
        )
        self.number_edit.setFocus()

    def validate(self) -> dict[str, str]:
        typed = self.number_edit.text().strip()
        if typed.casefold() != self.worker.number.casefold():
            return {
                "number": self.tr("typ {number} om te bevestigen").format(
                    number=self.worker.number
                )
            }
        return {}

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        worker_id = self.worker.id
        typed = self.number_edit.text().strip()
        DatabaseOp(
            self.ctx,
            self,
            lambda s: delete_worker(s, actor, worker_id, typed),
            changes={WORKERS, PLACEMENTS, AUDIT},
        ).success(self._deleted).failure(self.show_failure).run()

    def _deleted(self, _result: object) -> None:
        self.deleted = True
        self.finish()
