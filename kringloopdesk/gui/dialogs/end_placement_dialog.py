"""Plaatsing beëindigen: the end date and the uitstroom — required, and chosen deliberately
(no answer is preselected): the associations count where people went."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from kringloopdesk.db.codes import OUTCOMES
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.dialogs.placement_dialog import period_text
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.i18n import current_language
from kringloopdesk.services.placements import (
    COMPLETED_OUTCOMES,
    PlacementInfo,
    end_placement,
    get_placement,
)


class OutcomeChoice(QWidget):
    """The uitstroom codes as a column of radio buttons with their Dutch labels."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        language = current_language()
        for code in OUTCOMES:
            button = QRadioButton(OUTCOMES.label(code, language))
            button.setProperty("code", code)
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        self.group.buttonToggled.connect(lambda _b, _on: self.changed.emit())

    @property
    def value(self) -> str | None:
        button = self.group.checkedButton()
        return str(button.property("code")) if button is not None else None

    def set_value(self, code: str) -> None:
        self.buttons[code].setChecked(True)


class EndPlacementDialog(FormDialog):
    def __init__(self, ctx: AppContext, placement: PlacementInfo,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Plaatsing beëindigen"),
            heading=self.tr("Plaatsing van {name} beëindigen").format(
                name=placement.worker_name or placement.worker_number),
            intro=self._intro(placement),
            submit_text=self.tr("Beëindigen"),
        )
        self.ctx = ctx
        self.placement = placement
        self.saved: PlacementInfo | None = None
        self.end_edit = DateEdit()
        self.end_edit.set_date(today or dt.date.today())
        self.outcome_choice = OutcomeChoice()
        self.form.add_field("end_date", self.tr("Einddatum"), self.end_edit, required=True,
                            hint=self.tr("De laatste dag van de plaatsing"))
        self.form.add_field(
            "outcome", self.tr("Uitstroom"), self.outcome_choice, required=True,
            hint=self.tr("Betaald werk, opleiding, een andere plek of dagbesteding: afgerond. "
                         "Uitval of onbekend: gestopt."),
        )
        self.end_edit.setFocus()

    def _intro(self, placement: PlacementInfo) -> str:
        return self.tr("{department}, {period}. Kies de einddatum en waar {name} naartoe "
                       "gaat (de uitstroom).").format(
            department=placement.department_label, period=period_text(placement),
            name=placement.worker_name.split(" ")[0] or placement.worker_number)

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        day = self.end_edit.date()
        if self.end_edit.error():
            errors["end_date"] = self.end_edit.error() or ""
        elif day is None:
            errors["end_date"] = self.tr("Verplicht")
        elif day < self.placement.start_date:
            errors["end_date"] = self.tr("Op of na de startdatum")
        if self.outcome_choice.value is None:
            errors["outcome"] = self.tr("Kies de uitstroom")
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        placement = self.placement
        day = self.end_edit.date()
        outcome = self.outcome_choice.value
        status = "afgerond" if outcome in COMPLETED_OUTCOMES else "gestopt"
        message = (self.tr("Plaatsing afgerond") if status == "afgerond"
                   else self.tr("Plaatsing gestopt"))
        self.done_message = message
        DatabaseOp(
            self.ctx, self,
            lambda s: end_placement(s, actor, placement.id, day, outcome,
                                    expected_version=placement.version),
            changes={PLACEMENTS, WORKERS, AUDIT},
        ).success(self._saved).failure(self.show_failure).run()

    def read_record(self) -> PlacementInfo | None:
        actor, placement_id = self.ctx.actor, self.placement.id
        return query(self.ctx, self, lambda s: get_placement(s, actor, placement_id))

    def take_record(self, record: object, *, refill: bool) -> None:
        """The end date and outcome are this form's own: reloading shows the new period."""
        assert isinstance(record, PlacementInfo)
        self.placement = record
        if refill:
            self.intro_label.setText(self._intro(record))

    def _saved(self, placement: PlacementInfo) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = placement
        self.finish()
