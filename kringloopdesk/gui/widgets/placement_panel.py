"""One placement in the worker's record: its details with the actions (wijzigen, pauzeren,
hervatten, beëindigen), its ontwikkeldoelen, its werkprocessen and — for a begeleider or
beheerder with the data key only — its progress notes.

The notes section is built only for a user who may read it: for anyone else its widgets do
not exist (and the service would refuse them anyway).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kringloopdesk.db.codes import OUTCOMES, PLACEMENT_STATUSES
from kringloopdesk.errors import UserError
from kringloopdesk.gui import icons
from kringloopdesk.gui.context import AUDIT, PLACEMENTS, WORKERS, AppContext
from kringloopdesk.gui.dialogs.certificate_preview_dialog import CertificatePreviewDialog
from kringloopdesk.gui.dialogs.conflict_dialog import run_versioned
from kringloopdesk.gui.dialogs.end_placement_dialog import EndPlacementDialog
from kringloopdesk.gui.dialogs.goal_dialog import GoalDialog
from kringloopdesk.gui.dialogs.placement_dialog import PlacementDialog, period_text
from kringloopdesk.gui.dialogs.progress_note_dialog import ProgressNoteDialog
from kringloopdesk.gui.dialogs.skill_dialog import SkillDialog
from kringloopdesk.gui.formatting import format_date
from kringloopdesk.gui.messages import MessageBox, sensitive_data_closed_text
from kringloopdesk.gui.models.goals_model import GoalsModel, GoalsView
from kringloopdesk.gui.models.placements_model import hours_text
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.gui.theme import current_colors
from kringloopdesk.i18n import current_language
from kringloopdesk.services.goals import (
    GoalInfo,
    delete_goal,
    list_goals,
    list_skills,
    remove_skill,
)
from kringloopdesk.services.permissions import Permission
from kringloopdesk.services.placements import (
    PlacementInfo,
    get_placement,
    pause_placement,
    resume_placement,
)
from kringloopdesk.services.workers import (
    ANONYMISED_NUMBER_PREFIX,
    ProgressNoteInfo,
    list_progress_notes,
)

SKILL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Flat buttons stay flat when they cannot be used (the theme would grey their background).
FLAT_BUTTONS = """
QPushButton:flat { background: transparent; border: none; padding: 1px 10px; }
QPushButton:flat:disabled { background: transparent; border: none; }
"""


def card(title: str, *actions: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A white card with a title line (and buttons on its right); returns the card and the
    layout to put its content in."""
    frame = QFrame()
    frame.setObjectName("FormCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 16)
    layout.setSpacing(10)
    head = QHBoxLayout()
    head.setSpacing(8)
    label = QLabel(title)
    label.setObjectName("SectionTitle")
    head.addWidget(label)
    head.addStretch(1)
    for action in actions:
        head.addWidget(action)
    layout.addLayout(head)
    return frame, layout


def small_button(text: str, icon_name: str, tooltip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setIcon(icons.icon(icon_name, current_colors().secondary_text))
    button.setFlat(True)
    if tooltip:
        button.setToolTip(tooltip)
    return button


class PlacementPanel(QWidget):
    changed = Signal(int)  # a placement (id) changed: the owner reads the list again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.placement: PlacementInfo | None = None
        self.may_change = ctx.may(Permission.MANAGE_WORKERS)
        self.reads_notes = ctx.may(Permission.SENSITIVE) and not ctx.sensitive_data_closed

        # -- details --
        self.title_label = QLabel()
        self.title_label.setObjectName("DialogTitle")
        self.period_label = QLabel()
        self.period_label.setObjectName("PageSubtitle")
        self.edit_button = small_button(self.tr("&Wijzigen…"), "pencil")
        self.edit_button.clicked.connect(self.edit_placement)
        self.pause_button = small_button(
            self.tr("Pauzeren"), "pause",
            self.tr("Tijdelijk stilzetten, bijvoorbeeld bij ziekte, of hervatten (Alt+P)"))
        # Its text changes (Pauzeren / Hervatten), so its key is a shortcut, not a letter.
        self.pause_button.setShortcut(QKeySequence("Alt+P"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.end_button = small_button(self.tr("&Beëindigen…"), "flag",
                                       self.tr("Einddatum en uitstroom vastleggen"))
        self.end_button.clicked.connect(self.end_placement)
        # Hide only: shown without a parent yet, it would flash as a window.
        if not self.may_change:
            for button in (self.edit_button, self.pause_button, self.end_button):
                button.hide()
        self.certificate_button = small_button(
            self.tr("&Certificaat…"), "shield",
            self.tr("Een certificaat van deelname voor deze plaatsing: bekijken en uitgeven"))
        self.certificate_button.clicked.connect(self.issue_certificate)
        if not ctx.may(Permission.ISSUE_CERTIFICATES):
            self.certificate_button.hide()
        self.facts: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(6)
        for n, (key, title) in enumerate((
            ("status", self.tr("Status")),
            ("hours", self.tr("Uren per week")),
            ("coach", self.tr("Begeleider")),
            ("partner", self.tr("Partnerorganisatie")),
            ("planned", self.tr("Geplande einddatum")),
            ("total", self.tr("Geregistreerde uren")),
        )):
            caption = QLabel(title)
            caption.setObjectName("FieldHint")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            facts.addWidget(caption, (n // 3) * 2, n % 3)
            facts.addWidget(value, (n // 3) * 2 + 1, n % 3)
        details, details_layout = card(self.tr("Plaatsing"), self.edit_button,
                                       self.pause_button, self.end_button,
                                       self.certificate_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        titles.addWidget(self.period_label)
        details_layout.addLayout(titles)
        details_layout.addLayout(facts)

        # -- goals --
        self.goals_model = GoalsModel(self)
        self.goals_view = GoalsView()
        self.goals_view.setModel(self.goals_model)
        self.goals_view.prepare_columns()
        self.goals_view.setMinimumHeight(150)
        self.goals_view.set_empty_text(self.tr("Nog geen ontwikkeldoelen"))
        self.goals_view.open_requested.connect(lambda _index: self.edit_goal())
        self.goals_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_goal_button = small_button(self.tr("Nieuw &doel…"), "plus")
        self.new_goal_button.clicked.connect(self.new_goal)
        self.edit_goal_button = small_button(self.tr("W&ijzigen…"), "pencil")
        self.edit_goal_button.clicked.connect(self.edit_goal)
        self.delete_goal_button = small_button(self.tr("&Verwijderen"), "trash")
        self.delete_goal_button.clicked.connect(self.delete_goal)
        if not self.may_change:
            for button in (self.new_goal_button, self.edit_goal_button, self.delete_goal_button):
                button.hide()
        goals, goals_layout = card(self.tr("Ontwikkeldoelen"), self.new_goal_button,
                                   self.edit_goal_button, self.delete_goal_button)
        goals_layout.addWidget(self.goals_view)

        # -- werkprocessen --
        self.skills_list = QListWidget()
        self.skills_list.setObjectName("SkillList")
        self.skills_list.setMinimumHeight(150)
        self.skills_list.itemSelectionChanged.connect(self._update_buttons)
        self.add_skill_button = small_button(self.tr("&Toevoegen…"), "plus")
        self.add_skill_button.clicked.connect(self.add_skill)
        self.remove_skill_button = small_button(self.tr("V&erwijderen"), "trash")
        self.remove_skill_button.clicked.connect(self.remove_skill)
        if not self.may_change:
            self.add_skill_button.hide()
            self.remove_skill_button.hide()
        skills, skills_layout = card(self.tr("Werkprocessen"), self.add_skill_button,
                                     self.remove_skill_button)
        skills_layout.addWidget(self.skills_list)

        lists = QHBoxLayout()
        lists.setSpacing(16)
        lists.addWidget(goals, 3)
        lists.addWidget(skills, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(details)
        layout.addLayout(lists)

        # -- progress notes: only for those who may read them --
        self.notes_view: QTextBrowser | None = None
        self.add_note_button: QPushButton | None = None
        if self.reads_notes:
            self.add_note_button = small_button(self.tr("N&otitie toevoegen…"), "plus")
            self.add_note_button.clicked.connect(self.add_note)
            notes, notes_layout = card(self.tr("Voortgang (vertrouwelijk)"), self.add_note_button)
            self.notes_view = QTextBrowser()
            self.notes_view.setObjectName("NotesView")
            self.notes_view.setOpenLinks(False)
            self.notes_view.setMinimumHeight(160)
            notes_layout.addWidget(self.notes_view)
            layout.addWidget(notes)
        elif ctx.may(Permission.SENSITIVE):
            closed = QLabel(self.tr("Voortgangsnotities: gesloten. ")
                            + sensitive_data_closed_text(ctx.actor.role if ctx.actor else ""))
            closed.setObjectName("FormNote")
            closed.setWordWrap(True)
            layout.addWidget(closed)
        layout.addStretch(1)
        self.setStyleSheet(FLAT_BUTTONS)
        self._update_buttons()

    # -- showing ----------------------------------------------------------------------------

    def show_placement(self, placement: PlacementInfo | None) -> None:
        self.placement = placement
        if placement is None:
            self.title_label.setText("")
            self.goals_model.replace_rows([])
            self.skills_list.clear()
            if self.notes_view is not None:
                self.notes_view.clear()
            self._update_buttons()
            return
        language = current_language()
        self.title_label.setText(placement.department_label)
        self.period_label.setText(period_text(placement))
        status = PLACEMENT_STATUSES.label(placement.status, language)
        if placement.outcome and placement.outcome in OUTCOMES:
            status = self.tr("{status} — uitstroom: {outcome}").format(
                status=status, outcome=OUTCOMES.label(placement.outcome, language).lower())
        self.facts["status"].setText(status)
        self.facts["hours"].setText(hours_text(placement.hours_per_week))
        self.facts["coach"].setText(placement.coach_name or "—")
        self.facts["partner"].setText(placement.partner_name or "—")
        self.facts["planned"].setText(format_date(placement.planned_end_date) or "—")
        total = placement.hours_total
        self.facts["total"].setText(
            self.tr("{hours} uur").format(hours=hours_text(total)) if total is not None
            else "—"
        )
        self.reload_lists()

    def reload_lists(self) -> None:
        placement = self.placement
        actor = self.ctx.actor
        if placement is None or actor is None:
            return

        def read(session):
            notes = (list_progress_notes(session, actor, placement.id)
                     if self.reads_notes else [])
            return (list_goals(session, actor, placement.id),
                    list_skills(session, actor, placement.id), notes)

        loaded = query(self.ctx, self, read)
        if loaded is None:
            return
        goals, skills, notes = loaded
        self.goals_model.replace_rows(goals)
        self.skills_list.clear()
        for skill in skills:
            item = QListWidgetItem(skill.name)
            item.setData(SKILL_ID_ROLE, skill.id)
            if skill.werkproces_id is None:
                item.setToolTip(self.tr("Zelf getypt (staat niet op de lijst van de afdeling)"))
            self.skills_list.addItem(item)
        if self.notes_view is not None:
            self.notes_view.setHtml(self.notes_html(notes))
        self._update_buttons()

    def notes_html(self, notes: list[ProgressNoteInfo]) -> str:
        if not notes:
            return "<p style='color:{c}'>{t}</p>".format(
                c=current_colors().muted_text, t=html.escape(self.tr("Nog geen notities")))
        muted = current_colors().muted_text
        parts = []
        for note in sorted(notes, key=lambda n: (n.note_date, n.id), reverse=True):
            author = note.author_name or self.tr("onbekend")
            text = html.escape(note.text).replace("\n", "<br>")
            parts.append(
                f"<p style='margin-bottom:2px'><b>{format_date(note.note_date)}</b>"
                f" <span style='color:{muted}'>· {html.escape(author)}</span></p>"
                f"<p style='margin-top:0; margin-bottom:12px'>{text}</p>"
            )
        return "".join(parts)

    def _update_buttons(self, *_args: object) -> None:
        placement = self.placement
        has = placement is not None
        running = has and placement.end_date is None  # type: ignore[union-attr]
        self.edit_button.setEnabled(has)
        self.end_button.setEnabled(running)
        paused = has and placement.status == "gepauzeerd"  # type: ignore[union-attr]
        self.pause_button.setText(self.tr("Hervatten") if paused else self.tr("Pauzeren"))
        self.pause_button.setIcon(icons.icon("play" if paused else "pause",
                                             current_colors().secondary_text))
        self.pause_button.setEnabled(
            running and placement.status in ("actief", "gepauzeerd")  # type: ignore[union-attr]
        )
        anonymised = has and placement.worker_number.startswith(  # type: ignore[union-attr]
            ANONYMISED_NUMBER_PREFIX)
        self.certificate_button.setEnabled(has and not anonymised)
        self.certificate_button.setToolTip(
            self.tr("Deze deelnemer is geanonimiseerd: er kan geen certificaat meer worden "
                    "uitgegeven") if anonymised
            else self.tr("Een certificaat van deelname voor deze plaatsing: bekijken en "
                         "uitgeven"))
        self.new_goal_button.setEnabled(has)
        chosen_goal = self.selected_goal() is not None
        self.edit_goal_button.setEnabled(chosen_goal)
        self.delete_goal_button.setEnabled(chosen_goal)
        self.add_skill_button.setEnabled(has)
        self.remove_skill_button.setEnabled(bool(self.skills_list.selectedItems()))
        if self.add_note_button is not None:
            self.add_note_button.setEnabled(has)

    def selected_goal(self) -> GoalInfo | None:
        index = self.goals_view.selected_index()
        return self.goals_model.row_for(index) if index is not None else None

    # -- placement actions ------------------------------------------------------------------

    def _placement_changed(self, placement: PlacementInfo | None) -> None:
        if placement is not None:
            self.changed.emit(placement.id)

    def edit_placement(self) -> None:
        if self.placement is None:
            return
        dialog = PlacementDialog(self.ctx, self, placement=self.placement)
        if dialog.ask():
            self._placement_changed(dialog.saved)
        dialog.deleteLater()

    def toggle_pause(self) -> None:
        placement = self.placement
        actor = self.ctx.actor
        if placement is None or actor is None:
            return
        if placement.status == "gepauzeerd":
            change, message = resume_placement, self.tr("Plaatsing hervat")
        else:
            change, message = pause_placement, self.tr("Plaatsing gepauzeerd")
        run_versioned(
            self.ctx, self, lambda s, version: change(s, actor, placement.id, version),
            placement.version, lambda s: get_placement(s, actor, placement.id).version,
            reload=lambda: self.changed.emit(placement.id),
            changes={PLACEMENTS, WORKERS, AUDIT}, message=message,
            success=self._placement_changed)

    def end_placement(self) -> None:
        if self.placement is None:
            return
        dialog = EndPlacementDialog(self.ctx, self.placement, self)
        if dialog.ask():
            self._placement_changed(dialog.saved)
        dialog.deleteLater()

    def issue_certificate(self) -> None:
        """The certificate of participation: the draft first, then issue, print, save."""
        placement = self.placement
        if placement is None or not self.certificate_button.isEnabled():
            return
        CertificatePreviewDialog.for_placement(self.ctx, placement.id, self)

    # -- goals, werkprocessen, notes --------------------------------------------------------

    def new_goal(self) -> None:
        if self.placement is None:
            return
        dialog = GoalDialog(self.ctx, self.placement, parent=self)
        if dialog.ask() and dialog.saved is not None:
            self.reload_lists()
            self._select_goal(dialog.saved.id)
        dialog.deleteLater()

    def edit_goal(self) -> None:
        goal = self.selected_goal()
        if self.placement is None or goal is None or not self.may_change:
            return
        dialog = GoalDialog(self.ctx, self.placement, goal, parent=self)
        if dialog.ask() and dialog.saved is not None:
            self.reload_lists()
            self._select_goal(dialog.saved.id)
        dialog.deleteLater()

    def _select_goal(self, goal_id: int) -> None:
        row = self.goals_model.row_of(goal_id)
        if row is not None:
            self.goals_view.selectRow(row)

    def delete_goal(self) -> None:
        goal = self.selected_goal()
        actor = self.ctx.actor
        if goal is None or actor is None:
            return
        if not MessageBox.confirm(
            self,
            self.tr("Dit ontwikkeldoel verwijderen?"),
            self.tr("“{goal}” verdwijnt uit de plaatsing. Is het doel niet gehaald, kies dan "
                    "liever de status ‘Niet behaald’.").format(goal=goal.description[:80]),
            self.tr("Verwijderen"),
            destructive=True,
        ):
            return
        def refused(error: UserError) -> None:  # e.g. changed by someone else meanwhile
            MessageBox.show_user_error(self, error)
            self.reload_lists()

        DatabaseOp(self.ctx, self, lambda s: delete_goal(s, actor, goal.id, goal.version),
                   changes={PLACEMENTS, AUDIT}).success(lambda _r: self.reload_lists()).failure(
            refused).message(
            self.tr("Ontwikkeldoel verwijderd")).run()

    def add_skill(self) -> None:
        if self.placement is None:
            return
        dialog = SkillDialog(self.ctx, self.placement, self)
        if dialog.ask():
            self.reload_lists()
        dialog.deleteLater()

    def remove_skill(self) -> None:
        items = self.skills_list.selectedItems()
        actor = self.ctx.actor
        if not items or actor is None:
            return
        skill_id = int(items[0].data(SKILL_ID_ROLE))
        if not MessageBox.confirm(
            self,
            self.tr("“{name}” weghalen bij deze plaatsing?").format(name=items[0].text()),
            self.tr("Het werkproces komt dan niet op het certificaat van deelname. De lijst "
                    "van de afdeling blijft zoals hij is."),
            self.tr("Weghalen"),
        ):
            return
        DatabaseOp(self.ctx, self, lambda s: remove_skill(s, actor, skill_id),
                   changes={PLACEMENTS, AUDIT}).success(lambda _r: self.reload_lists()).message(
            self.tr("Werkproces weggehaald")).run()

    def add_note(self) -> None:
        if self.placement is None or not self.reads_notes:
            return
        dialog = ProgressNoteDialog(self.ctx, self.placement, self)
        if dialog.ask():
            self.reload_lists()
        dialog.deleteLater()
