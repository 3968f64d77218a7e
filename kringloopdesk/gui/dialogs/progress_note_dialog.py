"""Nieuwe voortgangsnotitie: a dated note on a placement, written by the logged-in user and
stored encrypted. Only for a begeleider or beheerder who holds the data key; the dialog is
never made for anyone else (and the service refuses them anyway)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from kringloopdesk.gui.context import AUDIT, PLACEMENTS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.dialogs.goal_dialog import text_edit
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.services.placements import PlacementInfo
from kringloopdesk.services.workers import MAX_TEXT_LENGTH, ProgressNoteInfo, add_progress_note


class ProgressNoteDialog(FormDialog):
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, placement: PlacementInfo,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Voortgangsnotitie"),
            heading=self.tr("Nieuwe voortgangsnotitie"),
            intro=self.tr(
                "{name} — {department}. Schrijf over het werk: wat gaat goed, wat is lastig, "
                "welke afspraken zijn gemaakt. Geen diagnoses."
            ).format(name=placement.worker_name, department=placement.department_label),
            submit_text=self.tr("Notitie opslaan"),
        )
        self.setMinimumWidth(600)
        self.ctx = ctx
        self.placement = placement
        self.saved: ProgressNoteInfo | None = None
        self.date_edit = DateEdit()
        self.date_edit.set_date(today or dt.date.today())
        self.text_edit = text_edit(7)
        author = ctx.actor.full_name if ctx.actor is not None else ""
        self.form.add_field("note_date", self.tr("Datum"), self.date_edit, required=True)
        self.form.add_row(self.tr("Auteur"), QLabel(author))
        self.form.add_field("text", self.tr("Notitie"), self.text_edit, required=True,
                            hint=self.tr("Vertrouwelijk: alleen begeleiders en beheerders "
                                         "lezen dit, en het wordt versleuteld bewaard."))
        self.text_edit.setFocus()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.date_edit.error():
            errors["note_date"] = self.date_edit.error() or ""
        elif self.date_edit.date() is None:
            errors["note_date"] = self.tr("Verplicht")
        text = self.text_edit.toPlainText().strip()
        if not text:
            errors["text"] = self.tr("Verplicht")
        elif len(text) > MAX_TEXT_LENGTH:
            errors["text"] = self.tr("Hoogstens {n} tekens").format(n=MAX_TEXT_LENGTH)
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        day = self.date_edit.date()
        text = self.text_edit.toPlainText()
        placement_id = self.placement.id
        self.done_message = self.tr("Voortgangsnotitie opgeslagen")
        DatabaseOp(
            self.ctx, self, lambda s: add_progress_note(s, actor, placement_id, day, text),
            changes={PLACEMENTS, AUDIT},
        ).success(self._saved).failure(self.show_failure).run()

    def _saved(self, note: ProgressNoteInfo) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = note
        self.finish()
