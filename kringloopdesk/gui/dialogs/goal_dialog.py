"""Nieuw ontwikkeldoel / Ontwikkeldoel wijzigen: what the worker works towards, by when, and
whether it was reached."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kringloopdesk.db.codes import GOAL_STATUSES
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.widgets.choice_combo import ChoiceCombo
from kringloopdesk.gui.widgets.date_edit import DateEdit
from kringloopdesk.i18n import current_language
from kringloopdesk.services.goals import (
    GoalInfo,
    check_goal,
    create_goal,
    list_goals,
    update_goal,
)
from kringloopdesk.services.placements import PlacementInfo
from kringloopdesk.services.workers import Choice


def text_edit(lines: int = 4) -> QPlainTextEdit:
    """A multi-line text field where Tab moves on (the tab order stays the reading order)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 16
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + 40)
    return edit


class GoalDialog(FormDialog):
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, placement: PlacementInfo,
                 goal: GoalInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Ontwikkeldoel wijzigen") if goal else self.tr("Nieuw ontwikkeldoel"),
            heading=self.tr("Ontwikkeldoel wijzigen") if goal else self.tr("Nieuw ontwikkeldoel"),
            intro=self.tr("{name} — {department}").format(
                name=placement.worker_name, department=placement.department_label),
            submit_text=self.tr("Opslaan") if goal else self.tr("Doel toevoegen"),
        )
        self.ctx = ctx
        self.placement = placement
        self.goal = goal
        self.saved: GoalInfo | None = None
        self.description_edit = text_edit(3)
        self.description_edit.setPlaceholderText(
            self.tr("Bijvoorbeeld: zelfstandig de kassa openen en afsluiten")
        )
        self.target_edit = DateEdit()
        language = current_language()
        self.status_combo = ChoiceCombo(
            [Choice(code, GOAL_STATUSES.label(code, language)) for code in GOAL_STATUSES]
        )
        self.form.add_field("description", self.tr("Omschrijving"), self.description_edit,
                            required=True)
        self.form.add_field("target_date", self.tr("Streefdatum"), self.target_edit)
        self.form.add_field("status", self.tr("Status"), self.status_combo, required=True)
        if goal is not None:
            self._fill(goal)
        self.description_edit.setFocus()

    def _fill(self, goal: GoalInfo) -> None:
        self.description_edit.setPlainText(goal.description)
        self.target_edit.set_date(goal.target_date)
        self.status_combo.set_value(goal.status)

    def validate(self) -> dict[str, str]:
        _text, _code, errors = check_goal(
            self.description_edit.toPlainText(), self.target_edit.date(),
            str(self.status_combo.value or ""), self.placement.start_date,
        )
        if self.target_edit.error():
            errors["target_date"] = self.target_edit.error() or ""
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        text = self.description_edit.toPlainText()
        target = self.target_edit.date()
        status = str(self.status_combo.value)
        goal = self.goal
        placement_id = self.placement.id
        if goal is None:
            def save(session):
                return create_goal(session, actor, placement_id, text, target, status)
            message = self.tr("Ontwikkeldoel toegevoegd")
        else:
            def save(session):
                return update_goal(session, actor, goal.id, text, target, status, goal.version)
            message = self.tr("Ontwikkeldoel opgeslagen")
        self.done_message = message
        DatabaseOp(self.ctx, self, save, changes={PLACEMENTS, AUDIT}).success(
            self._saved).failure(self.show_failure).run()

    def read_record(self) -> GoalInfo | None:
        assert self.goal is not None
        actor, placement_id, goal_id = self.ctx.actor, self.placement.id, self.goal.id
        goals = query(self.ctx, self, lambda s: list_goals(s, actor, placement_id))
        found = next((goal for goal in goals or [] if goal.id == goal_id), None)
        if found is None and goals is not None:
            self.show_problem(self.tr("Dit ontwikkeldoel is intussen verwijderd door iemand "
                                      "anders."))
        return found

    def take_record(self, record: object, *, refill: bool) -> None:
        assert isinstance(record, GoalInfo)
        self.goal = record
        if refill:
            self._fill(record)

    def _saved(self, goal: GoalInfo) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = goal
        self.finish()
