"""The dashboard shows the right figures, the Dutch way, and reads them again on F5."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.engine import Database
from kringloopdesk.db.models import (
    Department,
    Doelgroep,
    GoodsFlow,
    Placement,
    ProductGroup,
    Worker,
)
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.dashboard_page import DashboardPage

TODAY = dt.date(2025, 3, 15)


def add_worker(session: Session, number: str) -> Worker:
    doelgroep = session.scalars(select(Doelgroep).order_by(Doelgroep.id)).first()
    worker = Worker(
        number=number,
        first_name="Test",
        last_name=number,
        doelgroep_id=doelgroep.id,
        start_date=dt.date(2024, 1, 1),
    )
    session.add(worker)
    session.flush()
    return worker


def add_placement(
    session: Session, worker: Worker, start: dt.date, end: dt.date | None = None
) -> None:
    department = session.scalars(select(Department).order_by(Department.id)).first()
    session.add(
        Placement(
            worker_id=worker.id,
            department_id=department.id,
            start_date=start,
            end_date=end,
            outcome="betaald_werk" if end else None,
            status="afgerond" if end else "actief",
            hours_per_week=Decimal(24),
        )
    )


def add_flow(session: Session, day: dt.date, direction: str, kg: str) -> None:
    group = session.scalars(select(ProductGroup).order_by(ProductGroup.id)).first()
    session.add(
        GoodsFlow(
            flow_date=day,
            direction=direction,
            product_group_id=group.id,
            kg=Decimal(kg),
            channel="brengen" if direction == "in" else "hergebruik",
        )
    )


def fill(db: Database) -> None:
    with db.session() as session:
        anna, bram, cees = (add_worker(session, n) for n in ("D-0001", "D-0002", "D-0003"))
        add_placement(session, anna, dt.date(2025, 1, 6))  # active
        add_placement(session, bram, dt.date(2024, 9, 1), dt.date(2025, 2, 28))  # ended
        add_placement(session, bram, dt.date(2025, 3, 1))  # active
        add_placement(session, cees, dt.date(2025, 4, 1))  # not started yet
        add_flow(session, dt.date(2025, 3, 1), "in", "1000.5")
        add_flow(session, dt.date(2025, 3, 10), "in", "60233.95")
        add_flow(session, dt.date(2025, 3, 14), "uit", "250")
        add_flow(session, dt.date(2025, 1, 20), "in", "500")
        add_flow(session, dt.date(2025, 2, 3), "uit", "100.25")
        add_flow(session, dt.date(2024, 12, 31), "in", "9999")  # last year
        add_flow(session, dt.date(2025, 3, 16), "in", "7777")  # after today


def test_the_dashboard_shows_the_figures_the_dutch_way(ctx: AppContext, qtbot) -> None:
    fill(ctx.db)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.load(today=TODAY)

    shown = {key: card.text() for key, card in page.cards.items()}
    assert shown == {
        "active_workers": "2",
        "active_placements": "2",
        "kg_in_month": "61.234,5 kg",  # 61,234.45 rounded half up
        "kg_out_month": "250,0 kg",
        "kg_in_year": "61.734,5 kg",
        "kg_out_year": "350,3 kg",  # 350.25 rounded half up
    }
    assert page.date_label.text() == "Vandaag is het zaterdag 15 maart 2025"
    assert page.month_title.text() == "Goederen — maart 2025"
    assert page.year_title.text() == "Goederen — heel 2025"


def test_an_empty_shop_shows_zeros(ctx: AppContext, qtbot) -> None:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.load(today=TODAY)
    assert page.cards["active_workers"].text() == "0"
    assert page.cards["kg_in_year"].text() == "0,0 kg"


def test_f5_reads_the_figures_again(ctx: AppContext, qtbot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow)
    page = window.current_page
    assert isinstance(page, DashboardPage)
    assert page.cards["kg_in_month"].text() == "0,0 kg"  # read when shown

    with ctx.db.session() as session:
        add_flow(session, dt.date.today(), "in", "12.34")
    qtbot.keyClick(window, Qt.Key.Key_F5)

    assert page.cards["kg_in_month"].text() == "12,3 kg"
    assert page.cards["kg_in_year"].text() == "12,3 kg"
