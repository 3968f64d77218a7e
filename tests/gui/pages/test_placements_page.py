"""Plaatsingen: the list with its status buttons and filters, and creating, changing, pausing
and ending a placement through the dialogs — including the no-overlap rule said plainly."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.end_placement_dialog import EndPlacementDialog
from kringloopdesk.gui.dialogs.placement_dialog import PlacementDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.placements_page import PlacementsPage
from kringloopdesk.gui.pages.workers_page import WorkersPage
from kringloopdesk.services import placements
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.placements import ENDED, RUNNING
from tests.gui.helpers import type_into
from tests.gui.workers_data import TODAY, Shop, make_people


@pytest.fixture
def shop(ctx: AppContext, begeleider: Actor) -> Shop:
    return make_people(ctx.db, begeleider)


@pytest.fixture
def window(ctx: AppContext, shop: Shop, qtbot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def page(window: MainWindow) -> PlacementsPage:
    page = window.page_of(PlacementsPage)
    assert isinstance(page, PlacementsPage)
    window.show_page(window.pages.index(page))
    return page


def shown(page: PlacementsPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def select(page: PlacementsPage, name: str) -> None:
    row = shown(page).index(name)
    page.view.selectRow(row)


def fill_date(qtbot, edit, day: dt.date) -> None:
    edit.edit.setFocus()
    edit.edit.selectAll()
    qtbot.keyClicks(edit.edit, day.strftime("%d%m%Y"))  # typed as 15032025


def test_the_list_and_its_filters(page: PlacementsPage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    # Running (paused included) by default, newest start first.
    assert page.current_filter().status == RUNNING
    assert shown(page) == ["Anaïs Çelik", "Jan de Vries"]
    assert page.count_label.text() == "2 van 4 plaatsingen"
    page.set_status_filter(None)
    assert shown(page) == ["Eva van 't Hof", "Anaïs Çelik", "Jan de Vries", "Łukasz Nowak"]
    page.set_status_filter(ENDED)
    assert shown(page) == ["Łukasz Nowak"]
    status = page.proxy.index(0, 9).data()
    assert status == "Afgerond — Betaald werk"
    page.set_status_filter("gepland")
    assert shown(page) == ["Eva van 't Hof"]
    page.set_status_filter(None)
    page.ending_button.setChecked(True)
    assert shown(page) == ["Anaïs Çelik"]  # planned end in 20 days
    page.ending_button.setChecked(False)
    page.department_combo.set_value("kassa")
    assert shown(page) == ["Łukasz Nowak"]
    page.department_combo.set_value(None)
    page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(page)[0] == "Anaïs Çelik"


def test_a_new_placement_and_the_overlap_rule(page: PlacementsPage, qtbot, answer_dialog,
                                               shop: Shop, ctx: AppContext) -> None:
    attempts: list[str] = []

    def fill_in(dialog: PlacementDialog) -> None:
        assert dialog.picker is not None
        type_into(qtbot, dialog.picker, "nowak")
        dialog.picker.set_worker(dialog.picker.search("nowak")[0])
        dialog.department_combo.set_value("elektra")
        # Łukasz's previous placement ended 30 days ago: 31 days ago overlaps.
        fill_date(qtbot, dialog.start_edit, TODAY - dt.timedelta(days=31))
        type_into(qtbot, dialog.hours_edit, "20,5")
        dialog.accept()
        assert dialog.result() == 0  # refused, still open, everything still typed
        attempts.append(dialog.error_label.text())
        assert dialog.hours_edit.text() == "20,5"
        assert dialog.form._fields["start_date"].error_label.text() == (
            "Overlapt met een andere plaatsing")
        fill_date(qtbot, dialog.start_edit, TODAY - dt.timedelta(days=29))
        dialog.accept()

    shown_dialogs = answer_dialog(PlacementDialog, fill_in)
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(shown_dialogs) == 1
    assert "overlapt met de plaatsing bij Kassa" in attempts[0]
    assert "op zijn vroegst de dag na de einddatum" in attempts[0]
    assert page.selected_row() is not None
    assert page.selected_row().worker_name == "Łukasz Nowak"
    assert page.selected_row().department == "elektra"
    with ctx.db.read_session() as session:
        rows = placements.list_placements(session, ctx.actor, shop.lukasz)
    assert [(p.department, str(p.hours_per_week)) for p in rows] == [
        ("kassa", "20.00"), ("elektra", "20.50")]


def test_pause_resume_and_end(page: PlacementsPage, qtbot, answer_dialog,
                              ctx: AppContext, shop: Shop) -> None:
    select(page, "Anaïs Çelik")
    assert page.pause_button.text() == "Pauzeren"
    page.pause_button.click()
    assert page.selected_row().status == "gepauzeerd"
    assert page.pause_button.text() == "Hervatten"
    page.pause_button.click()
    assert page.selected_row().status == "actief"

    def fill_in(dialog: EndPlacementDialog) -> None:
        assert dialog.end_edit.text() == TODAY.strftime("%d-%m-%Y")
        assert not dialog.submit_button.isEnabled()
        assert dialog.blocked_label.text() == "Uitstroom: Kies de uitstroom"
        dialog.outcome_choice.buttons["opleiding"].click()
        assert dialog.submit_button.isEnabled()
        dialog.accept()

    answer_dialog(EndPlacementDialog, fill_in)
    page.end_button.click()
    with ctx.db.read_session() as session:
        info = placements.get_placement(session, ctx.actor, shop.anais_placement)
    assert (info.end_date, info.outcome, info.status) == (TODAY, "opleiding", "afgerond")
    assert "Anaïs Çelik" not in shown(page)  # no longer running
    assert window_status(page) == "Plaatsing afgerond"


def window_status(page: PlacementsPage) -> str:
    return page.window().statusBar().currentMessage()


def test_change_a_placement(page: PlacementsPage, qtbot, answer_dialog, ctx: AppContext,
                            shop: Shop, beheerder: Actor) -> None:
    def fill_in(dialog: PlacementDialog) -> None:
        assert dialog.hours_edit.text() == "24"
        assert dialog.department_combo.value == "sorteren"
        dialog.hours_edit.selectAll()
        type_into(qtbot, dialog.hours_edit, "41")
        assert not dialog.submit_button.isEnabled()
        assert "hoogstens 40 uur" in dialog.blocked_label.text()
        dialog.hours_edit.clear()
        type_into(qtbot, dialog.hours_edit, "32")
        dialog.coach_combo.set_value(beheerder.user_id)
        dialog.accept()

    answer_dialog(PlacementDialog, fill_in)
    select(page, "Jan de Vries")
    page.edit_button.click()
    with ctx.db.read_session() as session:
        info = placements.get_placement(session, ctx.actor, shop.jan_placement)
    assert (str(info.hours_per_week), info.coach_name, info.status) == (
        "32.00", "Bea Beheer", "gepauzeerd")


def test_enter_opens_the_worker_at_the_placement(page: PlacementsPage, window: MainWindow,
                                                 qtbot, shop: Shop) -> None:
    select(page, "Jan de Vries")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    workers_page = window.current_page
    assert isinstance(workers_page, WorkersPage)
    form = workers_page.form
    assert workers_page.stack.currentWidget() is form
    assert form.detail is not None and form.detail.id == shop.jan
    assert form.tabs is not None and form.tabs.currentIndex() == 1
    assert form.panel is not None and form.panel.placement.id == shop.jan_placement
    assert form.panel.pause_button.text() == "Hervatten"
