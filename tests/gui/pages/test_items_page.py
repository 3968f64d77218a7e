"""Artikelen: the lazy list and its models, the scan field, the sale rule as the user meets it
(the refusal explained, a safety test offered and recorded), the live verdict of the test
form, and labels saved as PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import select

from kringloopdesk.db.models import AuditEntry
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.conflict_dialog import ConflictDialog
from kringloopdesk.gui.dialogs.item_dialog import ItemDialog, ItemStatusDialog
from kringloopdesk.gui.dialogs.ords_export_dialog import OrdsExportDialog, default_year
from kringloopdesk.gui.dialogs.repair_dialog import RepairDialog
from kringloopdesk.gui.dialogs.safety_test_dialog import SafetyTestDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.models.items_model import ItemsModel
from kringloopdesk.gui.pages.items_page import ItemsPage
from kringloopdesk.services.items import ItemFilter, ItemInput, create_item, get_item, list_items
from kringloopdesk.services.repairs import (
    RepairInput,
    list_repairs,
    record_repair,
    update_repair,
)
from kringloopdesk.services.safety import SafetyInput, record_test
from tests.gui.helpers import pdf_text, type_into

TODAY = dt.date.today()


@pytest.fixture
def items(ctx: AppContext) -> dict[str, int]:
    made = {}
    with ctx.db.session() as session:
        for description, group in (("Waterkoker", "klein_elektrisch"),
                                   ("Eikenhouten eettafel", "meubels"),
                                   ("Laptop", "ict_elektronica")):
            item = create_item(session, ctx.actor, ItemInput(
                product_group=group, description=description, intake_date=TODAY,
                price_cents=1250))
            made[description] = item.id
    return made


@pytest.fixture
def page(ctx: AppContext, items, qtbot) -> ItemsPage:
    widget = ItemsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(page: ItemsPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def select_rows(page: ItemsPage, *rows: int) -> None:
    selection = page.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(page.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_the_models_pass_the_model_tester(page: ItemsPage, ctx: AppContext, qtmodeltester
                                          ) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert shown(page) == ["A-000001", "A-000002", "A-000003"]
    assert page.count_label.text() == "3 artikelen"
    assert page.proxy.index(0, 7).data() == "Niet getest"
    assert page.proxy.index(1, 7).data() == "—"
    # A model of its own, filtered on untested electrical items.

    def load(q, offset, limit):
        with ctx.db.read_session() as session:
            return list_items(session, ctx.actor, q.filter, q.sort, offset=offset, limit=limit)

    def count(q):
        return len(load(q, 0, 1000))

    model = ItemsModel(load, count)
    qtmodeltester.check(model)
    model.set_filter(ItemFilter(untested=True))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "A-000001", "A-000003"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "Waterkoker", "Laptop"]


def test_search_and_filters(page: ItemsPage, qtbot) -> None:
    type_into(qtbot, page.search_edit, "eettafel")
    qtbot.waitUntil(lambda: shown(page) == ["A-000002"])
    assert page.count_label.text() == "1 van 3 artikelen"
    page.clear_filter()
    page.untested_check.setChecked(True)
    assert shown(page) == ["A-000001", "A-000003"]
    page.group_combo.set_value("ict_elektronica")
    assert shown(page) == ["A-000003"]


def test_a_scan_opens_the_item(page: ItemsPage, qtbot, answer_dialog) -> None:
    opened = answer_dialog(ItemDialog, lambda dialog: None)
    assert page.scan_edit.hasFocus()
    # What a scanner sends: the characters, then Enter.
    type_into(qtbot, page.scan_edit, "A-000002")
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    assert [d.item.item_number for d in opened] == ["A-000002"]
    assert page.scan_edit.text() == ""  # ready for the next scan
    assert page.selected_ids() == [opened[0].item.id]
    # Lower case and without the dash also finds it; an unknown number says so.
    type_into(qtbot, page.scan_edit, "a3")
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    assert opened[-1].item.item_number == "A-000003"
    type_into(qtbot, page.scan_edit, "A-999999")
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    assert len(opened) == 2
    assert page.scan_message.isVisible()
    assert page.scan_message.text() == "Geen artikel met nummer A-999999"


def fill_passed_class_two(qtbot, dialog: SafetyTestDialog) -> None:
    dialog.class_combo.set_value("II")
    type_into(qtbot, dialog.fields["insulation_mohm"].edit, "25,5")
    type_into(qtbot, dialog.fields["touch_current_ma"].edit, "0,12")
    dialog.visual_check.setChecked(True)
    dialog.functional_check.setChecked(True)


def test_a_refused_sale_is_explained_and_a_test_is_offered(
        page: ItemsPage, ctx: AppContext, items, qtbot, answer_dialog, messages) -> None:
    refusals: list[str] = []

    def try_to_sell(dialog: ItemStatusDialog) -> None:
        dialog.status_combo.set_value("te_koop")
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        if dialog.result() != 1:
            refusals.append(dialog.error_label.text())
            assert not dialog.error_label.isHidden()
            assert not dialog.test_button.isHidden()
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    shown_dialogs = answer_dialog(ItemStatusDialog, try_to_sell)
    verdicts: list[str] = []

    def test_it(dialog: SafetyTestDialog) -> None:
        fill_passed_class_two(qtbot, dialog)
        verdicts.append(dialog.verdict_text)
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    answer_dialog(SafetyTestDialog, test_it)

    def status_dialogs() -> list:
        return [d for d in shown_dialogs if isinstance(d, ItemStatusDialog)]

    select_rows(page, 0)
    page.status_button.click()
    tests = [d for d in shown_dialogs if isinstance(d, SafetyTestDialog)]
    assert len(status_dialogs()) == 1 and status_dialogs()[0].wants_safety_test
    assert refusals == [
        "Dit elektrische apparaat heeft nog geen goedgekeurde veiligheidstest, dus het kan "
        "niet te koop staan of verkocht worden. Leg eerst een veiligheidstest vast voor "
        "artikel A-000001; als die is goedgekeurd, kunt u de status wijzigen."]
    # The test form opened for that item, judged the values and stored the test.
    assert [d.item.item_number for d in tests] == ["A-000001"]
    assert verdicts == ["Goedgekeurd — alle waarden binnen de grenzen"]
    assert tests[0].recorded is not None and tests[0].recorded.test.passed
    assert messages.user_errors == []
    qtbot.waitUntil(lambda: page.proxy.index(0, 7).data().startswith("Goedgekeurd"))
    # Now the sale goes through.
    select_rows(page, 0)
    page.status_button.click()
    assert len(refusals) == 1 and status_dialogs()[-1].saved is not None
    with ctx.db.read_session() as session:
        assert get_item(session, ctx.actor, items["Waterkoker"]).status == "te_koop"


def test_the_test_form_judges_as_values_are_typed(ctx: AppContext, items, qtbot) -> None:
    with ctx.db.read_session() as session:
        item = get_item(session, ctx.actor, items["Waterkoker"])
    dialog = SafetyTestDialog(ctx, item)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.verdict_text == "Kies eerst de beschermingsklasse."
    dialog.class_combo.set_value("I")
    assert dialog.fields["pe_resistance_ohm"].limit.text() == "hoogstens 0,3 Ω"
    assert dialog.fields["insulation_mohm"].limit.text() == "minstens 1 MΩ"
    assert dialog.fields["touch_current_ma"].limit.text() == (
        "hoogstens 0,5 mA · niet nodig bij klasse I")
    type_into(qtbot, dialog.fields["pe_resistance_ohm"].edit, "0,25")
    type_into(qtbot, dialog.fields["insulation_mohm"].edit, "150")
    assert dialog.verdict_text == "Nog niet compleet: vul de metingen voor klasse I in."
    assert not dialog.submit_button.isEnabled()
    type_into(qtbot, dialog.fields["leakage_current_ma"].edit, "1,2")
    dialog.visual_check.setChecked(True)
    dialog.functional_check.setChecked(True)
    assert dialog.verdict_text == "Goedgekeurd — alle waarden binnen de grenzen"
    type_into(qtbot, dialog.fields["pe_resistance_ohm"].edit, "1")  # 0,251
    assert dialog.verdict_text == "Goedgekeurd — alle waarden binnen de grenzen"
    dialog.fields["pe_resistance_ohm"].setText("0,45")
    assert dialog.verdict_text == "Afgekeurd — Te hoog: 0,45 Ω, hoogstens 0,3 Ω"
    dialog.functional_check.setChecked(False)
    assert dialog.verdict_text == ("Afgekeurd — Te hoog: 0,45 Ω, hoogstens 0,3 Ω; "
                                   "Functionele test niet in orde")
    # Class II asks 2 MΩ: the limit beside the field follows the class.
    dialog.class_combo.set_value("II")
    assert dialog.fields["insulation_mohm"].limit.text() == "minstens 2 MΩ"
    dialog.fields["insulation_mohm"].setText("1,5")
    dialog.fields["touch_current_ma"].setText("0,1")
    assert "Te laag: 1,5 MΩ, minstens 2 MΩ" in dialog.verdict_text
    dialog.fields["touch_current_ma"].setText("0,1x")
    assert dialog.verdict_text == "Nog geen oordeel: een waarde is geen getal."
    assert not dialog.submit_button.isEnabled()
    # A failed test is stored as failed.
    dialog.fields["touch_current_ma"].setText("0,1")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.recorded is not None and not dialog.recorded.test.passed


def test_a_repair_needs_a_barrier_only_for_end_of_life(page: ItemsPage, ctx: AppContext, items,
                                                      qtbot, answer_dialog) -> None:
    def repair(dialog: RepairDialog) -> None:
        assert not dialog.barrier_combo.isEnabled()
        type_into(qtbot, dialog.problem_edit, "Start niet op")
        dialog.outcome_combo.set_value("End of life")
        assert dialog.barrier_combo.isEnabled()
        assert not dialog.submit_button.isEnabled()
        dialog.barrier_combo.set_value("No way to open the product")
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    shown_dialogs = answer_dialog(RepairDialog, repair)
    select_rows(page, 2)
    page.repair_button.click()
    assert shown_dialogs[0].saved is not None
    with ctx.db.read_session() as session:
        [stored] = list_repairs(session, ctx.actor, items["Laptop"])
    assert (stored.outcome, stored.barrier, stored.problem) == (
        "End of life", "No way to open the product", "Start niet op")


def test_labels_are_saved_as_pdf(page: ItemsPage, messages, tmp_path: Path) -> None:
    select_rows(page, 0, 2)
    assert not page.status_button.isEnabled() and page.sheet_button.isEnabled()
    messages.save_paths = [tmp_path / "etiketten.pdf", tmp_path / "vel"]
    page.label_button.click()
    page.sheet_button.click()
    assert messages.save_questions == ["etiketten-2.pdf", "etiketten-a4-2.pdf"]
    text = pdf_text(tmp_path / "etiketten.pdf")
    assert "A-000001" in text and "Laptop" in text and "€ 12,50" in text
    assert "A-000003" in pdf_text(tmp_path / "vel.pdf")  # .pdf added to the name
    assert messages.user_errors == []


# -- an item's history ------------------------------------------------------------------------


def _record_history(ctx: AppContext, item_id: int):
    """Two repairs and two tests (one failed, one passed), by the beheerder."""
    with ctx.db.session() as session:
        old = record_repair(session, ctx.actor, item_id, RepairInput(
            TODAY - dt.timedelta(days=20), "End of life", barrier="Spare parts not available",
            problem="Element kapot", notes="Klant belt terug"))
        new = record_repair(session, ctx.actor, item_id, RepairInput(
            TODAY - dt.timedelta(days=3), "Fixed", problem="Schakelaar vervangen"))
        record_test(session, ctx.actor, item_id, SafetyInput(
            TODAY - dt.timedelta(days=10), "I", visual_ok=True, functional_ok=False,
            pe_resistance_ohm=Decimal("0.45"), insulation_mohm=Decimal("150"),
            leakage_current_ma=Decimal("0.8"), instrument="Benning ST 755+"))
        record_test(session, ctx.actor, item_id, SafetyInput(
            TODAY - dt.timedelta(days=2), "I", visual_ok=True, functional_ok=True,
            pe_resistance_ohm=Decimal("0.12"), insulation_mohm=Decimal("25.5"),
            leakage_current_ma=Decimal("0.4")))
    return old, new


def _texts(model, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_an_opened_item_shows_its_repairs_and_tests(page: ItemsPage, ctx: AppContext, items,
                                                     qtbot, answer_dialog, qtmodeltester
                                                     ) -> None:
    _record_history(ctx, items["Waterkoker"])
    seen: list[ItemDialog] = []

    def look(dialog: ItemDialog) -> None:
        seen.append(dialog)
        qtmodeltester.check(dialog.repairs_model)
        qtmodeltester.check(dialog.tests_model)
        dialog.reject()

    answer_dialog(ItemDialog, look)
    select_rows(page, 0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens the item
    [dialog] = seen
    assert [dialog.tabs.tabText(i) for i in range(3)] == [
        "Gegevens", "Reparaties (2)", "Veiligheidstests (2)"]
    name = "Bea Beheer"
    day = dt.date.strftime
    # Newest first; who, what, the barrier with End of life.
    assert _texts(dialog.repairs_model, 0) == [
        day(TODAY - dt.timedelta(days=3), "%d-%m-%Y"), "Gerepareerd", "Schakelaar vervangen",
        name]
    assert _texts(dialog.repairs_model, 1) == [
        day(TODAY - dt.timedelta(days=20), "%d-%m-%Y"),
        "Einde levensduur — Onderdelen niet leverbaar", "Element kapot", name]
    assert "Notities: Klant belt terug" in dialog.repairs_model.index(1, 2).data(
        Qt.ItemDataRole.ToolTipRole)
    # Tests: the verdict, the measured values and the instrument.
    assert _texts(dialog.tests_model, 0) == [
        day(TODAY - dt.timedelta(days=2), "%d-%m-%Y"), "Goedgekeurd", "I",
        "PE 0,12 Ω · Iso 25,5 MΩ · Lek 0,4 mA", name, ""]
    assert _texts(dialog.tests_model, 1) == [
        day(TODAY - dt.timedelta(days=10), "%d-%m-%Y"), "Afgekeurd", "I",
        "PE 0,45 Ω · Iso 150 MΩ · Lek 0,8 mA · functionele test niet in orde", name,
        "Benning ST 755+"]
    # A test is evidence: nothing in the tab changes one, and the form says so.
    assert "wordt niet gewijzigd of verwijderd" in dialog.tests_note.text()
    assert "niet gewijzigd" in dialog.tests_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert not dialog.tests_model.flags(dialog.tests_model.index(0, 0)) & (
        Qt.ItemFlag.ItemIsEditable)
    # An item without history says what to do instead of showing a blank table.
    select_rows(page, 1)
    page.open_button.click()
    assert seen[1].tabs.tabText(1) == "Reparaties (0)"
    assert seen[1].repairs_model.rowCount() == 0
    assert seen[1].repairs_view.empty_text.startswith("Nog geen reparaties")
    assert seen[1].tests_view.empty_text.startswith("Nog geen veiligheidstests")


def test_a_repair_is_changed_and_deleted_from_the_history(
        page: ItemsPage, ctx: AppContext, items, qtbot, answer_dialog, messages) -> None:
    old, new = _record_history(ctx, items["Laptop"])
    repair_forms: list[RepairDialog] = []
    steps: list = []

    def in_repair(dialog: RepairDialog) -> None:
        repair_forms.append(dialog)
        steps.pop(0)(dialog)

    answer_dialog(RepairDialog, in_repair)

    def change_outcome(dialog: RepairDialog) -> None:
        assert dialog.windowTitle() == "Reparatie wijzigen"
        assert dialog.problem_edit.text() == "Element kapot"
        assert dialog.barrier_combo.value == "Spare parts not available"
        dialog.outcome_combo.set_value("Repairable")
        assert not dialog.barrier_combo.isEnabled()
        dialog.problem_edit.setText("Element besteld")
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    def someone_else_was_first(dialog: RepairDialog) -> None:
        with ctx.db.session() as session:  # another PC saves the same repair meanwhile
            update_repair(session, ctx.actor, dialog.repair.id, RepairInput(
                dialog.repair.repair_date, "Fixed", problem="Door een ander"),
                dialog.repair.version)
        dialog.problem_edit.setText("Mijn tekst")
        conflicts = answer_dialog(ConflictDialog, lambda d: d.cancel_button.click())
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        assert isinstance(conflicts[-1], ConflictDialog)  # Intussen gewijzigd: Annuleren
        assert dialog.result() != 1 and dialog.saved is None
        assert dialog.error_label.text().startswith(
            "Deze reparatie is intussen gewijzigd door beheer (")
        assert dialog.problem_edit.text() == "Mijn tekst"  # nothing typed is lost

    def in_item(dialog: ItemDialog) -> None:
        view = dialog.repairs_view
        assert [dialog.repairs_model.repair_at(r).id for r in range(2)] == [new.id, old.id]
        # Enter on the older repair opens it for a change.
        view.setFocus()
        view.selectRow(1)
        steps.append(change_outcome)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        assert repair_forms[-1].saved is not None
        assert dialog.repairs_model.index(1, 1).data() == "Repareerbaar"
        assert dialog.repairs_model.index(1, 2).data() == "Element besteld"
        # A change by someone else in between is refused, and the list shows theirs.
        view.selectRow(1)
        steps.append(someone_else_was_first)
        dialog.edit_repair_button.click()
        assert dialog.repairs_model.index(1, 2).data() == "Door een ander"
        # Delete asks first: "Annuleren" keeps it, "Verwijderen" deletes it.
        view.selectRow(0)
        messages.confirm_answer = False
        qtbot.keyClick(view, Qt.Key.Key_Delete)
        assert dialog.repairs_model.rowCount() == 2
        messages.confirm_answer = True
        dialog.delete_repair_button.click()
        assert [dialog.repairs_model.repair_at(r).id for r in range(1)] == [old.id]
        assert dialog.tabs.tabText(1) == "Reparaties (1)"
        dialog.reject()

    answer_dialog(ItemDialog, in_item)
    select_rows(page, 2)
    page.open_button.click()
    assert steps == [] and len(repair_forms) == 2
    assert messages.confirmations == [
        f"De reparatie van {(TODAY - dt.timedelta(days=3)).strftime('%d-%m-%Y')} "
        "verwijderen?"] * 2
    assert messages.user_errors == []
    with ctx.db.read_session() as session:
        [left] = list_repairs(session, ctx.actor, items["Laptop"])
        assert (left.id, left.outcome, left.problem) == (old.id, "Fixed", "Door een ander")
        trail = session.execute(select(AuditEntry.action, AuditEntry.entity_id).where(
            AuditEntry.entity == "repairs").order_by(AuditEntry.id)).all()
    assert trail[-3:] == [("update", old.id), ("update", old.id), ("delete", new.id)]


# -- the ORDS export --------------------------------------------------------------------------


def open_items_window(qtbot, ctx: AppContext) -> tuple[MainWindow, ItemsPage]:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    page = window.page_of(ItemsPage)
    assert isinstance(page, ItemsPage)
    window.show_page(window.pages.index(page))
    return window, page


def test_the_ords_year_defaults_to_last_year_in_the_first_quarter() -> None:
    assert default_year(dt.date(2025, 1, 2)) == 2024
    assert default_year(dt.date(2025, 3, 31)) == 2024
    assert default_year(dt.date(2025, 4, 1)) == 2025
    assert default_year(dt.date(2025, 12, 31)) == 2025


def test_ords_export_from_the_items_page(ctx: AppContext, items, qtbot, answer_dialog,
                                         messages, tmp_path: Path) -> None:
    tmp_path = tmp_path / "export"
    tmp_path.mkdir()
    year = default_year()
    day = dt.date(year, 2, 1) if year < TODAY.year else TODAY
    with ctx.db.session() as session:
        for name in ("Waterkoker", "Eikenhouten eettafel"):
            record_repair(session, ctx.actor, items[name], RepairInput(
                day, "Fixed", problem="Los onderdeel"))
        record_repair(session, ctx.actor, items["Laptop"], RepairInput(
            dt.date(year - 1, 6, 1), "Fixed"))  # another year
    window, page = open_items_window(qtbot, ctx)
    assert page.ords_button.isVisible()
    years: list[int] = []

    def choose(dialog: OrdsExportDialog) -> None:
        years.append(dialog.year)
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    answer_dialog(OrdsExportDialog, choose)
    # Cancelling the file writes nothing.
    page.ords_button.click()
    assert messages.save_questions == [f"ords-{year}.csv"]
    assert list(tmp_path.iterdir()) == []
    messages.save_paths = [tmp_path / "reparaties"]
    page.ords_button.click()
    target = tmp_path / "reparaties.csv"
    assert years == [year, year]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reparaties.csv"]  # no temporary
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(r["partner_product_category"], r["product_category"]) for r in rows] == [
        ("Kleine huishoudelijke apparaten ~ Waterkoker", "Kettle"),
        ("Meubels ~ Eikenhouten eettafel", "Misc")]
    assert window.statusBar().currentMessage() == (
        f"2 reparaties van {year} geëxporteerd naar {target}")
    assert messages.user_errors == []
    with ctx.db.read_session() as session:
        exported = session.scalars(select(AuditEntry.summary).where(
            AuditEntry.action == "export")).all()
    assert exported == [f"ORDS {year}"]
    # A folder that is not there: said in Dutch, nothing written, the audit undone.
    messages.save_paths = [tmp_path / "weg" / "ords.csv"]
    page.ords_button.click()
    assert messages.texts[0].startswith(
        f"Het ORDS-bestand kan niet worden opgeslagen in {tmp_path / 'weg' / 'ords.csv'}")
    with ctx.db.read_session() as session:
        assert len(session.scalars(select(AuditEntry.id).where(
            AuditEntry.action == "export")).all()) == 1


def test_ords_export_only_for_coaches(shop_db, invoer, begeleider, qtbot) -> None:
    _window, page = open_items_window(qtbot, AppContext(shop_db, actor=invoer))
    assert not page.ords_button.isVisible()
    page.export_ords()  # no dialog opens (the test configuration would fail on one)
    _window, page = open_items_window(qtbot, AppContext(shop_db, actor=begeleider))
    assert page.ords_button.isVisible()
