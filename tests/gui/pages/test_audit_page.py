"""Logboek: the beheerder reads who changed what, newest first, filters it, and a long log
opens with only its first window loaded. Nothing on the page changes an entry."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import insert

from kringloopdesk.db.models import AuditEntry
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.models.audit_model import BATCH_SIZE, AuditModel
from kringloopdesk.gui.pages.audit_page import AuditPage
from kringloopdesk.services.audit import AuditFilter, count_entries, list_entries
from kringloopdesk.services.auth import Actor

TODAY = dt.date(2025, 3, 15)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


def add_entries(ctx: AppContext, rows: list[dict]) -> None:
    with ctx.db.session() as session:
        session.execute(insert(AuditEntry), rows)


def entry(at: dt.datetime, username: str | None, action: str, entity: str, entity_id: int,
          fields: str | None = None, summary: str | None = None) -> dict:
    return {"at": at, "user_id": None, "username": username, "action": action,
            "entity": entity, "entity_id": entity_id, "fields": fields, "summary": summary}


@pytest.fixture
def history(ctx: AppContext, begeleider: Actor) -> None:
    """A few days of work, on top of what setting up the shop wrote."""
    add_entries(ctx, [
        entry(local(TODAY - dt.timedelta(days=40), 9), "marieke", "create", "workers", 12,
              '["first_name", "last_name", "number", "support_need"]'),
        entry(local(TODAY - dt.timedelta(days=3), 10, 5), "marieke", "update", "workers", 12,
              '["phone", "support_need"]'),
        entry(local(TODAY - dt.timedelta(days=1), 16, 30), "beheer", "export", "workers", 12,
              None, "inzage"),
        entry(local(TODAY, 8, 15), "beheer", "anonymise", "workers", 7,
              '["first_name", "last_name", "progress_notes"]'),
        entry(dt.datetime.now().astimezone() + dt.timedelta(hours=1), None, "login_failed",
              "users", 2),
    ])


@pytest.fixture
def page(ctx: AppContext, history: None, qtbot) -> AuditPage:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    page = window.page_of(AuditPage)
    page._today = TODAY
    window.show()
    window.show_page(window.pages.index(page))
    assert page.isVisible()
    return page


def row_texts(page: AuditPage, row: int) -> list[str]:
    return [page.proxy.index(row, c).data() for c in range(page.proxy.columnCount())]


def test_the_log_lists_who_when_what_and_which_fields_newest_first(
    page: AuditPage, qtmodeltester
) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    rows = [row_texts(page, r) for r in range(page.proxy.rowCount())]
    assert rows[0][1:] == ["(niet ingelogd)", "Inloggen mislukt", "Gebruiker marieke", ""]
    by_action = {row[2]: row for row in rows}
    anonymised = by_action["Geanonimiseerd"]
    assert anonymised == [
        local(TODAY, 8, 15).strftime("%d-%m-%Y %H:%M"),
        "beheer",
        "Geanonimiseerd",
        "Deelnemer #7",
        "voornaam, achternaam, voortgangsnotities",
    ]
    assert anonymised[0] == "15-03-2025 08:15"
    assert by_action["Geëxporteerd"][2:] == ["Geëxporteerd", "Deelnemer #12", "inzage"]
    assert by_action["Gewijzigd"][4] == "telefoon, ondersteuningsvraag"
    made = [row[3] for row in rows if row[2] == "Aangemaakt"]
    assert "Gebruiker marieke" in made and "Winkelgegevens" in made  # set-up and fixtures
    # The order is the log's: newest first.
    assert rows.index(anonymised) < rows.index(by_action["Geëxporteerd"])
    moments = [page.model.entry_at(r).at for r in range(page.model.rowCount())]
    assert moments == sorted(moments, reverse=True)
    total = page.model.rowCount()
    assert page.count_label.text() == f"{total} regels"


def test_filters(page: AuditPage, qtbot) -> None:
    page.user_combo.setCurrentIndex(page.user_combo.findData("marieke"))
    assert page.proxy.rowCount() == 3  # two changes and her login
    assert {row_texts(page, r)[1] for r in range(3)} == {"marieke"}
    assert page.reset_button.isVisible()

    page.action_combo.setCurrentIndex(page.action_combo.findData("update"))
    assert page.proxy.rowCount() == 1 and page.count_label.text() == "1 regel"

    page.clear_filter()
    page.entity_combo.setCurrentIndex(page.entity_combo.findData("workers"))
    assert page.proxy.rowCount() == 4

    page.period_combo.setCurrentIndex(page.period_combo.findData("week"))
    assert page.proxy.rowCount() == 3  # 40 days ago is out
    assert page.current_filter().start == local(TODAY - dt.timedelta(days=6), 0)
    assert page.current_filter().end == local(TODAY + dt.timedelta(days=1), 0)

    page.period_combo.setCurrentIndex(page.period_combo.findData("custom"))
    assert page.from_edit.isVisible() and page.to_edit.isVisible()
    day = TODAY - dt.timedelta(days=3)
    page.from_edit.setDate(QDate(day.year, day.month, day.day))
    page.to_edit.setDate(QDate(day.year, day.month, day.day))
    assert [row_texts(page, r)[2] for r in range(page.proxy.rowCount())] == ["Gewijzigd"]

    page.action_combo.setCurrentIndex(page.action_combo.findData("delete"))
    assert page.proxy.rowCount() == 0
    assert "Geen regels bij dit filter" in page.view.empty_text
    page.clear_filter()
    assert not page.reset_button.isVisible()


def test_the_log_cannot_be_changed_here(page: AuditPage, qtbot) -> None:
    index = page.proxy.index(0, 0)
    assert not page.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    page.view.setCurrentIndex(index)
    before = page.model.total
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    page.refresh()
    assert page.model.total == before
    buttons = {button.text() for button in page.findChildren(type(page.reset_button))}
    assert buttons == {"Vernieuwen", "Filter wissen"}


def test_a_long_log_opens_with_one_window_and_loads_more_when_scrolled(
    ctx: AppContext, qtbot
) -> None:
    start = local(TODAY, 12)
    add_entries(ctx, [
        entry(start - dt.timedelta(minutes=i), "marieke", "update", "workers", i % 500,
              '["phone"]')
        for i in range(100_000)
    ])
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    page = window.page_of(AuditPage)
    window.show()
    window.show_page(window.pages.index(page))

    total = page.model.total
    assert total > 100_000
    assert page.model.rowCount() == BATCH_SIZE  # not the whole log
    assert page.count_label.text().startswith("100.0")
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2 * BATCH_SIZE)
    ids = [page.model.entry_at(r).id for r in range(page.model.rowCount())]
    assert len(ids) == len(set(ids))
    with ctx.db.read_session() as session:
        expected = list_entries(session, ctx.actor, AuditFilter(), limit=len(ids))
    assert ids == [e.id for e in expected]


def test_the_model_alone_and_entries_written_while_scrolling(
    ctx: AppContext, qtmodeltester
) -> None:
    def load(flt: AuditFilter, offset: int, limit: int):
        with ctx.db.read_session() as session:
            return list_entries(session, ctx.actor, flt, offset=offset, limit=limit)

    def count(flt: AuditFilter):
        with ctx.db.read_session() as session:
            return count_entries(session, ctx.actor, flt)

    add_entries(ctx, [entry(local(TODAY, 9, i % 60), "beheer", "update", "users", 1)
                      for i in range(BATCH_SIZE + 50)])
    model = AuditModel(load, count)
    qtmodeltester.check(model)
    model.set_filter(AuditFilter(action="update"))
    assert model.rowCount() == BATCH_SIZE and model.canFetchMore()
    # A new entry comes in at the top: the next window overlaps the first by one, and the
    # overlap is not shown twice. (The new entry shows after a refresh.)
    add_entries(ctx, [entry(local(TODAY, 23), "beheer", "update", "users", 1)])
    model.fetchMore()
    ids = [model.entry_at(r).id for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == BATCH_SIZE + 50
    assert not model.canFetchMore()
    qtmodeltester.check(model)
    model.set_filter(AuditFilter(action="update"))
    assert model.total == BATCH_SIZE + 51
