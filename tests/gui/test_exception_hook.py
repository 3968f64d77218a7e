"""Nothing dies silently: uncaught exceptions are logged and shown, from any thread."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer

from kringloopdesk.errors import UserError
from kringloopdesk.gui.exception_hook import ExceptionHook


@pytest.fixture
def hook(qapp) -> Iterator[ExceptionHook]:
    hook = ExceptionHook()
    hook.install()
    yield hook
    hook.uninstall()


def test_an_uncaught_exception_is_logged_and_shown(
    hook: ExceptionHook, messages, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    try:
        raise ValueError("de weegschaal gaf onzin")
    except ValueError:
        sys.excepthook(*sys.exc_info())

    [details] = messages.bug_reports
    assert "Traceback" in details and "ValueError: de weegschaal gaf onzin" in details
    assert "ValueError: de weegschaal gaf onzin" in caplog.text


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_qt_slot_reaches_the_dialog(hook: ExceptionHook, qtbot, messages) -> None:
    def broken_slot() -> None:
        raise KeyError("productgroep")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(messages.bug_reports) == 1)
    assert "KeyError: 'productgroep'" in messages.bug_reports[0]


def test_an_exception_in_another_thread_is_shown_in_the_gui_thread(
    hook: ExceptionHook, qtbot, messages
) -> None:
    def work() -> None:
        raise RuntimeError("export half af")

    thread = threading.Thread(target=work, name="export")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(messages.bug_reports) == 1)
    assert "RuntimeError: export half af" in messages.bug_reports[0]


def test_a_user_error_that_slipped_through_is_shown_as_a_message(
    hook: ExceptionHook, messages
) -> None:
    try:
        raise UserError("De schijf is vol. Maak ruimte vrij en probeer het opnieuw.")
    except UserError:
        sys.excepthook(*sys.exc_info())
    assert messages.texts == ["De schijf is vol. Maak ruimte vrij en probeer het opnieuw."]
    assert messages.bug_reports == []


def test_uninstall_restores_the_previous_hooks(qapp) -> None:
    before = (sys.excepthook, threading.excepthook)
    hook = ExceptionHook()
    hook.install()
    assert sys.excepthook == hook.excepthook
    hook.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
