"""The worker's record, second half: the placements as a time line, and per placement its
goals, werkprocessen and dated progress notes (with the logged-in author) — each added through
its dialog, typed in with the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.goal_dialog import GoalDialog
from kringloopdesk.gui.dialogs.placement_dialog import PlacementDialog
from kringloopdesk.gui.dialogs.progress_note_dialog import ProgressNoteDialog
from kringloopdesk.gui.dialogs.skill_dialog import SkillDialog
from kringloopdesk.gui.widgets.worker_form import WorkerForm
from kringloopdesk.services import goals, placements, workers
from kringloopdesk.services.auth import Actor
from tests.gui.helpers import type_into
from tests.gui.workers_data import TODAY, Shop, make_people


@pytest.fixture
def shop(ctx: AppContext, begeleider: Actor) -> Shop:
    return make_people(ctx.db, begeleider)


@pytest.fixture
def coach_ctx(ctx: AppContext, begeleider: Actor) -> AppContext:
    return AppContext(ctx.db, actor=begeleider)


@pytest.fixture
def form(coach_ctx: AppContext, shop: Shop, qtbot) -> WorkerForm:
    form = WorkerForm(coach_ctx)
    qtbot.addWidget(form)
    form.resize(1100, 900)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_the_time_line_shows_and_chooses_placements(form: WorkerForm, shop: Shop, qtbot,
                                                    answer_dialog) -> None:
    assert form.open_worker(shop.anais)
    timeline = form.timeline
    assert timeline is not None and form.panel is not None
    assert [p.department for p in timeline.placements] == ["winkel"]
    assert timeline.selected_id == shop.anais_placement  # the running one
    assert form.panel.title_label.text() == "Winkel"
    assert "Tijdlijn" in timeline.accessibleName()
    # A second, later placement: end the first, add one through the dialog.
    with form.ctx.db.session() as session:
        placements.end_placement(session, form.ctx.actor, shop.anais_placement,
                                 TODAY - dt.timedelta(days=10), "andere_plek")
    form.reload_placements()

    def fill_in(dialog: PlacementDialog) -> None:
        assert dialog.picker is None  # the worker is given
        dialog.department_combo.set_value("textiel")
        type_into(qtbot, dialog.start_edit.edit, (TODAY - dt.timedelta(days=9)).strftime(
            "%d-%m-%Y"))
        type_into(qtbot, dialog.hours_edit, "12")
        dialog.accept()

    shown = answer_dialog(PlacementDialog, fill_in)
    form.new_placement_button.click()
    assert len(shown) == 1
    assert [p.department for p in timeline.placements] == ["winkel", "textiel"]
    assert form.panel.title_label.text() == "Textiel"
    assert form.tabs is not None and form.tabs.currentIndex() == 1

    # Click the first bar; ← and → move between them.
    timeline.selected_id = None
    bars = timeline._layout()
    with qtbot.waitSignal(timeline.placement_selected) as chosen:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton,
                         pos=bars[0].rect.center().toPoint())
    assert chosen.args == [shop.anais_placement]
    assert form.panel.title_label.text() == "Winkel"
    assert "Uitstroom: Andere werkplek of organisatie" in timeline.tooltip_text(
        timeline.placements[0])
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert form.panel.title_label.text() == "Textiel"
    assert timeline.bar_at(QPoint(2, 2).toPointF()) is None


def test_goals_through_the_dialog(form: WorkerForm, shop: Shop, qtbot, answer_dialog,
                                  messages, qtmodeltester) -> None:
    form.open_worker(shop.anais, shop.anais_placement)
    panel = form.panel
    assert panel is not None

    def new_goal(dialog: GoalDialog) -> None:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert dialog.description_edit.hasFocus()
        assert not dialog.submit_button.isEnabled()
        assert dialog.blocked_label.text() == "Omschrijving: Verplicht"
        qtbot.keyClicks(dialog.description_edit, "Zelfstandig de kassa openen")
        qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Tab)  # Tab moves on
        assert dialog.target_edit.edit.hasFocus()
        qtbot.keyClicks(dialog.target_edit.edit, "1-1-2001")  # before the placement
        assert not dialog.submit_button.isEnabled()
        assert "Op of na het begin van de plaatsing" in dialog.blocked_label.text()
        dialog.target_edit.edit.selectAll()
        qtbot.keyClicks(dialog.target_edit.edit,
                        (TODAY + dt.timedelta(days=60)).strftime("%d%m%Y"))
        dialog.accept()

    answer_dialog(GoalDialog, new_goal)
    panel.new_goal_button.click()
    qtmodeltester.check(panel.goals_model)
    assert panel.goals_model.rowCount() == 1
    assert panel.goals_model.index(0, 0).data() == "Zelfstandig de kassa openen"
    assert panel.goals_model.index(0, 2).data() == "Open"
    assert panel.selected_goal() is not None

    def reached(dialog: GoalDialog) -> None:
        assert dialog.description_edit.toPlainText() == "Zelfstandig de kassa openen"
        dialog.status_combo.set_value("behaald")
        dialog.accept()

    answer_dialog(GoalDialog, reached)
    panel.edit_goal_button.click()
    assert panel.goals_model.index(0, 2).data() == "Behaald"

    panel.delete_goal_button.click()
    assert messages.confirmations == ["Dit ontwikkeldoel verwijderen?"]
    assert panel.goals_model.rowCount() == 0


def test_werkprocessen_from_the_list_and_typed(form: WorkerForm, shop: Shop, qtbot,
                                               answer_dialog, messages) -> None:
    form.open_worker(shop.anais, shop.anais_placement)
    panel = form.panel
    assert panel is not None

    def from_list(dialog: SkillDialog) -> None:
        names = [dialog.name_combo.itemText(i) for i in range(dialog.name_combo.count())]
        assert names[:2] == ["Goederen presenteren en de winkel inrichten",
                             "Klanten te woord staan en adviseren"]
        dialog.name_combo.setCurrentIndex(1)
        assert not dialog.list_check.isEnabled()
        dialog.accept()

    answer_dialog(SkillDialog, from_list)
    panel.add_skill_button.click()

    def typed(dialog: SkillDialog) -> None:
        type_into(qtbot, dialog.name_combo.lineEdit(), "Etalage inrichten")
        assert dialog.list_check.isEnabled()
        dialog.list_check.setChecked(True)
        dialog.accept()

    answer_dialog(SkillDialog, typed)
    panel.add_skill_button.click()
    items = [panel.skills_list.item(i).text() for i in range(panel.skills_list.count())]
    assert items == ["Klanten te woord staan en adviseren", "Etalage inrichten"]
    with form.ctx.db.read_session() as session:
        offered = goals.werkproces_suggestions(session, form.ctx.actor, shop.jan_placement)
    assert "Etalage inrichten" not in [w.name for w in offered]  # Jan works in sorteren
    panel.skills_list.setCurrentRow(1)
    panel.remove_skill_button.click()
    assert messages.confirmations == ["“Etalage inrichten” weghalen bij deze plaatsing?"]
    assert panel.skills_list.count() == 1


def test_progress_notes_carry_the_date_and_the_author(form: WorkerForm, shop: Shop, qtbot,
                                                      answer_dialog) -> None:
    form.open_worker(shop.anais, shop.anais_placement)
    panel = form.panel
    assert panel is not None and panel.notes_view is not None
    assert "Nog geen notities" in panel.notes_view.toPlainText()

    def write(dialog: ProgressNoteDialog) -> None:
        assert dialog.date_edit.date() == TODAY
        assert "Marieke Jansen" in [label.text() for label in dialog.findChildren(
            type(dialog.heading_label))]
        dialog.date_edit.edit.selectAll()
        qtbot.keyClicks(dialog.date_edit.edit, "2-5-2025")
        qtbot.keyClicks(dialog.text_edit, "Evaluatie: werkt zelfstandig aan de kassa.")
        dialog.accept()

    answer_dialog(ProgressNoteDialog, write)
    panel.add_note_button.click()
    text = panel.notes_view.toPlainText()
    assert "02-05-2025" in text and "Marieke Jansen" in text
    assert "Evaluatie: werkt zelfstandig aan de kassa." in text
    with form.ctx.db.read_session() as session:
        (note,) = workers.list_progress_notes(session, form.ctx.actor, shop.anais_placement)
    assert (note.note_date, note.author_name) == (dt.date(2025, 5, 2), "Marieke Jansen")


def test_the_hours_tab(form: WorkerForm, shop: Shop) -> None:
    with form.ctx.db.session() as session:
        placements.add_hours(session, form.ctx.actor, shop.anais, TODAY - dt.timedelta(days=1),
                             "4,5")
    form.open_worker(shop.anais)
    assert form.tabs is not None and form.hours_view is not None
    assert form.hours_view.worker_id is None  # not read until the tab shows
    form.tabs.setCurrentIndex(form.hours_tab)
    assert form.hours_view.worker_id == shop.anais
    assert form.hours_view.hours is not None
    assert form.hours_view.model.rowCount() >= 1
    form.new_worker()
    assert not form.tabs.isTabEnabled(form.hours_tab)
