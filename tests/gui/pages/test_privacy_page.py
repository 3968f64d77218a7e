"""Privacy (AVG): the retention list with anonymisation, the inzage export (PDF and JSON) of
one person found by number or name, and deleting a person after typing their number."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kringloopdesk.db.models import Department, Placement, Worker
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.dialogs.delete_person_dialog import DeletePersonDialog
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.models.retention_model import RetentionModel
from kringloopdesk.gui.pages.privacy_page import PrivacyPage
from kringloopdesk.services.audit import AuditFilter, list_entries
from kringloopdesk.services.privacy import retention_candidates
from kringloopdesk.services.workers import WorkerInput, create_worker
from tests.gui.helpers import pdf_text, type_into

TODAY = dt.date.today()


def years_ago(years: int, days: int = 0) -> dt.date:
    return TODAY.replace(year=TODAY.year - years) - dt.timedelta(days=days)


def add_worker(ctx: AppContext, number: str, first: str, last: str, ended: dt.date | None,
               support_need: str | None = None) -> int:
    with ctx.db.session() as session:
        detail = create_worker(session, ctx.actor, WorkerInput(
            number=number, first_name=first, last_name=last, doelgroep="participatiewet",
            start_date=years_ago(6), email=f"{first.lower()}@voorbeeld.example",
            support_need=support_need,
        ))
        department = session.scalars(select(Department).order_by(Department.id)).first()
        session.add(Placement(
            worker_id=detail.id, department_id=department.id, start_date=years_ago(5),
            end_date=ended, outcome="betaald_werk" if ended else None,
            status="afgerond" if ended else "actief", hours_per_week=Decimal(20),
        ))
        return detail.id


@pytest.fixture
def people(ctx: AppContext) -> dict[str, int]:
    return {
        "anna": add_worker(ctx, "D-0001", "Anna", "de Boer", years_ago(3),
                           "Werkt het best met vaste taken in de ochtend"),
        "bram": add_worker(ctx, "D-0002", "Bram", "Visser", years_ago(2, days=10)),
        "cees": add_worker(ctx, "D-0003", "Cees", "Kok", years_ago(1)),  # not yet
        "dirk": add_worker(ctx, "D-0004", "Dirk", "Mulder", None),  # still working
    }


@pytest.fixture
def window(ctx: AppContext, people: dict[str, int], qtbot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.idle_watcher.stop())
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def page(window: MainWindow) -> PrivacyPage:
    page = window.page_of(PrivacyPage)
    window.show_page(window.pages.index(page))
    assert page.isVisible()
    return page


def numbers(page: PrivacyPage) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def audit_actions(ctx: AppContext, worker_id: int) -> list[str]:
    with ctx.db.read_session() as session:
        entries = list_entries(session, ctx.actor, AuditFilter(entity="workers",
                                                               entity_id=worker_id))
    return [e.action for e in entries]


def test_the_retention_list(page: PrivacyPage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert numbers(page) == ["D-0001", "D-0002"]  # the oldest first
    row = [page.proxy.index(0, c).data() for c in range(page.proxy.columnCount())]
    assert row == [
        "D-0001", "Anna de Boer", years_ago(3).strftime("%d-%m-%Y"), "1",
        "Laatste plaatsing eindigde meer dan 2 jaar geleden",
    ]
    assert page.count_label.text() == "2 deelnemers"
    assert "meer dan 2 jaar" in page.retention_note.text()
    assert not page.anonymise_button.isEnabled()


def test_anonymising_asks_first_and_keeps_the_figures(
    page: PrivacyPage, window: MainWindow, ctx: AppContext, people, qtbot, messages
) -> None:
    page.view.selectRow(0)
    assert page.anonymise_button.isEnabled()

    messages.confirm_answer = False
    qtbot.mouseClick(page.anonymise_button, Qt.MouseButton.LeftButton)
    assert messages.confirmations == ["D-0001 Anna de Boer anonimiseren?"]
    assert numbers(page) == ["D-0001", "D-0002"]

    messages.confirm_answer = True
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter: the same question

    assert numbers(page) == ["D-0002"]
    assert window.statusBar().currentMessage() == "D-0001 Anna de Boer is geanonimiseerd"
    with ctx.db.read_session() as session:
        anna = session.get(Worker, people["anna"])
        assert anna.last_name == "Geanonimiseerd" and anna.email is None
        assert anna.support_need_enc is None
        assert len(anna.placements) == 1  # dates, hours and uitstroom stay
        assert [c.number for c in retention_candidates(session, ctx.actor)] == ["D-0002"]
    assert audit_actions(ctx, people["anna"])[0] == "anonymise"


def test_the_inzage_export_as_pdf_and_json(
    page: PrivacyPage, window: MainWindow, ctx: AppContext, people, qtbot, messages,
    tmp_path: Path,
) -> None:
    assert not page.pdf_button.isEnabled() and not page.delete_button.isEnabled()
    found = page.picker.search("boer")
    assert [w.number for w in found] == ["D-0001"]
    assert page.picker.suggestions.rowCount() == 1
    assert page.picker.suggestions.item(0).text() == "D-0001 Anna de Boer"
    page.picker.completer_.activated[type(page.picker.suggestions.index(0, 0))].emit(
        page.picker.suggestions.index(0, 0)
    )
    assert page.picker.worker.number == "D-0001"
    assert page.pdf_button.isEnabled() and page.json_button.isEnabled()

    messages.save_paths.append(tmp_path / "inzage")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert messages.save_questions == ["Inzage D-0001 Anna de Boer.pdf"]
    text = pdf_text(tmp_path / "inzage.pdf")
    assert "Anna" in text and "Werkt het best met vaste taken in de ochtend" in text
    assert window.statusBar().currentMessage() == (
        "Inzage van D-0001 opgeslagen als inzage.pdf"
    )

    messages.save_paths.append(tmp_path / "inzage.json")
    qtbot.mouseClick(page.json_button, Qt.MouseButton.LeftButton)
    data = json.loads((tmp_path / "inzage.json").read_text(encoding="utf-8"))
    assert data["worker"]["number"] == "D-0001"
    assert data["worker"]["support_need"] == "Werkt het best met vaste taken in de ochtend"
    assert audit_actions(ctx, people["anna"]).count("export") == 2

    # A file that cannot be written leaves no "exported" entry behind.
    messages.save_paths.append(tmp_path / "bestaat-niet" / "inzage.json")
    qtbot.mouseClick(page.json_button, Qt.MouseButton.LeftButton)
    assert "kan niet worden opgeslagen" in messages.texts[-1]
    assert audit_actions(ctx, people["anna"]).count("export") == 2

    messages.save_paths.clear()  # cancelled: nothing happens
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert audit_actions(ctx, people["anna"]).count("export") == 2


def test_deleting_a_person_needs_their_number(
    page: PrivacyPage, window: MainWindow, ctx: AppContext, people, qtbot, answer_dialog
) -> None:
    [bram] = page.picker.search("D-0002")
    page.picker.set_worker(bram)

    def wrong_then_right(dialog: DeletePersonDialog) -> None:
        assert not dialog.submit_button.isEnabled()
        type_into(qtbot, dialog.number_edit, "D-0003")
        assert not dialog.submit_button.isEnabled()
        assert "typ D-0002 om te bevestigen" in dialog.blocked_label.text()
        dialog.accept()
        assert dialog.result() == 0
        dialog.number_edit.clear()
        type_into(qtbot, dialog.number_edit, "d-0002")
        assert dialog.submit_button.isEnabled()
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    shown = answer_dialog(DeletePersonDialog, wrong_then_right)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    assert window.statusBar().currentMessage() == "D-0002 Bram Visser is verwijderd"
    assert page.picker.worker is None and page.picker.text() == ""
    assert numbers(page) == ["D-0001"]
    with ctx.db.read_session() as session:
        assert session.get(Worker, people["bram"]) is None
    assert audit_actions(ctx, people["bram"])[0] == "delete"


def test_cancelling_the_deletion_deletes_nothing(
    page: PrivacyPage, ctx: AppContext, people, qtbot, answer_dialog
) -> None:
    [cees] = page.picker.search("Kok")
    page.picker.set_worker(cees)
    answer_dialog(DeletePersonDialog, lambda dialog: dialog.reject())
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    with ctx.db.read_session() as session:
        assert session.get(Worker, people["cees"]) is not None
    assert page.picker.worker == cees


def test_the_retention_model_alone(qtmodeltester, ctx: AppContext, people) -> None:
    model = RetentionModel()
    qtmodeltester.check(model)
    with ctx.db.read_session() as session:
        model.set_candidates(retention_candidates(session, ctx.actor), 2)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
