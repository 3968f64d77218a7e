"""The usual start paints the login before the database is open: the shop is read from its
SQLite file with ``sqlite3``, only when that file is a current KringloopDesk database; a
login asked for before the database is open waits for it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kringloopdesk.db.engine import Database
from kringloopdesk.db.migrate import head_revision
from kringloopdesk.db.revisions import head_from_files
from kringloopdesk.gui.application import (
    FirstScreen,
    open_context,
    peek_shop,
    plain_sqlite_file,
    run_gui,
)
from kringloopdesk.gui.dialogs.login_dialog import LoginDialog
from tests.conftest import BEHEERDER, BEHEERDER_PASSWORD
from tests.gui.helpers import type_into


@pytest.fixture(autouse=True)
def plain_style(qapp: QApplication) -> Iterator[None]:
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def shop_file(shop_db: Database) -> Path:
    """The shop's SQLite file (these tests are about SQLite files; PostgreSQL never takes
    this path)."""
    if shop_db.engine.url.get_backend_name() != "sqlite":
        pytest.skip("the login-first start is for SQLite files")
    return Path(shop_db.engine.url.database)


def test_the_version_files_name_the_same_head_as_alembic() -> None:
    assert head_from_files() == head_revision()


def test_a_path_or_a_sqlite_url_of_an_existing_file_is_plain(tmp_path: Path) -> None:
    file = tmp_path / "winkel.sqlite"
    file.write_bytes(b"")
    assert plain_sqlite_file(str(file)) == file.resolve()
    assert plain_sqlite_file(f"sqlite:///{file}") == file.resolve()
    assert plain_sqlite_file(str(tmp_path / "nieuw.sqlite")) is None  # created by the slow way
    assert plain_sqlite_file("postgresql+psycopg://kld@server/winkel") is None
    assert plain_sqlite_file(f"sqlite:///{file}?timeout=5") is None


def test_the_shop_is_read_from_a_current_database(shop_file: Path) -> None:
    shop = peek_shop(shop_file)
    assert shop == FirstScreen("Kringloop Amersfoort-Leusden", None, "#2e7d32")


def test_anything_but_a_current_shop_is_left_to_the_slow_way(db: Database, shop_file: Path,
                                                             tmp_path: Path) -> None:
    not_a_database = tmp_path / "boodschappen.sqlite"
    not_a_database.write_text("melk, brood, kaas\n", encoding="utf-8")
    assert peek_shop(not_a_database) is None
    with sqlite3.connect(shop_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    assert peek_shop(shop_file) is None
    assert not_a_database.read_text(encoding="utf-8") == "melk, brood, kaas\n"


def test_quit_after_paint_takes_the_login_first_path(
    shop_file: Path, capsys: pytest.CaptureFixture[str], messages
) -> None:
    assert run_gui(str(shop_file), quit_after_paint=True) == 0
    assert capsys.readouterr().out.strip().isdigit()
    assert messages.user_errors == [] and messages.bug_reports == []


def test_a_login_asked_for_before_the_database_is_open_goes_ahead_after(
    shop_file: Path, qtbot
) -> None:
    dialog = LoginDialog(None, FirstScreen("Kringloop Amersfoort-Leusden", None, None))
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.username_edit, BEHEERDER)
    type_into(qtbot, dialog.password_edit, BEHEERDER_PASSWORD)
    dialog.log_in()
    assert dialog.error_label.isHidden()
    ctx = open_context(str(shop_file))
    try:
        with qtbot.wait_signal(dialog.logged_in) as logged_in:
            dialog.attach(ctx)
        assert logged_in.args[0].username == BEHEERDER
    finally:
        ctx.db.dispose()
