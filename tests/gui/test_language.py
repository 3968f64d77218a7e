"""Dutch by default, English at a click: Instellingen > Weergave switches the language at once
(a new main window for the same user, on the same tab), and the next start remembers it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication

from kringloopdesk.db.engine import Database
from kringloopdesk.gui import formatting
from kringloopdesk.gui.application import AppController, load_first_screen_data, switch_language
from kringloopdesk.gui.context import AppContext
from kringloopdesk.gui.main_window import MainWindow
from kringloopdesk.gui.pages.settings_page import SettingsPage
from kringloopdesk.i18n import current_language
from kringloopdesk.services.auth import Actor
from kringloopdesk.settings import read_local, write_local


@pytest.fixture(autouse=True)
def back_to_dutch(qapp: QApplication) -> Iterator[None]:
    """The language is the application's: later tests get Dutch and no stylesheet back."""
    yield
    switch_language(qapp, "nl")
    qapp.setStyleSheet("")


@pytest.fixture
def controller(shop_db: Database, qtbot) -> Iterator[AppController]:
    ctx = AppContext(shop_db, idle_lock_ms=24 * 3600 * 1000)
    controller = AppController(ctx, load_first_screen_data(ctx))
    yield controller
    controller.daily_timer.stop()
    if controller.main_window is not None:
        controller.main_window.discard()


def log_in(controller: AppController, actor: Actor, qtbot) -> MainWindow:
    controller.open_main_window(actor)
    window = controller.main_window
    assert isinstance(window, MainWindow)
    qtbot.waitExposed(window)
    return window


def choose_language(window: MainWindow, language: str) -> None:
    window.show_appearance_settings()
    combo = window.page_of(SettingsPage).appearance_tab.language_combo
    combo.setCurrentIndex(combo.findData(language))


def rail_labels(window: MainWindow) -> list[str]:
    return [button.text() for button in window.rail.buttons]


def test_switching_to_english_and_back(controller: AppController, beheerder: Actor,
                                       qtbot) -> None:
    window = log_in(controller, beheerder, qtbot)
    assert read_local("language") == "nl"  # Dutch by default
    assert "Deelnemers" in rail_labels(window) and "Instellingen" in rail_labels(window)

    choose_language(window, "en")

    english = controller.main_window
    assert isinstance(english, MainWindow) and english is not window
    assert english.isVisible() and not window.isVisible()
    labels = rail_labels(english)
    assert labels[:2] == ["Dashboard", "Workers"]
    assert {"Placements", "Hours", "Flows", "Settings"} <= set(labels)
    settings = english.current_page
    assert isinstance(settings, SettingsPage)  # where the user was: Settings > Weergave
    assert settings.tabs.currentWidget() is settings.appearance_scroll
    assert settings.title() == "Settings"
    assert english.logout_action.text() == "Log out"
    assert english.lock_action.text() == "Lock"
    # The core's messages and the words in dates follow; numbers stay Dutch-written.
    assert current_language() == "en" and english.ctx.language == "en"
    assert formatting.format_long_date(dt.date(2025, 3, 4)) == "Tuesday 4 March 2025"
    assert formatting.format_kg(Decimal("1234.5")) == "1.234,5 kg"
    assert read_local("language") == "en"  # kept for the next start

    choose_language(english, "nl")

    dutch = controller.main_window
    assert dutch is not english
    assert rail_labels(dutch)[:2] == ["Dashboard", "Deelnemers"]
    assert "Instellingen" in rail_labels(dutch)
    assert dutch.logout_action.text() == "Afmelden"
    assert formatting.format_long_date(dt.date(2025, 3, 4)) == "dinsdag 4 maart 2025"
    assert read_local("language") == "nl" and current_language() == "nl"


def test_a_volunteer_can_switch_too(controller: AppController, invoer: Actor, qtbot) -> None:
    """Every role has Instellingen > Weergave: it is this PC's setting, not the shop's."""
    window = log_in(controller, invoer, qtbot)
    choose_language(window, "en")
    assert "Weighing station" in rail_labels(controller.main_window)


def test_unsaved_changes_keep_the_window_and_the_language(
    controller: AppController, beheerder: Actor, qtbot, messages
) -> None:
    """A rebuild would lose what was typed: the user is asked first, and may stay."""
    window = log_in(controller, beheerder, qtbot)
    window.show_appearance_settings()
    settings = window.page_of(SettingsPage)
    settings.name_edit.setText("Kringloop De Nieuwe Naam")
    combo = settings.appearance_tab.language_combo

    combo.setCurrentIndex(combo.findData("en"))  # the answer in the test: stay (cancel)

    assert messages.unsaved_questions == ["de winkelgegevens"]
    assert controller.main_window is window
    assert combo.currentData() == "nl" and read_local("language") == "nl"
    assert settings.name_edit.text() == "Kringloop De Nieuwe Naam"


def test_the_next_start_speaks_the_chosen_language(shop_db: Database, qapp) -> None:
    """No --lang on the command line: the desktop app takes this PC's setting."""
    from kringloopdesk.gui.application import run_gui

    write_local("language", "en")
    url = shop_db.url.render_as_string(hide_password=False)

    assert run_gui(url, quit_after_paint=True) == 0

    assert qapp.property("kringloopdesk_language") == "en"
    assert current_language() == "en"
    assert QApplication.translate("MainWindow", "Afmelden") == "Log out"


def test_the_command_line_language_wins_for_this_start(shop_db: Database, qapp) -> None:
    from kringloopdesk.gui.application import run_gui

    write_local("language", "en")
    url = shop_db.url.render_as_string(hide_password=False)

    assert run_gui(url, quit_after_paint=True, language="nl") == 0

    assert qapp.property("kringloopdesk_language") == "nl"
    assert read_local("language") == "en"  # the setting itself is not changed


def test_the_gui_start_leaves_lang_to_the_setting() -> None:
    from kringloopdesk.cli import build_parser

    assert build_parser(with_commands=False).parse_args([]).lang is None
    assert build_parser(with_commands=False).parse_args(["--lang", "en"]).lang == "en"


def test_qt_speaks_along_and_the_old_catalogue_is_taken_out(qapp: QApplication) -> None:
    """Qt's own qtbase_nl makes standard buttons Dutch; switching back from English removes
    our English catalogue again (else it would still translate)."""
    switch_language(qapp, "nl")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    switch_language(qapp, "en")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QApplication.translate("MainWindow", "Afmelden") == "Log out"
    switch_language(qapp, "nl")
    assert QApplication.translate("MainWindow", "Afmelden") == "Afmelden"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
