"""Starting the app: a database that cannot be opened, and the start-up benchmark's
``--quit-after-paint`` on both first windows."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kringloopdesk.db.engine import Database
from kringloopdesk.errors import DatabaseOpenError
from kringloopdesk.gui.application import process_age_seconds, run_gui


@pytest.fixture(autouse=True)
def plain_style(qapp: QApplication) -> Iterator[None]:
    """run_gui themes the shared QApplication; later tests get it back unstyled."""
    yield
    qapp.setStyleSheet("")


def url_of(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_a_database_that_cannot_be_opened_gives_a_dutch_message_and_exit_code_3(
    tmp_path: Path, messages
) -> None:
    not_a_database = tmp_path / "boodschappen.sqlite"
    not_a_database.write_text("melk, brood, kaas\n", encoding="utf-8")
    hook_before = sys.excepthook

    assert run_gui(str(not_a_database)) == 3

    [(error, title)] = messages.user_errors
    assert isinstance(error, DatabaseOpenError)
    assert "geen KringloopDesk-database" in error.message
    assert title == "De database kan niet worden geopend"
    assert not_a_database.read_text(encoding="utf-8") == "melk, brood, kaas\n"
    assert sys.excepthook is hook_before  # the hook is gone again after the run


def test_quit_after_paint_reports_the_start_up_time_of_the_login(
    shop_db: Database, capsys: pytest.CaptureFixture[str], messages
) -> None:
    assert run_gui(url_of(shop_db), quit_after_paint=True) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.isdigit()
    assert 0 < int(printed) <= process_age_seconds() * 1000 + 1
    assert messages.user_errors == [] and messages.bug_reports == []


def test_quit_after_paint_on_an_empty_database_paints_the_wizard(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_gui(url_of(db), quit_after_paint=True) == 0
    assert capsys.readouterr().out.strip().isdigit()


def test_quit_after_paint_never_waits_for_a_click_on_a_database_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], messages
) -> None:
    missing_folder = tmp_path / "bestaat-niet" / "winkel.sqlite"
    assert run_gui(str(missing_folder), quit_after_paint=True) == 3
    output = capsys.readouterr()
    assert output.out == ""
    assert "bestaat niet" in output.err
    assert messages.user_errors == []


def test_process_age_is_measured_from_the_process_start() -> None:
    import time

    import psutil

    age = process_age_seconds()
    # psutil counts from a boot time in whole seconds, so it may differ by up to 1 s.
    rough = time.time() - psutil.Process().create_time()
    # No upper bound: a slow run of the whole suite keeps this process alive for many minutes.
    assert age > 0
    assert abs(rough - age) < 1.5
