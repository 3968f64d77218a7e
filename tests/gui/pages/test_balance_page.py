"""The Balans: periods with opening stock, intake, outflow per bestemming and stock, and the
warning (icon, text and a notice) where more went out than there was."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import ProductGroup
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.balance_page import WARNING_ROLE, BalancePage
from kringloopdesk.services import flows
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.flows import FlowInput

D = dt.date
YEAR = dt.date.today().year - 1  # a whole year in the past


def weigh(db: Database, actor: Actor) -> None:
    with db.session() as session:
        groups = dict(session.execute(select(ProductGroup.code, ProductGroup.id)).all())
        for day, direction, group, kg, channel in [
            (D(YEAR - 1, 12, 1), "in", "meubels", "10", "brengen"),
            (D(YEAR, 1, 5), "in", "meubels", "5", "ophalen"),
            (D(YEAR, 1, 20), "uit", "meubels", "8", "hergebruik"),
            (D(YEAR, 1, 21), "uit", "meubels", "2", "recycling"),
            (D(YEAR, 2, 3), "uit", "meubels", "6,5", "restafval"),
            (D(YEAR, 2, 4), "in", "textiel", "30", "brengen"),
        ]:
            flows.record_flow(session, actor,
                              FlowInput(day, direction, groups[group], kg, channel))


def open_balance(qtbot, db: Database, actor: Actor) -> BalancePage:
    window = MainWindow(AppContext(db, actor=actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    page = window.page_of(BalancePage)
    assert isinstance(page, BalancePage)
    window.show_page(window.pages.index(page))
    return page


def row(page: BalancePage, n: int) -> list[str]:
    return [page.model.index(n, c).data() for c in range(page.model.columnCount())]


def test_the_balance_per_month_warns_where_more_went_out(shop_db: Database, invoer: Actor,
                                                         qtbot, qtmodeltester) -> None:
    weigh(shop_db, invoer)
    page = open_balance(qtbot, shop_db, invoer)
    page.year_combo.set_value(YEAR)
    page.group_combo.set_value(page.group_combo.itemData(1))  # Meubels
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 12
    assert page.model.headerData(4, Qt.Orientation.Horizontal) == "→ Hergebruik (winkel)"
    january, february = row(page, 0), row(page, 1)
    # Periode, Let op, begin, in, 5 × uit, afvoer totaal, verschil, eind
    assert january == [f"januari {YEAR}", "", "10,0", "5,0", "8,0", "0,0", "2,0", "0,0",
                       "0,0", "10,0", "-5,0", "5,0"]
    assert february[:3] == [f"februari {YEAR}", "1,5 kg meer afgevoerd dan aanwezig", "5,0"]
    assert february[-1] == "-1,5"
    assert page.model.index(1, 0).data(WARNING_ROLE) is True
    assert page.model.index(1, 1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None
    assert not page.notice.isHidden()
    assert page.notice.title_label.text() == "Meer afgevoerd dan er was"


def test_all_groups_name_the_group_that_went_short(shop_db: Database, invoer: Actor,
                                                   qtbot) -> None:
    weigh(shop_db, invoer)
    page = open_balance(qtbot, shop_db, invoer)
    page.year_combo.set_value(YEAR)
    page.granularity_combo.set_value("quarter")
    assert page.model.rowCount() == 4
    first = row(page, 0)
    # Together there was enough (30 kg of textiel came in), but not of meubels.
    assert first[0] == f"1e kwartaal {YEAR}"
    assert first[1] == "Meer afgevoerd dan aanwezig: Meubels (1,5 kg)"
    assert first[3] == "35,0" and first[-1] == "28,5"
    assert not page.notice.isHidden()
    page.granularity_combo.set_value("year")
    assert [row(page, n)[0] for n in range(page.model.rowCount())] == [str(YEAR - 1),
                                                                       str(YEAR)]


def test_no_weighings_no_warning(shop_db: Database, invoer: Actor, qtbot) -> None:
    page = open_balance(qtbot, shop_db, invoer)
    assert page.notice.isHidden()
    assert all(row(page, n)[1] == "" for n in range(page.model.rowCount()))
