"""A save that fails because another program holds the database (issue #8): the form stays
open, says why in Dutch, keeps everything typed, and saves once the lock is gone.

The lock is real: a second SQLite connection in ``BEGIN EXCLUSIVE``, or on PostgreSQL a
connection that holds the table in EXCLUSIVE mode. The busy timeout is cut to 0.1 s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from kringloopdesk.db import engine as engine_module
from kringloopdesk.db.models import GoodsFlow, Worker
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.flow_dialog import FlowDialog
from kringloopdesk.gui.widgets.worker_form import WorkerForm
from kringloopdesk.services.reference import product_groups
from tests.gui.helpers import type_into
from tests.unit.test_hostile_storage import Holder

BUSY = "is in gebruik door een ander programma. Sluit dat programma en probeer het opnieuw."


@pytest.fixture(autouse=True)
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(engine_module, "BUSY_RETRIES", 1)
    monkeypatch.setattr(engine_module, "BUSY_RETRY_PAUSE_S", 0.01)


@pytest.fixture
def hold(ctx: AppContext) -> Iterator[Callable[[str], Holder]]:
    """``hold(table)``: another program takes the lock now; released at the end anyway."""
    holders: list[Holder] = []

    def take(table: str) -> Holder:
        holders.append(Holder(ctx.db, table))
        return holders[-1]

    yield take
    for holder in holders:
        holder.release()


def test_flow_dialog_keeps_the_input_when_the_database_is_locked(ctx: AppContext, qtbot,
                                                                 messages, hold) -> None:
    with ctx.db.read_session() as session:
        groups = product_groups(session)
    dialog = FlowDialog(ctx, groups)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    day = dt.date.today() - dt.timedelta(days=1)
    dialog.date_edit.set_date(day)
    dialog.direction_combo.set_value("uit")
    dialog.group_combo.set_value(groups[1].id)
    type_into(qtbot, dialog.kg_edit, "12,5")
    dialog.channel_combo.set_value("hergebruik")
    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, "twee kasten ")
    dialog.note_edit.insertPlainText("Anaïs =cmd|' /c calc'!A1")  # as an input method would
    typed = dialog.current_input()

    holder = hold("goods_flows")
    dialog.submit_button.click()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error_label.isVisible() and dialog.error_label.text().endswith(BUSY)
    assert dialog.current_input() == typed  # every field as typed
    assert messages.user_errors == [] and messages.bug_reports == []
    with ctx.db.read_session() as session:
        assert session.scalars(select(GoodsFlow)).all() == []

    holder.release()  # the other program is done
    dialog.submit_button.click()
    assert dialog.result() == 1 and not dialog.isVisible()
    assert dialog.saved is not None
    with ctx.db.read_session() as session:
        flow = session.scalars(select(GoodsFlow)).one()
    assert (flow.flow_date, flow.direction, flow.kg, flow.channel, flow.note) == (
        day, "uit", Decimal("12.5"), "hergebruik", "twee kasten Anaïs =cmd|' /c calc'!A1")


def test_worker_form_keeps_the_input_when_the_database_is_locked(ctx: AppContext, qtbot,
                                                                 messages, hold) -> None:
    form = WorkerForm(ctx)
    qtbot.addWidget(form)
    form.resize(1100, 900)
    form.show()
    qtbot.waitExposed(form)
    form.new_worker()
    type_into(qtbot, form.first_name_edit, "Ana")
    form.first_name_edit.insert("ïs")  # QTest types ASCII; the rest as an input method would
    form.last_name_edit.setFocus()
    form.last_name_edit.insert("Çelik")
    form.doelgroep_combo.set_value("leerwerk")
    type_into(qtbot, form.city_edit, "Amersfoort")
    assert form.support_edit is not None
    form.support_edit.setFocus()
    form.support_edit.insertPlainText("Korte instructies, één stap tegelijk.")
    typed = form.current_input()
    assert form.save_button.isEnabled()

    holder = hold("workers")
    assert form.save() is False
    assert form.error_label.isVisible() and form.error_label.text().endswith(BUSY)
    assert form.current_input() == typed
    assert form.detail is None and form.save_button.isEnabled()  # ready to try again
    assert messages.user_errors == [] and messages.bug_reports == []
    with ctx.db.read_session() as session:
        assert session.scalars(select(Worker)).all() == []

    holder.release()
    assert form.save() is True
    assert form.detail is not None and form.detail.full_name == "Anaïs Çelik"
    assert not form.error_label.isVisible()
    with ctx.db.read_session() as session:
        worker = session.scalars(select(Worker)).one()
    assert (worker.first_name, worker.last_name) == ("Anaïs", "Çelik")
