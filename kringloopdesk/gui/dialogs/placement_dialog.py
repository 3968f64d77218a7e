"""Nieuwe plaatsing / Plaatsing wijzigen: department, dates, hours per week, coach and partner
organisation — and, for a placement that has ended, its end date and uitstroom.

The rules are the service's (``check_placement_input`` while typing; the overlap with another
placement of the worker and the hours outside the period on saving, shown above the buttons
and next to the field).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from kringloopdesk.db.codes import OUTCOMES
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.gui.widgets.worker_picker import WorkerPicker
from kringloopdesk.i18n import current_language
from kringloopdesk.services.placements import (
    PlacementInfo,
    PlacementInput,
    PlacementOptions,
    check_placement_input,
    create_placement,
    get_placement,
    placement_options,
    update_placement,
)
from kringloopdesk.services.workers import Choice, WorkerName, worker_names


def hours_input_text(hours: Decimal) -> str:
    """16 -> "16"; 20.5 -> "20,5" (as the user would type it)."""
    return format(Decimal(hours).normalize(), "f").replace(".", ",")


class PlacementDialog(FormDialog):
    """``worker`` fixed (from the worker's record) or chosen here (None); ``placement`` to
    change an existing one."""
    saves_with_ctrl_s = True

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        worker: WorkerName | None = None,
        placement: PlacementInfo | None = None,
    ) -> None:
        editing = placement is not None
        name = placement.worker_name if placement else (worker.full_name if worker else "")
        super().__init__(
            parent,
            title=self.tr("Plaatsing wijzigen") if editing else self.tr("Nieuwe plaatsing"),
            heading=(
                self.tr("Plaatsing van {name} wijzigen").format(name=name) if editing
                else self.tr("Nieuwe plaatsing voor {name}").format(name=name) if worker
                else self.tr("Nieuwe plaatsing")
            ),
            intro=self.tr(
                "Plaatsingen van één deelnemer overlappen niet: een nieuwe plaatsing begint "
                "op zijn vroegst de dag na de einddatum van de vorige."
            ),
            submit_text=self.tr("Opslaan") if editing else self.tr("Plaatsing aanmaken"),
        )
        self.ctx = ctx
        self.placement = placement
        self.worker = worker
        self.saved: PlacementInfo | None = None
        self.ended = placement is not None and placement.end_date is not None
        options = query(
            ctx, self,
            lambda s: placement_options(s, ctx.actor, placement.id if placement else None),
        ) or PlacementOptions((), (), ())

        self.picker: WorkerPicker | None = None
        if worker is None and placement is None:
            self.picker = WorkerPicker(self._search_workers)
            self.picker.worker_changed.connect(self._worker_chosen)
            self.form.add_field("worker", self.tr("Deelnemer"), self.picker, required=True)
        else:
            number = placement.worker_number if placement else worker.number  # type: ignore
            shown = QLabel(f"{number} · {name}")
            self.form.add_row(self.tr("Deelnemer"), shown)
        self.department_combo = ChoiceCombo(options.departments,
                                            self.tr("Kies een afdeling…"))
        self.start_edit = DateEdit()
        self.planned_end_edit = DateEdit()
        self.hours_edit = QLineEdit()
        self.hours_edit.setMaximumWidth(120)
        self.hours_edit.setPlaceholderText(self.tr("bijv. 16 of 20,5"))
        self.coach_combo = ChoiceCombo(options.coaches, self.tr("Geen"))
        self.partner_combo = ChoiceCombo(options.partners, self.tr("Geen"))
        form = self.form
        form.add_field("department", self.tr("Afdeling"), self.department_combo, required=True)
        form.add_field("start_date", self.tr("Startdatum"), self.start_edit, required=True)
        form.add_field(
            "planned_end_date", self.tr("Geplande einddatum"), self.planned_end_edit,
            hint=self.tr("Alleen voor de planning; de plaatsing eindigt pas met 'Beëindigen'"),
        )
        form.add_field("hours_per_week", self.tr("Uren per week"), self.hours_edit,
                       required=True)
        form.add_field("coach", self.tr("Begeleider"), self.coach_combo)
        form.add_field("partner", self.tr("Partnerorganisatie"), self.partner_combo,
                       hint=self.tr("Het SW-bedrijf, de gemeente of de school, als die "
                                    "betrokken is"))
        self.end_edit: DateEdit | None = None
        self.outcome_combo: ChoiceCombo | None = None
        if self.ended:
            self.end_edit = DateEdit()
            language = current_language()
            self.outcome_combo = ChoiceCombo(
                [Choice(code, OUTCOMES.label(code, language)) for code in OUTCOMES],
                self.tr("Kies de uitstroom…"),
            )
            form.add_field("end_date", self.tr("Einddatum"), self.end_edit, required=True)
            form.add_field("outcome", self.tr("Uitstroom"), self.outcome_combo, required=True)
        if placement is not None:
            self._fill(placement)
        if self.picker is not None:
            self.picker.setFocus()
        else:
            self.department_combo.setFocus()

    def _fill(self, placement: PlacementInfo) -> None:
        self.department_combo.set_value(placement.department)
        self.start_edit.set_date(placement.start_date)
        self.planned_end_edit.set_date(placement.planned_end_date)
        self.hours_edit.setText(hours_input_text(placement.hours_per_week))
        self.coach_combo.set_value(placement.coach_id)
        self.partner_combo.set_value(placement.partner_id)
        if self.end_edit is not None and self.outcome_combo is not None:
            self.end_edit.set_date(placement.end_date)
            self.outcome_combo.set_value(placement.outcome)

    def _search_workers(self, text: str) -> list[WorkerName] | None:
        actor = self.ctx.actor
        return query(self.ctx, self,
                     lambda s: worker_names(s, actor, text, include_ended=False))

    def _worker_chosen(self, worker: WorkerName | None) -> None:
        self.worker = worker
        if worker is not None:
            self.heading_label.setText(
                self.tr("Nieuwe plaatsing voor {name}").format(name=worker.full_name)
            )
        self.form.revalidate()

    def current_input(self) -> PlacementInput:
        coach = self.coach_combo.value
        partner = self.partner_combo.value
        return PlacementInput(
            department=str(self.department_combo.value or ""),
            start_date=self.start_edit.date(),
            hours_per_week=self.hours_edit.text(),
            planned_end_date=self.planned_end_edit.date(),
            partner_id=int(partner) if partner is not None else None,
            coach_id=int(coach) if coach is not None else None,
            end_date=self.end_edit.date() if self.end_edit else None,
            outcome=str(self.outcome_combo.value) if self.outcome_combo
            and self.outcome_combo.value else None,
        )

    def validate(self) -> dict[str, str]:
        errors = check_placement_input(self.current_input(), ended=self.ended)
        for name, edit in (("start_date", self.start_edit),
                           ("planned_end_date", self.planned_end_edit),
                           ("end_date", self.end_edit)):
            if edit is not None and edit.error():
                errors[name] = edit.error() or ""
        if self.picker is not None and self.worker is None:
            errors["worker"] = self.tr("Kies de deelnemer uit de lijst")
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        data = self.current_input()
        placement = self.placement
        if placement is not None:
            def save(session):
                return update_placement(session, actor, placement.id, data, placement.version)
            message = self.tr("Plaatsing opgeslagen")
        else:
            worker = self.worker
            assert worker is not None

            def save(session):
                return create_placement(
                    session, actor, worker.id, data.department, data.start_date,
                    data.hours_per_week, data.planned_end_date, data.partner_id, data.coach_id,
                )
            message = self.tr("Plaatsing aangemaakt")
        self.done_message = message
        DatabaseOp(self.ctx, self, save, changes={PLACEMENTS, WORKERS, AUDIT}).success(
            self._saved).failure(self.show_failure).run()

    def read_record(self) -> PlacementInfo | None:
        assert self.placement is not None
        actor, placement_id = self.ctx.actor, self.placement.id
        return query(self.ctx, self, lambda s: get_placement(s, actor, placement_id))

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, PlacementInfo)
        self.placement = record
        if refill:
            self._fill(record)

    def _saved(self, placement: PlacementInfo) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = placement
        self.finish()


def period_text(placement: PlacementInfo) -> str:
    """"sinds 06-01-2025" or "06-01-2025 t/m 30-06-2025" (for headings)."""
    if placement.end_date is not None:
        return QCoreApplication.translate("PlacementDialog", "{start} t/m {end}").format(
            start=format_date(placement.start_date), end=format_date(placement.end_date))
    return QCoreApplication.translate("PlacementDialog", "sinds {start}").format(
        start=format_date(placement.start_date))
