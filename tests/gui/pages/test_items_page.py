"""Artikelen: the lazy list and its models, the scan field, the sale rule as the user meets it
(the refusal explained, a safety test offered and recorded), the live verdict of the test
form, and labels saved as PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.item_dialog import ItemDialog, ItemStatusDialog
from kringloopdesk.gui.dialogs.repair_dialog import RepairDialog
from kringloopdesk.gui.dialogs.safety_test_dialog import SafetyTestDialog
from kringloopdesk.gui.models.items_model import ItemsModel
from kringloopdesk.gui.pages.items_page import ItemsPage
from kringloopdesk.services.items import ItemFilter, ItemInput, create_item, get_item, list_items
from kringloopdesk.services.repairs import list_repairs
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
