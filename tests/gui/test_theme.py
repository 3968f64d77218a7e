"""The theme: built once per accent, theme and qt-material version, read from the cache after;
light by default, dark on request, the shop's accent in both."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QDir
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from kringloopdesk.gui import theme
from kringloopdesk.paths import cache_dir


def test_the_stylesheet_is_built_once_then_read_from_the_cache(qapp: QApplication) -> None:
    try:
        assert theme.apply_theme(qapp, "#2E7D32") is False  # built
        built = qapp.styleSheet()
        assert theme.apply_theme(qapp, "#2e7d32") is True  # cached
        assert qapp.styleSheet() == built
        assert "#2e7d32" in built
        [icon_dir] = QDir.searchPaths("icon")
        assert (cache_dir() / "theme").as_posix() in icon_dir.replace("\\", "/")
        assert (theme.Path(icon_dir) / "primary" / "checkbox_checked.svg").is_file()
        assert theme.current_colors().primary == "#2e7d32"

        # Without its icons folder the cache is not trusted: built again.
        shutil.rmtree(icon_dir)
        assert theme.apply_theme(qapp, "#2e7d32") is False
        assert theme.apply_theme(qapp, "#2e7d32") is True

        # Another accent is another stylesheet.
        assert theme.apply_theme(qapp, "#1e5a99") is False
        assert "#1e5a99" in qapp.styleSheet()
        assert QDir.searchPaths("icon")[0].endswith("icons-1e5a99")
    finally:
        qapp.setStyleSheet("")


def test_a_bad_accent_falls_back_to_the_deep_green() -> None:
    assert theme.normalise_accent("groen") == "#2e7d32"
    assert theme.normalise_accent(None) == "#2e7d32"
    assert theme.normalise_accent("#A66F00") == "#a66f00"


def background_and_text(qapp: QApplication) -> tuple[int, int]:
    """The lightness (0-255) of a main window's background and of a label's text, as drawn."""
    window = QMainWindow()
    label = QLabel("Deelnemers")
    window.setCentralWidget(label)
    window.resize(200, 80)
    image = window.grab().toImage()
    background = image.pixelColor(4, 4).lightness()
    return background, label.palette().color(QPalette.ColorRole.WindowText).lightness()


def test_light_is_the_default_and_dark_is_dark(qapp: QApplication) -> None:
    from kringloopdesk.settings import read_local

    try:
        qapp.setProperty("kringloopdesk_theme", None)
        assert read_local("theme") == "light"
        theme.apply_theme(qapp, "#2e7d32")
        assert theme.current_theme() == "light"
        background, text = background_and_text(qapp)
        assert background > 230 and text < 80  # dark text on warm white

        theme.apply_theme(qapp, "#2e7d32", "dark")
        assert theme.current_theme() == "dark" and theme.current_colors().is_dark
        background, text = background_and_text(qapp)
        assert background < 50 and text > 200  # light text on near-black
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 50

        # A new accent (the shop's profile saved) keeps the theme chosen on this PC.
        theme.apply_theme(qapp, "#1e5a99")
        assert theme.current_theme() == "dark"
        theme.apply_theme(qapp, "#2e7d32", "light")
        background, _text = background_and_text(qapp)
        assert background > 230
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    finally:
        qapp.setStyleSheet("")
        qapp.setProperty("kringloopdesk_theme", None)
        qapp.setPalette(qapp.style().standardPalette())


def test_the_accent_is_used_in_both_themes(qapp: QApplication) -> None:
    try:
        assert theme.apply_theme(qapp, "#6a3d8f", "light") is False
        light = qapp.styleSheet()
        assert theme.apply_theme(qapp, "#6a3d8f", "dark") is False  # its own cache entry
        dark = qapp.styleSheet()
        assert theme.apply_theme(qapp, "#6a3d8f", "light") is True
        assert theme.apply_theme(qapp, "#6a3d8f", "dark") is True
        assert dark != light
        assert QDir.searchPaths("icon")[0].endswith("icons-dark-6a3d8f")

        colors = theme.current_colors()
        # Filled buttons keep the accent itself (white text) ...
        assert "QPushButton#PrimaryButton { color: #ffffff; background-color: #6a3d8f" in dark
        assert "QPushButton#PrimaryButton { color: #ffffff; background-color: #6a3d8f" in light
        # ... text and outlines use it lightened until it reads on the dark background.
        assert colors.primary != "#6a3d8f" and colors.primary in dark
        assert theme.contrast(colors.primary, colors.secondary_dark) >= 4.5
        assert theme.contrast("#6a3d8f", colors.secondary_dark) < 4.5  # why it is lightened
        assert theme.current_colors().accent == "#6a3d8f"
    finally:
        qapp.setStyleSheet("")
        qapp.setProperty("kringloopdesk_theme", None)
        qapp.setPalette(qapp.style().standardPalette())


def test_our_own_rules_have_no_white_boxes_in_the_dark() -> None:
    """Cards, notices and error boxes are mixed with the theme's card colour, not with white;
    every text colour of ours reads on the dark card."""
    colors = theme.colors_for("#2e7d32", "dark")
    rules = theme.app_stylesheet(colors)
    assert "#ffffff;" not in rules.replace("color: #ffffff;", "")  # white only as text on fill
    for text in (colors.primary_text, colors.secondary_text, colors.muted_text, colors.danger,
                 colors.ochre, colors.primary):
        assert theme.contrast(text, colors.card) >= 4.5, text


def test_choosing_dark_in_weergave_applies_at_once_and_is_kept(shop_db, beheerder, qapp,
                                                                 qtbot) -> None:
    from kringloopdesk.gui.application import AppController, load_first_screen_data
    from kringloopdesk.gui.context import AppContext
    from kringloopdesk.gui.pages.settings_page import SettingsPage
    from kringloopdesk.settings import read_local

    ctx = AppContext(shop_db, idle_lock_ms=24 * 3600 * 1000)
    controller = AppController(ctx, load_first_screen_data(ctx))
    try:
        theme.apply_theme(qapp, "#2e7d32")
        controller.open_main_window(beheerder)
        window = controller.main_window
        window.show_appearance_settings()
        combo = window.page_of(SettingsPage).appearance_tab.theme_combo
        assert combo.currentData() == "light"

        combo.setCurrentIndex(combo.findData("dark"))

        assert read_local("theme") == "dark" and theme.current_theme() == "dark"
        assert "kringloop_dark" in theme._cache_key("#2e7d32", "dark")
        rebuilt = controller.main_window
        assert rebuilt is not window  # icons and charts are drawn in the dark colours
        qtbot.waitExposed(rebuilt)
        background = rebuilt.grab().toImage().pixelColor(rebuilt.width() - 4, 300)
        assert background.lightness() < 60
        settings = rebuilt.current_page
        assert isinstance(settings, SettingsPage)
        assert settings.appearance_tab.theme_combo.currentData() == "dark"
    finally:
        controller.daily_timer.stop()
        if controller.main_window is not None:
            controller.main_window.discard()
        qapp.setStyleSheet("")
        qapp.setProperty("kringloopdesk_theme", None)
        qapp.setPalette(qapp.style().standardPalette())
