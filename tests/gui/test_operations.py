"""The one route for changes: commit and tell the views, or roll back and report."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kringloopdesk.db.models import ShopProfile
from kringloopdesk.errors import UserError, ValidationError
from kringloopdesk.gui.context import SHOP, AppContext
from kringloopdesk.gui.operations import DatabaseOp, query
from kringloopdesk.services.setup import get_shop


def rename(session: Session, name: str) -> str:
    session.get(ShopProfile, 1).name = name
    session.flush()
    return name


def shop_name(ctx: AppContext) -> str:
    with ctx.db.read_session() as session:
        return get_shop(session).name


def test_a_successful_change_is_committed_announced_and_reported(ctx: AppContext, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    results: list[str] = []
    with qtbot.waitSignal(ctx.hub.changed) as changed:
        done = (
            DatabaseOp(ctx, window, lambda s: rename(s, "Kringloop Nieuw"), changes={SHOP})
            .success(results.append)
            .message("Winkelgegevens opgeslagen")
            .run()
        )
    assert done
    assert results == ["Kringloop Nieuw"]
    assert changed.args == [frozenset({SHOP})]
    assert shop_name(ctx) == "Kringloop Nieuw"
    assert window.statusBar().currentMessage() == "Winkelgegevens opgeslagen"


def test_a_user_error_rolls_back_and_goes_to_the_form(ctx: AppContext, messages) -> None:
    failures: list[UserError] = []

    def op(session: Session) -> None:
        rename(session, "Half")
        raise ValidationError("Controleer de gegevens.", {"name": "Te kort"})

    assert not DatabaseOp(ctx, None, op).failure(failures.append).run()
    assert [f.field_errors for f in failures] == [{"name": "Te kort"}]
    assert shop_name(ctx) == "Kringloop Amersfoort-Leusden"
    assert messages.user_errors == []


def test_a_user_error_without_a_form_is_a_dutch_message(ctx: AppContext, messages) -> None:
    def op(session: Session) -> None:
        raise UserError("Alleen een beheerder kan de winkelgegevens wijzigen.")

    assert not DatabaseOp(ctx, None, op).run()
    assert messages.texts == ["Alleen een beheerder kan de winkelgegevens wijzigen."]


def test_a_bug_rolls_back_is_logged_and_shown_with_details(
    ctx: AppContext, messages, caplog
) -> None:
    changes: list[object] = []
    ctx.hub.changed.connect(changes.append)

    def op(session: Session) -> None:
        rename(session, "Half")
        raise ZeroDivisionError("oeps")

    assert not DatabaseOp(ctx, None, op, changes={SHOP}).run()
    assert shop_name(ctx) == "Kringloop Amersfoort-Leusden"
    [details] = messages.bug_reports
    assert "ZeroDivisionError: oeps" in details
    assert "Operation failed" in caplog.text
    assert changes == []


def test_a_database_gone_away_is_a_user_error(ctx: AppContext, messages) -> None:
    def op(session: Session) -> None:
        raise OperationalError("UPDATE", {}, Exception("database is locked"))

    assert not DatabaseOp(ctx, None, op).run()
    [text] = messages.texts
    assert "in gebruik door een ander programma" in text


def test_query_reads_and_reports_errors(ctx: AppContext, messages) -> None:
    assert query(ctx, None, lambda s: get_shop(s).name) == "Kringloop Amersfoort-Leusden"

    def broken(session: Session) -> None:
        raise LookupError("weg")

    assert query(ctx, None, broken) is None
    assert "LookupError: weg" in messages.bug_reports[0]
