"""Weging wijzigen / Nieuwe weging: one goods flow with its date, direction, product group, kg,
herkomst or bestemming and a note. The herkomst/bestemming list follows the direction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from kringloopdesk.db.codes import DIRECTIONS
from kringloopdesk.errors import ValidationError
from kringloopdesk.gui.context import AUDIT, GOODS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.dialogs.goal_dialog import text_edit
from kringloopdesk.gui.formatting import format_number
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.i18n import current_language
from kringloopdesk.services.flows import (
    FlowInput,
    FlowRow,
    channel_codes,
    channel_label,
    get_flow,
    kg_problem,
    parse_kg,
    record_flow,
    update_flow,
)
from kringloopdesk.services.reference import ProductGroupItem
from kringloopdesk.services.workers import Choice


class FlowDialog(FormDialog):
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, groups: list[ProductGroupItem],
                 flow: FlowRow | None = None, parent: QWidget | None = None) -> None:
        title = self.tr("Weging wijzigen") if flow else self.tr("Nieuwe weging")
        super().__init__(
            parent,
            title=title,
            heading=title,
            intro=self.tr("Gewogen door {name}").format(name=flow.created_by or "—")
            if flow else self.tr("Een weging die niet op de weegpost is ingevoerd, "
                                 "bijvoorbeeld van een eerdere dag."),
            submit_text=self.tr("Opslaan") if flow else self.tr("Weging toevoegen"),
        )
        self.ctx = ctx
        self.flow = flow
        self.saved: FlowRow | None = None
        language = current_language()
        self.date_edit = DateEdit()
        self.direction_combo = ChoiceCombo(
            [Choice(code, DIRECTIONS.label(code, language)) for code in DIRECTIONS])
        self.group_combo = ChoiceCombo(
            [Choice(g.id, g.label(language)) for g in groups])
        self.kg_edit = QLineEdit()
        self.kg_edit.setPlaceholderText(self.tr("bijvoorbeeld 12,5"))
        self.kg_edit.setMaximumWidth(180)
        self.channel_combo = ChoiceCombo()
        self.note_edit = text_edit(2)
        self.form.add_field("flow_date", self.tr("Datum"), self.date_edit, required=True)
        self.form.add_field("direction", self.tr("Richting"), self.direction_combo,
                            required=True)
        self.form.add_field("product_group_id", self.tr("Productgroep"), self.group_combo,
                            required=True)
        self.form.add_field("kg", self.tr("Gewicht (kg)"), self.kg_edit, required=True)
        self.form.add_field("channel", self.tr("Herkomst / bestemming"), self.channel_combo,
                            required=True)
        self.form.add_field("note", self.tr("Opmerking"), self.note_edit)
        self.direction_combo.value_changed.connect(lambda _v: self._fill_channels())
        if flow is not None:
            self._fill(flow)
        else:
            self.date_edit.set_date(dt.date.today())
            self._fill_channels()
        self.kg_edit.setFocus()

    def _fill(self, flow: FlowRow) -> None:
        if self.group_combo.findData(flow.product_group_id) < 0:
            # A group no longer in use: it stays shown for this flow.
            self.group_combo.addItem(flow.product_group, flow.product_group_id)
        self.date_edit.set_date(flow.flow_date)
        self.direction_combo.set_value(flow.direction)
        self.group_combo.set_value(flow.product_group_id)
        self.kg_edit.setText(format_number(flow.kg, 3).rstrip("0").rstrip(","))
        self._fill_channels()
        self.channel_combo.set_value(flow.channel)
        self.note_edit.setPlainText(flow.note or "")

    def _fill_channels(self) -> None:
        direction = str(self.direction_combo.value or "in")
        self.channel_combo.set_choices(
            [Choice(code, channel_label(direction, code)) for code in channel_codes(direction)])

    def current_input(self) -> FlowInput:
        return FlowInput(
            flow_date=self.date_edit.date(),
            direction=str(self.direction_combo.value or ""),
            product_group_id=self.group_combo.value,  # type: ignore[arg-type]
            kg=self.kg_edit.text(),
            channel=str(self.channel_combo.value or ""),
            note=self.note_edit.toPlainText(),
        )

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.date_edit.error():
            errors["flow_date"] = self.date_edit.error() or ""
        elif self.date_edit.date() is None:
            errors["flow_date"] = self.tr("Vul de datum in, bijvoorbeeld 15-3-2025")
        elif self.date_edit.date() > dt.date.today():  # type: ignore[operator]
            errors["flow_date"] = self.tr("De datum ligt in de toekomst")
        try:
            problem = kg_problem(parse_kg(self.kg_edit.text()))
        except ValidationError as error:
            problem = error.message
        if problem:
            errors["kg"] = problem
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        data = self.current_input()
        flow = self.flow
        if flow is None:
            def save(session):
                return record_flow(session, actor, data)
            message = self.tr("Weging toegevoegd")
        else:
            def save(session):
                return update_flow(session, actor, flow.id, data, flow.version)
            message = self.tr("Weging opgeslagen")
        self.done_message = message
        DatabaseOp(self.ctx, self, save, changes={GOODS, AUDIT}).success(
            self._saved).failure(self.show_failure).run()

    def read_record(self) -> FlowRow | None:
        assert self.flow is not None
        actor, flow_id = self.ctx.actor, self.flow.id
        return query(self.ctx, self, lambda s: get_flow(s, actor, flow_id))

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, FlowRow)
        self.flow = record
        if refill:
            self._fill(record)

    def _saved(self, flow: FlowRow) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = flow
        self.finish()
