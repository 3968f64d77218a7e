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


class Recorder:
    """The model's loader and counter over the shop, remembering what was asked."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db, self.actor = db, actor
        self.loads: list[tuple[bool, int, int]] = []  # (descending, offset, limit)
        self.counts = 0

    def load(self, q: FlowQuery, offset: int, limit: int):
        self.loads.append((q.sort.descending, offset, limit))
        with self.db.read_session() as session:
            return flows.list_flows(session, self.actor, q.filter, q.sort, offset=offset,
                                    limit=limit)

    def count(self, q: FlowQuery) -> int:
        self.counts += 1
        with self.db.read_session() as session:
            return flows.count_flows(session, self.actor, q.filter)


def windowed(db: Database, actor: Actor, batch_size: int) -> tuple[FlowsModel, Recorder]:
    recorder = Recorder(db, actor)
    model = FlowsModel(recorder.load, recorder.count)
    model.batch_size = batch_size
    return model, recorder


def test_the_first_window_comes_before_the_count(shop_db: Database, invoer: Actor,
                                                 weighed: list[int], qtbot,
                                                 qtmodeltester) -> None:
    model, recorder = windowed(shop_db, invoer, 3)
    model.set_query(FlowQuery())
    assert (model.rowCount(), model.total_known, model.canFetchMore()) == (3, False, True)
    assert recorder.counts == 0
    with qtbot.waitSignal(model.total_changed):
        pass  # the count follows on the next turn of the event loop
    assert (model.rowCount(), model.total, model.total_known) == (4, 4, True)
    assert not model.canFetchMore() and recorder.counts == 1
    assert [model.row_at(r).id for r in range(4)] == weighed[::-1]
    qtmodeltester.check(model)


def test_the_last_row_is_read_backwards_without_the_rest(shop_db: Database, invoer: Actor,
                                                          weighed: list[int]) -> None:
    model, recorder = windowed(shop_db, invoer, 1)
    model.set_query(FlowQuery())
    model.finish_count()
    recorder.loads.clear()
    last = model.index(model.rowCount() - 1, model.column_of("flow_date"))
    assert last.data() == "10-01-2025"  # the oldest: newest first
    assert recorder.loads == [(False, 0, 1)]  # one window, from the other end
    assert model.index(1, 0).data() == "01-02-2025"
    assert recorder.loads[-1] == (True, 1, 1)


def test_before_the_count_the_list_grows_as_scrolled(shop_db: Database, invoer: Actor,
                                                     weighed: list[int]) -> None:
    model, recorder = windowed(shop_db, invoer, 3)
    model.set_query(FlowQuery())
    model.fetchMore()  # the view reached the end before the count came: one short window
    assert (model.rowCount(), model.total, model.total_known) == (4, 4, True)
    assert not model.canFetchMore()
    model.finish_count()
    assert recorder.counts == 0  # a short window is the end: nothing left to count


def test_a_search_counts_first_and_asks_for_rows_only_if_there_are_any(
        shop_db: Database, invoer: Actor, weighed: list[int]) -> None:
    model, recorder = windowed(shop_db, invoer, 1)
    model.set_query(FlowQuery(flows.FlowFilter(text="niets")))
    assert (recorder.counts, recorder.loads, model.rowCount()) == (1, [], 0)
    model.set_query(FlowQuery(flows.FlowFilter(text="BANK")))
    assert (recorder.counts, len(recorder.loads), model.rowCount()) == (2, 1, 1)
    assert model.total_known and model.row_at(0).id == weighed[0]


def test_a_new_sort_does_not_count_again(shop_db: Database, invoer: Actor,
                                         weighed: list[int]) -> None:
    model, recorder = windowed(shop_db, invoer, 2)
    model.set_query(FlowQuery())
    model.finish_count()
    model.sort(model.column_of("kg"), Qt.SortOrder.DescendingOrder)
    assert (recorder.counts, model.rowCount(), model.total_known) == (1, 4, True)
    kg = model.column_of("kg")
    assert [model.index(r, kg).data() for r in range(4)] == ["100", "60", "20,5", "5"]
    assert model.load_until(weighed[3]) == 3


def test_the_count_label_follows_the_first_window(shop_db: Database, invoer: Actor,
                                                  weighed: list[int], qtbot) -> None:
    _window, page = open_flows(qtbot, shop_db, invoer)
    page.model.batch_size = 2
    page.direction_combo.set_value("in")
    assert page.proxy.rowCount() == 2
    qtbot.waitUntil(lambda: page.count_label.text() == "2 van 4 wegingen")
    page.clear_filter()
    assert page.proxy.rowCount() == 2 and not page.model.total_known
    qtbot.waitUntil(lambda: page.count_label.text() == "4 wegingen")
    assert page.proxy.rowCount() == 4
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.selected_flow().id == weighed[0]
