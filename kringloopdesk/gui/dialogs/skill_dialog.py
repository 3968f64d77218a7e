"""Werkproces toevoegen: pick one from the shop's list for the placement's department (and
the general ones), or type one; a typed one can go on the department's list for next time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QWidget

from kringloopdesk.gui.context import AUDIT, PLACEMENTS, AppContext
from kringloopdesk.gui.dialogs.form_dialog import FormDialog
from kringloopdesk.gui.messages import show_status
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.services.goals import (
    SkillInfo,
    add_skill,
    check_skill_name,
    werkproces_suggestions,
)
from kringloopdesk.services.placements import PlacementInfo
from kringloopdesk.services.workers import fold


class SkillDialog(FormDialog):
    saves_with_ctrl_s = True

    def __init__(self, ctx: AppContext, placement: PlacementInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Werkproces toevoegen"),
            heading=self.tr("Werkproces toevoegen"),
            intro=self.tr(
                "Wat {name} beheerst in deze plaatsing ({department}). Dit komt op het "
                "certificaat van deelname."
            ).format(name=placement.worker_name, department=placement.department_label),
            submit_text=self.tr("Toevoegen"),
        )
        self.setMinimumWidth(580)
        self.ctx = ctx
        self.placement = placement
        self.saved: SkillInfo | None = None
        suggestions = query(
            ctx, self, lambda s: werkproces_suggestions(s, ctx.actor, placement.id)
        ) or []
        self.known = {fold(item.name) for item in suggestions}
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.name_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for item in suggestions:
            self.name_combo.addItem(item.name)
        self.name_combo.setCurrentIndex(-1)
        self.name_combo.lineEdit().setPlaceholderText(
            self.tr("Kies uit de lijst of typ een werkproces")
        )
        completer = self.name_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.list_check = QCheckBox(self.tr("Ook op de lijst van deze afdeling zetten"))
        self.list_check.setToolTip(
            self.tr("Dan staat het de volgende keer bij {department} in de lijst").format(
                department=placement.department_label)
        )
        self.form.add_field("name", self.tr("Werkproces"), self.name_combo, required=True)
        self.form.add_row("", self.list_check)
        self.name_combo.editTextChanged.connect(self._typed)
        self._typed("")
        self.name_combo.setFocus()

    @property
    def name(self) -> str:
        return self.name_combo.currentText()

    def _typed(self, text: str) -> None:
        typed_new = bool(text.strip()) and fold(" ".join(text.split())) not in self.known
        self.list_check.setEnabled(typed_new)
        if not typed_new:
            self.list_check.setChecked(False)
        self.form.revalidate()

    def validate(self) -> dict[str, str]:
        _text, errors = check_skill_name(self.name)
        return errors

    def submit(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        name = self.name
        to_list = self.list_check.isChecked()
        placement_id = self.placement.id
        self.done_message = self.tr("Werkproces toegevoegd")
        DatabaseOp(
            self.ctx, self,
            lambda s: add_skill(s, actor, placement_id, name, add_to_list=to_list),
            changes={PLACEMENTS, AUDIT},
        ).success(self._saved).failure(self.show_failure).run()

    def _saved(self, skill: SkillInfo) -> None:
        show_status(self.parentWidget(), self.done_message)
        self.saved = skill
        self.finish()
