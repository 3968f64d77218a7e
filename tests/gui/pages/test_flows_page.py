"""The Stromen list: count, filters, sorting in the database, the edit dialog on Enter and
Delete that asks first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import GoodsFlow, ProductGroup
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.flow_dialog import FlowDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.models.flows_model import FlowQuery, FlowsModel
from kringloopdesk.gui.pages.flows_page import FlowsPage
from kringloopdesk.services import flows
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.flows import FlowInput

D = dt.date


@pytest.fixture
def weighed(shop_db: Database, invoer: Actor) -> list[int]:
    with shop_db.session() as session:
        groups = dict(session.execute(select(ProductGroup.code, ProductGroup.id)).all())
        rows = [
            (D(2025, 1, 10), "in", "meubels", "100", "ophalen", "bankstel"),
            (D(2025, 1, 11), "in", "textiel", "20,5", "brengen", None),
            (D(2025, 2, 1), "uit", "meubels", "60", "hergebruik", None),
            (D(2025, 2, 2), "uit", "textiel", "5", "recycling", None),
        ]
        return [flows.record_flow(session, invoer, FlowInput(day, d, groups[g], kg, c, n)).id
                for day, d, g, kg, c, n in rows]


def open_flows(qtbot, db: Database, actor: Actor) -> tuple[MainWindow, FlowsPage]:
    window = MainWindow(AppContext(db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    page = window.page_of(FlowsPage)
    assert isinstance(page, FlowsPage)
    window.show_page(window.pages.index(page))
    return window, page


def column(page: FlowsPage, name: str) -> list[str]:
    c = page.model.column_of(name)
    return [page.proxy.index(r, c).data() for r in range(page.proxy.rowCount())]


def test_the_list_counts_filters_and_sorts(shop_db: Database, invoer: Actor,
                                           weighed: list[int], qtbot, qtmodeltester) -> None:
    _window, page = open_flows(qtbot, shop_db, invoer)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert page.count_label.text() == "4 wegingen"
    assert column(page, "flow_date") == ["02-02-2025", "01-02-2025", "11-01-2025",
                                         "10-01-2025"]
    assert column(page, "kg") == ["5", "60", "20,5", "100"]
    assert column(page, "channel") == ["Recycling", "Hergebruik (winkel)", "Gebracht",
                                       "Ophaaldienst"]
    page.view.sortByColumn(page.model.column_of("kg"), Qt.SortOrder.DescendingOrder)
    assert column(page, "kg") == ["100", "60", "20,5", "5"]
    page.direction_combo.set_value("uit")
    assert page.count_label.text() == "2 van 4 wegingen"
    assert [page.channel_combo.itemText(i) for i in range(page.channel_combo.count())][:2] == [
        "Alle herkomsten en bestemmingen", "Hergebruik (winkel)"]
    page.channel_combo.set_value("recycling")
    assert column(page, "product_group") == ["Textiel"]
    page.clear_filter()
    page.from_edit.setText("1-2-2025")
    page.from_edit.edit.editingFinished.emit()
    qtbot.waitUntil(lambda: page.model.total == 2)
    page.group_combo.set_value(page.group_combo.itemData(1))  # Meubels
    assert column(page, "kg") == ["60"]
    page.search_edit.setText("niets")
    page.apply_filter()
    assert page.proxy.rowCount() == 0
    assert page.view.empty_text.startswith("Geen wegingen gevonden")


def test_enter_opens_the_weighing_and_saves_a_correction(
    shop_db: Database, invoer: Actor, weighed: list[int], qtbot, answer_dialog
) -> None:
    window, page = open_flows(qtbot, shop_db, invoer)

    def correct(dialog: FlowDialog) -> None:
        assert dialog.kg_edit.text() == "5"
        dialog.kg_edit.setText("5,25")
        dialog.note_edit.setPlainText("natte kleding")
        dialog.accept()

    shown = answer_dialog(FlowDialog, correct)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert len(shown) == 1
    with shop_db.read_session() as session:
        flow = session.get(GoodsFlow, weighed[3])
        assert (flow.kg, flow.note) == (Decimal("5.25"), "natte kleding")
    assert column(page, "kg")[0] == "5,25"
    assert window.statusBar().currentMessage() == "Weging opgeslagen"


def test_a_bad_correction_stays_in_the_dialog(shop_db: Database, invoer: Actor,
                                              weighed: list[int], qtbot, answer_dialog) -> None:
    _window, page = open_flows(qtbot, shop_db, invoer)

    def wrong(dialog: FlowDialog) -> None:
        dialog.kg_edit.setText("0")
        dialog.accept()
        assert dialog.error_label.text() == "Gewicht (kg): Het gewicht moet meer dan 0 kg zijn"

    answer_dialog(FlowDialog, wrong)
    assert not page.open_flow(weighed[0])
    with shop_db.read_session() as session:
        assert session.get(GoodsFlow, weighed[0]).kg == Decimal(100)


def test_delete_asks_then_deletes(shop_db: Database, invoer: Actor, weighed: list[int],
                                  qtbot, messages) -> None:
    window, page = open_flows(qtbot, shop_db, invoer)
    page.view.setFocus()
    page.view.selectRow(1)
    messages.confirm_answer = False
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert messages.confirmations == ["Deze weging verwijderen?"]
    assert page.model.total == 4
    messages.confirm_answer = True
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.model.total == 3
    with shop_db.read_session() as session:
        assert session.get(GoodsFlow, weighed[2]) is None
    assert window.statusBar().currentMessage().startswith("Weging verwijderd: 60 kg Meubels")


def test_an_empty_list_says_what_to_do(shop_db: Database, invoer: Actor, qtbot) -> None:
    _window, page = open_flows(qtbot, shop_db, invoer)
    assert page.count_label.text() == "0 wegingen"
    assert page.view.empty_text.startswith("Nog geen wegingen — weeg goederen op de Weegpost")


def test_the_model_loads_in_windows(shop_db: Database, invoer: Actor, weighed: list[int],
                                    qtmodeltester) -> None:
    def load(q: FlowQuery, offset: int, limit: int):
        with shop_db.read_session() as session:
            return flows.list_flows(session, invoer, q.filter, q.sort, offset=offset,
                                    limit=limit)

    def count(q: FlowQuery) -> int:
        with shop_db.read_session() as session:
            return flows.count_flows(session, invoer, q.filter)

    model = FlowsModel(load, count)
    model.batch_size = 3
    model.set_query(FlowQuery())
    assert (model.rowCount(), model.total, model.canFetchMore()) == (3, 4, True)
    qtmodeltester.check(model)
    model.fetchMore()
    assert model.rowCount() == 4 and not model.canFetchMore()
