"""Deelnemers: the lazy list (search as you type, filters, sorting in the database, chosen
columns remembered), and the worker's record filled in through its widgets and saved — with
validation next to the fields, Ctrl+S, Esc, a version conflict that names who saved, and
nothing sensitive for whom it is not meant."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from sqlalchemy import insert, select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import Doelgroep, Worker
from kringloopdesk.errors import PermissionDeniedError
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.conflict_dialog import ConflictDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.messages import UnsavedChoice
from kringloopdesk.gui.models.workers_model import WorkersModel
from kringloopdesk.gui.pages.placements_page import PlacementsPage
from kringloopdesk.gui.pages.workers_page import WorkersPage
from kringloopdesk.gui.widgets.worker_form import WorkerForm
from kringloopdesk.services import workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.workers import WorkerInput
from tests.gui.helpers import type_into
from tests.gui.workers_data import SUPPORT, Shop, make_people

D = dt.date


@pytest.fixture
def shop(ctx: AppContext, begeleider: Actor) -> Shop:
    return make_people(ctx.db, begeleider)


def open_window(ctx: AppContext, qtbot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(ctx: AppContext, shop: Shop, qtbot) -> MainWindow:
    return open_window(ctx, qtbot)


def open_page(window: MainWindow) -> WorkersPage:
    page = window.page_of(WorkersPage)
    assert isinstance(page, WorkersPage)
    window.show_page(window.pages.index(page))
    assert page.isVisible()
    return page


def shown_numbers(page: WorkersPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def wait_for_total(qtbot, page: WorkersPage, total: int) -> None:
    qtbot.waitUntil(lambda: not page.search_timer.isActive() and page.model.total == total)


def replace_text(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def leave(qtbot, widget) -> None:
    """Tab out of a field, as the user does (its error shows from then on)."""
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


# --- the list ------------------------------------------------------------------------------


def test_the_list_models_and_the_count(window: MainWindow, qtmodeltester) -> None:
    page = open_page(window)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert page.count_label.text() == "5 deelnemers"
    # Dutch name order: Bakker, Çelik, van 't Hof (H), Nowak, de Vries (V).
    assert shown_numbers(page) == ["D-0005", "D-0001", "D-0004", "D-0003", "D-0002"]
    row = [page.proxy.index(1, c).data() for c in range(page.proxy.columnCount())]
    assert row[:7] == ["D-0001", "Anaïs Çelik", "Re-integratie / werkervaringsplek (gemeente)",
                       "Actief", "Winkel", "", "Gemeente Amersfoort"]


def test_search_as_you_type_and_ctrl_f(window: MainWindow, qtbot) -> None:
    page = open_page(window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    qtbot.keyClicks(page.search_edit, "lukasz")  # finds Łukasz
    wait_for_total(qtbot, page, 1)
    assert shown_numbers(page) == ["D-0003"]
    assert page.count_label.text() == "1 van 5 deelnemers"
    qtbot.keyClicks(page.search_edit, "x")
    wait_for_total(qtbot, page, 0)
    assert page.view.empty_text.startswith("Geen deelnemers gevonden")
    page.search_edit.clear()
    wait_for_total(qtbot, page, 5)
    type_into(qtbot, page.search_edit, "d-000")
    wait_for_total(qtbot, page, 5)


def test_filters(window: MainWindow, qtbot) -> None:
    page = open_page(window)
    page.department_combo.set_value("winkel")
    assert shown_numbers(page) == ["D-0001"]
    assert page.count_label.text() == "1 van 5 deelnemers"
    page.department_combo.set_value("-")  # Zonder plaatsing
    assert shown_numbers(page) == ["D-0005", "D-0003"]
    page.clear_filter()
    page.status_combo.set_value("uitgestroomd")
    assert shown_numbers(page) == ["D-0005"]
    page.clear_filter()
    page.referrer_combo.set_value("Amfors")
    assert shown_numbers(page) == ["D-0002"]
    page.clear_filter()
    page.doelgroep_combo.set_value("stagiair")
    assert shown_numbers(page) == ["D-0004"]
    page.clear_filter()
    assert page.count_label.text() == "5 deelnemers"
    assert not page.clear_button.isEnabled()


def test_sorting_is_done_by_the_database(window: MainWindow) -> None:
    page = open_page(window)
    page.view.sortByColumn(page.model.column_of("number"), Qt.SortOrder.DescendingOrder)
    assert shown_numbers(page) == ["D-0005", "D-0004", "D-0003", "D-0002", "D-0001"]
    assert page.model.query.sort.column == "number" and page.model.query.sort.descending
    page.view.sortByColumn(page.model.column_of("department"), Qt.SortOrder.AscendingOrder)
    # Fietsen, Sorteren, Winkel, then those without a placement.
    assert shown_numbers(page)[:3] == ["D-0004", "D-0002", "D-0001"]


def test_chosen_columns_and_widths_are_remembered(ctx: AppContext, shop: Shop, qtbot) -> None:
    window = open_window(ctx, qtbot)
    page = open_page(window)
    referrer = page.model.column_of("referrer")
    end = page.model.column_of("end_date")
    assert page.view.isColumnHidden(end)  # hidden at first
    menu = page.view.column_menu()
    actions = {action.text(): action for action in menu.actions()}
    assert not actions["Naam"].isEnabled()  # the name always shows
    actions["Verwijzer"].setChecked(False)
    actions["Einddatum"].setChecked(True)
    page.view.setColumnWidth(page.model.column_of("name"), 260)
    window.close()

    again = open_page(open_window(ctx, qtbot))
    assert again.view.isColumnHidden(referrer)
    assert not again.view.isColumnHidden(end)
    assert again.view.columnWidth(again.model.column_of("name")) == 260


def test_empty_state(ctx: AppContext, qtbot) -> None:
    page = open_page(open_window(ctx, qtbot))
    assert page.proxy.rowCount() == 0
    assert page.view.empty_text == (
        "Nog geen deelnemers — klik op Nieuwe deelnemer of importeer een bestand")
    assert page.count_label.text() == "0 deelnemers"


def test_three_thousand_workers_open_one_window_at_a_time(
    ctx: AppContext, qtbot, qtmodeltester
) -> None:
    with ctx.db.session() as session:
        doelgroep = session.scalar(select(Doelgroep.id))
        session.execute(insert(Worker), [
            {"number": f"L-{i:05d}", "first_name": "Sam", "last_name": f"Jansen {i:05d}",
             "doelgroep_id": doelgroep, "start_date": D(2020, 1, 1), "status": "actief",
             "version": 1}
            for i in range(3_000)
        ])
    page = open_page(open_window(ctx, qtbot))
    assert page.model.total == 3_000
    assert page.model.rowCount() == 200  # one window, not 3,000 rows
    assert page.count_label.text() == "3.000 deelnemers"
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200)
    qtmodeltester.check(page.model)


# --- the record ----------------------------------------------------------------------------


def test_enter_opens_the_record_and_esc_goes_back(window: MainWindow, qtbot) -> None:
    page = open_page(window)
    page.view.setFocus()
    page.view.selectRow(1)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    form = page.form
    assert page.stack.currentWidget() is form
    assert form.title_label.text() == "Anaïs Çelik"
    assert "D-0001 · Actief · Winkel sinds" in form.subtitle_label.text()
    assert form.support_edit is not None and form.support_edit.toPlainText() == SUPPORT
    assert not form.is_dirty() and not form.save_button.isEnabled()
    assert form.blocked_label.text() == "Alles is opgeslagen"
    qtbot.keyClick(form.first_name_edit, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_widget
    assert page.selected_worker() is not None and page.selected_worker().number == "D-0001"


def test_a_new_worker_through_the_widgets(window: MainWindow, qtbot, messages,
                                          ctx: AppContext) -> None:
    page = open_page(window)
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert page.stack.currentWidget() is form
    assert form.title_label.text() == "Nieuwe deelnemer"
    assert form.number_edit.text() == "D-0006"  # suggested
    assert not form.save_button.isEnabled()
    assert form.blocked_label.text() == "Opslaan kan nog niet — Voornaam: Verplicht"

    assert form.first_name_edit.hasFocus()
    qtbot.keyClicks(form.first_name_edit, "Noor")
    leave(qtbot, form.first_name_edit)
    qtbot.keyClicks(form.last_name_edit, "van den Berg")
    leave(qtbot, form.last_name_edit)
    assert form.birth_edit is not None and form.birth_edit.edit.hasFocus()  # reading order
    qtbot.keyClicks(form.birth_edit.edit, "3051998")
    leave(qtbot, form.birth_edit.edit)
    assert form.birth_edit.error() is not None  # 3051998 is not a date
    error = form.person_form._fields["birth_date"].error_label
    assert error.isVisible() and "15-3-2025" in error.text()
    replace_text(qtbot, form.birth_edit.edit, "03051998")
    leave(qtbot, form.birth_edit.edit)
    assert form.birth_edit.text() == "03-05-1998" and not error.isVisible()

    type_into(qtbot, form.email_edit, "noor@voorbeeld")
    leave(qtbot, form.email_edit)
    email_error = form.contact_form._fields["email"].error_label
    assert email_error.isVisible() and "e-mailadres" in email_error.text()
    qtbot.keyClicks(form.email_edit, ".nl")
    assert not email_error.isVisible()
    type_into(qtbot, form.phone_edit, "06-1234 5678")
    type_into(qtbot, form.street_edit, "Langestraat 1")
    type_into(qtbot, form.postcode_edit, "3811")
    leave(qtbot, form.postcode_edit)
    postcode_error = form.contact_form._fields["postcode"].error_label
    assert postcode_error.text() == "Postcode: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB"
    assert form.blocked_label.text().startswith("Opslaan kan nog niet — Postcode")
    qtbot.keyClicks(form.postcode_edit, "ab")
    type_into(qtbot, form.city_edit, "Amersfoort")

    form.doelgroep_combo.set_value("leerwerk")
    replace_text(qtbot, form.start_edit.edit, "15-3-2025")
    leave(qtbot, form.start_edit.edit)
    assert form.start_edit.text() == "15-03-2025"
    type_into(qtbot, form.referrer_edit, "ROC Midden Nederland")
    type_into(qtbot, form.referrer_contact_edit, "Lies Smit")
    assert form.support_edit is not None and form.adjustments_edit is not None
    type_into(qtbot, form.support_edit, "Leert het snelst door voordoen.")
    type_into(qtbot, form.adjustments_edit, "Pauze om 10 uur.")
    assert form.save_button.isEnabled()
    assert form.blocked_label.text() == "Niet opgeslagen wijzigingen"

    qtbot.keyClick(form.city_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert messages.user_errors == []
    assert form.detail is not None and form.title_label.text() == "Noor van den Berg"
    assert not form.is_dirty()
    assert window.statusBar().currentMessage() == "Deelnemer Noor van den Berg opgeslagen"
    with ctx.db.read_session() as session:
        detail = workers.get_worker(session, ctx.actor, form.detail.id)
    assert detail.number == "D-0006"
    assert detail.personal is not None and detail.sensitive is not None
    assert (detail.personal.birth_date, detail.personal.start_date) == (
        D(1998, 5, 3), D(2025, 3, 15))
    assert (detail.personal.postcode, detail.personal.phone, detail.personal.email) == (
        "3811 AB", "06-1234 5678", "noor@voorbeeld.nl")
    assert detail.personal.doelgroep == "leerwerk"
    assert detail.sensitive.support_need == "Leert het snelst door voordoen."
    assert detail.sensitive.work_adjustments == "Pauze om 10 uur."
    # Back in the list, the new worker is there and chosen.
    form.close_form()
    assert page.count_label.text() == "6 deelnemers"
    assert page.selected_worker().number == "D-0006"


def test_a_taken_number_is_said_when_the_field_is_left(window: MainWindow, qtbot) -> None:
    page = open_page(window)
    page.new_worker()
    form = page.form
    replace_text(qtbot, form.number_edit, "d-0002")
    leave(qtbot, form.number_edit)
    error = form.person_form._fields["number"].error_label
    assert error.isVisible() and error.text() == "Het nummer d-0002 is al in gebruik"
    assert not form.save_button.isEnabled()


def test_a_failed_save_keeps_what_was_typed_and_names_who_saved_in_between(
    window: MainWindow, qtbot, ctx: AppContext, begeleider: Actor, shop: Shop, answer_dialog
) -> None:
    page = open_page(window)
    page.open_worker(shop.jan)
    form = page.form
    # Meanwhile Marieke saves Jan on another PC.
    with ctx.db.session() as session:
        detail = workers.get_worker(session, begeleider, shop.jan)
        workers.update_worker(session, begeleider, shop.jan,
                              replace(detail.as_input(), city="Leusden"), detail.version)
    type_into(qtbot, form.city_edit, "Amersfoort")
    type_into(qtbot, form.first_name_edit, "tje")
    conflicts = answer_dialog(ConflictDialog, lambda d: d.cancel_button.click())
    assert form.save() is False
    assert isinstance(conflicts[-1], ConflictDialog)  # Intussen gewijzigd: Annuleren
    assert form.error_label.isVisible()
    assert "gewijzigd door marieke" in form.error_label.text()
    assert form.city_edit.text() == "Amersfoort" and form.first_name_edit.text() == "Jantje"
    assert form.is_dirty()


def test_a_field_error_from_the_service_goes_next_to_the_field(
    window: MainWindow, qtbot, ctx: AppContext, shop: Shop
) -> None:
    page = open_page(window)
    page.open_worker(shop.jan)
    form = page.form
    with ctx.db.session() as session:  # the number is taken meanwhile, unseen by the form
        session.get(Worker, shop.piet).number = "D-9999"
    form._number_checked = "D-9999"
    replace_text(qtbot, form.number_edit, "D-9999")
    assert form.save() is False
    assert form.person_form._fields["number"].error_label.text() == (
        "Het nummer D-9999 is al in gebruik")
    assert form.number_edit.text() == "D-9999"


def test_leaving_with_changes_asks(window: MainWindow, qtbot, messages, shop: Shop,
                                   ctx: AppContext) -> None:
    page = open_page(window)
    page.open_worker(shop.eva)
    form = page.form
    type_into(qtbot, form.city_edit, "Leusden")
    messages.unsaved_answer = UnsavedChoice.CANCEL
    qtbot.keyClick(form.city_edit, Qt.Key.Key_Escape)
    assert messages.unsaved_questions == ["de gegevens van Eva van 't Hof"]
    assert page.stack.currentWidget() is form and form.city_edit.text() == "Leusden"
    # Another page: the same question.
    window.show_page(window.pages.index(window.page_of(PlacementsPage)))
    assert window.current_page is page and len(messages.unsaved_questions) == 2
    messages.unsaved_answer = UnsavedChoice.SAVE
    form.close_form()
    assert page.stack.currentWidget() is page.list_widget
    with ctx.db.read_session() as session:
        assert workers.get_worker(session, ctx.actor, shop.eva).personal.city == "Leusden"
    page.open_worker(shop.eva)
    type_into(qtbot, form.city_edit, "x")
    messages.unsaved_answer = UnsavedChoice.DISCARD
    form.close_form()
    assert page.stack.currentWidget() is page.list_widget
    with ctx.db.read_session() as session:
        assert workers.get_worker(session, ctx.actor, shop.eva).personal.city == "Leusden"


# --- who sees what ---------------------------------------------------------------------------


def test_an_invoer_has_no_deelnemers_page_and_no_sensitive_widgets(
    shop_db: Database, shop: Shop, invoer: Actor, qtbot
) -> None:
    ctx = AppContext(shop_db, actor=invoer)
    window = open_window(ctx, qtbot)
    assert window.page_of(WorkersPage) is None
    assert window.page_of(PlacementsPage) is None
    # Even a record made for an invoer holds number and name only, read-only.
    form = WorkerForm(ctx)
    qtbot.addWidget(form)
    assert form.open_worker(shop.anais)
    assert (form.number_edit.text(), form.first_name_edit.text()) == ("D-0001", "Anaïs")
    assert form.number_edit.isReadOnly() and not form.save_button.isVisible()
    assert form.support_edit is None and form.adjustments_edit is None
    assert form.birth_edit is None and form.panel is None and form.timeline is None
    assert form.findChildren(QPlainTextEdit) == []
    assert not hasattr(form, "email_edit") and not hasattr(form, "sensitive_form")
    assert form.save() is False
    # And the services refuse whatever a form would send.
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        workers.update_worker(session, invoer, shop.anais,
                              WorkerInput("D-0001", "Anaïs", "Çelik", "participatiewet",
                                          D(2024, 1, 8), support_need="x"), 1)
    with pytest.raises(PermissionDeniedError), shop_db.session() as session:
        workers.list_progress_notes(session, invoer, shop.anais_placement)
    with shop_db.read_session() as session:
        seen = workers.get_worker(session, invoer, shop.anais)
    assert seen.personal is None and seen.sensitive is None


def test_without_the_key_the_sensitive_widgets_are_absent(
    shop_db: Database, shop: Shop, begeleider: Actor, qtbot
) -> None:
    ctx = AppContext(shop_db, actor=replace(begeleider, data_key=None))
    form = WorkerForm(ctx)
    qtbot.addWidget(form)
    form.show()
    assert form.open_worker(shop.anais, shop.anais_placement)
    assert form.support_edit is None and form.adjustments_edit is None
    assert form.findChildren(QPlainTextEdit) == []
    assert "Er is een ondersteuningsvraag" in form.closed_label.text()
    assert form.panel is not None and form.panel.notes_view is None
    # Other fields can still be changed and saved; the stored texts stay as they were.
    type_into(qtbot, form.city_edit, "Leusden")
    assert form.save() is True
    with shop_db.read_session() as session:
        detail = workers.get_worker(session, begeleider, shop.anais)
    assert detail.sensitive is not None and detail.sensitive.support_need == SUPPORT
    assert detail.personal.city == "Leusden"


def test_the_worker_models_pass_the_model_tester_for_names_only(
    ctx: AppContext, shop: Shop, qtmodeltester, qtbot
) -> None:
    model = WorkersModel(
        lambda q, offset, limit: _list(ctx, q, offset, limit),
        lambda q: 5,
        ("number", "name"),
    )
    model.set_query(model.query)
    assert model.columnCount() == 2 and model.rowCount() == 5
    qtmodeltester.check(model)


def _list(ctx: AppContext, q, offset: int, limit: int):
    with ctx.db.read_session() as session:
        return workers.list_workers(session, ctx.actor, q.filter, q.sort, offset=offset,
                                    limit=limit)


def test_an_open_record_follows_changes_made_elsewhere(window: MainWindow, qtbot, shop: Shop,
                                                       ctx: AppContext) -> None:
    page = open_page(window)
    page.open_worker(shop.jan, shop.jan_placement)
    form = page.form
    assert form.panel is not None and form.panel.pause_button.text() == "Hervatten"
    placements_page = window.page_of(PlacementsPage)
    window.show_page(window.pages.index(placements_page))
    placements_page.set_status_filter(None)
    row = next(r for r in range(placements_page.proxy.rowCount())
               if placements_page.proxy.index(r, 0).data() == "Jan de Vries")
    placements_page.view.selectRow(row)
    placements_page.pause_button.click()  # resumes Jan's placement
    window.show_page(window.pages.index(page))
    assert page.stack.currentWidget() is form
    assert form.tabs.currentIndex() == 1  # same tab, same placement, fresh data
    assert form.panel.placement.id == shop.jan_placement
    assert form.panel.pause_button.text() == "Pauzeren"
    # F5 reads it again, but never throws away what was typed.
    type_into(qtbot, form.city_edit, "Leusden")
    window.refresh_current()
    assert form.city_edit.text() == "Leusden"
