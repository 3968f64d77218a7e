"""Instellingen › CO₂-factoren: see a set version by version, make a new version with the
decimal comma and the reason next to a wrong factor, choose the default; read-only for others."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kringloopdesk.db.models import FactorSet
from kringloopdesk.gui.context import GOODS, AppContext
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.gui.widgets.factor_sets_editor import (
    FACTOR,
    GROUP,
    PROBLEM,
    FactorSetsEditor,
    factor_text,
)
from kringloopdesk.services.co2 import get_factor_set
from kringloopdesk.services.figures import FactorSetRef, default_factor_set


def editor_for(ctx: AppContext, qtbot) -> FactorSetsEditor:
    editor = FactorSetsEditor(ctx)
    qtbot.addWidget(editor)
    editor.refresh()
    return editor


def row_of(editor: FactorSetsEditor, code: str) -> int:
    return next(i for i, r in enumerate(editor.model._rows) if r.code == code)


def cell(editor: FactorSetsEditor, code: str, column: int) -> str:
    return editor.model.index(row_of(editor, code), column).data()


def choose_set(editor: FactorSetsEditor, code: str) -> None:
    editor.set_combo.setCurrentIndex(editor.set_combo.findData(code))


def test_factor_text_is_dutch_without_trailing_zeros() -> None:
    assert [factor_text(Decimal(t)) for t in ("1.4500", "13.5", "1.0000", "0", "1000")] == [
        "1,45", "13,5", "1", "0", "1000"]
    assert factor_text(None) == ""


def test_the_sets_and_their_factors_are_shown(ctx: AppContext, qtbot, qtmodeltester) -> None:
    editor = editor_for(ctx, qtbot)
    qtmodeltester.check(editor.model)
    assert [editor.set_combo.itemText(i) for i in range(editor.set_combo.count())] == [
        "bkn_tno — BKN / TNO vuistregel (1 kg CO2 per kg hergebruik) (standaard)",
        editor.set_combo.itemText(1),
    ]
    assert editor.set_combo.itemData(1) == "restart_wrap"
    assert editor.detail is not None and editor.detail.label == "bkn_tno@1"
    assert cell(editor, "meubels", FACTOR) == "1"
    assert editor.status_label.text().startswith("bkn_tno@1 · Meegeleverd met KringloopDesk.")
    assert "TNO" in editor.source_edit.toPlainText()
    assert editor.default_button.isHidden()  # it is the default already

    choose_set(editor, "restart_wrap")
    assert editor.detail.label == "restart_wrap@1"
    assert cell(editor, "textiel", FACTOR) == "13,5"
    assert cell(editor, "meubels", GROUP) == "Meubels"
    assert not editor.default_button.isHidden() and not editor.edit_button.isHidden()
    qtmodeltester.check(editor.model)


def test_a_new_version_with_the_decimal_comma(ctx: AppContext, qtbot, qtmodeltester) -> None:
    editor = editor_for(ctx, qtbot)
    heard: list[frozenset[str]] = []
    ctx.hub.changed.connect(heard.append)
    choose_set(editor, "restart_wrap")
    editor.start_edit()
    qtmodeltester.check(editor.model)
    assert editor.save_button.text() == "Opslaan als restart_wrap@2"
    assert not editor.save_button.isEnabled()
    assert editor.blocked_label.text() == "Nog niets veranderd"

    model = editor.model
    assert model.setData(model.index(row_of(editor, "meubels"), FACTOR), "-1")
    assert cell(editor, "meubels", PROBLEM) == "Een factor is 0 of meer"
    assert model.index(row_of(editor, "meubels"), PROBLEM).data(
        Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert not editor.save_button.isEnabled()
    assert editor.blocked_label.text() == (
        "Opslaan kan nog niet — Meubels: Een factor is 0 of meer")
    model.setData(model.index(row_of(editor, "meubels"), FACTOR), "1,6")
    assert cell(editor, "meubels", PROBLEM) == "gewijzigd"
    assert editor.save_button.isEnabled()
    editor.source_edit.setPlainText("WRAP 2011, bijgesteld voor banken")
    qtmodeltester.check(model)

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.detail.label == "restart_wrap@2"
    assert not editor.editing and editor.save_button.isHidden()
    assert cell(editor, "meubels", FACTOR) == "1,6"
    assert GOODS in heard[-1]
    with ctx.db.read_session() as session:
        old = get_factor_set(session, ctx.actor, "restart_wrap@1")
        new = get_factor_set(session, ctx.actor, "restart_wrap@2")
    assert old.factors()["meubels"] == Decimal("1.45")  # untouched
    assert new.factors()["meubels"] == Decimal("1.6")
    assert new.source == "WRAP 2011, bijgesteld voor banken"
    versions = [editor.version_combo.itemData(i) for i in range(editor.version_combo.count())]
    assert versions == [2, 1]


def test_making_a_version_the_default(ctx: AppContext, qtbot) -> None:
    editor = editor_for(ctx, qtbot)
    choose_set(editor, "restart_wrap")
    qtbot.mouseClick(editor.default_button, Qt.MouseButton.LeftButton)
    with ctx.db.read_session() as session:
        assert default_factor_set(session) == FactorSetRef("restart_wrap", 1)
    assert editor.set_combo.currentData() == "restart_wrap"
    assert editor.set_combo.currentText().endswith("(standaard)")
    assert editor.detail.is_default and editor.default_button.isHidden()


def test_cancel_and_leaving_with_changes(ctx: AppContext, qtbot, messages) -> None:
    from kringloopdesk.gui.messages import UnsavedChoice

    editor = editor_for(ctx, qtbot)
    editor.start_edit()
    editor.model.setData(editor.model.index(0, FACTOR), "2")
    assert not editor.may_leave()  # the test's answer: cancel
    assert messages.unsaved_questions == ["de nieuwe CO₂-factoren"]
    assert editor.editing
    messages.unsaved_answer = UnsavedChoice.DISCARD
    assert editor.may_leave()
    assert not editor.editing and cell(editor, "meubels", FACTOR) == "1"
    with ctx.db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(FactorSet)) == 2


def test_a_refused_version_keeps_what_was_typed(ctx: AppContext, qtbot, messages) -> None:
    editor = editor_for(ctx, qtbot)
    editor.start_edit()
    editor.model.setData(editor.model.index(row_of(editor, "textiel"), FACTOR), "3")
    # Someone else saves bkn_tno@2 in the meantime.
    with ctx.db.session() as session:
        from kringloopdesk.services.co2 import new_version

        values = get_factor_set(session, ctx.actor, "bkn_tno").factors()
        new_version(session, ctx.actor, "bkn_tno", {**values, "fietsen": Decimal(2)})
    assert not editor.save()
    assert messages.texts and "versie 2" in messages.texts[-1]
    assert editor.editing and cell(editor, "textiel", FACTOR) == "3"


def test_other_roles_see_the_factors_read_only(shop_db, invoer, qtbot, qtmodeltester) -> None:
    ctx = AppContext(shop_db, actor=invoer)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show_factors()
    editor = page.factor_editor
    assert not page.tabs.tabBar().isHidden()
    assert editor.detail is not None and editor.detail.label == "bkn_tno@1"
    assert editor.edit_button.isHidden() and editor.default_button.isHidden()
    editor.start_edit()
    assert not editor.editing
    index = editor.model.index(0, FACTOR)
    assert not editor.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not editor.model.setData(index, "5")
    qtmodeltester.check(editor.model)
