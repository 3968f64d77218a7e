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


def test_the_aandachtspunten_show_counts_and_the_first_names(
    shop_db: Database, begeleider, qtbot
) -> None:
    from kringloopdesk.services.reminders import NO_HOURS_DAYS, reminders
    from tests.unit.hours_data import add_goal, add_hours
    from tests.unit.hours_data import add_placement as place
    from tests.unit.hours_data import add_worker as worker

    with shop_db.session() as session:
        for n in range(6):
            someone = worker(session, f"D-01{n}", "Test", f"Aflopend{n}")
            place(session, someone, "winkel", TODAY - dt.timedelta(days=100),
                  planned_end=TODAY + dt.timedelta(days=n))
        anna = place(session, worker(session, "D-0201", "Anna", "Zand"), "kassa",
                     TODAY - dt.timedelta(days=100))
        add_goal(session, anna, TODAY - dt.timedelta(days=3),
                 description="Zelfstandig de kassa bedienen en afrekenen met de pinautomaat")
        add_hours(session, anna, TODAY - dt.timedelta(days=NO_HOURS_DAYS), "4")
    page = DashboardPage(AppContext(shop_db, actor=begeleider))
    qtbot.addWidget(page)
    page.load(today=TODAY)

    ending = page.reminder_cards["ending"]
    assert ending.count_label.text() == "6"
    assert ending.lines[0] == ("Test Aflopend0 (D-010)", "Winkel · einde vandaag")
    assert ending.lines[1] == ("Test Aflopend1 (D-011)", "Winkel · einde 16-03-2025 (over 1 d.)")
    assert len(ending.lines) == 4 and ending.more_label.text() == "en nog 2"
    goals = page.reminder_cards["goals"]
    assert goals.count_label.text() == "1"
    assert goals.lines == [("Anna Zand (D-0201)",
                            "Zelfstandig de kassa bedienen en afrekenen met… · 3 d. over tijd")]
    hours = page.reminder_cards["missing_hours"]
    assert hours.count_label.text() == "7"
    # Never any hours first; Anna, who had hours 14 days ago, comes after the six.
    assert hours.lines[0] == ("Test Aflopend0 (D-010)", "Winkel · nog nooit uren")
    assert hours.more_label.text() == "en nog 3"
    with shop_db.read_session() as session:
        everyone = reminders(session, begeleider, TODAY, limit=None).missing_hours.items
    assert page._hours_line(everyone[-1]) == ("Anna Zand (D-0201)", "Kassa · laatst op 01-03-2025")


def test_a_volunteer_sees_only_the_hours_reminder(shop_db: Database, invoer, qtbot) -> None:
    page = DashboardPage(AppContext(shop_db, actor=invoer))
    qtbot.addWidget(page)
    page.load(today=TODAY)
    assert list(page.reminder_cards) == ["missing_hours"]
    card = page.reminder_cards["missing_hours"]
    assert card.count_label.text() == "0"
    assert "Iedereen heeft recent uren" in card.items_label.text()
    assert page.reminders is not None and page.reminders.ending is None
