"""Reparatie vastleggen / wijzigen: date, problem, outcome in Open Repair Data Standard terms
and — only for Einde levensduur — the barrier (the field is enabled only then)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from kringloopdesk.db.codes import REPAIR_BARRIERS, REPAIR_OUTCOMES
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.i18n import current_language
from kringloopdesk.services.items import ItemDetail
from kringloopdesk.services.repairs import (
    END_OF_LIFE,
    RepairInfo,
    RepairInput,
    check_repair_input,
    list_repairs,
    record_repair,
    update_repair,
)
from kringloopdesk.services.workers import Choice


class RepairDialog(FormDialog):
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, item: ItemDetail, parent: QWidget | None = None, *,
                 repair: RepairInfo | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Reparatie wijzigen") if repair else self.tr("Reparatie"),
            heading=self.tr("Reparatie van {number}").format(number=item.item_number),
            intro=self.tr(
                "{description}. De uitkomst volgt de Open Repair Data Standard: gerepareerd, "
                "repareerbaar (nog niet af), of einde levensduur — dan ook waarom."
            ).format(description=item.description),
            submit_text=self.tr("Opslaan") if repair else self.tr("Reparatie vastleggen"),
        )
        self.ctx = ctx
        self.item = item
        self.repair = repair
        self.saved: RepairInfo | None = None
        language = current_language()
        self.date_edit = DateEdit()
        self.date_edit.set_date(dt.date.today())
        self.problem_edit = QLineEdit()
        self.problem_edit.setPlaceholderText(self.tr("bijv. Schakelaar defect"))
        self.outcome_combo = ChoiceCombo(
            [Choice(code, REPAIR_OUTCOMES.label(code, language)) for code in REPAIR_OUTCOMES],
            self.tr("Kies de uitkomst…"))
        self.barrier_combo = ChoiceCombo(
            [Choice(code, REPAIR_BARRIERS.label(code, language)) for code in REPAIR_BARRIERS],
            self.tr("Kies de reden…"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(80)
        self.notes_edit.setTabChangesFocus(True)  # Tab goes on to the buttons
        form = self.form
        form.add_field("repair_date", self.tr("Datum"), self.date_edit, required=True)
        form.add_field("problem", self.tr("Probleem"), self.problem_edit)
        form.add_field("outcome", self.tr("Uitkomst"), self.outcome_combo, required=True)
        form.add_field("barrier", self.tr("Waarom niet te repareren"), self.barrier_combo,
                       hint=self.tr("Alleen bij Einde levensduur"))
        form.add_field("notes", self.tr("Notities"), self.notes_edit,
                       hint=self.tr("Voor de winkel zelf; gaat niet mee in de ORDS-export"))
        self.outcome_combo.value_changed.connect(lambda _v: self._outcome_changed())
        if repair is not None:
            self._fill(repair)
        self._outcome_changed()
        self.problem_edit.setFocus()

    def _fill(self, repair: RepairInfo) -> None:
        self.date_edit.set_date(repair.repair_date)
        self.problem_edit.setText(repair.problem or "")
        self.outcome_combo.set_value(repair.outcome)
        self.barrier_combo.set_value(repair.barrier)
        self.notes_edit.setPlainText(repair.notes or "")

    def _outcome_changed(self) -> None:
        end_of_life = self.outcome_combo.value == END_OF_LIFE
        self.barrier_combo.setEnabled(end_of_life)
        if not end_of_life:
            self.barrier_combo.set_value(None)

    def current_input(self) -> RepairInput:
        barrier = self.barrier_combo.value
        return RepairInput(
            repair_date=self.date_edit.date(),
            outcome=str(self.outcome_combo.value or ""),
            barrier=str(barrier) if barrier is not None else None,
            problem=self.problem_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def validate(self) -> dict[str, str]:
        _cleaned, errors = check_repair_input(self.current_input())
        if self.date_edit.error():
            errors["repair_date"] = self.date_edit.error() or ""
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        data = self.current_input()
        repair, item_id = self.repair, self.item.id
        if repair is not None:
            def save(session):
                return update_repair(session, actor, repair.id, data, repair.version)
        else:
            def save(session):
                return record_repair(session, actor, item_id, data)
        DatabaseOp(self.ctx, self, save, changes={GOODS, AUDIT}).success(
            self._saved).failure(self.show_failure).run()

    def read_record(self) -> RepairInfo | None:
        assert self.repair is not None
        actor, item_id, repair_id = self.ctx.actor, self.item.id, self.repair.id
        repairs = query(self.ctx, self, lambda s: list_repairs(s, actor, item_id))
        found = next((repair for repair in repairs or [] if repair.id == repair_id), None)
        if found is None and repairs is not None:
            self.show_problem(self.tr("Deze reparatie is intussen verwijderd door iemand "
                                      "anders."))
        return found

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, RepairInfo)
        self.repair = record
        if refill:
            self._fill(record)
            self._outcome_changed()

    def _saved(self, repair: RepairInfo) -> None:
        self.saved = repair
        show_status(self.parentWidget(), self.tr("Reparatie van {number} opgeslagen").format(
            number=self.item.item_number))
        self.finish()
